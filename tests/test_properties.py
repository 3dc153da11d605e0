"""Properties: rewrites that keep the meaning keep the reading; invariants hold for any text."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from deadline_cn import Recurrence, Result, extract, from_dict, normalise
from deadline_cn.results import result_from_json
from tests import strategies as S
from tests.slow import two_sizes

# Fields copied from the caller's text (so they follow its spelling) rather than computed.
TEXTUAL = {"text", "span", "scope", "label", "authority", "event", "document", "reason"}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def core(value: Any) -> Any:
    """The reading without the fields that echo the input's spelling."""
    if isinstance(value, dict):
        return {k: core(v) for k, v in value.items()
                if k not in TEXTUAL and not (k == "anchor" and v not in (None, "ref"))}
    if isinstance(value, list):
        return [core(v) for v in value]
    return value


def read(entry: dict, text: str) -> dict:
    return core(normalise(text, ref=entry["ref"], plan_year=entry["plan_year"]).to_dict())


@two_sizes(FAST, S.gold_entries, st.data())
def test_spaces_and_line_breaks_keep_the_reading(entry: dict, data: st.DataObject) -> None:
    rewritten = data.draw(S.spaced(entry["text"]))
    assert read(entry, rewritten) == read(entry, entry["text"]), rewritten


@two_sizes(FAST, S.gold_entries)
def test_fullwidth_digits_keep_the_reading(entry: dict) -> None:
    assert read(entry, S.fullwidth(entry["text"])) == read(entry, entry["text"])


@two_sizes(FAST, S.gold_entries)
def test_chinese_numeral_years_keep_the_reading(entry: dict) -> None:
    assert read(entry, S.chinese_year_digits(entry["text"])) == read(entry, entry["text"])


@two_sizes(FAST, S.gold_entries)
def test_traditional_characters_keep_the_reading(entry: dict) -> None:
    assert read(entry, S.traditional(entry["text"])) == read(entry, entry["text"])


@two_sizes(FAST, S.gold_entries, st.sampled_from(["", "完成", "。", "；", " "]))
def test_trailing_action_text_keeps_the_reading(entry: dict, tail: str) -> None:
    base = read(entry, entry["text"])
    assert read(entry, entry["text"] + tail) == base


@two_sizes(FAST, S.period_phrase())
def test_generated_periods_give_the_right_due_date(case: tuple[str, str, str]) -> None:
    phrase, due, precision = case
    result = normalise(phrase)
    assert (result.kind, result.to_dict().get("due"), result.to_dict().get("precision")) == \
        ("deadline", due, precision), phrase


def _check_invariants(result: Result) -> None:
    assert from_dict(result.to_dict()) == result
    assert result_from_json(result.to_json()) == result
    assert hash(result) == hash(from_dict(result.to_dict()))
    assert isinstance(result.describe(), str)
    json.dumps(result.to_dict())
    for part in result.parts:
        d = part.to_dict()
        if d.get("start") and d.get("due"):
            assert d["start"] <= d["due"]
        if d.get("start") and d.get("end"):
            assert d["start"] <= d["end"]
        s, e = part.span
        assert 0 <= s <= e <= len(result.text)


@two_sizes(settings(max_examples=300, deadline=None), S.odd_text,
           st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2090, 12, 31))))
def test_never_raises_and_results_are_well_formed(text: str, ref: date | None) -> None:
    result = normalise(text, ref=ref)
    assert result.text == text
    _check_invariants(result)


@two_sizes(FAST, S.gold_entries)
def test_gold_results_round_trip(entry: dict) -> None:
    _check_invariants(normalise(entry["text"], ref=entry["ref"], plan_year=entry["plan_year"]))


@two_sizes(FAST, st.sampled_from(["每年", "每季度", "每半年", "每月", "每周", "每年2月底前", "每月10日前",
                                  "每季度末月20日前", "从2017年起每年实施", "每年9月到11月", "（5-11月）每月"]),
           st.dates(date(2000, 1, 1), date(2080, 1, 1)))
def test_rrule_text_round_trips_through_rrulestr(phrase: str, ref: date) -> None:
    result = normalise(phrase, ref=ref)
    assert isinstance(result, Recurrence) and result.dtstart is not None
    start = datetime(result.dtstart.year, result.dtstart.month, result.dtstart.day)
    ours = result.rrule()
    again = rrulestr(str(ours))
    assert list(again[:8]) == list(ours[:8])
    assert list(rrulestr(result.to_dict()["rrule"], dtstart=start)[:8]) == list(ours[:8])
    assert ours._dtstart == start  # always carries its dtstart, never dateutil's "now"


@two_sizes(settings(max_examples=400, deadline=None), S.grammar_soup,
           st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2090, 12, 31))))
def test_never_raises_on_the_grammars_own_words(text: str, ref: date | None) -> None:
    """Random strings of the lexicon's words and numbers reach every token type and rule."""
    result = normalise(text, ref=ref, fallback=False)
    _check_invariants(result)
    for found in extract(text, ref=ref):
        _check_invariants(found)
