"""HTML pages (a 政府网站 page, or an "Excel" export that is really HTML) → one grid per ``<table>``.

Parsed with lxml. The page's encoding: a BOM, else its ``<meta charset>`` / ``http-equiv`` label (GB2312
and GBK read as GB18030, which they are subsets of), else the rule of :mod:`.text`. ``rowspan`` spreads a
cell down (the cells below are marked merged), ``colspan`` repeats it across. A table nested in a cell is
its own grid; the outer cell keeps only its own text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from deadline_cn.documents.extras import need
from deadline_cn.documents.grid import Cell, DocumentError, Grid, Limits, rectangular
from deadline_cn.documents.text import decode, wider

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\f\v\u3000\xa0]+")
MAX_SPAN = 1000  # a rowspan/colspan larger than any real table: "rowspan=100000000" must not hang
MAX_WIDTH = 1000  # columns per row, however many spanning cells a hostile page stacks


def page_text(raw: bytes, encoding: str | None = None) -> str:
    """The page as text, its encoding chosen as the module docstring says."""
    if encoding is None and not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        label = _META.search(raw[:4096])
        if label:
            try:
                encoding = wider(label.group(1).decode("ascii"))
            except LookupError:
                encoding = None
    return _XML_DECL.sub("", decode(raw, encoding))


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "pre", "blockquote")
# block elements outside any innermost table (a data table); a layout table around the page is not one
_PROSE = ("//*[" + " or ".join(f"self::{t}" for t in _BLOCKS) + "][not(ancestor::table[not(.//table)])]")


def html_read(path: Path, limits: Limits, encoding: str | None = None) -> tuple[list[Grid], list[str]]:
    """One grid per table, and the text blocks outside the data tables (the page's title first)."""
    root = _parse(path, limits, encoding)
    grids = [_grid(t, f"table {n}") for n, t in enumerate(root.iter("table"), 1)]
    for grid, table in zip(grids, root.iter("table"), strict=True):
        grid.layout = bool(table.xpath(".//table"))
    paragraphs = [cell_text(el) for el in root.xpath(_PROSE)
                  if not any(c.tag in _BLOCKS for c in el.iterdescendants())]  # leaf blocks: no text twice
    title = root.findtext(".//title") or ""
    return grids, [p for p in [title.strip(), *paragraphs] if p]


def _parse(path: Path, limits: Limits, encoding: str | None) -> Any:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise DocumentError(f"{path.name}: {size:,} bytes, over the limit of {limits.max_bytes:,}")
    lxml_html = need("lxml.html", "reading HTML tables")
    text = page_text(path.read_bytes(), encoding)
    if not text.strip():
        raise DocumentError(f"{path.name}: an empty page")
    try:
        root = lxml_html.document_fromstring(text)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        raise DocumentError(f"{path.name}: damaged HTML ({exc})") from None
    return root


def _grid(table: Any, name: str) -> Grid:
    pending: dict[int, tuple[int, str]] = {}  # column → (rows still covered, text) from a rowspan above
    rows: list[list[Cell]] = []
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row: list[Cell] = []
        for td in tr.xpath("./td|./th"):
            _take_pending(row, pending)
            text = cell_text(td)
            down, across = _span(td, "rowspan"), _span(td, "colspan")
            for _ in range(min(across, MAX_WIDTH - len(row))):
                if down > 1:
                    pending[len(row)] = (down - 1, text)
                row.append(Cell(text))
        _take_pending(row, pending, to_end=True)
        rows.append(row)
    return rectangular(Grid(name, rows))


def _take_pending(row: list[Cell], pending: dict[int, tuple[int, str]], *, to_end: bool = False) -> None:
    """Fill the columns a rowspan from above covers, at the row's current end (or all that remain)."""
    while len(row) in pending or (to_end and pending and max(pending) >= len(row)):
        col = len(row)
        if col not in pending:
            row.append(Cell(""))
            continue
        left, text = pending.pop(col)
        if left > 1:
            pending[col] = (left - 1, text)
        row.append(Cell(text, merged=True))


def _span(td: Any, attr: str) -> int:
    try:
        return min(max(int(str(td.get(attr, "1")).strip() or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def cell_text(td: Any) -> str:
    """The cell's own text (not a nested table's), ``<br>`` and ``<p>`` as line breaks."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        if el.tag == "table":
            return
        if el.tag in ("br", "p", "div") and parts:
            parts.append("\n")
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(td)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
