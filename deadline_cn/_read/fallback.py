"""The jionlp fallback for time expressions outside our grammar (下周三, 重阳节, spans it misses).

The time base is midnight of ``ref`` (1 January of ``plan_year`` without ref), never the clock: with
neither, no reading. Every result is flagged ``source:jionlp`` (and ``year-from-ref`` when the text names
no year but the result holds a date). jionlp's answers map as follows; anything else gives None:

- time_point of one day → Deadline (precision "day"); of several days (本周, 2017年10月) → Window.
- time_span → Window; → Deadline(due=end, start=None) when it reads "by" a date: opening with 到/至/截至/截止,
  or ending in 前/内/底/末 with no start of its own (jionlp fills in the base or -inf); X节前 ends the day
  before the holiday (DESIGN.md's 春节前/国庆节前); an open end (2017年起, 以后) → Ongoing(start).
  Spans jionlp builds from the base are not trusted: "N天内" is read as its delta (→ Relative; jionlp reads
  两周内 as 2 days), "3年后", 未来…, 前后/左右 → None, and a span whose ends move when the base moves by
  a day (30日内, counted from the base) → None.
- time_period of whole days/weeks/months/years → Recurrence with an RRULE carrying its one-day point
  (dtstart = that point, else the start of the period holding ref); other periods → "irregular".
- time_delta (and "N…内") → Relative with anchor None; minutes and seconds → None.

jionlp is imported on first need under a lock, its import banner kept off stdout. Its parser is one shared
stateful object, so calls hold the lock too. Its ``logging.error`` for a period point it cannot place
(每年9月) would run ``logging.basicConfig`` on the root logger: it goes to this module's DEBUG log instead.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import threading
from datetime import date, datetime, timedelta
from typing import Any

from deadline_cn._grammar import lexicon as lx
from deadline_cn.results import Deadline, Offset, Ongoing, Recurrence, Relative, Result, Window

MAX_CHARS = 40  # jionlp is slow on long garbage; longer spans are not read
SOURCE_FLAG = "source:jionlp"
Fields = tuple[type[Result], dict[str, Any]]

_log = logging.getLogger(__name__)
_LOCK = threading.Lock()
_jionlp: Any = None  # the jionlp module once imported; False when the import failed

_YEAR = re.compile(r"[0-9０-９〇○零一二三四五六七八九]{2,4}\s*年|\d{4}\s*[-./]\s*\d{1,2}")
_VAGUE = re.compile(r"前后|左右|^(未来|过去|最近|近)")
_DELTA_CUE = re.compile(r"[之以]?([内后])$")
_LEAD = re.compile(f"^(?:{'|'.join(sorted(lx.BY_WORDS, key=len, reverse=True))})")
_TAIL = re.compile(r"([之以]?[前内]|底|末)$")
_JOIN = re.compile(r".[至到—~～]")
# our holidays, and the festivals only jionlp knows (重阳, 七夕 …): "X节前" ends the day before
_HOLIDAY_BEFORE = re.compile(f"(?:节|{'|'.join(lx.HOLIDAYS)}|重阳|七夕|冬至|腊八)[之以]?前$")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_UNITS = ("day", "workday", "hour", "month", "year")


class _QuietLogging:
    """Stands in for ``logging`` inside jionlp's time parser, which only calls ``logging.error``."""

    def error(self, msg: object, *args: object, **kwargs: object) -> None:
        _log.debug("jionlp: %s", msg)


def jionlp_reading(text: str, span: tuple[int, int], *, ref: date | None, plan_year: int | None) -> Result | None:
    """jionlp's reading of ``text[span[0]:span[1]]``, or None when there is none we can trust."""
    piece = text[span[0] : span[1]].strip()
    if not piece or len(piece) > MAX_CHARS or (ref is None and plan_year is None):
        return None  # a reading that needs a base we do not have is not given
    try:
        base = datetime(ref.year, ref.month, ref.day) if ref else datetime(plan_year or 0, 1, 1)
        read = _read(piece, base, plan_only=ref is None)
        if read is None:
            return None
        cls, fields = read
        flags = [SOURCE_FLAG]
        if not _YEAR.search(piece) and any(isinstance(v, date) for v in fields.values()):
            flags.append("year-from-ref")
        return cls(text=text, span=span, flags=tuple(flags), **fields)
    except Exception:  # jionlp raises on what it cannot read; nothing here may reach the caller
        _log.debug("no jionlp reading for %r", piece, exc_info=True)
        return None


def jionlp_spans(text: str, *, ref: date | None, plan_year: int | None) -> list[tuple[int, int]]:
    """Where jionlp's ``extract_time`` sees a time expression in ``text`` (its base from ref / plan year)."""
    if ref is None and plan_year is None:
        return []
    try:  # a plan_year outside 1–9999 has no base: no finds, as normalise() gives no reading
        base = datetime(ref.year, ref.month, ref.day) if ref else datetime(plan_year or 0, 1, 1)
        with _LOCK:
            found = _module().ner.extract_time(text, time_base=base, with_parsing=False)
        return [(int(f["offset"][0]), int(f["offset"][1])) for f in found]
    except Exception:
        _log.debug("jionlp extract_time failed", exc_info=True)
        return []


def _module() -> Any:
    """jionlp, imported on first need (call with _LOCK held)."""
    global _jionlp
    if _jionlp is None:
        _jionlp = _import_jionlp()
    if _jionlp is False:
        raise RuntimeError("jionlp is not available")
    return _jionlp


def _call(piece: str, base: datetime) -> dict[str, Any]:
    with _LOCK:
        answer: dict[str, Any] = _module().parse_time(piece, time_base=base)  # never its default, the clock
        return answer


def _import_jionlp() -> Any:
    banner = io.StringIO()
    try:
        with contextlib.redirect_stdout(banner):
            import jionlp
            from jionlp.gadget import time_parser
    except Exception:
        _log.debug("jionlp could not be imported", exc_info=True)
        return False
    finally:
        _log.debug("jionlp import printed %r", banner.getvalue())
    if getattr(time_parser, "logging", None) is logging:
        time_parser.logging = _QuietLogging()
    return jionlp


def _read(piece: str, base: datetime, *, plan_only: bool) -> Fields | None:
    if _VAGUE.search(piece):
        return None
    cue = _DELTA_CUE.search(piece)
    if cue and cue.start() > 0:
        with contextlib.suppress(Exception):  # 3天内 / 3年后: a delta jionlp turns into a span from the base
            inner = _call(piece[: cue.start()], base)
            if inner["type"] == "time_delta":
                return _relative(inner["time"], piece) if cue.group(1) == "内" else None
    answer = _call(piece, base)
    kind, value = answer["type"], answer["time"]
    if kind == "time_delta":
        return _relative(value, piece)
    if kind == "time_period":
        return _recurrence(value, base.date(), plan_only=plan_only)
    start = None if value[0] == "-inf" else _day(value[0])
    if value[1] == "inf":
        return (Ongoing, {"start": start}) if start is not None else None
    end = _day(value[1]) - timedelta(days=1 if _HOLIDAY_BEFORE.search(piece) else 0)
    leaked = start is None or start == base.date()
    by = kind == "time_span" and bool(
        _LEAD.search(piece) or (_TAIL.search(piece) and (leaked or not _JOIN.search(piece)))
    )
    if kind == "time_span" and start == base.date():  # does the answer follow the base? ask a day off
        probe = base + timedelta(days=1 if base.day < 28 else -1)
        moved = [x != "-inf" and _day(x) != _day(y) for x, y in zip(_call(piece, probe)["time"], value, strict=True)]
        if moved[1] or (moved[0] and not by):
            return None
    if by:
        return Deadline, {"due": end}
    if start is None or start > end:
        return None
    return (Deadline, {"due": end}) if start == end else (Window, {"start": start, "end": end})


def _day(stamp: str) -> date:
    return datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S").date()


def _number(value: Any) -> float:
    number = float(value)
    return int(number) if number.is_integer() else number


def _relative(delta: Any, piece: str) -> Fields | None:
    offsets = []
    for one in delta if isinstance(delta, list) else [delta]:  # 2-3年 gives [{'year': 2}, {'year': 3}]
        ((unit, amount),) = one.items() if len(one) == 1 else (("several", 0),)
        value = _number(amount)
        if unit == "day" and re.search("周|星期|礼拜", piece) and value % 7 == 0:
            unit, value = "week", _number(value / 7)
        offsets.append((unit, value))
    units = {unit for unit, _ in offsets}
    if len(units) != 1 or not units <= {*_UNITS, "week"}:
        return None
    high = offsets[-1][1] if len(offsets) > 1 else None
    return Relative, {"offset": Offset(offsets[0][1], offsets[0][0], high), "anchor": None}


def _recurrence(value: dict[str, Any], base: date, *, plan_only: bool) -> Fields | None:
    delta, point, first = value["delta"], value["point"], None
    if point is not None:
        lo, hi = point["time"]
        if lo is None or hi is None or _day(lo) != _day(hi):
            return None  # a point jionlp could not place (每年9月), or one of several days
        first = _day(lo)
    ((key, amount),) = delta.items() if len(delta) == 1 else (("several", 0),)
    number = _number(amount)
    months = _number(number * 12) if key == "year" else number if key == "month" else 0
    days = number if key == "day" else 0
    if isinstance(days, int) and days > 0:
        freq, step, rule = ("weekly", days // 7, "FREQ=WEEKLY") if days % 7 == 0 else ("daily", days, "FREQ=DAILY")
        by = f";BYDAY={_WEEKDAYS[first.weekday()]}" if first and freq == "weekly" else ""
        start = base if plan_only or freq == "daily" else base - timedelta(days=base.weekday())
    elif isinstance(months, int) and months > 0:
        yearly = months % 12 == 0
        freq = "yearly" if yearly else {3: "quarterly", 6: "half-yearly"}.get(months, "monthly")
        step, rule = (months // 12, "FREQ=YEARLY") if yearly else (months, "FREQ=MONTHLY")
        by = (f";BYMONTH={first.month}" if yearly else "") + f";BYMONTHDAY={first.day}" if first else ""
        size = 12 if yearly else months if 12 % months == 0 else 1  # the period holding ref starts its months
        start = base if plan_only else date(base.year, (base.month - 1) // size * size + 1, 1)
    else:
        return Recurrence, {"freq": "irregular", "dtstart": first, "rrule_text": None}
    interval = 1 if freq in ("quarterly", "half-yearly") else step
    rule += (f";INTERVAL={step}" if step > 1 else "") + by
    return Recurrence, {"freq": freq, "interval": interval, "dtstart": first or start, "rrule_text": rule}
