"""A short run of the fuzz target (``python -m tests.fuzz.run``): no invariant broken outside the known list."""

from __future__ import annotations

import io

import pytest

from tests.fuzz import run as fuzz
from tests.fuzz.checks import broken, shrink


@pytest.mark.slow
def test_a_short_fuzz_run_breaks_no_invariant() -> None:
    out = io.StringIO()
    unknown = fuzz.run(20_000, jobs=1, seed=15, every=4, out=out)
    assert unknown == 0, out.getvalue()
    assert "fuzz: 20000 inputs" in out.getvalue()


def test_shrinking_keeps_the_break_and_drops_the_rest() -> None:
    """A known grammar break (zero after 每) inside a longer cell shrinks to the phrase that shows it."""
    text = "力争每年0月完成招投标,2017年底前"
    name = "impossible:month-read-as-a-date"
    assert name in broken(text)
    minimal = shrink(text, None, None, name)
    assert name in broken(minimal) and len(minimal) < len(text)
    assert fuzz.known_reason(minimal) is not None, minimal
