"""``@record`` (the grammar's value classes) behaves as the frozen dataclass it replaces, slotted."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace as dc_replace

import pytest

from deadline_cn._grammar.parse import DeadlineP, RelativeP, When
from deadline_cn._grammar.record import record, replace


@dataclass(frozen=True)
class AsDataclass:
    a: int
    b: str | None = None
    c: tuple[int, ...] = ()


@record
class AsRecord:
    a: int
    b: str | None = None
    c: tuple[int, ...] = ()

    @property
    def twice(self) -> int:
        return 2 * self.a


def test_the_methods_are_those_of_a_frozen_dataclass() -> None:
    for args in ((1,), (2, "x"), (3, None, (1, 2))):
        d, r = AsDataclass(*args), AsRecord(*args)
        assert hash(d) == hash(r)
        assert repr(d).replace("AsDataclass", "AsRecord") == repr(r)
        assert r == AsRecord(*args) and r != AsRecord(99) and r != d
    assert AsRecord(a=4, c=(5,)).c == (5,) and AsRecord(4).twice == 8
    assert not hasattr(AsRecord(1), "__dict__")


def test_replace_is_dataclasses_replace() -> None:
    w = When(year=2017, month=6, edge="end")
    assert replace(w, day=3) == When(year=2017, month=6, day=3, edge="end")
    assert replace(AsRecord(1, "b"), a=2) == AsRecord(2, "b")
    assert dc_replace(AsDataclass(1, "b"), a=2) == AsDataclass(2, "b")
    with pytest.raises(TypeError, match="no field"):
        replace(w, nonsense=1)


def test_parses_compare_by_value() -> None:
    assert DeadlineP(When(year=2017)) == DeadlineP(When(year=2017))
    assert {RelativeP(3, "day"), RelativeP(3, "day")} == {RelativeP(3, "day")}
    assert When(year=2017).grain == "year"
