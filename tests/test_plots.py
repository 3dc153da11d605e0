"""The timeline picture: its tables (due per month by kind, bands) and the figure written as PNG and SVG."""

from __future__ import annotations

from pathlib import Path

import pytest

import deadline_cn
from deadline_cn.plots import bands, due_by_month, timeline

pytestmark = pytest.mark.frames
pd = pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

CELLS = ["2017年6月底前完成", "2017年6月底前完成", "2017年3月底前完成", "按省部署实施", "每月10日前", "长期坚持",
         "2017年3月至5月", "2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设", "2021年9月前", None]


@pytest.fixture(scope="module")
def df() -> object:
    return deadline_cn.frame(CELLS, ref="2017-01-09")


def test_due_by_month_counts_rows_by_kind(df: object) -> None:
    table = due_by_month(df)  # type: ignore[arg-type]
    # 3月: one deadline; 6月: two deadlines; 12月: the compound (its latest part); 2021-09: one deadline
    want = {(pd.Timestamp("2017-03-01"), "deadline"): 1, (pd.Timestamp("2017-06-01"), "deadline"): 2,
            (pd.Timestamp("2017-12-01"), "compound"): 1, (pd.Timestamp("2021-09-01"), "deadline"): 1}
    got = {(m, k): int(v) for (m, k), v in table.stack().items() if v}
    assert got == want


def test_bands_are_the_recurring_ongoing_and_window_readings(df: object) -> None:
    table = bands(df)  # type: ignore[arg-type]
    assert sorted(table["kind"]) == ["ongoing", "recurrence", "window"]
    window = table[table["kind"] == "window"].iloc[0]
    assert (window["start"], window["end"]) == (pd.Timestamp("2017-03-01"), pd.Timestamp("2017-05-31"))


def test_timeline_draws_and_saves(df: object, tmp_path: Path) -> None:
    fig = timeline(df, as_of="2017-07-01", title="plan")  # type: ignore[arg-type]
    top, bottom = fig.axes
    texts = [t.get_text() for t in top.texts]
    # due before 2017-07-01: the 3月 deadline and the two 6月 ones (the compound is due 12-31)
    assert texts == [" as of 2017-07-01: 3 overdue"]
    assert len(bottom.patches) == 3
    fig.savefig(tmp_path / "plan.png")
    fig.savefig(tmp_path / "plan.svg")
    assert (tmp_path / "plan.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in (tmp_path / "plan.svg").read_text(encoding="utf-8")[:500]


def test_bad_as_of_names_itself(df: object) -> None:
    with pytest.raises(ValueError, match="as_of"):
        timeline(df, as_of="July")  # type: ignore[arg-type]
