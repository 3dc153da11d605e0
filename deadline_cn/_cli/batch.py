"""``deadline-cn batch``: lines in, JSONL out — one output line per input line, in order, none dropped.

An input line is either plain text (the phrase) or, when it starts with "{", a JSON object with ``text``
and optionally ``ref`` ("YYYY-MM-DD" or null), ``plan_year`` (int or null), ``month_before`` and ``id``
(echoed back). The command's --ref / --plan-year / --month-before are the defaults a JSON line overrides.
Output: the result dict (DESIGN.md) with ``"line": N`` (1-based) first; a line that cannot be read (bad
JSON, bytes invalid in the input's encoding, a lone surrogate, a field of the wrong type) gives
``{"line": N, "error": "...", "input": "<the line>"}`` and the run goes on to the last line.
Lines are split on "\\n" only, so a stray "\\r" or U+2028 inside a phrase never makes two lines of one.
The input's encoding is found once from its start (UTF-8 with or without BOM, GB18030/GBK, UTF-16; see
:mod:`deadline_cn.documents.text`) or forced with ``--encoding``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from deadline_cn._read.normalise import normalise
from deadline_cn.results import Result, Unresolved

_FIELDS = {"text": (str,), "ref": (str, type(None)), "plan_year": (int, type(None)),
           "month_before": (str,)}


@dataclass(frozen=True)
class Options:
    ref: str | None = None
    plan_year: int | None = None
    month_before: str = "inclusive"


@dataclass
class Counts:
    lines: int = 0
    unresolved: int = 0
    errors: int = 0
    results: list[tuple[int, Result]] = field(default_factory=list)  # kept only when asked (--ics)


_SURROGATE = re.compile("[\ud800-\udfff]")


class LineError(ValueError):
    """A line that cannot be read; the message goes into the error record."""


@lru_cache(maxsize=8192)
def _read(text: str, ref: str | None, plan_year: int | None, month_before: str) -> Result:
    return normalise(text, ref=ref, plan_year=plan_year, month_before=month_before)


def parse_line(line: str, defaults: Options) -> tuple[Result, Any]:
    """The reading of one line and its ``id`` (None if not given); LineError for a bad line."""
    if not line.lstrip().startswith("{"):
        return _call(line, defaults.ref, defaults.plan_year, defaults.month_before), None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise LineError(f"a JSON line must be an object, not {type(obj).__name__}")
    if "text" not in obj:
        raise LineError('a JSON line needs a "text" field')
    for key, types in _FIELDS.items():
        if key in obj and (not isinstance(obj[key], types) or isinstance(obj[key], bool)):
            allowed = " or ".join("null" if t is type(None) else t.__name__ for t in types)
            raise LineError(f'"{key}" must be {allowed}, not {type(obj[key]).__name__}')
    bad = next((k for k, v in obj.items() if isinstance(v, str) and _SURROGATE.search(v)), None)
    if bad is not None:
        raise LineError(f'"{bad}" holds a lone surrogate (\\ud800-\\udfff), which is not a character')
    ref = obj["ref"] if "ref" in obj else defaults.ref
    year = obj["plan_year"] if "plan_year" in obj else defaults.plan_year
    return _call(obj["text"], ref, year, obj.get("month_before", defaults.month_before)), obj.get("id")


def _call(text: str, ref: str | None, plan_year: int | None, month_before: str) -> Result:
    try:
        return _read(text, ref, plan_year, month_before)
    except (TypeError, ValueError) as exc:
        raise LineError(str(exc)) from None


def record(number: int, raw: bytes, defaults: Options,
           encoding: str = "utf-8") -> tuple[dict[str, Any], Result | None]:
    """The output record of input line ``number`` (its bytes without the "\\n")."""
    raw = raw.removesuffix(b"\r")
    try:
        line = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = raw.decode(encoding, errors="replace")
        return {"line": number, "error": f"invalid {_label(encoding)} at byte {exc.start}", "input": bad}, None
    if number == 1:
        line = line.removeprefix("\ufeff")
    try:
        result, ident = parse_line(line, defaults)
    except LineError as exc:
        return {"line": number, "error": str(exc), "input": line}, None
    out: dict[str, Any] = {"line": number}
    if ident is not None:
        out["id"] = ident
    out.update(result.to_dict())
    return out, result


def _label(encoding: str) -> str:
    return encoding.upper().replace("_", "-").removesuffix("-SIG")


def run(lines: Iterable[bytes], write: Callable[[str], Any], defaults: Options, *, encoding: str = "utf-8",
        keep: bool = False, tick: Callable[[int, int], None] | None = None) -> Counts:
    """Read every line, write one JSON line each; ``tick(bytes_done, lines_done)`` drives a progress bar.

    ``lines`` are bytes split on b"\\n", in ``encoding`` (one where b"\\n" is always a line end: UTF-8,
    GB18030; :func:`split_lines` gives such lines for UTF-16)."""
    counts = Counts()
    done = 0
    for number, raw in enumerate(lines, 1):
        done += len(raw)
        rec, result = record(number, raw.removesuffix(b"\n"), defaults, encoding)
        out = json.dumps(rec, ensure_ascii=False)
        if _SURROGATE.search(out):  # unencodable: never let one line end the run
            rec, result = {"line": number, "error": "a lone surrogate, which is not a character",
                           "input": json.dumps(rec.get("input", rec.get("text", "")))}, None
            out = json.dumps(rec, ensure_ascii=False)
        write(out + "\n")
        counts.lines = number
        if result is None:
            counts.errors += 1
        elif isinstance(result, Unresolved):
            counts.unresolved += 1
        if keep and result is not None:
            counts.results.append((number, result))
        if tick is not None:
            tick(done, number)
    return counts


def split_lines(data: bytes, encoding: str) -> Iterator[bytes]:
    """Lines of a whole input in an encoding where b"\\n" is not a line end (UTF-16), as UTF-8 bytes."""
    text = data.decode(encoding, errors="replace").removeprefix("\ufeff")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return (line.encode("utf-8") + b"\n" for line in lines)
