"""extract() on the prose of the five seed documents, k times over, as CPU time: the windowed path, the full scan
(every sentence read: what extract did before windows) and the re floor bench.py uses.

    python benchmarks/extract_cpu.py          # about a minute on 2 cores

CPU time of this thread, best of a few runs: on a loaded machine it moves far less than bench.py's wall clock.
It measures and prints; it asserts nothing.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import cold  # noqa: E402  (benchmarks/cold.py, next to this script)

from deadline_cn import extract  # noqa: E402
from deadline_cn._read.extract import _extract_full  # noqa: E402

DOCS = json.loads((ROOT / "corpus" / "documents.json").read_text(encoding="utf-8"))
SOURCES = [(p.read_text(encoding="utf-8"), DOCS[p.stem]) for p in sorted((ROOT / "corpus" / "sources").glob("*.txt"))]
RUNS = {1: 7, 10: 3, 100: 1}


def cpu_s(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        t0 = time.thread_time()
        fn()
        best = min(best, time.thread_time() - t0)
    return best


def rounds(texts: list[tuple[str, dict[str, object]]], runs: int) -> tuple[float, float, float]:
    """CPU seconds of the windowed extract, the full scan and the floor over ``texts``."""
    def kwargs(d: dict[str, object]) -> dict[str, object]:
        return {"ref": d["ref"], "plan_year": d["plan_year"]}

    return (cpu_s(lambda: [extract(t, **kwargs(d)) for t, d in texts], runs),  # type: ignore[arg-type]
            cpu_s(lambda: [_extract_full(t, **kwargs(d)) for t, d in texts], runs),  # type: ignore[arg-type]
            cpu_s(lambda: [cold.floor_scan(t) for t, _ in texts], runs))


def main() -> None:
    print(f"{'k':>4}{'MB':>8} | {'windowed MB/s':>14}{'full MB/s':>10}{'floor MB/s':>11} | "
          f"{'full/windowed':>14}{'windowed/floor':>15}")
    for k, runs in RUNS.items():
        texts = [("\n".join([t] * k), d) for t, d in SOURCES]
        mb = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
        ours, full, floor = rounds(texts, runs)
        print(f"{k:>3}x{mb:8.3f} | {mb / ours:14.2f}{mb / full:10.2f}{mb / floor:11.1f} | "
              f"{full / ours:13.2f}x{ours / floor:14.1f}x")


if __name__ == "__main__":
    main()
