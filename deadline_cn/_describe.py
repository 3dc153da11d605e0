"""One readable line per result, read straight from its fields (no dict built first: describe() is called
once per row by the CLI and the table writers, and building ``to_dict()`` first doubled its cost).

Dates print as in the JSON form (ISO 8601, ``T`` before a time).
"""

from __future__ import annotations

from datetime import date
from typing import Any

_PRECISION = {"day": "", "xun": " (xun)", "month": " (end of month)", "quarter": " (end of quarter)",
              "half": " (end of half-year)", "year": " (end of year)"}


def describe(r: Any) -> str:
    body = _BODY[r.kind](r)
    if r.scope:
        body += f" — {r.scope}"
    if r.flags:
        body += f" [{', '.join(r.flags)}]"
    return body


def _iso(d: date) -> str:
    return d.isoformat()


def _deadline(r: Any) -> str:
    out = f"due {_iso(r.due)}{_PRECISION.get(r.precision, '')}"
    if r.start:
        out = f"between {_iso(r.start)} and {_iso(r.due)}"
    for alt in r.alternatives:
        out += f" (or {_iso(alt.due)}, {alt.reading})"
    return out


def _window(r: Any) -> str:
    label = f"{r.label}: " if r.label else ""
    first = _iso(r.start) if r.start else "a day not given"  # 即日起至… with no ref
    return f"{label}during {first} … {_iso(r.end)}"


def _ongoing(r: Any) -> str:
    start = f"from {_iso(r.start)}" if r.start else "ongoing"
    return f"{start} until {_iso(r.end)}" if r.end else f"{start}, open-ended"


def _recurrence(r: Any) -> str:
    out = f"repeats {r.freq}"
    if r.holiday:
        out += f" at {r.holiday}"
    if r.rrule_text:
        out += f" ({r.rrule_text})"
    if r.dtstart:
        out += f" from {_iso(r.dtstart)}"
    if r.count_min:
        out += f", at least {r.count_min} time(s)"
    return out


def _conditional(r: Any) -> str:
    t = r.trigger
    who = f" of {t.authority}" if t.authority else ""
    what = t.document or t.event or ""
    out = f"waits on {t.type}{who}" + (f" ({what})" if what else "")
    if r.then:
        out += f", then {describe(r.then)}"
    return out


def _relative(r: Any) -> str:
    o = r.offset
    amount = f"{o.value}–{o.max}" if o.max is not None else f"{o.value}"
    anchor = {None: "an event", "ref": "the document date"}.get(r.anchor, f"“{r.anchor}”")
    if o.value < 0:  # 届满前3个月: counted back from the event
        out = f"{-o.value:g} {o.unit}(s) before {anchor}"
    else:
        out = f"within {amount} {o.unit}(s) of {anchor}"
    return out + (f" → due {_iso(r.due)}" if r.due else "")


def _compound(r: Any) -> str:
    return " | ".join(describe(p) for p in r.parts)


def _unresolved(r: Any) -> str:
    return f"unresolved: {r.reason}"


_BODY = {"deadline": _deadline, "window": _window, "ongoing": _ongoing, "recurrence": _recurrence,
         "conditional": _conditional, "relative": _relative, "compound": _compound,
         "unresolved": _unresolved}
