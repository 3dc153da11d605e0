"""Optional dependencies, imported on first use with an error that names the install command.

``deadline-cn[tables]`` brings openpyxl and python-docx (reading and writing .xlsx / .docx work plans);
``deadline-cn[documents]`` brings python-calamine, lxml, pdfplumber and charset-normalizer (.xls/.et/.ods,
HTML and PDF tables, text in any encoding); ``deadline-cn[ics]`` brings icalendar. The core library never
needs them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# module name → (package on PyPI, extra that installs it)
EXTRAS = {
    "openpyxl": ("openpyxl", "tables"),
    "docx": ("python-docx", "tables"),
    "icalendar": ("icalendar", "ics"),
    "python_calamine": ("python-calamine", "documents"),
    "lxml.html": ("lxml", "documents"),
    "pdfplumber": ("pdfplumber", "documents"),
    "charset_normalizer": ("charset-normalizer", "documents"),
}


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message says how to install it."""

    def __init__(self, module: str, purpose: str) -> None:
        package, extra = EXTRAS[module]
        super().__init__(f"{purpose} needs {package}, which is not installed: "
                         f"pip install 'deadline-cn[{extra}]'")
        self.extra = extra


def need(module: str, purpose: str) -> ModuleType:
    """Import ``module`` (a key of EXTRAS) or raise MissingExtra naming the install command."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(module, purpose) from exc
