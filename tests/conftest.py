"""Tests marked ``cluster`` (Dask, a local Spark session, the example notebook) take tens of seconds: they run
only when ``-m`` names them (CI's second step: ``python -m pytest -m "cluster or frames"``)."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "cluster" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason='slow cluster test: run with python -m pytest -m "cluster or frames"')
    for item in items:
        if "cluster" in item.keywords:
            item.add_marker(skip)
