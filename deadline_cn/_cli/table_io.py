"""Reading a work-plan table (.docx, .xlsx, .csv) into plain grids of cells, merges followed.

A grid is what the office's file shows: one list of cells per row, every cell of a merged range carrying
the merged text. ``Cell.merged`` marks a cell that continues a *vertical* merge from the row above (a
horizontal merge just repeats the text across the columns it spans). .docx and .xlsx are read with
python-docx and openpyxl (``pip install 'deadline-cn[tables]'``); .csv with the standard library
(UTF-8, with or without BOM, else GB18030 — what Excel on a Chinese Windows writes).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from deadline_cn._cli.extras import need

SUFFIXES = (".docx", ".xlsx", ".xlsm", ".csv", ".tsv")
_SPACE = re.compile(r"\s+")


class TableError(ValueError):
    """The file is not a table this module can read, or it has no deadline column."""


@dataclass(frozen=True)
class Cell:
    text: str
    merged: bool = False  # continues a vertical merge from the row above


@dataclass
class Grid:
    name: str  # "table 1" (.docx), the sheet's title (.xlsx), the file name (.csv)
    rows: list[list[Cell]] = field(default_factory=list)


def squash(text: str) -> str:
    """A header's text without any whitespace ("完成\\n时限" → "完成时限")."""
    return _SPACE.sub("", text)


def read_grids(path: Path, sheet: str | None = None) -> list[Grid]:
    """Every table of a .docx, every sheet of an .xlsx (or just ``sheet``), the one grid of a .csv."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise TableError(f"{path.name}: cannot read {suffix or 'a file without suffix'}; "
                         f"use one of {', '.join(SUFFIXES)}")
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    if suffix == ".docx":
        return _docx_grids(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_grids(path, sheet)
    return [_csv_grid(path, "\t" if suffix == ".tsv" else None)]


def _docx_grids(path: Path) -> list[Grid]:
    docx = need("docx", "reading .docx tables")
    grids = []
    for n, table in enumerate(docx.Document(str(path)).tables, 1):
        grid = Grid(f"table {n}")
        above: list[Any] = []
        for row in table.rows:
            # python-docx gives a vertically merged cell as the cell object it continues
            cells: list[Any] = [None] * (row.grid_cols_before or 0) + list(row.cells)
            grid.rows.append([Cell("") if c is None else
                              Cell(c.text.strip(), i < len(above) and above[i] is not None
                                   and above[i]._tc is c._tc)
                              for i, c in enumerate(cells)])
            above = cells
        grids.append(_rectangular(grid))
    return grids


def _xlsx_grids(path: Path, sheet: str | None) -> list[Grid]:
    openpyxl = need("openpyxl", "reading .xlsx tables")
    book = openpyxl.load_workbook(str(path), data_only=True)  # not read_only: merged ranges need the model
    if sheet is not None and sheet not in book.sheetnames:
        raise TableError(f"{path.name} has no sheet {sheet!r} (sheets: {', '.join(book.sheetnames)})")
    grids = []
    for ws in book.worksheets:
        if sheet is None or ws.title == sheet:
            values = [list(r) for r in ws.iter_rows(values_only=True)]
            grids.append(Grid(ws.title, _xlsx_rows(values, ws.merged_cells.ranges)))
    return grids


def _xlsx_rows(values: list[list[Any]], ranges: Any) -> list[list[Cell]]:
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ranges:
        for r in range(rng.min_row - 1, rng.max_row):
            for c in range(rng.min_col - 1, rng.max_col):
                origin[(r, c)] = (rng.min_row - 1, rng.min_col - 1)
    rows = []
    for r, row in enumerate(values):
        cells = []
        for c in range(len(row)):
            top = origin.get((r, c), (r, c))
            value = values[top[0]][top[1]] if top[1] < len(values[top[0]]) else None
            cells.append(Cell(cell_text(value), merged=top[0] < r))
        rows.append(cells)
    return rows


def cell_text(value: Any) -> str:
    """A spreadsheet value as the text a person sees: dates as ISO, 3.0 as "3"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_grid(path: Path, delimiter: str | None) -> Grid:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    if delimiter is None:  # the separator the first lines use most; a tie goes to ","
        head = "\n".join(text.splitlines()[:5])
        delimiter = max(",\t;", key=head.count)
    rows = [[Cell(v.strip()) for v in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return _rectangular(Grid(path.name, rows))


def _rectangular(grid: Grid) -> Grid:
    width = max((len(r) for r in grid.rows), default=0)
    for row in grid.rows:
        row.extend(Cell("") for _ in range(width - len(row)))
    return grid


def find_header(grid: Grid, names: tuple[str, ...], limit: int = 30) -> tuple[int, int] | None:
    """(row, column) of the header cell naming the deadline column, in the first ``limit`` rows.

    A cell equal to one of ``names`` (whitespace ignored) wins, the earlier name first, in the first row
    that has one; only when no cell equals a name does a short cell containing one count ("完成时限（月）"),
    so a title above the table ("重点任务完成时限表") is never taken for the header.
    """
    wanted = [squash(n) for n in names]

    def exact(text: str) -> int | None:
        return wanted.index(text) if text in wanted else None

    def contains(text: str) -> int | None:
        return next((i for i, n in enumerate(wanted) if n in text), None) if len(text) <= 12 else None

    for rank in (exact, contains):
        for r, row in enumerate(grid.rows[:limit]):
            hits = [(score, c) for c, cell in enumerate(row) if (score := rank(squash(cell.text))) is not None]
            if hits:
                return r, min(hits)[1]
    return None
