"""What ``import deadline_cn`` costs: the modules it pulls in (checked in a fresh interpreter), and the public
``clear_cache()``. Import and first-call *time* is measured by benchmarks/bench.py, not here.

The child runs with ``-S`` (no site, so no .pth file or editable-install finder has loaded anything first), from
this checkout: a module in the list below is one that ``import deadline_cn`` itself brought in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deadline_cn import clear_cache, normalise

ROOT = Path(__file__).resolve().parent.parent

# Optional dependencies and heavy modules: loaded when a feature needs them, never by the import.
LAZY = ["pandas", "numpy", "jionlp", "openpyxl", "docx", "pdfplumber", "lxml", "dask", "pyspark", "matplotlib",
        "chinese_calendar", "dateutil", "dateutil.rrule", "six", "json", "calendar", "locale",
        # the result kinds are dataclasses built without the module (results.py): it pulls in inspect, ast, dis
        "dataclasses", "inspect", "ast", "dis", "tokenize"]
# importlib.resources pulls in tempfile, shutil, zipfile, pathlib (~5 ms): _grammar/text.py reads its data file
# with a plain open instead.
LAZY_LATER = ["importlib.resources", "tempfile", "shutil"]
# The package's own, loaded when first needed: extract() and its windows, anchors, prose rules and per-window
# reading (its first call), the tokeniser's stored regex code (~1 MB: the first phrase the fast path declines).
OWN_LATER = ["deadline_cn._read.extract", "deadline_cn._read.windows", "deadline_cn._read.anchors",
             "deadline_cn._read.prose", "deadline_cn._read.chunk", "deadline_cn._grammar._sre_code"]


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter (-S) has after ``code`` that it did not have before."""
    child = ("import sys; before = set(sys.modules)\n" + code +
             "\nafter = set(sys.modules)\nimport json; print(json.dumps(sorted(after - before)))")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run([sys.executable, "-S", "-c", child], capture_output=True, text=True, env=env, check=True)
    return set(json.loads(out.stdout))


@pytest.fixture(scope="module")
def imported() -> set[str]:
    return modules_after("import deadline_cn")


@pytest.fixture(scope="module")
def first_call() -> set[str]:
    return modules_after("import deadline_cn\ndeadline_cn.normalise('2017年6月底前完成', ref='2017-01-09')")


def test_the_import_loads_the_package(imported: set[str]) -> None:
    assert {"deadline_cn", "deadline_cn.results"} <= imported  # the probe sees what the import loads


@pytest.mark.parametrize("name", [*LAZY, *LAZY_LATER, *OWN_LATER])
def test_the_import_does_not_load(imported: set[str], name: str) -> None:
    assert name not in imported


@pytest.mark.parametrize("name", OWN_LATER)
def test_a_first_common_call_does_not_load(first_call: set[str], name: str) -> None:
    assert name not in first_call


def test_extract_is_loaded_when_asked_for() -> None:
    got = modules_after("from deadline_cn import extract\nextract('2017年6月底前完成方案。', ref='2017-01-09')")
    assert "deadline_cn._read.extract" in got


@pytest.mark.parametrize("name", ["jionlp", "pandas", "dateutil.rrule", "chinese_calendar"])
def test_reading_a_dated_phrase_does_not_load(first_call: set[str], name: str) -> None:
    """A phrase the grammar reads needs no fallback (jionlp), no rule object and no holiday table."""
    assert name not in first_call


def test_clear_cache_makes_the_next_call_read_again() -> None:
    text = "2019年第三季度末前完成"
    first = normalise(text, ref="2019-01-02")
    assert normalise(text, ref="2019-01-02") is first  # cached: the same object
    clear_cache()
    again = normalise(text, ref="2019-01-02")
    assert again == first and again is not first  # read again, to the same reading
