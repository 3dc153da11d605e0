"""A file → its grids of cells, the reader chosen by what the file is (:mod:`.sniff`), not its name.

=========================  ===================================  ============================
what the bytes say          formats                              read with
=========================  ===================================  ============================
zip with word/document.xml  .docx                                python-docx
zip with xl/workbook.xml    .xlsx, .xlsm (and one renamed .et)    openpyxl
OpenDocument spreadsheet    .ods                                 python-calamine
OLE2 workbook               .xls, .et                            python-calamine
OLE2 document, .odt, RTF    .doc, .wps, .odt, .rtf               LibreOffice → .docx
%PDF                        .pdf                                 pdfplumber
HTML markup                 .html, and "Excel" exports as HTML   lxml
text                        .csv, .tsv, .txt                     the csv module
=========================  ===================================  ============================
"""

from __future__ import annotations

from pathlib import Path

from deadline_cn.documents import convert, html, office, pdf, text
from deadline_cn.documents.grid import DEFAULT_LIMITS, Document, DocumentError, Grid, Limits, check_rows
from deadline_cn.documents.pdf import Tick
from deadline_cn.documents.sniff import sniff


def read_grids(path: Path, sheet: str | None = None, limits: Limits = DEFAULT_LIMITS,
               encoding: str | None = None) -> list[Grid]:
    """Every table of the document in ``path`` as a grid (every sheet of a workbook, or just ``sheet``).

    ``encoding`` forces the encoding of a text or HTML file. Raises DocumentError (unknown, damaged,
    encrypted, over a limit), FileNotFoundError, and MissingExtra when a reader's package is missing.
    """
    return read_document(path, sheet, limits, encoding).grids


def read_document(path: Path, sheet: str | None = None, limits: Limits = DEFAULT_LIMITS,
                  encoding: str | None = None, tick: Tick | None = None) -> Document:
    """The tables (as grids) and the running text (as paragraphs) of the document in ``path``.

    Paragraphs come from .docx/.doc/.wps (body paragraphs), HTML (text blocks outside the data tables),
    PDF (text outside the tables) and .txt files; workbooks and CSV have none. ``tick(done, total)`` is
    called as the pages of a PDF are read (the slow format), for a progress bar.
    """
    if not path.is_file():
        if path.exists():
            raise DocumentError(f"{path}: not a file")
        raise FileNotFoundError(f"{path}: no such file")
    kind = sniff(path, limits)
    if sheet is not None and kind not in ("xlsx", "xls", "ods"):
        raise DocumentError(f"{path.name}: --sheet names a sheet, but this is not a workbook ({kind})")
    doc = _read(path, kind, sheet, limits, encoding, tick)
    check_rows(doc.grids, path.name, limits)
    return doc


def _read(path: Path, kind: str, sheet: str | None, limits: Limits, encoding: str | None,
          tick: Tick | None) -> Document:
    name = path.name
    if kind == "docx":
        return Document(name, kind, *office.docx_read(path))
    if kind == "xlsx":
        return Document(name, kind, office.xlsx_grids(path, sheet, limits.max_rows))
    if kind in ("xls", "ods"):
        return Document(name, kind, office.calamine_grids(path, sheet, "." + kind, limits.max_rows))
    if kind in ("doc", "odt", "rtf"):
        what = {"odt": ".odt", "rtf": ".rtf"}.get(kind, ".doc/.wps")
        return Document(name, kind, *convert.with_docx(path, what, lambda out: office.docx_read(out, name)))
    if kind == "pdf":
        return Document(name, kind, *pdf.pdf_read(path, limits, tick))
    if kind == "html":
        return Document(name, kind, *html.html_read(path, limits, encoding))
    tab = "\t" if path.suffix.lower() == ".tsv" else None
    grid = text.csv_grid(path, tab, limits, encoding)
    prose = text.lines(path, encoding) if path.suffix.lower() == ".txt" else []
    return Document(name, kind, [grid], prose)


__all__ = ["Document", "DocumentError", "Limits", "read_document", "read_grids"]
