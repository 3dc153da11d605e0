"""Merge the collectors' files (/work/wild/<collector>_{cells,prose}.jsonl) into corpus/wild/.

    python corpus/wild/merge.py DIR

Each line keeps its source and gains the collector's name; cells repeated within a document are kept once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def merge(src: Path) -> None:
    for kind in ("cells", "prose"):
        seen: set[tuple[str, str]] = set()
        out = []
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
                out.append(json.dumps({**row, "collector": who}, ensure_ascii=False))
        (HERE / f"{kind}.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"{kind}: {len(out)} lines")


if __name__ == "__main__":
    merge(Path(sys.argv[1]))
