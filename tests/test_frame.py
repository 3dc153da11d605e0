"""deadline_cn.frame: a column of cells → typed columns; arguments as the data world gives them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from deadline_cn import extract, frame, normalise
from deadline_cn.frames import COLUMNS, KIND_CATEGORIES, frame_of

pytestmark = pytest.mark.frames
pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

REF = "2017-01-09"
COMPOUND = "2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设"


def test_import_does_not_pull_in_pandas_or_numpy() -> None:
    code = "import sys, deadline_cn; print(sorted(m for m in ('pandas', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_dtypes_and_values() -> None:
    cells = pd.Series(["2017年6月底前完成", COMPOUND, "按省部署实施", "每月10日前"], index=[10, 20, 30, 40])
    df = frame(cells, ref=REF)
    assert tuple(df.columns) == COLUMNS
    assert list(df.index) == [10, 20, 30, 40]
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype) and tuple(df["kind"].cat.categories) == KIND_CATEGORIES
    for col in ("due", "start", "end"):
        assert df[col].dtype.kind == "M"
    assert df["needs_check"].dtype == bool and df["offset_value"].dtype == float
    assert list(df["kind"]) == ["deadline", "compound", "conditional", "recurrence"]
    # the compound's due is its latest part's: 2017年年底
    assert df.loc[20, "due"] == pd.Timestamp("2017-12-31")
    assert df.loc[10, "due"] == pd.Timestamp("2017-06-30")
    assert pd.isna(df.loc[30, "due"]) and df.loc[30, "trigger_authority"] == "省"
    assert df.loc[40, "freq"] == "monthly" and "BYMONTHDAY=10" in df.loc[40, "rrule"]


@pytest.mark.parametrize("missing", [None, float("nan"), "", "  \n", "pd.NA", "pd.NaT", "np.nan"])
def test_empty_cells_give_an_empty_row(missing: object) -> None:
    value = {"pd.NA": pd.NA, "pd.NaT": pd.NaT, "np.nan": np.nan}.get(missing, missing)  # type: ignore[call-overload]
    df = frame(pd.Series(["2017年6月底前完成", value], dtype=object), ref=REF)
    assert list(df["kind"]) == ["deadline", "empty"]
    assert df["reason"].iloc[1] == "empty cell" and not df["needs_check"].iloc[1] and pd.isna(df["due"].iloc[1])


def test_flags_are_strings_and_needs_check() -> None:
    df = frame(["2021年9月前", "2017年6月底前完成"], ref=REF)
    assert list(df["flags"]) == ["ambiguous:month-before", ""]
    assert list(df["needs_check"]) == [True, False]


def test_distinct_cells_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import deadline_cn.frames as frames

    calls: list[str] = []
    real = frames.normalise

    def counting(text: str, **kwargs: object) -> object:
        calls.append(text)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(frames, "normalise", counting)
    df = frame(["长期坚持", "每月10日前", "长期坚持", None, "长期坚持", None], ref=REF)
    assert sorted(calls) == sorted(["长期坚持", "每月10日前"])
    assert list(df["kind"]) == ["ongoing", "recurrence", "ongoing", "empty", "ongoing", "empty"]


def test_per_row_ref_and_plan_year() -> None:
    cells = pd.Series(["6月底前", "6月底前", "6月底前", "6月底前"])
    refs = pd.Series([pd.Timestamp("2016-03-01"), pd.NaT, None, np.datetime64("2019-02-01")], dtype=object)
    years = pd.Series([np.nan, 2018, np.nan, np.nan])  # a year column with gaps is float
    df = frame(cells, ref=refs, plan_year=years)
    assert list(df["due"].iloc[[0, 1, 3]]) == [pd.Timestamp(d) for d in ("2016-06-30", "2018-06-30", "2019-06-30")]
    assert df["kind"].iloc[2] == "unresolved"  # no ref, no plan year: the year of 6月 is unknown


def test_per_row_length_must_match() -> None:
    with pytest.raises(ValueError, match="ref has 2 values for 3 cells"):
        frame(["a", "b", "c"], ref=["2017-01-01", "2017-01-02"])


def test_bad_ref_names_the_argument() -> None:
    with pytest.raises(ValueError, match="ref"):
        frame(["6月底前"], ref="2017/01/09")
    with pytest.raises(TypeError, match="plan_year"):
        frame(["6月底前"], plan_year=[2017.5])


def test_results_column_and_empty_input() -> None:
    df = frame(["长期坚持", None], ref=REF, results=True)
    assert df["result"].iloc[0] == normalise("长期坚持", ref=REF) and df["result"].iloc[1] is None
    empty = frame([])
    assert empty.shape == (0, len(COLUMNS)) and isinstance(empty["kind"].dtype, pd.CategoricalDtype)


def test_numpy_and_pandas_arguments() -> None:
    expect = date(2017, 6, 30)
    assert normalise("6月底前", plan_year=np.int64(2017)).due == expect  # type: ignore[arg-type,union-attr]
    assert normalise("6月底前", plan_year=np.int32(2017)).due == expect  # type: ignore[arg-type,union-attr]
    assert normalise("6月底前", ref=pd.Timestamp("2017-01-09")).due == expect  # type: ignore[union-attr]
    assert normalise("6月底前", ref=np.datetime64("2017-01-09")).due == expect  # type: ignore[arg-type,union-attr]
    assert normalise("6月底前", ref=np.datetime64("2017-01-09T23:00")).due == expect  # type: ignore[arg-type,union-attr]
    assert extract("在6月底前完成", plan_year=np.int64(2017))[0].due == expect  # type: ignore[arg-type,union-attr]


@pytest.mark.parametrize("none", [None, "pd.NaT", "np.NaT"])
def test_nat_is_no_ref(none: object) -> None:
    ref = {"pd.NaT": pd.NaT, "np.NaT": np.datetime64("NaT")}.get(none, none)  # type: ignore[call-overload]
    assert normalise("2017年6月底前", ref=ref).due == date(2017, 6, 30)  # type: ignore[union-attr]
    assert normalise("6月底前", ref=ref).kind == "unresolved"


@pytest.mark.parametrize(("kwargs", "error", "name"), [
    ({"plan_year": np.float64(2017)}, TypeError, "plan_year"),
    ({"plan_year": 2017.0}, TypeError, "plan_year"),
    ({"plan_year": np.bool_(True)}, TypeError, "plan_year"),
    ({"ref": 20170109}, TypeError, "ref"),
    ({"ref": np.int64(20170109)}, TypeError, "ref"),
    ({"ref": "2017/01/09"}, ValueError, "ref"),
])
def test_bad_arguments_name_themselves(kwargs: dict[str, object], error: type[Exception], name: str) -> None:
    with pytest.raises(error, match=name):
        normalise("6月底前", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(error, match=name):
        extract("6月底前", **kwargs)  # type: ignore[arg-type]


def test_frame_of_reads_named_columns_and_keeps_ids() -> None:
    table = pd.DataFrame({"id": [7, 8, 9], "完成时限": ["6月底前", None, "6月底前"],
                          "发文日期": ["2016-02-01", None, None], "年度": [np.nan, np.nan, 2019]}, index=[3, 4, 5])
    df = frame_of(table, "完成时限", ref_column="发文日期", plan_year_column="年度", keep=["id"])
    assert list(df.columns) == ["id", *COLUMNS] and list(df["id"]) == [7, 8, 9] and list(df.index) == [3, 4, 5]
    assert list(df["kind"]) == ["deadline", "empty", "deadline"]
    assert list(df["due"].dropna()) == [pd.Timestamp("2016-06-30"), pd.Timestamp("2019-06-30")]


def test_a_hundred_thousand_rows_with_empty_cells() -> None:
    # the column: 100,000 rows with repeats, 5% empty (None, NaN, "", blanks); no exception, typed
    # columns, and a compound's due filled with its latest part's due wherever a part has one
    texts = [f"{2016 + i % 9}年{1 + i % 12}月底前完成" for i in range(200)] + [COMPOUND, "按省部署实施", "每月10日前",
                                                                        "2018年3月底前出台细则，2019年底前全面推开"]
    empties: list[object] = [None, float("nan"), "", "  "]
    cells = [empties[i % 4] if i % 20 == 3 else texts[i % len(texts)] for i in range(100_000)]
    df = frame(pd.Series(cells, dtype=object), ref=REF)
    assert len(df) == 100_000 and (df["kind"] == "empty").sum() == 5_000
    assert df["due"].dtype == "datetime64[s]" and df["kind"].dtype.name == "category"
    assert df["needs_check"].dtype == bool and df["parts"].dtype == "int64"
    compounds = df[df["kind"] == "compound"]
    assert len(compounds) > 0 and compounds["due"].notna().all()
    for text, due in compounds.drop_duplicates("text")[["text", "due"]].itertuples(index=False):
        parts = normalise(text, ref=REF).parts
        assert due == pd.Timestamp(max(p.due for p in parts if getattr(p, "due", None)))


def test_executor_arguments() -> None:
    with pytest.raises(ValueError, match="results=True"):
        frame(["2017年6月底前完成"], results=True, executor=object())
    with pytest.raises(TypeError, match="executor"):
        frame(["2017年6月底前完成"], executor=object())
