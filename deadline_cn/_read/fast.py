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
from functools import lru_cache

from deadline_cn._grammar.parse import DeadlineP, Item, RecurP, When
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.scope import Placed, trim
from deadline_cn._grammar.text import fold
from deadline_cn._grammar.tokens import _scanner
from deadline_cn._read.pipeline import build, original_text
from deadline_cn._read.unread import _time_words
from deadline_cn._resolve.resolver import Context, Settings
from deadline_cn.results import Result

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
_AFTER_PERIOD = "(?![底末])"
SHAPES = (
    "(?P<item>"
    # 2017年6月底前 · 2017年6月30日前 · 2017年6月上旬 · 6月底前 · 2017年6月前 · 2017年6月
    rf"(?:{_Y})?{_M}(?:{_D}{_AFTER_DAY}|(?P<xun>[上中下])旬|(?P<mend>底)|{_AFTER_MONTH})(?:(?P<cue>前){_CUE})?"
    # 2017年底前 · 2017年年底 · 2017年第1季度末前 · 2017年上半年
    rf"|{_Y2}(?:(?P<yend>年?底)|第?(?P<q>[1-4])季度(?:(?P<qend>末)|{_AFTER_PERIOD})|(?P<h>[上下])半年{_AFTER_PERIOD})"
    rf"(?:(?P<cue2>前){_CUE})?"
    # 每年6月底前 · 每月10日前
    rf"|每年(?P<rm>1[0-2]|[1-9])月底前{_CUE}|每月(?P<rd>2[0-8]|1\d|[1-9])日前{_CUE}"
    ")"
)


@lru_cache(maxsize=1)
def _shapes() -> re.Pattern[str]:
    return compiled(SHAPES)  # at the first call, not at import


_XUN = {"上": 1, "中": 2, "下": 3}


def _parse(g: dict[str, str | None]) -> DeadlineP | RecurP:
    """The parse the grammar's cover gives for a match of SHAPES (``when_of`` and ``rule_date`` / the
    recurrence rules, for these shapes)."""
    if (rm := g["rm"]) is not None:
        return RecurP(period="年", bymonth=(int(rm),), bymonthday=-1)
    if (rd := g["rd"]) is not None:
        return RecurP(period="月", bymonthday=int(rd))
    y, m, d, xun, q, h = g["y"] or g["y2"], g["m"], g["d"], g["xun"], g["q"], g["h"]
    end = g["mend"] or g["yend"] or g["qend"]
    when = When(year=int(y) if y else None, month=int(m) if m else None, day=int(d) if d else None,
                quarter=int(q) if q else None, half=(1 if h == "上" else 2) if h else None,
                xun=_XUN[xun] if xun else None, edge="end" if end else None)
    return DeadlineP(when=when, cue="before" if g["cue"] or g["cue2"] else None)


def _inert(scan: str, pos: int) -> bool:
    """No token of the grammar begins at or after ``pos`` (the scanner's own loop, on the whole text)."""
    scanner = _scanner()
    search, by_char = scanner.search, scanner.by_char
    while (m := search(scan, pos)) is not None:
        pos = m.start()
        char = scan[pos]
        pattern = by_char[char] if char in by_char else scanner.at(char)
        if pattern is not None and pattern.match(scan, pos) is not None:
            return False
        pos += 1
    return True


def fast_read(text: str, settings: Settings) -> Result | None:
    """The grammar's reading of ``text`` when it has one of the shapes above, else None (read it in full)."""
    if not text or not ("0" <= text[0] <= "9" or text[0] == "每"):
        return None  # (spaces before the date: folded away, but rare; the grammar reads them)
    folded = fold(text)
    scan = folded.text
    m = _shapes().match(scan)
    if m is None or "统一" in scan or "《" in scan or "号" in scan:
        return None
    end, head = m.end("item"), m.end()
    if head < len(scan) and (not _inert(scan, head) or _time_words().search(scan, end) is not None):
        return None
    g = m.groupdict()
    if g["m"] is not None and g["y"] is None and g["mend"] is None:
        return None  # 6月前 · 6月: a yearless month the grammar may read otherwise (ambiguous:year, 一月…)
    placed = Placed(Item(_parse(g), 0, end), scope=trim(scan, (end, len(scan))))
    return build(text, folded, placed, Context(settings, lambda span: original_text(text, folded, span)))
