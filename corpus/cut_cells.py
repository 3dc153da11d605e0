"""Cut the source documents in corpus/sources/ into table cells: corpus/cells.jsonl.

One JSON object per deadline-bearing table row, keys in this order::

    document, row, item, task, requirement, unit, deadline_text, filled_down, line, source_span

``source_span`` is the [start, end) Python str offsets into the source file's text of the raw
deadline cell the text came from (stripped of the cell's indentation and terminators); ``line`` is
the 1-based line where that cell starts (lines counted on "\\n" only). For a filled-down cell both
point at the cell above that the text was copied from, so ``line`` always agrees with
``source_span[0]``.

What is read, per document:

- 000 (湛江 实施方案): the appendix 重点任务分解表, one tab-separated row a line
  (序号, 工作任务, 负责单位, 完成时间). The heading row repeats on each page and is skipped.
  ``requirement`` and ``item`` are null.
- 001 (2016 实施分解表): one cell a line, indented by a tab; a line without the tab continues the
  cell above (so two-line cells such as "中考3 月\\n高考11 月" stay one cell, "\\n" kept); a blank
  line ends a table row of five cells (序号, 工作任务, 具体要求, 牵头落实单位, 完成时限). Blank cells
  belong to merged cells above: task, unit and deadline are filled down within the 序号 group (a
  序号 repeated at a page break is the same group); ``filled_down`` marks a filled deadline.
  ``item`` is the number of the 具体要求 ("2"), "1-2" for one cell holding two numbered items,
  null for an unnumbered one.
- 002 (廉江 实施方案): the appendix table, one cell a line ending in " |", four cells a row; the
  heading row repeats and is skipped. ``requirement`` and ``item`` are null.
- 003 (湛江 2021 分工方案): a table dumped from a PDF. Every cell is wrapped over short lines with
  blank lines between; a cell's last line ends in whitespace (or is followed by a line of only
  whitespace); cells come column by column (task, requirements "1."–"50.", unit, deadline) and a cell
  cut by a page break resumes after the repeated heading. Lines are joined by stripping each and
  concatenating with nothing between. Several requirements can share one merged unit/deadline cell:
  one row per requirement, the first ``filled_down`` false, the others true, all with the same text
  and span. A merged cell never crosses a task: requirements still waiting for a unit when the next
  task starts belong to the merged cell above, split by the page break. ``item`` is the requirement
  number; ``row`` is the ordinal of the task cell (the table has no 序号).
- 004 (揭阳 2018 分工方案) has no deadline column: no rows.

Run ``python corpus/cut_cells.py`` (``--out PATH`` to write elsewhere); it prints a summary.
The output is deterministic: re-running reproduces cells.jsonl byte for byte.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
DEFAULT_OUT = HERE / "cells.jsonl"

Span = tuple[int, int]


@dataclass(frozen=True)
class Row:
    """One output line of cells.jsonl."""

    document: str
    row: str
    item: str | None
    task: str
    requirement: str | None
    unit: str | None
    deadline_text: str | None
    filled_down: bool
    line: int | None
    source_span: Span | None

    def to_json(self) -> str:
        obj = {
            "document": self.document,
            "row": self.row,
            "item": self.item,
            "task": self.task,
            "requirement": self.requirement,
            "unit": self.unit,
            "deadline_text": self.deadline_text,
            "filled_down": self.filled_down,
            "line": self.line,
            "source_span": list(self.source_span) if self.source_span else None,
        }
        return json.dumps(obj, ensure_ascii=False)


@dataclass(frozen=True)
class SrcLine:
    """A source line: 1-based number, str offset of its first character, its text (no "\\n")."""

    no: int
    start: int
    text: str


def source_lines(text: str) -> list[SrcLine]:
    """Split on "\\n" only (003 holds U+2029, which str.splitlines would also split on)."""
    out: list[SrcLine] = []
    offset = 0
    for no, line in enumerate(text.split("\n"), 1):
        out.append(SrcLine(no, offset, line))
        offset += len(line) + 1
    return out


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def stripped_span(text: str, start: int, end: int) -> Span:
    """The span [start, end) of ``text`` narrowed to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------------------- 000: tab-separated rows


def cut_tab_rows(stem: str, text: str) -> list[Row]:
    """000: one row a line, 序号\\t工作任务\\t负责单位\\t完成时间; heading rows skipped."""
    rows: list[Row] = []
    for ln in source_lines(text):
        fields = ln.text.split("\t")
        if len(fields) != 4 or fields[0].strip() == "序号":
            continue
        dl_start = ln.start + len(ln.text) - len(fields[3])
        span = stripped_span(text, dl_start, ln.start + len(ln.text))
        rows.append(
            Row(
                document=stem,
                row=fields[0].strip(),
                item=None,
                task=fields[1].strip(),
                requirement=None,
                unit=fields[2].strip(),
                deadline_text=text[span[0] : span[1]],
                filled_down=False,
                line=ln.no,
                source_span=span,
            )
        )
    return rows


# --------------------------------------------------------------------------- 002: " |"-terminated cells


def cut_bar_cells(stem: str, text: str) -> list[Row]:
    """002: one cell a line ending in " |", four cells a row; heading rows skipped."""
    cells = [
        stripped_span(text, ln.start, ln.start + len(ln.text) - 2)
        for ln in source_lines(text)
        if ln.text.endswith(" |")
    ]
    if len(cells) % 4:
        raise ValueError(f"{stem}: {len(cells)} table cells is not a multiple of 4")
    rows: list[Row] = []
    for i in range(0, len(cells), 4):
        no, task, unit, deadline = (text[a:b] for a, b in cells[i : i + 4])
        if no == "序号":
            continue
        span = cells[i + 3]
        rows.append(
            Row(
                document=stem,
                row=no,
                item=None,
                task=task,
                requirement=None,
                unit=unit,
                deadline_text=deadline,
                filled_down=False,
                line=line_of(text, span[0]),
                source_span=span,
            )
        )
    return rows


# --------------------------------------------------------------------------- 001: tab-indented cells


@dataclass(frozen=True)
class Cell:
    """A table cell: its text (lines joined by "\\n") and span; text "" for a blank cell."""

    text: str
    span: Span


def tab_blocks(text: str) -> Iterator[list[Cell]]:
    """001: yield each table row (a run of non-blank lines) as its list of cells."""
    block: list[list[int]] = []  # [start, end] per cell
    for ln in source_lines(text):
        end = ln.start + len(ln.text)
        if ln.text.startswith("\t"):
            block.append([ln.start + 1, end])
        elif ln.text.strip() and block:
            block[-1][1] = end  # a line without the tab continues the cell above
        elif not ln.text.strip() and block:
            yield [_cell(text, a, b) for a, b in block]
            block = []
    if block:
        yield [_cell(text, a, b) for a, b in block]


def _cell(text: str, start: int, end: int) -> Cell:
    a, b = stripped_span(text, start, end)
    return Cell(text[a:b], (a, b))


def item_number(requirement: str) -> str | None:
    """The item number: '2' for "2.公开…", '1-2' for one cell holding items 1. and 2., else None."""
    numbers = re.findall(r"^(\d+)\.", requirement, flags=re.MULTILINE)
    if not numbers:
        return None
    return numbers[0] if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"


def cut_tab_cells(stem: str, text: str) -> list[Row]:
    """001: five cells a row; task, unit and deadline filled down within a 序号 group."""
    rows: list[Row] = []
    group = ""
    above: dict[str, Cell] = {}  # the last non-blank task/unit/deadline cell of the group
    for cells in tab_blocks(text):
        if len(cells) != 5:
            raise ValueError(f"{stem}: a row of {len(cells)} cells near offset {cells[0].span[0]}")
        no, task, requirement, unit, deadline = cells
        if no.text == "序号":
            continue
        if no.text and no.text != group:
            group, above = no.text, {}
        for key, cell in (("task", task), ("unit", unit), ("deadline", deadline)):
            if cell.text:
                above[key] = cell
        source = above.get("deadline")
        unit_cell = above.get("unit")
        rows.append(
            Row(
                document=stem,
                row=group,
                item=item_number(requirement.text),
                task=above["task"].text,
                requirement=requirement.text or None,
                unit=unit_cell.text if unit_cell else None,
                deadline_text=source.text if source else None,
                filled_down=source is not None and not deadline.text,
                line=line_of(text, source.span[0]) if source else None,
                source_span=source.span if source else None,
            )
        )
    return rows


# --------------------------------------------------------------------------- 003: PDF dump

PAGE_HEADING = "工作任务 具体要求 落实单位 完成时限"
TABLE_END = re.compile(r"^\s*公开方式")
DEADLINE_START = re.compile(r"^(?:\d{4}\s*年|长期工作)")
UNIT_THEN_DEADLINE = re.compile(r"^(\S+) (?=\d{4}\s*年|长期工作)")
TASK_WIDTH = 10  # display width of a full line of the 工作任务 column (5 CJK characters)
REQUIREMENT_WIDTH = 26  # a wrapped (not last) line of a 具体要求 cell is at least this wide
UNIT_WIDTH = 12  # a wrapped (not last) line of a 落实单位 cell is at least this wide
DEADLINE_WIDTH = 12  # no line of the 完成时限 column is wider
COLUMNS = ("task", "requirement", "unit", "deadline")


def display_width(s: str) -> int:
    """Width as printed: a CJK character counts 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def ends_in_space(s: str) -> bool:
    """In the 003 dump the last line of a cell ends in whitespace; a wrapped line does not."""
    return s != s.rstrip()


@dataclass
class PdfCell:
    """A cell of the 003 table being assembled from its wrapped lines."""

    column: str
    parts: list[tuple[int, int]] = field(default_factory=list)  # stripped span of each line
    final: bool = False

    def add(self, text: str, ln: SrcLine, start: int | None = None) -> None:
        offset = ln.start if start is None else start
        self.parts.append(stripped_span(text, offset, ln.start + len(ln.text)))
        raw = text[offset : ln.start + len(ln.text)]
        self.final = ends_in_space(raw)
        if self.column == "requirement":  # "…《中共广东省委 " ends in a space inside a title
            self.final = self.final and raw.rstrip().endswith("。")

    def fits(self, ln: SrcLine) -> bool:
        """Whether ``ln`` can be the next wrapped line of this (unfinished) cell."""
        ended = ends_in_space(ln.text)
        width = display_width(ln.text.strip())
        if self.column == "requirement":
            return ended or width >= REQUIREMENT_WIDTH
        if self.column == "unit":
            return ended or width >= UNIT_WIDTH
        if self.column == "task":
            return ended or width <= TASK_WIDTH
        return True

    def joined(self, text: str) -> str:
        return "".join(text[a:b] for a, b in self.parts)

    @property
    def span(self) -> Span:
        return self.parts[0][0], self.parts[-1][1]


@dataclass
class Requirement:
    """A numbered 具体要求 of 003 and the cells it is read with."""

    number: int
    cell: PdfCell
    task: PdfCell
    task_no: int
    unit: PdfCell | None = None
    deadline: PdfCell | None = None
    filled_down: bool = False


class PdfTable:
    """The state machine that assigns each line of the 003 table to a cell."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.open: dict[str, PdfCell] = {}  # the last cell started in each column
        self.current: PdfCell | None = None  # the cell the previous line went to
        self.resume: list[PdfCell] = []  # cells cut by the last page break, in column order
        self.tasks: list[PdfCell] = []
        self.requirements: list[Requirement] = []
        self.pending: list[Requirement] = []  # requirements waiting for their unit and deadline
        self.unit: PdfCell | None = None  # the unit cell of the pending requirements
        self.last_group: tuple[PdfCell | None, PdfCell] | None = None

    def feed(self, ln: SrcLine) -> None:
        s = ln.text.strip()
        if s == PAGE_HEADING:
            self.resume = [c for c in (self.open.get(k) for k in COLUMNS) if c and not c.final]
        elif not s:
            if ln.text and self.current:
                self.current.final = True  # a line of only whitespace ends the cell above
        elif s.startswith(f"{len(self.requirements) + 1}."):
            self.start_requirement(ln)
        elif DEADLINE_START.match(s) and display_width(s) <= DEADLINE_WIDTH and not self.continues_deadline():
            self.start_deadline(ln, ln.start + len(ln.text) - len(ln.text.lstrip()))
        else:
            self.continue_or_start(ln)

    def continues_deadline(self) -> bool:
        return bool(self.current and self.current.column == "deadline" and not self.current.final)

    def continue_or_start(self, ln: SrcLine) -> None:
        cur = self.current
        if cur and not cur.final and cur.fits(ln):
            cur.add(self.text, ln)
        elif self.resume:
            self.current = self.resume.pop(0)
            self.current.add(self.text, ln)
        elif self.pending and (ends_in_space(ln.text) or display_width(ln.text.strip()) > TASK_WIDTH):
            self.start_unit(ln)  # after requirements: a unit, unless the line is a wrapped task line
        else:
            self.start_task(ln)

    def new_cell(self, column: str, ln: SrcLine, start: int | None = None) -> PdfCell:
        cell = PdfCell(column)
        cell.add(self.text, ln, start)
        self.open[column] = self.current = cell
        self.resume = []
        return cell

    def start_task(self, ln: SrcLine) -> None:
        if self.pending:  # a merged cell does not cross a task: the page break split it
            self.close_group(*self.require_group(ln), filled=True)
        self.tasks.append(self.new_cell("task", ln))

    def start_requirement(self, ln: SrcLine) -> None:
        if not self.tasks:
            raise ValueError(f"003: requirement before any task at line {ln.no}")
        req = Requirement(
            len(self.requirements) + 1, self.new_cell("requirement", ln), self.tasks[-1], len(self.tasks)
        )
        self.requirements.append(req)
        self.pending.append(req)

    def start_unit(self, ln: SrcLine) -> None:
        m = UNIT_THEN_DEADLINE.match(ln.text.strip())
        self.unit = self.new_cell("unit", ln)
        if m:  # "市司法局 长期工作 ": a unit and a deadline on one line
            start = ln.start + ln.text.index(m.group(1))
            self.unit.parts = [(start, start + len(m.group(1)))]
            self.unit.final = True
            self.start_deadline(ln, start + len(m.group(0)))

    def start_deadline(self, ln: SrcLine, start: int) -> None:
        if not self.pending:
            raise ValueError(f"003: a deadline with no requirement at line {ln.no}")
        self.close_group(self.unit, self.new_cell("deadline", ln, start), filled=False)

    def require_group(self, ln: SrcLine) -> tuple[PdfCell | None, PdfCell]:
        if self.last_group is None:
            raise ValueError(f"003: requirements without a deadline before line {ln.no}")
        return self.last_group

    def close_group(self, unit: PdfCell | None, deadline: PdfCell, *, filled: bool) -> None:
        for i, req in enumerate(self.pending):
            req.unit, req.deadline, req.filled_down = unit, deadline, filled or i > 0
        self.pending, self.unit, self.last_group = [], None, (unit, deadline)


def cut_pdf_table(stem: str, text: str) -> list[Row]:
    """003: reassemble the wrapped, interleaved cells of the PDF table."""
    table = PdfTable(text)
    inside = False
    for ln in source_lines(text):
        if ln.text.strip() == PAGE_HEADING:
            inside = True
        if TABLE_END.match(ln.text):
            break
        if inside:
            table.feed(ln)
    if table.pending:
        raise ValueError(f"003: requirements {[r.number for r in table.pending]} have no deadline")
    rows = []
    for req in table.requirements:
        dl = req.deadline
        assert dl is not None
        rows.append(
            Row(
                document=stem,
                row=str(req.task_no),
                item=str(req.number),
                task=req.task.joined(text),
                requirement=req.cell.joined(text),
                unit=req.unit.joined(text) if req.unit else None,
                deadline_text=dl.joined(text),
                filled_down=req.filled_down,
                line=line_of(text, dl.span[0]),
                source_span=dl.span,
            )
        )
    return rows


# --------------------------------------------------------------------------- driver

CUTTERS: dict[str, Callable[[str, str], list[Row]]] = {
    "000_855bac6bceb4f4a7": cut_tab_rows,
    "001_3bf1a7abc35ef463": cut_tab_cells,
    "002_af7c7d202925c6e9": cut_bar_cells,
    "003_fc8bcf8b29ea9190": cut_pdf_table,
}


def cut_all(sources: Path = SOURCES) -> dict[str, list[Row]]:
    """Every source document (sorted by name) and its rows; [] for one without a deadline column."""
    out: dict[str, list[Row]] = {}
    for path in sorted(sources.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cutter = CUTTERS.get(path.stem)
        out[path.stem] = cutter(path.stem, text) if cutter else []
    return out


def write_cells(rows: dict[str, list[Row]], out: Path) -> None:
    lines = [r.to_json() for doc_rows in rows.values() for r in doc_rows]
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(line + "\n" for line in lines))


def summary(rows: dict[str, list[Row]]) -> str:
    lines = []
    for stem, doc_rows in rows.items():
        texts = {r.deadline_text for r in doc_rows if r.deadline_text is not None}
        filled = sum(r.filled_down for r in doc_rows)
        lines.append(f"{stem}: {len(doc_rows)} rows, {filled} filled down, {len(texts)} distinct texts")
    every = {r.deadline_text for doc_rows in rows.values() for r in doc_rows if r.deadline_text is not None}
    total = sum(len(doc_rows) for doc_rows in rows.values())
    lines.append(f"total: {total} rows, {len(every)} distinct deadline texts")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of the source .txt files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write cells.jsonl")
    args = parser.parse_args(argv)
    rows = cut_all(args.sources)
    write_cells(rows, args.out)
    print(summary(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
