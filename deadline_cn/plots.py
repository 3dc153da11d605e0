"""A plan's deadlines on a timeline, drawn from :func:`deadline_cn.frame` (``deadline-cn[plot]``: matplotlib).

>>> df = deadline_cn.frame(cells, ref="2017-01-09")                     # doctest: +SKIP
>>> deadline_cn.timeline(df, as_of="2017-07-01").savefig("plan.png")    # doctest: +SKIP

Top: tasks due per month, stacked by kind (a compound counts once, at its latest part's due); the part of
each bar that needs a check is hatched, the months before ``as_of`` are shaded and the overdue count is
written there. Bottom: recurrences, ongoing work and windows as bands from their start to their end (an
open end runs to the edge), one band per distinct reading, the most frequent first.
matplotlib is imported inside the functions, and never pyplot: the figure draws without a display.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deadline_cn._read.normalise import as_date

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["bands", "cjk_font", "due_by_month", "timeline"]

BAND_KINDS = ("recurrence", "ongoing", "window")
COLOURS = {"deadline": "#4477aa", "compound": "#66ccee", "relative": "#228833", "conditional": "#ccbb44",
           "window": "#ee6677", "ongoing": "#aa3377", "recurrence": "#bbbbbb"}
MAX_BANDS = 12
CJK_HINTS = ("CJK", "Hei", "WenQuanYi", "Source Han", "YaHei", "PingFang", "SimSun", "Ming")


def due_by_month(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with a due date counted per month (index: the month's first day) and kind (columns)."""
    import pandas as pd

    dated = df[df["due"].notna()]
    months = dated["due"].dt.to_period("M").dt.to_timestamp()
    table = pd.crosstab(months, dated["kind"].astype(str))
    table.index.name, table.columns.name = "month", "kind"
    return table


def bands(df: pd.DataFrame, limit: int = MAX_BANDS) -> pd.DataFrame:
    """The distinct recurrence / ongoing / window readings with their start, end and row count."""
    rows = df[df["kind"].isin(BAND_KINDS)].assign(kind=lambda d: d["kind"].astype(str))
    # the cell's text when a Chinese font is there to draw it, else the kind and its frequency
    label = rows["text"].str.slice(0, 14) if cjk_font() else rows["kind"] + " " + rows["freq"].fillna("")
    grouped = rows.assign(label=label).groupby(["kind", "label", "start", "end"], dropna=False, observed=True)
    out = grouped.size().rename("rows").reset_index().sort_values("rows", ascending=False, kind="stable")
    return out.head(limit).reset_index(drop=True)


def cjk_font() -> str | None:
    """The name of an installed font with Chinese glyphs (matplotlib's default has none), or None."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in sorted(names) if any(k in n for k in CJK_HINTS)), None)


def timeline(df: pd.DataFrame, *, as_of: Any = None, title: str | None = None) -> Figure:
    """The figure described in the module docstring; ``as_of`` (a date) marks what is overdue."""
    from matplotlib.figure import Figure

    day = as_date(as_of, "as_of")
    fig = Figure(figsize=(10, 6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    span = _span(df, day)
    _bars(top, df, day)
    _bands(bottom, bands(df), span)
    top.set_xlim(*span)
    if title:
        fig.suptitle(title)
    return fig


def _bars(ax: Any, df: pd.DataFrame, day: Any) -> None:
    import pandas as pd

    table = due_by_month(df)
    base = pd.Series(0, index=table.index)
    for kind in table.columns:
        ax.bar(table.index, table[kind], width=25, bottom=base, align="edge", label=kind,
               color=COLOURS.get(kind, "#999999"))
        base = base + table[kind]
    check = due_by_month(df[df["needs_check"]]).sum(axis=1).reindex(table.index, fill_value=0)
    if check.any():
        ax.bar(table.index, check, width=25, align="edge", fill=False, hatch="///", edgecolor="#cc3311",
               label="needs check")
    if day is not None:
        stamp = pd.Timestamp(day)
        overdue = int((df["due"] < stamp).sum())
        ax.axvspan(_span(df, day)[0], stamp, color="#cc3311", alpha=0.08)
        ax.axvline(stamp, color="#cc3311", linewidth=1)
        ax.annotate(f" as of {day}: {overdue} overdue", (stamp, 1), xycoords=("data", "axes fraction"),
                    ha="left", va="top", color="#cc3311", fontsize=9)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("tasks due")
    ax.legend(fontsize=8, ncols=2, loc="upper right")


def _bands(ax: Any, table: pd.DataFrame, span: tuple[Any, Any]) -> None:
    """One horizontal band per reading; an open start or end runs to the edge of the plan's dates."""
    import pandas as pd

    for y, row in enumerate(table.itertuples()):
        left = row.start if pd.notna(row.start) else span[0]
        right = row.end if pd.notna(row.end) else span[1]
        ax.barh(y, right - left, left=left, height=0.6, color=COLOURS.get(row.kind, "#999999"),
                hatch="..." if row.kind == "recurrence" else None, edgecolor="white")
        ax.text(left, y, f" {row.label} x{row.rows}", va="center", fontsize=8, fontfamily=cjk_font() or "sans-serif")
    ax.set_yticks([])
    ax.set_ylabel("recurring / ongoing")


def _span(df: pd.DataFrame, day: Any) -> tuple[Any, Any]:
    """The first and last date the plan names (and ``as_of``), widened by a month each side."""
    import pandas as pd

    dates = pd.concat([df[c].dropna() for c in ("due", "start", "end")])
    if day is not None:
        dates = pd.concat([dates, pd.Series([pd.Timestamp(day)])])
    if dates.empty:
        dates = pd.Series([pd.Timestamp("2000-01-01")])
    return dates.min() - pd.Timedelta(days=31), dates.max() + pd.Timedelta(days=31)
