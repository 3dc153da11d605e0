"""Holiday dates for 1900–2100: the lunar calendar (a table from JioNLP) and 清明 by the 寿星 formula.

``deadline_cn.calendar`` is the public face (holiday_date, holiday_names); this module holds the arithmetic.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

from deadline_cn._calendar import lunar_data as _lunar_data

HOLIDAY_YEARS: Final = (_lunar_data.FIRST_YEAR, _lunar_data.LAST_YEAR)
"""First and last year :func:`holiday_date` accepts."""


# --- lunar calendar --------------------------------------------------------------------------------------


def _month_lengths(code: int) -> tuple[int, ...]:
    """Lengths of a lunar year's months in order, the leap month (if any) right after its namesake."""
    lengths = [30 if code >> (16 - month) & 1 else 29 for month in range(1, 13)]
    leap = code & 0xF
    if leap:
        lengths.insert(leap, 30 if code & 0x10000 else 29)
    return tuple(lengths)


@functools.cache
def _new_year_ordinals() -> tuple[int, ...]:
    """Ordinal of 正月初一 of each lunar year in the table, chained from the epoch by the year lengths."""
    first = date(*_lunar_data.EPOCH).toordinal()
    lengths = (sum(_month_lengths(code)) for code in _lunar_data.YEAR_CODES[:-1])
    return tuple(itertools.accumulate(lengths, initial=first))


def _lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> date:
    """Gregorian date of lunar ``year``/``month``/``day`` (``leap`` for the 闰月); ValueError if none."""
    check_year(year)
    code = _lunar_data.YEAR_CODES[year - _lunar_data.FIRST_YEAR]
    leap_month = code & 0xF
    if not 1 <= month <= 12 or (leap and month != leap_month):
        raise ValueError(f"lunar year {year} has no {'leap ' if leap else ''}month {month}")
    # Months after the leap month (and the leap month itself) sit one place later in the list.
    index = month - 1 + (1 if leap_month and (month > leap_month or leap) else 0)
    lengths = _month_lengths(code)
    if not 1 <= day <= lengths[index]:
        raise ValueError(f"lunar {year}-{month} has {lengths[index]} days, not day {day}")
    offset = sum(lengths[:index]) + day - 1
    return date.fromordinal(_new_year_ordinals()[year - _lunar_data.FIRST_YEAR] + offset)


def solar_of_lunar(year: int, month: int, day: int) -> date:
    """The Gregorian day of lunar ``month``/``day`` (no leap month) in lunar ``year``; ValueError if none."""
    return _lunar_to_solar(year, month, day)


def lunar_of(day: date) -> tuple[int, int] | None:
    """The lunar (month, day) of a Gregorian day (a leap month counts as its namesake); None outside the table."""
    ordinal = day.toordinal()
    starts = _new_year_ordinals()
    index = bisect.bisect_right(starts, ordinal) - 1
    if not 0 <= index < len(_lunar_data.YEAR_CODES):
        return None
    code = _lunar_data.YEAR_CODES[index]
    leap_month, offset = code & 0xF, ordinal - starts[index]
    for k, length in enumerate(_month_lengths(code)):
        if offset < length:
            month = k + 1 - (1 if leap_month and k >= leap_month else 0)
            return month, offset + 1
        offset -= length
    return None


def _qingming(year: int) -> date:
    """清明 (sun at 15° ecliptic longitude, Beijing time) by the 寿星 formula.

    day = floor(Y * 0.2422 + C) - floor(Y / 4) with Y = year % 100, in integer ten-thousandths so no float
    rounding can move a day. Checked against an ephemeris for 1900–2100: only 2100 needs a correction,
    because 2100 is not a leap year and the Y / 4 term assumes it is.
    """
    y = year % 100
    c = 55900 if year < 2000 else 48100
    day = (y * 2422 + c) // 10000 - y // 4 + (1 if year == 2100 else 0)
    return date(year, 4, day)


# --- holidays --------------------------------------------------------------------------------------------

# The public holidays, and the observances plans set work by that bring no day off (元宵, 三八, 五四, 六一, 七一,
# 八一, 教师节, 重阳): an observance is its own day (no rest block).
_HOLIDAYS: Final[dict[str, Callable[[int], date]]] = {
    "元旦": lambda year: date(year, 1, 1),
    # 除夕 is the last day of the year, which is 腊月廿九 when 腊月 has 29 days.
    "除夕": lambda year: _lunar_to_solar(year, 1, 1) - timedelta(days=1),
    "春节": lambda year: _lunar_to_solar(year, 1, 1),
    "元宵": lambda year: _lunar_to_solar(year, 1, 15),
    "妇女节": lambda year: date(year, 3, 8),
    "清明": _qingming,
    "劳动节": lambda year: date(year, 5, 1),
    "青年节": lambda year: date(year, 5, 4),
    "儿童节": lambda year: date(year, 6, 1),
    "端午": lambda year: _lunar_to_solar(year, 5, 5),
    "建党节": lambda year: date(year, 7, 1),
    "建军节": lambda year: date(year, 8, 1),
    "教师节": lambda year: date(year, 9, 10),
    "中秋": lambda year: _lunar_to_solar(year, 8, 15),
    "国庆": lambda year: date(year, 10, 1),
    "重阳": lambda year: _lunar_to_solar(year, 9, 9),
}

_ALIASES: Final[dict[str, str]] = {
    "元旦节": "元旦",
    "大年三十": "除夕",
    "春節": "春节",
    "大年初一": "春节",
    "元宵节": "元宵",
    "元宵節": "元宵",
    "清明节": "清明",
    "清明節": "清明",
    "五一": "劳动节",
    "五一劳动节": "劳动节",
    "五一节": "劳动节",
    "五一国际劳动节": "劳动节",
    "勞動節": "劳动节",
    "五一勞動節": "劳动节",
    "端午节": "端午",
    "端午節": "端午",
    "中秋节": "中秋",
    "中秋節": "中秋",
    "国庆节": "国庆",
    "國慶": "国庆",
    "國慶節": "国庆",
    "三八": "妇女节",
    "三八节": "妇女节",
    "三八妇女节": "妇女节",
    "五四": "青年节",
    "五四青年节": "青年节",
    "六一": "儿童节",
    "六一儿童节": "儿童节",
    "七一": "建党节",
    "七一建党节": "建党节",
    "八一": "建军节",
    "八一建军节": "建军节",
    "重阳节": "重阳",
}

def holiday_names() -> tuple[str, ...]:
    """Return the canonical holiday names :func:`holiday_date` accepts, in calendar order."""
    return tuple(_HOLIDAYS)


def canonical(name: str) -> str:
    key = name.strip()
    key = _ALIASES.get(key, key)
    if key not in _HOLIDAYS:
        raise ValueError(
            f"unknown holiday {name!r}; accepted names: {', '.join(_HOLIDAYS)} (also: {', '.join(_ALIASES)})"
        )
    return key


def check_year(year: int) -> None:
    first, last = HOLIDAY_YEARS
    if not first <= year <= last:
        raise ValueError(f"year {year} outside the supported range {first}–{last}")


_LUNAR_NAME = re.compile(r"农历(\d{1,2})月(\d{1,2})")  # a lunar day named as a holiday (a yearly rule's day)


def holiday_date(name: str, year: int) -> date:
    """Return the date of holiday ``name`` in Gregorian ``year`` (1900–2100).

    Names: 元旦, 除夕 (the day before 正月初一), 春节 (正月初一), 元宵 (正月十五), 清明 (the solar term),
    劳动节, 端午 (五月初五), 中秋 (八月十五), 国庆, plus common aliases and traditional forms (春節, 國慶節,
    五一, 中秋节, ...); a name ending in 前 is the day before the holiday (中秋前: 八月十四; 每年中秋前 keeps it so).
    Raises ValueError for an unknown name or a year outside 1900–2100.
    """
    eve = name.endswith("前") and name.strip() not in _ALIASES
    if (lunar := _LUNAR_NAME.fullmatch(name[:-1] if eve else name)) is not None:  # 农历7月15: 每年农历七月十五
        check_year(year)
        day = _lunar_to_solar(year, int(lunar.group(1)), int(lunar.group(2)))
        return day - timedelta(days=1) if eve else day
    key = canonical(name[:-1] if eve else name)
    check_year(year)
    day = _HOLIDAYS[key](year)
    return day - timedelta(days=1) if eve else day
