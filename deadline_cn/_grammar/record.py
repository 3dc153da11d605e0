"""``@record``: the grammar's value classes (parses, periods) as slotted classes, cheap to build and to define.

A frozen ``dataclass`` costs ~0.5 ms to define (``import deadline_cn`` defined a dozen: ~8 ms) and sets
each field through ``object.__setattr__`` (a 19-field ``When`` took ~2 µs to build; a slotted class
~0.3 µs). ``record`` makes, from the same annotated class body, a slotted class whose ``__init__``,
``__eq__``, ``__hash__`` and ``__repr__`` are those a frozen dataclass would have (fields in order,
defaults, equality and hash over the field tuple, ``Name(field=value, ...)``). The type checker treats it
as a frozen dataclass (``dataclass_transform``), so an assignment to a field is still refused there;
``replace`` is ``dataclasses.replace`` for these classes.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: Any) -> Any:
        return lambda f: f


class _Record:
    """What every record shares: equality, hash and repr over the field tuple (as a frozen dataclass's)."""

    __slots__ = ()
    __record_fields__: tuple[str, ...] = ()
    _fields: ClassVar[Any]  # a static function: the field tuple of a record

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._fields(self) == other._fields(other))  # type: ignore[attr-defined,unused-ignore]

    def __hash__(self) -> int:
        return hash(self._fields(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record_fields__)
        return f"{type(self).__qualname__}({shown})"


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """A slotted copy of ``cls`` with the methods a frozen dataclass of its annotated fields would have.

    Only ``__init__`` is generated (one small ``exec``: it runs for every parse built, so it assigns each
    field directly); the field tuple is an ``operator.attrgetter``, the rest is ``_Record``'s.
    """
    names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063 - the own fields, as dataclasses reads them
    defaults = {n: cls.__dict__[n] for n in names if n in cls.__dict__}
    namespace = {k: v for k, v in cls.__dict__.items() if k not in names and k not in ("__dict__", "__weakref__")}
    namespace["__slots__"] = names
    params = "".join(f", {n}=_default_{n}" if n in defaults else f", {n}" for n in names)
    body = "".join(f"    self.{n} = {n}\n" for n in names) or "    pass\n"
    scope: dict[str, Any] = {f"_default_{n}": v for n, v in defaults.items()}
    exec(f"def __init__(self{params}):\n{body}", scope)  # built above from the class's own field names
    scope["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    namespace["__init__"] = scope["__init__"]
    if len(names) > 1:
        namespace["_fields"] = staticmethod(attrgetter(*names))
    elif names:
        getter = attrgetter(names[0])
        namespace["_fields"] = staticmethod(lambda self: (getter(self),))
    else:
        namespace["_fields"] = staticmethod(lambda self: ())
    namespace["__match_args__"] = names
    namespace["__record_fields__"] = names
    made: type[T] = type(cls.__name__, (*cls.__bases__, _Record) if cls.__bases__ != (object,) else (_Record,),
                         namespace)
    return made


def replace(obj: T, **changes: Any) -> T:
    """A copy of the record ``obj`` with ``changes`` (``dataclasses.replace`` for records)."""
    names: tuple[str, ...] = obj.__record_fields__  # type: ignore[attr-defined]
    unknown = changes.keys() - set(names)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    return type(obj)(**{n: changes[n] if n in changes else getattr(obj, n) for n in names})
