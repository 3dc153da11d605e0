"""--ics --todo: RFC 5545 VTODOs, parsed back with icalendar; recurrences expanded and compared."""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from dateutil.rrule import rrulestr

from deadline_cn import Recurrence, normalise, table
from deadline_cn.cli import main
from deadline_cn.documents.ics import entries, schedule, to_ics, undated
from tests.corpus_data import DOCS
from tests.test_table import HEADERS, build_docx, cells_of

icalendar = pytest.importorskip("icalendar")

RECURRING = ["每年2月底前", "登革热流行季节（5-11月）每月", "每季度", "从2017年起每年实施", "每月10日前",
             "每季度末月20日前", "每年9月到11月", "每年春节前"]


def todos(data: bytes) -> list[Any]:
    cal = icalendar.Calendar.from_ical(data)
    assert cal["VERSION"] == "2.0" and "deadline_cn" in str(cal["PRODID"])
    out = list(cal.walk("VTODO"))
    for todo in out:
        assert todo.get("UID") and todo.get("DTSTAMP") and todo.get("SUMMARY")
        if todo.get("DTSTART") and todo.get("DUE"):
            assert todo["DUE"].dt >= todo["DTSTART"].dt
    assert len({str(t["UID"]) for t in out}) == len(out)
    return out


def day(prop: Any) -> date:
    value = prop.dt
    return value.date() if isinstance(value, datetime) else value


def expand(todo: Any, start: date, end: date) -> list[date]:
    """The instances a calendar app shows: DTSTART + RRULE (+ RDATE), between start and end."""
    first = day(todo["DTSTART"])
    found = set()
    if todo.get("RRULE"):
        rule = rrulestr(todo["RRULE"].to_ical().decode(), dtstart=datetime(first.year, first.month, first.day))
        found |= {d.date() for d in rule.between(datetime(start.year, start.month, start.day),
                                                 datetime(end.year, end.month, end.day), inc=True)}
    rdates = todo.get("RDATE")
    for group in rdates if isinstance(rdates, list) else [rdates] if rdates else []:
        found |= {day(d) for d in group.dts}
    found.add(first)
    return sorted(d for d in found if start <= d <= end)


def test_recurrences_expand_to_the_same_dates(tmp_path: Path) -> None:
    out = tmp_path / "r.ics"
    assert main([*RECURRING, "--ref", "2017-05-04", "--ics", str(out), "--todo"]) == 0
    got = todos(out.read_bytes())
    assert [str(t["SUMMARY"]) for t in got] == RECURRING
    lo, hi = date(2017, 1, 1), date(2020, 12, 31)
    for text, todo in zip(RECURRING, got, strict=True):
        rec = normalise(text, ref="2017-05-04")
        assert isinstance(rec, Recurrence)
        assert expand(todo, lo, hi) == rec.occurrences(lo, hi), text
        assert todo["DUE"].dt == todo["DTSTART"].dt


def test_deadline_window_relative_and_undated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = ["2017年6月底前完成", "2017年第1季度完成", "11月20日至12月31日", "发文之日起1个月内", "长期工作",
             "按省部署实施", "不定期", "看情况再说"]
    out = tmp_path / "p.ics"
    assert main([*texts, "--ref", "2017-05-04", "--ics", str(out), "--todo"]) == 0
    got = {str(t["SUMMARY"]): t for t in todos(out.read_bytes())}
    assert day(got["2017年6月底前完成"]["DUE"]) == date(2017, 6, 30)
    assert "DTSTART" not in got["2017年6月底前完成"]
    assert (day(got["2017年第1季度完成"]["DTSTART"]), day(got["2017年第1季度完成"]["DUE"])) == (
        date(2017, 1, 1), date(2017, 3, 31))
    assert (day(got["11月20日至12月31日"]["DTSTART"]), day(got["11月20日至12月31日"]["DUE"])) == (
        date(2017, 11, 20), date(2017, 12, 31))
    assert day(got["发文之日起1个月内"]["DUE"]) == date(2017, 6, 4)
    assert day(got["长期工作"]["DTSTART"]) == date(2017, 5, 4) and "DUE" not in got["长期工作"]
    for text in ("按省部署实施", "不定期", "看情况再说"):  # in the file, without dates, saying why
        assert "DUE" not in got[text] and "DTSTART" not in got[text]
        assert str(got[text]["DESCRIPTION"]).startswith("No date: ")
    err = capsys.readouterr().err
    assert "8 to-dos, 5 with dates" in err and err.count("no date:") == 3


@pytest.mark.parametrize("doc", sorted(HEADERS))
def test_table_ics_has_every_part_of_every_row(doc: str, tmp_path: Path) -> None:
    ref, year = DOCS[doc]
    path = build_docx(doc, tmp_path / f"{doc}.docx")
    out = tmp_path / f"{doc}.ics"
    args = ["table", str(path), "--plan-year", str(year), "--ics", str(out), "--todo", "-o", str(tmp_path / "l.csv")]
    assert main(args + (["--ref", ref] if ref else [])) == 0
    rows = table.read(path, ref=ref, plan_year=year)
    parts = [(row, part) for row in rows for part in row.result.parts]
    got = todos(out.read_bytes())
    assert len(got) == len(parts) == sum(len(normalise(c["deadline_text"], ref=ref, plan_year=year).parts)
                                         for c in cells_of(doc))
    for (row, part), todo in zip(parts, got, strict=True):
        assert str(todo["X-DEADLINE-CN-KIND"]) == part.kind
        assert str(todo["SUMMARY"]).startswith(row.cells["具体要求" if "具体要求" in row.cells else "工作任务"])
        when = schedule(part)
        if when is None:
            assert "DUE" not in todo and str(todo["DESCRIPTION"]).startswith("No date")
            continue
        if when.due is not None:
            assert day(todo["DUE"]) == when.due
        if when.dtstart is not None:
            assert day(todo["DTSTART"]) == when.dtstart
        assert row.text in str(todo["DESCRIPTION"])
        unit = next(v for k, v in row.cells.items() if "单位" in k)
        assert [str(c) for c in todo["CATEGORIES"].cats] == [unit.replace(",", "，")]


def test_api_is_deterministic_and_lists_undated() -> None:
    result = normalise("2016 年12月底前完成，后续不定期进行目录调整", plan_year=2016)
    items = entries(result, summary="减税降费目录", key="k")
    assert [e.summary for e in items] == ["减税降费目录", "减税降费目录 — 目录调整"]
    assert undated(items) == items[1:]
    when = datetime(2016, 1, 1, tzinfo=timezone.utc)
    assert to_ics(items, dtstamp=when) == to_ics(items, dtstamp=when)


def test_missing_icalendar_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    assert main(["2017年6月底前", "--ics", str(tmp_path / "x.ics")]) == 1
    assert "pip install 'deadline-cn[ics]'" in capsys.readouterr().err


def test_batch_ics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("2017年6月底前完成\n{bad\n每月10日前\n", encoding="utf-8")
    assert main(["batch", str(src), "--ref", "2017-01-09", "--ics", str(tmp_path / "b.ics"), "--todo"]) == 1
    got = todos((tmp_path / "b.ics").read_bytes())
    assert [str(t["SUMMARY"]) for t in got] == ["2017年6月底前完成", "每月10日前"]
    assert day(got[1]["DTSTART"]) == date(2017, 1, 10) and "BYMONTHDAY=10" in got[1]["RRULE"].to_ical().decode()
    assert len(capsys.readouterr().out.splitlines()) == 3
