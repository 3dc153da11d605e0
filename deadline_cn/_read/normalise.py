"""normalise(): one cell of a 完成时限 column → one typed result.

The pipeline: fold the text (``_text``), mask titles, tokenise (``_tokens``), compose (``_grammar``),
place in clauses (``_scope``), resolve dates (``_resolve``). No clock is read anywhere: the same input
always gives the same output.
"""

from __future__ import annotations

import numbers
import sys
from datetime import date, datetime
from functools import lru_cache

from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.text import fold
from deadline_cn._read.fast import fast_read
from deadline_cn._read.pipeline import DOC_NUMBER, NO_EXPRESSION, mask_titles, read
from deadline_cn._resolve.resolver import Settings
from deadline_cn.errors import DeadlineError
from deadline_cn.results import Compound, Result, Unresolved, replace

MONTH_BEFORE = ("inclusive", "strict")
_DAYS = "deadline_cn._calendar.days"  # where the calendar counts its notices loaded and unloaded


def _calendar_generation() -> int:
    """``calendar.generation()`` without loading the calendar (~2.5 ms at import): until its days module is
    loaded, no notice can have been, and the generation is 0."""
    # (getattr: another thread may be importing it — a partially initialised module without its function yet,
    # and no notice loaded either)
    generation = getattr(sys.modules.get(_DAYS), "generation", None)
    return 0 if generation is None else int(generation())


TIME_LIKE = compiled(r"\d[年月日号点时]|星期|礼拜|周[1-7日天]|[节]|今天|明天|后天|[上下本]周|[上下本]月|月[底初末中]")
CACHED_LENGTH = 200
# A cell is read up to MAX_CELL characters (the longest real cell, in corpus/wild/cells.jsonl, has 510): the
# rest of a longer one is left unread and said so with the flag truncated:<n>, so a megabyte pasted into one cell
# costs what a long cell costs.
MAX_CELL = 1_000
TRUNCATED = "truncated:"
STRICT_DOUBTS = ("unread:", "invalid:", TRUNCATED, "dense:")  # dense: only extract() gives it (its reading budget)
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
    if type(plan_year) is int:  # the common case, before the slower ABC check below
        return plan_year
    if isinstance(plan_year, bool) or not isinstance(plan_year, numbers.Integral):
        raise TypeError(f"plan_year must be int or None, not {type(plan_year).__name__}")
    return int(plan_year)


def as_date(ref: object, name: str = "ref") -> date | None:
    """A day from a date, datetime (pandas.Timestamp too), numpy.datetime64 or ISO string; None and NaT: no day."""
    if ref is None:
        return None
    if type(ref) is date:  # the common cases first: a plain date, an ISO string
        return ref
    if type(ref) is str:
        return _iso_day(ref, name)
    if isinstance(ref, (date, datetime)) and ref != ref:  # pandas.NaT is a datetime unequal to itself
        return None
    if isinstance(ref, datetime):
        return ref.date()
    if isinstance(ref, date):
        return ref
    if isinstance(ref, str):
        return _iso_day(ref, name)
    if type(ref).__name__ == "datetime64":  # numpy's, told by name so that numpy is never imported here
        day = ref.astype("datetime64[D]").item()  # type: ignore[attr-defined]
        return day if isinstance(day, date) else None  # NaT gives None
    raise TypeError(f"{name} must be a date, datetime, 'YYYY-MM-DD' string or None, not {type(ref).__name__}")


def _iso_day(ref: str, name: str) -> date:
    try:
        return date.fromisoformat(ref.strip())
    except ValueError:
        raise ValueError(f"{name} must be an ISO date 'YYYY-MM-DD', not {ref!r}") from None


def normalise(text: str, *, ref: DateLike = None, plan_year: int | None = None,
              month_before: str = "inclusive", strict: bool = False, fallback: bool = True,
              roll_over: bool = True) -> Result:
    """Read one deadline phrase ("2017年6月底前完成") into a typed result; see DESIGN.md for the kinds.

    ``ref`` is the document's date (发文日期), ``plan_year`` the year the plan is for (default: ref's
    year). Never raises for a ``str``; ``strict=True`` turns an unresolved result into DeadlineError.
    A phrase the grammar cannot read goes to jionlp (flag ``source:jionlp``) unless ``fallback=False``.
    N日内 ending on a holiday's day off moves to the next working day (《民法典》第二百零三条, flag
    ``calendar:rolled-over``) unless ``roll_over=False``.
    """
    ref_day, year = check_args(text, ref, plan_year, month_before)
    if len(text) <= CACHED_LENGTH:
        # The calendar's generation is in the key: loading a holiday notice changes working-day dates.
        result = _cached(str(text), ref_day, year, month_before, fallback, roll_over, _calendar_generation())
    else:
        result = _uncached(text, ref_day, year, month_before, fallback, roll_over)
    if strict:
        _check_strict(result, text)
    return result


def _check_strict(result: Result, text: str) -> None:
    """strict=True: no reading, or a reading beside time words it did not read (or of an impossible date)."""
    if isinstance(result, Unresolved):
        raise DeadlineError(result.reason, text)
    doubts = [f for part in result.parts for f in part.flags if f.startswith(STRICT_DOUBTS)]
    if doubts:
        raise DeadlineError(f"the reading needs a check: {', '.join(doubts)}", text)


def _uncached(text: str, ref: date | None, plan_year: int | None, month_before: str, fallback: bool,
              roll_over: bool = True, calendar_generation: int = 0) -> Result:
    if len(text) > MAX_CELL:
        return _truncated(text, Settings(ref, plan_year, month_before, roll_over))
    settings = Settings(ref, plan_year, month_before, roll_over)
    # the commonest shapes (2017年6月底前完成) without the grammar's general machinery; None: read in full
    result = fast_read(text, settings)
    if result is None:
        result = read(text, settings)
    if fallback and isinstance(result, Unresolved) and result.reason == NO_EXPRESSION:
        result = _jionlp(text, ref, plan_year) or result
    return result


def _truncated(text: str, settings: Settings) -> Result:
    """A cell longer than MAX_CELL: read up to its last clause end before the limit; every part says how many
    characters were left (truncated:<n>), and with no reading the Unresolved says it too."""
    cut = max(text.rfind(c, 0, MAX_CELL) for c in ",，;；。") + 1 or MAX_CELL
    result = read(text, settings, limit=cut)
    flag = f"{TRUNCATED}{len(text) - cut}"
    if isinstance(result, Compound):  # flags are the parts' own (as unread:<words> is)
        return replace(result, parts=tuple(replace(p, flags=(*p.flags, flag)) for p in result.parts))
    return replace(result, flags=(*result.flags, flag))


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


