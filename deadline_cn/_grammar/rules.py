"""Level 2 of the grammar: rules that compose adjacent tokens into parses.

A rule is a small function ``(tokens, i) -> (parse, tokens used) | None``; ``RULES`` lists them in
priority order and the first that matches at a token wins. Rules never do date arithmetic: they only say
what was written (``_resolve`` turns that into dates).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.match import (
    DATES,
    Match,
    Rule,
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
    DeadlineP,
    DittoP,
    Item,
    ManyP,
    MarkerP,
    MissingP,
    OngoingP,
    Parse,
    RangeP,
    RelativeP,
    TriggerP,
    When,
)
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.record import replace
from deadline_cn._grammar.recurrence import (
    has_day,
    rule_every,
    rule_every_after,
    rule_irregular,
    rule_seasonal,
    rule_since_every,
)
from deadline_cn._grammar.tokens import Token

FIVE_YEAR_PLAN = "five-year plan"  # a RangeP label: in prose such a period frames the text, it sets no limit
CUMULATIVE_MONTHS = compiled(r"(?<!\d)1(?:-{1,2}|—{1,2}|~)\d")

# --- spans of time ---------------------------------------------------------------------------------

def _dangling(joiner: Token) -> bool:
    """A range's joiner with nothing after it in its clause (2024年7月——): the end is still open."""
    rest = joiner.source[joiner.end:joiner.end + 3].lstrip(" \u3000")
    return not rest or rest[0] in lx.CLAUSE_SEPARATORS


def rule_range(tokens: Sequence[Token], i: int) -> Match | None:
    """11月20日至12月31日 · 从11月20日至2020年春节前 · 自2020-05-26起至2020-05-29止 · 2021年11月到2022年春节前."""
    j = i + 1 if head(tokens, i, "from") else i
    first = (at if j > i else head)(tokens, j, *DATES)
    if first is None:
        return None
    j += 1
    if cue_of(at(tokens, j, "cue")) == "since":
        j += 1
    if at(tokens, j, "to", "dash") is None or tokens[j].text not in lx.RANGE_JOINERS:
        return None
    if (ongoing := at(tokens, j + 1, "ongoing")) is not None and ongoing.text.startswith(("长期", "常态")):
        return OngoingP(start=when_of(first)), j + 2 - i  # 2024年6月—长期: from June on (not June, then from ref)
    second = at(tokens, j + 1, *DATES, "dayonly", "clock")
    if second is None or (second.type == "dayonly" and not when_of(first).month):
        return None
    if second.type == "clock":  # 4月10日8:30—10:00: a window of hours in one day
        start = when_of(first)
        if start.day is None or start.time is None:
            return None
        hours = time_of(second)
        if hours is not None and first.get("ampm") in lx.AFTERNOON and second.get("ampm") is None \
                and hours < "12:00" and int(hours[:2]) + 12 > int(start.time[:2]):
            hours = f"{int(hours[:2]) + 12:02d}{hours[2:]}"  # 下午1:30至4:30: the end is in its start's afternoon
        return RangeP(start, replace(start, weekday=None, time=hours)), j + 2 - i
    j += 2
    end_cue = cue_of(at(tokens, j, "cue"))
    if end_cue in ("before", "end-before", "until"):
        j += 1
    elif end_cue == "during" and when_of(second).holiday:
        j, end_cue = j + 1, "through"  # 元旦至春节期间: to the end of the second holiday's rest
    elif end_cue == "during" and tokens[j].text == "期间":
        j, end_cue = j + 1, None  # 2024年7月1日至2025年6月30日期间: 期间 names the range itself
    else:
        end_cue = None
    start, end = when_of(first), when_of(second)
    if second.type == "dayonly":  # 5月6日至9日: the end takes its month (and year) from the start
        end = replace(start, day=end.day, weekday=end.weekday, time=end.time)
    return RangeP(start, end, end_cue), j - i


def rule_day_range(tokens: Sequence[Token], i: int) -> Match | None:
    """4月10-25日 · 5月8日(周一)至12日 · 2024.3—6 · 2024.9—2025.2: one token, both ends (从 / 自 before it too)."""
    j = i + 1 if head(tokens, i, "from") else i
    tok = (at if j > i else head)(tokens, j, "dayrange", "dotdayrange", "dotrange", "ymrange")
    if tok is None:
        return None
    start = when_of(tok)
    if tok.type in ("dayrange", "dotdayrange"):  # the end may name its own month: 1月15-2月3日
        month = int(m2) if (m2 := tok.get("m2")) else start.month
        wde = tok.get("wde")
        end = replace(start, month=month, day=int(tok.get("d2") or 1), time=None,
                      weekday=None if wde is None else weekday_index(wde))
        if (y2 := tok.get("y2")) is not None:  # 2023.12.25-2024.1.5
            end = replace(end, year=int(y2))
        elif tok.get("next2") and start.rel_year is not None:  # 今年11月15日至次年3月15日
            end = replace(end, rel_year=start.rel_year + 1, after_named=False)
        elif tok.get("next2") and start.year is not None:
            end = replace(end, year=start.year + 1)
        elif start.year is not None and end.month is not None and start.month is not None \
                and (end.month, end.day or 0) < (start.month, start.day or 0):
            end = replace(end, year=start.year + 1)  # 2024年12月20日至1月10日: over the new year, as 12月28日至1月5日
    else:
        start = replace(start, day=None)
        end = When(year=int(y2) if (y2 := tok.get("y2")) else None, month=int(tok.get("m2") or 1))
    cue = at(tokens, j + 1, "cue")
    used = 2 if cue_of(cue) in ("before", "until") or (cue is not None and cue.text == "期间") else 1  # …期间
    return RangeP(start, end), used + j - i


def rule_start_then_end(tokens: Sequence[Token], i: int) -> Match | None:
    """于2025年4月1日开始，2025年12月31日结束 · 3月1日起，6月30日止: one window, said in two clauses."""
    j = i + 1 if head(tokens, i, "from") else i
    first = (at if j > i else head)(tokens, j, *DATES)
    if first is None or cue_of(at(tokens, j + 1, "cue")) != "since" or at(tokens, j + 2, "sep") is None \
            or tokens[j + 2].text != ",":
        return None
    k = j + 4 if at(tokens, j + 3, "to") else j + 3
    second = at(tokens, k, *DATES)
    if second is None:
        return None
    if cue_of(at(tokens, k + 1, "cue")) == "until":
        return RangeP(when_of(first), when_of(second), "until"), k + 2 - i
    if k == j + 4:  # 2023年6月起，至12月底: 至 says the second date ends it
        return RangeP(when_of(first), when_of(second)), k + 1 - i
    if second.source.startswith("结束", second.end):  # 2025年12月31日结束 (结束 is no cue: 活动结束)
        return RangeP(when_of(first), when_of(second)), k + 1 - i
    return None


# Between a start and the 至 / 到 of its end: a verb of starting, then 持续 / 延续 (从2024年4月持续到年底 ·
# 2024年4月启动，持续至10月底 · 5月10日起，持续到8月31日 · 2024年7月启动，延续至2025年6月)
_LASTING = re.compile(r"(?:起|开始)?(?:启动|开始|实施|开展|推进)?,?(?:持续|延续|一直)")


def rule_start_lasting(tokens: Sequence[Token], i: int) -> Match | None:
    """A start, then 持续 / 延续 to an end: one span from the start (not a deadline at the start's month end beside
    work going on from the document's day)."""
    j = i + 1 if head(tokens, i, "from") else i
    first = (at if j > i else head)(tokens, j, *DATES)
    if first is None:
        return None
    k = j + 1
    while k < len(tokens) and k <= j + 4 and tokens[k].type != "to":
        k += 1
    end = at(tokens, k + 1, *DATES)
    if k >= len(tokens) or end is None or tokens[k].type != "to" \
            or not _LASTING.fullmatch(first.source, first.end, tokens[k].start):
        return None
    used = k + 2 - i + (1 if cue_of(at(tokens, k + 2, "cue")) == "until" else 0)
    return RangeP(when_of(first), when_of(end)), used


def rule_month_range(tokens: Sequence[Token], i: int) -> Match | None:
    """5月至6月 (no year): a window in the plan year."""
    tok = head(tokens, i, "monthrange")
    if tok is None:
        return None
    months, year = month_span(tok), when_of(tok)
    typo = "typo:missing-月" if tok.get("m2t") else None
    cue = at(tokens, i + 1, "cue")
    used = 2 if cue is not None and cue.text == "期间" else 1  # 6月至9月期间
    # 5月至6月底前 · 1—8月底前: 前 after the last month's end adds nothing to the span (a deadline for 1—8月)
    closed = cue_of(cue) == "before" and tok.text.rstrip(")）").endswith(("底", "末"))
    if months[0] == 1 and len(months) > 1 and CUMULATIVE_MONTHS.search(tok.text) and used == 1:
        # 1—8月 (a statistical period: the first eight months); 1月至6月 and 1-6月期间 stay windows
        when = replace(year, month=months[-1], cumulative=True, typo=typo)
        return (DeadlineP(when, "end-before"), 2) if closed else (DeadlineP(when), 1)
    used += closed
    end = replace(year, month=months[-1], typo=typo)
    if year.year is not None and months[-1] < months[0]:  # 2024年11月至(次年)3月: the winter, into 2025
        end = replace(end, year=year.year + 1)
    elif tok.get("next") and year.rel_year is not None:  # 今年11月至次年3月
        end = replace(end, rel_year=year.rel_year + 1)
    return RangeP(replace(year, month=months[0]), end, "end-before" if closed else None), used


def rule_year_range(tokens: Sequence[Token], i: int) -> Match | None:
    """2021—2025年 · （2015—2020年）: a plan period."""
    tok = head(tokens, i, "yearrange")
    if tok is None:
        return None
    # 2023—2025年持续推进 · 2023年至2025年底前 (前 after the last year's end adds nothing to the period)
    closed = cue_of(at(tokens, i + 1, "cue")) == "before" and tok.text.endswith(("底", "末"))
    used = 2 if at(tokens, i + 1, "ongoing") or closed else 1
    first = int(tok.get("y1") or 0)
    last = int(tok.get("y2") or 0) if tok.get("y2s") is None else first // 100 * 100 + int(tok.get("y2s") or 0)
    if tok.get("y2s") is not None and last < first and first % 100 >= 90 and last % 100 < 10:
        last += 100  # 1998—02年: into the next century (2019-10年 stays an end before its start: invalid)
    return RangeP(When(year=first), When(year=last), "years"), used


def _event_day(date: Token, cue: Token) -> bool:
    """A day, then 开始 and the first classes of a term (lexicon.DAY_EVENTS): that day."""
    event = next((w for w in lx.DAY_EVENTS if date.source.startswith(w, cue.end)), None)
    # (2月26日开始上课至6月30日: a term, from that day to the end)
    return cue.text == "开始" and when_of(date).day is not None and event is not None \
        and not date.source.startswith(lx.RANGE_JOINERS, cue.end + len(event))


def rule_since(tokens: Sequence[Token], i: int) -> Match | None:
    """从2016年起 · 2020年起 (no 每): ongoing from then."""
    j = i + 1 if head(tokens, i, "from") else i
    date = (at if j > i else head)(tokens, j, *DATES)
    if date is None or cue_of(at(tokens, j + 1, "cue")) != "since" or _event_day(date, tokens[j + 1]):
        return None
    used = j + 2 - i + (1 if at(tokens, j + 2, "ongoing") else 0)  # 2023年起持续推进
    return OngoingP(start=when_of(date)), used


def rule_self_start(tokens: Sequence[Token], i: int) -> Match | None:
    """发文之日起1个月内 (an offset from the document date) · 自印发之日起实施 (in force from it)."""
    tok = head(tokens, i, "selfstart")
    if tok is None:
        return None
    offset = at(tokens, i + 1, "offset")
    if offset is not None and (rel := relative_of(offset)) is not None:
        return RelativeP(rel.value, rel.unit, rel.max, anchor_ref=True), 2
    month = at(tokens, i + 1, "date_month")
    if month is not None and cue_of(at(tokens, i + 2, "cue")) == "within" and (w := when_of(month)).year is None \
            and w.month is not None and w.day is None and w.edge is None:
        return RelativeP(w.month, "month", None, anchor_ref=True), 3  # 自印发之日起两月内: a count, never a month
    return _span_from_ref(tokens, i) or (OngoingP(from_ref=True), 1)


def _span_from_ref(tokens: Sequence[Token], i: int) -> Match | None:
    """自印发之日起至2025年12月31日(止) · 即日起至12月30日 · 自本公告发布之日起，至11月20日止: from the document's day
    to a date (a comma may stand before the joiner)."""
    j = i + 1 + (1 if at(tokens, i + 1, "sep") is not None and tokens[i + 1].text == "," else 0)
    to, end = at(tokens, j, "to", "dash"), at(tokens, j + 1, *DATES)
    if to is None or end is None or to.text not in lx.SPAN_END_JOINERS:
        return None
    used = j + 2 - i
    return OngoingP(from_ref=True, until=when_of(end), span=True), used + (
        1 if cue_of(at(tokens, i + used, "cue")) == "until" else 0)


def rule_spend(tokens: Sequence[Token], i: int) -> Match | None:
    """力争用3年时间 · 用两到三年时间 · 用1年半时间 · 用半年时间: within N years (months) of the document date;
    再用半年时间 counts from the end of the step before, which the text does not date (no anchor)."""
    tok = head(tokens, i, "spend")
    if tok is None:
        return None
    n = tok.get("n") or "0"  # 两 before 到 stays a word when text is folded: 用两到三年时间
    value = float(n if n.isdigit() else lx.CN_DIGITS.get(n, 0)) + (
        0.5 if tok.get("half") or tok.get("half2") or tok.get("halfonly") else 0)
    top = float(n2) if (n2 := tok.get("n2")) else None
    if value <= 0:
        return None
    unit = "year" if tok.get("unit") == "年" else "month"
    again = bool(tok.get("again"))
    return RelativeP(int(value) if value == int(value) else value, unit,
                     None if top is None else int(top), anchor_ref=not again, after_step=again), 1


# 整改期限为30日 · 办理时限：15天 · 期限30个自然日: after a label that names a length of time, N日 is one
_DURATION_LABEL = re.compile(rf"(?:{'|'.join(lx.LENGTH_LABELS)})(?:为|是|:)?$")


def _after_duration_label(tok: Token) -> bool:
    return _DURATION_LABEL.search(tok.source, max(0, tok.start - 3), tok.start) is not None


def rule_offset(tokens: Sequence[Token], i: int) -> Match | None:
    half = head(tokens, i, "halfoffset")
    if half is not None:  # 半年内 · 半个月内
        return RelativeP(0.5, "year" if half.get("unit") == "年" else "month"), 1
    day = head(tokens, i, "dayonly")
    if day is not None:  # 期限为30日 (no month: a length, not the 30th)
        n = int(day.get("d") or 0)
        return (RelativeP(n, "day"), 1) if n and day.text[-1] in "日天" and _after_duration_label(day) else None
    tok = head(tokens, i, "offset")
    if tok is None:
        return None
    if i >= 2 and tokens[i - 1].type == "cue" and tokens[i - 1].text == "前" and tokens[i - 1].end == tok.start \
            and tokens[i - 2].end == tokens[i - 1].start and tokens[i - 2].type in _DATED_BEFORE:
        # 每月5日前10天 · 每年春节前5个工作日 · 6月30日前10天内 · 6月前10天: a count after a date's 前 that no
        # reading counted back (it would leave the month, RRULE cannot say it, or 内 / a bare month leaves it open)
        return MissingP(f"{tok.text} after {tokens[i - 2].text}前: counted back from it, or its first days? "
                        "(not dated)"), 1
    cue = at(tokens, i + 1, "cue")
    if cue is not None and cue.start == tok.end and cue.text in ("前", "之前", "以前") and not tok.get("within") \
            and not tok.get("ord") and not tok.source.endswith(lx.NOT_LIMIT_BEFORE, max(0, tok.start - 3), tok.start) \
            and (back := _counted_back(tok)) is not None and back.unit in ("day", "workday", "week", "month") \
            and not (back.unit == "week" and tok.source[tok.start - 1:tok.start] in ("于", "在", "第")):
        # 会议召开3个工作日前 · 开班3天前 · 10个工作日前报送: N before the event written before the count (not
        # 3年前: years ago, a time in the past; not 于14周前: before a term's 14th week)
        return back, 2
    rel = relative_of(tok, bare=_after_duration_label(tok))
    return None if rel is None else (rel, 1)


_DATED_BEFORE = (*DATES, "every", "dayonly")  # (a module tuple: mypyc refuses a starred tuple in a membership test)


def rule_event_offset(tokens: Sequence[Token], i: int) -> Match | None:
    """批复后20日内 · 变更之日起20个工作日内: the event text before 后 / 之日起 is filled in by ``_scope``.

    With no offset, "<event>后及时公开" or a cell ending "…核定合格分数线后" waits on that event.
    """
    ended = head(tokens, i, "endafter")
    if ended is not None and ended.start > (tokens[i - 1].end if i else 0) and (tok := at(tokens, i + 1, "offset")) \
            and (rel := relative_of(tok, bare=True)) is not None:  # 会议结束后3个月内: from the event, not the document
        return RelativeP(rel.value, rel.unit, rel.max, wants_anchor=True), 2
    if ended is not None and ended.text.endswith("后") and ended.start > (tokens[i - 1].end if i else 0) and (
            at(tokens, i + 1, "promptly") or i + 1 == len(tokens) or at(tokens, i + 1, "sep")):
        return TriggerP("event", wants_event=True), 2 if at(tokens, i + 1, "promptly") else 1  # 年度考核结束后
    cue, offset = head(tokens, i, "cue"), at(tokens, i + 1, "offset")
    if offset is None and at(tokens, i + 1, "sep") and tokens[i + 1].text == ",":  # 信息形成后，20个工作日内
        offset = at(tokens, i + 2, "offset")
        if offset is not None and cue_of(cue) == "after" and (rel := relative_of(offset)) is not None:
            return RelativeP(rel.value, rel.unit, rel.max, wants_anchor=True), 3
        offset = None
    text_before = _word_before(tokens, i)
    if cue_of(cue) == "after" and text_before and (
            at(tokens, i + 1, "promptly") or i + 1 == len(tokens) or at(tokens, i + 1, "sep")):
        used = 2 if at(tokens, i + 1, "promptly") else 1
        return TriggerP("event", wants_event=True), used
    if cue_of(cue) == "before" and text_before and (i == 0 or tokens[i - 1].type not in DATES) \
            and (rel := _counted_back(at(tokens, i + 1, "offset", "dayonly"))) is not None:
        # 届满前3个月 · 期满前30日: N before an event, an offset counted back from it (a negative value);
        # (会议召开)提前3天: ahead of the event before 提 (none named: no anchor; scope.py leaves 提 out)
        return rel, 2
    if cue_of(cue) not in ("after", "since") or offset is None:
        return None
    rel = relative_of(offset)
    if rel is None:
        return None
    return RelativeP(rel.value, rel.unit, rel.max, wants_anchor=True), 2 + _ordinal_before(offset, tokens, i + 2)


def _word_before(tokens: Sequence[Token], i: int) -> bool:
    """Words that are no time stand right before tokens[i]: text between it and the token before, or that
    token is the 到 of a verb (报到前3天: 到 there is no "by")."""
    prev_end = tokens[i - 1].end if i else 0
    if tokens[i].start > prev_end:  # 年后 · 节后: which year's end, which holiday? No event is named
        return tokens[i].source[prev_end:tokens[i].start].strip(" ,;:") not in lx.NO_EVENT_WORDS
    prev = tokens[i - 1]
    return prev.type == "to" and prev.text == "到" and prev.start > (tokens[i - 2].end if i > 1 else 0) \
        and "\u4e00" <= prev.source[prev.start - 1] <= "\u9fff"


def _ordinal_before(offset: Token, tokens: Sequence[Token], i: int) -> int:
    """节后第3个工作日前: 前 after the Nth day is that day (1 when tokens[i] is that 前, else 0)."""
    return _before(tokens, i) if offset.get("ord") else 0


def rule_adjacent_days(tokens: Sequence[Token], i: int) -> Match | None:
    """4月28日5月18日 (the joiner lost in layout): two dates in order, read as a range with a typo flag."""
    first, second = head(tokens, i, "date_day"), at(tokens, i + 1, "date_day")
    if first is None or second is None:
        return None
    a, b = when_of(first), when_of(second)
    if (b.year is not None and b.year != a.year) or (b.month or 0, b.day or 0) <= (a.month or 0, a.day or 0):
        return None
    # (2024年5月31日2024年10月31日: the second with its own year may as well be a date of its own — a doubt)
    return RangeP(a, replace(b, typo="typo:missing-joiner" if b.year is None else "ambiguous:missing-joiner")), 2


def _week(w: When, tokens: Sequence[Token], i: int, j: int) -> Match | None:
    """本周内 / 下周前 / 到本周 → due on its Sunday; 下周 alone → the week's window."""
    cue = cue_of(at(tokens, j + 1, "cue"))
    tok = tokens[j]
    if cue is None and j == i and tok.source.startswith((*lx.REPORTED_WORK, "重点", "工作"), tok.end):
        return None  # 总结本周工作 · 报送上周进展: the week names the work, it sets no time
    monday, sunday = replace(w, weekday=0, edge=None), replace(w, weekday=6, edge=None)
    if cue in ("within", "before", "end-before") or j > i or w.edge == "end":  # 本周末 · 本周内: its Sunday
        return DeadlineP(sunday, "within"), j + (2 if cue else 1) - i
    return RangeP(monday, sunday), j + 1 - i


def rule_year_list(tokens: Sequence[Token], i: int) -> Match | None:
    """2024、2025年底前 · 2023和2024年完成: years listed, the last one's 年 (and its 底, its cue) each one's — a
    deadline a year, not the last year alone with the others left as words."""
    tok = head(tokens, i, "yearlist")
    nxt = at(tokens, i + 1, "date_yearend", "date_year")
    if tok is None or nxt is None or nxt.start != tok.end:
        return None
    found = rule_date(tokens, i + 1)
    if found is None:
        return None
    last, used = found
    if not isinstance(last, DeadlineP) or last.when.year is None or last.when.short_year:
        return None
    years = [int(y) for y in re.findall(r"\d{4}", tok.get("yl") or "")]
    return ManyP((*(replace(last, when=replace(last.when, year=y)) for y in years), last)), used + 1


_CLOSING_GAP = re.compile(r"[^，,。；;：:、\s\d]{0,8}")


def _closes(date: Token, tokens: Sequence[Token], k: int) -> bool:
    """截止 / 截至 / 止 after a day, with no date after it and a few words between (推荐阶段截止): it closes then."""
    end = tokens[k] if k < len(tokens) else None  # not `at`: words may stand between (报名截止)
    return end is not None and end.type == "to" and end.text in ("截止", "截至", "止") \
        and at(tokens, k + 1, *DATES) is None and _CLOSING_GAP.fullmatch(date.source, date.end, end.start) is not None


def rule_date(tokens: Sequence[Token], i: int) -> Match | None:
    """[到/截至] <date> [前 / 底前 / 内 / 止 / 后 / 期间]: a deadline (or a start, or a window)."""
    j = i + 1 if head(tokens, i, "to") and at(tokens, i + 1, *DATES) else i
    date = (at if j > i else head)(tokens, j, *DATES)
    if date is None:
        return None
    w = when_of(date)
    if w.rel_period == "周" and w.weekday is None:  # 本周内 · 下周: the week, Monday to Sunday
        return _week(w, tokens, i, j)
    if date.type in ("date_year", "yearword") and (keep := at(tokens, j + 1, "ongoing")) is not None \
            and keep.text.startswith("持续"):
        return OngoingP(from_ref=True, until=w), j + 2 - i  # 年内持续推进: ongoing to the year's end
    if date.type == "date_year" and (nxt := at(tokens, j + 1, "yearword", "wholeyear")) is not None:
        if nxt.type == "wholeyear":  # 2022年全年
            return RangeP(w, w, "years"), j + 2 - i
        return DeadlineP(w, "within"), j + 2 - i  # 2022年年内
    note = at(tokens, j + 1, "inclusive")  # 6月30日(含)前
    k = j + 1 + (1 if note else 0)
    cue = cue_of(at(tokens, k, "cue"))
    if cue == "until" and at(tokens, k + 1, "sep") is not None and tokens[k + 1].text == ":" \
            and at(tokens, k + 2, *DATES) is not None:
        cue = None  # 起：2024年5月 止：2024年10月: 止 labels the date after it (a space folded away), not this one
    used = k - i + (1 if cue else 0)
    if cue == "during" and not w.holiday and ("双节" in tokens[k].text or "两节" in tokens[k].text):
        cue, used = None, k - i  # 2024年“两节”期间: which two? (left to the words after the year: unread)
    if w.holiday and cue == "before" and tokens[k].text in lx.REST_BEFORE:
        w = replace(w, rest=True)  # 端午假期前: the eve of the days off
    if cue == "on" or (cue is None and (w.day or w.holiday) and at(tokens, k, "sameday") is not None):
        cue, used = None, k + 1 - i  # 中秋节当天 · 6月30日当日办结: the day itself
    if note is None and cue in ("before", "end-before") and (note := at(tokens, i + used, "inclusive")):
        used += 1  # 6月30日前(含) · 截至6月30日(不含)
    if cue == "before" and tokens[k].text in lx.DAY_END_BEFORE and w.day is not None:
        return DeadlineP(w, None, by=True), used  # 9月5日下班前: by the end of that day's work
    if note is not None and (cue in ("before", "end-before") or j > i):
        # the text says whether the day is inside: no doubt left (不含: the day before is the last one)
        return DeadlineP(w, "before-strict" if note.get("neg") else None, by=True), used
    if cue is None and note is None and w.day is not None and _closes(date, tokens, k):
        return DeadlineP(w, None, by=True), used  # 6月30日报名截止: the day it closes (the words stay in scope)
    cue = cue or ("within" if date.type == "yearword" else None)
    if cue is None and at(tokens, j + 1, "endafter") and (after := _after_end(tokens, j + 2)) is not None:
        return DeadlineP(_timed(w, tokens[j + 2]), after=after), j + 3 - i + _before(tokens, j + 3)  # 一季度结束后8日
    if cue == "after" and not w.holiday and w.grain in ("quarter", "half", "year", "month") \
            and (after := _after_end(tokens, j + 2)) is not None:
        # 一季度后8日 (a reporting schedule)
        return DeadlineP(_timed(w, tokens[j + 2]), after=after), j + 3 - i + _before(tokens, j + 3)
    if cue == "within" and date.type == "date_month" and w.month == 1 and w.year is None and w.edge is None \
            and w.rel_year is None:
        return RelativeP(1, "month", or_month=1), used  # 一月内: one month, or January
    if cue == "around":
        return RangeP(w, w, "around"), used
    if cue in (None, "since") and at(tokens, j + 1 + (cue is not None), "sofar"):  # 2024年6月至今 · 6月起至今
        return OngoingP(start=w), j + 2 - i + (cue is not None)
    if cue is None and (dash := at(tokens, j + 1, "dash")) is not None and (
            at(tokens, j + 2, "sofar") or _dangling(dash)):
        # 2024年7月—至今 · 2024.7.1— (at the clause's end): begun then, still going (a 整改台账's open range)
        return OngoingP(start=w), j + 2 - i + (1 if at(tokens, j + 2, "sofar") else 0)
    if cue is None and at(tokens, j + 1, "exempt") and (w.year is None
                                                          or lx.PLAN_YEARS[0] <= w.year <= lx.PLAN_YEARS[1]):
        # 1月免报: the schedule skips it (2200年不报 is an impossible year: read, and flagged invalid)
        return MarkerP(f"exempt:{date.text}"), j + 2 - i
    if cue == "since" and _event_day(date, tokens[k]):
        return DeadlineP(w), k - i  # 2月6日开始上课 · 9月1日开始报到: the day the event happens (not work from then on)
    if cue == "since":
        return OngoingP(start=w), used
    if cue in ("before", "end-before") and note is None and (w.day or w.holiday or w.edge == "end") \
            and (back := _before_date(tokens, i + used - 1)) is not None:
        # 12月底前10天 · 年底前1个月 · 国庆节前10天 · 春节前5个工作日: counted back from that day (a holiday's own
        # day), as 会议召开前3日 is from the meeting (not 6月前10天: the first ten days of June, or before June)
        return replace(back, anchor=(date.start, date.end), anchor_when=w, wants_anchor=False), used + 1
    if cue is None and date.type == "date_month" and w.grain == "month" and w.edge is None \
            and (day_of := workday_of_month(tokens, j + 1)) is not None:
        # 3月第1个工作日 · 2024年3月最后一个工作日(前): that working day of the month (mainland calendar, 调休)
        n, unit, took = day_of
        return DeadlineP(w, after=(n, unit)), j + 1 + took - i
    if date.type in ("relperiod", "date_year") and w.grain in ("month", "year") and w.edge is None \
            and ((w.rel_period == "月" and w.rel_shift >= 1) or (date.type == "date_year" and (w.rel_year or 0) >= 1)) \
            and (nth := _nth_workday(tokens, j + 1)) is not None:
        # 次月5个工作日内 · 次月第5个工作日前 · 次年第1个工作日 · 下月前3个工作日: the Nth working day of that month
        # (year), counted from the end of the one before it, as 每月结束后5个工作日内 is
        n, took = nth
        before = replace(w, rel_shift=w.rel_shift - 1) if w.rel_period else replace(w, rel_year=(w.rel_year or 0) - 1)
        return DeadlineP(before, after=(n, "workday")), j + 1 + took - i
    if cue == "after":
        offset = at(tokens, i + used, "offset")
        if offset is not None and (rel := relative_of(offset)) is not None:  # 春节后一周内, 节后5个工作日内
            return RelativeP(rel.value, rel.unit, rel.max, anchor=(date.start, date.end), anchor_when=w), \
                used + 1 + _ordinal_before(offset, tokens, i + used + 1)
        both = tokens[i + used - 1].text == "以后" and not w.holiday  # 7月1日以后: from the 1st or the 2nd?
        return OngoingP(start=w, after=True, after_doubt=both), used
    if cue == "during":
        return RangeP(w, w, "during"), used
    return DeadlineP(w, cue, by=j > i), used


def _before_date(tokens: Sequence[Token], i: int) -> RelativeP | None:
    """The count that touches the 前 at tokens[i] (12月底前10天), as a negative offset; None for a count of
    years (2024年底前3年 is no deadline) or one that says 内 (春节前5个工作日内: within them, or by them?)."""
    cue, tok = at(tokens, i, "cue"), at(tokens, i + 1, "offset", "dayonly")
    if cue is None or not cue.text.endswith("前") or tok is None or tok.start != cue.end or tok.get("within") \
            or tok.get("hh"):
        return None
    back = _counted_back(tok)
    return back if back is not None and back.unit in ("day", "workday", "week", "month") else None


def _nth_workday(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """5个工作日内 · 第5个工作日(前) · 前5个工作日 at tokens[i]: (N, tokens used)."""
    j = i + 1 if (cue := at(tokens, i, "cue")) is not None and cue.text == "前" else i
    tok = at(tokens, j, "offset")
    if tok is None or tok.start != tokens[j - 1].end or lx.UNITS.get(tok.get("unit") or "") != "workday" \
            or tok.get("n2") or tok.get("half") or not (tok.get("within") or tok.get("ord") or j > i):
        return None
    n = float(tok.get("n") or 0)
    if n != int(n) or not 1 <= n <= 30:
        return None
    return int(n), j - i + 1 + _before(tokens, j + 1)


def _before(tokens: Sequence[Token], i: int) -> int:
    """1 when tokens[i] is a 前 that closes the reading before it (季后10日12:00前), else 0."""
    return 1 if cue_of(at(tokens, i, "cue")) in ("before", "end-before") else 0


def _timed(w: When, tok: Token) -> When:
    """The time of day written after the day count (季后10日12:00) belongs to the due day."""
    return replace(w, time=time_of(tok)) if tok.get("hh") else w


def rule_shared_cue(tokens: Sequence[Token], i: int) -> Match | None:
    """2010年6月5日和12月5日前 · 4月15日、7月15日、10月15日及2020年1月15日前: one 前 closes every date listed."""
    first = head(tokens, i, "date_day", "iso", "date_month")
    if first is None:
        return None
    dates, j = [first], i + 1
    while at(tokens, j, "and") and (nxt := at(tokens, j + 1, first.type)) is not None:
        dates.append(nxt)
        j += 2
    cue = cue_of(at(tokens, j, "cue"))
    if len(dates) < 2 or cue not in ("before", "end-before"):
        return None
    return ManyP(tuple(DeadlineP(when_of(t), cue) for t in dates)), j + 1 - i


def rule_holidays(tokens: Sequence[Token], i: int) -> Match | None:
    """元旦春节期间 · 五一、端午期间 · 元旦春节前 · 中秋国庆前后: the cue after a list of holidays is each one's."""
    first = head(tokens, i, "date_holiday")
    if first is None:
        return None
    found, j = [first], i + 1
    while (nxt := at(tokens, j + 1 if at(tokens, j, "and") else j, "date_holiday")) is not None:
        found.append(nxt)
        j = tokens.index(nxt, j) + 1
    cue = cue_of(at(tokens, j, "cue"))
    if len(found) < 2 or cue not in ("before", "end-before", "during", "around"):
        return None
    whens = [when_of(t) for t in found]
    parts: tuple[DeadlineP | RangeP, ...] = tuple(
        RangeP(w, w, cue) if cue in ("during", "around") else DeadlineP(w, cue) for w in whens)
    return ManyP(parts, starts=tuple(t.start for t in found[1:])), j + 1 - i


def rule_list(tokens: Sequence[Token], i: int) -> Match | None:
    """5月14、15、21、22日 · 6、12月(底前) · 1、4、7、10月上旬 · 6、12月10日前: one deadline a day or a month, each
    its own part; what follows the list's 月 (底, a 旬, a day) is every month's."""
    tok = head(tokens, i, "daylist", "monthlist")
    if tok is None:
        return None
    first, field = when_of(tok), ("day" if tok.type == "daylist" else "month")
    numbers = [int(n) for n in re.findall(r"\d+", tok.get("days") or tok.get("months") or "")]
    used = 1
    suffix = When(edge="end" if tok.get("mend") else None)
    if field == "month" and suffix.edge is None and (part := _month_part(tokens, i + 1, numbers)) is not None:
        suffix, used = part, 2
    cue = cue_of(at(tokens, i + used, "cue"))
    cue = cue if cue in ("before", "end-before") else None  # 2024年6、12月底前 · 5月14、15日前
    if field == "day":
        whens = [replace(first, day=n, edge=suffix.edge) for n in numbers]
    else:
        whens = [_in_month(replace(first, month=n), suffix) for n in numbers]
    parts = tuple(DeadlineP(w, cue) for w in whens)
    return ManyP(parts), used + (1 if cue else 0)


def _month_part(tokens: Sequence[Token], i: int, months: Sequence[int]) -> When | None:
    """The part of a month written after a list of months (1、4、7、10月上旬 · 3、9月10日前), as a When; None when
    there is none, or a day some month listed does not have (6、12月31日: which day of June?)."""
    tok = at(tokens, i, "xunonly", "dayonly")
    if tok is None or tok.get("xunpair") or tok.get("mid"):
        return None
    w = when_of(tok)
    if w.day is not None and not has_day(months, w.day):
        return None
    return w


def _in_month(month: When, part: When) -> When:
    """A month of a list given the part of it the list shares (its 底, 旬, half, day and time of day)."""
    return replace(month, day=part.day, xun=part.xun, xun_first=part.xun_first, mid=part.mid,
                   half_month=part.half_month, edge=part.edge, time=part.time or month.time)


def rule_shared_suffix(tokens: Sequence[Token], i: int) -> Match | None:
    """1月、7月上旬 · 4月、7月、10月10日前 · 3月、6月和12月底前: months listed each with its own 月, the last one
    followed by a 旬, 初, 中, a half, 底 or a day: that part is every month's (as in 3、6、9、12月底)."""
    first = head(tokens, i, "date_month")
    if first is None or _has_part(when_of(first)):
        return None
    months, j = [when_of(first)], i + 1
    while at(tokens, j, "and") and (nxt := at(tokens, j + 1, "date_month", "date_day")) is not None:
        w = when_of(nxt)
        if w.year is not None or w.rel_year is not None:
            return None  # 2023年12月、2024年1月10日: a year starts another date
        months.append(w)
        j += 2
        if _has_part(w):
            break
    last = months[-1]
    if len(months) < 2 or not _has_part(last) or last.month is None \
            or (last.day is not None and not has_day([m.month or 0 for m in months], last.day)):
        return None
    shared = replace(last, weekday=None, lunar=None, typo=None)  # a note checks its own day only
    whens = [_in_month(m, shared) for m in months[:-1]] + [last]
    cue = cue_of(at(tokens, j, "cue"))
    cue = cue if cue in ("before", "end-before") else None
    return ManyP(tuple(DeadlineP(w, cue) for w in whens)), j - i + (1 if cue else 0)


def _has_part(w: When) -> bool:
    """A month written with a part of it after (a day, 旬, 初, 中, half, 底) — the end of a shared list."""
    return bool(w.day is not None or w.xun or w.mid or w.half_month or w.edge)


QUARTER_WORDS = lx.QUARTER_WORDS


def rule_quarters(tokens: Sequence[Token], i: int) -> Match | None:
    """二至三季度 (a window over whole quarters) · 第一、二季度 (one deadline a quarter)."""
    tok = head(tokens, i, "quarterrange", "quarterlist")
    if tok is None:
        return None
    year = when_of(tok)
    if tok.type == "quarterrange":
        first, last = QUARTER_WORDS[tok.get("q1") or "1"], QUARTER_WORDS[tok.get("q2") or "1"]
        return RangeP(replace(year, quarter=first), replace(year, quarter=last)), 1
    quarters = [QUARTER_WORDS[c] for c in tok.get("qs") or "" if c in QUARTER_WORDS]
    end = "end" if tok.get("qend") else None  # 第二、三季度末: each quarter's last day
    cue = cue_of(at(tokens, i + 1, "cue"))
    if cue in ("before", "end-before"):  # 二、三季度前: by each quarter's end
        return ManyP(tuple(DeadlineP(replace(year, quarter=q, edge=end), cue) for q in quarters)), 2
    return ManyP(tuple(DeadlineP(replace(year, quarter=q, edge=end)) for q in quarters)), 1


def rule_five_year(tokens: Sequence[Token], i: int) -> Match | None:
    """“十四五”期间 (2021—2025) · 十三五期末: the Nth five-year plan (the 3rd began in 1966, five years each)."""
    tok = head(tokens, i, "fiveyear")
    if tok is None:
        return None
    n = lx.CN_DIGITS[tok.get("fyp") or "一"] + 10
    first = 1966 + 5 * (n - 3)
    if tok.get("fpart") in ("期末", "末"):
        return DeadlineP(When(year=first + 4), by=True), 1
    used = 2 if at(tokens, i + 1, "ongoing") else 1  # 十四五时期持续推进: on through the plan's years
    return RangeP(When(year=first), When(year=first + 4), "years", label=FIVE_YEAR_PLAN), used


def _after_end(tokens: Sequence[Token], i: int) -> tuple[int | float, str] | None:
    """The N日 / N个工作日 after 结束后: a bare N日 is an offset here, not a day of the month."""
    tok = at(tokens, i, "offset", "dayonly")
    if tok is None:
        return None
    if tok.type == "dayonly":
        return float(tok.get("d") or 0), "day"
    rel = relative_of(tok, bare=True)
    if rel is None or rel.max is not None or rel.unit not in ("day", "workday", "week", "month"):
        return None
    return rel.value, rel.unit  # 2023年度结束后3个月内: counted from 12-31 like the days


def _counted_back(tok: Token | None) -> RelativeP | None:
    if tok is None:
        return None
    rel = RelativeP(int(tok.get("d") or 0), "day") if tok.type == "dayonly" else relative_of(tok, bare=True)
    if rel is None or rel.max is not None or rel.value <= 0:
        return None
    return RelativeP(-rel.value, rel.unit, None, wants_anchor=True)


def rule_event_window(tokens: Sequence[Token], i: int) -> Match | None:
    """自本办法施行之日起至2030年12月31日止: opened by an event, closed by a date."""
    since = at_gap(tokens, i + 1, "cue", limit=20)
    if head(tokens, i, "from") is None or since is None or cue_of(since) != "since":
        return None
    to, end = at(tokens, i + 2, "to"), at(tokens, i + 3, *DATES)
    if to is None or end is None or to.text not in ("至", "到"):
        return None
    used = 5 if cue_of(at(tokens, i + 4, "cue")) == "until" else 4
    event = (tokens[i].end, since.start)
    then = OngoingP(until=when_of(end))
    return TriggerP("event", event=event, then=then), used


# --- words -----------------------------------------------------------------------------------------

_RANGES = frozenset(("monthrange", "dayrange", "dotrange", "dotdayrange", "ymrange", "quarterrange", "yearrange"))
# 持续推进(…) · 常态化推进（…: an ongoing word (and its verb) before a bracketed date names a stage
_STAGE_BRACKET = re.compile(r"[\u4e00-\u9fff]{0,4}\((?:\(|\d|[\u4e00-\u9fff])?")


def rule_words(tokens: Sequence[Token], i: int) -> Match | None:
    tok = tokens[i]
    if tok.type == "wholeyear":  # 全年 · 全年持续
        return OngoingP(whole_year=True), 2 if at(tokens, i + 1, "ongoing") else 1
    if tok.type in ("todaystart", "henceforth") and (count := at(tokens, i + 1, "offset")) is not None \
            and (rel := relative_of(count, bare=True)) is not None and rel.unit in ("year", "month") \
            and rel.max is None:
        # 从现在起3年内 · 今后三年 · 未来五年内: that long from the document's day (今后五年 in a 2016 plan: to 2021)
        return RelativeP(rel.value, rel.unit, anchor_ref=True), 2
    if tok.type == "henceforth":
        return None
    if tok.type == "todaystart":  # 即日起 · 即日起至2024年12月31日 · 即日起—6月30日
        return _span_from_ref(tokens, i) or (OngoingP(from_ref=True), 1)
    if tok.type == "vagueyear" and tok.get("part") == "初" and at(tokens, i + 1, "to", "dash") is not None \
            and tokens[i + 1].text in lx.RANGE_JOINERS and (end := at(tokens, i + 2, *DATES)) is not None:
        # 2024年年初至年底: from the year's first day (年初 alone names no date, as a range's start it opens the year)
        start = When(year=int(y)) if (y := tok.get("y")) else When(rel_year=lx.RELATIVE_YEARS.get(tok.get("ry") or ""))
        return RangeP(start, when_of(end)), 3
    if tok.type == "ongoing":
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and (nxt.type in DATE_TYPES or nxt.type in _RANGES) and _STAGE_BRACKET.fullmatch(
                tok.source[tok.end:nxt.start] + nxt.text[:1]) is not None:
            return None  # 持续推进(2025年10月底-12月底): a stage named by the words, dated by the bracket
        to, end = at(tokens, i + 1, "to"), at(tokens, i + 2, *DATES)
        if to is not None and end is not None and to.text in ("至", "到"):  # 持续至2025年
            return OngoingP(from_ref=True, until=when_of(end)), 3
        return OngoingP(from_ref=True, word=True), 1
    if tok.type == "sameday":  # 当日办结
        return RelativeP(0, "day"), 1
    if tok.type == "promptly":
        return MarkerP("vague:promptly"), 1
    if tok.type == "hedge":
        return MarkerP(f"hedge:{tok.text}"), 1
    if tok.type == "ditto":
        return DittoP(), 1
    if tok.type == "nomonth":
        return MissingP("月底 with no month: which month is meant?"), 1
    if tok.type == "xunonly":
        return MissingP(f"{tok.text} with no month: which month is meant?"), 1
    if tok.type == "vagueyear":
        return MissingP(f"年{tok.get('part')} (early / the middle of the year) names no date"), 1
    return None


# --- triggers --------------------------------------------------------------------------------------

TRIGGER_TYPES = {"deploy": "deployment", "synced": "deployment", "deployhead": "deployment",
                 "statute": "statute", "rulelimit": "statute", "doc_follow": "document", "plan_follow": "document",
                 "doc_after": "document", "wait": "document", "receive": "document"}


def rule_otherwise(tokens: Sequence[Token], i: int) -> Match | None:
    """法律、法规对…另有规定的，从其规定: the law (named before 对, placed like an event) may set another time."""
    return (TriggerP("statute", wants_event=True), 1) if head(tokens, i, "otherwise") else None


def rule_trigger(tokens: Sequence[Token], i: int) -> Match | None:
    """按省部署 · 按预算法规定时限 · 按省制订的方案要求 · 待…出台后 · 收到…文件后 [+ N日内]."""
    tok = head(tokens, i, *TRIGGER_TYPES)
    if tok is None:
        return None
    if tok.type == "deploy" and tok.get("auth") in lx.NOT_AUTHORITIES:
        return None  # 根据工作安排 · 按实际需要: nobody's schedule, no trigger
    kind, auth, doc, event = TRIGGER_TYPES[tok.type], tok.span_of("auth"), tok.span_of("doc"), tok.span_of("ev")
    body = tok.span_of("body")
    if body is not None:
        auth, rest = split_authority(tok.get("body") or "", body[0])
        hinted = any(h in (tok.get("body") or "") for h in lx.DOCUMENT_HINTS)
        kind = "document" if hinted else "event"
        doc, event = (rest, None) if hinted and tok.type == "receive" else (None, rest)
    then = None
    offset = at(tokens, i + 1, "offset")
    if offset is not None and (rel := relative_of(offset)) is not None:
        then = replace(rel, wants_anchor=True)  # counted from the trigger's event, never from the document date
    return TriggerP(kind, auth, event, doc, then), 2 if then else 1


def split_authority(body: str, offset: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """"国家、省税收政策文件" → authority "国家、省", rest "税收政策文件" (as folded spans)."""
    for name in lx.AUTHORITIES:
        if body.startswith(name):
            cut = len(name)
            rest = (offset + cut, offset + len(body)) if cut < len(body) else None
            return (offset, offset + cut), rest
    return None, (offset, offset + len(body))


WORDS = ("wholeyear", "ongoing", "promptly", "hedge", "ditto", "nomonth", "xunonly", "vagueyear", "todaystart",
         "henceforth",
         "sameday")
# (rule, the token types it can start on), in priority order: the first rule that matches at a token wins.
RULES: tuple[tuple[Rule, tuple[str, ...]], ...] = (
    (rule_trigger, tuple(TRIGGER_TYPES)),
    (rule_event_window, ("from",)),
    (rule_otherwise, ("otherwise",)),
    (rule_day_range, ("from", "dayrange", "dotdayrange", "dotrange", "ymrange")),
    (rule_list, ("daylist", "monthlist")),
    (rule_holidays, ("date_holiday",)),
    (rule_shared_suffix, ("date_month",)),
    (rule_shared_cue, ("date_day", "iso", "date_month")),
    (rule_quarters, ("quarterrange", "quarterlist")),
    (rule_adjacent_days, ("date_day",)),
    (rule_five_year, ("fiveyear",)),
    (rule_year_list, ("yearlist",)),
    (rule_since_every, ("from", *DATES)),
    (rule_seasonal, ("monthrange",)),
    (rule_every, ("paritymonth", "halveseach", "everyn", "onceper", "onceevery", "pertimes", "everyweekday", "every",
                  "percount")),
    (rule_irregular, ("irregular", "byneed")),
    (rule_every_after, ("endafter",)),
    (rule_year_range, ("yearrange",)),
    (rule_range, ("from", *DATES)),
    (rule_month_range, ("monthrange",)),
    (rule_self_start, ("selfstart",)),
    (rule_since, ("from", *DATES)),
    (rule_event_offset, ("cue", "endafter")),
    (rule_offset, ("halfoffset", "offset", "dayonly")),
    (rule_spend, ("spend",)),
    (rule_start_then_end, DATES),
    (rule_start_lasting, ("from", *DATES)),
    (rule_date, ("to", *DATES)),
    (rule_words, WORDS),
)
RULES_BY_TOKEN: dict[str, tuple[Rule, ...]] = {}
for _rule, _types in RULES:
    for _type in _types:
        RULES_BY_TOKEN[_type] = (*RULES_BY_TOKEN.get(_type, ()), _rule)

# Dispatch on (a date token's type, what touches it next): a rule that, started on a date, cannot match unless
# the next token (with no text between) is of one of these kinds is not tried otherwise. Each kind set is a
# necessary condition read off the rule's own first steps, so the cover is the same, with fewer calls.
NEXT_KINDS = ("since", "after", "joiner", "date_day", "and", "other")
NEEDS_NEXT: dict[Rule, tuple[str, ...]] = {
    rule_since_every: ("since", "after"),  # 2017年起每年 · 2024年7月后每季度 (no 从/自: 起 or 后 must follow)
    rule_since: ("since",),
    rule_start_then_end: ("since",),
    rule_range: ("since", "joiner"),  # 11月20日至12月31日 · 2020-05-26起至…
    rule_adjacent_days: ("date_day",),
    rule_shared_cue: ("and",),  # 6月5日和12月5日前
    rule_shared_suffix: ("and",),  # 1月、7月上旬
}
DATE_TYPES = frozenset(DATES)
RULES_AFTER: dict[tuple[str, str], tuple[tuple[int, Rule], ...]] = {
    (kind, nxt): tuple((rank, rule) for rank, rule in enumerate(RULES_BY_TOKEN.get(kind, ()))
                       if nxt in NEEDS_NEXT.get(rule, NEXT_KINDS))
    for kind in DATES for nxt in NEXT_KINDS
}
RANKED: dict[str, tuple[tuple[int, Rule], ...]] = {k: tuple(enumerate(v)) for k, v in RULES_BY_TOKEN.items()}


def _cue_may_start(tokens: Sequence[Token], i: int) -> bool:
    """A cue starts a reading (rule_event_offset, its only rule) only as 后 / 起, or as 前 after words that are
    no time (届满前3个月): 底前 / 内 / 止 and a 前 touching the token before it close the reading before them."""
    cue = lx.CUES[tokens[i].text]
    return cue in ("after", "since") or (cue == "before" and _word_before(tokens, i))


def _next_kind(tokens: Sequence[Token], i: int) -> str:
    """What touches tokens[i] on its right: a 起 or 后 cue, a range joiner, a day, a list joiner, or other."""
    if i + 1 >= len(tokens) or tokens[i + 1].start != tokens[i].end:
        return "other"
    nxt = tokens[i + 1]
    kind = nxt.type
    if kind == "cue":
        cue = lx.CUES[nxt.text]
        return cue if cue in ("since", "after") else "other"
    if kind in ("to", "dash"):
        return "joiner" if nxt.text in lx.RANGE_JOINERS else "other"
    return kind if kind in ("date_day", "and") else "other"


def parse_tokens(tokens: Sequence[Token]) -> list[Item]:
    """The best cover of the text: every rule proposes its reading at every token, and the readings kept are
    those that together cover the most characters with the fewest pieces (then the earlier rules).

    So a longer reading of the same words always beats a shorter one followed by leftovers ("2024年前10个月"
    is never "2024年前" + "10个月"). Dynamic programming from the right: linear in the number of tokens.
    """
    n = len(tokens)
    score: list[tuple[int, int, int]] = [(0, 0, 0)] * (n + 1)  # (characters read, -pieces, -rule ranks)
    choice: list[tuple[Parse, int] | None] = [None] * (n + 1)
    for i in range(n - 1, -1, -1):
        best, pick = score[i + 1], None
        kind = tokens[i].type
        if kind in DATE_TYPES:
            ranked = RULES_AFTER[kind, _next_kind(tokens, i)]
        elif kind == "cue" and not _cue_may_start(tokens, i):
            ranked = ()
        else:
            ranked = RANKED.get(kind, ())
        for rank, rule in ranked:
            hit = rule(tokens, i)
            if hit is None:
                continue
            rest = score[i + hit[1]]
            mine = (rest[0] + tokens[i + hit[1] - 1].end - tokens[i].start, rest[1] - 1, rest[2] - rank)
            if mine > best:
                best, pick = mine, hit
        score[i], choice[i] = best, pick
    items: list[Item] = []
    i = 0
    while i < n:
        hit = choice[i]
        if hit is None:
            i += 1
            continue
        parse, used = hit
        if isinstance(parse, ManyP):
            items.extend(_spread(parse, tokens[i], tokens[i + used - 1].end))
        else:
            items.append(Item(parse, tokens[i].start, tokens[i + used - 1].end))
        i += used
    return items


def _spread(many: ManyP, tok: Token, end: int) -> list[Item]:
    """The parts of 5月14、15、21、22日 / 第一、二季度 as items, cut at the list's joiners: the first reads up to
    the first joiner, each later one from a joiner to the next, the last to ``end`` (its 日 / 月 and a 前)."""
    if many.starts:  # 元旦春节期间: the parts start where each holiday does
        return [Item(p, s, e) for p, s, e in zip(many.parts, (tok.start, *many.starts), (*many.starts, end),
                                                  strict=True)]
    text = tok.source[tok.start:end]  # one token (5月14、15日) or several (6月5日和12月5日前)
    joints = [tok.start + m.start() for m in re.finditer(f"[{''.join(lx.LIST_JOINERS)},]", text)]
    joints = joints[-(len(many.parts) - 1):] if len(many.parts) > 1 else []
    starts = [tok.start] + [j + 1 for j in joints]
    ends = [*joints, end]
    if len(joints) < len(many.parts) - 1:  # 二三季度: no joiner, each part from its own numeral
        numerals = [tok.start + m.start() for m in re.finditer("[1-4一二三四]", text)][-len(many.parts):]
        starts = [tok.start, *numerals[1:]]
        ends = [*numerals[1:], end]
    return [Item(p, s, e) for p, s, e in zip(many.parts, starts, ends, strict=True)]
