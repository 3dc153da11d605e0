"""The README's >>> examples run and print what the README says (so its "real output" stays real)."""

from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_examples() -> None:
    parser = doctest.DocTestParser()
    text = README.read_text(encoding="utf-8").replace("\n```", "\n\n```")  # a fence ends an example's output
    test = parser.get_doctest(text, {}, "README.md", str(README), 0)
    # coverage() follows the installed chinesecalendar release, which may be newer than the README
    test.examples = [e for e in test.examples if "coverage" not in e.source and "is_covered" not in e.source]
    assert len(test.examples) > 10
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0
