"""Office files → grids: .docx (python-docx), .xlsx (openpyxl), .xls / .et / .ods (python-calamine).

openpyxl stays for .xlsx because it can tell a formula with no cached value (a file written by a script,
never opened in a spreadsheet) from an empty cell; calamine reads the binary and OpenDocument formats, and
reads such a formula as an empty cell, so :mod:`.biff` (.xls, .et) and :mod:`.ods` find where the formula
cells are and a formula cell calamine reads as empty is marked the same way.
Every failure of the underlying library becomes a DocumentError naming the file.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from deadline_cn.documents.biff import SHOWN, formula_cells
from deadline_cn.documents.extras import need
from deadline_cn.documents.grid import Cell, DocumentError, Grid, merged_rows, rectangular
from deadline_cn.documents.ods import ods_scan


def docx_grids(path: Path, label: str | None = None) -> list[Grid]:
    """Every table of a .docx."""
    return docx_read(path, label)[0]


def docx_read(path: Path, label: str | None = None) -> tuple[list[Grid], list[str]]:
    """Every table of a .docx, and its body paragraphs (those outside the tables) that hold text."""
    docx = need("docx", "reading .docx tables")
    try:
        document = docx.Document(str(path))
        grids = [_docx_table(table, f"table {n}") for n, table in enumerate(document.tables, 1)]
        return grids, [p.text.strip() for p in document.paragraphs if p.text.strip()]
    except Exception as exc:  # python-docx and lxml raise many types on a damaged file; all say "damaged"
        raise DocumentError(f"{label or path.name}: damaged .docx ({type(exc).__name__}: {exc})") from None


def _docx_table(table: Any, name: str) -> Grid:
    grid = Grid(name)
    above: list[Any] = []
    for row in table.rows:
        # python-docx gives a vertically merged cell as the cell object it continues
        cells: list[Any] = [None] * (row.grid_cols_before or 0) + list(row.cells)
        grid.rows.append([Cell("") if c is None else
                          Cell(c.text.strip(), i < len(above) and above[i] is not None and above[i]._tc is c._tc)
                          for i, c in enumerate(cells)])
        above = cells
    return rectangular(grid)


def xlsx_grids(path: Path, sheet: str | None, max_rows: int) -> list[Grid]:
    """Every sheet of an .xlsx (or just ``sheet``); formula cells without a cached value are marked."""
    openpyxl = need("openpyxl", "reading .xlsx tables")
    try:
        # file objects, not names: openpyxl refuses a real .xlsx named .et; not read_only: merges need the model
        with open(path, "rb") as f:
            book = openpyxl.load_workbook(f, data_only=True)
        formulas = None
        if _has_formulas(path):
            with open(path, "rb") as f:
                formulas = openpyxl.load_workbook(f, data_only=False)
    except Exception as exc:  # openpyxl raises many types on a damaged file; all say "damaged"
        raise DocumentError(f"{path.name}: damaged .xlsx ({type(exc).__name__}: {exc})") from None
    _check_sheet(path, sheet, book.sheetnames)
    grids = []
    for ws in book.worksheets:
        if sheet is None or ws.title == sheet:
            _check_height(path, ws.title, ws.max_row, max_rows)  # before a sheet of a million empty rows
            values = [list(r) for r in ws.iter_rows(values_only=True)]
            spans = [(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges]
            rows = merged_rows(values, spans)
            if formulas is not None:
                _mark_formulas(rows, values, formulas[ws.title])
            grids.append(Grid(ws.title, rows))
    return grids


def _has_formulas(path: Path) -> bool:
    with zipfile.ZipFile(path) as z:
        sheets = (z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
        return any(b"<f>" in xml or b"<f " in xml for xml in sheets)


def _mark_formulas(rows: list[list[Cell]], values: list[list[Any]], ws: Any) -> None:
    for r, row in enumerate(ws.iter_rows(values_only=True)):
        for c, raw in enumerate(row):
            if isinstance(raw, str) and raw.startswith("=") and r < len(rows) and values[r][c] is None:
                rows[r][c] = Cell(raw, merged=False, formula=True)


def _mark_empty_formulas(rows: list[list[Cell]], values: list[list[Any]],
                         formulas: dict[tuple[int, int], str]) -> None:
    """A formula cell that calamine reads as empty holds no computed value: mark it, as for .xlsx."""
    for (r, c), formula in formulas.items():
        if r < len(values) and c < len(values[r]) and values[r][c] in ("", None):
            rows[r][c] = Cell("=" + formula.lstrip("=") if formula != SHOWN else SHOWN, formula=True)


CHILD_SECONDS = 60  # a damaged file can send calamine into a huge, slow allocation: give up on it then


def calamine_grids(path: Path, sheet: str | None, what: str, max_rows: int) -> list[Grid]:
    """Every sheet of an .xls, .et, .ods (or .xlsx) with python-calamine, merged ranges followed.

    In a child process: on some damaged files calamine asks for tens of gigabytes and the Rust runtime
    aborts the whole process, which no ``except`` can catch. A child that dies, or takes longer than
    ``CHILD_SECONDS``, means a damaged file here.
    """
    need("python_calamine", f"reading {what}")
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    here, there = context.Pipe(duplex=False)
    child = context.Process(  # type: ignore[attr-defined]
        target=_calamine_child, args=(there, path, sheet, what, max_rows), daemon=True)
    child.start()
    there.close()
    try:
        if not here.poll(CHILD_SECONDS):
            raise DocumentError(f"{path.name}: damaged {what} (the spreadsheet reader gave no answer in "
                                f"{CHILD_SECONDS} s)")
        ok, value = here.recv()
    except EOFError:
        raise DocumentError(f"{path.name}: damaged {what} (the spreadsheet reader crashed on it)") from None
    finally:
        child.kill()
        child.join()
        here.close()
    if not ok:
        raise DocumentError(value)
    grids: list[Grid] = value
    return grids


def _calamine_child(conn: Any, path: Path, sheet: str | None, what: str, max_rows: int) -> None:
    """In the child: send back (True, grids) or (False, the DocumentError's message)."""
    import python_calamine as calamine

    try:
        with _quiet_fd2():  # a Rust panic prints its message (and backtrace) on fd 2; our error line says it
            conn.send((True, _calamine_sheets(calamine, path, sheet, what, max_rows)))
    except DocumentError as exc:
        conn.send((False, str(exc)))
    finally:
        conn.close()


def _calamine_sheets(calamine: Any, path: Path, sheet: str | None, what: str, max_rows: int) -> list[Grid]:
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
        _check_sheet(path, sheet, book.sheet_names)
        ods, formulas = ods_scan(path) if what == ".ods" else ({}, {})
        if what != ".ods":
            formulas = formula_cells(path)
        grids = []
        for name in book.sheet_names:
            if sheet is None or name == sheet:
                ws = book.get_sheet_by_name(name)
                _check_height(path, name, ws.height, max_rows)
                values = ws.to_python(skip_empty_area=False)
                merged = ws.merged_cell_ranges or []
                spans = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in merged] or ods.get(name, [])
                rows = merged_rows(values, spans)
                _mark_empty_formulas(rows, values, formulas.get(name, {}))
                grids.append(rectangular(Grid(name, rows)))
        return grids
    except calamine.PasswordError:
        raise DocumentError(f"{path.name}: encrypted (password-protected); save an unprotected copy") from None
    except DocumentError:
        raise
    except BaseException as exc:
        # calamine's Rust code panics on some damaged files: pyo3's PanicException is a BaseException
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise
        raise DocumentError(f"{path.name}: damaged {what} ({type(exc).__name__}: {exc})") from None


@contextlib.contextmanager
def _quiet_fd2() -> Iterator[None]:
    """File descriptor 2 pointed at the null device for the duration (Python's own sys.stderr is flushed
    first and untouched otherwise); a no-op where fd 2 cannot be duplicated."""
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _check_height(path: Path, name: str, height: int, max_rows: int) -> None:
    if height > max_rows:
        raise DocumentError(f"{path.name}: sheet {name!r} has {height:,} rows, over the limit of {max_rows:,} "
                            "(raise it with max_rows= / --max-rows)")


def _check_sheet(path: Path, sheet: str | None, names: list[str]) -> None:
    if sheet is not None and sheet not in names:
        raise DocumentError(f"{path.name} has no sheet {sheet!r} (sheets: {', '.join(names)})")
