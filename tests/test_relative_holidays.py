"""Relative offsets and holiday deadlines through normalise() (the calendar itself: test_calendar.py).

Holiday dates below are from the published calendars (2018: 春节 02-16 with rest 02-15..02-21, 清明 04-05,
端午 06-18, 中秋 09-24; 2017: 春节 rest 01-27..02-02, 国庆 rest 10-01..10-08; 2020: 春节 01-25).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from deadline_cn import Conditional, Recurrence, Relative, normalise
from deadline_cn.calendar import coverage
from tests.goldcheck import mismatches


def relative(text: str, **ctx: object) -> Relative:
    r = normalise(text, **ctx)  # type: ignore[arg-type]
    assert isinstance(r, Relative), r.describe()
    return r


def test_workdays_are_counted_across_the_spring_festival_block() -> None:
    assert relative("最迟不超过3个工作日").resolve(date(2017, 1, 25)) == date(2017, 2, 4)  # a 调休 Saturday
    assert relative("变更之日起20个工作日内").anchor == "变更"


def test_event_day_is_not_counted() -> None:
    assert relative("批复后20日内").resolve(date(2018, 11, 16)) == date(2018, 12, 6)
    assert relative("本意见印发之日起30日内", ref="2018-11-16").due == date(2018, 12, 16)


@pytest.mark.parametrize(("event", "due"), [(date(2017, 1, 31), date(2017, 2, 28)),
                                            (date(2016, 1, 31), date(2016, 2, 29)),
                                            (date(2017, 3, 31), date(2017, 4, 30))])
def test_months_clamp_to_the_month_end(event: date, due: date) -> None:
    assert relative("1个月内").resolve(event) == due


def test_hours_give_a_datetime_and_ranges_give_both_ends() -> None:
    assert relative("24小时内").resolve(date(2017, 1, 9)) == datetime(2017, 1, 10, 0, 0)
    assert relative("24小时内").resolve(datetime(2017, 1, 9, 15, 0)) == datetime(2017, 1, 10, 15, 0)
    assert relative("2—3年").resolve_range(date(2017, 1, 9)) == (date(2019, 1, 9), date(2020, 1, 9))
    assert relative("两个半月").offset.value == 2.5


def test_counting_without_data_or_rules_is_flagged() -> None:
    r = relative("3个工作日内").resolved(date(2101, 3, 2))  # after 2100 there are no 调休 rules
    assert "calendar:beyond-coverage" in r.flags
    assert f"calendar:covers:{coverage()[0]}-{coverage()[1]}" in r.flags
    inside = relative("3个工作日内").resolved(date(2017, 3, 2))
    assert not any(f.startswith("calendar:") for f in inside.flags)


def test_counting_over_a_predicted_holiday_is_flagged_and_clear_days_are_not() -> None:
    # 2027: 除夕 is 02-05 (a Friday); the predicted 春节 break is 02-05..02-12, made up on 02-13 and 02-14.
    cell = normalise("收到通知后5个工作日内")
    assert isinstance(cell, Conditional) and isinstance(cell.then, Relative), cell.describe()
    r = cell.then.resolved(date(2027, 2, 3))
    assert r.due == date(2027, 2, 16)  # 02-04, 02-13, 02-14, 02-15, 02-16
    assert "calendar:predicted:2027" in r.flags
    assert [(a.due, a.reading) for a in r.alternatives] == [(date(2027, 2, 10), "monday-friday")]
    clear = relative("3个工作日内").resolved(date(2027, 3, 2))  # no holiday window in 03-03..03-05
    assert clear.due == date(2027, 3, 5) and not any(f.startswith("calendar:") for f in clear.flags)


HOLIDAYS = [
    ("春节前", {"plan_year": 2018}, {"kind": "deadline", "due": "2018-02-15", "precision": "day"}),
    ("国庆节前", {"plan_year": 2018}, {"kind": "deadline", "due": "2018-09-30"}),
    ("五一前", {"plan_year": 2018}, {"kind": "deadline", "due": "2018-04-30", "flags": ["holiday:劳动节",
                                                                                "year-from-ref"]}),
    ("清明前", {"plan_year": 2018}, {"kind": "deadline", "due": "2018-04-04"}),
    ("端午节前", {"plan_year": 2018}, {"kind": "deadline", "due": "2018-06-17"}),
    ("中秋节前", {"plan_year": 2018}, {"kind": "deadline", "due": "2018-09-23"}),
    ("元旦前", {"plan_year": 2018}, {"kind": "deadline", "due": "2018-12-31"}),
    ("2018年春节前", {}, {"kind": "deadline", "due": "2018-02-15", "flags": ["holiday:春节"]}),
    ("春节后", {"plan_year": 2018}, {"kind": "ongoing", "start": "2018-02-22", "end": None}),
    ("春节期间", {"plan_year": 2017}, {"kind": "window", "start": "2017-01-27", "end": "2017-02-02"}),
    ("国庆节期间", {"plan_year": 2017}, {"kind": "window", "start": "2017-10-01", "end": "2017-10-08"}),
    ("从11月20日至2020年春节前", {"plan_year": 2019}, {"kind": "window", "start": "2019-11-20", "end": "2020-01-24"}),
    ("春节后一周内", {"plan_year": 2018}, {"kind": "relative", "due": "2018-02-28", "anchor": "春节"}),
    ("国庆节后5个工作日内", {"plan_year": 2017}, {"kind": "relative", "due": "2017-10-13"}),
]


@pytest.mark.parametrize(("text", "ctx", "expect"), HOLIDAYS, ids=[h[0] for h in HOLIDAYS])
def test_holiday_readings(text: str, ctx: dict, expect: dict) -> None:
    r = normalise(text, **ctx)
    assert mismatches(r.to_dict(), expect) == [], r.describe()


def test_holiday_rest_block_past_the_data_is_predicted_and_flagged() -> None:
    r = normalise("2027年春节期间")  # 8 days from 除夕 (2027-02-05) under the 2025 rules
    assert mismatches(r.to_dict(), {"kind": "window", "start": "2027-02-05", "end": "2027-02-12"}) == []
    assert "calendar:predicted:2027" in r.flags


def test_every_spring_festival_follows_the_lunar_date() -> None:
    r = normalise("每年春节", ref="2017-01-09")
    assert isinstance(r, Recurrence) and r.rrule_text is None and r.holiday == "春节"
    assert r.occurrences(date(2017, 1, 1), date(2030, 12, 31))[-4:] == [
        date(2027, 2, 6), date(2028, 1, 26), date(2029, 2, 13), date(2030, 2, 3)]
    with pytest.raises(ValueError, match="occurrences"):
        r.rrule()
