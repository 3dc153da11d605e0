"""Level 2 of the grammar: rules that compose adjacent tokens into parses.

A rule is a small function ``(tokens, i) -> (parse, tokens used) | None``; ``RULES`` lists them in
priority order and the first that matches at a token wins. Rules never do date arithmetic: they only say
what was written (``_resolve`` turns that into dates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.parse import (
    DeadlineP,
    DittoP,
    Item,
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
from deadline_cn._grammar.tokens import Token

Match = tuple[Parse, int]
Rule = Callable[[Sequence[Token], int], "Match | None"]
DATES = ("iso", "iso_month", "date_day", "date_typo", "date_month", "date_quarter", "date_half", "date_yearend",
         "date_holiday", "date_year", "yearword")
PERIOD_ALIASES = {"季": "季度", "星期": "周", "天": "日"}


def _at(tokens: Sequence[Token], i: int, *types: str) -> Token | None:
    """tokens[i] if it has one of ``types`` and touches tokens[i-1] (no text between them)."""
    if i >= len(tokens) or tokens[i].type not in types:
        return None
    if i > 0 and tokens[i - 1].end != tokens[i].start:
        return None
    return tokens[i]


def _first(tokens: Sequence[Token], i: int, *types: str) -> Token | None:
    return tokens[i] if i < len(tokens) and tokens[i].type in types else None


def cue_of(tok: Token | None) -> str | None:
    return lx.CUES[tok.text] if tok is not None and tok.type == "cue" else None


def when_of(tok: Token) -> When:
    """The period a date token names (its year may stay unknown)."""
    g = tok.get
    if tok.type == "yearword":
        return When(rel_year=0)
    mt = g("mt")
    ends = g("mend") or g("qend") or g("hend") or g("yend") or mt
    wd = g("wd")
    return When(
        year=int(y) if (y := g("y")) else None,
        rel_year=lx.RELATIVE_YEARS.get(g("ry") or ""),
        month=int(m) if (m := g("m") or mt) else None,
        day=int(d) if (d := g("d")) else None,
        quarter=int(q) if (q := g("q")) else None,
        half={"上": 1, "下": 2}.get(g("h") or ""),
        xun={"上旬": 1, "中旬": 2, "下旬": 3}.get(g("xun") or "") or (1 if g("mstart") else None),  # 月初 ≈ 上旬
        mid=bool(g("mid")),
        edge="end" if ends else None,
        holiday=lx.HOLIDAYS.get(g("hol") or ""),
        weekday=None if wd is None else (6 if wd in "日天" else int(wd) - 1),
        typo="typo:missing-月" if mt else None,
    )


def month_span(tok: Token) -> tuple[int, ...]:
    m1, m2 = int(tok.get("m1") or 1), int(tok.get("m2") or 12)
    return tuple(range(m1, m2 + 1)) if m1 <= m2 else (*range(m1, 13), *range(1, m2 + 1))


# --- recurrences -----------------------------------------------------------------------------------

def _every(tokens: Sequence[Token], i: int, since: When | None = None) -> tuple[RecurP, int] | None:
    """每<period>, optionally with the day it falls due (每年2月底前, 每月10日前, 每季度末月20日前, 每年春节)."""
    tok = _first(tokens, i, "every")
    if tok is None:
        return None
    period = PERIOD_ALIASES.get(tok.get("per") or "年", tok.get("per") or "年")
    tail = tok.get("tail")
    recur = RecurP(period=period, since=since)
    if tail and period in ("季度", "半年"):
        recur = RecurP(period, since, _months_in_period(period, tail), -1 if tail in ("末", "底") else None)
    elif tail in ("末", "底"):
        recur = RecurP(period, since, bymonthday=-1)
    used = 1
    nxt = _at(tokens, i + 1, "date_day", "date_month", "dayonly", "monthrange", "date_holiday", "date_yearend",
              "date_quarter", "date_half")
    if nxt is not None and (due := _due_within(recur, nxt)) is not None:
        recur, used = due, 2
        while _at(tokens, i + used, "and") and (more := _at(tokens, i + used + 1, "date_month")):  # 每年6月和12月
            m = when_of(more)
            day = -1 if m.edge == "end" else recur.bymonthday  # 每年3月、6月和12月底前: 底 closes the list
            recur, used = RecurP(period, since, (*recur.bymonth, m.month or 1), day), used + 2
        used += 1 if _at(tokens, i + used, "cue") else 0
    elif _at(tokens, i + 1, "endafter") and (after := _days_after_end(period, since, tokens, i + 2)) is not None:
        recur, used = after, 3
    if (vague := _at(tokens, i + used, "irregular")) is not None and vague.text == "定期":
        used += 1  # 每月定期: 定期 only repeats what 每月 already says
    return recur, used


def _months_in_period(period: str, tail: str) -> tuple[int, ...]:
    """每季度末月 → 3,6,9,12 · 每个季度第1个月 → 1,4,7,10 · 每半年第2个月 → 2,8."""
    length = 3 if period == "季度" else 6
    if tail.startswith("第"):
        k = min(int(tail[1]), length)
    else:
        k = 1 if tail == "初" else length
    return tuple(range(k, 13, length))


def _days_after_end(period: str, since: When | None, tokens: Sequence[Token], i: int) -> RecurP | None:
    """每季度结束后10日内: due on day N of the month after each period."""
    tok = _at(tokens, i, "offset")
    rel = relative_of(tok) if tok is not None else None
    first_months = {"季度": (1, 4, 7, 10), "半年": (1, 7), "年": (1,), "月": ()}
    if rel is None or rel.unit != "day" or rel.max is not None or period not in first_months or rel.value > 28:
        return None
    return RecurP(period, since, first_months[period], int(rel.value))


def _due_within(recur: RecurP, nxt: Token) -> RecurP | None:
    """The day a recurrence falls due, when written after 每<period>."""
    if nxt.type == "monthrange":
        return RecurP(recur.period, recur.since, month_span(nxt))
    w = when_of(nxt)
    if w.year is not None:
        return None
    if nxt.type == "date_holiday":
        return RecurP(recur.period, recur.since, holiday=w.holiday)
    if nxt.type == "date_yearend":  # 每年年底前
        return RecurP(recur.period, recur.since, (12,), -1) if w.rel_year is None else None
    if nxt.type == "dayonly":
        return RecurP(recur.period, recur.since, recur.bymonth, w.day)
    if w.xun or w.mid:
        return None
    if w.quarter or w.half:  # 每年第一季度: its first month; 每年第一季度末: the day it ends
        first = (w.quarter - 1) * 3 + 1 if w.quarter else (1 if w.half == 1 else 7)
        last = first + (2 if w.quarter else 5)
        return RecurP(recur.period, recur.since, (last,), -1) if w.edge == "end" else \
            RecurP(recur.period, recur.since, (first,))
    day = w.day or (-1 if w.edge == "end" else None)
    return RecurP(recur.period, recur.since, (w.month,) if w.month else (), day)


def rule_since_every(tokens: Sequence[Token], i: int) -> Match | None:
    """从2017年起每年 · 2017年起每年 · 自2016年起每季度."""
    j = i + 1 if _first(tokens, i, "from") else i
    date = (_at if j > i else _first)(tokens, j, "date_year", "date_month", "date_day", "iso")
    if date is None:
        return None
    j += 1
    if cue_of(_at(tokens, j, "cue")) == "since":
        j += 1
    elif j == i + 1:  # neither 从/自 nor 起: "2017年每年" is not this rule
        return None
    if _at(tokens, j, "sep") and tokens[j].text == ",":
        j += 1
    if _at(tokens, j, "every") is None:
        return None
    inner = _every(tokens, j, since=when_of(date))
    return None if inner is None else (inner[0], j - i + inner[1])


def rule_seasonal(tokens: Sequence[Token], i: int) -> Match | None:
    """（5-11月）每月 — a monthly task inside a season."""
    months, every = _first(tokens, i, "monthrange"), _at(tokens, i + 1, "every")
    if months is None or every is None or every.get("per") != "月" or (inner := _every(tokens, i + 1)) is None:
        return None
    return RecurP(period="月", bymonth=month_span(months), bymonthday=inner[0].bymonthday), 1 + inner[1]


def rule_every(tokens: Sequence[Token], i: int) -> Match | None:
    many = _first(tokens, i, "everyn")
    if many is not None:  # 每两个月 · 每3年
        per = many.get("per") or "年"
        return RecurP(period=PERIOD_ALIASES.get(per, per), interval=int(many.get("n") or 1)), 1
    once = _first(tokens, i, "onceper")
    if once is not None:  # 一季度一通报 · 一月一报
        per = once.get("per") or "年"
        return RecurP(period=PERIOD_ALIASES.get(per, per)), 1
    tok = _first(tokens, i, "everyweekday")
    if tok is not None:  # 每周五 · 每周一至周五
        first, wd2 = when_of(tok).weekday or 0, tok.get("wd2")
        last = first if wd2 is None else (6 if wd2 in "日天" else int(wd2) - 1)
        return RecurP(period="周", byweekday=tuple(range(first, max(first, last) + 1))), 1
    return _every(tokens, i)


def rule_irregular(tokens: Sequence[Token], i: int) -> Match | None:
    tok = _first(tokens, i, "irregular")
    return None if tok is None else (RecurP(period="irregular", vague=tok.text == "定期"), 1)


# --- spans of time ---------------------------------------------------------------------------------

def rule_range(tokens: Sequence[Token], i: int) -> Match | None:
    """11月20日至12月31日 · 从11月20日至2020年春节前 · 自2020-05-26起至2020-05-29止 · 2021年11月到2022年春节前."""
    j = i + 1 if _first(tokens, i, "from") else i
    first = (_at if j > i else _first)(tokens, j, *DATES)
    if first is None:
        return None
    j += 1
    if cue_of(_at(tokens, j, "cue")) == "since":
        j += 1
    if _at(tokens, j, "to", "dash") is None or tokens[j].text not in lx.RANGE_JOINERS:
        return None
    second = _at(tokens, j + 1, *DATES)
    if second is None:
        return None
    j += 2
    end_cue = cue_of(_at(tokens, j, "cue"))
    if end_cue in ("before", "end-before", "until"):
        j += 1
    else:
        end_cue = None
    return RangeP(when_of(first), when_of(second), end_cue), j - i


def rule_month_range(tokens: Sequence[Token], i: int) -> Match | None:
    """5月至6月 (no year): a window in the plan year."""
    tok = _first(tokens, i, "monthrange")
    if tok is None:
        return None
    months = month_span(tok)
    return RangeP(When(month=months[0]), When(month=months[-1])), 1


def rule_year_range(tokens: Sequence[Token], i: int) -> Match | None:
    """2021—2025年 · （2015—2020年）: a plan period."""
    tok = _first(tokens, i, "yearrange")
    if tok is None:
        return None
    used = 2 if _at(tokens, i + 1, "ongoing") else 1  # 2023—2025年持续推进
    return RangeP(When(year=int(tok.get("y1") or 0)), When(year=int(tok.get("y2") or 0)), "years"), used


def rule_since(tokens: Sequence[Token], i: int) -> Match | None:
    """从2016年起 · 2020年起 (no 每): ongoing from then."""
    j = i + 1 if _first(tokens, i, "from") else i
    date = (_at if j > i else _first)(tokens, j, *DATES)
    if date is None or cue_of(_at(tokens, j + 1, "cue")) != "since":
        return None
    used = j + 2 - i + (1 if _at(tokens, j + 2, "ongoing") else 0)  # 2023年起持续推进
    return OngoingP(start=when_of(date)), used


def rule_self_start(tokens: Sequence[Token], i: int) -> Match | None:
    """发文之日起1个月内 (an offset from the document date) · 自印发之日起实施 (in force from it)."""
    tok = _first(tokens, i, "selfstart")
    if tok is None:
        return None
    offset = _at(tokens, i + 1, "offset")
    if offset is not None and (rel := relative_of(offset)) is not None:
        return RelativeP(rel.value, rel.unit, rel.max, anchor_ref=True), 2
    return OngoingP(from_ref=True), 1


def relative_of(tok: Token, anchor: tuple[int, int] | None = None) -> RelativeP | None:
    """N个工作日 / N日内 / 2—3年 / 2个半月; a bare N日 or N年 needs 内 or a cap to be an offset."""
    unit_word = tok.get("unit") or ""
    if not (tok.get("within") or tok.get("cap") or unit_word in lx.BARE_OFFSET_UNITS or tok.get("n2")
            or tok.get("half")):
        return None
    value = float(tok.get("n") or 0) + (0.5 if tok.get("half") else 0)
    top = float(n2) if (n2 := tok.get("n2")) else None
    return RelativeP(_num(value), lx.UNITS[unit_word], None if top is None else _num(top), anchor)


def _num(x: float) -> float:
    return int(x) if x == int(x) else x


def rule_offset(tokens: Sequence[Token], i: int) -> Match | None:
    half = _first(tokens, i, "halfoffset")
    if half is not None:  # 半年内 · 半个月内
        return RelativeP(0.5, "year" if half.get("unit") == "年" else "month"), 1
    tok = _first(tokens, i, "offset")
    if tok is None:
        return None
    rel = relative_of(tok)
    return None if rel is None else (rel, 1)


def rule_event_offset(tokens: Sequence[Token], i: int) -> Match | None:
    """批复后20日内 · 变更之日起20个工作日内: the event text before 后 / 之日起 is filled in by ``_scope``."""
    cue, offset = _first(tokens, i, "cue"), _at(tokens, i + 1, "offset")
    if cue_of(cue) not in ("after", "since") or offset is None:
        return None
    rel = relative_of(offset)
    return None if rel is None else (RelativeP(rel.value, rel.unit, rel.max, wants_anchor=True), 2)


def rule_date(tokens: Sequence[Token], i: int) -> Match | None:
    """[到/截至] <date> [前 / 底前 / 内 / 止 / 后 / 期间]: a deadline (or a start, or a window)."""
    j = i + 1 if _first(tokens, i, "to") and _at(tokens, i + 1, *DATES) else i
    date = (_at if j > i else _first)(tokens, j, *DATES)
    if date is None:
        return None
    w = when_of(date)
    if date.type == "date_year" and (nxt := _at(tokens, j + 1, "yearword", "wholeyear")) is not None:
        if nxt.type == "wholeyear":  # 2022年全年
            return RangeP(w, w, "years"), j + 2 - i
        return DeadlineP(w, "within"), j + 2 - i  # 2022年年内
    cue = cue_of(_at(tokens, j + 1, "cue"))
    used = j + 1 - i + (1 if cue else 0)
    cue = cue or ("within" if date.type == "yearword" else None)
    if cue == "since":
        return OngoingP(start=w), used
    if cue == "after":
        offset = _at(tokens, i + used, "offset")
        if offset is not None and (rel := relative_of(offset)) is not None:  # 春节后一周内, 节后5个工作日内
            return RelativeP(rel.value, rel.unit, rel.max, anchor=(date.start, date.end), anchor_when=w), used + 1
        return OngoingP(start=w, after=True), used
    if cue == "during":
        return RangeP(w, w, "during"), used
    return DeadlineP(w, cue, by=j > i), used


# --- words -----------------------------------------------------------------------------------------

def rule_words(tokens: Sequence[Token], i: int) -> Match | None:
    tok = tokens[i]
    if tok.type == "wholeyear":  # 全年 · 全年持续
        return OngoingP(whole_year=True), 2 if _at(tokens, i + 1, "ongoing") else 1
    if tok.type == "todaystart":  # 即日起
        return OngoingP(from_ref=True), 1
    if tok.type == "ongoing":
        return OngoingP(from_ref=True, word=True), 1
    if tok.type == "promptly":
        return MarkerP("vague:promptly"), 1
    if tok.type == "hedge":
        return MarkerP(f"hedge:{tok.text}"), 1
    if tok.type == "ditto":
        return DittoP(), 1
    if tok.type == "nomonth":
        return MissingP("月底 with no month: which month is meant?"), 1
    if tok.type == "vagueyear":
        return MissingP(f"年{tok.get('part')} (early / the middle of the year) names no date"), 1
    return None


# --- triggers --------------------------------------------------------------------------------------

TRIGGER_TYPES = {"deploy": "deployment", "statute": "statute", "doc_follow": "document",
                 "doc_after": "document", "wait": "document", "receive": "document"}


def rule_trigger(tokens: Sequence[Token], i: int) -> Match | None:
    """按省部署 · 按预算法规定时限 · 按省制订的方案要求 · 待…出台后 · 收到…文件后 [+ N日内]."""
    tok = _first(tokens, i, *TRIGGER_TYPES)
    if tok is None:
        return None
    kind, auth, doc, event = TRIGGER_TYPES[tok.type], tok.span_of("auth"), tok.span_of("doc"), tok.span_of("ev")
    body = tok.span_of("body")
    if body is not None:
        auth, rest = split_authority(tok.get("body") or "", body[0])
        hinted = any(h in (tok.get("body") or "") for h in lx.DOCUMENT_HINTS)
        kind = "document" if hinted else "event"
        doc, event = (rest, None) if hinted and tok.type == "receive" else (None, rest)
    then = None
    offset = _at(tokens, i + 1, "offset")
    if offset is not None and (rel := relative_of(offset)) is not None:
        then = rel
    return TriggerP(kind, auth, event, doc, then), 2 if then else 1


AUTHORITIES = ("国家、省", "国家和省", "国务院", "国家", "中央", "上级", "省", "市")


def split_authority(body: str, offset: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """"国家、省税收政策文件" → authority "国家、省", rest "税收政策文件" (as folded spans)."""
    for name in AUTHORITIES:
        if body.startswith(name):
            cut = len(name)
            rest = (offset + cut, offset + len(body)) if cut < len(body) else None
            return (offset, offset + cut), rest
    return None, (offset, offset + len(body))


WORDS = ("wholeyear", "ongoing", "promptly", "hedge", "ditto", "nomonth", "vagueyear", "todaystart")
# (rule, the token types it can start on), in priority order: the first rule that matches at a token wins.
RULES: tuple[tuple[Rule, tuple[str, ...]], ...] = (
    (rule_trigger, tuple(TRIGGER_TYPES)),
    (rule_since_every, ("from", *DATES)),
    (rule_seasonal, ("monthrange",)),
    (rule_every, ("everyn", "onceper", "everyweekday", "every")),
    (rule_irregular, ("irregular",)),
    (rule_year_range, ("yearrange",)),
    (rule_range, ("from", *DATES)),
    (rule_month_range, ("monthrange",)),
    (rule_self_start, ("selfstart",)),
    (rule_since, ("from", *DATES)),
    (rule_event_offset, ("cue",)),
    (rule_offset, ("halfoffset", "offset")),
    (rule_date, ("to", *DATES)),
    (rule_words, WORDS),
)
RULES_BY_TOKEN: dict[str, tuple[Rule, ...]] = {}
for _rule, _types in RULES:
    for _type in _types:
        RULES_BY_TOKEN[_type] = (*RULES_BY_TOKEN.get(_type, ()), _rule)


def parse_tokens(tokens: Sequence[Token]) -> list[Item]:
    """Every parse in the text, left to right; tokens no rule uses are left as plain text."""
    items: list[Item] = []
    i = 0
    while i < len(tokens):
        for rule in RULES_BY_TOKEN.get(tokens[i].type, ()):
            hit = rule(tokens, i)
            if hit is not None:
                parse, used = hit
                items.append(Item(parse, tokens[i].start, tokens[i + used - 1].end))
                i += used
                break
        else:
            i += 1
    return items
