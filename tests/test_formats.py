"""Every format of issue 13, each built here from the corpus tables (merged cells and all), read back
with ``table.read``: every deadline cell reaches the ledger with the corpus reading.

HTML (rowspan/colspan; UTF-8, GBK and GB18030 pages), PDF (reportlab: wrapped cells, a table over several
pages with its header repeated), .xls (xlwt), .ods (odfpy), .et (an .xls and an .xlsx renamed), .doc and
.wps (a .docx converted by LibreOffice, when ``soffice`` is installed).
"""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from deadline_cn import normalise, table
from deadline_cn.documents.grid import squash
from deadline_cn.documents.ledger import summarise
from deadline_cn.documents.sniff import sniff
from tests.corpus_data import DOCS
from tests.test_table import GOLD, HEADERS, build_docx, build_xlsx, cells_of, grid_of, merge_runs

DOCS_WITH_TABLES = sorted(HEADERS)


def same_ledger(doc: str, rows: list[table.Row], *, exact_text: bool = True) -> None:
    """One row per corpus cell, in order; each with the corpus deadline (whitespace aside when the format
    cannot keep line breaks), the same fill-down, task, and the ledger columns of the gold reading."""
    ref, year = DOCS[doc]
    cells = cells_of(doc)
    assert len(rows) == len(cells)
    task = HEADERS[doc][1 if doc != "003" else 0]
    for row, cell in zip(rows, cells, strict=True):
        where = f"{doc} row {cell['row']}.{cell['item']} {cell['deadline_text']!r}"
        if exact_text:
            assert row.text == cell["deadline_text"], where
        else:
            assert squash(row.text) == squash(cell["deadline_text"]), where
        assert row.filled_down == cell["filled_down"], where
        assert squash(row.cells[task]) == squash(cell["task"] or ""), where
        gold = GOLD[(doc, cell["deadline_text"])]
        expected = normalise(gold["text"], ref=ref, plan_year=year)
        assert row.kind == expected.kind, where
        assert summarise(row.result) == summarise(expected), where


def read(doc: str, path: Path) -> list[table.Row]:
    ref, year = DOCS[doc]
    return table.read(path, ref=ref, plan_year=year)


# -- HTML ------------------------------------------------------------------------------------------------

def build_html(doc: str, path: Path, encoding: str, *, meta: bool = True, prose: list[str] | None = None) -> Path:
    """A 政府网站-style page: a layout table around the plan table, a title row with colspan, merged
    cells as rowspan, line breaks as <br>."""
    texts, merged = grid_of(doc)
    ncols = len(HEADERS[doc])
    spans = {(first, c): last - first + 1 for c in range(ncols) for first, last in merge_runs(merged, c)}
    lines = [f'<tr><td colspan="{ncols}">重点任务分解表</td></tr>',
             "<tr>" + "".join(f"<th>{h}</th>" for h in HEADERS[doc]) + "</tr>"]
    for r, (line, flags) in enumerate(zip(texts, merged, strict=True)):
        tds = []
        for c, (text, cont) in enumerate(zip(line, flags, strict=True)):
            if cont:
                continue
            span = spans.get((r, c), 1)
            attr = f' rowspan="{span}"' if span > 1 else ""
            tds.append(f"<td{attr}>{text.replace(chr(10), '<br/>')}</td>")
        lines.append("<tr>" + "".join(tds) + "</tr>")
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">' if meta else ""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in (prose or ["各区人民政府："]))
    page = (f"<!DOCTYPE html><html><head>{head}<title>政府网站</title></head><body>"
            f"<table><tr><td>{paragraphs}<table border=1>{''.join(lines)}</table></td></tr></table>"
            "</body></html>")
    path.write_bytes(page.encode(encoding, errors="xmlcharrefreplace"))  # as a GBK page writes „
    return path


@pytest.mark.parametrize("doc", DOCS_WITH_TABLES)
@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "gb18030"])
def test_html_with_rowspan_in_each_encoding(doc: str, encoding: str, tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    rows = read(doc, build_html(doc, tmp_path / f"{doc}.html", encoding))
    same_ledger(doc, rows)
    assert {r.fill for r in rows} <= {None, "merged"}


def test_html_without_charset_label_and_as_xls(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    page = build_html("003", tmp_path / "plan.xls", "gb18030", meta=False)  # an "Excel" export
    same_ledger("003", read("003", page))


# -- spreadsheets ----------------------------------------------------------------------------------------

def build_xls(doc: str, path: Path) -> Path:
    xlwt = pytest.importorskip("xlwt")
    texts, merged = grid_of(doc)
    ncols = len(HEADERS[doc])
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("分解表")
    ws.write_merge(0, 0, 0, ncols - 1, "重点任务分解表")
    for c, name in enumerate(HEADERS[doc]):
        ws.write(1, c, name)
    runs = {(first, c): last for c in range(ncols) for first, last in merge_runs(merged, c)}
    for r, (line, flags) in enumerate(zip(texts, merged, strict=True)):
        for c, (text, cont) in enumerate(zip(line, flags, strict=True)):
            if cont:
                continue
            if (r, c) in runs:
                ws.write_merge(r + 2, runs[(r, c)] + 2, c, c, text)
            else:
                ws.write(r + 2, c, text)
    book.save(str(path))
    return path


def build_ods(doc: str, path: Path) -> Path:
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    texts, merged = grid_of(doc)
    runs = {(first, c): last - first + 1 for c in range(len(HEADERS[doc])) for first, last in merge_runs(merged, c)}
    book = OpenDocumentSpreadsheet()
    sheet = Table(name="分解表")

    def add(values: list[tuple[str, int, bool]]) -> None:
        tr = TableRow()
        for text, span, covered in values:
            if covered:
                tr.addElement(CoveredTableCell())
                continue
            cell = TableCell(valuetype="string", **({"numberrowsspanned": span} if span > 1 else {}))
            for part in text.split("\n"):
                cell.addElement(P(text=part))
            tr.addElement(cell)
        sheet.addElement(tr)

    add([(h, 1, False) for h in HEADERS[doc]])
    for r, (line, flags) in enumerate(zip(texts, merged, strict=True)):
        add([(t, runs.get((r, c), 1), cont) for c, (t, cont) in enumerate(zip(line, flags, strict=True))])
    book.spreadsheet.addElement(sheet)
    book.save(str(path))
    return path


@pytest.mark.parametrize("doc", DOCS_WITH_TABLES)
def test_xls_and_et(doc: str, tmp_path: Path) -> None:
    pytest.importorskip("python_calamine")
    xls = build_xls(doc, tmp_path / f"{doc}.xls")
    same_ledger(doc, read(doc, xls))
    et = tmp_path / f"{doc}.et"  # WPS 表格 files are this binary workbook under another name
    shutil.copyfile(xls, et)
    same_ledger(doc, read(doc, et))


def test_xlsx_renamed_et(tmp_path: Path) -> None:
    path = build_xlsx("000", tmp_path / "000.et")
    same_ledger("000", read("000", path))


@pytest.mark.parametrize("doc", DOCS_WITH_TABLES)
def test_ods(doc: str, tmp_path: Path) -> None:
    pytest.importorskip("python_calamine")
    same_ledger(doc, read(doc, build_ods(doc, tmp_path / f"{doc}.ods")))


# -- PDF -------------------------------------------------------------------------------------------------

def build_pdf(doc: str, path: Path, prose: list[str] | None = None) -> int:
    """The table as a ruled PDF table with narrow columns (cells wrap over lines), split over pages with
    its header repeated; returns the page count."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=11, wordWrap="CJK")
    texts, merged = grid_of(doc)
    ncols = len(HEADERS[doc])
    data: list[list[Any]] = [[Paragraph(h, style) for h in HEADERS[doc]]]
    for line, flags in zip(texts, merged, strict=True):
        data.append([Paragraph("" if cont else t.replace("\n", "<br/>"), style)
                     for t, cont in zip(line, flags, strict=True)])
    commands: list[Any] = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for c in range(ncols):
        commands += [("SPAN", (c, first + 1), (c, last + 1)) for first, last in merge_runs(merged, c)]
    grid = Table(data, colWidths=[480 / ncols] * ncols, repeatRows=1, style=TableStyle(commands))
    pages: list[int] = []
    text = [Paragraph(html.escape(p), style) for p in (prose or ["重点任务分解表"])]
    SimpleDocTemplate(str(path), pagesize=A4).build([*text, grid],
                                                    onLaterPages=lambda c, d: pages.append(d.page))
    return 1 + len(pages)


@pytest.mark.parametrize("doc", [DOCS_WITH_TABLES[0], *(pytest.param(d, marks=pytest.mark.slow)
                                                         for d in DOCS_WITH_TABLES[1:])])  # the rest: slow step
def test_pdf_table_over_pages_with_wrapped_cells(doc: str, tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber")
    path = tmp_path / f"{doc}.pdf"
    assert build_pdf(doc, path) >= 2  # the table continues on the next page(s)
    rows = read(doc, path)
    same_ledger(doc, rows, exact_text=False)  # a PDF keeps no line breaks of its own
    assert len({r.source for r in rows}) == 1  # one table, not one per page


# -- .doc / .wps through LibreOffice ---------------------------------------------------------------------

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")


@pytest.mark.slow  # LibreOffice starts in ~10 s: run in the README's second step (python -m pytest -m slow)
@needs_soffice
def test_doc_wps_and_rtf_converted_by_libreoffice(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    src = build_docx("003", tmp_path / "003.docx")
    # through .odt: LibreOffice 7.4 writes python-docx's tables to .doc as plain paragraphs when it goes
    # straight from .docx, but keeps them from its own format
    odt = tmp_path / "odt" / "003.odt"
    for target, source in (("odt", src), ("doc:MS Word 97", odt), ("rtf", odt)):
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", str(tmp_path / target[:3]), str(source)],
                       check=True, capture_output=True, timeout=180)
    doc = tmp_path / "doc" / "003.doc"
    assert doc.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a real Word 97 binary file
    same_ledger("003", read("003", doc))
    wps = tmp_path / "003.wps"
    misnamed = tmp_path / "003-old.docx"  # an old .doc under the new suffix
    for copy in (wps, misnamed):
        shutil.copyfile(doc, copy)
    same_ledger("003", read("003", misnamed))
    assert sniff(wps) == "doc"  # read as the .doc it is (the same path as above; LibreOffice is slow)
    rtf = tmp_path / "003-rtf.doc"  # Word/WPS "documents" that are RTF inside
    shutil.copyfile(tmp_path / "rtf" / "003.rtf", rtf)
    same_ledger("003", read("003", rtf))


def test_pdf_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pdfplumber")
    import io
    import sys

    from deadline_cn.cli import main
    from tests.test_cli import TTY

    path = tmp_path / "000.pdf"
    pages = build_pdf("000", path)
    monkeypatch.setattr(sys, "stderr", TTY())
    assert main(["table", str(path), "--plan-year", "2017", "-o", str(tmp_path / "a.csv")]) == 0
    assert f"{pages}/{pages} pages" in sys.stderr.getvalue()
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert main(["table", str(path), "--plan-year", "2017", "-o", str(tmp_path / "b.csv")]) == 0
    assert "pages" not in sys.stderr.getvalue() and "38 rows" in sys.stderr.getvalue()
