"""Folding text for the grammar while keeping a map back to the original offsets.

Only surface variation is folded: full-width → ASCII, traditional → simplified (one character each),
whitespace / zero-width / control characters dropped (PDF line breaks inside a phrase, stray spaces), and
Chinese numerals written as digits (二〇一七 → 2017, 十二 → 12, 两 → 2). Nothing is reworded, so every
span the grammar finds maps back into the caller's text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from deadline_cn._lexicon import CHAR_VARIANTS, CN_DIGITS, NUMERAL_AFTER, NUMERAL_BEFORE

_NUMERAL_RUN = re.compile("[〇零一二三四五六七八九十百两]+")
_POSITIONAL = re.compile(
    "^(?:([一二三四五六七八九两])?百)?零?(?:([一二三四五六七八九两])?(十))?([一二三四五六七八九])?$"
)


@dataclass(frozen=True)
class Folded:
    """The folded text and, per folded character, the original ``[start, end)`` it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _is_dropped(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str | None]:
    """One translate() table: traditional → simplified, full-width → ASCII, invisible → dropped."""
    table: dict[int, str | None] = {}
    raw = resources.files("deadline_cn").joinpath("data/tra2sim.txt").read_text(encoding="utf-8")
    pairs = "".join(line for line in raw.splitlines() if not line.startswith("#"))
    for i in range(0, len(pairs) - 1, 2):
        table[ord(pairs[i])] = pairs[i + 1]
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table[ord("\t")] = ";"  # a tab is a column break, never inside a phrase: keep "28\t年内" apart
    table.update({ord(c): v for c, v in CHAR_VARIANTS.items()})
    invisible = (*range(0x00, 0x09), *range(0x0A, 0x21), 0x7F, 0x85, 0xA0, 0x1680, *range(0x2000, 0x2010),
                 *range(0x2028, 0x2030), 0x205F, *range(0x2060, 0x2070), 0x3000, 0xFEFF)
    for code in invisible:
        if _is_dropped(chr(code)):
            table[code] = None
    return table


def fold(text: str) -> Folded:
    table = _char_table()
    folded = text.translate(table)
    if len(folded) == len(text) and not _has_odd(folded):
        starts = tuple(range(len(text)))
        ends = tuple(range(1, len(text) + 1))
    else:
        kept = [i for i, ch in enumerate(text) if not _drops(ch, table)]
        folded = "".join(text[i] for i in kept).translate(table)
        starts = tuple(kept)
        ends = tuple(i + 1 for i in kept)
    if _NUMERAL_RUN.search(folded):
        return _fold_numerals(Folded(folded, starts, ends))
    return Folded(folded, starts, ends)


def _has_odd(folded: str) -> bool:
    """Characters translate() left but the grammar must not see (rare controls, surrogates)."""
    return not folded.isprintable() and any(_is_dropped(ch) for ch in folded if ch != ";")


def _drops(ch: str, table: dict[int, str | None]) -> bool:
    mapped = table.get(ord(ch), ch)
    return mapped is None or (mapped == ch and _is_dropped(ch))


def _fold_numerals(f: Folded) -> Folded:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for m in _NUMERAL_RUN.finditer(f.text):
        out.append(f.text[last:m.start()])
        starts.extend(f.starts[last:m.start()])
        ends.extend(f.ends[last:m.start()])
        digits = numeral_value(m.group()) if _in_numeral_context(f.text, m.start(), m.end()) else None
        if digits is None:
            digits = m.group()
            starts.extend(f.starts[m.start():m.end()])
            ends.extend(f.ends[m.start():m.end()])
        else:
            # every digit maps to the whole numeral, so any match over it maps back to all of it
            starts.extend([f.starts[m.start()]] * len(digits))
            ends.extend([f.ends[m.end() - 1]] * len(digits))
        out.append(digits)
        last = m.end()
    out.append(f.text[last:])
    starts.extend(f.starts[last:])
    ends.extend(f.ends[last:])
    return Folded("".join(out), tuple(starts), tuple(ends))


def _in_numeral_context(text: str, start: int, end: int) -> bool:
    """一 in 统一 / 一门式 stays a word; 一季度, 第一, 星期五, 二〇一七年 are numbers."""
    after = text[end] if end < len(text) else ""
    before = text[start - 1] if start else ""
    return (after in NUMERAL_AFTER and after != "") or (before in NUMERAL_BEFORE and before != "")


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
