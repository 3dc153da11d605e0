"""The CLI's ``--ics``: ledger rows and phrases → calendar entries → a file, with a note on stderr."""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from pathlib import Path

from deadline_cn.documents import ics as _ics
from deadline_cn.documents.rows import Row
from deadline_cn.documents.write import replace_atomically
from deadline_cn.results import Result

TASK_HEADERS = ("具体要求", "工作任务", "重点任务", "主要任务", "任务", "工作内容", "主要内容", "事项", "内容")
UNIT_HEADERS = ("牵头", "责任单位", "负责单位", "单位", "部门")


def pick(cells: dict[str, str], wanted: tuple[str, ...]) -> str | None:
    for word in wanted:
        for name, value in cells.items():
            if word in name and value.strip():
                return value.strip()
    return None


def table_entries(row: Row, source: str, plan: str = "", *, phrase: bool = False) -> list[_ics.Entry]:
    """The entries of a ledger row: SUMMARY the task, CATEGORIES the unit, every column in DESCRIPTION.

    The UID comes from what identifies the task — ``plan`` (the document's title or id), the task text
    and the deadline text — not from the file name or row number, so a revised table updates its entries.
    ``phrase``: the row is one of several deadlines found in a task's text, and the phrase joins the key.
    """
    summary = pick(row.cells, TASK_HEADERS) or row.text
    unit = pick(row.cells, UNIT_HEADERS)
    details = [f"{k}: {v}" for k, v in row.cells.items() if v.strip()]
    details.append(f"Source: {source}, {row.source} row {row.source_row}"
                   + (f" (deadline filled down: {row.fill})" if row.fill else ""))
    key = f"{plan}|{summary}|{unit or ''}" + (f"|{row.text}" if phrase else "")
    return _ics.entries(row.result, summary=summary, key=key,
                        details=details, categories=(unit,) if unit else ())


def phrase_entries(result: Result, key: str) -> list[_ics.Entry]:
    return _ics.entries(result, summary=result.text.strip() or "(empty)", key=key,
                        details=[f"Text: {result.text}"])


def stamp(path: Path | None, ref: date | None, plan_year: int | None) -> datetime:
    """DTSTAMP without reading a clock: the input file's mtime, else the ref date, else 1 January."""
    if path is not None and path.is_file():
        return datetime.fromtimestamp(int(path.stat().st_mtime), timezone.utc)
    day = ref or date(plan_year or 1970, 1, 1)
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def write_ics(items: list[_ics.Entry], path: Path, dtstamp: datetime, *, quiet: bool = False,
              todo: bool = False) -> None:
    """Write the calendar; list on stderr the entries that have no date (they are in the file too)."""
    data = _ics.to_ics(items, dtstamp=dtstamp, name=path.stem, todo=todo)
    with replace_atomically(path, "wb") as f:
        f.write(data)
    if quiet:
        return
    missing = _ics.undated(items)
    what = "to-dos" if todo else "events"
    print(f"{path}: {len(items)} {what}, {len(items) - len(missing)} with dates", file=sys.stderr)
    for entry in missing:
        print(f"  no date: {entry.summary[:40]} — {entry.result.describe()}", file=sys.stderr)
