"""The rules behind the yearly 调休 notices, as data: which days the law makes holidays, and how the
State Council's notices arrange them into blocks and make-up working days. :mod:`predict` reads them.

Each rule cites the text it comes from. A blind replay (benchmarks/calendar_replay.py) measures how well
they reproduce the published arrangements.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Law(NamedTuple):
    """Statutory days off (全体公民放假的节日) from ``first_year``: day offsets from festivals.holiday_date."""

    first_year: int
    days: dict[str, tuple[int, ...]]
    source: str


_DAYS_2008: Final = {"元旦": (0,), "春节": (-1, 0, 1), "清明": (0,), "劳动节": (0,), "端午": (0,), "中秋": (0,),
                     "国庆": (0, 1, 2)}

LAWS: Final[tuple[Law, ...]] = (
    Law(2008, _DAYS_2008, "《全国年节及纪念日放假办法》2007年修订（国务院令第513号）"),
    Law(2014, {**_DAYS_2008, "春节": (0, 1, 2)}, "《全国年节及纪念日放假办法》2013年修订（国务院令第644号）"),
    Law(2025, {**_DAYS_2008, "春节": (-1, 0, 1, 2), "劳动节": (0, 1)},
        "《全国年节及纪念日放假办法》2024年修订（国务院令第795号）"),
)


class Shape(NamedTuple):
    """How a holiday's days off become a block, from ``first_year`` on.

    ``kind``: "weekend" joins a one-day holiday to the nearest weekend (Tuesday → Sunday–Tuesday with the
    Saturday before worked, Thursday → Thursday–Saturday with the Sunday after worked, Wednesday alone);
    "span" is ``length`` days from ``start`` ("除夕", "day" for the holiday itself, or "day-or-saturday":
    the holiday, or the Saturday before it when it falls on a Sunday or Monday).
    """

    holiday: str
    first_year: int
    kind: str
    length: int
    start: str
    source: str


_PRINCIPLES: Final = "国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）所附放假调休原则"

SHAPES: Final[tuple[Shape, ...]] = (
    Shape("元旦", 2008, "weekend", 0, "day", f"与周末连休: {_PRINCIPLES}"),
    Shape("春节", 2008, "span", 7, "除夕", "国务院办公厅历年部分节假日安排的通知: 除夕至正月初六放假调休共7天"),
    Shape("春节", 2025, "span", 8, "除夕", f"春节自农历除夕起放假调休共8天: {_PRINCIPLES}"),
    Shape("清明", 2008, "weekend", 0, "day", f"与周末连休: {_PRINCIPLES}"),
    Shape("劳动节", 2008, "weekend", 0, "day", "与周末连休: 国务院办公厅2008–2019年部分节假日安排的通知"),
    Shape("劳动节", 2020, "span", 5, "day-or-saturday",
          f"劳动节放假调休共5天: 国务院办公厅关于2020年部分节假日安排的通知; {_PRINCIPLES}"),
    Shape("端午", 2008, "weekend", 0, "day", f"与周末连休: {_PRINCIPLES}"),
    Shape("中秋", 2008, "weekend", 0, "day", f"与周末连休: {_PRINCIPLES}"),
    Shape("国庆", 2008, "span", 7, "day", f"国庆节放假调休共7天: {_PRINCIPLES}"),
)

# 中秋 on 09-29…10-08 joins 国庆: 8 days from the earlier of the two (2017, 2020, 2023, 2025 notices).
JOINED_MID_AUTUMN: Final = (
    (9, 29), (10, 8), 8, "中秋节与国庆节连休共8天: 国务院办公厅2017、2020、2023、2025年部分节假日安排的通知")

# Make-up working days: as many as the block has weekdays beyond its statutory days, on the free weekend
# days nearest the block, so that no run of working days exceeds MAX_RUN. The principle says 一般不超过6天;
# the notices of 2016, 2019, 2022 and 2023 made 7-day runs, so the model allows 7.
MAX_RUN: Final = 7
MAKEUP_SOURCE: Final = f"调休上班日在假期前后最近的周末，连续工作一般不超过6天: {_PRINCIPLES}"


def law_for(year: int) -> Law | None:
    """The law in force in ``year`` (None before 2008, when these rules do not apply)."""
    found = [law for law in LAWS if law.first_year <= year]
    return found[-1] if found else None


def shape_for(holiday: str, year: int) -> Shape:
    return [s for s in SHAPES if s.holiday == holiday and s.first_year <= year][-1]
