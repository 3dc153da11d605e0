"""One result → the flat columns of a ledger (台账): due, start, end, rrule, trigger, status.

Per kind: a deadline gives ``due`` (and ``start`` when the cell names a period, 第1季度完成); a window
gives ``start``/``end``; ongoing work ``start``/``end`` (end empty: open-ended); a recurrence ``start``
(its dtstart), ``end`` (its until) and ``rrule``; a conditional ``trigger`` (plus the dates of what follows
the trigger, if the cell says); a relative offset ``due`` when its anchor is the document date, else
``trigger`` names the event it waits on. A compound cell stays one row: ``due`` is its latest part's due,
``start`` the earliest start, ``end`` the latest end, ``rrule`` and ``trigger`` are joined with "; ", and
``parts`` lists every part's own reading.

``status(result, as_of)`` says where the work stands on ``as_of``: "passed" (the done-by date is over),
"due today", "due in N days", "starts in N days", "ongoing", "waiting on a trigger" or "unresolved";
``label(state, "zh")`` gives the Chinese words of a 台账 (已逾期, 今日到期, 剩余N天, N天后开始, 持续, 待触发, 未识别).

``summarise`` is the ONE place a reading is flattened to ledger columns: the ledger rows, the CSV/XLSX
columns and the ``parts`` column all go through it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from deadline_cn.records import Record, flatten
from deadline_cn.results import Compound, Conditional, Recurrence, Result, Unresolved

LEDGER_FIELDS = ("kind", "due", "start", "end", "rrule", "trigger", "flags", "description")
LANGS = ("en", "zh")
_ZH_STATES = {"passed": "已逾期", "due today": "今日到期", "ongoing": "持续", "waiting on a trigger": "待触发",
              "unresolved": "未识别"}
_ZH_COUNTS = ((re.compile(r"due in (\d+) days?"), "剩余{}天"), (re.compile(r"starts in (\d+) days?"), "{}天后开始"))
# the ledger's own columns in a Chinese 台账 (the table's own columns keep their names)
ZH_COLUMNS = {"kind": "类型", "due": "完成日期", "start": "开始日期", "end": "结束日期", "rrule": "重复规则",
              "trigger": "触发条件", "flags": "标记", "description": "解读", "filled_down": "向下填充",
              "parts": "分项", "source": "来源", "source_row": "来源行", "status": "状态", "days_left": "剩余天数",
              "uid": "标识", "where": "出处", "text": "原文"}


def label(state: str, lang: str = "en") -> str:
    """A status of :func:`status` in ``lang`` ("en": as is; "zh": 已逾期, 剩余N天, 持续, 待触发, …)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if lang == "en":
        return state
    for pattern, words in _ZH_COUNTS:
        m = pattern.fullmatch(state)
        if m:
            return words.format(m.group(1))
    return _ZH_STATES.get(state, state)


# One flattening in the project: the ledger's columns are the public flat record's.
Summary = Record


def summarise(result: Result) -> Summary:
    """The ledger columns of one result (see :mod:`deadline_cn.records` for each kind)."""
    return flatten(result)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def dues(result: Result) -> list[date]:
    """Every done-by date in the reading (a compound's parts, a conditional's follow-up)."""
    if isinstance(result, Compound):
        return [d for p in result.parts for d in dues(p)]
    if isinstance(result, Conditional):
        return dues(result.then) if result.then is not None else []
    due = summarise(result).due
    return [_day(due)] if due is not None else []


def status(result: Result, as_of: date) -> tuple[str, int | None]:
    """Where the work stands on ``as_of`` and, when a date decides it, the days left (negative: late)."""
    if isinstance(result, Compound):
        return _compound_status([status(p, as_of) for p in result.parts])
    if isinstance(result, Conditional):
        return status(result.then, as_of) if result.then is not None else ("waiting on a trigger", None)
    if isinstance(result, Unresolved):
        return "unresolved", None
    if isinstance(result, Recurrence):
        return _recurrence_status(result, as_of)
    s = summarise(result)
    if s.due is not None:
        return _due_status((_day(s.due) - as_of).days)
    if s.trigger is not None:
        return "waiting on a trigger", None
    if s.start is not None and s.start > as_of:
        days = (s.start - as_of).days
        return f"starts in {days} day{'s' * (days != 1)}", days
    if s.end is not None and s.end < as_of:
        return "passed", (s.end - as_of).days
    return "ongoing", None


def _due_status(days: int) -> tuple[str, int]:
    if days < 0:
        return "passed", days
    return ("due today" if days == 0 else f"due in {days} day{'s' * (days != 1)}"), days


def _recurrence_status(rec: Recurrence, as_of: date) -> tuple[str, int | None]:
    if rec.until is not None and rec.until < as_of:
        return "passed", (rec.until - as_of).days
    if rec.dtstart is not None and rec.dtstart > as_of:
        days = (rec.dtstart - as_of).days
        return f"starts in {days} day{'s' * (days != 1)}", days
    if rec.rrule_text and "BYMONTHDAY" in rec.rrule_text and rec.dtstart is not None:
        nxt = rec.rrule().after(datetime(as_of.year, as_of.month, as_of.day), inc=True)
        if nxt is not None:
            return _due_status((nxt.date() - as_of).days)
    return "ongoing", None


def _compound_status(parts: list[tuple[str, int | None]]) -> tuple[str, int | None]:
    """The most pressing part: the nearest pending due, else ongoing, else starting, waiting, passed."""
    pending = [p for p in parts if p[0].startswith("due") and p[1] is not None]
    if pending:
        return min(pending, key=lambda p: p[1] or 0)
    for prefix in ("ongoing", "starts", "waiting", "passed"):
        hits = [p for p in parts if p[0].startswith(prefix)]
        if hits:
            return max(hits, key=lambda p: p[1] or 0) if prefix == "passed" else hits[0]
    return "unresolved", None


def part_summaries(result: Result) -> list[dict[str, Any]]:
    """For a compound, each part's kind, dates, rrule, trigger and scope, those it has (the ``parts``
    column); else an empty list."""
    if not isinstance(result, Compound):
        return []
    out = []
    for part in result.parts:
        s = summarise(part)
        item = {"kind": part.kind, "due": s.due, "start": s.start, "end": s.end, "rrule": s.rrule,
                "trigger": s.trigger, "scope": part.scope}
        out.append({k: (v.isoformat() if isinstance(v, date) else v) for k, v in item.items() if v is not None})
    return out
