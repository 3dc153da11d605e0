"""Loading a year's holiday notice: the file format, overriding the prediction, the CLI's --calendar."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from deadline_cn import Relative, calendar, normalise
from deadline_cn._calendar import days, notices
from deadline_cn._calendar.official import Official
from deadline_cn.cli import main

ROOT = Path(__file__).resolve().parents[1]
NOTICE_2026 = ROOT / "docs" / "calendar-2026.txt"
# A made-up 2027 notice: 春节 02-06..02-14 off (除夕 02-05 worked), make-up Saturday 02-20.
NOTICE_2027 = """year 2027
source 测试用通知（虚构）
off 春节 2027-02-06..2027-02-14   # nine days
work 春节 2027-02-20
"""


@pytest.fixture(autouse=True)
def _forget_notices() -> Iterator[None]:
    yield
    calendar.unload()


def year_days(year: int) -> list[date]:
    return [date(year, 1, 1) + timedelta(days=i) for i in range(365 + (year % 4 == 0))]


def test_parse_the_format() -> None:
    notice = notices.parse(NOTICE_2027)
    assert notice.year == 2027 and notice.source == "测试用通知（虚构）"
    assert sorted(notice.off) == [date(2027, 2, 6) + timedelta(days=i) for i in range(9)]
    assert notice.work == {date(2027, 2, 20): "春节"}
    assert notice.working(date(2027, 3, 1)) is True and notice.working(date(2027, 3, 6)) is False
    assert notice.working(date(2026, 12, 31)) is None  # outside its year and not listed


@pytest.mark.parametrize(("text", "message"), [
    ("off 春节 2027-02-06", "no 'year' line"),
    ("year 2027\noff 春节", "line 2"),
    ("year 2027\noff 春节 2027-02-31", "line 2"),
    ("year 2027\noff 春节 2027-02-09..2027-02-06", "line 2"),
    ("year 2027\noff 春节 2027-02-06\nwork 春节 2027-02-06", "both off and worked"),
])
def test_malformed_notices_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        notices.parse(text, "x.txt")


def _hide_2026(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make chinesecalendar's data end in 2025, so 2026 is predicted."""
    data = days.official()
    keep = date(2026, 1, 1).toordinal()
    hidden = Official(data.first_year, 2025, frozenset(o for o in data.rest if o < keep),
                      frozenset(o for o in data.work if o < keep),
                      {o: n for o, n in data.labels.items() if o < keep}, data.corrected)
    monkeypatch.setattr(days, "official", lambda: hidden)
    days.changed()


def test_loading_2026_over_its_prediction_gives_chinesecalendar_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    import chinese_calendar

    _hide_2026(monkeypatch)
    try:
        assert calendar.day_status(date(2026, 2, 15)).source == "predicted"
        wrong = [d for d in year_days(2026) if calendar.is_workday(d) != chinese_calendar.is_workday(d)]
        assert wrong == [date(2026, 2, 15), date(2026, 2, 28)]  # the prediction's two misses
        calendar.load(NOTICE_2026)
        for day in year_days(2026):
            assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
            assert calendar.day_status(day).source == "notice"
        assert calendar.add_workdays(date(2026, 2, 13), 1) == date(2026, 2, 14)  # the make-up Saturday
        assert calendar.rest_block("春节", 2026) == (date(2026, 2, 15), date(2026, 2, 23), ())
    finally:
        monkeypatch.undo()
        days.changed()


def test_a_2027_notice_changes_the_dates_and_removes_the_predicted_flag(tmp_path: Path) -> None:
    text = "本通知印发之日起5个工作日内"
    before = normalise(text, ref="2027-02-03")
    assert isinstance(before, Relative) and before.due == date(2027, 2, 16)
    assert "calendar:predicted:2027" in before.flags
    path = tmp_path / "2027.txt"
    path.write_text(NOTICE_2027, encoding="utf-8")
    calendar.load(path)
    after = normalise(text, ref="2027-02-03")  # the same call again: the cache must not answer
    # 02-04 and 02-05 (除夕, worked here), then the break 02-06..02-14, then 02-15, 02-16, 02-17.
    assert isinstance(after, Relative) and after.due == date(2027, 2, 17)
    assert not any(f.startswith("calendar:") for f in after.flags) and after.alternatives == ()
    assert calendar.day_status(date(2027, 2, 20)) == (True, "notice", "测试用通知（虚构）")
    calendar.unload(2027)
    assert normalise(text, ref="2027-02-03").due == date(2027, 2, 16)  # type: ignore[union-attr]


def test_cli_calendar_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "2027.txt"
    path.write_text(NOTICE_2027, encoding="utf-8")
    assert main(["本通知印发之日起5个工作日内", "--ref", "2027-02-03", "--json", "--calendar", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["due"] == "2027-02-17"


def test_cli_rejects_a_bad_calendar_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("year 2027\nholiday 春节\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["3日内", "--calendar", str(path)])
    assert exit_info.value.code == 2 and "line 2" in capsys.readouterr().err


def test_the_ledger_says_when_a_due_date_is_predicted(tmp_path: Path) -> None:
    from deadline_cn import table

    path = tmp_path / "plan.csv"
    path.write_text("序号,工作任务,完成时限\n1,报送方案,本通知印发之日起5个工作日内\n", encoding="utf-8")
    [record] = table.records(table.read(path, ref="2027-02-03"))
    assert record["due"] == date(2027, 2, 16) and "calendar:predicted:2027" in record["flags"]
    (tmp_path / "2027.txt").write_text(NOTICE_2027, encoding="utf-8")
    calendar.load(tmp_path / "2027.txt")
    [record] = table.records(table.read(path, ref="2027-02-03"))
    assert record["due"] == date(2027, 2, 17) and "calendar:predicted:2027" not in record["flags"]
