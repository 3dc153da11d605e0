"""Level 1 of the grammar: one linear scan that cuts folded text into tokens.

The token patterns are a table (name, regex); all are bounded (no nested unbounded repeats), joined into
one alternation in priority order, and run with ``finditer`` — so tokenising costs time linear in the
text. Level 2 (``_grammar``) composes the tokens into parses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.precompiled import compiled


def alt(words: Any) -> str:
    """A regex alternation of literal words, longest first (so 之前 wins over 前)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


CAPS = f"(?:{alt(lx.OFFSET_CAPS)})"  # 最迟不超过 · 不得超过 · 最长 …
# Numbers are read wider than the calendar allows (2200年, 13月, 0月, 32日, 第5季度) so that an impossible
# value reaches the resolver and is flagged ``invalid:<what>`` there, never dropped into scope or clamped.
Y4 = r"(?<!\d)\d{4,6}(?!\d)"
MM = r"(?<!\d)\d{1,2}(?!\d)"
DD = r"(?<!\d)\d{1,2}(?!\d)"
QQ = r"(?<!\d)\d(?!\d)"
MM_SPAN = r"(?<!\d)(?:1[0-2]|0?[1-9])(?!\d)"  # a month range keeps 1–12: match.month_span has no month 13-0 to give
# 去年 · 后年 · 前年 before a part of the year; not 上年度工作总结, 今后 年底前, nor 3月底前 年二次 (前 is 底前's cue)
_YEAR_WORDS = alt(lx.YEAR_WORDS_BEFORE_PARTS).replace("|后年", "|(?<![今此以之前最然随往])后年").replace(
    "|前年", "|(?<![底末日月年旬季初])前年")
# 本年级: a grade, not this year
_REL_YEAR_WORDS = "|".join(f"(?<!未){w}" if w == "来年" else w for w in alt(
    k for k in lx.RELATIVE_YEARS if k != "年内" and k not in lx.YEAR_WORDS_BEFORE_PARTS).split("|"))  # 未来年度
REL_YEAR = (rf"(?:{_REL_YEAR_WORDS}"
            rf"|(?:{_YEAR_WORDS})(?=\d{{1,2}}(?:月|季)|{alt(lx.YEAR_WORD_PARTS)}))(?!级)")  # 去年底前 · 后年6月
REL_PERIOD = alt(lx.RELATIVE_PERIODS)
# A two-digit or word year (23年, 〇九年 → 09年) only where a period follows, or with a leading zero: "10年"
# alone is a duration. The resolver puts it in the century nearest the plan year (flag year:short).
Y2_ZERO_OR_PERIOD = r"(?:0\d(?=年)|\d\d(?=年度?年?(?:底|末|初|第|首|前\d|[上下]半年|[1-4]季|\d{1,2}月)))"
SHORT_YEAR = rf"(?<![\d.])(?P<ys>{Y2_ZERO_OR_PERIOD})年度?"
YEAR = rf"(?:(?P<y>{Y4})年(?:度|年(?=\d))?|(?P<ry>{REL_YEAR})|{SHORT_YEAR})"  # 2024年年6月: 年 typed twice
AMPM = "上午|下午|中午|晚上|晚|早上|早|傍晚|夜间"  # 晚8点 · 下午5点 (match.time_of moves the afternoon's hours)
TIME_OF_DAY = (rf"(?:(?P<ampm>{AMPM})?(?P<hh>[01]?\d|2[0-4])"
               r"(?::(?P<mi>[0-5]\d)|[时点](?:(?P<mi2>[0-5]?\d)分|(?P<hhalf>半))?))?")
JOIN = r"(?:[至到~_]|-{1,2}|—{1,2}|一(?=\d))"  # _ and 一 between two dates: a dash lost in layout
DAY_MARK = "(?:日|号(?![令文楼院线]))"  # 1号令 · 2号楼: a number, not a day
WD = "[1-7日天一二三四五六]"  # 一…六 stay words before a digit (周五12时 is not folded to 周512时)
# a weekday note on a range's end (周六 · 周六、周日 · 周三至周日), only checked on its start
NOTE_WEEKDAY = rf"(?:\(?(?:星期|周|礼拜){WD}(?:[、,和至\-~](?:星期|周|礼拜)?{WD})?\)?)?"
# A range's end with its own note (29日(周五)) is checked like the start; a pair (周一至周五) is the span's days
END_WEEKDAY = rf"(?:\(?(?:星期|周|礼拜)(?:{WD}[、,和至\-~](?:星期|周|礼拜)?{WD}|(?P<wde>{WD}))\)?)?"
# (11周) · (12-13周) · (第1周周一): a term's week numbers (and the weekday) beside the dates
WEEK_NOTE = rf"(?:\(第?\d{{1,2}}(?:[-~至]\d{{1,2}})?周(?:(?:星期|周|礼拜)?(?P<wdn>{WD}))?\))?"  # wdn: checked
# (a note may say which week from the notice: 3月22日(下周五) — the weekday is checked, the date is the date)
WEEKDAY = rf"(?:\(?(?:\((?:本|这|下下|下|上))?(?:星期|周|礼拜)(?P<wd>{WD})\)?)?"
# “七一”前 · “六一”期间 · “三八”节: a quoted short name is a day before a cue or its own name (not “七一”重要讲话,
# “五四”精神, “三八”红旗手)
QUOTED_AFTER = "(?:前|之前|以前|前夕|前后|期间|当天|当日|假期|放假|节|建党|建军|儿童|青年|妇女|国庆|$|[,;。)])"
# 10日一并报送 · 一月一律: 一 before these is "together" / "all", not "once" (一季度一通报, 10日一调度)
ONE_NOT_ONCE = "并|同|起|律|样|致|定|直|般|切|些|旦|边|面|方|道|齐|概|体|带|线|把手"
# (初七) · (正月十五) · (农历腊月二十三): the lunar day beside a date, a note like the weekday's
# lm, ld: checked against the date; (正月十六,周五): a weekday may share the bracket (wdl, checked as 周五 is)
LUNAR_DAY = "初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十"
LUNAR_NOTE = (rf"(?:\((?:农历)?(?:(?P<lm>正|腊|冬|\d{{1,2}})月)?(?P<ld>{LUNAR_DAY})"
              rf"(?:[,、 ](?:星期|周|礼拜)(?P<wdl>{WD}))?\))?")
HOLIDAY = alt(lx.HOLIDAYS)
LUNAR_WORD = "(?:(?<=年)(?:农历|阴历|\\(农历(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年)?\\)))?"
QUOTED_HOLIDAY = alt(lx.QUOTED_HOLIDAYS)  # “十一”: a holiday only between quotes
COUNT_AHEAD = r"[^,;。\d]{0,4}?(?:至少|不少于|最少)[^,;。]{0,10}?\d{1,3}次"  # (开展)不少于4次: a count per period
FREE = r"[^,;。按]"  # free text inside a trigger: bounded, never crosses a clause

# (name, pattern) in priority order: the first alternative that matches at a position wins.
TOKEN_PATTERNS: tuple[tuple[str, str], ...] = (
    # (not after 未 / 不 / 没有: 逾期视为未按照规定时限…, the consequence of missing it)
    ("rulelimit", r"(?<![未不没有])(?<!未按)(?<!不按)(?<!未按照)(?<!不按照)(?:按照?|在|于)?(?:规定|法定)的?"
                  r"(?:时限|期限|时间)(?:要求)?内?"),
    ("statute", rf"按照?(?P<auth>{FREE}{{1,12}}?(?:{alt(lx.STATUTE_SUFFIXES)}))的?(?:有关)?规定的?(?:时限|期限|时间)"),
    ("doc_follow", rf"按照?(?P<auth>{FREE}{{1,8}}?)(?:制订|制定|出台|印发|下发|发布)的(?P<doc>{FREE}{{1,12}}?)要求"),
    ("doc_after", rf"按照?(?P<auth>{FREE}{{1,12}}?)(?P<ev>修订发布|修订|发布|出台|印发|下发|制定|制订)后的?"
                  r"(?:时间|时限)?要求"),
    # 按本单位年度行政检查计划实行 · 按照工作方案推进: the schedule is in another document
    ("plan_follow", r"(?:按照?|依照|依据)(?P<doc>[^,;。按]{2,40}?(?:计划|方案))(?:实行|执行|实施|开展|进行|推进)"),
    # 按省部署 · 按照市委巡察办时间要求 (the authority is 市委巡察办: 时间 / 进度 say what it sets)
    ("deploy", rf"(?<![未不没有])(?:{alt(lx.DEPLOY_OPENERS)})(?P<auth>{FREE}{{1,16}}?)的?(?:时间|时限|进度|节点)?"
               rf"(?:{alt(lx.DEPLOY_WORDS)})(?:要求|安排)?"),
    # 局统一安排 · 县委统一部署 (a cell or clause that names only who sets the time)
    ("deployhead", r"(?:^|(?<=[,;。\s]))(?P<auth>[^,;。\s按根依遵与同跟]{1,6}?)统一(?:部署|安排)(?=$|[,;。\s])"),
    # 与省同步 · 与国家同步推进 · 同上级同步实施: the schedule is the higher level's
    ("synced", rf"(?:与|同|跟)(?P<auth>{alt(lx.AUTHORITIES)})[^,;。与同跟]{{0,6}}?(?:同步|一致)"
               r"(?:推进|实施|开展|进行|部署|落实)?"),
    ("wait", r"待(?P<body>[^,;。]{2,40}?)后"),
    ("receive", r"(?:收到|接到)(?P<body>[^,;。]{2,30}?)后"),
    # 即日起 · 从今天起 · 从现在开始 (现在 / 当前 / 目前 only after 从 / 自: 现在开始… is no start)
    ("todaystart", r"(?:(?:自|从)?(?:即日|今日)|(?:自|从)(?:今天|现在|当前|目前|此时))(?:起|开始)"),
    # 今后三年 · 未来五年内: the years (months) ahead of the document, counted from its day
    # (今后 alone is an adverb, not an event's 后: 今后一个时期 · 今后要加强…)
    ("henceforth", r"今后|(?:未来|此后)(?=\d{1,2}个?(?:年|月))"),
    # 月后18日前 · 季后7日 (a reporting schedule: after each period's end). Not 年后: after the Spring Festival
    # as often as after the year's end, and one-off as often as yearly — left a doubt (unread:年后)
    # 季度终了后 · 年度结束之日起 (15日内) · 季后15日
    ("endafter", r"(?:结束|终了|期满)(?:之日起|之后|以后|后)|季度?后(?=\d)|(?<!\d)月后(?=\d)"),
    ("otherwise", r"另有规定的?,?应?(?:从|依|按)其规定"),  # 法律、法规对…另有规定的，从其规定
    ("selfstart", rf"(?:自|从)?(?:本(?:意见|通知|方案|办法|规定|决定|文件|公告|通告))?(?:{alt(lx.SELF_ISSUE)})之日起?"),
    ("pertimes", r"(?<!\d)[1-9]次/(?P<per>半年|季度|季|月|年|周)"),  # 1次/季 · 2次/年: a count per period
    # 一季度一通报 · 一月一报 · 一周一通报 (周一 folds to 周1) · 半月一调度 · 半年1次
    ("onceper", r"(?<!\d)(?:1|(?P<half>半))(?P<per>季度|季|月|年|周)"
                rf"(?:一(?=[\u4e00-\u9fff])(?!次性|{ONE_NOT_ONCE})|(?<=周)1(?=[\u4e00-\u9fff])(?![日天]|{ONE_NOT_ONCE})"
                r"|[1-9]次)"),
    # 3年一次 · 2个月1次 · 10日一调度 · 15天一次
    ("onceevery", r"(?<![\d.])(?:(?P<n>[2-9])个?(?P<per>季度|月|年|周)|(?P<nd>[1-9]\d?)(?P<dper>天|日))"
                  rf"(?:1次|一(?=[\u4e00-\u9fff])(?!次性|{ONE_NOT_ONCE}))"),
    ("sameday", r"(?:当(?:日|天)(?:内)?|当场)(?=办结|办理|完成|答复|回复|处理|公开|$)"),
    # 2024、2025年底前 · 2023和2024年: years listed before the last one's 年 (rules.rule_year_list)
    ("yearlist", r"(?<![\d.])(?P<yl>(?:19|20)\d\d(?:[、,和及](?:19|20)\d\d){0,5})[、,和及](?=(?:19|20)\d\d年)"),
    # 2018年10-2019年6月: a month range across years, the first 月 dropped
    ("ymrange", rf"(?P<y>{Y4})年(?P<m>{MM_SPAN})月?{JOIN}(?P<y2>{Y4})年(?P<m2>{MM_SPAN})月"),
    ("dotrange", rf"(?P<y>{Y4})\.(?P<m>{MM}){JOIN}(?:(?P<y2>{Y4})\.)?(?P<m2>{MM})(?![\d.])"),
    # 5.10-5.20 · 5.10—6.5 · 2017.11.3-11.9: days written month.day, a range (a decimal range would carry % or a
    # unit after it)
    ("dotdayrange", rf"(?<![\d.])(?:(?P<y>{Y4})\.)?(?P<m>{MM_SPAN})\.(?P<d>{DD}){JOIN}"
                    rf"(?:(?:(?P<y2>{Y4})\.)?(?P<m2>{MM_SPAN})\.)?(?P<d2>{DD})(?![\d.%‰万亿元个次倍]){WEEK_NOTE}"),
    ("iso", rf"(?P<y>{Y4})[-/.](?P<m>{MM})[-/.](?P<d>{DD})"),
    # 20231015日 · 2023720日: a date typed without 年 and 月 (flagged typo:compact-date)
    ("compactday", r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2]|[1-9])(?P<d>0[1-9]|[12]\d|3[01]|[1-9])日"),
    # 1031日前 · 1231日止 · 131日前: a month and day typed without 月, before a cue (a count of days would take 内
    # or an event: 180日内); flagged like 2023720日 (ambiguous:compact-date when the digits split two ways, 111日)
    ("compactdaymd", r"(?<![\d.第])(?P<m>1[0-2]|[1-9])(?P<d>0[1-9]|[12]\d|3[01])日(?=前|之前|以前|止|起)"),
    ("compactday8", r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\d.%])"),
    ("iso_month", rf"(?P<y>{Y4})[./-](?P<m>{MM})(?P<mend>底|末)?(?![\d./\-年月])"),  # 2024.6 · 2024/6 · 2024-06底
    ("fiveyear", r"[“\"]?十(?P<fyp>[一二三四五六七八九])五[”\"]?(?:规划)?(?P<fpart>期间|时期|期末|末)"),
    ("vagueyear", rf"(?:(?P<y>{Y4})年度?年?|(?P<ry>{REL_YEAR})年?|(?<![\u4e00-\u9fff])年)(?P<part>初|中)"
                  rf"(?!旬|\d|秋|{alt(lx.MID_NOT_YEAR)})(?<!初(?={alt(lx.EARLY_NOT_YEAR)}))"),
    # 2021—2025年 · 2024-2026 · 2023年—2025年底 (the end's 底 names the same last day)
    # (not 2024年至2025年6月: the range ends in a month, read by rule_range)
    # (2024—26年: the end's century left out, as plans write it)
    ("yearrange", rf"(?P<y1>{Y4})年?{JOIN}(?:(?P<y2>{Y4})|(?P<y2s>\d\d)(?=年))"
                  rf"(?:年度?(?:底|末)?(?!\d{{1,2}}月|[上下]半年|第?[1-4]季)"
                  r"|(?![\d./\-年]))"),
    # 二至三季度 · 第一、二季度: quarters written once
    ("quarterrange", rf"{YEAR}?第?(?P<q1>[1-4一二三四])(?:季度)?{JOIN}第?(?P<q2>[1-4])季度"),
    # 第二、三季度 · 二三季度 (two quarters written side by side)
    ("quarterlist", rf"{YEAR}?第?(?P<qs>[1-4一二三四](?:[、,和及]第?[1-4一二三四]|(?<=[一二三四])[一二三四]){{1,3}})"
                    r"季度(?P<qend>末|底)?"),
    ("dotday", rf"(?<![\d./])(?P<m>{MM_SPAN})[./](?P<d>{DD})(?![\d/])(?=前|之前|以前|止)"),  # 6.30前 · 6/30前
    # “3·15” · “12·4”国家宪法日 · "6.26": a named day written month·day between quotes
    # (6·26国际禁毒日前: unquoted, the day's name after it)
    ("dotquoted", rf"[“\"](?P<m>{MM_SPAN})[·・.](?P<d>{DD})[”\"](?:[\u4e00-\u9fff]{{1,8}}?日(?=前后|前|期间|当天))?"
                  rf"|(?<![\d.·])(?P<mu>{MM_SPAN})[·・](?P<du>{DD})(?=[\u4e00-\u9fff]{{1,8}}?[日节])"
                  rf"(?:[\u4e00-\u9fff]{{1,8}}?[日节](?=前后|前|期间|当天))?"),
    # 11月15日至次年3月15日: the end in the year after (a winter season)
    ("dayrange", rf"{YEAR}?(?P<m>{MM})月(?P<d>{DD})(?:日|号)?{WEEKDAY}{JOIN}"
                 rf"(?:(?P<next2>次年|翌年|第2年|来年)?(?P<m2>{MM})月)?(?P<d2>{DD}){DAY_MARK}"
                 rf"{END_WEEKDAY}{WEEK_NOTE}"),
    # 6、12月 · 3月、6月 are two date_month tokens; 6、12月 writes 月 once
    ("monthlist", rf"{YEAR}?(?P<months>{MM_SPAN}(?:[、,和及]{MM_SPAN}){{1,11}})月(?P<mend>底|末)?"),
    # 5月14、15、21、22日 · 2017年5月3、4日: several days of one month
    ("daylist", rf"{YEAR}?(?P<m>{MM})月(?P<days>{DD}(?:{DAY_MARK}?[、,和及]{DD}){{1,8}}){DAY_MARK}"),
    # 5-11月 · 2023年1—8月 · 3月至5 (the end's 月 missing: a typo, only when the start has its 月)
    # 11月至次年3月 · 每年11月至翌年3月: the end in the year after (a season over the new year)
    ("monthrange", rf"\(?{YEAR}?(?:(?P<m1>{MM_SPAN})月?{JOIN}(?P<next>次年|翌年|第2年|来年)?(?P<m2>{MM_SPAN})月"
                   rf"|(?P<m1t>{MM_SPAN})月{JOIN}"
                   rf"(?P<m2t>{MM_SPAN})"
                   r"(?![\d日号个年天周%.]))(?:份)?(?:底|末)?\)?"),  # 6月—12月底: 底 is the window's own end
    # 前三季度 opens a cell or follows its year; after other words it is "N months before" them (届满前3个月)
    ("firstn", rf"(?:{YEAR}|(?<![\u4e00-\u9fff])|(?<=[至到在于和及与、]))(?:前(?P<n>\d{{1,2}})个?|(?P<first>首))"
               r"(?P<per>季度|季|月)(?:份)?(?:底|末)?"),  # 前三季度末: the Nth period's end is the span's
    # 本周五前 · 下周一 · 下星期三17:00前: a weekday of the week that holds ref (or the next, or the last)
    ("relweek", rf"(?P<rp>{REL_PERIOD})(?:1个?|个)?(?P<per>周|星期|礼拜)(?P<wd>[1-7日天一二三四五六]){TIME_OF_DAY}"),
    # 本月 · 下季度初 · 次月10日 · 本周 / 下周 (a whole week, Monday to Sunday; not 本周期, 下周边)
    ("relperiod", rf"(?P<rp>{REL_PERIOD})(?:1个?|个)?"
                  r"(?P<per>季度|季|月|(?:周|星期|礼拜)(?![期年边转知围全到密]))(?:份)?"
                  rf"(?:(?P<d>{DD}){DAY_MARK}{TIME_OF_DAY}|(?P<mend>底|末)|(?P<mstart>初)|(?P<xun>上旬|中旬|下旬))?"),
    ("date_day", rf"{YEAR}?(?P<m>{MM})月份?的?(?P<d>{DD}){DAY_MARK}{WEEKDAY}{LUNAR_NOTE}{TIME_OF_DAY}"  # 10月的15日
                 rf"(?:上午|下午|晚上|晚(?![于点会间饭餐]))?{WEEK_NOTE}"),  # 9月3日晚止: that evening
    ("date_typo", rf"(?P<y>{Y4})年度?(?P<mt>{MM})底"),
    # 2024年6月15前 · 6月30 (at a cell's end) · 8月29下午开始: a day whose 日 was left out (flag typo:missing-日)
    ("date_daytypo", rf"{YEAR}?(?P<m>{MM})月(?P<dt>{DD})(?:上午|下午|中午|晚上)?"
                     r"(?=前|之前|以前|止|起|开始|$|[,;。])"),
    # (2024年6月月底前: 月 written twice before its end)
    ("date_month", rf"{YEAR}?(?P<m>{MM})月份?(?:(?P<xun>上旬|中旬|下旬|上、?中旬|中、?下旬)|月?(?P<mend>底|末)"
                   r"|(?P<mstart>初)|(?P<mid>中)(?=前|$|[,;。])|(?P<hm>上半月|下半月))?"),
    # 2023年Q3 · 2024Q1 · 2025/Q1 · Q2/2025
    ("date_q", rf"(?:{YEAR}|(?<!\d)(?P<yq>{Y4})[/.\-]?)?[Qq](?P<q>[1-4])(?:/(?P<yq2>{Y4}))?(?![\dA-Za-z])"),
    # (2024年二季末: 季 alone before its end)
    ("date_quarter", rf"{YEAR}?第?(?P<q>{QQ})(?:季度|季(?=末|底))(?:(?P<qend>末|底)|(?P<pstart>初)(?![中期]))?"),
    # 每年上、下半年各一次 · 上半年和下半年各开展1次: once in each half
    # (after 每年 the 各 may be left out: 每年上、下半年 is each half, not a yearly rule beside a window)
    ("halveseach", r"每年度?的?(?:上[、,和及]?下半年|上半年[、,和及]下半年)各?"
                   r"|(?:上[、,和及]?下半年|上半年[、,和及]下半年)各"),
    ("date_half", rf"{YEAR}?(?P<h>上|下)半年(?:(?P<hend>末|底)|(?P<pstart>初)(?![中期]))?"),
    # 2024年底 · 年末 · 年终前 · 年终进行评估 (not 年终考核 / 年终总公开 / 年度终了: 年终 names a time only
    # before a cue, a verb or the clause's end)
    ("date_yearend", rf"(?:(?P<y>{Y4})年度?年?|(?P<ry>{REL_YEAR})年?|{SHORT_YEAR}年?|年)"
                     rf"(?P<yend>底|末|终(?={alt(lx.YEAR_END_AFTER)}|$|[,;。)]))"),
    # 农历九月初九 · 2024年农历十月初一 · 阴历八月十五: a day of the lunar calendar (its Gregorian day is the lunar
    # year's: 农历十二月二十三 falls in the next January)
    ("lunardate", rf"{YEAR}?(?:农历|阴历)(?P<lm>正|腊|冬|1[0-2]|[1-9])月(?P<ld>{LUNAR_DAY})(?:日)?"),
    # 春节 · 2024年“五一” · “十一”前 (十一 is National Day only between quotes)
    # 春节 · 2024年“五一”前 · “十一”前 · “六一”儿童节前 (the name after the quoted date is the same day)
    # 2025年农历春节前 · 2024年（农历甲辰年）春节前: the lunar calendar named between the year and the festival
    ("date_holiday", rf"{YEAR}?{LUNAR_WORD}(?:[“\"](?=(?:{HOLIDAY}|{QUOTED_HOLIDAY})[”\"]))?"
                     rf"(?P<hol>{HOLIDAY}|(?<=[“\"])(?:十一(?=[”\"])|(?:{QUOTED_HOLIDAY})(?=[”\"]{QUOTED_AFTER}))"
                     r"|(?<![\d第十百千])(?:七一|八一|六一)(?=前|之前|期间|前后|当天)"
                     r"|(?<![\d第十百千])十一(?=黄金周|长假|小长假|假期|放假))[”\"]?"  # 十一黄金周后: National Day
                     rf"(?:(?<=[”\"])(?:{HOLIDAY}|节))?"),
    # 2024年 · a cell that holds only a year (2024, as 2023-2024 is a range of years)
    ("date_year", rf"{YEAR}|^(?P<yq>19[5-9]\d|20[0-4]\d)$"),  # (1950–2049: a bare number further off is no year)
    ("yearword", r"年度?内"),
    ("nomonth", r"(?<![\d每])月(?:底|末)(?:之前|以前|前)?"),
    # 1-15日 · 1日至15日 (each month's days, after 每月): a span of days, not an offset (no 内)
    ("dayspan", rf"(?<![\d.])(?P<d>{DD}){DAY_MARK}?{JOIN}(?P<d2>{DD}){DAY_MARK}(?!以内|之内|内)"),
    # 10:00 · 晚20:00 (not 节点3:12月31日: a label's number, then a date)
    ("clock", rf"(?<![\d:])(?P<ampm>{AMPM})?(?P<hh>[01]?\d|2[0-4]):(?P<mi>[0-5]\d)(?![\d:月日号])"),
    ("dayonly", rf"(?P<d>{DD}){DAY_MARK}(?!以内|之内|内){TIME_OF_DAY}"),
    # 5个工作日内 · 2—3年 · 1.5个月 (1.2月 is a list number before a month) · 节后第3个工作日 (the Nth one)
    # (最迟2024年9月底 · 不超过2024年底: a year after the cap, not 2024 years)
    # (最迟不超过10月底 · 不超过6月: after a cap, 1–12 and 月 with no 个 is a month, not a count of months — unless an
    # event's 后 / 起 comes right before the cap, 内 after it or the cap is a length: 印发后不超过3月 · 不超过1月以内 ·
    # 最长3月 are counts)
    ("offset", rf"(?:(?P<cap>(?<=[后起]){CAPS}|(?<![后起])(?:最长|最多){CAPS}?(?!(?:1[0-2]|[1-9])月[底末])"
               rf"|(?<![后起]){CAPS}(?!(?:1[0-2]|[1-9])月(?!内|以内|之内))))?(?:(?P<ord>第)(?=\d{{1,2}}个?(?:工作日|天|日))|(?<![\d第]))"
               rf"(?!(?:19|20)\d\d年)(?P<n>\d{{1,4}}(?:\.\d{{1,2}}(?!月))?)"
               rf"(?:(?:[—~至到]|-)(?P<n2>\d{{1,4}}))?(?P<half>个半)?(?P<unit>{alt(lx.UNITS)})"
               r"(?P<within>以内|之内|内)?"),
    # 每两个月 · 每隔3年 · 隔周 · 隔月一次 (隔 with no number, or 每隔一: every other one; not 间隔 / 相隔)
    ("everyn", r"(?:每(?P<gap>隔)?(?P<n>\d{1,2})个?|(?<![间相阻分])(?P<other>隔|每隔))"
               r"(?P<per>半年|季度|月|年|周|星期|天|日)(?:(?<=[月度年])(?P<tail>末|底|初))?"),
    # 力争用3年时间 · 用两到三年时间 · 用3年左右时间 · 花1年半时间: a horizon counted from the document
    ("spend", r"(?P<again>再)?(?:用|花)"
              r"(?:(?P<n>\d{1,2}|[一两二三四五六七八九])(?:(?:到|至|-|—)(?P<n2>\d{1,2}))?(?P<half>个半)?个?"
              r"|(?P<halfonly>半)个?)"
              r"(?P<unit>年|月)(?P<half2>半)?(?:左右)?(?:的)?时间"),
    ("halfoffset", r"半(?P<unit>年|个月)(?P<within>以内|之内|内)"),
    # 每周五 · 每周一至周五 · 每周一、三、五 (not 每周一次 / 每周3天 / 每周一报: a count a week, not a weekday)
    ("everyweekday", rf"每个?(?:周|星期|礼拜)(?P<wd>{WD})(?![次天日个小遍回轮])(?!(?<=\d)\d)"
                     r"(?!(?<=[一1])(?:报(?![送告表备])|调度|通报|督办|研判|会商))"
                     rf"(?:(?:至|到|-|—|~)(?:周|星期|礼拜)?(?P<wd2>{WD})"
                     rf"|(?P<wdl>(?:[、,和及](?:周|星期|礼拜)?{WD})+))?{TIME_OF_DAY}"),  # 每周一、三、五
    # 季度终了后15日内 · 年度结束后4个月内 (no 每: a period's end, said of every period of its kind);
    # 每年的6月30日前 · 每年的第1季度
    # 每逢双月 · 单月10日前 · 双月报送: the odd or even months (a plain 双月 before a verb of reporting; after
    # another word only after one that sets a practice: 实行单月调度, not 清单月报)
    ("paritymonth", rf"(?:(?:每逢|每|逢)(?P<parity>单|双)月份?"
                    rf"|(?:(?<![\u4e00-\u9fff])|(?<=实行|实施|坚持|推行|执行|采取))(?P<parity2>单|双)月份?"
                    rf"(?=\d|{alt(lx.PARITY_MONTH_VERBS)}))(?:(?P<d>{DD}){DAY_MARK}|(?P<mend>底|末))?"),
    ("every", rf"(?:每个?|按(?=年|季|月|周|半年|旬|日(?!期|程|常))"
              rf"|逐(?=(?:月|季度?|周|旬)(?:{alt(lx.STEPWISE_ACTIONS)}))"
              rf"|(?<![每上下本当第\d])[自从]?(?=(?:年度|季度|月度|月份|半年度?)(?:结束|终了)))"
              rf"(?:(?P<wkweek>周|星期)(?=工作日))?(?P<per>{alt(lx.PERIODS)})(?:度|份|(?<=年)年(?=[初底末])|(?<=月)月(?=[初底末]))?"
              r"(?:(?<![日天])(?P<tail>末月|首月|末|底|初|第[1-6]个?月的?|最后1?个月的?))?"
              r"(?:的?(?P<wdn>最后1?个工作日|(?:倒数)?第\d{1,2}个工作日))?(?:的(?=\d|第|[上下]半年))?"
              rf"(?:(?<=[日天]){TIME_OF_DAY})?"),  # 每日17:00前 · 每个工作日上午9时
    # 上旬 · 中下旬 · 上、下旬 (each of two) · 上半月 · 每月中 / 每月月中 (the 15th: only before a cue, a verb or the
    # clause's end, so 每月中小企业 stays words)
    ("xunonly", r"(?<!\d)(?:(?P<xun>上、?中旬|中、?下旬|上旬|中旬|下旬)|(?P<xunpair>上[、,和及]下旬)"
                r"|(?P<hm>上半月|下半月))"
                rf"|(?:(?<=每月)|(?<=每个月))(?P<mid>月?中)(?={alt(lx.MID_MONTH_AFTER)}|$|[,;。)])"),
    # (not 全年开展不少于4次: a count per year, read by percount)
    ("wholeyear", rf"(?:{alt(lx.WHOLE_YEAR)})(?=$|[{lx.CLAUSE_SEPARATORS}]|{alt(lx.WHOLE_YEAR_AFTER)})"
                  rf"(?!{COUNT_AHEAD})"),
    # 半年至少开展1次 · 季度不少于2次 · 全年开展不少于4次: a period with a count after it repeats without 每
    ("percount", rf"(?<![每上下前后本当\d])(?P<per>半年|季度|年度?)(?=内?{COUNT_AHEAD})"),
    ("irregular", alt(lx.IRREGULAR)),
    ("byneed", r"(?:频次|频率|次数)(?:根据|视|按|依据)[^,;。]{0,12}?(?:确定|而定)"),  # 抽查频次根据监管需要确定
    ("ongoing", rf"{alt(w for w in lx.ONGOING if w != '长期')}"
                rf"|(?<![{''.join(lx.ONGOING_NOT_AFTER)}])长期(?!{alt(lx.ONGOING_NOT_BEFORE)})"),
    ("promptly", alt(lx.PROMPTLY)),
    ("hedge", alt(lx.HEDGES)),
    ("ditto", rf"(?<!一)(?:{alt(lx.DITTO)})(?!报|级|年|月|期|述|一)"),  # 同上 (not 一同上报, 同上级, 同上年)
    ("exempt", alt(lx.EXEMPT)),
    ("sofar", r"至今|迄今|(?<=[—\-~])(?:今|现在|目前)(?![年天日后])"),  # 2024年7月—今 · 2024.7—现在
    # (含) · (含当日) · (不含6月30日): whether the day itself is inside a 前 / 截至 (never a date of its own)
    ("inclusive", r"\((?P<neg>不)?(?:含|包含|包括)(?:当日|当天|本日|本数|\d{1,2}月\d{1,2}日)?\)"),
    ("cue", alt(lx.CUES)),
    ("to", alt(lx.BY_WORDS)),
    ("from", alt(lx.FROM_WORDS)),
    ("dash", r"—{1,2}|-{1,2}|~"),
    ("and", f"[{''.join(lx.LIST_JOINERS)}]"),
    ("sep", f"[{lx.CLAUSE_SEPARATORS}]"),
)


class Token:
    """One token. The scan finds its type and span only; its named parts (year, month, …) come from matching
    the token's own pattern again at its start, the first time one is asked for — most tokens (，、 前 内) never
    are, and a scanner with a hundred named groups costs three times one without."""

    __slots__ = ("_match_", "_parts", "end", "source", "start", "text", "type")

    def __init__(self, type: str, match: re.Match[str]) -> None:
        self.type, self.source = type, match.string
        self.start, self.end = match.span()
        self.text = match.group()
        self._match_: re.Match[str] | None = None
        self._parts: dict[str, str | None] | None = None

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.start}, {self.end}, {self.text!r})"

    def _match(self) -> re.Match[str]:
        if self._match_ is None:
            m = _pattern(self.type).match(self.source, self.start)
            assert m is not None and m.end() == self.end, "a token's pattern matches where the scan found it"
            self._match_ = m
        return self._match_

    def parts(self) -> dict[str, str | None]:
        """Every named part of the token (None where it did not take part), read once."""
        if self._parts is None:
            self._parts = self._match().groupdict()
        return self._parts

    def get(self, name: str) -> str | None:
        return (self._parts if self._parts is not None else self.parts()).get(name)

    def span_of(self, name: str) -> tuple[int, int] | None:
        if self.get(name) is None:
            return None
        return self._match().span(name)


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    """A token's own pattern, with its named groups (compiled the first time a token of the kind is read)."""
    return compiled(dict(TOKEN_PATTERNS)[kind])


Starts = list[tuple[str, "frozenset[str] | None", bool]]  # None: may begin with any character


def _starts() -> Starts:
    """Per token type, the characters its pattern can begin with and whether a digit can (``\\d``).

    Read from ``_grammar/_starts.py`` when that table was made from today's patterns (its key is a checksum
    of them), else computed from the patterns by ``prefilter`` (~6 ms: the regex parser over ~60 patterns).
    A pattern the prefilter cannot bound begins with any character: it is tried at every position.
    """
    from deadline_cn._grammar import _starts as stored

    if stored.KEY == patterns_key():
        return [(name, None if chars is None else frozenset(chars), digit) for name, chars, digit in stored.STARTS]
    return computed_starts()


def patterns_key() -> int:
    from deadline_cn._grammar.prefilter import checksum

    return checksum("\0".join(f"{n}\0{p}" for n, p in TOKEN_PATTERNS))


def computed_starts() -> Starts:
    from deadline_cn._grammar.prefilter import first_chars

    out: Starts = []
    for name, pattern in TOKEN_PATTERNS:
        got = first_chars(pattern)
        out.append((name, None, False) if got is None else (name, frozenset(got[0]), got[1]))
    return out


Seconds = dict[str, "tuple[frozenset[str], bool] | None"]  # a first character → (second characters, a digit?)
Rows = tuple[tuple[str, "tuple[str, bool] | None"], ...]  # the same as stored: the second characters as a string


def _stored_rows(attr: str, computed: Callable[[], list[tuple[str, Seconds | None]]]) -> dict[str, Rows | None]:
    """A table of second characters per token type (``AFTER_FIRST`` · ``AFTER_DIGIT_PAIRS``) as
    ``_grammar/_starts.py`` stores it, read while its key is today's; else ``computed`` from the patterns. Rows, not
    sets: the scanner reads a type's row only when a character it can begin with is first met (a first call builds
    no set it does not need)."""
    from deadline_cn._grammar import _starts as stored

    rows: tuple[tuple[str, Rows | None], ...] | None = getattr(stored, attr, None)  # (not in an old table)
    if stored.KEY == patterns_key() and rows is not None:
        return dict(rows)
    return {name: None if row is None else
            tuple((c, None if b is None else ("".join(sorted(b[0])), b[1])) for c, b in sorted(row.items()))
            for name, row in computed()}


def _as_sets(rows: dict[str, Rows | None]) -> dict[str, Seconds | None]:
    """Stored rows with the characters as sets (what the tests check)."""
    return {name: None if row is None else {c: None if b is None else (frozenset(b[0]), b[1]) for c, b in row}
            for name, row in rows.items()}


def _after_first_rows() -> dict[str, Rows | None]:
    """Per token type, for each character other than a digit it can begin with, the characters that can come
    second (None: no bound; ``prefilter.after_first``)."""
    return _stored_rows("AFTER_FIRST", computed_after_first)


def _after_first() -> dict[str, Seconds | None]:
    return _as_sets(_after_first_rows())


def computed_after_first() -> list[tuple[str, Seconds | None]]:
    from deadline_cn._grammar.prefilter import after_first

    return [(name, after_first(pattern)) for name, pattern in TOKEN_PATTERNS]


def _after_digits() -> dict[str, frozenset[str] | None]:
    """Per token type that can begin with a digit, the characters that can follow the digits it begins with
    (None: no bound; ``prefilter.after_digits``). Stored in ``_grammar/_starts.py`` beside the first characters,
    used while its key is today's; else computed from the patterns."""
    from deadline_cn._grammar import _starts as stored

    if stored.KEY == patterns_key():
        return {name: None if chars is None else frozenset(chars) for name, chars in stored.AFTER_DIGITS}
    return dict(computed_after_digits())


def computed_after_digits() -> list[tuple[str, frozenset[str] | None]]:
    from deadline_cn._grammar.prefilter import after_digits

    patterns = dict(TOKEN_PATTERNS)
    out: list[tuple[str, frozenset[str] | None]] = []
    for name, chars, digit in _starts():
        if chars is None or digit or any(c.isdecimal() for c in chars):
            got = after_digits(patterns[name])
            out.append((name, None if got is None else frozenset(got)))
    return out


def _after_digit_pairs_rows() -> dict[str, Rows | None]:
    """Per token type that can begin with a digit, for each character that can follow its digits, the characters
    that can come after that one (``prefilter.after_digit_pairs``)."""
    return _stored_rows("AFTER_DIGIT_PAIRS", computed_after_digit_pairs)


def _after_digit_pairs() -> dict[str, Seconds | None]:
    return _as_sets(_after_digit_pairs_rows())


def computed_after_digit_pairs() -> list[tuple[str, Seconds | None]]:
    from deadline_cn._grammar.prefilter import after_digit_pairs

    patterns = dict(TOKEN_PATTERNS)
    return [(name, after_digit_pairs(patterns[name])) for name, _ in computed_after_digits()]


# What the scanner tries at a digit: nothing, the alternation of the patterns left, or (when the two characters
# after the run leave only a few) each of those patterns on its own, in priority order, with its type
OneByOne = tuple[tuple[str, re.Pattern[str]], ...]
_ONE_BY_ONE = 10  # up to this many patterns left at a digit are tried one by one (their alternation is not stored)


class _Scanner:
    """The token patterns, tried at a position only when they can begin with its character.

    One search for the next character any token can begin with (or, for a pattern that can begin with any
    character, the next place its opening assertion holds); there, the alternation (in priority order)
    of just the patterns that can begin with that character — compiled the first time that set is needed,
    so a first call compiles a few small patterns, not the whole table. The first alternative that matches
    wins and the scan goes on after it, as one ``finditer`` of the whole alternation would: an alternative
    left out at a position could not have matched there.

    At a digit, the patterns are narrowed once more by the character after the run of digits it stands in
    (``prefilter.after_digits``): a match beginning there consumes digits until its first other element, whose
    character is the one after the run. "12;" or "51号" then try a handful of patterns, not the ~34 a digit can
    begin.
    """

    def __init__(self) -> None:
        self.table = _starts()
        self.patterns = dict(TOKEN_PATTERNS)
        chars = sorted(set().union(*(c for _, c, _ in self.table if c is not None)))
        digit = any(d for _, _, d in self.table)
        members = "".join(re.escape(c) for c in chars) + (r"\d" if digit else "")
        # a pattern that may begin with any character is tried only where its opening assertion holds
        # (deployhead: at the start or after a clause end); one with no such assertion, everywhere
        guards = [_GUARD.match(self.patterns[name]) for name, chars_, _ in self.table if chars_ is None]
        # (the openings first: where one holds the search's match is empty, so the scanner knows it holds)
        self.guarded = all(guards)
        if self.guarded:
            self.starts = "".join(f"{g}(?=[\\s\\S])|" for g in
                                  dict.fromkeys(m.group() for m in guards if m is not None)) + f"[{members}]"
        else:
            self.starts = r"[\s\S]"
        self.search = compiled(self.starts).search
        self.after = _after_digits()
        self.seconds = _after_first_rows()
        self.by_char: dict[str, re.Pattern[str] | None] = {}
        # per character other than a digit, and whether an opening assertion holds there: the patterns to try by
        # the character after it (its key; "\\d" a digit not listed, "" any other character or the text's end)
        self.by_first: dict[str, dict[str, tuple[str, ...]]] = {}
        self.by_first_guard: dict[str, dict[str, tuple[str, ...]]] = {}
        self.by_pair: dict[str, re.Pattern[str] | None] = {}  # (after_char's cache: two characters → pattern)
        self.by_pair_guard: dict[str, re.Pattern[str] | None] = {}
        self.by_digit: dict[str, re.Pattern[str] | None] = {}  # a digit and the character after its run
        self.pairs_after = _after_digit_pairs_rows()
        # a digit and the two characters after its run (at_digits' cache, kept to _PAIRS entries)
        self.by_digits: dict[str, re.Pattern[str] | OneByOne | None] = {}
        self.by_names: dict[tuple[str, ...], re.Pattern[str]] = {}

    def at(self, char: str) -> re.Pattern[str] | None:
        """The alternation of the patterns that can begin with ``char`` (None: no token begins with it)."""
        digit = re.match(r"\d", char) is not None
        names = tuple(name for name, chars, d in self.table if chars is None or char in chars or (d and digit))
        pattern = self._alternation(names)
        self.by_char[char] = pattern
        return pattern

    def at_digit(self, char: str, follow: str) -> re.Pattern[str] | None:
        """At the digit ``char`` of a run of digits followed by ``follow`` ("" at the end of the text): the
        alternation of the patterns that can begin with ``char`` and have ``follow`` after their digits."""
        pattern = self._alternation(self._digit_names(char, follow))
        self.by_digit[char + follow] = pattern
        return pattern

    def _digit_names(self, char: str, follow: str) -> tuple[str, ...]:
        return tuple(name for name, chars, d in self.table if (chars is None or char in chars or d)
                     and ((bound := self.after.get(name)) is None or follow in bound))

    def at_digits(self, char: str, follow: str, then: str) -> re.Pattern[str] | OneByOne | None:
        """At the digit ``char`` of a run followed by ``follow`` and then ``then`` ("" past the text's end): the
        patterns ``at_digit`` leaves whose bound after ``follow`` (``prefilter.after_digit_pairs``) holds ``then``.
        Their alternation when none was left out (it is stored), else each of them with its type, to be tried
        one by one in priority order — the first that matches is the token the alternation gives."""
        pattern = self.by_digit[char + follow] if char + follow in self.by_digit else self.at_digit(char, follow)
        names = self._digit_names(char, follow)
        left = tuple(name for name in names if self._then(name, follow, then))
        got: re.Pattern[str] | OneByOne | None
        if len(left) == len(names) or len(left) > _ONE_BY_ONE:
            got = pattern  # (the alternation of the patterns the first character leaves: stored)
        else:
            got = tuple((name, _pattern(name)) for name in left) or None
        if len(self.by_digits) < _PAIRS:
            self.by_digits[char + follow + then] = got
        return got

    def _then(self, name: str, follow: str, then: str) -> bool:
        """Whether pattern ``name`` can have ``then`` after the character ``follow`` that ends its digits."""
        rows = self.pairs_after.get(name)
        for c, bound in rows or ():
            if c == follow:
                return bound is None or (then != "" and (then in bound[0] or (bound[1] and then.isdecimal())))
        return True  # (no row: no bound)

    def at_first(self, char: str, guard: bool) -> dict[str, tuple[str, ...]]:
        """At ``char`` (not a digit), by the character after it: the patterns that can begin with ``char`` and
        have that character second (``prefilter.after_first``), in priority order — their alternation is
        compiled when a pair first needs it. The patterns that may begin with any character where their
        opening assertion holds are tried only where it holds (``guard``). Keys: each character some pattern's
        bound lists, "\\d" for a digit none lists, "" for any other character and for the text's end."""
        bounds: list[tuple[str, tuple[frozenset[str], bool] | None]] = []
        listed: set[str] = set()
        for name, chars, _ in self.table:
            if chars is None:
                if guard or not self.guarded:
                    bounds.append((name, None))
            elif char in chars:
                bound = self._second(name, char)
                bounds.append((name, bound))
                if bound is not None:
                    listed |= bound[0]
        table: dict[str, tuple[str, ...]] = {}
        for key in (*sorted(listed), "\\d", ""):
            digit = key == "\\d" or key.isdecimal()
            table[key] = tuple(name for name, bound in bounds
                               if bound is None or (key != "" and (key in bound[0] or (digit and bound[1]))))
        (self.by_first_guard if guard else self.by_first)[char] = table
        return table

    def _second(self, name: str, char: str) -> tuple[frozenset[str], bool] | None:
        """What pattern ``name`` can have after ``char`` (None: no bound)."""
        rows = self.seconds.get(name)
        for c, bound in rows or ():
            if c == char:
                return None if bound is None else (frozenset(bound[0]), bound[1])
        return None

    def after_char(self, text: str, pos: int, guard: bool) -> re.Pattern[str] | None:
        """What to try at ``pos``, whose character is no digit: by that character and the one after it, and
        whether an opening assertion holds there (``guard``). The pair is looked up at once in a cache of the
        pairs met (one dict lookup where the tables take four), kept to ``_PAIRS`` entries."""
        pair = text[pos:pos + 2]
        pairs = self.by_pair_guard if guard else self.by_pair
        if pair in pairs:
            return pairs[pair]
        tables = self.by_first_guard if guard else self.by_first
        char = pair[0]
        table = tables[char] if char in tables else self.at_first(char, guard)
        second = pair[1:]
        pattern = self._alternation(table[second] if second in table else
                                    table["\\d"] if second.isdecimal() else table[""])
        if len(pairs) < _PAIRS:
            pairs[pair] = pattern
        return pattern

    def token_at(self, text: str, pos: int, guard: bool) -> Token | None:
        """The token ``tokenize`` finds at ``pos`` (a digit's run measured afresh), or None: for a caller that looks
        for the next token from anywhere, as ``_read.fast`` does."""
        char = text[pos]
        if not char.isdecimal():
            pattern = self.after_char(text, pos, guard)
            found = pattern.match(text, pos) if pattern is not None else None
            return None if found is None else Token(found.lastgroup or "", found)
        end = pos + 1
        while end < len(text) and text[end].isdecimal():
            end += 1
        key = char + text[end:end + 2]
        tries = self.by_digits[key] if key in self.by_digits else self.at_digits(char, text[end:end + 1],
                                                                                  text[end + 1:end + 2])
        return _tried(tries, text, pos)

    def _alternation(self, names: tuple[str, ...]) -> re.Pattern[str] | None:
        if not names:
            return None
        pattern = self.by_names.get(names)
        if pattern is None:
            pattern = compiled("|".join(f"(?P<{n}>{_INNER_GROUP.sub('(?:', self.patterns[n])})" for n in names))
            self.by_names[names] = pattern
        return pattern


_PAIRS = 16_384  # pairs of characters after_char keeps the answer for (a long text meets more: they are looked up)
_INNER_GROUP = re.compile(r"\(\?P<\w+>")  # a token's named parts: read again from its own pattern (Token.parts)
# a zero-width opening, (?:^|(?<=[…])): a pattern that opens with it can match only where it holds
_GUARD = re.compile(r"\(\?:\^\|\(\?<=\[[^\]()]*\]\)\)")


@lru_cache(maxsize=1)
def _scanner() -> _Scanner:
    return _Scanner()


def tokenize(text: str) -> list[Token]:
    scanner = _scanner()
    search, by_digits = scanner.search, scanner.by_digits
    out: list[Token] = []
    pos = 0
    run_end = 0  # the end of the last run of digits measured (a position before it is in that run)
    size = len(text)
    while (m := search(text, pos)) is not None:
        pos, hit = m.span()  # an empty match: a pattern's opening assertion holds here
        char = text[pos]
        if char.isdecimal():  # what \d matches
            if pos >= run_end:
                run_end = pos + 1
                while run_end < size and text[run_end].isdecimal():
                    run_end += 1
            key = char + text[run_end:run_end + 2]
            tries = by_digits[key] if key in by_digits else scanner.at_digits(char, text[run_end:run_end + 1],
                                                                              text[run_end + 1:run_end + 2])
            token = _tried(tries, text, pos)
            if token is None:
                pos += 1
                continue
            out.append(token)
            pos = token.end
            continue
        pattern = scanner.after_char(text, pos, hit == pos)
        found = pattern.match(text, pos) if pattern is not None else None
        if found is None:
            pos += 1
            continue
        out.append(Token(found.lastgroup or "", found))
        pos = found.end()
    return out


def _tried(tries: re.Pattern[str] | OneByOne | None, text: str,
           pos: int) -> Token | None:
    """The token at a digit: the alternation's match, or the first of the patterns tried one by one that matches
    (its match, with the token's named parts, is kept: the token need not match again to give them)."""
    if tries is None:
        return None
    if isinstance(tries, tuple):
        for name, pattern in tries:
            found = pattern.match(text, pos)
            if found is not None:
                token = Token(name, found)
                token._match_ = found
                return token
        return None
    found = tries.match(text, pos)
    return None if found is None else Token(found.lastgroup or "", found)
