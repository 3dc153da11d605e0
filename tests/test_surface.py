"""The public surface: a light import, no hidden clock, clear errors, the facade's names."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

import deadline_cn
from deadline_cn import Deadline, DeadlineError, Unresolved, normalise

PACKAGE = Path(deadline_cn.__file__).resolve().parent


def test_import_does_not_pull_in_jionlp() -> None:
    code = "import sys, deadline_cn; deadline_cn.normalise('2017年6月底前'); print('jionlp' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_clock_in_the_package() -> None:
    pattern = re.compile(r"\b(now|today|utcnow)\(|time\.time\(|localtime\(")
    offenders = [f"{p.name}:{n}" for p in PACKAGE.rglob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []


def test_same_input_same_output() -> None:
    assert normalise("每季度", ref="2017-05-04") == normalise("每季度", ref="2017-05-04")
    assert normalise("每季度") == normalise("每季度")


@pytest.mark.parametrize("bad", [None, 2017, "2017年".encode(), ["2017年6月底前"], 3.5],
                         ids=lambda v: type(v).__name__)
def test_non_str_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        normalise(bad)  # type: ignore[arg-type]


def test_ref_forms() -> None:
    expect = normalise("6月底前", ref="2017-01-09")
    assert normalise("6月底前", ref=date(2017, 1, 9)) == expect
    assert normalise("6月底前", ref=datetime(2017, 1, 9, 15, 30)) == expect
    with pytest.raises(ValueError, match="ISO"):
        normalise("6月底前", ref="2017/01/09")
    with pytest.raises(TypeError, match="plan_year"):
        normalise("6月底前", plan_year="2017")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="month_before"):
        normalise("6月底前", month_before="loose")


def test_plan_year_defaults_to_ref_year_and_wins_when_given() -> None:
    assert normalise("6月底前", ref="2016-07-01").due == date(2016, 6, 30)  # type: ignore[union-attr]
    assert normalise("6月底前", ref="2016-12-20", plan_year=2017).due == date(2017, 6, 30)  # type: ignore[union-attr]


def test_strict_raises_deadline_error_with_reason_and_text() -> None:
    with pytest.raises(DeadlineError) as info:
        normalise("请视情况办理", strict=True)
    assert isinstance(info.value, ValueError)
    assert info.value.text == "请视情况办理" and info.value.reason
    assert isinstance(normalise("2017年6月底前", strict=True), Deadline)


def test_unresolved_says_why() -> None:
    r = normalise("6月底前完成")
    assert isinstance(r, Unresolved) and "year" in r.reason


def test_all_is_sorted_and_importable() -> None:
    assert list(deadline_cn.__all__) == sorted(deadline_cn.__all__)
    for name in deadline_cn.__all__:
        assert hasattr(deadline_cn, name)


def test_recurrence_without_dtstart_refuses_to_guess() -> None:
    r = normalise("每年")
    assert r.kind == "recurrence" and r.to_dict()["dtstart"] is None
    with pytest.raises(ValueError, match="dtstart"):
        r.rrule()  # type: ignore[union-attr]
