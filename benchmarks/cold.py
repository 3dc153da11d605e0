"""The per-phrase measurements of bench.py: cold and warm normalise with medians and p90, next to
jionlp.parse_time and one bare ``re.finditer`` of a date-like pattern over the same phrase; to_dict/describe;
memory per kept result; the first call in a fresh interpreter.
"""

from __future__ import annotations

import gc
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.phrases import generate  # noqa: E402

# The floor: what any reader pays to find the dates at all, one compiled pattern scanned over the text.
DATE_LIKE = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?|\d+个?(?:工作)?日内")
GENERATED_REF = "2017-01-09"


def p(values: Sequence[float], q: float) -> float:
    """The q-quantile (0.5: median, 0.9: p90) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def floor_scan(text: str) -> int:
    return sum(1 for _ in DATE_LIKE.finditer(text))


def phrase_sets(cells: list[dict[str, Any]], count: int) -> dict[str, list[dict[str, Any]]]:
    generated = [{"text": t, "ref": GENERATED_REF, "plan_year": 2017} for t in generate(count)]
    return {"corpus": cells, "generated": generated}


def time_phrases(data: list[dict[str, Any]], rounds: int, jio_rounds: int, jio: Any,
                 base: Callable[[dict[str, Any]], datetime]) -> dict[str, list[float]]:
    """Per-call µs for cold, warm, jionlp and the regex floor, rounds interleaved (load drift hits all alike)."""
    import deadline_cn

    norm, clear = deadline_cn.normalise, deadline_cn.clear_cache
    clock = time.perf_counter_ns
    out: dict[str, list[float]] = {"cold": [], "warm": [], "jionlp": [], "regex": []}
    calls = [(c["text"], c["ref"], c["plan_year"], base(c)) for c in data]
    for r in range(max(rounds, jio_rounds)):
        if r < rounds:
            for text, ref, year, _ in calls:
                clear()  # cold: this phrase is read from scratch (the clearing is not timed)
                t0 = clock()
                norm(text, ref=ref, plan_year=year)
                t1 = clock()
                norm(text, ref=ref, plan_year=year)  # warm: the same cell again, as on a ledger's repeated rows
                t2 = clock()
                floor_scan(text)
                t3 = clock()
                out["cold"].append((t1 - t0) / 1e3)
                out["warm"].append((t2 - t1) / 1e3)
                out["regex"].append((t3 - t2) / 1e3)
        if r < jio_rounds:
            for text, _, _, when in calls:
                t0 = clock()
                try:
                    jio.parse_time(text, time_base=when)
                except Exception:  # jionlp raises on phrases it cannot read; the time until it gives up counts
                    pass
                out["jionlp"].append((clock() - t0) / 1e3)
    return out


def bench_phrases(cells: list[dict[str, Any]], jio: Any, base: Callable[[dict[str, Any]], datetime],
                  quick: bool) -> dict[str, Any]:
    sets = phrase_sets(cells, 2000)
    plan = {"corpus": (40, 12) if quick else (200, 40), "generated": (2, 1) if quick else (8, 3)}
    out = {}
    for name, data in sets.items():
        for c in data:  # warm-up: compiled patterns, lazy tables, jionlp's dictionaries
            time_phrases([c], 1, 1, jio, base)
        gc.collect()
        rounds, jio_rounds = plan[name]
        samples = time_phrases(data, rounds, jio_rounds, jio, base)
        out[name] = {"n": len(data), "rounds": rounds, "jio_rounds": jio_rounds,
                     **{k: (p(v, 0.5), p(v, 0.9)) for k, v in samples.items()}}
    return out


def bench_methods(count: int = 2000, passes: int = 9) -> dict[str, float]:
    """µs per call of to_dict() and describe() over distinct generated results (median of passes)."""
    import deadline_cn

    results = [deadline_cn.normalise(t, ref=GENERATED_REF) for t in generate(count)]
    out = {}
    for name in ("to_dict", "describe"):
        per_pass = []
        for _ in range(passes):
            methods = [getattr(r, name) for r in results]
            t0 = time.perf_counter_ns()
            for m in methods:
                m()
            per_pass.append((time.perf_counter_ns() - t0) / count / 1e3)
        out[name] = statistics.median(per_pass)
        out[f"{name}_best"] = min(per_pass)  # the pass least disturbed by a loaded machine
    return out


WARM_UP = 2_000


def memory_per_result(count: int) -> float:
    """Bytes a kept result adds on average: tracemalloc over ``count`` distinct results, kept in a list (the
    caller's texts are not counted; the cell cache is emptied before the count is read)."""
    import deadline_cn

    texts = generate(count + WARM_UP)
    # The grammar's lazily built tables (the scanner's per-character patterns, the pool of shared values) are
    # not results: 2,000 other distinct phrases are read first, as a long column has done after its first rows.
    for text in texts[:WARM_UP]:
        deadline_cn.normalise(text, ref=GENERATED_REF)
    texts = texts[WARM_UP:]
    deadline_cn.clear_cache()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [deadline_cn.normalise(t, ref=GENERATED_REF) for t in texts]
    deadline_cn.clear_cache()
    gc.collect()
    per = (tracemalloc.get_traced_memory()[0] - before) / len(kept)
    tracemalloc.stop()
    return per


FIRST_CALL = {
    "deadline_cn": ("import deadline_cn", "deadline_cn.normalise('2017年6月底前完成', ref='2017-01-09')"),
    "jionlp": ("import jionlp", "jionlp.parse_time('2017年6月底前完成', time_base=__import__('datetime')"
               ".datetime(2017, 1, 9))"),
}


def first_calls(env: dict[str, str], starts: int) -> dict[str, tuple[float, float]]:
    """Median ms of the import statement and of the first call after it, each timed inside a fresh interpreter."""
    out = {}
    for lib, (imp, call) in FIRST_CALL.items():
        code = ("import time, contextlib, io\nt0 = time.perf_counter_ns()\n"
                f"with contextlib.redirect_stdout(io.StringIO()):\n    {imp}\nt1 = time.perf_counter_ns()\n"
                f"{call}\nt2 = time.perf_counter_ns()\nprint(t1 - t0, t2 - t1)")
        pairs = [subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True,
                                text=True).stdout.split() for _ in range(starts)]
        out[lib] = (statistics.median([int(a) for a, _ in pairs]) / 1e6,
                    statistics.median([int(b) for _, b in pairs]) / 1e6)
    return out
