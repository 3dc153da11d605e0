"""Where the formula cells of a binary workbook (.xls, .et) are, which python-calamine does not report.

calamine gives a formula cell's cached value, and an empty cell when the file holds none (xlwt and other
scripts write formulas with an empty result; Excel computes them only when the file is opened). To tell
that cell from a blank one — which the ledger would fill down from the row above — this module walks the
file itself: the OLE2 compound file (its FAT, mini FAT and directory, [MS-CFB]) to the ``Workbook`` stream,
then that stream's BIFF records ([MS-XLS]): BOUNDSHEET gives each sheet's name and offset, and each sheet's
FORMULA records (0x0006) give (row, column). The formula itself stays compiled (RPN tokens); the cell
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


def formula_cells(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Sheet name → (row, column) of every FORMULA record (0-based); {} when the file cannot be walked."""
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


def _sheets(stream: bytes) -> dict[str, set[tuple[int, int]]]:
    out: dict[str, set[tuple[int, int]]] = {}
    for kind, body in _records(stream, 0):
        if kind != _BOUNDSHEET or len(body) < 8:
            continue
        offset, count, wide = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
        raw = body[8:8 + count * (2 if wide else 1)]
        name = raw.decode("utf-16-le" if wide else "latin-1")
        if not offset < len(stream) or struct.unpack_from("<H", stream, offset)[0] != _BOF:
            continue
        out[name] = {struct.unpack_from("<HH", rec) for k, rec in _records(stream, offset)
                     if k == _FORMULA and len(rec) >= 4}
    return out
