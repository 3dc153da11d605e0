"""The result kinds of DESIGN.md: frozen, hashable, slotted dataclasses with a stable JSON form.

Every result carries ``text`` (the input, unchanged), ``span`` (``[start, end)`` into ``text`` of what was
read), ``scope`` (the action the time governs, or None) and ``flags`` (short machine-readable strings).

A million-row column keeps a million results, so they are small: slots instead of a ``__dict__``, and equal
spans, flag tuples and days shared between results (``_SHARED``). ``to_dict`` is written out per kind (no
``dataclasses.fields`` walk): it is called once per row by every table and JSON writer.
"""

from __future__ import annotations

from datetime import date, datetime
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from deadline_cn import _describe

if TYPE_CHECKING:  # dateutil.rrule loads calendar, heapq and six: imported when a rule is built
    from dataclasses import dataclass

    from dateutil import rrule as _rrule

Span = tuple[int, int]
JSON = dict[str, Any]
_JSON_NAMES = {"rrule_text": "rrule"}

# One object for each equal span, flag tuple, short scope and day: results hold immutable values, so sharing is
# safe. Bounded: when 65,536 values are kept (a few MB at worst), the pool starts again empty, so that the values
# of the rows read now are shared, not those of a stream of odd ones read long ago.
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 1 << 16


def _keep(value: Any) -> Any:
    """The first of its value: kept as the shared one."""
    if len(_SHARED) >= _SHARED_MAX:
        _SHARED.clear()
    _SHARED[value] = value
    return value


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


# ------------------------------------------------------------------------------------------ the kinds' classes
# The kinds are frozen slotted dataclasses to the type checker and to every caller, but are not built by
# ``dataclasses`` at import: defining them so (45 generated functions) and importing ``dataclasses`` (which pulls in
# ``inspect``, ``ast``, ``dis``, ``tokenize``) was ~10 ms of ``import deadline_cn``. ``_dataclass`` builds, from
# the same class body, the slotted class ``@dataclass(...)`` would make: the same ``__init__`` (keyword-only for
# the kinds, the fields in order, their defaults, then ``__post_init__``), ``__match_args__``, ``__eq__`` /
# ``__hash__`` / ``__repr__`` over the field tuple where ``eq`` / ``repr`` ask for them, a ``__setattr__`` /
# ``__delattr__`` that raise ``dataclasses.FrozenInstanceError``, and the ``__getstate__`` / ``__setstate__``
# of a frozen slotted dataclass (the same pickles). ``__dataclass_fields__`` and ``__dataclass_params__`` are
# made the first time something asks (``dataclasses.fields``, ``replace``, ``is_dataclass``, ``asdict``): they
# are those of a real dataclass of the same fields and options, built then. tests/test_results_class.py
# compares every kind with the dataclass it stands for.

_T = TypeVar("_T")
_SHADOWS: dict[type, type] = {}  # a kind -> the real dataclass of its fields, built on first demand


class _OnDemand:
    """``__dataclass_fields__`` / ``__dataclass_params__`` of a kind: the first read builds the real dataclass of
    the kind's fields and options and puts both attributes on the kind in place of this descriptor."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.owner, self.name = owner, name

    def __get__(self, obj: object, cls: type | None = None) -> Any:
        _as_dataclass(self.owner)
        return self.owner.__dict__[self.name]


def _as_dataclass(cls: type) -> type:
    """The real dataclass standing for ``cls`` (its fields, defaults, class variables and options)."""
    shadow = _SHADOWS.get(cls)
    if shadow is None:
        import dataclasses

        options, annotations, values = cls.__dict__["__result_spec__"]
        bases = tuple(_as_dataclass(b) for b in cls.__bases__ if "__result_spec__" in b.__dict__)
        namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__,
                     "__annotations__": dict(annotations), **values}
        shadow = _SHADOWS[cls] = dataclasses.dataclass(**options)(type(cls.__name__, bases, namespace))
        for name in ("__dataclass_fields__", "__dataclass_params__"):
            setattr(cls, name, shadow.__dict__[name])
    return shadow


def _frozen(message: str) -> AttributeError:
    from dataclasses import FrozenInstanceError

    return FrozenInstanceError(message)


# Any name, field or not, on a kind or a subclass: refused. (A frozen slotted dataclass on Python 3.11 refuses a
# field with FrozenInstanceError and any other name with a TypeError from its ``super()`` call.)
def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise _frozen(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise _frozen(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, name) for name in self.__result_fields__]


def _setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(self.__result_fields__, state, strict=False):  # as dataclasses' zip
        object.__setattr__(self, name, value)  # frozen: as dataclasses' own __setstate__ does


def _eq(self: Any, other: Any) -> Any:  # bool, or NotImplemented
    if other.__class__ is self.__class__:
        return bool(self.__result_values__(self) == self.__result_values__(other))
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__result_values__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__result_fields__)
    return f"{self.__class__.__qualname__}({shown})"


def _dataclass(*, frozen: bool = False, slots: bool = False, kw_only: bool = False, eq: bool = True,
               repr: bool = True) -> Any:
    """``dataclasses.dataclass`` as the kinds use it (frozen, slots), without ``dataclasses``: see above."""
    assert frozen and slots, "the result kinds are frozen and slotted"
    options = {"frozen": frozen, "slots": slots, "kw_only": kw_only, "eq": eq, "repr": repr}

    def build(cls: type[_T]) -> type[_T]:
        annotations: dict[str, str] = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - own, as dataclass
        values = {name: cls.__dict__[name] for name in annotations if name in cls.__dict__}
        own = tuple(name for name, kind in annotations.items() if not kind.startswith("ClassVar"))
        inherited: tuple[str, ...] = getattr(cls, "__result_fields__", ())
        defaults: dict[str, Any] = {**getattr(cls, "__result_defaults__", {}),
                                    **{name: values[name] for name in own if name in values}}
        names = inherited + own
        namespace = {k: v for k, v in cls.__dict__.items() if k not in own and k not in ("__dict__", "__weakref__")}
        namespace.update(__slots__=own, __result_spec__=(options, annotations, values), __result_fields__=names,
                         __result_defaults__=defaults, __dataclass_fields__=_OnDemand(),
                         __dataclass_params__=_OnDemand(), __setattr__=_frozen_setattr, __delattr__=_frozen_delattr,
                         __getstate__=_getstate, __setstate__=_setstate)
        namespace.setdefault("__match_args__", () if kw_only else names)
        if eq:  # (frozen and eq: the hash of the field tuple, as dataclass sets it)
            namespace.setdefault("__eq__", _eq)
            namespace.update(__hash__=_hash, __result_values__=staticmethod(
                attrgetter(*names) if len(names) > 1 else lambda obj: tuple(getattr(obj, n) for n in names)))
        if repr:
            namespace.setdefault("__repr__", _repr)
        made: Any = type(cls.__name__, cls.__bases__, namespace)
        # __init__: each field set through its slot (what a frozen dataclass's object.__setattr__ ends in)
        scope: dict[str, Any] = {f"_dflt_{name}": value for name, value in defaults.items()}
        for name in names:
            slot = next(k.__dict__[name] for k in made.__mro__ if name in k.__dict__)
            scope[f"_set_{name}"] = slot.__set__
        params = "".join(f", {n}=_dflt_{n}" if n in defaults else f", {n}" for n in names)
        body = "".join(f"    _set_{n}(self, {n})\n" for n in names)
        if hasattr(made, "__post_init__"):
            body += "    self.__post_init__()\n"
        exec(f"def __init__(self{', *' if kw_only and names else ''}{params}):\n{body or '    pass'}\n", scope)
        init = scope["__init__"]
        init.__qualname__ = f"{made.__qualname__}.__init__"
        made.__init__ = init
        kind: type[_T] = made
        return kind

    return build


if not TYPE_CHECKING:  # the type checker (and so every caller's) sees the frozen dataclasses the kinds stand for
    dataclass = _dataclass


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another reading of an ambiguous phrase, e.g. the strict reading of "9月前"."""

    due: date
    reading: str

    def to_dict(self) -> JSON:
        return {"due": self.due.isoformat(), "reading": self.reading}


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a conditional waits on: ``type`` is deployment, document, statute or event."""

    type: str
    authority: str | None = None
    event: str | None = None
    document: str | None = None

    def to_dict(self) -> JSON:
        return {"type": self.type, "authority": self.authority, "event": self.event, "document": self.document}


@dataclass(frozen=True, slots=True)
class Offset:
    """A length of time: 3 个工作日 → (3, "workday"); 2—3年 → (2, "year", max=3)."""

    value: float
    unit: str
    max: float | None = None

    def to_dict(self) -> JSON:
        return {"value": self.value, "unit": self.unit, "max": self.max}


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)
class _Base:
    """What every kind carries. (A docstring here also spares dataclass an inspect.signature when it is built.)"""

    kind: ClassVar[str] = ""
    _names: ClassVar[tuple[str, ...]] = ()  # the field names, in order: set below, after the classes are built
    _shared: ClassVar[tuple[str, ...]] = ()  # the kind's fields whose equal values are shared (days mostly)
    text: str
    span: Span = (0, 0)
    scope: str | None = None
    flags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # frozen: object.__setattr__ is the documented way to set a field while building. Inlined lookups: this
        # runs for every result built, on the cold path of normalise().
        put, get = object.__setattr__, _SHARED.get
        span, flags, scope = self.span, self.flags, self.scope
        if type(span) is tuple:
            put(self, "span", get(span) or _keep(span))
        if flags and type(flags) is tuple:
            put(self, "flags", get(flags) or _keep(flags))
        if scope and len(scope) <= 32:  # the action words of a ledger's column repeat: 完成, 制定实施方案
            put(self, "scope", get(scope) or _keep(scope))
        for name in self._shared:
            value = getattr(self, name)
            if value is not None:
                put(self, name, get(value) or _keep(value))

    # One __eq__, __hash__ and __repr__ for every kind, the same as dataclass's: generating them per class
    # (eq=True, repr=True) costs an exec each at import time.
    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._names])

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self._names)})"

    @property
    def parts(self) -> tuple[Result, ...]:
        """The parts of a compound; every other kind is its own single part."""
        return (self,)  # type: ignore[return-value]

    def to_dict(self) -> JSON:
        """A JSON-safe dict in the schema of DESIGN.md (the common keys, then the kind's own, in field order)."""
        return {"kind": self.kind, "text": self.text, "span": list(self.span), "scope": self.scope,
                "flags": list(self.flags)}

    @classmethod
    def from_dict(cls, data: JSON) -> Result:
        """Rebuild a result of any kind from ``to_dict()`` output."""
        return from_dict(data)

    def to_json(self, **kwargs: Any) -> str:
        import json

        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    def describe(self) -> str:
        """One short line a person can read."""
        return _describe.describe(self)

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


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)
class Deadline(_Base):
    """Must be done by ``due`` (the last permitted day, inclusive)."""

    kind: ClassVar[str] = "deadline"
    _shared: ClassVar[tuple[str, ...]] = ("due", "start", "alternatives")
    due: date
    start: date | None = None
    precision: str = "day"
    alternatives: tuple[Alternative, ...] = ()

    def __post_init__(self) -> None:
        _in_order(self, self.start, self.due)
        _Base.__post_init__(self)  # share equal values (explicit: zero-argument super() fails with slots)

    def to_dict(self) -> JSON:
        out = _Base.to_dict(self)
        out.update(due=self.due.isoformat(), start=_iso(self.start), precision=self.precision,
                   alternatives=[a.to_dict() for a in self.alternatives])
        return out


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)
class Window(_Base):
    """Happens during ``start`` … ``end`` (inclusive), not "by" a date. ``start`` is None when the span opens
    on a day the text names but does not give (即日起至6月19日 with no ``ref``: the notice's own day)."""

    kind: ClassVar[str] = "window"
    _shared: ClassVar[tuple[str, ...]] = ("start", "end")
    start: date | None
    end: date
    label: str | None = None

    def __post_init__(self) -> None:
        _in_order(self, self.start, self.end)
        _Base.__post_init__(self)  # share equal values (explicit: zero-argument super() fails with slots)

    def to_dict(self) -> JSON:
        out = _Base.to_dict(self)
        out.update(start=_iso(self.start), end=self.end.isoformat(), label=self.label)
        return out


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)
class Ongoing(_Base):
    """Continuous work from ``start`` (or unknown) until ``end`` (None: open-ended)."""

    kind: ClassVar[str] = "ongoing"
    _shared: ClassVar[tuple[str, ...]] = ("start", "end")
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        _in_order(self, self.start, self.end)
        _Base.__post_init__(self)  # share equal values (explicit: zero-argument super() fails with slots)

    def to_dict(self) -> JSON:
        out = _Base.to_dict(self)
        out.update(start=_iso(self.start), end=_iso(self.end))
        return out


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)
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
    _shared: ClassVar[tuple[str, ...]] = ("dtstart", "until", "rrule_text")

    def to_dict(self) -> JSON:
        out = _Base.to_dict(self)
        out.update(freq=self.freq, interval=self.interval, dtstart=_iso(self.dtstart), until=_iso(self.until),
                   rrule=self.rrule_text, count_min=self.count_min, holiday=self.holiday)
        return out

    def __post_init__(self) -> None:
        _in_order(self, self.dtstart, self.until)
        _Base.__post_init__(self)  # share equal values (explicit: zero-argument super() fails with slots)

    def rrule(self, dtstart: date | None = None) -> _rrule.rrule:
        """The dateutil rule, always with an explicit dtstart (never dateutil's "now")."""
        from dateutil import rrule as _rrule

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
            from deadline_cn._calendar.lunar_data import LAST_YEAR
            from deadline_cn.calendar import holiday_date

            # (元旦前 in year y is y-1's 31 December: the year after the end is asked too, when the tables hold it)
            years = range(start.year, end.year + (2 if self.holiday.endswith("前") and end.year < LAST_YEAR else 1))
            days = (holiday_date(self.holiday, y) for y in years)
            first = self.dtstart or start
            return [d for d in days if start <= d <= end and d >= first]
        rule = self.rrule()
        lo, hi = datetime(start.year, start.month, start.day), datetime(end.year, end.month, end.day)
        return [d.date() for d in rule.between(lo, hi, inc=True)]


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)
class Conditional(_Base):
    """Waits on an outside event; ``then`` is the reading of what follows the trigger, if any."""

    kind: ClassVar[str] = "conditional"
    trigger: Trigger
    then: Result | None = None
    _shared: ClassVar[tuple[str, ...]] = ("trigger",)

    def to_dict(self) -> JSON:
        out = _Base.to_dict(self)
        out.update(trigger=self.trigger.to_dict(), then=None if self.then is None else self.then.to_dict())
        return out

    def __post_init__(self) -> None:
        if self.then is not None and not self.then.text and self.text:
            # the reading after the trigger lies inside the conditional's own span: it carries text and span too
            object.__setattr__(self, "then", _replace(self.then, text=self.text, span=self.span))
        _Base.__post_init__(self)


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)
class Relative(_Base):
    """An offset from an event (``anchor``: its text, "ref" for the document date, or None)."""

    kind: ClassVar[str] = "relative"
    offset: Offset
    anchor: str | None = None
    due: date | datetime | None = None
    alternatives: tuple[Alternative, ...] = ()
    _shared: ClassVar[tuple[str, ...]] = ("due", "alternatives")  # not offset: 3 == 3.0 would swap a value

    def to_dict(self) -> JSON:
        out = _Base.to_dict(self)
        out.update(offset=self.offset.to_dict(), anchor=self.anchor, due=_iso(self.due),
                   alternatives=[a.to_dict() for a in self.alternatives])
        return out

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


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)
class Compound(_Base):
    """Several readings in one cell, each with its own span and scope."""

    kind: ClassVar[str] = "compound"
    parts: tuple[Result, ...] = ()  # type: ignore[assignment,unused-ignore]

    def to_dict(self) -> JSON:
        out = _Base.to_dict(self)
        out["parts"] = [p.to_dict() for p in self.parts]
        return out


@dataclass(frozen=True, kw_only=True, slots=True, eq=False, repr=False)
class Unresolved(_Base):
    """No reading; ``reason`` says why."""

    kind: ClassVar[str] = "unresolved"
    reason: str = ""

    def to_dict(self) -> JSON:
        out = _Base.to_dict(self)
        out["reason"] = self.reason
        return out


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
for _kind in KINDS.values():
    _kind._names = _kind.__result_fields__  # type: ignore[attr-defined]


def replace(obj: _T, /, **changes: Any) -> _T:
    """``dataclasses.replace`` for the result kinds: a copy of ``obj`` with ``changes`` (built by its ``__init__``,
    so checked and shared as any result), without importing ``dataclasses``."""
    values = {name: getattr(obj, name) for name in obj.__result_fields__}  # type: ignore[attr-defined]
    values.update(changes)
    return type(obj)(**values)


def _replace(obj: _Base, **changes: Any) -> Result:
    return replace(obj, **changes)  # type: ignore[return-value]


def from_dict(data: JSON) -> Result:
    """Rebuild a result from ``to_dict()`` output: ``from_dict(r.to_dict()) == r``."""
    try:
        cls = KINDS[data["kind"]]
    except KeyError as exc:
        raise ValueError(f"not a deadline_cn result dict (kind={data.get('kind')!r})") from exc
    kwargs = {}
    for name in cls.__result_fields__:  # type: ignore[attr-defined]
        key = _JSON_NAMES.get(name, name)
        if key in data:
            kwargs[name] = _from_json_value(key, data[key])
    return cls(**kwargs)  # type: ignore[return-value]


def _from_json_value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in ("due", "start", "end", "dtstart", "until"):
        from deadline_cn._calendar import dates as _dates

        return _dates.parse_iso(value)
    if name in ("span", "flags"):
        return tuple(value)
    if name == "alternatives":
        from deadline_cn._calendar import dates as _dates

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
    import json

    return from_dict(json.loads(text))

