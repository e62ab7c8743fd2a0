"""Notebook 05's charts: articles per outlet over time, and outlets side by side on each row of
a table (who is quoted, which of the reference article's claims are carried, which codes), in
the shared style (`report.style`).

Every chart gives each outlet the same colour (`outlet_colours`), labels rows in words (names,
claims with their type, codes as "Frame dimension: Economic"), has a title computed from the
table drawn that states its finding, and a source line naming the corpus and, where they
matter, the gazetteer or the codebook (`source_text`). Each function returns a Figure;
`report.outputs.save_figure` writes it (200 dpi PNG and SVG).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from alliance_lib.analysis.coverage import (
    Corpus,
    claims_carried,
    flagged_differences,
    most_carried,
    over_time_grid,
    quote_totals,
    tested_differences,
)
from alliance_lib.config import FRAMING_CODEBOOK, GAZETTEER, shown_path
from alliance_lib.report.prose import counted
from alliance_lib.report.style import ROW_BAND, series_colours, source_line, styled, title

_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}  # a bar's width in days, 80% of its period


def outlet_colours(outlets: list[str]) -> dict[str, str]:
    """One palette colour per outlet, in sorted order: the same outlet, the same colour, in every
    chart of the notebook."""
    return series_colours(list(outlets))


def source_text(
    corpus_path: str,
    compared: Corpus,
    *more: str,
    gazetteer: bool = False,
    codebook: bool = False,
) -> str:
    """A chart's source line: the corpus (`corpus_name`) and how much of it is compared, the
    gazetteer (speakers' countries) or the framing codebook (codes) when they made the chart,
    then `more`."""
    articles = compared.articles
    parts = [
        f"Source: corpus {corpus_name(corpus_path)} ({len(articles)} articles compared, from "
        f"{articles['outlet'].nunique()} outlets), parsed by alliance corpus",
        *([f"speakers' countries from {shown_path(GAZETTEER)}"] if gazetteer else []),
        *(
            [f"sentences coded with {shown_path(FRAMING_CODEBOOK)} when the corpus was parsed"]
            if codebook
            else []
        ),
        *more,
    ]
    return "; ".join(parts) + "."


def corpus_name(corpus_path: str | Path) -> str:
    """The corpus as a chart names it: its path from the project root when it lies inside the
    project (`reports/corpus-polnear`), else its own name: an absolute path names the analyst's
    machine, not the corpus (the notebook's `corpus_path` parameter keeps it in full)."""
    shown = shown_path(corpus_path)
    return Path(shown).name if Path(shown).is_absolute() else shown


def flagged_labels(differences: pd.DataFrame) -> set[str]:
    """The labels of the codes whose outlet differences are flagged beyond chance."""
    if differences.empty:
        return set()
    return set(flagged_differences(differences)["code_label"])


def _day(value: object) -> str:
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%B %Y}"


def _span(first: object, last: object) -> str:
    """'10 to 19 January 2023', '28 January to 3 February 2023', or two full dates."""
    a, b = pd.Timestamp(first), pd.Timestamp(last)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day} to {_day(b)}"
    if a.year == b.year:
        return f"{a.day} {a:%B} to {_day(b)}"
    return f"{_day(a)} to {_day(b)}"


def over_time_title(table: pd.DataFrame, unit: str) -> str:
    """How many articles over what span, and the busiest period (`table`: period, outlet,
    articles)."""
    if table.empty:
        return "No compared article has a publication date"
    per_period = table.groupby("period")["articles"].sum()
    total, outlets = int(per_period.sum()), table["outlet"].nunique()
    first, last = per_period.index.min(), per_period.index.max()
    if first == last:
        return f"All {total} dated articles from {counted(outlets, 'outlet')} fall in the {unit} of {_day(first)}"
    busiest = per_period.idxmax()
    day = _day(busiest)
    if pd.Timestamp(first).year == pd.Timestamp(last).year:
        day = day.rsplit(" ", 1)[0]  # the year is in the span already
    when = day if unit == "day" else f"the {unit} from {day}"
    return (
        f"{total} dated articles from {counted(outlets, 'outlet')}, {_span(first, last)}; "
        f"the busiest {unit}: {when}, {int(per_period[busiest])} articles"
    )


@styled
def over_time_chart(
    table: pd.DataFrame, unit: str, colours: Mapping[str, str], source: str
) -> Figure:
    """Articles per period (`table`: period, outlet, articles) as stacked bars, a segment per
    outlet in its colour: the bar's height is the day's (week's, month's) coverage."""
    figure = Figure(figsize=(9, 3.8))
    axes = figure.add_subplot()
    grid = over_time_grid(table)
    when = pd.to_datetime(pd.Series(grid.index))
    width = pd.Timedelta(days=_PERIOD_DAYS.get(unit, 1) * 0.8)
    bottom = pd.Series(0.0, index=range(len(grid)))
    for outlet in grid.columns:
        heights = grid[outlet].reset_index(drop=True)
        axes.bar(
            when,
            heights,
            width=width,
            bottom=bottom,
            color=colours[outlet],
            label=outlet,
            edgecolor="white",
            linewidth=0.5,
        )
        bottom = bottom + heights
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    locator = AutoDateLocator(maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_ylabel(f"articles per {unit}")
    axes.grid(axis="x", visible=False)
    handles, labels = axes.get_legend_handles_labels()
    axes.legend(
        handles[::-1], labels[::-1], title="outlet", loc="upper left", bbox_to_anchor=(1.01, 1.0)
    )
    title(figure, over_time_title(table, unit))
    figure.tight_layout()
    source_line(figure, source)
    return figure


def quoted_title(shares: pd.DataFrame, key: str, noun: str) -> str:
    """The most quoted `key` (person or country) overall, and in how many outlets it comes
    first (`shares`: outlet, key, attributions: only named people, or known countries)."""
    if shares.empty:
        return f"No attribution names a known {noun}"
    totals = quote_totals(shares, key)
    top = totals.index[0]
    firsts = ties = 0
    for _, rows in shares.groupby("outlet"):
        best = rows["attributions"].max()
        outlet_top = set(rows.loc[rows["attributions"] == best, key])
        if top in outlet_top:
            firsts += 1
            ties += len(outlet_top) > 1
    every = shares["outlet"].nunique()
    first = "first or tied first" if ties else "first"
    return (
        f"Most quoted {noun}: {top} ({int(totals[top])} attributions), {first} in {firsts} of "
        f"{every} outlets"
    )


def claims_title(claims: pd.DataFrame, reason: str | None = None) -> str:
    """The reference article's most carried claim, and how many of its claims no outlet carries
    (`claims`: claim, outlet, articles_carrying, outlet_articles); or, with a `reason` (far from
    its date or topic: `ClaimsScope.reason`), that they are not ranked."""
    if reason:
        return f"The reference article's claims are not ranked: {reason}"
    carried, articles = claims_carried(claims)
    best, carrying = most_carried(claims)
    if carrying == 0:
        return f"No compared article carries any of the reference article's {len(carried)} claims"
    absent = int((carried == 0).sum())
    return (
        f"The reference article's most carried claim, {best}, is in {carrying} of "
        f"{articles} articles; {absent} of its {len(carried)} claims are in none"
    )


def codes_title(differences: pd.DataFrame) -> str:
    """How many threat actors tested differ between outlets beyond chance, and the largest
    difference with its effect size in words."""
    if differences.empty:
        return "Share of each outlet's sentences carrying each code (no difference tested)"
    tested = tested_differences(differences)
    if tested.empty:
        return (
            "Share of each outlet's sentences carrying each code (no threat actor is carried by "
            "enough articles to test)"
        )
    flagged = flagged_differences(differences)
    if flagged.empty:
        return (
            f"No threat actor's share of sentences differs between outlets beyond chance "
            f"({counted(len(tested), 'threat actor')} tested)"
        )
    top = flagged.iloc[0]
    return (
        f"Outlets differ beyond chance on {len(flagged)} of {counted(len(tested), 'threat actor')} "
        f"tested (marked *); the largest difference: {top['code_label']} (Cramér's V "
        f"{top['cramers_v']:.2f}, {top['effect']}, most in {top['highest']})"
    )


@styled
def outlet_dots(
    grid: pd.DataFrame,
    heading: str,
    colours: Mapping[str, str],
    source: str,
    xlabel: str,
    marked: frozenset[str] | set[str] = frozenset(),
) -> Figure:
    """One row per index entry of `grid` (rows x outlets, in %): per outlet a thin stem from 0
    and a dot in its colour, the outlets one under the other within the row; rows in `marked`
    get a '*' and bold labels."""
    rows, outlets = [str(r) for r in grid.index], list(grid.columns)
    values = grid.fillna(0).astype(float)
    step = min(0.16, 0.72 / max(len(outlets), 1))
    right = max(5.0, min(104.0, float(values.to_numpy().max()) * 1.06 + 1))  # a dot at 100% whole
    figure = Figure(figsize=(9.5, 1.5 + 0.36 * len(rows)))
    axes = figure.add_subplot()
    for i in range(0, len(rows), 2):
        axes.axhspan(-i - 0.5, -i + 0.5, color=ROW_BAND, zorder=0, linewidth=0)
    for k, outlet in enumerate(outlets):
        offset = (len(outlets) - 1) / 2 * step - k * step
        positions = [-i + offset for i in range(len(rows))]
        axes.hlines(
            positions, 0, values[outlet].to_numpy(), color=colours[outlet], linewidth=1, zorder=2
        )
        axes.scatter(
            values[outlet].to_numpy(),
            positions,
            s=26,
            color=colours[outlet],
            edgecolors="white",
            linewidths=0.4,
            zorder=3,
        )
    labels = [textwrap.fill(f"{r} *" if r in marked else r, 48) for r in rows]
    axes.set_yticks([-i for i in range(len(rows))], labels)
    for tick, row in zip(axes.get_yticklabels(), rows, strict=True):
        if row in marked:
            tick.set_fontweight("bold")
    axes.tick_params(axis="y", length=0)
    axes.set_ylim(-len(rows) + 0.5, 0.5)
    axes.set_xlim(-right * 0.012, right)  # a dot at 0 stays whole
    axes.set_xlabel(xlabel)
    axes.grid(axis="y", visible=False)
    handles = [Line2D([], [], marker="o", linestyle="", color=colours[o], label=o) for o in outlets]
    axes.legend(handles=handles, title="outlet", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    title(figure, heading)
    figure.tight_layout()
    source_line(figure, source)
    return figure
