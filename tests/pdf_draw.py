"""PDF tables drawn line by line with reportlab's canvas, the way office software lays them out: cells
wrapped over lines, a row that does not fit at the bottom of a page split there and continued at the top of
the next (after the header, repeated), with or without ruled lines (a borderless table is only text set in
columns). reportlab's own Table cannot split a row of wrapped cells cleanly, so the tests draw their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

PAGE_W, PAGE_H = 595.0, 842.0
TOP, BOTTOM, LEFT = 72.0, 72.0, 50.0
SIZE, LEADING, PAD = 9.0, 12.0, 4.0


def wrap(text: str, width: float) -> list[str]:
    """Lines of at most ``width`` points, every character as wide as the font size (CJK), ASCII half."""
    lines: list[str] = []
    for para in text.split("\n"):
        line, used = "", 0.0
        for ch in para:
            w = SIZE / 2 if ord(ch) < 128 else SIZE
            if used + w > width - 2 * PAD and line:
                lines.append(line)
                line, used = "", 0.0
            line += ch
            used += w
        lines.append(line)
    return lines


@dataclass
class Drawn:
    pages: int
    split_rows: list[int]  # data-row indexes (0-based) that were split over a page break


def draw_table(path: Path, header: list[str], rows: list[list[str]], widths: list[float], *, ruled: bool = True,
               prose: tuple[str, ...] = (), split_at: tuple[int, int] | None = None, repeat_header: bool = True,
               row_pad: float = PAD, centre_header: bool = False, running: str = "", middle: bool = False) -> Drawn:
    """Draw the table (after the ``prose`` lines) and return how many pages it took and which rows split.
    ``split_at`` (row, lines): break the page inside that data row after that many of its lines, as if the
    page ended there. ``repeat_header``: draw the header again on each new page; ``row_pad``: the space above
    and below the text of a cell (0: rows as close as the lines of one cell, as Word sets a table);
    ``centre_header``: the header's words centred over their columns; ``running``: a running header and
    a page number on every page, in the margins; ``middle``: cells set in the middle of their row's height
    (a one-line 序号 beside a three-line task sits on the task's second line)."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", SIZE)
    y = PAGE_H - TOP
    for line in prose:
        for part in wrap(line, PAGE_W - 2 * LEFT):
            c.drawString(LEFT + PAD, y - SIZE, part)
            y -= LEADING
        y -= LEADING / 2
    y -= LEADING
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + w)
    bottom = BOTTOM
    pages, split = 1, []

    def margins() -> None:
        if running:
            c.drawString(LEFT, PAGE_H - 40, running)
            c.drawString(PAGE_W / 2, 30, f"- {pages} -")

    def rule(at: float) -> None:
        if ruled:
            c.line(xs[0], at, xs[-1], at)

    def verticals(top: float, low: float) -> None:
        if ruled:
            for x in xs:
                c.line(x, top, x, low)

    def draw_row(cells: list[list[str]], start: float, centre: bool = False) -> float:
        height = max(len(lines) for lines in cells) * LEADING + 2 * row_pad
        tall = max(len(lines) for lines in cells)
        for x, w, lines in zip(xs, widths, cells, strict=False):
            down = (tall - len(lines)) * LEADING / 2 if middle else 0.0
            for i, line in enumerate(lines):
                at = x + (w - len(line) * SIZE) / 2 if centre else x + PAD
                c.drawString(at, start - row_pad - SIZE - i * LEADING - down, line)
        rule(start - height)
        return start - height

    def head(start: float) -> float:
        rule(start)
        return draw_row([wrap(h, w) for h, w in zip(header, widths, strict=True)], start, centre_header)

    table_top = y
    y = head(y)
    for n, row in enumerate(rows):
        cells = [wrap(t, w) for t, w in zip(row, widths, strict=True)]
        while True:
            room = int((y - bottom - 2 * row_pad) // LEADING)
            if split_at is not None and split_at[0] == n and n not in split:
                room = min(room, split_at[1])
            need = max(len(lines) for lines in cells)
            if need <= room:
                y = draw_row(cells, y)
                break
            if room >= 1:  # split the row: what fits here, the rest on the next page
                y = draw_row([lines[:room] for lines in cells], y)
                cells = [lines[room:] for lines in cells]
                split.append(n)
            verticals(table_top, y)
            margins()
            c.showPage()
            c.setFont("STSong-Light", SIZE)
            pages += 1
            bottom = BOTTOM
            y = table_top = PAGE_H - TOP
            if repeat_header:
                y = head(y)
            else:
                rule(y)
    verticals(table_top, y)
    margins()
    c.showPage()
    c.save()
    return Drawn(pages, split)
