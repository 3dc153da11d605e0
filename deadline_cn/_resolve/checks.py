"""What a reading may not be: impossible dates, ends before starts, recurrences that never occur.

DESIGN.md: "Results never contradict themselves" and, where the text itself is impossible (2月30日, 13月,
第5季度, 2200年), the reading is ``unresolved`` with an ``invalid:<what>`` flag — never a clamped date.
The resolver calls these checks; ``Invalid`` carries the flag's ``<what>`` and a reason a person can read.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from deadline_cn._grammar import lexicon as _lexicon
from deadline_cn._grammar.parse import When

YEARS = _lexicon.PLAN_YEARS  # the years a plan can name; anything else is a number misread as a year, or a typo
MAX_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # the most days each month can have
MIN_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # the fewest (February outside leap years)
MAX_OFFSET_DAYS = (YEARS[1] - YEARS[0] + 1) * 366  # an offset longer than the whole range lands outside it
UNIT_DAYS = {"year": 366.0, "month": 31.0, "week": 7.0, "day": 1.0, "workday": 1.5, "hour": 1 / 24}
# What each result kind must keep in order: (earlier field, later field).
ORDERED = (("start", "due"), ("start", "end"), ("dtstart", "until"))
DATE_FIELDS = ("start", "due", "end", "dtstart", "until")


class Invalid(ValueError):
    """The text names something impossible; ``what`` goes into the flag ``invalid:<what>``."""

    def __init__(self, what: str, reason: str) -> None:
        super().__init__(reason)
        self.what = what


def check_occurs(rule: str, dtstart: date, until: date) -> None:
    """A bounded rule with no occurrence between its start and its end (每年末，至次年6月止 read from January) is no
    schedule: invalid:no-occurrence (dateutil is loaded only here, for a rule with an end)."""
    from dateutil.rrule import rrulestr

    start = datetime(dtstart.year, dtstart.month, dtstart.day)
    first = rrulestr(rule, dtstart=start).after(start, inc=True)
    if first is None or first.date() > until:
        raise Invalid("no-occurrence", f"{rule} has no occurrence from {dtstart} to {until}")


def check_year(year: int) -> int:
    if not YEARS[0] <= year <= YEARS[1]:
        raise Invalid("year", f"the year {year} is out of range ({YEARS[0]}–{YEARS[1]})")
    return year


def check_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise Invalid("month", f"there is no month {month}")
    return month


def check_when(w: When, year: int) -> None:
    """Every part of a written period exists in ``year`` (2017年2月29日 does not; 2016年2月29日 does)."""
    if w.month is not None:
        check_month(w.month)
    if w.day is not None:
        last = MAX_DAYS[w.month - 1] if w.month is not None else 31
        if w.month == 2 and not _leap(year):
            last = 28
        if not 1 <= w.day <= last:
            where = f"{year}年{w.month}月" if w.month is not None else "a month"
            raise Invalid("day", f"{where} has no day {w.day}")
    if w.quarter is not None and not 1 <= w.quarter <= 4:
        raise Invalid("quarter", f"there is no quarter {w.quarter}")
    if w.half is not None and w.half not in (1, 2):
        raise Invalid("half", f"there is no half-year {w.half}")


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def check_order(fields: dict[str, Any]) -> None:
    """start ≤ due, start ≤ end, dtstart ≤ until: an end before its start is the text's contradiction.

    Every date also stays inside ``YEARS`` (2199年后 would start in 2200; 明年 in a 2199 plan is 2200).
    """
    for name in DATE_FIELDS:
        value = fields.get(name)
        if value is not None and not YEARS[0] <= value.year <= YEARS[1]:
            raise Invalid("year", f"the {name} {_day(value)} is outside the years {YEARS[0]}–{YEARS[1]}")
    for early, late in ORDERED:
        a, b = fields.get(early), fields.get(late)
        if a is not None and b is not None and _day(a) > _day(b):
            raise Invalid("end-before-start", f"the {late} {_day(b)} is before the {early} {_day(a)}")


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def check_offset(value: int | float, top: int | float | None, unit: str) -> None:
    """2—3年 is a range; 10—2019年 reads a year as a count (an offset of two thousand years)."""
    if top is not None and top < value:
        raise Invalid("end-before-start", f"the offset range {value}–{top} ends before it starts")
    longest = max(value, top or 0) * UNIT_DAYS.get(unit, 1.0)
    if longest > MAX_OFFSET_DAYS:
        raise Invalid("offset", f"an offset of {max(value, top or 0)} {unit}s reaches past the years a plan can name")


def fit_monthday(rule: str, bymonth: tuple[int, ...], day: int | None, interval: int) -> str:
    """The RRULE tail for a due day: every month checked, a day some months lack read as their last day.

    每月31日前 → BYMONTHDAY=-1 (each month's last day); 每月30日前 → the 30th, or the last day of a shorter
    month (BYMONTHDAY=28,29,30;BYSETPOS=-1); 每年2月30日 names a day that never comes → ``Invalid``.
    ``rule`` is the rule so far (FREQ and INTERVAL); the BYMONTH / BYMONTHDAY parts are returned with it.
    """
    for m in bymonth:
        check_month(m)
    tail = ";BYMONTH=" + ",".join(str(m) for m in bymonth) if bymonth else ""
    if day is None:
        return rule + tail
    if day < 0:  # 每月末前5日 → -6: counted from each month's end (every month has 28 days)
        if day < -28:
            raise Invalid("day", f"no month has a day {day} from its end")
        return f"{rule}{tail};BYMONTHDAY={day}"
    if not 1 <= day <= 31:
        raise Invalid("day", f"no month has a day {day}")
    months = bymonth or tuple(range(1, 13))
    if day > 0 and all(MAX_DAYS[m - 1] < day for m in months):
        raise Invalid("day", f"month {'/'.join(map(str, months))} never has a day {day}")
    if day <= 28 or all(MIN_DAYS[m - 1] >= day for m in months):
        return f"{rule}{tail};BYMONTHDAY={day}"
    if day == 31:
        return f"{rule}{tail};BYMONTHDAY=-1"  # min(31, the month's length) is always its last day
    # BYSETPOS picks within each FREQ period: a yearly rule over several months counts them month by month
    if rule.startswith("FREQ=YEARLY") and len(bymonth) != 1:
        if interval != 1:  # rare (每两年6月和12月30日): it still occurs in the months that have the day
            return f"{rule}{tail};BYMONTHDAY={day}"
        rule = "FREQ=MONTHLY"
    days = ",".join(str(d) for d in range(28, day + 1))
    return f"{rule}{tail};BYMONTHDAY={days};BYSETPOS=-1"
