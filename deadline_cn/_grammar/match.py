"""Reading a run of tokens: adjacency, cues, and the period a date token names (shared by the rules)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.parse import (
    LAST_WORKDAY_OF,
    WORKDAY_OF,
    Parse,
    RelativeP,
    When,
)
from deadline_cn._grammar.tokens import Token

Match = tuple[Parse, int]
Rule = Callable[[Sequence[Token], int], "Match | None"]
DATES = ("iso", "iso_month", "compactday", "compactday8", "compactdaymd", "date_day", "date_typo", "date_month",
         "date_quarter", "date_half", "date_q", "date_yearend", "date_holiday", "date_year", "yearword", "firstn",
         "relperiod", "dotday", "relweek", "date_daytypo", "lunardate", "dotquoted")
# 上、中旬 (two xun written as one): due at the end of the later one
XUN = {"上旬": 1, "中旬": 2, "下旬": 3, "上、中旬": 2, "上中旬": 2, "中、下旬": 3, "中下旬": 3}
XUN_FIRST = {"上、中旬": 1, "上中旬": 1, "中、下旬": 2, "中下旬": 2}
PERIOD_ALIASES = {"季": "季度", "星期": "周", "礼拜": "周", "天": "日"}


def at(tokens: Sequence[Token], i: int, *types: str) -> Token | None:
    """tokens[i] if it has one of ``types`` and touches tokens[i-1] (no text between them)."""
    if i >= len(tokens) or tokens[i].type not in types:
        return None
    if i > 0 and tokens[i - 1].end != tokens[i].start:
        return None
    return tokens[i]


def at_gap(tokens: Sequence[Token], i: int, *types: str, limit: int) -> Token | None:
    """tokens[i] if it has one of ``types`` and at most ``limit`` characters of plain text separate it from
    tokens[i-1] (an event or an actor written between two time words)."""
    if i >= len(tokens) or i == 0 or tokens[i].type not in types:
        return None
    return tokens[i] if tokens[i].start - tokens[i - 1].end <= limit else None


def head(tokens: Sequence[Token], i: int, *types: str) -> Token | None:
    return tokens[i] if i < len(tokens) and tokens[i].type in types else None


def cue_of(tok: Token | None) -> str | None:
    return lx.CUES[tok.text] if tok is not None and tok.type == "cue" else None


def weekday_index(wd: str) -> int:
    """周5 / 周五 / 周日 → 4 / 4 / 6 (Monday = 0); 五 stays a word where folding would join it to a digit."""
    return 6 if wd in "日天" else (int(wd) if wd.isdigit() else "一二三四五六".index(wd) + 1) - 1


def when_of(tok: Token) -> When:
    """The period a date token names (its year may stay unknown)."""
    kind = tok.type
    if kind == "yearword":
        return When(rel_year=0)
    if kind == "firstn":
        return _first_periods(tok)
    # Only the parts that took part (a date token names two or three of its ~20): When's defaults stand for
    # the rest, so the common 2017年6月底 builds from a few keywords instead of reading every part. A part that
    # did not take part is None, as one the token's pattern does not have.
    get = tok.parts().get
    mt = get("mt")
    fields: dict[str, object] = {}
    if y := get("y") or get("ys") or get("yq") or get("yq2"):
        fields["year"] = int(y)
    if get("ys") is not None:
        fields["short_year"] = True
    if (rel := get("rp")) is not None:
        per = get("per") or "月"
        fields["rel_period"] = PERIOD_ALIASES.get(per, per)
        fields["rel_shift"] = lx.RELATIVE_PERIODS.get(rel, 0)
    if get("hh") is not None:
        fields["time"] = time_of(tok)
    if (ry := get("ry")) is not None:
        fields["rel_year"] = lx.RELATIVE_YEARS.get(ry)
        if ry in lx.FOLLOWING_YEARS:
            fields["after_named"] = True
    if m := get("m") or mt or get("mu"):
        fields["month"] = int(m)
    if d := get("d") or get("dt") or get("du"):
        fields["day"] = int(d)
    if q := get("q"):
        fields["quarter"] = int(q)
    if (h := get("h")) is not None:
        fields["half"] = {"上": 1, "下": 2}.get(h)
    if get("pstart") is not None:  # 二季度初 · 下半年初: the period's first month, as 下季度初 is
        first = (int(q) - 1) * 3 + 1 if q else 1 if h == "上" else 7
        fields.update(quarter=None, half=None, month=first) if 1 <= first <= 12 else None
    if (xun := get("xun")) is not None:
        fields["xun"] = XUN.get(xun) or (1 if get("mstart") is not None else None)  # 月初 ≈ 上旬
        fields["xun_first"] = XUN_FIRST.get(xun)
    elif get("mstart") is not None:
        fields["xun"] = 1
    if get("mid"):
        fields["mid"] = True
    if (hm := get("hm")) is not None:  # 上半月 · 下半月
        fields["half_month"] = 1 if hm.startswith("上") else 2
    if get("mend") or get("qend") or get("hend") or get("yend") or mt:
        fields["edge"] = "end"
    if (hol := get("hol")) is not None:
        fields["holiday"] = lx.HOLIDAYS.get(hol) or lx.QUOTED_HOLIDAYS.get(hol)
    # (第1周周一) is checked too; wdl: a weekday sharing a lunar note's bracket
    if (wd := get("wd") or get("wdl") or (get("wdn") if kind == "date_day" else None)) is not None:
        fields["weekday"] = weekday_index(wd)
    if (ld := get("ld")) is not None:  # (正月十五) · (初七)
        lm = get("lm")
        fields["lunar"] = (None if lm is None else LUNAR_MONTHS.get(lm) or int(lm), lunar_day(ld))
    if mt:
        fields["typo"] = "typo:missing-月"
    elif get("dt") is not None:
        fields["typo"] = "typo:missing-日"  # 2024年6月15前
    elif kind.startswith("compactday"):
        fields["typo"] = _compact_doubt(tok)
    return When(**fields)  # type: ignore[arg-type]


def _compact_doubt(tok: Token) -> str:
    """2023115日 splits as 1月15日 or 11月5日 (202041日 only as 4月1日): a one-digit 1 before a day that could lend
    it a digit, or 10–12 before a one-digit day, is a doubt."""
    m, d = tok.get("m") or "", tok.get("d") or ""
    two_ways = (m == "1" and d[0] in "012") or (m in ("10", "11", "12") and len(d) == 1)
    return "ambiguous:compact-date" if two_ways else "typo:compact-date"


def workday_of_month(tokens: Sequence[Token], i: int) -> tuple[int, str, int] | None:
    """第N个工作日 (N, WORKDAY_OF, tokens used) or 最后一个工作日 (1, LAST_WORKDAY_OF, …) right after a month."""
    last = tokens[i] if 0 < i < len(tokens) else None  # (最后: the scanner reads 后 as a cue, 最 left between)
    if last is not None and last.type == "cue" and last.text == "后" \
            and last.source[tokens[i - 1].end:last.start] == "最":
        tok = at(tokens, i + 1, "offset")
        if tok is None or lx.UNITS.get(tok.get("unit") or "") != "workday" or float(tok.get("n") or 0) != 1 \
                or tok.get("n2") or tok.get("within"):
            return None
        if cue_of(at(tokens, i + 2, "cue")) in ("after", "since"):
            return None  # (3月最后一个工作日后: after it — left to the rules of 后)
        return 1, LAST_WORKDAY_OF, 2 + _closing_before(tokens, i + 2)
    tok = at(tokens, i, "offset")
    if tok is None or not tok.get("ord") or lx.UNITS.get(tok.get("unit") or "") != "workday" or tok.get("n2"):
        return None
    n = float(tok.get("n") or 0)
    if n != int(n) or not 1 <= n <= 23 or cue_of(at(tokens, i + 1, "cue")) in ("after", "since"):
        return None  # (3月第1个工作日后 · 起: after it, or from it — not by it)
    return int(n), WORKDAY_OF, 1 + _closing_before(tokens, i + 1)


def _closing_before(tokens: Sequence[Token], i: int) -> int:
    return 1 if cue_of(at(tokens, i, "cue")) in ("before", "end-before") else 0


def time_of(tok: Token) -> str | None:
    """17:00 · 17时 · 17点半 → "17:00" / "17:30"."""
    hh = tok.get("hh")
    if hh is None:
        return None
    minutes = tok.get("mi") or tok.get("mi2") or ("30" if tok.get("hhalf") else "0")
    hour = int(hh)
    if tok.get("ampm") in lx.AFTERNOON and hour < 12:
        hour += 12  # 下午5点 → 17:00 · 晚8点 → 20:00 (下午17:00 stays)
    return f"{hour:02d}:{int(minutes):02d}"


def _first_periods(tok: Token) -> When:
    """首季度 (the first quarter) · 前3季度 / 前8个月 (the first N periods, counted from the year's start)."""
    g = tok.get
    n = int(g("n") or 1)
    year = int(y) if (y := g("y") or g("ys")) else None
    common = {"year": year, "short_year": g("ys") is not None, "rel_year": lx.RELATIVE_YEARS.get(g("ry") or ""),
              "cumulative": g("first") is None}
    if g("per") == "月":
        return When(month=n, **common)  # type: ignore[arg-type]
    return When(quarter=n, **common)  # type: ignore[arg-type]


LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}
_LUNAR_DIGITS = {c: k for k, c in enumerate("一二三四五六七八九十", start=1)}


def lunar_day(words: str) -> int:
    """初七 → 7 · 十五 → 15 · 二十三 / 廿三 → 23 · 三十 → 30."""
    if words.startswith("初"):
        return _LUNAR_DIGITS[words[1]]
    if words == "三十":
        return 30
    tens = 2 if words.startswith(("二十", "廿")) else 1
    rest = words[2:] if words.startswith("二十") else words[1:]
    return tens * 10 + (_LUNAR_DIGITS[rest] if rest else 0)


def month_span(tok: Token) -> tuple[int, ...]:
    m1, m2 = int(tok.get("m1") or tok.get("m1t") or 1), int(tok.get("m2") or tok.get("m2t") or 12)
    return tuple(range(m1, m2 + 1)) if m1 <= m2 else (*range(m1, 13), *range(1, m2 + 1))


def relative_of(tok: Token, anchor: tuple[int, int] | None = None, *, bare: bool = False) -> RelativeP | None:
    """N个工作日 / N日内 / 2—3年 / 2个半月; a bare N日 or N年 needs 内 or a cap to be an offset (or ``bare``:
    the words before it already say it is one, as 结束后 does)."""
    unit_word = tok.get("unit") or ""
    if not (bare or tok.get("within") or tok.get("cap") or unit_word in lx.BARE_OFFSET_UNITS or tok.get("n2")
            or tok.get("half") or tok.get("ord")):
        return None
    if not (bare or tok.get("within") or tok.get("cap")) and (
            tok.source.startswith(lx.NOT_LIMIT_AFTER, tok.end)
            or tok.source.endswith((*lx.DURATION_OPENERS, *lx.NOT_LIMIT_BEFORE), max(0, tok.start - 3), tok.start)):
        # 30天后复查 · 提前3天 · 超过3天未办结 · 3天以上: counted from or beyond something; 共8天 · 为期3天: a length
        return None
    value = float(tok.get("n") or 0) + (0.5 if tok.get("half") else 0)
    if value == 0:
        return None  # 最迟0月: a zero is no span of time (the 0 is a month misread, left to the date reading)
    top = float(n2) if (n2 := tok.get("n2")) else None
    return RelativeP(_num(value), lx.UNITS[unit_word], None if top is None else _num(top), anchor)


def _num(x: float) -> int | float:
    return int(x) if x == int(x) else x
