"""A whole plan → one ledger: its tables' task rows and the deadlines of its prose, each with where it
came from, read against the plan's own date and year.

- The date (``ref``): a line labelled 成文日期 / 印发日期 / 发文日期; else the first line that is only a
  date (the signature date of the notice, 成文日期); else a "…年…月…日印发" line (the imprint at the end).
  Chinese numerals are read too (二〇二一年七月一日).
- The plan year: the year in the title ("湛江市2021年政务公开工作要点", a title over two lines joined);
  else the year of the date.
- The plan's identity, for calendar UIDs: its document number (湛府办〔2021〕15号), else its title.
- Tables with a deadline column: one row per task (:mod:`.rows`).
- Tables without one (a 分工方案 whose deadlines are written inside its 具体要求 cells, "必须在今年内全面公开…"):
  ``extract()`` on each cell; each find is a row with the table's columns, ``source`` "table N" and
  ``source_row`` (1-based, as for task rows). A cell that continues a merge is not read twice.
- Prose: ``extract()`` on each paragraph outside the tables; each find is a row whose ``source`` is
  "paragraph N" (1-based, over the document's paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from deadline_cn._read.extract import extract
from deadline_cn.documents.grid import Document, Grid, find_header, squash
from deadline_cn.documents.rows import DEADLINE_HEADERS, Row, column_names, rows_of

_NUM = "〇零○Ｏ一二三四五六七八九十"
_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_DATE = (rf"(?P<y>\d{{4}}|[{_NUM}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_NUM}]{{1,2}})\s*月\s*"
         rf"(?P<d>\d{{1,2}}|[{_NUM}]{{1,3}})\s*日")
_LABELLED = re.compile(rf"(?P<label>成文日期|印发日期|发文日期)\s*[:：]?\s*{_DATE}")
_ALONE = re.compile(rf"^[\s(（]*{_DATE}[\s)）]*$")
_IMPRINT = re.compile(rf"(?:^|\s){_DATE}\s*印发\s*$")
_TITLE_YEAR = re.compile(r"(?P<y>\d{4})\s*年(?:度)?[^，。；！？]{0,40}?"
                         r"(?:工作要点|要点|工作计划|计划|实施方案|方案|任务)")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［(（„]\s*(\d{4})\s*[〕\]］)）‟]\s*\d{1,4}\s*号")
_TITLE_WORDS = re.compile(r"方案|要点|计划|通知|意见|分解表")
HEAD = 40  # the title and document number are in the first paragraphs


@dataclass(frozen=True)
class Found:
    """A value found in the document, and where: "成文日期 (paragraph 12)", "title (paragraph 3)"."""

    value: date | int | str
    where: str


@dataclass
class PlanInfo:
    ref: Found | None = None
    plan_year: Found | None = None
    title: Found | None = None
    number: Found | None = None  # the document number, 湛府办〔2021〕15号

    @property
    def identity(self) -> str:
        """What names the plan in calendar UIDs: its number, else its title, else nothing."""
        for found in (self.number, self.title):
            if found is not None:
                return re.sub(r"\s+", "", str(found.value))
        return ""


@dataclass
class Ledger:
    info: PlanInfo
    ref: date | None
    plan_year: int | None
    table_rows: list[Row] = field(default_factory=list)  # task rows of tables with a deadline column
    prose_rows: list[Row] = field(default_factory=list)  # deadlines extract() finds in the paragraphs
    cell_rows: list[Row] = field(default_factory=list)  # … and in the cells of tables without that column

    @property
    def rows(self) -> list[Row]:
        return self.table_rows + self.cell_rows + self.prose_rows


def find_info(paragraphs: list[str]) -> PlanInfo:
    """The date, plan year, title and document number of a plan, from its paragraphs."""
    info = PlanInfo(ref=_find_date(paragraphs), title=_find_title(paragraphs), number=_find_number(paragraphs))
    if info.title is not None:
        m = _TITLE_YEAR.search(str(info.title.value))
        if m and 1900 <= int(m.group("y")) <= 2199:
            info.plan_year = Found(int(m.group("y")), f"title ({info.title.where})")
    if info.plan_year is None and isinstance(info.ref.value if info.ref else None, date):
        assert info.ref is not None and isinstance(info.ref.value, date)
        info.plan_year = Found(info.ref.value.year, "the year of the date")
    return info


def _find_date(paragraphs: list[str]) -> Found | None:
    lines = [(n, line) for n, p in enumerate(paragraphs, 1) for line in p.splitlines()]
    for pattern, what in ((_LABELLED, None), (_ALONE, "成文日期"), (_IMPRINT, "印发日期")):
        for n, line in lines:
            m = pattern.search(line)
            day = _day(m) if m else None
            if day is not None:
                assert m is not None
                return Found(day, f"{what or m.group('label')} (paragraph {n}: {m.group().strip()})")
    return None


def _day(m: re.Match[str]) -> date | None:
    try:
        return date(_number(m.group("y"), year=True), _number(m.group("m")), _number(m.group("d")))
    except ValueError:
        return None


def _number(text: str, *, year: bool = False) -> int:
    if text.isdigit():
        return int(text)
    if year:  # 二〇二一: digit by digit
        return int("".join(str(_DIGITS[c]) for c in text))
    if "十" in text:  # 十, 十二, 二十, 二十一
        tens, _, ones = text.partition("十")
        return (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    return _DIGITS[text]


def _find_title(paragraphs: list[str]) -> Found | None:
    """The first of the first paragraphs naming a plan (方案, 要点, 计划 …), joined with the next one when
    a year-less line continues it (a title set over two lines)."""
    head = paragraphs[:HEAD]
    for i, text in enumerate(head):
        if not _titlelike(text):
            continue
        joined = text + (head[i + 1] if i + 1 < len(head) and _titlelike(head[i + 1]) else "")
        m = _TITLE_YEAR.search(joined)
        if m and m.start() < len(text):  # the year is on this line, the rest may be on the next
            return Found(joined if m.end() > len(text) else text, f"paragraph {i + 1}")
    for i, text in enumerate(head):
        if _titlelike(text) and _TITLE_WORDS.search(text):
            return Found(text, f"paragraph {i + 1}")
    return None


def _titlelike(text: str) -> bool:
    """Short, not a sentence, not a date, not a document number."""
    return (len(text) <= 60 and not text.rstrip().endswith(("。", "：", ":", "；"))
            and not _ALONE.search(text) and not _DOC_NUMBER.fullmatch(text.strip()))


def _find_number(paragraphs: list[str]) -> Found | None:
    for i, text in enumerate(paragraphs[:HEAD], 1):
        m = _DOC_NUMBER.fullmatch(text.strip())  # on a line of its own: the plan's number, not one it cites
        if m:
            return Found(re.sub(r"\s+", "", m.group()), f"paragraph {i}")
    return None


def ledger(doc: Document, *, ref: date | None = None, plan_year: int | None = None,
           month_before: str = "inclusive", column: str | None = None, prose: bool = True) -> Ledger:
    """The whole document's ledger; ``ref`` / ``plan_year`` given here override what the document says."""
    info = find_info(doc.paragraphs)
    found_ref = info.ref.value if info.ref and isinstance(info.ref.value, date) else None
    in_title = info.plan_year is not None and info.plan_year.where.startswith("title")
    title_year = info.plan_year.value if in_title and info.plan_year and isinstance(info.plan_year.value, int) else None
    use_ref = ref or found_ref
    use_year = plan_year or title_year or (use_ref.year if use_ref else None)
    names = (column,) if column else DEADLINE_HEADERS
    rows = rows_of(doc.grids, names, ref=use_ref, plan_year=use_year, month_before=month_before) or []
    out = Ledger(info, use_ref, use_year, rows)
    if prose:
        for grid in doc.grids:
            if not grid.layout and find_header(grid, names) is None:
                out.cell_rows.extend(_cell_finds(grid, use_ref, use_year, month_before))
        for n, paragraph in enumerate(doc.paragraphs, 1):
            for result in extract(paragraph, ref=use_ref, plan_year=use_year, month_before=month_before):
                phrase = paragraph[result.span[0]:result.span[1]]
                out.prose_rows.append(Row(cells={"段落": paragraph}, text=phrase, result=result,
                                          source=f"paragraph {n}", source_row=0))
    return out


def _cell_finds(grid: Grid, ref: date | None, plan_year: int | None, month_before: str) -> list[Row]:
    """The deadlines extract() finds in the cells of a table without a deadline column, one row each."""
    head = _header_row(grid)
    width = max((len(r) for r in grid.rows), default=0)
    names = column_names(grid.rows[head]) if head is not None else [f"column {i + 1}" for i in range(width)]
    key = [squash(c.text) for c in grid.rows[head]] if head is not None else None
    out: list[Row] = []
    for number, cells in enumerate(grid.rows, 1):
        if number - 1 == head or [squash(c.text) for c in cells] == key:
            continue  # the header, or its repeat on a new page
        seen: set[str] = set()
        for cell in cells:
            if cell.merged or cell.formula or cell.text in seen:
                continue  # read once: at the top of its merge, once across a horizontal merge
            seen.add(cell.text)
            for result in extract(cell.text, ref=ref, plan_year=plan_year, month_before=month_before):
                out.append(Row(cells=dict(zip(names, (c.text for c in cells), strict=False)),
                               text=cell.text[result.span[0]:result.span[1]], result=result, source=grid.name,
                               source_row=number))
    return out


def _header_row(grid: Grid) -> int | None:
    """The first row with text when it reads as a header: every cell short, one of them naming a task or
    a unit (工作任务, 具体要求, 责任单位 …)."""
    for r, cells in enumerate(grid.rows[:5]):
        texts = [squash(c.text) for c in cells if c.text.strip()]
        if not texts:
            continue
        named = any(w in t for t in texts for w in ("任务", "要求", "单位", "部门", "内容", "事项", "序号"))
        return r if named and all(len(t) <= 12 for t in texts) else None
    return None

