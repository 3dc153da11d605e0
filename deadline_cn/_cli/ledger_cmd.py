"""``deadline-cn ledger FILE``: a whole plan (its tables and its prose) → one ledger, read against the
date and plan year the document states (flags override them), and says on stderr what it found where."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deadline_cn._cli.calendar_out import stamp, table_entries, write_ics
from deadline_cn._cli.commands import add_ledger_options, ledger_format, write_ledger
from deadline_cn._cli.options import PROG, limits, parser
from deadline_cn._cli.plot_out import write_plot
from deadline_cn._cli.term import steps
from deadline_cn.documents import ics as _ics
from deadline_cn.documents.plan import Found, Ledger, ledger
from deadline_cn.documents.read import read_document
from deadline_cn.documents.rows import Row
from deadline_cn.results import Unresolved

EXAMPLES = f"""what it finds: the date (成文日期 / 印发日期 / the signature date) for --ref, the plan year from the
  title (2024年…工作要点), else the date's year; --ref / --plan-year override them. Rows: every task row of
  every table with a deadline column, then every deadline extract() finds in the cells of the other
  tables and in the prose, each with its source ("table 1" and source_row, or "paragraph N").
examples:
  {PROG} ledger 关于印发2021年政务公开工作要点的通知.html --as-of 2021-09-01 --lang zh -o 台账.xlsx
  {PROG} ledger plan.pdf --ics plan.ics --force
  {PROG} ledger plan.docx -o 台账.xlsx --plot 台账.png --as-of 2021-09-01"""


def ledger_cmd(argv: list[str]) -> int:
    p = parser("ledger", "A whole plan (tables and prose) → one ledger with real dates.", EXAMPLES)
    p.add_argument("file", type=Path, metavar="FILE", help="the plan: HTML, PDF, .docx, .doc, .wps, .xlsx …")
    p.add_argument("--column", metavar="NAME", help="the deadline column's header (default: 完成时限, 完成时间 …)")
    p.add_argument("--no-prose", action="store_true",
                   help="only the task rows of tables with a deadline column, not the deadlines extract() finds "
                        "in the text or in other tables' cells")
    add_ledger_options(p)
    args = p.parse_args(argv)
    fmt = ledger_format(p, args)
    bar = steps(sys.stderr, args.file.name, "pages", off=args.quiet or args.no_progress)
    try:
        doc = read_document(args.file, None, limits(args), args.encoding, bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    book = ledger(doc, ref=args.ref, plan_year=args.plan_year, month_before=args.month_before,
                  column=args.column, prose=not args.no_prose)
    write_ledger(book.rows, fmt, args)
    if not args.quiet:
        print(report(args, book), file=sys.stderr)
    if args.ics:
        items = _ics.unique(entries(book, args.file.name))
        write_ics(items, args.ics, stamp(args.file, book.ref, book.plan_year), quiet=args.quiet, todo=args.todo)
    if args.plot:
        write_plot(book.rows, args.plot, args.as_of, args.file.name)
    return 1 if args.strict and any(isinstance(r.result, Unresolved) for r in book.rows) else 0


def report(args: argparse.Namespace, book: Ledger) -> str:
    """What the ledger was read against and where each came from: "date 2021-07-01 from 成文日期 (…)"."""
    def said(flag: str, used: object, found: Found | None) -> str:
        if used is None:
            return f"not found (give {flag})"
        if found is not None and found.value == used:
            return f"{used} from {found.where}" + (f" (as {flag} says)" if getattr(args, flag[2:].replace(
                "-", "_")) is not None else "")
        if found is not None:
            return f"{used} from {flag} (the document says {found.value}, {found.where})"
        return f"{used} from {flag}"

    info = book.info
    text = (f"{args.file.name}: date {said('--ref', book.ref, info.ref)}; "
            f"plan year {said('--plan-year', book.plan_year, info.plan_year)}; "
            f"{len(book.table_rows)} table rows, "
            + (f"{len(book.cell_rows)} deadlines in table cells, " if book.cell_rows else "")
            + f"{len(book.prose_rows)} deadlines in the text")
    if not book.table_rows:
        text += " (no table has a deadline column)"
    return text


def entries(book: Ledger, source: str) -> list[_ics.Entry]:
    """Calendar entries: UIDs from the plan's number or title and the task (see table_entries)."""
    plan = book.info.identity
    out = [e for row in book.table_rows for e in table_entries(row, source, plan)]
    out += [e for row in book.cell_rows for e in table_entries(row, source, plan, phrase=True)]
    out += [e for row in book.prose_rows for e in _prose_entries(row, plan)]
    return out


def _prose_entries(row: Row, plan: str) -> list[_ics.Entry]:
    paragraph = row.cells.get("段落", "")
    return _ics.entries(row.result, summary=row.text, key=f"{plan}|{row.text}|{paragraph[:60]}",
                        details=[paragraph, f"Source: {row.source}"])
