"""Turning an offset (N 个工作日 / 日 / 小时 / 个月 / 年) from an event into a due date, with its flags.

Counting rule (DESIGN.md): the event's own day is not counted (《民法典》第二百零一条: 开始的当日不计入).
N日内 from day E ends on E+N; N个工作日内 ends on the N-th working day after E on the mainland calendar
(调休 included); months and years clamp to the month's end; hours return a datetime.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import NamedTuple

from deadline_cn import calendar as _calendar
from deadline_cn._calendar import dates as _dates

MONDAY_FRIDAY = "monday-friday"
CALENDAR_DAY = "calendar-day"
ROLLED_OVER_FLAG = "calendar:rolled-over"


class Applied(NamedTuple):
    """A due date, the calendar flags it carries, and (date, reading) alternatives to it."""

    due: date | datetime
    flags: tuple[str, ...] = ()
    alternatives: tuple[tuple[date, str], ...] = ()


def apply_offset(event: date | datetime, value: float, unit: str, roll_over: bool = True) -> date | datetime:
    return apply_offset_flagged(event, value, unit, roll_over).due


def apply_offset_flagged(event: date | datetime, value: float, unit: str, roll_over: bool = True) -> Applied:
    """The due date with ``calendar:*`` flags; a working-day count whose Monday–Friday answer differs from
    the calendar's on a predicted year also gives that answer as a "monday-friday" alternative.

    A count of days or weeks that ends on a holiday's day off ends on the next working day instead
    (《民法典》第二百零三条), flagged ``calendar:rolled-over`` with the raw date as a "calendar-day"
    alternative; ``roll_over=False`` keeps the raw date. Ordinary weekends are not moved."""
    if unit == "hour":
        start = event if isinstance(event, datetime) else datetime(event.year, event.month, event.day)
        return Applied(start + timedelta(hours=value))
    day = event.date() if isinstance(event, datetime) else event
    if unit == "workday":
        counted = _calendar.add_workdays_flagged(day, math.ceil(value))
        predicted = any(f.startswith(_calendar.PREDICTED_FLAG_PREFIX) for f in counted.flags)
        plain = counted.monday_friday
        alternatives = ((plain, MONDAY_FRIDAY),) if predicted and plain != counted.day else ()
        return Applied(counted.day, counted.flags, alternatives)
    raw = _calendar_days(day, value, unit)
    if not roll_over or unit not in ("day", "week") or value < 0:
        return Applied(raw)  # a count back (会议召开前3日) is not a period that ends: nothing rolls it forward
    return _rolled_over(raw)


def _rolled_over(raw: date) -> Applied:
    if not _calendar.is_holiday_rest(raw):
        return Applied(raw)
    due = _calendar.add_workdays(raw, 1)
    return Applied(due, (ROLLED_OVER_FLAG, *_calendar.calendar_flags(raw, due)), ((raw, CALENDAR_DAY),))


def _calendar_days(day: date, value: float, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=math.ceil(value))
    if unit == "week":
        return day + timedelta(days=math.ceil(value * 7))
    if unit == "month":
        return _dates.add_fractional_months(day, value)
    if unit == "year":
        return _dates.add_fractional_months(day, value * 12)
    raise ValueError(f"unknown offset unit {unit!r}")


def coverage_flags_for(event: date | datetime, due: date | datetime, unit: str) -> tuple[str, ...]:
    """The calendar flags of a working-day count from ``event`` to ``due`` (other units: none)."""
    if unit != "workday":
        return ()
    from deadline_cn.calendar import calendar_flags

    as_day = [x.date() if isinstance(x, datetime) else x for x in (event, due)]
    return calendar_flags(min(as_day), max(as_day))
