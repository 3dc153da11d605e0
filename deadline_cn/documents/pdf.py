"""PDF tables → grids, with pdfplumber (ruled tables, as 政府网站 PDFs of work plans have).

- A cell wrapped over several lines is joined back: nothing at a break next to a Chinese character (the
  PDF broke the line, not the author), a space between Latin letters or digits.
- A merged cell is found from the table's geometry: each empty slot takes the text of the cell whose box
  covers it, marked merged when that cell starts in a row above.
- A table drawn without ruled lines (text set in columns) is found on a page that has no ruled table: a
  header line of three or more short cells, the lines below it set in the same columns (each piece of
  text starts in one column and ends before the next; at least two lines with text in two columns). Its
  rows are told apart by the space between them (wider than between the lines of one cell), else by a
  new number in the first column (1, 2. ,（三）), else each line is a row. It ends at the first line that
  crosses the columns (prose) or at the end of the page, and keeps its columns on the next page.
- A row that does not fit at the bottom of a page and is continued at the top of the next (after the
  header, if repeated) is one row: the first row of the continued table is joined to the last row before
  the break when its first cell is empty, no cell starts with an item number, and each cell with text
  continues a cell of the row above that did not end a sentence (。；！？). A row that starts a new item
  in a merged task (first cell empty, "2. …", or a cell above ending in 。) stays a row of its own.
- A table that continues on the next page (the first table of a page with as many columns as the last
  table of the page before, and no text but a page number or a running header or footer, a line in the
  top or bottom 6% of the page, between them: not below that table, not above this one) is one grid; a
  header repeated on the new page is left to the ledger, which skips repeats of the header row. A
  heading between two tables makes them two grids, even on consecutive pages.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deadline_cn.documents.extras import need
from deadline_cn.documents.grid import Cell, DocumentError, Grid, Limits, rectangular, squash

_WRAP = re.compile(r"\s*\n\s*")
Tick = Callable[[int, int], None]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom
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
    carry: _Columns | None = None  # the columns of the last table without ruled lines, for its next page
    quiet = _Quiet()  # pdfminer logs each oddity of a damaged file as a warning; the error line says it
    try:
        with quiet, pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentError(f"{path.name}: {len(pdf.pages):,} pages, over the limit of {MAX_PAGES:,}")
            for number, page in enumerate(pdf.pages, 1):
                ruled: list[tuple[Box, list[list[Cell]], _Columns | None]] = [
                    (t.bbox, _rows(t), None) for t in page.find_tables()]
                go_on = carry is not None and last == (number - 1, len(carry.starts))
                tables = ruled or list(_aligned(page, carry if go_on else None))
                carry = tables[-1][2] if tables else None
                lines = _outside(page, [box for box, _, _ in tables])
                text.extend(line for _, line in lines)
                body = [y for y, line in lines if not _furniture(y, line, page.height)]
                for i, (box, rows, _) in enumerate(tables):
                    width = max((len(r) for r in rows), default=0)
                    alone = not any(y < box[1] for y in body)
                    if i == 0 and alone and last == (number - 1, width) and grids:
                        _continue(grids[-1].rows, rows)
                    else:
                        grids.append(Grid(f"table {len(grids) + 1} (page {number})", rows))
                    last = (number, width)
                if tables and any(y > tables[-1][0][3] for y in body):
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


def _outside(page: Any, boxes: list[Box]) -> list[tuple[float, str]]:
    """The lines of text outside the tables, each with its top (points from the top of the page)."""

    def keep(obj: dict[str, Any]) -> bool:
        if "x0" not in obj or "top" not in obj:
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    if boxes:
        page = page.filter(keep)
    return [(line["top"], line["text"].strip()) for line in page.extract_text_lines() if line["text"].strip()]


def _furniture(top: float, line: str, height: float) -> bool:
    """A page number, or a line in the top or bottom margin (a running header or footer)."""
    return bool(_FOLIO.match(line)) or not MARGIN * height <= top <= (1 - MARGIN) * height


MARGIN = 0.06  # of the page's height: 50 pt of A4, inside the 2 cm (57 pt) or 1 inch (72 pt) margins of documents
# a page number ("- 3 -", "— 3 —", "第3页", "3/12"): not text between two parts of a table
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


_ITEM = re.compile(r"^\s*(?:\d{1,3}\s*(?:[.．、]|$)(?!\d)|[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]"
                   r"|[一二三四五六七八九十]{1,3}\s*、)")
_CLOSED = tuple("。；;！？!?")


def _continue(rows: list[list[Cell]], more: list[list[Cell]]) -> None:
    """``more`` (the table's part on a new page) appended to ``rows``, its first data row joined to the
    last row when it is the rest of a row split by the page break (rules in the module docstring)."""
    heads = [[squash(c.text) for c in row] for row in rows[:5]]
    skip = 0
    while skip < len(more) and [squash(c.text) for c in more[skip]] in heads:
        skip += 1  # a header repeated on the new page: the ledger skips it; the split row comes after it
    if rows and skip < len(more) and _rest_of(rows[-1], more[skip]):
        last, rest = rows[-1], more.pop(skip)
        rows[-1] = [Cell(join_lines(a.text + "\n" + b.text) if b.text else a.text, a.merged, a.formula)
                    for a, b in zip(last, rest, strict=False)] + last[len(rest):]
    rows.extend(more)


def _rest_of(above: list[Cell], row: list[Cell]) -> bool:
    filled = [i for i, c in enumerate(row) if c.text.strip()]
    if not filled or not row or row[0].text.strip() or len(row) != len(above):
        return False
    return all(not _ITEM.match(row[i].text) and above[i].text.strip()
               and not above[i].text.rstrip().endswith(_CLOSED) for i in filled)


Word = dict[str, Any]  # a pdfplumber word: text, x0, x1, top, bottom


@dataclass
class _Columns:
    """Where the columns of a table without ruled lines start (x of each), kept for its next page."""

    starts: list[float]

    def of(self, word: Word) -> int | None:
        """The column a piece of text sits in; None when it starts left of the table or runs into the
        next column (a line of prose)."""
        col = max((j for j, x in enumerate(self.starts) if x <= word["x0"] + 2), default=None)
        if col is None or (col + 1 < len(self.starts) and word["x1"] > self.starts[col + 1] + 2):
            return None
        return col


def _aligned(page: Any, carry: _Columns | None = None) -> list[tuple[Box, list[list[Cell]], _Columns | None]]:
    """Tables set in columns without ruled lines (see the module docstring), as (box, rows, columns).
    ``carry``: the columns of such a table that ran to the end of the page before; lines at the top of
    this page set in them continue it, with or without its header repeated."""
    words = page.extract_words(keep_blank_chars=True, x_tolerance=3, y_tolerance=2)
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    # running headers and footers (in the margins) and page numbers (the first or last line of the page;
    # a 序号 alone on its line, set in the middle of a tall row, is not one) are not lines of a table
    lines = [line for line in lines if MARGIN * page.height <= line[0]["top"] <= (1 - MARGIN) * page.height]
    while lines and _FOLIO.match(" ".join(w["text"] for w in lines[-1])):
        lines.pop()
    while lines and _FOLIO.match(" ".join(w["text"] for w in lines[0])):
        lines.pop(0)
    found: list[tuple[Box, list[list[Cell]], _Columns | None]] = []
    n = 0
    if carry is not None and lines and not _is_header(lines[0]):
        used = _body_length(carry, lines)
        if used:
            found.append((_box(carry, lines[:used]), _cells(carry, lines[:used]), carry))
            n = used
    while n < len(lines):
        header = lines[n]
        columns = _columns(header, lines[n + 1:]) if _is_header(header) else None
        used = _body_length(columns, lines[n + 1:]) if columns else 0
        if columns is None or used < 2 or _across(columns, lines[n + 1:n + 1 + used]) < 2:
            n += 1
            continue
        rows = [[Cell(" ".join(w["text"].strip() for w in header if columns.of(w) == j))
                 for j in range(len(columns.starts))], *_cells(columns, lines[n + 1:n + 1 + used])]
        found.append((_box(columns, lines[n:n + 1 + used]), rows, columns))
        n += 1 + used
    return found


def _across(columns: _Columns, lines: list[list[Word]]) -> int:
    """How many lines have text in two columns or more (a list of short lines under a heading has none)."""
    return sum(len({columns.of(w) for w in line}) >= 2 for line in lines)


def _is_header(line: list[Word]) -> bool:
    return len(line) >= 3 and all(len(w["text"].strip()) <= 10 for w in line)


def _columns(header: list[Word], below: list[list[Word]]) -> _Columns:
    """A column starts where its body text starts (a header may be centred over its column)."""
    lefts = sorted(w["x0"] for line in below[:60] for w in line)

    def shared(x: float) -> bool:  # another piece of text starts here too: a column's left edge
        return bisect.bisect_right(lefts, x + 2) - bisect.bisect_left(lefts, x - 2) >= 2

    starts: list[float] = []
    for i, word in enumerate(header):
        low = header[i - 1]["x1"] if i else -1.0
        first = bisect.bisect_right(lefts, low)
        near = next((x for x in lefts[first:bisect.bisect_right(lefts, word["x0"] + 2)] if shared(x)), None)
        starts.append(word["x0"] if near is None else near)
    return _Columns(starts)


def _body_length(columns: _Columns, lines: list[list[Word]]) -> int:
    """How many of ``lines`` are set in the columns (up to the first that is not)."""
    return next((k for k, line in enumerate(lines) if any(columns.of(w) is None for w in line)), len(lines))


def _box(columns: _Columns, lines: list[list[Word]]) -> Box:
    x1 = max(w["x1"] for line in lines for w in line)
    return (min(columns.starts) - 1, lines[0][0]["top"] - 1, x1 + 1, max(w["bottom"] for w in lines[-1]) + 1)


def _row_breaks(columns: _Columns, body: list[list[Word]]) -> set[int]:
    """The lines of ``body`` that start a row, told by space: in each column the lines of one cell follow
    each other at the line pitch; a row starts at a line that no cell runs across from the line above
    (cells set in the middle of their row's height included). Empty when nothing tells rows apart (rows as
    close as the lines of a cell)."""
    tops: list[list[float]] = [[] for _ in columns.starts]
    for line in body:
        for col in {columns.of(w) for w in line}:
            if col is not None:
                tops[col].append(line[0]["top"])
    steps = [b - a for column in tops for a, b in itertools.pairwise(column) if b - a > 1]
    if not steps:
        return set()
    pitch = min(steps) * 1.2 + 0.5
    links = [(a, b) for column in tops for a, b in itertools.pairwise(column) if b - a <= pitch]
    breaks = {k for k in range(1, len(body))
              if not any(a <= body[k - 1][0]["top"] and b >= body[k][0]["top"] for a, b in links)}
    return breaks if len(breaks) < len(body) - 1 else set()


def _cells(columns: _Columns, body: list[list[Word]]) -> list[list[Cell]]:
    """Lines → rows: a new row where the space above a line is wider than between the lines of a cell; when
    every line is spaced alike, where the first column starts a new item; when no item is numbered either,
    each line is a row."""
    spaced = _row_breaks(columns, body)
    numbered = any(columns.of(w) == 0 and _ITEM.match(w["text"]) for line in body for w in line)
    grouped: list[list[list[Word]]] = []
    for k, line in enumerate(body):
        first = next((w for w in line if columns.of(w) == 0), None)
        if k == 0 or not (spaced or numbered):
            new = True
        elif spaced:  # the space between rows decides (a number set in the middle of its row may come late)
            new = k in spaced
        else:
            new = first is not None and bool(_ITEM.match(first["text"]))
        if new:
            grouped.append([line])
        else:
            grouped[-1].append(line)
    width = len(columns.starts)
    rows = []
    for group in grouped:
        texts: list[list[str]] = [[] for _ in range(width)]
        for line in group:
            for w in line:
                col = columns.of(w)
                if col is not None:
                    texts[col].append(w["text"].strip())
        rows.append([Cell(join_lines("\n".join(t))) for t in texts])
    return rows


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
