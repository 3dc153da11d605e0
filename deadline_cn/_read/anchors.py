"""One cheap pattern over the caller's raw text that finds every sentence extract() could read something in.

extract() reads a sentence only when its folded text holds a token that can become a reading (a date, an
offset, 每…, a trigger, an ongoing word — every token type but the inert ones in ``INERT``). Every such token
holds one of the ``KEYS`` below, or a digit; so a sentence with no key and no digit is skipped unread.

The keys are written folded (as the grammar sees them) and matched in the *raw* text, where folding has not
yet run: each character becomes the class of every raw character that folds to it (後 for 后, ０ for 0),
and invisible characters (spaces, line breaks, which folding drops) may stand between a word's characters.
A Chinese numeral folds to digits only beside a unit or an opener (``lexicon.NUMERAL_AFTER`` /
``NUMERAL_BEFORE``), so it is a key only there. The pattern is a superset: a match only means "read this
sentence"; tests/test_windows.py checks that nothing a full scan reads is ever skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.text import _char_table

# Token types that never make a reading in prose on their own: punctuation and joiners, cues and 到/自 (they
# need a date beside them), markers (及时, 力争: flags, dropped by extract), 同上, 免报, 至今.
INERT = ("sep", "and", "dash", "cue", "to", "from", "hedge", "promptly", "ditto", "exempt", "sofar")

# Folded words, one of which every non-inert token without a digit holds (the token in brackets):
KEYS = (
    "年", "月", "季", "旬", "每",  # dates, periods, 每…, 年底 / 月底 / 上旬 / 本季度 / 全年 / 半年…
    "待", "收到", "接到",  # wait, receive
    "时限", "期限", "时间",  # rulelimit, statute (…规定的时限)
    "依照",  # plan_follow (按 / 依据 are deploy openers below)
    "即日", "之日", "当日", "当天", "当场",  # todaystart, selfstart, sameday
    "结束", "终了", "期满", "另有",  # endafter, otherwise
    "定期", "频次", "频率", "次数",  # irregular (不定期 too), byneed
    "半周",  # onceper: 半周一次
)
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


@lru_cache(maxsize=1)
def anchor() -> re.Pattern[str]:
    """The anchor pattern (see the module docstring).

    Each alternative is written with the folded characters it can begin with; the pattern opens with a
    lookahead on their union, so the regex engine leaves most positions after one class test (~90 MB/s on
    plan prose, against ~13 MB/s when every alternative is tried at every character).
    """
    gap, num = invisible() + "*", char_class(NUMERALS)
    words = sorted({*KEYS, *lx.HOLIDAYS, *lx.ONGOING, *lx.DEPLOY_OPENERS}, key=len, reverse=True)
    parts: list[tuple[str, str]] = [  # (the folded characters it begins with, the raw pattern)
        ("0123456789", "\\d|" + char_class("0123456789")),
        # numerals that fold to digits: 二〇一七年 · 第一 · 两到三年
        (NUMERALS, f"{num}{gap}(?:{char_class(lx.NUMERAL_AFTER)}|{char_class('到至')})"),
        (lx.NUMERAL_BEFORE, f"{char_class(lx.NUMERAL_BEFORE)}{gap}{num}"),
        ("十", f"{word('十')}{gap}{num}{gap}{word('五')}"),  # “十三五”期间 (fiveyear)
        *((w[0], word(w)) for w in words),
    ]
    starts = "".join(sorted({c for first, _ in parts for c in first}))
    return re.compile(f"(?=\\d|{char_class(starts)})(?:{'|'.join(p for _, p in parts)})")


@lru_cache(maxsize=1)
def sentence_end() -> str:
    """Raw characters that fold to a sentence end of extract() (。 and ;, so also ； and the tab)."""
    return char_class("。;")
