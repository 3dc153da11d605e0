"""Which days are working days, layer by layer: a notice the user loaded, then the official data
(chinesecalendar with corrections), then the predicted arrangement for 2008-rule years after the data
(up to the lunar table's last year), then Monday–Friday.

Working-day arithmetic rests on ``cumulative``: the number of working days up to an ordinal, computed from
the Monday–Friday count plus a prefix sum over the days whose status differs from Monday–Friday.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from datetime import date
from typing import TYPE_CHECKING, Final, NamedTuple

from deadline_cn._calendar import notices, predict
from deadline_cn._calendar.festivals import HOLIDAY_YEARS
from deadline_cn._calendar.official import official as official

if TYPE_CHECKING:
    from pathlib import Path  # loaded where a path is read: pathlib pulls in urllib, ipaddress, fnmatch

FIRST_RULE_YEAR: Final = 2008  # the first year of the rules in rules.LAWS
PREDICT_LAST: Final = HOLIDAY_YEARS[1]

_loaded: dict[int, notices.Notice] = {}
_generation = [0]


class DayStatus(NamedTuple):
    """A day's working status and where it comes from: "notice", "predicted" or "weekday"."""

    working: bool
    source: str
    detail: str


def weekday_rule(ordinal: int) -> bool:
    # Ordinal 1 (0001-01-01) is a Monday.
    return (ordinal - 1) % 7 < 5


def generation() -> int:
    """A number that changes whenever a notice is loaded or unloaded (for callers' caches)."""
    return _generation[0]


def load(path: str | Path) -> notices.Notice:
    notice = notices.read(path)
    _loaded[notice.year] = notice
    changed()
    return notice


def unload(year: int | None = None) -> None:
    if year is None:
        _loaded.clear()
    else:
        _loaded.pop(year, None)
    changed()


def changed() -> None:
    _generation[0] += 1
    _fixes.cache_clear()
    labels.cache_clear()


def year_source(year: int) -> str:
    """"notice" (loaded or official data), "predicted" (rules) or "weekday" (Monday–Friday)."""
    data = official()
    if year in _loaded or data.first_year <= year <= data.last_year:
        return "notice"
    if max(data.last_year + 1, FIRST_RULE_YEAR) <= year <= PREDICT_LAST:
        return "predicted"
    return "weekday"


def status(day: date) -> DayStatus:
    for notice in _loaded.values():
        working = notice.working(day)
        if working is not None:
            return DayStatus(working, "notice", notice.source)
    source = year_source(day.year)
    ordinal = day.toordinal()
    if source == "notice":
        data = official()
        working = ordinal in data.work or (weekday_rule(ordinal) and ordinal not in data.rest)
        return DayStatus(working, "notice", data.corrected.get(ordinal, "chinesecalendar"))
    if source == "predicted":
        predicted = predict.predicted_working(day)
        if predicted is not None:
            return DayStatus(predicted, "predicted", _rule_of(day))
        return DayStatus(weekday_rule(ordinal), "predicted", "no holiday window: Monday–Friday")
    return DayStatus(weekday_rule(ordinal), "weekday", "no holiday data or rules for this year")


def _rule_of(day: date) -> str:
    for year in (day.year, day.year + 1):
        plan = predict.plan(year)
        name = plan.rest.get(day) or plan.work.get(day)
        if name:
            return f"{name}: {plan.sources[name]}"
    return ""


def is_working(ordinal: int) -> bool:
    return status(date.fromordinal(ordinal)).working


@functools.cache
def labels() -> dict[int, str]:
    """Ordinal of a day off → holiday name, over every layer (for finding a holiday's block)."""
    out = dict(official().labels)
    for year in range(max(official().last_year + 1, FIRST_RULE_YEAR), PREDICT_LAST + 1):
        if year_source(year) == "predicted":
            out.update((d.toordinal(), name) for d, name in predict.plan(year).rest.items() if d.year == year)
    for notice in _loaded.values():
        out.update((d.toordinal(), name) for d, name in notice.off.items())
    return out


@functools.cache
def _fixes() -> tuple[list[int], list[int]]:
    """Sorted ordinals whose status differs from Monday–Friday, and prefix sums of the net correction."""
    candidates: set[int] = set(official().rest | official().work)
    for year in range(max(official().last_year + 1, FIRST_RULE_YEAR), PREDICT_LAST + 1):
        plan = predict.plan(year)
        candidates.update(d.toordinal() for d in itertools.chain(plan.rest, plan.work))
    for notice in _loaded.values():
        candidates.update(d.toordinal() for d in itertools.chain(notice.off, notice.work))
    fixes = []
    for ordinal in sorted(candidates):
        working = is_working(ordinal)
        if working != weekday_rule(ordinal):
            fixes.append((ordinal, 1 if working else -1))
    ordinals = [o for o, _ in fixes]
    return ordinals, list(itertools.accumulate((delta for _, delta in fixes), initial=0))


def cumulative(ordinal: int) -> int:
    """Number of working days with ordinal in [1, ordinal]; differences of it count working days in ranges."""
    ordinals, sums = _fixes()
    weeks, extra = divmod(ordinal, 7)
    return weeks * 5 + min(extra, 5) + sums[bisect.bisect_right(ordinals, ordinal)]


def predicted_windows(start: date, end: date) -> list[tuple[int, str, date, date]]:
    """(year, holiday, first, last) of predicted holiday windows meeting [start, end], clipped to the
    predicted year they fall in."""
    out = []
    for year in range(start.year, end.year + 1):
        if year_source(year) != "predicted":
            continue
        for plan_year in (year, year + 1):
            if plan_year > PREDICT_LAST:
                continue
            for name, first, last in predict.plan(plan_year).windows:
                first, last = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
                if first <= last and first <= end and start <= last:
                    out.append((year, name, first, last))
    return out
