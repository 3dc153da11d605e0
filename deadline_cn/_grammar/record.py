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

from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: Any) -> Any:
        return lambda f: f


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """A slotted copy of ``cls`` with the methods a frozen dataclass of its annotated fields would have."""
    names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063 - the own fields, as dataclasses reads them
    defaults = {n: cls.__dict__[n] for n in names if n in cls.__dict__}
    namespace = {k: v for k, v in cls.__dict__.items() if k not in names and k not in ("__dict__", "__weakref__")}
    namespace["__slots__"] = names
    fields = "".join(f"self.{n}, " for n in names)
    params = "".join(f", {n}=_default_{n}" if n in defaults else f", {n}" for n in names)
    body = "".join(f"    self.{n} = {n}\n" for n in names) or "    pass\n"
    shown = ", ".join(f"{n}={{self.{n}!r}}" for n in names)
    source = (
        f"def __init__(self{params}):\n{body}"
        f"def _fields(self):\n    return ({fields})\n"
        "def __eq__(self, other):\n"
        "    if other.__class__ is not self.__class__:\n        return NotImplemented\n"
        "    return _fields(self) == _fields(other)\n"
        "def __hash__(self):\n    return hash(_fields(self))\n"
        f"def __repr__(self):\n    return f\"{cls.__qualname__}({shown})\"\n"
    )
    scope: dict[str, Any] = {f"_default_{n}": v for n, v in defaults.items()}
    exec(source, scope)
    for name in ("__init__", "__eq__", "__hash__", "__repr__"):
        scope[name].__qualname__ = f"{cls.__qualname__}.{name}"
        namespace[name] = scope[name]
    namespace["__match_args__"] = names
    namespace["__record_fields__"] = names
    made: type[T] = type(cls.__name__, cls.__bases__, namespace)
    return made


def replace(obj: T, **changes: Any) -> T:
    """A copy of the record ``obj`` with ``changes`` (``dataclasses.replace`` for records)."""
    names: tuple[str, ...] = obj.__record_fields__  # type: ignore[attr-defined]
    unknown = changes.keys() - set(names)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    return type(obj)(**{n: changes[n] if n in changes else getattr(obj, n) for n in names})
