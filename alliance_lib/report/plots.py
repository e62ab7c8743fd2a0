"""Charts for the notebooks, drawn on matplotlib's Agg canvas (no pyplot, no backend state).

Each function returns a Figure; `report.outputs.save_figure` writes it and the notebook shows
the PNG.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

_JAPAN = "#bc002d"


def _caption(figure: Figure, text: str) -> None:
    figure.text(0.01, -0.02, text, fontsize=7, color="#555555", ha="left", va="top", wrap=True)


def peers_chart(
    table: pd.DataFrame, names: dict[str, str], citation: str, reference: float = 2.0
) -> Figure:
    """Share of GDP over time, Japan against its peers, with the 2% line."""
    figure = Figure(figsize=(8, 4.5))
    axes = figure.add_subplot()
    for code in table.columns:
        series = table[code].dropna()
        is_japan = code == "JPN"
        axes.plot(
            series.index,
            series.values,
            label=names.get(code, code),
            color=_JAPAN if is_japan else None,
            linewidth=2.8 if is_japan else 1.2,
            alpha=1 if is_japan else 0.75,
        )
    axes.axhline(reference, color="black", linestyle="--", linewidth=0.8)
    axes.text(table.index.min(), reference, f" {reference:g}% of GDP", va="bottom", fontsize=8)
    axes.set_ylabel("military expenditure, % of GDP")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title("Japan's military spending as a share of GDP, beside peers")
    axes.legend(fontsize=7, frameon=False, loc="center left", bbox_to_anchor=(1.01, 0.5))
    axes.grid(alpha=0.3)
    _caption(figure, citation)
    return figure


def editions_chart(table: pd.DataFrame, citation: str) -> Figure:
    """Japan's share of GDP in each data edition: the revisions made visible."""
    figure = Figure(figsize=(8, 3.8))
    axes = figure.add_subplot()
    for edition in [c for c in table.columns if c != "spread_pct_points"]:
        series = table[edition].dropna()
        axes.plot(series.index, series.values, marker="o", markersize=3, label=edition)
    axes.set_ylabel("Japan, % of GDP")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title("The same indicator in three editions of the data")
    axes.legend(fontsize=7, frameon=False)
    axes.grid(alpha=0.3)
    _caption(figure, citation)
    return figure


def scenario_chart(
    path: pd.DataFrame, budget: pd.DataFrame, summary: dict, citation: str
) -> Figure:
    """The scenario's spending path beside the MOD budget series (trillion yen)."""
    figure = Figure(figsize=(8, 4.2))
    axes = figure.add_subplot()
    years = range(int(budget["fiscal_year"].min()), int(budget["fiscal_year"].max()) + 1)
    for measure, rows in budget.groupby("measure", sort=True):
        series = rows.set_index("fiscal_year")["value_trillion_yen"].reindex(
            years
        )  # gaps stay gaps
        axes.plot(
            series.index,
            series.values,
            marker="s",
            markersize=3,
            linewidth=1,
            label=f"MOD: {measure}",
        )
    if path["spending_trillion_yen"].notna().all():
        axes.plot(
            path["year"],
            path["spending_trillion_yen"],
            color=_JAPAN,
            linewidth=2.5,
            label=f"scenario: {summary['base_share_pct']:.2f}% -> {summary['target_share_pct']:g}% of GDP",
        )
        axes.set_ylabel("trillion yen")
    else:
        axes.set_ylabel("trillion yen (MOD); scenario shown as index in the table")
    axes.set_title("Japan's defence budget and the spending path to the target share")
    axes.set_xlabel("fiscal year (MOD budgets, April-March); calendar year (scenario)")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(fontsize=7, frameon=False)
    axes.grid(alpha=0.3)
    _caption(figure, citation)
    return figure


def timeline_chart(events: pd.DataFrame, source: str) -> Figure:
    """Resolved dated events in time order: a day is a point, a week, month or year a bar over
    its whole period (never a point on its first day)."""
    events = events[events["resolved"]]
    figure = Figure(figsize=(9, max(2.2, 0.7 * len(events) + 1.2)))
    axes = figure.add_subplot()
    first = pd.to_datetime(events["period_start"])
    last = pd.to_datetime(events["period_end"]) + pd.Timedelta(days=1)
    positions = list(range(len(events)))[::-1]
    for position, begin, end, precision in zip(
        positions, first, last, events["precision"], strict=True
    ):
        if precision == "day":
            axes.scatter([begin], [position], color=_JAPAN, zorder=3, s=40)
        else:
            axes.barh(position, end - begin, left=begin, height=0.35, color=_JAPAN, alpha=0.6)
            axes.text(end, position, f"  {precision}", va="center", fontsize=7, color="#555555")
    axes.hlines(positions, first.min(), first, color="#cccccc", linewidth=0.8, zorder=1)
    axes.set_yticks(positions, [textwrap.fill(label, 60) for label in events["label"]], fontsize=8)
    axes.set_ylim(-0.7, len(events) - 0.3)
    margin = max(pd.Timedelta(days=60), (last.max() - first.min()) * 0.15)
    axes.set_xlim(first.min() - margin, last.max() + margin)
    locator = AutoDateLocator(maxticks=6)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_title("Dated events in the article (bars: the whole week, month or year named)")
    axes.grid(axis="x", alpha=0.3)
    _caption(figure, source)
    return figure


# Okabe-Ito colour-blind-safe palette; the narrator is always grey.
_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
NARRATOR_COLOUR = "#999999"


def voice_colours(voices: list[str]) -> dict[str, str]:
    """One colour per voice, the same in every chart of a notebook (narrator grey)."""
    others = sorted(v for v in set(voices) if v != "narrator")
    colours = {voice: _PALETTE[i % len(_PALETTE)] for i, voice in enumerate(others)}
    return colours | {"narrator": NARRATOR_COLOUR}


def share_chart(table: pd.DataFrame, title: str, colours: dict[str, str], source: str) -> Figure:
    """Grouped horizontal bars: per code, the share of each voice's sentences carrying it,
    labelled with the count behind it (n of the voice's N sentences)."""
    codes = sorted(table["code"].unique())[::-1]
    voices = sorted(table["voice"].unique(), key=lambda v: (v != "narrator", v))
    figure = Figure(figsize=(8, max(2.5, 0.45 * len(codes) * max(1, len(voices)) / 2 + 1.4)))
    axes = figure.add_subplot()
    height = 0.8 / max(1, len(voices))
    for k, voice in enumerate(voices):
        rows = table[table["voice"] == voice].set_index("code")
        total = int(rows["voice_sentences"].iloc[0])
        positions = [i + (k - (len(voices) - 1) / 2) * height for i in range(len(codes))]
        shares = [float(rows["share_pct"].get(code, 0.0)) for code in codes]
        bars = axes.barh(
            positions, shares, height=height, color=colours[voice], label=f"{voice} (N={total})"
        )
        for bar, code in zip(bars, codes, strict=True):
            if code in rows.index:
                count = int(rows.loc[code, "sentences"])
                axes.text(
                    bar.get_width() + 1,
                    bar.get_y() + bar.get_height() / 2,
                    f"{count}/{total}",
                    va="center",
                    fontsize=6,
                )
    axes.set_yticks(range(len(codes)), codes, fontsize=8)
    axes.set_xlim(0, 112)
    axes.set_xlabel("share of the voice's sentences, %")
    axes.set_title(title)
    axes.legend(fontsize=7, frameon=False, title="voiced by", loc="lower right")
    axes.grid(axis="x", alpha=0.3)
    _caption(figure, source)
    return figure
