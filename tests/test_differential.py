"""Readings against the differential snapshot (tests/differential.py): a sample here, every row with -m slow.

A change meant only to be faster must leave every reading as it was. After a deliberate grammar change,
review ``PYTHONPATH=. python tests/differential.py`` and rewrite the snapshot with ``--write``.
"""

from __future__ import annotations

import pytest

from tests import differential

HINT = "readings changed; review `PYTHONPATH=. python tests/differential.py`, then rewrite it with --write"


def _report(diffs: list[tuple[differential.Case, str, str]]) -> str:
    return "\n".join(f"{case[:2]!r}\n  was {then[:300]}\n  now {now[:300]}" for case, then, now in diffs[:10])


def test_a_sample_of_the_snapshot_reads_the_same() -> None:
    diffs = differential.differences(every=97)
    assert not diffs, f"{len(diffs)} differ; {HINT}\n{_report(diffs)}"


@pytest.mark.slow
def test_every_row_of_the_snapshot_reads_the_same() -> None:
    diffs = differential.differences()
    assert not diffs, f"{len(diffs)} differ; {HINT}\n{_report(diffs)}"
