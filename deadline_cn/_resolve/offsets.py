"""Turning an offset (N 个工作日 / 日 / 小时 / 个月 / 年) from an event into a due date.

Counting rule (DESIGN.md): the event's own day is not counted. N日内 from day E ends on E+N; N个工作日内
ends on the N-th working day after E on the mainland calendar (调休 included); months and years clamp to
the month's end; hours return a datetime.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from deadline_cn._resolve import dates as _dates


def apply_offset(event: date | datetime, value: float, unit: str) -> date | datetime:
    if unit == "hour":
        start = event if isinstance(event, datetime) else datetime(event.year, event.month, event.day)
        return start + timedelta(hours=value)
    day = event.date() if isinstance(event, datetime) else event
    if unit == "workday":
        from deadline_cn.calendar import add_workdays

        return add_workdays(day, math.ceil(value))
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
    """Working-day counts outside the holiday data's years are flagged, never silently guessed."""
    if unit != "workday":
        return ()
    from deadline_cn.calendar import coverage_flags

    as_day = [x.date() if isinstance(x, datetime) else x for x in (event, due)]
    return coverage_flags(min(as_day), max(as_day))
