"""``deadline-cn --explain``: which grammar rule read which span of the text.

This looks at the grammar's internals (folding, tokens, parse items), which may change; everything that
touches them is in :func:`steps`, and any surprise there gives an empty list and a note, never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One parse item: its rule (parse type), the original span it read, and the tokens inside it."""

    rule: str
    span: tuple[int, int]
    text: str
    tokens: tuple[tuple[str, str], ...]  # (token type, original text)


def steps(text: str) -> list[Step]:
    """The grammar's items for ``text``, in order, with spans mapped back to the original text."""
    from deadline_cn._grammar.text import fold
    from deadline_cn._grammar.tokens import tokenize
    from deadline_cn._read.pipeline import items_of

    folded = fold(text)
    scan, items = items_of(folded)
    tokens = tokenize(scan)
    out = []
    for item in items:
        s, e = folded.original_span(item.start, item.end)
        inside = tuple((t.type, text[slice(*folded.original_span(t.start, t.end))])
                       for t in tokens if item.start <= t.start and t.end <= item.end)
        out.append(Step(type(item.parse).__name__, (s, e), text[s:e], inside))
    return out


def explain_lines(text: str) -> list[str]:
    """Readable lines: ``[start, end) "span"  Rule  ← token "text" · …`` (or a note when unavailable)."""
    try:
        found = steps(text)
    except Exception as exc:  # the internals moved: say so rather than fail the whole command
        return [f"  (explain unavailable: {type(exc).__name__}: {exc})"]
    if not found:
        return ["  (no rule matched)"]
    from deadline_cn._cli.term import pad

    lines = []
    for step in found:
        toks = " · ".join(f"{kind} {snippet!r}" for kind, snippet in step.tokens)
        where = f"[{step.span[0]}, {step.span[1]})"
        lines.append(f"  {where:<9} {pad(repr(step.text), 18)} {step.rule}" + (f"  ← {toks}" if toks else ""))
    return lines


def explain_json(text: str) -> list[dict[str, object]]:
    """The steps as JSON-ready dicts (``--json --explain``); empty when the internals cannot say."""
    try:
        found = steps(text)
    except Exception:
        return []
    return [{"rule": s.rule, "span": list(s.span), "text": s.text, "tokens": [list(t) for t in s.tokens]}
            for s in found]
