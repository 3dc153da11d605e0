"""Which readings are time limits in running text (extract), and which only describe or frame it.

In a table cell a bare "2017年" or "长期" is the deadline; in prose it is often a modifier ("2016年住房保障信息
公开工作"), a signature date, a duration ("为期6个月的培训", "压缩至90个工作日以内") or a frame
("“十三五”期间，…", "三年行动方案(2024—2026年)"). A reading is kept when the words around it make it govern
an action: a cue (前, 底, 内, 止, 起, 到…), 在/于 before it, a label such as 截止时间: before it, or its place at
the head of a sentence or clause. The words these rules use are lexicon data.
"""

from __future__ import annotations

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.parse import (
    DeadlineP,
    DittoP,
    Item,
    MarkerP,
    OngoingP,
    RangeP,
    RecurP,
    RelativeP,
    TriggerP,
    When,
)
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.rules import FIVE_YEAR_PLAN

_SKIP = " \"“”"
_FIGURE = compiled(rf"\d(?:[\d.]*)(?:[亿万千百])?(?:{'|'.join(lx.FIGURE_UNITS)})")
_CLAUSE_STOPS = "。;,:、()\n"  # where the words after a time stop being its clause's (folded text)
# 根据县委统一部署，2022年5月5日，… · 根据…部署，4月7日到4月11日，…: a day (or days) with no cue, a clause of its own,
# after a deployment: when what was deployed took place — a report, not a task handed on
_DAYS_THEN = compiled(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:(?:至|到|-|—)(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日)?,")


def is_prose_time(item: Item, scan: str) -> bool:
    """Whether a parse is a time limit in running text (see the module docstring)."""
    p = item.parse
    if isinstance(p, TriggerP):  # 待…后 governs what follows; 按照…部署, only at a clause's head before its action
        if p.wants_event:
            # "…后" alone: in a cell a trigger, in prose mostly narration (会议结束后，…) — unless what follows
            # its comma must be done (全国征兵网开通后，各地要及时发布…)
            return scan.startswith(",", item.end) and must(scan, item.end + 1) and not narrates(scan, item.end + 1)
        if p.type in ("document", "event"):
            return True
        # 按照省统一部署，适时开展… (a task follows) — not 根据…部署，现将…公布 nor a sentence telling what was done;
        # and only a 部署 (the wild readers mark no 按照…要求 / 安排，… in prose: a manner, not a time handed over)
        return "部署" in scan[item.start:item.end] and heads_clause(scan, item) and scan.startswith(",", item.end) \
            and not scan.startswith(lx.ANNOUNCE_WORDS, item.end + 1) \
            and not narrates(scan, item.end, reach=80, sentence=True) and not _DAYS_THEN.match(scan, item.end + 1)
    if isinstance(p, (MarkerP, DittoP)):
        return isinstance(p, MarkerP)  # markers stay so hedges can flag their clause; dropped later
    if isinstance(p, DeadlineP):
        if p.cue is None and scan.startswith(lx.ATTRIBUTE_VERBS, item.end):
            return False  # 2015年5月1日施行的《条例》同时废止: the date tells which document, it sets no task
        if p.by and _names_a_term(_before(scan, item.start)):
            return False  # 有效期至2024年12月31日: a thing's term, no task's
        return p.cue is not None or p.by or p.when.edge == "end" or p.after is not None or _governs(item, scan, p.when)
    if isinstance(p, OngoingP):
        if p.whole_year:
            return scan.startswith("工作", item.end)  # 全年工作, not 全年落实情况
        if p.after and p.start is not None and p.start.holiday:  # 春节假期结束后，各单位要…: a task after the rest
            return scan.startswith(",", item.end) and must(scan, item.end + 1) and not narrates(scan, item.end + 1)
        return not p.word and not p.after and not scan.startswith("以来", item.end - 2)  # 2013年以来: narration
    if isinstance(p, RangeP):
        body = scan[item.start:item.end]
        if "." in body and not any(c in body for c in "年月日"):  # 5.10-5.20 or pH 6.5-8.5: only where it governs
            return not _before(scan, item.start).endswith(("在", "为")) and _governs(item, scan, p.start)
        if scan.startswith(lx.YEAR_FRAMES, item.end):
            return False  # 2023-2024学年第二学期注册时间为…: the school year frames the sentence
        return p.label != FIVE_YEAR_PLAN and not (p.end_cue == "years" and _bracketed(item, scan))
    if isinstance(p, RecurP):
        if p.period in ("日", "工作日") and (scan[item.end:item.end + 1].isdigit() or scan.startswith(
                ("上午", "下午"), item.end) or (p.time and scan[item.end:item.end + 1] in ("-", "至", "~", "—", "到"))):
            return False  # 每天9:00-22:00 · 每天上午8:30-11:30: opening hours, not a task's rhythm
        described = scan.startswith(lx.RECUR_DESCRIBED, item.end) and not scan[item.end + 1:item.end + 2].isdigit()
        if not p.vague and described:
            return False  # 不报送每月情况 · 每年3月至6月是鱼类繁殖的盛期 (not 每年的3月20日)
        if p.period == "irregular" and "学" in scan[item.start:item.end]:  # 每学期至少召开一次 · 每学年组织开展…
            # (not 每学期选课不超过26学分: a count per term, not a task's rhythm)
            return _acts_soon(scan, item.end, reach=8) or word_soon(scan, item.end, lx.AT_LEAST, 6) is not None
        return not p.vague or scan.startswith(lx.PERIODIC_ACTIONS, item.end)  # 定期开展监测
    if isinstance(p, RelativeP):
        return not _describes(item, scan)
    return True


def _governs(item: Item, scan: str, when: When) -> bool:
    """A bare period that sets when its clause's action happens.

    2025年下半年，各区要… · 2015年在预算管理改革上取得… (heading a sentence) · ，第一季度发行专项债券 (heading a
    clause, an action after it) · 将在今年8月完工 · 初定于6月19日 · 截止时间:2013年10月31日.
    """
    before = _before(scan, item.start)
    if before.endswith(lx.PROSE_TIME_OPENERS):
        return True
    label = _bridged(before[:-1]) if before.endswith((":", "为", "是")) else ""
    if label.endswith(lx.PROSE_TIME_LABELS):
        # 截止时间:2013年10月31日 · 截止时间为2024年1月9日17:00 · 标准时点是2020年11月1日零时 · 截止时间调整为5月15日
        # (not 成文日期:…)
        return not label.endswith(lx.DOC_DATE_LABELS)
    if before.endswith("(") and before[:-1].endswith(lx.STAGE_WORDS):
        return True
    if before.endswith(("为", "是", ":")) and before[:-1].endswith(lx.STAGE_WORDS):
        return True  # 第三阶段为7月份 · 总结阶段是12月: the stage's time, as 第一阶段为3月下旬至4月上旬 (a range) is
    if before.endswith("(") and scan.startswith(")", item.end) and when.day is not None \
            and _names_a_step(before[:-1]):
        return True  # 推荐申报(11月18日-25日)、评审(2017年12月15日)、表彰(…): a step of the plan and its day
    if _stage_after(scan, item.end):
        return True  # 7月份为宣传动员和自查阶段 · 2013年是普查准备阶段: the period a stage of the plan takes
    after = scan[item.end:item.end + 1]
    if after in ("", "\n", ")") or _signs(scan, item.end):
        return False  # a signature line: "2017年1月9日" alone, "2017年1月9日印发"
    if narrates(scan, item.end):
        return False  # 1月10日，市政府常务会议审议通过了… · 1-4月，累计完成投资…: what was done, not a limit
    if isinstance(item.parse, DeadlineP) and when.month is None and when.day is None and heads_clause(scan, item) \
            and (k := word_soon(scan, item.end, lx.TARGET_VERBS, 24)) is not None and _FIGURE.search(scan, k, k + 16):
        return True  # 2020年全校标准化率达到70% · 2025年度…实施率达到50%以上: a target for the year (a figure)
    if heads_clause(scan, item) and (_acts_soon(scan, item.end) or _plan_heading(scan, item.end)):
        return True  # ，第一季度发行专项债券 · 10月份省级开展抽查 · 4月份计划:…
    if when.day is not None and _acts_at(scan, item.end):
        return True  # 小学非毕业班2021年6月27日安排期末考试: a day and then what is done on it
    if (scan.startswith(lx.PROSE_HEAD_FOLLOWERS, item.end) and not scan.startswith(lx.HEAD_FOLLOWER_NOUNS, item.end)) \
            or when.weekday is not None:
        return heads_clause(scan, item)  # ，第一季度发行专项债券 · 2015年在… · 8月27日(星期日)学生报到
    if scan.startswith(lx.PROSE_DONE_VERBS, item.end):  # 城市文化公园今年开建 · 争取2016年完成 (not 完成情况)
        verb = next(v for v in lx.PROSE_DONE_VERBS if scan.startswith(v, item.end))
        return not scan.startswith(("情况", "的", "率"), item.end + len(verb))
    return after == "," and heads_clause(scan, item, sentence=True)  # 2025年下半年，各区要…


def _stage_after(scan: str, end: int, reach: int = 20) -> bool:
    """为 / 是 after a period, then words ending its clause in 阶段 / 时段 (6月为总结评估阶段)."""
    return scan.startswith(("为", "是"), end) \
        and scan[end + 1:_clause_end(scan, end + 1, reach)].endswith(lx.STAGE_WORDS)


def _clause_end(scan: str, start: int, reach: int) -> int:
    """Where the clause from ``start`` ends (its stop, or ``reach`` characters on)."""
    end = start
    while end < min(len(scan), start + reach) and scan[end] not in _CLAUSE_STOPS:
        end += 1
    return end


def _bridged(before: str) -> str:
    """The words before a 为 without the one word that says the labelled time was changed, set or shared out
    (时间调整 → 时间, 时间分别 → 时间: lx.LABEL_BRIDGES)."""
    word = next((w for w in lx.LABEL_BRIDGES if before.endswith(w)), "")
    return before[:len(before) - len(word)]


def prose_times(items: list[Item], scan: str) -> list[Item]:
    """The items that are time limits in running text: ``is_prose_time`` of each, then what a list or a schedule
    carries to its members.

    A list of dates is one time, kept or left whole: what governs it stands around the list, not beside each
    member (将于3月、6月分两批次开展督察 · 4月27日、28日依据视频进行选拔赛 · 时间分别为8月上旬和12月上旬). And in a
    schedule sentence a day heading its clause right after a kept day is the next step (于8月28日报到，8月29日入学
    教育，8月30日开学上课), unless its clause tells what was done."""
    keep = [is_prose_time(it, scan) for it in items]
    i = 0
    while i < len(items):
        j = i
        while j + 1 < len(items) and _listed(scan, items[j], items[j + 1]):
            j += 1
        if j > i and not all(keep[i:j + 1]):
            whole = any(keep[i:j + 1]) or is_prose_time(Item(items[i].parse, items[i].start, items[j].end), scan) \
                or is_prose_time(Item(items[j].parse, items[i].start, items[j].end), scan)
            if narrates(scan, items[j].end) or scan[max(0, items[i].start - 4):items[i].start].endswith(lx.DONE_BEFORE):
                whole = False  # 已在2004年、2008年、2013年分别开展了三次普查: a list of what was done
            keep[i:j + 1] = [whole] * (j + 1 - i)
        i = j + 1
    for k in range(1, len(items)):
        if not keep[k] and keep[k - 1] and _next_step(scan, items[k - 1], items[k]):
            keep[k] = True
    return [it for it, kept in zip(items, keep, strict=True) if kept]


def _listed(scan: str, a: Item, b: Item) -> bool:
    """Two dates joined by 、 / 和 / 及 / 与 alone (3月、6月 · 8月上旬和12月上旬)."""
    if not (isinstance(a.parse, DeadlineP) and isinstance(b.parse, DeadlineP)) or a.parse.cue or a.parse.by:
        return False
    return scan[a.end:b.start].strip(_SKIP) in lx.LIST_JOINERS


def _next_step(scan: str, prev: Item, item: Item) -> bool:
    """``item`` a day heading the clause after ``prev``'s, a day too, in one sentence (see ``prose_times``)."""
    p, q = prev.parse, item.parse
    if not (isinstance(p, DeadlineP) and isinstance(q, DeadlineP)) or p.when.day is None or q.when.day is None:
        return False
    between = scan[prev.end:item.start]
    if any(c in between for c in "。;\n") or "," not in between or len(between) > 24:
        return False
    return heads_clause(scan, item) and not narrates(scan, item.end) and not _signs(scan, item.end) \
        and scan[item.end:item.end + 1] not in ("", ")", ",")


def must(scan: str, start: int, reach: int = 8) -> bool:
    """要 / 应 / 须 / 务必 within a few characters of its clause (各地要及时发布 · 各单位应立即…)."""
    return word_soon(scan, start, lx.MODALS, reach) is not None


def word_soon(scan: str, start: int, words: tuple[str, ...], reach: int) -> int | None:
    """Where one of ``words`` begins within ``reach`` characters of ``start``, before its clause ends."""
    for k in range(start, min(len(scan), start + reach)):
        if scan[k] in _CLAUSE_STOPS:
            return None
        if scan.startswith(words, k):
            return k
    return None


def _names_a_step(before: str) -> bool:
    """评审 · 表彰 · 集中检查 before a bracketed day: a step's name (not a title, a meeting or a document)."""
    return before[-1:] >= "\u4e00" and before[-1:] <= "\u9fff" and not before.endswith(lx.NOT_STEP_ENDS)


def _signs(scan: str, end: int) -> bool:
    """2017年1月9日印发 closing a document, not 2025年4月下旬公布本部门…清单 (a task: something follows)."""
    word = next((w for w in lx.SIGNATURE_WORDS if scan.startswith(w, end)), None)
    return word is not None and scan[end + len(word):end + len(word) + 1] in ("", "\n", ")", "。")


def _acts_soon(scan: str, start: int, reach: int = 5) -> bool:
    """An action verb within a few characters, before any punctuation (10月份省级开展抽查, 第一季度发行债券)."""
    if scan.startswith(("是", "为"), start):
        return False  # 2020年是全面建成小康社会…收官之年: a definition, not a task
    k = word_soon(scan, start, lx.ACTION_VERBS, reach)
    return k is not None and _acts_at(scan, k)


def _acts_at(scan: str, k: int) -> bool:
    """An action verb at ``k`` that is the clause's action: not the start of a time's name (2月申报纳税期限…) nor
    an attribute made by 的 (9月29日上课的教师)."""
    verb = max((v for v in lx.ACTION_VERBS if scan.startswith(v, k)), key=len, default="")
    return bool(verb) and not _names_a_time(scan, k) and not scan.startswith("的", k + len(verb))


def _names_a_time(scan: str, start: int, reach: int = 8) -> bool:
    """2月申报纳税期限顺延至2月17日: the verb begins the name of a time limit, not the clause's action."""
    return any(w in scan[start:_clause_end(scan, start, reach)] for w in lx.TIME_NOUNS)


def _plan_heading(scan: str, start: int) -> bool:
    """4月份计划:… names the work planned for the period (not 1-3月份项目进展:, a report)."""
    word = next((w for w in lx.PLAN_HEADINGS if scan.startswith(w, start)), None)
    return word is not None and scan.startswith(":", start + len(word))


def narrates(scan: str, start: int, reach: int = 30, *, sentence: bool = False) -> bool:
    """Whether the clause after ``start`` tells of what is done (已, 了, 累计) rather than what is to be done.

    A time that opens its sentence governs the clause after its comma (1月10日，市政府…审议通过了…); one inside a
    clause only that clause (2月26日在校生开始上课，…，共计20周: 共计 describes the term, not that day). A
    trigger heading a sentence governs all of it (``sentence``: 根据区委统一部署，9月16日至10月18日，…进行了巡察)."""
    end = min(len(scan), start + reach)
    for k in range(start, end):
        if scan[k] in "。;" or (scan[k] == "," and k > start and not sentence):
            break
        if scan[k] in lx.PAST_MARKERS or scan.startswith(lx.NARRATION_WORDS, k):
            return True
    return False


def counts(scan: str, start: int, reach: int = 40) -> bool:
    """A figure in the sentence after ``start`` (45亿元, 12所, 3000万人次, 6%): with a period already gone by before
    it, a report of what was done (2024年1-2月，全市…完成45亿元), not a task."""
    end = start
    while end < min(len(scan), start + reach) and scan[end] not in "。;":
        end += 1
    return _FIGURE.search(scan, start, end) is not None


def _describes(item: Item, scan: str) -> bool:
    """为期6个月的培训 · 审批时间压缩至90个工作日以内 · 公示期共10个工作日: a duration, not a time limit.

    A bare count with no 内, no cap and no event (24小时服务热线, 3天培训) is one too, unless a verb of getting
    something done follows it (5个工作日办结).
    """
    if _before(scan, item.start).endswith(lx.DURATION_OPENERS) or scan.startswith("的", item.end) \
            or _names_a_term(_before(scan, item.start)):
        return True
    p = item.parse
    bare = isinstance(p, RelativeP) and not (p.wants_anchor or p.anchor_ref or p.anchor is not None
                                             or p.anchor_when is not None or p.or_month is not None or p.after_step)
    body = scan[item.start:item.end]
    if not bare or body.endswith("内") or body.startswith(lx.OFFSET_CAPS) or _before(scan, item.start).endswith(
            ("在", "于", "用", "后", "起")):
        return False
    return not scan.startswith(lx.LIMIT_VERBS, item.end)


def _names_a_term(before: str) -> bool:
    """借款期限 · 租赁期限最长 · 试用期 · 服务期限一般 before a count: a thing's term (lx.TERM_NOUNS), no task's."""
    trimmed = True
    while trimmed:
        trimmed = False
        for word in lx.TERM_QUALIFIERS:
            if before.endswith(word):
                before, trimmed = before[:-len(word)], True
    if not before.endswith(("期", "期限")):
        return False  # 提供服务3个工作日内办结: a limit on the service, not its term
    return before.removesuffix("限").removesuffix("期").endswith(lx.TERM_NOUNS)


def _bracketed(item: Item, scan: str) -> bool:
    """三年行动方案(2024—2026年): a period in brackets after a name is the name's, not a schedule."""
    k = item.start - 1
    return k > 0 and scan[k] == "(" and scan[k - 1] not in "。;,:" and scan.startswith(")", item.end)


def _before(scan: str, start: int, reach: int = 8) -> str:
    return scan[max(0, start - reach):start].rstrip(_SKIP)


def heads_clause(scan: str, item: Item, *, sentence: bool = False) -> bool:
    """Whether nothing but punctuation stands between the item and the start of its clause (or sentence)."""
    stops = "。;" if sentence else "。;,"
    k = item.start - 1
    while k >= 0 and scan[k] in _SKIP + "()":
        k -= 1
    for word in lx.CONNECTIVES:  # 同时，根据县政府工作部署 · 此外2025年…: a connective opens the clause too
        if scan.endswith(word, 0, k + 1):
            k -= len(word)
            break
    return k < 0 or scan[k] in stops or scan[k] in "\n:"
