"""extract() on families of running text that no corpus sentence was tuned on (issue 10, item 4).

Each family has several surface forms; the expectation is written from the sentence. Context: a 2023 plan
issued 2023-03-15.
"""

from __future__ import annotations

import pytest

from deadline_cn import extract
from deadline_cn.records import flatten

CTX = {"ref": "2023-03-15", "plan_year": 2023}

# A duration that describes a service, a course or a shift, and a report of last year's figures: no deadline.
NOT_LIMITS = [
    "开通24小时服务热线，确保群众诉求及时回应。",
    "实行24小时值班制度。",
    "开展3天集中培训。",
    "组织为期6个月的专项培训。",
    "2022年，全市共完成投资120亿元，同比增长10%。",
    "2022年，全县累计新增就业岗位1.2万个。",
    "2022年，全市地区生产总值增长6%，一般公共预算收入完成120亿元。",
    "2022年上半年，全市共办理政务服务事项5万件。",
    "1-11月，全市规上工业增加值比上年增长6.5%。",
    "截止到2022年底，全市共有市场主体12万户。",
    "截至2023年2月底，已完成整改15项。",
    "截至2022年底，全市建成5G基站1.2万个。",  # a count as of a day gone by, with no word of narration
    "截止2022年12月，全县新增市场主体3000户。",
    "窗口服务时间为每个工作日上午9:00至12:00。",
    "附件：2023年重点任务清单。",  # a title: 重点 begins a noun here
]

# A bare count of time followed by a verb of getting it done is a limit.
LIMITS = [
    ("对群众反映的问题，承诺5个工作日办结。", "5个工作日", 5),
    ("一般事项3个工作日办理完毕。", "3个工作日", 3),
    ("投诉举报事项，不准超过5个工作日。", "不准超过5个工作日", 5),
    ("申请材料齐全的，最长不超过10个工作日。", "最长不超过10个工作日", 10),
]


@pytest.mark.parametrize("sentence", NOT_LIMITS)
def test_descriptions_and_reports_are_no_deadline(sentence: str) -> None:
    found = extract(sentence, **CTX)
    assert found == [], [r.describe() for r in found]


@pytest.mark.parametrize(("sentence", "phrase", "days"), LIMITS)
def test_a_count_with_a_verb_of_finishing_is_a_limit(sentence: str, phrase: str, days: int) -> None:
    found = extract(sentence, **CTX)
    assert len(found) == 1, [r.describe() for r in found]
    r = found[0]
    assert sentence[r.span[0]:r.span[1]].endswith(phrase[-5:]) and r.kind == "relative"
    assert r.offset is not None and r.offset.value == days and r.offset.unit == "workday"


# A period heading a sentence, followed by what is to be done, or in brackets after a stage's name.
GOVERNING = [
    ("下半年重点抓好整改落实。", "下半年", "2023-12-31"),
    ("第一季度着力推进项目开工。", "第一季度", "2023-03-31"),
    ("10月份，组织开展专项检查。", "10月份", "2023-10-31"),
    ("三季度集中开展“回头看”。", "三季度", "2023-09-30"),
    ("（一）动员部署阶段（2023年3月）。", "2023年3月", "2023-03-31"),
    ("总结验收阶段（2023年12月）：全面总结。", "2023年12月", "2023-12-31"),
    ("截至2023年6月底，全市要建成5G基站2万个。", "截至2023年6月底", "2023-06-30"),  # a day to come: a limit
]


@pytest.mark.parametrize(("sentence", "phrase", "due"), GOVERNING)
def test_a_period_that_governs_its_sentence_is_kept(sentence: str, phrase: str, due: str) -> None:
    # a stage's month (总结验收阶段（2023年12月）) may be read as the stage's window: the work is over by its end
    found = extract(sentence, **CTX)
    assert [(sentence[r.span[0]:r.span[1]], str(flatten(r).due or flatten(r).end)) for r in found] == [(phrase, due)]


@pytest.mark.parametrize("sentence", ["出水pH值控制在6.5-8.5之间。", "比例为1.5-2.5。", "系数取0.8-1.2，视情况调整。"])
def test_a_decimal_range_is_no_window(sentence: str) -> None:
    assert extract(sentence, **CTX) == []


# A date after 确保 / a label with 为 or 是 sets when something must be done.
KEPT = [
    ("确保9月14日顺利完成换届选举工作。", "9月14日"),
    ("力争2025年底前实现全覆盖。", "2025年底前"),
    ("重修课程成绩录入截止时间为2024年1月9日17:00。", "2024年1月9日17:00"),
    ("普查的标准时点是2020年11月1日零时。", "2020年11月1日零时"),
    ("各股室应于2023年3月1日,将抽查工作计划电子版报办公室。", "2023年3月1日"),
    # a step of the plan and its day in brackets
    ("分为申报、评审(2023年5月10日)等步骤。", "2023年5月10日"),
    ("集中检查（2023年6月20日），由市局统一组织。", "2023年6月20日"),
]

# An event heading a clause whose task must be done after it: a trigger (not 会议结束后，…进行了讨论).
TRIGGERED = [
    ("全国征兵网开通后，各地要及时发布兵役登记通告。", "全国征兵网开通"),
    ("方案印发后，各单位须立即组织学习。", "方案印发"),
]


@pytest.mark.parametrize(("sentence", "event"), TRIGGERED)
def test_an_event_before_what_must_be_done_is_a_trigger(sentence: str, event: str) -> None:
    found = extract(sentence, **CTX)
    assert [(r.kind, r.trigger.event) for r in found] == [("conditional", event)], [r.describe() for r in found]


def test_an_offset_after_an_event_counts_from_it() -> None:
    found = extract("该政策实施后，企业需在3个月内完成申报。", **CTX)
    assert [(r.kind, getattr(r, "anchor", None), getattr(r, "due", None)) for r in found][-1] == \
        ("relative", "该政策实施", None), [r.describe() for r in found]


def test_a_task_after_a_holiday_or_due_by_a_past_day_is_kept() -> None:
    assert [r.kind for r in extract("春节假期结束后，各单位要立即组织开展安全检查。", **CTX)] == ["ongoing"]
    assert [r.kind for r in extract("截至2022年底，各地要完成全部整改任务。", **CTX)] == ["deadline"]


def test_an_event_before_what_was_done_is_narration() -> None:
    assert extract("会议结束后，与会人员进行了讨论。", **CTX) == []


# A bracketed day after a document's or a meeting's name dates it: no task.
DATED_NAMES = [
    "根据《关于开展专项整治的通知》(2023年5月10日)要求，现将有关事项通知如下。",
    "市政府常务会议(2023年5月10日)审议通过了该方案。",
]


@pytest.mark.parametrize("sentence", DATED_NAMES)
def test_a_bracketed_day_after_a_name_is_no_task(sentence: str) -> None:
    assert extract(sentence, **CTX) == []


@pytest.mark.parametrize(("sentence", "phrase"), KEPT)
def test_a_date_after_a_word_that_sets_it_is_kept(sentence: str, phrase: str) -> None:
    found = extract(sentence, **CTX)
    assert [sentence[r.span[0]:r.span[1]] for r in found] == [phrase], [r.describe() for r in found]
    assert found[0].kind == "deadline"


# Narration, announcements and descriptions: no trigger, no rhythm, no "this year".
NOT_TASKS = [
    ("根据区委统一部署,区委第二巡察组对区文旅体局党组进行了巡察。", "conditional"),
    ("按照党务公开原则和巡察工作有关要求,现将巡察整改情况予以公布。", "conditional"),
    ("连续两个月不报送进展情况或全年3次不报送每月情况的,试点资格将自动撤销。", "recurrence"),
    ("每年3月至6月是鱼类繁殖的盛期。", "recurrence"),
    ("成员名单要在本年级范围内进行公示。", "deadline"),
]


@pytest.mark.parametrize(("sentence", "kind"), NOT_TASKS)
def test_narration_and_descriptions_are_not_tasks(sentence: str, kind: str) -> None:
    assert [r.describe() for r in extract(sentence, **CTX) if r.kind == kind] == []


@pytest.mark.parametrize(("sentence", "hedge"), [
    ("到2023年，基本建成统一规范的平台。", "hedge:基本"),
    ("浙大二院力争，9月完成施工招标。", "hedge:力争"),
    ("2023年，争取上级专项资金增长10%以上。", "hedge:争取"),
])
def test_a_hedge_across_a_comma_flags_the_time_that_is_its_clause(sentence: str, hedge: str) -> None:
    found = extract(sentence, **CTX)
    assert len(found) == 1 and hedge in found[0].flags, [r.describe() for r in found]


# A bare period heading its clause with an action right after it (or after a short actor) sets when that
# action happens; a day followed by its action does so wherever it stands. Other sentences than the corpus's.
ACTIONS = [
    ("推进老旧小区改造，第三季度启动二期工程招标。", "第三季度", "2023-09-30"),
    ("严格落实信息公开制度，2023年5月中旬公布年度抽查计划。", "2023年5月中旬", "2023-05-20"),
    ("6月底前完成摸底排查，7月份市级开展督导检查。", "7月份", "2023-07-31"),
    ("新生8月28日报到注册。", "8月28日", "2023-08-28"),
    ("9月1日至2日报到，9月4日学生开始上课，2024年1月19日结束，共计20周。", "9月4日", "2023-09-04"),
    ("初中毕业班2023年6月16日安排体育考试。", "2023年6月16日", "2023-06-16"),
    ("5月份计划:完成项目立项。", "5月份", "2023-05-31"),
]

# …but not a definition, a named time limit, a school year, or a noun that merely begins like a verb.
NOT_ACTIONS = [
    "2024年是全面完成“十四五”规划目标任务的关键之年。",
    "3月申报纳税期限顺延至3月20日。",
    "2023-2024学年第一学期开学时间为9月1日。",
    "2024年全国硕士研究生招生考试报名人数创新高。",
]


@pytest.mark.parametrize(("sentence", "phrase", "due"), ACTIONS)
def test_a_period_before_its_action_is_kept(sentence: str, phrase: str, due: str) -> None:
    found = [r for r in extract(sentence, **CTX) if sentence[r.span[0]:r.span[1]].startswith(phrase)]
    assert [str(flatten(r).due or flatten(r).end) for r in found] == [due], [r.describe() for r in
                                                                             extract(sentence, **CTX)]


@pytest.mark.parametrize("sentence", NOT_ACTIONS)
def test_a_period_that_names_or_frames_is_not_kept(sentence: str) -> None:
    found = extract(sentence, **CTX)
    first = sentence[:4]
    assert not [r for r in found if sentence[r.span[0]:r.span[1]].startswith(first)], [r.describe() for r in found]


def test_a_school_term_count_is_kept_only_with_an_action() -> None:
    found = extract("每学期至少召开一次家长会。学校每学期组织开展一次安全演练。", **CTX)
    assert [(r.kind, r.freq, r.count_min) for r in found] == [("recurrence", "irregular", 1),
                                                              ("recurrence", "irregular", None)]
    assert extract("除部分专业外，每学期主修选课不超过26学分。", **CTX) == []


# The term of a loan, a lease, a subsidy or a post (借款期限不超过1年) is how long the thing lasts, not a task's limit;
# a task's term (整改期限) and a limit on a service stay.
@pytest.mark.parametrize("sentence", ["贷款期限不超过1年。", "租赁期限最长不超过20年。", "试用期不超过6个月。",
                                      "聘用期限一般不超过3年。", "补助期限最长不超过3年，期满后不再享受。"])
def test_a_things_term_is_no_deadline(sentence: str) -> None:
    assert extract(sentence, **CTX) == [], [r.describe() for r in extract(sentence, **CTX)]


@pytest.mark.parametrize("sentence", ["整改期限最长不超过3个月。", "提供服务3个工作日内办结。"])
def test_a_tasks_term_or_a_service_limit_stays(sentence: str) -> None:
    assert [r.kind for r in extract(sentence, **CTX)] == ["relative"]


# A11: the count written before 前 ("<event>5个工作日前") counts back from the event in running text too.
@pytest.mark.parametrize(("sentence", "value", "event"), [
    ("请各单位于评审会召开5个工作日前将申报材料报送至办公室。", -5, "评审会召开"),
    ("参训学员须在培训开班3天前完成网上报名。", -3, "培训开班"),
])
def test_a_count_before_an_event_is_a_limit_counted_back(sentence: str, value: int, event: str) -> None:
    got = extract(sentence, **CTX)
    assert [(r.kind, r.offset.value) for r in got] == [("relative", value)], got
    assert got[0].anchor is not None and got[0].anchor.endswith(event), got


# 每 over a part of a month, a list of months sharing a 旬, a half-year each year: one rule, due where the part ends
@pytest.mark.parametrize(("sentence", "rule"), [
    ("各街道要在每月月末前将台账报区办。", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("请各县区于每年3月、9月下旬报送工作进展。", "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1"),
    ("各部门每年下半年组织一次联合检查。", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"),
    ("各站点每月上半月完成设备巡检。", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("市局每年6月中旬前通报考核结果。", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=20"),
])
def test_every_period_with_a_part_of_a_month_in_prose(sentence: str, rule: str) -> None:
    found = extract(sentence, **CTX)
    assert [(r.kind, r.rrule_text) for r in found] == [("recurrence", rule)], [r.describe() for r in found]


def test_the_middle_of_each_quarter_in_prose_is_unread() -> None:
    found = extract("每季度中召开一次调度会议。", **CTX)
    flags = [f for r in found for f in r.flags if f.startswith("unread:")]
    assert flags == ["unread:中"], [r.describe() for r in found]


# A period already gone when the text was issued, heading its sentence, then what was done (了, 累计) or a figure
# (12所, 45亿元, 3000万人次): a report, not a task. The same period ahead of the issue date, or with a modal, stays.
@pytest.mark.parametrize("sentence", [
    "2021年至2022年，全县共新建幼儿园8所。",
    "2022年10月至12月，县纪委监委开展了专项整治，查处问题31个。",
    "2023年1-2月，全市规上工业增加值完成86亿元。",
    "2022年全年，全县接待游客1200万人次。",
    "2022年11月1日至11月20日，市督查组对各县区进行了实地督查。",
])
def test_a_past_period_heading_a_report_is_no_deadline(sentence: str) -> None:
    assert extract(sentence, **CTX) == [], [r.describe() for r in extract(sentence, **CTX)]


@pytest.mark.parametrize("sentence", ["2023年4月至6月，各地要完成排查点位100个。", "2023年6月底前完成7家驿站建设。"])
def test_a_period_ahead_with_a_figure_is_still_a_task(sentence: str) -> None:
    assert len(extract(sentence, **CTX)) == 1


# "N、" opening a clause or a line, with the next number opening another, numbers the items: never a month of a
# list (1、6月底前… was January and June). A lone "3、6、9、12月" stays a list of months.
@pytest.mark.parametrize(("text", "dues"), [
    ("1、6月底前完成方案编制；2、9月底前完成项目建设；3、12月底前完成验收。",
     ["2023-06-30", "2023-09-30", "2023-12-31"]),
    ("工作步骤：\n1、4月底前，各单位完成自查；\n2、6月底前，市里组织抽查。", ["2023-04-30", "2023-06-30"]),
    ("三、时间安排\n1、3月31日前，完成方案制定；\n2、4月30日前，完成摸底排查。", ["2023-03-31", "2023-04-30"]),
])
def test_numbered_items_are_no_months(text: str, dues: list[str]) -> None:
    assert [str(r.due) for r in extract(text, **CTX)] == dues, [r.describe() for r in extract(text, **CTX)]


def test_a_list_of_months_at_a_cells_start_stays_months() -> None:
    assert [str(r.due) for r in extract("3、6、9、12月底前报送。", **CTX)] == \
        ["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"]


# A day gone by when the text was issued, then what was held or done on it (召开, 主持, 开工) with no modal, is
# narration; so is any date after 已于 / 先后于 / 原定于 (done, or a plan since changed). A day ahead stays.
@pytest.mark.parametrize("sentence", [
    "3月2日，市长主持召开市政府常务会议，研究部署防汛工作。",
    "我市于2023年2月20日召开全市动员大会。",
    "该项目已于2月28日开工建设。",
    "市里先后于1月10日、2月22日召开专题会议。",
    "原定于2023年2月底前完成的任务，因故推迟。",
])
def test_a_day_gone_by_and_what_was_held_on_it_is_narration(sentence: str) -> None:
    assert extract(sentence, **CTX) == [], [r.describe() for r in extract(sentence, **CTX)]


def test_a_meeting_ahead_is_kept() -> None:
    assert [str(r.due) for r in extract("各单位要于4月5日召开推进会。", **CTX)] == ["2023-04-05"]


# A month gone by and what was begun or held in it is narration too (项目于2022年8月开工); a month ahead stays
@pytest.mark.parametrize("sentence", [
    "项目于2022年8月开工，目前已完成主体工程的60%。",
    "我市于二〇二二年九月启动试点，取得积极成效。",
    "2022年12月，省里出台实施意见，全市随即部署落实。",
    "该中心于2022年11月挂牌成立。",
])
def test_a_month_gone_by_and_what_was_begun_in_it_is_narration(sentence: str) -> None:
    assert extract(sentence, **CTX) == [], [r.describe() for r in extract(sentence, **CTX)]


def test_a_month_ahead_and_what_begins_in_it_is_kept() -> None:
    assert [str(r.due) for r in extract("各地要于2023年8月启动试点工作。", **CTX)] == ["2023-08-31"]


# The page's own dates (成文日期, 发布时间), a date naming a document (…施行的《条例》) and a thing's term (有效期至…)
# set no task
@pytest.mark.parametrize("sentence", [
    "文号：某政办发〔2023〕8号；成文日期：2023年3月10日；发布日期：2023年3月15日。",
    "2015年5月1日施行的《某市物业管理条例》同时废止。",
    "2024年1月1日起实施的新标准，同步印发。",
    "本证书有效期至2025年12月31日。",
])
def test_metadata_attributes_and_terms_are_no_deadlines(sentence: str) -> None:
    assert [r for r in extract(sentence, **CTX) if r.kind == "deadline"] == [], \
        [r.describe() for r in extract(sentence, **CTX)]


def test_a_labelled_deadline_field_is_still_kept() -> None:
    assert [str(r.due) for r in extract("申报截止时间：2023年4月30日。", **CTX)] == ["2023-04-30"]


def test_a_school_calendars_days_are_each_kept() -> None:
    text = "2023—2024学年第一学期于2023年9月1日开学，2024年1月18日放寒假。"
    assert [str(r.due) for r in extract(text, **CTX)] == ["2023-09-01", "2024-01-18"]


def test_a_holidays_very_day_heading_a_task() -> None:
    assert [str(r.due) for r in extract("中秋节当天，各地要做好值班值守。", **CTX)] == ["2023-09-29"]


# In prose only a 部署 hands the timing to an authority (根据上级的工作部署，…): 按照…要求 / 安排，… says how, not when
@pytest.mark.parametrize("sentence", [
    "按照文件要求，各单位认真填写申报表。",
    "按照市委、市政府要求，督查组深入各县区开展督查。",
    "根据学院教学工作安排，本学期期末考试具体要求通知如下。",
])
def test_a_requirement_or_arrangement_is_no_trigger_in_prose(sentence: str) -> None:
    assert [r for r in extract(sentence, **CTX) if r.kind == "conditional"] == []


def test_a_deployment_heading_a_task_is_still_a_trigger() -> None:
    got = extract("按照省统一部署，各地适时开展专项检查。", **CTX)
    assert [(r.kind, r.trigger.type) for r in got] == [("conditional", "deployment")]


# A holiday named long after it passed is read in the next year — but a sentence that counts or narrates it is
# still a report on the one gone by
@pytest.mark.parametrize("sentence", ["春节期间，全市接待游客320万人次，同比增长15%。",
                                      "元旦期间，全市社会消费品零售总额同比增长12%。",
                                      "春节前，各地已完成困难群众走访慰问工作。"])
def test_a_holiday_gone_by_and_counted_is_a_report(sentence: str) -> None:
    assert extract(sentence, ref="2024-03-15", plan_year=2024) == []


def test_a_holiday_ahead_with_a_task_is_kept() -> None:
    got = extract("春节期间，各地要加强值班值守。", ref="2024-03-15", plan_year=2024)
    assert [(r.kind, str(r.start)) for r in got] == [("window", "2025-01-28")]

@pytest.mark.parametrize("text", ["各地要在2023年6月底前完成整改，此后每半年开展一次“回头看”。",
                                  "2023年6月底前完成问题整改。此后，每半年组织一次“回头看”。",
                                  "6月底前完成系统建设，建成后每半年开展一次安全评估。"])
def test_a_recurrence_after_a_deadline_in_prose_starts_after_it(text: str) -> None:
    found = extract(text, **CTX)
    assert [(r.kind, str(getattr(r, "due", None)), str(getattr(r, "dtstart", None))) for r in found] == \
        [("deadline", "2023-06-30", "None"), ("recurrence", "None", "2023-07-01")], [r.describe() for r in found]


def test_a_row_number_before_a_date_in_prose_stays_apart() -> None:
    found = extract("4 5月底前完成方案编制。\n5 10月底前完成项目验收。", **CTX)
    assert [str(r.due) for r in found] == ["2023-05-31", "2023-10-31"], [r.describe() for r in found]


def test_a_share_due_inside_a_deadline_in_prose_keeps_its_year() -> None:
    found = extract("到2025年底，全市新建口袋公园50个，其中6月底前建成20个。", **CTX)
    assert [str(r.due) for r in found] == ["2025-12-31", "2025-06-30"], [r.describe() for r in found]


# A stage's time after 为 / 是 / ：(第三阶段为7月份 · 总结阶段是12月) is read as the stage's window, as a range
# there is.
@pytest.mark.parametrize(("text", "start", "end"), [
    ("第三阶段为7月份，主要是总结验收。", "2023-07-01", "2023-07-31"),
    ("总结提升阶段为12月，各地要全面总结。", "2023-12-01", "2023-12-31"),
    ("第二阶段是9月，重点开展督查。", "2023-09-01", "2023-09-30"),
    ("集中整治阶段为第三季度。", "2023-07-01", "2023-09-30"),
])
def test_a_stage_for_one_period_is_read(text: str, start: str, end: str) -> None:
    found = extract(text, **CTX)
    assert [(r.kind, str(r.start), str(r.end)) for r in found] == [("window", start, end)], \
        [r.describe() for r in found]


# A table pasted as lines, each opened by its row number: a time ending a row governs that row's words, never the
# next row's (the row number parts them).
@pytest.mark.parametrize(("text", "scopes"), [
    ("序号 工作内容 责任部门 时限\n1 编制实施方案 市农业农村局 2023年5月底前\n2 开展试点示范 各县区 2023年9月底前",
     ["1 编制实施方案 市农业农村局", "2 开展试点示范 各县区"]),
    ("1. 摸清底数 市统计局 6月底前\n2. 建立台账 市住建局 8月底前\n3. 组织验收 市政府办 11月底前",
     ["摸清底数 市统计局", "建立台账 市住建局", "组织验收 市政府办"]),  # (a list number is no task)
])
def test_table_rows_as_lines_keep_their_own_scope(text: str, scopes: list[str]) -> None:
    found = extract(text, **CTX)
    assert [r.scope for r in found] == scopes, [r.describe() for r in found]


# A window read alone must know the list numbers of its chunk (1、… in a sentence with no time, 2、6月底前 after it):
# extract() and the whole-chunk reading agree
@pytest.mark.parametrize("text", ["1、做好工作。2、6月底前完成。", "1、做好工作。\n2、6月底前完成。",
                                  "１、做好工作。２、6月底前完成。"])
def test_a_list_number_outside_the_window_is_still_one(text: str) -> None:
    from deadline_cn._read.extract import _extract_full

    got = [str(r.due) for r in extract(text, ref="2017-01-09")]
    assert got == ["2017-06-30"] == [str(r.due) for r in _extract_full(text, ref="2017-01-09")]


# A list of dates is kept or left as one: what governs it stands around the list (ref 2023-03-15).
DATE_LISTS = [
    ("将于5月、9月分两批开展交叉检查。", ["5月", "9月"]),
    ("6月12日、13日组织开展现场复核。", ["6月12日", "13日"]),
    ("评审时间分别为2023年7月中旬和2023年11月中旬。", ["2023年7月中旬", "2023年11月中旬"]),
    ("申报截止日期分别为2023年6月30日和10月31日。", ["2023年6月30日", "10月31日"]),
]


@pytest.mark.parametrize(("sentence", "phrases"), DATE_LISTS)
def test_a_list_of_dates_is_kept_whole(sentence: str, phrases: list[str]) -> None:
    found = [sentence[r.span[0]:r.span[1]] for r in extract(sentence, **CTX)]
    assert found == phrases


@pytest.mark.parametrize("sentence", [
    "我市已在2019年、2020年、2021年分别开展了三轮专项检查。",  # a list of what was done
    "5月8日、9日值班的同志，要做好交接。",  # the verb makes an attribute of a noun (值班的同志)
])
def test_a_list_told_of_or_describing_is_left(sentence: str) -> None:
    assert extract(sentence, **CTX) == []


# A schedule: each day heading its clause after a kept day is the next step; a changed time label keeps its time.
@pytest.mark.parametrize(("sentence", "dues"), [
    ("新生于2023年9月2日报到，9月3日军训动员，9月4日体检。", ["2023-09-02", "2023-09-03", "2023-09-04"]),
    ("选手于6月10日报名，6月12日资格审查，6月15日初赛。", ["2023-06-10", "2023-06-12", "2023-06-15"]),
    ("项目申报截止时间调整为6月20日。", ["2023-06-20"]),
    ("报名时间暂定为7月5日。", ["2023-07-05"]),
])
def test_a_schedule_and_a_changed_time_label(sentence: str, dues: list[str]) -> None:
    found = extract(sentence, **CTX)  # (a labelled day may read as a one-day window: its end is the day)
    assert [str(getattr(r, "due", None) or getattr(r, "end", None)) for r in found] == dues, \
        [r.describe() for r in found]


@pytest.mark.parametrize(("sentence", "month", "label"), [
    ("9月份为自查整改阶段，10月份为督导检查阶段。", 9, "自查整改阶段"),
    ("11月是总结验收阶段。", 11, "总结验收阶段"),
])
def test_a_period_named_as_a_stage_in_prose(sentence: str, month: int, label: str) -> None:
    r = extract(sentence, **CTX)[0]
    assert r.kind == "window" and r.start is not None and r.start.month == month and r.label == label


@pytest.mark.parametrize(("sentence", "year"), [
    ("2024年全市污水集中收集率达到75%，2025年达到80%以上。", 2024),
    ("2025年全县森林覆盖率提高到45%。", 2025),
])
def test_a_years_target_with_a_figure_is_a_deadline(sentence: str, year: int) -> None:
    r = extract(sentence, **CTX)[0]
    assert r.kind == "deadline" and r.due is not None and r.due.year == year and r.precision == "year"


# A deployment followed by the day (or days) it took place, as a clause of its own, heads a report (ref 2023-03-15).
@pytest.mark.parametrize("sentence", [
    "根据市委统一部署，2022年9月6日，市委第三巡察组进驻市科技局。",
    "按照县委统一部署，10月8日至12日，督查组对各乡镇开展交叉检查。",
])
def test_a_deployment_then_the_day_it_took_place_is_narration(sentence: str) -> None:
    assert not any(r.kind == "conditional" for r in extract(sentence, **CTX))


def test_a_deployment_then_a_task_with_its_deadline_stays() -> None:
    found = extract("按照省统一部署，各地要在6月底前完成排查。", **CTX)
    assert [r.kind for r in found] == ["conditional", "deadline"]


@pytest.mark.parametrize("sentence", [
    "督查组于2022年10月10日至20日对全县重点项目进行了实地督查。",  # a span gone by, told of in its clause
    "2022年11月1日至11月30日，市委第二巡察组对市教育局、市卫健委、市交通局、市水利局、市农业农村局等单位党组开展"
    "常规巡察，并于12月20日反馈了巡察意见。",  # …and further on in its sentence
])
def test_a_span_gone_by_and_told_of_is_no_deadline(sentence: str) -> None:
    assert not any(r.kind == "window" for r in extract(sentence, **CTX))


def test_a_span_gone_by_in_a_plans_stages_stays() -> None:
    found = extract("行动分三个阶段：2023年1月至2月为动员部署阶段，3月至10月为集中整治阶段。", **CTX)
    assert [r.kind for r in found] == ["window", "window"]
