"""A work-plan table (.docx, .xlsx, .csv) → ledger rows (台账) with real dates.

>>> from deadline_cn import table
>>> rows = table.read("分工方案.docx", ref="2021-07-01")          # doctest: +SKIP
>>> rows[0].cells["工作任务"], rows[0].kind, rows[0].due           # doctest: +SKIP
('做好各类规划主动公开', 'compound', datetime.date(2021, 9, 30))

How a table is read:

- The header row is the first row (of the first 30) with a deadline column: 完成时限, 完成时间, 时间要求,
  时限, 完成期限 (then 时间节点, 截止时间, 时间安排, 进度安排), whitespace ignored; ``column=`` names
  another. In a .docx every table with such a header is read, in an .xlsx every sheet (or ``sheet=``).
- One :class:`Row` per table row below the header, in order. Left out: empty rows, repeats of the header
  row (a header repeated on each page) and section headings (one text alone in the row: "一、推进决策公开").
- A deadline cell that continues a vertical merge, a blank cell, and "同上" each take the text above and
  are marked filled down (``fill`` = "merged", "blank", "ditto"). Other columns follow merges only.
- A compound cell stays one row: see :mod:`deadline_cn._cli.ledger` for its ``due`` (the latest part's), and
  ``parts`` for each part's own reading.

Needs ``pip install 'deadline-cn[tables]'`` for .docx / .xlsx; .csv needs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from deadline_cn._cli import ledger as _ledger
from deadline_cn._cli.table_io import Cell, Grid, TableError, find_header, read_grids, squash
from deadline_cn._read.normalise import DateLike, as_date, normalise
from deadline_cn.results import Result, Unresolved

__all__ = ["DEADLINE_HEADERS", "Row", "TableError", "due_before", "read", "records"]

DEADLINE_HEADERS = ("完成时限", "完成时间", "时间要求", "时限", "完成期限", "时间节点", "截止时间", "时间安排",
                    "进度安排")
FILLS = ("merged", "blank", "ditto")


@dataclass(frozen=True)
class Row:
    """One task row of the table with the reading of its deadline cell."""

    cells: dict[str, str]  # the table's own columns (header → text, merges followed)
    text: str  # the deadline text that was read (after filling down)
    result: Result
    fill: str | None = None  # "merged", "blank" or "ditto" when the text came from the row above
    source: str = ""  # "table 1" (.docx), the sheet title (.xlsx), the file name (.csv)
    source_row: int = 0  # 1-based row number in that table / sheet
    deadline_column: str = field(default="", compare=False)

    @property
    def filled_down(self) -> bool:
        return self.fill is not None

    @property
    def kind(self) -> str:
        return self.result.kind

    @property
    def summary(self) -> _ledger.Summary:
        return _ledger.summarise(self.result)

    @property
    def due(self) -> date | datetime | None:
        return self.summary.due

    @property
    def start(self) -> date | None:
        return self.summary.start

    @property
    def end(self) -> date | None:
        return self.summary.end

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for p in self.result.parts for f in (*self.result.flags, *p.flags)))

    def describe(self) -> str:
        return self.result.describe()

    def status(self, as_of: DateLike) -> str:
        """"passed", "due in N days", "ongoing", "waiting on a trigger", … on ``as_of``."""
        day = as_date(as_of)
        if day is None:
            raise ValueError("status() needs an as_of date")
        return _ledger.status(self.result, day)[0]

    def to_dict(self, as_of: DateLike = None) -> dict[str, Any]:
        """The ledger record: the table's columns, then kind, due, start, end, rrule, trigger, flags,
        description, filled_down, parts, source, source_row (and status, days_left with ``as_of``)."""
        s = self.summary
        out: dict[str, Any] = dict(self.cells)
        out.update(kind=self.kind, due=s.due, start=s.start, end=s.end, rrule=s.rrule, trigger=s.trigger,
                   flags=list(self.flags), description=self.describe(), filled_down=self.fill or "",
                   parts=_ledger.part_summaries(self.result), source=self.source, source_row=self.source_row)
        day = as_date(as_of)
        if day is not None:
            out["status"], out["days_left"] = _ledger.status(self.result, day)
        return out


def read(path: str | Path, *, column: str | None = None, ref: DateLike = None, plan_year: int | None = None,
         month_before: str = "inclusive", sheet: str | None = None) -> list[Row]:
    """Every task row of the work-plan table in ``path`` (.docx, .xlsx or .csv), read with ``normalise``.

    Raises TableError when no table in the file has a deadline column, FileNotFoundError, and
    deadline_cn._cli.extras.MissingExtra (an ImportError naming the pip command) without openpyxl/python-docx.
    """
    path = Path(path)
    names = (column,) if column else DEADLINE_HEADERS
    reader = _Reader(as_date(ref), plan_year, month_before)
    rows: list[Row] = []
    found = False
    for grid in read_grids(path, sheet):
        header = find_header(grid, names)
        if header is not None:
            found = True
            rows.extend(reader.rows(grid, *header))
    if not found:
        wanted = repr(column) if column else "any of " + ", ".join(DEADLINE_HEADERS)
        raise TableError(f"{path.name}: no table has a deadline column ({wanted}); name it with --column")
    return rows


def records(rows: Iterable[Row], as_of: DateLike = None) -> list[dict[str, Any]]:
    """``row.to_dict(as_of)`` for every row."""
    return [row.to_dict(as_of) for row in rows]


def due_before(rows: Iterable[Row], day: DateLike) -> list[Row]:
    """The rows with something due on or before ``day`` (any part of a compound counts)."""
    limit = as_date(day)
    if limit is None:
        raise ValueError("due_before() needs a date")
    return [row for row in rows if any(d <= limit for d in _ledger.dues(row.result))]


class _Reader:
    def __init__(self, ref: date | None, plan_year: int | None, month_before: str) -> None:
        @cache
        def reading(text: str) -> Result:
            return normalise(text, ref=ref, plan_year=plan_year, month_before=month_before)

        self.reading = reading

    def rows(self, grid: Grid, head: int, col: int) -> list[Row]:
        header = _column_names(grid.rows[head])
        head_key = [squash(c.text) for c in grid.rows[head]]
        out: list[Row] = []
        above: str | None = None
        for number, cells in enumerate(grid.rows[head + 1:], head + 2):
            if _skipped(cells, head_key, col):
                continue
            text, fill = self._fill(cells[col], above)
            out.append(Row(cells=dict(zip(header, (c.text for c in cells), strict=True)), text=text,
                           result=self.reading(text), fill=fill, source=grid.name, source_row=number,
                           deadline_column=header[col]))
            above = text
        return out

    def _fill(self, cell: Cell, above: str | None) -> tuple[str, str | None]:
        if above is None:
            return cell.text, None
        if cell.merged:
            return cell.text, "merged"
        if not cell.text.strip():
            return above, "blank"
        result = self.reading(cell.text)
        if isinstance(result, Unresolved) and "ditto" in result.flags:
            return above, "ditto"
        return cell.text, None


def _column_names(cells: list[Cell]) -> list[str]:
    names: list[str] = []
    for i, cell in enumerate(cells):
        name = squash(cell.text) or f"column {i + 1}"
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return names


def _skipped(cells: list[Cell], head_key: list[str], col: int) -> bool:
    """Empty rows, repeats of the header row or its merged second line, section headings (one text
    alone across the row)."""
    texts = [c.text for c in cells if c.text.strip()]
    if not texts:
        return True
    if [squash(c.text) for c in cells] == head_key:
        return True
    if cells[col].merged and squash(cells[col].text) == head_key[col]:
        return True
    first = next(i for i, c in enumerate(cells) if c.text.strip())
    alone = len(set(texts)) == 1 and (len(texts) > 1 or first == 0) and not cells[col].merged
    return alone and (not cells[col].text.strip() or len(texts) > 1)
