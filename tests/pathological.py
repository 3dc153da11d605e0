"""Inputs that once cost super-linear time, shared by the step-counting tests (tests/test_robustness.py) and
the timing run (benchmarks/linearity.py).

Each case: an id, a maker ``size -> text`` and the size ``n`` the timing run compares with ``10 n``. The tests
count steps on smaller sizes (``n // STEP_SCALE``), because tracing costs 10-20x the plain call.
"""

from __future__ import annotations

from collections.abc import Callable

Maker = Callable[[int], str]

CASES: list[tuple[str, Maker, int]] = [
    ("年x100000", lambda n: "年" * n, 10_000),
    ("2017年x10000", lambda n: "2017年" * n, 1_000),
    ("每x100000", lambda n: "每" * n, 10_000),
    ("nested-brackets", lambda n: "（《(【“" * n + "2017年6月底前完成" + "”】)》）" * n, 600),
    ("unclosed-brackets", lambda n: "《" * n + "2017年6月底前" + "（" * n, 3_000),
    ("times-in-one-clause", lambda n: "2017年6月底前完成" * n, 500),
    ("markers-without-times", lambda n: "及时" * n, 2_000),
    ("invisible-and-numerals", lambda n: "\u200b\u202e二〇一七年\u2066六月底前\x00😀" * n, 500),
    ("markers-and-times", lambda n: "及时年底" * n, 300),
    ("many-clauses-with-times", lambda n: "年底，" * n, 1_200),
]

# found fixed; about a minute per run at its size, so only the timing run's --deep option runs it
DEEP: tuple[str, Maker, int] = ("very-deep-brackets", lambda n: "（" * n + "2017年6月底前" + "）" * n, 50_000)
