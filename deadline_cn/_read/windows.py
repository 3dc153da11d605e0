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

from collections.abc import Callable
from functools import lru_cache

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._read.anchors import anchor, char_class, invisible, raw_chars, word

MAX_SENTENCE = 8_192  # characters; the longest sentence in corpus/sources and corpus/wild has 2,119
TITLE_REACH = 512  # raw characters searched for the 《 or 》 of a title around a cut (a title folds to <= 122)


class Window:
    """A span extract() reads: ``[start, end)``, and ``cut`` characters of the sentence after ``end`` left unread
    (0: none). A plain slotted class: a frozen dataclass costs ~1.5 ms of exec at import."""

    __slots__ = ("cut", "end", "start")

    def __init__(self, start: int, end: int, cut: int = 0) -> None:
        self.start, self.end, self.cut = start, end, cut

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end, self.cut) == (other.start, other.end, other.cut)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.cut))

    def __repr__(self) -> str:
        return f"Window(start={self.start}, end={self.end}, cut={self.cut})"


class _Patterns:
    """What this module looks for in raw text, prepared once. Backward searches use ``last`` (str.rfind, near
    first); forward ones a compiled class, searched over a bounded span."""

    def __init__(self) -> None:
        self.ends, self.clause_ends = raw_chars("。;"), raw_chars(lx.CLAUSE_SEPARATORS)
        self.end = compiled(char_class("。;"))  # (stored regex code: a first call compiles nothing)
        self.clause_end = compiled(char_class(lx.CLAUSE_SEPARATORS))
        self.event = raw_chars("后")  # …发生后: the clause before may be an offset's event
        self.hedge = compiled(invisible() + "*(?:" + "|".join(word(h) for h in lx.HEDGES) + ")")
        self.opens, self.closes = raw_chars("《"), raw_chars("》")
        self.bracket = compiled(char_class("《》"))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


def windows(text: str, start: int, end: int) -> list[Window]:
    """The windows of ``text[start:end]`` (a chunk: it starts a sentence and ends one or the text), in order,
    never overlapping."""
    return admitted(text, start, end)[0]


def admitted(text: str, start: int, end: int,
             admit: Callable[[Window], bool] | None = None) -> tuple[list[Window], int | None]:
    """The windows of the chunk as ``windows`` finds them, each sentence's (with its context) offered to ``admit``
    in order before it is taken: at the first refused, the search stops. Returns the windows taken (merged) and
    where the text left unread begins (None when none was refused)."""
    found, pat = anchor(), _patterns()
    # what the context rules look for, if the chunk has it at all (their searches stay inside the chunk, so a
    # chunk without a 后 or a 《 skips them: the same windows, without four backward searches a sentence)
    has = _Has(*(any(text.find(c, start, end) >= 0 for c in chars) for chars in (pat.event, pat.opens)))
    out: list[Window] = []
    pos = reach = start
    while pos < end and (m := found.search(text, pos, end)) is not None:
        s = _sentence_start(text, m.start(), pos)
        e = _sentence_stop(text, m.end(), end)
        w = _truncate(text, s, e) if e - s > MAX_SENTENCE else Window(*_with_context(text, s, e, start, end, has))
        if admit is not None and not admit(w):
            return _merge(out), max(pos, reach)
        out.append(w)
        pos, reach = e, max(reach, w.end)
    return _merge(out), None


class _Has:
    """What a chunk holds that widens a window: a 后 (…发生后；24小时内报告), a 《 (a plain class: no dataclass
    exec at import)."""

    __slots__ = ("event", "title")

    def __init__(self, event: bool = True, title: bool = True) -> None:
        self.event, self.title = event, title


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
    limit = s + MAX_SENTENCE
    cut = last(text, _patterns().clause_ends, s, limit) + 1
    cut = cut if cut > s else limit
    return Window(s, cut, e - cut)


def last(text: str, chars: str, lo: int, hi: int) -> int:
    """The last position of one of ``chars`` in ``text[lo:hi]``, or -1. Looked for near ``hi`` first: a
    character that is absent makes ``rfind`` scan back all the way to ``lo``."""
    if hi <= lo:
        return -1
    for reach in (64, 1024):
        if hi - reach <= lo:
            break
        k = max([text.rfind(c, hi - reach, hi) for c in chars])
        if k >= 0:
            return k
    return max([text.rfind(c, lo, hi) for c in chars])


def _sentence_start(text: str, at: int, floor: int) -> int:
    """Just after the last sentence end in ``text[floor:at]`` (``floor`` when there is none)."""
    return max(floor, last(text, _patterns().ends, floor, at) + 1)


def _sentence_stop(text: str, at: int, ceiling: int) -> int:
    """Just after the first sentence end in ``text[at:ceiling]`` (``ceiling`` when there is none)."""
    m = _patterns().end.search(text, at, ceiling)
    return m.end() if m else ceiling


_HAS_ALL = _Has()  # a chunk not searched: assume it holds both


def _with_context(text: str, s: int, e: int, lo: int, hi: int, has: _Has = _HAS_ALL) -> tuple[int, int]:
    """Grow [s, e) by the neighbours it needs (module docstring), never past the chunk [lo, hi)."""
    pat = _patterns()
    # the last 后 before the sentence end, with no clause end after it: the clause before ends in 后
    if s > lo and has.event:
        floor = max(lo, s - 1 - MAX_SENTENCE)
        k = last(text, pat.event, floor, s - 1)
        if k >= 0 and pat.clause_end.search(text, k, s - 1) is None:
            prev = _sentence_start(text, s - 1, floor)
            if prev > floor or floor == lo:  # a previous sentence too long to read is not taken in
                s = prev
    if e < hi and pat.hedge.match(text, e):
        e = _sentence_stop(text, e, min(hi, e + MAX_SENTENCE))
    while has.title and s > lo and (opened := _open_title(text, s, lo)) is not None:
        s = _sentence_start(text, opened, max(lo, opened - MAX_SENTENCE))
    while has.title and e < hi and _open_title(text, e, lo) is not None:
        e = _sentence_stop(text, e, min(hi, e + MAX_SENTENCE))
    return s, e


def _open_title(text: str, at: int, lo: int) -> int | None:
    """Where the 《 of a title that ``at`` falls inside begins (its 》 after ``at``), else None."""
    pat = _patterns()
    floor = max(lo, at - TITLE_REACH)
    opened = last(text, pat.opens, floor, at)
    if opened < 0 or last(text, pat.closes, opened, at) >= 0:
        return None
    after = pat.bracket.search(text, at, at + TITLE_REACH)
    if after is None or after.group() in pat.opens:
        return None
    return opened
