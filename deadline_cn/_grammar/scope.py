"""Placing parses in their cell: clauses, the scope each time governs, labels, anchors and markers.

Works on folded text and returns folded spans; ``_api`` maps them back to the caller's text. The rules are
those of corpus/GOLD.md: a time governs the text after it in its clause (else the text before it), a clause
with no time continues the previous one, and a hedge or 及时 flags the time of its clause.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.parse import (
    DeadlineP,
    Item,
    MarkerP,
    MissingP,
    OngoingP,
    RangeP,
    RecurP,
    RelativeP,
    TriggerP,
    When,
)
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.record import replace
from deadline_cn._grammar.recurrence import day_in_month, yearly_at

Span = tuple[int, int]
_COUNT = compiled(r"(?:至少|不少于|不低于|最少)[^,;。]{0,12}?(\d{1,3})次|(?<!\d)(\d{1,3})次(?:及)?以上")  # 2次以上
_PER_TIMES = compiled(r"(\d{1,3})次/")
_AT_LEAST = lx.AT_LEAST
_COUNT_REACH = 40  # how far after 每年 its "至少…1次" may stand (a bound keeps a long clause linear)
_PUNCT = " ,;。、:\"'-—/|"  # 2024年6月底前/长期坚持: a slash parts two readings; | a table's column
_LEAD_RE = compiled("(?:[" + re.escape(_PUNCT) + "]|" + "|".join(
    re.escape(w) for w in sorted((*lx.SCOPE_LEAD, *lx.HEDGES), key=len, reverse=True)) + ")+")
_TRAIL = tuple(lx.SCOPE_TRAIL)
_VERBS = tuple(lx.SCOPE_LEAD_VERBS)
_SEPARATOR = compiled(f"[{lx.CLAUSE_SEPARATORS}]")
# 申报截止时间为2024年4月30日 · 截止日期：4月30日: the field names a deadline (due by the day), not an event's day
_DEADLINE_LABEL = compiled(r"(?:截止|截至|最后|最迟|截稿|收稿)(?:时间|日期|期限|时限)(?:为|是)?:?\s*$")
# 2024年4月至12月，每月… · 6月1日至9月30日期间每日…: what may stand between a range and the recurrence it bounds
# (not a line break: a cell's lines are its items)
_ACTOR_GAP = compiled(r"[) \u3000]*,[ \u3000]*[^,;。:\d\n]{1,10}")
_BOUND_GAP = compiled("[), \u3000]*(?:期间|之间|内)?[(, \u3000]*")  # 3月至11月（每月开展一次）
# 开始时间:2024-09-04 结束时间:2024-09-27 · 起始时间为3月1日，截止时间为3月31日: two labelled days, one window
# 报送全年工作总结 · 上半年工作总结7月10日前报送 · 对上半年工作进行总结: the period reported on, not a second time
_REPORTED_PERIOD = compiled(f"的?(?:工作)?(?:{'|'.join(sorted(lx.PERIOD_REPORTS, key=len, reverse=True))})")
# 6月底前完成整改，此后每半年… · …完成排查，完成后，每季度复查: a deadline, words of its clause or the next, and a word
# saying "after it" right before the recurrence (no sentence ends between)
_THEREAFTER = compiled("(?:" + "|".join(lx.THEREAFTER) + r")[,\s]*(?:起|开始)?[,\s]*$")
_SENTENCE_END = compiled("[。;\n]")
# (启动时间：…；完成时间：… · 开始：2024年5月 结束：2024年12月 — the label's 时间 may be left out before its colon)
_LABEL_TAIL = r"(?:(?:时间|日期)(?:为|是)?:?|:)\s*$"
_START_LABEL = compiled(r"(?:开始|起始|起|启动|开工)" + _LABEL_TAIL)
_END_LABEL = compiled(r"[\s,;]*[\u4e00-\u9fff]{0,4}?(?:结束|截止|截至|终止|完成|竣工|完工|止)" + _LABEL_TAIL)
_OPENERS = {"“": "”", "(": ")", "《": "》", "‘": "’", "【": "】", "[": "]"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
# list numbers: 1. · 2、 · (3) · ④ — they number the cell's lines, they are no task
# (opening a scope, in words too: (一) 一、)
_NUMERALS = "[一二三四五六七八九十]{1,3}"
ENUM_HEAD = compiled(rf"(?:\((?:\d{{1,2}}|{_NUMERALS})\)|\d{{1,2}}[.、](?!\d)|{_NUMERALS}、|[\u2460-\u2473])")
_EMPTY_IS_NONE = "" in lx.SCOPE_EMPTY or "" in lx.LIST_JOINERS  # trim's answer for an empty span
_ENUM_TAIL = compiled(r"(?:\(\d{1,2}\)|(?<!\d)\d{1,2}[.、]|[\u2460-\u2473])")


class Placed:
    """A parse placed in its cell: its scope, label, anchor, the flags it gathers and a count (每年至少2次).

    A plain slotted class (built for every reading of every cell; a dataclass costs an ``exec`` at import)."""

    __slots__ = ("anchor", "count_min", "flags", "inside", "item", "label", "scope")

    def __init__(self, item: Item, scope: Span | None = None, label: Span | None = None, anchor: Span | None = None,
                 flags: list[str] | None = None, count_min: int | None = None) -> None:
        self.item, self.scope, self.label, self.anchor = item, scope, label, anchor
        self.flags: list[str] = [] if flags is None else flags
        self.count_min = count_min
        # 2024年6月底前完成（其中5月底前完成初稿）: a step of the reading before it, inside its period — not a later
        # step, so "steps run forward" does not push it past that reading (the resolver keeps its year)
        self.inside = False

    def __repr__(self) -> str:
        return (f"Placed(item={self.item!r}, scope={self.scope!r}, label={self.label!r}, anchor={self.anchor!r}, "
                f"flags={self.flags!r}, count_min={self.count_min!r})")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in ("item", "scope", "label", "anchor", "flags",
                                                                     "count_min"))

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq=True


def trim(text: str, span: Span, *, verbs: bool = True) -> Span | None:
    """Strip punctuation, lead words, unpaired brackets, one generic verb and trailing filler (GOLD.md).

    Linear in the span: every step removes something, and bracket pairing uses counts kept as it goes.
    """
    s, e = span
    if s >= e:  # nothing to trim (a reading at the clause's edge): what the steps below give an empty span
        return None if _EMPTY_IS_NONE else (s, e)
    counts: dict[str, int] = {}  # bracket counts in [s, e), taken once, the first time an edge is a bracket
    while s < e:
        was = (s, e)
        if (m := _LEAD_RE.match(text, s, e)) is not None:
            s = m.end()
        if (m := ENUM_HEAD.match(text, s, e)) is not None:
            s = m.end()
        if s < e and (m := _ENUM_TAIL.search(text, max(s, e - 4), e)) is not None and m.end() == e:
            e = m.start()
        while s < e and (text[e - 1] in _PUNCT or text[e - 1] in _OPENERS):
            e -= 1  # 秋季学期第11周(2021.11.15…: the bracket opens the date, not the task
        if text.endswith(_TRAIL, s, e):
            e -= next(len(w) for w in _TRAIL if text.endswith(w, s, e))
        if s < e and (text[s] in _OPENERS or text[s] in _CLOSERS or text[e - 1] in _CLOSERS):
            counts = counts or {c: text.count(c, s, e) for c in (*_OPENERS, *_CLOSERS)}
            if text[s] in _OPENERS and counts[_OPENERS[text[s]]] == 0:
                counts[text[s]] -= 1  # an opening “ or ( whose partner is outside the span
                s += 1
            elif text[s] in _CLOSERS and counts[_CLOSERS[text[s]]] == 0:
                counts[text[s]] -= 1  # …(9月13日) 2.老生开始上课: the ) closes the bracket before the span
                s += 1
            if s < e and text[e - 1] in _CLOSERS and counts[_CLOSERS[text[e - 1]]] == 0:
                counts[text[e - 1]] -= 1
                e -= 1
        if (s, e) == was:
            break
    if verbs and text.startswith(_VERBS, s, e):
        verb = next(v for v in _VERBS if text.startswith(v, s, e))
        return trim(text, (s + len(verb), e), verbs=False)
    if e - s <= 3 and (text[s:e] in lx.SCOPE_EMPTY or text[s:e] in lx.LIST_JOINERS):
        return None  # 全面完成 leaves nothing; 和 between two dates is no task
    return (s, e)


def _is_label_candidate(item: Item) -> bool:
    p = item.parse
    return isinstance(p, DeadlineP) and p.cue is None and not p.by and p.when.edge is None


def place(text: str, items: list[Item], *, continue_clauses: bool = True) -> list[Placed]:
    seps = [m.start() for m in _SEPARATOR.finditer(text)]
    bounds = list(zip([0] + [s + 1 for s in seps], [*seps, len(text)], strict=True))

    def clause(pos: int) -> int:
        return bisect.bisect_right(seps, pos - 1) if seps else 0

    times = _without_objects(text, _framing_years(text, _shared_tails(text, _without_superseded(
        text, [it for it in items if not isinstance(it.parse, MarkerP)]))))
    times = _named_by_holidays(text, _yearly_over_list(text, _rhythm_after(text, _dated_rhythm(text, times))))
    for join in (_lunar_with_day, _labelled_window, _after_rest_until, _length_noted, _spent_from_start,
                 _bounded_recurrence):
        times = _pairs_joined(text, times, join)
    times = _without_standards(text, times)
    _mark_either(text, times)
    times = _recurrence_after_deadline(text, times)
    _mark_breakdowns(text, times)
    markers = [it for it in items if isinstance(it.parse, MarkerP)]
    for k, placed in enumerate(times):
        c, c_end = clause(placed.item.start), clause(placed.item.end - 1)  # a reading may span a comma
        prev = times[k - 1].item.end if k and clause(times[k - 1].item.end - 1) == c else bounds[c][0]
        nxt = times[k + 1].item.start if k + 1 < len(times) and clause(times[k + 1].item.start) == c_end \
            else bounds[c_end][1]
        if k + 1 < len(times) and (lab := times[k + 1].label) is not None and placed.item.end <= lab[0] < nxt:
            nxt = lab[0]  # 2024年完成春节6月15日…: the holiday naming the next days is no part of this task
        _place_one(text, placed, (prev, placed.item.start), (placed.item.end, nxt))
        if placed.label is not None and placed.scope is not None:
            placed.scope = _without_label(text, placed.scope, placed.label)
        if c and placed.anchor is None and _bare_offset(text, placed, prev):
            placed.anchor = _event_clause(text, bounds[c - 1])
        elif placed.anchor is None and (event := _event_before(text, placed, prev)) is not None:
            placed.anchor, placed.scope = event, trim(text, (placed.item.end, nxt))
        if isinstance(placed.item.parse, RecurP):
            m = _COUNT.search(text, placed.item.end, min(bounds[c][1], placed.item.end + _COUNT_REACH))
            placed.count_min = int(m.group(1) or m.group(2)) if m else None
            if (own := _PER_TIMES.match(text, placed.item.start)) and text.endswith(_AT_LEAST, 0, placed.item.start):
                placed.count_min = int(own.group(1))  # 不少于1次/年: the count is the reading's own
    _after_trigger(text, times)
    _give_labels(text, times)
    if continue_clauses:
        _continue_clauses(text, times, bounds)
    _season_labels(text, times)
    alone = _attach_markers(text, times, markers, clause)
    if alone:  # 及时公开 · 并及时告知纳税人: the action it asks for is its scope, as a time's is — up to the next
        # reading or marker (bisected: 及时 written a thousand times in one clause stays linear)
        starts_all = sorted(p.item.start for p in times + alone)
        ends_all = sorted(p.item.end for p in times + alone)
        for placed in alone:
            s, e = bounds[clause(placed.item.start)]
            k = bisect.bisect_left(starts_all, placed.item.end)
            e = min(e, starts_all[k]) if k < len(starts_all) else e
            k = bisect.bisect_right(ends_all, placed.item.start)
            s = max(s, ends_all[k - 1]) if k else s
            placed.scope = trim(text, (placed.item.end, e)) or trim(text, (s, placed.item.start))
    return sorted(times + alone, key=lambda p: p.item.start) if alone else times  # times are in text order


def _without_label(text: str, scope: Span, label: Span) -> Span | None:
    """The scope with the label's words cut out (10月1日-7日国庆节放假: the task is 放假, 国庆节 names the days)."""
    if label[1] <= scope[0] or scope[1] <= label[0]:
        return scope
    if label[0] <= scope[0]:
        return trim(text, (max(scope[0], label[1]), scope[1]))
    return trim(text, (scope[0], label[0]))


def _holiday_of(p: object) -> str | None:
    """The holiday a bare holiday reading names (春节 · 春节假期), else None."""
    if isinstance(p, DeadlineP) and p.cue is None and not p.by and p.when.holiday and p.when.day is None:
        return p.when.holiday
    if isinstance(p, RangeP) and p.end_cue in ("during", "around") and p.start.holiday and p.start == p.end:
        return p.start.holiday  # (清明节前后（4月1日—4月7日）: the days written are the ones meant)
    return None


def _dated(p: object) -> bool:
    """A reading that names its days (2月10日至17日, 10月1日) — what a holiday beside it may name."""
    if isinstance(p, RangeP):
        return p.start.day is not None and p.end.day is not None and not p.start.holiday
    return isinstance(p, DeadlineP) and p.when.day is not None and not p.when.holiday


def _named_by_holidays(text: str, times: list[Placed]) -> list[Placed]:
    """春节：2月10日至17日放假 · 10月1日-7日国庆节放假 · (2月9日-15日春节假期) · 春节假期（2月10日至17日）: a holiday
    written next to the days it falls on names them, it is no second reading: the days carry the label and
    ``holiday:<name>``."""
    out: list[Placed] = []
    k = 0
    while k < len(times):
        here, nxt = times[k], times[k + 1] if k + 1 < len(times) else None
        if nxt is not None:
            between = text[here.item.end:nxt.item.start].strip()
            name_first = _holiday_of(here.item.parse)
            if name_first and _dated(nxt.item.parse) and between in ("", ":", "("):
                nxt.label, nxt.flags = (here.item.start, here.item.end), [*nxt.flags, f"holiday:{name_first}"]
                nxt.item = _with_year_of(here.item.parse, nxt.item)  # 2025年春节假期(1月28日至2月4日): 2025
                out.append(nxt)
                k += 2
                continue
            name_after = _holiday_of(nxt.item.parse)
            if name_after and _dated(here.item.parse) and between == "":
                here.label, here.flags = (nxt.item.start, nxt.item.end), [*here.flags, f"holiday:{name_after}"]
                out.append(here)
                k += 2
                continue
        out.append(here)
        k += 1
    return out


def _after_named_year(obj: Item, item: Item) -> Item:
    """2024年度工作总结于次年1月10日前报送: 次年 is the year after the one the work is named by (2025)."""
    p, named = item.parse, obj.parse
    if isinstance(p, DeadlineP) and p.when.after_named and p.when.rel_year is not None \
            and isinstance(named, DeadlineP) and named.when.year is not None:
        when = replace(p.when, year=named.when.year + p.when.rel_year, rel_year=None, after_named=False)
        return Item(replace(p, when=when), item.start, item.end)
    return item


def _with_year_of(named: object, item: Item) -> Item:
    """The dated item, given the year written with the holiday before it when it has none of its own."""
    year = named.when.year if isinstance(named, DeadlineP) else named.start.year if isinstance(named, RangeP) \
        else None
    p = item.parse
    if year is None:
        return item
    if isinstance(p, RangeP) and p.start.year is None:
        return Item(replace(p, start=replace(p.start, year=year)), item.start, item.end)
    if isinstance(p, DeadlineP) and p.when.year is None:
        return Item(replace(p, when=replace(p.when, year=year)), item.start, item.end)
    return item


# 2023年12月底前（已延期至2024年6月底） · 原定2024年3月底，调整为2024年6月底: the first date is no longer due
# (5月征期延长至5月22日 · 1月纳税申报期限延长至1月22日: the period's name before the move)
_SUPERSEDED = compiled(r"(?:前?完成|[\u4e00-\u9fff]{0,6}?(?:期|期限|时间|时限|日期))?[\s(,]*(?:现|已|经批准|经同意)?"
                       r"(?:申请|报请|报批)?(?:并?(?:获批|批准))?(?:延期|推迟|延长|调整|变更|顺延|延后)(?:至|到|为)?\s*$")


def _shared_tails(text: str, items: list[Item]) -> list[Item]:
    """2025年和2026年6月底前 · 2024年、2025年12月31日前: years listed before one date share its month, day and cue —
    a date each, not a bare year beside the last."""
    out = list(items)
    for k in range(len(out) - 2, -1, -1):
        p, q = out[k].parse, out[k + 1].parse
        w = _plain_period(p)
        if w is None or w.year is None or w.month is not None or w.quarter is not None or w.half is not None \
                or w.rel_period is not None or not isinstance(q, DeadlineP) or q.after is not None \
                or q.when.year is None or q.when.month is None or q.when.year <= w.year \
                or text[out[k].end:out[k + 1].start] not in lx.LIST_JOINERS:
            continue
        out[k] = Item(replace(q, when=replace(q.when, year=w.year)), out[k].start, out[k].end)
    return out


def _without_superseded(text: str, items: list[Item]) -> list[Item]:
    """A date the text then moves (…（已延期至…） · …，调整为…) is no deadline: the date it moves to is, read over
    the words of both (the old date is never left in a scope)."""
    out: list[Item] = []
    for it in items:
        last = out[-1] if out else None
        if last is not None and isinstance(last.parse, DeadlineP) and isinstance(it.parse, DeadlineP) \
                and _SUPERSEDED.fullmatch(text, last.end, it.start) is not None:
            out[-1] = _with_year_of(last.parse, Item(it.parse, last.start, it.end))  # (its year, when it has none)
        else:
            out.append(it)
    return out


# What may stand between a year that frames a cell and the date it frames: who does it, where, a modal (市直部门 ·
# ，各地要于 · （市本级） · 省级试点地区) — no digit, no sentence end, at most one clause mark
_FRAME_GAP = compiled(r"(?:[^\d。;\n]|第\d{1,2}[批轮期])*")  # (第一批 folds to 第1批: a batch, no time)


def _plain_period(p: object) -> When | None:
    """The period a reading names with nothing said of it: no cue, no 到 / 截至, no edge, no offset, no holiday, not
    counted from the document (2024年 · 2024年下半年 · 4月 · 下1年度), else None."""
    if not isinstance(p, DeadlineP) or p.cue is not None or p.by or p.after is not None:
        return None
    w = p.when
    plain = w.edge is None and w.holiday is None and w.day is None and w.xun is None and not w.cumulative
    return w if plain else None


def _framing_years(text: str, items: list[Item]) -> list[Item]:
    """2024年市直部门9月底前完成 · 2024年，各地要于6月底前完成排查 · 2024年：6月底前完成方案，12月底前完成建设: a year
    heading its clause, then who does it, then a date without a year, is that date's year, not a deadline of its own
    (its 12-31 was the first part, the one a ledger's due column shows). The date takes the year (a recurrence
    is bounded by it, as 2024年，各县区每季度末 is); the dates after it carry it on, as a year written with the
    first date is carried. A year followed by its own action (2024年完成方案，6月底前…) stays a reading, as does
    one naming the work (2024年工作总结6月底前报送: ``_without_objects``)."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        framed = _framed(text, items[k], items[k + 1], out[-1].end if out else 0) if k + 1 < len(items) else None
        if framed is None:
            out.append(items[k])
            k += 1
        else:
            out.append(framed)
            k += 2
    return out


def _framed(text: str, first: Item, second: Item, prev_end: int) -> Item | None:
    """``second`` given the year ``first`` frames it with (see ``_framing_years``), else None."""
    p, q = first.parse, second.parse
    if (headed := _headed(text, first, second, prev_end)) is not None:
        return headed
    w = _plain_period(p)
    if w is None and isinstance(p, DeadlineP) and p.cue == "within" and not p.by and p.after is None \
            and first.end == second.start:
        w = p.when  # 2024年内6月底前: within 2024, by the end of June — that June
    if w is None or w.year is None or w.month is not None or w.quarter is not None or w.half is not None \
            or w.rel_period is not None:
        return None  # (a written year alone frames)
    gap = text[first.end:second.start]
    if len(gap) > 16:
        return None
    before = text[prev_end:first.start]
    if (before.strip() and not _heads_clause(text, prev_end, first.start)) or not _FRAME_GAP.fullmatch(gap) \
            or sum(gap.count(c) for c in lx.CLAUSE_SEPARATORS) > 1 \
            or (any(v in gap for v in lx.ACTION_VERBS)
                and (not gap.rstrip(" \u3000").endswith(":") or gap.lstrip(" \u3000,").startswith(lx.ACTION_VERBS))) \
            or _names_the_work(text, first):  # (2024年初中学业水平考试：6月20日—22日: a label, then its days)
        return None
    if isinstance(q, OngoingP) and q.word and q.from_ref and q.until is None and not gap.strip(" ,:"):
        # 2024年，持续推进: on through that year (from its start, not from the document's day)
        return Item(replace(q, start=w, from_ref=False, until=w), first.start, second.end)
    if isinstance(q, RecurP):
        period = _bounding_period(p)
        if period is None or q.since is not None or q.until is not None or q.period == "irregular" \
                or lx.PERIODS[q.period][2] >= _GRAIN_MONTHS[period.grain]:
            return None
        return Item(replace(q, since=period, until=period), first.start, second.end)
    if (isinstance(q, DeadlineP) and q.when.year is None and q.when.rel_year is None and q.when.rel_period is None
            and (q.when.month is not None or q.when.quarter is not None or q.when.half is not None
                 or q.when.holiday is not None)) \
            or (isinstance(q, RangeP) and q.start.year is None and q.start.rel_year is None
                and q.start.month is not None):
        return _with_year_of(p, Item(q, first.start, second.end))
    return None


def _headed(text: str, first: Item, second: Item, prev_end: int) -> Item | None:
    """2024年下半年征兵：8月1日至9月30日 · 4月申报纳税期限：4月1日—4月18日 · 2024年第三季度：7月15日前完成招标 · 6月份：
    6月10日前完成验收: a half, a quarter or a month heading its clause, then a label and a colon (or a bracket), then
    a date inside it — the period is the heading of the date, not a deadline of its own (its last day was a part
    the ledger showed)."""
    p, q = first.parse, second.parse
    head = _plain_period(p)
    if head is None or head.rel_period is not None or not (head.half or head.quarter or head.month):
        return None
    gap = text[first.end:second.start]
    before = text[prev_end:first.start]
    if len(gap) > 16 or not gap.rstrip(" ").endswith((":", "(", "为")) or any(c.isdigit() for c in gap) \
            or (before.strip() and not _heads_clause(text, prev_end, first.start)):
        return None
    inner = [q.when] if isinstance(q, DeadlineP) else [q.start, q.end] if isinstance(q, RangeP) else []
    if not inner or any(w.month not in head.months or (w.year is not None and w.year != head.year) for w in inner) \
            or (isinstance(q, DeadlineP) and q.when.day is None and q.when.xun is None):
        return None
    return _with_year_of(p, Item(q, first.start, second.end))


# Between a rhythm and the dates it falls on: a count (and its verb), a bracket or a colon, 分别于 (每半年（6月底、
# 12月底前） · 每年两次，分别在5月和10月 · 每年：6月底前、12月底前 · 每月一次，每月25日前); between the dates,
# a list joiner
_RHYTHM_GAP = compiled(r"[\s(:,]*(?:[\u4e00-\u9fff]{0,4}?(?:[1-9]|一|两|二)次|首次[\u4e00-\u9fff]{0,4}?)?[\s(:,]*"
                       r"(?:分别|均)?(?:[\u4e00-\u9fff]{0,4}?(?:时间|日期|时限)(?:为|是|:))?"  # 具体时间为
                       r"(?:原则上|一般|力争|争取)?(?:于|在|为|是)?[\s:]*")  # (每年开展1次，原则上在第三季度)
_RHYTHM_JOIN = compiled(r"\s*(?:[、,和及与]|以及)\s*")
_VERB_GAP = compiled(r"[\u4e00-\u9fff]{0,4}[\s,:]*")
_PER_YEAR = {"年": 0, "半年": 2, "季度": 4}  # how many dates a year a rhythm's list must give (0: any)


def _dated_rhythm(text: str, times: list[Placed]) -> list[Placed]:
    """每半年（6月底、12月底前） · 每季度开展一次，分别于3月、6月、9月、12月底前完成 · 每年（1月、7月） ·
    每月一次，每月25日前:
    a rhythm with no day of its own and the dates it falls on, right after it, are one rule on those dates — not a
    rule due on each period's first day beside deadlines of the plan's year only. The dates must be as many a year
    as the rhythm says (two for 每半年, four for 每季度) and share their day (the last one's closes the list: 3月、6月
    和12月底前); a rule after it with its day (每月25日前) is that rule."""
    out: list[Placed] = []
    k = 0
    while k < len(times):
        here = times[k]
        r = here.item.parse
        q = times[k + 1].item.parse if k + 1 < len(times) else None
        # (按月报送，每月底前: the same rhythm again with its day, after the verb of the first)
        same = isinstance(q, RecurP) and isinstance(r, RecurP) and q.period == r.period and not _bare_rhythm(q) \
            and q.since is None and _VERB_GAP.fullmatch(text, here.item.end, times[k + 1].item.start) is not None
        if not (isinstance(r, RecurP) and q is not None and _bare_rhythm(r)
                and (same or _RHYTHM_GAP.fullmatch(text, here.item.end, times[k + 1].item.start))):
            out.append(here)
            k += 1
            continue
        if isinstance(q, RecurP) and q.period == r.period and not _bare_rhythm(q) and q.since is None:
            # (自2024年起每月一次，每月25日前: the rule keeps the start and the end written with the rhythm)
            q = replace(q, since=r.since, until=q.until or r.until, after=q.after or r.after)
            out.append(Placed(Item(q, here.item.start, times[k + 1].item.end),
                              flags=[*here.flags, *times[k + 1].flags]))
            k += 2
            continue
        j = k + 1
        while j < len(times) and isinstance(times[j].item.parse, DeadlineP) \
                and (j == k + 1 or _RHYTHM_JOIN.fullmatch(text, times[j - 1].item.end, times[j].item.start)):
            j += 1
        rules = _rhythm_on(r, [m.item.parse for m in times[k + 1:j]])
        if rules is None:
            out.append(here)
            k += 1
            continue
        out.extend(_placed_rules(rules, times[k:j]))
        k = j
    return out


def _rhythm_after(text: str, times: list[Placed]) -> list[Placed]:
    """每年12月（一年一次） · 6月30日、12月31日（每年）: the rhythm in brackets after what it dates — a dated rule
    of the same rhythm is that rule; yearless dates before a bare 每年 are each year's."""
    out: list[Placed] = []
    for here in times:
        r = here.item.parse
        if not (isinstance(r, RecurP) and out and _bare_rhythm(r) and _BRACKETED_RHYTHM.fullmatch(
                text, out[-1].item.end, here.item.start) and text.startswith(")", here.item.end)):
            out.append(here)
            continue
        before = out[-1].item.parse
        if isinstance(before, RecurP) and before.period == r.period and not _bare_rhythm(before):
            out[-1].item = Item(before, out[-1].item.start, here.item.end)  # 每年12月（一年一次）
            continue
        k = len(out)
        while k > 0 and isinstance(out[k - 1].item.parse, DeadlineP) and (
                k == len(out) or _RHYTHM_JOIN.fullmatch(text, out[k - 1].item.end, out[k].item.start)):
            k -= 1
        rules = _rhythm_on(r, [m.item.parse for m in out[k:]]) if k < len(out) else None
        if rules is None:
            out.append(here)
            continue
        out[k:] = _placed_rules(rules, [*out[k:], here])
    return out


def _placed_rules(rules: list[RecurP], pieces: list[Placed]) -> list[Placed]:
    """The rules a rhythm and its dates make, over the pieces they were read from: one rule over all of them, or
    one a date, the first and last taking the rhythm's words on either side."""
    flags = [f for m in pieces for f in m.flags]
    first, last = pieces[0].item.start, pieces[-1].item.end
    if len(rules) == 1:
        return [Placed(Item(rules[0], first, last), flags=flags)]
    dates = [m for m in pieces if isinstance(m.item.parse, DeadlineP)]
    return [Placed(Item(rule, first if k == 0 else m.item.start, last if k == len(dates) - 1 else m.item.end),
                   flags=[*m.flags])
            for k, (rule, m) in enumerate(zip(rules, dates, strict=True))]


_BRACKETED_RHYTHM = compiled(r"\s*\(\s*")


def _bare_rhythm(r: RecurP) -> bool:
    return r.period in ("年", "半年", "季度", "月") and not r.bymonth and r.bymonthday is None and not r.byweekday \
        and not r.holiday and r.workday is None and r.workdays_before is None and r.interval == 1 and not r.vague


def _rhythm_on(r: RecurP, parses: list[object]) -> list[RecurP] | None:
    """The yearly rule on ``dates`` that rhythm ``r`` falls on (see ``_dated_rhythm``), else None: one rule, or
    one a date when the dates of a yearly rhythm fall on different days of their months."""
    dates = [d for d in parses if isinstance(d, DeadlineP)]  # (the callers gather only deadlines)
    if not dates or r.period not in _PER_YEAR or (_PER_YEAR[r.period] and len(dates) != _PER_YEAR[r.period]) \
            or any(d.by or d.after is not None or d.cue not in (None, "before", "end-before") for d in dates):
        return None
    whens = [d.when for d in dates]
    last_day = day_in_month(whens[-1]) if whens[-1].month is not None else None
    if last_day is not None and all(w.month is not None and day_in_month(w) is None for w in whens[:-1]):
        whens = [*(replace(w, day=last_day) if last_day > 0 else replace(w, edge="end") for w in whens[:-1]),
                 whens[-1]]  # 3月、6月、9月、12月底前: the last one's day closes the list
    found = [yearly_at(RecurP(period="年", since=r.since, until=r.until, after=r.after), w) for w in whens]
    yearly = [y for y in found if y is not None]
    months = tuple(sorted({m for y in yearly for m in y.bymonth}))
    if len(yearly) != len(found) or len(months) != len(yearly) \
            or (r.period != "年" and not _evenly_spaced(months, r.period)):
        return None
    if len({y.bymonthday for y in yearly}) != 1:
        # 6月30日、12月31日（每年）: each date its own yearly rule (no one day of the month is every one's)
        return yearly if r.period == "年" else None
    return [replace(yearly[0], bymonth=months)]


def _evenly_spaced(months: tuple[int, ...], period: str) -> bool:
    """Half-yearly dates six months apart, quarterly ones three: one in each period (6月、12月 · 3、6、9、12月)."""
    step = 6 if period == "半年" else 3
    return all(b - a == step for a, b in itertools.pairwise(months))


# 2023年11月底前未完成的 · 截至2023年底尚未整改的 · 6月底前未办结的: a date that says which work is left over
_UNDONE = compiled(r"(?:以前|之前)?(?:仍|尚|还)?未[\u4e00-\u9fff]{1,4}?的")


def _verbs_object(text: str, it: Item, between: str) -> bool:
    """6月底前完成2024—2026年规划编制 · 10月底前启动2025年度招生 · 6月底前完成2023年度及以前年度的清理: a year (or a
    span of years) right after the verb of a reading before it, and before the noun it names, is the work that
    verb takes — no second deadline."""
    p = it.parse
    # (a year, 下1年度, 上月, 4月: a whole period; 缴纳上月税款 · 下达下一年度预算控制数 · 缴纳4月税款)
    w = _plain_period(p)
    years = (w is not None and (w.year is not None or w.rel_year is not None or w.rel_period == "月"
                                or w.month is not None)) or (isinstance(p, RangeP) and p.end_cue == "years")
    rest = text[it.end:it.end + 8]
    if rest.startswith("年度") and rest[2:].startswith(lx.REPORTED_WORK):
        rest = rest[2:]  # 提交2018年年度工作报告: 年度 repeats the year before the work it names
    if years and between.rstrip().endswith(("将", "把")) and rest.startswith(lx.REPORTED_WORK):
        return True  # 每月5日前将上月工作进展报市专班: 将 takes the period's work as its object
    if not years or not between.endswith(lx.ACTION_VERBS):
        return False
    if _BATCH.match(rest):
        return True  # 6月底前完成2024年第一批次项目验收 (第 after a year is most often its quarter or month)
    # (not 6月底前完成|2025年全面推广: a line of its own, run into the one before when the break is folded away —
    # a verb, an adverb or a cue after the year makes it a time)
    return "\u4e00" <= rest[:1] <= "\u9fff" and rest[0] not in _NOT_A_NOUN \
        and not rest.startswith((*lx.YEAR_NOT_OBJECT, *lx.HEDGES)) \
        and not (rest.startswith(lx.ACTION_OR_TASK_VERBS) and not rest.startswith(lx.ATTRIBUTE_VERBS))


_BATCH = compiled(r"第\d{1,2}(?:批|轮)")
_NOT_A_NOUN = "止至到之期完"  # a cue after the year (lx.YEAR_NOT_OBJECT has the rest): it is a time, not a name


def _yearly_over_list(text: str, times: list[Placed]) -> list[Placed]:
    """每年6月底前、12月底前 · 每年1月底前报送总结，7月底前报送计划 · 每年一季度部署，四季度考核: 每年 governs every
    date after it in its sentence that names no year of its own — each is a yearly rule, not a deadline of the
    plan's year only (after that year the ledger would have nothing due for it). A date with a year, or another
    kind of reading, ends the list."""
    for k, here in enumerate(times):
        recur = here.item.parse
        if not isinstance(recur, RecurP) or recur.period != "年" or not recur.bymonth:
            continue
        last = here.item.end
        for nxt in times[k + 1:]:
            q = nxt.item.parse
            if _YEARLY_LIST_END.search(text, last, nxt.item.start) or not isinstance(q, DeadlineP) \
                    or q.by or q.after is not None or q.cue not in (None, "before", "end-before") \
                    or (yearly := yearly_at(recur, q.when)) is None:
                break
            nxt.item = Item(yearly, nxt.item.start, nxt.item.end)
            last = nxt.item.end
    return times


_YEARLY_LIST_END = compiled("[。\n]")


# A ledger's note of when the work was done: 已于2月完成 · 实际于10月完成 · 实际完成时间：7月 · 3月已完成
# (not 结合实际于6月底前完成: 实际 there is "the local situation")
_DONE_BEFORE = compiled(r"(?:已经?|(?<!结合)(?<!联系)(?<!切合)(?<!根据)(?<!立足)实际)(?:于|在)?\s*$")
_DONE_LABEL = compiled(r"实际(?:完成|办结)(?:时间|日期)(?:为|是)?:?\s*$")  # (a field of its own: past a ；)
_DONE_AFTER = compiled(r"\s*(?:均已|全部已|已经?全部|已经?)(?:整改|办理)?"
                       r"(?:完成|办结|到位|完工|竣工|启动|开工|实施|开展)")
# 截至2月底完成15% · 截至3月底累计完成40%: how far the work had got by then (a percentage after an as-of date)
_AS_OF = compiled(r"截至\s*$")
_PROGRESS = compiled(r"\s*(?:累计)?已?(?:完成|达到)[^\d,;。]{0,6}\d+(?:\.\d+)?%")


def _done_note(text: str, it: Item, *, sentence: bool) -> bool:
    """Whether ``it`` is a ledger's note of when the work was done (in the sentence of the reading before it, or
    in a field labelled so): a date or a span, never a rhythm."""
    if not isinstance(it.parse, (DeadlineP, RangeP)):
        return False
    if _DONE_LABEL.search(text, max(0, it.start - 10), it.start) is not None:
        return True
    return sentence and (_DONE_BEFORE.search(text, max(0, it.start - 4), it.start) is not None
                         or _DONE_AFTER.match(text, it.end) is not None
                         or ((text.startswith("截至", it.start)
                              or _AS_OF.search(text, max(0, it.start - 3), it.start) is not None)
                             and _PROGRESS.match(text, it.end) is not None
                             and not (isinstance(it.parse, DeadlineP) and it.parse.cue in ("before", "end-before"))))


# A date that says which units a rule applies to: …以前(经…)登记成立的 · …及以后注册成立的 · …前经我局核准登记的
_QUALIFIER = compiled(r"(?:及以后|以后|之后|及以前)?[^,;。:\d]{0,12}?(?:成立|登记|注册|设立|开办|入库|核准)的")
QUALIFIER_REASON = "the date says which units are meant (…成立的 / …登记的), not when anything is due"


def _without_objects(text: str, items: list[Item]) -> list[Placed]:
    """每年6月底前报送上半年工作情况: 上半年 is the work reported on, not a second deadline.

    A bare period (no cue) after another reading and a reporting verb in its clause, and before the thing
    reported (工作情况, 总结, 计划…), is no reading of its own: the reading before it carries the flag
    ``object:<words>``, so the time word left in its scope is named, never silent.
    """
    out: list[Placed] = []
    prev_end = 0
    pending: list[Item] = []  # years naming the work, seen before the reading that says when it is due
    done: list[Item] = []  # notes of work done, seen before the reading that says when the rest is due
    for k, it in enumerate(items):
        p = it.parse
        bare = isinstance(p, DeadlineP) and p.cue is None and not p.by and p.when.edge is None and p.after is None
        between = text[prev_end:it.start]
        if bare and out and not _SEPARATOR.search(between) and any(v in between for v in lx.REPORT_VERBS) \
                and text.startswith(lx.REPORTED_WORK, it.end):
            out[-1].flags.append(f"object:{text[it.start:it.end]}")
            continue
        if isinstance(p, DeadlineP) and p.when.year is not None and _QUALIFIER.match(text, it.end) is not None:
            # 2023年6月30日以前登记成立的社会团体 · 2023年10月1日及以后注册成立的单位: which units, not a deadline
            others = [o for o in items if o is not it and not _ends_sentence(text, min(o.end, it.end),
                                                                            max(o.start, it.start))]
            if others:
                pending.append(it)  # named on the reading of its sentence, as a year naming the work is
            else:
                out.append(Placed(Item(MissingP(QUALIFIER_REASON), it.start, it.end)))
            continue
        if out and isinstance(p, RelativeP) and p.value < 0 and not _SEPARATOR.search(between) \
                and text.startswith(("的", *lx.REPORTED_WORK), it.end):
            # 每日上午9时前报送前一日数据: the day before is the data reported, not a count back from the report
            out[-1].flags.append(f"object:{text[it.start:it.end]}")
            continue
        if out and _done_note(text, it, sentence=not _ends_sentence(text, out[-1].item.end, it.start)):
            # 2024年3月底前（已于2月完成） · 完成时限2024年8月底，实际完成时间2024年7月: when it was done, not due
            out[-1].flags.append(f"done:{text[it.start:it.end]}")
            continue
        if not out and k + 1 < len(items) and not _ends_sentence(text, it.end, items[k + 1].start) \
                and _done_note(text, it, sentence=True):
            done.append(it)  # 已于2024年1月完成，长期坚持 · 已于2月启动，8月底前完成: the reading after it carries it
            continue
        if out and not _SEPARATOR.search(between) and _verbs_object(text, it, between):
            out[-1].flags.append(f"object:{text[it.start:it.end]}")
            continue
        if k + 1 < len(items) and not _ends_sentence(text, it.end, items[k + 1].start) and (
                _UNDONE.match(text, it.end) is not None or (isinstance(p, RangeP) and _names_the_work(text, it))):
            # 2023年11月底前未完成的事项，于2024年3月底前完成 · 对2021年至2023年实施的项目…: which work, not when
            pending.append(it)
            continue
        if bare and isinstance(p, DeadlineP) and p.when.month is not None and p.when.day is None \
                and p.when.xun is None and k + 1 < len(items) and text.startswith(lx.REPORTED_WORK, it.end) \
                and not _SEPARATOR.search(text, it.end, items[k + 1].start) \
                and text[it.end:items[k + 1].start].rstrip().endswith(("于", "在", "将")):
            pending.append(it)  # 3月份考核结果于4月10日前公布: the month's results, published by the date after
            continue
        # 全年 · 上半年 · 第一季度 before the report on it (a day or a month before 总结 is when it is written)
        period = (isinstance(p, OngoingP) and p.whole_year) or (bare and isinstance(p, DeadlineP) and (
            p.when.half is not None or p.when.quarter is not None) and p.when.month is None)
        if (bare or period) and len(items) > 1 and ((period and _REPORTED_PERIOD.match(text, it.end) is not None)
                                                    or (bare and _names_the_work(text, it))):
            if out and (_heads_clause(text, prev_end, it.start) or _next_step(text, prev_end, it.start)):
                if period and isinstance(p, DeadlineP) \
                        and not (k + 1 < len(items) and not _SEPARATOR.search(text, it.end, items[k + 1].start)):
                    # 三季度开展督查，四季度总结: a step of its own (a period heading its clause, no other time in it)
                    out.append(Placed(it))
                    prev_end = it.end
                    continue
                if k + 1 < len(items) and not _SEPARATOR.search(text, it.end, items[k + 1].start):
                    pending.append(it)  # …，上半年工作总结于7月10日前报送: the reading after it, in its clause
                    continue
            if out and not _ends_sentence(text, out[-1].item.end, it.start):
                out[-1].flags.append(f"object:{text[it.start:it.end]}")
            else:
                pending.append(it)
            continue
        here = Placed(it)
        for obj in pending:  # 2023年度工作总结于2024年1月底前报送: the reading after it, in its sentence, carries it
            if _ends_sentence(text, obj.end, it.start):
                out.append(Placed(obj))  # no reading of its sentence says when: the year stays a reading
            else:
                here.flags.append(f"object:{text[obj.start:obj.end]}")
                here.item = _after_named_year(obj, here.item)
        here.flags.extend(f"done:{text[d.start:d.end]}" for d in done)
        out.append(here)
        pending, done = [], []
        prev_end = it.end
    out.extend(Placed(obj) for obj in pending)  # never dropped without a reading that names it
    if len(out) == 1 and len(items) == 1 and _done_note(text, items[0], sentence=True):
        out[0].flags.append("ambiguous:done")  # 已于3月完成 alone: when it was done; when it was due, the cell omits
    return out


def _without_standards(text: str, times: list[Placed]) -> list[Placed]:
    """实现企业开办1个工作日办结，2024年6月底前 · 2024年底前建成24小时自助服务区: a duration that is the standard
    the task sets up (lexicon.STANDARD_BEFORE / STANDARD_AFTER) is no second time limit when the cell has a dated
    reading — that reading carries ``object:<words>``. Alone in its cell (1个工作日内办结) it stays a limit."""
    dated = [p for p in times if not isinstance(p.item.parse, (RelativeP, TriggerP))]
    if not dated or len(dated) == len(times):
        return times
    out = []
    for placed in times:
        p = placed.item.parse
        # (a dated reading of its own sentence: extract reads a sentence as the whole text would)
        mine = [d for d in dated if not _ends_sentence(text, min(d.item.end, placed.item.end),
                                                         max(d.item.start, placed.item.start))]
        if mine and isinstance(p, RelativeP) and p.anchor is None \
                and not (p.anchor_ref or p.wants_anchor or p.after_step) and p.anchor_when is None \
                and p.or_month is None \
                and (_sets_standard(text, placed.item) or any(_under_goal(text, placed.item, d.item) for d in mine)):
            near = min(mine, key=lambda d: abs(d.item.start - placed.item.start))
            near.flags.append(f"object:{text[placed.item.start:placed.item.end]}")
            continue
        out.append(placed)
    return out


_GOAL = compiled(r"(?:实现|建成|做到)")
_METRIC = compiled(r"(?:(?:时间|时长|用时)(?:不超过|压缩至|压减至|控制在|缩短至)?"
                   r"|时限(?:压缩至|压减至|控制在|缩短至))$")


def _under_goal(text: str, duration: Item, goal: Item) -> bool:
    """不动产登记5个工作日内办结，2024年9月底前实现 · 6月底前实现…，低压办电…15个工作日: a duration before a date by
    which a standard is to be reached (…前实现 · …前建成), or in that date's own clause, is the standard — not one
    written with 于 / 在 after it (2024年底前实现…，并于10日内报送: when the report is due)."""
    if not (_GOAL.match(text, goal.end) or _GOAL.match(text, goal.end + 1)) or text.endswith(("于", "在"), 0,
                                                                                           duration.start):
        return False
    verb = goal.end + (0 if _GOAL.match(text, goal.end) else 1)  # (9月底前，实现…: the verb after a comma)
    return duration.start < goal.start or not _SEPARATOR.search(text, verb, duration.start)


def _sets_standard(text: str, item: Item) -> bool:
    """The words around a duration make it a standard: a verb of setting one right before it, or 实现 / 做到 earlier in
    its clause (lexicon.STANDARD_BEFORE), what it describes after it (lexicon.STANDARD_AFTER), a rate
    (72小时内办结率), a metric's name before it (办电时间不超过15个工作日), or hours with no 内 before a noun
    (24小时城市书房). Never after
    于 / 在, which make it when the task is done (并于15日内完成整改)."""
    start = item.start
    if text.endswith(("于", "在"), 0, start):
        return False
    if "率" in text[item.end:item.end + 3] or _METRIC.search(text, max(0, start - 8), start) is not None:
        return True
    if text.endswith("小时", 0, item.end) and "\u4e00" <= text[item.end:item.end + 1] <= "\u9fff" \
            and not text.startswith(("内", "以内", "之内", "后", "前", *lx.ACTION_OR_TASK_VERBS), item.end) \
            and not text.endswith(("超过", "最迟", "最长", "最多", "不超", "不得"), 0, start):
        return True  # (最迟不超过1个小时完成 · 24小时办结 are limits)
    clause = max(text.rfind(mark, 0, start) for mark in ",。;:") + 1
    before = text[max(clause, start - 12):start]
    return before.endswith(lx.STANDARD_BEFORE) or "实现" in before or "做到" in before \
        or text.startswith(lx.STANDARD_AFTER, item.end)


def _pairs_joined(text: str, times: list[Placed],
                  join: Callable[[str, Placed, Placed], Item | None]) -> list[Placed]:
    """Each two neighbouring readings that ``join`` makes one item become one reading (their flags kept)."""
    out: list[Placed] = []
    k = 0
    while k < len(times):
        here = times[k]
        item = join(text, here, times[k + 1]) if k + 1 < len(times) else None
        if item is None:
            out.append(here)
            k += 1
        else:
            out.append(Placed(item, flags=[*here.flags, *times[k + 1].flags]))
            k += 2
    return out


def _lunar_with_day(text: str, here: Placed, nxt: Placed) -> Item | None:
    """农历腊月廿四(2月5日) · 正月十五（2月24日）: a lunar day with its Gregorian day in brackets is that one day (the
    Gregorian day, its lunar note checked as 2月16日(正月十五)'s is: lunar-mismatch when they disagree)."""
    a, b = here.item.parse, nxt.item.parse
    if not (isinstance(a, DeadlineP) and isinstance(b, DeadlineP) and a.when.lunar is not None
            and a.when.month is None and a.when.lunar[0] is not None and b.when.day is not None
            and b.when.lunar is None and b.after is None and text[here.item.end:nxt.item.start] == "("
            and text.startswith(")", nxt.item.end)):
        return None
    w = replace(b.when, lunar=a.when.lunar, year=b.when.year if b.when.year is not None else a.when.year)
    return Item(replace(b, when=w, cue=b.cue or a.cue, by=a.by or b.by), here.item.start, nxt.item.end + 1)


def _labelled_window(text: str, here: Placed, nxt: Placed) -> Item | None:
    """A day after a start label (开始时间:, 起始日期为) and the next after an end label (结束时间:, 报名截止时间为) are
    the two ends of one window, not two days."""
    first, second = here.item.parse, nxt.item.parse
    # (the end may carry its own 底 / 前: 完成时间：2024年12月底)
    if not (_plain_date(here) and isinstance(first, DeadlineP) and isinstance(second, DeadlineP)
            and second.after is None and second.when.month is not None
            and _START_LABEL.search(text, max(0, here.item.start - 8), here.item.start)
            and _END_LABEL.fullmatch(text, here.item.end, nxt.item.start)):
        return None
    return Item(RangeP(first.when, second.when), here.item.start, nxt.item.end)


_LENGTH_THEN_SPAN = compiled(r"(?:时间)?\(?")  # 用10天时间（6月1日至10日）: the span's bracket may open its token


def _length_noted(text: str, here: Placed, nxt: Placed) -> Item | None:
    """公示期：2024年6月3日—6月7日（5个工作日） · 公示时间：3月1日—3月7日（7天）: a bare count in brackets right after
    a span is a note on its length, not a second reading (an offset from the document). So is the time a task
    is given before the span it names in brackets (用两个月时间（2024年4月—5月）)."""
    a, b = here.item.parse, nxt.item.parse
    if isinstance(a, RelativeP) and a.anchor is None and a.anchor_when is None and isinstance(b, RangeP) \
            and (m := _LENGTH_THEN_SPAN.fullmatch(text, here.item.end, nxt.item.start)) \
            and (m.group().endswith("(") or text.startswith("(", nxt.item.start)) \
            and (text.endswith(")", 0, nxt.item.end) or text.startswith(")", nxt.item.end)):
        return Item(b, here.item.start, nxt.item.end + text.startswith(")", nxt.item.end))
    if not (isinstance(a, RangeP) and isinstance(b, RelativeP) and not b.anchor_ref and b.anchor is None
            and not b.wants_anchor and text[here.item.end:nxt.item.start].strip() == "("
            and text.startswith(")", nxt.item.end)):
        return None
    return Item(a, here.item.start, nxt.item.end + 1)


# 2024年4月起，利用半年时间 · 从2024年5月开始，用3个月时间 · 2024年7月启动，力争用两年时间: what is between a start
# and the time the work is given
_SPEND_GAP = compiled(r"(?:启动|开始|实施|开展|推进)?[,\s]*(?:力争|争取|计划|拟)?利?")


def _spent_from_start(text: str, here: Placed, nxt: Placed) -> Item | None:
    """A start, then the time the work is given (用半年时间): a span from the start's first day that long — not
    work going on from the start beside a limit counted from the document's day."""
    a, b = here.item.parse, nxt.item.parse
    if not (isinstance(b, RelativeP) and b.anchor_ref and b.max is None and b.unit in ("month", "year")):
        return None
    if isinstance(a, OngoingP) and a.start is not None and not a.after and a.until is None and not a.from_ref:
        start = a.start
    elif _plain_date(here) and isinstance(a, DeadlineP) and text.startswith(("启动", "开始"), here.item.end):
        start = a.when  # 2024年7月启动，力争用两年时间完成
    else:
        return None
    months = b.value * (12 if b.unit == "year" else 1)
    if start.day is not None or start.rel_year is not None or start.rel_period is not None \
            or start.quarter is not None or start.half is not None or start.holiday \
            or months != int(months) or not 0 < months <= 120 \
            or not _SPEND_GAP.fullmatch(text, here.item.end, nxt.item.start):
        return None
    first = (start.month or 1) - 1 + int(months) - 1  # months after January of the start's year, to the last
    if start.year is None and first >= 12:
        return None  # 4月起，用一年时间: the end's year is not written and the start's is not known here
    end = replace(start, year=None if start.year is None else start.year + first // 12, month=first % 12 + 1,
                  edge=None)
    return Item(RangeP(replace(start, month=start.month or 1), end), here.item.start, nxt.item.end)


def _after_rest_until(text: str, here: Placed, nxt: Placed) -> Item | None:
    """2024年国庆后至年底前 · 五一后至6月底 · 中秋节后至国庆节前: from the day after a holiday's rest to a date — one
    span, not work begun after the holiday with no end beside a deadline of its own."""
    a, b = here.item.parse, nxt.item.parse
    if not (isinstance(a, OngoingP) and a.after and a.start is not None and a.start.holiday and a.until is None
            and isinstance(b, DeadlineP) and b.by and b.after is None and here.item.end == nxt.item.start):
        return None
    until = b.when if b.when.year is not None or b.when.rel_year is not None or a.start.year is None \
        else replace(b.when, year=a.start.year)
    if until.holiday and b.cue == "before":
        until = replace(until, holiday=f"{until.holiday}前")  # 至国庆节前: to the holiday's eve
    return Item(replace(a, until=until, span=True), here.item.start, nxt.item.end)


def _bounded_recurrence(text: str, here: Placed, nxt: Placed) -> Item | None:
    """2024年4月至12月，每月5日前报送 · 6月1日至9月30日期间每日报送 · 2024—2026年，每年12月底前: a range heading a
    recurrence bounds it (from the range's first period to its last day), not a second reading beside it; so does
    an end said right after it (每月10日前，至2024年12月底止: a month or a year, not a day's task)."""
    a, b = here.item.parse, nxt.item.parse
    if not _BOUND_GAP.fullmatch(text, here.item.end, nxt.item.start):
        # 三季度，各县区要每周开展 · 2024年下半年，市里将每两周调度: a period heading its clause, an actor, then
        # the rhythm (a modal or a few words, no other time and no clause mark between)
        if not (isinstance(b, RecurP) and _ACTOR_GAP.fullmatch(text, here.item.end, nxt.item.start)
                and (here.item.start == 0 or _heads_clause(text, 0, here.item.start))):
            return None
    if isinstance(a, RangeP) and isinstance(b, RecurP) and a.end_cue in (None, "years") and b.since is None \
            and b.until is None and b.period != "irregular":
        return Item(replace(b, since=a.start, until=a.end), here.item.start, nxt.item.end)
    if isinstance(b, RecurP) and b.since is None and b.until is None and b.period != "irregular" \
            and (period := _bounding_period(a)) is not None and lx.PERIODS[b.period][2] < _GRAIN_MONTHS[period.grain]:
        # 2024年下半年，每月报送 · 三季度每周调度 · 2025年每季度末 · 全年每月: each period inside that one
        return Item(replace(b, since=period, until=period), here.item.start, nxt.item.end)
    if isinstance(a, RecurP) and isinstance(b, RecurP) and a.period == "年" and len(a.bymonth) > 1 \
            and a.bymonthday is None and not a.holiday and b.period in ("月", "周") and not b.bymonth \
            and b.since is None and b.until is None and b.after is None:
        # 每年4月至10月，每月15日前 · 每年5—9月每周巡查: the season's months of each year, the rhythm inside them
        return Item(replace(b, bymonth=a.bymonth, since=a.since), here.item.start, nxt.item.end)
    if isinstance(a, RecurP) and isinstance(b, DeadlineP) and b.by and a.until is None and a.period != "irregular" \
            and text.startswith(("至", "到", "截至", "截止"), nxt.item.start) and b.when.day is None:
        return Item(replace(a, until=b.when), here.item.start, nxt.item.end)
    return None


def _recurrence_after_deadline(text: str, times: list[Placed]) -> list[Placed]:
    """2024年6月底前完成整改，此后每半年开展一次“回头看” · 9月底前建成投运，投运后每月巡检: the recurrence runs after
    the deadline before it (its first period is the one after the deadline's day), not from the period that holds ref.
    A bare 后 read between them as an event (此后，每年… · 完成后，每季度…) is that same "after", no part of its own."""
    out: list[Placed] = []
    k = 0
    while k < len(times):
        here = times[k]
        out.append(here)
        k += 1
        a = here.item.parse
        if isinstance(a, RangeP) and a.end_cue is None:  # 2024年3月至6月集中整治，此后每月…: after the range's end
            last = a.end if a.end.year is not None or a.end.rel_year is not None else \
                replace(a.end, year=a.start.year, rel_year=a.start.rel_year)
        elif isinstance(a, DeadlineP) and a.after is None and not a.when.cumulative and a.when.rel_period is None:
            last = a.when
        else:
            continue
        bare_after = k + 1 < len(times) and _bare_after(times[k])
        nxt = times[k + 1] if bare_after else times[k] if k < len(times) else None
        b = nxt.item.parse if nxt is not None else None
        if nxt is None or not (isinstance(b, RecurP) and b.since is None and b.until is None and b.after is None
                               and b.period != "irregular"):
            continue
        gap = text[here.item.end:nxt.item.start]
        tail = _SENTENCE_END.split(gap)[-1]  # 6月底前完成整改。此后，每半年…: 此后 may open the next sentence
        if len(gap) <= _AFTER_REACH and _THEREAFTER.search(gap) \
                and (tail == gap or _THEREAFTER.fullmatch(tail.strip()) is not None):
            nxt.item = Item(replace(b, after=last), nxt.item.start, nxt.item.end)
            k += bare_after  # the 后 read as an event is this "after"
    return out


_EITHER = ("或", "或者", "或是")


def _mark_either(text: str, times: list[Placed]) -> None:
    """2024年5月或6月 · 三季度或四季度 · 9月底前或10月底前: either time, not both — each is flagged ``ambiguous:or``
    (a ledger must not count two deadlines where the text asks for one)."""
    for prev, here in itertools.pairwise(times):
        # (每月或者每季度期满后15日内: rhythms for different filers, each right for its own — no doubt)
        if text[prev.item.end:here.item.start].strip() in _EITHER \
                and not isinstance(prev.item.parse, RecurP) and not isinstance(here.item.parse, RecurP):
            for placed in (prev, here):
                if "ambiguous:or" not in placed.flags:
                    placed.flags.append("ambiguous:or")


def _mark_breakdowns(text: str, times: list[Placed]) -> None:
    """2024年6月30日前完成（分两步：5月底前完成方案，6月底前…） · 2026年底前全面建成，其中6月底前完成50%: a date in a
    bracket opened after a deadline, or after 其中 in its sentence, breaks that deadline down (``Placed.inside``)."""
    for prev, here in itertools.pairwise(times):
        if not isinstance(prev.item.parse, (DeadlineP, RangeP)) or _ends_sentence(text, prev.item.end, here.item.start):
            continue
        gap = text[prev.item.end:here.item.start]
        if gap.count("(") > gap.count(")") or any(w in gap for w in lx.BREAKDOWN_WORDS):
            here.inside = True


def _bare_after(placed: Placed) -> bool:
    p = placed.item.parse
    return isinstance(p, TriggerP) and p.type == "event" and p.wants_event and p.then is None \
        and p.event is None and p.authority is None and p.document is None


_AFTER_REACH = 40  # how far a deadline may stand before the 此后 of the recurrence (a bound keeps it linear)


_GRAIN_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1, "xun": 0, "day": 0}


def _bounding_period(parse: object) -> When | None:
    """A bare period that may bound a recurrence after it: a year, half, quarter or month with no cue (全年: the
    plan year)."""
    if isinstance(parse, OngoingP) and parse.whole_year:
        return When(rel_year=0)
    if not isinstance(parse, DeadlineP) or parse.by or parse.after is not None:
        return None
    w = parse.when
    if parse.cue is not None and not (parse.cue == "within" and w.month is None and w.quarter is None
                                      and w.half is None and w.day is None):
        return None  # (年内每月 · 今年内每季度: a year with 内 bounds as the bare year does)
    if w.edge is not None or w.day is not None or w.holiday is not None or w.cumulative or w.mid or w.xun \
            or w.half_month:
        return None
    return w


def _plain_date(placed: Placed) -> bool:
    p = placed.item.parse
    return isinstance(p, DeadlineP) and p.cue is None and not p.by and p.after is None and p.when.edge is None \
        and p.when.month is not None


def _heads_clause(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (between two readings) ends with a clause mark: the second heads its clause."""
    gap = text[start:end].rstrip(" \u3000")
    return bool(gap) and gap[-1] in lx.CLAUSE_SEPARATORS


def _next_step(text: str, start: int, end: int) -> bool:
    """一季度启动、二季度推进、…、四季度总结: a word, then 、, between two periods — the next step of a list."""
    gap = text[start:end].rstrip(" \u3000")
    return len(gap) > 1 and gap.endswith("、") and "\u4e00" <= gap[-2] <= "\u9fff"


def _after_a_step(text: str, before: Span) -> bool:
    """The words before a reading are the task of the reading before it, a step of a list (3月启动、|6月推进)."""
    s, e = before
    return 0 < s and text[s - 1] not in lx.CLAUSE_SEPARATORS and e - s <= 6 and _next_step(text, s, e)


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between ``start`` and ``end`` (a year names the work only of its own sentence)."""
    return _SENTENCE_END.search(text, start, end) is not None


def _names_the_work(text: str, it: Item) -> bool:
    """对2023年度项目开展审计，6月底前完成 · 2023年度工作总结于2024年1月底前报送 · 2023年印发的方案: a bare year
    before a noun (or a verb made an attribute by 的) names which work is meant; the other time in the text
    says when it is due."""
    p = it.parse
    rest = text[it.end:it.end + 12]
    if isinstance(p, RangeP) and p.end_cue == "years":  # 对2021年至2023年实施的项目开展绩效评价
        # (对2021—2023年项目开展回头看: 对 takes the years' work as its object)
        return rest.startswith(lx.ATTRIBUTE_VERBS) or (text.endswith(("对", "将"), 0, it.start)
                                                       and rest.startswith(lx.WORK_NOUNS))
    if not isinstance(p, DeadlineP) or p.when.year is None or not lx.PLAN_YEARS[0] <= p.when.year <= lx.PLAN_YEARS[1]:
        return False  # 2300年绩效: an impossible year is read, and flagged invalid, never passed over
    if rest.startswith(lx.INSPECTIONS) and rest[2:].startswith(lx.FINDINGS) and p.when.day is None:
        return True  # 对2023年第四季度督查发现的问题 · 2023年巡察反馈问题: the period of the inspection
    if p.when.quarter is not None or p.when.half or p.when.month is not None:
        return False  # a written year alone (年内0季度 is an impossible quarter, never the work's name)
    if rest.startswith(lx.YEAR_REPORTS):
        return True  # 2023年年报于2024年2月底前报送: the year's report
    while rest.startswith(lx.WORK_MODIFIERS):  # 2025年全市重点工作计划 (not 2024年重点抓好…: a verb follows)
        rest = rest[len(next(w for w in lx.WORK_MODIFIERS if rest.startswith(w))):]
    if not rest or not ("\u4e00" <= rest[0] <= "\u9fff") or rest.startswith(lx.YEAR_NOT_OBJECT):
        return False
    verb = next((v for v in lx.ACTION_OR_TASK_VERBS if rest.startswith(v)), None)
    if verb is not None:
        return rest.startswith("的", len(verb))  # 2023年印发的方案 (but 2024年完成项目建设 is a time)
    clause = _SEPARATOR.split(rest, 1)[0]
    return any(w in clause for w in lx.WORK_NOUNS)  # 2023年度项目 · 我市2023年违法建设目标任务 (not 2025年巩固)


def _after_trigger(text: str, times: list[Placed]) -> None:
    """该政策实施后，企业需在3个月内完成申报: an offset with no event of its own, in the sentence of an event's
    trigger just before it, counts from that event (not from the document's date)."""
    for k in range(1, len(times)):
        here, before = times[k], times[k - 1]
        p, q = here.item.parse, before.item.parse
        if isinstance(p, RelativeP) and isinstance(q, TriggerP) and q.wants_event and before.anchor is not None \
                and here.anchor is None and not (p.anchor_ref or p.wants_anchor or p.anchor_when or p.after_step) \
                and not any(c in "。;" for c in text[before.item.end:here.item.start]):
            here.anchor = before.anchor


def _place_one(text: str, placed: Placed, before: Span, after: Span) -> None:
    parse = placed.item.parse
    if isinstance(parse, DeadlineP) and parse.cue is None and not parse.by and parse.after is None \
            and (field := _DEADLINE_LABEL.search(text, max(0, placed.item.start - 10), placed.item.start)) \
            and not any(c in text[field.start():placed.item.start] for c in "。;\n"):
        parse = replace(parse, by=True)  # 截止时间为4月30日: due by that day (no window, no start)
        placed.item = Item(parse, placed.item.start, placed.item.end)
        before = (before[0], max(before[0], field.start()))  # 申报截止时间为…: the task is 申报 (not the field)
    if (isinstance(parse, RelativeP) and parse.wants_anchor) or (isinstance(parse, TriggerP) and parse.wants_event):
        # 机构应当自该信息变更之日起…: the event is what follows 自 / 从, not the actor before it
        opener = max(text.rfind(c, *before) for c in "自从(")
        start = placed.item.start
        ahead = text.endswith("提", 0, start)
        if ahead:  # 会议召开提前3天: the event is 会议召开 (提前 = ahead of it)
            before = (before[0], max(before[0], start - 1))
        placed.anchor = trim(text, (opener + 1, before[1]) if opener >= 0 else before, verbs=False)
        if ahead and placed.anchor is not None and text.endswith((*lx.MODALS, "应当", "应该"), *placed.anchor):
            placed.anchor = None  # (各地)应当提前一个月上报: an actor and a modal, no event named
        if placed.anchor is not None and text.startswith(("结束", "终了", "期满"), start):
            placed.anchor = (placed.anchor[0], start + 2)  # 会议结束后: the event is 会议结束, not 会议
        before = (before[1], before[1])
    bracketed = (text.endswith("(", 0, placed.item.start) and text.startswith(")", placed.item.end)) \
        or (text.startswith("(", placed.item.start) and text.endswith(")", 0, placed.item.end))  # (a range's token)
    scope_after = trim(text, after)
    if bracketed:
        # 报到注册(9月13日) 2.开始上课(9月14日): a date in brackets belongs to the words it follows
        placed.scope = trim(text, before) or scope_after
    else:  # (3月启动、6月推进: the words before a 、 are the step before's task)
        placed.scope = scope_after or (None if _after_a_step(text, before) else trim(text, before))
    # (a span too: 集中攻坚阶段(2023年8月至11月) · 2023年11月至2024年4月为第一阶段)
    span_stage = isinstance(placed.item.parse, RangeP) and (
        bracketed or (scope_after is not None and text.startswith(("为", "是"), scope_after[0])))
    if (_is_label_candidate(placed.item) or span_stage) \
            and (stage := _stage_named(text, before, scope_after, placed.item.start)):
        # 第一阶段:全面调查摸底(2011年3月) · 自查自纠阶段:2024年4月 · 6月为总结评估阶段: a stage happens during its
        # period — a window labelled by the stage (its dates are the period's), not a deadline
        placed.label, placed.scope = stage, None
        return
    if bracketed and not text.endswith(lx.STAGE_WORDS, 0, placed.item.start - 1):
        return  # …开始上课(9月4日): a note on the task before it, never a label (but 动员部署阶段(2023年3月) is)
    if _is_label_candidate(placed.item) and scope_after is None and (lab := trim(text, before, verbs=False)) \
            and not text.startswith(lx.LIST_JOINERS, placed.item.end):  # 本科生2月4日、5日报到: a list's head
        if lab[1] - lab[0] <= 6 and text[lab[0]:lab[1]] not in lx.LIST_JOINERS \
                and not text.endswith(lx.LABEL_NOT_END, lab[0], lab[1]) \
                and not text[lab[1]:before[1]].strip().endswith((*lx.LABEL_NOT_END, "、")):
            # (各股室应于|2024年3月1日 · 3月启动、|6月推进: the words before a 、 are the step before's)
            placed.label, placed.scope = lab, None


def _stage_named(text: str, before: Span, scope_after: Span | None, start: int) -> Span | None:
    """The stage a bare period belongs to: the words before it, back to its line's or sentence's start (at most
    16 characters), when they hold 阶段 / 时段 (第一阶段:摸底排查(3月) · 自查自纠阶段:2024年4月), or 为 / 是 + words
    ending in one after it (6月为总结评估阶段)."""
    if scope_after is None:
        head = max(0, start - 16)
        for stop in "。;\n)":
            head = max(head, text.rfind(stop, head, start) + 1)
        if not any(w in text[head:start] for w in lx.STAGE_WORDS):
            return None
        return trim(text, before, verbs=False) or trim(text, (head, start), verbs=False)
    words = text[scope_after[0]:scope_after[1]]
    if words.startswith(("为", "是")) and words.endswith(lx.STAGE_WORDS):
        return (scope_after[0] + 1, scope_after[1])
    return None


def _bare_offset(text: str, placed: Placed, clause_start: int) -> bool:
    """An offset alone at the head of its clause ("…发生后，应在24小时内"): its event may be the clause before."""
    p = placed.item.parse
    return (isinstance(p, RelativeP) and not p.anchor_ref and p.anchor is None
            and trim(text, (clause_start, placed.item.start), verbs=False) is None)


def _event_before(text: str, placed: Placed, clause_start: int) -> Span | None:
    """信息形成20个工作日内公开 · 信息形成(变更)20个工作日内: an offset right after an event's verb counts from
    that event (its words from the clause's start), though no 后 or 之日起 says so."""
    p = placed.item.parse
    if not isinstance(p, RelativeP) or p.anchor_ref or p.anchor is not None or p.wants_anchor:
        return None
    span = trim(text, (clause_start, placed.item.start), verbs=False)
    if span is None:
        return None
    words = text[span[0]:placed.item.start]
    if words.rstrip(")").endswith(lx.EVENT_VERBS):  # the event touches the offset (整改完成|3个月内: 完成 is its)
        span = (span[0], placed.item.start)
    elif span[1] != placed.item.start or not (words.startswith(lx.EVENT_OPENERS) and len(words) <= 12):
        return None
    depth = 0  # 条目化展示、信息形成(变更): the event is the last item (a 、 inside brackets is the event's)
    for k in range(span[1] - 1, span[0] - 1, -1):
        depth += {")": 1, "(": -1}.get(text[k], 0)
        if text[k] == "、" and depth == 0:
            return trim(text, (k + 1, span[1]), verbs=False)
    return span


def _event_clause(text: str, clause: Span) -> Span | None:
    """"特别重大、重大突发事件发生后" → the event "特别重大、重大突发事件发生"; None unless it ends in 后."""
    span = trim(text, clause, verbs=False)
    if span is None:
        return None
    for suffix in ("之后", "以后", "后"):
        if text.endswith(suffix, span[0], span[1]):
            return trim(text, (span[0], span[1] - len(suffix)), verbs=False)
    return None


# 春季4月1日至5月10日、秋季9月25日至10月25日 · 汛期(6月1日至9月30日) · 防火期：3月15日至6月15日
_SEASON_BEFORE = compiled(f"(?:^|(?<=[,;、:\\s(]))({'|'.join(sorted(lx.SEASONS, key=len, reverse=True))})[:(]?$")


def _season_labels(text: str, times: list[Placed]) -> None:
    """A season written right before the span it names labels it (DESIGN: a season beside the days it names is
    their label); the words between two spans label the second, not the first's task."""
    for k, placed in enumerate(times):
        if not isinstance(placed.item.parse, RangeP) or placed.label is not None:
            continue
        floor = times[k - 1].item.end if k else 0
        m = _SEASON_BEFORE.search(text, max(floor, placed.item.start - 6), placed.item.start)
        if m is None:
            continue
        placed.label = m.span(1)
        if placed.scope is not None and placed.scope[0] <= m.start(1) < placed.scope[1]:
            # (the season was taken as its task: the task is after the span, in its clause)
            end = times[k + 1].item.start if k + 1 < len(times) else len(text)
            end = sep.start() if (sep := _SEPARATOR.search(text, placed.item.end, end)) else end
            placed.scope = trim(text, (placed.item.end, end))
        if k and (prev := times[k - 1].scope) is not None and prev[0] <= m.start(1) < prev[1]:
            times[k - 1].scope = trim(text, (prev[0], m.start(1)))


def _give_labels(text: str, times: list[Placed]) -> None:
    """中考3月高考11月: the text between two bare periods labels the second, not the first's scope."""
    for k in range(len(times) - 1):
        here, nxt = times[k], times[k + 1]
        if not _is_label_candidate(nxt.item) or here.scope is None:
            continue
        lab = trim(text, (here.item.end, nxt.item.start), verbs=False)
        if lab is not None and text[lab[0]:lab[1]] in lx.LIST_JOINERS:
            here.scope = None  # 5月14和15日: a joiner between two dates is neither a label nor a task
            continue
        if lab is not None and (_SEPARATOR.search(text, lab[1], nxt.item.start)
                                or _next_step(text, here.item.end, nxt.item.start)):
            continue  # 3月启动，12月完成 · 3月启动、6月推进: 启动 is the first time's task, not the next's label
        if lab is not None and lab == here.scope and lab[1] - lab[0] <= 6 and nxt.scope is None:
            nxt.label, here.scope = lab, None
            if _is_label_candidate(here.item) and here.label is None:
                before = trim(text, (0 if k == 0 else times[k - 1].item.end, here.item.start), verbs=False)
                here.label = before if before and before[1] - before[0] <= 6 else None


def _continue_clauses(text: str, times: list[Placed], bounds: list[Span]) -> None:
    """A clause with no time of its own extends the scope of the time before it (one pass, in order)."""
    starts = [p.item.start for p in times]
    for s, e in bounds:
        k = bisect.bisect_left(starts, s)  # times[k - 1] is the last time before this clause
        if (k < len(times) and times[k].item.start <= e) or (k and times[k - 1].item.end > s):
            continue  # the clause has a time of its own, or a reading runs into it
        words = trim(text, (s, e))
        if words is not None and text.startswith(":", e) and k < len(times) \
                and trim(text, (e + 1, times[k].item.start)) is None \
                and not text.endswith(lx.PROSE_TIME_LABELS, words[0], words[1]):  # not 完成时限:
            # 第一阶段:3月-5月;第二阶段:6月-12月 · 近期:…;远期:…: a heading names the time after it
            times[k].scope = times[k].scope or words
            continue
        if k == 0 or words is None or times[k - 1].label is not None:
            continue  # no time before it, or nothing to carry
        last = times[k - 1]
        start = last.scope[0] if last.scope and last.scope[0] >= last.item.end else s
        extent = trim(text, (start, e))
        if extent is not None:
            last.scope = extent


def _across_comma(text: str, times: list[Placed], starts: list[int], m: Item) -> Placed | None:
    """到2023年，基本建成… · 力争，9月完成…: a hedge alone at the edge of its clause flags the time that is all
    of the clause beside it."""
    if not isinstance(m.parse, MarkerP) or not m.parse.flag.startswith("hedge:"):
        return None
    k = bisect.bisect_left(starts, m.end)
    if k and text[times[k - 1].item.end:m.start] in (",", ";"):
        return times[k - 1]  # the time ends the clause before; the hedge opens this one
    if k < len(times) and text[m.end:times[k].item.start] in (",", ",于", ",在"):
        return times[k]  # the hedge ends its clause; the time opens the next
    return None


def _trigger_governs(text: str, trigger: Placed, m: Item, clause: Callable[[int], int]) -> bool:
    """A trigger whose task is the clause after its comma (or whose scope runs on over the marker, in its sentence)."""
    if not isinstance(trigger.item.parse, TriggerP):
        return False
    scope = trigger.scope
    if scope is not None and scope[0] <= m.start < scope[1] and not any(c in text[trigger.item.end:m.start]
                                                                         for c in ";。\n"):
        return True  # 收到文件后，各单位要认真学习，及时转发 (a cell's scope continues its clauses)
    return clause(trigger.item.end) + 1 == clause(m.start) and text.startswith(",", trigger.item.end)


def _attach_markers(text: str, times: list[Placed], markers: list[Item],
                    clause: Callable[[int], int]) -> list[Placed]:
    """A hedge or 及时 flags the next time in its clause, else the one before it in that clause.

    及时 / 随时 with no dated time of its own ("長期公開↵隨時公開") is a reading by itself: returned apart.
    """
    starts = [p.item.start for p in times]
    alone = []
    for m in markers:
        assert isinstance(m.parse, MarkerP)
        c, k = clause(m.start), bisect.bisect_left(starts, m.end)
        after = times[k] if k < len(times) and clause(times[k].item.start) == c else None
        before = times[k - 1] if k and times[k - 1].item.end <= m.start and clause(times[k - 1].item.start) == c \
            else None
        # (2024年7月启动，力争用两年时间完成: a reading joined over the hedge holds it)
        inside = times[k - 1] if k and times[k - 1].item.start <= m.start and m.end <= times[k - 1].item.end else None
        target = inside or after or before or _across_comma(text, times, starts, m)
        promptly = m.parse.flag == "vague:promptly"
        if promptly and target is not None and not isinstance(target.item.parse, OngoingP):
            continue  # 收到…后及时转发 · 20个工作日内及时公开: the time is given; 及时 is only vague alone
        if promptly and target is None and k and _trigger_governs(text, times[k - 1], m, clause):
            continue  # 收到文件后，各单位要及时转发: promptly after the event, as without the comma
        if promptly and target is None and any(
                not isinstance(t.item.parse, OngoingP) and not _ends_sentence(text, min(t.item.end, m.end),
                                                                              max(t.item.start, m.start))
                for t in times):
            continue  # 10月-12月，对…查漏补缺，及时总结: an adverb in a sentence whose time is given
        if promptly and (target is None or isinstance(target.item.parse, OngoingP)):
            alone.append(Placed(m))
        elif target is not None and m.parse.flag not in target.flags:
            target.flags.append(m.parse.flag)
    return alone
