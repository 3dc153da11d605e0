"""Plain calendar arithmetic shared by the resolver and the result types (no parsing here)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

QUARTER_FIRST_MONTH = (1, 4, 7, 10)
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """calendar.monthrange's day count, without importing calendar (and locale) at import time."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def month_end(year: int, month: int) -> date:
    return date(year, month, days_in_month(year, month))


def add_months(d: date, months: int) -> date:
    """Calendar months forward, clamped to the month's end (1月31日 + 1个月 → 2月28/29日)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, days_in_month(year, month + 1)))


def add_fractional_months(d: date, months: float) -> date:
    """Whole months by the calendar, a half month as 15 days (两个半月 → 2 months + 15 days)."""
    whole = int(months)
    out = add_months(d, whole)
    rest = months - whole
    return out + timedelta(days=round(rest * 30)) if rest else out


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = QUARTER_FIRST_MONTH[quarter - 1]
    return date(year, first, 1), month_end(year, first + 2)


def half_bounds(year: int, half: int) -> tuple[date, date]:
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def xun_bounds(year: int, month: int, xun: int) -> tuple[date, date]:
    """上旬 1–10, 中旬 11–20, 下旬 21–month end."""
    if xun == 1:
        return date(year, month, 1), date(year, month, 10)
    if xun == 2:
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), month_end(year, month)


def iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def parse_iso(value: str | None) -> date | datetime | None:
    """Inverse of ``iso``: a ``datetime`` when the text carries a time, else a ``date``."""
    if value is None:
        return None
    if "T" in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value)


def parse_day(value: str | None) -> date | None:
    out = parse_iso(value)
    if isinstance(out, datetime):
        return out.date()
    return out
