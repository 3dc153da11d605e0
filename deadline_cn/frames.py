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
pandas is imported inside the functions, never by ``import deadline_cn``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from deadline_cn._read.normalise import as_date, as_year, normalise
from deadline_cn.records import FIELDS, Record, flatten
from deadline_cn.results import KINDS, Result

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "EMPTY", "KIND_CATEGORIES", "frame", "frame_of", "spark_schema"]

KIND_CATEGORIES = (*KINDS, "empty")
COLUMNS = ("text", *FIELDS)
EMPTY = Record(kind="empty", reason="empty cell", needs_check=False, parts=0)
DATE_COLUMNS = ("due", "start", "end")
FLOAT_COLUMNS = ("offset_value", "offset_max")
Key = tuple[str | None, date | None, int | None]


def frame(cells: Iterable[Any], *, ref: Any = None, plan_year: Any = None, month_before: str = "inclusive",
          fallback: bool = True, results: bool = False) -> pd.DataFrame:
    """One typed row per cell of ``cells`` (a pandas Series or any iterable of cells).

    ``ref`` and ``plan_year`` are one value for every row, or a sequence (a Series, list, array) with one
    value per row, in the order of ``cells``; a missing value there (None, NaN, NaT) means none for that row.
    ``results=True`` adds a ``result`` column holding the result objects (an empty cell's is None).
    Never raises for a cell; a bad ``ref``/``plan_year`` is a TypeError/ValueError that names it.
    """
    import numpy as np
    import pandas as pd

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
    read = [_read(key, month_before, fallback) for key in keys]
    return _build([k[0] for k in keys], read, codes, index, results)


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


def _read(key: Key, month_before: str, fallback: bool) -> tuple[Result | None, Record]:
    text, ref, year = key
    if text is None:
        return None, EMPTY
    result = normalise(text, ref=ref, plan_year=year, month_before=month_before, fallback=fallback)
    return result, flatten(result)


def _build(texts: Sequence[str | None], read: list[tuple[Result | None, Record]], codes: Any, index: Any,
           results: bool) -> pd.DataFrame:
    """The columns from the distinct readings, spread to every row by ``codes``."""
    import numpy as np
    import pandas as pd

    def distinct(values: list[Any]) -> Any:
        arr = np.empty(len(values), dtype=object)
        arr[:] = values
        return arr[codes]

    recs = [rec for _, rec in read]
    data: dict[str, Any] = {"text": pd.array(distinct(list(texts)), dtype="string")}
    for name in FIELDS:
        values = [getattr(r, name) for r in recs]
        if name == "kind":
            cat = pd.CategoricalDtype(KIND_CATEGORIES)
            data[name] = pd.Categorical.from_codes(np.asarray([KIND_CATEGORIES.index(v) for v in values],
                                                              dtype=np.int8)[codes], dtype=cat)
        elif name in DATE_COLUMNS:
            days = np.array([_datetime64(v) for v in values], dtype="datetime64[s]")
            data[name] = days[codes]
        elif name in FLOAT_COLUMNS:
            data[name] = np.array([np.nan if v is None else v for v in values], dtype=float)[codes]
        elif name == "needs_check":
            data[name] = np.array(values, dtype=bool)[codes]
        elif name == "parts":
            data[name] = np.array(values, dtype=np.int64)[codes]
        else:
            data[name] = pd.array(distinct(values), dtype="string")
    if results:
        data["result"] = distinct([res for res, _ in read])
    out = pd.DataFrame(data, index=index)
    return out


def _datetime64(value: date | datetime | None) -> Any:
    import numpy as np

    return np.datetime64("NaT", "s") if value is None else np.datetime64(value, "s")


def spark_schema() -> str:
    """The Spark DDL schema of a frame's columns, for ``mapInPandas``: kind as a string, dates as
    ``timestamp_ntz`` (a day is a day on every executor, whatever its time zone)."""
    types = {"needs_check": "boolean", "parts": "bigint", **{c: "double" for c in FLOAT_COLUMNS},
             **{c: "timestamp_ntz" for c in DATE_COLUMNS}}
    return ", ".join(f"{c} {types.get(c, 'string')}" for c in COLUMNS)
