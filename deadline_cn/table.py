"""A work-plan document → ledger rows (台账) with real dates.

>>> from deadline_cn import table
>>> rows = table.read("分工方案.docx", ref="2021-07-01")          # doctest: +SKIP
>>> rows[0].cells["工作任务"], rows[0].kind, rows[0].due           # doctest: +SKIP
('做好各类规划主动公开', 'compound', datetime.date(2021, 9, 30))

Formats, chosen by the file's content, not its suffix (see :mod:`deadline_cn.documents.read`): .docx,
.xlsx, .xls, .et, .ods, .csv/.tsv (UTF-8, GBK/GB18030, UTF-16), HTML pages and HTML saved as .xls, PDF,
and .doc/.wps through LibreOffice when ``soffice`` is installed.

How a table is read:

- The header row is the first row (of the first 30) with a deadline column: 完成时限, 完成时间, 时间要求,
  时限, 完成期限 (then 时间节点, 截止时间, 时间安排, 进度安排), whitespace ignored; ``column=`` names
  another. Every table with such a header is read, every sheet of a workbook (or ``sheet=``).
- One :class:`Row` per table row below the header, in order. Left out: empty rows, repeats of the header
  row (a header repeated on each page) and section headings (one text alone in the row: "一、推进决策公开").
- A deadline cell that continues a vertical merge, a blank cell, and "同上" each take the text above and
  are marked filled down (``fill`` = "merged", "blank", "ditto"). Other columns follow merges only.
- A formula cell whose file holds no computed value (a file written by a script) is never read as blank
  nor filled down, in .xlsx, .xls/.et and .ods alike: the row is kept and flagged
  ``formula-without-value:<column>``, the cell shows its formula; in the deadline column its reading is
  unresolved.
- PDF: ruled tables and tables set in columns without lines; a table continued over pages is one table
  and a row split by a page break one row (rules in :mod:`deadline_cn.documents.pdf`).
- A compound cell stays one row: see :mod:`deadline_cn.documents.ledger` for its ``due`` (the latest
  part's), and ``parts`` for each part's own reading.

Errors: every file that cannot be read — unknown, damaged, encrypted, over a limit (``limits=``:
decompressed bytes and rows), or without a deadline column — raises :class:`DocumentError`
(a ValueError; ``TableError`` is the same class), with a one-line message naming the file. Also
FileNotFoundError, and MissingExtra (an ImportError naming the pip command) without a reader's package:
``pip install 'deadline-cn[tables]'`` (.docx/.xlsx), ``'deadline-cn[documents]'`` (the rest).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from deadline_cn._read.normalise import DateLike, as_date
from deadline_cn.documents import ledger as _ledger
from deadline_cn.documents.grid import DocumentError, Limits
from deadline_cn.documents.rows import DEADLINE_HEADERS, FILLS, FORMULA_FLAG, Row, read

__all__ = ["DEADLINE_HEADERS", "FILLS", "FORMULA_FLAG", "DocumentError", "Limits", "Row", "TableError",
           "due_before", "read", "records"]

TableError = DocumentError  # the name before the document layer; kept for callers that catch it


def records(rows: Iterable[Row], as_of: DateLike = None, lang: str = "en") -> list[dict[str, Any]]:
    """``row.to_dict(as_of, lang)`` for every row."""
    return [row.to_dict(as_of, lang) for row in rows]


def due_before(rows: Iterable[Row], day: DateLike) -> list[Row]:
    """The rows with something due on or before ``day`` (any part of a compound counts)."""
    limit = as_date(day)
    if limit is None:
        raise ValueError("due_before() needs a date")
    return [row for row in rows if any(d <= limit for d in _ledger.dues(row.result))]
