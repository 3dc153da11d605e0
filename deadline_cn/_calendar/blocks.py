"""Rest blocks: the run of days off around a holiday, official, loaded or predicted; and the flags that
say a computed date rests on a predicted year or on plain Monday–Friday."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from deadline_cn._calendar import days
from deadline_cn._calendar.festivals import canonical, holiday_date

BEYOND_COVERAGE_FLAG: Final = "calendar:beyond-coverage"
NO_OFFICIAL_REST_FLAG: Final = "calendar:no-official-rest"
PUBLIC_HOLIDAYS: Final = ("元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆")

# Years with neither data nor rules: block as (first, last) day offsets from holiday_date; others one day.
_ESTIMATED_SPANS: Final[dict[str, tuple[int, int]]] = {
    "春节": (-1, 5),  # 除夕 to 初六, seven days
    "劳动节": (0, 4),  # 05-01 to 05-05, the usual block since 2020
    "国庆": (0, 6),  # 10-01 to 10-07
}


def predicted_flag(year: int) -> str:
    return f"calendar:predicted:{year}"


def predicted_flags(a: date, b: date) -> tuple[str, ...]:
    """``calendar:predicted:<year>`` for each predicted year whose holiday windows meet [a, b]."""
    windows = days.predicted_windows(min(a, b), max(a, b))
    return tuple(predicted_flag(year) for year in sorted({w[0] for w in windows}))


def weekday_flags(a: date, b: date) -> tuple[str, ...]:
    """The beyond-coverage flags when a year between ``a`` and ``b`` has neither data nor rules."""
    low, high = min(a, b), max(a, b)
    if all(days.year_source(y) != "weekday" for y in range(low.year, high.year + 1)):
        return ()
    data = days.official()
    return (BEYOND_COVERAGE_FLAG, f"calendar:covers:{data.first_year}-{data.last_year}")


def rest_block(name: str, year: int) -> tuple[date, date, tuple[str, ...]]:
    key = canonical(name)
    key = "春节" if key == "除夕" else key
    if key not in PUBLIC_HOLIDAYS:
        raise ValueError(f"{key} is not a public holiday and has no rest block")
    day = holiday_date(key, year)
    if days.year_source(year) == "weekday":
        start, end = _estimated_block(key, day)
        return start, end, weekday_flags(start, end)
    seed = _block_seed(key, day.toordinal())
    if seed is None:
        return day, day, (NO_OFFICIAL_REST_FLAG,)
    low = high = seed
    # Walk over every day off, so weekends joined to the holiday (与周末连休) belong to the block.
    while not days.is_working(low - 1):
        low -= 1
    while not days.is_working(high + 1):
        high += 1
    first, last = date.fromordinal(low), date.fromordinal(high)
    return first, last, predicted_flags(first, last)


def _block_seed(key: str, ordinal: int) -> int | None:
    """A day off carrying the holiday's name near ``ordinal``, else ``ordinal`` if it is any holiday."""
    labels = days.labels()
    # The day off may be a few days from the holiday itself (2024: 除夕 worked, block from 初一).
    near = [o for o in range(ordinal - 20, ordinal + 21) if labels.get(o) == key]
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
