"""The ``batch`` and ``table`` commands of ``deadline-cn``, and the ``--ics`` writing they share."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO

from deadline_cn import table
from deadline_cn._cli import batch as _batch
from deadline_cn._cli import ics as _ics
from deadline_cn._cli.extras import need
from deadline_cn._cli.table_out import FORMATS, write_csv, write_jsonl, write_xlsx
from deadline_cn._cli.term import Progress, is_tty
from deadline_cn._read.normalise import as_date
from deadline_cn.results import Result, Unresolved

PROG = "deadline-cn"
TASK_HEADERS = ("具体要求", "工作任务", "重点任务", "主要任务", "任务", "工作内容", "主要内容", "事项", "内容")
UNIT_HEADERS = ("牵头", "责任单位", "负责单位", "单位", "部门")
BATCH_EXAMPLES = f"""input lines: a phrase, or JSON {{"text": ..., "ref": "YYYY-MM-DD", "plan_year": 2021, "id": ...}}
output: one JSON line per input line, in order: the result dict plus "line"; a bad line gives
  {{"line": N, "error": "...", "input": "<the line>"}} and the run goes on.
examples:
  {PROG} batch cells.txt --ref 2017-01-09 > readings.jsonl
  cut -f4 plan.tsv | {PROG} batch - --plan-year 2016 --strict | jq -c 'select(.kind == "unresolved")'"""
TABLE_EXAMPLES = f"""output columns: the table's own, then kind, due, start, end, rrule, trigger, flags, description,
  filled_down (merged / blank / ditto), parts (a compound's parts), source, source_row; with --as-of also
  status (passed / due in N days / ongoing / waiting on a trigger …) and days_left.
examples:
  {PROG} table 分工方案.docx --ref 2021-07-01 > 台账.csv
  {PROG} table plan.xlsx --plan-year 2016 --as-of 2016-09-01 --due-before 2016-12-31 --to xlsx -o 台账.xlsx
  {PROG} table plan.csv --column 时间节点 --to jsonl --ics plan.ics"""


def iso_date(text: str) -> date:
    """--ref / --as-of: the library's own reading of a date, as an argparse error when it fails."""
    try:
        day = as_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: use YYYY-MM-DD") from None
    assert day is not None
    return day


def load_calendar(path: str) -> str:
    """--calendar: load a holiday notice file (deadline_cn.calendar.load) while the arguments are read."""
    from deadline_cn import calendar

    try:
        calendar.load(path)
    except (OSError, ValueError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return path


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ref", type=iso_date, metavar="DATE",
                        help="the document's date (发文日期), YYYY-MM-DD: supplies 今年 and missing years")
    parser.add_argument("--plan-year", type=int, metavar="YEAR",
                        help="the year the plan is for (default: the year of --ref)")
    parser.add_argument("--month-before", choices=("inclusive", "strict"), default="inclusive",
                        help='"9月前": inclusive = by 9-30 (default), strict = by 8-31')
    parser.add_argument("--ics", type=Path, metavar="FILE",
                        help="also write the readings as RFC 5545 to-dos (needs deadline-cn[ics])")
    parser.add_argument("--calendar", type=load_calendar, action="append", metavar="FILE",
                        help="load a year's holiday notice (format: docs/calendar-2026.txt); repeatable")


def _parser(name: str, description: str, epilog: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=f"{PROG} {name}", description=description, epilog=epilog,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)


def batch(argv: list[str]) -> int:
    p = _parser("batch", "Read many phrases: plain lines or JSONL in, JSONL out.", BATCH_EXAMPLES)
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="input file; - or none: stdin")
    add_common(p)
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    p.add_argument("--strict", action="store_true", help="exit 1 when any line is unresolved or bad")
    p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    args = p.parse_args(argv)
    if args.ics:
        need("icalendar", "--ics")
    defaults = _batch.Options(args.ref.isoformat() if args.ref else None, args.plan_year, args.month_before)
    with _input(args.file) as (lines, size), _output(args.output) as out:
        bar = None if args.no_progress or not is_tty(sys.stderr) else Progress(sys.stderr, size)
        counts = _batch.run(lines, out.write, defaults, keep=args.ics is not None,
                            tick=bar.update if bar else None)
        if bar:
            bar.close(size or 0, counts.lines)
    if args.ics:
        items = [e for n, r in counts.results for e in phrase_entries(r, f"{args.file}:{n}")]
        write_ics(items, args.ics, stamp(None if args.file == "-" else Path(args.file), args.ref,
                                         args.plan_year))
    failed = counts.unresolved + counts.errors
    if is_tty(sys.stderr) or (args.strict and failed):
        print(f"{PROG} batch: {counts.lines:,} lines, {counts.unresolved:,} unresolved, "
              f"{counts.errors:,} bad", file=sys.stderr)
    return 1 if args.strict and failed else 0


@contextlib.contextmanager
def _input(name: str) -> Iterator[tuple[IO[bytes], int | None]]:
    if name == "-":
        if is_tty(sys.stdin):
            print(f"{PROG} batch: reading phrases from the terminal, one a line (Ctrl-D ends)", file=sys.stderr)
        stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
        yield stream, None
        return
    with open(name, "rb") as f:
        info = os.fstat(f.fileno())
        yield f, info.st_size if stat.S_ISREG(info.st_mode) else None


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        yield f


def table_cmd(argv: list[str]) -> int:
    p = _parser("table", "Read a work-plan table (.docx, .xlsx, .csv) into a ledger with real dates.",
                TABLE_EXAMPLES)
    p.add_argument("file", type=Path, metavar="FILE", help=".docx, .xlsx or .csv")
    p.add_argument("--column", metavar="NAME", help="the deadline column's header (default: 完成时限, 完成时间 …)")
    p.add_argument("--sheet", metavar="NAME", help="only this sheet of an .xlsx")
    add_common(p)
    p.add_argument("--to", choices=FORMATS, help="output format (default: from -o's suffix, else csv)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="add status and days_left on this date")
    p.add_argument("--due-before", type=iso_date, metavar="DATE",
                   help="keep only rows with something due on or before DATE")
    p.add_argument("--strict", action="store_true", help="exit 1 when any row is unresolved")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    args = p.parse_args(argv)
    fmt = args.to or (args.output.suffix.lstrip(".").lower() if args.output else "csv")
    if fmt not in FORMATS:
        p.error(f"cannot tell the format of {args.output}: give --to {{{','.join(FORMATS)}}}")
    if fmt == "xlsx" and args.output is None:
        p.error("--to xlsx needs -o FILE")
    if args.ics:
        need("icalendar", "--ics")
    rows = table.read(args.file, column=args.column, ref=args.ref, plan_year=args.plan_year,
                      month_before=args.month_before, sheet=args.sheet)
    kept = table.due_before(rows, args.due_before) if args.due_before else rows
    _write_ledger(kept, fmt, args.output, args.as_of)
    if not args.quiet:
        _table_summary(args, rows, kept)
    if args.ics:
        items = [e for row in kept for e in table_entries(row, args.file.name)]
        write_ics(items, args.ics, stamp(args.file, args.ref, args.plan_year), quiet=args.quiet)
    return 1 if args.strict and any(isinstance(r.result, Unresolved) for r in rows) else 0


def _write_ledger(rows: list[table.Row], fmt: str, output: Path | None, as_of: date | None) -> None:
    if fmt == "xlsx":
        assert output is not None
        write_xlsx(rows, output, as_of)
        return
    writer = write_csv if fmt == "csv" else write_jsonl
    if output is None:
        writer(rows, sys.stdout, as_of)
        return
    # a BOM lets Excel open a UTF-8 CSV with its Chinese intact
    with open(output, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as f:
        writer(rows, f, as_of)


def _table_summary(args: argparse.Namespace, rows: list[table.Row], kept: list[table.Row]) -> None:
    columns = sorted({r.deadline_column for r in rows})
    filled = sum(r.filled_down for r in rows)
    bad = sum(isinstance(r.result, Unresolved) for r in rows)
    text = (f"{args.file.name}: {len(rows)} rows (column {', '.join(columns) or '-'}; {filled} filled down, "
            f"{bad} unresolved)")
    if args.due_before:
        text += f"; {len(kept)} due on or before {args.due_before}"
    print(text, file=sys.stderr)


def _pick(cells: dict[str, str], wanted: tuple[str, ...]) -> str | None:
    for word in wanted:
        for name, value in cells.items():
            if word in name and value.strip():
                return value.strip()
    return None


def table_entries(row: table.Row, source: str) -> list[_ics.Entry]:
    """The to-dos of a ledger row: SUMMARY the task, CATEGORIES the unit, every column in DESCRIPTION."""
    summary = _pick(row.cells, TASK_HEADERS) or row.text
    unit = _pick(row.cells, UNIT_HEADERS)
    details = [f"{k}: {v}" for k, v in row.cells.items() if v.strip()]
    details.append(f"Source: {source}, {row.source} row {row.source_row}"
                   + (f" (deadline filled down: {row.fill})" if row.fill else ""))
    return _ics.entries(row.result, summary=summary, key=f"{source}:{row.source}:{row.source_row}",
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


def write_ics(items: list[_ics.Entry], path: Path, dtstamp: datetime, *, quiet: bool = False) -> None:
    """Write the calendar; list on stderr the to-dos that have no date (they are in the file too)."""
    path.write_bytes(_ics.to_ics(items, dtstamp=dtstamp, name=path.stem))
    if quiet:
        return
    missing = _ics.undated(items)
    print(f"{path}: {len(items)} to-dos, {len(items) - len(missing)} with dates", file=sys.stderr)
    for entry in missing:
        print(f"  no date: {entry.summary[:40]} — {entry.result.describe()}", file=sys.stderr)


COMMANDS: dict[str, Callable[[list[str]], int]] = {"batch": batch, "table": table_cmd}
