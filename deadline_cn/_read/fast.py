"""A fast path for the commonest cells: one date at the cell's start, then words no rule reads.

"2017年6月底前完成" · "2018年底前实现…" · "6月底前" · "2017年第1季度末前" · "每月10日前": a ledger's column is
mostly these. The grammar reads them in ~40 µs (fold, scan, cover, place, unread scan, resolve); here one
match of ``SHAPES`` at the start of the folded text gives the parse the grammar's cover gives, and the rest
of the cell is checked to be inert, so that the grammar could have found nothing else in it:

- no token begins in it: the grammar's own scanner is run over it, from where the head ends (so its
  lookbehinds see the head, as in the full scan); ``统一`` anywhere declines (deployhead may begin at 0);
- no time word begins after the reading (``unread``'s own pattern): nothing to flag ``unread:``;
- no title, no document number (their masks would change what the scanner sees).

Then the parse is placed and resolved by the grammar's own code (``trim`` for the scope, ``build`` for the
result: the resolver, its flags, its checks, the result's construction), so every digit-dependent rule (valid
days, year ranges, month_before, year-from-ref, ambiguity flags) is the grammar's. Numbers outside the ranges
below decline. Anything else declines too (``None``): ``normalise`` then reads the cell with the grammar.

``tests/test_fast.py`` proves the equality: every corpus cell, 100,000 generated phrases (``-m slow``), and every
CJK character as the first word after every shape (the place a head's token could have run on).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from deadline_cn._calendar.dates import days_in_month, half_bounds, month_end, quarter_bounds, xun_bounds
from deadline_cn._grammar.lexicon import LIST_JOINERS, SCOPE_EMPTY
from deadline_cn._grammar.lexicon import PLAN_YEARS as YEARS
from deadline_cn._grammar.parse import DeadlineP, Item, OngoingP, RangeP, RecurP, RelativeP, When
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.rules import parse_tokens
from deadline_cn._grammar.scope import _EMPTY_IS_NONE, _VERBS, Placed, place, trim
from deadline_cn._grammar.text import COMPACT_YEAR, Folded, changed_by_fold, folded_piece
from deadline_cn._grammar.tokens import Token, _scanner
from deadline_cn._read.pipeline import build, original_text, pooled, setters
from deadline_cn._read.unread import _time_words
from deadline_cn._resolve.resolver import Context, Settings
from deadline_cn.results import Alternative, Compound, Deadline, Result

# The shapes, as one pattern at the start of the folded text. Group ``item`` is what the grammar's reading
# covers; the match may go on past it (a cue the grammar leaves outside its span). Digits are read only in
# ranges where the grammar's rules do not depend on them (anything odder goes to the grammar).
_Y, _Y2 = r"(?P<y>(?:19|20)\d\d)年", r"(?P<y2>(?:19|20)\d\d)年"
_M = r"(?P<m>1[0-2]|[1-9])月"
_D = r"(?P<d>3[01]|[12]\d|[1-9])日"
# What may follow a head and still be part of the grammar's token (found by tests/test_fast.py's exhaustive
# check of every character after every shape): 前夕 is one cue; 6月份 · 6月初 · 6月中 · 6月30 · 6月末; a day's
# weekday, lunar note or time of day (30日上午 · 30日(周五) · 30日17时); 第1季度底 · 上半年末.
_CUE = "(?![夕])"
_AFTER_MONTH = r"(?![\d中份初末])"
_AFTER_DAY = r"(?![\d上下中晚星礼周(:])"
_AFTER_PERIOD = "(?![底末初])"  # 二季度初 · 下半年初: the first month (grammar)
SHAPES = (
    "(?P<item>"
    # 2017年6月至2018年3月 (first: the date's branch would take its start alone)
    rf"(?P<ay>(?:19|20)\d\d)年(?P<am>1[0-2]|[1-9])月至(?P<by>(?:19|20)\d\d)年(?P<bm>1[0-2]|[1-9])月{_AFTER_MONTH}(?![底])"
    rf"(?:前{_CUE})?|"  # (…3月前: the range's rule takes the cue into its reading)
    # 2017年6月底前 · 2017年6月30日前 · 2017年6月上旬 · 6月底前 · 2017年6月前 · 2017年6月
    rf"(?:{_Y})?{_M}(?:{_D}{_AFTER_DAY}|(?P<xun>[上中下])旬|(?P<mend>底)|{_AFTER_MONTH})(?:(?P<cue>前){_CUE})?"
    # 2017年底前 · 2017年年底 · 2017年第1季度末前 · 2017年上半年
    rf"|{_Y2}(?:(?P<yend>年?底)|第?(?P<q>[1-4])季度(?:(?P<qend>末)|{_AFTER_PERIOD})|(?P<h>[上下])半年{_AFTER_PERIOD})"
    rf"(?:(?P<cue2>前){_CUE})?"
    # 每年6月底前 · 每月10日前
    rf"|每年(?P<rm>1[0-2]|[1-9])月底前{_CUE}|每月(?P<rd>2[0-8]|1\d|[1-9])日前{_CUE}"
    # 2021—2025年 (a plan period) · 2017年起(长期坚持) · 每季度结束后15日内
    r"|(?P<ry1>(?:19|20)\d\d)—(?P<ry2>(?:19|20)\d\d)年(?![度底末])"
    r"|(?P<sy>(?:19|20)\d\d)年起(?:长期(?=坚持))?"  # (长期 before other words may be no ongoing word: 长期性)
    r"|每季度结束后(?P<qd>30|[12]\d|[1-9])日内"  # (31: the grammar reads it apart)
    # 印发之日起10个工作日内 (an offset from the document's date: placed and built by the grammar's code)
    r"|自?印发之日起(?P<wd>[1-9]\d?)个工作日内"
    ")"
)


# The groups of SHAPES, by index in ``match.groups()`` (a tuple: ``groupdict()`` costs twice as much);
# tests/test_fast.py checks them against the pattern's own ``groupindex``.
(ITEM, AY, AM, BY, BM, Y, M, D, XUN, MEND, CUE, Y2, YEND, Q, QEND, H, CUE2, RM, RD, RY1, RY2, SY, QD, WD) = range(24)
_XUN = {"上": 1, "中": 2, "下": 3}
_SEPARATORS = ",;。:，；：\t"  # lexicon.CLAUSE_SEPARATORS, and what folds to them
_SEPARATOR = compiled(f"[{_SEPARATORS}]")
_DAY = timedelta(days=1)


@lru_cache(maxsize=1)
def _shapes() -> re.Pattern[str]:
    return compiled(SHAPES)  # at the first call, not at import


def _unchanged(text: str) -> bool:
    """Whether ``fold`` leaves ``text`` as it is: no character of its translate table (traditional, full-width,
    invisible), no numeral it writes as digits, no 元 (元月): ``text.changed_by_fold``."""
    return changed_by_fold().search(text) is None \
        and ("月" not in text or COMPACT_YEAR.search(text) is None)  # (nor a 年 to write back: 20236月)


def _inert(scan: str, pos: int, stop: int = -1, *, again: bool = False) -> bool:
    """No token of the grammar begins at or after ``pos`` (before ``stop``, when given: a clause's end) but list
    joiners (和 、 及 与: alone, with no date after them, no rule reads them). With ``again``, a 前 right at
    ``pos`` is passed over too: after a reading that ends in its own cue (2017年6月底前前完成) the cover leaves
    the second one unread, and it is only a word of the scope."""
    return _token(scan, pos, stop, again=again) is None


def _token(scan: str, pos: int, stop: int = -1, *, again: bool = False) -> Token | None:
    """The first token of the grammar that begins at or after ``pos`` (before ``stop``), list joiners (and with
    ``again`` a 前 at ``pos``) passed over: the scanner's own loop, on the whole text."""
    scanner = _scanner()
    search = scanner.search
    first = pos
    while (m := search(scan, pos)) is not None:
        pos, hit = m.span()
        if 0 <= stop <= pos:
            return None
        found = scanner.token_at(scan, pos, hit == pos)
        if found is None:
            pos += 1
        elif found.type == "and" or (again and pos == first and found.type == "cue" and found.text == "前"):
            pos = found.end
        else:
            return found
    return None


@lru_cache(maxsize=1)
def _edges() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """What ``trim`` looks at on a span's edges: the characters a lead word, list number, bracket or punctuation
    can begin with; those a trailing word, list number, bracket or punctuation can end with; a verb's first;
    the words it trims to nothing when they are the whole span."""
    from deadline_cn._grammar import lexicon as lx
    from deadline_cn._grammar.scope import _CLOSERS, _OPENERS, _PUNCT

    marks = set(_PUNCT) | set(_OPENERS) | set(_CLOSERS) | {chr(c) for c in range(0x2460, 0x2474)}  # ①…⑳
    first = marks | {w[0] for w in (*lx.SCOPE_LEAD, *lx.HEDGES)} | set("(一二三四五六七八九十")
    last = marks | {w[-1] for w in lx.SCOPE_TRAIL} | set(").、")
    words = (*lx.SCOPE_LEAD_VERBS, *lx.SCOPE_TRAIL, *lx.SCOPE_EMPTY, *lx.LIST_JOINERS)
    alone = frozenset(w for w in words if 0 < len(w) <= 5 and trim(w, (0, len(w))) is None)
    return frozenset(first), frozenset(last), frozenset(v[0] for v in lx.SCOPE_LEAD_VERBS), alone


def _scope(scan: str, s: int, e: int) -> tuple[int, int] | None:
    """``trim(scan, (s, e))`` without its regexes when the span's edges hold nothing it strips but one leading
    verb (完成招投标…: the common case); else ``trim`` itself. tests/test_fast.py checks the two agree."""
    first, last, verbs, alone = _edges()
    if s >= e or not _EMPTY_IS_NONE:
        return trim(scan, (s, e))
    if e - s <= 5 and scan[s:e] in alone:
        return None  # 完成 · 实施: a word trim leaves nothing of (its answer for the span alone: no edge looks out)
    c = scan[s]
    if scan[e - 1] in last or c in first or c.isdecimal():
        return trim(scan, (s, e))
    if c in verbs:
        verb = next((v for v in _VERBS if scan.startswith(v, s, e)), None)
        if verb is not None:  # trim strips it and trims the rest once more, verbs kept
            s += len(verb)
            if s >= e:
                return None
            c = scan[s]
            if c in first or c.isdecimal():
                return trim(scan, (s, e), verbs=False)
    if e - s <= 3 and (scan[s:e] in SCOPE_EMPTY or scan[s:e] in LIST_JOINERS):
        return None
    return s, e


# Whole cells of one word, as the grammar's cover reads them: (the parse, where its reading ends).
WORDS: dict[str, tuple[OngoingP, int]] = {
    "长期": (OngoingP(from_ref=True, word=True), 2), "长期工作": (OngoingP(from_ref=True, word=True), 2),
    "全年工作": (OngoingP(whole_year=True), 2),
}


_NUMBERED = compiled(r"\d、")


def fast_read(text: str, settings: Settings) -> Result | None:
    """The grammar's reading of ``text`` when it has one of the shapes above, else None (read it in full)."""
    if text[:1] == "按":  # 按省部署实施，2017年底前完成: a deployment, then a shape, in clauses
        return _clauses(text, settings) if _SEPARATOR.search(text) is not None else None
    if not text or not ("0" <= text[0] <= "9" or text[0] in "每印自"):
        if text in WORDS:
            parse, end = WORDS[text]
            folded = Folded(text, range(len(text)))
            placed = Placed(Item(parse, 0, end), scope=_scope(text, end, len(text)) if end < len(text) else None)
            return build(text, folded, placed, Context(settings, lambda span: original_text(text, folded, span)))
        return None  # (spaces before the date are folded away, but rare: the grammar reads them)
    if _SEPARATOR.search(text) is not None:
        return _clauses(text, settings)  # two clauses or more: each read on its own terms, placed by the grammar
    same = _unchanged(text)
    folded = Folded(text, range(len(text))) if same else folded_piece(text)  # (what fold gives when it changes nothing)
    scan = folded.text
    m = _shapes().match(scan)
    if m is None or _masked(scan) or folded.inserted:  # (a 年 written back: the grammar flags it)
        return None
    end, head = m.end(ITEM + 1), m.end()
    g = m.groups()
    if head < len(scan) and (_time_words().search(scan, end) is not None  # (the cheaper test first)
                             or not _inert(scan, head, again=_own_cue(g))):
        return None
    if g[M] is not None and g[Y] is None and g[MEND] is None:
        return None  # 6月前 · 6月30日: a yearless date the grammar may doubt (ambiguous:year, 一月…)
    if g[WD] is not None:
        return _built(text, folded, scan, [Item(_parse(g), 0, end)], settings)
    scope = _scope(scan, end, len(scan)) if end < len(scan) else None
    if g[Y] is not None or g[M] is not None or g[Y2] is not None:  # a DeadlineP: its span and scope as build's
        span = (0, end) if same else folded.original_span(0, end)
        return _deadline(text, span, original_text(text, folded, scope), g, settings)
    placed = Placed(Item(_parse(g), 0, end), scope=scope)
    return build(text, folded, placed, Context(settings, lambda span: original_text(text, folded, span)))


_QUALIFIES = compiled(r"(?:成立|登记|注册|设立|开办|入库|核准)的")  # scope._QUALIFIER's ending


def _masked(scan: str) -> bool:
    """What the grammar reads apart before its scan: a head of a whole deployment (统一部署, begins anywhere), a
    title or document number (masked), N、 (may be a list number the grammar writes N. first:
    pipeline.mask_list_numbers), a stage's name (2024年6月为总结评估阶段: the period is the stage's window)."""
    return "统一部署" in scan or "统一安排" in scan or "《" in scan or "号" in scan \
        or "阶段" in scan or "时段" in scan or _NUMBERED.search(scan) is not None \
        or _QUALIFIES.search(scan) is not None  # (a stage labels its period; …前登记成立的 says which units)


def _own_cue(g: tuple[str | None, ...]) -> bool:
    """Whether the shape's reading ends in its own cue (2017年6月底前 · 每月10日前 · 15日内): then a 前 after it
    is left to the scope by the grammar's cover."""
    return g[CUE] is not None or g[CUE2] is not None or g[RM] is not None or g[RD] is not None or g[QD] is not None \
        or g[WD] is not None or g[RY1] is not None  # (2021—2025年前: a plan period takes no cue)


_CLAUSE_ENDS = ",;。:"  # lexicon.CLAUSE_SEPARATORS: a folded text holds only these (a tab folds to ;)
# A longer cell of clauses is left to the grammar at once: it seldom has only shapes and inert words, and the
# scan that finds out costs as much as the grammar's own (a 100-character cell twice over)
_CLAUSES_UP_TO = 64


def _clauses(text: str, settings: Settings) -> Result | None:
    """A cell of clauses (2017年6月底前完成方案，2018年底前全面推广), each one of the shapes at its start and
    words no rule reads after it, or such words alone, or a deployment (按省部署实施): the grammar's cover is
    then these items, which are placed (scopes, years carried from one reading to the next) and built by the
    grammar's own code.

    Declined: a 起 shape (2017年起，2018年底: one window over two clauses, rule_start_then_end), and a head
    not ended by a cue right before its clause's end (2017年6月30日,31日: a list of days is one token)."""
    if len(text) > _CLAUSES_UP_TO:
        return None
    same = _unchanged(text)
    folded = Folded(text, range(len(text))) if same else folded_piece(text)
    scan = folded.text
    if _masked(scan) or folded.inserted:
        return None
    shapes, words = _shapes(), _time_words()
    items: list[Item] = []
    tails: list[tuple[int, int, bool]] = []  # (from, to, a 前 at from passed over) of each clause's words
    start, size = 0, len(scan)
    while start <= size:
        stop = min((k for k in (scan.find(c, start) for c in _CLAUSE_ENDS) if k >= 0), default=size)
        m = shapes.match(scan, start)
        end = head = start
        again = False
        if m is not None:
            g = m.groups()
            end, head = m.end(ITEM + 1), m.end()
            if g[SY] is not None or head > stop or (head == stop < size and scan[head - 1] not in "前内"):
                return None
            if g[M] is not None and g[Y] is None and g[MEND] is None:
                return None  # 6月前 · 6月30日: a yearless date the grammar may doubt (as fast_read)
            items.append(Item(_parse(g), start, end))
            again = _own_cue(g)
        elif scan.startswith("按", start):  # 按省部署实施: a deployment, read by the grammar's rules from its token
            # alone (rule_trigger looks on only to an offset touching it; another clause's tokens are past a sep)
            tok = _token(scan, start, stop)
            if tok is None or tok.start != start or tok.type != "deploy":
                return None
            items.extend(parse_tokens([tok]))
            end = head = tok.end
        if (w := words.search(scan, end)) is not None and w.start() <= stop:
            return None
        if head < stop:
            tails.append((head, stop, again))
        start = stop + 1
    # the scanner last, over every clause's words: a cell most often declines on the cheaper tests above
    if not items or any(not _inert(scan, head, stop, again=again) for head, stop, again in tails):
        return None
    return _built(text, folded, scan, items, settings)


def _built(text: str, folded: Folded, scan: str, items: list[Item], settings: Settings) -> Result | None:
    """``read`` from its cover on: the items placed and built by the grammar's code (no time word is left
    outside them: the callers checked, so there is nothing to flag unread)."""
    placed = place(scan, items)
    if not placed:
        return None
    ctx = Context(settings, lambda span: original_text(text, folded, span))
    parts = [build(text, folded, p, ctx) for p in placed]
    if len(parts) == 1:
        return parts[0]
    return Compound(text=text, span=(parts[0].span[0], parts[-1].span[1]), parts=tuple(parts))


def _parse(g: tuple[str | None, ...]) -> DeadlineP | RecurP | RangeP | OngoingP | RelativeP:
    """The parse the grammar's cover gives for a match of SHAPES (``when_of`` and ``rule_date`` / the
    recurrence, range and since rules, for these shapes)."""
    if (ry1 := g[RY1]) is not None and (ry2 := g[RY2]) is not None:
        return RangeP(start=When(year=int(ry1)), end=When(year=int(ry2)), end_cue="years")
    if (ay := g[AY]) is not None and (am := g[AM]) is not None and (by := g[BY]) is not None \
            and (bm := g[BM]) is not None:
        return RangeP(start=When(year=int(ay), month=int(am)), end=When(year=int(by), month=int(bm)))
    if (sy := g[SY]) is not None:
        return OngoingP(start=When(year=int(sy)))
    if (qd := g[QD]) is not None:
        return RecurP(period="季度", bymonth=(1, 4, 7, 10), bymonthday=int(qd))
    if (wd := g[WD]) is not None:
        return RelativeP(int(wd), "workday", None, anchor_ref=True)
    if (rm := g[RM]) is not None:
        return RecurP(period="年", bymonth=(int(rm),), bymonthday=-1)
    if (rd := g[RD]) is not None:
        return RecurP(period="月", bymonthday=int(rd))
    y, m, d, xun, q, h = g[Y] or g[Y2], g[M], g[D], g[XUN], g[Q], g[H]
    end = g[MEND] or g[YEND] or g[QEND]
    when = When(year=int(y) if y else None, month=int(m) if m else None, day=int(d) if d else None,
                quarter=int(q) if q else None, half=(1 if h == "上" else 2) if h else None,
                xun=_XUN[xun] if xun else None, edge="end" if end else None)
    return DeadlineP(when=when, cue="before" if g[CUE] or g[CUE2] else None)


def _deadline(text: str, span: tuple[int, int], scope: str | None, g: tuple[str | None, ...],
              settings: Settings) -> Result | None:
    """``resolve_deadline`` and ``build`` for the DeadlineP of these shapes (no holiday, weekday, time, typo or
    ``after``; one reading in the cell, so no year carried from another): the same fields, flags in the same
    order. A case they would treat apart declines (None): an impossible day, a yearless date that needs the
    plan year and ref's year to agree (else ``ambiguous:year``), no year at all (NeedsYear)."""
    y, m, d, xun, q, h = g[Y] or g[Y2], g[M], g[D], g[XUN], g[Q], g[H]
    ref = settings.ref
    flags: list[str] = []
    if y is not None:
        year = int(y)
    else:  # year_of: the plan year (or ref's), flagged; a later year (_forward) needs a reading before it
        base = settings.plan_year if settings.plan_year is not None else ref.year if ref is not None else None
        if base is None or (ref is not None and ref.year != base):
            return None
        year = base
    if not YEARS[0] <= year <= YEARS[1]:
        return None
    month = int(m) if m is not None else 0
    if d is not None:  # bounds(), after check_when
        day = int(d)
        if day > days_in_month(year, month):
            return None  # invalid:day: unresolved, as the grammar says
        first = due = date(year, month, day)
        precision = "day"
    elif xun is not None:
        first, due = xun_bounds(year, month, _XUN[xun])
        precision = "xun"
    elif month:
        first, due = date(year, month, 1), month_end(year, month)
        precision = "month"
    elif q is not None:
        first, due = quarter_bounds(year, int(q))
        precision = "quarter"
    elif h is not None:
        first, due = half_bounds(year, 1 if h == "上" else 2)
        precision = "half"
    else:
        first, due = date(year, 1, 1), date(year, 12, 31)
        precision = "year"
    if y is None and ref is not None and due < ref:
        return None  # a yearless period gone by when the text was issued may be a doubt (resolver._long_past_at_issue)
    edge = g[MEND] or g[YEND] or g[QEND]
    start: date | None = None
    alternatives: tuple[Alternative, ...] = ()
    if g[CUE] or g[CUE2]:  # _strict_before: 前 on a day, a month or a bare year is doubtful, not on an end
        doubt = None if edge or xun else "ambiguous:day-before" if d else "ambiguous:month-before" if month \
            else None if q or h else "ambiguous:year-before"
        if doubt is not None:
            flags.append(doubt)
            if settings.month_before == "strict":
                if first.year == YEARS[0] and first.month == 1 and first.day == 1:
                    return None  # 1900年1月前, strict: the day before is out of range (invalid:year, the grammar's)
                due, alternatives = first - _DAY, (Alternative(due, "inclusive"),)
            else:
                alternatives = (Alternative(first - _DAY, "strict"),)
    elif not edge:
        start = first  # 2017年第1季度完成: within the period
    if y is None:
        flags.append("year-from-ref")  # the context's flag, after the resolver's own (as _build orders them)
    return new_deadline(text, span, scope, tuple(flags), due, start, precision, alternatives)


_DEADLINE_FIELDS = ("text", "span", "scope", "flags", "due", "start", "precision", "alternatives")


def new_deadline(text: str, span: tuple[int, int], scope: str | None, flags: tuple[str, ...], due: date,
                 start: date | None, precision: str, alternatives: tuple[Alternative, ...]) -> Result:
    """``Deadline(text=…, …)``, built as its dataclass ``__init__`` and ``__post_init__`` build it (the fields
    set in order, equal spans, flags, short scopes and days shared through ``results._SHARED``), in half the
    time. Should Deadline's fields change, this is the plain constructor again (and tests/test_fast.py fails)."""
    if Deadline._names != _DEADLINE_FIELDS or (start is not None and start > due):
        return Deadline(text=text, span=span, scope=scope, flags=flags, due=due, start=start, precision=precision,
                        alternatives=alternatives)
    out = object.__new__(Deadline)
    (set_text, set_span, set_scope, set_flags, set_due, set_start, set_precision,
     set_alternatives) = setters(Deadline)
    set_text(out, text)
    set_span(out, pooled(span))
    set_scope(out, pooled(scope) if scope and len(scope) <= 32 else scope)
    set_flags(out, pooled(flags) if flags else flags)
    set_due(out, pooled(due))
    set_start(out, None if start is None else pooled(start))
    set_precision(out, precision)
    set_alternatives(out, pooled(alternatives))
    return out
