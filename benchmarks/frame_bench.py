"""deadline_cn.frame on big columns: against the row-by-row to_dict() recipe, and in 2 worker processes.

    python benchmarks/frame_bench.py                  # 100,000 and 1,000,000 cells: 20-40 minutes on 2 cores
    python benchmarks/frame_bench.py --quick          # 20,000 and 50,000 cells: checks that the script runs
    python benchmarks/frame_bench.py --only parallel --rows 200000 --rounds 3 --recipe

Needs ``pip install 'deadline-cn[cluster]'`` (pandas, Dask, distributed). Prints figures, asserts nothing
but that every way gives the same frame.

1. **frame vs row by row**: 100,000 cells drawn with repeats from about 1,300 distinct texts (the corpus's
   deadline cells and dated task phrases), 5% of them empty (None or NaN), one ref. The recipe is the
   README's former one made to survive empty cells: ``normalise`` then ``to_dict()`` per row, then
   ``pd.json_normalize``. Each side starts with normalise's cache cleared; best of 3.
2. **parallel vs serial**: 1,000,000 cells in three shapes: a ledger (80% cells seen nowhere else —
   tests/phrases.py's phrases with a responsible unit after them —, 15% common cells, 5% empty, a ref per
   document of 200 rows), all distinct (one ref), and repeats (5,000 documents of 200 rows drawing on 60
   texts each, a ref per document). Serial: ``frame`` in this process. Parallel: ``frame(executor=...)``
   with a Dask ``Client`` of a LocalCluster (2 worker processes, 1 thread each) and with a
   ``ProcessPoolExecutor(2)``: the distinct (cell, ref) keys are found here, read there in 64 chunks, and
   come back as flat typed columns. Rounds alternate serial / Dask / pool and the best of each is shown;
   the pools start (and are warmed) before, timed apart. CPU seconds of this process and of each worker
   are printed: on a shared machine the wall clock follows the load, the CPU seconds do not, and "CPU-bound"
   is serial CPU / (this process's CPU + the busiest worker's), the speed-up on two otherwise idle cores.
   ``--recipe`` also times the README's ``map_partitions(frame_of)`` (each partition dedups on its own).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import pandas as pd  # noqa: E402

import deadline_cn  # noqa: E402
from deadline_cn._read.normalise import clear_cache  # noqa: E402
from deadline_cn.frames import frame_of  # noqa: E402

REF = "2017-01-09"
TASKS = ("完成招投标等前期工作", "组织对门户网站进行一次系统梳理", "建立健全工作机制", "开展专项检查", "出台实施细则",
         "完成整体改版建设", "印发实施方案", "完成评估验收", "启动试点工作", "全面推开")


def distinct_texts(rng: random.Random) -> list[str]:
    """The corpus's deadline cells and dated task phrases of several kinds."""
    lines = (ROOT / "corpus" / "cells.jsonl").read_text(encoding="utf-8").splitlines()
    corpus = sorted({t for t in (json.loads(line)["deadline_text"] for line in lines) if t})
    made = [f"{y}年{m}月底前{task}" for y in range(2016, 2026) for m in range(1, 13) for task in TASKS[:5]]
    made += [f"{y}年第{q}季度{task}" for y in range(2016, 2026) for q in range(1, 5) for task in TASKS[5:]]
    made += [f"每年{m}月{task}" for m in range(1, 13) for task in TASKS] + [f"按省部署{t}" for t in TASKS]
    texts = corpus + made
    rng.shuffle(texts)
    return texts


def column(n: int, texts: list[str], rng: random.Random) -> list[Any]:
    """n cells with repeats, 5% empty (None or NaN)."""
    return [(None if rng.random() < 0.5 else float("nan")) if rng.random() < 0.05 else rng.choice(texts)
            for _ in range(n)]


def row_by_row(cells: list[Any]) -> pd.DataFrame:
    """The row-by-row recipe: normalise and to_dict() per row, skipping what is not a string."""
    series = pd.Series(cells, dtype=object)
    readings = series.map(lambda s: deadline_cn.normalise(s, ref=REF) if isinstance(s, str) else None)
    return pd.json_normalize([r.to_dict() if r is not None else {} for r in readings])


def best_of(runs: int, fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        clear_cache()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_frame(n: int) -> None:
    rng = random.Random(12)
    texts = distinct_texts(rng)
    cells = column(n, texts, rng)
    series = pd.Series(cells, dtype=object)
    df = deadline_cn.frame(series, ref=REF)
    assert df["kind"].dtype.name == "category" and df["due"].dtype.kind == "M"
    compounds = df[df["kind"] == "compound"]
    t_frame = best_of(3, lambda: deadline_cn.frame(series, ref=REF))
    t_rows = best_of(3, lambda: row_by_row(cells))
    print(f"\n1. {n:,} cells, {len(set(c for c in cells if isinstance(c, str))):,} distinct, "
          f"{(df['kind'] == 'empty').sum():,} empty; compounds with a due: {compounds['due'].notna().sum()}"
          f"/{len(compounds)}")
    print(f"   frame()             {t_frame:7.2f} s  {n / t_frame:>10,.0f} cells/s")
    print(f"   row by row to_dict  {t_rows:7.2f} s  {n / t_rows:>10,.0f} cells/s")
    print(f"   speed-up            {t_rows / t_frame:7.1f}x   (target >= 5x)")


def documents(n: int, rows: int = 200) -> tuple[list[Any], list[str]]:
    """n cells as documents of ``rows`` rows, each with its own ref and its own 60 texts (many repeats)."""
    rng = random.Random(7)
    texts = distinct_texts(rng)
    cells: list[Any] = []
    refs: list[str] = []
    for doc in range(n // rows):
        own = rng.sample(texts, 60)
        cells += column(rows, own, rng)
        refs += [doc_ref(doc)] * rows
    return cells, refs


def doc_ref(doc: int) -> str:
    return f"{2016 + doc % 9}-{1 + doc % 12:02d}-{1 + doc % 28:02d}"


def generated(n: int) -> list[str]:
    """n distinct cells: tests/phrases.py's generated phrases (it finds new ones slowly past 50,000) each with one of
    a few responsible units after it, as ledgers write them; the unit does not change the reading."""
    from tests.phrases import generate

    units = ["", "（牵头单位：县教育局）", "，市发展改革委负责", "（责任单位：各区县政府）", "，市场监管局牵头",
             "（配合单位：市财政局）", "，各地区各部门落实", "（县人社局）", "，市委网信办负责", "（市卫生健康委）",
             "（牵头单位：市司法局）", "，县应急管理局负责", "（责任单位：各乡镇）", "，市住房城乡建设局牵头",
             "（配合单位：县农业农村局）", "，市交通运输局落实", "（市生态环境局）", "，县水利局负责",
             "（市自然资源局）", "，各开发区管委会负责"]
    base = generate(-(-n // len(units)))
    return [phrase + unit for unit in units for phrase in base][:n]


def ledger_shape(n: int, rows: int = 200) -> tuple[list[Any], list[str]]:
    """Real ledgers: mostly distinct cells. Documents of ``rows`` rows, each with its own ref; per row 80% a
    cell seen nowhere else, 15% a common cell (the corpus's, 长期坚持 …), 5% empty."""
    rng = random.Random(5)
    common = distinct_texts(rng)[:300]
    fresh = iter(generated(n))
    cells: list[Any] = []
    refs: list[str] = []
    for i in range(n):
        x = rng.random()
        cells.append(None if x < 0.05 else rng.choice(common) if x < 0.20 else next(fresh))
        refs.append(doc_ref(i // rows))
    return cells, refs


SHAPES: dict[str, tuple[str, Callable[[int], tuple[list[Any], Any]]]] = {
    "ledger": ("ledger (80% distinct, own ref per 200 rows)", ledger_shape),
    "distinct": ("all distinct (one ref)", lambda n: (generated(n), REF)),
    "repeats": ("repeats (60 texts per document, own ref)", documents),
}


def clear_worker_cache(_: int) -> None:
    """Clear a worker's cache; eight slow calls reach both of a pool's workers."""
    from deadline_cn._read.normalise import clear_cache as clear  # imported there: Dask pickles this by value

    clear()
    time.sleep(0.05)


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_parallel(n: int, rounds: int, recipe: bool, ways: list[str], shapes: list[str]) -> None:
    """Serial frame() against frame(executor=) on a 2-process Dask cluster and a 2-process pool, interleaved."""
    from concurrent.futures import ProcessPoolExecutor

    import dask
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster, wait

    dask.config.set({"dataframe.convert-string": False})
    warnings.filterwarnings("ignore", message="Sending large graph")
    warm = pd.Series(distinct_texts(random.Random(7)), dtype=object)
    start = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    client.run(lambda: deadline_cn.frame(warm, ref=REF))  # workers that are up have their imports done
    t_dask_up = time.perf_counter() - start
    start = time.perf_counter()
    pool = ProcessPoolExecutor(2)
    deadline_cn.frame(warm, ref=REF, executor=pool, chunksize=len(warm) // 2 + 1)
    t_pool_up = time.perf_counter() - start
    pool_pids = list(pool._processes)  # private, but the only way to their CPU seconds
    print(f"\n2. {n:,} cells; start-up apart: Dask LocalCluster (2 procs x 1 thread) {t_dask_up:.1f} s, "
          f"ProcessPoolExecutor(2) {t_pool_up:.1f} s; best of {rounds} interleaved rounds")
    try:
        for shape in shapes:
            name, make = SHAPES[shape]
            cells, refs = make(n)
            series = pd.Series(cells, dtype=object)
            ref_arg = pd.Series(refs) if isinstance(refs, list) else refs
            distinct = len({(c, r) for c, r in zip(cells, refs if isinstance(refs, list) else [refs] * n,
                                                   strict=True)
                            if isinstance(c, str)})
            runs: dict[str, list[tuple[float, float, list[float]]]] = {how: [] for how in ways}
            want = None
            for _ in range(rounds):
                for how in runs:
                    clear_cache()  # here and in the workers: every run reads every key afresh
                    client.run(clear_worker_cache, 0)
                    list(pool.map(clear_worker_cache, range(8)))
                    workers = (list(client.run(time.process_time).values()) if how == "dask" else
                               [proc_cpu(p) for p in pool_pids] if how == "pool" else [])
                    start, cpu = time.perf_counter(), time.process_time()
                    executor = {"serial": None, "dask": client, "pool": pool}[how]
                    got = deadline_cn.frame(series, ref=ref_arg, executor=executor)
                    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
                    after = (list(client.run(time.process_time).values()) if how == "dask" else
                             [proc_cpu(p) for p in pool_pids] if how == "pool" else [])
                    runs[how].append((wall, cpu, [a - b for a, b in zip(after, workers, strict=True)]))
                    if want is None:
                        want = got
                    else:
                        pd.testing.assert_frame_equal(got, want)
                    print(f"   ({name}: {how} {runs[how][-1][0]:.1f} s)", flush=True)
            print(f"\n   {name}: {distinct:,} distinct (cell, ref) of {n:,} rows ({n / distinct:.2f} rows each)")
            best = {how: min(r) for how, r in runs.items()}
            for how, (wall, cpu, worker_cpu) in best.items():
                label = {"serial": "serial frame()", "dask": "frame(executor=Client)",
                         "pool": "frame(executor=pool)"}[how]
                # on an idle machine a run takes its own CPU seconds plus its busiest worker's
                idle = cpu + max(worker_cpu, default=0.0)
                print(f"   {label:24} {wall:6.2f} s {n / wall:>9,.0f} rows/s  CPU here {cpu:5.1f} s"
                      + (f", workers {' + '.join(f'{c:.1f}' for c in worker_cpu)} s" if worker_cpu else "")
                      + (f"   {best['serial'][0] / wall:.2f}x wall, {best['serial'][1] / idle:.2f}x CPU-bound"
                         if how != "serial" and "serial" in best else ""))
            print("   every round (s): " + "; ".join(f"{how} " + " ".join(f"{w:.1f}" for w, _, _ in r)
                                                   for how, r in runs.items())
                  + f"; load average {os.getloadavg()[0]:.1f}")
            if recipe:
                frame_recipe(client, dd, wait, cells, refs, n, best["serial"][0])
    finally:
        pool.shutdown()
        client.close()
        cluster.close()
    print(f"   load average {os.getloadavg()[0]:.1f} at the end")


def frame_recipe(client: Any, dd: Any, wait: Callable[[Any], Any], cells: list[Any], refs: Any, n: int,
                 t_serial: float) -> None:
    """The README's map_partitions recipe on the same cells, 8 partitions sent to the workers first."""
    source = pd.DataFrame({"cell": pd.Series(cells, dtype=object),
                           "ref": refs if isinstance(refs, list) else [refs] * n})
    parts = dd.from_pandas(source, npartitions=8, sort=False).persist()
    wait(parts)
    clear_cache()
    start = time.perf_counter()
    meta = frame_of(parts._meta, "cell", ref_column="ref")
    parts.map_partitions(frame_of, "cell", ref_column="ref", meta=meta).compute()
    wall = time.perf_counter() - start
    print(f"   {'map_partitions(frame_of)':24} {wall:6.2f} s {n / wall:>9,.0f} rows/s  (input already on the "
          f"workers)   {t_serial / wall:.2f}x")
    del parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small columns: a smoke run")
    parser.add_argument("--rows", type=int, help="cells in part 2 (default 1,000,000; --quick 50,000)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds in part 2 (default 2)")
    parser.add_argument("--recipe", action="store_true", help="part 2 also times the map_partitions recipe")
    parser.add_argument("--only", choices=("frame", "parallel"), help="run one part")
    parser.add_argument("--ways", default="serial,dask,pool", help="part 2: of serial,dask,pool (default: all)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help=f"part 2: of {','.join(SHAPES)} (default: all)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} at the start (2 cores shared); ", end="")
    print(f"deadline_cn {deadline_cn.__version__}, pandas {pd.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs")
    if args.only != "parallel":
        bench_frame(20_000 if args.quick else 100_000)
    if args.only != "frame":
        bench_parallel(args.rows or (50_000 if args.quick else 1_000_000), args.rounds, args.recipe,
                       args.ways.split(","), args.shapes.split(","))


if __name__ == "__main__":
    main()
