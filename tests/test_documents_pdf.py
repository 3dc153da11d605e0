"""PDF tables as offices print them (issue 13): tables without ruled lines (text set in columns) and rows
split over a page break (a cell continued at the top of the next page), each reaching the ledger as one
row. The PDFs are drawn here line by line (tests/pdf_draw.py) from the corpus tables of 000 and 002."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from deadline_cn import normalise, table
from deadline_cn.cli import main
from deadline_cn.documents.grid import Cell, squash
from deadline_cn.documents.ledger import summarise
from deadline_cn.documents.pdf import _continue
from deadline_cn.documents.plan import ledger
from deadline_cn.documents.read import read_document
from tests.corpus_data import DOCS
from tests.pdf_draw import draw_table
from tests.test_formats import same_ledger
from tests.test_table import HEADERS, cells_of, grid_of

pytest.importorskip("pdfplumber")
WIDTHS = [40.0, 220.0, 120.0, 115.0]
# the row of each table whose deadline cell is longest: the page breaks inside it
LONGEST = {doc: max(range(len(cells_of(doc))), key=lambda i: len(cells_of(doc)[i]["deadline_text"]))
           for doc in ("000", "002")}


def drawn(doc: str, path: Path, *, ruled: bool, split: bool = True, **how: Any) -> list[table.Row]:
    texts, _ = grid_of(doc)
    result = draw_table(path, list(HEADERS[doc]), texts, WIDTHS, ruled=ruled,
                        prose=("重点任务分解表",), split_at=(LONGEST[doc], 2) if split else None, **how)
    assert result.pages >= 2
    assert LONGEST[doc] in result.split_rows or not split  # (other rows split where a page ends)
    ref, year = DOCS[doc]
    return table.read(path, ref=ref, plan_year=year)


# 002 (the same layout, other words) in the slow step: the quick suite keeps to its time
BOTH = ["000", pytest.param("002", marks=pytest.mark.slow)]


@pytest.mark.parametrize("doc", BOTH)
@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "no-lines"])
def test_row_split_over_a_page_break_is_one_row(doc: str, ruled: bool, tmp_path: Path) -> None:
    """With a running header and page numbers in the margins, as 政府 PDFs print them."""
    rows = drawn(doc, tmp_path / f"{doc}.pdf", ruled=ruled, running="湛江市人民政府办公室")
    same_ledger(doc, rows, exact_text=False)  # one row per corpus cell, the split one whole
    split = rows[LONGEST[doc]]
    cell = cells_of(doc)[LONGEST[doc]]
    assert split.text.replace(" ", "") == cell["deadline_text"].replace(" ", "")
    assert len({r.source for r in rows}) == 1  # one table over the pages


@pytest.mark.parametrize("doc", BOTH)
@pytest.mark.parametrize("how", [{}, pytest.param({"repeat_header": False}, marks=pytest.mark.slow), {"row_pad": 0.0},
                                 pytest.param({"centre_header": True}, marks=pytest.mark.slow),
                                 pytest.param({"middle": True}, marks=pytest.mark.slow)],
                         ids=["spaced-rows", "header-once", "rows-close-as-lines", "centred-header", "middle"])
def test_table_without_ruled_lines(doc: str, how: dict[str, Any], tmp_path: Path) -> None:
    """Rows told apart by the space between them, or (set as close as the lines of a cell) by 序号; the
    columns carried to the next page when the header is not repeated there."""
    rows = drawn(doc, tmp_path / f"{doc}.pdf", ruled=False, split=False, **how)
    same_ledger(doc, rows, exact_text=False)
    assert [r.cells["序号"] for r in rows] == [c["row"] for c in cells_of(doc)]


def test_unnumbered_one_line_rows_without_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    rows = [[f"任务{n}", "市府办", f"2017年{n}月底前完成"] for n in range(1, 13)]
    draw_table(path, ["工作任务", "责任单位", "完成时限"], rows, [200.0, 120.0, 120.0], ruled=False, row_pad=0.0)
    read = table.read(path, ref="2017-01-09")
    assert [(r.cells["工作任务"], str(r.due)) for r in read] == [
        (f"任务{n}", f"2017-{n:02d}-{[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][n - 1]}") for n in range(1, 13)]


def test_text_around_a_table_without_lines_stays_prose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.pdf"
    texts, _ = grid_of("002")
    prose = ("廉江市全面推进政务公开工作实施方案", "2017年5月4日",
             "各镇政府要在2017年6月底前完成目录编制工作，并于每季度结束后10日内报送进展情况，确保各项任务落到实处。")
    draw_table(path, list(HEADERS["002"]), texts[:6], WIDTHS, ruled=False, prose=prose)
    book = ledger(read_document(path))
    assert len(book.table_rows) == 6 and book.ref is not None and str(book.ref) == "2017-05-04"
    assert [r.text for r in book.prose_rows] == ["2017年6月底前", "每季度结束后10日内"]
    assert main(["ledger", str(path), "-q", "-o", str(tmp_path / "l.csv")]) == 0


def test_a_new_item_at_the_top_of_a_page_is_not_joined() -> None:
    def row(*texts: str) -> list[Cell]:
        return [Cell(t) for t in texts]

    header = row("工作任务", "具体要求", "完成时限")
    above = [header, row("（一）推进公开", "1.建立制度，", "2017年6月底前完成")]
    cases = [  # (first row on the new page, joined?)
        (row("", "并公开目录。", ""), True),  # the rest of the cut cell
        (row("", "2.公开清单。", "2017年底前"), False),  # the next item of a task merged over the page break
        (row("（二）深化公开", "完善机制。", ""), False),  # a new task
        (row("", "", ""), False),
    ]
    for first, joined in cases:
        rows = [list(r) for r in above]
        _continue(rows, [header, first])
        assert (len(rows) == 3) is joined, first
        if joined:
            assert rows[1][1].text == "1.建立制度，并公开目录。" and rows[1][2].text == "2017年6月底前完成"
    ended = [header, row("（一）推进公开", "1.建立制度。", "2017年6月底前完成")]  # the cell above ended
    _continue(ended, [header, row("", "公开目录。", "")])
    assert len(ended) == 4


def test_a_page_of_prose_and_lists_has_no_table(tmp_path: Path) -> None:
    """Short lines under a line of three short words set apart (a list of units under a heading) are not
    a table: no line below has text in two columns."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "notice.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 9)
    for x, word in ((60, "附件1"), (200, "市有关单位"), (400, "（共3个）")):
        c.drawString(x, 760, word)
    for n, line in enumerate(("市发展改革局", "市经济信息化局", "市教育局",
                              "各单位要于2018年底前书面报市政府办公室，并在发文之日起1个月内公开。")):
        c.drawString(60, 740 - 14 * n, line)
    c.showPage()
    c.save()
    doc = read_document(path)
    assert doc.grids == [] and "市教育局" in doc.paragraphs
    assert [r.text for r in ledger(doc).prose_rows] == ["2018年底前", "发文之日起1个月内"]


@pytest.mark.parametrize("doc", ["003", pytest.param("001", marks=pytest.mark.slow)])
@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "no-lines"])
def test_merged_cells_printed_as_blanks(doc: str, ruled: bool, tmp_path: Path) -> None:
    """001 and 003 with each merged cell printed once and blank below (what a table without lines shows):
    every deadline cell reaches its row, the blank ones filled from above and marked."""
    texts, merged = grid_of(doc)
    shown = [["" if m else t for t, m in zip(row, flags, strict=True)]
             for row, flags in zip(texts, merged, strict=True)]
    widths = [40.0, 150.0, 150.0, 80.0, 75.0] if doc == "001" else [120.0, 200.0, 100.0, 75.0]
    assert draw_table(tmp_path / "p.pdf", list(HEADERS[doc]), shown, widths, ruled=ruled).pages >= 2
    ref, year = DOCS[doc]
    rows = table.read(tmp_path / "p.pdf", ref=ref, plan_year=year)
    cells = cells_of(doc)
    assert [squash(r.text) for r in rows] == [squash(c["deadline_text"]) for c in cells]
    assert [r.filled_down for r in rows] == [c["filled_down"] for c in cells]
    assert [summarise(r.result) for r in rows] == [
        summarise(normalise(c["deadline_text"], ref=ref, plan_year=year)) for c in cells]
