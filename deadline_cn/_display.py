"""How a result shows in a notebook: a small card (``_repr_html_``) and IPython's text form (``_repr_pretty_``).

Both show the kind, the flat record's dates, the flags (doubt flags stand out) and the text with every
read span marked: ``<mark>`` in HTML, 【…】 in text. Nothing here is imported until a notebook asks.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from deadline_cn.records import DOUBT_PREFIXES, FLAG_SEPARATOR, flatten

if TYPE_CHECKING:
    from deadline_cn.results import Result

ROWS = ("due", "start", "end", "precision", "rrule", "trigger", "scope", "reason")
STYLE = ("border:1px solid #ccc;border-radius:4px;padding:4px 8px;display:inline-block;"
         "font-family:sans-serif;font-size:90%")


def spans(result: Result) -> list[tuple[int, int]]:
    """The read spans, in order, without overlaps: a compound's parts, else the result's own."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(p.span for p in result.parts):
        if end <= start or start >= len(result.text):
            continue
        if out and start < out[-1][1]:
            start = out[-1][1]
        if start < end:
            out.append((start, end))
    return out


def marked(result: Result, open_: str, close: str, quote: bool) -> str:
    """The text with ``open_``/``close`` around each read span (HTML-escaped when ``quote``)."""
    text, pos, pieces = result.text, 0, []
    esc = escape if quote else str
    for start, end in spans(result):
        pieces += [esc(text[pos:start]), open_, esc(text[start:end]), close]
        pos = end
    pieces.append(esc(text[pos:]))
    return "".join(pieces)


def _fields(result: Result) -> list[tuple[str, str]]:
    rec = flatten(result)
    out = [(name, str(getattr(rec, name))) for name in ROWS if getattr(rec, name) is not None]
    if rec.kind == "compound":
        out.append(("parts", ", ".join(p.kind for p in result.parts)))
    return out


def html(result: Result) -> str:
    """A small card: the kind (red when it needs a check), a field table, the flags, the marked text."""
    rec = flatten(result)
    colour = "#b00" if rec.needs_check else "#060"
    rows = "".join(f"<tr><th style='text-align:left;padding-right:8px'>{escape(k)}</th><td>{escape(v)}</td></tr>"
                   for k, v in _fields(result))
    flags = ", ".join(_flag_html(f) for f in rec.flags.split(FLAG_SEPARATOR) if f)
    check = " · needs check" if rec.needs_check else ""
    return (f"<div style='{STYLE}'><b style='color:{colour}'>{escape(rec.kind)}{check}</b>"
            f"<table>{rows}</table>" + (f"<div>flags: {flags}</div>" if flags else "") +
            f"<div>{marked(result, '<mark>', '</mark>', quote=True)}</div></div>")


def _flag_html(flag: str) -> str:
    return f"<b>{escape(flag)}</b>" if flag.startswith(DOUBT_PREFIXES) else escape(flag)


def pretty(result: Result) -> str:
    """IPython's text form: a header line, one line per field, the text with 【】 around what was read."""
    rec = flatten(result)
    head = f"{type(result).__name__}" + (" (needs check)" if rec.needs_check else "")
    lines = [head, *(f"  {k}: {v}" for k, v in _fields(result))]
    if rec.flags:
        lines.append(f"  flags: {rec.flags}")
    lines.append("  text: " + marked(result, "【", "】", quote=False))
    return "\n".join(lines)
