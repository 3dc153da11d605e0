"""The worst case of extract(): 1 MB of each hostile input against 1 MB of plan prose (issue 15, item 5).

    python benchmarks/worst_case.py     # about 20 s on 2 cores; exit status 1 when one costs > 2x prose

Cost is this thread's CPU time (other processes on a loaded machine do not count), best of three runs. Each
input is cut to 1,000,000 UTF-8 bytes. Two limits keep every row within 2x prose:

* a sentence longer than windows.MAX_SENTENCE characters is read only up to that length (flag
  ``truncated:<n>``), so a megabyte with no full stop costs no more than prose;
* the reading budget (extract.BURST time words, plus one per extract.BYTES_PER_WORD bytes): text dense with
  dates ('1月。' repeated: a sentence with a time every 3 characters) is read until the budget runs out, the
  rest flagged ``dense:<n>``. The dearest input it allows puts the dates last, after a filler that earns
  budget without costing any (ASCII) or after plan prose (which costs its own and leaves its budget unused).

The inputs are the ones that once cost ~20x prose, a megabyte of a real tax calendar (tests/data: a date every
~25 characters, the densest real text found), and those fillers.
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


SOURCE_001 = next((ROOT / "corpus" / "sources").glob("001_*.txt")).read_text(encoding="utf-8")
CALENDAR = (ROOT / "tests" / "data" / "tax_calendar_2024.txt").read_text(encoding="utf-8")


def then(filler: str, dense: str, share: float) -> str:
    """``filler`` for the first ``share`` of the megabyte, ``dense`` for the rest (counted in bytes)."""
    head = megabyte(filler)
    head = head[:int(len(head) * share)]
    rest = megabyte(dense)
    return head + rest[:int(len(rest) * (1 - share))]


INPUTS: list[tuple[str, Callable[[], str]]] = [
    ("1月 x", lambda: megabyte("1月")),
    ("年底前 x", lambda: megabyte("年底前")),
    ("。 x", lambda: megabyte("。")),
    ("每 x", lambda: megabyte("每")),
    ("digits", lambda: megabyte("2017063012")),
    ("prose without 。；", lambda: no_sentence_ends(megabyte(PROSE))),
    ("2017年6月底前完成 x (no ends)", lambda: megabyte("2017年6月底前完成")),
    ("年底， x", lambda: megabyte("年底，")),
    # dense: every short sentence holds a time (read until the budget runs out, the rest flagged dense:<n>)
    ("1月。 x", lambda: megabyte("1月。")),
    ("2017年6月底前完成。 x", lambda: megabyte("2017年6月底前完成。")),
    ("1月1日至17日，申报。 x", lambda: megabyte("1月1日至17日，申报。")),
    ("1月； x (no 。: one chunk)", lambda: megabyte("1月；")),
    ("2017年6月底前完成；x (one chunk)", lambda: megabyte("2017年6月底前完成；")),
    ("tax calendar (办税日历) x", lambda: megabyte(CALENDAR)),
    ("ASCII 90%, then 1月。", lambda: then("a", "1月。", 0.9)),
    ("prose 90%, then 1月。", lambda: then(PROSE, "1月。", 0.9)),
    ("prose 50%, then 1月。", lambda: then(PROSE, "1月。", 0.5)),
    # a 后 and a 《 in every chunk: windows.py looks back for them around each sentence (skipped where absent)
    ("prose 90%, then 1月。 with 后《", lambda: then(PROSE, "1月。" * 1000 + "发生后，《通知》。", 0.9)),
    # a time word in every sentence of plan prose makes every sentence a window (reading every sentence costs ~2x
    # the windowed prose): 8,098 time words a megabyte, like the densest real plan repeated (corpus/sources/001:
    # 8,072) — past the budget (7,048 a megabyte) in its last sixth, which is flagged dense:<n>
    ("prose, 1月 after every 。", lambda: megabyte(PROSE.replace("。", "。1月"))),
    ("plan 001 (densest source) x", lambda: megabyte(SOURCE_001)),
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
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
