"""Writing ledger rows as CSV, JSONL or XLSX (the ``--to`` of ``deadline-cn table``).

CSV and XLSX are flat: lists (flags, parts) are JSON text in one cell; XLSX dates are real dates. JSONL
keeps lists as lists and adds ``result``, the full DESIGN.md dict of the reading.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from deadline_cn._cli.extras import need
from deadline_cn._read.normalise import DateLike
from deadline_cn.table import Row

FORMATS = ("csv", "jsonl", "xlsx")


def columns(records: Sequence[dict[str, Any]]) -> list[str]:
    """Every key, in first-seen order (tables of a .docx may differ in their columns)."""
    return list(dict.fromkeys(k for rec in records for k in rec))


def flat(value: Any) -> Any:
    """A cell value for CSV / XLSX: dates as ISO text, lists as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        if not value:
            return ""
        if all(isinstance(v, str) for v in value):
            return ", ".join(value)
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(rows: Sequence[Row], stream: TextIO, as_of: DateLike = None) -> None:
    records = [row.to_dict(as_of) for row in rows]
    writer = csv.DictWriter(stream, fieldnames=columns(records), lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow({k: flat(v) for k, v in rec.items()})


def write_jsonl(rows: Sequence[Row], stream: TextIO, as_of: DateLike = None) -> None:
    for row in rows:
        rec = row.to_dict(as_of)
        rec["result"] = row.result.to_dict()
        stream.write(json.dumps(rec, ensure_ascii=False, default=_iso) + "\n")


def _iso(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_xlsx(rows: Sequence[Row], path: Path, as_of: DateLike = None) -> None:
    openpyxl = need("openpyxl", "writing .xlsx")
    records = [row.to_dict(as_of) for row in rows]
    names = columns(records)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "台账"
    ws.append(names)
    for rec in records:
        ws.append([_xlsx_value(rec.get(k)) for k in names])
    for cell in ws[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    for col in ws.iter_cols(min_row=2):
        for cell in col:
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    book.save(str(path))


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value
    out = flat(value)
    return None if out == "" else out
