"""Where the formula cells of a binary workbook (.xls, .et) are, which python-calamine does not report.

calamine gives a formula cell's cached value, and an empty cell when the file holds none (xlwt and other
scripts write formulas with an empty result; Excel computes them only when the file is opened). To tell
that cell from a blank one — which the ledger would fill down from the row above — this module walks the
file itself: the OLE2 compound file (its FAT, mini FAT and directory, [MS-CFB]) to the ``Workbook`` stream,
then that stream's BIFF records ([MS-XLS]): BOUNDSHEET gives each sheet's name and offset, and each sheet's
FORMULA records (0x0006) give (row, column) and the formula, compiled (RPN tokens): the common tokens are
written back as text (``=B2``, ``=CONCATENATE("2017年","9月底前")``, ``=A1&"前"``); a formula with others
shows as :data:`SHOWN`.

Everything here is bounded (chains may not loop, records may not run past the stream) and never raises:
a file it cannot walk gives no formula cells, and calamine's own reading decides whether it is damaged.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

SHOWN = "=(formula)"  # the text of a formula cell of an .xls that holds no value
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_BOUNDSHEET, _BOF, _EOF, _FORMULA = 0x0085, 0x0809, 0x000A, 0x0006
MAX_SHEETS = 256  # Excel's own limit is memory; real plans have a few


def formula_cells(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet name → (row, column) → formula text (without "="; :data:`SHOWN` when it cannot be written
    back) of every FORMULA record (0-based); {} when the file cannot be walked."""
    try:
        stream = _workbook_stream(path.read_bytes())
        return _sheets(stream) if stream else {}
    except (struct.error, IndexError, ValueError, UnicodeDecodeError, OSError):
        return {}


class _Cfb:
    def __init__(self, data: bytes) -> None:
        if data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise ValueError("not an OLE2 compound file")
        self.data = data
        self.shift: int = struct.unpack_from("<H", data, 0x1E)[0]
        mini_shift = struct.unpack_from("<H", data, 0x20)[0]
        if self.shift not in (9, 12) or mini_shift != 6:
            raise ValueError("sector sizes")
        self.size = 1 << self.shift
        first_dir, = struct.unpack_from("<I", data, 0x30)
        self.cutoff, first_minifat, _, first_difat, n_difat = struct.unpack_from("<5I", data, 0x38)
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s not in (_FREE, _END)]
        sector, seen = first_difat, set()
        for _ in range(n_difat):  # DIFAT sectors: 127 (or 1023) FAT sector numbers, then the next one
            if sector in (_FREE, _END) or sector in seen:
                break
            seen.add(sector)
            ids = struct.unpack_from(f"<{self.size // 4}I", data, self._offset(sector))
            fat_sectors += [s for s in ids[:-1] if s not in (_FREE, _END)]
            sector = ids[-1]
        self.fat: list[int] = []
        for s in fat_sectors:
            self.fat += struct.unpack_from(f"<{self.size // 4}I", data, self._offset(s))
        self.minifat = list(struct.unpack(f"<{len(raw) // 4}I", raw)) if (
            raw := self._chain(first_minifat)) else []
        self.entries = self._directory(self._chain(first_dir))

    def _offset(self, sector: int) -> int:
        offset = (sector + 1) << self.shift
        if offset >= len(self.data):  # (the last sector may be short)
            raise IndexError("sector past the end of the file")
        return offset

    def _chain(self, sector: int, fat: list[int] | None = None,
               read: Callable[[int], bytes] | None = None) -> bytes:
        table = self.fat if fat is None else fat
        parts, seen = [], set()
        while sector not in (_END, _FREE) and sector < len(table) and sector not in seen:
            seen.add(sector)
            parts.append(read(sector) if read else self.data[self._offset(sector):self._offset(sector) + self.size])
            sector = table[sector]
        return b"".join(parts)

    def _directory(self, raw: bytes) -> dict[str, tuple[int, int]]:
        """Stream name → (first sector, size); the root entry as "" (the mini stream)."""
        out: dict[str, tuple[int, int]] = {}
        for at in range(0, len(raw) - 127, 128):
            length, kind = struct.unpack_from("<HB", raw, at + 64)
            if kind not in (2, 5) or not 2 <= length <= 64:
                continue
            name = raw[at:at + length - 2].decode("utf-16-le")
            start, size = struct.unpack_from("<IQ", raw, at + 116)
            out["" if kind == 5 else name] = (start, size & 0xFFFFFFFF if self.shift == 9 else size)
        return out

    def stream(self, name: str) -> bytes | None:
        if name not in self.entries:
            return None
        start, size = self.entries[name]
        if size >= self.cutoff:
            return self._chain(start)[:size]
        mini = self._chain(self.entries.get("", (_END, 0))[0])  # the mini stream, in 64-byte sectors
        return self._chain(start, self.minifat, lambda s: mini[s * 64:s * 64 + 64])[:size]


def _workbook_stream(data: bytes) -> bytes | None:
    cfb = _Cfb(data)
    return cfb.stream("Workbook") or cfb.stream("Book")


def _records(stream: bytes, at: int) -> list[tuple[int, bytes]]:
    """The records of one substream from its BOF at ``at`` to its EOF."""
    out = []
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        out.append((kind, stream[at + 4:at + 4 + length]))
        at += 4 + length
        if kind == _EOF:
            break
    return out


def _sheets(stream: bytes) -> dict[str, dict[tuple[int, int], str]]:
    out: dict[str, dict[tuple[int, int], str]] = {}
    for kind, body in _records(stream, 0):
        if kind != _BOUNDSHEET or len(body) < 8:
            continue
        offset, count, wide = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
        raw = body[8:8 + count * (2 if wide else 1)]
        name = raw.decode("utf-16-le" if wide else "latin-1")
        if not offset < len(stream) or struct.unpack_from("<H", stream, offset)[0] != _BOF:
            continue
        if len(out) >= MAX_SHEETS:  # a forged list of sheets, all pointing at one big substream
            break
        out[name] = {struct.unpack_from("<HH", rec): _formula(rec) for k, rec in _records(stream, offset)
                     if k == _FORMULA and len(rec) >= 4}
    return out


# BIFF8 formula tokens ([MS-XLS] 2.5.198): binary operators, and the functions most formulas in a table use
_BINARY = {0x03: "+", 0x04: "-", 0x05: "*", 0x06: "/", 0x07: "^", 0x08: "&", 0x09: "<", 0x0A: "<=", 0x0B: "=",
           0x0C: ">=", 0x0D: ">", 0x0E: "<>"}
_FUNCTIONS = {0: "COUNT", 1: "IF", 4: "SUM", 5: "AVERAGE", 6: "MIN", 7: "MAX", 15: "SIN", 31: "MID", 36: "AND",
              37: "OR", 38: "NOT", 48: "TEXT", 65: "DATE", 67: "DAY", 68: "MONTH", 69: "YEAR", 74: "NOW",
              115: "LEFT", 116: "RIGHT", 118: "TRIM", 221: "TODAY", 336: "CONCATENATE"}
_FIXED = {15: 1, 38: 1, 48: 2, 65: 3, 67: 1, 68: 1, 69: 1, 74: 0, 118: 1, 221: 0}  # arguments of ptgFunc


def _column(n: int) -> str:
    name = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def _cell(row: int, col: int) -> str:
    """A1 notation; bits 14 and 15 of ``col`` say the column and the row are relative (no $)."""
    return ("" if col & 0x4000 else "$") + _column(col & 0xFF) + ("" if col & 0x8000 else "$") + str(row + 1)


def _formula(rec: bytes) -> str:
    """The formula of a FORMULA record as text, or :data:`SHOWN` when it uses a token not written back."""
    if len(rec) < 22:
        return SHOWN
    size, = struct.unpack_from("<H", rec, 20)
    rgce, at = rec[22:22 + size], 0
    stack: list[str] = []
    try:
        while at < len(rgce):
            tok = rgce[at]
            at += 1
            base = tok & 0x1F if tok >= 0x20 else tok
            if tok in _BINARY:
                right, left = stack.pop(), stack.pop()
                stack.append(left + _BINARY[tok] + right)
            elif tok in (0x12, 0x13):
                stack.append(("+" if tok == 0x12 else "-") + stack.pop())
            elif tok == 0x14:
                stack.append(stack.pop() + "%")
            elif tok == 0x15:
                stack.append("(" + stack.pop() + ")")
            elif tok == 0x17:
                count, wide = rgce[at], rgce[at + 1] & 1
                text = rgce[at + 2:at + 2 + count * (2 if wide else 1)].decode("utf-16-le" if wide else "latin-1")
                at += 2 + count * (2 if wide else 1)
                stack.append('"' + text.replace('"', '""') + '"')
            elif tok == 0x19:  # tAttr: spaces, volatile, IF jumps; only tAttrSum changes the formula
                flags = rgce[at]
                at += 3
                if flags & 0x04:  # tAttrChoose: a jump table follows
                    return SHOWN
                if flags & 0x10:
                    stack.append("SUM(" + stack.pop() + ")")
            elif tok == 0x1E:
                stack.append(str(struct.unpack_from("<H", rgce, at)[0]))
                at += 2
            elif tok == 0x1F:
                value = struct.unpack_from("<d", rgce, at)[0]
                stack.append(str(int(value)) if value.is_integer() else repr(value))
                at += 8
            elif tok == 0x1D:
                stack.append("TRUE" if rgce[at] else "FALSE")
                at += 1
            elif tok >= 0x20 and base == 0x04:  # ptgRef
                row, col = struct.unpack_from("<HH", rgce, at)
                at += 4
                stack.append(_cell(row, col))
            elif tok >= 0x20 and base == 0x05:  # ptgArea
                row0, row1, col0, col1 = struct.unpack_from("<4H", rgce, at)
                at += 8
                stack.append(_cell(row0, col0) + ":" + _cell(row1, col1))
            elif tok >= 0x20 and base in (0x01, 0x02):  # ptgFunc (fixed arguments), ptgFuncVar
                if base == 0x02:
                    args, index = rgce[at], struct.unpack_from("<H", rgce, at + 1)[0] & 0x7FFF
                    at += 3
                else:
                    index = struct.unpack_from("<H", rgce, at)[0]
                    at += 2
                    if index not in _FIXED:
                        return SHOWN
                    args = _FIXED[index]
                if index not in _FUNCTIONS or args > len(stack):
                    return SHOWN
                values = stack[len(stack) - args:]
                del stack[len(stack) - args:]
                stack.append(f"{_FUNCTIONS[index]}({','.join(values)})")
            else:
                return SHOWN
    except (IndexError, struct.error, UnicodeDecodeError):
        return SHOWN
    return stack[0] if len(stack) == 1 else SHOWN
