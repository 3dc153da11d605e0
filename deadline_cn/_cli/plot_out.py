"""``--plot FILE.png|svg`` of ``table`` and ``ledger``: the plan's timeline beside its ledger (deadline-cn[plot]).

pandas and matplotlib are imported only when --plot is given; a missing one or an unknown suffix is a one-line
error with exit code 2 before any file is read.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from deadline_cn.documents.rows import Row
from deadline_cn.documents.write import replace_atomically

SUFFIXES = (".png", ".svg")


def add_plot(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plot", type=Path, metavar="FILE",
                   help="also draw the plan's timeline (tasks due per month, recurring work as bands, overdue "
                        "shaded with --as-of) as FILE.png or FILE.svg (needs deadline-cn[plot])")


def check_plot(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Before reading anything: a suffix we can write, and matplotlib and pandas installed (else exit 2)."""
    path: Path | None = args.plot
    if path is None:
        return
    if path.suffix.lower() not in SUFFIXES:
        p.exit(2, f"{p.prog}: error: --plot {path}: give a file ending in .png or .svg\n")
    missing = []
    for module in ("pandas", "matplotlib"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        p.exit(2, f"{p.prog}: error: --plot needs {' and '.join(missing)}, which "
                  f"{'is' if len(missing) == 1 else 'are'} not installed: pip install 'deadline-cn[plot]'\n")


def write_plot(rows: Sequence[Row], path: Path, as_of: date | None, title: str) -> None:
    """The rows' timeline written whole to ``path`` (a temporary file renamed over it)."""
    from deadline_cn.frames import from_results
    from deadline_cn.plots import timeline

    df = from_results([r.result for r in rows], [r.text for r in rows])
    fig = timeline(df, as_of=as_of, title=title)
    with replace_atomically(path, "wb") as f:
        fig.savefig(f, format=path.suffix.lower().lstrip("."))
