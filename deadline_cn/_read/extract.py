"""extract(): every deadline expression in running text (a paragraph or a whole plan).

The same tokens, rules and resolver as ``normalise`` — so an extracted phrase reads as ``normalise`` reads
it — with the filters prose needs. In a table cell a bare "2017年" or "长期" is the deadline; in running text
it is a modifier ("2016年住房保障信息公开工作", "长期公示") or a signature date ("2017年1月9日"). So prose keeps
a date only when a cue makes it a time limit (前, 底, 内, 止, 起, 到…), and leaves out vague adverbs
(及时, 定期, 常态化, 长期, 持续), conditions (按…部署), and years inside 《titles》.
"""

from __future__ import annotations

from datetime import date

from deadline_cn._read.chunk import DENSE as DENSE
from deadline_cn._read.chunk import SENTENCE_ENDS as SENTENCE_ENDS
from deadline_cn._read.chunk import TRUNCATED as TRUNCATED
from deadline_cn._read.chunk import UNREAD_REACH as UNREAD_REACH
from deadline_cn._read.chunk import Budget, read_chunk, read_window
from deadline_cn._read.normalise import DateLike, check_args
from deadline_cn._read.pipeline import list_number_marks, mask_doc_numbers, mask_titles
from deadline_cn._read.windows import admitted
from deadline_cn._resolve.resolver import Settings
from deadline_cn.results import Result

# (the budget, a window's reading and the prose filters are in _read/chunk.py, compiled with the hot path)
CHUNK = 8192

# The reading budget (issue 15): reading costs what the time words read cost (~10-20 µs each in text dense with
# dates, against ~0.05 µs a character for the anchor scan), so text that is nothing but dates ('1月。' repeated)
# cost up to 18x plan prose. extract() reads at most BURST time words (anchor matches in the windows it reads),
# plus one per BYTES_PER_WORD bytes of UTF-8 text up to the end of the window (~67 Chinese characters). Real text
# stays below it: a whole year's tax calendar (办税日历, a date every ~25 characters, the densest found) holds
# 478 time words, under a fourth of BURST; a seed document at most 149; plan prose one per ~240 bytes (a megabyte
# of it: 4,159 of 7,048). Only a document as dense as the densest seed plan (one per ~125 bytes) and longer than
# ~680 KB, given to one call, reaches it. Bytes, not characters, so that an ASCII filler earns no more budget per
# megabyte than Chinese text. Sentences (each with its context, windows.admitted) are taken in order; at the first
# whose time words would pass the budget the search stops, and one Unresolved flagged dense:<n> spans the n
# characters left unread. Chosen by benchmarks/worst_case.py: every megabyte it tries, plan prose with a date in
# every sentence included, costs at most 2x a megabyte of prose (128 bytes let that one cost 1.6-2.5x).
BURST = 2048
BYTES_PER_WORD = 200


def extract(text: str, *, ref: DateLike = None, plan_year: int | None = None,
            month_before: str = "inclusive", fallback: bool = False) -> list[Result]:
    """Every deadline expression in ``text``, in order, each with its ``span`` into ``text`` and its scope.

    Each result's ``text`` is the whole input (so ``text[span[0]:span[1]]`` is the phrase). Time is linear
    in the length of ``text``: only the sentences a cheap anchor finds are read (``_read.windows``), and a
    sentence longer than ``MAX_SENTENCE`` characters only up to that length, its results flagged
    ``truncated:<n>`` (an ``Unresolved`` with that flag when nothing was read in it). Text dense with dates is
    read only up to a budget of time words no real text reaches (``BURST``, plus one per ``BYTES_PER_WORD``
    bytes): past it, one ``Unresolved`` flagged ``dense:<n>`` spans the n characters not read. ``fallback=True`` adds
    what jionlp finds where the grammar found nothing (flag ``source:jionlp``); it is off by default because
    running text is full of numbers jionlp reads as times (signature dates, years naming a year's work) and it
    is ~20x slower.
    """
    ref_day, year = check_args(text, ref, plan_year, month_before)
    out: list[Result] = []
    budget = Budget(text, BURST, BYTES_PER_WORD)  # (read here at each call: a test may set them)
    for start, end in chunks(text):
        settings = Settings(ref_day, year, month_before)
        taken, stop = admitted(text, start, end, budget.admit)
        listed = list_number_marks(text, start, end)  # 1、… 2、6月底前: a window with 2、 alone must know
        found = [r for w in taken for r in read_window(text, w, settings, listed)]
        if stop is not None:  # the budget ran out: the rest of the text is not read
            found.append(budget.unread(stop))
            end = stop
        if fallback:
            found = sorted(found + _jionlp_finds(text, start, end, found, ref_day, year), key=lambda r: r.span)
        out.extend(found)
        if stop is not None:
            break
    return out


def _extract_full(text: str, *, ref: DateLike = None, plan_year: int | None = None,
                  month_before: str = "inclusive") -> list[Result]:
    """Every chunk read whole, every sentence scanned: what ``extract`` gives, kept for tests/test_windows.py
    to check the windows against."""
    ref_day, year = check_args(text, ref, plan_year, month_before)
    return [r for start, end in chunks(text) for r in read_chunk(text, start, end,
                                                                  Settings(ref_day, year, month_before))]


def _jionlp_finds(text: str, start: int, end: int, found: list[Result], ref: date | None,
                  plan_year: int | None) -> list[Result]:
    """jionlp's expressions in text[start:end] that the grammar did not read, outside titles and numbers."""
    from deadline_cn._read.fallback import jionlp_reading, jionlp_spans

    piece = text[start:end]
    masked = mask_doc_numbers(mask_titles(piece))
    extra = []
    for s, e in jionlp_spans(piece, ref=ref, plan_year=plan_year):
        span = (start + s, start + e)
        if "□" in masked[s:e] or any(r.span[0] < span[1] and span[0] < r.span[1] for r in found):
            continue
        reading = jionlp_reading(text, span, ref=ref, plan_year=plan_year)
        if reading is not None:
            extra.append(reading)
    return extra


def chunks(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Cut after a 。 at least ``size`` characters on: no expression spans a full stop, and a chunk's tokens
    die young (one pass over a whole archive would keep millions of them alive for the garbage collector)."""
    size = size or CHUNK
    bounds, start = [], 0
    while start < len(text):
        cut = text.find("。", start + size)
        end = len(text) if cut < 0 else cut + 1
        bounds.append((start, end))
        start = end
    return bounds
