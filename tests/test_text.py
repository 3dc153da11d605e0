"""Folding: the invisible-character data, offsets back into the original, numerals."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from deadline_cn._grammar.lexicon import INVISIBLE_CATEGORIES, INVISIBLE_RANGES
from deadline_cn._grammar.text import fold, numeral_value
from tests.slow import two_sizes


def test_invisible_ranges_match_unicodedata() -> None:
    wanted = [c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in INVISIBLE_CATEGORIES]
    ours = [c for a, b in INVISIBLE_RANGES for c in range(a, b + 1)]
    assert ours == wanted, f"regenerate INVISIBLE_RANGES for Unicode {unicodedata.unidata_version}"


@pytest.mark.parametrize(("text", "folded"), [
    ("２０１７年６月底前", "2017年6月底前"), ("二〇一七年六月底前", "2017年6月底前"), ("二○二二年", "2022年"),
    ("長期工作", "长期工作"), ("2017 年\n12\u200b月", "2017年12月"), ("28\t年内", "28;年内"),
    ("统一部署", "统一部署"), ("第十四个五年规划", "第14个5年规划"), ("十三五", "十三五"), ("两个半月", "2个半月"),
    (" 2\n0 \u200b19年", "2019年"),  # a zero-width space after a line's digit: no row number 0
    ("2017 年\n12 底前", "2017年12底前"),  # 12 before 底 is a month whose 月 was lost, no row number
    ("20236月底前", "2023年6月底前"), ("二〇二三六月", "2023年6月"), ("第Ⅱ季度", "第2季度"),  # 年 written back
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text).text == folded


@two_sizes(settings(deadline=None), st.text(max_size=80))
def test_every_folded_span_maps_into_the_original(text: str) -> None:
    f = fold(text)
    for i in range(len(f.text)):
        s, e = f.original_span(i, i + 1)
        assert 0 <= s < e <= len(text)
    s, e = f.original_span(0, len(f.text))
    assert 0 <= s <= e <= len(text)


def test_numeral_span_covers_the_whole_numeral() -> None:
    text = "二〇一七年六月底前"
    f = fold(text)
    assert f.original_span(0, 4) == (0, 4)
    assert text[slice(*f.original_span(0, len(f.text)))] == text


@pytest.mark.parametrize(("run", "value"), [("二〇一七", "2017"), ("十二", "12"), ("二十三", "23"), ("一百零五", "105"),
                                             ("两", "2"), ("十三五", None), ("一二", None)])
def test_numeral_value(run: str, value: str | None) -> None:
    assert numeral_value(run) == value


def test_a_written_back_nian_maps_to_the_years_last_digit() -> None:
    f = fold("于20236月底前")
    assert f.text == "于2023年6月底前" and f.inserted == (5,)
    assert f.original_span(1, 6) == (1, 5) and f.original_span(1, 9) == (1, 8)  # 2023年 → 2023 · …6月底 → 20236月底
