"""The reading pipeline shared by ``normalise`` and ``extract``: fold → scan → cover → place → resolve.

Each step takes values and returns values: the folded text, the best cover of parses (``_grammar.rules``),
the placed parses with their scopes (``_grammar.scope``), the time words no reading consumed
(``unread``), and the results (``_resolve``). Offsets stay in the folded text until ``build`` maps them back.
"""

from __future__ import annotations

import re
from datetime import date

from deadline_cn._grammar import lexicon as lx
from deadline_cn._grammar.parse import DeadlineP, Item, MarkerP, RangeP
from deadline_cn._grammar.precompiled import compiled
from deadline_cn._grammar.rules import parse_tokens
from deadline_cn._grammar.scope import Placed, place
from deadline_cn._grammar.text import Folded, fold
from deadline_cn._grammar.tokens import tokenize
from deadline_cn._read.unread import DOC_NUMBER, is_term_label, mask_doc_numbers, nearest, unread_spans
from deadline_cn._resolve.resolver import Context, NeedsYear, Settings, resolve
from deadline_cn.results import (
    Alternative,
    Compound,
    Conditional,
    Deadline,
    Recurrence,
    Relative,
    Result,
    Trigger,
    Unresolved,
    Window,
    replace,
)

NO_EXPRESSION = "no deadline expression found"
__all__ = ["DOC_NUMBER", "NO_EXPRESSION", "build", "flag_unread", "items_of", "mask_doc_numbers", "mask_titles",
           "original_text", "read"]
_TITLE = compiled("《[^《》]{1,120}》")
_FOUR_DIGITS = compiled(r"\d{4}")


def mask_titles(text: str) -> str:
    """Blank the inside of 《…》 so a title's "2016年" is never read as a deadline.

    Only a closed title of reasonable length is masked: a stray 《 must not hide the rest of a document.
    """
    if "《" not in text:
        return text
    return _TITLE.sub(lambda m: "《" + "□" * (len(m.group()) - 2) + "》", text)


def items_of(folded: Folded) -> tuple[str, list[Item]]:
    scan = mask_list_numbers(mask_titles(folded.text), folded)
    return scan, parse_tokens(tokenize(scan))


# 1、6月底前完成方案；2、9月底前完成建设: "N、" opening a clause or a line numbers the items when the next number opens
# another — then it is written "N." for the scanner (a list number, as 1. is), never a month of a list (3、6、9、12月)
_LIST_NUMBER = compiled(r"(?<!\d)(\d{1,2})、")


def mask_list_numbers(text: str, folded: Folded) -> str:
    if "、" not in text:
        return text
    found = [(m.start(1), m.end(), int(m.group(1))) for m in _LIST_NUMBER.finditer(text)
             if _opens_line(text, folded, m.start(1))]
    numbers = {n for _, _, n in found}
    listed = [(s, e) for s, e, n in found if n + 1 in numbers or n - 1 in numbers]
    if not listed:
        return text
    chars = list(text)
    for _, e in listed:
        chars[e - 1] = "."  # same length: offsets hold
    return "".join(chars)


def _opens_line(text: str, folded: Folded, k: int) -> bool:
    """At the text's start, after ; 。 :, or where folding dropped a line break or spaces before it."""
    if k == 0 or text[k - 1] in ";。:\n":
        return True
    starts = folded.starts
    return k < len(starts) and starts[k] > folded.end_of(k - 1) - folded.offset


def read(text: str, settings: Settings, limit: int | None = None) -> Result:
    """One cell: every time word in it is read, or flags the reading nearest to it.

    With ``limit``, only ``text[:limit]`` is folded and read (``normalise`` cuts a cell longer than any real
    one); spans still index ``text``.
    """
    folded = fold(text, 0, limit) if limit is not None and limit < len(text) else fold(text)
    scan, items = items_of(folded)
    ctx = Context(settings, lambda span: original_text(text, folded, span))
    placed = place(scan, items)
    if placed:
        flag_unread(text, folded, scan, items, placed)
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
    ctx.part()
    outer = ctx.last_start
    if p.inside:  # a step inside the reading before it: no "steps run forward" past that reading
        ctx.last_start = None
    try:
        return _build(text, span, scope, p, ctx)
    except (NeedsYear, ValueError, OverflowError) as exc:
        reason = str(exc) if not isinstance(exc, OverflowError) else "the date falls outside years 1–9999"
        return Unresolved(text=text, span=span, scope=scope, reason=reason, flags=tuple(p.flags))
    finally:
        if ctx.last_start is None:
            ctx.last_start = outer  # a step that dates nothing leaves the reading before it to the next


def _build(text: str, span: tuple[int, int], scope: str | None, p: Placed, ctx: Context) -> Result:
    cls, fields = resolve(p.item.parse, ctx)
    flags = tuple(dict.fromkeys([*fields.pop("flags"), *ctx.flags, *p.flags]))
    if cls is Deadline and "year-from-ref" in flags and "ambiguous:year" not in flags:
        flags = _named_year_doubt(flags, fields)
    if p.label is not None and cls is Deadline:
        return Window(text=text, span=span, flags=flags, start=fields["start"] or fields["due"],
                      end=fields["due"], label=ctx.text_of(p.label))
    if p.label is not None and cls is Window:  # 春节：2月10日至17日放假: the days named by their holiday
        fields["label"] = ctx.text_of(p.label)
    if cls is Relative and p.anchor is not None:
        return _anchored(text, span, scope, flags, fields, compact(ctx.text_of(p.anchor)), ctx)
    if cls is Conditional and p.anchor is not None:
        fields["trigger"] = _event_before(fields["trigger"], compact(ctx.text_of(p.anchor)))
    if cls is Recurrence:
        fields["count_min"] = p.count_min
    return cls(text=text, span=span, scope=scope, flags=flags, **fields)


def _named_year_doubt(flags: tuple[str, ...], fields: dict[str, object]) -> tuple[str, ...]:
    """2025年省重点项目9月底前开工 in a notice of 2024-12: the year names the work (``object:2025年``) and 9月
    took the document's year — but a named year later than that may well be the year the work is due in: then
    the reading is a doubt, the named year's date in alternatives (reading named-year). A year before it names
    past work reported on (对2023年度项目开展审计，6月底前完成), as the object rule means."""
    named = next((int(m.group()) for f in flags if f.startswith("object:")
                  and (m := _FOUR_DIGITS.search(f)) is not None), None)
    due = fields.get("due")
    if named is None or not isinstance(due, date) or due.year >= named:  # past work named (2023年度总结): no doubt
        return flags
    try:
        other = due.replace(year=named)
    except ValueError:  # 2月29日 in a common year
        other = due.replace(year=named, day=28)
    alternatives = fields.get("alternatives") or ()
    fields["alternatives"] = (*alternatives, Alternative(other, "named-year"))  # type: ignore[misc]
    return (*flags, "ambiguous:year")


def _event_before(trigger: Trigger, words: str | None) -> Trigger:
    """重大决策作出后及时公开 → the event 重大决策作出; 法律、法规对…另有规定的 → the authority 法律、法规."""
    if trigger.type == "statute":
        return replace(trigger, authority=re.split("[对對]", words)[0] if words else None)
    return replace(trigger, event=words)


def compact(words: str | None) -> str | None:
    """An event's words without the spaces a table's layout put inside them (制 定 或 获 取 信 息)."""
    return None if words is None else "".join(words.split()) or None


def _anchored(text: str, span: tuple[int, int], scope: str | None, flags: tuple[str, ...],
              fields: dict[str, object], anchor: str | None, ctx: Context) -> Result:
    """<event>后N日内: the document's own issue (发文, 本意见印发) anchors at ref, anything else waits."""
    folded_anchor = fold(anchor).text if anchor else ""
    is_self = folded_anchor in lx.SELF_ISSUE or (folded_anchor.startswith("本") and
                                                  folded_anchor.endswith(lx.SELF_ISSUE))
    rel = Relative(text=text, span=span, scope=scope, flags=flags, offset=fields["offset"],  # type: ignore[arg-type]
                   anchor="ref" if is_self else anchor)
    return rel.resolved(ctx.ref) if is_self and ctx.ref is not None else rel


def flag_unread(text: str, folded: Folded, scan: str, items: list[Item], placed: list[Placed],
                start: int = 0, end: int | None = None, *, reach: int | None = None) -> None:
    """Add ``unread:<words>`` to the placed reading nearest each unread time word in ``scan[start:end]``.

    ``reach`` (extract) limits it to words at most that many characters from a reading, in its clause.
    """
    spans = [(p.item.start, p.item.end) for p in placed]
    for s, e in unread_spans(scan, [(it.start, it.end) for it in items], start, end):
        k = nearest(spans, (s, e))
        if reach is not None:
            gap = (min(spans[k][1], s), max(spans[k][0], e))
            if max(s - spans[k][1], spans[k][0] - e) > reach or any(c in lx.CLAUSE_SEPARATORS for c in
                                                                   scan[gap[0]:gap[1]]):
                continue
        if is_term_label(scan[s:e]) and _fully_dated(placed[k].item.parse, year=scan[s:e] in lx.SCHOOL_YEAR_WORDS):
            # 秋季学期第11周(2021.11.15-2021.11.19) · 夏季麦收前(5月30日—6月4日): a label beside the days it
            # names changes nothing (a school term's may change the year: 寒假 in the 2023 school year is 2024's)
            continue
        if isinstance(placed[k].item.parse, RangeP) and scan.endswith(lx.DURATION_OPENERS, max(0, s - 3), s) \
                and scan[s:s + 1].isdigit():
            continue  # 3月15日-4月15日(共30天): the range's own length, said again
        words = "".join(original_text(text, folded, (s, e)) or "").replace(" ", "")
        flag = f"unread:{words}"
        if flag not in placed[k].flags:
            placed[k].flags.append(flag)


def _fully_dated(parse: object, *, year: bool = True) -> bool:
    """A reading whose month and day (and, with ``year``, year) are all written (a range: both ends' days, the
    start's year)."""
    if isinstance(parse, DeadlineP):
        w = parse.when
        return (w.year is not None or not year) and w.day is not None and not parse.after
    if isinstance(parse, RangeP):
        return (parse.start.year is not None or not year) and parse.start.day is not None \
            and parse.end.day is not None
    return False
