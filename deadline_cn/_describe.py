"""One readable line per result, built from its dict form (so every kind reads the same way)."""

from __future__ import annotations

from typing import Any

_PRECISION = {"day": "", "xun": " (xun)", "month": " (end of month)", "quarter": " (end of quarter)",
              "half": " (end of half-year)", "year": " (end of year)"}


def describe(d: dict[str, Any]) -> str:
    body = _BODY[d["kind"]](d)
    if d.get("scope"):
        body += f" — {d['scope']}"
    if d.get("flags"):
        body += f" [{', '.join(d['flags'])}]"
    return body


def _deadline(d: dict[str, Any]) -> str:
    out = f"due {d['due']}{_PRECISION.get(d['precision'], '')}"
    if d.get("start"):
        out = f"between {d['start']} and {d['due']}"
    for alt in d.get("alternatives") or ():
        out += f" (or {alt['due']}, {alt['reading']})"
    return out


def _window(d: dict[str, Any]) -> str:
    label = f"{d['label']}: " if d.get("label") else ""
    return f"{label}during {d['start']} … {d['end']}"


def _ongoing(d: dict[str, Any]) -> str:
    start = f"from {d['start']}" if d.get("start") else "ongoing"
    return f"{start} until {d['end']}" if d.get("end") else f"{start}, open-ended"


def _recurrence(d: dict[str, Any]) -> str:
    out = f"repeats {d['freq']}"
    if d.get("holiday"):
        out += f" at {d['holiday']}"
    if d.get("rrule"):
        out += f" ({d['rrule']})"
    if d.get("dtstart"):
        out += f" from {d['dtstart']}"
    if d.get("count_min"):
        out += f", at least {d['count_min']} time(s)"
    return out


def _conditional(d: dict[str, Any]) -> str:
    t = d["trigger"]
    who = f" of {t['authority']}" if t.get("authority") else ""
    what = t.get("document") or t.get("event") or ""
    out = f"waits on {t['type']}{who}" + (f" ({what})" if what else "")
    if d.get("then"):
        out += f", then {describe(d['then'])}"
    return out


def _relative(d: dict[str, Any]) -> str:
    o = d["offset"]
    amount = f"{o['value']}–{o['max']}" if o.get("max") is not None else f"{o['value']}"
    anchor = {None: "an event", "ref": "the document date"}.get(d.get("anchor"), f"“{d.get('anchor')}”")
    out = f"within {amount} {o['unit']}(s) of {anchor}"
    return out + (f" → due {d['due']}" if d.get("due") else "")


def _compound(d: dict[str, Any]) -> str:
    return " | ".join(describe(p) for p in d["parts"])


def _unresolved(d: dict[str, Any]) -> str:
    return f"unresolved: {d.get('reason', '')}"


_BODY = {"deadline": _deadline, "window": _window, "ongoing": _ongoing, "recurrence": _recurrence,
         "conditional": _conditional, "relative": _relative, "compound": _compound,
         "unresolved": _unresolved}
