"""The words of the deadline language, as data. No functions here.

Everything is written in folded form (simplified characters, ASCII digits and punctuation), because
``_text.fold`` runs before the grammar reads anything.
"""

from __future__ import annotations

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}

# Invisible characters dropped before reading (Unicode categories Cc Cf Cs Zs Zl Zp, as code point ranges;
# tests/test_text.py checks them against unicodedata): spaces, line breaks, zero-width and bidi marks.
INVISIBLE_RANGES = (
    (0x0, 0x20), (0x7F, 0xA0), (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F),
    (0x890, 0x891), (0x8E2, 0x8E2), (0x1680, 0x1680), (0x180E, 0x180E), (0x2000, 0x200F), (0x2028, 0x202F),
    (0x205F, 0x2064), (0x2066, 0x206F), (0x3000, 0x3000), (0xD800, 0xDFFF), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)
INVISIBLE_CATEGORIES = ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp")

# Look-alike characters folded before reading (○ for 〇 in 二○二二年; dashes and tildes).
# 曰 for 日 is a typing slip (6月30曰前); a plan never quotes 子曰
CHAR_VARIANTS = {"○": "〇", "〜": "~", "～": "~", "－": "-", "﹣": "-", "–": "-", "―": "—", "曰": "日",
                 # 第Ⅱ季度 · 第Ⅳ季度末: Roman numerals one to nine, one character each (Ⅹ and on are two digits)
                 **{chr(0x2160 + k): str(k + 1) for k in range(9)}, **{chr(0x2170 + k): str(k + 1) for k in range(9)}}

# A Chinese numeral is read as a number only next to these (so 统一 and 一门式 stay words).
NUMERAL_AFTER = "年月日号季个小天周次半旬度点时星"  # 一星期 (五星级 folds to 5星级, which no token reads)
NUMERAL_BEFORE = "第每周期拜至到-—~"

# Words after a date and what they do to it.
CUES = {
    "底前": "end-before", "末前": "end-before",
    "之前": "before", "以前": "before", "前": "before",
    "以内": "within", "之内": "within", "内": "within",
    "为止": "until", "止": "until",
    "之日起": "since", "开始": "since", "以来": "since", "起": "since",
    "前后": "around", "左右": "around",
    "以后": "after", "之后": "after", "后": "after",
    "当天": "on", "当日": "on",  # 中秋节当天 · 6月30日当日: that very day (read as the date itself)
    "期间": "during", "假期期间": "during", "放假期间": "during", "假期": "during",  # 国庆假期 · 春节放假期间
    "黄金周": "during", "黄金周期间": "during",  # “十一”黄金周: the rest block, not the first day
    # 中秋、国庆“双节”期间 · 元旦春节“两节”期间: the two festivals just named, each one's rest
    "双节期间": "during", "两节期间": "during", "\"双节\"期间": "during", "\"两节\"期间": "during",
    "“双节”期间": "during", "“两节”期间": "during",
    "长假": "during", "长假期间": "during", "小长假": "during", "小长假期间": "during",  # 国庆长假 · 清明小长假
    # “七一”前夕 · 五一假期前 (before the day, as 前) · 春节假期结束后 (after the rest's end)
    "前夕": "before", "假期前": "before", "放假前": "before",
    "黄金周前": "before", "长假前": "before", "小长假前": "before",  # 国庆黄金周前 · 清明小长假前: the rest's eve
    # 9月5日下班前 · 每周五下班前: before that day's work ends, so the day itself (no day-before doubt)
    "下班前": "before", "下班之前": "before",
    "假期后": "after", "假期结束后": "after", "放假结束后": "after", "收假后": "after",
    "黄金周后": "after", "长假后": "after", "小长假后": "after", "长假结束后": "after", "小长假结束后": "after",
}

# 前 words that keep the day itself: before that day's work ends (9月5日下班前)
DAY_END_BEFORE = ("下班前", "下班之前")

# Parts of the day after which an hour below 12 is the afternoon's (下午5点 → 17:00 · 晚8点 → 20:00)
AFTERNOON = ("下午", "晚上", "晚", "傍晚", "夜间")

# A quarter's number as written in a list or a range of quarters (二、四季度 · 1至3季度)
QUARTER_WORDS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}

# 前 words that mean before a holiday's rest block, not its day (端午假期前 2024: 06-07, not 06-09)
REST_BEFORE = ("假期前", "放假前", "黄金周前", "长假前", "小长假前")

# Words before a date.
BY_WORDS = ("截止到", "截止至", "截至", "截止", "不晚于", "不迟于", "最迟于", "最晚于", "到", "至")
# 自公告之日起至…止 · 从公告之日起，截止2024年10月20日: what joins the document's own day to a span's end
SPAN_END_JOINERS = ("至", "到", "—", "——", "-", "--", "~", "截止到", "截止至", "截至", "截止")
FROM_WORDS = ("从", "自")
RANGE_JOINERS = ("至", "到", "—", "——", "-", "--", "~")
LIST_JOINERS = ("和", "、", "及", "与")

# 本月 · 下季度 · 次月 · 上月: a month or quarter counted from the one that holds ref.
RELATIVE_PERIODS = {"本": 0, "当": 0, "下": 1, "次": 1, "上": -1, "下下": 2, "再下": 2, "上上": -2}  # 下下周 · 下下个月
# The years a plan can name; anything else is a number misread as a year, or a typo (invalid:year).
PLAN_YEARS = (1900, 2199)
RELATIVE_YEARS = {"今年": 0, "本年度": 0, "本年": 0, "当年": 0, "年内": 0, "明年": 1, "次年": 1, "翌年": 1,
                  # folded: 下一年度 is 下1年度. 上年度 / 去年 stay out: in a cell they name the work reported on
                  # (报送上年度工作总结), not when it is due.
                  "下年度": 1, "下1年度": 1, "下1年": 1, "下年": 1, "来年": 1}  # (来年: not 未来年度)
# 去年底前 · 上年12月 · 前年上半年 · 后年6月底前: these years are read only before a part of the year (底, a month, a
# half, a quarter); alone (上年度工作总结, 去年以来, 以后年度) they name what is reported on, or are other words.
YEAR_WORDS_BEFORE_PARTS = {"去年": -1, "前年": -2, "上年": -1, "上1年": -1, "后年": 2, "大后年": 3}
YEAR_WORD_PARTS = ("年底", "年末", "年初", "底", "末", "初", "上半年", "下半年", "第", "季度")
RELATIVE_YEARS.update(YEAR_WORDS_BEFORE_PARTS)
# 2024年12月底前完成方案，次年3月底前完成验收 · 2024年度工作总结于次年1月10日前报送: the year after the year written
# before (明年 / 下年度 count from the plan year)
FOLLOWING_YEARS = ("次年", "翌年", "来年")

# 每<period>: (freq label, RRULE, months in one period)
PERIODS = {
    "年": ("yearly", "FREQ=YEARLY", 12),
    "半年": ("half-yearly", "FREQ=MONTHLY;INTERVAL=6", 6),
    "季度": ("quarterly", "FREQ=MONTHLY;INTERVAL=3", 3),
    "季": ("quarterly", "FREQ=MONTHLY;INTERVAL=3", 3),
    "月": ("monthly", "FREQ=MONTHLY", 1),
    "半月": ("monthly", "FREQ=MONTHLY;BYMONTHDAY=15,-1", 1),  # 每半月: twice a month, mid-month and month end
    "旬": ("monthly", "FREQ=MONTHLY;BYMONTHDAY=10,20,-1", 1),  # 每旬: each ten-day part's last day
    "周": ("weekly", "FREQ=WEEKLY", 0),
    "星期": ("weekly", "FREQ=WEEKLY", 0),
    "工作日": ("daily", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", 0),  # weekdays: RRULE knows no holidays (README)
    "日": ("daily", "FREQ=DAILY", 0),
    "天": ("daily", "FREQ=DAILY", 0),
}

# N<unit>: offset unit
UNITS = {
    "个工作日": "workday", "工作日": "workday",
    "个小时": "hour", "小时": "hour",
    "个自然日": "day", "自然日": "day", "日": "day", "天": "day",
    "个星期": "week", "星期": "week", "周": "week",
    "个月": "month", "月": "month",
    "年": "year",
}
# Units whose bare form (no 内) is still an offset, not a date part.
# Units that make a bare number an offset (3天: a day of the month is never counted in 天; 3日 may be the 3rd)
BARE_OFFSET_UNITS = ("个工作日", "工作日", "个小时", "小时", "个月", "个星期", "天", "个自然日", "自然日")
OFFSET_CAPS = ("最迟不超过", "最长不超过", "最多不超过", "不得超过", "不准超过", "不能超过", "不应超过", "不宜超过",
               "不超过", "最迟", "最长")

HOLIDAYS = {
    "春节": "春节", "除夕": "除夕", "大年三十": "除夕", "元旦": "元旦", "元宵节": "元宵",
    "元宵": "元宵",
    "清明节": "清明", "清明": "清明", "五一劳动节": "劳动节", "劳动节": "劳动节", "五一": "劳动节",
    "五一国际劳动节": "劳动节", "五一节": "劳动节", "国际劳动节": "劳动节",
    "端午节": "端午", "端午": "端午", "中秋节": "中秋", "中秋": "中秋", "国庆节": "国庆", "国庆": "国庆",
    # observances with no day off: each is its own day
    "三八妇女节": "妇女节", "三八节": "妇女节", "妇女节": "妇女节", "五四青年节": "青年节", "青年节": "青年节",
    "六一儿童节": "儿童节", "儿童节": "儿童节", "七一建党节": "建党节", "建党节": "建党节", "八一建军节": "建军节",
    "建军节": "建军节", "教师节": "教师节", "重阳节": "重阳", "重阳": "重阳",
}
# Named so only between quotes (“十一”前: National Day; 十一 alone is eleven; “七一”前夕, “六一”期间).
QUOTED_HOLIDAYS = {"十一": "国庆", "七一": "建党节", "八一": "建军节", "六一": "儿童节", "五四": "青年节",
                   "三八": "妇女节"}

# Seasons and yearly periods no rule dates (汛期前, 秋季开学前, 春季学期): read by no rule, so a reading beside
# one is flagged unread — "2024年汛期前" must not look like a plain "2024年".
SEASONS = ("春季", "夏季", "秋季", "冬季", "春夏", "秋冬", "主汛期", "汛期", "汛前", "汛后", "开学", "学期", "寒假",
           "暑假", "学年", "春运", "供暖季", "采暖季", "供暖期", "采暖期", "春耕", "夏收", "秋收", "麦收",
           "三夏", "三秋",
           # seasons of work and the solar terms plans name (2024年暑期前 · 雨季来临前 · 冬至前后): dated by no rule
           "暑期", "寒期", "雨季", "旱季", "旺季", "淡季", "毕业季", "征兵季", "招生季", "节假日",
           "立春", "立夏", "立秋", "立冬", "夏至", "冬至", "霜降",
           # periods a plan names by what happens in them (2024年森林防火期 · 2024年禁渔期内 · 2024年农忙季节)
           "防火期", "禁渔期", "休渔期", "禁捕期", "禁牧期", "三伏", "伏天", "农忙", "农闲", "采收期", "收获期",
           "播种期", "枯水期", "丰水期", "防汛期", "期中", "期末", "生长期", "繁殖期", "产卵期", "越冬期")
# 2024年高考前 · 2024年“两会”期间 · 2025年全运会开幕前 · 2024年中考结束后 · 2024年雨季来临前: a year followed by an
# event and one of these is a time inside that year that no rule dates (the event's day), not the whole year
EVENT_EDGES = ("之前", "以前", "期间", "之后", "以后", "前", "后")
EVENT_EDGES_WITHIN = ("之前", "以前", "期间", "前")  # after a month, only what puts the event inside it
# …but not 前期 / 前置 / 后续 / 后期 / 前夕-less words that only begin with the edge character
EVENT_EDGE_NOT_BEFORE = "期置续台端沿列提"
# 年后 · 节后 · 假后: a time word alone before 后 names no event (after which year's end, which holiday?)
NO_EVENT_WORDS = ("", "年", "节", "假", "节假", "年节")
# 2025年中考 · 2024年中央预算内投资 · 2025年中小学…: 中 begins a word here, not 年中 (the middle of the year)
MID_NOT_YEAR = ("考", "央", "小学", "学", "期", "报", "心", "国", "共", "医", "药", "层", "型", "等", "标", "职", "华",
                "部", "专", "级", "外", "西", "高", "试", "间", "长期", "短期",
                "小企", "小微")  # 2024年中小企业服务月: 中 begins the next word
# 2024年初步完成 · 2024年初中学业水平考试 · 2024年初审: 初 begins the next word (年初 alone names no date)
EARLY_NOT_YEAR = ("步", "中", "稿", "见成效", "心")  # (not 评 · 检: 2024年初评估 is more often 年初, then 评估)
# 年终前 · 年终进行评估: what may follow 年终 as a time (年终考核 · 年终总结 · 年终奖 name the work)
YEAR_END_AFTER = ("前", "之前", "以前", "时", "完成", "进行", "开展", "组织", "召开", "对", "前后", "左右")
# 每月中报送 · 每月月中前: 中 after 每月 is the 15th only before these (每月中小企业 · 每月中央… stay words)
MID_MONTH_AFTER = ("前", "之前", "以前", "完成", "进行", "开展", "组织", "召开", "报送", "上报", "报告", "提交", "调度",
                   "通报", "前后", "左右")
# 双月报送 · 单月调度: what makes a bare 单月 / 双月 a schedule (双月座谈会 stays a name)
PARITY_MONTH_VERBS = ("报送", "上报", "报告", "调度", "通报", "召开", "开展", "1次", "一次", "底", "末")
# School terms and breaks: beside a yearless date they may set its year (寒假 of the 2023 school year is in 2024)
# (开学 is not one: 2月1日开学 is the day school opens, the date's year is the text's)
SCHOOL_YEAR_WORDS = ("学期", "寒假", "暑假", "学年")

WHOLE_YEAR = ("全年",)
# 全年 is the year's work only before these (全年工作), not as a modifier (全年落实情况).
WHOLE_YEAR_AFTER = ("工作", "持续", "推进", "实施", "开展", "执行", "长期", "常态化", "完成", "贯穿")
# 长期 before a state describes it (D类(长期停工停产) · 长期闲置), it sets no time
# 延长期限 · 作物生长期 · 经济增长期 · 企业成长期: 长期 ends another word
ONGOING_NOT_AFTER = ("延", "生", "增", "成")
ONGOING_NOT_BEFORE = ("停工", "停产", "闲置", "空置", "未", "不", "无", "拖欠", "失修", "欠", "居住", "外出", "在外",
                      "患病", "卧床", "稳定", "以来")
ONGOING = ("长期性", "永久", "长期", "常年", "常态化", "常态", "常抓不懈", "持续推进", "持续开展", "持续", "长效化",
           "长效推进", "长效坚持", "长效开展", "长效管理", "长效管控",  # 6月底前完成并长效推进: and on after it
           "经常性", "动态调整", "动态更新", "跨年度")  # 跨年度工作: work that runs on past the year
PROMPTLY = ("立行立改", "即查即改", "即知即改", "边查边改", "即时即改", "随到随办", "即来即办", "随报随审",
            "实时", "及时", "随时", "即时", "立即", "立刻", "马上", "尽快")
# 每学期 / 每学年: a school's terms follow no calendar rule (a term opens in late February or September), so a
# count per term repeats with no dates of its own, like 不定期.
AT_LEAST = ("至少", "不少于", "不低于", "最少")  # 每年至少2次: a count of times per period
IRREGULAR = {"不定期": "irregular", "定期": "vague:periodic", "每学期": "irregular", "每个学期": "irregular",
             "每学年": "irregular", "每个学年": "irregular"}
HEDGES = ("原则上", "力争", "争取", "基本")
DITTO = ("同上", "同前")
EXEMPT = ("免报", "不报", "除外")  # 1月免报 · (四季度免报): a period the schedule skips, not a deadline
# Prose (extract): what makes a bare period govern its clause, and what makes a duration only describe.
# 将在今年8月完工 · 确保9月14日完成 · 各单位要2016年第1季度完成 (a modal before the time: a task's time)
PROSE_TIME_OPENERS = ("在", "于", "定于", "拟于", "将于", "确保", "力争", "争取", "要", "应", "须", "需", "必须",
                      "应当")
LENGTH_LABELS = ("期限", "时限")  # 整改期限为30日 · 办理时限：15天: a label that names a length, not a day
# 成文日期：2024年3月10日 · 发布时间：…: the document's own dates on a page, no task's
DOC_DATE_LABELS = ("成文日期", "发布日期", "印发日期", "发文日期", "签发日期", "公布日期", "生成日期", "更新日期",
                   "发布时间", "更新时间", "成文时间", "印发时间", "公开日期", "公开时间")
PROSE_TIME_LABELS = ("时间", "时限", "日期", "期限", "节点", "时点")  # 截止时间:2013年10月31日 · 截止时间为… · 时点是…
# Between such a label and its 为 / 是: the label's time changed, set or shared out (截止时间调整为5月15日 ·
# 时间分别为8月上旬和12月上旬 · 报名时间暂定为… · 考试日期推迟为… · 申报时间统一为…)
LABEL_BRIDGES = ("调整", "变更", "更改", "改", "延长", "推迟", "顺延", "提前", "分别", "暂定", "初定", "拟定", "确定",
                 "定", "统一", "一律")
# 2015年5月1日施行的《某市条例》 · 2023年印发的方案: a date and a document's verb made an attribute by 的
ATTRIBUTE_VERBS = tuple(f"{v}的" for v in ("施行", "实施", "印发", "出台", "发布", "颁布", "公布", "通过", "制定",
                                             "修订", "修正", "下发", "签订", "签署", "完成", "下达"))
# Words after 按照…部署， that tell what was done or announce the document, not a task: 根据…部署，现将…公布如下
ANNOUNCE_WORDS = ("现将", "现就", "现予", "特制定", "制定本", "特此", "经研究")
# A 每<period> before these describes something (每月情况 · 每年3月至6月是…), it is no task's rhythm
RECUR_DESCRIBED = ("情况", "的", "是", "为", "数据")
# A label before a bare date never ends in a word that governs the date (各股室应于2023年3月1日)
LABEL_NOT_END = ("于", "在", "将", "要", "应", "须", "前", "至", "到", "从", "自", "计划", "预计", "拟", "力争", "争取")
SIGNATURE_WORDS = ("印发", "发布", "公布", "签发", "印")
CONNECTIVES = ("同时", "此外", "另外", "并且", "而且", "其中", "届时")
PROSE_DONE_VERBS = ("开建", "开工", "完工", "竣工", "建成", "完成", "实现", "启动", "上线", "投用", "投入使用", "出台",
                    "印发")
# What a report counts in (45亿元 · 12所 · 3000万人次 · 6%): after a period gone by, the sentence tells what was done
FIGURE_UNITS = ("元", "%", "人次", "人", "个", "所", "户", "家", "项", "件", "起", "辆", "套", "吨", "亩", "公里",
                "平方米", "千瓦", "倍", "座", "条", "批", "次")
# A plan's target for a year: 2020年全校标准化率达到70% · (2027年达到80%以上) · 2025年度…实施率不低于50%
TARGET_VERBS = ("达到", "提高到", "提高至", "提升到", "提升至", "增长到", "增长至", "降低到", "降低至", "下降到",
                "下降至", "控制在", "不低于", "不少于", "不超过", "突破", "稳定在", "保持在")
# Before a date, these tell it was done or was the plan before a change: 已于 · 已在 · 先后于 · 曾于 · 原定于
DONE_BEFORE = ("已于", "已经于", "已在", "先后于", "曾于", "原定于", "原计划于", "原定", "原计划", "已",
               "始于", "起始于")  # 巡察工作始于2016年底: when something began, told
# What is held or done on a day (召开, 举办…): after a day gone by, with no modal, the sentence tells what happened
HELD_VERBS = ("召开", "举行", "举办", "主持", "印发", "出台", "开工", "竣工", "验收", "审议", "通过", "启动", "发布",
               "签署", "签订", "召集", "视察", "调研", "督导", "进驻",
               "获评", "荣获", "入选", "成立", "挂牌", "揭牌", "开通", "上线", "通车", "投运")
PAST_MARKERS = "已了"  # 已完成 · 审议通过了: a clause that narrates
# …and the words of a report on what was done: 1-4月，累计完成投资… · 2022年，全市共完成投资…，同比增长10%
NARRATION_WORDS = ("累计", "同比", "比上年", "较上年", "共完成", "共计", "共有", "共办理", "共受理")
# Verbs after a bare count of time that make it a limit in prose (5个工作日办结), not a service's hours (24小时热线).
LIMIT_VERBS = ("办结", "办理", "完成", "答复", "回复", "反馈", "公开", "处理", "到位", "到达", "报送", "上报", "整改",
               "核查", "审核", "审批", "出具", "作出", "做出", "发放", "送达", "告知")
PROSE_HEAD_FOLLOWERS = ("在", "要", "将", "力争", "争取", "基本", "全面", "完成", "实现", "建成", "启动", "开展",
                        "前", "底", "全市", "全县", "全区", "全省", "各", "重点", "着力", "集中", "全力", "组织",
                        "召开", "推进", "确保", "继续", "逐步")
# 动员部署阶段(2023年3月): a period in brackets after a stage's name is that stage's time
STAGE_WORDS = ("阶段", "时段")
# What must be done (各地要及时发布): after "<event>后，" in prose these make the event a task's trigger
MODALS = ("要", "应", "须", "需", "务必", "必须")
# A bracketed day after these dates a document or a meeting (…的通知(2017年12月15日)), not a step of the plan
NOT_STEP_ENDS = ("通知", "意见", "方案", "办法", "决定", "报告", "纪要", "会议", "公告", "通告", "函", "规定", "细则",
                 "计划", "规划", "批复", "讲话", "印发", "发布", "公布", "签发", "发文", "成立", "生效")
# 借款期限不超过1年 · 租赁期限最长不超过20年 · 试用期不超过6个月: the term of a loan, lease, subsidy or post is what
# the thing lasts, not when a task is due (整改期限 / 办理期限 stay limits)
TERM_NOUNS = ("借款", "贷款", "还款", "租赁", "租用", "补贴", "补助", "贴息", "服务", "试用", "合同", "协议", "有效",
              "保修", "质保", "保质", "聘用", "聘任", "任职", "挂职", "经营", "使用", "存续", "担保", "保证", "免租")
TERM_QUALIFIERS = ("最长", "一般", "原则上", "最短", "均", "为", "是")
DURATION_OPENERS = ("压缩至", "压缩到", "缩短至", "缩短到", "减少至", "控制在", "共", "共计", "合计", "总计", "历时",
                    "为期", "期为", "时长", "连续", "持续", "累计")
# Before a count after a span, words that make it the span's own length (2月1日至4日放假4天 · 3月15日-4月15日(共30天))
SPAN_LENGTH_OPENERS = (*DURATION_OPENERS, "放假", "休假", "休息", "调休", "放假调休")
# A duration in a task's text that sets the standard the task brings about, not when the task is due
# (实现企业开办1个工作日办结 · 办理时限由20个工作日压减至10个工作日 · 建成24小时自助服务区 ·
# 落实30天无理由退货制度):
# in a cell with a dated reading it is that reading's object (object:<words>), not a second time limit
STANDARD_BEFORE = ("实现", "压减至", "压减到", "压缩至", "压缩到", "缩短至", "缩短到", "减至", "降至", "控制在", "由",
                   "推行", "提供", "落实", "建成", "开通", "实行", "推广", "做到")
STANDARD_AFTER = ("自助", "服务", "无理由", "不打烊", "全天候", "在线", "值守", "热线", "制度", "就医圈", "生活圈",
                  "办结制", "响应机制", "营业")
# 2月6日开始上课: the day a term's classes begin (a day of the school calendar, not work going on from it, as
# 6月1日开始实施 is; 开始报名 opens a span whose end is written elsewhere, and stays a start)
DAY_EVENTS = ("上课", "正式上课", "行课", "授课")
# A bare count (3天, with no 内 or cap) is no limit after or before these: 提前3天 · 近30天 · 超过3天未办结 ·
# 3天以上 · 30天后复查 (a length ahead of, beyond or after something)
NOT_LIMIT_BEFORE = ("提前", "近", "超过", "逾期", "延长", "延期", "推迟", "顺延", "每周", "每月", "每年", "培训",
                    "隔离", "休假", "会期", "学习", "轮训", "值班", "观察", "住院", "放假")
NOT_LIMIT_AFTER = ("后", "以后", "之后", "以上", "及以上", "以下")
# Verbs after 定期 that make it a task's rhythm in prose (定期开展监测), not an adjective (定期存款).
PERIODIC_ACTIONS = ("开展", "组织", "监测", "检测", "通报", "跟踪", "调度", "检查", "报送", "公布", "发布", "更新",
                    "召开", "评估", "督查", "督办", "分析", "研究", "对账", "清理", "梳理", "公开")
# 逐月报送 · 逐季度通报: 逐 + a period is a schedule only before what is done each time (not 逐月连贯, 逐年提高)
STEPWISE_ACTIONS = (*PERIODIC_ACTIONS, "报", "上报", "推进", "统计", "汇总", "核查", "考核", "排查", "对接")
# Verbs that make a bare period heading its clause set when the work happens (，第一季度发行专项债券 ·
# ，2025年4月下旬公布本部门…清单 · 10月份省级开展抽查 · 2月4日、5日报到注册 · 2021年6月27日安排期末考试).
ACTION_VERBS = tuple(v for v in dict.fromkeys((
    *LIMIT_VERBS, *PERIODIC_ACTIONS, *PROSE_DONE_VERBS, "提交", "汇总", "总结", "编报", "编制", "制定", "制订", "落实",
    "部署", "实施", "施行", "执行", "进行", "推进", "发行", "安排", "举行", "举办", "报到", "注册", "上课",
    "开课", "放假", "签订", "验收", "申报", "公示", "下达", "启用", "实行", "推行", "抽查", "印发", "出台", "巩固",
    "提升", "推广", "深化", "健全", "建立", "形成", "达到", "达标", "覆盖", "完善", "启动",
    "放寒假", "放暑假", "开学", "返校", "离校", "考试", "结业", "开班", "缴纳", "缴清"))  # a school calendar's days
    if v not in ("研究", "分析"))  # 研究生 · 分析师: nouns as often as verbs
# After a period and its verb, these make the words a name of a time (2月申报纳税期限顺延至…), not an action.
TIME_NOUNS = ("期限", "时间", "日期", "时限", "期间")
# A span of years before these names a school year, the text's frame (2023-2024学年第二学期…), not a task's time.
YEAR_FRAMES = ("学年",)
# An offset right after these (信息形成20个工作日内公开 · 文件印发5个工作日内) counts from that event, though no
# 后 / 之日起 says so.
EVENT_VERBS = ("形成", "变更", "产生", "印发", "发布", "出台", "受理", "收到", "接到", "批准", "作出", "做出", "签订",
               "公布", "确定", "办结", "生效", "下达", "成立", "批复", "审定",
               # 会议结束3日内 · 答辩完3天内 · 验收完毕5个工作日内: the end of an event
               "结束", "完毕", "闭幕", "完成", "完工", "竣工",
               "完")  # a verb and 完, done (答辩完 · 考完 · 学完): not one word each
# 收到通知5个工作日内 · 接到交办件10日内: an event that begins with its verb (what is received)
EVENT_OPENERS = ("收到", "接到", "接收", "收悉")
# After a bare year these words make it a time, not the name of the work (2024年全面完成 · 2024年起 · 2024年各地…)
YEAR_NOT_OBJECT = ("全面", "基本", "起", "开始", "以前", "之前", "以后", "之后", "以来", "前", "后", "底", "末", "内",
                   "中", "初", "上半年", "下半年", "第", "各", "全市", "全县", "全区", "全省", "力争", "争取", "确保",
                   "要", "将", "在", "持续", "继续", "逐步", "重点", "着力", "集中", "全力", "年", "度", "春节", "元旦")
# A period before these words with a colon names what is planned for it (4月份计划:加快未开工项目尽快开工).
# …but not these nouns (2024年重点任务清单 is a title; 2024年重点抓好… is a task)
HEAD_FOLLOWER_NOUNS = tuple(f"重点{n}" for n in ("任务", "工作", "项目", "清单", "领域", "问题", "内容", "事项", "目标",
                                                "指标", "民生"))
PLAN_HEADINGS = ("计划", "安排", "任务", "工作安排", "工作计划", "工作任务", "重点工作")

# Triggers: the words that open and close each kind.
DEPLOY_OPENERS = ("按照", "按", "根据", "依据", "遵照")
# 根据工作安排 · 按实际需要要求: words in an authority's place that name no one (no deployment to wait on)
NOT_AUTHORITIES = ("工作", "实际", "实际工作", "需要", "工作需要", "实际需要", "情况", "实际情况", "进度",
                   "计划", "有关", "相关", "具体")
DEPLOY_WORDS = ("统一部署", "工作部署", "部署", "统一安排", "工作安排", "安排", "要求")
DOCUMENT_HINTS = ("文件", "方案", "办法", "意见", "通知", "制度", "规定", "细则", "政策", "规划", "标准",
                  "指南", "《", "出台", "印发", "制定", "制订", "发布", "下发")
STATUTE_SUFFIXES = ("法", "条例")
# Who a 待… / 收到… trigger names first ("国家、省税收政策文件" → 国家、省), longest first.
AUTHORITIES = ("国家、省", "国家和省", "国务院", "国家", "中央", "上级", "省里", "市里", "县里", "省", "市", "县")
# An anchor naming the document itself: its issue date is ``ref``.
# the document's own issue (本通知发出后3日内 counts from ref); not 施行 / 实施, which may come later than it
# (公告 / 通告: 自公告之日起至…止 in a 征集 notice is its own day; 公示 is left out — 公示之日起 is most often a
# later notice of a result)
SELF_ISSUE = ("发文", "印发", "下发", "发布", "公布", "颁布", "出台", "发出", "下达", "公告", "通告")

# Scope trimming (see corpus/GOLD.md).
CLAUSE_SEPARATORS = ",;。:"
SCOPE_LEAD = ("并于", "应在", "后续", "及时", "在", "于", "并", "将", "要", "限",
              "最迟", "最晚", "不超过")  # 最迟2024年9月底 · 原则上不超过2024年底: the limit's own word
SCOPE_LEAD_VERBS = ("完成", "实施", "施行", "实现", "执行", "进行", "开展", "推进", "坚持", "落实")
# 整改于6月底前完成 · 各单位应于…: the word that sets the time belongs to it, not to the task
SCOPE_TRAIL = ("完成时限为", "时限为", "期限为", "为", "完成", "应于", "须于", "需于", "要于", "务必于", "计划于",
               "拟于", "将于", "定于", "应在", "须在", "需在", "要在", "计划在", "拟在", "将在",
               # 选课将从11月28日开始 · “冬防”工作自10月22日开始: the preposition (not a lone 于: 不少于, 早于)
               "将从", "从", "自")
# 报送上半年工作情况 · 提交下一年度工作计划: a period between these names the work reported, not a deadline
REPORT_VERBS = ("报送", "上报", "报告", "提交", "报", "汇总", "总结", "编制", "制定", "制订", "公布", "公开", "发布",
                "完成", "落实", "开展", "部署")
REPORTED_WORK = ("工作", "情况", "总结", "计划", "数据", "报表", "报告", "进展", "执行", "完成情况", "目标", "任务",
                 "决算", "预算", "统计", "考核", "述职", "要点",
                 # 7月10日前报送上半年经济运行分析报告 · 报送一季度运行分析 · 报送前一日数据
                 "经济运行", "运行", "分析", "监测", "进度", "成效", "绩效", "自评")
# The report on a period (全年工作总结 · 上半年工作情况 · 对上半年工作进行总结): the period is what is reported on
PERIOD_REPORTS = ("总结", "情况", "完成情况", "进展情况", "报告", "数据", "报表", "述职", "进行总结", "开展总结",
                  "自查")
# Nouns of the work a year names (2023年度项目 · 2023年度工作总结 · 2023年违法建设目标任务): the work reported on,
# and the other things a plan's year is the year of
WORK_NOUNS = (*REPORTED_WORK, "项目", "方案", "资金", "指标", "清单", "名单", "台账", "评价", "绩效", "问题", "意见")
# 2023年巡察反馈问题 · 2023年审计发现的问题: a year before an inspection and what it found names that inspection
YEAR_REPORTS = ("年报", "年度报告", "年鉴", "决算")  # 2023年年报 · 2023年决算: the year's report, named by it
INSPECTIONS = ("审计", "巡察", "巡视", "督查", "督察", "检查", "考核", "评估", "排查", "体检")
FINDINGS = ("发现", "反馈", "指出", "移交", "交办", "通报")
# A year before these is when the task is done (2024年重点抓好…), not the work's name
TASK_VERBS = ("抓", "做好", "加快", "推动", "强化", "加强", "深化", "确保", "力争", "着力", "全力")
ACTION_OR_TASK_VERBS = (*ACTION_VERBS, *TASK_VERBS)
# Before the work a year names (2025年全市重点工作计划 · 2023年市直部门…): passed over to find the noun
WORK_MODIFIERS = ("全市", "全县", "全区", "全省", "全镇", "重点", "市直", "县直", "区直", "省直", "各")
# all that is left of "全面完成": no scope (and of 9月底前或10月底前: 或)
SCOPE_EMPTY = ("工作", "", "全面", "全部", "基本", "贯穿", "贯穿于", "或", "或者",
               # a range's own words left over (从2014年8月29日开始，至9月3日止 · 3月1日开始，3月31日结束)
               "从", "自", "结束", "止", "为止",
               # what is left before a date that replaced another (…（已延期至2024年6月底）)
               "已延期", "延期", "调整", "延长", "推迟", "顺延", "原定", "原计划")
# 2024年6月底前完成整改，此后每半年开展一次 · …建成投运，投运后每月巡检一次 · …完成排查，完成后每季度复查: the words
# between a deadline and a recurrence that start the recurrence after the deadline (今后 / 以来 count from now: not
# here)
THEREAFTER = ("此后", "之后", "以后", "其后", "然后", "自此", "从此", "完成后", "建成后", "完毕后", "到位后", "投运后",
              "运行后", "上线后", "验收后")
# 2026年底前全面建成，其中6月底前完成50%: the words that break the deadline before them down into steps inside it
BREAKDOWN_WORDS = ("其中", "分两步", "分三步", "分步")
# After a number at a line's start, what makes it a date or a count, not a table's row number (text.py: 2 组织实施 is a
# row; 2 月 / 3 个工作日 / 5 次 are not)
# (底 / 末: 2017年\n12 底前, a month whose 月 was lost)
ROW_NOT_WORDS = "年月日号时点分个季周天次项批轮家人户件名条万亿千百元%倍期届所座只吨米底末"
