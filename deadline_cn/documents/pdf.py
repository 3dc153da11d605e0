"""PDF tables → grids, with pdfplumber (ruled tables, as 政府网站 PDFs of work plans have).

- A cell wrapped over several lines is joined back: nothing at a break next to a Chinese character (the
  PDF broke the line, not the author), a space between Latin letters or digits.
- A merged cell is found from the table's geometry: each empty slot takes the text of the cell whose box
  covers it, marked merged when that cell starts in a row above.
- A table drawn without ruled lines (text set in columns) is found on a page that has no ruled table: a
  header line of three or more short cells, the lines below it set in the same columns (each piece of
  text starts in one column and ends before the next); its rows are told apart by the space between
  them (wider than between the lines of one cell) or by a new number in the first column (1, 2. ,（三）).
  It ends at the first line that crosses the columns (prose) or at the end of the page.
- A row that does not fit at the bottom of a page and is continued at the top of the next (after the
  header, if repeated) is one row: the first row of the continued table is joined to the last row before
  the break when its first cell is empty, no cell starts with an item number, and each cell with text
  continues a cell of the row above that did not end a sentence (。；！？). A row that starts a new item
  in a merged task (first cell empty, "2. …", or a cell above ending in 。) stays a row of its own.
- A table that continues on the next page (the first table of a page with as many columns as the last
  table of the page before, and no text but a page number between them: not below that table, not above
  this one) is one grid; a header repeated on the new page is left to the ledger, which skips repeats of
  the header row. A heading between two tables makes them two grids, even on consecutive pages.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable
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
    quiet = _Quiet()  # pdfminer logs each oddity of a damaged file as a warning; the error line says it
    try:
        with quiet, pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentError(f"{path.name}: {len(pdf.pages):,} pages, over the limit of {MAX_PAGES:,}")
            for number, page in enumerate(pdf.pages, 1):
                tables = [(t.bbox, _rows(t)) for t in page.find_tables()] or _aligned(page)
                lines = _outside(page, [box for box, _ in tables])
                text.extend(line for _, line in lines)
                for i, (box, rows) in enumerate(tables):
                    width = max((len(r) for r in rows), default=0)
                    alone = not any(y < box[1] for y, line in lines if not _FOLIO.match(line))
                    if i == 0 and alone and last == (number - 1, width) and grids:
                        _continue(grids[-1].rows, rows)
                    else:
                        grids.append(Grid(f"table {len(grids) + 1} (page {number})", rows))
                    last = (number, width)
                if tables and any(y > tables[-1][0][3] for y, line in lines if not _FOLIO.match(line)):
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


def _aligned(page: Any) -> list[tuple[Box, list[list[Cell]]]]:
    """Tables set in columns without ruled lines (see the module docstring), as (box, rows)."""
    words = page.extract_words(keep_blank_chars=True, x_tolerance=3, y_tolerance=2)
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    found: list[tuple[Box, list[list[Cell]]]] = []
    n = 0
    while n < len(lines):
        header = lines[n]
        table = _aligned_from(header, lines[n + 1:]) if len(header) >= 3 and all(
            len(w["text"].strip()) <= 10 for w in header) else None
        if table is None:
            n += 1
            continue
        used, box, rows = table
        found.append((box, rows))
        n += 1 + used
    return found


def _aligned_from(header: list[dict[str, Any]], below: list[list[dict[str, Any]]]
                  ) -> tuple[int, Box, list[list[Cell]]] | None:
    """The table under ``header``: (lines used below it, its box, its rows), or None when the lines below
    are not set in its columns."""
    lefts = sorted(w["x0"] for line in below[:60] for w in line)
    starts: list[float] = []
    for i, word in enumerate(header):  # a column starts where its body text starts (the header may be centred)
        low = header[i - 1]["x1"] if i else -1.0
        near = [x for x in lefts if low < x <= word["x0"] + 2 and sum(abs(y - x) <= 2 for y in lefts) >= 2]
        starts.append(min(near) if near else word["x0"])

    def column(word: dict[str, Any]) -> int | None:
        col = max((j for j, x in enumerate(starts) if x <= word["x0"] + 2), default=None)
        if col is None or (col + 1 < len(starts) and word["x1"] > starts[col + 1] + 2):
            return None  # starts left of the table, or runs into the next column: not a cell
        return col

    body: list[list[dict[str, Any]]] = []
    for line in below:
        if any(column(w) is None for w in line):
            break
        body.append(line)
    if len(body) < 2:
        return None
    gaps = [b[0]["top"] - a[0]["top"] for a, b in itertools.pairwise(body)]
    pitch = min(gaps) if gaps else 0.0
    grouped: list[list[list[dict[str, Any]]]] = []
    for k, line in enumerate(body):
        first = next((w for w in line if column(w) == 0), None)
        new = k == 0 or gaps[k - 1] > pitch * 1.3 + 0.5 or (first is not None and _ITEM.match(first["text"]))
        if new:
            grouped.append([line])
        else:
            grouped[-1].append(line)
    width = len(starts)
    rows = [[Cell(" ".join(w["text"].strip() for w in header if column(w) == j)) for j in range(width)]]
    for group in grouped:
        texts: list[list[str]] = [[] for _ in range(width)]
        for line in group:
            for w in line:
                col = column(w)
                if col is not None:
                    texts[col].append(w["text"].strip())
        rows.append([Cell(join_lines("\n".join(t))) for t in texts])
    x1 = max(w["x1"] for line in [header, *body] for w in line)
    box = (min(starts) - 1, header[0]["top"] - 1, x1 + 1, body[-1][0]["bottom"] + 1)
    return len(body), box, rows


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
