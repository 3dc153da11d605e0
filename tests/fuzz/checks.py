"""The invariants of a result (DESIGN.md "Results never contradict themselves", issue 15), as one function.

``broken(text, ref, plan_year)`` reads ``text`` with ``normalise`` and ``extract`` and returns the names of the
invariants the readings break (empty when all hold). The property tests and the fuzz target both use it.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from deadline_cn import extract, from_dict, normalise
from deadline_cn._grammar.lexicon import OFFSET_CAPS
from deadline_cn._grammar.text import fold
from deadline_cn._resolve.checks import YEARS
from deadline_cn.calendar import HOLIDAY_YEARS
from deadline_cn.results import Compound, Conditional, Recurrence, Result, Unresolved

DATE_FIELDS = ("due", "start", "end", "dtstart", "until")
ORDER = (("start", "due"), ("start", "end"), ("dtstart", "until"))
DATED_KINDS = ("deadline", "window", "ongoing", "recurrence")  # kinds whose dates come from the text's numbers
RULE_WINDOW_YEARS = 8  # a rule with no occurrence in 8 years (2月29日 included) has none at all

# Numbers the text writes as a date part, in folded text (ASCII digits): each gives a reason it is impossible.
_YEAR = re.compile(r"(?<!\d)(\d{4,6})年")
_DAY = re.compile(r"(?:(?<!\d)(\d{4})年)?(?<![\d.\-/])(\d{1,2})月(\d{1,2})[日号]")
_MONTH = re.compile(r"(?<![\d.\-/])(\d{1,2})月(?!份?\d)")
_QUARTER = re.compile(r"(?<!\d)(\d)季度")
_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def walk(result: Result) -> Iterator[Result]:
    """The result, its parts and nested results (Conditional.then)."""
    yield result
    if isinstance(result, Compound):
        for part in result.parts:
            yield from walk(part)
    if isinstance(result, Conditional) and result.then is not None:
        yield from walk(result.then)


def _as_day(value: Any) -> date:
    return value.date() if isinstance(value, datetime) else value


def impossible_spans(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` writes an impossible date part: (start, end) in ``text`` and what is impossible."""
    folded = fold(text)
    found: list[tuple[int, int, str]] = []

    def add(m: re.Match[str], what: str) -> None:
        found.append((*folded.original_span(m.start(), m.end()), what))

    for m in _YEAR.finditer(folded.text):
        if not YEARS[0] <= int(m.group(1)) <= YEARS[1]:
            add(m, "year")
    for m in _MONTH.finditer(folded.text):
        if not 1 <= int(m.group(1)) <= 12:
            add(m, "month")
    for m in _QUARTER.finditer(folded.text):
        if not 1 <= int(m.group(1)) <= 4:
            add(m, "quarter")
    for m in (*_DAY.finditer(folded.text), *_ISO.finditer(folded.text)):
        year, month, day = (int(g) if g else None for g in m.groups())
        if month is not None and not 1 <= month <= 12:
            add(m, "month")
        elif month is not None and day is not None and 1 <= month <= 12 and not _day_exists(year, month, day):
            add(m, "day")
    return found


def _day_exists(year: int | None, month: int, day: int) -> bool:
    if year is None or not 1 <= year <= 9999:
        return 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return 1 <= day <= calendar.monthrange(year, month)[1]


def check_result(result: Result, text: str, out: set[str], *, round_trip: bool = True) -> None:
    """Every node carries the text and a non-empty span in it; dates in order; rules that occur."""
    for node in walk(result):
        if node.text != text:
            out.add("text:not-the-input")
        s, e = node.span
        if not (0 <= s <= e <= len(text)) or (text and s == e):
            out.add("span:empty-or-outside")
        for early, late in ORDER:
            a, b = getattr(node, early, None), getattr(node, late, None)
            if a is not None and b is not None and _as_day(a) > _as_day(b):
                out.add(f"order:{early}>{late}")
        if isinstance(node, Recurrence):
            _check_rule(node, out)
        if node.kind in DATED_KINDS and any(
                not YEARS[0] <= _as_day(v).year <= YEARS[1] for f in DATE_FIELDS if (v := getattr(node, f, None))):
            out.add("year:outside-range")
    if not round_trip:
        return
    try:
        if from_dict(result.to_dict()) != result:
            out.add("json:round-trip")
    except Exception:
        out.add("json:round-trip-raises")


def _check_rule(node: Recurrence, out: set[str]) -> None:
    if node.dtstart is not None and not _rule_occurs(node.rrule_text, node.holiday, node.interval, node.dtstart,
                                                     node.until):
        out.add("rrule:no-occurrence")


@functools.lru_cache(maxsize=4096)  # generated cells repeat their rules: the scan is the checker's slowest step
def _rule_occurs(rrule_text: str | None, holiday: str | None, interval: int, start: date, until: date | None) -> bool:
    node = Recurrence(text="-", span=(0, 1), freq="-", interval=interval, dtstart=start, until=until,
                      rrule_text=rrule_text, holiday=holiday)
    try:
        if holiday is not None:  # the lunar table ends in HOLIDAY_YEARS[1]: a rule starting before it occurs in it
            return bool(node.occurrences(start, min(until or date.max, date(HOLIDAY_YEARS[1], 12, 31))))
        if rrule_text is None:
            return True
        end = until or date(start.year + RULE_WINDOW_YEARS * max(1, interval), 12, 31)
        lo, hi = datetime(start.year, start.month, start.day), datetime(end.year, end.month, end.day)
        first = node.rrule().after(lo, inc=True)  # stops at the first occurrence (a broken rule scans to 9999)
        return first is not None and first <= hi
    except Exception:
        return False


def check_impossible(result: Result, text: str, out: set[str]) -> None:
    """An impossible date part is never read as a date: the part reading it (or right next to it) is invalid."""
    parts = [p for p in walk(result) if not isinstance(p, Compound)]
    for s, e, what in impossible_spans(text):
        if any(s < p.span[1] < e or s < p.span[0] < e for p in parts):
            continue  # a token took some of its digits (每星期1|899年): the number was never read as written
        if any(p.kind == "relative" and p.span[0] <= s and e <= p.span[1] for p in parts):
            continue  # 不超过30月: the number was read as a count of months, not as a month
        if text.endswith(OFFSET_CAPS, 0, s):
            continue  # 1月后不超过30月: after a cap the number counts months (an offset), even inside a deadline
        if text.endswith(("每", "每隔", "隔"), 0, s):
            continue  # 每13月: every 13 months (a recurrence's interval), not a month 13
        # a part that holds the whole number, or stops / starts right at it (2017年|13月底前, 2200年|春节前);
        # a token that takes only some of its digits (每星期1|899年) did not read it as a date
        touching = [p for p in parts if (p.span[0] <= s and e <= p.span[1]) or p.span[1] == s or p.span[0] == e]
        if any(isinstance(p, Unresolved) or any(f.startswith("invalid:") for f in p.flags)
               for p in parts if p.span[0] < e and s < p.span[1]):
            continue  # read, and found impossible or incomplete (2200年中): not a date
        if any(p.kind in DATED_KINDS and not any(f.startswith("unread:") for f in p.flags) for p in touching):
            # (a reading that says the number beside it went unread has not read it as a date)
            out.add(f"impossible:{what}-read-as-a-date")


def broken(text: str, ref: date | None = None, plan_year: int | None = None, *,
           with_extract: bool = True, round_trip: bool = True) -> set[str]:
    """The names of every invariant the readings of ``text`` break; an exception is one too."""
    out: set[str] = set()
    try:
        result = normalise(text, ref=ref, plan_year=plan_year, fallback=False)
    except Exception as exc:
        return {f"normalise:raises:{type(exc).__name__}"}
    check_result(result, text, out, round_trip=round_trip)
    check_impossible(result, text, out)
    if with_extract:
        try:
            found = extract(text, ref=ref, plan_year=plan_year)
        except Exception as exc:
            return out | {f"extract:raises:{type(exc).__name__}"}
        for r in found:
            check_result(r, text, out, round_trip=False)  # the same result types: one round trip per input is enough
    return out


def shrink(text: str, ref: date | None, plan_year: int | None, name: str) -> str:
    """The shortest text found by deleting characters (runs first, then one at a time) that still breaks ``name``."""
    size = max(1, len(text) // 2)
    while size >= 1:
        i, changed = 0, False
        while i < len(text):
            candidate = text[:i] + text[i + size:]
            if candidate != text and name in broken(candidate, ref, plan_year):
                text, changed = candidate, True
            else:
                i += size
        if not changed:
            size //= 2
    return text
