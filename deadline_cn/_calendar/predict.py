"""A predicted 调休 arrangement for a year no notice covers, built from the rules in :mod:`rules`.

Steps: statutory days by the law in force; each holiday's block by its shape (中秋 near 10-01 joins 国庆);
then make-up working days on the nearest free weekend days, as many as the block has weekdays beyond its
statutory days (a statutory day on a weekend is made up inside the block, 补假).
"""

from __future__ import annotations

import functools
import itertools
from datetime import date, timedelta
from typing import NamedTuple

from deadline_cn._calendar import rules
from deadline_cn._calendar.festivals import HOLIDAY_YEARS, holiday_date

ORDER = ("元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆")
_DAY = timedelta(days=1)
# Day offsets (first, last) of a one-day holiday's block from the holiday, by its weekday (Monday = 0).
_WEEKEND_BLOCKS = {0: (-2, 0), 1: (-2, 0), 2: (0, 0), 3: (0, 2), 4: (0, 2), 5: (0, 2), 6: (-1, 1)}


class Block(NamedTuple):
    holiday: str
    first: date
    last: date
    statutory: int  # statutory days off the block must give (补假 included)
    source: str


class Plan(NamedTuple):
    year: int
    rest: dict[date, str]  # predicted day off -> holiday name
    work: dict[date, str]  # predicted make-up working day -> holiday name
    windows: tuple[tuple[str, date, date], ...]  # (holiday, first, last) over the block and its make-up days
    sources: dict[str, str]  # holiday -> the rules its prediction rests on


def _is_weekday(day: date) -> bool:
    return day.weekday() < 5


def blocks(year: int) -> list[Block]:
    """Each holiday's predicted block of days off in ``year`` (ValueError before 2008)."""
    law = rules.law_for(year)
    if law is None:
        raise ValueError(f"no 调休 rules before 2008 (asked for {year})")
    mid = holiday_date("中秋", year)
    (m1, d1), (m2, d2), joined_length, joined_source = rules.JOINED_MID_AUTUMN
    joined = date(year, m1, d1) <= mid <= date(year, m2, d2)
    out = []
    for name in ORDER:
        if joined and name == "中秋":
            continue
        day, shape = holiday_date(name, year), rules.shape_for(name, year)
        statutory, source = len(law.days[name]), f"{law.source}; {shape.source}"
        if joined and name == "国庆":
            first = min(mid, day)
            last, statutory = first + (joined_length - 1) * _DAY, statutory + 1
            source = f"{source}; {joined_source}"
        elif shape.kind == "weekend":
            before, after = _WEEKEND_BLOCKS[day.weekday()]
            first, last = day + before * _DAY, day + after * _DAY
        else:
            first = _span_start(name, day, shape.start, year)
            last = first + (shape.length - 1) * _DAY
        out.append(Block(name, first, last, statutory, source))
    return out


def _span_start(name: str, day: date, start: str, year: int) -> date:
    if start == "除夕":
        return holiday_date("除夕", year)
    if start == "day-or-saturday" and day.weekday() in (6, 0):
        return day - ((day.weekday() + 2) % 7) * _DAY  # Sunday → 1 day back, Monday → 2
    return day


@functools.cache
def plan(year: int) -> Plan:
    """The predicted arrangement of ``year``'s holidays (days may spill into the neighbouring years)."""
    found = blocks(year)
    rest = {b.first + i * _DAY: b.holiday for b in found for i in range((b.last - b.first).days + 1)}
    work: dict[date, str] = {}
    windows = []
    for b in found:
        length = (b.last - b.first).days + 1
        weekdays = sum(_is_weekday(b.first + i * _DAY) for i in range(length))
        chosen = _makeups(b, max(weekdays - b.statutory, 0), rest, work)
        work.update((day, b.holiday) for day in chosen)
        windows.append((b.holiday, min([b.first, *chosen]), max([b.last, *chosen])))
    sources = {b.holiday: f"{b.source}; {rules.MAKEUP_SOURCE}" for b in found}
    return Plan(year, rest, work, tuple(windows), sources)


def _makeups(b: Block, count: int, rest: dict[date, str], work: dict[date, str]) -> tuple[date, ...]:
    """The ``count`` free weekend days nearest the block that keep working runs within rules.MAX_RUN."""
    if count == 0:
        return ()
    candidates = _side(b.first, -1, count, rest, work) + _side(b.last, 1, count, rest, work)

    def cost(combo: tuple[date, ...]) -> tuple[int, int, tuple[date, ...]]:
        extra = set(combo)
        longest = max(_run(day, rest, work, extra) for day in combo)
        distance = sum(min(abs((d - b.first).days), abs((d - b.last).days)) for d in combo)
        return (longest > rules.MAX_RUN, distance, combo)

    return min(itertools.combinations(sorted(candidates), count), key=cost, default=())


def _side(edge: date, step: int, count: int, rest: dict[date, str], work: dict[date, str]) -> list[date]:
    """Up to max(count, 2) free weekend days walking away from ``edge`` (3 weeks at most)."""
    found: list[date] = []
    for i in range(1, 22):
        day = edge + step * i * _DAY
        if not _is_weekday(day) and day not in rest and day not in work:
            found.append(day)
            if len(found) == max(count, 2):
                break
    return found


def _run(day: date, rest: dict[date, str], work: dict[date, str], extra: set[date]) -> int:
    """Length of the run of working days through ``day`` with ``extra`` days worked as well."""

    def working(x: date) -> bool:
        return x in extra or x in work or (_is_weekday(x) and x not in rest)

    low = high = day
    while working(low - _DAY):
        low -= _DAY
    while working(high + _DAY):
        high += _DAY
    return (high - low).days + 1


def predicted_working(day: date) -> bool | None:
    """The predicted status of ``day`` from the plans of its year and the next (元旦 spills back); None if
    the rules say nothing beyond Monday–Friday for it."""
    for year in (day.year, day.year + 1):
        if not rules.LAWS[0].first_year <= year <= HOLIDAY_YEARS[1]:
            continue
        p = plan(year)
        if day in p.work:
            return True
        if day in p.rest:
            return False
    return None
