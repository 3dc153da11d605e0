"""The reading pipeline shared by ``normalise`` and ``extract``: fold → scan → cover → place → resolve.

Each step takes values and returns values: the folded text, the best cover of parses (``_grammar.rules``),
the placed parses with their scopes (``_grammar.scope``), the time words no reading consumed
(``unread``), and the results (``_resolve``). Offsets stay in the folded text until ``build`` maps them back.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from typing import Any

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.parse import DeadlineP, Item, MarkerP, OngoingP, RangeP, RecurP, TriggerP
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.rules import parse_tokens
from deadline_cn._grammar.scope import ENUM_HEAD, Placed, place, trim
from deadline_cn._grammar.text import Folded, fold
from deadline_cn._grammar.tokens import AMPM, tokenize
from deadline_cn._read.unread import (
    DOC_NUMBER,
    event_after_year,
    is_term_label,
    mask_doc_numbers,
    nearest,
    unread_spans,
)
from deadline_cn._resolve.resolver import Context, NeedsYear, Settings, resolve
from deadline_cn.results import _SHARED as _POOL
from deadline_cn.results import _SHARED_MAX as _POOL_MAX
from deadline_cn.results import (
    Alternative,
    Compound,
    Conditional,
    Deadline,
    Ongoing,
    Recurrence,
    Relative,
    Result,
    Trigger,
    Unresolved,
    Window,
    replace,
)

NO_EXPRESSION = "no deadline expression found"
__all__ = ["DOC_NUMBER", "NO_EXPRESSION", "build", "flag_unread", "items_of", "mask_doc_numbers", "mask_titles",
           "original_text", "read"]
_TITLE = compiled("《[^《》]{1,120}》")
_FOUR_DIGITS = compiled(r"\d{4}")


def mask_titles(text: str) -> str:
    """Blank the inside of 《…》 so a title's "2016年" is never read as a deadline.

    Only a closed title of reasonable length is masked: a stray 《 must not hide the rest of a document.
    """
    if "《" not in text:
        return text
    return _TITLE.sub(lambda m: "《" + "□" * (len(m.group()) - 2) + "》", text)


def items_of(folded: Folded, listed: Collection[int] = ()) -> tuple[str, list[Item]]:
    """The folded text with titles and list numbers masked, and its best cover; ``listed``: where (in the
    caller's text) the 、 of a list number stands that a part read alone could not see (extract's windows)."""
    scan = mask_list_numbers(mask_titles(folded.text), folded, listed)
    return scan, parse_tokens(tokenize(scan))


# 1、6月底前完成方案；2、9月底前完成建设: "N、" opening a clause or a line numbers the items when the next number opens
# another — then it is written "N." for the scanner (a list number, as 1. is), never a month of a list (3、6、9、12月)
# ((?<!\d)(\d{1,2})、 written to open with a digit: the regex engine then skips to the next digit at once, where
# an opening lookbehind made it try the pattern at every character — a pass over a whole chunk of extract())
_LIST_NUMBER = compiled(r"(\d(?<!\d\d)\d?)、")


def mask_list_numbers(text: str, folded: Folded, known: Collection[int] = ()) -> str:
    if "、" not in text:
        return text
    found = [(m.start(1), m.end(), int(m.group(1))) for m in _LIST_NUMBER.finditer(text)
             if _opens_line(text, folded, m.start(1))]
    numbers = {n for _, _, n in found}
    listed = [(s, e) for s, e, n in found
              if n + 1 in numbers or n - 1 in numbers or folded.starts[e - 1] + folded.offset in known]
    if not listed:
        return text
    chars = list(text)
    for _, e in listed:
        chars[e - 1] = "."  # same length: offsets hold
    return "".join(chars)


# (the same pattern reads a caller's raw text: \d is any digit, full-width ones too, and int() takes them)
_RAW_OPENERS = ";；。:：\n"


def list_number_marks(text: str, start: int, end: int) -> frozenset[int]:
    """Where in ``text[start:end]`` the 、 of a list number stands (a number opening a line or clause whose
    neighbour, N-1 or N+1, opens one too): what a window of it read alone cannot tell from a month list."""
    if "、" not in text[start:end]:
        return frozenset()
    found = []
    for m in _LIST_NUMBER.finditer(text, start, end):
        k = m.start() - 1
        while k >= start and k > m.start() - 8 and text[k] in " \u3000\t\r":  # (bounded: linear in the text)
            k -= 1
        if k < start or text[k] in _RAW_OPENERS:
            found.append((m.end() - 1, int(m.group(1))))
    numbers = {n for _, n in found}
    return frozenset(k for k, n in found if n + 1 in numbers or n - 1 in numbers)



def _opens_line(text: str, folded: Folded, k: int) -> bool:
    """At the text's start, after ; 。 :, or where folding dropped a line break or spaces before it."""
    if k == 0 or text[k - 1] in ";。:\n":
        return True
    starts = folded.starts
    return k < len(starts) and starts[k] > folded.end_of(k - 1) - folded.offset


def read(text: str, settings: Settings, limit: int | None = None) -> Result:
    """One cell: every time word in it is read, or flags the reading nearest to it.

    With ``limit``, only ``text[:limit]`` is folded and read (``normalise`` cuts a cell longer than any real
    one); spans still index ``text``.
    """
    folded = fold(text, 0, limit) if limit is not None and limit < len(text) else fold(text)
    scan, items = items_of(folded)
    ctx = Context(settings, lambda span: original_text(text, folded, span))
    placed = place(scan, items)
    if placed:
        flag_unread(text, folded, scan, items, placed)
    if not placed:
        markers = [it for it in items if isinstance(it.parse, MarkerP) and it.parse.flag == "vague:promptly"]
        if not markers:
            return Unresolved(text=text, span=(0, len(text)), reason=NO_EXPRESSION)
        placed = [Placed(markers[0])]
    parts = []
    for k, p in enumerate(placed):
        if k and ctx.last_year is None and _ITEM_OPENER.search(scan, placed[k - 1].item.end, p.item.start):
            # 1.…3月底前…，9月底前… 2.…3月底前…: a numbered item's yearless steps start afresh in the plan's year,
            # not after the last step of the item before it (a year written before keeps carrying: its steps go on)
            ctx.last_start = None
        parts.append(build(text, folded, p, ctx))
    if len(parts) == 1:
        return parts[0]
    return Compound(text=text, span=(parts[0].span[0], parts[-1].span[1]), parts=tuple(parts))


# a list item's number opening a line or clause (scope's own list numbers: 2. · (2) · (二) · 二、 · ②)
_ITEM_OPENER = compiled(r"(?:^|(?<=[\s;。:]))" + ENUM_HEAD.pattern)


def original_text(text: str, folded: Folded, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    s, e = folded.original_span(*span)
    return text[s:e] or None


def build(text: str, folded: Folded, p: Placed, ctx: Context) -> Result:
    """One placed parse → its result; a date the calendar cannot hold (year 10000) is unresolved, not a crash."""
    span = folded.original_span(p.item.start, p.item.end)
    scope = ctx.text_of(p.scope)
    ctx.part()
    outer = ctx.last_start
    if p.inside:  # a step inside the reading before it: no "steps run forward" past that reading
        ctx.last_start = None
    # 20236月底前: a 年 that the text left out was read (text.compact_years)
    typo = (COMPACT_DATE,) if folded.inserted and any(p.item.start <= k < p.item.end for k in folded.inserted) \
        else ()
    try:
        return _build(text, span, scope, p, ctx, typo)
    except (NeedsYear, ValueError, OverflowError) as exc:
        reason = str(exc) if not isinstance(exc, OverflowError) else "the date falls outside years 1–9999"
        return Unresolved(text=text, span=span, scope=scope, reason=reason, flags=tuple(p.flags))
    finally:
        if ctx.last_start is None:
            ctx.last_start = outer  # a step that dates nothing leaves the reading before it to the next


COMPACT_DATE = "typo:compact-date"


def _build(text: str, span: tuple[int, int], scope: str | None, p: Placed, ctx: Context,
           typo: tuple[str, ...] = ()) -> Result:
    cls, fields = resolve(p.item.parse, ctx)
    flags = tuple(dict.fromkeys([*fields.pop("flags"), *ctx.flags, *p.flags, *typo]))
    if cls is Deadline and "year-from-ref" in flags and "ambiguous:year" not in flags:
        flags = _named_year_doubt(flags, fields)
    if p.label is not None and cls is Deadline:
        return Window(text=text, span=span, flags=flags, start=fields["start"] or fields["due"],
                      end=fields["due"], label=ctx.text_of(p.label))
    if p.label is not None and cls is Window:  # 春节：2月10日至17日放假: the days named by their holiday
        fields["label"] = ctx.text_of(p.label)
    if cls is Relative and p.anchor is not None:
        return _anchored(text, span, scope, flags, fields, compact(ctx.text_of(p.anchor)), ctx)
    if cls is Conditional and p.anchor is not None:
        fields["trigger"] = _event_before(fields["trigger"], compact(ctx.text_of(p.anchor)))
    if cls is Recurrence:
        fields["count_min"] = p.count_min
    return new_result(cls, text, span, scope, flags, fields)


# The kinds new_result builds, each with the two fields its __post_init__ checks are in order (None: none).
# (Conditional is built by its constructor: its __post_init__ gives the reading after the trigger a text.)
_IN_ORDER: dict[type, tuple[str, str] | None] = {
    Deadline: ("start", "due"), Window: ("start", "end"), Ongoing: ("start", "end"),
    Recurrence: ("dtstart", "until"), Relative: None, Unresolved: None,
}
_MISSING = object()


def new_result(cls: type[Result], text: str, span: tuple[int, int], scope: str | None, flags: tuple[str, ...],
               fields: dict[str, Any]) -> Result:
    """``cls(text=text, span=span, scope=scope, flags=flags, **fields)``, built as the kind's ``__init__`` and
    ``__post_init__`` build it (the fields set in order, defaults for those not given, the order of its two days
    checked, equal spans, flags, short scopes and the kind's shared fields taken from ``results._SHARED``) without
    running them: the constructor is interpreted Python, this is compiled. Any other kind, or a field the kind
    does not have or lacks, goes to the constructor (its own errors). tests/test_fast.py compares the two."""
    plan = _PLANS[cls] if cls in _PLANS else _plan(cls)
    if plan is None:
        return cls(text=text, span=span, scope=scope, flags=flags, **fields)
    tail, defaults, early, late, shared, sets = plan
    values: list[Any] = [text, span, scope, flags]
    used = 0
    for k in range(len(tail)):
        value = fields.get(tail[k], _MISSING)
        if value is _MISSING:
            value = defaults[k]
            if value is _MISSING:
                return cls(text=text, span=span, scope=scope, flags=flags, **fields)
        else:
            used += 1
        values.append(value)
    if used != len(fields):
        return cls(text=text, span=span, scope=scope, flags=flags, **fields)
    if early >= 0:
        first, last = values[early], values[late]
        if first is not None and last is not None and first > last:
            raise ValueError(f"invalid {cls.kind}: {last} is before {first}")
    if type(span) is tuple:
        values[1] = pooled(span)
    if flags and type(flags) is tuple:
        values[3] = pooled(flags)
    if scope and len(scope) <= 32:
        values[2] = pooled(scope)
    for k in shared:
        if values[k] is not None:
            values[k] = pooled(values[k])
    out = object.__new__(cls)
    for k in range(len(values)):
        sets[k](out, values[k])
    return out


# per kind new_result builds: the fields after the four every kind has, their defaults (_MISSING: required), the
# indexes of the two days __post_init__ checks the order of (-1: none), of the shared fields, the slot setters
Plan = tuple[tuple[str, ...], tuple[Any, ...], int, int, tuple[int, ...], tuple[Any, ...]]
_PLANS: dict[type, Plan | None] = {}


def _plan(cls: type) -> Plan | None:
    names: tuple[str, ...] = getattr(cls, "_names")  # noqa: B009
    if cls not in _IN_ORDER or names[:4] != ("text", "span", "scope", "flags"):
        _PLANS[cls] = None
        return None
    defaults: dict[str, Any] = getattr(cls, "__result_defaults__")  # noqa: B009 - (set by results._dataclass)
    order = _IN_ORDER[cls]
    early, late = (-1, -1) if order is None else (names.index(order[0]), names.index(order[1]))
    shared: tuple[str, ...] = getattr(cls, "_shared")  # noqa: B009
    plan: Plan = (names[4:], tuple(defaults.get(name, _MISSING) for name in names[4:]), early, late,
                  tuple(names.index(name) for name in shared), setters(cls))
    _PLANS[cls] = plan
    return plan


def pooled(value: Any) -> Any:
    """The shared object equal to ``value`` (``results._SHARED``), ``value`` itself kept as one when there is none:
    what ``get(value) or _keep(value)`` gives in the results' ``__post_init__``."""
    pool: dict[Any, Any] = _POOL
    got = pool.get(value)
    if got is not None and got:
        return got
    if len(pool) >= _POOL_MAX:
        pool.clear()
    pool[value] = value
    return value


_SETTERS: dict[type, tuple[Any, ...]] = {}


def setters(cls: type) -> tuple[Any, ...]:
    """Each field's slot setter of a result kind, in field order (what the kind's own ``__init__`` calls: one
    call of a slot's ``__set__`` costs less than one of ``object.__setattr__``)."""
    got = _SETTERS.get(cls)
    if got is None:
        got = _SETTERS[cls] = tuple(getattr(cls, name).__set__ for name in getattr(cls, "_names"))  # noqa: B009
    return got


def _named_year_doubt(flags: tuple[str, ...], fields: dict[str, object]) -> tuple[str, ...]:
    """2025年省重点项目9月底前开工 in a notice of 2024-12: the year names the work (``object:2025年``) and 9月
    took the document's year — but a named year later than that may well be the year the work is due in: then
    the reading is a doubt, the named year's date in alternatives (reading named-year). A year before it names
    past work reported on (对2023年度项目开展审计，6月底前完成), as the object rule means."""
    named = next((int(m.group()) for f in flags if f.startswith("object:")
                  and (m := _FOUR_DIGITS.search(f)) is not None), None)
    due = fields.get("due")
    if named is None or not isinstance(due, date) or due.year >= named:  # past work named (2023年度总结): no doubt
        return flags
    try:
        other = due.replace(year=named)
    except ValueError:  # 2月29日 in a common year
        other = due.replace(year=named, day=28)
    alternatives = fields.get("alternatives") or ()
    fields["alternatives"] = (*alternatives, Alternative(other, "named-year"))  # type: ignore[misc]
    return (*flags, "ambiguous:year")


def _event_before(trigger: Trigger, words: str | None) -> Trigger:
    """重大决策作出后及时公开 → the event 重大决策作出; 法律、法规对…另有规定的 → the authority 法律、法规."""
    if trigger.type == "statute":
        return replace(trigger, authority=re.split("[对對]", words)[0] if words else None)
    return replace(trigger, event=words)


def compact(words: str | None) -> str | None:
    """An event's words without the spaces a table's layout put inside them (制 定 或 获 取 信 息)."""
    return None if words is None else "".join(words.split()) or None


def _anchored(text: str, span: tuple[int, int], scope: str | None, flags: tuple[str, ...],
              fields: dict[str, object], anchor: str | None, ctx: Context) -> Result:
    """<event>后N日内: the document's own issue (发文, 本意见印发) anchors at ref, anything else waits."""
    folded_anchor = fold(anchor).text if anchor else ""
    is_self = folded_anchor in lx.SELF_ISSUE or (folded_anchor.startswith("本") and
                                                  folded_anchor.endswith(lx.SELF_ISSUE))
    rel = Relative(text=text, span=span, scope=scope, flags=flags, offset=fields["offset"],  # type: ignore[arg-type]
                   anchor="ref" if is_self else anchor)
    return rel.resolved(ctx.ref) if is_self and ctx.ref is not None else rel


def flag_unread(text: str, folded: Folded, scan: str, items: list[Item], placed: list[Placed],
                start: int = 0, end: int | None = None, *, reach: int | None = None) -> None:
    """Add ``unread:<words>`` to the placed reading nearest each unread time word in ``scan[start:end]``.

    ``reach`` (extract) limits it to words at most that many characters from a reading, in its clause.
    """
    spans = [(p.item.start, p.item.end) for p in placed]
    for s, e in unread_spans(scan, [(it.start, it.end) for it in items], start, end):
        k = nearest(spans, (s, e))
        if reach is not None:
            gap = (min(spans[k][1], s), max(spans[k][0], e))
            if max(s - spans[k][1], spans[k][0] - e) > reach or any(c in lx.CLAUSE_SEPARATORS for c in
                                                                   scan[gap[0]:gap[1]]):
                continue
        if is_term_label(scan[s:e]) and _fully_dated(placed[k].item.parse, year=scan[s:e] in lx.SCHOOL_YEAR_WORDS):
            # 秋季学期第11周(2021.11.15-2021.11.19) · 夏季麦收前(5月30日—6月4日): a label beside the days it
            # names changes nothing (a school term's may change the year: 寒假 in the 2023 school year is 2024's)
            continue
        if isinstance(placed[k].item.parse, RangeP) and scan.endswith(lx.SPAN_LENGTH_OPENERS, max(0, s - 4), s) \
                and scan[s:s + 1].isdigit():
            continue  # 3月15日-4月15日(共30天): the range's own length, said again
        if (hour := _clock_after_day(scan, placed[k], s, e)) is not None:
            if f"time:{hour}" not in placed[k].flags:
                placed[k].flags.append(f"time:{hour}")  # 2024年6月8日，9:00-11:30: the day's hours
            if (scope := placed[k].scope) is not None and placed[k].item.end <= scope[0] <= s:
                placed[k].scope = trim(scan, (e, scope[1]))  # the hours are no part of the task
            continue
        _flag(text, folded, placed[k], (s, e))
    _flag_events_after_years(text, folded, scan, items, placed, start, len(scan) if end is None else end)


_CLOCK = compiled(r"([01]?\d|2[0-4])(?::([0-5]\d)|[时点](?:([0-5]?\d)分|(半))?)")  # 17:30 · 17时30分 · 5点半
# between a day's reading and its hours: a comma, a space, other hours and their joiners, 上午 / 下午
_DAYPART = f"(?:{AMPM})?"
_TO_HOURS = compiled(rf"[, \u3000]*(?:{_DAYPART}\d{{1,2}}:\d\d[—\-~至到]{{0,2}}[, \u3000]*)*{_DAYPART}")


def _clock_after_day(scan: str, p: Placed, s: int, e: int) -> str | None:
    """2010年7月20日—29日，上午8:30—下午5:00 · 四季度季后13日，12:00: hours written after a day's reading, in
    its sentence, are the day's (time:HH:MM), not a time word left unread. None if they are not."""
    m = _CLOCK.fullmatch(scan, s, e)
    if m is None or p.item.end > s:
        return None
    if not (m.group(2) and _TO_HOURS.fullmatch(scan, p.item.end, s) and _day_level(p.item.parse)) \
            and not (isinstance(p.item.parse, RecurP) and p.item.parse.time
                     and scan[p.item.end:s].strip(" \u3000") in lx.RANGE_JOINERS):
        return None  # (每日16时至24时: the end of each day's hours, after a rhythm that kept their start)
    hour = int(m.group(1))
    if scan.endswith(lx.AFTERNOON, max(0, s - 2), s) and hour < 12:
        hour += 12  # 下午5:00 → 17:00
    minutes = m.group(2) or m.group(3) or ("30" if m.group(4) else "0")
    return f"{hour:02d}:{int(minutes):02d}"


def _day_level(parse: object) -> bool:
    if isinstance(parse, DeadlineP):
        return parse.when.day is not None or parse.after is not None
    if isinstance(parse, RangeP):
        return parse.end.day is not None
    return False


def _flag(text: str, folded: Folded, p: Placed, span: tuple[int, int]) -> None:
    words = "".join(original_text(text, folded, span) or "").replace(" ", "")
    flag = f"unread:{words}"
    if flag not in p.flags:
        p.flags.append(flag)


def _flag_events_after_years(text: str, folded: Folded, scan: str, items: list[Item], placed: list[Placed],
                             start: int, end: int) -> None:
    """2024年高考前 · 2024年“两会”期间: a bare year read as the whole year, an event and 前 / 期间 / 后 after it
    in the words no reading took — the year dates the event, not the task: ``unread:<event><edge>``."""
    for p in placed:
        grain = _bare_grain(p.item.parse)
        if not (start <= p.item.end <= end) or grain is None:
            continue
        found = event_after_year(scan, p.item.end, end)
        if found is None:
            continue
        s, edge, e = found
        if grain == "month" and not scan.startswith(lx.EVENT_EDGES_WITHIN, edge):
            continue  # 2024年6月高考前 (the exam is in June: a date inside the month), not 6月开展检查后
        # the event's words hold no reading but a trigger's (中考|结束后: the trigger took the edge), and no
        # time word in them was flagged already (2024年汛期前: unread:汛期)
        if any(s <= it.start < edge and not isinstance(it.parse, TriggerP) for it in items) \
                or any(f.startswith("unread:") and f[7:] in scan[s:e] for f in p.flags):
            continue
        _flag(text, folded, p, (s, e))


def _bare_grain(parse: object) -> str | None:
    """"year" for 2024年 / 明年 alone, "month" for 6月 / 2024年6月 alone (no day, part, holiday, edge or cue:
    2024年前 and 6月底 are read), else None."""
    if not isinstance(parse, DeadlineP) or parse.cue is not None or parse.after is not None:
        return None
    w = parse.when
    if w.day is not None or w.holiday is not None or w.edge is not None or w.rel_period is not None or w.mid \
            or w.cumulative or w.quarter is not None or w.half is not None:
        return None
    if w.month is not None:
        return "month" if w.xun is None and w.half_month is None else None
    return "year" if w.year is not None or w.rel_year is not None else None


def _fully_dated(parse: object, *, year: bool = True) -> bool:
    """A reading whose month and day (and, with ``year``, year) are all written (a range: both ends' days, the
    start's year)."""
    if isinstance(parse, DeadlineP):
        w = parse.when
        return (w.year is not None or not year) and w.day is not None and not parse.after
    if isinstance(parse, RangeP):
        return (parse.start.year is not None or not year) and parse.start.day is not None \
            and parse.end.day is not None
    if isinstance(parse, OngoingP):  # 10月1日起，学校执行冬季作息时间: the season names the schedule begun that day
        return parse.start is not None and parse.start.day is not None and (parse.start.year is not None or not year)
    if isinstance(parse, RecurP):  # 汛期（6月1日至9月30日）每日报送: the season's days bound the rule
        return parse.since is not None and parse.until is not None and parse.since.day is not None \
            and parse.until.day is not None and (parse.since.year is not None or not year)
    return False
