"""extract() over running text: recall and precision on the prose of the five documents, negatives,
consistency with normalise(), and the examples of the issue."""

from __future__ import annotations

import pytest

from deadline_cn import extract, normalise
from tests.corpus_data import CELLS, CORPUS, DOCS, PROSE_GOLD, source
from tests.goldcheck import mismatches
from tests.test_properties import core

GOLD = PROSE_GOLD
NEGATIVES = [line for line in (CORPUS / "prose_negatives.txt").read_text(encoding="utf-8").splitlines() if line.strip()]


def prose(stem: str) -> str:
    """The document with its deadline-column cells blanked (same length, so offsets hold)."""
    chars = list(source(stem))
    for cell in CELLS:
        if cell["document"] == stem:
            start, end = cell["source_span"]
            chars[start:end] = "。" * (end - start)
    return "".join(chars)


def score() -> tuple[int, int, int, list[str]]:
    """(gold found with the right reading, extracted results, results that match a gold span, problems)."""
    found, extracted, matched, problems = 0, 0, 0, []
    for path in sorted((CORPUS / "sources").glob("*.txt")):
        ref, plan_year = DOCS[path.stem[:3]]
        text = prose(path.stem)
        results = extract(text, ref=ref, plan_year=plan_year)
        gold = [g for g in GOLD if g["document"] == path.stem]
        extracted += len(results)
        for r in results:
            if any(r.span[0] < g["end"] and g["start"] < r.span[1] for g in gold):
                matched += 1
            else:
                problems.append(f"false positive {path.stem[:3]} {text[r.span[0]:r.span[1]]!r}: {r.describe()}")
        for g in gold:
            hits = [r for r in results if r.span[0] < g["end"] and g["start"] < r.span[1]]
            if any(not mismatches(r.to_dict(), g["expect"]) for r in hits):
                found += 1
            else:
                problems.append(f"missed {path.stem[:3]} {g['text']!r}: {[r.describe() for r in hits]}")
    return found, extracted, matched, problems


def test_recall_and_precision_on_the_prose_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    found, extracted, matched, problems = score()
    recall, precision = found / len(GOLD), matched / max(extracted, 1)
    with capsys.disabled():
        print(f"\nextract() on the prose of the five documents: recall {recall:.1%} ({found}/{len(GOLD)}), "
              f"precision {precision:.1%} ({matched}/{extracted})")
    assert recall >= 0.98 and precision >= 0.98, "\n".join(problems)


@pytest.mark.parametrize("snippet", NEGATIVES)
def test_no_deadline_in_negative_snippets(snippet: str) -> None:
    assert extract(snippet, ref="2017-01-09", plan_year=2017) == []


@pytest.mark.parametrize("entry", GOLD, ids=[f"{g['document'][:3]}:{g['text']!r}" for g in GOLD])
def test_extracted_reading_equals_normalise_of_the_phrase(entry: dict) -> None:
    ref, plan_year = DOCS[entry["document"][:3]]
    text = prose(entry["document"])
    hits = [r for r in extract(text, ref=ref, plan_year=plan_year)
            if r.span[0] < entry["end"] and entry["start"] < r.span[1]]
    assert hits
    for r in hits:
        alone = normalise(text[r.span[0]:r.span[1]], ref=ref, plan_year=plan_year)

        def reading(d: dict) -> dict:
            # hedges, anchors and 至少N次 come from the words around the phrase, which normalise() does not see
            out = {k: v for k, v in core(d).items() if k not in ("anchor", "count_min")}
            out["flags"] = [f for f in d["flags"] if not f.startswith("hedge:")]
            if d["kind"] == "relative" and d["anchor"] != "ref":
                out.pop("due")
            return out

        assert reading(r.to_dict()) == reading(alone.to_dict())


ISSUE_EXAMPLES = [
    ("在2017年6月底前组织对门户网站进行一次系统梳理", "2017年6月底前", {"kind": "deadline", "due": "2017-06-30"}),
    ("力争在3年内将全市政务公开工作人员轮训一遍", "3年内",
     {"kind": "relative", "anchor": "ref", "due": "2020-01-09", "flags": ["hedge:力争"]}),
    ("应在24小时内举行新闻发布会", "24小时内", {"kind": "relative", "offset": {"value": 24, "unit": "hour"}}),
    ("每年至少专门听取1次政务公开工作汇报", "每年", {"kind": "recurrence", "count_min": 1}),
    ("在今年内全面公开财政预算决算信息", "今年内", {"kind": "deadline", "due": "2017-12-31"}),
    ("应在完成审批程序后 1 个工作日内公开", "后 1 个工作日内",
     {"kind": "relative", "anchor": "完成审批程序", "offset": {"value": 1, "unit": "workday"}}),
    ("并于10月30日前收集汇总", "10月30日前", {"kind": "deadline", "due": "2017-10-30"}),
]


@pytest.mark.parametrize(("text", "phrase", "expect"), ISSUE_EXAMPLES, ids=[e[1] for e in ISSUE_EXAMPLES])
def test_issue_examples(text: str, phrase: str, expect: dict) -> None:
    results = extract(text, ref="2017-01-09")
    assert len(results) == 1
    r = results[0]
    assert text[r.span[0]:r.span[1]] == phrase
    assert mismatches(r.to_dict(), expect) == []


def test_scope_is_the_action_in_the_sentence() -> None:
    (r,) = extract("各地各部门要在2017年6月底前组织对门户网站进行一次系统梳理，修订目录", ref="2017-01-09")
    assert r.scope == "组织对门户网站进行一次系统梳理"


def test_titles_and_document_numbers_are_not_deadlines() -> None:
    text = "根据《关于印发2016年政务公开工作要点的通知》（粤办发〔2016〕22号）精神，湛府办„2021‟15 号"
    assert extract(text, ref="2017-01-09") == []


def test_empty_and_non_str() -> None:
    assert extract("") == []
    with pytest.raises(TypeError, match="int"):
        extract(2017)  # type: ignore[arg-type]


def test_chunking_never_changes_what_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """extract() reads long text a sentence chunk at a time; cutting after every 。 changes nothing."""
    from deadline_cn._read import extract as module

    text = prose("000_855bac6bceb4f4a7") + prose("004_a38a3ecdda12af4a")
    whole = extract(text, ref="2017-01-09")
    monkeypatch.setattr(module, "CHUNK", 1)
    assert len(module.chunks(text)) > 50
    assert extract(text, ref="2017-01-09") == whole


def test_jionlp_fallback_is_opt_in_and_only_adds_what_the_grammar_missed() -> None:
    text = ("各单位须于后天报送，并于2017年10月1日至12月31日开展检查。"
            "根据《2016年要点》（粤办发〔2016〕22号），在2017年6月底前完成。")
    plain = extract(text, ref="2017-01-09")
    assert not any("source:jionlp" in r.flags for r in plain)
    both = extract(text, ref="2017-01-09", fallback=True)
    added = [r for r in both if "source:jionlp" in r.flags]
    assert [text[r.span[0]:r.span[1]] for r in added] == ["后天"]
    assert [r for r in both if r not in added] == plain  # the grammar's readings are untouched
    assert [r.span for r in both] == sorted(r.span for r in both)
    assert extract(text, fallback=True) == extract(text)  # no ref, no plan year: jionlp has no base, adds nothing
