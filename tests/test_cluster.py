"""Results and the column helper in other processes: pickling under every start method, Dask and Spark.

The Dask and Spark tests are marked ``cluster`` (tens of seconds): CI runs them in its second step.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import pickle
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import deadline_cn
from deadline_cn import flatten, normalise
from deadline_cn.frames import frame_of, spark_schema

REF = "2017-01-09"
EVERY_KIND = ["2017年6月底前完成", "2017年3月至5月", "长期坚持", "每季度结束后10日内", "按省部署实施", "24小时内",
              "2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设", "按要求", "2021年9月前"]


def cells(n: int) -> list[Any]:
    """n cells with repeats, about 120 distinct texts, and a missing cell every 20 rows."""
    out: list[Any] = []
    for i in range(n):
        if i % 20 == 7:
            out.append(None if i % 40 == 7 else float("nan"))
        elif i % 3 == 0:
            out.append(EVERY_KIND[i % len(EVERY_KIND)])
        else:
            out.append(f"{2015 + i % 10}年{1 + i % 12}月底前完成")
    return out


def test_every_kind_pickles() -> None:
    results = [normalise(c, ref=REF) for c in EVERY_KIND]
    assert {r.kind for r in results} == set(deadline_cn.results.KINDS)
    for r in results:
        assert pickle.loads(pickle.dumps(r)) == r
        assert pickle.loads(pickle.dumps(flatten(r))) == flatten(r)


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_results_cross_process_start_methods(method: str) -> None:
    # the worker imports deadline_cn afresh under spawn/forkserver: results must rebuild there and back
    read = functools.partial(normalise, ref=REF)
    with multiprocessing.get_context(method).Pool(1) as pool:
        got = pool.map(read, EVERY_KIND)
        records = pool.map(flatten, got)
    assert got == [read(c) for c in EVERY_KIND]
    assert records == [flatten(r) for r in got]


@pytest.mark.frames
@pytest.mark.parametrize("method", ["spawn"])
def test_the_column_helper_pickles_into_a_worker(method: str) -> None:
    pd = pytest.importorskip("pandas")
    helper = functools.partial(deadline_cn.frame, ref=REF)
    column = pd.Series(cells(200))
    with multiprocessing.get_context(method).Pool(1) as pool:
        (remote,) = pool.map(helper, [column])
    pd.testing.assert_frame_equal(remote, helper(column))


@pytest.mark.cluster
def test_dask_map_partitions_gives_the_serial_rows() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    column = cells(10_000)
    refs = [REF if i % 2 else "2018-03-01" for i in range(len(column))]
    source = dd.from_pandas(pd.DataFrame({"完成时限": pd.Series(column, dtype=object), "ref": refs}), npartitions=4)
    # the README's recipe: frame_of per partition, meta from the collection's empty frame
    meta = frame_of(source._meta, "完成时限", ref_column="ref")
    parallel = source.map_partitions(frame_of, "完成时限", ref_column="ref", meta=meta)
    got = parallel.compute(scheduler="processes", num_workers=2)
    pd.testing.assert_frame_equal(got, deadline_cn.frame(pd.Series(column, dtype=object), ref=refs))


def _read_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """The README's Spark recipe: each Arrow batch of cells → the frame, keeping the row id."""
    for pdf in batches:
        yield frame_of(pdf, "完成时限", keep=["id"], ref=REF)


@pytest.mark.cluster
def test_spark_map_in_pandas_gives_the_serial_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    # Spark's Python workers must import this deadline_cn (a worktree or a checkout, not only site-packages)
    root = str(Path(deadline_cn.__file__).resolve().parent.parent)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    warnings.filterwarnings("ignore", message=".*pandas >= 3", category=FutureWarning)
    spark = (SparkSession.builder.master("local[2]").appName("deadline_cn test")
             .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate())
    try:
        column = cells(10_000)
        source = spark.createDataFrame(pd.DataFrame({"id": range(len(column)), "完成时限": column}))
        schema = "id bigint, " + spark_schema()
        got = source.mapInPandas(_read_batches, schema=schema).toPandas()
    finally:
        spark.stop()
    got = got.sort_values("id").drop(columns="id").reset_index(drop=True)
    want = deadline_cn.frame(pd.Series(column), ref=REF)
    assert len(got) == 10_000 and list(got.columns) == list(want.columns)
    for name in want.columns:  # Spark gives plain strings and microsecond timestamps: compare the values
        a = [None if pd.isna(v) else v for v in got[name].astype(object)]
        b = [None if pd.isna(v) else v for v in want[name].astype(object)]
        assert a == b, name


@pytest.mark.cluster
def test_frame_in_a_process_pool_gives_the_serial_rows() -> None:
    from concurrent.futures import ProcessPoolExecutor

    pd = pytest.importorskip("pandas")
    column = pd.Series(cells(10_000), dtype=object)
    refs = [REF if i % 2 else "2018-03-01" for i in range(len(column))]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        # chunks of 50 distinct cells: many chunks, their string columns renumbered when joined
        got = deadline_cn.frame(column, ref=refs, plan_year=2017, executor=pool, chunksize=50)
    pd.testing.assert_frame_equal(got, deadline_cn.frame(column, ref=refs, plan_year=2017))


@pytest.mark.cluster
def test_frame_with_a_dask_client_gives_the_serial_rows() -> None:
    pd = pytest.importorskip("pandas")
    distributed = pytest.importorskip("dask.distributed")
    column = pd.Series(cells(10_000), dtype=object, index=range(5, 10_005))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc, \
            distributed.Client(lc) as client:
        got = deadline_cn.frame(column, ref=REF, executor=client, chunksize=40)
        empty = deadline_cn.frame(pd.Series([], dtype=object), executor=client)
    pd.testing.assert_frame_equal(got, deadline_cn.frame(column, ref=REF))
    pd.testing.assert_frame_equal(empty, deadline_cn.frame(pd.Series([], dtype=object)))
