"""Level 2 rules for recurrences.

每年 · 每季度末月20日前 · 从2017年起每年 · （5-11月）每月 · 每两个月 · 一季度一通报.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.match import (
    PERIOD_ALIASES,
    Match,
    at,
    at_gap,
    cue_of,
    head,
    month_span,
    relative_of,
    time_of,
    weekday_index,
    when_of,
    workday_of_month,
)
from deadline_cn._grammar.parse import (
    LAST_WORKDAY_OF,
    ManyP,
    RecurP,
    RelativeP,
    When,
)
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.record import replace
from deadline_cn._grammar.tokens import Token

# 每周一、三、五: the listed days (a Chinese numeral after 、 is not folded to a digit), Monday = 0
WEEKDAY_WORDS = {**{str(k): k - 1 for k in range(1, 8)}, **dict(zip("一二三四五六", range(6), strict=True)),
                 "日": 6, "天": 6}
ACTOR_REACH = 16  # how much text (an actor, a verb) may stand between 自2024年起 and its 每年

# --- recurrences -----------------------------------------------------------------------------------

def _every(tokens: Sequence[Token], i: int, since: When | None = None) -> tuple[RecurP | ManyP, int] | None:
    """每<period>, optionally with the day it falls due (每年2月底前, 每月10日前, 每季度末月20日前, 每年春节)."""
    tok = head(tokens, i, "every")
    if tok is None:
        return None
    period = PERIOD_ALIASES.get(tok.get("per") or "年", tok.get("per") or "年")
    tail = tok.get("tail")
    recur = RecurP(period=period, since=since)
    if tail:
        recur = _at_edge(recur, tail)
    if tok.get("hh"):  # 每日17:00前 · 每个工作日上午9时: the time of day each falls due
        recur = replace(recur, time=time_of(tok))
    if (nth := tok.get("wdn")) is not None:  # 每月最后一个工作日 · 每月第3个工作日 (weekdays: RRULE has no holidays)
        # 每月倒数第2个工作日: counted from the month's end
        n = int(nth.removeprefix("倒数")[1:-4]) if not nth.startswith("最后") else 1
        recur = replace(recur, workday=-n if nth.startswith(("最后", "倒数")) else n)
    used = 1
    if cue_of(at(tokens, i + 1, "cue")) == "before" and (first := _first_days(recur, tokens, i + 2)) is not None:
        return first, 3  # 每月前5个工作日 · 每季度前10日
    if (first := _first_days(recur, tokens, i + 1, within=True)) is not None:
        return first, 2  # 每月5个工作日内: the first five working days of each month, as 每月前5个工作日
    nxt = at(tokens, i + 1, "date_day", "date_month", "dayonly", "monthrange", "date_holiday", "date_yearend",
              "date_quarter", "date_half", "xunonly", "monthlist", "dayrange", "dayspan", "relperiod", "offset",
              "quarterlist", "dotquoted", "lunardate")
    if nxt is not None and nxt.type == "lunardate" and period == "年" and (w := when_of(nxt)).lunar is not None \
            and w.year is None and w.rel_year is None:
        # 每年农历七月十五: each lunar year's day (named as a holiday is, 农历7月15, for each year's date)
        eve = cue_of(at(tokens, i + 2, "cue")) == "before"
        name = f"农历{w.lunar[0] or 1}月{w.lunar[1]}"
        return RecurP(period, since, holiday=f"{name}前" if eve else name), 2 + eve
    if nxt is not None and nxt.type == "date_holiday" and (holidays := _listed_holidays(recur, tokens, i + 1)):
        return holidays  # 每年中秋、国庆前 · 每年端午和中秋前: each holiday every year, the cue shared
    if nxt is not None and nxt.get("xunpair") and recur.period in ("月", "半月"):
        # 每月上、下旬各一次: one due day in each (the 10th and the month's last), one recurrence each
        return ManyP((replace(recur, bymonthday=10), replace(recur, bymonthday=-1))), 2
    if nxt is not None and nxt.type == "date_day" and recur.period == "年" \
            and (season := _season_from_to(recur, tokens, i + 1)) is not None:
        return season  # 每年11月1日起至翌年3月31日止: due at the season's end, as 每年3月1日至6月30日 is
    if nxt is not None and (due := _due_within(recur, nxt)) is not None:
        recur, used = (replace(due, time=w.time) if (w := when_of(nxt)).time else due), 2
        while at(tokens, i + used, "and") and (more := at(tokens, i + used + 1, "date_month", "date_day")) \
                and (m := when_of(more)).year is None and m.rel_year is None \
                and (more.type == "date_month" or (recur.bymonthday is None
                                                   and has_day((*recur.bymonth, m.month or 0), m.day or 0))):
            # 每年6月和12月, not 每年9日、2200年4月, nor 每年6月、12月31日 (June has no 31st: the text does not say
            # which day of June is meant)
            # 每年3月、6月和12月底前 · 每年1月、7月上旬 · 每年4月、10月15日前: the last month's day closes the list
            last = day_in_month(m)
            day = recur.bymonthday if last is None else last
            recur, used = RecurP(period, since, (*recur.bymonth, m.month if m.month is not None else 1), day), used + 2
            if more.type == "date_day":
                break
        if nxt.type == "monthlist" and recur.bymonthday is None \
                and (part := at(tokens, i + 2, "xunonly", "dayonly")) is not None \
                and not part.get("xunpair") and (last := day_in_month(when_of(part))) is not None \
                and (last < 0 or has_day(recur.bymonth, last)):
            recur, used = replace(recur, bymonthday=last), used + 1  # 每年1、4、7、10月上旬 · 每年6、12月10日前
        if nxt.type in ("date_day", "dayonly", "xunonly") and at(tokens, i + used, "and"):  # 每月上旬、下旬
            listed = _listed_days(recur, nxt.type, tokens, i + used)
            if listed is not None:
                many, extra = listed
                used += extra + (1 if at(tokens, i + used + extra, "cue") else 0)
                return many, used
        if recur.bymonth and recur.bymonthday is None and recur.workday is None and nxt.type in ("date_month",
                                                                                                 "monthlist") \
                and (day_of := workday_of_month(tokens, i + used)) is not None:
            # 每年3月第1个工作日 · 每年6月、12月最后一个工作日: that weekday of each listed month (no holidays in RRULE)
            n, unit, took = day_of
            return replace(recur, workday=-n if unit == LAST_WORKDAY_OF else n), used + took
        cue = at(tokens, i + used, "cue")
        back = _counted_back(recur, tokens, i + used) if cue is not None else None
        if back is not None:  # 每年12月31日前10天 · 每月25日前3个工作日: N (working) days before that day
            recur, used = back, used + 2
        else:
            used += 1 if cue is not None else 0
            if recur.holiday:
                recur = replace(recur, holiday=_eve(recur.holiday, cue))  # 每年国庆节前: each year's eve (09-30)
    elif (at(tokens, i + 1, "endafter") or _touching_after(tokens, i + 1)) \
            and (after := _days_after_end(period, since, tokens, i + 2)) is not None:
        recur, used = after, 3
    elif (later := _after_each_term(tokens, i)) is not None \
            and (after := _days_after_end(period, since, tokens, later + 1)) is not None:
        recur, used = after, later + 2 - i  # 按月申报的，自期满之日起15日内申报纳税: 15 days after each month
    if used == 1 and (tok.get("hh") or tail) and cue_of(at(tokens, i + 1, "cue")) in ("before", "end-before"):
        used += 1  # 每日17:00前 · 每年年底前 · 每季度末前: the 前 closes the day
    if (vague := at(tokens, i + used, "irregular")) is not None and vague.text == "定期":
        used += 1  # 每月定期: 定期 only repeats what 每月 already says
    return recur, used


def _season_from_to(recur: RecurP, tokens: Sequence[Token], j: int) -> tuple[RecurP, int] | None:
    """每年11月1日起至翌年3月31日止 · 每年5月1日起至9月30日: a yearly season written with 起 … 至 (… 止), its rule due
    on the last day, as the one-token 每年3月1日至6月30日 is."""
    if cue_of(at(tokens, j + 1, "cue")) != "since" or at(tokens, j + 2, "to") is None:
        return None
    end = at(tokens, j + 3, "date_day")
    if end is None:
        return None
    w = when_of(end)
    if w.year is not None or (w.rel_year is not None and not w.after_named) or w.month is None or w.day is None \
            or not has_day((w.month,), w.day):
        return None
    used = 5 + (1 if cue_of(at(tokens, j + 4, "cue")) == "until" else 0)  # (每年, the start, 起, 至, the end)
    return RecurP(recur.period, recur.since, (w.month,), w.day), used


def _touching_after(tokens: Sequence[Token], j: int) -> bool:
    """每季度后10日内 · 每月后5日内: a bare 后 right after 每<period> is its end's (结束后 written short)."""
    cue = at(tokens, j, "cue")
    return cue is not None and cue.text == "后" and cue.start == tokens[j - 1].end


def _eve(holiday: str, cue: Token | None) -> str:
    """The holiday a yearly rule falls on: its eve after 前 (国庆前, which calendar.holiday_date reads)."""
    return f"{holiday}前" if cue_of(cue) in ("before", "end-before") else holiday


def _listed_holidays(recur: RecurP, tokens: Sequence[Token], j: int) -> tuple[ManyP, int] | None:
    """每年中秋、国庆前: two or more holidays after 每年, joined by 、 / 和 (or side by side), the last one's 前 / 期间
    every one's."""
    names, starts, k = [], [], j
    while (tok := at(tokens, k, "date_holiday")) is not None and (w := when_of(tok)).holiday and w.year is None \
            and w.rel_year is None:
        names.append(w.holiday)
        starts.append(tok.start)
        k += 1
        if at(tokens, k, "and") is not None and at(tokens, k + 1, "date_holiday") is not None:
            k += 1
    if len(names) < 2 or recur.period != "年":
        return None
    cue = at(tokens, k, "cue")
    parts = tuple(replace(recur, holiday=_eve(name, cue)) for name in names)
    return ManyP(parts, tuple(starts[1:])), k - j + 1 + (1 if cue is not None else 0)


def _listed_days(first: RecurP, kind: str, tokens: Sequence[Token], j: int) -> tuple[RecurP | ManyP, int] | None:
    """每年1月15日、7月15日前 · 每月5日、20日前 · 每月15日和月底前: 每 governs every date listed after it. One day
    in several months is one rule (BYMONTH=1,7;BYMONTHDAY=15); different days are one recurrence each."""
    dues, used = [first], 0
    ends = ("nomonth",) if kind in ("dayonly", "xunonly") else ()  # 每月15日和月底前: the month's last day
    while at(tokens, j + used, "and") and (more := at(tokens, j + used + 1, kind, *ends)) is not None:
        if more.type == "nomonth":
            dues.append(replace(first, bymonthday=-1))
            used += 2
            break  # 月底前 holds its own 前
        w = when_of(more)
        due = None if w.year is not None or w.rel_year is not None else _due_within(first, more)
        if due is None:
            break
        dues.append(due)
        used += 2
    if len(dues) < 2:
        return None
    if len({d.bymonthday for d in dues}) == 1 and all(len(d.bymonth) == 1 for d in dues):
        months = tuple(sorted({d.bymonth[0] for d in dues}))
        return replace(first, bymonth=months), used
    return ManyP(tuple(dues)), used


def _at_edge(recur: RecurP, tail: str) -> RecurP:
    """每年底 (31 December, never every month's end) · 每年年初 (January) · 每月末 · 每周末 (the week's last day,
    Sunday) · 每两个月末 (the tail of each period, whatever its interval)."""
    end = tail in ("末", "底")
    if recur.period in ("季度", "半年", "年"):  # 每年末月 is December, 每年第3个月 March
        return replace(recur, bymonth=_months_in_period(recur.period, tail), bymonthday=-1 if end else None)
    if recur.period == "周":
        return replace(recur, byweekday=(6,) if end else (0,))
    return replace(recur, bymonthday=-1) if end and recur.period == "月" else recur


def _first_days(recur: RecurP, tokens: Sequence[Token], i: int, *, within: bool = False) -> RecurP | None:
    """The N (working) days that open each period: due on the Nth (working) day. ``within``: the count
    follows 每<period> with no 前 and must say 内 (每月5个工作日内), working days only."""
    if within:
        tok = at(tokens, i, "offset")
        if tok is None or tok.start != tokens[i - 1].end or not tok.get("within") or recur.period != "月" \
                or recur.bymonthday is not None or recur.workday is not None or recur.bymonth:
            return None
        counted = relative_of(tok, bare=True)
        return _first_days(recur, tokens, i) if counted is not None and counted.unit == "workday" else None
    if recur.bymonthday is not None:  # 每月末前5日 · 每季度末前10天: N days before the period's last day
        return _counted_back(recur, tokens, i - 1)
    if recur.workday is not None:
        return None  # 每月最后一个工作日前3天: days before a working day RRULE cannot name
    tok = at(tokens, i, "offset", "dayonly")
    if tok is not None and tok.type == "dayonly":
        rel: RelativeP | None = RelativeP(float(tok.get("d") or 0), "day")
    else:
        rel = relative_of(tok, bare=True) if tok is not None else None
    if rel is None or rel.max is not None or not 1 <= rel.value <= 28 or rel.value != int(rel.value):
        return None
    if rel.unit == "workday":
        return replace(recur, workday=int(rel.value))
    return replace(recur, bymonthday=int(rel.value)) if rel.unit == "day" else None


def _counted_back(recur: RecurP, tokens: Sequence[Token], i: int) -> RecurP | None:
    """每月末前5日 · 每年12月31日前10天 · 每月底前3个工作日 · 每年年底前1个月: tokens[i] is a 前 and the count
    touches it; the rule falls due that many days (weekdays, months) before the day it names.

    Counted from the day itself: 每月末前5日 is the 26th of a 31-day month (BYMONTHDAY=-6), 每月25日前3天 the
    22nd; 每月底前3个工作日 is the 3rd weekday before the last day (the last day not counted), as 会议召开前3日
    counts from the meeting's day. A count that would leave the month (每月5日前10天) is not read here."""
    cue, tok = at(tokens, i, "cue"), at(tokens, i + 1, "offset", "dayonly")
    day = recur.bymonthday
    if cue is None or cue.text != "前" or tok is None or tok.start != cue.end or day is None \
            or recur.workday is not None or recur.holiday:
        return None
    if tok.type == "dayonly":
        if tok.get("hh"):
            return None
        rel: RelativeP | None = RelativeP(int(tok.get("d") or 0), "day")
    else:
        rel = relative_of(tok, bare=True)
    if rel is None or rel.max is not None or rel.value != int(rel.value) or rel.value < 1 or tok.get("within"):
        return None
    n = int(rel.value) * (7 if rel.unit == "week" else 1)
    if rel.unit in ("day", "week"):
        moved = -1 - n if day == -1 else day - n
        return replace(recur, bymonthday=moved) if (day == -1 and n <= 27) or 1 <= moved else None
    if rel.unit == "workday":
        span = 27 if day == -1 else day - 1  # the days before the one named (27 before the end of February)
        fewest = span - 2 * (span // 7) - min(span % 7, 2)  # the fewest weekdays in that many days
        return replace(recur, workdays_before=n) if n <= fewest else None
    if rel.unit == "month" and day == -1 and len(recur.bymonth) == 1 and recur.bymonth[0] > n:
        return replace(recur, bymonth=(recur.bymonth[0] - n,))  # 每年年底前1个月: the end of November
    return None


def _months_in_period(period: str, tail: str) -> tuple[int, ...]:
    """每季度末月 → 3,6,9,12 · 每个季度第1个月 → 1,4,7,10 · 每半年第2个月 → 2,8 · 每年初 → 1."""
    length = {"季度": 3, "半年": 6, "年": 12}[period]
    if tail.startswith("第"):
        k = min(int(tail[1]), length)
    else:
        k = 1 if tail in ("初", "首月") else length
    return tuple(range(k, 13, length))


def _after_each_term(tokens: Sequence[Token], i: int) -> int | None:
    """按月申报的，自期满之日起…: where the 期满之日起 of the rhythm at tokens[i] stands, a clause on (a few words of
    who files, then 自 / 从), else None."""
    j = i + 1
    if j < len(tokens) and tokens[j].type == "sep" and tokens[j].text == "," \
            and _FILER.fullmatch(tokens[i].source, tokens[i].end, tokens[j].start):
        j += 1
        j += 1 if at(tokens, j, "from") else 0
        if (term := at(tokens, j, "endafter")) is not None and term.text.startswith("期满"):
            return j
    return None


_FILER = compiled(r"[\u4e00-\u9fff]{0,6}的")  # 按月申报的 · 按季度缴纳的: who files so


def _days_after_end(period: str, since: When | None, tokens: Sequence[Token], i: int) -> RecurP | None:
    """每季度结束后10日内: due on day N of the month after each period (the Nth weekday, for 工作日)."""
    tok = at(tokens, i, "offset", "dayonly")
    rel: RelativeP | None
    if tok is not None and tok.type == "dayonly":
        rel = RelativeP(float(tok.get("d") or 0), "day")
    else:
        rel = relative_of(tok, bare=True) if tok is not None else None
    first_months = {"季度": (1, 4, 7, 10), "半年": (1, 7), "年": (1,), "月": ()}
    # day N of the next period's first month: every such month must have it (季度: April has 30 days)
    last_day = {"季度": 30, "半年": 31, "年": 31, "月": 28}
    if rel is None or rel.max is not None or period not in first_months or rel.value < 1 \
            or rel.value > last_day[period]:
        return None
    length = lx.PERIODS[period][2]
    if rel.unit == "month" and rel.value == int(rel.value) and rel.value < length:
        # 年度终了后4个月内 → the end of April; 季度结束后1个月内 → the end of each quarter's next month
        n = int(rel.value)
        return RecurP(period, since, tuple(m + n - 1 for m in first_months[period]), -1)
    if rel.unit == "workday":
        return RecurP(period, since, first_months[period], workday=int(rel.value))
    if rel.unit != "day":
        return None
    return RecurP(period, since, first_months[period], int(rel.value))


def _due_within(recur: RecurP, nxt: Token) -> RecurP | None:
    """The day a recurrence falls due, when written after 每<period>; a span of days is due on its last."""
    if recur.period in ("周", "日", "工作日"):
        return None  # 每周31日: a week or a day has no month, day or quarter in it (left unread, not made up)
    if nxt.type == "dayspan":  # 每月1-15日 · 每季度首月1-15日
        return RecurP(recur.period, recur.since, recur.bymonth, int(nxt.get("d2") or 1))
    if nxt.type == "offset":  # 每月1—15日内: the month's first days, from the 1st (not an offset: it starts at 1)
        if nxt.get("n") != "1" or not (top := nxt.get("n2")) or nxt.get("unit") not in ("日", "号") \
                or nxt.get("cap") or nxt.get("ord") or not 1 < int(top) <= 28:
            return None
        return RecurP(recur.period, recur.since, recur.bymonth, int(top))
    if nxt.type == "dayrange":  # 每年3月1日至6月30日
        ends = [int(m) for m in (nxt.get("m"), nxt.get("m2")) if m]
        if nxt.get("y") or not all(1 <= m <= 12 for m in ends):
            return None  # 每月99月1日到3月1日: an impossible month is read (and flagged) as a date, not dropped
        month = int(nxt.get("m2") or nxt.get("m") or 1)
        return RecurP(recur.period, recur.since, (month,), int(nxt.get("d2") or 1))
    if nxt.type == "monthrange":
        return RecurP(recur.period, recur.since, month_span(nxt))
    if nxt.type == "quarterlist":  # 每年二、四季度 · 每年第一、三季度末: each listed quarter's last day
        if recur.period != "年" or nxt.get("y"):
            return None
        quarters = [lx.QUARTER_WORDS[c] for c in nxt.get("qs") or "" if c in lx.QUARTER_WORDS]
        return RecurP(recur.period, recur.since, tuple(q * 3 for q in quarters), -1)
    if nxt.type == "monthlist":  # 每年6、12月(底前)
        months = tuple(int(m) for m in re.findall(r"\d+", nxt.get("months") or ""))
        return RecurP(recur.period, recur.since, months, -1 if nxt.get("mend") else None)
    w = when_of(nxt)
    if nxt.type == "relperiod":  # 每季度次月10日前 · 每月次月5日: day N of the month after each period
        first_months = {"季度": (1, 4, 7, 10), "半年": (1, 7), "年": (1,), "月": ()}
        if w.rel_period != "月" or w.rel_shift != 1 or not w.day or w.time or recur.period not in first_months \
                or (recur.bymonth and recur.bymonthday != -1):
            return None  # (每季度末次月5日: the end named first is the period's own)
        return RecurP(recur.period, recur.since, first_months[recur.period], w.day)
    if w.year is not None:
        return None
    if nxt.type == "date_holiday":
        return RecurP(recur.period, recur.since, holiday=w.holiday)
    if nxt.type == "date_yearend":  # 每年年底前
        return RecurP(recur.period, recur.since, (12,), -1) if w.rel_year is None else None
    if nxt.type == "dayonly":
        return RecurP(recur.period, recur.since, recur.bymonth, w.day)
    if nxt.type == "xunonly":  # 每月上旬 · 每月中旬前 · 每月中 · 每月上半月: due at the part's last day
        return None if nxt.get("xunpair") else RecurP(recur.period, recur.since, recur.bymonth, day_in_month(w))
    if w.quarter is not None or w.half:
        # 每年第一季度 · 每年上半年 · 每年第一季度末: due on the day the period ends, as a dated quarter or half
        # (2024年第三季度) is due on its last day — its first month's first day would read as the due date
        return RecurP(recur.period, recur.since, (w.months[-1],), -1)
    if (w.xun or w.mid or w.half_month) and (recur.period != "年" or recur.bymonth or w.rel_year is not None):
        return None  # 每季度初2月下旬 · 每年本年6月上旬: not a month of each year
    # 每年3月中旬 · 每年3月初 · 每年6月中 · 每年6月上半月 · 每年2月底: the day each year's month falls due on
    # (a zero stays a zero — 每年0月, 每月0日 —: the resolver flags it invalid, never reads it as absent)
    return RecurP(recur.period, recur.since, (w.month,) if w.month is not None else (), day_in_month(w))


# the days of each month in a leap year less February's 29th: a day every year's month has
MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def yearly_at(recur: RecurP, when: When) -> RecurP | None:
    """The yearly rule ``recur`` would be if it named ``when`` (a month, a day, a quarter or a half of no year):
    每年6月底前、12月底前 · 每年1月底前…，7月底前… · 每年一季度部署，四季度考核 — 每年 governs each of them. Read as
    每年<when> is (a quarter or a half: its last day). None for what a yearly rule cannot name so."""
    # (次年6月 after 每年9月: the same yearly cycle's next year — a yearly rule in June all the same)
    if recur.period != "年" or recur.holiday or recur.workday is not None or recur.byweekday or \
            when.year is not None or (when.rel_year is not None and not when.after_named) \
            or when.rel_period is not None or when.holiday or when.cumulative or when.lunar is not None \
            or when.weekday is not None:
        return None
    day_of: int | None
    if when.month is None and when.quarter is None and when.half is None and when.edge == "end":
        months, day_of = (12,), -1  # 每年年初…，年底总结: the year's end
    elif when.month is not None:
        day = day_in_month(when)
        if not 1 <= when.month <= 12 or (day is not None and day > 0 and not has_day((when.month,), day)):
            return None
        months, day_of = (when.month,), day
    elif ((when.quarter is not None and 1 <= when.quarter <= 4) or when.half in (1, 2)) and when.day is None:
        months, day_of = (when.months[-1],), -1  # a quarter's or a half's last day
    else:
        return None
    since = recur.since
    if when.after_named:  # 每年9月启动，次年6月完成: the cycle's June is the next year's (the first one too)
        since = When(rel_year=1) if since is None or since.year is None else When(year=since.year + 1)
    return RecurP(period="年", since=since, bymonth=months, bymonthday=day_of, until=recur.until,
                  after=recur.after, time=when.time)


def has_day(months: Sequence[int], day: int) -> bool:
    """Every month listed has ``day`` in every year (a day shared by a list of months must exist in each)."""
    return all(1 <= m <= 12 and 1 <= day <= MONTH_DAYS[m - 1] for m in months)


def day_in_month(w: When) -> int | None:
    """The day of its month a period written inside a month is due on: a day itself; 底 / 末 → the last (-1); a
    旬 → its last day (上旬 10, 中旬 20, 下旬 -1; 初 is read as 上旬; 上、中旬 → 20); 中 and 上半月 → 15, 下半月 →
    -1. None for a whole month."""
    if w.day is not None:
        return w.day
    if w.edge == "end" or w.half_month == 2:
        return -1
    if w.xun:
        return {1: 10, 2: 20}.get(w.xun, -1)
    if w.mid or w.half_month == 1:
        return 15
    return None


def rule_since_every(tokens: Sequence[Token], i: int) -> Match | None:
    """从2017年起每年 · 2017年起每年 · 自2016年起每季度 · 从下月起每月10日前 (a start relative to the document) ·
    2024年7月后每季度 · 6月后每周一次 (after a period: from the period holding the day after it, as 此后 is)."""
    j = i + 1 if head(tokens, i, "from") else i
    date = (at if j > i else head)(tokens, j, "date_year", "date_month", "date_day", "iso", "date_quarter", "date_half",
                                   "relperiod")
    if date is None:
        return None
    j += 1
    cue_token = at(tokens, j, "cue")
    cue = cue_of(cue_token)
    if cue == "after" and cue_token is not None and cue_token.text not in ("后", "以后", "之后"):
        cue = None  # 10月黄金周后: after the rest, not after the month
    if cue in ("since", "after") and not (cue == "after" and (j > i + 1 or date.type == "relperiod")):
        j += 1  # (从…后 is no start; 下月后 is left: read as 下月起 it would be a guess)
    elif j == i + 1:  # neither 从/自 nor 起: "2017年每年" is not this rule
        return None
    else:
        cue = None
    if at(tokens, j, "sep") and tokens[j].text == ",":
        j += 1
    start = when_of(date)
    if cue == "after" and at(tokens, j, "every", *SPACED_EVERY) is None:
        return None  # 2024年7月后每季度: after a date only the rhythm right after it (no actor, no words between)
    if at_gap(tokens, j, "every", limit=ACTOR_REACH) is not None:  # 自2024年起，市直各部门于每年3月底前
        inner = _every(tokens, j, since=None if cue == "after" else start)
    elif at_gap(tokens, j, *SPACED_EVERY, limit=ACTOR_REACH) is not None:  # 自2025年起，每两年 · 2026年起隔年
        found = rule_every(tokens, j)
        inner = None if found is None or not isinstance(found[0], RecurP) \
            else (replace(found[0], since=None if cue == "after" else start), found[1])
    else:
        return None
    if inner is None:
        return None
    recur = inner[0]
    if cue == "after" and isinstance(recur, RecurP):
        recur = replace(recur, after=start)
    return recur, j - i + inner[1]


# The recurrences other than 每<period>: every N periods, once every N, N times a period, each weekday
SPACED_EVERY = ("everyn", "onceevery", "pertimes", "onceper", "percount", "everyweekday", "paritymonth")


def rule_seasonal(tokens: Sequence[Token], i: int) -> Match | None:
    """（5-11月）每月 — a monthly task inside a season."""
    months, every = head(tokens, i, "monthrange"), at(tokens, i + 1, "every")
    if months is None or every is None or every.get("per") != "月" or (inner := _every(tokens, i + 1)) is None \
            or not isinstance(inner[0], RecurP):
        return None
    return RecurP(period="月", bymonth=month_span(months), bymonthday=inner[0].bymonthday), 1 + inner[1]


def rule_every_after(tokens: Sequence[Token], i: int) -> Match | None:
    """月后18日前 · 季后7日 (a reporting schedule): due N days after the end of every month / quarter."""
    tok = head(tokens, i, "endafter")
    if tok is None or tok.text[0] not in "月季":
        return None
    recur = _days_after_end("月" if tok.text[0] == "月" else "季度", None, tokens, i + 1)
    if recur is None:
        return None
    return recur, 3 if cue_of(at(tokens, i + 2, "cue")) in ("before", "end-before") else 2


def rule_every(tokens: Sequence[Token], i: int) -> Match | None:
    counted = head(tokens, i, "percount")
    if counted is not None:  # 半年至少开展1次 (count_min comes from the clause)
        per = (counted.get("per") or "年").removesuffix("度") or "年"
        return RecurP(period=per if per != "季" else "季度"), 1
    parity = head(tokens, i, "paritymonth")
    if parity is not None:  # 每逢双月 · 单月10日前: the odd or even months, on a day when one is named
        even = (parity.get("parity") or parity.get("parity2")) == "双"
        day = int(d) if (d := parity.get("d")) else (-1 if parity.get("mend") else None)  # 双月底: the last day
        used = 2 if day is not None and cue_of(at(tokens, i + 1, "cue")) in ("before", "end-before") else 1
        return RecurP(period="月", bymonth=tuple(range(2 if even else 1, 13, 2)), bymonthday=day), used
    if head(tokens, i, "halveseach") is not None:  # 上、下半年各一次
        return RecurP(period="半年"), 1
    many = head(tokens, i, "everyn")
    if many is not None:  # 每两个月 · 每3年 · 每两个月末 · 隔月 · 每隔一周
        per = many.get("per") or "年"
        n = int(many.get("n") or 1)
        # 隔 skips one: 隔月 / 每隔一个月 is every other month (每隔N, N >= 2, is read as every N, as written);
        # 每隔半年 is every six months (半 is the count: nothing is skipped)
        every = 2 if (many.get("other") and per != "半年") or (many.get("gap") and n == 1) else n
        spaced = RecurP(period=PERIOD_ALIASES.get(per, per), interval=every)
        return (_at_edge(spaced, tail) if (tail := many.get("tail")) else spaced), 1
    spaced_once = head(tokens, i, "onceevery")
    if spaced_once is not None:  # 三年一次 · 2个月1次 · 10日一调度: once every N periods
        if (every_days := spaced_once.get("nd")) is not None:
            return RecurP(period="日", interval=int(every_days)), 1
        per = spaced_once.get("per") or "年"
        return RecurP(period=PERIOD_ALIASES.get(per, per), interval=int(spaced_once.get("n") or 2)), 1
    per_times = head(tokens, i, "pertimes")
    if per_times is not None:  # 2次/年 · 1次/季
        per = per_times.get("per") or "年"
        return RecurP(period=PERIOD_ALIASES.get(per, per)), 1
    once = head(tokens, i, "onceper")
    if once is not None:  # 一季度一通报 · 一月一报 · 一年一次 · 半年一次 · 半月一调度
        per = once.get("per") or "年"
        if once.get("half"):
            if per in ("周", "星期"):
                return None  # 半周一次: twice a week, on no days RRULE could name
            per = "半月" if per == "月" else "半年"
        return RecurP(period=PERIOD_ALIASES.get(per, per)), 1
    tok = head(tokens, i, "everyweekday")
    if tok is not None:  # 每周五 · 每周一至周五
        w, wd2, listed = when_of(tok), tok.get("wd2"), tok.get("wdl")
        first = w.weekday or 0
        used = 2 if cue_of(at(tokens, i + 1, "cue")) in ("before", "until") else 1  # 每周五前报送
        if listed:  # 每周一、三、五
            days = (first, *(WEEKDAY_WORDS[c] for c in listed if c in WEEKDAY_WORDS))
            return RecurP(period="周", byweekday=tuple(sorted(set(days))), time=w.time), used
        last = first if wd2 is None else weekday_index(wd2)
        return RecurP(period="周", byweekday=tuple(range(first, max(first, last) + 1)), time=w.time), used
    found = _every(tokens, i)
    if found is None:
        return None
    recur, used = found
    if not isinstance(recur, RecurP):
        return found
    year = tokens[i + used] if i + used < len(tokens) and tokens[i + used].type == "date_year" else None
    if year is not None and year.source[tokens[i + used - 1].end:year.start] in ("", "(", "1次(", "1次") \
            and year.source.startswith(("第1次", "首次", "第1轮", "首轮"), year.end):
        return replace(recur, since=when_of(year)), used + 1  # 每年一次(2020年第一次): from the first one's year
    return found


def rule_irregular(tokens: Sequence[Token], i: int) -> Match | None:
    tok = head(tokens, i, "irregular", "byneed")
    return None if tok is None else (RecurP(period="irregular", vague=tok.text == "定期"), 1)


