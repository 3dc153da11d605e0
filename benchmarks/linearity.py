"""Time linear in the length of the text: for each pathological input (tests/pathological.py) and for the
corpus prose at 100 KB and 1 MB, the cost of 10n against the cost of n.

    python benchmarks/linearity.py          # about 45 s on 2 cores; exit status 1 when a case grows > 30x
    python benchmarks/linearity.py --deep   # also 100,000 nested brackets (about a minute more)

Cost is this thread's CPU time (other processes on a loaded machine do not count), best of a few runs, against
a generous bound of 30x. Linear work gives ~10x. A quadratic term that is a third of the cost at n gives ~40x;
the sizes are chosen so that it is: a stand-in that lets each "2017年" scan the others (as a marker scans the
times in a clause) costs 38x at 10n on "2017年" x 1,000, and one that pairs every third character of
"年" x 10,000 costs 74x. The quadratic cases once found here cost 45-60x.

normalise reads a cell only up to MAX_CELL characters and extract a sentence only up to MAX_SENTENCE, so on
these inputs their cost soon stops growing; the rows ``normalise_whole`` and ``extract_whole`` read the whole
text (no cut, every sentence), so the grammar's own cost is still timed on every length.

The test suite checks the same inputs by counting Python steps (tests/test_robustness.py), which is blind to the
machine's load but also to the work inside one regex scan; this script times both.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from deadline_cn import clear_cache, extract, normalise  # noqa: E402
from deadline_cn._read.extract import _extract_full  # noqa: E402
from deadline_cn._read.normalise import as_date  # noqa: E402
from deadline_cn._read.pipeline import read  # noqa: E402
from deadline_cn._resolve.resolver import Settings  # noqa: E402
from tests.pathological import CASES, DEEP, Maker  # noqa: E402

REF = "2017-01-09"
BOUND = 30  # 10x the text may cost at most 30x the time: linear is ~10x, quadratic ~100x
PROSE = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "sources").glob("*.txt")))


def normalise_whole(text: str, ref: str) -> object:
    """normalise's reading without its MAX_CELL cut: the grammar's own cost on text of any length."""
    return read(text, Settings(as_date(ref), None))


def extract_whole(text: str, ref: str) -> object:
    """extract with every sentence read whole (no anchor, no MAX_SENTENCE cut)."""
    return _extract_full(text, ref=ref)


def cpu_ns(fn: Callable[..., Any], text: str, runs: int) -> int:
    """Best of ``runs``: this thread's CPU time, from a cold cell cache."""
    best = None
    for _ in range(runs):
        gc.collect()
        clear_cache()
        t0 = time.thread_time_ns()
        fn(text, ref=REF)
        spent = time.thread_time_ns() - t0
        best = spent if best is None else min(best, spent)
    assert best is not None
    return best


def growth(fn: Callable[..., Any], make: Maker, n: int, large_runs: int = 3) -> tuple[float, float, float]:
    """(ms at n, ms at 10n, ratio)."""
    fn(make(n), ref=REF)  # warm: compiled patterns, loaded tables
    small = cpu_ns(fn, make(n), runs=5)
    large = cpu_ns(fn, make(10 * n), runs=large_runs)
    return small / 1e6, large / 1e6, large / small


def document(size: int) -> str:
    """The corpus prose, repeated and cut to ``size`` UTF-8 bytes (about)."""
    chars = int(size / (len(PROSE.encode("utf-8")) / len(PROSE)))
    return (PROSE * (chars // len(PROSE) + 1))[:chars]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deep", action="store_true", help="also 100,000 nested brackets (about a minute)")
    args = parser.parse_args()
    rows: list[tuple[str, str, Callable[..., Any], Maker, int, int]] = [
        (name, fn.__name__, fn, make, n, 3) for name, make, n in CASES
        for fn in (normalise, extract, normalise_whole, extract_whole)]
    rows.append(("prose 100KB -> 1MB", "extract", extract, document, 100_000, 2))
    if args.deep:
        name, make, n = DEEP
        rows.append((name, "normalise", normalise, make, n, 1))
    print(f"{'input':26}{'call':>16}{'ms at n':>10}{'ms at 10n':>11}{'growth':>8}   (bound {BOUND}x)")
    failed = 0
    for name, label, fn, make, n, large_runs in rows:
        small, large, ratio = growth(fn, make, n, large_runs)
        bad = ratio >= BOUND
        failed += bad
        print(f"{name:26}{label:>16}{small:10.1f}{large:11.1f}{ratio:7.1f}x{'   SUPER-LINEAR' if bad else ''}")
    print(f"{failed} of {len(rows)} over the bound")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
