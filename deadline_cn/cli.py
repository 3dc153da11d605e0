"""The ``deadline-cn`` command: one phrase, a batch of lines, a work-plan table, or a whole plan.

``main(argv) -> int`` is testable in-process; ``python -m deadline_cn`` runs the same. Exit codes: 0 ok,
1 with --strict when something is unresolved or flagged unread: / invalid: (or a batch line is bad) and for
errors (a missing file, a missing optional dependency, a table without a deadline column), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence

from deadline_cn import __version__
from deadline_cn._cli.calendar_out import phrase_entries, stamp, write_ics
from deadline_cn._cli.commands import COMMANDS as _COMMANDS
from deadline_cn._cli.explain import explain_json, explain_lines
from deadline_cn._cli.ledger_cmd import ledger_cmd
from deadline_cn._cli.options import add_common, check_outputs
from deadline_cn._cli.term import KIND_COLOURS, Paint, pad, wants_colour
from deadline_cn._read.normalise import STRICT_DOUBTS, normalise
from deadline_cn.documents.extras import MissingExtra, need
from deadline_cn.documents.grid import DocumentError
from deadline_cn.documents.ics import unique
from deadline_cn.records import needs_check
from deadline_cn.results import Result, Unresolved

PROG = "deadline-cn"
COMMANDS = {**_COMMANDS, "ledger": ledger_cmd}
USAGE = f"""{PROG} TEXT... [--ref DATE] [--plan-year YEAR] [--json | --explain] [options]
       {PROG} batch [FILE | -] [options]        (one phrase a line, or JSONL)
       {PROG} table FILE [options]              (a work-plan table → ledger)
       {PROG} ledger FILE [options]             (a whole plan, tables and prose → ledger)"""
EXAMPLES = f"""examples:
  {PROG} "2017年6月底前完成" --ref 2017-01-09
  {PROG} "全年工作" "2021年 12月前" --plan-year 2021 --json
  {PROG} "2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设" --explain
  cut -f4 plan.tsv | {PROG} batch --ref 2017-01-09 > readings.jsonl
  {PROG} table 分工方案.docx --ref 2021-07-01 --as-of 2021-08-01 --to xlsx -o 台账.xlsx --ics 台账.ics

Run "{PROG} batch --help", "{PROG} table --help" and "{PROG} ledger --help" for those commands.
A phrase that is literally "batch", "table" or "ledger": {PROG} -- table"""


def _phrase_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, usage=USAGE, epilog=EXAMPLES,
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                description="Read the deadline language of Chinese work plans (完成时限).")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="one or more deadline phrases")
    add_common(p)
    p.add_argument("--json", action="store_true", help="print the result dict (DESIGN.md schema), one a line")
    p.add_argument("--explain", action="store_true", help="show which rule read which span of the text")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when a phrase cannot be read, or its reading left time words unread")
    p.add_argument("--todo", action="store_true", help="--ics writes to-dos (VTODO), not all-day events")
    p.add_argument("--force", action="store_true", help="replace an existing --ics file")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the output (auto: only on a terminal, NO_COLOR respected)")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            return COMMANDS[args[0]](args[1:])
        return phrase(args)
    except (MissingExtra, DocumentError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            return _broken_pipe()
        print(f"{PROG}: error: {one_line(str(exc))}", file=sys.stderr)
        return 1


def _broken_pipe() -> int:
    """The reader of our stdout went away (| head): stop quietly, as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 1


def phrase(argv: list[str]) -> int:
    args = _phrase_parser().parse_args(argv)
    if args.ics:
        need("icalendar", "--ics")
    check_outputs(args, [])
    paint = Paint(wants_colour(sys.stdout, args.color))
    results: list[Result] = []
    for text in args.texts:
        result = normalise(text, ref=args.ref, plan_year=args.plan_year, month_before=args.month_before)
        results.append(result)
        _print_phrase(text, result, args, paint, many=len(args.texts) > 1)
    if args.ics:
        items = unique([e for r in results for e in phrase_entries(r, r.text)])
        write_ics(items, args.ics, stamp(None, args.ref, args.plan_year), todo=args.todo)
    bad = [r for r in results if isinstance(r, Unresolved)]
    doubtful = [r for r in results if not isinstance(r, Unresolved) and _unsure(r)]
    if args.strict and (bad or doubtful):
        for r in bad:
            print(f"{PROG}: unresolved: {r.reason}: {r.text!r}", file=sys.stderr)
        for d in doubtful:
            print(f"{PROG}: needs a check ({', '.join(_unsure(d))}): {d.text!r}", file=sys.stderr)
        return 1
    return 0


def _unsure(result: Result) -> list[str]:
    """The flags that make a reading need a check under --strict (as normalise(strict=True) raises on)."""
    return [f for part in result.parts for f in part.flags if f.startswith(STRICT_DOUBTS)]


def _print_phrase(text: str, result: Result, args: argparse.Namespace, paint: Paint, *, many: bool) -> None:
    if args.json:
        data = result.to_dict()
        if args.explain:
            data["explain"] = explain_json(text)
        print(json.dumps(data, ensure_ascii=False))
        return
    if args.explain:
        print(paint(one_line(text), "bold"))
        print("\n".join(explain_lines(text)))
    line = readable(result, paint)
    if args.explain:
        print(f"  → {line}")
    else:
        print(f"{paint(one_line(text), 'dim')}  {line}" if many else line)


def one_line(text: str) -> str:
    """The text with its line breaks shown as ↵, so one result stays one line."""
    return re.sub(r"\r\n|[\r\n\u2028\u2029]", "↵", text)


def readable(result: Result, paint: Paint) -> str:
    """kind, dates, scope and flags on one line; colour only when ``paint`` is enabled."""
    body = result.describe().removeprefix("unresolved: ")
    if paint.enabled:
        body = re.sub(r"\d{4}-\d{2}-\d{2}(?:T[\d:]+)?", lambda m: paint(m.group(), "bold"), body)
        body = re.sub(r"\[[^\[\]]*\]$", lambda m: paint(m.group(), "yellow"), body)
    if needs_check(result) and not isinstance(result, Unresolved):
        body += "  " + paint("(needs a check)", "yellow")
    kind = pad(result.kind, 11)
    return paint(kind, KIND_COLOURS.get(result.kind, "bold")) + " " + body
