"""Charts of defence spending (notebook 02): the focus country beside its peers, its share of GDP
in each data edition, and its national budgets beside the what-if scenario; in the shared style
(`report.style`), with human labels, titles that state the finding and a source line on every
chart.

Each chart function returns a Figure (matplotlib's Agg canvas, no pyplot state);
`report.outputs.save_figure` writes it (200 dpi PNG and SVG). The titles are computed from the
table drawn, never typed.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from alliance_lib.report.dictionary import MEASURE_LABELS, currency_unit, edition_label
from alliance_lib.report.prose import standing
from alliance_lib.report.style import EMPHASIS, MUTED, PALETTE, TEXT, source_line, styled, title

NO_FLAGS = "This edition carries no estimate flags."
LEGEND_BAND = 0.35  # inches under the panels kept for a one-line figure legend
# The budget measures the scenario chart draws, each in its own palette colour.
BUDGET_MEASURES = tuple(MEASURE_LABELS)[:3]


def _flag_markers(axes, rows: pd.DataFrame, colour: str) -> None:
    """SIPRI's flagged values: hollow circles for estimates, crosses for highly uncertain."""
    estimates = rows[rows["sipri_flag"] == "estimate"]
    uncertain = rows[rows["sipri_flag"] == "highly_uncertain"]
    axes.scatter(
        estimates["year"],
        estimates["value"],
        s=14,
        facecolors="white",
        edgecolors=colour,
        linewidths=0.9,
        zorder=3,
    )
    axes.scatter(
        uncertain["year"],
        uncertain["value"],
        s=18,
        marker="x",
        color=colour,
        linewidths=0.9,
        zorder=3,
    )


def peers_title(rows: pd.DataFrame, names: dict[str, str], focus: str) -> str:
    """Where the focus country stands among its peers, in the latest year all of them report
    (else the focus country's latest year, among the peers reporting it)."""
    name = names.get(focus, focus)
    found = standing(rows.pivot(index="year", columns="iso3", values="value"), focus)
    if found is None:
        return f"This edition holds no share of GDP for {name}"
    said = f"In {found.year} {name} spent {found.share:.2f}% of GDP on its military"
    if found.peers.empty:
        return said
    more, count = found.above, len(found.peers)
    if more == count:
        standing_words = f"less than each of its {count} peers"
    elif more == 0:
        standing_words = f"more than each of its {count} peers"
    else:
        standing_words = f"less than {more} of its {count} peers"
    low, high = found.low, found.high
    return (
        f"{said}, {standing_words} (from {found.peers[low]:.2f}%, {names.get(low, low)}, "
        f"to {found.peers[high]:.2f}%, {names.get(high, high)})"
    )


@styled
def peers_chart(
    rows: pd.DataFrame,
    names: dict[str, str],
    citation: str,
    focus: str,
    reference: float = 2.0,
) -> Figure:
    """Share of GDP over time in small multiples: one panel per peer (grey, named above it) with
    the focus country (emphasised) in every panel, the reference share dashed, and SIPRI's
    estimate flags; the title says where the focus country stands."""
    name = names.get(focus, focus)
    peers = [code for code in dict.fromkeys(rows["iso3"]) if code != focus] or [focus]
    columns = min(3, len(peers))
    lines = -(-len(peers) // columns)
    height = 2.1 * lines + 1.4
    figure = Figure(figsize=(3.2 * columns + 0.5, height))
    grid = figure.subplots(lines, columns, sharex=True, sharey=True, squeeze=False)
    own = rows[rows["iso3"] == focus]
    for k, axes in enumerate(grid.flat):
        if k >= len(peers):  # an empty slot: the panel above it shows the years instead
            axes.set_visible(False)
            grid[k // columns - 1, k % columns].xaxis.set_tick_params(labelbottom=True)
            continue
        code = peers[k]
        if code != focus:
            peer = rows[rows["iso3"] == code]
            axes.plot(peer["year"], peer["value"], color=MUTED, linewidth=1.3)
            _flag_markers(axes, peer, MUTED)
        axes.plot(own["year"], own["value"], color=EMPHASIS, linewidth=2.2)
        _flag_markers(axes, own, EMPHASIS)
        axes.axhline(reference, color=TEXT, linestyle="--", linewidth=0.7)
        axes.set_title(names.get(code, code), fontsize=9, color=TEXT)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        if k % columns == 0:
            axes.set_ylabel("% of GDP")
    flags = set(rows["sipri_flag"])
    handles = [
        Line2D([], [], color=EMPHASIS, linewidth=2.2, label=f"{name} (in every panel)"),
        Line2D([], [], color=MUTED, linewidth=1.3, label="the peer named above the panel"),
        Line2D([], [], color=TEXT, linestyle="--", linewidth=0.7, label=f"{reference:g}% of GDP"),
    ]
    if "estimate" in flags:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="white",
                color=MUTED,
                label="SIPRI estimate",
            )
        )
    if "highly_uncertain" in flags:
        handles.append(
            Line2D([], [], marker="x", linestyle="", color=MUTED, label="SIPRI: highly uncertain")
        )
    title(figure, peers_title(rows, names, focus))
    figure.tight_layout(rect=(0, LEGEND_BAND / height, 1, 1))  # the legend goes under the panels
    figure.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 0), ncols=len(handles))
    source_line(figure, citation if flags - {""} else f"{citation} {NO_FLAGS}")
    return figure


def editions_title(table: pd.DataFrame, name: str) -> str:
    """How far the data editions disagree on the focus country's share, and where most."""
    editions = [c for c in table.columns if c != "spread_pct_points"]
    spread = table["spread_pct_points"].dropna() if "spread_pct_points" in table else pd.Series()
    if len(editions) < 2 or spread.empty:
        return f"{name}'s share of GDP in the one data edition that holds it"
    if spread.max() == 0:
        return f"The {len(editions)} data editions agree on {name}'s share of GDP in every year"
    year = int(spread.idxmax())
    values = table.loc[year, editions].dropna()
    return (
        f"The {len(editions)} data editions differ on {name}'s share of GDP by up to "
        f"{spread.max():.2f} percentage points ({year}: {values.min():.2f}% to {values.max():.2f}%)"
    )


@styled
def editions_chart(table: pd.DataFrame, citation: str, name: str) -> Figure:
    """The focus country's share of GDP in each data edition: the revisions made visible, the
    title saying how far the editions differ."""
    figure = Figure(figsize=(8, 4.2), layout="constrained")
    axes = figure.add_subplot()
    editions = [c for c in table.columns if c != "spread_pct_points"]
    for k, edition in enumerate(editions):
        series = table[edition].dropna()
        axes.plot(
            series.index,
            series.values,
            marker="o",
            markersize=3.5,
            linewidth=1.6,
            color=PALETTE[k % len(PALETTE)],
            label=edition_label(edition),
        )
    axes.set_ylabel(f"{name}: military expenditure, % of GDP")
    axes.set_xlabel("calendar year")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(title="data edition", loc="upper left")
    title(figure, editions_title(table, name))
    source_line(figure, citation)
    return figure


def _budget_panel(left, budget: pd.DataFrame, plan: dict[str, float]) -> None:
    """MOD budgets by fiscal year: enacted solid, press-reported proposals hollow and dashed,
    the plan's figure for its last year and the security-related target, each in the legend."""
    for colour, measure in zip(PALETTE, BUDGET_MEASURES, strict=False):
        rows = budget[budget["measure"] == measure].sort_values("fiscal_year")
        if rows.empty:
            continue
        enacted = rows[rows["status"] == "enacted"]
        proposed = rows[rows["status"] != "enacted"]
        years = range(int(rows["fiscal_year"].min()), int(rows["fiscal_year"].max()) + 1)
        series = enacted.set_index("fiscal_year")["value_trillion_yen"].reindex(years)
        left.plot(  # gaps in the series stay gaps
            series.index,
            series.values,
            marker="o",
            markersize=3.5,
            linewidth=1.2,
            color=colour,
            label=MEASURE_LABELS[measure],
        )
        if not proposed.empty:
            before = enacted[enacted["fiscal_year"] == proposed["fiscal_year"].min() - 1]
            joined = pd.concat([before, proposed])  # dashed only from the year before
            left.plot(
                joined["fiscal_year"],
                joined["value_trillion_yen"],
                linestyle="--",
                linewidth=1,
                color=colour,
            )
            left.scatter(
                proposed["fiscal_year"],
                proposed["value_trillion_yen"],
                s=22,
                facecolors="white",
                edgecolors=colour,
                zorder=3,
            )
    left.scatter(
        [],
        [],
        s=22,
        facecolors="white",
        edgecolors=MUTED,
        label="proposal reported by the press (not enacted)",
    )
    year = int(plan["plan_year"])
    left.scatter(
        [year],
        [plan["plan"]],
        marker="D",
        s=40,
        color=TEXT,
        zorder=4,
        label=f"FY{year} plan, DBP-covered: {plan['plan']:g} tn yen",
    )
    left.scatter(
        [year],
        [plan["target"]],
        marker="*",
        s=120,
        color=EMPHASIS,
        zorder=4,
        label=f"FY{year} security-related target (2% of FY2022 GDP): {plan['target']:g} tn yen",
    )
    left.set_title("Ministry of Defense budgets, fiscal years (April-March)")
    left.set_xlabel("fiscal year")
    left.set_ylabel("trillion yen")
    left.xaxis.set_major_locator(MaxNLocator(integer=True))
    left.legend(loc="upper left")


def _scenario_panel(right, path: pd.DataFrame, summary: dict) -> None:
    """The SIPRI scenario by calendar year: in local currency where the edition has a series for
    the focus country, else as an index (said so in the panel)."""
    shares = f"{summary['base_share_pct']:.2f}% → {summary['target_share_pct']:g}% of GDP"
    money = next((c for c in path.columns if c.startswith("spending_trillion_")), None)
    unit = currency_unit(money.removeprefix("spending_trillion_")) if money else "local currency"
    in_money = money is not None and path[money].notna().all()
    values = path[money] if in_money else path["spending_index"]
    scale = "trillion"
    if in_money and values.max() < 1:  # euros, pounds, dollars: billions read better
        values, scale = values * 1000, "billion"
    right.plot(path["year"], values, color=EMPHASIS, linewidth=2.2, marker="o", markersize=3)
    if in_money:
        right.set_ylabel(f"{scale} {unit}, SIPRI's definition")
        right.set_title(f"SIPRI scenario, calendar years: {shares}")
    else:
        right.set_ylabel(f"spending index ({summary['base_year']} = 100)")
        right.set_title(
            f"SIPRI scenario, calendar years: {shares}\n"
            f"{edition_label(summary['sipri_edition'], short=True)} has no {unit} series: "
            "shown as an index",
        )
    right.set_xlabel("calendar year")
    right.xaxis.set_major_locator(MaxNLocator(integer=True))


def scenario_title(summary: dict, name: str, plan: dict[str, float] | None = None) -> str:
    """The what-if in one line: from the base share to the target, the multiple and yearly
    growth it takes, and, with national budgets, the plan and the target beside it."""
    growth = summary["nominal_gdp_growth_pct"]
    gdp = "GDP fixed" if growth == 0 else f"nominal GDP growing {growth:g}% a year"
    multiple = summary["spending_multiple"]
    moves = "grows" if multiple > 1 else "falls" if multiple < 1 else "stays level"
    said = (
        f"What-if: from {name}'s {summary['base_share_pct']:.2f}% of GDP in "
        f"{summary['base_year']} to {summary['target_share_pct']:g}% by "
        f"{summary['target_year']}, {gdp}, spending {moves} x{multiple:.2f} "
        f"({summary['implied_annual_spending_growth_pct']:.1f}% a year)"
    )
    if plan is None:
        return said
    return (
        f"{said}; the FY{plan['plan_year']:g} plan is {plan['plan']:g} tn yen, the "
        f"security-related target {plan['target']:g} tn yen"
    )


@styled
def scenario_chart(
    path: pd.DataFrame,
    budget: pd.DataFrame | None,
    plan: dict[str, float] | None,
    summary: dict,
    citation: str,
    name: str,
) -> Figure:
    """Two panels, two calendars: the ministry's budgets by fiscal year (enacted solid,
    press-reported proposals hollow and dashed, the plan's last year and the security-related
    target), and the SIPRI scenario by calendar year (in local currency where the edition has a
    series, else as an index). Without national budget data (`budget` None) only the scenario."""
    if budget is None or plan is None:
        figure = Figure(figsize=(7, 4.4), layout="constrained")
        _scenario_panel(figure.add_subplot(), path, summary)
        heading = scenario_title(summary, name)
    else:
        figure = Figure(figsize=(11, 4.9), layout="constrained")
        left, right = figure.subplots(1, 2, width_ratios=[3, 2])
        _budget_panel(left, budget, plan)
        _scenario_panel(right, path, summary)
        heading = scenario_title(summary, name, plan)
    title(figure, heading, wrap=110 if plan else 75)
    source_line(figure, citation)
    return figure
