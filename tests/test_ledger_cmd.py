"""``deadline-cn ledger``: a whole plan in (its date and plan year found in the text), one ledger out; and
calendar entries whose UIDs survive a revised table."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from deadline_cn import table
from deadline_cn._cli import ledger_cmd
from deadline_cn.cli import main
from deadline_cn.documents.grid import Document
from deadline_cn.documents.plan import find_info, ledger
from deadline_cn.documents.read import read_document
from tests.corpus_data import DOCS, DOCUMENTS, source
from tests.test_documents_seeds import gold_of, reached
from tests.test_formats import DOCS_WITH_TABLES, build_html, build_pdf, same_ledger
from tests.test_table import HEADERS

Capture = pytest.CaptureFixture[str]


def paragraphs(doc: str) -> list[str]:
    stem = next(s for s in DOCUMENTS if s[:3] == doc)
    return [line.strip() for line in source(stem).splitlines() if line.strip()]


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_date_and_plan_year_of_each_seed_source(doc: str) -> None:
    ref, year = DOCS[doc]
    info = find_info(paragraphs(doc))
    assert (info.ref.value if info.ref else None) == (date.fromisoformat(ref) if ref else None)
    assert info.plan_year is not None and info.plan_year.value == year


def test_dates_in_words_labels_and_imprints() -> None:
    info = find_info(["XX市人民政府办公室文件", "湘府办〔2024〕3号", "关于印发XX市2024年政务公开工作要点的通知",
                      "各区：现印发给你们。", "XX市人民政府办公室", "二〇二四年三月十二日", "（此件公开发布）"])
    assert info.ref is not None and info.ref.value == date(2024, 3, 12) and info.ref.where.startswith("成文日期")
    assert info.plan_year is not None and info.plan_year.value == 2024 and info.plan_year.where.startswith("title")
    assert info.identity == "湘府办〔2024〕3号"
    labelled = find_info(["某某工作方案", "成文日期：2023年12月1日", "2023年11月30日"])
    assert labelled.ref is not None and labelled.ref.value == date(2023, 12, 1)
    imprint = find_info(["某某工作方案", "正文。", "XX办公室      2022年5月6日印发"])
    assert imprint.ref is not None and imprint.ref.value == date(2022, 5, 6) and "印发日期" in imprint.ref.where
    assert imprint.plan_year is not None and imprint.plan_year.value == 2022  # no year in the title
    assert find_info(["2019年2月30日", "无日期的方案"]).ref is None  # an impossible date is no date


def test_pdf_line_joining() -> None:
    from deadline_cn.documents.pdf import join_lines, paragraphs

    assert join_lines("2017年6月底\n前完成") == "2017年6月底前完成"
    assert join_lines("phase\n2") == "phase 2"
    long = "为贯彻落实国务院办公厅关于全面推进政务公开工作的意见精神，现就进一步做好"
    assert paragraphs([long, "我市政务公开工作提出如下意见。", "2017年1月9日"]) == [
        long + "我市政务公开工作提出如下意见。", "2017年1月9日"]


def prose_of(doc: str) -> list[str]:
    """The seed's text before its table (the notice, its signature date), and its imprint line."""
    lines = paragraphs(doc)
    deadline = HEADERS[doc][-1]
    end = next((i for i, line in enumerate(lines) if deadline in line), len(lines))
    tail = [line for line in lines[-3:] if "印发" in line]
    return [line.replace("\t", " ") for line in lines[:min(end, 150)]] + tail


def run_ledger(capsys: Capture, path: Path, *extra: str) -> tuple[list[dict[str, Any]], str]:
    records, err, _ = run_and_read(capsys, path, *extra)
    return records, err


def run_and_read(capsys: Capture, path: Path, *extra: str) -> tuple[list[dict[str, Any]], str, Document]:
    """The command's JSONL ledger and stderr, and the document as the command read it (a PDF is read once)."""
    seen: list[Document] = []

    def reading(*args: Any, **kwargs: Any) -> Document:
        seen.append(read_document(*args, **kwargs))
        return seen[-1]

    out = path.with_suffix(".jsonl")
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ledger_cmd, "read_document", reading)
        assert main(["ledger", str(path), "-o", str(out), "--force", *extra]) == 0
    err = capsys.readouterr().err
    assert len(seen) == 1
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], err, seen[0]


# Every seed as HTML; as PDF the first in the quick suite, the others (about half a second each) in the slow step.
SEED_FORMATS = [*((doc, "html") for doc in DOCS_WITH_TABLES), (DOCS_WITH_TABLES[0], "pdf"),
                *(pytest.param(doc, "pdf", marks=pytest.mark.slow) for doc in DOCS_WITH_TABLES[1:])]


@pytest.mark.parametrize(("doc", "fmt"), SEED_FORMATS)
def test_ledger_of_each_seed_rebuilt(doc: str, fmt: str, tmp_path: Path, capsys: Capture) -> None:
    pytest.importorskip("lxml" if fmt == "html" else "pdfplumber")
    ref, year = DOCS[doc]
    path = tmp_path / f"{doc}.{fmt}"
    if fmt == "html":
        build_html(doc, path, "utf-8", prose=prose_of(doc))
    else:
        build_pdf(doc, path, prose=prose_of(doc))
    records, err, doc_read = run_and_read(capsys, path)
    assert f"date {ref} from " in err if ref else "date not found (give --ref)" in err
    assert f"plan year {year} from " in err
    book = ledger(doc_read)
    assert (book.ref, book.plan_year) == (date.fromisoformat(ref) if ref else None, year)
    same_ledger(doc, book.table_rows, exact_text=fmt == "html")
    assert book.cell_rows == []  # every table has its deadline column: no part of one read as other text
    tables = [r for r in records if r["source"].startswith("table")]
    assert [r["result"] for r in tables] == [row.result.to_dict() for row in book.table_rows + book.cell_rows]
    prose = [r for r in records if r["source"].startswith("paragraph")]
    assert len(prose) == len(book.prose_rows)
    assert all(r["段落"][r["result"]["span"][0]:r["result"]["span"][1]] for r in prose)
    if doc in ("000", "002"):  # the deadlines of the notice (001 has none; 003's are in its cells)
        assert reached(gold_of(doc), book.prose_rows) == []


def test_flags_override_what_the_document_says(tmp_path: Path, capsys: Capture) -> None:
    pytest.importorskip("lxml")
    path = build_html("000", tmp_path / "000.html", "utf-8", prose=prose_of("000"))
    records, err = run_ledger(capsys, path, "--ref", "2017-03-01", "--plan-year", "2018")
    assert "date 2017-03-01 from --ref (the document says 2017-01-09, 成文日期" in err
    assert "plan year 2018 from --plan-year" in err
    found = ledger(read_document(path))
    again = ledger(read_document(path), ref=date(2017, 3, 1), plan_year=2018)
    assert (found.ref, found.plan_year, again.ref, again.plan_year) == (date(2017, 1, 9), 2017, date(2017, 3, 1), 2018)
    assert [r["result"] for r in records if r["source"].startswith("table")] == [
        r.result.to_dict() for r in again.table_rows]


# -- calendar --------------------------------------------------------------------------------------------

icalendar = pytest.importorskip("icalendar")
openpyxl = pytest.importorskip("openpyxl")
PLAN = [("建立清单", "市府办", "2017年6月底前完成"), ("每月通报", "市府办", "每月10日前"),
        ("落实部署", "各县区", "按省部署实施"), ("持续推进", "市府办", "长期坚持"),
        ("建立清单", "市财政局", "2017年9月底前")]


def plan_book(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "工作任务", "责任单位", "完成时限"])
    for i, row in enumerate(rows, 1):
        ws.append([i, *row])
    book.save(path)
    return path


def components(data: bytes) -> dict[str, Any]:
    """UID → VEVENT / VTODO, all UIDs distinct."""
    cal = icalendar.Calendar.from_ical(data)
    items = [c for c in cal.walk() if c.name in ("VEVENT", "VTODO")]
    uids = [str(c["UID"]) for c in items]
    assert len(set(uids)) == len(uids)
    return dict(zip(uids, items, strict=True))


def ics_of(path: Path, tmp_path: Path, *extra: str) -> dict[str, Any]:
    out = tmp_path / f"{path.stem}.ics"
    assert main(["table", str(path), "--ref", "2017-01-09", "-q", "-o", str(tmp_path / f"{path.stem}.csv"),
                 "--ics", str(out), "--force", *extra]) == 0
    return components(out.read_bytes())


def test_uids_survive_an_inserted_row_and_a_renamed_file(tmp_path: Path) -> None:
    first = ics_of(plan_book(tmp_path / "分解表.xlsx", PLAN), tmp_path)
    revised = [("新增任务", "市府办", "2017年3月底前"), *PLAN]
    revised[1] = ("建立清单", "市府办", "2017年7月底前完成")  # the same task, its deadline moved
    second = ics_of(plan_book(tmp_path / "分解表(修订稿).xlsx", revised), tmp_path)
    assert len(first) == 5 and len(second) == 6
    assert set(first) < set(second)  # all 5 kept their UID; one is new
    moved = next(u for u, c in first.items() if str(c["SUMMARY"]) == "建立清单"
                 and "市府办" in str(c["DESCRIPTION"]))
    assert second[moved]["DTSTART"].dt == date(2017, 7, 31)  # the entry is updated, not duplicated


def test_events_by_default_todos_on_request(tmp_path: Path) -> None:
    path = plan_book(tmp_path / "p.xlsx", PLAN)
    events = ics_of(path, tmp_path)
    by = {str(c["SUMMARY"]): c for c in events.values()}
    deadline = next(c for c in events.values() if str(c["SUMMARY"]) == "建立清单" and c.name == "VEVENT"
                    and c["DTSTART"].dt == date(2017, 6, 30))
    assert deadline["DTEND"].dt == date(2017, 7, 1)  # all-day: DTEND is the next day
    monthly = by["每月通报"]
    assert monthly.name == "VEVENT" and "BYMONTHDAY=10" in monthly["RRULE"].to_ical().decode()
    assert monthly["DTSTART"].dt == date(2017, 1, 10)
    assert by["落实部署"].name == "VTODO" and "DTSTART" not in by["落实部署"]  # listed, not dropped
    assert by["持续推进"].name in ("VEVENT", "VTODO")
    todos = ics_of(path, tmp_path, "--todo")
    assert {c.name for c in todos.values()} == {"VTODO"} and set(todos) == set(events)


def test_ledger_ics_uids_use_the_plan_number(tmp_path: Path, capsys: Capture) -> None:
    pytest.importorskip("lxml")
    path = build_html("000", tmp_path / "a.html", "utf-8", prose=prose_of("000"))
    assert main(["ledger", str(path), "-q", "-o", str(tmp_path / "a.csv"), "--ics", str(tmp_path / "a.ics")]) == 0
    renamed = tmp_path / "b.html"
    shutil.copyfile(path, renamed)
    assert main(["ledger", str(renamed), "-q", "-o", str(tmp_path / "b.csv"), "--ics", str(tmp_path / "b.ics")]) == 0
    a, b = components((tmp_path / "a.ics").read_bytes()), components((tmp_path / "b.ics").read_bytes())
    assert set(a) == set(b) and len(a) >= len(table.read(path))
