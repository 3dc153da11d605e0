"""What a file is, from its bytes — never from its suffix.

Government sites serve HTML saved as ``.xls``, a ``.docx`` that is really an old ``.doc``, an ``.xlsx``
renamed ``.et``: the suffix says little. The first bytes say: ``%PDF``; a zip whose members name the
format (``word/document.xml``, ``xl/workbook.xml``, an OpenDocument ``mimetype``); an OLE2 compound file
(old Office and WPS) whose directory names its main stream (``Workbook``/``Book``: a spreadsheet,
``WordDocument``: a text document, ``EncryptedPackage``: a password-protected Office file); HTML markup
near the start; ``{\\rtf`` (RTF, often named .doc); else text without NUL bytes (CSV/TSV), else unknown.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from deadline_cn.documents.grid import DEFAULT_LIMITS, DocumentError, Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
KINDS = ("pdf", "docx", "xlsx", "ods", "odt", "xls", "doc", "rtf", "html", "text")
_ODF = {"application/vnd.oasis.opendocument.spreadsheet": "ods",
        "application/vnd.oasis.opendocument.text": "odt"}


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """One of KINDS; DocumentError for an encrypted, damaged, oversized or unknown file."""
    with open(path, "rb") as f:
        head = f.read(8192)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK"):
        return _zip_kind(path, limits)
    if head.startswith(b"{\\rtf"):  # Word and WPS save "Word documents" as RTF too, often named .doc
        return "rtf"
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path, limits)
    if _looks_html(head):
        return "html"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head:
        return "text"
    raise DocumentError(f"{path.name}: not a document this reader knows (not .docx/.xlsx/.xls/.et/.ods/"
                        ".doc/.wps/PDF/HTML/CSV)")


def _zip_kind(path: Path, limits: Limits) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            mimetype = z.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    # a damaged header can name a compression method zipfile lacks (NotImplementedError), an encrypted
    # member (RuntimeError), or corrupt deflate data (zlib.error, a subclass of Exception only)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, RuntimeError,
            ValueError, zlib.error) as exc:
        raise DocumentError(f"{path.name}: damaged zip container ({exc})") from None
    size = sum(i.file_size for i in infos)
    if size > limits.max_bytes:
        raise DocumentError(f"{path.name}: unpacks to {size:,} bytes, over the limit of {limits.max_bytes:,} "
                            "(raise it with max_bytes= / --max-bytes)")
    if "[Content_Types].xml" not in names and any(n.startswith(("word/", "xl/")) for n in names):
        raise DocumentError(f"{path.name}: damaged Office file ([Content_Types].xml is missing)")
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if mimetype in _ODF:
        return _ODF[mimetype]
    raise DocumentError(f"{path.name}: a zip archive, but not a .docx, .xlsx or .ods")


def _ole_kind(path: Path, limits: Limits) -> str:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise DocumentError(f"{path.name}: {size:,} bytes, over the limit of {limits.max_bytes:,}")
    data = path.read_bytes()  # the directory may sit anywhere in the file
    if _utf16("EncryptedPackage") in data:
        raise DocumentError(f"{path.name}: encrypted (password-protected); save an unprotected copy")
    if _utf16("WordDocument") in data:
        return "doc"
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "xls"
    raise DocumentError(f"{path.name}: an old Office (OLE2) file that is neither a workbook nor a document")


def _looks_html(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("latin-1")
    low = text.lstrip("\ufeff\r\n\t ").lower()
    return low.startswith(("<!doctype html", "<html", "<table", "<meta")) or (
        "<table" in low and ("<tr" in low or "<html" in low))
