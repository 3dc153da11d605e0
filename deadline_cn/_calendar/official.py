"""Official working days: chinesecalendar's data with a small table of corrections, each citing its notice.

``chinese_calendar`` is imported on first use so ``import deadline_cn`` stays cheap.
"""

from __future__ import annotations

import functools
import itertools
from datetime import date
from typing import Final, NamedTuple

# chinesecalendar's English holiday names → the canonical names of festivals.py.
CANONICAL_NAMES: Final[dict[str, str]] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午",
    "Mid-autumn Festival": "中秋",
    "National Day": "国庆",
}


class Correction(NamedTuple):
    day: date
    working: bool
    source: str


# Days chinesecalendar has wrong, with the notice that says otherwise (tests check each against `holidays`).
CORRECTIONS: Final[tuple[Correction, ...]] = (
    Correction(
        date(2005, 12, 31),
        True,
        "国办发明电〔2005〕35号（国务院办公厅关于2006年部分节假日安排的通知）: 2005年12月31日（星期六）上班",
    ),
)


class Official(NamedTuple):
    first_year: int
    last_year: int
    rest: frozenset[int]  # ordinals of official days off (holidays and the weekends of 调休 blocks)
    work: frozenset[int]  # ordinals of 调休 makeup working days
    labels: dict[int, str]  # ordinal of a day off -> canonical holiday name
    corrected: dict[int, str]  # ordinal -> source of the correction applied to it


@functools.cache
def official() -> Official:
    """chinesecalendar's data, read once, with :data:`CORRECTIONS` applied."""
    from chinese_calendar.constants import holidays, workdays

    labels = {day.toordinal(): CANONICAL_NAMES.get(str(name), str(name)) for day, name in holidays.items()}
    work = {day.toordinal() for day in workdays}
    rest = set(labels)
    corrected: dict[int, str] = {}
    for fix in CORRECTIONS:
        ordinal = fix.day.toordinal()
        if fix.working:
            work.add(ordinal)
            rest.discard(ordinal)
            labels.pop(ordinal, None)
        else:
            work.discard(ordinal)
            rest.add(ordinal)
        corrected[ordinal] = fix.source
    years = [day.year for day in itertools.chain(holidays, workdays)]
    return Official(min(years), max(years), frozenset(rest), frozenset(work), labels, corrected)
