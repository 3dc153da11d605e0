"""The result kinds of DESIGN.md: frozen, hashable dataclasses with a stable JSON form.

Every result carries ``text`` (the input, unchanged), ``span`` (``[start, end)`` into ``text`` of what was
read), ``scope`` (the action the time governs, or None) and ``flags`` (short machine-readable strings).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from typing import Any, ClassVar

from dateutil import rrule as _rrule

from deadline_cn import _describe
from deadline_cn._calendar import dates as _dates

Span = tuple[int, int]
JSON = dict[str, Any]
_JSON_NAMES = {"rrule_text": "rrule"}


@dataclass(frozen=True)
class Alternative:
    """Another reading of an ambiguous phrase, e.g. the strict reading of "9月前"."""

    due: date
    reading: str


@dataclass(frozen=True)
class Trigger:
    """What a conditional waits on: ``type`` is deployment, document, statute or event."""

    type: str
    authority: str | None = None
    event: str | None = None
    document: str | None = None


@dataclass(frozen=True)
class Offset:
    """A length of time: 3 个工作日 → (3, "workday"); 2—3年 → (2, "year", max=3)."""

    value: float
    unit: str
    max: float | None = None


@dataclass(frozen=True, kw_only=True)
class _Base:
    kind: ClassVar[str] = ""
    text: str
    span: Span = (0, 0)
    scope: str | None = None
    flags: tuple[str, ...] = ()

    @property
    def parts(self) -> tuple[Result, ...]:
        """The parts of a compound; every other kind is its own single part."""
        return (self,)  # type: ignore[return-value]

    def to_dict(self) -> JSON:
        """A JSON-safe dict in the schema of DESIGN.md."""
        out: JSON = {"kind": self.kind}
        for f in fields(self):
            out[_JSON_NAMES.get(f.name, f.name)] = _to_json_value(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: JSON) -> Result:
        """Rebuild a result of any kind from ``to_dict()`` output."""
        return from_dict(data)

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    def describe(self) -> str:
        """One short line a person can read."""
        return _describe.describe(self.to_dict())

    def _repr_html_(self) -> str:  # the notebook's card; rendering lives in _display
        from deadline_cn._display import html

        return html(self)  # type: ignore[arg-type]

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # IPython's text mode
        from deadline_cn._display import pretty

        p.text(pretty(self) if not cycle else f"{type(self).__name__}(...)")  # type: ignore[arg-type]

    def with_flags(self, *extra: str) -> Result:
        """A copy with ``extra`` flags added (kept unique, in order)."""
        merged = tuple(dict.fromkeys(self.flags + extra))
        return _replace(self, flags=merged)


@dataclass(frozen=True, kw_only=True)
class Deadline(_Base):
    """Must be done by ``due`` (the last permitted day, inclusive)."""

    kind: ClassVar[str] = "deadline"
    due: date
    start: date | None = None
    precision: str = "day"
    alternatives: tuple[Alternative, ...] = ()

    def __post_init__(self) -> None:
        _in_order(self, self.start, self.due)


@dataclass(frozen=True, kw_only=True)
class Window(_Base):
    """Happens during ``start`` … ``end`` (inclusive), not "by" a date."""

    kind: ClassVar[str] = "window"
    start: date
    end: date
    label: str | None = None

    def __post_init__(self) -> None:
        _in_order(self, self.start, self.end)


@dataclass(frozen=True, kw_only=True)
class Ongoing(_Base):
    """Continuous work from ``start`` (or unknown) until ``end`` (None: open-ended)."""

    kind: ClassVar[str] = "ongoing"
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        _in_order(self, self.start, self.end)


@dataclass(frozen=True, kw_only=True)
class Recurrence(_Base):
    """Repeats; ``rrule`` holds the RFC 5545 RRULE value (None for irregular or lunar-anchored ones)."""

    kind: ClassVar[str] = "recurrence"
    freq: str
    interval: int = 1
    dtstart: date | None = None
    until: date | None = None
    rrule_text: str | None = None  # serialised as "rrule"; the method rrule() builds the dateutil rule
    count_min: int | None = None
    holiday: str | None = None

    def __post_init__(self) -> None:
        _in_order(self, self.dtstart, self.until)

    def rrule(self, dtstart: date | None = None) -> _rrule.rrule:
        """The dateutil rule, always with an explicit dtstart (never dateutil's "now")."""
        start = dtstart or self.dtstart
        if self.rrule_text is None:
            raise ValueError(f"{self.freq} recurrence has no RRULE; use occurrences()")
        if start is None:
            raise ValueError("recurrence has no dtstart: pass ref or plan_year to normalise(), or a dtstart here")
        text = self.rrule_text + (f";UNTIL={self.until:%Y%m%d}" if self.until else "")
        return _rrule.rrulestr(text, dtstart=datetime(start.year, start.month, start.day))  # type: ignore[return-value]

    def occurrences(self, start: date, end: date) -> list[date]:
        """Every occurrence in [start, end]; lunar holidays (每年春节) are computed, RRULE cannot say them."""
        if self.holiday is not None:
            from deadline_cn.calendar import holiday_date

            days = (holiday_date(self.holiday, y) for y in range(start.year, end.year + 1))
            first = self.dtstart or start
            return [d for d in days if start <= d <= end and d >= first]
        rule = self.rrule()
        lo, hi = datetime(start.year, start.month, start.day), datetime(end.year, end.month, end.day)
        return [d.date() for d in rule.between(lo, hi, inc=True)]


@dataclass(frozen=True, kw_only=True)
class Conditional(_Base):
    """Waits on an outside event; ``then`` is the reading of what follows the trigger, if any."""

    kind: ClassVar[str] = "conditional"
    trigger: Trigger
    then: Result | None = None

    def __post_init__(self) -> None:
        if self.then is not None and not self.then.text and self.text:
            # the reading after the trigger lies inside the conditional's own span: it carries text and span too
            object.__setattr__(self, "then", replace(self.then, text=self.text, span=self.span))


@dataclass(frozen=True, kw_only=True)
class Relative(_Base):
    """An offset from an event (``anchor``: its text, "ref" for the document date, or None)."""

    kind: ClassVar[str] = "relative"
    offset: Offset
    anchor: str | None = None
    due: date | datetime | None = None
    alternatives: tuple[Alternative, ...] = ()

    def resolve(self, event_date: date | datetime, roll_over: bool = True) -> date | datetime:
        """The last permitted day (a datetime for hour offsets); for a range, its far end.

        A count of days that ends on a holiday's day off moves to the next working day (《民法典》第二百零三条);
        ``roll_over=False`` keeps the raw date. ``resolved()`` also gives the calendar's flags."""
        from deadline_cn._calendar.offsets import apply_offset

        return apply_offset(event_date, self.offset.max or self.offset.value, self.offset.unit, roll_over)

    def resolve_range(self, event_date: date | datetime, roll_over: bool = True,
                      ) -> tuple[date | datetime, date | datetime]:
        """Both ends of a ranged offset (2—3年); equal ends for a single offset."""
        from deadline_cn._calendar.offsets import apply_offset

        low = apply_offset(event_date, self.offset.value, self.offset.unit, roll_over)
        return low, self.resolve(event_date, roll_over)

    def resolved(self, event_date: date | datetime, roll_over: bool = True) -> Relative:
        """A copy with ``due`` filled in, the calendar's flags added (``calendar:predicted:<year>`` when the
        count crosses a predicted holiday) and the Monday–Friday answer as an alternative when it differs."""
        from deadline_cn._calendar.offsets import apply_offset_flagged

        value = self.offset.max or self.offset.value
        applied = apply_offset_flagged(event_date, value, self.offset.unit, roll_over)
        extra = tuple(Alternative(day, reading) for day, reading in applied.alternatives)
        out = _replace(self, due=applied.due, alternatives=self.alternatives + extra)
        return out.with_flags(*applied.flags)  # type: ignore[return-value]


@dataclass(frozen=True, kw_only=True)
class Compound(_Base):
    """Several readings in one cell, each with its own span and scope."""

    kind: ClassVar[str] = "compound"
    parts: tuple[Result, ...] = field(default=())  # type: ignore[assignment,unused-ignore]


@dataclass(frozen=True, kw_only=True)
class Unresolved(_Base):
    """No reading; ``reason`` says why."""

    kind: ClassVar[str] = "unresolved"
    reason: str = ""


Result = Deadline | Window | Ongoing | Recurrence | Conditional | Relative | Compound | Unresolved
KINDS: dict[str, type[_Base]] = {
    c.kind: c for c in (Deadline, Window, Ongoing, Recurrence, Conditional, Relative, Compound, Unresolved)
}
# IPython uses the first class in the MRO that has a __repr__ or a _repr_pretty_: each dataclass has its own
# __repr__, so each kind needs the text form on itself, not only on _Base.
for _kind in KINDS.values():
    setattr(_kind, "_repr_pretty_", _Base._repr_pretty_)  # noqa: B010


def _in_order(result: _Base, early: date | None, late: date | None) -> None:
    """Results never contradict themselves (DESIGN.md): an end before its start is refused, not stored."""
    if early is not None and late is not None and early > late:
        raise ValueError(f"invalid {result.kind}: {late} is before {early}")


def _replace(obj: _Base, **changes: Any) -> Result:
    return replace(obj, **changes)  # type: ignore[return-value,unused-ignore]


def _to_json_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, _Base):
        return value.to_dict()
    if isinstance(value, (Alternative, Trigger, Offset)):
        return {f.name: _to_json_value(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_to_json_value(v) for v in value]
    return value


def from_dict(data: JSON) -> Result:
    """Rebuild a result from ``to_dict()`` output: ``from_dict(r.to_dict()) == r``."""
    try:
        cls = KINDS[data["kind"]]
    except KeyError as exc:
        raise ValueError(f"not a deadline_cn result dict (kind={data.get('kind')!r})") from exc
    kwargs = {}
    for f in fields(cls):
        key = _JSON_NAMES.get(f.name, f.name)
        if key in data:
            kwargs[f.name] = _from_json_value(key, data[key])
    return cls(**kwargs)  # type: ignore[return-value]


def _from_json_value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in ("due", "start", "end", "dtstart", "until"):
        return _dates.parse_iso(value)
    if name in ("span", "flags"):
        return tuple(value)
    if name == "alternatives":
        return tuple(Alternative(_dates.parse_day(a["due"]), a["reading"]) for a in value)  # type: ignore[arg-type]
    if name == "trigger":
        return Trigger(**value)
    if name == "offset":
        return Offset(**value)
    if name == "then":
        return from_dict(value)
    if name == "parts":
        return tuple(from_dict(p) for p in value)
    return value


def result_from_json(text: str) -> Result:
    return from_dict(json.loads(text))

