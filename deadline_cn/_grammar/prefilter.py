"""Which characters can begin a match of a regular expression (from the regex parser's own tree).

The tokeniser's alternation of ~40 patterns is tried at every position of the text; a lookahead on the
characters that can begin any of them lets every other position fail in one step. The set is computed
from the patterns, so it can never leave a token out; when a pattern is too complex to analyse, no filter
is used at all.
"""

from __future__ import annotations

import importlib
import re
from typing import Any


def _module(new: str, old: str) -> Any:
    """The regex parser lives in re._parser since Python 3.11 (sre_parse before, deprecated after)."""
    try:
        return importlib.import_module(new)
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module(old)


_c = _module("re._constants", "sre_constants")
_p = _module("re._parser", "sre_parse")

First = tuple[set[str], bool, bool]  # (characters, may begin with a digit, may match empty)
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _in_set(items: Any) -> tuple[set[str], bool] | None:
    chars: set[str] = set()
    digit = False
    for op, arg in items:
        if op == _c.LITERAL:
            chars.add(chr(arg))
        elif op == _c.RANGE:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op == _c.CATEGORY and arg == _c.CATEGORY_DIGIT:
            digit = True
        else:
            return None  # negated or other classes: cannot bound the set
    return chars, digit


def _first(items: Any) -> First | None:
    chars: set[str] = set()
    digit = False
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if op == _c.LITERAL:
            return chars | {chr(arg)}, digit, False
        if op == _c.IN:
            got = _in_set(arg)
            return None if got is None else (chars | got[0], digit or got[1], False)
        if op == _c.SUBPATTERN:
            subs, nullable = [arg[-1]], False
        elif op == _c.BRANCH:
            subs, nullable = arg[1], False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            subs, nullable = [arg[2]], arg[0] == 0
        else:
            return None
        for sub in subs:
            inner = _first(sub)
            if inner is None:
                return None
            chars, digit, nullable = chars | inner[0], digit or inner[1], nullable or inner[2]
        if not nullable:
            return chars, digit, False
    return chars, digit, True


def first_char_class(patterns: list[str]) -> str | None:
    """A regex character class matching every character that can begin one of ``patterns``, or None."""
    chars: set[str] = set()
    digit = False
    for pattern in patterns:
        got = _first(_p.parse(pattern))
        if got is None or got[2]:
            return None
        chars, digit = chars | got[0], digit or got[1]
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + (r"\d" if digit else "") + "]"
