"""A column of 完成时限 cells → a pandas DataFrame of typed columns, one row per cell (``deadline-cn[pandas]``).

>>> import pandas as pd, deadline_cn
>>> df = deadline_cn.frame(pd.Series(["2017年6月底前完成", None, "按省部署实施"]), ref="2017-01-09")
>>> df[["kind", "due", "needs_check"]]  # doctest: +NORMALIZE_WHITESPACE
          kind        due  needs_check
0     deadline 2017-06-30        False
1        empty        NaT        False
2  conditional        NaT        False

The columns are :mod:`deadline_cn.records`'s fields after ``text``: ``kind`` is categorical (the result
kinds, plus "empty" for a missing or blank cell: None, NaN, NaT, pd.NA, "" and whitespace), ``due`` /
``start`` / ``end`` are ``datetime64[s]`` (NaT when the reading has none; seconds, not nanoseconds, so that
any year 1–9999 fits), ``flags`` a string ("" when none), ``needs_check`` a bool, ``offset_value`` /
``offset_max`` floats, ``parts`` an int, the rest strings. The index is the Series' own.

Distinct (cell, ref, plan_year) triples are read once: a ledger repeats the same cells on many rows.
``frame(cells, executor=pool_or_client)`` reads them in other processes (a ProcessPoolExecutor, a Dask
client): the triples go out in chunks and come back as flat typed columns (:func:`read_columns`: numpy
arrays and dictionary-coded strings), which this process spreads to the rows. ``frame_of`` is the same per
partition, for Dask's ``map_partitions`` and Spark's ``mapInPandas``.
pandas is imported inside the functions, never by ``import deadline_cn``.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from deadline_cn._read.normalise import as_date, as_year, normalise
from deadline_cn.records import FIELDS, Record, flatten
from deadline_cn.results import KINDS, Result

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "EMPTY", "KIND_CATEGORIES", "frame", "frame_of", "from_results", "read_columns", "spark_schema"]

KIND_CATEGORIES = (*KINDS, "empty")
COLUMNS = ("text", *FIELDS)
EMPTY = Record(kind="empty", reason="empty cell", needs_check=False, parts=0)
DATE_COLUMNS = ("due", "start", "end")
FLOAT_COLUMNS = ("offset_value", "offset_max")
Key = tuple[str | None, date | None, int | None]


def frame(cells: Iterable[Any], *, ref: Any = None, plan_year: Any = None, month_before: str = "inclusive",
          fallback: bool = True, results: bool = False, executor: Any = None,
          chunksize: int | None = None) -> pd.DataFrame:
    """One typed row per cell of ``cells`` (a pandas Series or any iterable of cells).

    ``ref`` and ``plan_year`` are one value for every row, or a sequence (a Series, list, array) with one
    value per row, in the order of ``cells``; a missing value there (None, NaN, NaT) means none for that row.
    ``results=True`` adds a ``result`` column holding the result objects (an empty cell's is None).
    ``executor``: a ``concurrent.futures`` executor (a ProcessPoolExecutor) or a ``dask.distributed.Client``;
    the distinct cells are read there in chunks of ``chunksize`` (default: 64 chunks, at least 1,000 cells
    each) and come back as flat typed columns, never as result objects (so not with ``results=True``).
    Never raises for a cell; a bad ``ref``/``plan_year`` is a TypeError/ValueError that names it.
    """
    import numpy as np
    import pandas as pd

    if executor is not None and results:
        raise ValueError("results=True reads in this process: result objects are not sent back by an executor")
    index = cells.index if isinstance(cells, pd.Series) else None
    texts = cells.to_numpy(dtype=object) if isinstance(cells, pd.Series) else list(cells)
    n = len(texts)
    refs = _per_row(ref, n, "ref", as_date)
    years = _per_row(plan_year, n, "plan_year", _row_year)
    keys: dict[Key, int] = {}
    codes = np.empty(n, dtype=np.intp)
    # refs and years may be endless repeats; their lengths were checked against n
    for i, (cell, row_ref, row_year) in enumerate(zip(texts, refs, years, strict=False)):
        key = (_text(cell), row_ref, row_year)
        code = keys.get(key)
        if code is None:
            code = keys[key] = len(keys)
        codes[i] = code
    distinct = list(keys)
    found: list[Result | None] | None = [] if results else None
    if executor is None:
        columns = read_columns(*_encode_keys(distinct), month_before=month_before, fallback=fallback, found=found)
    else:
        columns = _in_workers(executor, distinct, month_before, fallback, chunksize)
    return _build([k[0] for k in distinct], columns, found, codes, index)


def from_results(results: Sequence[Result | None], texts: Sequence[str | None] | None = None) -> pd.DataFrame:
    """The frame of readings already made (a ledger's rows): one row per result, None for an empty cell;
    ``texts`` default to the results' own."""
    import numpy as np

    if texts is None:
        texts = [None if r is None else r.text for r in results]
    recs = [EMPTY if r is None else flatten(r) for r in results]
    return _build(texts, _columns(recs), None, np.arange(len(recs)), None)


def frame_of(table: pd.DataFrame, column: str, *, ref_column: str | None = None, plan_year_column: str | None = None,
             keep: Sequence[str] = (), **options: Any) -> pd.DataFrame:
    """``frame`` over ``table[column]``, per-row ref / plan year from named columns, ``keep`` columns (a row id)
    copied in front: one partition of Dask's ``map_partitions`` or one batch of Spark's ``mapInPandas``."""
    if ref_column is not None:
        options["ref"] = table[ref_column]
    if plan_year_column is not None:
        options["plan_year"] = table[plan_year_column]
    out = frame(table[column], **options)
    for position, name in enumerate(keep):
        out.insert(position, name, table[name].to_numpy())
    return out


def _text(cell: Any) -> str | None:
    """The text of a cell, None when it is missing or blank; an Excel date cell reads as its ISO day."""
    if isinstance(cell, str):
        return cell if cell.strip() else None
    if cell is None or _missing(cell):
        return None
    if isinstance(cell, (date, datetime)):
        return (cell.date() if isinstance(cell, datetime) else cell).isoformat()
    return str(cell)


def _missing(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array in a cell is not "missing"
        return False


def _per_row(value: Any, n: int, name: str, convert: Callable[[Any, str], Any]) -> Iterable[Any]:
    """One converted value per row: the same one repeated, or a sequence's, checked for length."""
    if value is None or isinstance(value, (str, date, int)) or not _is_sequence(value):
        return itertools.repeat(convert(value, name), n)
    values = list(value)
    if len(values) != n:
        raise ValueError(f"{name} has {len(values)} values for {n} cells")
    seen: dict[Any, Any] = {}
    out = []
    for v in values:
        key = (type(v), v)
        if key not in seen:
            seen[key] = None if v is None or _missing(v) else convert(v, name)
        out.append(seen[key])
    return out


def _is_sequence(value: Any) -> bool:
    return hasattr(value, "__len__") and hasattr(value, "__iter__") and getattr(value, "ndim", 1) != 0


def _row_year(value: Any, name: str) -> int | None:
    # a year column with gaps is float in pandas (2017.0): a whole float is that year
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if type(value).__name__.startswith("float") and float(value).is_integer():
        return int(value)
    return as_year(value)


def _encode_keys(keys: Sequence[Key]) -> tuple[list[str | None], Any, Any]:
    """Keys as a worker takes them: the texts, and refs / years as int32 arrays (0: none), quick to pickle."""
    import numpy as np

    refs = np.fromiter((0 if k[1] is None else k[1].toordinal() for k in keys), dtype=np.int32, count=len(keys))
    years = np.fromiter((0 if k[2] is None else k[2] for k in keys), dtype=np.int32, count=len(keys))
    return [k[0] for k in keys], refs, years


def read_columns(texts: Sequence[str | None], refs: Any, years: Any, *, month_before: str = "inclusive",
                 fallback: bool = True, found: list[Result | None] | None = None) -> dict[str, Any]:
    """Read each (text, ref, plan year) once → the frame's columns after ``text``, one value per key.

    ``refs`` are day ordinals and ``years`` years, 0 for none. This is what a worker process runs: what it
    sends back is numpy arrays (kind as int8 codes into KIND_CATEGORIES, dates ``datetime64[s]``) and, for
    the string fields, (distinct values, int32 codes with -1 for none) — no result objects, few Python
    objects to pickle. ``found``, when given, gets the result objects appended (None for an empty cell).
    """
    recs = []
    for text, ref, year in zip(texts, refs, years, strict=True):
        if text is None:
            result, rec = None, EMPTY
        else:
            result = normalise(text, ref=date.fromordinal(int(ref)) if ref else None,
                               plan_year=int(year) if year else None, month_before=month_before, fallback=fallback)
            rec = flatten(result)
        recs.append(rec)
        if found is not None:
            found.append(result)
    return _columns(recs)


def _columns(recs: Sequence[Record]) -> dict[str, Any]:
    import numpy as np

    out: dict[str, Any] = {}
    for name in FIELDS:
        values = [getattr(r, name) for r in recs]
        if name == "kind":
            out[name] = np.array([KIND_CATEGORIES.index(v) for v in values], dtype=np.int8)
        elif name in DATE_COLUMNS:
            out[name] = np.array([_datetime64(v) for v in values], dtype="datetime64[s]")
        elif name in FLOAT_COLUMNS:
            out[name] = np.array([np.nan if v is None else v for v in values], dtype=float)
        elif name == "needs_check":
            out[name] = np.array(values, dtype=bool)
        elif name == "parts":
            out[name] = np.array(values, dtype=np.int64)
        else:
            seen: dict[str, int] = {}
            value_codes = np.fromiter((-1 if v is None else seen.setdefault(v, len(seen)) for v in values),
                                      dtype=np.int32, count=len(values))
            out[name] = (list(seen), value_codes)
    return out


def _read_chunk(chunk: tuple[list[str | None], Any, Any], month_before: str, fallback: bool) -> dict[str, Any]:
    return read_columns(*chunk, month_before=month_before, fallback=fallback)


def _in_workers(executor: Any, keys: list[Key], month_before: str, fallback: bool,
                chunksize: int | None) -> dict[str, Any]:
    """read_columns over chunks of the keys in ``executor``'s processes, the chunks' columns joined in order."""
    from concurrent.futures import Executor

    size = chunksize or max(1_000, -(-len(keys) // 64))
    if size <= 0:
        raise ValueError(f"chunksize must be a positive number, not {chunksize!r}")
    chunks = [_encode_keys(keys[i:i + size]) for i in range(0, len(keys), size)]
    task = functools.partial(_read_chunk, month_before=month_before, fallback=fallback)
    if isinstance(executor, Executor):
        parts = list(executor.map(task, chunks))
    elif callable(getattr(executor, "map", None)) and callable(getattr(executor, "gather", None)):
        parts = executor.gather(executor.map(task, chunks, pure=False))  # a dask.distributed Client
    else:
        raise TypeError(f"executor must be a concurrent.futures Executor or a dask.distributed Client, "
                        f"not {type(executor).__name__}")
    return _join(parts) if parts else read_columns([], [], [])


def _join(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """The columns of consecutive chunks as one: arrays end to end, string codes renumbered."""
    import numpy as np

    out: dict[str, Any] = {}
    for name in FIELDS:
        if not isinstance(parts[0][name], tuple):
            out[name] = np.concatenate([p[name] for p in parts])
            continue
        seen: dict[str, int] = {}
        codes = []
        for values, part_codes in (p[name] for p in parts):
            # the last entry maps -1 (none) to -1
            renumber = np.array([seen.setdefault(v, len(seen)) for v in values] + [-1], dtype=np.int32)
            codes.append(renumber[part_codes])
        out[name] = (list(seen), np.concatenate(codes))
    return out


def _build(texts: Sequence[str | None], columns: dict[str, Any], found: list[Result | None] | None, codes: Any,
           index: Any) -> pd.DataFrame:
    """The columns of the distinct readings, spread to every row by ``codes``."""
    import pandas as pd

    data: dict[str, Any] = {"text": pd.array(_objects(texts), dtype="string").take(codes)}
    for name in FIELDS:
        column = columns[name]
        if name == "kind":
            data[name] = pd.Categorical.from_codes(column[codes], dtype=pd.CategoricalDtype(KIND_CATEGORIES))
        elif isinstance(column, tuple):
            values, value_codes = column
            data[name] = pd.array(_objects(values), dtype="string").take(value_codes[codes], allow_fill=True)
        else:
            data[name] = column[codes]
    if found is not None:
        data["result"] = _objects(found)[codes]
    return pd.DataFrame(data, index=index)


def _objects(values: Sequence[Any]) -> Any:
    import numpy as np

    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr


def _datetime64(value: date | datetime | None) -> Any:
    import numpy as np

    return np.datetime64("NaT", "s") if value is None else np.datetime64(value, "s")


def spark_schema() -> str:
    """The Spark DDL schema of a frame's columns, for ``mapInPandas``: kind as a string, dates as
    ``timestamp_ntz`` (a day is a day on every executor, whatever its time zone)."""
    types = {"needs_check": "boolean", "parts": "bigint", **{c: "double" for c in FLOAT_COLUMNS},
             **{c: "timestamp_ntz" for c in DATE_COLUMNS}}
    return ", ".join(f"{c} {types.get(c, 'string')}" for c in COLUMNS)
