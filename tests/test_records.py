"""The public flat record: the same fields for every kind, one flattening shared with the CLI ledger."""

from __future__ import annotations

from datetime import date

import pytest

from deadline_cn import Record, flatten, normalise
from deadline_cn.documents import ledger
from deadline_cn.records import FIELDS, needs_check
from deadline_cn.results import Compound, Deadline, Unresolved, Window

REF = "2017-01-09"


def test_deadline_fields() -> None:
    rec = flatten(normalise("2017年6月底前完成", ref=REF))
    assert (rec.kind, rec.due, rec.start, rec.end, rec.precision) == ("deadline", date(2017, 6, 30), None, None,
                                                                       "month")
    assert (rec.flags, rec.needs_check, rec.parts) == ("", False, 1)


def test_compound_due_is_the_latest_part_due() -> None:
    rec = flatten(normalise("2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设", ref=REF))
    # the parts are due 06-30 and 12-31: the cell is done when its last part is
    assert (rec.kind, rec.due, rec.parts, rec.precision) == ("compound", date(2017, 12, 31), 2, "year")
    assert rec.scope == "招投标等前期工作; 整体改版建设"


def test_compound_dates_merge_earliest_start_latest_end() -> None:
    a = Window(text="x", start=date(2020, 3, 1), end=date(2020, 4, 30))
    b = Deadline(text="x", due=date(2020, 2, 1), start=date(2020, 1, 1), precision="month")
    c = Window(text="x", start=date(2020, 5, 1), end=date(2020, 5, 31), flags=("invalid:x",))
    rec = flatten(Compound(text="x", parts=(a, b, c)))
    assert (rec.due, rec.start, rec.end, rec.precision) == (date(2020, 2, 1), date(2020, 1, 1),
                                                            date(2020, 5, 31), "month")
    assert rec.flags == "invalid:x" and rec.needs_check


def test_conditional_trigger_fields() -> None:
    rec = flatten(normalise("按省部署实施", ref=REF))
    assert (rec.kind, rec.trigger_type, rec.trigger_authority, rec.trigger) == ("conditional", "deployment", "省",
                                                                               "deployment: 省")
    assert rec.due is None and not rec.needs_check


def test_recurrence_fields() -> None:
    rec = flatten(normalise("每季度结束后10日内", ref=REF))
    assert (rec.kind, rec.freq) == ("recurrence", "quarterly")
    assert rec.rrule is not None and rec.rrule.startswith("FREQ=MONTHLY") and "BYMONTHDAY=10" in rec.rrule
    assert rec.start == date(2017, 1, 1)


def test_relative_offset_fields() -> None:
    # 30 days from the document's own date; the day of issue is not counted
    rec = flatten(normalise("本意见印发之日起30日内", ref="2018-11-16"))
    assert (rec.kind, rec.offset_value, rec.offset_unit, rec.due, rec.trigger) == ("relative", 30, "day",
                                                                                  date(2018, 12, 16), None)
    waits = flatten(normalise("24小时内", ref=REF))
    assert (waits.due, waits.offset_unit, waits.trigger) == (None, "hour", "event")


@pytest.mark.parametrize(("flag", "doubt"), [
    ("unread:上旬", True), ("ambiguous:month-before", True), ("source:jionlp", True), ("invalid:2月30日", True),
    ("calendar:predicted:2031", True), ("truncated:12", True), ("dense:120", True),
    ("typo:missing-月", False), ("hedge:力争", False), ("year-from-ref", False),
])
def test_needs_check_follows_the_doubt_flags(flag: str, doubt: bool) -> None:
    result = Deadline(text="x", due=date(2020, 1, 1), flags=(flag,))
    assert needs_check(result) is doubt
    assert flatten(result).needs_check is doubt
    assert flatten(Compound(text="x", parts=(Deadline(text="x", due=date(2020, 1, 1)), result))).needs_check is doubt


def test_unresolved_needs_check_and_says_why() -> None:
    rec = flatten(Unresolved(text="按要求", reason="no deadline expression found"))
    assert (rec.kind, rec.needs_check, rec.reason, rec.due) == ("unresolved", True, "no deadline expression found",
                                                               None)


def test_flags_are_one_string() -> None:
    rec = flatten(Deadline(text="x", due=date(2020, 1, 1), flags=("hedge:力争", "typo:missing-月")))
    assert rec.flags == "hedge:力争; typo:missing-月"


def test_same_fields_for_every_kind() -> None:
    cells = ["2017年6月底前完成", "长期坚持", "2017年3月至5月", "每月10日前", "按省部署实施", "24小时内", "", "同上"]
    for cell in cells:
        assert tuple(flatten(normalise(cell, ref=REF)).to_dict()) == FIELDS


def test_the_ledger_uses_the_same_flattening() -> None:
    for cell in ["2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设", "按省部署实施", "每月10日前"]:
        result = normalise(cell, ref=REF)
        assert ledger.summarise(result) == flatten(result)
        assert isinstance(ledger.summarise(result), Record)
