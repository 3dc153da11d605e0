"""One result → one flat record whose fields mean the same for every kind (a ledger row, a DataFrame row).

>>> from deadline_cn import normalise, records
>>> rec = records.flatten(normalise("2017年6月底前完成招投标,2017年年底完成整体改版建设", ref="2017-01-09"))
>>> rec.kind, rec.due, rec.parts
('compound', datetime.date(2017, 12, 31), 2)

Per kind:

- deadline: ``due`` (and ``start`` when the cell names a period, 第1季度完成), ``precision``;
- window and ongoing: ``start`` / ``end`` (ongoing with no ``end``: open-ended);
- recurrence: ``start`` (its dtstart), ``end`` (its until), ``rrule`` and ``freq``;
- conditional: ``trigger`` (its text), ``trigger_type``, ``trigger_authority``, plus the dates of what follows
  the trigger, if the cell says;
- relative: ``offset_value`` / ``offset_unit`` (``offset_max`` for 2—3年), ``due`` when its anchor is the
  document date, else ``trigger`` names the event it waits on;
- compound: one record for the cell. ``due`` is the latest part's due (the date by which all of it is done),
  ``start`` the earliest start, ``end`` the latest end, ``precision`` that of the part giving ``due``; text
  fields (rrule, freq, trigger…) are every part's joined with "; ", ``parts`` counts the parts;
- unresolved: only ``reason``.

``flags`` joins, with "; ", the flags of the result and of its parts (and of a conditional's follow-up).
``needs_check`` is True when any doubt flag of DESIGN.md is there (``unread:``, ``ambiguous:``,
``source:jionlp``, ``invalid:``, ``calendar:predicted:``, and the limits' ``truncated:`` and ``dense:``) or the
kind is unresolved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from deadline_cn.results import (
    Compound,
    Conditional,
    Deadline,
    Ongoing,
    Recurrence,
    Relative,
    Result,
    Unresolved,
    Window,
)

__all__ = ["DOUBT_PREFIXES", "FLAG_SEPARATOR", "Record", "flatten", "needs_check", "trigger_text"]

DOUBT_PREFIXES = ("unread:", "ambiguous:", "source:jionlp", "invalid:", "calendar:predicted:", "truncated:",
                  "dense:", "weekday-mismatch", "lunar-mismatch")  # a note that contradicts its date: which is wrong?
FLAG_SEPARATOR = "; "


@dataclass(frozen=True)
class Record:
    """The flat reading of one cell; a field a kind does not have is None (``flags`` is "" when none)."""

    kind: str = "unresolved"
    due: date | datetime | None = None  # a datetime only for an hour offset from the document date
    start: date | None = None
    end: date | None = None
    precision: str | None = None
    rrule: str | None = None
    freq: str | None = None
    trigger: str | None = None
    trigger_type: str | None = None
    trigger_authority: str | None = None
    offset_value: float | None = None
    offset_unit: str | None = None
    offset_max: float | None = None
    scope: str | None = None
    reason: str | None = None
    flags: str = ""
    needs_check: bool = True
    parts: int = 1

    def to_dict(self) -> dict[str, Any]:
        """The fields in order, values as they are (dates stay dates)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


FIELDS = tuple(f.name for f in fields(Record))


def flatten(result: Result) -> Record:
    """The flat record of ``result`` (see the module docstring for each kind)."""
    flag_list = all_flags(result)
    body = _body(result)
    return Record(kind=result.kind, flags=FLAG_SEPARATOR.join(flag_list),
                  needs_check=needs_check(result, flag_list), **body)


def all_flags(result: Result) -> list[str]:
    """The flags of the result, its parts and a conditional's follow-up, each once, in order."""
    out: list[str] = list(result.flags)
    for part in result.parts:
        out.extend(part.flags)
        if isinstance(part, Conditional) and part.then is not None:
            out.extend(all_flags(part.then))
    return list(dict.fromkeys(out))


def needs_check(result: Result, flags: list[str] | None = None) -> bool:
    """True when a doubt flag is present anywhere in the reading, or nothing was read."""
    if isinstance(result, Unresolved) or any(isinstance(p, Unresolved) for p in result.parts):
        return True
    return any(f.startswith(DOUBT_PREFIXES) for f in (all_flags(result) if flags is None else flags))


def _body(result: Result) -> dict[str, Any]:
    """The kind-specific fields; a compound merges its parts'."""
    if isinstance(result, Compound):
        return _merge([_body(p) for p in result.parts])
    out: dict[str, Any] = {"scope": result.scope}
    if isinstance(result, Deadline):
        out.update(due=result.due, start=result.start, precision=result.precision)
    elif isinstance(result, (Window, Ongoing)):
        out.update(start=result.start, end=result.end)
    elif isinstance(result, Recurrence):
        out.update(start=result.dtstart, end=result.until, rrule=result.rrule_text, freq=result.freq)
    elif isinstance(result, Conditional):
        then = _body(result.then) if result.then is not None else {}
        out.update({k: v for k, v in then.items() if k not in ("scope", "parts")})
        out.update(trigger=trigger_text(result), trigger_type=result.trigger.type,
                   trigger_authority=result.trigger.authority)
    elif isinstance(result, Relative):
        out.update(due=result.due, trigger=None if result.due is not None else trigger_text(result),
                   offset_value=result.offset.value, offset_unit=result.offset.unit, offset_max=result.offset.max)
    elif isinstance(result, Unresolved):
        out.update(reason=result.reason or None)
    return out


def _merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    def pick(name: str, choose: Callable[..., Any]) -> Any:
        present = [p[name] for p in parts if p.get(name) is not None]
        return choose(present, key=_day) if present else None

    def join(name: str) -> str | None:
        return FLAG_SEPARATOR.join(str(p[name]) for p in parts if p.get(name) not in (None, "")) or None

    due = pick("due", max)
    # the precision of the part that gives the due date
    precision = next((p.get("precision") for p in parts if due is not None and p.get("due") == due), None)
    out = {name: join(name) for name in ("rrule", "freq", "trigger", "trigger_type", "trigger_authority",
                                         "scope", "reason")}
    single = [p for p in parts if p.get("offset_unit") is not None]
    if len(single) == 1:  # an offset only means something in a flat row when one part has it
        out.update(offset_value=single[0]["offset_value"], offset_unit=single[0]["offset_unit"],
                   offset_max=single[0]["offset_max"])
    return {**out, "due": due, "start": pick("start", min), "end": pick("end", max), "precision": precision,
            "parts": len(parts)}


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def trigger_text(result: Result) -> str | None:
    """What a conditional or relative reading waits on: "deployment: 省", "event: 批复"."""
    if isinstance(result, Conditional):
        t = result.trigger
        what = t.document or t.event
        return f"{t.type}: {t.authority or '?'}" + (f" ({what})" if what else "")
    if isinstance(result, Relative) and result.anchor != "ref":
        return f"event: {result.anchor}" if result.anchor else "event"
    return None
