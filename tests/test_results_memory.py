"""Results are small (a million-row column), and still frozen, hashable, picklable and round-trip through JSON.

Equal spans, flag tuples, scopes and days are one shared object (results.py's ``_share``); the average kept
result is at most 200 bytes, counted by tracemalloc (allocations, not time: the same on any machine load).
"""

from __future__ import annotations

import dataclasses
import gc
import pickle
import tracemalloc
from datetime import date

import pytest

from deadline_cn import Offset, Relative, clear_cache, from_dict, normalise, results
from tests.phrases import generate

REF = "2017-01-09"
KINDS_BY_TEXT = {
    "deadline": "2017年9月前", "window": "2017年3月至6月", "ongoing": "长期坚持", "recurrence": "每季度结束后10日内",
    "conditional": "按省部署实施", "relative": "印发之日起3个工作日内",
    "compound": "2017年6月底前完成招投标，2017年底前完成改版", "unresolved": "视情况而定",
}


@pytest.mark.parametrize(("kind", "text"), KINDS_BY_TEXT.items())
def test_every_kind_is_slotted_frozen_hashable_and_picklable(kind: str, text: str) -> None:
    result = normalise(text, ref=REF)
    assert result.kind == kind
    assert not hasattr(result, "__dict__")  # slots: no per-object dict
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(result))
    assert again == result and hash(again) == hash(result)
    assert from_dict(result.to_dict()) == result
    assert dataclasses.replace(result, scope="改版") != result


def test_equal_values_are_one_object() -> None:
    a, b = normalise("2017年6月底前完成招投标", ref=REF), normalise("2017年6月底前完成改版", ref=REF)
    assert a.due == b.due == date(2017, 6, 30)
    assert a.due is b.due and a.span is b.span and a.flags is b.flags
    assert a != b  # shared parts, different results


def test_a_full_pool_starts_again_and_keeps_sharing() -> None:
    for k in range(results._SHARED_MAX + 10):  # odd values fill the pool; past the bound it starts again
        results._keep(("odd", k))
    assert len(results._SHARED) <= results._SHARED_MAX
    a, b = normalise("2031年5月底前完成", ref=REF), normalise("2031年5月底前建成", ref=REF)
    assert a.due is b.due


def test_an_integer_offset_is_not_swapped_for_an_equal_float() -> None:
    three, three_f = (Relative(text="", offset=Offset(v, "day")) for v in (3, 3.0))
    assert three.to_dict()["offset"]["value"] == 3 and type(three.to_dict()["offset"]["value"]) is int
    assert type(three_f.to_dict()["offset"]["value"]) is float


def test_a_kept_result_takes_at_most_200_bytes_on_average() -> None:
    """The cost of one more distinct result in a long column: 1,500 distinct cells read first (the days and
    scopes a ledger has already shared), then 1,500 more counted. benchmarks/bench.py reports the plain average
    over 20,000."""
    texts = generate(3000)
    results._SHARED.clear()  # the same start whatever ran before (a full pool would be emptied mid-count)
    earlier = [normalise(t, ref=REF) for t in texts[:1500]]
    clear_cache()
    gc.collect()  # garbage left by earlier tests (cycles) must not be freed, or made, inside the count
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [normalise(t, ref=REF) for t in texts[1500:]]
        clear_cache()  # the cache's own entries are not what a caller keeps
        gc.collect()
        per_result = (tracemalloc.get_traced_memory()[0] - before) / len(kept)
    finally:
        tracemalloc.stop()
    assert len({r.text for r in earlier + kept}) == len(texts)
    assert per_result <= 200, f"{per_result:.0f} B per result"


@pytest.mark.parametrize("text", ["印发之日起24小时内", "2017年9月前", "2017年3月至6月", "每年春节前"])
def test_describe_prints_days_and_times_as_the_json_form_does(text: str) -> None:
    """describe() reads the fields, not to_dict(): its dates must still be the JSON form's (ISO, T before a time)."""
    result = normalise(text, ref=REF)
    data = result.to_dict()
    for key in ("due", "start", "end", "dtstart"):
        if data.get(key):
            assert data[key] in result.describe(), (key, result.describe())
