"""PDF tables → grids, with pdfplumber (ruled tables, as 政府网站 PDFs of work plans have).

- A cell wrapped over several lines is joined back: nothing at a break next to a Chinese character (the
  PDF broke the line, not the author), a space between Latin letters or digits.
- A merged cell is found from the table's geometry: each empty slot takes the text of the cell whose box
  covers it, marked merged when that cell starts in a row above.
- A table that continues on the next page (the first table of a page with as many columns as the last
  table of the page before, and no text but a page number between them: not below that table, not above
  this one) is one grid; a header repeated on the new page is left to the ledger, which skips repeats of
  the header row. A heading between two tables makes them two grids, even on consecutive pages.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from deadline_cn.documents.extras import need
from deadline_cn.documents.grid import Cell, DocumentError, Grid, Limits, rectangular

_WRAP = re.compile(r"\s*\n\s*")
Tick = Callable[[int, int], None]
MAX_PAGES = 2000


def pdf_read(path: Path, limits: Limits, tick: Tick | None = None) -> tuple[list[Grid], list[str]]:
    """The tables as grids, and the text outside them as paragraphs (lines joined; see :func:`paragraphs`);
    ``tick(pages_done, pages)`` after each page (a progress bar)."""
    pdfplumber = need("pdfplumber", "reading PDF tables")
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise DocumentError(f"{path.name}: {size:,} bytes, over the limit of {limits.max_bytes:,}")
    grids: list[Grid] = []
    text: list[str] = []
    last: tuple[int, int] | None = None  # (page number, columns) of the last table read
    quiet = _Quiet()  # pdfminer logs each oddity of a damaged file as a warning; the error line says it
    try:
        with quiet, pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentError(f"{path.name}: {len(pdf.pages):,} pages, over the limit of {MAX_PAGES:,}")
            for number, page in enumerate(pdf.pages, 1):
                tables = page.find_tables()
                lines = _outside(page, tables)
                text.extend(line for _, line in lines)
                for i, table in enumerate(tables):
                    rows = _rows(table)
                    width = max((len(r) for r in rows), default=0)
                    top = table.bbox[1]
                    alone = not any(y < top for y, line in lines if not _FOLIO.match(line))
                    if i == 0 and alone and last == (number - 1, width) and grids:
                        grids[-1].rows.extend(rows)
                    else:
                        grids.append(Grid(f"table {len(grids) + 1} (page {number})", rows))
                    last = (number, width)
                if tables and any(y > tables[-1].bbox[3] for y, line in lines if not _FOLIO.match(line)):
                    last = None  # text after the page's last table: that table ends here
                page.close()
                if tick is not None:
                    tick(number, len(pdf.pages))
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises many types (PDFSyntaxError, PSEOF, KeyError…) on damage
        if type(exc).__name__ == "PdfminerException" and "password" in repr(exc.args).lower():
            raise DocumentError(f"{path.name}: encrypted (password-protected); save an unprotected copy") from None
        raise DocumentError(f"{path.name}: damaged PDF ({type(exc).__name__}: {exc})") from None
    return [rectangular(g) for g in grids], paragraphs(text)


class _Quiet:
    """pdfminer's warnings silenced while a file is read (the logger's level restored after)."""

    def __enter__(self) -> None:
        self.logger = logging.getLogger("pdfminer")
        self.level = self.logger.level
        self.logger.setLevel(logging.ERROR + 10)

    def __exit__(self, *exc: object) -> None:
        self.logger.setLevel(self.level)


def _outside(page: Any, tables: list[Any]) -> list[tuple[float, str]]:
    """The lines of text outside the tables, each with its top (points from the top of the page)."""
    boxes = [t.bbox for t in tables]

    def keep(obj: dict[str, Any]) -> bool:
        if "x0" not in obj or "top" not in obj:
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    if boxes:
        page = page.filter(keep)
    return [(line["top"], line["text"].strip()) for line in page.extract_text_lines() if line["text"].strip()]


# a page number or running folio ("- 3 -", "— 3 —", "第3页", "3/12"): not text between two parts of a table
_FOLIO = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–\s]*$")


_END = tuple("。：；！？:;!?")


def paragraphs(lines: list[str]) -> list[str]:
    """Lines of a PDF joined into paragraphs: a paragraph ends at a line ending 。：；！？ or a short line
    (a title, a signature, a date)."""
    out: list[str] = []
    open_ = False
    for line in lines:
        if open_ and out:
            out[-1] = join_lines(out[-1] + "\n" + line)
        else:
            out.append(line)
        open_ = not line.endswith(_END) and len(line) >= 30
    return out


def _rows(table: Any) -> list[list[Cell]]:
    """The cells of a pdfplumber table; an empty slot (None) is filled from the merged cell covering it."""
    texts = table.extract()
    boxes = list(table.cells)
    rows: list[list[Cell]] = []
    for r, (row, line) in enumerate(zip(table.rows, texts, strict=False)):
        cells = []
        for c, text in enumerate(line):
            if text is not None:
                cells.append(Cell(join_lines(text)))
                continue
            cells.append(_covered(table, texts, boxes, row, r, c))
        rows.append(cells)
    return rows


def _covered(table: Any, texts: list[list[str | None]], boxes: list[Any], row: Any, r: int, c: int) -> Cell:
    """The text of the merged cell that covers slot (r, c), found by geometry."""
    columns = table.columns
    if c >= len(columns) or row.bbox is None or columns[c].bbox is None:
        return Cell("")
    x = (columns[c].bbox[0] + columns[c].bbox[2]) / 2
    y = (row.bbox[1] + row.bbox[3]) / 2
    for box in boxes:
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            r0, c0 = _slot(table, box)
            if (r0, c0) != (r, c) and r0 is not None and c0 is not None and texts[r0][c0] is not None:
                return Cell(join_lines(texts[r0][c0] or ""), merged=r0 < r)
    return Cell("")


def _slot(table: Any, box: Any) -> tuple[Any, Any]:
    r0 = next((i for i, row in enumerate(table.rows) if row.bbox and abs(row.bbox[1] - box[1]) < 1), None)
    c0 = next((i for i, col in enumerate(table.columns) if col.bbox and abs(col.bbox[0] - box[0]) < 1), None)
    return r0, c0


def join_lines(text: str) -> str:
    """A wrapped cell's lines as one: nothing at a break next to a Chinese character (the PDF broke the line,
    not the author: "2017年6月底\\n前"), a space between two Latin letters or digits. Punctuation at the break
    is looked past: "不超过1次,\\n20%" (half-width comma after a Chinese character) joins with nothing,
    "phase,\\n2" with a space."""
    def glue(m: re.Match[str]) -> str:
        before = _PUNCT.sub("", text[max(0, m.start() - 16):m.start()])[-1:]
        after = _PUNCT.sub("", text[m.end():m.end() + 16], count=1)[:1]
        return "" if (before > "\u2e7f" or after > "\u2e7f") or not (before and after) else " "

    return _WRAP.sub(glue, text).strip()


_PUNCT = re.compile(r"[!-/:-@\[-`{-~]+$|^[!-/:-@\[-`{-~]+")  # ASCII punctuation at the end / the start
