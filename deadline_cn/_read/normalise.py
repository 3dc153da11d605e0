"""normalise(): one cell of a 完成时限 column → one typed result.

The pipeline: fold the text (``_text``), mask titles, tokenise (``_tokens``), compose (``_grammar``),
place in clauses (``_scope``), resolve dates (``_resolve``). No clock is read anywhere: the same input
always gives the same output.
"""

from __future__ import annotations

import numbers
import re
from datetime import date, datetime
from functools import lru_cache

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.parse import Item, MarkerP
from deadline_cn._grammar.rules import parse_tokens
from deadline_cn._grammar.scope import Placed, place
from deadline_cn._grammar.text import Folded, fold
from deadline_cn._grammar.tokens import tokenize
from deadline_cn._resolve.resolver import Context, NeedsYear, resolve
from deadline_cn.errors import DeadlineError
from deadline_cn.results import Compound, Deadline, Recurrence, Relative, Result, Unresolved, Window

MONTH_BEFORE = ("inclusive", "strict")
DOC_NUMBER = re.compile(r"[〔\[(„【][12]\d{3}[〕\])‟】]\d{0,4}号?")
TIME_LIKE = re.compile(r"\d[年月日号点时]|星期|礼拜|周[1-7日天]|[节]|今天|明天|后天|[上下本]周|[上下本]月|月[底初末中]")
NO_EXPRESSION = "no deadline expression found"
CACHED_LENGTH = 200
DateLike = date | datetime | str | None  # also numpy.datetime64 and pandas.NaT


def check_args(text: object, ref: DateLike, plan_year: object, month_before: str) -> tuple[date | None, int | None]:
    """Validate the caller's arguments; a wrong type is a TypeError that names it."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if month_before not in MONTH_BEFORE:
        raise ValueError(f"month_before must be one of {MONTH_BEFORE}, not {month_before!r}")
    return as_date(ref), as_year(plan_year)


def as_year(plan_year: object) -> int | None:
    """An int year from an int or a numpy integer (what ``.iloc`` gives); bool and floats are refused."""
    if plan_year is None:
        return None
    if isinstance(plan_year, bool) or not isinstance(plan_year, numbers.Integral):
        raise TypeError(f"plan_year must be int or None, not {type(plan_year).__name__}")
    return int(plan_year)


def as_date(ref: object, name: str = "ref") -> date | None:
    """A day from a date, datetime (pandas.Timestamp too), numpy.datetime64 or ISO string; None and NaT: no day."""
    if ref is None:
        return None
    if isinstance(ref, (date, datetime)) and ref != ref:  # pandas.NaT is a datetime unequal to itself
        return None
    if isinstance(ref, datetime):
        return ref.date()
    if isinstance(ref, date):
        return ref
    if isinstance(ref, str):
        try:
            return date.fromisoformat(ref.strip())
        except ValueError:
            raise ValueError(f"{name} must be an ISO date 'YYYY-MM-DD', not {ref!r}") from None
    if type(ref).__name__ == "datetime64":  # numpy's, told by name so that numpy is never imported here
        day = ref.astype("datetime64[D]").item()  # type: ignore[attr-defined]
        return day if isinstance(day, date) else None  # NaT gives None
    raise TypeError(f"{name} must be a date, datetime, 'YYYY-MM-DD' string or None, not {type(ref).__name__}")


def normalise(text: str, *, ref: DateLike = None, plan_year: int | None = None,
              month_before: str = "inclusive", strict: bool = False, fallback: bool = True) -> Result:
    """Read one deadline phrase ("2017年6月底前完成") into a typed result; see DESIGN.md for the kinds.

    ``ref`` is the document's date (发文日期), ``plan_year`` the year the plan is for (default: ref's
    year). Never raises for a ``str``; ``strict=True`` turns an unresolved result into DeadlineError.
    A phrase the grammar cannot read goes to jionlp (flag ``source:jionlp``) unless ``fallback=False``.
    """
    ref_day, year = check_args(text, ref, plan_year, month_before)
    if len(text) <= CACHED_LENGTH:
        result = _cached(str(text), ref_day, year, month_before, fallback)
    else:
        result = _uncached(text, ref_day, year, month_before, fallback)
    if strict and isinstance(result, Unresolved):
        raise DeadlineError(result.reason, text)
    return result


def _uncached(text: str, ref: date | None, plan_year: int | None, month_before: str, fallback: bool) -> Result:
    result = read(text, Context(ref, plan_year, month_before))
    if fallback and isinstance(result, Unresolved) and result.reason == NO_EXPRESSION:
        result = _jionlp(text, ref, plan_year) or result
    return result


# Ledgers repeat cells ("全年工作" on every row of a task); results are immutable, so short cells are cached.
_cached = lru_cache(maxsize=8192)(_uncached)
clear_cache = _cached.cache_clear


def _jionlp(text: str, ref: date | None, plan_year: int | None) -> Result | None:
    """Second in the cascade: jionlp, on the phrase without surrounding space, its base from the plan.

    Only for text with something time-like left once titles and document numbers (〔2016〕22号) are
    masked, as the grammar sees it — jionlp would read "《…2016年…》" as the year 2016.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 40 or not TIME_LIKE.search(DOC_NUMBER.sub("", mask_titles(fold(text).text))):
        return None
    from deadline_cn._read.fallback import jionlp_reading

    start = text.index(stripped[0])
    # the plan year wins over the issue date's year, as in the grammar (a 2018 plan issued in 2017-12)
    base = ref if plan_year is None or (ref is not None and ref.year == plan_year) else None
    return jionlp_reading(text, (start, start + len(stripped)), ref=base, plan_year=plan_year)


_TITLE = re.compile("《[^《》]{1,120}》")


def mask_titles(text: str) -> str:
    """Blank the inside of 《…》 so a title's "2016年" is never read as a deadline.

    Only a closed title of reasonable length is masked: a stray 《 must not hide the rest of a document.
    """
    if "《" not in text:
        return text
    return _TITLE.sub(lambda m: "《" + "□" * (len(m.group()) - 2) + "》", text)


def items_of(folded: Folded) -> tuple[str, list[Item]]:
    scan = mask_titles(folded.text)
    return scan, parse_tokens(tokenize(scan))


def read(text: str, ctx: Context) -> Result:
    folded = fold(text)
    scan, items = items_of(folded)
    ctx.text_of = lambda span: original_text(text, folded, span)
    placed = place(scan, items)
    if not placed:
        markers = [it for it in items if isinstance(it.parse, MarkerP) and it.parse.flag == "vague:promptly"]
        if not markers:
            return Unresolved(text=text, span=(0, len(text)), reason=NO_EXPRESSION)
        placed = [Placed(markers[0])]
    parts = [build(text, folded, p, ctx) for p in placed]
    if len(parts) == 1:
        return parts[0]
    return Compound(text=text, span=(parts[0].span[0], parts[-1].span[1]), parts=tuple(parts))


def original_text(text: str, folded: Folded, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    s, e = folded.original_span(*span)
    return text[s:e] or None


def build(text: str, folded: Folded, p: Placed, ctx: Context) -> Result:
    """One placed parse → its result; a date the calendar cannot hold (year 10000) is unresolved, not a crash."""
    span = folded.original_span(p.item.start, p.item.end)
    scope = ctx.text_of(p.scope)
    ctx.flags = []
    try:
        return _build(text, span, scope, p, ctx)
    except (NeedsYear, ValueError, OverflowError) as exc:
        reason = str(exc) if not isinstance(exc, OverflowError) else "the date falls outside years 1–9999"
        return Unresolved(text=text, span=span, scope=scope, reason=reason, flags=tuple(p.flags))


def _build(text: str, span: tuple[int, int], scope: str | None, p: Placed, ctx: Context) -> Result:
    cls, fields = resolve(p.item.parse, ctx)
    flags = tuple(dict.fromkeys([*fields.pop("flags"), *ctx.flags, *p.flags]))
    if p.label is not None and cls is Deadline:
        return Window(text=text, span=span, flags=flags, start=fields["start"] or fields["due"],
                      end=fields["due"], label=ctx.text_of(p.label))
    if cls is Relative and p.anchor is not None:
        return _anchored(text, span, scope, flags, fields, ctx.text_of(p.anchor), ctx)
    if cls is Recurrence:
        fields["count_min"] = p.count_min
    return cls(text=text, span=span, scope=scope, flags=flags, **fields)


def _anchored(text: str, span: tuple[int, int], scope: str | None, flags: tuple[str, ...],
              fields: dict[str, object], anchor: str | None, ctx: Context) -> Result:
    """<event>后N日内: the document's own issue (发文, 本意见印发) anchors at ref, anything else waits."""
    folded_anchor = fold(anchor).text if anchor else ""
    is_self = folded_anchor in lx.SELF_ISSUE or (folded_anchor.startswith("本") and
                                                  folded_anchor.endswith(lx.SELF_ISSUE))
    rel = Relative(text=text, span=span, scope=scope, flags=flags, offset=fields["offset"],  # type: ignore[arg-type]
                   anchor="ref" if is_self else anchor)
    return rel.resolved(ctx.ref) if is_self and ctx.ref is not None else rel
