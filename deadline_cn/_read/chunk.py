"""What extract() does per window, compiled with the hot path (``deadline_cn/_compiled.py``): the reading budget,
reading a window as a chunk is read, and the prose filters on each reading (``looks_back``). ``extract.py`` keeps
the public function (its argument checks name the argument, where a compiled function would raise mypyc's own
TypeError first), the chunking and the constants, which it hands in."""

from __future__ import annotations

from datetime import date

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.parse import DeadlineP, Item, MarkerP, OngoingP, RangeP
from deadline_cn._grammar.scope import Placed, place
from deadline_cn._grammar.text import fold
from deadline_cn._read.anchors import anchor, first_chars
from deadline_cn._read.pipeline import build, flag_unread, items_of, original_text
from deadline_cn._read.prose import counts, heads_clause, must, narrates, prose_times, word_soon
from deadline_cn._read.windows import MAX_SENTENCE, Window
from deadline_cn._resolve.resolver import Context, Settings
from deadline_cn.results import Result, Unresolved, replace

SENTENCE_ENDS = "。;\n"  # folded: ； is ;
TRUNCATED = "truncated:"  # flag: truncated:<n>, n characters left unread
UNREAD_REACH = 1  # in prose, only time words touching a reading flag it (the rest is other sentences' business)
DENSE = "dense:"  # flag: dense:<n>, the last n characters left unread (the reading budget ran out)


class Budget:
    """The time words extract() may still read: ``burst`` (extract.BURST), plus one per ``bytes_per_word``
    (extract.BYTES_PER_WORD) bytes of text up to the end of the window offered. Windows (a sentence with its
    context) are offered in order, and each is taken only if its time words fit."""

    def __init__(self, text: str, burst: int, bytes_per_word: int) -> None:
        self.text = text
        self.burst, self.bytes_per_word = burst, bytes_per_word  # (extract's BURST and BYTES_PER_WORD)
        self.used = 0  # time words in the windows counted
        self.reach = 0  # where the last window taken ends (a window overlapping it counts from there)
        self.uncounted: list[tuple[int, int]] = []  # taken while a bound on their time words fit the budget
        self.upper = 0  # that bound: their characters, or (``tight``) the characters a time word can begin with
        self.tight = False
        self.recounted = False  # words were counted once: the tighter bound is not tried again
        self.counted = 0  # text[:counted] is ``size`` bytes of UTF-8
        self.size = 0

    def admit(self, w: Window) -> bool:
        """Take ``w`` if its time words fit (True). While a bound on the time words of the windows taken fits,
        nothing is counted: their characters (a paragraph, a cell: most calls), else, until words were once
        counted, the characters a time word can begin with (in plan prose about one in six: it spares a document
        of plan prose the count). A long text soon needs its words counted; from then on the second bound would
        only add its own scan to the count, and it is not tried again (so it costs a long text one scan of its
        first windows: +0.5 % of extract's instructions on the seed documents 30x, -2 % at 1x)."""
        lo = max(w.start, self.reach)
        if lo >= w.end:
            return True
        if not self.tight and self.used + self.upper + (w.end - lo) <= self.burst + w.end // self.bytes_per_word:
            return self._take(lo, w.end, w.end - lo)  # (characters <= bytes: within the budget)
        if not self.recounted:
            if not self.tight:
                self.upper, self.tight = sum(self._starts(a, b) for a, b in self.uncounted), True
            bound = self._starts(lo, w.end)
            if self.used + self.upper + bound <= self.burst + self._bytes(w.end) // self.bytes_per_word:
                return self._take(lo, w.end, bound)
        self.used += sum(self._words(a, b) for a, b in self.uncounted)
        self.uncounted, self.upper, self.tight, self.recounted = [], 0, False, True
        words = self._words(lo, w.end)
        if self.used + words > self.burst + self._bytes(w.end) // self.bytes_per_word:
            return False
        self.used += words
        self.reach = w.end
        return True

    def _take(self, lo: int, hi: int, bound: int) -> bool:
        """Take the window ``[lo, hi)`` with no more than ``bound`` time words, uncounted."""
        self.uncounted.append((lo, hi))
        self.upper += bound
        self.reach = hi
        return True

    def _words(self, lo: int, hi: int) -> int:
        return len(anchor().findall(self.text, lo, hi))

    def _starts(self, lo: int, hi: int) -> int:
        """At least ``_words(lo, hi)``, for less: every time word begins with one of these characters."""
        return len(first_chars().findall(self.text, lo, hi))

    def _bytes(self, end: int) -> int:
        """The UTF-8 length of ``text[:end]``, counted on from the last call (windows come in order)."""
        if end > self.counted:
            self.size += len(self.text[self.counted:end].encode("utf-8", "surrogatepass"))
            self.counted = end
        return self.size

    def unread(self, at: int) -> Unresolved:
        """The text from ``at`` to its end, not read: the budget ran out there."""
        left = len(self.text) - at
        return Unresolved(text=self.text, span=(at, len(self.text)), flags=(f"{DENSE}{left}",),
                          reason=f"text too dense with dates: after {self.used:,} time words in its first {at:,} "
                                 f"characters the last {left:,} were not read (at most {self.burst:,}, plus one per "
                                 f"{self.bytes_per_word} bytes)")


def read_window(text: str, w: Window, settings: Settings, listed: frozenset[int] = frozenset()) -> list[Result]:
    """One window read as a chunk is; a truncated sentence says so on its results (or on the unread rest)."""
    found = read_chunk(text, w.start, w.end, settings, listed)
    if not w.cut:
        return found
    flag = f"{TRUNCATED}{w.cut}"
    if not found:
        return [Unresolved(text=text, span=(w.end, w.end + w.cut), flags=(flag,),
                           reason=f"a sentence longer than {MAX_SENTENCE:,} characters: the last {w.cut:,} unread")]
    return [replace(r, flags=(*r.flags, flag)) for r in found]


def read_chunk(text: str, start: int, end: int, settings: Settings,
                   listed: frozenset[int] = frozenset()) -> list[Result]:
    folded = fold(text, start, end)
    scan, items = items_of(folded, listed)
    kept = prose_times(items, scan)
    if all(isinstance(it.parse, MarkerP) for it in kept):
        return []  # only hedges and 及时 (or nothing) kept: place() would return just them, which prose drops
    placed = [p for p in place(scan, kept, continue_clauses=False) if not isinstance(p.item.parse, MarkerP)]
    if placed:
        flag_unread(text, folded, scan, items, placed, reach=UNREAD_REACH)
    out: list[Result] = []
    ctx, sentence_end = None, -1
    for p in placed:
        # within a sentence a later yearless date takes the year written before it (2022年1月3日放假，2月26日返校),
        # as normalise() reads a cell; across sentences nothing is carried
        if ctx is None or p.item.start >= sentence_end:
            ctx = Context(settings, lambda span: original_text(text, folded, span))
            stops = [k for k in (scan.find(c, p.item.end) for c in SENTENCE_ENDS) if k >= 0]
            sentence_end = min(stops, default=len(scan))
        result = build(text, folded, p, ctx)
        if not looks_back(p, result, settings.ref, scan):
            out.append(result)
    return out


_TOLD_REACH = 120  # how far into its sentence a span gone by may be told of (a list of places may stand between)


def _narrated_sentence(scan: str, item: Item) -> bool:
    """A time gone by opening its sentence, which then tells what was done, clauses on (2005年11月11日至14日，督查组在…
    期间，…进行了现场检查)."""
    return heads_clause(scan, item, sentence=True) and narrates(scan, item.end, reach=80, sentence=True)


def looks_back(p: Placed, result: Result, ref: date | None, scan: str) -> bool:
    """2022年，全市地区生产总值增长6%… in a plan issued in 2023: a bare year (half, quarter) that ended before
    the document was issued heads a report on what was done, not a task. So does any date already past that
    opens a clause telling what was done (截止到2023年底，全市共有企业2万户)."""
    parse = p.item.parse
    due = getattr(result, "due", None)
    if scan[max(0, p.item.start - 4):p.item.start].endswith(lx.DONE_BEFORE):
        return True  # 已于5月20日开工 · 先后于2月22日召开 · 原定于3月底前完成的任务: done, or a plan superseded
    after = p.item.end + 1 if scan.startswith(",", p.item.end) else p.item.end
    if isinstance(parse, DeadlineP) and ref is not None and due is not None and due < ref \
            and (parse.when.day is not None or parse.when.month is not None) and not parse.cue \
            and word_soon(scan, after, lx.HELD_VERBS, 24) is not None and not must(scan, after, 24):
        # 6月5日，市长主持召开… · 我市于2024年4月12日召开动员大会 · 项目于2023年8月开工 (a day or a month gone by and
        # what was held or begun in it)
        return True
    # a date read in the next year because this year's was long gone (春节期间 in March): told of as much as
    # past, when its sentence narrates or counts
    alternatives = getattr(result, "alternatives", None)
    rolled = "ambiguous:year" in result.flags and (  # (not steps run forward: 10月30日前…，6月底… is next June's)
        alternatives is None or any(a.reading in ("ref-year", "plan-year") for a in alternatives))
    if isinstance(parse, (RangeP, OngoingP)) and ref is not None and (end := getattr(result, "end", None)) \
            and (end < ref or rolled):
        # 2023年10月至12月，市纪委监委开展了专项整治 · 2021年至2023年，全市共新建学校12所 · 2023年全年，全市接待
        # 游客3000万人次: a period gone by heading its sentence, then what was done or counted
        told = narrates(scan, p.item.end) or (
            heads_clause(scan, p.item) and narrates(scan, p.item.end, reach=_TOLD_REACH, sentence=True))
        if not rolled and isinstance(parse, RangeP) and told:
            # …于8月31日至9月10日对…进行了督查 · 2022年3月15日至5月20日，巡察组对…开展专项巡察，并于…反馈了…: a span
            # gone by and its sentence telling what was done in it, further on than a clause's reach
            return True
        return heads_clause(scan, p.item) and (narrates(scan, p.item.end) or counts(scan, p.item.end)
                                               or _narrated_sentence(scan, p.item))
    if ref is None or not isinstance(parse, DeadlineP) or due is None or (due >= ref and not rolled):
        return False
    if narrates(scan, p.item.end) or (heads_clause(scan, p.item) and not parse.cue and not parse.by
                                      and (counts(scan, p.item.end) or _narrated_sentence(scan, p.item))):
        return True  # …，审议通过了 · 2024年1-2月，全市一般公共预算收入完成45亿元 (a past period's figures)
    if due >= ref:
        return False  # (rolled: only what narrates is told)
    if parse.by and scan.startswith(("截至", "截止"), p.item.start) and heads_clause(scan, p.item) \
            and scan.startswith(",", p.item.end) and not must(scan, p.item.end + 1):  # not 截至…，各地要完成…
        return True  # 截至2023年底，全市建成… (a count as of a past day; no limit is set for a day gone by)
    if parse.cue or parse.by or parse.when.edge or parse.after:
        return False
    return getattr(result, "precision", None) in ("year", "half", "quarter")
