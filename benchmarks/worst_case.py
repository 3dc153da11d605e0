"""The worst case of extract(): 1 MB of each hostile input against 1 MB of plan prose (issue 15, item 5).

    python benchmarks/worst_case.py     # about 20 s on 2 cores; exit status 1 when one costs > 2x prose

Cost is this thread's CPU time (other processes on a loaded machine do not count), best of three runs. Each
input is cut to 1,000,000 UTF-8 bytes. A sentence longer than windows.MAX_SENTENCE characters is read only
up to that length (flag ``truncated:<n>``), so a megabyte with no full stop costs no more than prose; the
inputs below are the ones that once cost ~20x prose.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import linearity  # noqa: E402  (benchmarks/, beside this script)

from deadline_cn import extract  # noqa: E402

MB = 1_000_000
BOUND = 2.0  # a hostile megabyte may cost at most twice a megabyte of prose
REF = "2017-01-09"
PROSE = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "sources").glob("*.txt")))


def megabyte(unit: str) -> str:
    """``unit`` repeated to 1,000,000 UTF-8 bytes (about)."""
    chars = int(MB / (len(unit.encode("utf-8")) / len(unit)))
    return (unit * (chars // len(unit) + 1))[:chars]


def no_sentence_ends(text: str) -> str:
    """The prose with every full stop and semicolon gone: one run of a megabyte with no sentence end."""
    return text.translate(str.maketrans("", "", "。；;\t"))


INPUTS: list[tuple[str, Callable[[], str]]] = [
    ("1月 x", lambda: megabyte("1月")),
    ("年底前 x", lambda: megabyte("年底前")),
    ("。 x", lambda: megabyte("。")),
    ("每 x", lambda: megabyte("每")),
    ("digits", lambda: megabyte("2017063012")),
    ("prose without 。；", lambda: no_sentence_ends(megabyte(PROSE))),
    ("2017年6月底前完成 x (no ends)", lambda: megabyte("2017年6月底前完成")),
    ("年底， x", lambda: megabyte("年底，")),
]

# Not bounded, shown beside: every short sentence holds a time, so every one is read (cost follows the readings;
# a megabyte of them is a table of deadlines, not an attack a cap could tell from one).
DENSE: list[tuple[str, Callable[[], str]]] = [
    ("1月。 x", lambda: megabyte("1月。")),
    ("2017年6月底前完成。 x", lambda: megabyte("2017年6月底前完成。")),
]


def cpu_ns(text: str, runs: int = 3) -> int:
    """Best of ``runs``: this thread's CPU time of extract(text) (linearity.py's measure)."""
    return linearity.cpu_ns(extract, text, runs)


def main() -> int:
    prose = megabyte(PROSE)
    extract(prose[:20_000], ref=REF)  # warm: compiled patterns, loaded tables
    base = cpu_ns(prose)
    print(f"{'input (1 MB)':34}{'ms':>9}{'x prose':>9}   (bound {BOUND:.0f}x)")
    print(f"{'plan prose (corpus/sources)':34}{base / 1e6:9.1f}{1:9.2f}")
    failed = 0
    for name, make in INPUTS:
        spent = cpu_ns(make())
        ratio = spent / base
        bad = ratio > BOUND
        failed += bad
        print(f"{name:34}{spent / 1e6:9.1f}{ratio:9.2f}{'   OVER' if bad else ''}")
    print(f"{failed} of {len(INPUTS)} over the bound")
    print("dense sentences (not bounded: every sentence holds a time and is read)")
    for name, make in DENSE:
        spent = cpu_ns(make(), runs=1)
        print(f"{name:34}{spent / 1e6:9.1f}{spent / base:9.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
