"""The timeline picture: its tables (due per month by kind, bands), the figure written as PNG and SVG, and the
CLI's --plot beside a ledger."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import deadline_cn
from deadline_cn.cli import main
from deadline_cn.plots import bands, due_by_month, timeline
from tests.test_table import write_plain_csv

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


# --- deadline-cn table / ledger --plot FILE.png|svg -----------------------------------------------------

LEDGER = [["序号", "工作任务", "完成时限"], ["1", "印发实施方案", "2017年6月底前完成"],
          ["2", "开展专项检查", "2017年3月至5月"], ["3", "报送进展", "每季度结束后10日内"],
          ["4", "改版建设", "2017年6月底前完成招投标等前期工作,2017年年底完成整体改版建设"], ["5", "督查", "长期坚持"]]


@pytest.mark.parametrize(("command", "suffix"), [("table", ".png"), ("ledger", ".svg")])
def test_cli_plot_writes_the_timeline_beside_the_ledger(command: str, suffix: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    source = write_plain_csv(tmp_path / "plan.csv", LEDGER)
    picture, ledger_file = tmp_path / f"plan{suffix}", tmp_path / "台账.csv"
    args = [command, str(source), "--ref", "2017-01-09", "--as-of", "2017-07-01", "-q"]
    assert main([*args, "-o", str(ledger_file), "--plot", str(picture)]) == 0
    data = picture.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" if suffix == ".png" else b"<svg" in data[:1000]
    assert ledger_file.exists() and capsys.readouterr().err == ""
    # an existing picture is replaced only with --force, as -o and --ics are
    assert main([*args, "--plot", str(picture)]) == 1
    assert "exists; give --force" in capsys.readouterr().err
    assert picture.read_bytes() == data
    assert main([*args, "--plot", str(picture), "--force"]) == 0


def test_cli_plot_never_replaces_the_input_nor_another_output(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = write_plain_csv(tmp_path / "plan.svg", LEDGER)  # a CSV named .svg: the format is read from content
    before = source.read_bytes()
    assert main(["table", str(source), "--plot", str(source), "--force"]) == 1
    assert "is the input file" in capsys.readouterr().err and source.read_bytes() == before
    out = tmp_path / "out.svg"
    assert main(["table", str(source), "-o", str(out), "--to", "csv", "--plot", str(out)]) == 1
    assert "two outputs" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("command", ["table", "ledger"])
def test_cli_plot_bad_suffix_or_missing_matplotlib_is_one_line_exit_2(command: str, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_plain_csv(tmp_path / "plan.csv", LEDGER)
    with pytest.raises(SystemExit) as exc:
        main([command, str(source), "--plot", str(tmp_path / "plan.pdf")])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 1 and ".png or .svg" in err
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    with pytest.raises(SystemExit) as exc:
        main([command, str(source), "--plot", str(tmp_path / "plan.png")])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 1 and "pip install 'deadline-cn[plot]'" in err
    assert not (tmp_path / "plan.png").exists()
