"""Old binary text documents (.doc, WPS .wps, RTF, and .odt) → .docx with LibreOffice in headless mode.

``soffice`` (or ``libreoffice``) is looked up on PATH, or taken from the ``DEADLINE_CN_SOFFICE``
environment variable. It runs with a profile of its own in a temporary directory, so it neither
disturbs nor waits on a LibreOffice the user has open, and is stopped after :data:`TIMEOUT` seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from deadline_cn.documents.grid import DocumentError

TIMEOUT = 120
INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
                "macOS: brew install --cask libreoffice), or save the file as .docx")
T = TypeVar("T")


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return os.environ.get("DEADLINE_CN_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


def with_docx(path: Path, what: str, use: Callable[[Path], T]) -> T:
    """Convert ``path`` (a ``what``: ".doc", ".wps") to .docx in a temporary directory and ``use`` it."""
    command = soffice()
    if command is None:
        raise DocumentError(f"{path.name}: reading a {what} file needs LibreOffice (soffice), which is not "
                            f"installed: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="deadline-cn-") as tmp:
        work = Path(tmp)
        source = work / f"input{what if what in ('.odt', '.rtf') else '.doc'}"  # ours, whatever the name says
        shutil.copyfile(path, source)
        args = [command, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"), str(source)]
        try:
            subprocess.run(args, check=False, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise DocumentError(f"{path.name}: LibreOffice did not convert it within {TIMEOUT} s") from None
        except OSError as exc:
            raise DocumentError(f"{path.name}: LibreOffice could not run ({exc}): {INSTALL_HINT}") from None
        out = work / "out" / "input.docx"
        if not out.is_file():
            raise DocumentError(f"{path.name}: LibreOffice could not convert this {what} file (damaged?)")
        return use(out)
