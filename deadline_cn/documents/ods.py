"""The merged ranges and formula cells of an OpenDocument spreadsheet, which python-calamine does not report.

Read from ``content.xml`` with the standard library's streaming parser (the file's size was checked
when it was sniffed): each ``table:table-cell`` with ``number-rows-spanned`` / ``number-columns-spanned``
gives a range, each with a ``table:formula`` a formula cell (its formula, "of:" dropped);
``number-rows-repeated`` / ``number-columns-repeated`` advance the position.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
Span = tuple[int, int, int, int]


def ods_spans(path: Path) -> dict[str, list[Span]]:
    """Sheet name → merged ranges (first row, first col, last row, last col; 0-based, inclusive)."""
    return ods_scan(path)[0]


def ods_scan(path: Path) -> tuple[dict[str, list[Span]], dict[str, dict[tuple[int, int], str]]]:
    """Sheet name → merged ranges, and sheet name → (row, col) → formula of each formula cell."""
    out: dict[str, list[Span]] = {}
    formulas: dict[str, dict[tuple[int, int], str]] = {}
    sheet: list[Span] = []
    cells: dict[tuple[int, int], str] = {}
    row = col = 0
    with zipfile.ZipFile(path) as z, z.open("content.xml") as f:
        for event, el in ET.iterparse(f, events=("start", "end")):
            tag = el.tag
            if event == "start" and tag == _T + "table":
                name = el.get(_T + "name", "")
                sheet, cells, row = out.setdefault(name, []), formulas.setdefault(name, {}), 0
            elif event == "start" and tag == _T + "table-row":
                col = 0
            elif event == "end" and tag == _T + "table-row":
                row += _count(el, "number-rows-repeated")
                el.clear()
            elif event == "start" and tag in (_T + "table-cell", _T + "covered-table-cell"):
                down, across = _count(el, "number-rows-spanned"), _count(el, "number-columns-spanned")
                if down > 1 or across > 1:
                    sheet.append((row, col, row + down - 1, col + across - 1))
                repeat = _count(el, "number-columns-repeated")
                formula = el.get(_T + "formula")
                if formula is not None:
                    text = formula.split(":", 1)[1] if formula[:3] in ("of:", "oo:") else formula
                    cells.update({(row, c): text for c in range(col, col + min(repeat, 1024))})
                col += repeat
    return out, formulas


def _count(el: ET.Element, attr: str) -> int:
    try:
        return max(1, int(el.get(_T + attr, "1")))
    except ValueError:
        return 1
