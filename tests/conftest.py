"""Markers that keep the main suite fast: ``cluster`` (Dask, a local Spark session, the example notebook) and
``slow`` (heavy hypothesis profiles, the fuzz run) run only when ``-m`` names them — CI's second step runs
``python -m pytest -m "cluster or frames"`` and ``python -m pytest -m slow``."""

from __future__ import annotations

import pytest

OPT_IN = ("cluster", "slow")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: heavy property profiles and the fuzz run; run with -m slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    asked = config.getoption("markexpr") or ""
    for marker in OPT_IN:
        if marker in asked:
            continue
        skip = pytest.mark.skip(reason=f"opt-in: run with python -m pytest -m {marker}")
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)
