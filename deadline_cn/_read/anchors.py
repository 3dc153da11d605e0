"""One cheap pattern over the caller's raw text that finds every sentence extract() could read something in.

extract() reads a sentence only when its folded text holds a token that can become a reading (a date, an
offset, 每…, a trigger, an ongoing word — every token type but the inert ones in ``INERT``). Each such token
holds one of the shapes below, each written from the token patterns of ``_grammar.tokens``:

* a digit beside what makes a number a time (``UNIT_AFTER``: 3日, 5个工作日, 2017.6, 2021-2025, Q3, 8 digits);
* 年 after a word that makes it a year (``YEAR_BEFORE``: 今年, 全年, 上半年) or before one (年底, 年内, 年度内);
* a key word (``KEYS``: 月, 季, 每, 待…后, 即日, 长期…, a holiday) or an opener before a trigger's word
  (按照…部署, 根据…要求, 按…规定的时限).

They are written folded (as the grammar sees them) and matched in the *raw* text, before folding: each
character becomes the class of every raw character that folds to it (後 for 后, ０ for 0, a Chinese numeral
for a digit), and invisible characters (spaces, line breaks, which folding drops) may stand between. So the
pattern is a superset: a match only means "read this sentence". tests/test_windows.py checks on the corpus
and on generated prose that a sentence it skips holds no token but inert ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.text import _char_table

# Token types that never make a reading in prose on their own: punctuation and joiners, cues and 到/自 (they
# need a date beside them), markers (及时, 力争: flags, dropped by extract), 同上, 免报, 至今, 今后 (its count has a
# digit and a unit: 今后3年).
INERT = ("sep", "and", "dash", "cue", "to", "from", "hedge", "promptly", "ditto", "exempt", "sofar", "henceforth")

# Folded words that open a reading wherever they stand (the token types in brackets).
KEYS = (
    "月", "季", "旬", "每",  # dates, periods, 每… (月底, 上旬, 本季度, 每年)
    "即日", "之日", "当日", "当天", "当场",  # todaystart, selfstart, sameday
    "结束", "终了", "期满", "另有",  # endafter, otherwise
    "定期", "频次", "频率", "次数",  # irregular (不定期 too), byneed
    "半周",  # onceper: 半周一次
    "隔",  # everyn: 隔月 · 隔周一次 (every other one)
    "按日",  # every: 按日报送
    # relweek, relperiod: 本周五前, 下星期三, 本周内, 下个星期
    *(rp + one + per for rp in lx.RELATIVE_PERIODS for one in ("", "个") for per in ("周", "星期", "礼拜")),
    "统一部署", "统一安排",  # deployhead: 县委统一部署 (no opener before it)
    "同步", "一致",  # synced: 与省同步 · 同上级工作进度一致
    "十一”", "五四”", "三八”",  # “十一”前 (National Day, named so only between quotes)
    "七一", "八一", "六一",  # 七一前 · “六一”期间 (observances, quoted or before a cue)
    "十一黄", "十一长", "十一小", "十一假", "十一放",  # 十一黄金周后 · 十一长假期间 (unquoted before its rest)
    "后,",  # an event's trigger heading a task (全国征兵网开通后，各地要及时发布…)
    "·", "・",  # dotquoted: “3·15” · “12·4”国家宪法日 (a named day written month·day)
)
# After a digit, what makes the number a time (offset units, 日/号, Q of a quarter; 个 needs its unit after it).
UNIT_AFTER = "年月日号季周天工小自星Qq"
COUNT_UNITS = "工小自星半周天日月季年"  # 3个工作日 · 3个小时 · 3个半月 · 每3个季度
JOINS = "至到~_-—一"  # 2021-2025 · 1至15日 · 2017一2018 (a dash lost in layout)
# 年 is a year after these (今年, 本年度, 当年, 明年, 次年, 翌年, 下年, 全年, 上半年, 每年, 按年, 常年)…
YEAR_BEFORE = "".join(sorted({w[0] for w in lx.RELATIVE_YEARS if w[0] != "年"} | {"全", "半", "每", "按", "常"}))
# …or before these: 年初 · 年中 · 年底 · 年末 · 年终 · 年内 · 年度内 · 年度至少2次 (a count per year)
YEAR_AFTER = "初中底末内终"
# A trigger: an opener, then (inside one clause) the word it waits on (按照…部署, 根据…要求, 按…规定的时限)
TRIGGER_OPENERS = (*lx.DEPLOY_OPENERS, "依照")
TRIGGER_WORDS = (*lx.DEPLOY_WORDS, "计划", "方案", "时限", "期限", "时间")
NUMERALS = "〇零一二三四五六七八九十百两"


@lru_cache(maxsize=1)
def _preimages() -> dict[str, str]:
    """Folded character → every raw character that folds to it (itself included unless folding changes it)."""
    table = _char_table()
    out: dict[str, set[str]] = defaultdict(set)
    for code, folded in table.items():
        if folded:
            out[folded].add(chr(code))
    return {c: "".join(sorted(raws)) for c, raws in out.items()}


def raw_chars(chars: str) -> str:
    """Every raw character that folds to one of ``chars``."""
    pre, table = _preimages(), _char_table()
    raw = {c for c in chars if ord(c) not in table} | {r for c in chars for r in pre.get(c, "")}
    return "".join(sorted(raw))


def char_class(chars: str) -> str:
    """A regex class of every raw character that folds to one of ``chars``."""
    return "[" + "".join(re.escape(c) for c in raw_chars(chars)) + "]"


@lru_cache(maxsize=1)
def invisible() -> str:
    """The class of raw characters folding drops (the tab is kept: it folds to ;)."""
    body = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in lx.INVISIBLE_RANGES if not a <= 9 <= b)
    return f"[\\x00-\\x08\\x0a-\\x20{body}]"


def word(folded: str) -> str:
    """A raw pattern for text that folds to ``folded``: each character's class, invisibles allowed between."""
    gap = invisible() + "*"
    return gap.join(char_class(c) for c in folded)


def words_trie(words: list[str]) -> list[tuple[str, str]]:
    """The key words as one alternative per first character, each a trie (长期 · 长期性 · 长效化 →
    长(?:期(?:性)?|效化), invisibles allowed between characters), sorted so that the pattern's text is the same in
    every process (its stored code is found).

    It matches what the words one by one, longest first, match: two words never match at the same place unless
    one begins the other (each folded character has its own raw characters), and there the optional tail is
    tried before the shorter word. At a position the regex engine then descends into one alternative, where
    one per word made it test each word's first character (and the invisibles after it) in turn.
    """
    gap = invisible() + "*"

    def tail(suffixes: list[str]) -> str:
        longer = sorted({w for w in suffixes if w})
        branches = [char_class(c) + tail([w[1:] for w in longer if w[0] == c]) for c in sorted({w[0] for w in longer})]
        if not branches:
            return ""
        body = gap + (branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")")
        return f"(?:{body})?" if "" in suffixes else body

    return [(c, char_class(c) + tail([w[1:] for w in words if w[0] == c])) for c in sorted({w[0] for w in words})]


@lru_cache(maxsize=1)
def anchor() -> re.Pattern[str]:
    """The anchor pattern (see the module docstring).

    Each alternative is written with the folded characters it can begin with; the pattern opens with a
    lookahead on their union, so the regex engine leaves most positions after one class test (~90 MB/s on
    plan prose, against ~13 MB/s when every alternative is tried at every character).
    """
    starts, body = _pattern()
    # from the stored regex code (_grammar/precompiled): re.compile spends ~70 ms on this 93,000-character
    # pattern, which every process's first extract() used to pay
    return compiled(f"(?={starts}){body}")


@lru_cache(maxsize=1)
def first_chars() -> re.Pattern[str]:
    """One raw character a match of ``anchor()`` can begin with (its opening lookahead, consuming): no span
    holds more time words than such characters (matches never overlap)."""
    return compiled(_pattern()[0])


@lru_cache(maxsize=1)
def _pattern() -> tuple[str, str]:
    """The anchor's opening class (as an alternation: ``\\d`` or a character class) and its body."""
    g = invisible() + "*"
    digit = "[\\d" + "".join(re.escape(c) for c in raw_chars("0123456789" + NUMERALS)) + "]"
    clause = "[^" + "".join(re.escape(c) for c in raw_chars(",;。")) + "]*?"
    year, cls = char_class("年"), char_class
    digits = "0123456789" + NUMERALS
    parts: list[tuple[str, str]] = [  # (the folded characters it begins with, the raw pattern)
        (digits, f"{digit}{g}(?:{cls(UNIT_AFTER)}|{word('个')}{g}{cls(COUNT_UNITS)}|{word('次')}{g}/"
                 f"|{cls('.:/')}{g}{digit}|{cls(JOINS)}{g}{cls(JOINS)}?{g}{digit})"),
        (digits, digit + f"(?:{g}{digit}){{7}}"),  # 20231015: a date typed as eight digits
        ("Qq", f"{cls('Qq')}{g}{digit}"),
        (YEAR_BEFORE, f"{cls(YEAR_BEFORE)}{g}{year}"),
        ("年", f"{year}{g}(?:{cls(YEAR_AFTER)}|{word('度')}{g}{word('内')}"
               f"|(?:{word('度')}{g})?(?:{word('内')}{g})?{cls('至不最')})"),  # 年度内 · 年至少 (percount)
        ("按", f"{word('按')}{g}{word('周')}"),  # 按周 (every; 按年 · 按月 · 按季 above)
        ("待收接", f"(?:{word('待')}|{word('收到')}|{word('接到')}){clause}{word('后')}"),  # wait, receive
        ("规法", f"(?:{word('规定')}|{word('法定')}){g}(?:{word('的')}{g})?"
                 f"(?:{'|'.join(word(w) for w in ('时限', '期限', '时间'))})"),  # rulelimit
        ("".join(w[0] for w in TRIGGER_OPENERS), f"(?:{'|'.join(word(w) for w in TRIGGER_OPENERS)}){clause}"
                                                  f"(?:{'|'.join(word(w) for w in TRIGGER_WORDS)})"),
        ("十", f"{word('十')}{g}{cls(NUMERALS)}{g}{word('五')}"),  # “十三五”期间 (fiveyear)
        *words_trie(sorted({*KEYS, *lx.HOLIDAYS, *lx.ONGOING})),
    ]
    starts = "".join(sorted({c for first, _ in parts for c in first}))
    return f"\\d|{char_class(starts)}", f"(?:{'|'.join(p for _, p in parts)})"


@lru_cache(maxsize=1)
def sentence_end() -> str:
    """Raw characters that fold to a sentence end of extract() (。 and ;, so also ； and the tab)."""
    return char_class("。;")
