"""Issue 10's rule, as a property: a time word that no reading consumed is flagged ``unread:``, never left in
``scope`` silently; and ``strict=True`` refuses such a reading."""

from __future__ import annotations

import re

from hypothesis import given, settings

from deadline_cn import Unresolved, normalise
from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.text import fold
from deadline_cn._read.unread import is_term_label, time_words_in
from tests.strategies import pieced_cell

CTX = {"ref": "2024-03-05", "plan_year": 2024}


def _time_words_in(text: str | None) -> list[str]:
    """The time words of ``text`` as the grammar sees it (folded: 二〇二四 → 2024, 週 → 周)."""
    return [] if not text else time_words_in(fold(text).text)


_FULL_DATE = re.compile(r"(?:\d{4}|年).*(?:日|号|\d[.-]\d{1,2}[.-]\d)")
_DAY = re.compile(r"日|号|\d[.-]\d{1,2}[.-]\d|\d\.\d{1,2}")


def _written_in_full(part: object, label: str) -> bool:
    """The part's own words name a day, and a year too when the label is a school term's (the only readings
    beside which a term label is left alone: 夏季麦收前(5月30日—6月4日), 秋季学期第11周(2021.11.15-11.19))."""
    d = part.to_dict()  # type: ignore[attr-defined]
    own = fold(d["text"][d["span"][0]:d["span"][1]]).text
    return (_FULL_DATE if label in lx.SCHOOL_YEAR_WORDS else _DAY).search(own) is not None


@settings(max_examples=300, deadline=None)
@given(pieced_cell())
def test_no_time_word_left_silently_in_scope(cell: str) -> None:
    result = normalise(cell, fallback=False, **CTX)
    if isinstance(result, Unresolved):
        return
    flags = [f for part in result.parts for f in part.flags]
    for part in result.parts:
        # a season or a term's week beside a date written in full (秋季学期第11周(2021.11.15-11.19)) is a label
        words = [w for w in _time_words_in(part.scope) if not (is_term_label(w) and _written_in_full(part, w))]
        if part.kind == "window" and part.scope:  # 3月15日-4月15日(共30天): the window's length, said again
            said_again = {m.group(1) for m in re.finditer(r"(?:共计|合计|总计|历时|共|为期|期为|时长)(\d+[^\d]{1,3})",
                                                          fold(part.scope).text)}
            words = [w for w in words if not any(a.startswith(w) for a in said_again)]
        # a time word left in scope is either unread (a doubt) or named as the task's object (报送上半年工作情况)
        assert not words or any(f.startswith(("unread:", "object:")) for f in flags), (cell, part.scope, words)
