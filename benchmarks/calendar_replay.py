"""Blind replay of the predicted calendar: for each year 2015–2026, predict it from the rules alone (the
prediction never reads any year's data) and count the days whose working status differs from the
published arrangement (chinesecalendar's data).

    python benchmarks/calendar_replay.py          # the table, the wrong days, and the targets

Also replays ``<holiday>后N个工作日内`` (N = 1..4 for the seven public holidays): the N-th working day after
the holiday's rest block on the predicted calendar against the same on the published one. Baseline:
Monday–Friday. Targets (issue 14): 2015–2023 at most 40 wrong days in all; 2024, 2025, 2026 at most 5 each.
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, timedelta

from deadline_cn import calendar as cal
from deadline_cn._calendar.predict import plan, predicted_working

YEARS = range(2015, 2027)
HOLIDAYS = ("元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆")
Status = Callable[[date], bool]


def published(day: date) -> bool:
    from chinese_calendar import is_workday

    return bool(is_workday(day))


def predicted(day: date) -> bool:
    status = predicted_working(day)
    return day.weekday() < 5 if status is None else status


def monday_friday(day: date) -> bool:
    return day.weekday() < 5


def wrong_days(year: int, model: Status) -> list[date]:
    days = (date(year, 1, 1) + timedelta(days=i) for i in range(366))
    return [d for d in days if d.year == year and model(d) != published(d)]


def after_holiday(name: str, year: int, n: int, model: Status, seed: date) -> date:
    """The n-th working day (by ``model``) after the run of days off through ``seed``."""
    day = seed
    while not model(day + timedelta(days=1)):
        day += timedelta(days=1)
    while n:
        day += timedelta(days=1)
        n -= model(day)
    return day


def holiday_cases(year: int) -> tuple[int, int]:
    """(wrong, total) of <holiday>后N个工作日内 for N = 1..4, predicted against published."""
    wrong = total = 0
    for name in HOLIDAYS:
        first, last, _ = cal.rest_block(name, year)  # the published block (year inside the data)
        guess = [d for d, h in plan(year).rest.items() if h == name or (name == "中秋" and h == "国庆"
                                                                          and first <= d <= last)]
        seed = max(guess) if guess else cal.holiday_date(name, year)
        for n in range(1, 5):
            total += 1
            expected = after_holiday(name, year, n, published, last)
            wrong += after_holiday(name, year, n, predicted, seed) != expected
    return wrong, total


def main() -> int:
    print(f"{'year':<6}{'predicted':>10}{'Mon–Fri':>9}{'后N个工作日':>12}  wrong days (W = predicted working)")
    per_year: dict[int, int] = {}
    cases = [0, 0]
    for year in YEARS:
        wrong = wrong_days(year, predicted)
        per_year[year] = len(wrong)
        bad, total = holiday_cases(year)
        cases[0] += bad
        cases[1] += total
        shown = " ".join(f"{d:%m-%d}{'W' if predicted(d) else 'R'}" for d in wrong)
        baseline = len(wrong_days(year, monday_friday))
        print(f"{year:<6}{len(wrong):>10}{baseline:>9}{f'{bad}/{total}':>12}  {shown}")
    early = sum(per_year[y] for y in range(2015, 2024))
    late = {y: per_year[y] for y in (2024, 2025, 2026)}
    print(f"2015–2023 wrong days: {early} (target ≤ 40); 2024–2026: {late} (target ≤ 5 each)")
    print(f"<holiday>后N个工作日内 wrong: {cases[0]} of {cases[1]}")
    return 0 if early <= 40 and all(v <= 5 for v in late.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
