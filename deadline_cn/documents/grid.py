"""The model every reader produces: a grid of cells per table, merges followed; the one error type; limits.

A grid is what the office's file shows: one list of cells per row, every cell of a merged range carrying
the merged text. ``Cell.merged`` marks a cell that continues a *vertical* merge from the row above (a
horizontal merge just repeats the text across the columns it spans). ``Cell.formula`` marks a formula
cell whose file holds no computed value (written by a script, never opened in Excel): its text is the
formula, and the ledger flags the row instead of reading or filling it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from deadline_cn.errors import DocumentError as DocumentError  # re-exported: the readers raise it from here

_SPACE = re.compile(r"\s+")

# Decompressed bytes one file may unpack to, and rows one document may have: a 2.5 MB .xlsx whose
# sharedStrings inflate to 632 MB would otherwise take minutes and gigabytes. Real plans are far below.
MAX_BYTES = 200 * 1024 * 1024
MAX_ROWS = 100_000


@dataclass(frozen=True)
class Limits:
    """Caps on what one file may cost (raise them for a real document bigger than these)."""

    max_bytes: int = MAX_BYTES  # decompressed size of a zip-based file, or size of a text file
    max_rows: int = MAX_ROWS  # rows over all the tables of one document


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Cell:
    text: str
    merged: bool = False  # continues a vertical merge from the row above
    formula: bool = False  # a formula with no cached value: ``text`` is the formula, not a value


@dataclass
class Grid:
    name: str  # "table 1" (.docx, HTML, PDF), the sheet's title (spreadsheets), the file name (.csv)
    rows: list[list[Cell]] = field(default_factory=list)
    layout: bool = False  # a page-layout table around others (HTML): its text is the page's prose, not a table


@dataclass
class Document:
    """What a reader found in a file: its tables as grids and its running text as paragraphs."""

    name: str  # the file's name, for messages
    kind: str  # what the file is (a kind of :mod:`.sniff`)
    grids: list[Grid] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # prose outside the tables, in order


def squash(text: str) -> str:
    """A header's text without any whitespace ("完成\\n时限" → "完成时限")."""
    return _SPACE.sub("", text)


def rectangular(grid: Grid) -> Grid:
    """Pad every row with empty cells to the widest row's length."""
    width = max((len(r) for r in grid.rows), default=0)
    for row in grid.rows:
        row.extend(Cell("") for _ in range(width - len(row)))
    return grid


def check_rows(grids: list[Grid], name: str, limits: Limits) -> list[Grid]:
    total = sum(len(g.rows) for g in grids)
    if total > limits.max_rows:
        raise DocumentError(f"{name}: {total:,} rows, over the limit of {limits.max_rows:,} "
                            "(raise it with max_rows= / --max-rows)")
    return grids


def merged_rows(values: list[list[Any]], spans: list[tuple[int, int, int, int]]) -> list[list[Cell]]:
    """Cells of a spreadsheet's values with merged ranges (first row, first col, last row, last col;
    0-based, inclusive) spread over every cell they cover."""
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in spans:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                origin[(r, c)] = (r0, c0)
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
