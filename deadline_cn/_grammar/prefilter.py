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


def first_chars(pattern: str) -> tuple[set[str], bool] | None:
    """The characters ``pattern`` can begin with and whether a digit can, or None when it cannot be bounded.

    A token pattern that can match the empty string is an error: the scanner would stand still on it.
    """
    got = _first(_p.parse(pattern))
    if got is None:
        return None
    if got[2]:
        raise ValueError(f"a token pattern must not match the empty string: {pattern!r}")
    return got[0], got[1]


def _decimal_set(items: Any) -> bool:
    """A class of decimal digits only (``\\d``, or digit literals and ranges)."""
    for op, arg in items:
        if op == _c.CATEGORY and arg == _c.CATEGORY_DIGIT:
            continue
        if op == _c.LITERAL and chr(arg).isdecimal():
            continue
        if op == _c.RANGE and all(chr(c).isdecimal() for c in range(arg[0], arg[1] + 1)):
            continue
        return False
    return True


def _digits_only(items: Any) -> bool:
    """Every character the sequence can consume is a decimal digit (what ``\\d`` matches: ``str.isdecimal``)."""
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if op == _c.LITERAL:
            ok = chr(arg).isdecimal()
        elif op == _c.IN:
            ok = _decimal_set(arg)
        elif op == _c.SUBPATTERN:
            ok = _digits_only(arg[-1])
        elif op == _c.BRANCH:
            ok = all(_digits_only(b) for b in arg[1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            ok = _digits_only(arg[2])
        else:
            ok = False
        if not ok:
            return False
    return True


def _after(items: Any) -> tuple[set[str], bool] | None:
    """(the characters that can come first after the digits the sequence begins with, whether it can consume
    nothing but digits), or None when that cannot be bounded. Assertions are passed over (they only refuse)."""
    chars: set[str] = set()
    for op, arg in items:
        if op in _ZERO_WIDTH or _digits_only([(op, arg)]):
            continue
        got: tuple[set[str], bool] | None
        if op == _c.SUBPATTERN:
            got = _after(arg[-1])
        elif op == _c.BRANCH:
            subs = [_after(b) for b in arg[1]]
            got = None if any(sub is None for sub in subs) else \
                (set().union(*(sub[0] for sub in subs if sub)), any(sub[1] for sub in subs if sub))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            got = _after(arg[2])
            got = None if got is None else (got[0], got[1] or arg[0] == 0)
        else:  # one character: it must be the first non-digit, so it cannot be a digit itself
            first = _first([(op, arg)])
            if first is None or first[1] or any(c.isdecimal() for c in first[0]):
                return None
            got = first[0], first[2]
        if got is None:
            return None
        chars |= got[0]
        if not got[1]:
            return chars, False
    return chars, True


def after_digits(pattern: str) -> set[str] | None:
    """The characters that can stand right after the run of decimal digits a match of ``pattern`` begins in.

    A match that begins at a digit consumes digits, staying inside that run, until its first element that can
    consume something else; that character is then either a digit (still inside the run: None is returned,
    no bound) or the character just after the run. So where the run is followed by a character outside the
    returned set (or by the end of the text), ``pattern`` cannot match at any digit of it. None also when the
    pattern can match digits only, or cannot be analysed. Lookarounds are passed over: they only refuse more.
    """
    got = _after(_p.parse(pattern))
    return None if got is None or got[1] else got[0]


class _Unbounded(Exception):
    """An element the prefix analysis does not read (a back reference, a conditional, an atomic group, flags)."""


DIGIT = "\\d"  # in a set of second characters: every decimal digit (what ``\\d`` matches)
_WIDEST = 256  # a class of more characters than this is taken as any character (its set is not worth keeping)


def _atom(op: Any, arg: Any) -> frozenset[str] | None:
    if op == _c.LITERAL:
        return frozenset(chr(arg))
    if op == _c.IN:
        got = _in_set(arg)
        if got is None or len(got[0]) > _WIDEST:
            return None
        return frozenset(got[0] | ({DIGIT} if got[1] else set()))
    if op in (_c.ANY, _c.NOT_LITERAL):
        return None
    raise _Unbounded(op)


Prefix = tuple["frozenset[str] | None", ...]


def _then(heads: set[Prefix], tails: Any, k: int) -> set[Prefix]:
    out: set[Prefix] = set()
    for head in heads:
        if len(head) >= k:
            out.add(head)
        else:
            out.update(head + tail for tail in tails(k - len(head)))
    return out


def _prefixes(items: list[Any], k: int) -> set[Prefix]:
    """The first ``k`` elements (each a set of characters, or None: any) of what the sequence can match: a tuple
    shorter than ``k`` is a whole match. Assertions are passed over (they only refuse), so this is a superset."""
    if k == 0 or not items:
        return {()}
    (op, arg), rest = items[0], items[1:]
    if op in _ZERO_WIDTH:
        return _prefixes(rest, k)
    head: set[Prefix]
    if op == _c.SUBPATTERN:
        if arg[1] or arg[2]:  # flags inside the pattern ((?i:…)): not read
            raise _Unbounded(op)
        head = _prefixes(list(arg[-1]), k)
    elif op == _c.BRANCH:
        head = set().union(*(_prefixes(list(b), k) for b in arg[1]))
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, sub = arg
        if low > 16:
            raise _Unbounded(op)
        once = _prefixes(list(sub), k)
        head = {()} if low == 0 else set()
        upto: set[Prefix] = {()}
        # more than max(low, k) repetitions begin as fewer do: each adds a character, or is empty and can be left out
        for n in range(1, min(high, max(low, k)) + 1):
            upto = _then(upto, lambda m: {t[:m] for t in once}, k)
            if n >= low:
                head |= upto
    else:
        head = {(_atom(op, arg),)}
    return _then(head, lambda m: _prefixes(rest, m), k)


def after_first(pattern: str) -> dict[str, tuple[frozenset[str], bool] | None] | None:
    """Per character other than a digit that a match of ``pattern`` can begin with, the characters that can come
    second (and whether any decimal digit can), or None for that character when no bound was found (a match of
    one character, a second element that takes any character). None when the pattern cannot be read (or can
    begin with any character). A match beginning with such a character, followed by one outside its set (or by
    the end of the text), is impossible: the scanner does not try the pattern there."""
    try:
        parsed = _p.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
            return None
        prefixes = _prefixes(list(parsed), 2)
    except _Unbounded:
        return None
    seconds: dict[str, set[str] | None] = {}
    for prefix in prefixes:
        if not prefix or prefix[0] is None:
            return None
        second = prefix[1] if len(prefix) == 2 else None
        for c in prefix[0]:
            if c == DIGIT or c.isdecimal():
                continue
            known = seconds.get(c, set())
            seconds[c] = None if second is None or known is None else known | second
    return {c: None if s is None else (frozenset(x for x in s if x != DIGIT), DIGIT in s) for c, s in seconds.items()}


_DEPTH = 64  # how many elements after_digit_pairs follows before it gives up (a repeat of digits or nothing)


def _after_run(items: list[Any], depth: int = 0) -> set[Prefix]:
    """The first character after the digits a match of the sequence begins with (a set) and the one after it (a
    set, or None: any, or the match may end there), as 2-tuples; () for a match of digits only. Assertions are
    passed over (they only refuse), so this is a superset."""
    if depth > _DEPTH:
        raise _Unbounded("depth")
    if not items:
        return {()}
    (op, arg), rest = items[0], items[1:]
    if op in _ZERO_WIDTH or _digits_only([(op, arg)]):
        return _after_run(rest, depth + 1)
    if op == _c.SUBPATTERN:
        if arg[1] or arg[2]:  # flags inside the pattern: not read
            raise _Unbounded(op)
        return _after_run(list(arg[-1]) + rest, depth + 1)
    if op == _c.BRANCH:
        return set().union(*(_after_run(list(b) + rest, depth + 1) for b in arg[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, sub = arg
        out = _after_run(rest, depth + 1) if low == 0 else set()
        if high == 0:
            return out
        more = high if high == _c.MAXREPEAT else high - 1  # once, then the repeat with one fewer
        again = [(op, (max(low - 1, 0), more, sub))] if more > 0 else []
        return out | _after_run(list(sub) + again + rest, depth + 1)
    first = _first([(op, arg)])
    if first is None or first[1] or first[2] or any(c.isdecimal() for c in first[0]):
        raise _Unbounded(op)  # it may take a digit: still inside the run, no bound (as after_digits)
    return {(frozenset(first[0]), second[0] if second else None) for second in _prefixes(rest, 1)}


def after_digit_pairs(pattern: str) -> dict[str, tuple[frozenset[str], bool] | None] | None:
    """``after_digits`` one character further: per character that can stand right after the run of digits a
    match of ``pattern`` begins in, the characters that can come after that one (and whether any decimal digit
    can), or None for it when no bound was found (the match may end there, or take any character next). None
    when the pattern has no bound after its digits at all (``after_digits`` gives None). Where a run is followed
    by a character and then one outside its set (or the text's end), ``pattern`` cannot match at the run."""
    try:
        parsed = _p.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
            return None
        got = _after_run(list(parsed))
    except _Unbounded:
        return None
    if () in got:
        return None
    seconds: dict[str, set[str] | None] = {}
    for prefix in got:
        chars, second = prefix[0], prefix[1]
        for c in chars or ():
            known = seconds.get(c, set())
            seconds[c] = None if second is None or known is None else known | second
    return {c: None if s is None else (frozenset(x for x in s if x != DIGIT), DIGIT in s) for c, s in seconds.items()}


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


def starts_source() -> str:
    """The text of ``_starts.py``: the tokeniser's first characters, so a first call need not parse the patterns."""
    from deadline_cn._grammar.tokens import (
        computed_after_digit_pairs,
        computed_after_digits,
        computed_after_first,
        computed_starts,
        patterns_key,
    )
    from deadline_cn._read.unread import TIME_WORDS, time_words_guard

    rows = "".join(f"    ({name!r}, {None if chars is None else ''.join(sorted(chars))!r}, {digit}),\n"
                   for name, chars, digit in computed_starts())
    after = "".join(f"    ({name!r}, {None if chars is None else ''.join(sorted(chars))!r}),\n"
                    for name, chars in computed_after_digits())
    first = "".join(f"    ({name!r}, {_seconds(row)}),\n" for name, row in computed_after_first())
    pairs = "".join(f"    ({name!r}, {_seconds(row)}),\n" for name, row in computed_after_digit_pairs())
    return (
        '"""Generated by ``python -m deadline_cn._grammar.precompiled``: per token type, the characters its pattern\n'
        "can begin with (and whether a digit can). Used only while KEY is the checksum of today's patterns; a stale\n"
        'table is ignored (computed again at the first call) and tests/test_scanner.py says to regenerate it."""\n\n'
        f"KEY = {patterns_key()}\n"
        f"STARTS: tuple[tuple[str, str | None, bool], ...] = (\n{rows})\n"
        "# per token type that can begin with a digit: what can follow the digits it begins with (after_digits)\n"
        f"AFTER_DIGITS: tuple[tuple[str, str | None], ...] = (\n{after})\n"
        "# per token type, for each character other than a digit it can begin with: the characters that can come\n"
        "# second and whether a digit can (None: no bound; after_first)\n"
        "AFTER_FIRST: tuple[tuple[str, tuple[tuple[str, tuple[str, bool] | None], ...] | None], ...] = (\n"
        f"{first})\n"
        "# per token type that can begin with a digit, for each character that can follow its digits: the characters\n"
        "# that can come after that one and whether a digit can (None: no bound; after_digit_pairs)\n"
        "AFTER_DIGIT_PAIRS: tuple[tuple[str, tuple[tuple[str, tuple[str, bool] | None], ...] | None], ...] = (\n"
        f"{pairs})\n"
        "# the unread check's time words: the class of characters they begin with, and the checksum of the pattern\n"
        f"TIME_WORDS_KEY = {checksum(TIME_WORDS)}\n"
        f"TIME_WORDS_GUARD = (\n{_wrapped(time_words_guard(stored=False) or '')})\n"
    )


def _seconds(row: dict[str, tuple[frozenset[str], bool] | None] | None) -> str:
    """One row of ``AFTER_FIRST``: a first character and its second characters each on its own line."""
    if row is None:
        return "None"
    cells = "".join(f"        ({c!r}, {None if b is None else (''.join(sorted(b[0])), b[1])!r}),\n"
                    for c, b in sorted(row.items()))
    return f"(\n{cells}    )"


def _wrapped(text: str, width: int = 60) -> str:
    """A long string as implicitly joined literals, one indented line each (the linter's line length)."""
    return "".join(f"    {text[k:k + width]!r}\n" for k in range(0, len(text), width)) or "    ''\n"


def checksum(text: str) -> int:
    import zlib

    return zlib.crc32(text.encode("utf-8", "surrogatepass"))

