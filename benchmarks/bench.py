"""Speed and memory of deadline_cn next to jionlp, the parser people use today, in one run.

    python benchmarks/bench.py            # the full run: about a minute and a half on 2 cores
    python benchmarks/bench.py --quick    # fewer rounds, no 100x row: a smoke run of the script

Prints one table (machine, normalise vs parse_time, extract vs extract_time, import time, memory, targets).
It measures and prints; it asserts nothing about timings. Every jionlp call gets an explicit ``time_base``
(midnight of the document's ref, or 1 January of its plan year when the document gives no date): jionlp
never reads the clock here. jionlp's import banner and its ``logging.error`` tracebacks (it logs one for
every period it cannot place) are kept off the output; silencing the log makes jionlp faster, not slower.
See benchmarks/README.md for how to read the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import logging
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import cold  # noqa: E402  (benchmarks/cold.py, next to this script)

CORPUS = ROOT / "corpus"
# Document dates (发文日期) and plan years, from corpus/documents.json; 001 gives no date.
DOCS: dict[str, tuple[str | None, int]] = {
    stem[:3]: (d["ref"], d["plan_year"])
    for stem, d in json.loads((CORPUS / "documents.json").read_text(encoding="utf-8")).items()
}
MB = 1_000_000  # MB/s counts UTF-8 bytes of the input
PER_RESULT_COUNT = 20_000  # distinct generated results kept in a list for the memory-per-result figure


# ----------------------------------------------------------------------------------------------- inputs

def cells() -> list[dict[str, Any]]:
    """Every distinct cell of the corpus (corpus/gold.jsonl): text, ref, plan_year."""
    seen, out = set(), []
    for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        key = (entry["text"], entry["ref"], entry["plan_year"])
        if key not in seen:
            seen.add(key)
            out.append({"text": entry["text"], "ref": entry["ref"], "plan_year": entry["plan_year"]})
    return out


def documents() -> list[dict[str, Any]]:
    """The prose of the five source documents, each with its ref and plan year."""
    out = []
    for path in sorted((CORPUS / "sources").glob("*.txt")):
        ref, plan_year = DOCS[path.name[:3]]
        out.append({"name": path.stem, "text": path.read_text(encoding="utf-8"), "ref": ref, "plan_year": plan_year})
    return out


def time_base(ref: str | None, plan_year: int) -> datetime:
    """jionlp's base: midnight of ref, else 1 January of the plan year — never the clock."""
    return datetime.fromisoformat(ref) if ref else datetime(plan_year, 1, 1)


# ------------------------------------------------------------------------------------------ libraries

def quiet_jionlp() -> Any:
    """Import jionlp with its banner kept off stdout, and its error log (tracebacks on stderr) silenced."""
    root = logging.getLogger()
    if not root.handlers:  # jionlp calls logging.error, whose basicConfig would add a stderr handler
        root.addHandler(logging.NullHandler())
    logging.disable(logging.CRITICAL)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp
    return jionlp


def jionlp_parse(jio: Any, cell: dict[str, Any], base: datetime) -> None:
    try:
        jio.parse_time(cell["text"], time_base=base)
    except Exception:  # jionlp raises on phrases it cannot read; the time until it gives up still counts
        pass


# ---------------------------------------------------------------------------------------------- timing

def ns(fn: Callable[[], object]) -> int:
    t0 = time.perf_counter_ns()
    fn()
    return time.perf_counter_ns() - t0


def median(values: list[float]) -> float:
    return statistics.median(values)


def settle() -> None:
    """Collect, then freeze what is alive: a section is not charged for full GC passes over objects an
    earlier section left behind (jionlp's caches, the timing samples). Both libraries get the same."""
    gc.collect()
    gc.freeze()


def bench_extract(reps: dict[int, int], jio_cap: int) -> dict[str, Any]:
    import deadline_cn
    from deadline_cn._read.extract import _extract_full

    jio = quiet_jionlp()
    settle()
    docs = documents()
    rows = []
    for k, n in reps.items():
        texts = [("\n".join([d["text"]] * k), d) for d in docs]
        size = sum(len(t.encode("utf-8")) for t, _ in texts)
        chars = sum(len(t) for t, _ in texts)

        def ours(texts: list[tuple[str, dict[str, Any]]] = texts) -> int:
            return sum(len(deadline_cn.extract(t, ref=d["ref"], plan_year=d["plan_year"])) for t, d in texts)

        def theirs(texts: list[tuple[str, dict[str, Any]]] = texts) -> int:
            return sum(len(jio.ner.extract_time(t, time_base=time_base(d["ref"], d["plan_year"])))
                       for t, d in texts)

        if k == 1:  # warm-up, and the number of expressions each finds (not an accuracy figure)
            with contextlib.redirect_stdout(io.StringIO()):
                found = {"ours": ours(), "theirs": theirs()}
        def floor(texts: list[tuple[str, dict[str, Any]]] = texts) -> int:
            return sum(cold.floor_scan(t) for t, _ in texts)

        def full(texts: list[tuple[str, dict[str, Any]]] = texts) -> int:
            """Every sentence read (extract before it read only the sentences an anchor is in)."""
            return sum(len(_extract_full(t, ref=d["ref"], plan_year=d["plan_year"])) for t, d in texts)

        row: dict[str, Any] = {"k": k, "bytes": size, "chars": chars, "reps": n, "ours": [], "theirs": [], "floor": [],
                               "full": []}
        for _ in range(n):
            row["ours"].append(ns(ours))
            row["floor"].append(ns(floor))
            if k <= 10:
                row["full"].append(ns(full))
            if k <= jio_cap:
                row["theirs"].append(ns(theirs))
        rows.append(row)
    return {"rows": rows, "found": found, "jio_cap": jio_cap}


def run_quiet(cmd: list[str], env: dict[str, str]) -> str:
    """Run a child interpreter with its output (jionlp's banner) captured; return its stdout."""
    return subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout


def bench_import(starts: int) -> dict[str, Any]:
    """Fresh interpreters, with the bytecode caches an installed package has, and without them for deadline_cn.

    Cached: every .pyc (stdlib, jionlp, deadline_cn) is written once to a private PYTHONPYCACHEPREFIX, then read
    by every timed start. Uncached: a copy of the package with no .pyc, imported with -B (the first import after
    an edit; what a checkout gives under PYTHONDONTWRITEBYTECODE=1).
    """
    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    programs = {"bare": "pass", "deadline_cn": "import deadline_cn", "jionlp": "import jionlp"}
    inner = "import time; t = time.perf_counter_ns(); import deadline_cn; print(time.perf_counter_ns() - t)"
    with tempfile.TemporaryDirectory() as tmp:
        cached = dict(base, PYTHONPYCACHEPREFIX=str(Path(tmp) / "pyc"),
                      PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), base.get("PYTHONPATH")) if p))
        copy = Path(tmp) / "src"
        shutil.copytree(ROOT / "deadline_cn", copy / "deadline_cn", ignore=shutil.ignore_patterns("__pycache__"))
        uncached = dict(base, PYTHONPATH=os.pathsep.join(p for p in (str(copy), base.get("PYTHONPATH")) if p))
        runs = {name: [sys.executable, "-c", code] for name, code in programs.items()}
        runs["uncached"] = [sys.executable, "-B", "-c", programs["deadline_cn"]]
        for name, cmd in runs.items():  # write the caches before timing
            run_quiet(cmd, uncached if name == "uncached" else cached)
        times: dict[str, list[int]] = {name: [] for name in runs}
        inside: list[int] = []
        for _ in range(starts):  # interleaved, so drift in the machine's load hits all alike
            for name, cmd in runs.items():
                env = uncached if name == "uncached" else cached
                times[name].append(ns(lambda cmd=cmd, env=env: run_quiet(cmd, env)))  # type: ignore[misc]
            inside.append(int(run_quiet([sys.executable, "-c", inner], cached)))
        # where deadline_cn's own import time goes: -X importtime, self time of its modules (cached)
        trace = subprocess.run([sys.executable, "-X", "importtime", "-c", "import deadline_cn"], env=cached,
                               check=True, capture_output=True, text=True).stderr
        firsts = cold.first_calls(cached, starts)
    own = []
    for line in trace.splitlines():
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[0].isdigit():
            own.append((int(parts[0]), int(parts[1]), parts[2]))
    modules = sorted(((s, name) for s, _, name in own if name.startswith("deadline_cn")), reverse=True)
    others = sorted(((s, name) for s, _, name in own[own.index(next(o for o in own if o[2] == "site")) + 1:]
                     if not name.startswith("deadline_cn")), reverse=True) if any(o[2] == "site" for o in own) else []
    return {
        "starts": starts,
        "ms": {name: median(v) / 1e6 for name, v in times.items()},
        "min_ms": {name: min(v) / 1e6 for name, v in times.items()},
        "inside_ms": median(inside) / 1e6,
        "importtime_own_ms": sum(s for s, _ in modules) / 1e3,
        "importtime_other_ms": sum(s for s, _ in others) / 1e3,
        "importtime_top": [(name, s / 1e3) for s, name in modules[:5]],
        "first_calls": firsts,
    }


def memory_probe(lib: str, traced: bool = True) -> dict[str, Any]:
    """Run in a fresh process: import, normalise over the cells, extract over the prose.

    Traced: tracemalloc's peak of each step. Untraced (tracemalloc's own bookkeeping inflates the RSS): the
    process's max RSS after import and at the end.
    """
    if not traced:
        return rss_probe(lib)
    tracemalloc.start()
    out: dict[str, Any] = {}
    docs, data = documents(), cells()
    base_mem = tracemalloc.get_traced_memory()[0]
    if lib == "deadline_cn":
        import deadline_cn

        def read_cells() -> None:
            for c in data:
                deadline_cn.normalise(c["text"], ref=c["ref"], plan_year=c["plan_year"])

        def read_prose(k: int) -> None:
            for d in docs:
                deadline_cn.extract("\n".join([d["text"]] * k), ref=d["ref"], plan_year=d["plan_year"])
    else:
        jio = quiet_jionlp()

        def read_cells() -> None:
            for c in data:
                jionlp_parse(jio, c, time_base(c["ref"], c["plan_year"]))

        def read_prose(k: int) -> None:
            for d in docs:
                jio.ner.extract_time("\n".join([d["text"]] * k), time_base=time_base(d["ref"], d["plan_year"]))
    current, peak = tracemalloc.get_traced_memory()
    out["import_retained"], out["import_peak"] = current - base_mem, peak - base_mem
    for name, run in (("normalise_cells", read_cells), ("extract_1x", lambda: read_prose(1)),
                      ("extract_10x", lambda: read_prose(10))):
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        with contextlib.redirect_stdout(io.StringIO()):
            run()
        out[name] = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return out


def max_rss() -> int:
    """This process's peak resident set (VmHWM: unlike getrusage's ru_maxrss, not inherited across fork)."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def rss_probe(lib: str) -> dict[str, Any]:
    docs, data = documents(), cells()
    out = {"rss_start": max_rss()}
    if lib == "deadline_cn":
        import deadline_cn

        out["rss_import"] = max_rss()
        for c in data:
            deadline_cn.normalise(c["text"], ref=c["ref"], plan_year=c["plan_year"])
        for d in docs:
            deadline_cn.extract("\n".join([d["text"]] * 10), ref=d["ref"], plan_year=d["plan_year"])
    else:
        jio = quiet_jionlp()
        out["rss_import"] = max_rss()
        with contextlib.redirect_stdout(io.StringIO()):
            for c in data:
                jionlp_parse(jio, c, time_base(c["ref"], c["plan_year"]))
            for d in docs:
                jio.ner.extract_time("\n".join([d["text"]] * 10), time_base=time_base(d["ref"], d["plan_year"]))
    out["rss_end"] = max_rss()
    return out


def bench_memory() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    run = subprocess.run([sys.executable, __file__, "--per-result-probe"], check=True, capture_output=True, text=True)
    out["per_result"] = json.loads(run.stdout.strip().splitlines()[-1])
    for lib in ("deadline_cn", "jionlp"):
        out[lib] = {}
        for probe in ("--memory-probe", "--rss-probe"):
            run = subprocess.run([sys.executable, __file__, probe, lib], check=True, capture_output=True, text=True)
            out[lib].update(json.loads(run.stdout.strip().splitlines()[-1]))
    return out


# ---------------------------------------------------------------------------------------------- report

def machine() -> str:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{model}, {os.cpu_count()} cores ({usable} usable), {platform.system()} {platform.release()}, "
            f"{platform.python_implementation()} {platform.python_version()}")


def fmt_mb(n: float) -> str:
    return f"{n / 2**20:.1f} MiB"


def base_of(cell: dict[str, Any]) -> datetime:
    return time_base(cell["ref"], cell["plan_year"])


def report(args: argparse.Namespace) -> None:
    import deadline_cn

    jio = quiet_jionlp()
    t_start = time.perf_counter()
    docs = documents()
    prose_bytes = sum(len(d["text"].encode("utf-8")) for d in docs)
    print(f"deadline_cn {deadline_cn.__version__} vs jionlp {jio.__version__}")
    print(f"machine: {machine()}")
    from deadline_cn._compiled import MODULES, compiled

    built = compiled()
    print(f"build:   {f'{len(built)} of {len(MODULES)} hot-path modules compiled (mypyc)' if built else 'pure Python'}"
          " (DEADLINE_CN_PURE=1 runs the pure-Python modules)")
    print(f"load:    {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min load average at the start)")
    print(f"corpus:  {len(cells())} distinct cells (corpus/gold.jsonl); prose of {len(docs)} documents, "
          f"{sum(len(d['text']) for d in docs):,} chars = {prose_bytes / MB:.3f} MB UTF-8")
    quick = " (--quick: fewer rounds)" if args.quick else ""
    print(f"timing:  time.perf_counter_ns; GC on; jionlp's time_base from each document's ref{quick}")
    print(f"floor:   one re.finditer of {cold.DATE_LIKE.pattern!r} over the same text")
    print()

    settle()
    ph = cold.bench_phrases(cells(), jio, base_of, args.quick)
    print("1. normalise(phrase) — us per call, median / p90; cold: the cell cache cleared before each call (untimed);")
    print("   warm: the same phrase again (cached); ratios on medians")
    print(f"   {'':24}{'cold':>13}{'warm':>13}{'jionlp':>15}{'re floor':>13}{'jionlp/cold':>13}{'cold/floor':>12}")
    for name, r in ph.items():
        label = f"{name} {r['n']:,} x {r['rounds']}"
        cells_ = [f"{r[k][0]:6.1f} /{r[k][1]:5.1f}" for k in ("cold", "warm", "jionlp", "regex")]
        print(f"   {label:24}{cells_[0]:>13}{cells_[1]:>13}{cells_[2]:>15}{cells_[3]:>13}"
              f"{r['jionlp'][0] / r['cold'][0]:12.1f}x{r['cold'][0] / r['regex'][0]:11.0f}x")
    print("   (jionlp: rounds " + ", ".join(f"{n} x {r['jio_rounds']}" for n, r in ph.items()) +
          "; it raises on some phrases, and the time until it raises is counted)")
    print()

    settle()
    reps = {1: 7, 10: 3} if args.quick else {1: 7, 10: 3, 100: 1}
    e = bench_extract(reps, args.jio_cap)
    print(f"2. extract(prose) vs jionlp.ner.extract_time(prose) and the re floor — the {len(docs)} documents, "
          f"each with its ref, repeated k times")
    print(f"   {'k':>5}{'MB':>8}{'reps':>6} | {'deadline_cn ms':>14}{'MB/s':>7}{'growth':>8} | "
          f"{'jionlp ms':>10}{'MB/s':>7} | {'floor ms':>9}{'MB/s':>7} | {'jionlp/ours':>11}{'ours/floor':>11}")
    base_o = None
    for row in e["rows"]:
        mo, mf = median(row["ours"]) / 1e6, median(row["floor"]) / 1e6
        base_o = base_o or mo
        mb = row["bytes"] / MB
        line = f"   {row['k']:>4}x{mb:8.3f}{row['reps']:>6} | {mo:14.1f}{mb / (mo / 1e3):7.2f}{mo / base_o:7.1f}x | "
        if row["theirs"]:
            mt = median(row["theirs"]) / 1e6
            line += f"{mt:10.1f}{mb / (mt / 1e3):7.2f} | "
        else:
            line += f"{'not run':>17} | "
        line += f"{mf:9.1f}{mb / (mf / 1e3):7.1f} | "
        line += (f"{mt / mo:10.2f}x" if row["theirs"] else f"{'':11}") + f"{mo / mf:10.1f}x"
        print(line)
    print(f"   growth = time / time at 1x (linear: 10x and 100x); jionlp capped at {e['jio_cap']}x")
    fulls = [(row["k"], median(row["full"]) / 1e6, median(row["ours"]) / 1e6) for row in e["rows"] if row["full"]]
    print("   every sentence read (the full scan extract did before windows): " + ", ".join(
        f"{k}x {f:.1f} ms ({f / o:.2f}x the windowed time)" for k, f, o in fulls))
    print(f"   expressions found at 1x: deadline_cn {e['found']['ours']}, jionlp {e['found']['theirs']} "
          "(a count, not an accuracy figure)")
    print()

    im = bench_import(args.starts)
    ms, mins = im["ms"], im["min_ms"]
    print(f"3. import in a fresh interpreter (cached .pyc) — median (min) of {im['starts']} starts each, wall clock")
    print(f"   {'python -c pass':40}{ms['bare']:8.1f} ms ({mins['bare']:.1f})")
    for name, label in (("deadline_cn", 'python -c "import deadline_cn"'), ("jionlp", 'python -c "import jionlp"'),
                        ("uncached", "same, deadline_cn without .pyc (-B)")):
        print(f"   {label:40}{ms[name]:8.1f} ms ({mins[name]:.1f})   "
              f"adds {ms[name] - ms['bare']:5.1f} ms ({mins[name] - mins['bare']:.1f})")
    fc = im["first_calls"]
    print("   timed inside a fresh interpreter, median:  import statement | first call after it")
    for lib, (imp, call) in fc.items():
        print(f"   {lib:40}{imp:8.1f} ms | {call:6.1f} ms")
    top = ", ".join(f"{name.removeprefix('deadline_cn.')} {v:.1f}" for name, v in im["importtime_top"])
    print(f"   -X importtime (self ms): deadline_cn's modules {im['importtime_own_ms']:.1f}, the modules they pull in "
          f"{im['importtime_other_ms']:.1f}; top: {top}")
    print()

    mem = bench_memory()
    per = mem["per_result"]
    print("4. memory — tracemalloc (Python allocations), a fresh process per library; peak above the level before")
    print(f"   a kept result: {per['bytes']:.0f} B on average over {per['count']:,} distinct generated phrases "
          f"(a million-row column: {per['bytes'] * 1e6 / 2**20:.0f} MiB)")
    print(f"   {'':34}{'deadline_cn':>12}{'jionlp':>12}")
    rows = [("import (retained)", "import_retained"), ("import (peak)", "import_peak"),
            (f"normalise all {len(cells())} cells (peak)", "normalise_cells"),
            ("extract prose 1x (peak)", "extract_1x"), ("extract prose 10x (peak)", "extract_10x")]
    for label, key in rows:
        print(f"   {label:34}{fmt_mb(mem['deadline_cn'][key]):>12}{fmt_mb(mem['jionlp'][key]):>12}")
    print("   peak RSS (VmHWM, a run without tracemalloc; the interpreter and bench.py included)")
    for label, key in (("after import", "rss_import"), ("after normalise + extract 10x", "rss_end")):
        print(f"   {label:34}{fmt_mb(mem['deadline_cn'][key]):>12}{fmt_mb(mem['jionlp'][key]):>12}")
    print()

    methods = cold.bench_methods()
    print("5. methods of a result — us per call, median of 9 passes over 2,000 distinct generated results")
    print(f"   to_dict() {methods['to_dict']:.2f} us (best pass {methods['to_dict_best']:.2f}), "
          f"describe() {methods['describe']:.2f} us (best pass {methods['describe_best']:.2f})")
    print()

    targets(ph, e, im, per, methods)
    print(f"(benchmark wall time {time.perf_counter() - t_start:.0f} s)")


def targets(ph: dict[str, Any], e: dict[str, Any], im: dict[str, Any], per: dict[str, Any],
            methods: dict[str, float]) -> None:
    """Issue 11's aims next to the figures above (aims, not tests)."""
    rows_by_k = {row["k"]: row for row in e["rows"]}
    one = rows_by_k[1]
    rate = one["bytes"] / MB / (median(one["ours"]) / 1e9)
    to_floor = median(one["ours"]) / median(one["floor"])
    added = im["ms"]["deadline_cn"] - im["ms"]["bare"]
    first = im["first_calls"]["deadline_cn"][1]
    aims: list[tuple[str, str, bool]] = []
    for name, r in ph.items():
        aims.append((f"normalise cold, {name}: median <= 10 us", f"{r['cold'][0]:.1f} us", r["cold"][0] <= 10))
        aims.append((f"normalise cold, {name}: p90 <= 25 us", f"{r['cold'][1]:.1f} us", r["cold"][1] <= 25))
        ratio = r["jionlp"][0] / r["cold"][0]
        aims.append((f"normalise cold, {name}: >= 20x jionlp", f"{ratio:.1f}x", ratio >= 20))
    aims += [("extract >= 10 MB/s (prose 1x)", f"{rate:.2f} MB/s", rate >= 10),
             ("extract within 6x of the re floor", f"{to_floor:.1f}x", to_floor <= 6)]
    if 100 in rows_by_k:
        growth = median(rows_by_k[100]["ours"]) / median(one["ours"])
        aims.append(("extract linear: 100x the text <= 110x the time", f"{growth:.1f}x", growth <= 110))
    aims += [("import adds <= 20 ms (cached .pyc)", f"{added:.1f} ms", added <= 20),
             ("first call <= 5 ms", f"{first:.1f} ms", first <= 5),
             ("a kept result <= 200 B", f"{per['bytes']:.0f} B", per["bytes"] <= 200),
             ("to_dict() <= 3 us", f"{methods['to_dict']:.2f} us", methods["to_dict"] <= 3),
             ("describe() <= 3 us", f"{methods['describe']:.2f} us", methods["describe"] <= 3)]
    print("targets of issue 11 (aims, not tests)")
    for label, value, met in aims:
        print(f"   {label:50}{value:>12}   {'met' if met else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and no 100x row (a smoke run)")
    parser.add_argument("--memory-probe", choices=("deadline_cn", "jionlp"), help=argparse.SUPPRESS)
    parser.add_argument("--rss-probe", choices=("deadline_cn", "jionlp"), help=argparse.SUPPRESS)
    parser.add_argument("--per-result-probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.per_result_probe:
        print(json.dumps({"count": PER_RESULT_COUNT, "bytes": cold.memory_per_result(PER_RESULT_COUNT)}))
        return
    if args.memory_probe or args.rss_probe:
        print(json.dumps(memory_probe(args.memory_probe or args.rss_probe, traced=bool(args.memory_probe))))
        return
    args.starts = 5 if args.quick else 15
    args.jio_cap = 10
    report(args)


if __name__ == "__main__":
    main()
