"""Every distinct deadline cell of the five source documents reads as its hand-written gold."""

from __future__ import annotations

import pytest

from deadline_cn import from_dict, normalise
from tests.corpus_data import CELLS, DEV, GOLD
from tests.goldcheck import mismatches


def _id(entry: dict) -> str:
    return f"{entry['document'][:3]}:{entry['text'][:24]}"


@pytest.mark.parametrize("entry", GOLD, ids=[_id(g) for g in GOLD])
def test_gold_reading(entry: dict) -> None:
    result = normalise(entry["text"], ref=entry["ref"], plan_year=entry["plan_year"])
    got = result.to_dict()
    assert mismatches(got, entry["expect"]) == [], result.describe()
    assert from_dict(got) == result


def test_every_cell_has_gold() -> None:
    texts = {c["deadline_text"] for c in CELLS if c["deadline_text"]}
    assert texts <= {g["text"] for g in GOLD}


@pytest.mark.parametrize("entry", DEV, ids=[f"dev:{g['text'][:24]}" for g in DEV])
def test_dev_reading(entry: dict) -> None:
    """Real phrases from other plans (corpus/dev_gold.jsonl, with their sources): the grammar generalises."""
    result = normalise(entry["text"], ref=entry["ref"], plan_year=entry["plan_year"])
    assert mismatches(result.to_dict(), entry["expect"]) == [], result.describe()
