"""What the grammar produces: parses whose year may still be unknown (resolution happens later).

Offsets here are into the *folded* text; ``_api`` maps them back to the caller's text.
"""

from __future__ import annotations

from deadline_cn._grammar.record import record

# DeadlineP.after's units for the Nth working day of a named period, and its last one
WORKDAY_OF, LAST_WORKDAY_OF = "workday-of", "last-workday-of"


@record
class When:
    """A calendar period as written: 2017年6月底 → year 2017, month 6, edge "end"."""

    year: int | None = None
    rel_year: int | None = None  # 今年 → 0, 明年 → 1 (relative to the plan year)
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    xun: int | None = None
    mid: bool = False
    edge: str | None = None  # "end" for 底/末, "start" for 初
    holiday: str | None = None
    weekday: int | None = None  # 0 = Monday
    typo: str | None = None
    short_year: bool = False  # 23年 / 〇九年: ``year`` holds two digits; the resolver picks the century
    rel_period: str | None = None  # 本月 → "月", 下季度 → "季度": counted from the period that holds ref
    rel_shift: int = 0  # 下 / 次 → 1, 上 → -1
    time: str | None = None  # 17:00 in 3月15日17:00前
    xun_first: int | None = None  # 上、中旬: the first of two xun written as one (``xun`` is the last)
    cumulative: bool = False  # 前三季度 · 前8个月 · 1—8月: from the year's start to the end of the period
    lunar: tuple[int | None, int] | None = None  # 2月3日(初七) → (None, 7): the lunar note, checked against the day
    half_month: int | None = None  # 6月上半月 → 1 (days 1–15), 下半月 → 2 (the 16th to the month's end)
    rest: bool = False  # 端午假期前 · 国庆黄金周前: before the holiday's rest block (端午 2024: 06-07), not its day
    after_named: bool = False  # 次年 / 翌年: the year after the one written before it (明年 counts from the plan year)

    @property
    def months(self) -> range:
        """The months the period covers: a month's one, a quarter's three, a half's six, else the year's twelve."""
        if self.month is not None:
            return range(self.month, self.month + 1)
        if self.quarter is not None:
            return range(3 * self.quarter - 2, 3 * self.quarter + 1)
        if self.half is not None:
            return range(6 * self.half - 5, 6 * self.half + 1)
        return range(1, 13)

    @property
    def grain(self) -> str:
        if self.rel_period and not (self.day or self.xun or self.mid or self.half_month or self.month):
            return "month" if self.rel_period == "月" else "quarter"
        if self.holiday or self.day or (self.lunar is not None and self.month is None):  # 农历九月初九: a day
            return "day"
        if self.xun or self.mid or self.half_month:  # a half-month is a part of a month, as a 旬 is
            return "xun"
        if self.month:
            return "month"
        if self.quarter:
            return "quarter"
        if self.half:
            return "half"
        return "year"


@record
class DeadlineP:
    when: When
    cue: str | None = None  # see _lexicon.CUES; "by" for 到/截至
    by: bool = False
    after: tuple[int | float, str] | None = None  # 一季度结束后8日: due N days (or working days) after the period
    # (units WORKDAY_OF / LAST_WORKDAY_OF: the Nth working day of the period itself, 3月第1个工作日 · 3月最后一个工作日)


@record
class RangeP:
    start: When
    end: When
    end_cue: str | None = None
    label: str | None = None


@record
class OngoingP:
    start: When | None = None  # None with from_ref False: unknown
    from_ref: bool = False
    whole_year: bool = False
    after: bool = False  # 春节后: starts after the period
    vague: bool = False
    word: bool = False  # 长期 / 常态化: a word, not a date (prose leaves these out)
    until: When | None = None  # 持续至2025年
    # 2026年1月以后: 以后 is read both ways (from January, or from February); 后 / 之后 start after the period
    after_doubt: bool = False
    # 自本公告发布之日起至11月20日止 · 即日起至12月30日: a span from the document's own day to a date — a window
    # (征集时间 and the like), where 持续至2025年 is ongoing work
    span: bool = False


@record
class RecurP:
    period: str  # a key of _lexicon.PERIODS, or "irregular"
    since: When | None = None
    bymonth: tuple[int, ...] = ()
    bymonthday: int | None = None
    holiday: str | None = None
    vague: bool = False
    byweekday: tuple[int, ...] = ()  # 0 = Monday
    interval: int = 1  # 每两个月 → 2 (in units of the period)
    workday: int | None = None  # 每月结束后5个工作日内: due on the Nth weekday of the next period
    # 每月底前3个工作日 · 每月25日前2个工作日: due N weekdays before the day ``bymonthday`` names (the Nth weekday
    # counted back among the days before it)
    workdays_before: int | None = None
    time: str | None = None  # 每月5日17:00前: the time of day, kept as a flag as on a deadline
    until: When | None = None  # 2024年4月至12月，每月5日前: the last period the recurrence runs in
    # 2024年6月底前完成整改，此后每半年…: runs from the period that holds the day after this deadline
    after: When | None = None


@record
class TriggerP:
    type: str
    authority: tuple[int, int] | None = None  # folded spans of the named parts
    event: tuple[int, int] | None = None
    document: tuple[int, int] | None = None
    then: Parse | None = None
    wants_event: bool = False  # "<event>后及时公开": the event is the text before (placed like an anchor)


@record
class RelativeP:
    value: int | float  # int | float, not float: compiled (mypyc) code would turn a float-typed 5 into 5.0
    unit: str
    max: int | float | None = None
    anchor: tuple[int, int] | None = None  # folded span of the event text
    anchor_ref: bool = False
    wants_anchor: bool = False  # written as "<event>后N日内": the event is the text before
    anchor_when: When | None = None  # 春节后一周内: the anchor is a date (a holiday's rest block ends it)
    or_month: int | None = None  # 一月内: 1 month, or January (flag ambiguous:一月)
    after_step: bool = False  # 再用半年时间: from the end of the step before, which the text does not date


@record
class MarkerP:
    """Not a time by itself: a hedge (力争) or 及时, which flags the reading it belongs to."""

    flag: str


@record
class ManyP:
    """Several readings written as one (5月14、15日): the cover spreads them into one item each."""

    parts: tuple[DeadlineP | RecurP | RangeP, ...]  # 每年1月15日、7月20日前: one recurrence a date
    starts: tuple[int, ...] = ()  # where each later part starts, when no joiner parts them (元旦春节期间)


@record
class DittoP:
    pass


@record
class MissingP:
    """A deadline with a part missing ("月底前": which month?): read as unresolved, with the reason."""

    reason: str


Parse = DeadlineP | RangeP | OngoingP | RecurP | TriggerP | RelativeP | MarkerP | DittoP | MissingP | ManyP


@record
class Item:
    parse: Parse
    start: int
    end: int
