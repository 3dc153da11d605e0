"""The corpus, loaded once for every test: documents with their ref / plan year, cells, gold readings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SOURCES = sorted((CORPUS / "sources").glob("*.txt"))


def load_jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (CORPUS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


DOCUMENTS: dict[str, dict[str, Any]] = json.loads((CORPUS / "documents.json").read_text(encoding="utf-8"))
# short id ("000") → (ref, plan_year)
DOCS: dict[str, tuple[str | None, int]] = {stem[:3]: (d["ref"], d["plan_year"]) for stem, d in DOCUMENTS.items()}
GOLD = load_jsonl("gold.jsonl")
CELLS = load_jsonl("cells.jsonl")
PROSE_GOLD = load_jsonl("prose_gold.jsonl")
DEV = load_jsonl("dev_gold.jsonl")


def source(stem: str) -> str:
    with open(CORPUS / "sources" / f"{stem}.txt", encoding="utf-8", newline="") as f:
        return f.read()
