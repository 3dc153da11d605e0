"""A compiled build keeps its pure-Python twin tested (tests/pure.py): the tests that need the Python code,
and the differential snapshot, run again in a fresh interpreter with ``DEADLINE_CN_PURE=1``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from deadline_cn._compiled import MODULES
from tests.pure import COMPILED

ROOT = Path(__file__).resolve().parent.parent
compiled_only = pytest.mark.skipif(not COMPILED, reason="a pure install: the whole suite is the pure run")
# The tests marked @needs_pure (skipped in a compiled run) and the differential sample.
PURE_RUN = ["tests/test_robustness.py::test_steps_count_what_is_read",
            "tests/test_robustness.py::test_pathological_input_takes_linear_steps",
            "tests/test_robustness.py::test_a_document_takes_linear_steps",
            "tests/test_scanner.py::test_dispatch_on_the_next_token_gives_the_cover_every_rule_gives",
            "tests/test_differential.py::test_a_sample_of_the_snapshot_reads_the_same"]


def pure_env() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "DEADLINE_CN_PURE": "1", "PYTHONPATH": path}


def test_the_switch_loads_the_pure_modules() -> None:
    code = ("import deadline_cn, sys; from deadline_cn._compiled import MODULES, compiled\n"
            "assert not compiled() and all(sys.modules[m].__file__.endswith('.py') for m in MODULES), compiled()\n"
            "print(deadline_cn.normalise('2017年6月底前完成', ref='2017-01-09').due)")
    out = subprocess.run([sys.executable, "-c", code], env=pure_env(), cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "2017-06-30", out.stderr
    assert set(COMPILED) <= set(MODULES)


@compiled_only
@pytest.mark.slow  # a second interpreter and pytest: 4-5 s, run in CI's slow step with the full pure snapshot
def test_the_pure_modules_pass_what_only_they_can_be_tested_on() -> None:
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *PURE_RUN],
                         env=pure_env(), cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert " passed" in out.stdout and " skipped" not in out.stdout, out.stdout[-1000:]


@compiled_only
@pytest.mark.slow
def test_the_pure_modules_read_every_row_of_the_snapshot_the_same() -> None:
    out = subprocess.run([sys.executable, "tests/differential.py"], env=pure_env(), cwd=ROOT, capture_output=True,
                         text=True)
    assert out.returncode == 0 and "\n0 of " in "\n" + out.stdout, out.stdout[-3000:] + out.stderr[-2000:]


def test_an_edit_not_yet_compiled_is_seen(tmp_path: Path) -> None:
    """In a checkout, a compilable .py newer than its extension (or missing one) makes all of them pure."""
    from _imp import extension_suffixes

    from deadline_cn._compiled import COMPILED, stale

    for path in COMPILED:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("")
    assert stale(str(tmp_path)) is None  # no setup.py: an installed package
    (tmp_path / "setup.py").write_text("")
    assert stale(str(tmp_path)) is None  # nothing compiled: pure anyway
    for path in COMPILED:
        ext = tmp_path / (path[:-3] + extension_suffixes()[0])
        ext.write_text("")
        os.utime(ext, (2e9, 2e9))
    assert stale(str(tmp_path)) is None
    os.utime(tmp_path / COMPILED[3], (2e9 + 1, 2e9 + 1))
    assert stale(str(tmp_path)) == COMPILED[3]
    os.utime(tmp_path / COMPILED[3], (1e9, 1e9))
    (tmp_path / (COMPILED[-1][:-3] + extension_suffixes()[0])).unlink()
    assert stale(str(tmp_path)) == COMPILED[-1]


def test_an_edit_to_a_module_the_compiled_code_reads_is_seen(tmp_path: Path) -> None:
    """lexicon.py is not compiled, but the compiled modules check the types of its constants (a word tuple grown
    by two words was a TypeError at import): edited after the build, it makes the build stale too."""
    from _imp import extension_suffixes

    from deadline_cn._compiled import COMPILED, DEPENDED_ON, stale

    (tmp_path / "setup.py").write_text("")
    for path in (*COMPILED, *DEPENDED_ON):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("")
        os.utime(tmp_path / path, (1e9, 1e9))
    for path in COMPILED:
        ext = tmp_path / (path[:-3] + extension_suffixes()[0])
        ext.write_text("")
        os.utime(ext, (2e9, 2e9))
    assert stale(str(tmp_path)) is None
    os.utime(tmp_path / DEPENDED_ON[0], (2e9 + 1, 2e9 + 1))
    assert stale(str(tmp_path)) == DEPENDED_ON[0]
