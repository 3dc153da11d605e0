"""The deadline-cn command, in-process (main(argv) -> int) and as a subprocess (python -m deadline_cn)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from deadline_cn import normalise
from deadline_cn.cli import main
from tests.test_table import build_xlsx, write_plain_csv

ROOT = Path(__file__).resolve().parent.parent
Capture = pytest.CaptureFixture[str]


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "deadline_cn", *args], input=stdin, cwd=ROOT,
                          capture_output=True, timeout=60, check=False)


class FakeStdin(io.TextIOWrapper):
    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


# --- one phrase ----------------------------------------------------------------------------------------

def test_one_phrase_prints_one_readable_line(capsys: Capture) -> None:
    assert main(["2017年6月底前完成", "--ref", "2017-01-09"]) == 0
    assert capsys.readouterr().out == "deadline    due 2017-06-30 (end of month)\n"


def test_several_phrases_echo_their_text(capsys: Capture) -> None:
    assert main(["2021年 12月前", "长期工作", "--ref", "2021-07-01", "--color", "never"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2021年 12月前  deadline") and "ambiguous:month-before" in lines[0]
    assert lines[1] == "长期工作  ongoing     from 2021-07-01, open-ended"


def test_colour_only_when_asked_or_on_a_terminal(capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    main(["2017年6月底前", "--ref", "2017-01-09"])
    assert "\x1b[" not in capsys.readouterr().out
    main(["2017年6月底前", "--ref", "2017-01-09", "--color", "always"])
    assert "\x1b[1m2017-06-30\x1b[0m" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdout", TTY())
    monkeypatch.setenv("NO_COLOR", "1")
    main(["2017年6月底前", "--ref", "2017-01-09"])
    assert "\x1b[" not in sys.stdout.getvalue()


def test_json_is_the_design_dict(capsys: Capture) -> None:
    texts = ["2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设", "全年工作"]
    assert main([*texts, "--plan-year", "2017", "--json"]) == 0
    got = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert got == [normalise(t, plan_year=2017).to_dict() for t in texts]


def test_explain_shows_rules_and_spans(capsys: Capture) -> None:
    text = "2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设"
    assert main([text, "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == text
    assert "[0, 9)" in out[1] and "'2017年6月底前'" in out[1] and "DeadlineP" in out[1] and "date_month" in out[1]
    assert "[20, 27)" in out[2] and "date_yearend" in out[2]
    assert out[3].startswith("  → compound")
    assert main([text, "--explain", "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)["explain"]
    assert [(s["span"], s["text"]) for s in steps] == [([0, 9], "2017年6月底前"), ([20, 27], "2017年年底")]


def test_strict_and_bad_arguments(capsys: Capture) -> None:
    assert main(["无从说起", "--strict"]) == 1
    assert "unresolved" in capsys.readouterr().err
    assert main(["2017年6月底前", "--strict"]) == 0
    for bad in (["x", "--ref", "2017-13-01"], ["x", "--plan-year", "twenty"], ["x", "--month-before", "odd"], []):
        with pytest.raises(SystemExit) as exc:
            main(bad)
        assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_help_has_real_examples(capsys: Capture) -> None:
    for args in (["--help"], ["batch", "--help"], ["table", "--help"]):
        with pytest.raises(SystemExit) as exc:
            main(args)
        assert exc.value.code == 0
    out = capsys.readouterr().out
    assert 'deadline-cn "2017年6月底前完成" --ref 2017-01-09' in out
    assert "deadline-cn batch cells.txt" in out and "deadline-cn table 分工方案.docx" in out


def test_subprocess_phrase_and_version() -> None:
    done = run(["2017年6月底前完成", "--ref", "2017-01-09", "--json"])
    assert done.returncode == 0 and json.loads(done.stdout)["due"] == "2017-06-30"
    assert run(["--version"]).stdout.decode().startswith("deadline-cn ")
    literal = run(["--", "table"])
    assert literal.returncode == 0 and b"unresolved" in literal.stdout


# --- batch ---------------------------------------------------------------------------------------------

def batch(capsys: Capture, monkeypatch: pytest.MonkeyPatch, data: bytes, *args: str) -> tuple[int, list[Any]]:
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    code = main(["batch", *args])
    return code, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_batch_plain_and_jsonl_lines(capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n".join([
        "2017年6月底前完成",
        json.dumps({"text": "全年工作", "plan_year": 2016, "id": "r2"}, ensure_ascii=False),
        json.dumps({"text": "今年内", "ref": None}, ensure_ascii=False),
        "",
        "中考3 月\r",
    ]).encode()
    code, out = batch(capsys, monkeypatch, data, "--ref", "2017-01-09")
    assert code == 0 and [o["line"] for o in out] == [1, 2, 3, 4, 5]
    assert out[0]["due"] == "2017-06-30"
    assert out[1]["id"] == "r2" and out[1]["end"] == "2016-12-31"
    assert out[2]["kind"] == "unresolved"  # the line's own null ref overrides --ref
    assert out[3]["kind"] == "unresolved" and out[3]["text"] == ""
    assert out[4]["text"] == "中考3 月" and out[4]["kind"] == "window"


BAD_LINES = [
    (b'{"text": "2017', "invalid JSON"),
    (b'{"text": "x", "ref": 20170109}', '"ref" must be str or null'),
    (b'{"ref": "2017-01-09"}', '"text"'),
    (b'{"text": 2017}', '"text" must be str'),
    (b'{"text": "x", "plan_year": "2016"}', '"plan_year" must be int or null'),
    (b'{"text": "x", "plan_year": true}', '"plan_year"'),
    (b'{"text": "x", "ref": "2017-02-30"}', "ISO date"),
    (b'{"text": "x", "month_before": "loose"}', "month_before"),
    (b"2017\xff\xfe", "invalid UTF-8"),
]


def test_batch_bad_lines_become_error_records(capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"\n".join([b"2017\xe5\xb9\xb4\xe5\xba\x95\xe5\x89\x8d", *(line for line, _ in BAD_LINES)]) + b"\n"
    code, out = batch(capsys, monkeypatch, data)
    assert code == 1 and len(out) == 1 + len(BAD_LINES)  # bad lines: exit 1, every line still read
    assert out[0]["due"] == "2017-12-31"
    for rec, (line, message) in zip(out[1:], BAD_LINES, strict=True):
        assert set(rec) == {"line", "error", "input"} and message in rec["error"], rec
        assert rec["input"] == line.decode("utf-8", errors="replace")
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    assert main(["batch", "--strict"]) == 0  # empty input: nothing unresolved
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    assert main(["batch", "--strict"]) == 1
    assert "9 bad" in capsys.readouterr().err


def test_batch_of_10000_lines_loses_none(tmp_path: Path, capsys: Capture) -> None:
    lines = []
    for i in range(10_000):
        if i % 97 == 13:
            lines.append('{"text": ' + str(i))  # broken JSON
        elif i % 89 == 5:
            lines.append(json.dumps({"text": i}))  # wrong type
        elif i % 2:
            lines.append(json.dumps({"text": f"{2000 + i % 30}年{1 + i % 12}月底前完成", "id": i}))
        else:
            lines.append(["长期工作", "全年工作", "按省部署实施", "无法识别", "2021年 9 月前"][i % 5])
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--plan-year", "2021", "-o", str(out)]) == 1  # some lines are bad
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["line"] for g in got] == list(range(1, 10_001))
    errors = [g for g in got if "error" in g]
    assert len(errors) == sum(1 for i in range(10_000) if i % 97 == 13 or (i % 89 == 5 and i % 97 != 13))
    assert all(g["input"] == lines[g["line"] - 1] for g in errors)
    assert all(g["id"] == g["line"] - 1 for g in got if g["line"] % 2 == 0 and "error" not in g)


def test_batch_progress_bar_only_on_a_terminal_for_large_input(tmp_path: Path, capsys: Capture,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in.txt"
    src.write_text("2017年6月底前完成\n" * 25_000, encoding="utf-8")  # > 512 KiB
    monkeypatch.setattr(sys, "stderr", TTY())
    assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl")]) == 0
    assert "100%" in sys.stderr.getvalue() and "25,000 lines" in sys.stderr.getvalue()
    small = tmp_path / "small.txt"
    small.write_text("2017年6月底前完成\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", TTY())
    assert main(["batch", str(small), "-o", str(tmp_path / "o.jsonl"), "--force"]) == 0
    assert "%" not in sys.stderr.getvalue() and "1 lines, 0 unresolved, 0 bad" in sys.stderr.getvalue()
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal: no bar, no summary
    assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--force"]) == 0
    assert sys.stderr.getvalue() == ""


def test_batch_subprocess_pipe() -> None:
    data = "2017年6月底前完成\n{bad\n全年工作\n".encode()
    done = run(["batch", "-", "--plan-year", "2017", "--strict"], stdin=data)
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert done.returncode == 1 and [o["line"] for o in out] == [1, 2, 3]
    assert "error" in out[1] and out[2]["start"] == "2017-01-01"
    assert b"Traceback" not in done.stderr


# --- table ---------------------------------------------------------------------------------------------

def test_table_to_csv_jsonl_xlsx(tmp_path: Path, capsys: Capture) -> None:
    pytest.importorskip("openpyxl")
    path = build_xlsx("003", tmp_path / "003.xlsx")
    assert main(["table", str(path), "--ref", "2021-07-01", "--as-of", "2021-10-01"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert len(rows) == 50 and "003.xlsx: 50 rows (column 完成时限; 13 filled down, 0 unresolved)" in captured.err
    assert rows[0]["due"] == "2021-09-30" and rows[0]["kind"] == "compound"
    assert {r["status"] for r in rows} == {"due in 91 days", "due in 122 days", "ongoing", "passed"}
    assert main(["table", str(path), "--ref", "2021-07-01", "--due-before", "2021-09-30", "--to", "jsonl",
                 "-q"]) == 0
    captured = capsys.readouterr()
    due = [json.loads(line) for line in captured.out.splitlines()]
    assert due and all(r["result"]["kind"] in ("deadline", "compound") for r in due) and captured.err == ""
    assert main(["table", str(path), "--ref", "2021-07-01", "-o", str(tmp_path / "l.xlsx"), "-q"]) == 0
    assert (tmp_path / "l.xlsx").read_bytes()[:2] == b"PK"
    assert main(["table", str(path), "-o", str(tmp_path / "l.csv"), "-q"]) == 0
    assert (tmp_path / "l.csv").read_bytes()[:3] == b"\xef\xbb\xbf"  # a BOM, for Excel


def test_table_errors(tmp_path: Path, capsys: Capture) -> None:
    plain = write_plain_csv(tmp_path / "p.csv", [["任务", "备注"], ["甲", "乙"]])
    assert main(["table", str(plain)]) == 1
    assert "no table has a deadline column" in capsys.readouterr().err
    assert main(["table", str(tmp_path / "missing.docx")]) == 1
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["table", str(plain), "--to", "xlsx"])
    assert exc.value.code == 2
    ok = write_plain_csv(tmp_path / "ok.csv", [["任务", "完成时限"], ["甲", "说不准"]])
    assert main(["table", str(ok), "--strict", "-q"]) == 1


def test_table_subprocess(tmp_path: Path) -> None:
    path = write_plain_csv(tmp_path / "p.csv", [["任务", "完成时限"], ["甲", "2016年8月前\n2017年2月前"]])
    done = run(["table", str(path), "--plan-year", "2016", "--to", "jsonl"])
    assert done.returncode == 0
    rec = json.loads(done.stdout)
    assert rec["due"] == "2017-02-28" and [p["due"] for p in rec["parts"]] == ["2016-08-31", "2017-02-28"]
