"""deadline_cn.frame on big columns: against the row-by-row to_dict() recipe, and on Dask with 2 workers.

    python benchmarks/frame_bench.py            # 100,000 and 1,000,000 cells: a few minutes on 2 cores
    python benchmarks/frame_bench.py --quick    # 20,000 and 100,000 cells: checks that the script runs

Needs ``pip install 'deadline-cn[cluster]'`` (pandas, Dask, distributed). Prints figures, asserts nothing.

1. **frame vs row by row**: 100,000 cells drawn with repeats from about 1,300 distinct texts (the corpus's
   deadline cells and dated task phrases), 5% of them empty (None or NaN), one ref. The recipe is the
   README's former one made to survive empty cells: ``normalise`` then ``to_dict()`` per row, then
   ``pd.json_normalize``. Each side starts with normalise's cache cleared; best of 3.
2. **Dask vs serial**: 1,000,000 cells as 5,000 documents of 200 rows, each document with its own ref (a
   per-row ref column), so (cell, ref) pairs repeat within a document and differ across documents — the
   shape of every county's plans in one table. Serial: ``frame`` on the whole column. Dask: the column and
   the ref in 8 partitions, ``map_partitions(frame_of, ...)`` on a LocalCluster of 2 worker processes with
   1 thread each, the typed frame gathered back to the client. Timed apart: the cluster's start (with a warm-up
   call on each worker) and sending the input to the workers (on a cluster the input is read there). The CPU
   seconds of the serial run and of each worker are printed too: on a shared machine the wall clock follows
   the load, the CPU seconds do not.
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
    """n cells as documents of ``rows`` rows, each with its own ref and its own few hundred texts."""
    rng = random.Random(7)
    texts = distinct_texts(rng)
    cells: list[Any] = []
    refs: list[str] = []
    for doc in range(n // rows):
        ref = f"{2016 + doc % 9}-{1 + doc % 12:02d}-{1 + doc % 28:02d}"
        own = rng.sample(texts, 60)
        cells += column(rows, own, rng)
        refs += [ref] * rows
    return cells, refs


def bench_dask(n: int) -> None:
    import dask
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster, wait

    # Dask would turn the object column into Arrow strings on the way in: frame reads Python strings,
    # and converting costs the workers about a third more CPU (measured), so the input stays as it is
    dask.config.set({"dataframe.convert-string": False})
    # from_pandas puts the column in the graph; on a real cluster the workers read it themselves
    warnings.filterwarnings("ignore", message="Sending large graph")
    cells, refs = documents(n)
    # the serial run follows part 1, which read these texts: the workers get the same warm start
    texts_sample = distinct_texts(random.Random(7))
    source = pd.DataFrame({"cell": pd.Series(cells, dtype=object), "ref": refs})
    clear_cache()
    start, cpu_start = time.perf_counter(), time.process_time()
    serial = deadline_cn.frame(source["cell"], ref=source["ref"])
    t_serial = time.perf_counter() - start
    cpu_serial = time.process_time() - cpu_start

    start = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    # a cluster that is up has its workers' imports done: warm them (the grammar's tables, pandas, the texts)
    client.run(lambda: deadline_cn.frame(pd.Series(texts_sample), ref=REF))
    t_up = time.perf_counter() - start
    try:
        # the input is sent to the workers first (on a real cluster it is read there, from Parquet)
        start = time.perf_counter()
        parts = dd.from_pandas(source, npartitions=8, sort=False).persist()
        wait(parts)
        t_send = time.perf_counter() - start
        before = client.run(time.process_time)
        start = time.perf_counter()
        meta = frame_of(parts._meta, "cell", ref_column="ref")
        out = parts.map_partitions(frame_of, "cell", ref_column="ref", meta=meta).compute()
        t_dask = time.perf_counter() - start
        after = client.run(time.process_time)
        cpu_workers = [after[w] - before[w] for w in after]
    finally:
        client.close()
        cluster.close()
    pd.testing.assert_frame_equal(out, serial)
    print(f"   load average {os.getloadavg()[0]:.1f} at the end")
    print(f"\n2. {n:,} cells in {n // 200:,} documents, each with its own ref; {len(serial.columns)} typed columns")
    print(f"   serial frame()          {t_serial:7.2f} s  {n / t_serial:>10,.0f} cells/s  (CPU {cpu_serial:.1f} s)")
    print(f"   Dask, 2 worker procs    {t_dask:7.2f} s  {n / t_dask:>10,.0f} cells/s  (read and gathered back)")
    print(f"     + sending the input   {t_dask + t_send:7.2f} s  {n / (t_dask + t_send):>10,.0f} cells/s  "
          f"(cluster start {t_up:.1f} s apart)")
    print(f"   CPU: serial {cpu_serial:.1f} s; Dask workers {' + '.join(f'{c:.1f}' for c in cpu_workers)} s "
          f"(on a busy machine the wall-clock ratio is the share of the cores each process gets)")
    print(f"   speed-up                {t_serial / t_dask:7.2f}x, {t_serial / (t_dask + t_send):.2f}x with sending"
          f"   (target >= 1.5x; same rows: yes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small columns: a smoke run")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} at the start (2 cores shared); ", end="")
    print(f"deadline_cn {deadline_cn.__version__}, pandas {pd.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs")
    bench_frame(20_000 if args.quick else 100_000)
    bench_dask(100_000 if args.quick else 1_000_000)


if __name__ == "__main__":
    main()
