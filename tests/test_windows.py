"""extract() reads only windows (deadline_cn/_read/windows.py); reading every chunk whole (``_extract_full``)
must give exactly the same results, spans and flags — on the seed documents, the wild paragraphs and
generated prose. And a window is bounded: a megabyte with no full stop is read only up to MAX_SENTENCE,
and says so; text dense with dates is read up to the reading budget (extract.BURST), and says so."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.text import fold
from deadline_cn._grammar.tokens import tokenize
from deadline_cn._read import extract as extract_module
from deadline_cn._read.anchors import INERT, KEYS, anchor, word, words_trie
from deadline_cn._read.extract import BURST, BYTES_PER_WORD, DENSE, TRUNCATED, _extract_full, chunks, extract
from deadline_cn._read.normalise import MAX_CELL, normalise
from deadline_cn._read.windows import MAX_SENTENCE, Window, admitted, windows
from deadline_cn.records import needs_check
from deadline_cn.results import Unresolved
from tests.corpus_data import CORPUS, SOURCES
from tests.slow import two_sizes
from tests.strategies import PLAN_YEARS, REFS, lexicon_phrase, pieced_cell

DOCS: dict[str, dict[str, Any]] = json.loads((CORPUS / "documents.json").read_text(encoding="utf-8"))
WILD = [json.loads(line) for line in (CORPUS / "wild" / "prose.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()]
SENTENCES = [s for path in SOURCES for s in re.split("(?<=[。；;\t])", path.read_text(encoding="utf-8")) if s]


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem[:3] for p in SOURCES])
def test_windows_read_a_source_as_the_full_scan_does(path: Any) -> None:
    doc = DOCS[path.stem]
    text = path.read_text(encoding="utf-8")
    for ref, plan_year in ((doc["ref"], doc["plan_year"]), (None, None)):
        assert extract(text, ref=ref, plan_year=plan_year) == _extract_full(text, ref=ref, plan_year=plan_year)


def test_windows_read_every_wild_paragraph_as_the_full_scan_does() -> None:
    for row in WILD:
        kwargs = {"ref": row["ref"], "plan_year": row["plan_year"]}
        assert extract(row["text"], **kwargs) == _extract_full(row["text"], **kwargs), row["text"][:80]


def test_the_anchor_finds_every_sentence_with_a_token_that_can_be_read() -> None:
    """What the anchor skips holds no token but the inert ones (checked on the folded, tokenised sentence)."""
    skipped = [s for s in SENTENCES + [r["text"] for r in WILD] if not anchor().search(s)]
    assert skipped  # the check is not empty: prose has sentences without a time
    for s in skipped:
        assert {t.type for t in tokenize(fold(s).text)} <= set(INERT), s


def _family_phrases() -> list[str]:
    """Every phrase the family tests read (their string literals with a CJK character): new token patterns
    are tested there first, so the anchor is checked against each as soon as it exists."""
    import ast
    from pathlib import Path

    found: set[str] = set()
    for name in ("test_families.py", "test_prose_families.py"):
        tree = ast.parse((Path(__file__).parent / name).read_text(encoding="utf-8"))
        found |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                  and re.search("[\u4e00-\u9fff]", n.value)}
    return sorted(found)


def test_the_anchor_finds_every_family_phrase_with_a_token() -> None:
    phrases = _family_phrases()
    assert len(phrases) > 300
    for phrase in phrases:
        if not anchor().search(phrase):
            assert {t.type for t in tokenize(fold(phrase).text)} <= set(INERT), phrase


def test_the_key_words_as_a_trie_match_what_the_words_one_by_one_match() -> None:
    """anchors.words_trie (one alternative per first character) finds, at every place, what one alternative per
    word, longest first, finds: on each word with an invisible inside, each word cut short, each word run into
    the start of every other, and the corpus's sentences."""
    words = sorted({*KEYS, *lx.HOLIDAYS, *lx.ONGOING})
    one_by_one = re.compile("|".join(word(w) for w in sorted(words, key=lambda w: (-len(w), w))))
    trie = re.compile("|".join(pattern for _, pattern in words_trie(words)))
    texts = [*SENTENCES, *(w[:k] + gap + w[k:] for w in words for k in range(len(w) + 1) for gap in ("", " ", "\n")),
             *(w[:-1] for w in words), *(w + v[:2] for w in words for v in words)]
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in one_by_one.finditer(text)], text


# What crosses a sentence end, each case failing when its rule in windows.py is taken out.
ACROSS = {
    "event-before-the-semicolon": "特别重大突发事件发生后；24小时内报告。",
    "event-before-the-full-stop": "事件发生后。30日内报送",
    "hedge-after-the-semicolon": "各地要在2017年底前；力争提前完成。",
    "title-over-a-full-stop": "印发《关于做好。2018年底前完成工作的通知》。",
    "title-closed-before": "《通知》。2018年底前完成。《关于。",
    # a year naming the work is the object of a reading in its own sentence only (hypothesis found the full
    # scan giving it to a reading a sentence before)
    "object-year-in-its-sentence": "1900年1月至1000年1月。（一）指导思想。2024年至印发实施方案",
}


@pytest.mark.parametrize("text", ACROSS.values(), ids=ACROSS.keys())
def test_a_window_takes_in_what_crosses_a_sentence_end(text: str) -> None:
    assert extract(text, ref="2017-01-09") == _extract_full(text, ref="2017-01-09")


# Prose pieces: the corpus's own sentences, generated cells, and the words that make a reading reach across a
# sentence end (…后；N日内 · ；力争 · a title over a full stop · a line break inside a date).
GLUE = ["。", "；", ";", "\n", "，", "\t", "", "发生后；", "；力争", "《关于2017年。", "的通知》", "2017年\n",
        "6月底前", "十三五", "后", "各单位要", "二〇一七年", "第一", "\u3000", "全年工作", "收到", "待",
        "按照省统一部署，", *ACROSS.values(), "2017年底前；", "。24小时内报告", "《关于做好。"]
pieces = st.one_of(st.sampled_from(SENTENCES), lexicon_phrase(), pieced_cell(), st.sampled_from(GLUE))


@two_sizes(settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]),
           st.lists(pieces, min_size=1, max_size=12), st.sampled_from(REFS), st.sampled_from(PLAN_YEARS))
def test_windows_read_generated_prose_as_the_full_scan_does(parts: list[str], ref: date | None,
                                                            plan_year: int | None) -> None:
    text = "".join(parts)
    assert extract(text, ref=ref, plan_year=plan_year) == _extract_full(text, ref=ref, plan_year=plan_year)


@two_sizes(settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]),
           st.lists(pieces, min_size=1, max_size=8))
def test_the_anchor_finds_every_generated_sentence_with_a_token(parts: list[str]) -> None:
    for s in re.split("(?<=[。；;\t])", "".join(parts)):
        if not anchor().search(s):
            assert {t.type for t in tokenize(fold(s).text)} <= set(INERT), s


# ------------------------------------------------------------------------------------------ bounded work

HOSTILE = {"1月": "1月", "年底前": "年底前", "每": "每", "digits": "2017", "full-stops": "。"}


@pytest.mark.parametrize("unit", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_run_is_read_only_up_to_the_limit(unit: str) -> None:
    text = unit * (3 * MAX_SENTENCE // len(unit))
    read = windows(text, 0, len(text))
    assert sum(w.end - w.start for w in read) <= MAX_SENTENCE
    if unit != "。":
        assert [w.cut > 0 for w in read] == [True]


def test_full_stops_alone_make_no_window() -> None:
    """A million full stops: one failed regex scan, no object per character."""
    assert windows("。" * 1_000_000, 0, 1_000_000) == []


def test_what_is_not_read_is_flagged() -> None:
    text = "2017年6月底前完成" + "，推进" * MAX_SENTENCE + "。2018年6月底前完成。"
    results = extract(text, ref="2017-01-09")
    assert [any(f.startswith(TRUNCATED) for f in r.flags) for r in results] == [True, False]
    rest = extract("推进" * MAX_SENTENCE + "，2019年底前完成")
    assert len(rest) == 1 and isinstance(rest[0], Unresolved) and rest[0].flags[0].startswith(TRUNCATED)


def test_a_cell_is_read_up_to_max_cell_and_says_so() -> None:
    long = "2017年6月底前完成，2018年底前" + "，推进" * MAX_CELL
    result = normalise(long, ref="2017-01-09")
    assert [p.due for p in result.parts] == [date(2017, 6, 30), date(2018, 12, 31)]
    assert all(p.flags[-1].startswith(TRUNCATED) for p in result.parts) and needs_check(result)
    text = "推进" * MAX_CELL + "，2017年6月底前完成"  # no clause end before the limit: cut at it
    alone = normalise(text)
    assert isinstance(alone, Unresolved) and alone.flags[-1] == f"{TRUNCATED}{len(text) - MAX_CELL}"


def test_no_real_cell_reaches_max_cell() -> None:
    cells = [json.loads(line)["text"] for name in ("gold.jsonl", "wild/cells.jsonl")
             for line in (CORPUS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert max(map(len, cells)) * 1.5 < MAX_CELL


# ------------------------------------------------------------------------------------------ the reading budget

CALENDAR = (Path(__file__).parent / "data" / "tax_calendar_2024.txt").read_text(encoding="utf-8")


@contextmanager
def budget(burst: int, bytes_per_word: int = BYTES_PER_WORD) -> Iterator[None]:
    """A smaller reading budget for the test's body, so that a few hundred characters reach it."""
    saved = extract_module.BURST, extract_module.BYTES_PER_WORD
    extract_module.BURST, extract_module.BYTES_PER_WORD = burst, bytes_per_word
    try:
        yield
    finally:
        extract_module.BURST, extract_module.BYTES_PER_WORD = saved


def time_words(text: str) -> int:
    """The time words extract() counts against its budget: anchor matches in the windows it reads."""
    return sum(len(anchor().findall(text, w.start, w.end)) for s, e in chunks(text) for w in windows(text, s, e))


def _dense_stop(results: list[Any], text: str) -> int:
    """Where the unread rest begins: the last result is the only dense one, it spans to the end, says how much."""
    *read, rest = results
    assert isinstance(rest, Unresolved) and rest.flags == (f"{DENSE}{len(text) - rest.span[0]}",)
    assert rest.span == (rest.span[0], len(text)) and rest.span[0] < len(text) and needs_check(rest)
    assert not any(f.startswith(DENSE) for r in read for f in r.flags)
    return rest.span[0]


def test_dense_text_is_read_up_to_the_budget_and_the_rest_is_flagged() -> None:
    text = "2017年6月底前完成。" * 40  # two time words a sentence (2017年, 6月)
    with budget(burst=20, bytes_per_word=128):
        results = extract(text, ref="2017-01-09")
    stop = _dense_stop(results, text)
    assert stop == 11 * len("2017年6月底前完成。")  # 20 + 286 bytes // 128 = 22 words: 11 sentences of two
    # what was read is what reading the whole text gives there: nothing before the stop is lost or changed
    assert results[:-1] == [r for r in _extract_full(text, ref="2017-01-09") if r.span[1] <= stop]


def test_the_budget_grows_with_the_bytes_before() -> None:
    """One time word per BYTES_PER_WORD bytes of UTF-8 text up to the window's end: 128 ASCII characters earn
    one, as do 43 Chinese ones."""
    sentence = "1月底前完成。"  # one time word, 19 bytes
    for filler in ("a" * 1280, "。" * 427):  # 1,280 and 1,281 bytes: ten more words
        text = filler + sentence * 30
        with budget(burst=5, bytes_per_word=128):
            stop = _dense_stop(extract(text, ref="2017-01-09"), text)
        fits = max(k for k in range(31) if k <= 5 + (len(filler.encode()) + 19 * k) // 128)
        assert stop == len(filler) + fits * len(sentence) and fits == 17


def test_the_budget_stops_at_a_sentence_inside_a_window() -> None:
    text = "1月底前完成；" * 30 + "2月底前完成。"  # one sentence per ；, one window
    assert len(windows(text, 0, len(text))) == 1
    with budget(burst=7, bytes_per_word=10**6):
        results = extract(text, ref="2017-01-09")
    assert _dense_stop(results, text) == 7 * len("1月底前完成；") and len(results) == 8


def test_the_search_stops_at_the_first_sentence_refused() -> None:
    """A chunk with no 。 can be a megabyte of short sentences: none is looked at past the one refused."""
    text = "1月底前完成；" * 10_000
    offered: list[Window] = []

    def admit(w: Window) -> bool:
        offered.append(w)
        return len(offered) <= 5

    taken, stop = admitted(text, 0, len(text), admit)
    assert len(offered) == 6 and stop == 5 * len("1月底前完成；") == taken[-1].end


def test_a_run_with_no_sentence_end_past_the_budget_is_all_flagged() -> None:
    text = "1月" * (MAX_SENTENCE * 2)
    with budget(burst=100):
        results = extract(text)
    assert _dense_stop(results, text) == 0 and len(results) == 1


def test_the_budget_leaves_a_whole_year_tax_calendar_with_room_to_spare() -> None:
    """The densest real text found (a 办税日历, a date every ~25 characters; also as a table with tabs) is read
    whole, as the full scan reads it, and holds under a fourth of the budget at every point."""
    for text in (CALENDAR, CALENDAR.replace("，", "\t", 1000)):
        results = extract(text, ref="2023-12-20", plan_year=2024)
        assert len(results) > 100 and not any(f.startswith(DENSE) for r in results for f in r.flags)
        assert results == _extract_full(text, ref="2023-12-20", plan_year=2024)
        assert 4 * time_words(text) <= BURST


def test_every_real_document_is_far_from_the_budget() -> None:
    """The seed documents and the wild paragraphs (each document's paragraphs as one text): at each window's end,
    the time words read so far are under a fourth of the budget there."""
    docs: dict[str, list[str]] = {}
    for row in WILD:
        docs.setdefault(row["doc"], []).append(row["text"])
    texts = [p.read_text(encoding="utf-8") for p in SOURCES] + ["\n".join(v) for v in docs.values()]
    for text in texts:
        used = 0
        for s, e in chunks(text):
            for w in windows(text, s, e):
                used += len(anchor().findall(text, w.start, w.end))
                assert 4 * used <= BURST + len(text[:w.end].encode()) // BYTES_PER_WORD, text[:60]


@two_sizes(settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]),
           st.lists(pieces, min_size=1, max_size=12), st.integers(0, 12))
def test_a_small_budget_reads_a_prefix_as_the_full_scan_does(parts: list[str], burst: int) -> None:
    """Whatever the budget: what is read before the stop is what the full scan gives there (a sentence is never
    cut from its context), and the rest is one flagged result (no flag when the budget was not reached)."""
    text = "".join(parts)
    with budget(burst=burst, bytes_per_word=10**6):
        results = extract(text, ref="2017-01-09")
    full = _extract_full(text, ref="2017-01-09")
    if results and any(f.startswith(DENSE) for f in results[-1].flags):
        stop = _dense_stop(results, text)
        kept = [r for r in full if r.span[1] <= stop]
        assert results[:-1] == kept
    else:
        assert results == full
