"""All hypothesis strategies of the test suite, in one place."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from hypothesis import strategies as st

from tests.corpus_data import GOLD

CN = "〇一二三四五六七八九"
TRAD = {"长": "長", "实": "實", "施": "施", "后": "後", "内": "內", "周": "週", "年": "年", "节": "節",
        "现": "現", "规": "規", "划": "劃", "门": "門", "网": "網", "开": "開", "动": "動", "时": "時",
        "间": "間", "国": "國", "发": "發", "总": "總", "体": "體", "进": "進", "务": "務", "关": "關"}
SPACES = [" ", "\u3000", "\n", "\u200b", " \n", "\r\n"]  # not \t: a tab is a column break


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" else c for c in text)


def chinese_year_digits(text: str) -> str:
    """2017年 → 二〇一七年 (only 4-digit years: the way plans write them)."""
    out, i = [], 0
    while i < len(text):
        chunk = text[i:i + 4]
        if len(chunk) == 4 and chunk.isdigit() and text[i + 4:i + 5] == "年" and not text[i - 1:i].isdigit():
            out.append("".join(CN[int(c)] for c in chunk))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def traditional(text: str) -> str:
    return "".join(TRAD.get(c, c) for c in text)


@st.composite
def spaced(draw: st.DrawFn, text: str) -> str:
    """Insert whitespace / zero-width characters at random places (PDF wraps, stray spaces)."""
    chars = list(text)
    for _ in range(draw(st.integers(0, 4))):
        pos = draw(st.integers(0, len(chars)))
        chars.insert(pos, draw(st.sampled_from(SPACES)))
    return "".join(chars)


gold_entries = st.sampled_from(GOLD)
years = st.integers(1990, 2099)
months = st.integers(1, 12)


@st.composite
def period_phrase(draw: st.DrawFn) -> tuple[str, str, str]:
    """(phrase, expected due ISO date, precision) for generated year / month / quarter / half / xun phrases."""
    import calendar

    year, month = draw(years), draw(months)
    last = calendar.monthrange(year, month)[1]
    kind = draw(st.sampled_from(["month", "quarter", "half", "xun", "year"]))
    style = draw(st.sampled_from(["底前", "底前完成", "底", "末", "底前实施"]))
    if kind == "month":
        return f"{year}年{month}月{style}", f"{year}-{month:02d}-{last:02d}", "month"
    if kind == "quarter":
        q = (month - 1) // 3 + 1
        qm = q * 3
        qlast = calendar.monthrange(year, qm)[1]
        word = draw(st.sampled_from([f"第{q}季度", f"第{CN[q]}季度", f"{q}季度"]))
        return f"{year}年{word}末前", f"{year}-{qm:02d}-{qlast:02d}", "quarter"
    if kind == "half":
        h = draw(st.sampled_from(["上", "下"]))
        return f"{year}年{h}半年", f"{year}-{'06-30' if h == '上' else '12-31'}", "half"
    if kind == "xun":
        x = draw(st.sampled_from(["上旬", "中旬", "下旬"]))
        day = {"上旬": 10, "中旬": 20, "下旬": last}[x]
        return f"{year}年{month}月{x}", f"{year}-{month:02d}-{day:02d}", "xun"
    return f"{year}年{draw(st.sampled_from(['底前', '年底前', '年底', '末']))}", f"{year}-12-31", "year"


any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)
odd_text = st.one_of(
    any_text,
    st.text(st.sampled_from("年月日底前内每起至到第季度半旬上下0123456789〇一二三四五六七八九十两个工作小时"
                            ",;。、()《》—-~ \n\u3000\u200b\u200e\u202e"), max_size=120),
)


# --- Hostile text for tests/test_robustness.py: what a PDF extractor or a web page can hand the library. ---

CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]))  # C0 (tab, CR, LF too), DEL, C1
LONE_SURROGATES = "\ud800\udbff\udc00\udfff\ud83d"  # halves of pairs that lost their partner
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # LRM, RLM, embeddings
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u034f"  # ZWSP, ZWNJ, ZWJ, WJ, BOM, SHY, MVS, CGJ
EMOJI = ["😀", "🇨🇳", "👨‍👩‍👧", "👍🏽", "⏰", "🗓️", "1️⃣", "🏳️‍🌈", "\U0001f9d1\u200d\U0001f4bb", "\U000e0067"]
ODD_SPACES = "\u00a0\u1680\u2000\u2003\u2009\u200a\u2028\u2029\u205f\u3000\x85\r\n\t"
COMBINING = "\u0301\u0308\u20dd\u3099\u302a"
DEADLINE_CHARS = ("年月日底前内每起至到第季度半旬上下0123456789〇一二三四五六七八九十两个工作小时"
                  ",;。、()《》—-~，；：（）【】“”〈〉")
HOSTILE_CHARS = (CONTROL_CHARS + LONE_SURROGATES + BIDI_MARKS + ZERO_WIDTH + ODD_SPACES + COMBINING
                 + DEADLINE_CHARS)

hostile_char = st.one_of(st.sampled_from(HOSTILE_CHARS), st.sampled_from(EMOJI))
# Deadline vocabulary interleaved with everything a phrase should never contain.
hostile_text = st.lists(hostile_char, max_size=80).map("".join)


@st.composite
def hostile_cell(draw: st.DrawFn) -> tuple[str, dict]:
    """A gold cell with hostile characters pushed in at random places: (text, its gold entry)."""
    entry = draw(gold_entries)
    chars = list(entry["text"])
    for _ in range(draw(st.integers(1, 6))):
        chars.insert(draw(st.integers(0, len(chars))), draw(hostile_char))
    return "".join(chars), entry


# Any text at all: arbitrary code points (lone surrogates and unassigned ones included), the hostile alphabet,
# and real cells spoiled by it.
arbitrary_text = st.one_of(any_text, hostile_text, hostile_cell().map(lambda cell: cell[0]))


@st.composite
def huge_text(draw: st.DrawFn, size: int = 100_000) -> str:
    """``size`` characters: a short hostile chunk repeated (hypothesis cannot draw 100 KB one character at a time).

    The chunk is drawn from the hostile alphabet, not from whole cells, so it never repeats a hedge word and a
    date thousands of times (a known quadratic case with a test of its own in tests/test_robustness.py).
    """
    chunk = draw(st.lists(hostile_char, min_size=1, max_size=40).map("".join))
    return (chunk * (size // len(chunk) + 1))[:size]


@functools.lru_cache(maxsize=1)
def _grammar_words() -> list[str]:
    """Every literal word of the lexicon: text built from them reaches every token type and rule."""
    from deadline_cn._grammar import lexicon as lx

    words: set[str] = set()
    for name, value in vars(lx).items():
        if name.startswith("_"):
            continue  # __builtins__ is a dict too: its keys are not words of the grammar
        items = value.keys() if isinstance(value, dict) else value if isinstance(value, tuple) else ()
        words.update(w for w in items if isinstance(w, str) and w)
    extra = {"规定时限", "法定时限", "按省部署", "待省出台后", "收到文件后", "当日", "一年一次", "每周一至周五"}
    return sorted(words | extra)


grammar_soup = st.lists(st.one_of(st.sampled_from(_grammar_words()), st.integers(0, 2100).map(str),
                                  st.sampled_from(list("年月日号季度前内底末起至到每第上下半旬个,;。、()《》 \n"))),
                        max_size=30).map("".join)


# --- cells built from the grammar's known pieces (issue 10: no time word is ever left silently in scope) ---
TIME_PIECES = ["2024年", "24年", "二〇二四年", "6月", "6月底", "6月15日", "第二季度", "首季度", "前三季度", "前8个月",
               "上半年", "下旬", "本月", "下季度", "春节", "中秋节", "每月", "每季度", "每隔两个月", "3个工作日",
               "10日内", "1—8月", "5月6日至9日", "2024.3—6", "十四五", "17:00", "周三"]
CUE_PIECES = ["", "前", "底前", "内", "起", "后", "至", "以前", "左右"]
ACTION_PIECES = ["完成", "印发实施方案", "报送材料", "开展督查", "组织验收", "公开信息"]
JOINERS = ["", "，", "、", "；", "和", " "]


@st.composite
def pieced_cell(draw: st.DrawFn) -> str:
    """Up to four time pieces, each with a cue, an action and a joiner, in any order."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(st.sampled_from(TIME_PIECES)) + draw(st.sampled_from(CUE_PIECES))
                     + draw(st.sampled_from([*ACTION_PIECES, ""])) + draw(st.sampled_from(JOINERS)))
    return "".join(parts)


# --- Phrases built from the grammar's own words, with impossible numbers (tests/test_invariants.py, tests/fuzz). ---
# One generator serves hypothesis and the fuzz target: it only calls ``pick(options)``, which a hypothesis draw
# or a ``random.Random`` supplies.

Pick = Callable[[Sequence[Any]], Any]

GOOD_YEARS = (1900, 1999, 2016, 2017, 2018, 2021, 2099, 2100, 2101, 2199)
BAD_YEARS = (1000, 1899, 2200, 2300, 9999, 10000, 99999)  # four to six digits: 23年 is a short year
MONTHS = (*range(1, 13), 2, 2, 0, 13, 14, 99)
DAYS = (1, 9, 10, 15, 20, 28, 29, 29, 30, 30, 31, 31, 0, 32, 45, 99)
QUARTERS = (1, 2, 3, 4, 0, 5, 9)
OFFSET_NUMBERS = ("1", "3", "10", "30", "2.5", "0", "999", "2019", "9999")


def _lexicon() -> Any:
    from deadline_cn._grammar import lexicon as lx

    return lx


def _year(pick: Pick) -> str:
    kind = pick(("good", "good", "good", "bad", "relative", "none"))
    if kind == "good":
        return f"{pick(GOOD_YEARS)}{pick(('年', '年', '年度'))}"
    if kind == "bad":
        return f"{pick(BAD_YEARS)}年"
    if kind == "relative":
        return str(pick(sorted(_lexicon().RELATIVE_YEARS)))
    return ""


def _date(pick: Pick) -> str:
    """One date as plans write it, its numbers sometimes impossible (13月, 2月30日, 第5季度, 2200年)."""
    lx = _lexicon()
    shape = pick(("month", "day", "quarter", "half", "xun", "yearend", "holiday", "year", "iso"))
    if shape == "iso":
        return f"{pick(GOOD_YEARS + BAD_YEARS[1:4])}-{pick(MONTHS)}-{pick(DAYS)}"
    year = _year(pick)
    if shape == "month":
        return f"{year}{pick(MONTHS)}月{pick(('', '', '底', '末', '初', '中', '份'))}"
    if shape == "day":
        return f"{year}{pick(MONTHS)}月{pick(DAYS)}{pick(('日', '日', '号'))}"
    if shape == "quarter":
        return f"{year}{pick(('第', ''))}{pick(QUARTERS)}季度{pick(('', '末', '底'))}"
    if shape == "half":
        return f"{year}{pick(('上', '下'))}半年{pick(('', '末'))}"
    if shape == "xun":
        return f"{year}{pick(MONTHS)}月{pick(('上旬', '中旬', '下旬'))}"
    if shape == "yearend":
        return f"{year or '年'}{pick(('底', '末'))}"
    if shape == "holiday":
        return f"{year}{pick(sorted(lx.HOLIDAYS))}"
    return year or f"{pick(GOOD_YEARS)}年"


def _offset(pick: Pick) -> str:
    lx = _lexicon()
    top = pick(("", "", "", f"-{pick(OFFSET_NUMBERS)}", f"至{pick(OFFSET_NUMBERS)}"))
    return (f"{pick(('', '', *lx.OFFSET_CAPS))}{pick(OFFSET_NUMBERS)}{top}{pick(sorted(lx.UNITS))}"
            f"{pick(('内', '以内', '之内', ''))}")


def _clause(pick: Pick) -> str:
    """One clause: a dated deadline, a range, a recurrence, an offset, a trigger or a word of the lexicon."""
    lx = _lexicon()
    shape = pick(("date", "date", "range", "every", "every", "since_every", "offset", "trigger", "word",
                  "ongoing_until", "after"))
    cue = pick(("", *sorted(lx.CUES)))
    if shape == "date":
        return f"{pick(('', *lx.BY_WORDS))}{_date(pick)}{cue}"
    if shape == "range":
        return f"{pick(('', *lx.FROM_WORDS))}{_date(pick)}{pick(lx.RANGE_JOINERS)}{_date(pick)}{cue}"
    if shape == "every":
        period = pick(sorted(lx.PERIODS))
        tail = pick(("", "", "末", "末月", "底", "初", "第2个月"))
        due = pick(("", _date(pick), f"{pick(DAYS)}日", f"{pick(MONTHS)}月{pick(DAYS)}日",
                    f"{pick(MONTHS)}月{pick(('', '底'))}", f"({pick(MONTHS)}-{pick(MONTHS)}月)"))
        return f"每{period}{tail}{due}{cue}"
    if shape == "since_every":
        return f"{pick(('从', '自', ''))}{_date(pick)}起每{pick(sorted(lx.PERIODS))}"
    if shape == "offset":
        return f"{pick(('', '发文之日起', '印发后', '批复后'))}{_offset(pick)}"
    if shape == "trigger":
        opener = pick(("按省部署", "按照省发展改革委统一部署", "待省印发方案后", "收到国家、省文件后",
                       "按预算法规定时限"))
        return f"{opener}{pick(('', _offset(pick)))}"
    if shape == "ongoing_until":
        return f"{pick(lx.ONGOING)}{pick(('至', '到'))}{_date(pick)}"
    if shape == "after":
        return f"{_date(pick)}{pick(('后', '以后'))}{_offset(pick)}"
    return str(pick(_grammar_words()))


def phrase(pick: Pick) -> str:
    """A cell of one to three clauses, with hedges, actions and, now and then, a stray lexicon word."""
    lx = _lexicon()
    parts = []
    for _ in range(pick((1, 1, 1, 2, 2, 3))):
        hedge = pick(("", "", "", *lx.HEDGES))
        action = pick(("", "", "完成", "完成招投标等前期工作", "实施", "开展自查"))
        parts.append(f"{hedge}{_clause(pick)}{action}")
        if pick((False, False, False, True)):
            parts.append(str(pick(_grammar_words())))
    seps = [pick((",", ";", "。", "\n", "、", "")) for _ in parts]
    return "".join(p + s for p, s in zip(parts, seps, strict=True)).rstrip(",;。\n、")


@st.composite
def lexicon_phrase(draw: st.DrawFn) -> str:
    return phrase(lambda options: draw(st.sampled_from(list(options))))


REFS = (None, date(2017, 1, 9), date(2017, 3, 1), date(2016, 12, 31), date(1900, 1, 1), date(2099, 12, 31),
        date(2101, 6, 1), date(2199, 12, 31))
PLAN_YEARS = (None, None, None, 2017, 2018, 1900, 2199)
refs_in_range = st.sampled_from(REFS)
plan_years_in_range = st.sampled_from(PLAN_YEARS)
