"""Bytes → text in the encodings people have, and CSV/TSV → a grid.

The rule (:func:`decode`): a forced ``encoding`` wins; else a BOM (UTF-8, UTF-16); else UTF-8 if the
bytes are valid UTF-8; else what charset-normalizer finds among GB18030 (a superset of GBK and GB2312),
UTF-16 and Big5; else GB18030, with undecodable bytes replaced — what Excel on a Chinese Windows writes.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from deadline_cn.documents.grid import Cell, DocumentError, Grid, Limits, rectangular

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CANDIDATES = ["gb18030", "utf_16_le", "utf_16_be", "big5"]
# labels that promise less than the page holds: GB2312/GBK pages routinely contain GB18030-only characters
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "utf8": "utf-8"}


def encoding_of(raw: bytes) -> str:
    """The encoding of ``raw`` by the rule above (a codec name Python knows)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    if _mostly_utf8(raw):
        return "utf-8"
    try:
        import charset_normalizer
    except ImportError:
        return "gb18030"
    best = charset_normalizer.from_bytes(raw[:65536], cp_isolation=_CANDIDATES).best()
    return wider(best.encoding) if best is not None else "gb18030"


def _mostly_utf8(raw: bytes) -> bool:
    """Valid UTF-8, or UTF-8 with a few bad bytes (a damaged line must not make the whole file GBK):
    GBK read as UTF-8 gives almost nothing but replacement characters."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad == 0 or (bad == 1 and text.endswith("\ufffd")):  # a sample may end inside a character
        return True
    wide = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return wide >= bad


def wider(name: str) -> str:
    """The codec to decode a page labelled ``name`` with (GBK → GB18030); LookupError if unknown."""
    name = name.strip().lower()
    codecs.lookup(name)
    return _WIDER.get(name, name)


def decode(raw: bytes, encoding: str | None = None) -> str:
    """``raw`` as text: ``encoding`` if given, else found by the module's rule."""
    name = wider(encoding) if encoding else encoding_of(raw)
    text = raw.decode(name, errors="replace")
    return text.removeprefix("\ufeff")


def csv_grid(path: Path, delimiter: str | None, limits: Limits, encoding: str | None = None) -> Grid:
    """The one grid of a CSV/TSV file; the separator is the one the first lines use most."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise DocumentError(f"{path.name}: {size:,} bytes, over the limit of {limits.max_bytes:,}")
    text = decode(path.read_bytes(), encoding)
    if delimiter is None:  # a tie goes to ","
        head = "\n".join(text.splitlines()[:5])
        delimiter = max(",\t;", key=head.count)
    try:
        rows = [[Cell(v.strip()) for v in row]
                for row in csv.reader(io.StringIO(text.replace("\x00", "")), delimiter=delimiter)]
    except csv.Error as exc:
        raise DocumentError(f"{path.name}: damaged CSV ({exc})") from None
    return rectangular(Grid(path.name, rows))


def lines(path: Path, encoding: str | None = None) -> list[str]:
    """The non-empty lines of a text file, stripped."""
    return [line.strip() for line in decode(path.read_bytes(), encoding).splitlines() if line.strip()]
