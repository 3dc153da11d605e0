"""The grammar's big regular expressions, compiled from code stored with the package (the first call's cost).

``re.compile`` spends nearly all its time in Python (``re._parser`` and ``re._compiler``, ~15 ms for the
tokeniser's digit patterns) and ~0.1 ms in ``_sre.compile``, which builds the pattern from the list of
integers those two produce. ``_sre_first.py`` keeps those lists for the patterns the import and a first common
call need, ``_sre_code.py`` for the rest a first call may need (~1 MB: read only then), both made by
``python -m deadline_cn._grammar.precompiled`` under one Python version (the command also rewrites
``_starts.py``: run it after any change to a token pattern); ``compiled(pattern)`` hands them to
``_sre.compile`` when the running interpreter is that version (same ``_sre.MAGIC`` and code size) and the
stored pattern text is the same, and falls back to ``re.compile`` otherwise — on another Python the first
call is only slower. tests/test_scanner.py checks that the stored code is what ``re`` compiles today.
"""

from __future__ import annotations

import re
import sys
from array import array
from typing import Any


def _engine() -> Any:
    """The regex engine's C module, ``_sre`` (no type stubs: reached by name)."""
    import importlib

    return importlib.import_module("_sre")


def interpreter_key() -> tuple[object, ...]:
    """What the stored code depends on: the Python version, the engine's format, the machine's byte order."""
    _sre = _engine()
    return (*sys.version_info[:2], _sre.MAGIC, _sre.CODESIZE, array("I").itemsize, sys.byteorder)


Table = dict[str, tuple[int, dict[str, int], tuple[str | None, ...], str]]
_stored: Table | None = None  # _sre_first: what the import and a first common call ask for (a few kB)
_more: Table | None = None  # _sre_code: the tokeniser's big alternations (~1 MB), read at the first miss


def _table() -> Table:
    global _stored
    if _stored is None:
        _stored = _load("_sre_first")
    return _stored


def _rest() -> Table:
    global _more
    if _more is None:
        _more = _load("_sre_code")
    return _more


def _load(name: str) -> Table:
    """A stored table, empty when it was made for another interpreter (or is not written yet)."""
    import importlib

    try:
        module = importlib.import_module(f"deadline_cn._grammar.{name}")
    except ImportError:  # pragma: no cover - before the first ``python -m deadline_cn._grammar.precompiled``
        return {}
    return dict(module.PATTERNS) if tuple(module.INTERPRETER) == interpreter_key() else {}


_REQUESTED: dict[str, None] = {}  # every pattern asked for in this process (what ``needed`` stores)


def compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, from stored code when the package holds it for this interpreter."""
    _REQUESTED[pattern] = None
    got = _table().get(pattern)
    if got is None:
        got = _rest().get(pattern)
    if got is None:
        return re.compile(pattern)
    import zlib
    from binascii import a2b_base64

    flags, groupindex, indexgroup, packed = got
    try:
        code = array("I", zlib.decompress(a2b_base64(packed))).tolist()
        result: re.Pattern[str] = _engine().compile(pattern, flags, code, len(indexgroup) - 1, groupindex,
                                                    indexgroup)
    except (ValueError, TypeError, RuntimeError, zlib.error):  # pragma: no cover - a damaged table: compile
        return re.compile(pattern)
    return result


def code_of(pattern: str) -> tuple[int, dict[str, int], tuple[str | None, ...], str]:
    """What ``re.compile`` hands ``_sre.compile`` for ``pattern``: flags, group names both ways, the code."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, 0)
    code = _compiler._code(parsed, 0)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    import zlib
    from binascii import b2a_base64

    packed = b2a_base64(zlib.compress(array("I", [int(c) for c in code]).tobytes(), 9), newline=False).decode()
    return parsed.state.flags, groupindex, tuple(indexgroup), packed


SAMPLES = ("2017年6月底前完成", "每季度结束后10个工作日内", "自印发之日起30日内，长期坚持",
           "〔2016〕22号 二〇一七年十二月", "2021—2025年", "按省部署，及时公开")


def first_needed() -> list[str]:
    """The patterns compiled when the package is imported and when it first reads SAMPLES[0] (in a fresh
    interpreter: what ``_sre_first`` stores, so that neither loads the big table)."""
    import deadline_cn

    deadline_cn.normalise(SAMPLES[0], ref="2017-01-09")
    return sorted(_REQUESTED)


def needed() -> list[str]:
    """The patterns worth storing: those compiled when the package is imported and when it reads a few
    phrases, the tokeniser's alternation for every character a token can begin with (the ASCII digits by the
    character after their run, the others by the character after them), and each token's own pattern."""
    import deadline_cn
    from deadline_cn._grammar import tokens

    for text in SAMPLES:
        deadline_cn.normalise(text, ref="2017-01-09", fallback=False)
        deadline_cn.extract(text, ref="2017-01-09")
    scanner = tokens._Scanner()
    chars = set("0123456789").union(*(c for _, c, _ in scanner.table if c is not None))
    for char in sorted(chars):
        scanner.at(char)
        if not char.isdecimal():  # by the character after it, where an opening assertion holds and elsewhere
            for guard in (True, False):
                for names in scanner.at_first(char, guard).values():
                    scanner._alternation(names)
    follows = set().union(*(bound for bound in scanner.after.values() if bound is not None))
    for digit in "0123456789":  # at a digit, by what follows its run ("" stands for every other character)
        for follow in sorted(follows | {""}):
            scanner.at_digit(digit, follow)
    for _, pattern_text in tokens.TOKEN_PATTERNS:
        compiled(pattern_text)
    return sorted(_REQUESTED)


def source(patterns: list[str], what: str) -> str:
    """A generated module storing the code of ``patterns``."""
    rows = []
    for pattern in patterns:
        flags, groupindex, indexgroup, code = code_of(pattern)
        rows.append(f"    ({pattern!r},\n     ({flags}, {groupindex!r}, {indexgroup!r},\n      {code!r})),\n")
    return (
        "# ruff: noqa: E501\n"
        '"""Generated by ``python -m deadline_cn._grammar.precompiled`` (see there): regex code for one Python —\n'
        f'{what}."""\n\n'
        "from __future__ import annotations\n\n"
        f"INTERPRETER = {interpreter_key()!r}\n"
        "PATTERNS: tuple[tuple[str, tuple[int, dict[str, int], tuple[str | None, ...], str]], ...] = (\n"
        + "".join(rows) + ")\n"
    )


def sources() -> tuple[str, str]:
    """The two tables: what the import and a first call need (``_sre_first``), and the rest (``_sre_code``). The
    first is made in a fresh interpreter (this one has imported the package already: its requests are counted
    from the start, so they are the import's)."""
    import json
    import os
    import subprocess

    global _stored, _more
    _stored, _more = {}, {}  # compile everything afresh: the tables being replaced may be stale
    code = "import json; from deadline_cn._grammar import precompiled; print(json.dumps(precompiled.first_needed()))"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {**os.environ, "PYTHONPATH": root, "DEADLINE_CN_PURE": "1"}
    first = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                                      check=True).stdout)
    rest = [p for p in needed() if p not in set(first)]
    return (source(first, "what ``import deadline_cn`` and a first common call compile"),
            source(rest, "the rest, read the first time a pattern is not in ``_sre_first``"))


def main() -> None:  # pragma: no cover - a maintainer's command
    """Rewrite both generated tables: the tokeniser's first characters (``_starts.py``) and this code."""
    from pathlib import Path

    from deadline_cn._grammar import precompiled, prefilter  # the package's module, not this __main__ copy

    here = Path(__file__).parent
    (here / "_starts.py").write_text(prefilter.starts_source(), encoding="utf-8")
    first, rest = precompiled.sources()
    (here / "_sre_first.py").write_text(first, encoding="utf-8")
    (here / "_sre_code.py").write_text(rest, encoding="utf-8")
    print(f"wrote {here / '_starts.py'}, {here / '_sre_first.py'} and {here / '_sre_code.py'}")


if __name__ == "__main__":  # pragma: no cover
    main()
