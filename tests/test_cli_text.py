"""Text in the encodings people have, Chinese ledger labels, the CSV BOM rule and argument checks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from deadline_cn import table
from deadline_cn.cli import main
from deadline_cn.documents.text import decode, encoding_of

Capture = pytest.CaptureFixture[str]
PHRASES = ["2017年6月底前完成", "每月10日前", "按省部署实施", "2017年12月底前"]


def run_batch(capsys: Capture, path: Path, *extra: str) -> tuple[int, list[dict[str, object]], str]:
    capsys.readouterr()
    code = main(["batch", str(path), "--ref", "2017-01-09", *extra])
    got = capsys.readouterr()
    return code, [json.loads(line) for line in got.out.splitlines()], got.err


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_batch_reads_each_encoding(encoding: str, tmp_path: Path, capsys: Capture) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(("\r\n".join(PHRASES) + "\r\n").encode(encoding))  # as Windows tools save
    code, out, err = run_batch(capsys, src)
    assert code == 0 and err == ""
    assert [o["text"] for o in out] == PHRASES
    assert [o["line"] for o in out] == [1, 2, 3, 4]
    assert out[0]["due"] == "2017-06-30" and out[3]["due"] == "2017-12-31"


def test_batch_forced_encoding_and_a_bad_one(tmp_path: Path, capsys: Capture) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("\n".join(PHRASES).encode("utf-16-le"))  # no BOM: only --encoding can say
    code, out, _ = run_batch(capsys, src, "--encoding", "utf-16-le")
    assert code == 0 and [o["text"] for o in out] == PHRASES
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(src), "--encoding", "klingon"])
    assert exc.value.code == 2


def test_batch_bad_lines_give_a_summary_and_exit_1(tmp_path: Path, capsys: Capture) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("2017年6月底前完成\n".encode() + b"\xff\xfe\xfd\n" + "每月10日前\n".encode())
    code, out, err = run_batch(capsys, src)
    assert code == 1 and len(out) == 3 and "error" in out[1] and out[2]["kind"] == "recurrence"
    assert err.strip() == "deadline-cn batch: 3 lines, 0 unresolved, 1 bad (utf-8)"


def test_decode_rule() -> None:
    text = "工作任务,完成时限\n任务甲,2017年6月底前\n"
    for name in ("utf-8", "gbk", "gb18030", "utf-16"):
        assert decode(text.encode(name)) == text
    assert encoding_of(text.encode("gbk")) == "gb18030"  # GBK read as its superset
    assert decode(text.encode("gbk"), "gbk") == text


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "utf-8-sig"])
def test_table_csv_in_each_encoding(encoding: str, tmp_path: Path) -> None:
    src = tmp_path / "plan.csv"
    src.write_bytes("工作任务,完成时限\r\n任务甲,2017年6月底前\r\n任务乙,按省部署实施\r\n".encode(encoding))
    rows = table.read(src, ref="2017-01-09")
    assert [(r.cells["工作任务"], r.kind) for r in rows] == [("任务甲", "deadline"), ("任务乙", "conditional")]


def plan_csv(tmp_path: Path) -> Path:
    src = tmp_path / "plan.csv"
    src.write_text("工作任务,完成时限\n甲,2017年6月底前\n乙,2017年12月底前\n丙,按省部署实施\n丁,长期坚持\n",
                   encoding="utf-8")
    return src


def test_lang_zh_ledger(tmp_path: Path, capsys: Capture) -> None:
    src = plan_csv(tmp_path)
    capsys.readouterr()
    assert main(["table", str(src), "--ref", "2017-01-09", "--as-of", "2017-08-01", "--lang", "zh", "-q"]) == 0
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {"类型", "完成日期", "状态", "剩余天数"} <= set(records[0]) and "status" not in records[0]
    # 8-01 → 12-31: 30 + 30 + 31 + 30 + 31 days
    assert [r["状态"] for r in records] == ["已逾期", "剩余152天", "待触发", "持续"]
    rows = table.read(src, ref="2017-01-09")
    assert [r.status("2017-08-01") for r in rows] == ["passed", "due in 152 days", "waiting on a trigger",
                                                      "ongoing"]
    assert rows[1].status("2017-12-30", lang="zh") == "剩余1天"


def test_csv_bom_rule(tmp_path: Path, capsys: Capture) -> None:
    src = plan_csv(tmp_path)
    capsys.readouterr()
    assert main(["table", str(src), "-q"]) == 0
    assert not capsys.readouterr().out.startswith("\ufeff")  # stdout for pipes: no BOM
    assert main(["table", str(src), "-q", "--excel"]) == 0
    assert capsys.readouterr().out.startswith("\ufeff工作任务")
    assert main(["table", str(src), "-q", "-o", str(tmp_path / "l.csv")]) == 0
    assert (tmp_path / "l.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("year", ["17", "0017", "99999", "1899", "2200", "二〇一七", "-2017"])
def test_plan_year_out_of_range_is_a_usage_error(year: str, tmp_path: Path) -> None:
    for argv in (["2017年6月底前", "--plan-year", year], ["table", str(plan_csv(tmp_path)), "--plan-year", year],
                 ["batch", str(plan_csv(tmp_path)), "--plan-year", year]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2


def test_plan_year_bounds_are_accepted(capsys: Capture) -> None:
    assert main(["6月底前", "--plan-year", "1900", "--json"]) == 0
    assert main(["6月底前", "--plan-year", "2199", "--json"]) == 0
    outs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["kind"] for o in outs] == ["deadline", "deadline"]
