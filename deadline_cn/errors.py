"""The library's one exception."""

from __future__ import annotations


class DeadlineError(ValueError):
    """Raised by ``normalise(..., strict=True)`` when a phrase cannot be read.

    Carries the input ``text`` and the ``reason`` the reading failed, so callers can log both.
    """

    def __init__(self, reason: str, text: str) -> None:
        super().__init__(f"{reason}: {text!r}")
        self.reason = reason
        self.text = text


class DocumentError(ValueError):
    """Raised by ``table.read`` and the document readers for a file that cannot be read as a plan: unknown,
    damaged, encrypted, over a limit, or without a deadline column. The message names the file and says
    why, in one line (the CLI prints it as ``deadline-cn: error: <file>: <why>`` and exits 1)."""
