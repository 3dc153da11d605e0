"""Two sizes of test run: the default suite (under 30 s on 2 cores) and the ``slow`` runs behind a marker.

``python -m pytest`` deselects ``slow`` (pyproject's addopts), even a slow test named on the command line: add
``-m slow`` (or ``-m ""`` for everything). ``python -m pytest -m slow`` runs only them. The
README's test command and .ci/run run both. A long property keeps its full run behind the marker and gets a
quick twin (the same body and strategies, ``QUICK`` examples) in the default suite: ``@two_sizes``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.strategies import SearchStrategy

slow = pytest.mark.slow
QUICK = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def two_sizes(full: settings, *strategies: SearchStrategy[Any]) -> Callable[[Callable[..., None]], Any]:
    """``@given(*strategies)`` twice: the test itself with QUICK examples, and ``<its name>_full`` with ``full``
    settings, marked slow, put next to it in its module (where pytest collects it)."""
    def wrap(body: Callable[..., None]) -> Any:
        full_run = slow(full(given(*strategies)(body)))
        setattr(sys.modules[body.__module__], f"{body.__name__}_full", full_run)
        return QUICK(given(*strategies)(body))
    return wrap
