"""Issue 13: ``deadline-cn ledger`` on each of the five seed documents rebuilt as a 政府网站 HTML page and as a
PDF finds the plan's date and plan year and gives the corpus readings.

000–003 are rebuilt from corpus/cells.jsonl (tests/test_formats.py: merged cells as rowspan / SPAN) with
the notice before the table as the page shows it (its title and signature date), and read in
tests/test_ledger_cmd.py: every table cell, and every prose deadline of the gold (corpus/prose_gold.jsonl)
that lies in that notice (000, 002; :func:`reached` here), reaches the ledger with its gold reading.

004 has no deadline column: its 分工方案 tables (工作任务 / 具体要求 / 责任单位, a task cell merged over its
requirements) hold the deadlines inside the 具体要求 cells ("必须在今年内全面公开…", "完成审批程序后 1 个工作日内").
It is rebuilt from the seed's own text — headings, the notice and its date, the four tables, the appendix
lists — and every gold deadline of the document, in the notice or in a cell, must reach a ledger row.
"""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest

from deadline_cn.cli import main
from deadline_cn.documents.grid import squash
from deadline_cn.documents.plan import Ledger, ledger
from deadline_cn.documents.rows import Row
from tests.corpus_data import DOCS, PROSE_GOLD, source
from tests.goldcheck import mismatches

Capture = pytest.CaptureFixture[str]
SEED_004 = "004_a38a3ecdda12af4a"
_TAG = re.compile(r"</?p>")
Block = tuple[str, Any]  # ("h", text) | ("p", text) | ("table", rows of cells)


def seed_004() -> list[Block]:
    """The 004 seed as the page shows it: headings, paragraphs, and its tables with "" where a cell is
    covered by the merged cell above (the seed's blank cells)."""
    blocks: list[Block] = []
    table: list[list[str]] | None = None
    for raw in source(SEED_004).splitlines():
        line = raw.strip()
        if not line or set(line) <= set("-\t "):  # markdown rules and page-break marks
            continue
        if line.startswith("工作任务\t"):
            table = [[c.strip() for c in line.split("\t")]]
            blocks.append(("table", table))
        elif table is not None and ("\t" in raw or line.startswith("<p>")):
            cells = [re.sub(r"\s*\n\s*", "\n", _TAG.sub("\n", c)).strip() for c in raw.split("\t")]
            table.append([*cells, "", "", ""][:3])
        else:
            table = None
            blocks.append(("h" if line.startswith("#") else "p", line.lstrip("# ").strip()))
    return blocks


def spans(rows: list[list[str]]) -> dict[tuple[int, int], int]:
    """(row, column) → rows the cell covers: a blank cell below a task or unit continues it."""
    out: dict[tuple[int, int], int] = {}
    for c in range(len(rows[0])):
        top = None
        for r in range(1, len(rows)):
            if rows[r][c] or top is None:
                top = r
                out[(r, c)] = 1
            else:
                out[(top, c)] += 1
    return out


def build_html_004(path: Path) -> Path:
    parts = []
    for kind, value in seed_004():
        if kind != "table":
            tag = "h2" if kind == "h" else "p"
            parts.append(f"<{tag}>{html.escape(value)}</{tag}>")
            continue
        span = spans(value)
        trs = ["<tr>" + "".join(f"<th>{h}</th>" for h in value[0]) + "</tr>"]
        for r, row in enumerate(value[1:], 1):
            tds = [(f'<td rowspan="{span[(r, c)]}">' if span[(r, c)] > 1 else "<td>")
                   + "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n")) + "</td>"
                   for c, text in enumerate(row) if (r, c) in span]
            trs.append("<tr>" + "".join(tds) + "</tr>")
        parts.append(f"<table border=1>{''.join(trs)}</table>")
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>揭阳市人民政府门户网站</title></head>'
            f"<body><div class=article>{''.join(parts)}</div></body></html>")
    path.write_text(page, encoding="utf-8")
    return path


def build_pdf_004(path: Path) -> int:
    """The same as a ruled PDF (reportlab), tables over pages with their header repeated; the page count."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=11, wordWrap="CJK")
    head = ParagraphStyle("head", parent=style, fontSize=12, leading=16)
    story: list[Any] = []
    for kind, value in seed_004():
        if kind != "table":
            story.append(Paragraph(html.escape(value), head if kind == "h" else style))
            continue
        span = spans(value)
        data = [[Paragraph(html.escape(t).replace("\n", "<br/>"), style) for t in row] for row in value]
        commands: list[Any] = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        commands += [("SPAN", (c, r), (c, r + n - 1)) for (r, c), n in span.items() if n > 1]
        story.append(Table(data, colWidths=[110, 260, 110], repeatRows=1, style=TableStyle(commands)))
    pages: list[int] = []
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onLaterPages=lambda c, d: pages.append(d.page))
    return 1 + len(pages)


def run(capsys: Capture, path: Path) -> tuple[list[dict[str, Any]], str, Ledger]:
    from tests.test_ledger_cmd import run_and_read

    records, err, doc = run_and_read(capsys, path)
    return records, err, ledger(doc)


def reached(gold: list[dict[str, Any]], rows: list[Row]) -> list[str]:
    """The gold deadlines with no ledger row of the same text (whitespace aside) and the gold reading."""
    missing = []
    for g in gold:
        same = [r for r in rows if squash(r.text) == squash(g["text"])]
        if not any(not mismatches(r.result.to_dict(), g["expect"]) for r in same):
            missing.append(f"{g['text']!r} at {g['start']}: {[r.describe() for r in same]}")
    wanted = {squash(g["text"]) for g in gold}
    for text in wanted:  # as many rows as gold entries: "每年" twice in the text is two rows
        count = sum(squash(g["text"]) == text for g in gold)
        if sum(squash(r.text) == text for r in rows) < count:
            missing.append(f"{text!r}: fewer ledger rows than the {count} in the gold")
    return missing


def gold_of(doc: str) -> list[dict[str, Any]]:
    return [g for g in PROSE_GOLD if g["document"][:3] == doc]


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_seed_004_deadlines_inside_cells(fmt: str, tmp_path: Path, capsys: Capture) -> None:
    pytest.importorskip("lxml" if fmt == "html" else "pdfplumber")
    path = tmp_path / f"004.{fmt}"
    if fmt == "html":
        build_html_004(path)
    else:
        assert build_pdf_004(path) >= 3
    records, err, book = run(capsys, path)
    ref, year = DOCS["004"]
    assert f"date {ref} from 成文日期" in err and f"plan year {year} from title" in err
    assert "(no table has a deadline column)" in err and "deadlines in table cells" in err
    assert (str(book.ref), book.plan_year, book.info.identity) == (ref, year, "揭府办函〔2018〕40号")
    assert book.table_rows == []
    assert reached(gold_of("004"), book.rows) == []
    in_cells = {squash(r.text): r for r in book.cell_rows}
    this_year = in_cells["今年内"]  # a row of its table: the task (merged over its requirements) and unit
    assert this_year.source.startswith("table ") and this_year.source_row >= 2
    assert squash(this_year.cells["工作任务"]) == "(二)围绕重大领域加开力度"
    assert squash(this_year.cells["责任单位"]).startswith("市财政局牵头")
    assert this_year.result.to_dict()["due"] == "2018-12-31"
    after = in_cells["后1个工作日内"]
    assert after.kind == "relative" and squash(after.cells["牵头落实单位"]).startswith("市编办")
    assert {r.source for r in book.prose_rows} <= {f"paragraph {n}" for n in range(1, 200)}
    # the JSONL ledger holds the same rows, cell finds between the table rows and the prose
    assert [r["result"] for r in records] == [r.result.to_dict() for r in book.rows]
    assert [r["source"].split()[0] for r in records] == ["table"] * len(book.cell_rows) + ["paragraph"] * len(
        book.prose_rows)
    if fmt == "html" and importlib.util.find_spec("icalendar"):  # one calendar entry a find, each its own UID
        from tests.test_ledger_cmd import components

        ics = tmp_path / "004.ics"
        assert main(["ledger", str(path), "-q", "-o", str(tmp_path / "004.csv"), "--ics", str(ics)]) == 0
        assert len(components(ics.read_bytes())) == len(book.rows)
