"""Grids → ledger rows: find the deadline column, read each task row's deadline cell, fill down merges.

The rules are documented on :mod:`deadline_cn.table`, the public face of this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from deadline_cn._read.normalise import DateLike, as_date, normalise
from deadline_cn.documents import ledger as _ledger
from deadline_cn.documents.grid import (
    DEFAULT_LIMITS,
    Cell,
    Document,
    DocumentError,
    Grid,
    Limits,
    find_header,
    squash,
)
from deadline_cn.documents.pdf import Tick
from deadline_cn.documents.read import read_document
from deadline_cn.results import Result, Unresolved

DEADLINE_HEADERS = ("完成时限", "完成时间", "时间要求", "时限", "完成期限", "时间节点", "截止时间", "时间安排",
                    "进度安排")
FILLS = ("merged", "blank", "ditto")
FORMULA_FLAG = "formula-without-value"  # a formula cell whose file holds no computed value


@dataclass(frozen=True)
class Row:
    """One task row of the table with the reading of its deadline cell."""

    cells: dict[str, str]  # the table's own columns (header → text, merges followed)
    text: str  # the deadline text that was read (after filling down)
    result: Result
    fill: str | None = None  # "merged", "blank" or "ditto" when the text came from the row above
    source: str = ""  # "table 1" (.docx, HTML, PDF), the sheet title (workbooks), the file name (.csv)
    source_row: int = 0  # 1-based row number in that table / sheet
    deadline_column: str = field(default="", compare=False)
    notes: tuple[str, ...] = ()  # flags of the row itself: "formula-without-value:<column>"

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
        found = (f for p in self.result.parts for f in (*self.result.flags, *p.flags))
        return tuple(dict.fromkeys((*self.notes, *found)))

    def describe(self) -> str:
        return self.result.describe()

    def status(self, as_of: DateLike, lang: str = "en") -> str:
        """"passed", "due in N days", "ongoing", "waiting on a trigger", … on ``as_of`` (``lang="zh"``:
        已逾期, 剩余N天, 持续, 待触发, …)."""
        day = as_date(as_of)
        if day is None:
            raise ValueError("status() needs an as_of date")
        return _ledger.label(_ledger.status(self.result, day)[0], lang)

    def to_dict(self, as_of: DateLike = None, lang: str = "en") -> dict[str, Any]:
        """The ledger record: the table's columns, then kind, due, start, end, rrule, trigger, flags,
        description, filled_down, parts, source, source_row (and status, days_left with ``as_of``)."""
        s = self.summary
        out: dict[str, Any] = dict(self.cells)
        out.update(kind=self.kind, due=s.due, start=s.start, end=s.end, rrule=s.rrule, trigger=s.trigger,
                   flags=list(self.flags), description=self.describe(), filled_down=self.fill or "",
                   parts=_ledger.part_summaries(self.result), source=self.source, source_row=self.source_row)
        day = as_date(as_of)
        if day is not None:
            state, days = _ledger.status(self.result, day)
            out["status"], out["days_left"] = _ledger.label(state, lang), days
        return out


def read(path: str | Path, *, column: str | None = None, ref: DateLike = None, plan_year: int | None = None,
         month_before: str = "inclusive", sheet: str | None = None, limits: Limits = DEFAULT_LIMITS,
         encoding: str | None = None, tick: Tick | None = None) -> list[Row]:
    """Every task row of the work-plan tables in ``path``, read with ``normalise``."""
    doc = read_document(Path(path), sheet, limits, encoding, tick)
    return task_rows(doc, column=column, ref=ref, plan_year=plan_year, month_before=month_before)


def task_rows(doc: Document, *, column: str | None = None, ref: DateLike = None, plan_year: int | None = None,
              month_before: str = "inclusive") -> list[Row]:
    """The task rows of a document read by :func:`~deadline_cn.documents.read.read_document`; DocumentError
    when no table has a deadline column."""
    names = (column,) if column else DEADLINE_HEADERS
    rows = rows_of(doc.grids, names, ref=ref, plan_year=plan_year, month_before=month_before)
    if rows is None:
        wanted = repr(column) if column else "any of " + ", ".join(DEADLINE_HEADERS)
        raise DocumentError(f"{doc.name}: no table has a deadline column ({wanted}); name it with --column")
    return rows


def rows_of(grids: Iterable[Grid], names: tuple[str, ...] = DEADLINE_HEADERS, *, ref: DateLike = None,
            plan_year: int | None = None, month_before: str = "inclusive") -> list[Row] | None:
    """The rows of every grid with a deadline column, or None when no grid has one."""
    reader = _Reader(as_date(ref), plan_year, month_before)
    rows: list[Row] = []
    found = False
    for grid in grids:
        header = find_header(grid, names)
        if header is not None:
            found = True
            rows.extend(reader.rows(grid, *header))
    return rows if found else None


class _Reader:
    def __init__(self, ref: date | None, plan_year: int | None, month_before: str) -> None:
        @cache
        def reading(text: str) -> Result:
            return normalise(text, ref=ref, plan_year=plan_year, month_before=month_before)

        self.reading = reading

    def rows(self, grid: Grid, head: int, col: int) -> list[Row]:
        header = column_names(grid.rows[head])
        head_key = [squash(c.text) for c in grid.rows[head]]
        out: list[Row] = []
        above: str | None = None
        for number, cells in enumerate(grid.rows[head + 1:], head + 2):
            if _skipped(cells, head_key, col):
                continue
            notes = tuple(f"{FORMULA_FLAG}:{header[i]}" for i, c in enumerate(cells) if c.formula)
            if cells[col].formula:  # never read a formula as a deadline, never fill it from above
                text, fill, result = cells[col].text, None, _formula_result(cells[col].text)
                above = None
            else:
                text, fill = self._fill(cells[col], above)
                result = self.reading(text)
                above = text
            out.append(Row(cells=dict(zip(header, (c.text for c in cells), strict=True)), text=text,
                           result=result, fill=fill, source=grid.name, source_row=number,
                           deadline_column=header[col], notes=notes))
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


def _formula_result(formula: str) -> Result:
    return Unresolved(text=formula, span=(0, len(formula)), flags=(FORMULA_FLAG,),
                      reason="the cell is a formula whose file holds no computed value; open and save it "
                             "in a spreadsheet, then read it again")


def column_names(cells: list[Cell]) -> list[str]:
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
    alone across the row). A row with a formula cell is never skipped: it is reported."""
    if any(c.formula for c in cells):
        return False
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
