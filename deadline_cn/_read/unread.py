"""Time words that no reading consumed: reported as ``unread:<words>``, never left silently in ``scope``.

A cell whose reading covers "2024年" but not the "前十个月" after it must not look sure. After the best
cover is chosen, the text outside every reading is searched for time-bearing words (a number with a time
unit, 上旬 / 月底 / 上半年, 首季度 / 前N个月, 本月 / 下季度, 每 / 隔 + a period, a holiday, a weekday); each
one flags the reading nearest to it. The pattern runs once over the folded text, so this stays linear.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.tokens import alt

Span = tuple[int, int]
# A document number (粤办发〔2016〕22号): its year and number are never a time.
DOC_NUMBER = compiled(r"[〔\[(„【][12]\d{3}[〕\])‟】]\d{0,4}号?")


def mask_doc_numbers(text: str) -> str:
    """Document numbers blanked with □, the length kept (so offsets hold)."""
    return DOC_NUMBER.sub(lambda m: "□" * len(m.group()), text) if "号" in text else text


# 上1年度 (上一年度, folded) is the period reported on (报送上一年度工作情况), not a count of years
_PERIODS = "半年|季度|季|月|年|周|星期|天|日"
TIME_WORDS = "|".join((
    # (not 三年级 · 一、二年级: a school grade; not 80周岁: an age)
    r"(?<!上)\d+(?:\.\d+)?个?(?:工作日|自然日|小时|分钟|季度|星期|礼拜|年(?!级)|月|日|号(?![令文楼院线])|天|周(?!岁)|旬|季)"
    r"(?:底|末|初)?",
    r"[首前]\d{0,2}个?(?:季度|季|月)",
    r"[本下次上当]1?个?(?:季度|月)",
    r"[上中下]旬|[上下]半年|[上下]半月|(?:年|月|季度|季)(?:底|末|初)",
    r"(?<![上下每隔])半(?:年|个?月)(?!度)",  # 为期半年 · 半个月内: a half-year or half-month no rule read
    r"(?<![\d.])(?:1[0-2]|0?[1-9])[\u4e00-\u9fff](?=底|末)",  # 10越底前: a month whose 月 was mistyped
    # 每季度中 · 每年年中: the middle of each quarter or year, which no rule dates (每月中 is the 15th)
    r"(?:(?<=季度)|(?<=每季)|(?<=半年))中(?![上下]?旬|[央小学期国心])|(?<=每年)年中",  # 二季度中 · 每季度中
    rf"[每隔]\d{{0,2}}个?(?:{_PERIODS})",
    alt(lx.HOLIDAYS),
    "农历|阴历",  # 农历七月: a lunar month no rule dates (its Gregorian month is another)
    r"(?<![多历近几数每])年三十(?![余多几])",  # 2024年年三十: New Year's Eve written short (not 多年三十余家)
    alt(lx.SEASONS),
    r"(?<=年)[春夏秋冬](?!节)",  # 2024年春 · 2025年秋冬 · 2024年冬至: a season by its character (春节 is read)
    r"(?<![A-Za-z])[Qq][1-4](?![\dA-Za-z])",  # Q3
    r"(?<![A-Za-z])[Hh][12](?![\dA-Za-z])",  # 2024年H1: a half no rule dates
    r"(?:星期|礼拜)[1-7日天一二三四五六]|周[1-7日一二三四五六](?=\d)|周[1-7日]",
    r"(?<!\d)(?:[01]?\d|2[0-4]):[0-5]\d",
    r"(?<![\d.:])\d{1,2}(?=前|之前|以前)",  # 每月15前: a day whose 日 was left out
    r"(?:结束|终了|期满)(?:以后|之后|后)",  # 季度结束后 left over: the offset after an end went unread
    r"(?<![\d年季环])[年节][前后](?![期端台])",  # 年后2月底前: after the Spring Festival (not 前期, 季节)
    # 12时 · 17时30分 · 9点前 (not 1点1策, a "one point, one policy" slogan)
    r"(?<![\d.])(?:[01]?\d|2[0-4])(?:时(?:[0-5]?\d分|半)?|点(?=[0-5]?\d分|半|前|之前|以前))",
))


def time_words_guard(*, stored: bool = True) -> str | None:
    """The characters a time word can begin with, as a class (from ``_starts.py`` while it matches today's
    pattern, else from the pattern by ``prefilter``); None if they cannot be bounded."""
    from deadline_cn._grammar import _starts, prefilter

    if stored and getattr(_starts, "TIME_WORDS_KEY", None) == prefilter.checksum(TIME_WORDS):
        guard: str | None = _starts.TIME_WORDS_GUARD
        return guard
    return prefilter.first_char_class([TIME_WORDS])


@lru_cache(maxsize=1)
def _time_words() -> re.Pattern[str]:
    # A lookahead on the first characters lets every other position fail at once (the same matches: no time
    # word begins elsewhere); the scan over a cell costs a third of the bare alternation's.
    guard = time_words_guard()
    return compiled(f"(?={guard})(?:{TIME_WORDS})" if guard else TIME_WORDS)


# An event between a bare year and its edge: Chinese words, quotes or a middle dot, no clause mark, no digit, and
# not a range's or a list's joiner first (2024年至2025年春节后)
_EVENT_AFTER_YEAR = compiled(
    rf"(?![至到和及与或])[\u4e00-\u9fff“”\"·]{{1,10}}?(?P<edge>{alt(lx.EVENT_EDGES)})(?![{lx.EVENT_EDGE_NOT_BEFORE}])")


def event_after_year(scan: str, start: int, end: int) -> tuple[int, int, int] | None:
    """``(start, edge start, end)`` of the ``<event><edge>`` that opens ``scan[start:end]`` (2024年|高考前): the
    year before it dates only the event, which no rule does."""
    m = _EVENT_AFTER_YEAR.match(scan, start, end)
    return (start, m.start("edge"), m.end()) if m is not None else None


_TERM_LABEL = re.compile(r"第?\d{1,2}(?:[-~至]\d{1,2})?周")


def is_term_label(word: str) -> bool:
    """A season or a term's week (秋季, 学期, 第11周): it names a stretch of the year, never shifts a date."""
    return word in lx.SEASONS or _TERM_LABEL.fullmatch(word) is not None


def time_words_in(text: str) -> list[str]:
    """The time-bearing words of a folded text, document numbers left out (what ``unread`` looks for)."""
    return [m.group() for m in _time_words().finditer(mask_doc_numbers(text))]


def unread_spans(scan: str, read: list[Span], start: int = 0, end: int | None = None) -> list[Span]:
    """Time words in ``scan[start:end]`` that overlap none of the ``read`` spans (sorted, non-overlapping)."""
    end = len(scan) if end is None else end
    masked = mask_doc_numbers(scan[start:end])
    out, k = [], 0
    for m in _time_words().finditer(masked):
        s, e = m.start() + start, m.end() + start
        while k < len(read) and read[k][1] <= s:
            k += 1
        if k < len(read) and read[k][0] < e:
            continue  # overlaps a reading
        out.append((s, e))
    return out


def nearest(spans: list[Span], pos: Span) -> int:
    """The index of the span in ``spans`` (sorted) closest to ``pos``."""
    def distance(k: int) -> int:
        s, e = spans[k]
        return max(s - pos[1], pos[0] - e, 0)
    return min(range(len(spans)), key=distance)
