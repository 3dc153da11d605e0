"""Working-day arithmetic over the layered day table of :mod:`days` (binary search on cumulative counts)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from deadline_cn._calendar.days import cumulative

Count = Callable[[int], int]

_MAX_ORDINAL = date.max.toordinal()


def weekday_cumulative(ordinal: int) -> int:
    """Number of Mondays–Fridays with ordinal in [1, ordinal] (ordinal 1 is a Monday)."""
    weeks, extra = divmod(ordinal, 7)
    return weeks * 5 + min(extra, 5)


def add_workdays(d: date, n: int, cumulative: Count = cumulative) -> date:
    """The ``n``-th working day after ``d`` (``d`` not counted); negative ``n`` counts backwards.

    ``cumulative`` counts working days up to an ordinal: the calendar's by default, or
    :func:`weekday_cumulative` for plain Monday–Friday."""
    origin = d.toordinal()
    if n == 0:
        return date.fromordinal(origin)
    if cumulative is weekday_cumulative:  # Monday–Friday: where the count reaches its target, in closed form
        target = cumulative(origin) + n if n > 0 else cumulative(origin - 1) + n + 1
        if target >= 1:
            weeks, day = divmod(target - 1, 5)
            if 7 * weeks + day + 1 <= _MAX_ORDINAL:
                return date.fromordinal(7 * weeks + day + 1)
    if n > 0:
        target = cumulative(origin) + n
        low, high = _bracket_ahead(target, origin, n, cumulative)
    else:
        # The -n-th working day before d is where the count of working days in [x, d) reaches -n.
        target = cumulative(origin - 1) + n + 1
        low, high = _bracket_behind(target, origin - 1, n, cumulative)
    return date.fromordinal(_first_reaching(target, low, high, cumulative))


def _bracket_ahead(target: int, start: int, n: int, cumulative: Count) -> tuple[int, int]:
    # Gallop forward until the count reaches target; 2n + 16 days covers n working days in practice.
    low, span = start, 2 * abs(n) + 16
    high = min(start + span, _MAX_ORDINAL)
    while cumulative(high) < target:
        if high == _MAX_ORDINAL:
            raise OverflowError("working day beyond date.max")
        low, span = high, span * 2
        high = min(start + span, _MAX_ORDINAL)
    return low, high


def _bracket_behind(target: int, start: int, n: int, cumulative: Count) -> tuple[int, int]:
    # Mirror of _bracket_ahead; ordinal 0 is a sentinel before date.min with a count of 0.
    high, span = start, 2 * abs(n) + 16
    low = max(start - span, 0)
    while cumulative(low) >= target:
        if low == 0:
            raise OverflowError("working day before date.min")
        high, span = low, span * 2
        low = max(start - span, 0)
    return low, high


def _first_reaching(target: int, low: int, high: int, cumulative: Count) -> int:
    """Smallest ordinal in (low, high] whose cumulative count reaches target, given count(low) < target."""
    while high - low > 1:
        middle = (low + high) // 2
        if cumulative(middle) >= target:
            high = middle
        else:
            low = middle
    return high


def workdays_between(a: date, b: date) -> int:
    """Working days from ``a`` to ``b``: ``a`` excluded, ``b`` included; negative when ``b < a``."""
    start, end = a.toordinal(), b.toordinal()
    if end >= start:
        return cumulative(end) - cumulative(start)
    return cumulative(end - 1) - cumulative(start - 1)

