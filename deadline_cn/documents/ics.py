"""Readings → an RFC 5545 calendar that calendar apps import (``--ics FILE``).

Entries are all-day VEVENTs on the done-by day by default (every calendar app shows those), or VTODOs
with ``todo=True`` (``--todo``). One entry per part of a reading (a compound cell gives one per part, its
scope added to the SUMMARY); as to-dos:

- deadline: DUE (and DTSTART when the cell names a period, 第1季度完成); relative with a known due: DUE;
- window: DTSTART and DUE (the last day); ongoing: DTSTART and, when bounded, DUE;
- recurrence: RRULE (with UNTIL), DTSTART = DUE = the first occurrence (RFC 5545 wants DTSTART in step
  with the rule); one tied to a lunar holiday (每年春节前) has no RRULE form: its first ten years are RDATEs;
- conditional: the dates of what follows the trigger, if the cell says.

As events: a deadline is an all-day event on its due day; a window or bounded ongoing work spans its
days (DTEND the day after the last, as RFC 5545 wants for all-day events); a recurrence repeats its first
occurrence's day. Everything else — waiting on a trigger, an irregular recurrence, unresolved — is still
written, as a VTODO without dates (an event must have a date) whose DESCRIPTION says why: nothing is left
out. :func:`undated` lists them.

UIDs: a hash of ``key`` (what identifies the task: the plan's title or id and the task's text, never a
file name or row number) and the part's number, so a revised table updates its entries on re-import.
Needs ``pip install 'deadline-cn[ics]'``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from deadline_cn import __version__
from deadline_cn.calendar import HOLIDAY_YEARS
from deadline_cn.documents.extras import need
from deadline_cn.results import Conditional, Deadline, Ongoing, Recurrence, Relative, Result, Window

PRODID = f"-//deadline_cn//deadline-cn {__version__}//ZH"
HOLIDAY_HORIZON_YEARS = 10


@dataclass(frozen=True)
class Entry:
    """One to-do: a single (non-compound) reading with the words around it."""

    uid: str
    summary: str
    result: Result
    details: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Schedule:
    dtstart: date | None = None
    due: date | datetime | None = None
    rrule: str | None = None
    rdates: tuple[date, ...] = ()


def entries(result: Result, *, summary: str, key: str, details: Sequence[str] = (),
            categories: Sequence[str] = ()) -> list[Entry]:
    """The entries of one reading: one per part; ``key`` makes the UIDs (e.g. "plan title|task text")."""
    parts = result.parts
    out = []
    for i, part in enumerate(parts):
        title = summary if len(parts) == 1 or not part.scope else f"{summary} — {part.scope}"
        digest = hashlib.sha1(f"{key}|{i}".encode()).hexdigest()[:20]
        cats = tuple(c.replace(",", "，").strip() for c in categories if c and c.strip())
        out.append(Entry(f"{digest}@deadline-cn", title, part, tuple(details), cats))
    return out


def unique(items: Sequence[Entry]) -> list[Entry]:
    """The entries with every UID made unique: a repeat of a key (two rows with the same task) gets its
    occurrence number, so the first keeps its UID whatever is inserted elsewhere."""
    seen: dict[str, int] = {}
    out = []
    for entry in items:
        n = seen[entry.uid] = seen.get(entry.uid, 0) + 1
        out.append(entry if n == 1 else replace(entry, uid=entry.uid.replace("@", f"-{n}@", 1)))
    return out


def schedule(result: Result) -> Schedule | None:
    """The calendar dates of one part, or None when it has none."""
    if isinstance(result, Deadline):
        return Schedule(dtstart=result.start, due=result.due)
    if isinstance(result, Window):
        return Schedule(dtstart=result.start, due=result.end)
    if isinstance(result, Ongoing):
        return Schedule(dtstart=result.start, due=result.end) if result.start or result.end else None
    if isinstance(result, Relative):
        return Schedule(due=result.due) if result.due is not None else None
    if isinstance(result, Conditional):
        return schedule(result.then) if result.then is not None and not result.then.parts[1:] else None
    if isinstance(result, Recurrence):
        return _recurrence(result)
    return None


def _recurrence(rec: Recurrence) -> Schedule | None:
    if rec.dtstart is None:
        return None
    if rec.rrule_text is not None:
        first = rec.rrule().after(datetime(rec.dtstart.year, rec.dtstart.month, rec.dtstart.day), inc=True)
        if first is None:
            return None
        rule = rec.rrule_text + (f";UNTIL={rec.until:%Y%m%d}" if rec.until else "")
        return Schedule(dtstart=first.date(), due=first.date(), rrule=rule)
    if rec.holiday is not None:
        last = min(HOLIDAY_YEARS[1], rec.dtstart.year + HOLIDAY_HORIZON_YEARS - 1)
        days = rec.occurrences(rec.dtstart, rec.until or date(last, 12, 31))
        return Schedule(dtstart=days[0], due=days[0], rdates=tuple(days[1:])) if days else None
    return None


def undated(items: Sequence[Entry]) -> list[Entry]:
    """The entries written without any date (waiting on a trigger, irregular, unresolved)."""
    return [e for e in items if schedule(e.result) is None]


def to_ics(items: Sequence[Entry], *, dtstamp: datetime, name: str | None = None, todo: bool = False) -> bytes:
    """A VCALENDAR with one VEVENT (or, ``todo``, VTODO) per entry; an entry without a date is a VTODO.
    ``dtstamp`` (UTC) is passed in: no clock is read here."""
    ical = need("icalendar", "writing .ics calendars")
    cal = ical.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    for entry in items:
        when = schedule(entry.result)
        cal.add_component(_todo(ical, entry, dtstamp) if todo or when is None else _event(ical, entry, dtstamp, when))
    data: bytes = cal.to_ical()
    return data


def _todo(ical: Any, entry: Entry, dtstamp: datetime) -> Any:
    todo = ical.Todo()
    todo.add("uid", entry.uid)
    todo.add("dtstamp", dtstamp)
    todo.add("summary", entry.summary)
    todo.add("status", "NEEDS-ACTION")
    todo.add("x-deadline-cn-kind", entry.result.kind)
    when = schedule(entry.result)
    lines = list(entry.details)
    if when is None:
        lines.insert(0, f"No date: {_why(entry.result)}")
    else:
        if when.dtstart is not None:
            todo.add("dtstart", when.dtstart)
        if when.due is not None:
            todo.add("due", _after(when.due, when.dtstart))
        if when.rrule:
            todo.add("rrule", ical.vRecur.from_ical(when.rrule))
        if when.rdates:
            todo.add("rdate", list(when.rdates))
    lines.append(f"Reading: {entry.result.describe()}")
    todo.add("description", "\n".join(lines))
    if entry.categories:
        todo.add("categories", list(entry.categories))
    return todo


def _event(ical: Any, entry: Entry, dtstamp: datetime, when: Schedule) -> Any:
    event = ical.Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", dtstamp)
    event.add("summary", entry.summary)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    event.add("x-deadline-cn-kind", entry.result.kind)
    first, last = _event_days(entry.result, when)
    event.add("dtstart", first)
    if not isinstance(first, datetime):
        event.add("dtend", last + timedelta(days=1))
    if when.rrule:
        event.add("rrule", ical.vRecur.from_ical(when.rrule))
    if when.rdates:
        event.add("rdate", list(when.rdates))
    lines = [*entry.details, f"Reading: {entry.result.describe()}"]
    event.add("description", "\n".join(lines))
    if entry.categories:
        event.add("categories", list(entry.categories))
    return event


def _event_days(result: Result, when: Schedule) -> tuple[date | datetime, date]:
    """First and last day: a span for a window or ongoing work, else the done-by day alone."""
    due = when.due
    if isinstance(result, (Window, Ongoing)) and when.dtstart is not None:
        end = due if isinstance(due, date) and not isinstance(due, datetime) else when.dtstart
        return when.dtstart, max(end, when.dtstart)
    if isinstance(due, datetime):
        return due, due.date()
    day = due if due is not None else when.dtstart
    assert day is not None
    return day, day


def _after(due: date | datetime, start: date | None) -> date | datetime:
    """DUE never before DTSTART (RFC 5545); a datetime due keeps its time."""
    if start is not None and not isinstance(due, datetime) and due < start:
        return start
    return due


def _why(result: Result) -> str:
    if isinstance(result, Conditional):
        return "waits on a trigger — " + result.describe()
    if isinstance(result, Relative):
        return "counts from an event with no date — " + result.describe()
    if isinstance(result, Recurrence):
        return "repeats without a fixed date — " + result.describe()
    return result.describe()
