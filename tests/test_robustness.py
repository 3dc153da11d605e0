"""Robustness: whatever text a PDF or a web page hands the library, a well-formed result comes back, in time
linear in the length of the text, the same from any thread and in any process.

- Any ``str`` (control characters, lone surrogates, bidi marks, zero-width characters, emoji, 100 KB strings):
  ``normalise`` and ``extract`` never raise and return well-formed results.
- Pathological inputs (tests/pathological.py) take steps linear in their length: the Python calls and lines
  of 10n are counted against those of n (deterministic, blind to the machine's load), bound 12x; linear work
  gives ~10x. Their time, regex scans included, is measured by benchmarks/linearity.py.
- 8 threads at once, started cold in a fresh interpreter, agree with a serial run; so do processes with
  different PYTHONHASHSEED.
- A non-``str`` text raises TypeError naming its type.

Super-linear cases and a crash found here were fixed (hedge markers next to many times, many clauses with a
time each, deeply nested brackets, offsets past date.max); their tests keep the minimal inputs that showed
them.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deadline_cn import DeadlineError, Unresolved, clear_cache, extract, from_dict, normalise
from deadline_cn._read.extract import _extract_full
from deadline_cn._read.fast import fast_read
from deadline_cn._read.pipeline import read
from deadline_cn._resolve.resolver import Settings
from deadline_cn.results import KINDS, Result, result_from_json
from tests import strategies as S
from tests.corpus_data import CELLS, DOCS, SOURCES
from tests.pathological import CASES
from tests.pure import needs_pure
from tests.slow import slow, two_sizes

ROOT = Path(__file__).resolve().parent.parent
REF = "2017-01-09"
STEP_BOUND = 12  # 10x the text may take at most 12x the steps: linear is ~10x, quadratic ~100x
STEP_SCALE = 10  # the step counts run on a tenth of the timing run's sizes: tracing is slow

refs = st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)))
plan_years = st.one_of(st.none(), st.integers(1900, 2100))
month_before = st.sampled_from(["inclusive", "strict"])
ROBUST = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------------------- well-formedness

def check_result(result: object, text: str) -> None:
    """A result of a known kind whose every part points into ``text`` and survives its JSON round trip."""
    assert isinstance(result, tuple(KINDS.values())), type(result)
    assert isinstance(result, KINDS[result.kind])
    assert result.text == text
    data = result.to_dict()
    json.dumps(data)  # JSON-safe (ASCII escapes carry lone surrogates too)
    assert from_dict(data) == result
    assert result_from_json(result.to_json()) == result
    assert hash(result) == hash(from_dict(data))
    assert isinstance(result.describe(), str)
    assert isinstance(result.flags, tuple) and all(isinstance(f, str) and f for f in result.flags)
    assert result.parts and all(part.text == text for part in result.parts)
    for part in (result, *result.parts):
        s, e = part.span
        assert isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text), part.span
        d = part.to_dict()
        for lo, hi in (("start", "due"), ("start", "end"), ("dtstart", "until")):
            if d.get(lo) and d.get(hi):
                assert d[lo] <= d[hi], (lo, hi, d)
        if isinstance(part, Unresolved):
            assert part.reason


def check_extracted(results: object, text: str) -> None:
    assert isinstance(results, list)
    for result in results:
        check_result(result, text)
    spans = [r.span for r in results]
    assert spans == sorted(spans), "extract() results are not in text order"
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "extract() results overlap"


# ------------------------------------------------------------------------------------- any text at all

@two_sizes(ROBUST, S.arbitrary_text, refs, plan_years, month_before)
def test_normalise_never_raises_on_any_text(text: str, ref: date | None, plan_year: int | None,
                                            mb: str) -> None:
    check_result(normalise(text, ref=ref, plan_year=plan_year, month_before=mb), text)


@two_sizes(ROBUST, S.arbitrary_text, refs, plan_years)
def test_extract_never_raises_on_any_text(text: str, ref: date | None, plan_year: int | None) -> None:
    check_extracted(extract(text, ref=ref, plan_year=plan_year), text)


@two_sizes(settings(max_examples=100, deadline=None), S.arbitrary_text, refs)
def test_strict_raises_nothing_but_deadline_error(text: str, ref: date | None) -> None:
    try:
        result = normalise(text, ref=ref, strict=True)
    except DeadlineError as exc:
        assert isinstance(exc, ValueError)
    else:
        assert not isinstance(result, Unresolved)
        check_result(result, text)


@slow
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(S.huge_text(), refs)
def test_hundred_kilobyte_strings(text: str, ref: date | None) -> None:
    assert len(text) == 100_000
    check_result(normalise(text, ref=ref), text)
    check_extracted(extract(text, ref=ref), text)


FORMAT_CHARS = [c for c in S.ZERO_WIDTH + S.BIDI_MARKS if unicodedata.category(c) == "Cf"]


def core(result: Result) -> Any:
    """The reading without the fields that echo the caller's spelling."""
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items()
                    if k not in {"text", "span", "scope", "label", "authority", "event", "document", "reason"}
                    and not (k == "anchor" and v not in (None, "ref"))}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    return strip(result.to_dict())


@two_sizes(settings(max_examples=150, deadline=None), S.gold_entries,
           st.lists(st.tuples(st.integers(0, 60), st.sampled_from(FORMAT_CHARS)), min_size=1, max_size=5))
def test_invisible_format_characters_keep_the_reading(entry: dict, inserts: list[tuple[int, str]]) -> None:
    """Zero-width and bidi marks (category Cf, what web pages and PDFs leave inside a phrase) change nothing."""
    chars = list(entry["text"])
    for pos, ch in inserts:
        chars.insert(pos % (len(chars) + 1), ch)
    text = "".join(chars)
    context = {"ref": entry["ref"], "plan_year": entry["plan_year"]}
    assert core(normalise(text, **context)) == core(normalise(entry["text"], **context)), repr(text)


EXTREME_REFS = [None, date(1, 1, 1), date(1900, 1, 1), date(9999, 12, 1), date(9999, 12, 31)]
EXTREME_YEARS = [None, -1, 0, 1, 9999, 10_000, 10**9]


@pytest.mark.parametrize(("ref_list", "year_list"), [
    pytest.param([date(1, 1, 1), date(9999, 12, 31)], [None, 0, 10**9], id="quick"),  # the extremes of each
    pytest.param(EXTREME_REFS, EXTREME_YEARS, id="full", marks=slow),
])
def test_extreme_refs_and_plan_years_never_raise_on_the_corpus(ref_list: list[date | None],
                                                               year_list: list[int | None]) -> None:
    for entry in S.GOLD:
        for ref in ref_list:
            for plan_year in year_list:
                check_result(normalise(entry["text"], ref=ref, plan_year=plan_year), entry["text"])
                check_extracted(extract(entry["text"], ref=ref, plan_year=plan_year), entry["text"])


@pytest.mark.parametrize("text", ["发文之日起1日内", "印发之日起24小时内", "印发之日起3个工作日内"])
def test_an_offset_past_the_last_date_is_unresolved_not_a_crash(text: str) -> None:
    check_result(normalise(text, ref=date(9999, 12, 31)), text)


# --------------------------------------------------------------------------------------- non-str input

class Phrase(str):
    """A str subclass (what pandas or a template engine may pass): still text."""


@pytest.mark.parametrize("fn", [normalise, extract], ids=["normalise", "extract"])
@pytest.mark.parametrize("value", [None, 2017, 20.17, True, b"2017\xe5\xb9\xb4", bytearray(b"2017"),
                                   memoryview(b"2017"), ["2017年"], ("2017年",), {"text": "2017年"},
                                   date(2017, 6, 30), object()],
                         ids=lambda v: type(v).__name__)
def test_non_str_text_raises_type_error_naming_the_type(fn: Callable[..., Any], value: object) -> None:
    with pytest.raises(TypeError, match=rf"\b{re.escape(type(value).__name__)}\b"):
        fn(value, ref=REF)


def test_a_str_subclass_is_text() -> None:
    assert normalise(Phrase("2017年6月底前完成"), ref=REF) == normalise("2017年6月底前完成", ref=REF)
    assert extract(Phrase("在2017年6月底前完成"), ref=REF) == extract("在2017年6月底前完成", ref=REF)


# ------------------------------------------------------------------------------------------ linear time
# Counted, not timed: a step is a Python call or line (sys.settrace), the same on a loaded machine as on an
# idle one. A quadratic Python loop shows at once; work inside one regex scan is invisible here, and is timed
# by benchmarks/linearity.py (which .ci/run runs).

def steps(fn: Callable[..., Any], text: str) -> int:
    """The Python calls and lines ``fn(text)`` runs, from a cold cell cache."""
    count = 0

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return tracer

    clear_cache()
    sys.settrace(tracer)
    try:
        fn(text, ref=REF)
    finally:
        sys.settrace(None)
    return count


def step_growth(fn: Callable[..., Any], make: Callable[[int], str], n: int) -> str | None:
    """None when 10n costs less than STEP_BOUND times the steps of n; else a message with both counts."""
    fn(make(n), ref=REF)  # warm: compiled patterns, loaded tables are not the text's cost
    small, large = steps(fn, make(n)), steps(fn, make(10 * n))
    if large < STEP_BOUND * small:
        return None
    return f"{fn.__name__}: {len(make(10 * n)):,} chars take {large / small:.1f}x the steps of {len(make(n)):,} chars"


@needs_pure
def test_steps_count_what_is_read() -> None:
    """The counter sees the work: ten dated clauses take about ten times the steps of one."""
    normalise("2016年底前，", ref=REF)  # warm: the first call compiles the grammar
    # each with a hedge: the fast path (deadline_cn/_read/fast.py) reads plain clauses, and declines a hedged one
    # — so both go through the grammar, whose steps are compared
    clause = "力争2017年6月底前完成，"
    assert fast_read(clause * 10, Settings(date.fromisoformat(REF), None)) is None
    normalise(clause * 2, ref=REF)  # warm: the patterns a hedge needs load at their first use
    one, ten = steps(normalise, clause), steps(normalise, clause * 10)
    assert ten > 5 * one > 0


def normalise_whole(text: str, ref: str) -> Result:
    """normalise's reading without its MAX_CELL cut (the cut would hide a super-linear grammar past it)."""
    return read(text, Settings(date.fromisoformat(ref), None))


def extract_whole(text: str, ref: str) -> list[Result]:
    """extract with every sentence read whole: no anchor, no MAX_SENTENCE cut."""
    return _extract_full(text, ref=ref)


@needs_pure
@pytest.mark.parametrize("fn", [normalise, extract, normalise_whole, extract_whole],
                         ids=["normalise", "extract", "normalise_whole", "extract_whole"])
@pytest.mark.parametrize(("make", "n"), [pytest.param(make, max(n // STEP_SCALE, 10), id=name)
                                         for name, make, n in CASES])
def test_pathological_input_takes_linear_steps(fn: Callable[..., Any], make: Callable[[int], str], n: int) -> None:
    problem = step_growth(fn, make, n)
    assert problem is None, problem


@needs_pure
def test_a_document_takes_linear_steps() -> None:
    """extract() over a page of a source document (its first 4,000 characters) and over ten copies of it."""
    doc = SOURCES[0].read_text(encoding="utf-8")[:4000]
    problem = step_growth(extract, lambda k: "\n".join([doc] * k), 1)
    assert problem is None, problem


# ------------------------------------------------------------------------- threads, processes, hash seeds

def jobs() -> list[list[Any]]:
    """Every cell of the corpus (normalise, with and without its document's context), every paragraph of the
    prose (extract), and a few hostile strings."""
    out: list[list[Any]] = []
    for cell in CELLS:
        ref, plan_year = DOCS[cell["document"][:3]]
        out.append(["normalise", cell["deadline_text"], ref, plan_year])
    for entry in S.GOLD:
        out.append(["normalise", entry["text"], None, None])
        out.append(["normalise", entry["text"], "2024-02-29", None])
    for path in SOURCES:
        ref, plan_year = DOCS[path.name[:3]]
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            if paragraph.strip():
                out.append(["extract", paragraph, ref, plan_year])
    for text in ["\ud800年底前", "\u202e2017年6月底前\u202c", "年" * 500, "每" * 500, "（" * 200 + "每季度",
                 "😀2017年😀第1季度😀", "\x00\x1b[31m长期\x1b[0m", "\ufeff按省部署实施\u200b"]:
        out.append(["normalise", text, REF, None])
        out.append(["extract", text, REF, None])
    return out


RUNNER = r"""
import json, random, sys, threading
from deadline_cn import extract, normalise

def run(job):
    fn, text, ref, plan_year = job
    try:
        if fn == "normalise":
            return normalise(text, ref=ref, plan_year=plan_year).to_dict()
        return [r.to_dict() for r in extract(text, ref=ref, plan_year=plan_year)]
    except Exception as exc:
        return f"raised {exc!r}"

jobs = json.loads(sys.stdin.read())
if sys.argv[1] == "serial":
    print(json.dumps([run(job) for job in jobs]))
else:  # 8 threads, each over every job in its own order, all starting at once on a cold library
    count = int(sys.argv[2])
    barrier, out = threading.Barrier(count), [None] * count

    def worker(k):
        order = list(range(len(jobs)))
        random.Random(k).shuffle(order)
        barrier.wait()
        done = {i: run(jobs[i]) for i in order}
        out[k] = [done[i] for i in range(len(jobs))]

    sys.setswitchinterval(1e-5)  # switch threads often: races show up sooner
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps(out))
"""


def child(args: list[str], payload: str, **env: str) -> subprocess.Popen[str]:
    environ = {**os.environ, **env}
    environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    proc = subprocess.Popen([sys.executable, "-c", RUNNER, *args], env=environ, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            errors="surrogatepass")
    assert proc.stdin is not None
    proc.stdin.write(payload)
    proc.stdin.close()
    return proc


def collect(proc: subprocess.Popen[str]) -> Any:
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    assert proc.wait(timeout=120) == 0, err
    return json.loads(out)


def serial_here(work: list[list[Any]]) -> list[Any]:
    out: list[Any] = []
    for fn, text, ref, plan_year in work:
        if fn == "normalise":
            out.append(normalise(text, ref=ref, plan_year=plan_year).to_dict())
        else:
            out.append([r.to_dict() for r in extract(text, ref=ref, plan_year=plan_year)])
    return json.loads(json.dumps(out))  # the same JSON form as the children's


@slow
def test_eight_threads_at_once_agree_with_a_serial_run() -> None:
    work = jobs()
    payload = json.dumps(work)
    expected = serial_here(work)
    runs = collect(child(["threads", "8"], payload))
    assert len(runs) == 8
    for k, run in enumerate(runs):
        wrong = [(work[i][1][:40], got, want) for i, (got, want) in enumerate(zip(run, expected, strict=True))
                 if got != want]
        assert not wrong, f"thread {k}: {len(wrong)} of {len(work)} differ, first: {wrong[0]}"


@slow
def test_results_are_the_same_under_any_hash_seed() -> None:
    work = jobs()
    payload = json.dumps(work)
    expected = serial_here(work)
    procs = {seed: child(["serial"], payload, PYTHONHASHSEED=seed) for seed in ("0", "1", "2024", "4294967295")}
    for seed, proc in procs.items():
        got = collect(proc)
        wrong = [(work[i][1][:40], g, w) for i, (g, w) in enumerate(zip(got, expected, strict=True)) if g != w]
        assert not wrong, f"PYTHONHASHSEED={seed}: {len(wrong)} of {len(work)} differ, first: {wrong[0]}"


def test_the_calendar_generation_while_another_thread_imports_the_calendar(monkeypatch: pytest.MonkeyPatch) -> None:
    """A module another thread is still importing sits in sys.modules without its functions yet (a thread's cold
    call then raised AttributeError): no notice can have been loaded, so the generation is 0."""
    import sys
    import types

    from deadline_cn._read import normalise as module

    monkeypatch.setitem(sys.modules, module._DAYS, types.ModuleType(module._DAYS))
    assert module._calendar_generation() == 0
