"""The jionlp fallback: real jionlp calls, mapped onto our kinds, never the clock, never stdout."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from deadline_cn._read import fallback as _fallback
from deadline_cn._read.fallback import jionlp_reading
from deadline_cn.results import Deadline, Offset, Ongoing, Recurrence, Relative, Result, Window, from_dict

REF = date(2017, 1, 9)  # a Monday
ROOT = Path(__file__).resolve().parents[1]


def read(text: str, ref: date | None = REF, plan_year: int | None = None) -> Result | None:
    return jionlp_reading(text, (0, len(text)), ref=ref, plan_year=plan_year)


def test_explicit_span_is_a_window() -> None:
    r = read("2017年10月1日至12月31日")
    assert r == Window(
        text="2017年10月1日至12月31日",
        span=(0, 17),
        start=date(2017, 10, 1),
        end=date(2017, 12, 31),
        flags=("source:jionlp",),
    )


def test_weekday_is_a_day_deadline_from_ref() -> None:
    r = read("下周三")
    assert isinstance(r, Deadline)
    assert (r.due, r.precision, r.start) == (date(2017, 1, 18), "day", None)
    assert r.flags == ("source:jionlp", "year-from-ref")


def test_named_date_with_plan_year_only() -> None:
    r = read("国庆节", ref=None, plan_year=2018)
    assert isinstance(r, Deadline) and r.due == date(2018, 10, 1)
    assert "source:jionlp" in r.flags and "year-from-ref" in r.flags


def test_explicit_date_has_no_year_from_ref_flag() -> None:
    r = read("2018年4月20日")
    assert isinstance(r, Deadline) and r.due == date(2018, 4, 20) and r.flags == ("source:jionlp",)


def test_text_and_span_are_the_callers() -> None:
    text = "请于下周三前后…不，于下周三报送"
    start = text.rindex("下周三")
    r = jionlp_reading(text, (start, start + 3), ref=REF, plan_year=None)
    assert r is not None and r.text == text and r.span == (start, start + 3)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2017年6月底前", date(2017, 6, 30)),  # jionlp: span from the base; the base is not the reading
        ("至6月30日", date(2017, 6, 30)),
        ("2016年底前", date(2016, 12, 31)),  # jionlp: span from -inf
        ("今年内", date(2017, 12, 31)),
        ("国庆节前", date(2017, 9, 30)),  # the day before the holiday, as DESIGN.md reads 国庆节前
    ],
)
def test_by_spans_are_deadlines_without_start(text: str, due: date) -> None:
    r = read(text)
    assert isinstance(r, Deadline) and (r.due, r.start) == (due, None)


def test_span_with_its_own_start_stays_a_window() -> None:
    r = read("2021年11月到2022年春节前")
    assert isinstance(r, Window) and (r.start, r.end) == (date(2021, 11, 1), date(2022, 1, 31))


def test_open_ended_span_is_ongoing() -> None:
    r = read("2017年10月以后")
    assert isinstance(r, Ongoing) and (r.start, r.end) == (date(2017, 10, 1), None)


@pytest.mark.parametrize(
    "text", ["30日内", "3年后", "100天之后", "未来三天", "国庆节前后", "12月31日至1月5日", "每年9月", "3分钟"]
)
def test_unfaithful_answers_give_none(text: str) -> None:
    assert read(text) is None


def test_weekly_recurrence() -> None:
    r = read("每周五")
    assert isinstance(r, Recurrence)
    assert (r.freq, r.interval, r.dtstart, r.rrule_text) == ("weekly", 1, date(2017, 1, 13), "FREQ=WEEKLY;BYDAY=FR")
    assert r.occurrences(date(2017, 1, 1), date(2017, 1, 31)) == [date(2017, 1, d) for d in (13, 20, 27)]


@pytest.mark.parametrize(
    ("text", "freq", "interval", "dtstart", "rule"),
    [
        ("每月10日", "monthly", 1, date(2017, 1, 10), "FREQ=MONTHLY;BYMONTHDAY=10"),
        ("每季度", "quarterly", 1, date(2017, 1, 1), "FREQ=MONTHLY;INTERVAL=3"),
        ("每半年", "half-yearly", 1, date(2017, 1, 1), "FREQ=MONTHLY;INTERVAL=6"),
        ("每两周", "weekly", 2, date(2017, 1, 9), "FREQ=WEEKLY;INTERVAL=2"),
        ("每2年", "yearly", 2, date(2017, 1, 1), "FREQ=YEARLY;INTERVAL=2"),
        ("每12小时", "irregular", 1, None, None),
    ],
)
def test_period_shapes(text: str, freq: str, interval: int, dtstart: date | None, rule: str | None) -> None:
    r = read(text)
    assert isinstance(r, Recurrence)
    assert (r.freq, r.interval, r.dtstart, r.rrule_text) == (freq, interval, dtstart, rule)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("3个工作日", Offset(3, "workday")),
        ("24小时", Offset(24, "hour")),
        ("两个半月", Offset(2.5, "month")),
        ("两周", Offset(2, "week")),
        ("两周内", Offset(2, "week")),  # jionlp's own span for 两周内 is two days long
        ("3年内", Offset(3, "year")),
        ("2-3年", Offset(2, "year", 3)),
    ],
)
def test_deltas_are_relative(text: str, offset: Offset) -> None:
    r = read(text)
    assert isinstance(r, Relative)
    assert (r.offset, r.anchor, r.due, r.flags) == (offset, None, None, ("source:jionlp",))


def test_results_round_trip() -> None:
    for text in ("2017年10月1日至12月31日", "下周三", "每周五", "两个半月", "2017年10月以后"):
        r = read(text)
        assert r is not None and from_dict(r.to_dict()) == r


def test_no_base_gives_none() -> None:
    for text in ("下周三", "2017年10月1日至12月31日", "每周五", "3天"):
        assert read(text, ref=None, plan_year=None) is None


def test_the_answer_follows_ref_not_the_clock() -> None:
    a, b = read("下周三", ref=date(2017, 1, 9)), read("下周三", ref=date(2020, 6, 1))
    assert isinstance(a, Deadline) and isinstance(b, Deadline)
    assert (a.due, b.due) == (date(2017, 1, 18), date(2020, 6, 10))
    assert read("国庆节", ref=None, plan_year=2016) != read("国庆节", ref=None, plan_year=2018)


def test_long_or_empty_spans_are_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(_fallback, "_call", lambda piece, base: calls.append(piece))
    assert read("2017年10月1日" * 5) is None
    assert jionlp_reading("下周三", (1, 1), ref=REF, plan_year=None) is None
    assert calls == []


def test_a_raising_jionlp_gives_none(monkeypatch: pytest.MonkeyPatch) -> None:
    read("下周三")  # jionlp is imported and installed

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("jionlp broke")

    monkeypatch.setattr(_fallback, "_jionlp", SimpleNamespace(parse_time=boom))
    assert read("下周三") is None
    assert read("2017年10月1日至12月31日") is None


def test_odd_answers_give_none(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [
        {"type": "time_point", "definition": "accurate", "time": ["garbage", None]},
        {"type": "something_new", "time": None},
        {"type": "time_delta", "definition": "accurate", "time": {"minute": 3.0}},
    ]
    for answer in answers:
        monkeypatch.setattr(_fallback, "_jionlp", SimpleNamespace(parse_time=lambda *a, answer=answer, **k: answer))
        assert read("下周三") is None


def test_unreadable_period_point_does_not_touch_root_logging() -> None:
    before = list(logging.getLogger().handlers)
    assert read("每年9月") is None  # jionlp logs a traceback for it; it must not configure the root logger
    assert logging.getLogger().handlers == before


def test_threads_get_their_own_base() -> None:
    refs = [date(2017, 1, 9), date(2018, 3, 5), date(2019, 7, 1), date(2020, 11, 30)] * 5
    out: dict[int, Result | None] = {}

    def work(i: int) -> None:
        out[i] = read("下周三", ref=refs[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(refs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = {ref: read("下周三", ref=ref) for ref in set(refs)}
    assert all(out[i] == expected[ref] for i, ref in enumerate(refs))


def test_import_is_lazy_and_the_banner_never_reaches_stdout() -> None:
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from deadline_cn._read.fallback import jionlp_reading\n"
        "assert 'jionlp' not in sys.modules\n"
        "r = jionlp_reading('下周三', (0, 3), ref=date(2017, 1, 9), plan_year=None)\n"
        "assert 'jionlp' in sys.modules and r is not None and r.due == date(2017, 1, 18), r\n"
        "jionlp_reading('每年9月', (0, 4), ref=date(2017, 1, 9), plan_year=None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
