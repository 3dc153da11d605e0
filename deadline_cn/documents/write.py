"""Writing ledger rows as CSV, JSONL or XLSX, safely (the ``--to`` of ``deadline-cn table``).

CSV and XLSX are flat: lists (flags, parts) are JSON text in one cell; XLSX dates are real dates. JSONL
keeps lists as lists and adds ``result``, the full DESIGN.md dict of the reading.

Spreadsheet safety (OWASP, "CSV Injection"): a text cell that a spreadsheet would run as a formula —
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return — is written to CSV with a ``'``
in front (``safe=False`` / ``--raw-cells`` writes it as it is). In XLSX every text cell is stored as
text, never as a formula, so nothing needs a prefix there.

Files: :func:`check_output` refuses an output that is one of the inputs, and an existing output unless
``force``; :func:`replace_atomically` writes to a temporary file beside the output and renames it, so an
interrupted run leaves the old file whole.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, TextIO

from deadline_cn._read.normalise import DateLike
from deadline_cn.documents.extras import need
from deadline_cn.documents.grid import DocumentError
from deadline_cn.documents.ledger import ZH_COLUMNS
from deadline_cn.documents.rows import Row

FORMATS = ("csv", "jsonl", "xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def defuse(value: Any) -> Any:
    """A CSV cell a spreadsheet will show, not run: text starting with = + - @ tab CR gets a ``'``."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def header(names: Iterable[str], lang: str) -> list[str]:
    return [ZH_COLUMNS.get(n, n) for n in names] if lang == "zh" else list(names)


def write_csv(rows: Sequence[Row], stream: TextIO, as_of: DateLike = None, *, safe: bool = True,
              lang: str = "en") -> None:
    records = [row.to_dict(as_of, lang) for row in rows]
    names = columns(records)
    out = csv.writer(stream, lineterminator="\n")
    clean = defuse if safe else (lambda v: v)
    out.writerow([clean(n) for n in header(names, lang)])
    for rec in records:
        out.writerow([clean(flat(rec.get(k))) for k in names])


def write_jsonl(rows: Sequence[Row], stream: TextIO, as_of: DateLike = None, *, safe: bool = True,
                lang: str = "en") -> None:
    """JSON is data, not a spreadsheet: ``safe`` changes nothing here."""
    for row in rows:
        rec = row.to_dict(as_of, lang)
        rec["result"] = row.result.to_dict()
        stream.write(json.dumps(rec, ensure_ascii=False, default=_iso) + "\n")


def _iso(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_xlsx(rows: Sequence[Row], path: Path, as_of: DateLike = None, *, safe: bool = True,
               lang: str = "en") -> None:
    """An .xlsx ledger; every text cell is stored as text (``safe`` is for CSV: XLSX is always safe)."""
    openpyxl = need("openpyxl", "writing .xlsx")
    records = [row.to_dict(as_of, lang) for row in rows]
    names = columns(records)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "台账"
    ws.append(header(names, lang))
    for rec in records:
        ws.append([_xlsx_value(rec.get(k)) for k in names])
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl makes any "=..." a live formula; a ledger holds none
            elif isinstance(cell.value, (date, datetime)):
                cell.number_format = "yyyy-mm-dd"
    for cell in ws[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    with replace_atomically(path, "wb") as f:
        book.save(f)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value
    out = flat(value)
    return None if out == "" else out


def check_output(path: Path, inputs: Iterable[Path], *, force: bool) -> None:
    """DocumentError when writing ``path`` would replace an input, or an existing file without ``force``."""
    for source in inputs:
        if path.exists() and source.exists() and os.path.samefile(path, source):
            raise DocumentError(f"{path}: is the input file; write the output elsewhere")
    if path.is_dir():
        raise DocumentError(f"{path}: is a directory")
    if path.exists() and not force:
        raise DocumentError(f"{path}: exists; give --force to replace it")
    if not path.parent.is_dir():
        raise DocumentError(f"{path}: the folder {path.parent} does not exist")


@contextlib.contextmanager
def replace_atomically(path: Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Write a temporary file beside ``path`` and rename it over ``path`` once written whole."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, mode, **kwargs) as f:
            yield f
        os.chmod(tmp, _mode(path))  # mkstemp makes 0600; give what a plain open() would have
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode(path: Path) -> int:
    """The replaced file's permissions, or a new file's under the process umask."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
