"""Turning parses into dates: all the calendar maths and the flags, no regular expressions.

Input: a parse from ``_grammar`` and the read's ``Context`` (the caller's ``Settings``: ref, plan year,
month_before policy). Output: the
result class and its kind-specific fields; ``_api`` adds text, span and scope.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from deadline_cn._calendar import dates as _dates
from deadline_cn._grammar import lexicon as _lexicon
from deadline_cn._grammar.parse import (
    LAST_WORKDAY_OF,
    WORKDAY_OF,
    DeadlineP,
    DittoP,
    MarkerP,
    MissingP,
    OngoingP,
    Parse,
    RangeP,
    RecurP,
    RelativeP,
    TriggerP,
    When,
)
from deadline_cn._grammar.record import record, replace
from deadline_cn._resolve import checks as _checks
from deadline_cn.results import (
    Alternative,
    Conditional,
    Deadline,
    Offset,
    Ongoing,
    Recurrence,
    Relative,
    Result,
    Trigger,
    Unresolved,
    Window,
)

Fields = dict[str, Any]


AROUND = timedelta(days=7)


class NeedsYear(Exception):
    """The phrase names no year and the context gives none."""


SpanText = Callable[[tuple[int, int] | None], str | None]


@record
class Settings:
    """What the caller fixed for a whole read, shared by every read with the same arguments."""

    ref: date | None
    plan_year: int | None
    month_before: str = "inclusive"
    roll_over: bool = True  # N日内 ending on a holiday moves to the next working day (民法典 第203条)


def _no_text(span: tuple[int, int] | None) -> str | None:
    return None


class Context:
    """One read of one text: the caller's ``Settings``, how a folded span becomes the caller's words, and what
    one reading hands the next — the latest explicit year (for later yearless dates) and the flags of the
    reading being resolved (``part()`` starts a new list). Made for a single read and never shared, so two
    reads, in threads or not, never see each other's state."""

    __slots__ = ("flags", "last_start", "last_year", "settings", "text_of", "year_alternative", "year_inferred",
                 "year_reading")

    def __init__(self, settings: Settings, text_of: SpanText = _no_text) -> None:
        self.settings, self.text_of = settings, text_of
        self.last_year: int | None = None
        self.year_inferred = False  # last_year was filled in from the ref (a range's end), not written
        self.last_start: date | None = None  # the first day of the reading before this one (deadline, window)
        self.year_alternative: int | None = None  # the year not chosen, when this reading's year is a doubt
        self.year_reading = "earlier-year"  # what the alternative's year is (Alternative.reading)
        self.flags: list[str] = []

    def part(self) -> None:
        """Start the next reading of the text: its own flags, the year seen so far kept."""
        self.flags, self.year_alternative, self.year_reading = [], None, "earlier-year"

    @property
    def ref(self) -> date | None:
        return self.settings.ref

    @property
    def plan_year(self) -> int | None:
        return self.settings.plan_year

    @property
    def month_before(self) -> str:
        return self.settings.month_before

    @property
    def roll_over(self) -> bool:
        return self.settings.roll_over

    @property
    def base_year(self) -> int | None:
        s = self.settings
        return s.plan_year if s.plan_year is not None else (s.ref.year if s.ref else None)


def year_of(w: When, ctx: Context, *, stale: bool = False) -> int:
    """The year of ``w``: written, relative (今年), carried from the text before, or the context's; with ``stale``
    (a deadline), a yearless date long gone when the text was issued is a doubt (``STALE_DAYS``)."""
    if w.year is not None:
        ctx.last_year = _checks.check_year(w.year)  # 2200年 is flagged, never replaced by the ref's year
        ctx.year_inferred = False
        return w.year
    if w.rel_year is not None and w.after_named and ctx.last_year is not None and not ctx.year_inferred:
        return _checks.check_year(ctx.last_year + w.rel_year)  # 2024年12月底前…，次年3月底前: 2025, as written
    if w.rel_year is not None:
        if ctx.base_year is None:
            raise NeedsYear("a year counted from the document (今年, 年内, 去年) needs ref or plan_year")
        ctx.flags.append("year-from-ref")
        if ctx.ref is not None and ctx.ref.year != ctx.base_year \
                and _lexicon.PLAN_YEARS[0] <= ctx.ref.year + w.rel_year <= _lexicon.PLAN_YEARS[1]:
            # 今年底前 in a 2023 plan issued 2024-07: the plan's year, or the year it was written in? Both shown.
            _doubt_year(ctx, ctx.ref.year + w.rel_year, "ref-year")
        return ctx.base_year + w.rel_year
    if ctx.last_year is not None:
        if ctx.year_inferred:
            ctx.flags.append("year-from-ref")
        return _forward(w, ctx.last_year, ctx)
    if ctx.base_year is None:
        raise NeedsYear("the phrase has no year and neither ref nor plan_year was given")
    ctx.flags.append("year-from-ref")
    if (year := _forward(w, ctx.base_year, ctx)) != ctx.base_year:
        return year
    if ctx.ref is not None and ctx.ref.year != ctx.base_year and not _past_at_issue(w, ctx.ref):
        if stale and ctx.base_year == ctx.ref.year - 1 and _long_gone_in(w, ctx.base_year, ctx.ref):
            # a notice of 2025-01-05 on the 2024 plan: 1月15日前报送2024年度总结 is still ahead (2025's); the plan
            # year's day was gone long before the text was written — the plan year's date in alternatives
            _doubt_year(ctx, ctx.base_year, "plan-year")
            return ctx.ref.year
        # a 2019 plan issued in 2018-08 that says "12月22日": this December or next? Both stay visible.
        ctx.flags.append("ambiguous:year")
    elif stale and ctx.ref is not None and ctx.ref.year == ctx.base_year and _long_past_at_issue(w, ctx.ref):
        # a plan's steps lie ahead of it: next year's (2月20日前 in a schedule of 2011-11-18 is 2012's), this
        # year's in alternatives
        _doubt_year(ctx, ctx.base_year, "ref-year")
        return ctx.base_year + 1
    return ctx.base_year


def _doubt_year(ctx: Context, other: int, reading: str) -> None:
    ctx.flags.append("ambiguous:year")
    ctx.year_alternative, ctx.year_reading = other, reading


def _forward(w: When, year: int, ctx: Context) -> int:
    """The year for a yearless date after another reading: steps in a plan run forward, so one that would end
    before the reading before it begins (2023年12月底前完成方案，3月底前完成验收) is most likely next year's — read
    so, flagged ``ambiguous:year``, the other year in ``alternatives``. A date restating the period before it
    (2024年春节假期（2月10日至17日）) does not end before that period begins, and keeps its year."""
    if ctx.last_start is None or not _ends_before(w, year, ctx.last_start):
        return year
    ctx.flags.append("ambiguous:year")
    ctx.year_alternative = year
    return year + 1


def _due_in(w: When, cue: str | None, year: int) -> date:
    """The due day ``w`` with ``cue`` gives in ``year`` (for the other reading of a doubtful year): the period's
    last day, the eve of a holiday before it (春节前), the day before one the text excludes (6月30日前(不含))."""
    start, end = bounds(w, year)
    if cue == "before-strict" or (w.holiday and cue in ("before", "end-before")):
        return start - timedelta(days=1)
    return end


def _ends_before(w: When, year: int, day: date) -> bool:
    """Whether the period ``w`` names in ``year`` is over before ``day`` (an impossible one never is)."""
    try:
        return bounds(w, year)[1] < day
    except (ValueError, _checks.Invalid):
        return False


# Plans are often issued (or posted) months into their year and still list steps already due (the wild corpus:
# up to four months). A yearless date more than half a year gone when the text was issued (春节前 or 1月底前 in a
# notice of 2024-11-20) is as likely next year's: read in the issue year, next year's date in alternatives.
STALE_DAYS = 183
HOLIDAY_STALE_DAYS = 30  # a holiday named after it has passed: a report or a late plan within a month, else next year's


def _long_past_at_issue(w: When, ref: date) -> bool:
    """Whether ``w`` ended over STALE_DAYS before ``ref`` in ref's year — and has a next year to offer."""
    if ref.year >= _lexicon.PLAN_YEARS[1]:
        return False
    try:
        bounds(w, ref.year + 1)  # the alternative must be a date too (not 2200, nor a holiday past the tables)
        # a notice names a holiday ahead of it (元旦春节期间值班, 国庆节前): one gone a month is next year's, likely
        return (ref - bounds(w, ref.year)[1]).days > (HOLIDAY_STALE_DAYS if w.holiday else STALE_DAYS)
    except (ValueError, _checks.Invalid):
        return False


def _long_gone_in(w: When, year: int, ref: date) -> bool:
    """Whether ``w`` in ``year`` ended over STALE_DAYS (a holiday: HOLIDAY_STALE_DAYS) before ``ref``."""
    try:
        return (ref - bounds(w, year)[1]).days > (HOLIDAY_STALE_DAYS if w.holiday else STALE_DAYS)
    except (ValueError, _checks.Invalid):
        return False


def _past_at_issue(w: When, ref: date) -> bool:
    """A 2018 plan issued 2017-12-20 that says 3月1日前: 2017-03-01 had passed when the plan was issued, so only
    the plan year's reading is left — no doubt to flag."""
    if ref.year > 9998:
        return False
    try:
        return bounds(w, ref.year)[1] < ref
    except (ValueError, _checks.Invalid):
        return False


def concrete(w: When, ctx: Context) -> When:
    """A When with a short year (23年) or a relative period (本月, 下季度) made absolute from the context."""
    if w.short_year and w.year is not None:
        base = ctx.base_year
        if base is None:
            raise NeedsYear(f"a two-digit year ({w.year:02d}年) needs plan_year or ref to choose its century")
        century = base // 100 * 100
        year = min((century - 100 + w.year, century + w.year, century + 100 + w.year), key=lambda y: abs(y - base))
        ctx.flags.append("year:short")
        w = replace(w, year=year, short_year=False)
    if w.rel_period is None:
        return w
    if ctx.ref is None:
        raise NeedsYear("本月 / 下季度 / 次月 / 本周五 count from the document's date: give ref")
    ctx.flags.append("year-from-ref")
    if w.rel_period == "周":  # 本周五 · 下周一: a day of the week (Monday first) that holds ref, or a later one
        day = ctx.ref - timedelta(days=ctx.ref.weekday() - 7 * w.rel_shift - (w.weekday or 0))
        return replace(w, rel_period=None, year=day.year, month=day.month, day=day.day)
    if w.rel_period == "月":
        index = ctx.ref.year * 12 + ctx.ref.month - 1 + w.rel_shift
        return replace(w, rel_period=None, year=index // 12, month=index % 12 + 1)
    index = ctx.ref.year * 4 + (ctx.ref.month - 1) // 3 + w.rel_shift
    year, quarter = divmod(index, 4)
    if w.xun == 1:  # 下季度初: the quarter's first month
        return replace(w, rel_period=None, year=year, month=quarter * 3 + 1, xun=None)
    return replace(w, rel_period=None, year=year, quarter=quarter + 1)


def bounds(w: When, year: int) -> tuple[date, date]:
    """First and last day of the period ``w`` names in ``year``; an impossible one raises ``Invalid``."""
    _checks.check_year(year)  # also a year counted from the ref (明年 in a 2199 plan)
    _checks.check_when(w, year)
    if w.holiday:
        from deadline_cn.calendar import holiday_date

        day = holiday_date(w.holiday, year)
        return day, day
    if w.month and w.day:
        day = date(year, w.month, w.day)
        return day, day
    if w.lunar is not None and w.month is None:  # 农历九月初九: that day of the lunar year
        from deadline_cn._calendar.festivals import solar_of_lunar

        day = solar_of_lunar(year, w.lunar[0] or 1, w.lunar[1])
        return day, day
    if w.month and w.xun:
        first = _dates.xun_bounds(year, w.month, w.xun_first or w.xun)[0]
        return first, _dates.xun_bounds(year, w.month, w.xun)[1]
    if w.month and w.mid:
        return date(year, w.month, 15), date(year, w.month, 15)
    if w.month and w.half_month:  # 上半月 1–15 · 下半月 16 to the month's end
        if w.half_month == 1:
            return date(year, w.month, 1), date(year, w.month, 15)
        return date(year, w.month, 16), _dates.month_end(year, w.month)
    if w.month:
        return date(year, w.month, 1), _dates.month_end(year, w.month)
    if w.quarter:
        if not 1 <= w.quarter <= 4:
            raise ValueError(f"there is no quarter {w.quarter}")
        return _dates.quarter_bounds(year, w.quarter)
    if w.half:
        return _dates.half_bounds(year, w.half)
    return date(year, 1, 1), date(year, 12, 31)


def _strict_before(w: When, year: int, start: date) -> tuple[date, str] | None:
    """The strict reading of 前 (before the period begins) and the flag naming the ambiguity."""
    if w.holiday or w.edge == "end" or w.xun or w.mid or w.half_month or w.time:
        return None  # 17:00前 is before a time of that day: no doubt about the day
    if w.day or (w.lunar is not None and w.month is None):  # (农历九月初九前: a day, as 10月11日前 is)
        return start - timedelta(days=1), "ambiguous:day-before"
    if w.month:
        return start - timedelta(days=1), "ambiguous:month-before"
    if w.quarter or w.half:
        return None
    return start - timedelta(days=1), "ambiguous:year-before"


def resolve_deadline(p: DeadlineP, ctx: Context) -> tuple[type[Result], Fields]:
    w = concrete(p.when, ctx)
    year = year_of(w, ctx, stale=True)
    if w.time == "00:00" and w.day is not None and (
            p.by or p.cue in ("before", "end-before", "before-strict", "until")):
        # 3月22日0时前 · 截至3月22日零时 · 至29日0时止: before the midnight that opens the 22nd is the end of the 21st
        eve = bounds(w, year)[0] - timedelta(days=1)
        w = replace(w, month=eve.month, day=eve.day, time="24:00", weekday=None, lunar=None)
        if eve.year != year:
            w, year = replace(w, year=eve.year, rel_year=None, short_year=False), eve.year
        if p.cue == "before-strict":
            p = replace(p, cue="before")  # (不含) excludes the midnight itself, not the day before it
    start, end = bounds(w, year)
    flags = [w.typo] if w.typo else []
    alternatives: tuple[Alternative, ...] = ()
    if w.time:
        flags.append(f"time:{w.time}")
    if w.cumulative:  # 前三季度 · 前8个月 · 1—8月: from the year's first day to the end of the Nth period
        if end.month == 12 and p.cue is None and not p.by:
            # 1—12月 in an inspection plan's time column: "the first twelve months" is the whole year, a span
            return Window, {"start": date(year, 1, 1), "end": end, "label": None, "flags": flags}
        return Deadline, {"due": end, "start": date(year, 1, 1), "precision": w.grain, "alternatives": (),
                          "flags": flags}
    if p.after is not None:  # 一季度结束后8日: counted from the period's last day
        n, unit = p.after
        anchor = end
        if unit == WORKDAY_OF:  # 3月第1个工作日: the Nth working day counted from the day before the month
            anchor, unit = start - timedelta(days=1), "workday"
        elif unit == LAST_WORKDAY_OF:  # 3月最后一个工作日: counted back from the day after the month
            anchor, n, unit = end + timedelta(days=1), -n, "workday"
        due, extra, _ = applied(Offset(n, unit, None), anchor, ctx.roll_over)
        return Deadline, {"due": due, "start": None, "precision": "day", "alternatives": (),
                          "flags": [*flags, *extra]}
    precision = "month" if w.typo == "typo:missing-月" else w.grain
    if p.cue == "within" and w.month is not None and _bare_month(w) and ctx.ref is not None:
        # 三月内整改到位 · 两月内完成: within March, or within three months? (folded, 两 and 2 look alike; 一月内 is
        # read as one month, rules.py.) The month is kept, the count of months from the document in alternatives.
        flags.append(f"ambiguous:{_MONTH_WORDS[w.month - 1]}月")
        alternatives = (Alternative(applied(Offset(w.month, "month", None), ctx.ref, True)[0], "months"),)
    if w.holiday:
        flags.append(f"holiday:{w.holiday}")
        if p.cue in ("before", "end-before"):
            if w.rest:  # 端午假期前: the eve of the rest block (the festival may be its last day)
                start = min(start, _days_off(w.holiday, year)[0])
            end = start = start - timedelta(days=1)
            if w.year is None and ctx.base_year is not None and end.year < ctx.base_year:
                eve = end
                end = start = bounds(w, year + 1)[0] - timedelta(days=1)  # 元旦前 in a 2018 plan: 2018-12-31
                if ctx.ref is not None and ctx.ref <= eve and "ambiguous:year" not in ctx.flags:
                    # …issued 2017-12-20: the eve of the coming 1 January (2017-12-31) is as likely
                    flags.append("ambiguous:year")
                    alternatives = (*alternatives, Alternative(eve, "ref-year"))
            elif w.year is None and ctx.year_reading == "ref-year" and ctx.base_year is not None \
                    and year == ctx.base_year + 1 \
                    and end.year == ctx.base_year and "ambiguous:year" in ctx.flags:
                # 元旦前 in a notice of 2018-11, rolled to 2019's 元旦: its eve is this year's last day, and this
                # year's 元旦 has no eve in this year — no doubt left
                ctx.flags.remove("ambiguous:year")
                ctx.year_alternative, ctx.year_reading = None, "earlier-year"
    if w.weekday is not None and w.day and end.weekday() != w.weekday:
        flags.append("weekday-mismatch")
    if w.lunar is not None and w.day and not _lunar_agrees(end, w.lunar):
        flags.append("lunar-mismatch")  # 2月16日(正月十五): the note names another day
    if p.cue == "before-strict":  # 6月30日前(不含): the text itself excludes the day
        end = start - timedelta(days=1)
        precision = "day"
    fields: Fields = {"due": end, "start": None, "precision": precision, "alternatives": alternatives}
    other_year = ctx.year_alternative if ctx.year_alternative is not None else ctx.ref.year if ctx.ref else None
    if "ambiguous:year" in ctx.flags and w.year is None and other_year is not None:
        reading = ctx.year_reading if ctx.year_alternative is not None else "ref-year"
        try:
            fields["alternatives"] = (Alternative(_due_in(w, p.cue, other_year), reading),)
        except (ValueError, _checks.Invalid):
            pass  # the other year is past the calendar's tables (a holiday in 2101): the doubt stays, unpriced
    if p.cue in ("before", "end-before"):
        strict = _strict_before(w, year, start)
        if strict is not None:
            fields["alternatives"] = (*fields["alternatives"], Alternative(strict[0], "strict"))
            flags.append(strict[1])
            if ctx.month_before == "strict":
                others = tuple(a for a in fields["alternatives"] if a.reading != "strict")
                fields["due"], fields["alternatives"] = strict[0], (*others, Alternative(end, "inclusive"))
    elif p.cue is None and not p.by and w.edge is None:
        fields["start"] = start  # "2017年第1季度完成" / "9月8日": done within the period (a day is its own)
    fields["flags"] = flags
    return Deadline, fields


_MONTH_WORDS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def _bare_month(w: When) -> bool:
    """A month and nothing else: no year (written or relative), day, edge, part or holiday (三月内)."""
    return w.month is not None and w.year is None and w.rel_year is None and w.day is None and w.edge is None \
        and w.xun is None and not w.mid and not w.holiday and w.quarter is None and w.half is None \
        and not w.cumulative and w.rel_period is None


def resolve_range(p: RangeP, ctx: Context) -> tuple[type[Result], Fields]:
    p = replace(p, start=concrete(p.start, ctx), end=concrete(p.end, ctx))
    # 元旦春节期间 in a notice of 2024-11 · 期末考试：1月13日—1月15日 in a school calendar of 2024-09: a span whose
    # end was long gone when the text was issued lies ahead of it, as a deadline does (the issue year's doubted)
    gone = p.end.year is None and p.end.rel_year is None and ctx.ref is not None \
        and _long_past_at_issue(p.end, ctx.ref)
    first_year = year_of(p.start, ctx, stale=bool(p.start.holiday) or gone)
    start, first_end = bounds(p.start, first_year)
    if p.start.edge == "end" and p.end_cue in (None, "before", "end-before", "until"):
        # 2024年底至2025年6月 · 2024年底至2025年春节前: from the end of the first period
        start = first_end
    if p.end_cue == "around":  # 元旦前后: a week either side of the day (of the period, for a month)
        if p.start.edge == "end":
            start = first_end  # 年底前后 · 11月底前后: around the period's last day, not the whole period
        label = p.start.holiday
        flags = [f"holiday:{label}"] if label else []
        return Window, {"start": start - AROUND, "end": first_end + AROUND, "label": label, "flags": flags}
    if p.end_cue == "years":
        return Ongoing, {"start": start, "end": bounds(p.end, year_of(p.end, ctx))[1], "flags": []}
    if p.end_cue == "during":
        return _during(p.start, first_year, start, first_end)
    if p.end_cue == "through" and p.end.holiday:  # 元旦至春节期间: from the first's rest to the end of the second's
        if p.start.holiday:
            start = _days_off(p.start.holiday, first_year)[0]
        end_year = p.end.year if p.end.year is not None else _end_year(p.end, first_year, start)
        last, rest_flags = _days_off(p.end.holiday, end_year)[1:]
        return Window, {"start": start, "end": last, "label": None,
                        "flags": [f"holiday:{p.end.holiday}", *rest_flags]}
    end_when = p.end
    filled = end_when.year is None and end_when.rel_year is None
    if filled:
        end_when = replace(end_when, year=_end_year(end_when, first_year, start))
    _, fields = resolve_deadline(DeadlineP(end_when, p.end_cue), ctx)
    if filled and "year-from-ref" in ctx.flags:
        ctx.year_inferred = True  # 9月14-18日…9月19日: the year carried on was never written; later dates say so
    flags = [f for f in fields["flags"] if not f.startswith("ambiguous:")]
    if end_when.typo is not None and end_when.typo.startswith("ambiguous:"):
        flags.append(end_when.typo)  # 2024年5月31日2024年10月31日: a range, or two dates? (the joiner is lost)
    if p.start.weekday is not None and p.start.day and start.weekday() != p.start.weekday \
            and "weekday-mismatch" not in flags:
        flags.append("weekday-mismatch")  # 3月21日(周三)至22日: each end's note is checked, as a day's is
    if p.start.time:  # 3月16日8:00至20日17:30: both times kept, the start's first
        flags.insert(0, f"time:{p.start.time}")
    return Window, {"start": start, "end": fields["due"], "label": None, "flags": flags}


def _lunar_agrees(day: date, note: tuple[int | None, int]) -> bool:
    from deadline_cn._calendar.festivals import lunar_of

    lunar = lunar_of(day)
    return lunar is None or (lunar[1] == note[1] and note[0] in (None, lunar[0]))


def _days_off(name: str, year: int) -> tuple[date, date, tuple[str, ...]]:
    """The days off around a public holiday (calendar.rest_block); an observance with none (元宵, 七一, 教师节)
    is its own day."""
    from deadline_cn._calendar.blocks import PUBLIC_HOLIDAYS
    from deadline_cn._calendar.festivals import canonical
    from deadline_cn.calendar import holiday_date
    from deadline_cn.calendar import rest_block as days_off

    key = canonical(name)
    if key in PUBLIC_HOLIDAYS or key == "除夕":
        return days_off(name, year)
    day = holiday_date(name, year)
    return day, day, ()


def _end_year(end: When, first_year: int, start: date) -> int:
    """The year of a range's yearless end: the start's, or the next when that would end before the start
    (12月28日至1月5日)."""
    return first_year if bounds(end, first_year)[1] >= start else first_year + 1


def _during(w: When, year: int, start: date, end: date) -> tuple[type[Result], Fields]:
    """春节期间: the official rest block around the holiday; otherwise the period itself."""
    if not w.holiday:
        return Window, {"start": start, "end": end, "label": None, "flags": []}
    first, last, flags = _days_off(w.holiday, year)
    return Window, {"start": first, "end": last, "label": w.holiday,
                    "flags": [f"holiday:{w.holiday}", *flags]}


def resolve_ongoing(p: OngoingP, ctx: Context) -> tuple[type[Result], Fields]:
    if p.whole_year:
        if ctx.base_year is None:
            raise NeedsYear("全年 needs ref or plan_year")
        ctx.flags.append("year-from-ref")
        _checks.check_year(ctx.base_year)
        return Ongoing, {"start": date(ctx.base_year, 1, 1), "end": date(ctx.base_year, 12, 31), "flags": []}
    if p.start is None:
        until = concrete(p.until, ctx) if p.until is not None else None
        end = _last_day(until, ctx)
        flags = ["vague:promptly"] if p.vague else []
        if until is not None and until.time:  # …至2023年11月10日下午17时止
            flags.append(f"time:{until.time}")
        if until is not None and until.typo:  # …至2020129日止: a date typed without 月 (typo:compact-date)
            flags.append(until.typo)
        if p.span and end is not None:  # 即日起至6月19日: with no ref the window's first day is unknown
            return Window, {"start": ctx.ref, "end": end, "label": None, "flags": flags}
        return Ongoing, {"start": ctx.ref, "end": end, "flags": flags}
    p = replace(p, start=concrete(p.start, ctx))
    assert p.start is not None
    year = year_of(p.start, ctx, stale=True)  # 春节后 · 4月1日起 in a notice of 2024-11: next year's (doubted)
    start, end = bounds(p.start, year)
    flags = [f"holiday:{p.start.holiday}"] if p.start.holiday else []
    if p.after and p.start.holiday:
        _, last, extra = _days_off(p.start.holiday, year)
        through = _last_day(concrete(p.until, ctx), ctx) if p.until is not None else None
        if through is not None and p.span:  # 国庆后至年底前: from the day after the rest to the date (a window)
            return Window, {"start": last + timedelta(days=1), "end": through, "label": None,
                            "flags": [*flags, *extra]}
        return Ongoing, {"start": last + timedelta(days=1), "end": None, "flags": [*flags, *extra]}
    if p.after_doubt:  # 2026年1月以后: from February (the reading), or from January? (以后 is used both ways)
        flags.append("ambiguous:after")
    through = _last_day(concrete(p.until, ctx), ctx) if p.until is not None else None  # 2024年，持续推进: that year
    return Ongoing, {"start": end + timedelta(days=1) if p.after else start, "end": through, "flags": flags}


def _last_day(w: When | None, ctx: Context) -> date | None:
    """The last day of the period ``w`` names (in its year, or the one the context gives it)."""
    return None if w is None else bounds(w, year_of(w, ctx))[1]


def resolve_recurrence(p: RecurP, ctx: Context) -> tuple[type[Result], Fields]:
    if p.period == "irregular":
        flags = ["vague:periodic"] if p.vague else []
        return Recurrence, {"freq": "irregular", "interval": 1, "dtstart": None, "rrule_text": None, "flags": flags}
    freq, rule, months = _lexicon.PERIODS[p.period]
    for bound in (p.since, p.until, p.after):  # 0季度起每月 · 14月后每旬: an impossible start is flagged even when no
        if bound is not None and bound.year is None and bound.rel_year is None:  # year dates it (a leap year: 2月29日
            _checks.check_when(bound, 2000)  # 起 is no doubt; with a year, resolving it checks it)
    if p.interval < 1:
        raise _checks.Invalid("interval", f"every {p.interval} {p.period} never repeats")
    bymonth = p.bymonth
    holiday_doubt: list[str] = []
    if bymonth and rule.startswith("FREQ=MONTHLY"):
        # BYMONTH names each period's month (每半年底 → 6,12): an INTERVAL counted from dtstart could miss them all
        # (an end: the last of each group, 每两个季度末 → 6,12; a start: the first, 每两个季度初 → 1,7)
        rule, bymonth = "FREQ=MONTHLY", bymonth[p.interval - 1::p.interval] if p.bymonthday == -1 else \
            bymonth[::p.interval]
    elif p.interval > 1:
        rule = _with_interval(rule, p.interval)
    if p.workdays_before is not None and p.bymonthday is not None:
        # 每月底前3个工作日: the 3rd weekday counted back among the days before the last one (BYMONTHDAY lists them
        # all: -31 does not match in a shorter month); 每月25日前2个工作日: among the 1st to the 24th
        for m in bymonth:
            _checks.check_month(m)
        before = range(-31, -1) if p.bymonthday == -1 else range(1, p.bymonthday)
        rule += (";BYMONTH=" + ",".join(str(m) for m in bymonth) if bymonth else "") \
            + ";BYMONTHDAY=" + ",".join(str(d) for d in before) \
            + f";BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-{p.workdays_before}"
    else:
        rule = _checks.fit_monthday(rule, bymonth, p.bymonthday, p.interval)
    if p.byweekday:
        rule += ";BYDAY=" + ",".join(("MO", "TU", "WE", "TH", "FR", "SA", "SU")[d] for d in p.byweekday)
    if p.workday is not None:  # the Nth weekday of the month (RRULE knows no holidays)
        early, late = {1, 2, 5, 10}, {1, 2, 9}  # months whose first (last) days may be a public holiday's rest
        if p.period == "年" and set(bymonth) & (early if p.workday > 0 else late):
            # 每年10月第一个工作日: RRULE's Monday–Friday count lands on 10-01, a day off (the one-off reading of
            # 2024年10月第一个工作日 counts over the calendar: 10-08)
            holiday_doubt = ["ambiguous:workday"]
        if len(bymonth) > 1 and rule.startswith("FREQ=YEARLY"):
            # 每年6月、12月最后一个工作日: BYSETPOS picks from each interval's set — one a year under YEARLY
            rule = rule.replace("FREQ=YEARLY", "FREQ=MONTHLY", 1)
        rule += f";BYDAY=MO,TU,WE,TH,FR;BYSETPOS={p.workday}"
    fields: Fields = {"freq": freq, "interval": p.interval, "rrule_text": rule,
                      "flags": [*([f"time:{p.time}"] if p.time else []), *holiday_doubt]}
    if p.since is not None:
        since = concrete(p.since, ctx)
        fields["dtstart"] = bounds(since, year_of(since, ctx))[0]
        rule_text = fields["rrule_text"]
        if rule_text is not None and "BYMONTH=" in rule_text and "BYMONTHDAY" not in rule_text \
                and "BYDAY" not in rule_text and fields["dtstart"].day > 1:
            # 8月31日起每年2月: an RRULE takes its day from dtstart (February has no 31st: no occurrence at all), but
            # the start's day is not the listed month's — each occurs on its first day, as 每年2月 alone does
            fields["rrule_text"] = f"{rule_text};BYMONTHDAY=1"
    elif p.after is not None:  # 6月底前完成，此后每季度: from the period that holds the day after the deadline
        after = concrete(p.after, ctx)
        fields["dtstart"] = _period_holding(bounds(after, year_of(after, ctx))[1] + timedelta(days=1), months,
                                            p.period)
    else:
        fields["dtstart"] = period_start(months, p.period, ctx)
    if p.until is not None:  # 2024年4月至12月，每月5日前报送: no occurrence after the range's last day
        until, start = concrete(p.until, ctx), fields["dtstart"]
        if until.year is None and until.rel_year is None and p.since is not None and start is not None:
            year = _end_year(until, start.year, start)  # 2024年11月至3月: the end in the next year
        else:
            year = year_of(until, ctx)
        fields["until"] = bounds(until, year)[1]
        if fields["dtstart"] is not None and fields["until"] < fields["dtstart"]:
            raise _checks.Invalid("end-before-start", f"the end {fields['until']} is before the start "
                                                       f"{fields['dtstart']}")
        if fields["dtstart"] is not None and fields["rrule_text"] is not None:
            _checks.check_occurs(fields["rrule_text"], fields["dtstart"], fields["until"])  # 每年末至6月: none
    if p.holiday:
        fields.update(rrule_text=None, holiday=p.holiday)
        fields["flags"] = [*fields["flags"], f"holiday:{p.holiday.removesuffix('前')}"]  # 国庆前: its eve
        if fields["dtstart"] is not None:  # past the lunar table: unresolved now, not a ValueError in occurrences()
            from deadline_cn.calendar import holiday_date

            start = fields["dtstart"]
            if holiday_date(p.holiday, start.year) < start:
                holiday_date(p.holiday, start.year + 1)  # the first occurrence is next year's
    return Recurrence, fields


def _with_interval(rule: str, n: int) -> str:
    """每两个月 → FREQ=MONTHLY;INTERVAL=2 · 每两个季度 → INTERVAL=6 (RRULE counts months, not quarters)."""
    freq, _, rest = rule.partition(";INTERVAL=")
    return f"{freq};INTERVAL={n * int(rest or 1)}"


def period_start(months: int, period: str, ctx: Context) -> date | None:
    """The start of the period that holds ref (DESIGN.md); the plan year's 1 January without ref."""
    if ctx.ref is None:
        return None if ctx.base_year is None else date(ctx.base_year, 1, 1)
    return _period_holding(ctx.ref, months, period)


def _period_holding(ref: date, months: int, period: str) -> date:
    """The first day of the period (of ``months`` months, or a week, or a day) that holds ``ref``."""
    if period == "周":
        return ref - timedelta(days=ref.weekday())
    if period in ("日", "工作日"):
        return ref
    first_month = (ref.month - 1) // months * months + 1
    return date(ref.year, first_month, 1)


def resolve_relative(p: RelativeP, ctx: Context) -> tuple[type[Result], Fields]:
    try:
        _checks.check_offset(p.value, p.max, p.unit)
    except _checks.Invalid:
        if p.unit == "year" and p.max is not None and _checks.YEARS[0] <= p.max <= _checks.YEARS[1]:
            # 10-2019年6月: 2019 is a year, and the yearless 6月 after it is in 2019
            ctx.last_year, ctx.year_inferred = int(p.max), False
        raise
    if p.anchor_when is not None:
        return _after_date(p, p.anchor_when, ctx)
    anchor = "ref" if p.anchor_ref else ctx.text_of(p.anchor)
    if anchor is None and not p.wants_anchor and not p.after_step and p.unit in ("year", "month"):
        anchor = "ref"  # 力争在3年内: a long horizon with no event counts from the document date
    offset = Offset(p.value, p.unit, p.max)
    due: date | datetime | None = None
    flags: tuple[str, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    if anchor == "ref" and ctx.ref is not None:
        due, flags, alternatives = applied(offset, ctx.ref, ctx.roll_over)
    fields: Fields = {"offset": offset, "anchor": anchor, "due": due, "flags": list(flags),
                      "alternatives": alternatives}
    if p.or_month is not None:  # 一月内: within one month, or within January
        fields["flags"].append("ambiguous:一月")
        if ctx.base_year is not None:
            month = Alternative(_dates.month_end(ctx.base_year, p.or_month), "month")
            fields["alternatives"] = (*fields["alternatives"], month)
    return Relative, fields


def _after_date(p: RelativeP, w: When, ctx: Context) -> tuple[type[Result], Fields]:
    """<date>后N日内: counted from the end of the period (for a holiday, the end of its rest block)."""
    _checks.check_offset(p.value, p.max, p.unit)
    year = year_of(w, ctx, stale=True)
    event = bounds(w, year)[1]
    flags: list[str] = []
    if w.holiday and p.value < 0:  # 国庆节前10天: counted back from the holiday's own day
        event, flags = bounds(w, year)[0], [f"holiday:{w.holiday}"]
    elif w.holiday:
        event, extra = _days_off(w.holiday, year)[1:]
        flags = [f"holiday:{w.holiday}", *extra]
    offset = Offset(p.value, p.unit, p.max)
    due, extra, alternatives = applied(offset, event, ctx.roll_over)
    return Relative, {"offset": offset, "anchor": ctx.text_of(p.anchor), "due": due, "flags": [*flags, *extra],
                      "alternatives": alternatives}


_offsets: Any = None  # deadline_cn._calendar.offsets, once applied has imported it


def applied(offset: Offset, event: date | datetime, roll_over: bool,
            ) -> tuple[date | datetime, tuple[str, ...], tuple[Alternative, ...]]:
    """The due day, flags and alternatives ``Relative(text="", offset=offset).resolved(event, roll_over)`` gives
    (the calendar's answer), without the three results that method builds on its way."""
    global _offsets
    if _offsets is None:  # (imported when an offset is first resolved: it loads the calendar)
        from deadline_cn._calendar import offsets

        _offsets = offsets
    got = _offsets.apply_offset_flagged(event, offset.max or offset.value, offset.unit, roll_over)
    alternatives = tuple(Alternative(day, reading) for day, reading in got.alternatives)
    return got.due, tuple(dict.fromkeys(got.flags)), alternatives


def resolve_trigger(p: TriggerP, ctx: Context) -> tuple[type[Result], Fields]:
    trigger = Trigger(p.type, ctx.text_of(p.authority), ctx.text_of(p.event), ctx.text_of(p.document))
    then, flags = None, []
    if isinstance(p.then, (RelativeP, OngoingP)):
        try:
            if isinstance(p.then, RelativeP):
                cls, f = resolve_relative(p.then, ctx)
            else:
                cls, f = resolve_ongoing(p.then, ctx)
                f["start"] = None  # it opens when the event happens, not on the document's date
            then = cls(text="", **{**f, "flags": tuple(f["flags"])})  # Conditional gives it its text and span
        except _checks.Invalid as exc:  # keep the trigger, the valid part
            flags.append(f"invalid:{exc.what}")
    return Conditional, {"trigger": trigger, "then": then, "flags": flags}


def resolve_missing(p: MissingP, ctx: Context) -> tuple[type[Result], Fields]:
    return Unresolved, {"reason": p.reason, "flags": []}


def resolve_ditto(p: DittoP, ctx: Context) -> tuple[type[Result], Fields]:
    return Unresolved, {"reason": "同上: the reading is the row above's", "flags": ["ditto"]}


def resolve_marker(p: MarkerP, ctx: Context) -> tuple[type[Result], Fields]:
    """及时 / 随时 standing alone: ongoing from the document date, flagged vague."""
    return Ongoing, {"start": ctx.ref, "end": None, "flags": [p.flag]}


RESOLVERS: dict[type, Callable[[Any, Context], tuple[type[Result], Fields]]] = {
    DeadlineP: resolve_deadline, RangeP: resolve_range, OngoingP: resolve_ongoing, RecurP: resolve_recurrence,
    RelativeP: resolve_relative, TriggerP: resolve_trigger, MissingP: resolve_missing, DittoP: resolve_ditto,
    MarkerP: resolve_marker,
}


def resolve(p: Parse, ctx: Context) -> tuple[type[Result], Fields]:
    """One parse → (result class, fields). Raises NeedsYear when a year is needed and unknown.

    An impossible text (2月30日, 13月, an end before its start) is unresolved with ``invalid:<what>``.
    """
    try:
        cls, fields = RESOLVERS[type(p)](p, ctx)
        _checks.check_order(fields)
    except _checks.Invalid as exc:
        return Unresolved, {"reason": str(exc), "flags": [f"invalid:{exc.what}"]}
    begin = (fields.get("start") or fields.get("due")) if cls in (Deadline, Window) else None
    if isinstance(begin, date):
        ctx.last_start = begin if not isinstance(begin, datetime) else begin.date()
    return cls, fields
