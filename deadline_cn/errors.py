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
