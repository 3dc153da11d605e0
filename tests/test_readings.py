"""DESIGN.md's readings as groups: one expected reading, several surface forms (Duckling's corpus shape).

Each expectation is written from the phrase and DESIGN.md; only the keys given are compared.
"""

from __future__ import annotations

import pytest

from deadline_cn import normalise
from tests.goldcheck import mismatches

REF17 = {"ref": "2017-01-09"}
PLAN16 = {"plan_year": 2016}

GROUPS: list[tuple[str, dict, dict, list[str]]] = [
    ("month end", REF17, {"kind": "deadline", "due": "2017-06-30", "precision": "month", "start": None,
                          "flags": []},
     ["2017年6月底前完成", "2017年6月底完成", "2017年6月底", "二〇一七年六月底前", "２０１７年６月底前",
      "2017年 6 月底前", "2017\n年6\n月底前完成", "2017年6月末前", "2017年6月份底前", "二零一七年六月底前"]),
    ("year end", REF17, {"kind": "deadline", "due": "2017-12-31", "precision": "year", "start": None,
                         "flags": []},
     ["2017年底前完成", "2017年年底前", "2017年年底实现", "2017年末", "到2017年底", "到2017年", "2017年内"]),
    ("month before, inclusive", {"ref": "2021-07-01"},
     {"kind": "deadline", "due": "2021-09-30", "flags": ["ambiguous:month-before"],
      "alternatives": [{"due": "2021-08-31", "reading": "strict"}]},
     ["2021年9月前", "2021 年 9 月\n前", "2021年9月之前", "2021年9月以前完成"]),
    ("quarter, within", PLAN16, {"kind": "deadline", "start": "2017-01-01", "due": "2017-03-31",
                                 "precision": "quarter"},
     ["2017年第1季度完成", "2017年第一季度完成", "2017年一季度完成"]),
    ("quarter, by", PLAN16, {"kind": "deadline", "start": None, "due": "2017-03-31", "flags": []},
     ["2017年第1季度前完成", "2017年第一季度前"]),
    ("first half", REF17, {"kind": "deadline", "due": "2017-06-30", "precision": "half"},
     ["2017年上半年", "2017年上半年完成", "上半年"]),
    ("second xun", REF17, {"kind": "deadline", "due": "2017-03-20", "precision": "xun"}, ["2017年3月中旬"]),
    ("this year", {"plan_year": 2018, "ref": "2018-06-29"},
     {"kind": "deadline", "due": "2018-12-31", "flags": ["year-from-ref"]},
     ["今年内", "年内", "在今年内", "今年年底前"]),
    ("whole year", PLAN16, {"kind": "ongoing", "start": "2016-01-01", "end": "2016-12-31",
                            "flags": ["year-from-ref"]}, ["全年工作", "全年"]),
    ("long term", {"ref": "2021-07-01"}, {"kind": "ongoing", "start": "2021-07-01", "end": None},
     ["长期工作", "长期", "長期工作", "常态化", "持续推进"]),
    ("yearly since", REF17, {"kind": "recurrence", "freq": "yearly", "dtstart": "2017-01-01",
                             "rrule": "FREQ=YEARLY", "interval": 1},
     ["从2017年起每年实施", "2017年起每年实施", "從2017年起每年實施", "自2017年起每年", "从二〇一七年起每年实施"]),
    ("quarterly", {"ref": "2017-05-04"}, {"kind": "recurrence", "freq": "quarterly", "dtstart": "2017-04-01",
                                          "rrule": "FREQ=MONTHLY;INTERVAL=3"}, ["每季度", "每个季度", "每季"]),
    ("weekly", {"ref": "2017-01-11"}, {"kind": "recurrence", "freq": "weekly", "dtstart": "2017-01-09"},
     ["每周", "每星期", "每週"]),
    ("seasonal", PLAN16, {"kind": "recurrence", "freq": "monthly", "rrule": "FREQ=MONTHLY;BYMONTH=5,6,7,8,9,10,11"},
     ["登革热流行季节（5-11月）每月", "(5—11月)每月"]),
    ("deployment", PLAN16, {"kind": "conditional", "trigger": {"type": "deployment", "authority": "省"}},
     ["按省部署实施", "按照省部署实施", "按省统一部署"]),
    ("statute", PLAN16, {"kind": "conditional", "trigger": {"type": "statute", "authority": "预算法"}},
     ["按预算法规定时限完成", "按照预算法规定的时限"]),
    ("workday offset", {}, {"kind": "relative", "offset": {"value": 3, "unit": "workday", "max": None},
                            "due": None}, ["最迟不超过3个工作日", "最迟不超过3 个工作日", "3个工作日内"]),
    ("from the document", {"ref": "2018-11-16"},
     {"kind": "relative", "anchor": "ref", "due": "2018-12-16", "offset": {"value": 30, "unit": "day"}},
     ["本意见印发之日起30日内", "印发之日起30日内", "自发文之日起30日内", "发文之日起30天内"]),
    ("typo", PLAN16, {"kind": "deadline", "due": "2017-12-31", "flags": ["typo:missing-月"]},
     ["2017 年12底前完成", "2017年12底前"]),
    ("year before", {}, {"kind": "deadline", "due": "2025-12-31", "flags": ["ambiguous:year-before"],
                         "alternatives": [{"due": "2024-12-31", "reading": "strict"}]}, ["2025年前", "2025年以前"]),
    ("plan period", {}, {"kind": "ongoing", "start": "2021-01-01", "end": "2025-12-31"},
     ["2021—2025年", "（2021—2025年）", "2021-2025年", "2021年至2025年"]),
    ("since, no 每", {}, {"kind": "ongoing", "start": "2016-01-01", "end": None},
     ["从2016年起", "2016年起", "自2016年起"]),
    ("in force from issue", {"ref": "2018-06-29"}, {"kind": "ongoing", "start": "2018-06-29", "end": None},
     ["自印发之日起实施", "自发布之日起施行"]),
    ("promptly", {"ref": "2018-06-29"}, {"kind": "ongoing", "end": None, "flags": ["vague:promptly"]},
     ["实时公开", "及时公开", "随时"]),
    ("hedge", REF17, {"kind": "deadline", "due": "2017-06-30", "flags": ["hedge:力争"]},
     ["力争2017年6月底前完成", "力争在2017年6月底前完成"]),
    ("weekday agrees", {"plan_year": 2018}, {"kind": "deadline", "due": "2018-04-20",
                                             "flags": ["ambiguous:day-before", "year-from-ref"]},
     ["于4月20日(星期五)前", "4月20日（周五）前"]),
    ("explicit year wins", {"plan_year": 2024}, {"kind": "deadline", "due": "2022-11-30", "flags": []},
     ["于 2022年11月底前", "2022年11月底前"]),
    ("holiday", {"plan_year": 2017}, {"kind": "deadline", "due": "2017-01-27", "precision": "day",
                                      "flags": ["holiday:春节", "year-from-ref"]}, ["春节前", "春節前"]),
    ("holiday with year", {}, {"kind": "deadline", "due": "2018-02-15", "flags": ["holiday:春节"]},
     ["2018年春节前"]),
    ("window", {"plan_year": 2017}, {"kind": "window", "start": "2017-11-20", "end": "2017-12-31"},
     ["11月20日至12月31日", "11月20日到12月31日", "从11月20日至12月31日"]),
    ("window to a holiday", {}, {"kind": "window", "start": "2021-11-01", "end": "2022-01-31"},
     ["2021年11月到2022年春节前"]),
    ("iso window", {}, {"kind": "window", "start": "2020-05-26", "end": "2020-05-29"},
     ["自2020-05-26起至2020-05-29止", "2020-05-26至2020-05-29"]),
    ("yearly by month", REF17, {"kind": "recurrence", "freq": "yearly", "rrule": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"},
     ["每年2月底前", "每年2月底"]),
    ("monthly by day", REF17, {"kind": "recurrence", "freq": "monthly", "rrule": "FREQ=MONTHLY;BYMONTHDAY=10"},
     ["每月10日前", "每月10号前"]),
    ("quarter's last month", REF17, {"kind": "recurrence", "freq": "quarterly",
                                     "rrule": "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"}, ["每季度末月20日前"]),
    ("autumn months", REF17, {"kind": "recurrence", "rrule": "FREQ=YEARLY;BYMONTH=9,10,11"},
     ["每年9月到11月", "每年9月至11月"]),
    ("ditto", {}, {"kind": "unresolved", "flags": ["ditto"]}, ["同上"]),
    ("needs a year", {}, {"kind": "unresolved", "flags": []}, ["6月底前完成", "全年工作", "今年内"]),
    # phrasings of other plans (generalisation beyond the five documents)
    ("vague part of a year", {"plan_year": 2023}, {"kind": "unresolved"}, ["2023年初", "年中", "2023年年中", "月底前"]),
    ("ongoing until", {"ref": "2022-03-15"}, {"kind": "ongoing", "start": "2022-03-15", "end": "2025-12-31"},
     ["持续至2025年", "持续到2025年底"]),
    ("statute, unnamed", {}, {"kind": "conditional", "trigger": {"type": "statute", "authority": None}},
     ["按规定时限完成", "按法定时限", "法定时限内", "在规定时限内"]),
    ("once a year", {"plan_year": 2022}, {"kind": "recurrence", "freq": "yearly", "rrule": "FREQ=YEARLY"},
     ["一年一次", "每年一次", "按年公开"]),
    ("every two months", {"ref": "2022-03-15"}, {"kind": "recurrence", "freq": "monthly", "interval": 2,
                                                 "rrule": "FREQ=MONTHLY;INTERVAL=2"}, ["每两个月", "每2个月"]),
    ("half a year", {"ref": "2022-03-15"}, {"kind": "relative", "offset": {"value": 0.5, "unit": "year"},
                                            "due": "2022-09-15"}, ["半年内", "半年以内"]),
    ("days after each quarter", {"ref": "2022-03-15"},
     {"kind": "recurrence", "freq": "quarterly", "rrule": "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYMONTHDAY=10"},
     ["每季度结束后10日内", "每个季度结束后10日内"]),
    ("listed months", {"ref": "2022-03-15"}, {"kind": "recurrence", "rrule": "FREQ=YEARLY;BYMONTH=6,12"},
     ["每年6月和12月", "每年6月、12月"]),
    ("weekdays", {"ref": "2022-03-15"}, {"kind": "recurrence", "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"},
     ["每周一至周五", "每星期一到星期五"]),
    ("next year's date", {"plan_year": 2023}, {"kind": "deadline", "due": "2024-03-31"},
     ["次年3月31日前", "明年3月31日前"]),
    ("year.month", {}, {"kind": "deadline", "start": "2023-06-01", "due": "2023-06-30"}, ["2023.6", "2023/6"]),
    ("from today", {"ref": "2022-03-15"}, {"kind": "ongoing", "start": "2022-03-15", "end": None},
     ["即日起", "自即日起", "即日起实施"]),
]


@pytest.mark.parametrize(("name", "ctx", "expect", "surface"),
                         [(n, c, e, s) for n, c, e, forms in GROUPS for s in forms],
                         ids=[f"{n}:{s!r}" for n, _, _, forms in GROUPS for s in forms])
def test_reading(name: str, ctx: dict, expect: dict, surface: str) -> None:
    result = normalise(surface, **ctx)
    assert mismatches(result.to_dict(), expect) == [], result.describe()


def test_month_before_strict_swaps_readings() -> None:
    r = normalise("2021年9月前", ref="2021-07-01", month_before="strict")
    assert r.to_dict()["due"] == "2021-08-31"
    assert r.to_dict()["alternatives"] == [{"due": "2021-09-30", "reading": "inclusive"}]


def test_weekday_mismatch_is_flagged() -> None:
    assert "weekday-mismatch" in normalise("2018年4月20日(星期三)前").flags


def test_compound_parts_keep_their_scope() -> None:
    r = normalise("2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设", ref="2017-01-09")
    assert [p.scope for p in r.parts] == ["招投标等前期工作", "整体改版建设"]
    text = r.text
    assert [text[p.span[0]:p.span[1]] for p in r.parts] == ["2017年6月底前", "2017年年底"]


def test_span_points_into_original_text() -> None:
    text = "　2017 年\u200b6 月底前完成"
    r = normalise(text)
    assert text[r.span[0]:r.span[1]] == "2017 年\u200b6 月底前"
