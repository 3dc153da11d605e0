"""Tests for deadline_cn.calendar: working days, coverage, holiday dates and rest blocks."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from deadline_cn import calendar as cal
from deadline_cn._calendar import festivals as holidays
from deadline_cn._calendar import lunar_data as _lunar_data
from deadline_cn._calendar.blocks import _estimated_block
from deadline_cn._calendar.official import CORRECTIONS
from tests.slow import slow, two_sizes

FIRST, LAST = cal.coverage()
BEYOND = LAST + 1  # the first year chinesecalendar has no data for (2027 with chinesecalendar 1.11)
BEFORE = FIRST - 1  # a year with neither data nor 调休 rules: Monday–Friday
COVERS_FLAG = f"calendar:covers:{FIRST}-{LAST}"


def d(text: str) -> date:
    return date.fromisoformat(text)


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# --- 调休 and official schedule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    ["2017-01-22", "2017-02-04", "2017-09-30", "2024-02-04", "2024-02-18", "2026-02-14", "2026-02-28"],
)
def test_makeup_weekend_days_are_working_days(day: str) -> None:
    assert d(day).weekday() >= 5
    assert cal.is_workday(d(day))


@pytest.mark.parametrize("day", ["2017-10-04", "2017-10-06", "2024-02-16", "2026-02-23", "2020-01-31"])
def test_weekday_holidays_are_not_working_days(day: str) -> None:
    assert d(day).weekday() < 5
    assert not cal.is_workday(d(day))


def test_national_day_2017_was_eight_days() -> None:
    assert cal.rest_block("国庆", 2017) == (d("2017-10-01"), d("2017-10-08"), ())
    assert not any(cal.is_workday(x) for x in days(d("2017-10-01"), d("2017-10-08")))
    assert cal.is_workday(d("2017-10-09"))


@pytest.mark.parametrize(
    ("name", "year", "start", "end"),
    [
        ("春节", 2017, "2017-01-27", "2017-02-02"),
        ("春節", 2024, "2024-02-10", "2024-02-17"),
        ("春节", 2026, "2026-02-15", "2026-02-23"),
        ("除夕", 2026, "2026-02-15", "2026-02-23"),
        ("除夕", 2024, "2024-02-10", "2024-02-17"),  # 除夕 2024-02-09 was worked
        ("中秋", 2017, "2017-10-01", "2017-10-08"),  # 中秋 inside the 国庆 block
        ("中秋", 2020, "2020-10-01", "2020-10-08"),  # labelled 国庆 only by chinesecalendar
        ("劳动节", 2015, "2015-05-01", "2015-05-03"),  # 与周末连休
        ("五一", 2024, "2024-05-01", "2024-05-05"),
        ("元旦", 2017, "2016-12-31", "2017-01-02"),
        ("端午节", 2024, "2024-06-08", "2024-06-10"),
    ],
)
def test_official_rest_blocks(name: str, year: int, start: str, end: str) -> None:
    assert cal.rest_block(name, year) == (d(start), d(end), ())


def test_rest_block_2026_spring_festival_is_bounded_by_makeup_days() -> None:
    start, end, _ = cal.rest_block("春节", 2026)
    assert cal.is_workday(start - timedelta(days=1))  # 2026-02-14, a makeup Saturday
    assert cal.is_workday(end + timedelta(days=1))
    assert len(days(start, end)) == 9


@pytest.mark.parametrize("name", ["元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆"])
def test_every_covered_rest_block_is_a_maximal_run_of_days_off(name: str) -> None:
    for year in range(max(FIRST, 2008), LAST + 1):  # 清明/端午/中秋 are days off since 2008
        start, end, flags = cal.rest_block(name, year)
        assert flags == ()
        assert not any(cal.is_workday(x) for x in days(start, end)), (name, year)
        assert cal.is_workday(start - timedelta(days=1)) and cal.is_workday(end + timedelta(days=1))
        assert start - timedelta(days=10) <= cal.holiday_date(name, year) <= end + timedelta(days=10)


def test_rest_block_before_a_holiday_became_official() -> None:
    assert cal.rest_block("清明", 2005) == (d("2005-04-05"), d("2005-04-05"), (cal.NO_OFFICIAL_REST_FLAG,))


def test_rest_block_rejects_non_holidays() -> None:
    with pytest.raises(ValueError, match="not a public holiday"):
        cal.rest_block("元宵", 2024)


def test_is_workday_matches_chinese_calendar_on_every_covered_day() -> None:
    import chinese_calendar

    corrected = {fix.day for fix in CORRECTIONS}
    for day in days(date(FIRST, 1, 1), date(LAST, 12, 31)):
        if day not in corrected:
            assert cal.is_workday(day) == chinese_calendar.is_workday(day), day


# --- counting working days ------------------------------------------------------------------------


def test_add_workdays_across_spring_festival() -> None:
    assert cal.add_workdays(d("2017-01-25"), 3) == d("2017-02-04")
    assert cal.workdays_between(d("2017-01-25"), d("2017-02-04")) == 3
    assert cal.workdays_between(d("2017-02-04"), d("2017-01-25")) == -3
    assert cal.add_workdays(d("2017-02-03"), -1) == d("2017-01-26")


def test_add_workdays_across_national_day() -> None:
    assert cal.add_workdays(d("2017-09-29"), 1) == d("2017-09-30")
    assert cal.add_workdays(d("2017-09-29"), 2) == d("2017-10-09")
    assert cal.add_workdays(d("2017-10-09"), -2) == d("2017-09-29")


def test_add_zero_workdays_returns_the_day_even_on_a_holiday() -> None:
    assert cal.add_workdays(d("2017-10-03"), 0) == d("2017-10-03")


def test_backwards_count_from_a_holiday() -> None:
    # From a day off, the count runs over [b, a): 2017-09-29 and 09-30 are the working days before 10-03.
    assert cal.add_workdays(d("2017-10-03"), -2) == d("2017-09-29")
    assert cal.workdays_between(d("2017-10-03"), d("2017-09-29")) == -2


def test_add_workdays_overflow() -> None:
    with pytest.raises(OverflowError):
        cal.add_workdays(date(9999, 12, 30), 5)
    with pytest.raises(OverflowError):
        cal.add_workdays(date(1, 1, 3), -5)


# --- coverage -------------------------------------------------------------------------------------


def test_coverage_is_read_from_chinese_calendar_data() -> None:
    from chinese_calendar.constants import holidays, workdays

    years = {x.year for x in (*holidays, *workdays)}
    assert cal.coverage() == (min(years), max(years))
    assert FIRST <= 2004 and LAST >= 2026


def test_years_without_data_or_rules_count_monday_to_friday() -> None:
    year = days(date(BEFORE, 1, 1), date(BEFORE, 12, 31))
    assert [cal.is_workday(x) for x in year] == [x.weekday() < 5 for x in year]
    assert {cal.day_status(x).source for x in year} == {"weekday"}
    weekdays = sum(x.weekday() < 5 for x in year)
    assert cal.workdays_between(date(BEFORE - 1, 12, 31), date(BEFORE, 12, 31)) == weekdays
    oct_first = date(BEFORE, 10, 1)  # a holiday in practice, a plain weekday here
    skip = {4: 3, 5: 2}.get(oct_first.weekday(), 1)
    assert cal.add_workdays(oct_first, 1) == oct_first + timedelta(days=skip)


def test_coverage_flags() -> None:
    assert cal.BEYOND_COVERAGE_FLAG == "calendar:beyond-coverage"
    assert cal.coverage_flags(d("2017-01-01"), d("2017-12-31")) == ()
    before = date(BEFORE, 12, 5)
    assert cal.coverage_flags(date(FIRST, 1, 10), before) == ("calendar:beyond-coverage", COVERS_FLAG)
    assert cal.coverage_flags(before, date(FIRST, 1, 10)) == ("calendar:beyond-coverage", COVERS_FLAG)
    assert cal.coverage_flags(date(2100, 12, 1), date(2101, 1, 5)) == ("calendar:beyond-coverage", COVERS_FLAG)
    # Years after the data are predicted from the rules, not assumed Monday–Friday.
    assert cal.coverage_flags(date(LAST, 12, 1), date(BEYOND, 1, 5)) == ()


def test_is_covered_and_beyond_coverage_edges() -> None:
    assert cal.is_covered(date(FIRST, 1, 1)) and cal.is_covered(date(LAST, 12, 31))
    assert not cal.is_covered(date(FIRST - 1, 12, 31)) and not cal.is_covered(date(BEYOND, 1, 1))
    assert not cal.beyond_coverage(date(FIRST, 1, 1), date(LAST, 12, 31))
    assert cal.beyond_coverage(date(LAST, 12, 31), date(BEYOND, 1, 1))


def test_rest_block_estimates_without_data_or_rules() -> None:
    flags = ("calendar:beyond-coverage", COVERS_FLAG)
    eve = cal.holiday_date("除夕", BEFORE)
    assert cal.rest_block("春节", BEFORE) == (eve, eve + timedelta(days=6), flags)
    assert cal.rest_block("国庆", BEFORE) == (date(BEFORE, 10, 1), date(BEFORE, 10, 7), flags)
    assert cal.rest_block("劳动节", BEFORE) == (date(BEFORE, 5, 1), date(BEFORE, 5, 5), flags)
    qingming = cal.holiday_date("清明", BEFORE)
    assert cal.rest_block("清明", BEFORE) == (qingming, qingming, flags)


def test_estimated_mid_autumn_inside_golden_week_joins_it() -> None:
    assert _estimated_block("中秋", d("2028-10-03")) == (d("2028-10-01"), d("2028-10-07"))
    assert _estimated_block("中秋", d("2027-09-15")) == (d("2027-09-15"), d("2027-09-15"))


# --- holiday dates --------------------------------------------------------------------------------

PUBLISHED = {  # hand-copied from published calendars, 2017–2030
    "春节": "01-28 02-16 02-05 01-25 02-12 02-01 01-22 02-10 01-29 02-17 02-06 01-26 02-13 02-03",
    "端午": "05-30 06-18 06-07 06-25 06-14 06-03 06-22 06-10 05-31 06-19 06-09 05-28 06-16 06-05",
    "中秋": "10-04 09-24 09-13 10-01 09-21 09-10 09-29 09-17 10-06 09-25 09-15 10-03 09-22 09-12",
    "清明": "04-04 04-05 04-05 04-04 04-04 04-05 04-05 04-04 04-04 04-05 04-05 04-04 04-04 04-05",
}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_holiday_dates_match_published_table(name: str) -> None:
    for year, month_day in zip(range(2017, 2031), PUBLISHED[name].split(), strict=True):
        assert cal.holiday_date(name, year) == d(f"{year}-{month_day}"), (name, year)


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("除夕", 2017, "2017-01-27"),
        ("除夕", 2025, "2025-01-28"),  # 腊月廿九: 2025 has no 腊月三十
        ("除夕", 2026, "2026-02-16"),
        ("元宵", 2024, "2024-02-24"),
        ("元宵节", 2025, "2025-02-12"),
        ("元旦节", 2030, "2030-01-01"),
        ("五一劳动节", 2030, "2030-05-01"),
        ("國慶節", 2030, "2030-10-01"),
        ("清明", 2100, "2100-04-05"),  # the plain 寿星 formula says 04-04 (2100 is not a leap year)
        ("春节", 1900, "1900-01-31"),
        ("除夕", 1900, "1900-01-30"),
        ("中秋", 2100, "2100-09-18"),
    ],
)
def test_holiday_date_examples(name: str, year: int, expected: str) -> None:
    assert cal.holiday_date(name, year) == d(expected)


def test_eve_is_the_day_before_new_year_for_every_year() -> None:
    for year in range(1900, 2101):
        assert cal.holiday_date("除夕", year) == cal.holiday_date("春节", year) - timedelta(days=1)


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("春節", "春节"),
        ("國慶節", "国庆"),
        ("國慶", "国庆"),
        ("国庆节", "国庆"),
        ("中秋节", "中秋"),
        ("端午节", "端午"),
        ("元宵节", "元宵"),
        ("清明节", "清明"),
        ("五一劳动节", "劳动节"),
        ("五一", "劳动节"),
        ("元旦节", "元旦"),
        (" 春节 ", "春节"),
    ],
)
def test_aliases(alias: str, name: str) -> None:
    assert cal.holiday_date(alias, 2031) == cal.holiday_date(name, 2031)


def test_holiday_names() -> None:
    assert cal.holiday_names() == ("元旦", "除夕", "春节", "元宵", "妇女节", "清明", "劳动节", "青年节", "儿童节",
                                   "端午", "建党节", "建军节", "教师节", "中秋", "国庆", "重阳")


def test_unknown_holiday_names_the_accepted_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown holiday.*春节.*国庆"):
        cal.holiday_date("圣诞节", 2024)


@pytest.mark.parametrize("year", [1899, 2101])
def test_years_outside_the_lunar_table_are_rejected(year: int) -> None:
    with pytest.raises(ValueError, match="1900"):
        cal.holiday_date("春节", year)
    with pytest.raises(ValueError, match="1900"):
        cal.holiday_date("元旦", year)


def test_qingming_matches_chinese_calendar_solar_terms() -> None:
    from chinese_calendar import get_solar_terms

    terms = get_solar_terms(date(1900, 4, 1), date(2099, 4, 30))
    expected = {x.year: x for x, name in terms if name == "清明"}
    assert len(expected) == 200
    for year in range(1900, 2100):
        assert cal.holiday_date("清明", year) == expected[year], year


@slow
def test_every_lunar_date_matches_jionlp() -> None:
    from jionlp.gadget.lunar_solar_date import LunarSolarDate

    converter = LunarSolarDate()
    # jionlp converts Gregorian dates of 1900–2100 only, so lunar 2100 is checked up to 2100-12-31.
    start, end = date(*_lunar_data.EPOCH), date(2100, 12, 31)
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        year, month, lunar_day, leap = converter.to_lunar_date(datetime(day.year, day.month, day.day))
        assert holidays._lunar_to_solar(year, month, lunar_day, leap) == day, (day, year, month, lunar_day, leap)


@pytest.mark.parametrize("name", ["春节", "元宵", "端午", "中秋"])
def test_lunar_holidays_match_jionlp_for_every_year(name: str) -> None:
    from jionlp.gadget.lunar_solar_date import LunarSolarDate

    month, day = {"春节": (1, 1), "元宵": (1, 15), "端午": (5, 5), "中秋": (8, 15)}[name]
    converter = LunarSolarDate()
    for year in range(1900, 2101):
        assert cal.holiday_date(name, year) == converter.to_solar_date(year, month, day).date(), year


def test_impossible_lunar_dates_are_rejected() -> None:
    with pytest.raises(ValueError):
        holidays._lunar_to_solar(2024, 1, 1, leap=True)  # 2024 has no leap month
    with pytest.raises(ValueError):
        holidays._lunar_to_solar(2025, 12, 30)  # 2025's 腊月 has 29 days
    assert holidays._lunar_to_solar(2023, 2, 1, leap=True) == d("2023-03-22")  # 闰二月


# --- properties -----------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(FIRST - 3, 1, 1), max_value=date(LAST + 3, 12, 31))
FULL = settings(max_examples=300, deadline=None)  # the slow run; the default suite runs QUICK (tests/slow.py)


@two_sizes(FULL, DAYS, st.integers(min_value=-800, max_value=800))
def test_add_workdays_properties(start: date, n: int) -> None:
    result = cal.add_workdays(start, n)
    assert cal.workdays_between(start, result) == n
    assert cal.add_workdays(start, n) < cal.add_workdays(start, n + 1)
    if n != 0:
        assert cal.is_workday(result)
    else:
        assert result == start


def naive_add(start: date, n: int) -> date:
    step, current, left = (1 if n > 0 else -1), start, abs(n)
    while left:
        current += timedelta(days=step)
        left -= cal.is_workday(current)
    return current


@two_sizes(FULL, DAYS, st.integers(min_value=-60, max_value=60))
def test_add_workdays_matches_day_by_day_stepping(start: date, n: int) -> None:
    assert cal.add_workdays(start, n) == naive_add(start, n)


@two_sizes(FULL, DAYS, st.integers(min_value=-400, max_value=400))
def test_workdays_between_matches_direct_count(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    if span >= 0:
        expected = sum(cal.is_workday(x) for x in days(start + timedelta(days=1), end))
    else:
        expected = -sum(cal.is_workday(x) for x in days(end, start - timedelta(days=1)))
    assert cal.workdays_between(start, end) == expected


# --- import cost ----------------------------------------------------------------------------------


def test_import_does_not_load_chinese_calendar_or_jionlp() -> None:
    root = Path(__file__).resolve().parents[1]
    code = (
        "import sys, deadline_cn.calendar; print('chinese_calendar' in sys.modules, 'jionlp' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_monday_friday_counts_in_closed_form_are_those_of_the_search() -> None:
    """``add_workdays(..., weekday_cumulative)`` answers in closed form: the day the bracketed search finds."""
    import random

    from deadline_cn._calendar import workdays as w

    def searched(d: date, n: int) -> date | str:
        origin, count = d.toordinal(), w.weekday_cumulative
        try:
            if n > 0:
                target = count(origin) + n
                low, high = w._bracket_ahead(target, origin, n, count)
            else:
                target = count(origin - 1) + n + 1
                low, high = w._bracket_behind(target, origin - 1, n, count)
            return date.fromordinal(w._first_reaching(target, low, high, count))
        except OverflowError:
            return "overflow"

    def closed(d: date, n: int) -> date | str:
        try:
            return w.add_workdays(d, n, w.weekday_cumulative)
        except OverflowError:
            return "overflow"

    rng = random.Random(3)
    days = [date(2016, 12, 1) + timedelta(k) for k in range(60)] + [date.min + timedelta(k) for k in range(12)] \
        + [date.max - timedelta(k) for k in range(12)]
    for d in days:
        for n in [*range(-25, 26), *(rng.randint(-4000, 4000) for _ in range(10))]:
            if n:
                assert closed(d, n) == searched(d, n), (d, n)
