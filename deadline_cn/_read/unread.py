"""Time words that no reading consumed: reported as ``unread:<words>``, never left silently in ``scope``.

A cell whose reading covers "2024年" but not the "前十个月" after it must not look sure. After the best
cover is chosen, the text outside every reading is searched for time-bearing words (a number with a time
unit, 上旬 / 月底 / 上半年, 首季度 / 前N个月, 本月 / 下季度, 每 / 隔 + a period, a holiday, a weekday); each
one flags the reading nearest to it. The pattern runs once over the folded text, so this stays linear.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deadline_cn._grammar import lexicon as lx

Span = tuple[int, int]
_DOC_NUMBER = re.compile(r"[〔\[(„【][12]\d{3}[〕\])‟】]\d{0,4}号?")


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@lru_cache(maxsize=1)
def _time_words() -> re.Pattern[str]:
    periods = "半年|季度|季|月|年|周|星期|天|日"
    return re.compile("|".join((
        r"\d+(?:\.\d+)?个?(?:工作日|自然日|小时|季度|星期|礼拜|年|月|日|号|天|周|旬|季)(?:底|末|初)?",
        r"[首前]\d{0,2}个?(?:季度|季|月)",
        r"[本下次上当]1?个?(?:季度|月)",
        r"[上中下]旬|[上下]半年|(?:年|月|季)(?:底|末|初)",
        rf"[每隔]\d{{0,2}}个?(?:{periods})",
        _alt(lx.HOLIDAYS),
        r"(?:星期|礼拜)[1-7日天]|周[1-7日]",
        r"(?<!\d)(?:[01]?\d|2[0-4]):[0-5]\d",
    )))


def unread_spans(scan: str, read: list[Span], start: int = 0, end: int | None = None) -> list[Span]:
    """Time words in ``scan[start:end]`` that overlap none of the ``read`` spans (sorted, non-overlapping)."""
    end = len(scan) if end is None else end
    masked = _DOC_NUMBER.sub(lambda m: "□" * len(m.group()), scan[start:end]) if "号" in scan else scan[start:end]
    out, k = [], 0
    for m in _time_words().finditer(masked):
        s, e = m.start() + start, m.end() + start
        while k < len(read) and read[k][1] <= s:
            k += 1
        if k < len(read) and read[k][0] < e:
            continue  # overlaps a reading
        out.append((s, e))
    return out


def nearest(spans: list[Span], pos: Span) -> int:
    """The index of the span in ``spans`` (sorted) closest to ``pos``."""
    def distance(k: int) -> int:
        s, e = spans[k]
        return max(s - pos[1], pos[0] - e, 0)
    return min(range(len(spans)), key=distance)
