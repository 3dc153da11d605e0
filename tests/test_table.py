"""deadline_cn.table: real .docx / .xlsx / .csv work-plan tables → ledger rows, compared with the gold.

The round-trip tests build the three source tables of the corpus (documents 000, 001, 003) from
corpus/cells.jsonl as a real .docx (python-docx, vertically merged cells where the corpus marks a deadline
filled down, merged task cells within a group) and a real .xlsx (openpyxl merged ranges), read them back
with ``table.read`` and compare every row with normalise() of the gold text and with the gold reading.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from deadline_cn import normalise, table
from deadline_cn.cli import main
from deadline_cn.documents.extras import MissingExtra
from deadline_cn.documents.write import write_csv, write_jsonl, write_xlsx
from tests.corpus_data import CELLS, DOCS
from tests.corpus_data import GOLD as GOLD_LIST
from tests.goldcheck import mismatches

# the four source tables with a deadline column (002 is a near-copy of 000; 004 has no deadline column: its
# deadlines are inside its cells, see tests/test_documents_seeds.py)
HEADERS = {
    "000": ("序号", "工作任务", "负责单位", "完成时间"),
    "001": ("序号", "工作任务", "具体要求", "牵头落实单位", "完成时限"),
    "002": ("序号", "工作任务", "负责单位", "完成时间"),
    "003": ("工作任务", "具体要求", "落实单位", "完成时限"),
}
_KEYS = {"序号": "row", "工作任务": "task", "具体要求": "requirement", "负责单位": "unit", "牵头落实单位": "unit",
         "落实单位": "unit", "完成时间": "deadline_text", "完成时限": "deadline_text"}


# gold is written once per distinct text: a 002 cell already in 000 has its gold there (same reading; the
# checks below read it with the cell's own document's ref and plan year)
GOLD = {(c["document"][:3], c["deadline_text"]): g for g in GOLD_LIST for c in CELLS if c["deadline_text"] == g["text"]}
GOLD |= {(g["document"][:3], g["text"]): g for g in GOLD_LIST}


def cells_of(doc: str) -> list[dict[str, Any]]:
    rows = [c for c in CELLS if c["document"][:3] == doc]
    assert rows and GOLD, f"corpus/cells.jsonl or gold.jsonl has no rows for document {doc}"
    return rows


def grid_of(doc: str) -> tuple[list[list[str]], list[list[bool]]]:
    """The table as text, and per cell whether it continues a vertical merge from the row above."""
    texts, merged = [], []
    prev: dict[str, Any] | None = None
    for cell in cells_of(doc):
        row = [cell[_KEYS[h]] or "" for h in HEADERS[doc]]
        same_group = prev is not None and prev["row"] == cell["row"]
        flags = []
        for h, text in zip(HEADERS[doc], row, strict=True):
            if _KEYS[h] == "deadline_text":
                flags.append(bool(cell["filled_down"]))
            else:  # a group's 序号, task and repeated unit are one merged cell in the source tables
                flags.append(same_group and _KEYS[h] != "requirement" and prev is not None
                             and (prev[_KEYS[h]] or "") == text)
        texts.append(row)
        merged.append(flags)
        prev = cell
    return texts, merged


def merge_runs(merged: list[list[bool]], col: int) -> list[tuple[int, int]]:
    """(first, last) data-row indexes of each run of cells merged into one in column ``col``."""
    runs, top = [], 0
    for r in range(1, len(merged) + 1):
        if r == len(merged) or not merged[r][col]:
            if r - 1 > top:
                runs.append((top, r - 1))
            top = r
    return runs


def build_docx(doc: str, path: Path) -> Path:
    import docx

    texts, merged = grid_of(doc)
    ncols = len(HEADERS[doc])
    document = docx.Document()
    document.add_paragraph("附件：重点任务分解表")
    tbl = document.add_table(rows=len(texts) + 2, cols=ncols)
    grid = [list(row.cells) for row in tbl.rows]
    grid[0][0].text = "重点任务分解表"
    grid[0][0].merge(grid[0][ncols - 1])  # a title row spanning the table, above the header
    for c, name in enumerate(HEADERS[doc]):
        grid[1][c].text = name
    for r, (line, flags) in enumerate(zip(texts, merged, strict=True)):
        for c, (text, cont) in enumerate(zip(line, flags, strict=True)):
            if not cont:
                grid[r + 2][c].text = text
    for c in range(ncols):
        for first, last in merge_runs(merged, c):
            grid[first + 2][c].merge(grid[last + 2][c])
    document.save(str(path))
    return path


def build_xlsx(doc: str, path: Path) -> Path:
    import openpyxl

    texts, merged = grid_of(doc)
    ncols = len(HEADERS[doc])
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["重点任务分解表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.append(list(HEADERS[doc]))
    for line, flags in zip(texts, merged, strict=True):
        ws.append([None if cont else text for text, cont in zip(line, flags, strict=True)])
    for c in range(ncols):
        for first, last in merge_runs(merged, c):
            ws.merge_cells(start_row=first + 3, start_column=c + 1, end_row=last + 3, end_column=c + 1)
    book.save(str(path))
    return path


def check_against_gold(doc: str, rows: list[table.Row]) -> list[str]:
    """Every row read back equals the corpus row, normalise() of its gold, and the gold reading."""
    ref, year = DOCS[doc]
    cells = cells_of(doc)
    assert len(rows) == len(cells)
    problems = []
    for row, cell in zip(rows, cells, strict=True):
        gold = GOLD.get((doc, cell["deadline_text"]))
        assert gold is not None, f"no gold for {cell['deadline_text']!r}"
        assert gold["document"] != cell["document"] or (gold["ref"], gold["plan_year"]) == (ref, year)
        assert row.text == cell["deadline_text"]
        assert row.filled_down == cell["filled_down"], (cell["row"], cell["item"])
        assert row.cells[HEADERS[doc][1 if doc != "003" else 0]] == cell["task"]
        assert row.result == normalise(gold["text"], ref=ref, plan_year=year)
        got = row.to_dict()
        problems += [f"{doc} row {cell['row']}.{cell['item']} {cell['deadline_text']!r}: {m}"
                     for m in mismatches(row.result.to_dict(), gold["expect"])]
        problems += [f"{doc} {cell['deadline_text']!r}: ledger {k}" for k, v in ledger_dates(gold["expect"]).items()
                     if _iso(got[k]) != v]
    return problems


def ledger_dates(expect: dict[str, Any]) -> dict[str, Any]:
    """The ledger's due / start / end as the gold says them (only what the gold gives)."""
    kind = expect.get("kind")
    if kind == "deadline" and "due" in expect:
        return {"due": expect["due"]}
    if kind in ("ongoing", "window"):
        return {k: expect[k] for k in ("start", "end") if k in expect}
    if kind == "compound" and all(p.get("kind") == "deadline" and "due" in p for p in expect["parts"]):
        return {"due": max(p["due"] for p in expect["parts"])}
    return {}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("doc", sorted(HEADERS))
def test_docx_round_trip_equals_gold(doc: str, tmp_path: Path) -> None:
    ref, year = DOCS[doc]
    path = build_docx(doc, tmp_path / f"{doc}.docx")
    with zipfile.ZipFile(path) as z:  # the deadline merges are real Word vertical merges
        assert z.read("word/document.xml").count(b"w:vMerge") >= 2 * sum(c["filled_down"] for c in cells_of(doc))
    rows = table.read(path, ref=ref, plan_year=year)
    assert all(r.fill in (None, "merged") for r in rows)
    assert check_against_gold(doc, rows) == []
    out = tmp_path / "ledger.jsonl"  # the command gives the same ledger
    args = ["table", str(path), "--plan-year", str(year), "-o", str(out), "-q"] + (["--ref", ref] if ref else [])
    assert main(args) == 0
    ledger = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [rec["result"] for rec in ledger] == [r.result.to_dict() for r in rows]
    assert [rec["filled_down"] == "merged" for rec in ledger] == [c["filled_down"] for c in cells_of(doc)]


@pytest.mark.parametrize("doc", sorted(HEADERS))
def test_xlsx_round_trip_equals_gold(doc: str, tmp_path: Path) -> None:
    ref, year = DOCS[doc]
    rows = table.read(build_xlsx(doc, tmp_path / f"{doc}.xlsx"), ref=ref, plan_year=year)
    assert check_against_gold(doc, rows) == []
    from_docx = table.read(build_docx(doc, tmp_path / f"{doc}.docx"), ref=ref, plan_year=year)
    assert [(r.cells, r.text, r.result, r.fill, r.source_row) for r in rows] == [
        (r.cells, r.text, r.result, r.fill, r.source_row) for r in from_docx]


def write_plain_csv(path: Path, lines: list[list[str]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(lines)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_csv_blank_and_ditto_cells_continue_the_one_above(tmp_path: Path) -> None:
    path = write_plain_csv(tmp_path / "plan.csv", [
        ["重点任务完成时限表", "", "", ""],
        ["序号", "工作任务", "责任单位", "完成 时限"],
        ["一、推进决策公开", "", "", ""],
        ["1", "任务甲", "市府办", "2017年6月底前完成"],
        ["2", "任务乙", "市财政局", ""],
        ["3", "任务丙", "市审计局", "同上"],
        ["序号", "工作任务", "责任单位", "完成 时限"],
        ["", "", "", ""],
        ["4", "任务丁", "市法制局", "按省部署实施"],
    ])
    rows = table.read(path, ref="2017-01-09")
    assert [r.cells["工作任务"] for r in rows] == ["任务甲", "任务乙", "任务丙", "任务丁"]
    assert [r.fill for r in rows] == [None, "blank", "ditto", None]
    assert [r.due for r in rows] == [date(2017, 6, 30)] * 3 + [None]
    assert rows[3].summary.trigger == "deployment: 省"
    assert [r.source_row for r in rows] == [4, 5, 6, 9]


def test_gbk_csv_and_named_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes("任务,时间节点,备注\n任务甲,2021年9月前,无\n".encode("gb18030"))
    with pytest.raises(table.TableError, match="--column"):
        table.read(tmp_path / "plan.csv", column="完成日期")
    rows = table.read(path, plan_year=2021)
    assert rows[0].due == date(2021, 9, 30) and rows[0].deadline_column == "时间节点"
    assert table.read(path, column="备注", plan_year=2021)[0].kind == "unresolved"
    semi = tmp_path / "semi.csv"
    semi.write_text("任务;完成时限\n任务甲,乙;2021年9月前\n", encoding="utf-8-sig")
    assert [(r.cells["任务"], r.due) for r in table.read(semi, plan_year=2021)] == [("任务甲,乙", date(2021, 9, 30))]


def test_ledger_status_and_due_before(tmp_path: Path) -> None:
    path = write_plain_csv(tmp_path / "plan.csv", [
        ["工作任务", "完成时限"],
        ["甲", "2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设"],
        ["乙", "长期工作"],
        ["丙", "按省部署实施"],
        ["丁", "2017年3月底前"],
        ["戊", "每年2月底前"],
        ["己", "看情况"],
    ])
    rows = table.read(path, ref="2017-01-09")
    assert [r.status("2017-07-01") for r in rows] == [
        "due in 183 days", "ongoing", "waiting on a trigger", "passed", "due in 242 days", "unresolved"]
    first = rows[0].to_dict(as_of="2017-01-09")
    assert first["due"] == date(2017, 12, 31) and first["days_left"] == 172
    assert [p["due"] for p in first["parts"]] == ["2017-06-30", "2017-12-31"]
    assert [r.cells["工作任务"] for r in table.due_before(rows, "2017-06-30")] == ["甲", "丁"]


def test_writers_round_trip(tmp_path: Path) -> None:
    import openpyxl

    path = write_plain_csv(tmp_path / "plan.csv", [["任务", "完成时限"], ["甲", "2017年6月底前基本完成"],
                                                     ["乙", "全年工作"]])
    rows = table.read(path, plan_year=2017)
    buf = io.StringIO()
    write_csv(rows, buf, as_of="2017-05-01")
    back = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert back[0]["due"] == "2017-06-30" and back[0]["flags"] == "hedge:基本"
    assert back[0]["status"] == "due in 60 days" and back[1]["end"] == "2017-12-31"
    buf = io.StringIO()
    write_jsonl(rows, buf)
    first = json.loads(buf.getvalue().splitlines()[0])
    assert first["result"]["due"] == "2017-06-30" and first["任务"] == "甲"
    write_xlsx(rows, tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("due") + 1).value.date() == date(2017, 6, 30)


def test_missing_extra_names_the_install_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with zipfile.ZipFile(tmp_path / "plan.docx", "w") as z:  # what a .docx is, by its members
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingExtra, match=r"pip install 'deadline-cn\[tables\]'"):
        table.read(tmp_path / "plan.docx")


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "plan.bin").write_bytes(b"\x00\x01binary\x00" * 10)
    with pytest.raises(table.DocumentError, match=r"plan\.bin: not a document"):
        table.read(tmp_path / "plan.bin")
    with pytest.raises(FileNotFoundError):
        table.read(tmp_path / "nope.xlsx")


def test_xlsx_two_line_header_and_sub_columns(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "工作任务", "责任单位", None, "完成时限"])
    ws.append([None, None, "牵头单位", "配合单位", None])
    ws.append([1, "任务甲", "市府办", "市财政局", "批复后20日内"])
    ws.append([2, "任务乙", "市审计局", None, date(2017, 6, 30)])  # a real Excel date
    for col in (1, 2, 5):
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    ws.merge_cells("C1:D1")
    book.save(tmp_path / "two.xlsx")
    rows = table.read(tmp_path / "two.xlsx", ref="2017-01-09")
    assert list(rows[0].cells) == ["序号", "工作任务", "责任单位", "责任单位 (2)", "完成时限"]
    assert [r.cells["工作任务"] for r in rows] == ["任务甲", "任务乙"]
    assert rows[0].summary.trigger == "event: 批复" and rows[0].status("2017-01-09") == "waiting on a trigger"
    assert rows[1].text == "2017-06-30" and rows[1].due == date(2017, 6, 30)
