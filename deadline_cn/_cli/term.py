"""Terminal niceties for the CLI: colour (only on a terminal) and a progress bar on stderr."""

from __future__ import annotations

import os
import time
from typing import TextIO

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34",
          "magenta": "35", "cyan": "36"}
KIND_COLOURS = {"deadline": "green", "window": "cyan", "ongoing": "blue", "recurrence": "magenta",
                "conditional": "yellow", "relative": "yellow", "compound": "bold", "unresolved": "red"}


def wants_colour(stream: TextIO, choice: str = "auto") -> bool:
    """``always`` / ``never``, or ``auto``: a terminal, NO_COLOR unset and TERM not "dumb"."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return is_tty(stream)


def is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Paint:
    """Wraps text in ANSI codes when enabled, else returns it unchanged."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles or not text:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


class Progress:
    """A one-line progress bar on a terminal (a line counter when the size is unknown), redrawn at most
    10×/s, shown only for large inputs: ``min_bytes`` of a known size, else after ``min_lines`` lines."""

    def __init__(self, stream: TextIO, total_bytes: int | None, *, min_bytes: int = 512 * 1024,
                 min_lines: int = 5000) -> None:
        self.stream = stream
        self.total = total_bytes
        self.large = total_bytes is not None and total_bytes >= min_bytes
        self.min_lines = min_lines
        self.shown = False
        self._last = 0.0

    def update(self, done_bytes: int, count: int, *, force: bool = False) -> None:
        if not (self.large or (self.total is None and count >= self.min_lines)):
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last, self.shown = now, True
        if self.total:
            frac = min(1.0, done_bytes / self.total)
            text = f"[{'#' * int(frac * 30):<30}] {frac:4.0%}  {count:,} lines"
        else:
            text = f"{count:,} lines…"
        self.stream.write(f"\r{text}")
        self.stream.flush()

    def close(self, done_bytes: int, count: int) -> None:
        if self.shown:
            self.update(done_bytes, count, force=True)
            self.stream.write("\n")
            self.stream.flush()


class Steps:
    """A progress bar over counted steps (the pages of a PDF), on a terminal only, redrawn at most 10×/s."""

    def __init__(self, stream: TextIO, label: str, unit: str) -> None:
        self.stream, self.label, self.unit = stream, label, unit
        self.shown = False
        self._last = 0.0

    def update(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last, self.shown = now, True
        frac = done / total if total else 1.0
        self.stream.write(f"\r{self.label} [{'#' * int(frac * 30):<30}] {done:,}/{total:,} {self.unit}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def steps(stream: TextIO, label: str, unit: str, *, off: bool = False) -> Steps | None:
    """A :class:`Steps` bar when ``stream`` is a terminal (and not ``off``), else None: silent."""
    return None if off or not is_tty(stream) else Steps(stream, label, unit)


def width(text: str) -> int:
    """Display width: CJK (wide / full-width) characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` display columns (never cut)."""
    return text + " " * max(0, columns - width(text))
