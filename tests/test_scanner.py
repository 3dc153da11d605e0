"""The tokeniser's dispatch on a position's character gives the tokens one scan of the whole alternation gives."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from deadline_cn._grammar import _sre_code, _sre_first, _starts, precompiled, tokens
from deadline_cn._grammar.prefilter import after_digit_pairs, after_digits, after_first, first_chars, starts_source
from tests import phrases, strategies
from tests.corpus_data import GOLD
from tests.pure import needs_pure

REGENERATE = "PYTHONPATH=. python -m deadline_cn._grammar.precompiled"

INNER_GROUP = re.compile(r"\(\?P<\w+>")
WHOLE = "|".join(f"(?P<{name}>{INNER_GROUP.sub('(?:', p)})" for name, p in tokens.TOKEN_PATTERNS)


def reference(text: str) -> list[tuple[str, int, int]]:
    """The definition: one finditer of every pattern, in priority order (the first to match at a position wins)."""
    return [(m.lastgroup or "", m.start(), m.end()) for m in re.finditer(WHOLE, text)]


def texts() -> list[str]:
    rng = random.Random(5)
    out = [row["text"] for row in GOLD] + phrases.generate(300, seed=5)
    out += [strategies.phrase(lambda options: rng.choice(list(options))) for _ in range(300)]
    out += ["".join(rng.choice(strategies.HOSTILE_CHARS) for _ in range(40)) for _ in range(100)]
    return out


def digit_texts() -> list[str]:
    """Runs of digits followed by every character some token wants after its digits, and by others."""
    rng = random.Random(11)
    follows = sorted(set().union(*(b for b in tokens._scanner().after.values() if b is not None)))
    alphabet = [*"0123456789" * 4, *follows, *"。个号%|x 年月日第前后内起至-"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(1500)]


def prose_texts() -> list[str]:
    root = Path(__file__).resolve().parent.parent / "corpus" / "sources"
    return [p.read_text(encoding="utf-8")[:12000] for p in sorted(root.glob("*.txt"))[:3]]


def test_the_tokens_are_those_of_one_scan_of_the_whole_alternation() -> None:
    for text in texts() + digit_texts() + digit_pair_texts() + pair_texts() + prose_texts():
        assert [(t.type, t.start, t.end) for t in tokens.tokenize(text)] == reference(text), text


def test_what_follows_a_run_of_digits_bounds_the_patterns_tried_there() -> None:
    """prefilter.after_digits on the token patterns: wherever one matches at a digit, the character after that
    digit's run is in its bound (the scanner leaves it out elsewhere)."""
    bounds = {name: bound for name, bound in tokens._scanner().after.items() if bound is not None}
    own = {name: re.compile(INNER_GROUP.sub("(?:", p)) for name, p in tokens.TOKEN_PATTERNS if name in bounds}
    checked = 0
    for text, k, end in digit_runs(texts() + digit_texts() + prose_texts()):
        for name, pattern in own.items():
            if pattern.match(text, k):
                checked += 1
                assert text[end:end + 1] in bounds[name], (name, text, k)
    assert checked > 1000


def digit_runs(texts: list[str]) -> Iterator[tuple[str, int, int]]:
    """(text, where a digit stands, where the run of digits it is in ends) for every digit of every text."""
    for text in texts:
        for k, char in enumerate(text):
            if char.isdecimal():
                end = k
                while end < len(text) and text[end].isdecimal():
                    end += 1
                yield text, k, end


def digit_pair_texts() -> list[str]:
    """Runs of digits followed by a character some token wants after its digits, then by every character some
    token wants after that one, and by others."""
    rng = random.Random(17)
    rows = tokens._after_digit_pairs()
    follows = sorted({c for row in rows.values() if row for c in row})
    thens = sorted({c for row in rows.values() if row for b in row.values() if b for c in b[0]})
    alphabet = [*"0123456789" * 3, *follows, *thens, *"。,个号%x 前后内起至-"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))) for _ in range(1500)]


def test_the_two_characters_after_a_run_of_digits_bound_the_patterns_tried_there() -> None:
    """prefilter.after_digit_pairs on the token patterns: wherever one matches at a digit, the character after the
    one that follows the digit's run is in its bound for that one (the scanner leaves it out elsewhere)."""
    rows = {name: row for name, row in tokens._after_digit_pairs().items() if row is not None}
    own = {name: re.compile(INNER_GROUP.sub("(?:", p)) for name, p in tokens.TOKEN_PATTERNS if name in rows}
    checked = 0
    for text, k, end in digit_runs(texts() + digit_texts() + digit_pair_texts() + prose_texts()):
        for name, pattern in own.items():
            if pattern.match(text, k):
                follow, then = text[end:end + 1], text[end + 1:end + 2]
                assert follow in rows[name], (name, text, k)
                bound = rows[name][follow]
                if bound is None:
                    continue
                checked += 1
                assert then in bound[0] or (bound[1] and then.isdecimal()), (name, text, k)
    assert checked > 500


def pair_texts() -> list[str]:
    """Each character a token can begin with, followed by every character some pattern wants second and by
    others, in runs."""
    rng = random.Random(13)
    seconds = tokens._after_first()
    firsts = sorted({c for row in seconds.values() if row for c in row})
    wanted = sorted({c for row in seconds.values() if row for b in row.values() if b for c in b[0]})
    alphabet = [*firsts, *wanted, *"0123456789。,;、 x年月日前后内起至-"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20))) for _ in range(1500)]


def test_what_follows_a_first_character_bounds_the_patterns_tried_there() -> None:
    """prefilter.after_first on the token patterns: wherever one matches at a character other than a digit, the
    character after it is in its bound for that character (the scanner leaves it out elsewhere)."""
    seconds = {name: row for name, row in tokens._after_first().items() if row is not None}
    own = {name: re.compile(INNER_GROUP.sub("(?:", p)) for name, p in tokens.TOKEN_PATTERNS if name in seconds}
    checked = 0
    for text in texts() + pair_texts() + prose_texts():
        for k, char in enumerate(text):
            if char.isdecimal():
                continue
            for name, pattern in own.items():
                if pattern.match(text, k):
                    assert char in seconds[name], (name, text, k)
                    bound = seconds[name][char]
                    if bound is None:
                        continue
                    checked += 1
                    second = text[k + 1:k + 2]
                    assert second in bound[0] or (bound[1] and second.isdecimal()), (name, text, k)
    assert checked > 1000


@pytest.mark.parametrize(("pattern", "bound"), [
    ("前(?:年)?", {"前": None}), ("公布之日", {"公": ({"布"}, False)}), ("[^a]b", None), ("(?i:ab)", None),
    (r"(?<!\d)(?:本|上)(?:年|月)?\d", {"本": ({"年", "月"}, True), "上": ({"年", "月"}, True)}),
    (r"\d+年|第\d", {"第": (set(), True)}), ("年(?:度|$)", {"年": None}), ("(?:每|按(?=年))?季", {"每": ({"季"}, False),
     "按": ({"季"}, False), "季": None}), ("上{2,}", {"上": ({"上"}, False)}), ("x[\u4e00-\u9fff]", {"x": None}),
])
def test_after_first(pattern: str, bound: dict[str, tuple[set[str], bool] | None] | None) -> None:
    assert after_first(pattern) == bound


@pytest.mark.parametrize(("pattern", "bound"), [
    (r"\d+年", {"年"}), (r"(?:\d{4}年)?\d{1,2}月", {"年", "月"}), (r"(?<!\d)\d{1,2}(?!\d)(?:日|号)", {"日", "号"}),
    (r"\d{1,2}", None), (r"\d+(?:年)?", None), (r"[\d.]x", None), (r"\d+[^,]", None),
    (r"\d+(?:\d|年)月", None),  # (the parser makes the branch a class, [\d年]: it may begin with a digit)
    (r"\d+(?:\d\d|年份)月", {"年", "月"}),
    (r"(?:(?P<a>\d{4})年|本年)?\d*[至到]", {"年", "本", "至", "到"}), (r"\d\d?\.\d", {"."}),
])
def test_after_digits(pattern: str, bound: set[str] | None) -> None:
    assert after_digits(pattern) == bound


@pytest.mark.parametrize(("pattern", "bound"), [
    (r"\d+年", {"年": None}),
    (r"\d+年底", {"年": ({"底"}, False)}),
    (r"\d+年(?:度|底)?前", {"年": ({"度", "底", "前"}, False)}),
    (r"\d+年\d+月|\d+月底", {"年": (set(), True), "月": ({"底"}, False)}),
    (r"\d{1,2}", None),
    (r"\d+[^,]x", None),
    (r"(?:\d{4}年)?\d{1,2}月", {"年": (set(), True), "月": None}),
    (r"\d+(?:个|小时)?[日天]内",
     {"个": ({"日", "天"}, False), "小": ({"时"}, False), "日": ({"内"}, False), "天": ({"内"}, False)}),
    (r"\d+x(?=y)z", {"x": ({"z"}, False)}),
    (r"\d+(?:\d|年)+", None),
    (r"(?i:\d+a)b", None),
])
def test_after_digit_pairs(pattern: str, bound: dict[str, tuple[set[str], bool] | None] | None) -> None:
    assert after_digit_pairs(pattern) == bound


def test_the_stored_table_of_first_characters_is_current() -> None:
    with open(_starts.__file__, encoding="utf-8") as f:  # (tokens.__file__ may be a compiled extension)
        stored = f.read()
    assert stored == starts_source(), f"regenerate it: {REGENERATE}"
    assert _starts.KEY == tokens.patterns_key()


def test_a_stale_table_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_starts, "KEY", -1)
    monkeypatch.setattr(_starts, "STARTS", ())
    assert tokens._starts() == tokens.computed_starts()
    assert len(tokens._starts()) == len(tokens.TOKEN_PATTERNS)


def test_an_unbounded_pattern_is_tried_everywhere_and_an_empty_one_refused() -> None:
    assert first_chars(r"[^,]x") is None
    with pytest.raises(ValueError, match="empty"):
        first_chars(r"a?")


def fresh_needs(what: str = "needed") -> list[str]:
    """``precompiled.needed()`` (or ``first_needed()``) in a fresh interpreter (this one has compiled the patterns
    of other tests)."""
    code = f"import json; from deadline_cn._grammar import precompiled; print(json.dumps(precompiled.{what}()))"
    env = {**os.environ, "PYTHONPATH": str(Path(tokens.__file__).parents[2])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return sorted(json.loads(out.stdout))


@pytest.mark.skipif(tuple(_sre_code.INTERPRETER) != precompiled.interpreter_key(),
                    reason="the stored regex code is for another Python: re.compile is used instead")
def test_the_stored_regex_code_is_what_re_compiles_today() -> None:
    first = dict(_sre_first.PATTERNS)
    stored = {**first, **dict(_sre_code.PATTERNS)}
    assert len(stored) == len(first) + len(_sre_code.PATTERNS), "a pattern stored twice"
    assert sorted(stored) == fresh_needs(), f"regenerate it: {REGENERATE}"
    assert sorted(first) == fresh_needs("first_needed"), f"regenerate it: {REGENERATE}"
    biggest = sorted(stored, key=len)[-3:]  # the digit alternations; every entry would take a second
    for pattern in [*biggest, tokens.TOKEN_PATTERNS[0][1], tokens._scanner().starts]:
        assert stored[pattern] == precompiled.code_of(pattern), f"regenerate it: {REGENERATE}"
        fast, slow = precompiled.compiled(pattern), re.compile(pattern)
        assert (fast.pattern, fast.flags, fast.groupindex, fast.groups) == \
            (slow.pattern, slow.flags, slow.groupindex, slow.groups)


def test_without_stored_code_the_patterns_are_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precompiled, "_stored", {})
    monkeypatch.setattr(precompiled, "_more", {})
    pattern = tokens.TOKEN_PATTERNS[-1][1]
    assert precompiled.compiled(pattern) is re.compile(pattern)
    scanner = tokens._Scanner()  # a scanner built without it reads the same tokens
    assert scanner.at("2") is not None and scanner.at("2").match("2017年").lastgroup == "date_year"  # type: ignore[union-attr]


@needs_pure  # the monkeypatched functions are called natively in a compiled rules module
def test_dispatch_on_the_next_token_gives_the_cover_every_rule_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    from deadline_cn._grammar import rules

    def cover(text: str) -> list[tuple[object, int, int]]:
        return [(it.parse, it.start, it.end) for it in rules.parse_tokens(tokens.tokenize(text))]

    sample = texts()
    dispatched = [cover(t) for t in sample]
    monkeypatch.setattr(rules, "DATE_TYPES", frozenset())  # every rule of a date token tried, as before
    monkeypatch.setattr(rules, "_cue_may_start", lambda tokens, i: True)  # and of every cue
    assert [cover(t) for t in sample] == dispatched


def test_the_guarded_time_words_find_what_the_bare_pattern_finds() -> None:
    from deadline_cn._read import unread

    guarded, bare = unread._time_words(), re.compile(unread.TIME_WORDS)
    assert guarded.pattern != bare.pattern
    assert unread.time_words_guard() == unread.time_words_guard(stored=False)
    for text in texts():
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in bare.finditer(text)], text


def test_the_anchor_is_the_same_pattern_under_any_hash_seed() -> None:
    """Its text is the key of its stored code (_sre_code.py): a set's order must not leak into it, or every
    process's first extract() compiles it again (~100 ms)."""
    code = "from deadline_cn._read.anchors import anchor; import zlib; print(zlib.crc32(anchor().pattern.encode()))"
    root = str(Path(tokens.__file__).parents[2])
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONPATH": root, "PYTHONHASHSEED": seed}).stdout for seed in "123"}
    assert len(seen) == 1
    from deadline_cn._read.anchors import anchor

    assert anchor().pattern in dict(_sre_code.PATTERNS)


def test_the_list_number_pattern_finds_what_its_lookbehind_form_finds() -> None:
    """pipeline._LIST_NUMBER opens with a digit (so the engine skips to digits): the matches of the plain form."""
    from deadline_cn._read.pipeline import _LIST_NUMBER

    plain = re.compile(r"(?<!\d)(\d{1,2})、")
    rng = random.Random(17)
    strings = ["".join(rng.choice("12、3a、4５٣、 。") for _ in range(rng.randint(0, 24))) for _ in range(5000)]
    for text in strings + prose_texts() + texts()[:400]:
        for start, end in ((0, len(text)), (1, len(text)), (2, max(0, len(text) - 1))):
            assert [(m.span(), m.group(1)) for m in _LIST_NUMBER.finditer(text, start, end)] == \
                [(m.span(), m.group(1)) for m in plain.finditer(text, start, end)], text


@pytest.mark.parametrize(("name", "plain", "alphabet"), [
    ("_NUMERAL_RUN", "[〇零一二三四五六七八九十百两]+", "12 3\u3000年月日号一二十两x"),
    ("_SPACED_DIGITS", "(\\d+)[ \u3000\u00a0]+(?=(\\d+)([年月日号]))", "12 3\u3000年月日号一二十两x"),
    ("COMPACT_YEAR", r"(?<![\d.])(?:19|20)\d\d(?=(?:1[0-2]|0?[1-9])月)", ["19", "20", "2023", "1", "12", "06",
                                                                            "9", "0", ".", "月", "年", "x"]),
])
def test_the_folding_patterns_find_what_their_plain_forms_find(name: str, plain: str, alphabet: str | list[str],
                                                               ) -> None:
    """text.py writes these to open with one character of their class (so the engine skips to it)."""
    from deadline_cn._grammar import text as text_module

    pattern, bare = getattr(text_module, name), re.compile(plain)
    rng = random.Random(19)
    strings = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(5000)]
    for text in strings + prose_texts():
        assert [m.groups() + m.span() for m in pattern.finditer(text)] == \
            [m.groups() + m.span() for m in bare.finditer(text)], text
