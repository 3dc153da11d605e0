"""The fast path (deadline_cn/_read/fast.py) against the grammar: the same result wherever it reads a cell.

Every check compares ``fast_read(text, settings)``, when it gives a reading, with ``read(text, settings)`` (the
grammar's pipeline): equal results of the same type, the same ``repr`` (so 5 and 5.0, a list and a tuple
differ) and the same ``to_dict()``. Inputs: every corpus cell; phrases of ``tests/phrases.py`` (the benchmark's
generated set) and of ``tests/strategies.phrase`` (with odd characters spliced in); phrases made here in the
fast path's shapes with numbers over and past their ranges, every setting of ref / plan_year / month_before
and tails of words the grammar knows; and, after every shape, every character of the CJK block and ASCII as
the first word of the tail (where a head's token could run on). A sample runs in the quick suite; the
100,000-phrase run and the exhaustive characters under ``-m slow``.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date
from pathlib import Path

import pytest

from deadline_cn._read import fast
from deadline_cn._read.pipeline import read
from deadline_cn._resolve.resolver import Settings
from deadline_cn.results import Alternative, Deadline, Result
from tests import phrases, strategies
from tests.pure import needs_pure

ROOT = Path(__file__).resolve().parent.parent
REFS = (None, date(2017, 1, 9), date(2016, 12, 31), date(2018, 7, 1), date(1900, 1, 1), date(2199, 12, 31))
PLAN_YEARS = (None, 2017, 2016, 2018, 1900, 2199)
Case = tuple[str, Settings]

# The shapes' heads (tests/test_fast's own generator): numbers over and past the ranges fast.py reads.
HEADS = ("{y}年{m}月底前", "{y}年{m}月底", "{y}年{m}月{d}日前", "{y}年{m}月{d}日", "{y}年{m}月{x}旬",
         "{y}年{m}月{x}旬前", "{y}年{m}月前", "{y}年{m}月", "{m}月底前", "{m}月底", "{m}月前", "{m}月{d}日前",
         "{y}年底前", "{y}年底", "{y}年年底前", "{y}年第{q}季度末前", "{y}年第{q}季度", "{y}年{q}季度末",
         "{y}年{h}半年", "{y}年{h}半年前", "每年{m}月底前", "每月{d}日前", "{y}年前", "{y}—{y2}年", "{y}-{y2}年",
         "{y}年{m}月至{y2}年{m2}月", "{y}年{m}月至{m2}月", "{y}年起", "{y}年起长期", "{y}年起长期坚持", "从{y}年起",
         "每季度结束后{d}日内", "每季度结束后{d}个工作日内", "印发之日起{d}个工作日内", "自印发之日起{d}个工作日内",
         "印发之日起{y}个工作日内", "印发之日起{d}个工作日", "印发之日起0{m}个工作日内", "印发之日起{d}日内")
TAILS = ("", "", "完成", "前完成", "制定实施方案", "开展督查", "报送工作总结", "建成平台", "完成整改", "出台细则",
         "基本完成", "全面完成", "并于", "工作", "和", "力争完成", "实现规范性文件在规定载体上统一发布率达100%",
         "后", "内", "起", "以前", "左右", "夕", "份", "初", "末", "中", "上午", "下午", "(周五)", "星期一", "17时",
         "12月底前", "每年", "长期", "统一部署", "按省部署", "(含)", "完成,", "。", " 完成", "完 成", "實施",
         "一并报送", "二次", "号", "《方案》", "年", "旬", "季度", "止", "到2018年", "至12月", "和", "、", "及", "与",
         "和省", "、市", "及时", "与省同步", "统一", "统一安排", "实现县级以上政府及牵头部门的平台全覆盖",
         "各部门、乡镇政府网站100%迁移", "和2018年", "、6月", "坚持", "度", "底", "实施")


def _head(rng: random.Random, clean: bool = False) -> str:
    if clean:  # in the ranges read, as a ledger writes them
        return rng.choice(HEADS).format(y=rng.randint(2010, 2035), m=rng.randint(1, 12), d=rng.randint(1, 28),
                                        q=rng.randint(1, 4), x=rng.choice("上中下"), h=rng.choice("上下"),
                                        y2=rng.randint(2015, 2040), m2=rng.randint(1, 12))
    return rng.choice(HEADS).format(
        y=rng.choice((*strategies.GOOD_YEARS, *strategies.BAD_YEARS, rng.randint(1890, 2210))),
        m=rng.choice((*strategies.MONTHS, rng.randint(1, 12))),
        d=rng.choice((*strategies.DAYS, rng.randint(1, 31))),
        q=rng.choice(strategies.QUARTERS), x=rng.choice("上中下"), h=rng.choice("上下"),
        y2=rng.choice((*strategies.GOOD_YEARS, 2020, 2016, rng.randint(1890, 2210))),
        m2=rng.choice((*strategies.MONTHS, rng.randint(1, 12))))


def _tail(rng: random.Random, clean: bool = False) -> str:
    if clean:
        return rng.choice(ACTIONS)
    tail = rng.choice(TAILS)
    return tail + rng.choice(TAILS) if rng.random() < 0.2 else tail


ACTIONS = ("", "", "完成", "前完成", "制定实施方案", "开展督查", "报送工作总结", "建成平台", "完成整改", "出台细则",
           "全面完成", "全面完善", "在全市推广", "完成基础性制度梳理", "实现规范性文件在规定载体上统一发布率达100%",
           "实施", "完成 基础性制度梳理", "建成我市公共信用信息数据库", "和", "工作")


def _settings(rng: random.Random) -> Settings:
    month_before = "strict" if rng.random() < 0.2 else "inclusive"
    return Settings(rng.choice(REFS), rng.choice(PLAN_YEARS), month_before, True)


def shaped(count: int, seed: int) -> list[Case]:
    """``count`` phrases in (or near) the fast path's shapes, each with its own settings."""
    rng = random.Random(seed)
    return [(_head(rng) + _tail(rng), _settings(rng)) for _ in range(count)]


# Deployments opening a clause (按省部署实施，2017年底前完成), and what may touch them
DEPLOYMENTS = ("按省部署", "按省部署实施", "按省统一部署", "按照省法制办部署实施", "按省发展改革委部署", "按实际需要",
               "按省部署10日内", "按省部署执行", "按国家和省部署", "按省部署要求", "按上级部署及时", "按省时间节点",
               "按工作安排", "按省部署,", "按市部署于")


# What may open a clause after the first (fast._clauses): a shape, none, a word alone, what a list of days or
# months goes on with (6月30日,31日 · 6月,9月底), a window's end (2017年起，2018年底止)
OPENERS = ("{head}", "{head}", "{head}", "", "长期", "长期工作", "全年工作", "31日", "9月底前", "9月", "2季度",
           "第3季度末", "至2018年底", "2018年底止", "下半年", "次年6月", "每年", "每月", "后", "及时", "前",
           *DEPLOYMENTS)
JOINS = ("，", ",", "；", ";", "。", ":", "：", "\t", "、", "\n", "，\n", " ,", "，并")


def clauses(count: int, seed: int) -> list[Case]:
    """Cells of two or three clauses: the fast path's shapes (or none) and tails in each."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        clean = i % 2 == 0  # half as a ledger writes them (most read by the fast path), half with odd words
        text = _head(rng, clean) + _tail(rng, clean)
        if i % 5 == 1:  # a deployment first
            text = rng.choice(DEPLOYMENTS) + _tail(rng, clean) + rng.choice(JOINS) + text
        for _ in range(rng.choice((1, 1, 1, 2))):
            opener = rng.choice(OPENERS[:4] if clean and rng.random() < 0.7 else OPENERS)
            join = rng.choice(JOINS[:8] if clean else JOINS)
            text += join + opener.format(head=_head(rng, clean)) + _tail(rng, clean)
        out.append((text, _settings(rng)))
    return out


def corpus() -> list[Case]:
    out = []
    for name in ("gold.jsonl", "dev_gold.jsonl", "wild/cells.jsonl"):
        for line in (ROOT / "corpus" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                ref = date.fromisoformat(row["ref"]) if row.get("ref") else None
                out.append((row["text"], Settings(ref, row.get("plan_year"), "inclusive", True)))
    return out


def generated(count: int, seed: int) -> list[Case]:
    """The benchmark's phrases (its ref and plan year), and strategies.phrase cells with varied settings."""
    rng = random.Random(seed)
    out = [(t, Settings(date(2017, 1, 9), 2017, "inclusive", True)) for t in phrases.generate(count, seed=seed)]
    odd = strategies.DEADLINE_CHARS + "，。、；（）《》〔〕—-~/:： \u3000"
    for i in range(count // 4):
        text = strategies.phrase(lambda options: rng.choice(list(options)))
        if i % 5 == 0:
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(odd) + text[at:]
        out.append((text, Settings(rng.choice(REFS), rng.choice(PLAN_YEARS), "inclusive", True)))
    return out


def same(a: Result, b: Result) -> bool:
    return type(a) is type(b) and a == b and repr(a) == repr(b) and a.to_dict() == b.to_dict()


def differences(cases: list[Case]) -> tuple[int, list[tuple[str, Settings, Result, Result]]]:
    """How many cases the fast path read, and where its reading is not the grammar's."""
    read_fast, out = 0, []
    for text, settings in cases:
        got = fast.fast_read(text, settings)
        if got is None:
            continue
        read_fast += 1
        want = read(text, settings)
        if not same(got, want):
            out.append((text, settings, got, want))
    return read_fast, out


def _report(diffs: list[tuple[str, Settings, Result, Result]]) -> str:
    return "\n".join(f"{t!r} {s!r}\n  fast    {a.to_dict()}\n  grammar {b.to_dict()}" for t, s, a, b in diffs[:8])


def test_the_group_numbers_are_the_patterns() -> None:
    index = fast._shapes().groupindex
    for name in index:
        assert getattr(fast, name.upper()) == index[name] - 1, name


def test_the_corpus_reads_the_same() -> None:
    n, diffs = differences(corpus())
    assert n > 50 and not diffs, _report(diffs)


def test_a_sample_of_generated_phrases_reads_the_same() -> None:
    cases = generated(3000, seed=5) + shaped(3000, seed=5) + clauses(3000, seed=5)
    n, diffs = differences(cases)
    assert n > 3000 and not diffs, _report(diffs)


@pytest.mark.slow
def test_100000_generated_phrases_read_the_same() -> None:
    cases = generated(100_000, seed=12) + shaped(60_000, seed=12) + clauses(60_000, seed=12)  # 245,000 phrases
    n, diffs = differences(cases)
    assert n > 80_000 and not diffs, _report(diffs)


EXAMPLE_HEADS = ("2017年6月底前", "2017年6月底", "2017年6月30日前", "2017年6月30日", "2017年6月上旬",
                 "2017年6月下旬前", "2017年6月前", "2017年6月", "2017年12月", "2017年1月", "6月底前", "6月底",
                 "2017年底前", "2017年底", "2017年年底前", "2017年第1季度末前", "2017年第1季度", "2017年1季度末",
                 "2017年上半年", "2017年下半年前", "每年6月底前", "每月10日前", "2017—2020年",
                 "2017年6月至2018年3月", "2017年起", "2017年起长期坚持", "每季度结束后15日内",
                 "印发之日起10个工作日内", "自印发之日起5个工作日内", "2017年6月至2018年3月前", "每季度结束后30日内")
CHARS = [chr(c) for c in (*range(0x21, 0x7F), *range(0x4E00, 0xA000))] + list("，。、；：（）“”《》〔〕【】—～·\u3000")


def _first_words(every: int) -> list[Case]:
    settings = Settings(date(2017, 1, 9), 2017, "inclusive", True)
    return [(head + c, settings) for head in EXAMPLE_HEADS for c in CHARS[::every]]


def test_a_sample_of_characters_after_each_shape_reads_the_same() -> None:
    n, diffs = differences(_first_words(every=97))
    assert n > 1000 and not diffs, _report(diffs)


@pytest.mark.slow
def test_every_character_after_each_shape_reads_the_same() -> None:
    """A head's last token could run on into the word after it (前夕, 6月份, 30日上午): every character of the
    CJK block and ASCII after every shape (~460,000 cells)."""
    n, diffs = differences(_first_words(every=1))
    assert n > 300_000 and not diffs, _report(diffs)


def _grammar_words(every: int) -> None:
    from deadline_cn._grammar import lexicon as lx
    from deadline_cn._grammar.tokens import TOKEN_PATTERNS
    from deadline_cn._read.unread import TIME_WORDS

    def words(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [w for k, v in value.items() for w in (*words(k), *words(v))]
        if isinstance(value, (list, tuple, set, frozenset)):
            return [w for v in value for w in words(v)]
        return []

    source = "\n".join([*(p for _, p in TOKEN_PATTERNS), TIME_WORDS,
                         *(w for name in dir(lx) for w in words(getattr(lx, name)))])
    grams = sorted({run[i:i + k] for run in re.findall("[\u4e00-\u9fff]+", source) for k in (2, 3)
                    for i in range(len(run) - k + 1)})
    settings = Settings(date(2017, 1, 9), 2017, "inclusive", True)
    n, diffs = differences([(head + g, settings) for head in EXAMPLE_HEADS for g in grams[::every]])
    assert n > 5000 // every and not diffs, _report(diffs)


def test_a_sample_of_the_words_of_the_grammar_after_each_shape_reads_the_same() -> None:
    _grammar_words(every=7)


@pytest.mark.slow
def test_the_words_of_the_grammar_after_each_shape_read_the_same() -> None:
    """Two- and three-character runs of the token patterns and the lexicon, after every shape."""
    _grammar_words(every=1)


def test_new_deadline_is_the_dataclass() -> None:
    """The fast constructor gives what ``Deadline(...)`` gives, with the same shared values."""
    day, other = date(2017, 6, 30), date(2017, 6, 1)
    for scope in (None, "完成", "x" * 40):
        for flags in ((), ("ambiguous:month-before",)):
            for start, alts in ((None, ()), (other, ()), (None, (Alternative(date(2017, 5, 31), "strict"),))):
                args = ("2017年6月底前" + (scope or ""), (0, 9), scope, flags, day, start, "month", alts)
                got = fast.new_deadline(*args)
                want = Deadline(text=args[0], span=args[1], scope=scope, flags=flags, due=day, start=start,
                                precision="month", alternatives=alts)
                assert same(got, want)
                assert got.span is want.span and got.due is want.due and got.flags is want.flags
    with pytest.raises(ValueError):
        fast.new_deadline("x", (0, 1), None, (), other, day, "day", ())  # start after due: refused as by Deadline


def test_new_result_is_the_constructor() -> None:
    """pipeline.new_result gives what the kind's constructor gives (same type, fields, shared values) for every
    part of every reading of the corpus and of generated phrases, and refuses what it refuses."""
    from deadline_cn._read.pipeline import new_result
    from deadline_cn.results import Ongoing, Window

    cases = corpus() + generated(600, seed=8) + clauses(600, seed=8)
    checked = 0
    for text, settings in cases:
        for part in read(text, settings).parts:
            names = part._names
            fields = {n: getattr(part, n) for n in names[4:]}
            got = new_result(type(part), part.text, part.span, part.scope, part.flags, dict(fields))
            want = type(part)(text=part.text, span=part.span, scope=part.scope, flags=part.flags, **fields)
            assert same(got, want), text
            assert got.span is want.span and got.flags is want.flags
            checked += 1
    assert checked > 1500
    day, other = date(2017, 6, 30), date(2017, 6, 1)
    for cls, kwargs in ((Deadline, {"due": other, "start": day}), (Window, {"start": day, "end": other}),
                        (Ongoing, {"start": day, "end": other})):
        with pytest.raises(ValueError) as constructed:
            cls(text="x", span=(0, 1), scope=None, flags=(), **kwargs)
        with pytest.raises(ValueError) as built:
            new_result(cls, "x", (0, 1), None, (), dict(kwargs))
        assert str(built.value) == str(constructed.value)
    with pytest.raises(TypeError):
        new_result(Deadline, "x", (0, 1), None, (), {"due": day, "nonsense": 1})
    with pytest.raises(TypeError):
        new_result(Deadline, "x", (0, 1), None, (), {})


def test_normalise_uses_it_and_declines_what_it_does_not_know() -> None:
    import deadline_cn

    settings = Settings(date(2017, 1, 9), 2017, "inclusive", True)
    assert fast.fast_read("2017年6月底前完成", settings) is not None
    assert fast.fast_read("2017年6月底前完成，2018年底前", settings) is not None  # two clauses, each a shape
    for text in ("2017年6月底前完成，2018年起", "按省部署实施", "2017年6月底前力争完成", "2017年2月30日前",
                 "2017年6月底前报送2018年计划", "二〇一七年六月底前", "2017年6月底前(含)"):
        assert fast.fast_read(text, settings) is None, text
    deadline_cn.clear_cache()
    got = deadline_cn.normalise("2017年6月底前完成", ref="2017-01-09")
    assert got == read("2017年6月底前完成", settings)


@pytest.mark.parametrize(("text", "settings"), [
    # the strict day before 1900-01-01 is out of range: the grammar says invalid:year (found in review)
    ("1900年1月前完成", Settings(None, None, "strict", True)),
    ("1900年1月1日前", Settings(None, None, "strict", True)),
    # N、 opening a line may be a list number the grammar masks first: its scope is trimmed otherwise
    ("2024年6月底前完成\n3、\n4、", Settings(date(2024, 3, 15), 2024, "inclusive", True)),
])
def test_it_declines_what_the_grammar_reads_apart(text: str, settings: Settings) -> None:
    assert fast.fast_read(text, settings) is None
    assert read(text, settings) is not None


def test_the_scope_shortcut_is_trim() -> None:
    """``fast._scope`` against ``trim`` over spans made of the words and marks trim strips, and plain words."""
    from deadline_cn._grammar import lexicon as lx
    from deadline_cn._grammar.scope import trim

    pieces = [*lx.SCOPE_LEAD, *lx.HEDGES, *lx.SCOPE_TRAIL, *lx.SCOPE_LEAD_VERBS, *lx.SCOPE_EMPTY, *lx.LIST_JOINERS,
              *" ,;。、:\"'-—/()“”《》‘’【】[]", "1.", "2、", "(3)", "(一)", "一、", "④", "12", "٣", "完", "成", "实",
              "工作", "平台", "建设", "整改", "方案", "出台细则", "率达100%", "网站", "a"]
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        head = rng.choice(("", "2017年6月底前", "6", "("))
        scan = head + text
        assert fast._scope(scan, len(head), len(scan)) == trim(scan, (len(head), len(scan))), scan


def test_the_whole_cell_words_read_the_same() -> None:
    cases = [(word, Settings(ref, year, "inclusive", True)) for word in fast.WORDS for ref in REFS
             for year in PLAN_YEARS]
    n, diffs = differences(cases)
    assert n == len(cases) and not diffs, _report(diffs)


def test_the_separators_are_every_character_that_folds_to_one() -> None:
    from deadline_cn._grammar import lexicon as lx
    from deadline_cn._grammar.text import _char_table

    folds_to = {chr(k) for k, v in _char_table().items() if v and v in lx.CLAUSE_SEPARATORS}
    assert set(fast._SEPARATORS) == set(lx.CLAUSE_SEPARATORS) | folds_to


def test_a_text_fold_leaves_unchanged_is_told_without_folding() -> None:
    from deadline_cn._grammar.text import FOLDED_NUMERALS, Folded, fold

    rng = random.Random(4)
    alphabet = "2017年6月底前完成实施長期一二〇十两元 \u3000\u200b１，,、()（）\n\tａ號"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        if fast._unchanged(text):
            assert fold(text) == Folded(text, range(len(text))), text
        else:
            assert fold(text) != Folded(text, range(len(text))) or any(c in FOLDED_NUMERALS for c in text), text


def test_the_class_of_what_fold_changes_is_its_table_and_numerals() -> None:
    """``changed_by_fold`` (one search) against the table lookup it replaced, over every code point."""
    from deadline_cn._grammar.text import FOLDED_NUMERALS, _char_table, changed_by_fold

    table, pattern = _char_table(), changed_by_fold()
    for c in range(0x110000):
        assert (pattern.match(chr(c)) is not None) == (c in table or chr(c) in FOLDED_NUMERALS), hex(c)


@needs_pure
def test_fold_gives_back_what_it_has_nothing_to_change_in_as_its_steps_would(monkeypatch: pytest.MonkeyPatch) -> None:
    """fold's early answer (no character it changes, no year run into its month) against its full steps."""
    from deadline_cn._grammar import text as module

    rng = random.Random(6)
    alphabet = "2017年6月底前完成实施長期一二〇十两元 \u3000\u200b１，,、()（）\n\tａ號x12日"
    cases = []
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        start = rng.randint(0, len(text))
        cases.append((text, start, rng.choice([None, rng.randint(start, len(text))])))
    early = [module.fold(*case) for case in cases]
    monkeypatch.setattr(module, "changed_by_fold", lambda: re.compile(r"[\s\S]"))  # every text: the full steps
    assert early == [module.fold(*case) for case in cases]


def test_translated_is_str_translate_with_the_table() -> None:
    """fold's ``translated`` (a search for what the table may hold) against ``str.translate``: every code point,
    in runs, and random mixes of the table's keys with characters it lacks."""
    from deadline_cn._grammar.text import FOLDED_NUMERALS, _char_table, translated

    table = _char_table()
    for first in range(0, 0x110000, 4096):
        text = "".join(map(chr, range(first, min(first + 4096, 0x110000))))
        assert translated(text) == text.translate(table), hex(first)
    rng = random.Random(9)
    pool = [chr(k) for k in sorted(table)[::3]] + list(FOLDED_NUMERALS + "2017年6月底前完成实施 ,，。\t\n")
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 16)))
        assert translated(text) == text.translate(table), text
