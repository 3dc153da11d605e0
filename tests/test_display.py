"""Notebook display of results: an HTML card and IPython's text form, with the read spans marked."""

from __future__ import annotations

from datetime import date

import pytest

from deadline_cn import Compound, Deadline, Unresolved, normalise

COMPOUND = "2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设"


class Printer:
    """Stands in for IPython's RepresentationPrinter: collects what ``text`` gets."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def text(self, s: str) -> None:
        self.out.append(s)


def test_html_marks_each_part_and_shows_the_due() -> None:
    html = normalise(COMPOUND, ref="2017-01-09")._repr_html_()
    assert "<mark>2017年6月底前</mark>完成招投标等前期工作,<mark>2017年年底</mark>完成整体改版建设" in html
    assert "2017-12-31" in html and "compound" in html and "needs check" not in html


def test_html_escapes_text_and_shows_doubt() -> None:
    result = Deadline(text="<b>6月底前</b>", span=(3, 7), due=date(2017, 6, 30), flags=("ambiguous:x", "hedge:力争"))
    html = result._repr_html_()
    assert "&lt;b&gt;<mark>6月底前</mark>&lt;/b&gt;" in html
    assert "<b>ambiguous:x</b>" in html and "hedge:力争" in html and "<b>hedge" not in html
    assert "needs check" in html and "<b>6月" not in html


def test_pretty_text_form() -> None:
    printer = Printer()
    normalise("在2021年9月前完成", ref="2017-01-09")._repr_pretty_(printer, False)
    text = "".join(printer.out)
    lines = text.splitlines()
    assert lines[0] == "Deadline (needs check)"
    assert "  due: 2021-09-30" in lines and "  flags: ambiguous:month-before" in lines
    assert lines[-1] == "  text: 在【2021年9月前】完成"


def test_unresolved_shows_its_reason() -> None:
    printer = Printer()
    Unresolved(text="按要求", span=(0, 3), reason="no deadline expression found")._repr_pretty_(printer, False)
    assert "  reason: no deadline expression found" in "".join(printer.out).splitlines()


def test_overlapping_spans_do_not_repeat_text() -> None:
    a = Deadline(text="2017年6月底前", span=(0, 9), due=date(2017, 6, 30))
    b = Deadline(text="2017年6月底前", span=(5, 9), due=date(2017, 6, 30))
    html = Compound(text="2017年6月底前", parts=(a, b))._repr_html_()
    assert html.count("6月底前") == 1


def test_ipython_uses_the_text_form() -> None:
    pretty = pytest.importorskip("IPython.lib.pretty")
    out = pretty.pretty(normalise(COMPOUND, ref="2017-01-09"))
    assert out.startswith("Compound\n") and "【2017年年底】" in out
