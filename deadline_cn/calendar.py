"""Mainland China working days, 调休 makeup days and holiday dates.

Working days come from the ``chinesecalendar`` package inside the years it covers (see :func:`coverage`);
outside them every Monday–Friday counts as a working day and the functions that can say so return
``coverage_flags``. Holiday dates (:func:`holiday_date`) are computed for 1900–2100 from a lunar table
and the 寿星 formula for 清明, so they need no network and no year-by-year data.

``chinese_calendar`` is imported on first use, not at import time, to keep ``import deadline_cn.calendar``
cheap.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from datetime import date, timedelta
from typing import Final, NamedTuple

from deadline_cn._resolve.holidays import HOLIDAY_YEARS, canonical, holiday_date, holiday_names

__all__ = [
    "BEYOND_COVERAGE_FLAG",
    "HOLIDAY_YEARS",
    "NO_OFFICIAL_REST_FLAG",
    "add_workdays",
    "beyond_coverage",
    "coverage",
    "coverage_flags",
    "holiday_date",
    "holiday_names",
    "is_covered",
    "is_workday",
    "rest_block",
    "workdays_between",
]

BEYOND_COVERAGE_FLAG: Final = "calendar:beyond-coverage"
"""Flag for results that depend on days outside the years ``chinesecalendar`` covers."""

NO_OFFICIAL_REST_FLAG: Final = "calendar:no-official-rest"
"""Flag from :func:`rest_block` for a covered year in which the holiday had no official day off."""

_MAX_ORDINAL: Final = date.max.toordinal()


# --- chinesecalendar day data ---------------------------------------------------------------------------


class _DayData(NamedTuple):
    first_year: int
    last_year: int
    rest: frozenset[int]  # ordinals chinesecalendar marks as holidays
    work: frozenset[int]  # ordinals of 调休 makeup working days
    labels: dict[int, str]  # holiday ordinal -> chinesecalendar's English holiday name
    fix_ordinals: list[int]  # sorted ordinals whose status differs from the Monday–Friday rule
    fix_sums: list[int]  # fix_sums[i]: net correction (+1 makeup day, -1 weekday off) of fix_ordinals[:i]


def _weekday_rule(ordinal: int) -> bool:
    # Ordinal 1 (0001-01-01) is a Monday.
    return (ordinal - 1) % 7 < 5


@functools.cache
def _data() -> _DayData:
    # Imported here, once, so importing this module does not load chinesecalendar's tables.
    from chinese_calendar.constants import holidays, workdays

    labels: dict[int, str] = {day.toordinal(): str(name) for day, name in holidays.items()}
    work = frozenset(day.toordinal() for day in workdays)
    rest = frozenset(labels)
    years = [day.year for day in itertools.chain(holidays, workdays)]
    fixes = sorted((o, 1 if o in work else -1) for o in rest | work if (o in work) != _weekday_rule(o))
    return _DayData(
        first_year=min(years),
        last_year=max(years),
        rest=rest,
        work=work,
        labels=labels,
        fix_ordinals=[o for o, _ in fixes],
        fix_sums=list(itertools.accumulate((delta for _, delta in fixes), initial=0)),
    )


def _is_working_ordinal(ordinal: int) -> bool:
    data = _data()
    # Outside coverage both sets are empty for the ordinal, so this falls back to Monday–Friday.
    return ordinal in data.work or (_weekday_rule(ordinal) and ordinal not in data.rest)


def _cumulative(ordinal: int) -> int:
    """Number of working days with ordinal in [1, ordinal]; differences of it count working days in ranges."""
    data = _data()
    weeks, extra = divmod(ordinal, 7)
    return weeks * 5 + min(extra, 5) + data.fix_sums[bisect.bisect_right(data.fix_ordinals, ordinal)]


# --- working days ----------------------------------------------------------------------------------------


def is_workday(d: date) -> bool:
    """Return whether ``d`` is a mainland China working day.

    Inside :func:`coverage` this follows the official schedule: public holidays are off and 调休 makeup
    days (weekends declared working days) count as working days. Outside it, Monday–Friday.
    """
    return _is_working_ordinal(d.toordinal())


def add_workdays(d: date, n: int) -> date:
    """Return the ``n``-th working day after ``d``; ``d`` itself is not counted.

    ``n == 0`` returns ``d``; a negative ``n`` counts backwards (the ``-n``-th working day before ``d``).
    For ``n != 0`` the result is always a working day. Example: 3 working days from 2017-01-25 is
    2017-02-04, a 调休 Saturday after the 春节 block. Raises ``OverflowError`` past ``date.min``/``date.max``.
    """
    origin = d.toordinal()
    if n == 0:
        return date.fromordinal(origin)
    if n > 0:
        target = _cumulative(origin) + n
        low, high = _bracket_ahead(target, origin, n)
    else:
        # The -n-th working day before d is where the count of working days in [x, d) reaches -n.
        target = _cumulative(origin - 1) + n + 1
        low, high = _bracket_behind(target, origin - 1, n)
    return date.fromordinal(_first_reaching(target, low, high))


def _bracket_ahead(target: int, start: int, n: int) -> tuple[int, int]:
    # Gallop forward until the count reaches target; 2n + 16 days covers n working days in practice.
    low, span = start, 2 * abs(n) + 16
    high = min(start + span, _MAX_ORDINAL)
    while _cumulative(high) < target:
        if high == _MAX_ORDINAL:
            raise OverflowError("working day beyond date.max")
        low, span = high, span * 2
        high = min(start + span, _MAX_ORDINAL)
    return low, high


def _bracket_behind(target: int, start: int, n: int) -> tuple[int, int]:
    # Mirror of _bracket_ahead; ordinal 0 is a sentinel before date.min with a count of 0.
    high, span = start, 2 * abs(n) + 16
    low = max(start - span, 0)
    while _cumulative(low) >= target:
        if low == 0:
            raise OverflowError("working day before date.min")
        high, span = low, span * 2
        low = max(start - span, 0)
    return low, high


def _first_reaching(target: int, low: int, high: int) -> int:
    """Smallest ordinal in (low, high] whose cumulative count reaches target, given count(low) < target."""
    while high - low > 1:
        middle = (low + high) // 2
        if _cumulative(middle) >= target:
            high = middle
        else:
            low = middle
    return high


def workdays_between(a: date, b: date) -> int:
    """Count working days from ``a`` to ``b``, in the direction of travel: ``a`` excluded, ``b`` included.

    For ``b >= a`` this is the number of working days in ``(a, b]``. For ``b < a`` it is minus the number of
    working days in ``[b, a)``, so that ``workdays_between(d, add_workdays(d, n)) == n`` for every ``n``.
    """
    start, end = a.toordinal(), b.toordinal()
    if end >= start:
        return _cumulative(end) - _cumulative(start)
    return _cumulative(end - 1) - _cumulative(start - 1)


# --- coverage --------------------------------------------------------------------------------------------


def coverage() -> tuple[int, int]:
    """Return the first and last year of official holiday data in the installed ``chinesecalendar``.

    Read from that package's data at run time, so installing a newer release extends coverage.
    """
    data = _data()
    return data.first_year, data.last_year


def is_covered(d: date) -> bool:
    """Return whether ``d`` falls in a year with official holiday data (see :func:`coverage`)."""
    first, last = coverage()
    return first <= d.year <= last


def beyond_coverage(a: date, b: date) -> bool:
    """Return whether any day between ``a`` and ``b`` (inclusive, in either order) is outside coverage."""
    first, last = coverage()
    return min(a, b).year < first or max(a, b).year > last


def coverage_flags(a: date, b: date) -> tuple[str, ...]:
    """Return ``()`` when every day between ``a`` and ``b`` is covered, else the flags saying it is not.

    The flags are ``"calendar:beyond-coverage"`` and ``"calendar:covers:<first>-<last>"``, the latter naming
    the covered years so a reader can see why Monday–Friday was assumed.
    """
    if not beyond_coverage(a, b):
        return ()
    first, last = coverage()
    return (BEYOND_COVERAGE_FLAG, f"calendar:covers:{first}-{last}")


# chinesecalendar's names for the holidays that carry official days off.
_OFFICIAL_NAMES: Final[dict[str, str]] = {
    "元旦": "New Year's Day",
    "春节": "Spring Festival",
    "清明": "Tomb-sweeping Day",
    "劳动节": "Labour Day",
    "端午": "Dragon Boat Festival",
    "中秋": "Mid-autumn Festival",
    "国庆": "National Day",
}

# Outside coverage: rest block as (first, last) day offsets from holiday_date; other holidays get one day.
_ESTIMATED_SPANS: Final[dict[str, tuple[int, int]]] = {
    "春节": (-1, 5),  # 除夕 to 初六, seven days
    "劳动节": (0, 4),  # 05-01 to 05-05, the usual block since 2020
    "国庆": (0, 6),  # 10-01 to 10-07
}


def rest_block(name: str, year: int) -> tuple[date, date, tuple[str, ...]]:
    """Return ``(first, last, flags)``: the official run of days off around holiday ``name`` in ``year``.

    Inside :func:`coverage` the block is read from chinesecalendar: the longest run of consecutive days off
    containing the holiday's official day(s) off, weekends joined to them included (so 国庆 2017 is
    10-01..10-08, 劳动节 2015 is 05-01..05-03, and a 中秋 merged into 国庆 returns the merged block).
    除夕 returns the 春节 block, which need not contain 除夕 (2024: 除夕 02-09 was worked). A covered year
    in which the holiday had no day off (清明/端午/中秋 before 2008) returns the day itself with
    ``NO_OFFICIAL_REST_FLAG``.

    Outside coverage it returns an estimate flagged with :func:`coverage_flags`: 春节 除夕..初六 (7 days),
    劳动节 05-01..05-05, 国庆 10-01..10-07, 中秋 the 国庆 estimate when it falls inside it, otherwise the
    holiday itself. 元宵 is not a public holiday: ValueError.
    """
    key = canonical(name)
    key = "春节" if key == "除夕" else key
    if key not in _OFFICIAL_NAMES:
        raise ValueError(f"{key} is not a public holiday and has no rest block")
    day = holiday_date(key, year)
    first, last = coverage()
    if first <= year <= last:
        return _official_block(_OFFICIAL_NAMES[key], day)
    start, end = _estimated_block(key, day)
    return start, end, coverage_flags(start, end)


def _official_block(official_name: str, day: date) -> tuple[date, date, tuple[str, ...]]:
    seed = _block_seed(official_name, day.toordinal())
    if seed is None:
        return day, day, (NO_OFFICIAL_REST_FLAG,)
    low = high = seed
    # Walk over every day off, so weekends joined to the holiday (与周末连休) belong to the block.
    while not _is_working_ordinal(low - 1):
        low -= 1
    while not _is_working_ordinal(high + 1):
        high += 1
    return date.fromordinal(low), date.fromordinal(high), ()


def _block_seed(official_name: str, ordinal: int) -> int | None:
    """A day off carrying the holiday's name near ``ordinal``, else ``ordinal`` if it is any holiday."""
    labels = _data().labels
    # The day off may be a few days from the holiday itself (2024: 除夕 worked, block from 初一).
    near = [o for o in range(ordinal - 20, ordinal + 21) if labels.get(o) == official_name]
    if near:
        return min(near, key=lambda o: (abs(o - ordinal), o))
    # 中秋 inside the 国庆 block may carry only the 国庆 name (2020).
    return ordinal if ordinal in labels else None


def _estimated_block(key: str, day: date) -> tuple[date, date]:
    if key == "中秋":
        golden_start, golden_end = _estimated_block("国庆", date(day.year, 10, 1))
        if golden_start <= day <= golden_end:
            return golden_start, golden_end
    before, after = _ESTIMATED_SPANS.get(key, (0, 0))
    return day + timedelta(days=before), day + timedelta(days=after)
