"""Merge the collectors' files (/work/wild/<collector>_{cells,prose}.jsonl) into corpus/wild/.

    python corpus/wild/merge.py DIR            # rebuild corpus/wild/ from every collector file in DIR
    python corpus/wild/merge.py --append DIR   # add a later batch of collectors to what is there

Each line keeps its source and gains the collector's name; cells repeated within a document are kept once.
Three collectors wrote gold in parallel and read two points of the contract differently; the conventions
that settle them (corpus/GOLD.md, "Conventions settled after collection") are applied here, by rule, to
every line of both halves alike:

1. A bare day with no cue ("9月8日", "5月14、15日") is done within that day: start = due.
2. A deadline with a time of day ("3月5日24时前") has no day-before doubt: 前 is before the time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


CUES = ("前", "止", "内", "截", "到", "至", "底", "末", "后", "起", "之日", "以来")


def settle(expect: dict[str, Any], text: str) -> dict[str, Any]:
    """Apply the two conventions above to one gold reading (and to each part of a compound)."""
    if expect.get("kind") == "compound":
        return {**expect, "parts": [settle(p, text) for p in expect.get("parts", [])]}
    out = dict(expect)
    bare = not any(c in text for c in CUES)
    if out.get("kind") == "deadline" and out.get("precision") == "day" and "start" in out and out["start"] is None \
            and bare and out.get("due"):
        out["start"] = out["due"]
    flags = out.get("flags")
    if flags and any(f.startswith("time:") for f in flags) and "ambiguous:day-before" in flags:
        out["flags"] = [f for f in flags if f != "ambiguous:day-before"]
        out["alternatives"] = [a for a in out.get("alternatives", []) if a.get("reading") != "strict"]
    return out


def merge(src: Path, *, append: bool = False) -> None:
    for kind in ("cells", "prose"):
        seen: set[tuple[str, str]] = set()
        out = []
        if append:
            for line in (HERE / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    old = json.loads(line)
                    seen.add((old["doc"], old["text"]))
                    out.append(line)
        for path in sorted(src.glob(f"*_{kind}.jsonl")):
            who = path.name.split("_")[0]
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                row = json.loads(line)
                key = (row["doc"], row["text"])
                if key in seen:
                    continue
                seen.add(key)
                if kind == "cells":
                    row["expect"] = settle(row["expect"], row["text"])
                else:
                    row["expressions"] = [{**e, "expect": settle(e["expect"], e["text"])} for e in row["expressions"]]
                out.append(json.dumps({**row, "collector": who}, ensure_ascii=False))
        (HERE / f"{kind}.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"{kind}: {len(out)} lines")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Merge collector files into corpus/wild/ (see the module doc).")
    parser.add_argument("--append", action="store_true", help="add the batch to what is there (else rebuild)")
    parser.add_argument("dir", type=Path, help="a directory of <collector>_{cells,prose}.jsonl files")
    opts = parser.parse_args()
    if not opts.dir.is_dir():
        parser.error(f"{opts.dir} is not a directory")
    merge(opts.dir, append=opts.append)
