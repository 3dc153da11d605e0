"""A differential snapshot of every reading: the corpus and ~20,000 generated phrases, as ``to_dict()`` JSON.

    PYTHONPATH=. python tests/differential.py            # compare the code with tests/data/readings.tsv.gz
    PYTHONPATH=. python tests/differential.py --write    # rewrite the snapshot from the code as it is now
    PYTHONPATH=. python tests/differential.py --sample 50   # compare every 50th row only

A change meant to be only faster (the scanner, the dispatch, the hot-path classes) must leave every row
identical. A change to the grammar changes rows on purpose: review the differences this script prints, then
regenerate the snapshot with ``--write`` and commit it with the grammar change.

Rows: ``kind``, ``ref``, ``plan_year``, the input as JSON, the reading as JSON. ``n`` rows are
``normalise(text, ref=, plan_year=, fallback=False)`` (the grammar alone: jionlp's readings are not ours to
keep stable), ``x`` rows ``[r.to_dict() for r in extract(text, ref=, plan_year=)]``. Inputs: every cell and
paragraph of the corpus (gold, dev gold, the seed documents' cells, the wild cells and prose, the five source
documents), 10,000 phrases of ``tests/phrases.py`` and 10,000 of ``tests/strategies.phrase`` (a fixed seed,
varied refs and plan years; a tenth of them with odd characters spliced in), the latter read by both
``normalise`` and ``extract``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SNAPSHOT = ROOT / "tests" / "data" / "readings.tsv.gz"
CORPUS = ROOT / "corpus"
SEED = 11
GENERATED = 10_000

Case = tuple[str, str, str, str]  # kind, text, ref ("" for None), plan_year ("" for None)


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def _s(value: object) -> str:
    return "" if value is None else str(value)


def cases() -> list[Case]:
    """Every input, in a fixed order, duplicates kept once."""
    from tests import phrases, strategies

    docs = json.loads((CORPUS / "documents.json").read_text(encoding="utf-8"))
    out: dict[Case, None] = {}
    for name in ("gold.jsonl", "dev_gold.jsonl"):
        for row in _jsonl(CORPUS / name):
            out[("n", row["text"], _s(row["ref"]), _s(row["plan_year"]))] = None
    for row in _jsonl(CORPUS / "cells.jsonl"):
        doc = docs[row["document"]]
        for text in (row.get("deadline_text"), row.get("requirement")):
            if text:
                out[("n", text, _s(doc["ref"]), _s(doc["plan_year"]))] = None
    for row in _jsonl(CORPUS / "wild" / "cells.jsonl"):
        out[("n", row["text"], _s(row["ref"]), _s(row["plan_year"]))] = None
    for row in _jsonl(CORPUS / "wild" / "prose.jsonl"):
        out[("x", row["text"], _s(row["ref"]), _s(row["plan_year"]))] = None
    for path in sorted((CORPUS / "sources").glob("*.txt")):
        doc = docs[path.stem]
        out[("x", path.read_text(encoding="utf-8"), _s(doc["ref"]), _s(doc["plan_year"]))] = None
    for text in phrases.generate(GENERATED, seed=SEED):
        out[("n", text, "2017-01-09", "2017")] = None
    rng = random.Random(SEED)
    odd = strategies.HOSTILE_CHARS + strategies.DEADLINE_CHARS + "，。、；（）《》〔〕—-~/:："
    for i in range(GENERATED):
        text = strategies.phrase(lambda options: rng.choice(list(options)))
        if i % 10 == 0:
            for _ in range(rng.randint(1, 3)):
                at = rng.randint(0, len(text))
                text = text[:at] + rng.choice(odd) + text[at:]
        ref, year = rng.choice(strategies.REFS), rng.choice(strategies.PLAN_YEARS)
        for kind in ("n", "x"):
            out[(kind, text, _s(ref), _s(year))] = None
    return list(out)


def reading(case: Case) -> str:
    """The case's reading as one line of JSON (sorted keys)."""
    import deadline_cn

    kind, text, ref, year = case
    ref_day = date.fromisoformat(ref) if ref else None
    plan_year = int(year) if year else None
    if kind == "n":
        deadline_cn.clear_cache()
        value: Any = _without_text(deadline_cn.normalise(text, ref=ref_day, plan_year=plan_year,
                                                         fallback=False).to_dict(), text)
    else:
        value = [_without_text(r.to_dict(), text) for r in deadline_cn.extract(text, ref=ref_day, plan_year=plan_year)]
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _without_text(reading: dict[str, Any], text: str) -> dict[str, Any]:
    """A reading's ``text`` is the whole input (a document, for extract): kept only when it is not."""
    if reading.get("text") == text:
        del reading["text"]
    return reading


def _row(case: Case, result: str) -> str:
    kind, text, ref, year = case
    return "\t".join((kind, ref, year, json.dumps(text, ensure_ascii=False), result))


def write(path: Path = SNAPSHOT) -> int:
    lines = [_row(case, reading(case)) for case in cases()]
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))  # lone surrogates kept
    path.write_bytes(buffer.getvalue())
    return len(lines)


def snapshot(path: Path = SNAPSHOT) -> list[tuple[Case, str]]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8", errors="surrogatepass") as f:
        for line in f:
            kind, ref, year, text, result = line.rstrip("\n").split("\t")
            out.append(((kind, json.loads(text), ref, year), result))
    return out


def differences(every: int = 1, path: Path = SNAPSHOT) -> list[tuple[Case, str, str]]:
    """Rows (every ``every``-th) whose reading today differs from the snapshot: (case, then, now)."""
    rows = snapshot(path)[::every]
    return [(case, then, now) for case, then in rows if (now := reading(case)) != then]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the snapshot from the current code")
    parser.add_argument("--sample", type=int, default=1, help="compare every N-th row only")
    args = parser.parse_args()
    if args.write:
        print(f"wrote {write()} rows to {SNAPSHOT.relative_to(ROOT)}")
        return 0
    diffs = differences(args.sample)
    for (kind, text, ref, year), then, now in diffs[:50]:
        print(f"{kind} ref={ref} plan_year={year} {text[:120]!r}\n  was {then[:400]}\n  now {now[:400]}")
    total = len(snapshot()[::args.sample])
    print(f"{len(diffs)} of {total} rows differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
