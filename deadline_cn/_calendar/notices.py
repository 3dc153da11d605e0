"""A year's holiday notice in a small text file, so users can add it the day it is published.

Format (one statement a line; ``#`` starts a comment)::

    year 2026
    source 国务院办公厅关于2026年部分节假日安排的通知
    off 元旦 2026-01-01..2026-01-03
    work 元旦 2026-01-04

``off <holiday> <days>`` lists days off and ``work <holiday> <days>`` make-up working days; ``<days>`` are
ISO dates or ``first..last`` ranges, separated by spaces or commas. Every other day of ``year`` follows
Monday–Friday. Days listed outside ``year`` (元旦 blocks that start in December) override those days too.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path  # loaded where a path is read: pathlib pulls in urllib, ipaddress, fnmatch


class Notice(NamedTuple):
    year: int
    source: str
    off: dict[date, str]  # day off -> holiday name
    work: dict[date, str]  # make-up working day -> holiday name

    def working(self, day: date) -> bool | None:
        """The notice's status for ``day``; None for a day outside its year that it does not list."""
        if day in self.work:
            return True
        if day in self.off:
            return False
        return day.weekday() < 5 if day.year == self.year else None


def parse(text: str, origin: str = "<notice>") -> Notice:
    """Read the format above; ValueError (naming ``origin`` and the line) for anything else."""
    year: int | None = None
    source = origin
    off: dict[date, str] = {}
    work: dict[date, str] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        words = raw.split("#", 1)[0].replace(",", " ").replace("，", " ").split()
        if not words:
            continue
        try:
            keyword = words[0].lower()
            if keyword == "year" and len(words) == 2:
                year = int(words[1])
            elif keyword == "source" and len(words) >= 2:
                source = " ".join(words[1:])
            elif keyword in ("off", "work") and len(words) >= 3:
                target = off if keyword == "off" else work
                target.update((day, words[1]) for item in words[2:] for day in _days(item))
            else:
                raise ValueError("expected 'year N', 'source TEXT', 'off NAME DAYS' or 'work NAME DAYS'")
        except ValueError as exc:
            raise ValueError(f"{origin}, line {number}: {exc}: {raw.strip()!r}") from None
    if year is None:
        raise ValueError(f"{origin}: no 'year' line")
    if set(off) & set(work):
        raise ValueError(f"{origin}: days both off and worked: {sorted(set(off) & set(work))}")
    return Notice(year, source, off, work)


def read(path: str | Path) -> Notice:
    from pathlib import Path

    file = Path(path)
    return parse(file.read_text(encoding="utf-8"), str(file))


def _days(item: str) -> list[date]:
    first_text, _, last_text = item.partition("..")
    first = date.fromisoformat(first_text)
    last = date.fromisoformat(last_text) if last_text else first
    if last < first:
        raise ValueError(f"range ends before it starts: {item}")
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
