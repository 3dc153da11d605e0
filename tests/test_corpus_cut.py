"""corpus/cut_cells.py reproduces corpus/cells.jsonl, and the cells look like the source tables."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CELLS = CORPUS / "cells.jsonl"
GOLD = CORPUS / "gold.jsonl"
KEYS = [
    "document", "row", "item", "task", "requirement", "unit",
    "deadline_text", "filled_down", "line", "source_span",
]  # fmt: skip


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cut_cells", CORPUS / "cut_cells.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["cut_cells"] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cells() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CELLS.read_text(encoding="utf-8").splitlines()]


def of(cells: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    return [c for c in cells if c["document"].startswith(prefix)]


def find(cells: list[dict[str, Any]], prefix: str, row: str, item: str | None) -> dict[str, Any]:
    (hit,) = [c for c in of(cells, prefix) if c["row"] == row and c["item"] == item]
    return hit


def source(document: str) -> str:
    return (CORPUS / "sources" / f"{document}.txt").read_text(encoding="utf-8")


def test_script_reproduces_cells_byte_for_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cells.jsonl"
    assert load_script().main(["--out", str(out)]) == 0
    assert out.read_bytes() == CELLS.read_bytes()
    assert "000_855bac6bceb4f4a7: 38 rows" in capsys.readouterr().out


def test_keys_in_order(cells: list[dict[str, Any]]) -> None:
    assert all(list(c) == KEYS for c in cells)


def test_rows_per_document(cells: list[dict[str, Any]]) -> None:
    counts = Counter(c["document"][:3] for c in cells)
    assert counts == {"000": 38, "001": 90, "002": 34, "003": 50}  # 004 has no deadline column


def test_000_and_002_one_row_per_numbered_task_each_with_a_deadline(cells: list[dict[str, Any]]) -> None:
    for prefix, n in (("000", 38), ("002", 34)):
        rows = of(cells, prefix)
        assert [c["row"] for c in rows] == [str(i) for i in range(1, n + 1)]  # heading repeats skipped
        assert all(c["deadline_text"] and not c["filled_down"] for c in rows)
        assert all(c["requirement"] is None and c["item"] is None for c in rows)


def test_spans_point_at_the_raw_deadline_cell(cells: list[dict[str, Any]]) -> None:
    for c in cells:
        text = source(c["document"])
        start, end = c["source_span"]
        raw = text[start:end]
        if c["document"].startswith("003"):  # wrapped lines joined with nothing between
            assert "".join(part.strip() for part in raw.split("\n")) == c["deadline_text"]
        else:
            assert raw == c["deadline_text"]
        assert text.count("\n", 0, start) + 1 == c["line"]


def test_filled_down_cells_copy_a_cell_that_is_read_in_place(cells: list[dict[str, Any]]) -> None:
    in_place = {(c["document"], tuple(c["source_span"])) for c in cells if not c["filled_down"]}
    for c in cells:
        if c["filled_down"]:
            assert (c["document"], tuple(c["source_span"])) in in_place


def test_001_known_merged_cells(cells: list[dict[str, Any]]) -> None:
    first = find(cells, "001", "1", "2")
    assert (first["deadline_text"], first["filled_down"], first["line"]) == ("2016年12月底前完成", True, 13)
    across_page_break = find(cells, "001", "2", "13")  # row 2's 序号 repeats at a page break
    assert across_page_break["filled_down"] and across_page_break["line"] == 91
    assert across_page_break["unit"] == "市安全监管局，各县（市、区）政府"
    unit_only = find(cells, "001", "2", "5")  # own deadline, unit from the merged cell above
    assert (unit_only["deadline_text"], unit_only["filled_down"]) == ("全年工作", False)
    assert unit_only["unit"] == "市质监局、有行政执法权部门，各县（市、区）政府"
    assert [find(cells, "001", "11", str(i))["filled_down"] for i in range(1, 6)] == [False] + [True] * 4
    assert find(cells, "001", "21", "2")["deadline_text"].startswith("按预算法规定时限完成。")
    assert sum(c["filled_down"] for c in of(cells, "001")) == 24
    assert all(c["deadline_text"] for c in of(cells, "001"))


def test_001_two_line_cells_stay_one_cell(cells: list[dict[str, Any]]) -> None:
    assert find(cells, "001", "17", None)["deadline_text"] == "中考3 月\n高考11 月"
    assert find(cells, "001", "20", "5")["deadline_text"] == "2016年8月前\n2017年2月前"
    two_items = find(cells, "001", "13", "1-2")
    assert "。\n2.做好灾害救助政策" in two_items["requirement"]
    assert not [c for c in of(cells, "001") if c["row"] == "13" and c["item"] != "1-2"]


def test_003_items_run_1_to_50(cells: list[dict[str, Any]]) -> None:
    rows = of(cells, "003")
    assert [c["item"] for c in rows] == [str(i) for i in range(1, 51)]
    assert all(c["requirement"].startswith(f"{c['item']}.") for c in rows)
    assert len({c["row"] for c in rows}) == 13  # task cells


def test_003_wrapped_cells_are_joined(cells: list[dict[str, Any]]) -> None:
    first = find(cells, "003", "1", "1")
    assert first["deadline_text"] == "2021 年 9 月前完成现有规划文件主动公开；长期工作"
    assert first["task"] == "做好各类规划主动公开"
    assert first["unit"] == "各县（市、区）政府（管委会）；市政府办公室牵头，市直各单位按职责分工落实"
    assert find(cells, "003", "2", "3")["deadline_text"] == "2021年 12月前"
    assert find(cells, "003", "12", "42")["deadline_text"] == "2022 年 1 月前"
    same_line = find(cells, "003", "12", "39")  # "市司法局 长期工作 " is two cells
    assert (same_line["unit"], same_line["deadline_text"]) == ("市司法局", "长期工作")
    split_unit = find(cells, "003", "11", "34")  # a unit cell cut by a page break
    assert split_unit["unit"].endswith("市医保局等市直单位按职责分工落实")


def test_003_merged_cells(cells: list[dict[str, Any]]) -> None:
    group = [find(cells, "003", "2", str(i)) for i in (3, 4, 5)]
    assert [c["filled_down"] for c in group] == [False, True, True]
    assert len({tuple(c["source_span"]) for c in group}) == 1
    assert len({c["unit"] for c in group}) == 1
    after_break = find(cells, "003", "5", "14")  # item 14 sits under item 13's merged cell
    assert after_break["filled_down"]
    assert after_break["source_span"] == find(cells, "003", "5", "13")["source_span"]
    assert Counter(c["deadline_text"] for c in of(cells, "003")) == {
        "长期工作": 27,
        "2021年 12月前": 14,
        "2021 年 9 月前": 6,
        "2021 年 9 月前完成现有规划文件主动公开；长期工作": 2,
        "2022 年 1 月前": 1,
    }


def test_gold_has_one_line_per_distinct_text(cells: list[dict[str, Any]]) -> None:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    documents: dict[str, list[str]] = {}
    for c in cells:
        if c["deadline_text"] is not None and c["document"] not in documents.setdefault(
            c["deadline_text"], []
        ):
            documents[c["deadline_text"]].append(c["document"])
    assert {g["text"] for g in gold} == set(documents)
    assert len({(g["text"], g["document"]) for g in gold}) == len(gold)
    firsts = {}
    for g in gold:
        assert g["document"] in documents[g["text"]]
        firsts.setdefault(g["text"], g["document"])
    assert all(firsts[text] == docs[0] for text, docs in documents.items())
