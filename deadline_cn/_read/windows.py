"""Which parts of a chunk extract() reads: the sentences an anchor is in, with the context each needs.

Reading is a sentence's business: the year a date carries forward, the clause a reading governs and the words
that flag it all stop at 。 and ; (folded). So extract() reads only windows — runs of whole sentences that
hold an anchor (``anchors.anchor``) — and gives exactly what reading the whole chunk gives, because a window
takes in the few things that do cross a sentence end:

* the sentence before, when its last clause ends in 后 (…发生后；24小时内报告: an offset heading a sentence takes
  the clause before as its event);
* the sentence after, when it opens with a hedge (…年底前完成；力争…: the hedge flags the time before the ;);
* a 《title》 is never cut: its years are masked as a whole.

Sentences next to each other are read as one window (a time word between two readings flags the nearer).

A sentence longer than ``MAX_SENTENCE`` characters (about four times the longest in the corpus) is read only up to
its last clause end before that length: the results read in it carry ``truncated:<n>`` (n characters left
unread), and when it gives none, one ``Unresolved`` with that flag stands for the unread rest. So a megabyte
without a full stop costs what a short paragraph costs, and what is skipped is always said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from deadline_cn._grammar import lexicon as lx
from deadline_cn._read.anchors import anchor, invisible, raw_chars, sentence_end, word

MAX_SENTENCE = 8_192  # characters; the longest sentence in corpus/sources and corpus/wild has 2,119
TITLE_REACH = 1_000  # raw characters searched for the 《 or 》 of a title around a cut (a title folds to <= 122)


@dataclass(frozen=True)
class Window:
    start: int
    end: int  # where reading stops
    cut: int = 0  # characters of the sentence after ``end`` left unread (0: none)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], str, str, str, str, str]:
    ends = raw_chars("。;")
    clause_ends = raw_chars(lx.CLAUSE_SEPARATORS)
    hedge = re.compile(invisible() + "*(?:" + "|".join(word(h) for h in lx.HEDGES) + ")")
    return (re.compile(sentence_end()), hedge, ends, clause_ends, raw_chars("后"), raw_chars("《"),
            raw_chars("》"))


def windows(text: str, start: int, end: int) -> list[Window]:
    """The windows of ``text[start:end]`` (a chunk: it starts a sentence and ends one or the text), in order,
    never overlapping."""
    find_end, _, ends, _, _, _, _ = _patterns()
    found = anchor()
    out: list[Window] = []
    pos = start
    while pos < end and (m := found.search(text, pos, end)) is not None:
        s = max(pos, max(text.rfind(c, pos, m.start()) for c in ends) + 1)
        stop = find_end.search(text, m.end(), end)
        e = stop.end() if stop else end
        out.append(_truncate(text, s, e) if e - s > MAX_SENTENCE else Window(*_with_context(text, s, e, start, end)))
        pos = e
    return _merge(out)


def _merge(found: list[Window]) -> list[Window]:
    """Windows that touch or overlap read as one; a cut (truncated) window is never widened."""
    out: list[Window] = []
    for w in sorted(found, key=lambda w: w.start):
        last = out[-1] if out else None
        if last is None or w.start > last.end or (w.start == last.end and (w.cut or last.cut)):
            out.append(w)
        elif w.cut or last.cut:  # only around a sentence too long to read: keep the cut one, clip the other
            if w.end > last.end:
                out.append(Window(last.end, w.end, w.cut))
        else:
            out[-1] = Window(last.start, max(last.end, w.end))
    return out


def _truncate(text: str, s: int, e: int) -> Window:
    """A sentence too long to read whole: read it up to its last clause end before ``MAX_SENTENCE``."""
    clause_ends = _patterns()[3]
    limit = s + MAX_SENTENCE
    cut = max(text.rfind(c, s, limit) for c in clause_ends) + 1
    cut = cut if cut > s else limit
    return Window(s, cut, e - cut)


def _sentence_start(text: str, at: int, floor: int) -> int:
    ends = _patterns()[2]
    return max(floor, max(text.rfind(c, floor, at) for c in ends) + 1)


def _sentence_stop(text: str, at: int, ceiling: int) -> int:
    stop = _patterns()[0].search(text, at, ceiling)
    return stop.end() if stop else ceiling


def _with_context(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """Grow [s, e) by the neighbours it needs (module docstring), never past the chunk [lo, hi)."""
    _, hedge, _, clause_ends, after, _, _ = _patterns()
    if s > lo:
        floor = max(lo, s - 1 - MAX_SENTENCE)
        clause = max(floor, max(text.rfind(c, floor, s - 1) for c in clause_ends) + 1)
        if any(c in text[clause:s - 1] for c in after):
            prev = _sentence_start(text, s - 1, floor)
            if prev > floor or floor == lo:  # a previous sentence too long to read is not taken in
                s = prev
    if e < hi and hedge.match(text, e):
        e = _sentence_stop(text, e, min(hi, e + MAX_SENTENCE))
    while s > lo and (opened := _open_title(text, s, lo)) is not None:
        s = _sentence_start(text, opened, max(lo, opened - MAX_SENTENCE))
    while e < hi and _open_title(text, e, lo) is not None:
        e = _sentence_stop(text, e, min(hi, e + MAX_SENTENCE))
    return s, e


def _open_title(text: str, at: int, lo: int) -> int | None:
    """Where the 《 of a title that ``at`` falls inside begins (its 》 after ``at``), else None."""
    *_, opens, closes = _patterns()
    floor = max(lo, at - TITLE_REACH)
    last_open = max(text.rfind(c, floor, at) for c in opens)
    if last_open < 0 or max(text.rfind(c, floor, at) for c in closes) > last_open:
        return None
    next_close = min((k for c in closes if (k := text.find(c, at, at + TITLE_REACH)) >= 0), default=-1)
    next_open = min((k for c in opens if (k := text.find(c, at, at + TITLE_REACH)) >= 0), default=-1)
    if next_close < 0 or 0 <= next_open < next_close:
        return None
    return last_open
