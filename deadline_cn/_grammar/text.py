"""Folding text for the grammar while keeping a map back to the original offsets.

Only surface variation is folded: full-width → ASCII, traditional → simplified (one character each),
whitespace / zero-width / control characters dropped (PDF line breaks inside a phrase, stray spaces), and
Chinese numerals written as digits (二〇一七 → 2017, 十二 → 12, 两 → 2). Nothing is reworded, so every
span the grammar finds maps back into the caller's text.

All of it runs in C-level string and array operations (``str.translate``, ``re.finditer``, array slices),
so folding a 1 MB document costs milliseconds and a few bytes per character.
"""

from __future__ import annotations

import os
import re
from array import array
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

from deadline_cn._grammar.lexicon import (
    CHAR_VARIANTS,
    CN_DIGITS,
    INVISIBLE_RANGES,
    NUMERAL_AFTER,
    NUMERAL_BEFORE,
    ROW_NOT_WORDS,
)
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.record import record

# (each of these two opens with one character of its class, not a repeat of it: the regex engine then skips to the
# next such character at once, where a repeat first made it try the pattern at every character; the same matches)
_NUMERAL_RUN = compiled("[〇零一二三四五六七八九十百两][〇零一二三四五六七八九十百两]*")
_POSITIONAL = compiled(
    "^(?:([一二三四五六七八九两])?百)?零?(?:([一二三四五六七八九两])?(十))?([一二三四五六七八九])?$"
)


_NO_BLOCKS: Mapping[int, int] = MappingProxyType({})  # read only: shared by every fold without numerals


@record
class Folded:
    """The folded text; folded character i came from the original ``[starts[i], ends(i))``.

    ``ends(i)`` is ``starts[i] + 1`` except where a numeral was rewritten (二〇一七 → 2017): every digit then
    maps to the whole numeral, kept in ``block_ends``.
    """

    text: str
    starts: Sequence[int]
    block_ends: Mapping[int, int] = _NO_BLOCKS
    offset: int = 0  # where the folded piece begins in the caller's text (extract() folds a chunk at a time)
    inserted: tuple[int, ...] = ()  # folded positions of a 年 that the text left out (20236月底前: compact_years)

    def end_of(self, i: int) -> int:
        return self.block_ends.get(i, self.starts[i] + 1) + self.offset

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            if start < len(self.starts):
                return self.starts[start] + self.offset, self.starts[start] + self.offset
            pos = self.end_of(len(self.starts) - 1) if self.starts else self.offset
            return pos, pos
        return self.starts[start] + self.offset, self.end_of(end - 1)


@lru_cache(maxsize=1)
def _pairs() -> str:
    """tra2sim.txt's pairs (a traditional character, then its simplified one), one string."""
    # a plain open beside the module: importlib.resources would pull in tempfile, shutil and zipfile at import.
    # The folder is the package's (its __init__ is never compiled): a compiled module imported directly by another
    # compiled one gets a __file__ that mypyc derives from its shared library's folder, not its own.
    from deadline_cn import _grammar

    with open(os.path.join(os.path.dirname(_grammar.__file__ or ""), "data", "tra2sim.txt"), encoding="utf-8") as f:
        raw = f.read()
    return "".join(line for line in raw.splitlines() if not line.startswith("#"))


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str | None]:
    """One translate() table: traditional → simplified, full-width → ASCII, invisible → dropped.

    Invisible characters (spaces, controls, format marks, surrogates) are the lexicon's ranges; the tab is
    kept as a clause break (a column, never inside a phrase).
    """
    pairs = _pairs()
    # built by zip and map in C (a first call pays for this table; a Python loop over the pairs took ~1 ms)
    table: dict[int, str | None] = dict(zip(map(ord, pairs[0::2]), pairs[1::2], strict=False))  # odd: last dropped
    table.update(zip(range(0xFF01, 0xFF5F), map(chr, range(0xFF01 - 0xFEE0, 0xFF5F - 0xFEE0)), strict=True))
    table.update({ord(c): v for c, v in CHAR_VARIANTS.items()})
    for first, last in INVISIBLE_RANGES:
        table.update(dict.fromkeys(range(first, last + 1)))
    table[ord("\t")] = ";"  # "28\t年内" is a row number and 年内, not 28 years
    return table


# what fold writes as digits (and 元 of 元月): with the translate table's keys, what fold may change
FOLDED_NUMERALS = "〇零一二三四五六七八九十百两元"


@lru_cache(maxsize=1)
def changed_by_fold() -> re.Pattern[str]:
    """A class of every character ``fold`` may change: the translate table's keys (traditional, full-width,
    invisible) and the numerals it writes as digits. Where it finds none (and no year runs into its month, see
    ``COMPACT_YEAR``), folding gives the text back as it is. One regex search over a cell, where a loop over its
    characters looked each up in the table. (Its code is stored: the class of ~6,000 characters takes ~4 ms to
    compile.)"""
    pairs = _pairs()
    traditional = pairs[0:len(pairs) - len(pairs) % 2:2]  # the table's keys from the pairs (an odd last one is not)
    if traditional.isprintable() and not any(c in traditional for c in "\\]^-["):
        # (what _char_table adds to the pairs, as ranges; the pairs' own keys as they are: a loop over ~6,000 sorted
        # keys took ~1.5 ms of a first call)
        spans = [(0xFF01, 0xFF5E), *((ord(c), ord(c)) for c in CHAR_VARIANTS), *INVISIBLE_RANGES, (9, 9)]
        return compiled("[" + "".join(_class_range(a, b) for a, b in spans) + traditional + FOLDED_NUMERALS + "]")
    keys = sorted({*_char_table(), *map(ord, FOLDED_NUMERALS)})
    ranges: list[str] = []
    first = last = keys[0]
    for k in keys[1:]:
        if k != last + 1:
            ranges.append(_class_range(first, last))
            first = k
        last = k
    ranges.append(_class_range(first, last))
    return compiled("[" + "".join(ranges) + "]")


def translated(piece: str) -> str:
    """``piece.translate(_char_table())``, looking up only the characters the table may hold (one search of
    ``changed_by_fold`` finds them): ``str.translate`` looks up every character, ~700 instructions each (a number
    object made for its code point, a dict lookup, a raised KeyError when absent), for the few a cell changes."""
    table = _char_table()
    parts: list[str] = []
    last = 0
    for m in changed_by_fold().finditer(piece):
        k = m.start()
        value = table.get(ord(piece[k]), piece[k])  # (a numeral of the class is no key: translate keeps it)
        parts.append(piece[last:k])
        if value is not None:
            parts.append(value)
        last = k + 1
    if not parts:
        return piece
    parts.append(piece[last:])
    return "".join(parts)


def _class_range(first: int, last: int) -> str:
    if first == last:
        return _class_char(first)
    return _class_char(first) + ("-" if last > first + 1 else "") + _class_char(last)


def _class_char(c: int) -> str:
    """A character as a regex class writes it: itself when printable and not special there, else escaped."""
    char = chr(c)
    if char.isprintable() and not 0xD800 <= c <= 0xDFFF and char not in "\\]^-[":
        return char
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" if c < 0x10000 else f"\\U{c:08x}"


@lru_cache(maxsize=1)
def _kept_runs() -> re.Pattern[str]:
    body = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in INVISIBLE_RANGES if not a <= 9 <= b)
    return compiled(f"[^\\x00-\\x08\\x0a-\\x20{body}]+")  # the tab (9) is kept: it folds to ";"


_POSITIONS_CAP = 1 << 16  # the ready positions stop growing here (512 KB); longer pieces build theirs
_positions_ready = array("q")


def _positions(a: int, b: int) -> array[int]:
    """``array("q", range(a, b))``, copied from a ready array of positions (a memcpy, where extending an array
    from a range converts every number: most of what folding a window of extract() cost)."""
    global _positions_ready
    if b > len(_positions_ready):
        if b > _POSITIONS_CAP:
            return array("q", range(a, b))
        _positions_ready = array("q", range(min(_POSITIONS_CAP, max(b, 2 * len(_positions_ready), 1024))))
    return _positions_ready[a:b]


def fold(text: str, start: int = 0, end: int | None = None) -> Folded:
    """Fold ``text[start:end]``; the spans it maps back to are offsets into the whole ``text``."""
    piece = text if start == 0 and end is None else text[start:end]
    if changed_by_fold().search(piece) is None and ("月" not in piece or COMPACT_YEAR.search(piece) is None):
        return Folded(piece, range(len(piece)), offset=start)  # nothing to fold (what the steps below give it)
    return folded_piece(piece, start)


def folded_piece(piece: str, start: int = 0) -> Folded:
    """``fold``'s steps on a piece beginning at ``start`` of the caller's text (for a caller that knows there is
    something to fold: ``fold`` first tells, with one search, a piece there is nothing to fold in)."""
    if " " in piece or "\u3000" in piece:
        piece = _digit_groups_parted(piece)
    if "\n" in piece:
        piece = _ROW_START.sub("\t", piece)
    if ("\n" in piece or " " in piece or "\u3000" in piece) and ("日" in piece or "号" in piece) \
            and _DAY_THEN_DATE.search(piece) is not None:  # (it follows a 日 or 号: the cheap test first)
        piece = _DAY_THEN_DATE.sub(_parted, piece)
    folded = translated(piece)
    if len(folded) == len(piece):
        starts: Sequence[int] = range(len(piece))
    else:
        kept = array("q")
        for run in _kept_runs().finditer(piece):
            kept.extend(_positions(run.start(), run.end()))
        starts = kept
    if "元月" in folded:  # 元月 is January (see _FIRST_MONTH): one character for one, so offsets hold
        folded = _FIRST_MONTH.sub("1", folded)
    out = _fold_numerals(folded, starts, start) if _NUMERAL_RUN.search(folded) else Folded(folded, starts, offset=start)
    return compact_years(out) if "月" in out.text and COMPACT_YEAR.search(out.text) else out


# 20236月底前 · 20231月底前 · 202312月: a year run into its month, its 年 lost (a page that dropped the character, as
# 2023720日 dropped 年 and 月). Folding writes the 年 back, mapped to the year's last digit, and keeps where: a
# reading over it is flagged typo:compact-date (_read.pipeline.build). Only a year of 19xx / 20xx right before
# a month and its 月, so no count or code is taken for one.
# ((?<![\d.])(?:19|20)\d\d(?=…月) written to open with its first digit, 1 or 2, and look behind after it: the
# engine then skips to a 1 or a 2 at once, where an opening lookbehind made it try the pattern at every character)
COMPACT_YEAR = compiled(r"(?:1(?=9)|2(?=0))(?<![\d.].)\d{3}(?=(?:1[0-2]|0?[1-9])月)")


def compact_years(f: Folded) -> Folded:
    """``f`` with a 年 written after each year run into its month (see ``COMPACT_YEAR``)."""
    parts: list[str] = []
    starts = array("q")
    block_ends: dict[int, int] = {}
    inserted: list[int] = []
    last = 0
    for m in COMPACT_YEAR.finditer(f.text):
        parts.append(f.text[last:m.end()])
        starts.extend(_part(f.starts, last, m.end()))
        inserted.append(len(starts))
        starts.append(f.starts[m.end() - 1])  # the 年 maps to the year's last digit (its end, the year's end)
        parts.append("年")
        last = m.end()
    parts.append(f.text[last:])
    starts.extend(_part(f.starts, last, len(f.starts)))
    if f.block_ends:  # a numeral's digits move on by the 年s written before them
        block_ends = _shifted(f.block_ends, inserted)
    for i in inserted:
        if (i - 1) in block_ends:
            block_ends[i] = block_ends[i - 1]
    return Folded("".join(parts), starts, block_ends or _NO_BLOCKS, f.offset, tuple(inserted))


def _shifted(block_ends: Mapping[int, int], inserted: list[int]) -> dict[int, int]:
    """A numeral's block ends keyed by folded positions after the 年s at ``inserted`` (new positions) went in."""
    out: dict[int, int] = {}
    for k, end in block_ends.items():
        new = k
        for i in inserted:
            if i <= new:
                new += 1
        out[new] = end
    return out


# Spaces between two digit groups go (2 0 2 4 年 · a PDF wrap inside 2019年), except where the number they would make
# is no date: 3 6月底前 (month 36) · 10 12月底前 · 1 2024年6月底前 · 2024 6月底前 are a row number (or a stray figure)
# before a date. There the space parts them, as a tab does (folded to ";"). (1 2月底前 stays 12月: a wrap inside 12
# reads the same.)
_SPACES = " \u3000\u00a0"
_SPACED_DIGITS = re.compile(f"(\\d\\d*)[{_SPACES}]+(?=(\\d+)([年月日号]))")  # (\d\d*: see _NUMERAL_RUN)
_LARGEST = {"年": 2199, "月": 12, "日": 31, "号": 31}


# a space right before a digit: where _SPACED_DIGITS can match (its spaces are followed by digits)
_SPACE_DIGIT = compiled(f"[{_SPACES}]\\d")


def _digit_groups_parted(piece: str) -> str:
    if _SPACE_DIGIT.search(piece) is None:
        return piece  # no space before a digit: nothing to part (the cheap test first)
    parts: list[str] = []
    last = 0
    dropped = _char_table()
    for m in _SPACED_DIGITS.finditer(piece):
        k = m.start()
        while k > last and (piece[k - 1].isdigit() or dropped.get(ord(piece[k - 1]), "") is None):
            k -= 1  # 2 0 19年 · 2\n0 19年: every group before the unit that folding joins
        digits = "".join(c for c in piece[k:m.end()] if c.isdigit()) + m.group(2)
        if int(digits) <= _LARGEST[m.group(3)] and (m.group(3) != "年" or len(digits) in (2, 4)):
            continue  # a date once joined: one number
        parts.append(piece[last:m.end() - 1])
        parts.append("\t")  # the space's last character: same length, so offsets hold
        last = m.end()
    if not parts:
        return piece
    parts.append(piece[last:])
    return "".join(parts)


# dropped by folding: 2\n0 \u200b19年 is 2019年 (no row number 0)
_ZERO_WIDTH = "\u200b-\u200f\u2060\ufeff"
# 2024年4月30日\n2024年6月30日 · 3月31日  6月30日: a day, a line break or spaces, then another date — two dates of a
# cell (one a line), not a range whose joiner was lost (4月28日5月18日, touching, still is: typo:missing-joiner). The
# break parts them as a tab does. Not before a time of that day (2024年6月8日 9:00).
_DAY_THEN_DATE = re.compile("(?<=[日号])[ \u3000\r\n]+(?=[\\d〇零一二三四五六七八九十])(?!\\d{1,2}\\s*[:：时点])"
                            "(?![一二三四五六七八九十]{1,3}[时点])")


def _parted(m: re.Match[str]) -> str:
    return m.group()[:-1] + "\t"  # the run's last character: same length, so offsets hold


# A table pasted as lines (1 制定方案 市发改委 2024年4月底前 / 2 组织实施 各县区 …): a line opened by a row number (then
# a space, . or 、, then a word — not a date's or a count's unit) starts a new row, so its line break parts the rows
# as a tab does, and the time ending the row before never takes this row's words as its scope
_ROW_START = re.compile(f"\n(?=[ \u3000]*\\d{{1,3}}(?:[.、．]|(?=[ \u3000]))[ \u3000{_ZERO_WIDTH}]*"
                        f"(?![\\d\\s{_ZERO_WIDTH}{ROW_NOT_WORDS}]))")



# 元 begins 元月 only after a year, a preposition or no word at all (not 港元月均, 十元月票, 多元月度)
_FIRST_MONTH = re.compile(r"(?:(?<=[年于在至到从自])|(?<![\u4e00-\u9fff\d]))元(?=月)")


def _fold_numerals(text: str, starts: Sequence[int], offset: int) -> Folded:
    out: list[str] = []
    new_starts = array("q")
    block_ends: dict[int, int] = {}
    last = 0
    for m in _NUMERAL_RUN.finditer(text):
        if text[m.end():m.end() + 1].isascii() and text[m.end():m.end() + 1].isdigit():
            continue  # 周五12时: folded, 五 would join 12 into 512; the grammar reads 周五 in words
        digits = numeral_value(m.group()) if _in_numeral_context(text, m.start(), m.end()) else None
        if digits is None and len(m.group()) == 2 and text.startswith("年", m.end()) \
                and all(c in CN_DIGITS for c in m.group()):
            digits = "".join(str(CN_DIGITS[c]) for c in m.group())  # 九八年: a year in two words (not 百〇年)
        if digits is None:
            continue
        out.append(text[last:m.start()])
        new_starts.extend(_part(starts, last, m.start()))
        # every digit maps to the whole numeral, so any match over it maps back to all of it
        first, end = starts[m.start()], starts[m.end() - 1] + 1
        for k in range(len(digits)):
            block_ends[len(new_starts) + k] = end
        new_starts.extend([first] * len(digits))
        out.append(digits)
        last = m.end()
    out.append(text[last:])
    new_starts.extend(_part(starts, last, len(starts)))
    return Folded("".join(out), new_starts, block_ends, offset)


def _part(starts: Sequence[int], a: int, b: int) -> Sequence[int]:
    """``starts[a:b]`` as an array when ``starts`` is the identity (nothing dropped): extended without a loop."""
    return _positions(a, b) if isinstance(starts, range) else starts[a:b]


def _in_numeral_context(text: str, start: int, end: int) -> bool:
    """一 in 统一 / 一门式 stays a word; 一季度, 第一, 星期五, 二〇一七年 are numbers."""
    after = text[end] if end < len(text) else ""
    before = text[start - 1] if start else ""
    if after in ("到", "至") and end + 1 < len(text) and (text[end + 1].isdigit() or text[end + 1] in CN_DIGITS):
        return True  # 两到三年: the first number of a range (统一到位 stays a word)
    return (after != "" and after in NUMERAL_AFTER) or (before != "" and before in NUMERAL_BEFORE)


def numeral_value(run: str) -> str | None:
    """"二〇一七" → "2017", "十二" → "12", "两" → "2"; None when the run is not one number ("十三五")."""
    if "十" not in run and "百" not in run:
        if len(run) == 1 or len(run) == 4 or "〇" in run or "零" in run:
            return "".join(str(CN_DIGITS[c]) for c in run)
        return None
    m = _POSITIONAL.match(run)
    if m is None:
        return None
    hundreds, tens_digit, ten, units = m.groups()
    value = 0
    if "百" in run:
        value += CN_DIGITS[hundreds] * 100 if hundreds else 100
    if ten:
        value += CN_DIGITS[tens_digit] * 10 if tens_digit else 10
    if units:
        value += CN_DIGITS[units]
    return str(value)
