"""A short run of the fuzz target (``python -m tests.fuzz.run``): no invariant broken outside the known list."""

from __future__ import annotations

import io

import pytest

from tests.fuzz import run as fuzz
from tests.fuzz.checks import shrink


@pytest.mark.slow
def test_a_short_fuzz_run_breaks_no_invariant() -> None:
    out = io.StringIO()
    unknown = fuzz.run(20_000, jobs=1, seed=15, every=4, out=out)
    assert unknown == 0, out.getvalue()
    assert "fuzz: 20000 inputs" in out.getvalue()


def test_shrinking_keeps_the_break_and_drops_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    """A break inside a longer cell shrinks to the shortest text that still shows it (here a stand-in
    invariant, broken whenever the text holds 0月, so the test does not depend on a live grammar bug)."""
    from tests.fuzz import checks

    name = "stand-in:zero-month"
    monkeypatch.setattr(checks, "broken", lambda text, ref=None, plan_year=None: [name] if "0月" in text else [])
    text = "力争每年0月完成招投标,2017年底前"
    minimal = shrink(text, None, None, name)
    assert minimal == "0月"
