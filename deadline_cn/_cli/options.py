"""Arguments shared by the commands, checked where argparse can say "exit 2", and safe output files."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from deadline_cn._read.normalise import as_date
from deadline_cn.documents.grid import MAX_BYTES, MAX_ROWS, DocumentError, Limits
from deadline_cn.documents.write import check_output, replace_atomically

PROG = "deadline-cn"
YEARS = (1900, 2199)  # the years a reading can hold (invalid:year outside)


def iso_date(text: str) -> date:
    """--ref / --as-of: the library's own reading of a date, as an argparse error when it fails."""
    try:
        day = as_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: use YYYY-MM-DD") from None
    assert day is not None
    return day


def plan_year(text: str) -> int:
    """--plan-year: four digits, 1900–2199 ("17" is not 2017, and "0017" is not a plan's year)."""
    value = text.strip()
    if not value.isdigit() or len(value) != 4 or not YEARS[0] <= int(value) <= YEARS[1]:
        raise argparse.ArgumentTypeError(f"invalid year {text!r}: give four digits, {YEARS[0]}–{YEARS[1]}")
    return int(value)


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"invalid number {text!r}: give a positive whole number")
    return value


def parser(name: str, description: str, epilog: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=f"{PROG} {name}", description=description, epilog=epilog,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)


def add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ref", type=iso_date, metavar="DATE",
                   help="the document's date (发文日期), YYYY-MM-DD: supplies 今年 and missing years")
    p.add_argument("--plan-year", type=plan_year, metavar="YEAR",
                   help="the year the plan is for, 1900–2199 (default: the year of --ref)")
    p.add_argument("--month-before", choices=("inclusive", "strict"), default="inclusive",
                   help='"9月前": inclusive = by 9-30 (default), strict = by 8-31')
    p.add_argument("--ics", type=Path, metavar="FILE",
                   help="also write the readings as an RFC 5545 calendar (needs deadline-cn[ics])")
    p.add_argument("--calendar", type=load_calendar, action="append", metavar="FILE",
                   help="load a year's holiday notice (format: docs/calendar-2026.txt); repeatable")


def load_calendar(path: str) -> str:
    """--calendar: load a holiday notice file (deadline_cn.calendar.load) while the arguments are read."""
    from deadline_cn import calendar

    try:
        calendar.load(path)
    except (OSError, ValueError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return path


def add_files(p: argparse.ArgumentParser) -> None:
    """Options of commands that read a document and write files."""
    p.add_argument("--force", action="store_true", help="replace an existing -o / --ics / --plot file")
    p.add_argument("--encoding", metavar="NAME", help="the encoding of a text/HTML input (default: detected)")
    p.add_argument("--max-bytes", type=positive, default=MAX_BYTES, metavar="N",
                   help=f"refuse files that unpack to more than N bytes (default {MAX_BYTES:,})")
    p.add_argument("--max-rows", type=positive, default=MAX_ROWS, metavar="N",
                   help=f"refuse documents with more than N rows (default {MAX_ROWS:,})")


def limits(args: argparse.Namespace) -> Limits:
    return Limits(max_bytes=args.max_bytes, max_rows=args.max_rows)


def check_outputs(args: argparse.Namespace, inputs: Iterable[Path]) -> None:
    """Before reading anything: no output may be an input, nor replace a file without --force."""
    sources = list(inputs)
    outputs = [out for out in (getattr(args, name, None) for name in ("output", "ics", "plot")) if out is not None]
    for i, out in enumerate(outputs):
        check_output(out, sources, force=getattr(args, "force", False))
        if any(out.resolve() == other.resolve() for other in outputs[:i]):
            raise DocumentError(f"{out}: is given for two outputs; write each to its own file")


@contextlib.contextmanager
def output(path: Path | None, *, bom: bool = False) -> Iterator[IO[str]]:
    """stdout, or ``path`` written whole through a temporary file; ``bom``: UTF-8 with a BOM."""
    if path is None:
        if bom:
            sys.stdout.write("\ufeff")
        yield sys.stdout
        return
    with replace_atomically(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        yield f
