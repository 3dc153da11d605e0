"""Mainland China working days, 调休 makeup days and holiday dates: the public face of ``_calendar``.

A day's status comes from the first layer that knows it (:func:`day_status` says which):

1. a notice the user loaded with :func:`load` (a year's arrangement the day it is published);
2. the official data of the ``chinesecalendar`` package (see :func:`coverage`) with a few corrections;
3. for the years after that data, up to 2100, an arrangement predicted from the published rules
   (statutory days by the law in force, the shapes of the 调休 blocks, make-up days on the nearest
   weekends); a date that rests on it carries ``calendar:predicted:<year>``;
4. otherwise Monday–Friday, flagged ``calendar:beyond-coverage``.

Holiday dates (:func:`holiday_date`) are computed for 1900–2100 from a lunar table and the 寿星 formula for
清明. ``chinese_calendar`` is imported on first use, so ``import deadline_cn.calendar`` stays cheap.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final, NamedTuple

from deadline_cn._calendar import days as _days
from deadline_cn._calendar import workdays as _workdays
from deadline_cn._calendar.blocks import (
    BEYOND_COVERAGE_FLAG,
    NO_OFFICIAL_REST_FLAG,
    predicted_flags,
    rest_block,
    weekday_flags,
)
from deadline_cn._calendar.days import DayStatus
from deadline_cn._calendar.festivals import HOLIDAY_YEARS, holiday_date, holiday_names
from deadline_cn._calendar.notices import Notice

if TYPE_CHECKING:
    from pathlib import Path  # loaded where a path is read: pathlib pulls in urllib, ipaddress, fnmatch

__all__ = [
    "BEYOND_COVERAGE_FLAG",
    "HOLIDAY_YEARS",
    "NO_OFFICIAL_REST_FLAG",
    "PREDICTED_FLAG_PREFIX",
    "ROLLED_OVER_FLAG",
    "Counted",
    "DayStatus",
    "Notice",
    "add_workdays",
    "add_workdays_flagged",
    "beyond_coverage",
    "calendar_flags",
    "coverage",
    "coverage_flags",
    "day_status",
    "generation",
    "holiday_date",
    "holiday_names",
    "is_covered",
    "is_holiday_rest",
    "is_workday",
    "load",
    "rest_block",
    "unload",
    "workdays_between",
]

PREDICTED_FLAG_PREFIX: Final = "calendar:predicted:"
"""Prefix of ``calendar:predicted:<year>``: the date rests on the predicted arrangement of ``<year>``."""

ROLLED_OVER_FLAG: Final = "calendar:rolled-over"
"""A period counted in days ended on a holiday's day off and was moved to the next working day."""


class Counted(NamedTuple):
    """A working-day count: ``day`` by the calendar, its ``flags``, and the plain Monday–Friday answer."""

    day: date
    flags: tuple[str, ...]
    monday_friday: date


# --- working days ----------------------------------------------------------------------------------------


def is_workday(d: date) -> bool:
    """Return whether ``d`` is a mainland China working day (public holidays off, 调休 makeup days on).

    See :func:`day_status` for where the answer comes from (notice, predicted or Monday–Friday).
    """
    return _days.status(d).working


def is_holiday_rest(d: date) -> bool:
    """Return whether ``d`` is a day off of a public holiday's rest block (weekends inside the block
    included, ordinary weekends not): the 法定休假日 on which a period counted in days may not end."""
    return not _days.status(d).working and d.toordinal() in _days.labels()


def day_status(d: date) -> DayStatus:
    """Return ``(working, source, detail)`` for ``d``: ``source`` is "notice" (a loaded notice or the
    official data; ``detail`` names it), "predicted" (``detail`` names the rules) or "weekday"
    (Monday–Friday: no data and no rules for the year)."""
    return _days.status(d)


def add_workdays(d: date, n: int) -> date:
    """Return the ``n``-th working day after ``d``; ``d`` itself is not counted.

    ``n == 0`` returns ``d``; a negative ``n`` counts backwards (the ``-n``-th working day before ``d``).
    For ``n != 0`` the result is always a working day. Example: 3 working days from 2017-01-25 is
    2017-02-04, a 调休 Saturday after the 春节 block. Raises ``OverflowError`` past ``date.min``/``date.max``.
    :func:`add_workdays_flagged` also says whether the answer rests on a predicted year.
    """
    return _workdays.add_workdays(d, n)


def add_workdays_flagged(d: date, n: int) -> Counted:
    """:func:`add_workdays` with the flags of :func:`calendar_flags` over the days counted, and the
    Monday–Friday answer (equal to ``day`` when no holiday window or 调休 day was crossed)."""
    day = _workdays.add_workdays(d, n)
    plain = _workdays.add_workdays(d, n, _workdays.weekday_cumulative)
    return Counted(day, calendar_flags(d, day), plain)


def workdays_between(a: date, b: date) -> int:
    """Count working days from ``a`` to ``b``, in the direction of travel: ``a`` excluded, ``b`` included.

    For ``b >= a`` this is the number of working days in ``(a, b]``. For ``b < a`` it is minus the number of
    working days in ``[b, a)``, so that ``workdays_between(d, add_workdays(d, n)) == n`` for every ``n``.
    """
    return _workdays.workdays_between(a, b)


def calendar_flags(a: date, b: date) -> tuple[str, ...]:
    """Flags for a date computed over the days between ``a`` and ``b`` (inclusive, either order):
    ``calendar:predicted:<year>`` for each predicted year whose holiday windows (block and make-up days)
    the range meets, plus :func:`coverage_flags`. A range that meets no predicted window needs no flag."""
    return coverage_flags(a, b) + predicted_flags(a, b)


# --- notices ----------------------------------------------------------------------------------------------


def load(path: str | Path) -> Notice:
    """Load a year's holiday notice from a small text file; it overrides the data and the prediction.

    The format (see docs/calendar-2026.txt)::

        year 2026
        source 国务院办公厅关于2026年部分节假日安排的通知
        off 春节 2026-02-15..2026-02-23
        work 春节 2026-02-14, 2026-02-28

    Raises ValueError naming the line for a malformed file. Loading again for the same year replaces it.
    """
    return _days.load(path)


def unload(year: int | None = None) -> None:
    """Forget the loaded notice of ``year`` (every loaded notice when ``year`` is None)."""
    _days.unload(year)


def generation() -> int:
    """A number that changes whenever a notice is loaded or unloaded (for callers that cache dates)."""
    return _days.generation()


# --- coverage --------------------------------------------------------------------------------------------


def coverage() -> tuple[int, int]:
    """Return the first and last year of official holiday data in the installed ``chinesecalendar``.

    Read from that package's data at run time, so installing a newer release extends coverage.
    """
    data = _days.official()
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
    """Return ``()`` unless a day between ``a`` and ``b`` is in a year with neither data nor rules (before
    the data, after 2100), where Monday–Friday was assumed: then ``"calendar:beyond-coverage"`` and
    ``"calendar:covers:<first>-<last>"``, the latter naming the years of official data."""
    return weekday_flags(a, b)
