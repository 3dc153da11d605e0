"""Score the reader on the wild corpus: real cells and paragraphs from plans that are not the seeds.

    python corpus/score_wild.py            # the development half (what the grammar may be tuned on)
    python corpus/score_wild.py --sealed   # the sealed half: score only when a piece of work is done
    python corpus/score_wild.py --both --jionlp   # both halves, and jionlp's cell reading beside ours

The halves are split by document (a hash of the document id), never by cell, so a document's phrasing
is either seen or unseen as a whole. A cell reads right when every field its gold gives matches
(corpus/GOLD.md); a *silent* wrong date is a dated reading that differs from the gold and carries none of
DESIGN.md's doubt flags. In prose, an expression is found when a result's span overlaps its gold span.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deadline_cn import extract, normalise  # noqa: E402
from tests.goldcheck import mismatches  # noqa: E402

WILD = ROOT / "corpus" / "wild"
DOUBTS = ("unread:", "ambiguous:", "source:jionlp", "invalid:", "calendar:predicted:")
DATE_KEYS = ("due", "start", "end", "dtstart", "until")
# A lone "promptly" word in prose: most wild readers marked it (ongoing, vague:promptly); the seed gold leaves
# every one of its 53 out and extract() follows the seed gold, so recall is printed with and without them.
PROMPTLY = re.compile(r"(?:及时|及時|随时|隨時|实时|實時|即时|即時|立即)")


def half_of(doc: str) -> str:
    return "sealed" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 else "dev"


def rows(name: str, half: str) -> Iterator[dict[str, Any]]:
    for line in (WILD / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if half in ("both", half_of(row["doc"])):
                yield row


def silent_wrong(actual: dict[str, Any], expect: dict[str, Any]) -> bool:
    """A date in the reading differs from the gold's and nothing in the reading says to check it."""
    if actual.get("kind") == "unresolved":
        return False
    flags = [f for part in (actual.get("parts") or [actual]) for f in part.get("flags", [])]
    if any(f.startswith(DOUBTS) for f in flags):
        return False
    wrong = [m for m in mismatches(actual, expect) if any(f".{k}:" in m for k in DATE_KEYS)]
    return bool(wrong) or (expect.get("kind") not in (None, actual.get("kind")) and expect.get("kind") != "unresolved"
                           and any(k in actual for k in ("due", "start", "end", "dtstart")))


def score_cells(half: str, show: bool) -> dict[str, int]:
    total = right = silent = 0
    for row in rows("cells.jsonl", half):
        result = normalise(row["text"], ref=row["ref"], plan_year=row["plan_year"]).to_dict()
        problems = mismatches(result, row["expect"])
        total += 1
        right += not problems
        silent += silent_wrong(result, row["expect"])
        if problems and show:
            print(f"  {row['text']!r} [{row['doc']}]\n     {'; '.join(problems)[:300]}")
    return {"cells": total, "right": right, "silent_wrong": silent}


def score_prose(half: str, show: bool) -> dict[str, int]:
    gold_n = found = predicted = matched = promptly = promptly_found = 0
    for row in rows("prose.jsonl", half):
        results = extract(row["text"], ref=row["ref"], plan_year=row["plan_year"])
        gold = row["expressions"]
        gold_n += len(gold)
        predicted += len(results)
        for g in gold:
            hit = any(r.span[0] < g["end"] and g["start"] < r.span[1] for r in results)
            found += hit
            if PROMPTLY.fullmatch(g["text"]):
                promptly += 1
                promptly_found += hit
            if not hit and show:
                print(f"  missed {g['text']!r} [{row['doc']}]")
        for r in results:
            ok = any(r.span[0] < g["end"] and g["start"] < r.span[1] for g in gold)
            matched += ok
            if not ok and show:
                print(f"  false positive {row['text'][r.span[0]:r.span[1]]!r} [{row['doc']}]: {r.describe()}")
    return {"expressions": gold_n, "found": found, "predicted": predicted, "matched": matched,
            "promptly": promptly, "promptly_found": promptly_found}


def jionlp_cells(half: str) -> int:
    """Cells where jionlp.parse_time gives a due/end date equal to the gold's (a loose measure)."""
    import jionlp

    right = 0
    for row in rows("cells.jsonl", half):
        want = row["expect"].get("due") or row["expect"].get("end")
        year = row["plan_year"] or (int(row["ref"][:4]) if row["ref"] else 2020)
        try:
            got = jionlp.parse_time(row["text"], time_base={"year": year, "month": 1, "day": 1})
            right += bool(want) and str(got["time"][-1])[:10] == want
        except Exception:
            pass
    return right


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--sealed", action="store_true", help="score the sealed half")
    group.add_argument("--both", action="store_true", help="score each half")
    parser.add_argument("--show", action="store_true", help="print every miss")
    parser.add_argument("--jionlp", action="store_true", help="also score jionlp on the cells")
    args = parser.parse_args(argv)
    halves = ("dev", "sealed") if args.both else ("sealed",) if args.sealed else ("dev",)
    for half in halves:
        c, p = score_cells(half, args.show), score_prose(half, args.show)
        print(f"{half}: cells read right {pct(c['right'], c['cells'])}; silent wrong dates "
              f"{pct(c['silent_wrong'], c['cells'])}; prose recall {pct(p['found'], p['expressions'])}, "
              f"precision {pct(p['matched'], p['predicted'])}")
        print(f"{half}: prose recall without the {p['promptly']} lone 及时 / 随时 (no reading in prose by the "
              f"contract) {pct(p['found'] - p['promptly_found'], p['expressions'] - p['promptly'])}")
        if args.jionlp:
            print(f"{half}: jionlp due/end date right {pct(jionlp_cells(half), c['cells'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
