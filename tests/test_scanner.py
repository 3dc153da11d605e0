"""The tokeniser's dispatch on a position's character gives the tokens one scan of the whole alternation gives."""

from __future__ import annotations

import random
import re

import pytest

from deadline_cn._grammar import _starts, tokens
from deadline_cn._grammar.prefilter import first_chars, starts_source
from tests import phrases, strategies
from tests.corpus_data import GOLD

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


def test_the_tokens_are_those_of_one_scan_of_the_whole_alternation() -> None:
    for text in texts():
        assert [(t.type, t.start, t.end) for t in tokens.tokenize(text)] == reference(text), text


def test_the_stored_table_of_first_characters_is_current() -> None:
    with open(tokens.__file__.replace("tokens.py", "_starts.py"), encoding="utf-8") as f:
        stored = f.read()
    assert stored == starts_source(), "regenerate it: PYTHONPATH=. python -m deadline_cn._grammar.prefilter"
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
