"""The result kinds are built without ``dataclasses`` at import (results.py, ``_dataclass``), and behave as the
frozen slotted dataclasses they are declared as: compared here with the same class bodies built by
``dataclasses.dataclass`` (results.py's source run again with the real decorator), field by field, signature
by signature, and on instances: equality, hash, repr, pickling state, immutability, ``dataclasses.fields`` /
``replace`` / ``asdict``."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import sys
import types
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from deadline_cn import normalise, results

REF = "2017-01-09"
CLASSES = ["Alternative", "Trigger", "Offset", "_Base", "Deadline", "Window", "Ongoing", "Recurrence", "Conditional",
           "Relative", "Compound", "Unresolved"]
TEXTS = ["2017年9月前", "2021年9月前", "2017年3月至6月", "长期坚持", "每季度结束后10日内", "按省部署实施",
         "印发之日起3个工作日内", "2017年6月底前完成招投标，2017年底前完成改版", "视情况而定", "从2017年起每年实施",
         "印发之日起24小时内", "每年春节前"]


@pytest.fixture(scope="module")
def as_dataclasses() -> types.ModuleType:
    """results.py's source with ``dataclasses.dataclass`` as the decorator: what the kinds stand for."""
    source = Path(results.__file__).read_text(encoding="utf-8")
    swaps = {"    dataclass = _dataclass\n": "    from dataclasses import dataclass\n",
             "    _kind._names = _kind.__result_fields__  # type: ignore[attr-defined]\n":
             "    _kind._names = tuple(f.name for f in dataclasses.fields(_kind))\n"}
    for old, new in swaps.items():
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    name = "deadline_cn._results_as_dataclasses"
    module = types.ModuleType(name)
    module.__dict__["dataclasses"] = dataclasses
    sys.modules[name] = module  # dataclass reads ClassVar in the module of a class with string annotations
    try:
        exec(compile(source, results.__file__, "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    module.replace = dataclasses.replace  # type: ignore[attr-defined]
    return module


def field_view(cls: type) -> list[tuple[Any, ...]]:
    return [(f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.hash, f.compare, dict(f.metadata),
             f.kw_only, f._field_type)  # type: ignore[attr-defined]
            for f in cls.__dataclass_fields__.values()]  # type: ignore[attr-defined]


def params(cls: type) -> list[tuple[str, Any, Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(cls).parameters.values()]


@pytest.mark.parametrize("name", CLASSES)
def test_the_class_is_the_dataclass_it_stands_for(as_dataclasses: types.ModuleType, name: str) -> None:
    ours, theirs = getattr(results, name), getattr(as_dataclasses, name)
    assert dataclasses.is_dataclass(ours)
    assert field_view(ours) == field_view(theirs)  # ClassVar pseudo-fields included
    assert repr(ours.__dataclass_params__) == repr(theirs.__dataclass_params__)
    assert [f.name for f in dataclasses.fields(ours)] == [f.name for f in dataclasses.fields(theirs)]
    assert params(ours) == params(theirs)
    assert ours.__match_args__ == theirs.__match_args__
    assert ours.__slots__ == theirs.__slots__
    assert [c.__name__ for c in ours.__mro__] == [c.__name__ for c in theirs.__mro__]
    assert (ours.__doc__, ours.__qualname__, ours.__module__) == (theirs.__doc__, theirs.__qualname__, results.__name__)
    for method in ("__eq__", "__hash__", "__repr__", "__post_init__"):
        assert (method in ours.__dict__) == (method in theirs.__dict__), method
    if name in {k.__name__ for k in results.KINDS.values()}:
        assert ours._repr_pretty_ is results._Base._repr_pretty_


def test_the_import_builds_no_dataclass_until_asked() -> None:
    """``__dataclass_fields__`` is made on first demand, for the class asked about and its bases."""
    import subprocess

    probe = ("import sys\nimport deadline_cn\nfrom deadline_cn import results\n"
             "assert 'dataclasses' not in sys.modules\n"
             "assert not results._SHADOWS\n"
             "r = deadline_cn.normalise('2017年6月底前完成', ref='2017-01-09')\n"
             "assert 'dataclasses' not in sys.modules\n"
             "import dataclasses\n"
             "assert dataclasses.is_dataclass(r)\n"
             "assert set(results._SHADOWS) == {results.Deadline, results._Base}\n")
    env = {"PYTHONPATH": str(Path(results.__file__).parent.parent)}
    subprocess.run([sys.executable, "-S", "-c", probe], check=True, env=env)


def value_pairs(module: types.ModuleType) -> list[tuple[Any, Any]]:
    pairs = [(results.Alternative(date(2017, 8, 31), "strict"), module.Alternative(date(2017, 8, 31), "strict")),
             (results.Trigger("event", event="x"), module.Trigger("event", event="x")),
             (results.Offset(3, "day"), module.Offset(3, "day")),
             (results.Offset(2, "year", max=3.0), module.Offset(2, "year", max=3.0))]
    return pairs


def test_the_small_values_compare_hash_and_print_as_dataclasses(as_dataclasses: types.ModuleType) -> None:
    for ours, theirs in value_pairs(as_dataclasses):
        assert repr(ours) == repr(theirs)
        assert hash(ours) == hash(theirs)
        assert ours == copy.copy(ours) and ours != theirs and (ours == theirs) is False
        assert ours.__getstate__() == theirs.__getstate__()
        assert pickle.loads(pickle.dumps(ours)) == ours
        assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
        assert dataclasses.astuple(ours) == dataclasses.astuple(theirs)
        first = dataclasses.fields(ours)[0].name
        assert dataclasses.replace(ours, **{first: getattr(ours, first)}) == ours
        match ours:
            case results.Offset(value, unit):
                assert (value, unit) == (ours.value, ours.unit)


def frozen_message(action: Any) -> str:
    with pytest.raises(dataclasses.FrozenInstanceError) as info:
        action()
    return str(info.value)


@pytest.mark.parametrize("text", TEXTS)
def test_a_result_behaves_as_its_dataclass(as_dataclasses: types.ModuleType, text: str) -> None:
    ours = normalise(text, ref=REF)
    cls = getattr(as_dataclasses, type(ours).__name__)
    values = {f.name: getattr(ours, f.name) for f in dataclasses.fields(ours)}
    theirs = cls(**values)
    assert repr(ours) == repr(theirs) and hash(ours) == hash(theirs)
    assert ours.__getstate__() == theirs.__getstate__()  # the same pickles, both ways
    assert pickle.loads(pickle.dumps(ours)) == ours and copy.deepcopy(ours) == ours
    assert type(ours)(**values) == ours
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert dataclasses.replace(ours, scope="改版") == results.replace(ours, scope="改版") != ours
    for target in (ours, theirs):
        assert frozen_message(lambda t=target: setattr(t, "text", "x")) == "cannot assign to field 'text'"
        assert frozen_message(lambda t=target: delattr(t, "span")) == "cannot delete field 'span'"
    # another name: refused too (the dataclass on Python 3.11 refuses it with a TypeError from its super() call)
    assert frozen_message(lambda: setattr(ours, "nothing", 1)) == "cannot assign to field 'nothing'"
    with pytest.raises((TypeError, AttributeError)):
        theirs.nothing = 1
    with pytest.raises(TypeError):
        results.replace(ours, nonsense=1)
    with pytest.raises(TypeError):
        type(ours)(**values, nonsense=1)
    with pytest.raises(TypeError):
        type(ours)(*values.values())  # keyword-only, as kw_only=True makes them


def test_a_subclass_is_frozen_too() -> None:
    class Mine(results.Deadline):
        pass

    mine = Mine(text="x", due=date(2017, 1, 1))
    assert frozen_message(lambda: setattr(mine, "due", date(2017, 1, 2))) == "cannot assign to field 'due'"
    assert frozen_message(lambda: setattr(mine, "note", 1)) == "cannot assign to field 'note'"
    assert mine == Mine(text="x", due=date(2017, 1, 1)) != results.Deadline(text="x", due=date(2017, 1, 1))


def test_an_end_before_its_start_is_refused_as_before() -> None:
    with pytest.raises(ValueError, match="before"):
        results.Window(text="x", start=date(2017, 2, 1), end=date(2017, 1, 1))
