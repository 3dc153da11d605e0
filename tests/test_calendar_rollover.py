"""《民法典》第二百零三条: a period counted in days that ends on a holiday's day off ends on the next working day.

Dates from the published calendars: 2017 国庆+中秋 rest 10-01..10-08 with 09-30 (Saturday) worked; 2017
劳动节 rest 04-29..05-01. The 2027 dates are the prediction (春节 02-05..02-12, make-up 02-13 and 02-14).
"""

from __future__ import annotations

from datetime import date

import pytest

from deadline_cn import Relative, calendar, normalise

TEXT = "本意见印发之日起30日内"


def relative(text: str, **ctx: object) -> Relative:
    r = normalise(text, **ctx)  # type: ignore[arg-type]
    assert isinstance(r, Relative), r.describe()
    return r


def test_a_period_ending_in_the_national_day_break_moves_to_the_next_working_day() -> None:
    r = relative(TEXT, ref="2017-09-01")  # 09-01 + 30 days = 10-01
    assert r.due == date(2017, 10, 9)
    assert "calendar:rolled-over" in r.flags
    assert [(a.due, a.reading) for a in r.alternatives] == [(date(2017, 10, 1), "calendar-day")]


def test_roll_over_can_be_turned_off() -> None:
    r = relative(TEXT, ref="2017-09-01", roll_over=False)
    assert r.due == date(2017, 10, 1) and r.flags == () and r.alternatives == ()
    assert relative("30日内").resolve(date(2017, 9, 1), roll_over=False) == date(2017, 10, 1)
    assert relative("30日内").resolve(date(2017, 9, 1)) == date(2017, 10, 9)


@pytest.mark.parametrize(("ref", "due"), [
    ("2018-11-16", date(2018, 12, 16)),  # an ordinary Sunday: not a holiday, not moved (DESIGN.md's example)
    ("2017-08-31", date(2017, 9, 30)),  # a 调休 Saturday is a working day
])
def test_ordinary_weekends_and_makeup_days_are_not_moved(ref: str, due: date) -> None:
    r = relative(TEXT, ref=ref)
    assert r.due == due and "calendar:rolled-over" not in r.flags


def test_a_weekend_inside_the_holiday_block_moves() -> None:
    assert relative("36日内").resolve(date(2017, 9, 1)) == date(2017, 10, 9)  # 10-07, a Saturday in the block


def test_roll_over_onto_a_predicted_year_is_flagged() -> None:
    r = relative(TEXT, ref="2027-01-06")  # 01-06 + 30 days = 02-05, 除夕
    assert r.due == date(2027, 2, 13)  # the predicted make-up Saturday
    assert "calendar:rolled-over" in r.flags and "calendar:predicted:2027" in r.flags


def test_months_and_working_days_are_not_rolled() -> None:
    assert relative("1个月内").resolve(date(2017, 3, 31)) == date(2017, 4, 30)  # inside 劳动节 2017, kept
    assert relative("3个工作日内").resolve(date(2017, 9, 28)) == date(2017, 10, 9)  # 09-29, 09-30, 10-09


def test_is_holiday_rest() -> None:
    assert calendar.is_holiday_rest(date(2017, 10, 7))  # Saturday inside the 国庆 block
    assert not calendar.is_holiday_rest(date(2018, 12, 16))  # ordinary Sunday
    assert not calendar.is_holiday_rest(date(2017, 9, 30))  # make-up Saturday
    assert calendar.is_holiday_rest(date(2027, 2, 8))  # predicted 春节 break
