"""The ``batch`` and ``table`` commands of ``deadline-cn``: arguments in, files and lines out."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TextIO, cast

from deadline_cn import table
from deadline_cn._cli import batch as _batch
from deadline_cn._cli.calendar_out import phrase_entries, stamp, table_entries, write_ics
from deadline_cn._cli.options import PROG, add_common, add_files, check_outputs, iso_date, limits, output, parser
from deadline_cn._cli.plot_out import add_plot, check_plot, write_plot
from deadline_cn._cli.term import Progress, is_tty, steps
from deadline_cn.documents.extras import need
from deadline_cn.documents.ics import unique
from deadline_cn.documents.plan import find_info
from deadline_cn.documents.read import read_document
from deadline_cn.documents.rows import task_rows
from deadline_cn.documents.text import encoding_of, wider
from deadline_cn.documents.write import FORMATS, write_csv, write_jsonl, write_xlsx
from deadline_cn.results import Unresolved

BATCH_EXAMPLES = f"""input lines: a phrase, or JSON {{"text": ..., "ref": "YYYY-MM-DD", "plan_year": 2021, "id": ...}}
  in UTF-8 (with or without BOM), GBK/GB18030 or UTF-16, found from the start of the input
  (--encoding forces one).
output: one JSON line per input line, in order: the result dict plus "line"; a bad line gives
  {{"line": N, "error": "...", "input": "<the line>"}} and the run goes on to the last line; then a summary
  on stderr and exit code 1 when any line was bad (with --strict also when any was unresolved).
examples:
  {PROG} batch cells.txt --ref 2017-01-09 > readings.jsonl
  cut -f4 plan.tsv | {PROG} batch - --plan-year 2016 --strict | jq -c 'select(.kind == "unresolved")'"""
TABLE_EXAMPLES = f"""inputs: .docx .xlsx .xls .et .ods .csv .tsv, HTML, PDF, and .doc/.wps with LibreOffice installed;
  the format is found from the file's content, not its name.
output columns: the table's own, then kind, due, start, end, rrule, trigger, flags, description,
  filled_down (merged / blank / ditto), parts (a compound's parts), source, source_row; with --as-of also
  status (passed / due in N days / ongoing / waiting on a trigger …) and days_left (--lang zh: Chinese).
files: -o, --ics and --plot never replace the input, and replace an existing file only with --force. CSV cells
  that a spreadsheet would run as formulas (= + - @) get a ' in front (--raw-cells: as they are).
  CSV has a UTF-8 BOM (for Excel) when written to a file, or to stdout with --excel.
examples:
  {PROG} table 分工方案.docx --ref 2021-07-01 > 台账.csv
  {PROG} table plan.xls --plan-year 2016 --as-of 2016-09-01 --due-before 2016-12-31 --to xlsx -o 台账.xlsx
  {PROG} table plan.csv --column 时间节点 --to jsonl --ics plan.ics"""


def batch(argv: list[str]) -> int:
    p = parser("batch", "Read many phrases: plain lines or JSONL in, JSONL out.", BATCH_EXAMPLES)
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="input file; - or none: stdin")
    add_common(p)
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace an existing -o / --ics file")
    p.add_argument("--encoding", metavar="NAME", help="the input's encoding (default: detected)")
    p.add_argument("--strict", action="store_true", help="exit 1 also when any line is unresolved")
    p.add_argument("--todo", action="store_true", help="--ics writes to-dos (VTODO), not all-day events")
    p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    args = p.parse_args(argv)
    _check_encoding(p, args.encoding)
    if args.ics:
        need("icalendar", "--ics")
    check_outputs(args, [] if args.file == "-" else [Path(args.file)])
    defaults = _batch.Options(args.ref.isoformat() if args.ref else None, args.plan_year, args.month_before)
    with _input(args.file, args.encoding) as (lines, size, encoding, found), output(args.output) as out:
        bar = None if args.no_progress or not is_tty(sys.stderr) else Progress(sys.stderr, size)
        counts = _batch.run(lines, out.write, defaults, encoding=encoding, keep=args.ics is not None,
                            tick=bar.update if bar else None)
        if bar:
            bar.close(size or 0, counts.lines)
    if args.ics:
        items = unique([e for n, r in counts.results for e in phrase_entries(r, r.text)])
        write_ics(items, args.ics, stamp(None if args.file == "-" else Path(args.file), args.ref,
                                         args.plan_year), todo=args.todo)
    if is_tty(sys.stderr) or counts.errors or (args.strict and counts.unresolved):
        print(f"{PROG} batch: {counts.lines:,} lines, {counts.unresolved:,} unresolved, "
              f"{counts.errors:,} bad ({found})", file=sys.stderr)
    return 1 if counts.errors or (args.strict and counts.unresolved) else 0


def _check_encoding(p: argparse.ArgumentParser, name: str | None) -> None:
    if name is not None:
        try:
            wider(name)
        except LookupError:
            p.error(f"unknown encoding {name!r} (e.g. utf-8, gb18030, utf-16)")


@contextlib.contextmanager
def _input(name: str, forced: str | None) -> Iterator[tuple[Iterable[bytes], int | None, str, str]]:
    """The input's lines (bytes split on b"\\n"), its size when known, the encoding of those lines, and
    the encoding the input was found in."""
    if name == "-":
        if is_tty(sys.stdin):
            print(f"{PROG} batch: reading phrases from the terminal, one a line (Ctrl-D ends)", file=sys.stderr)
        stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
        yield _lines(stream, forced, None)
        return
    with open(name, "rb") as f:
        info = os.fstat(f.fileno())
        yield _lines(f, forced, info.st_size if stat.S_ISREG(info.st_mode) else None)


def _lines(stream: IO[bytes], forced: str | None,
           size: int | None) -> tuple[Iterable[bytes], int | None, str, str]:
    peek = getattr(stream, "peek", None)
    head = peek(65536)[:65536] if peek is not None else b""
    encoding = wider(forced) if forced else encoding_of(head) if head else "utf-8"
    if encoding.replace("_", "-").startswith("utf-16"):  # b"\n" is not a line end there: decode it whole
        return _batch.split_lines(stream.read(), encoding), size, "utf-8", encoding
    return stream, size, "utf-8" if encoding == "utf-8-sig" else encoding, encoding


def table_cmd(argv: list[str]) -> int:
    p = parser("table", "Read a work-plan table into a ledger with real dates.", TABLE_EXAMPLES)
    p.add_argument("file", type=Path, metavar="FILE", help="the plan: .docx .xlsx .xls .et .ods .csv HTML PDF .doc")
    p.add_argument("--column", metavar="NAME", help="the deadline column's header (default: 完成时限, 完成时间 …)")
    p.add_argument("--sheet", metavar="NAME", help="only this sheet of a workbook")
    add_ledger_options(p)
    p.add_argument("--due-before", type=iso_date, metavar="DATE",
                   help="keep only rows with something due on or before DATE")
    args = p.parse_args(argv)
    fmt = ledger_format(p, args)
    bar = steps(sys.stderr, args.file.name, "pages", off=args.quiet or args.no_progress)
    try:
        doc = read_document(args.file, args.sheet, limits(args), args.encoding, bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    rows = task_rows(doc, column=args.column, ref=args.ref, plan_year=args.plan_year, month_before=args.month_before)
    kept = table.due_before(rows, args.due_before) if args.due_before else rows
    write_ledger(kept, fmt, args)
    if not args.quiet:
        _table_summary(args, rows, kept)
    if args.ics:
        plan = find_info(doc.paragraphs).identity  # the plan's number or title, if it has prose to say it
        items = unique([e for row in kept for e in table_entries(row, args.file.name, plan)])
        write_ics(items, args.ics, stamp(args.file, args.ref, args.plan_year), quiet=args.quiet, todo=args.todo)
    if args.plot:
        write_plot(kept, args.plot, args.as_of, args.file.name)
    return 1 if args.strict and any(isinstance(r.result, Unresolved) for r in rows) else 0


def add_ledger_options(p: argparse.ArgumentParser) -> None:
    """Options of the commands that write a ledger (``table``, ``ledger``)."""
    add_common(p)
    add_files(p)
    p.add_argument("--to", choices=FORMATS, help="output format (default: from -o's suffix, else csv)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="add status and days_left on this date")
    p.add_argument("--lang", choices=("en", "zh"), default="en",
                   help="language of the ledger's own column names and statuses (zh: 已逾期, 剩余N天 …)")
    p.add_argument("--excel", action="store_true", help="CSV on stdout with a UTF-8 BOM, as Excel wants")
    p.add_argument("--raw-cells", action="store_true",
                   help="write CSV cells as they are, even those a spreadsheet would run as formulas")
    p.add_argument("--todo", action="store_true", help="--ics writes to-dos (VTODO), not all-day events")
    p.add_argument("--strict", action="store_true", help="exit 1 when any row is unresolved")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    add_plot(p)


def ledger_format(p: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """The output format, after the checks that need no file read (exit 2 for bad usage)."""
    fmt: str = args.to or (args.output.suffix.lstrip(".").lower() if args.output else "csv")
    if fmt not in FORMATS:
        p.error(f"cannot tell the format of {args.output}: give --to {{{','.join(FORMATS)}}}")
    if fmt == "xlsx" and args.output is None:
        p.error("--to xlsx needs -o FILE")
    _check_encoding(p, args.encoding)
    if args.ics:
        need("icalendar", "--ics")
    check_plot(p, args)
    check_outputs(args, [args.file])
    return fmt


def write_ledger(rows: list[table.Row], fmt: str, args: argparse.Namespace) -> None:
    safe, lang = not args.raw_cells, args.lang
    if fmt == "xlsx":
        write_xlsx(rows, args.output, args.as_of, safe=safe, lang=lang)
        return
    writer = write_csv if fmt == "csv" else write_jsonl
    # a BOM lets Excel open a UTF-8 CSV with its Chinese intact: always in a file, on stdout when asked
    bom = fmt == "csv" and (args.output is not None or args.excel)
    with output(args.output, bom=bom) as f:
        writer(rows, cast(TextIO, f), args.as_of, safe=safe, lang=lang)


def _table_summary(args: argparse.Namespace, rows: list[table.Row], kept: list[table.Row]) -> None:
    columns = sorted({r.deadline_column for r in rows})
    filled = sum(r.filled_down for r in rows)
    bad = sum(isinstance(r.result, Unresolved) for r in rows)
    formulas = sum(any(f.startswith(table.FORMULA_FLAG) for f in r.flags) for r in rows)
    text = (f"{args.file.name}: {len(rows)} rows (column {', '.join(columns) or '-'}; {filled} filled down, "
            f"{bad} unresolved)")
    if formulas:
        text += f"; {formulas} with formulas that hold no value (open and save the file in a spreadsheet)"
    if args.due_before:
        text += f"; {len(kept)} due on or before {args.due_before}"
    print(text, file=sys.stderr)


COMMANDS: dict[str, Callable[[list[str]], int]] = {"batch": batch, "table": table_cmd}
