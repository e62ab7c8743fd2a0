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

_FOCUS = "#bc002d"  # the focus country (Japan on the seed), emphasised in every chart


def _caption(figure: Figure, text: str) -> None:
    figure.text(0.01, -0.02, text, fontsize=7, color="#555555", ha="left", va="top", wrap=True)


_MUTED = "#7f7f7f"
_FLAG_NOTE = "Hollow markers: SIPRI estimates; crosses: highly uncertain figures (SIPRI's flags)."


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


def peers_chart(
    rows: pd.DataFrame,
    names: dict[str, str],
    citation: str,
    reference: float = 2.0,
    focus: str = "JPN",
) -> Figure:
    """Share of GDP over time in small multiples: one panel per peer (muted, named) with the
    focus country (emphasised, red) in every panel, the 2% line, and SIPRI's estimate flags."""
    name = names.get(focus, focus)
    peers = [code for code in dict.fromkeys(rows["iso3"]) if code != focus] or [focus]
    columns = min(3, len(peers))
    lines = -(-len(peers) // columns)
    figure = Figure(figsize=(3.1 * columns, 2.2 * lines + 0.8))
    grid = figure.subplots(lines, columns, sharex=True, sharey=True, squeeze=False)
    own = rows[rows["iso3"] == focus]
    for k, axes in enumerate(grid.flat):
        if k >= len(peers):
            axes.set_visible(False)
            continue
        code = peers[k]
        if code != focus:
            peer = rows[rows["iso3"] == code]
            axes.plot(peer["year"], peer["value"], color=_MUTED, linewidth=1.3)
            _flag_markers(axes, peer, _MUTED)
        axes.plot(own["year"], own["value"], color=_FOCUS, linewidth=2.2)
        _flag_markers(axes, own, _FOCUS)
        axes.axhline(reference, color="black", linestyle="--", linewidth=0.7)
        axes.set_title(names.get(code, code), fontsize=9, color="#333333")
        axes.grid(alpha=0.3)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        axes.tick_params(labelsize=7)
    figure.suptitle(
        f"{name} (red, in every panel) beside each peer (grey): military spending, % of GDP; dashed: {reference:g}%",
        fontsize=10,
    )
    figure.tight_layout()
    flagged = (rows["sipri_flag"] != "").any()
    _caption(
        figure,
        citation + " " + (_FLAG_NOTE if flagged else "This edition carries no estimate flags."),
    )
    return figure


def editions_chart(table: pd.DataFrame, citation: str, name: str = "Japan") -> Figure:
    """The focus country's share of GDP in each data edition: the revisions made visible."""
    figure = Figure(figsize=(8, 3.8))
    axes = figure.add_subplot()
    for edition in [c for c in table.columns if c != "spread_pct_points"]:
        series = table[edition].dropna()
        axes.plot(series.index, series.values, marker="o", markersize=3, label=edition)
    axes.set_ylabel(f"{name}, % of GDP")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    editions = len([c for c in table.columns if c != "spread_pct_points"])
    axes.set_title(f"The same indicator in {editions} editions of the data")
    axes.legend(fontsize=7, frameon=False)
    axes.grid(alpha=0.3)
    _caption(figure, citation)
    return figure


_MEASURE_LABELS = {
    "excl_saco_realignment_etc": "defence budget excl. SACO/realignment",
    "incl_saco_realignment_etc": "defence budget incl. SACO/realignment",
    "dbp_covered_expenditure": "DBP-covered expenditure (from FY2023)",
}


def _budget_panel(left, budget: pd.DataFrame, plan: dict[str, float]) -> None:
    """MOD budgets by fiscal year: enacted solid, press-reported proposals hollow and dashed,
    the FY2027 plan point and the security-related target."""
    colours = dict(zip(_MEASURE_LABELS, ("#0072B2", "#E69F00", "#009E73"), strict=True))
    for measure, label in _MEASURE_LABELS.items():
        rows = budget[budget["measure"] == measure].sort_values("fiscal_year")
        if rows.empty:
            continue
        enacted = rows[rows["status"] == "enacted"]
        proposed = rows[rows["status"] != "enacted"]
        colour = colours[measure]
        years = range(int(rows["fiscal_year"].min()), int(rows["fiscal_year"].max()) + 1)
        series = enacted.set_index("fiscal_year")["value_trillion_yen"].reindex(years)
        left.plot(  # gaps in the series stay gaps
            series.index,
            series.values,
            marker="o",
            markersize=3.5,
            linewidth=1.2,
            color=colour,
            label=label,
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
    year = plan["plan_year"]
    left.scatter([year], [plan["plan"]], marker="D", s=40, color="#000000", zorder=4)
    left.annotate(
        f"FY{year:g} plan (DBP-covered) {plan['plan']:g}",
        (year, plan["plan"]),
        textcoords="offset points",
        xytext=(-6, -12),
        ha="right",
        fontsize=7,
    )
    left.scatter([year], [plan["target"]], marker="*", s=110, color=_FOCUS, zorder=4)
    left.annotate(
        f"FY{year:g} security-related target (2% of FY2022 GDP) {plan['target']:g}",
        (year, plan["target"]),
        textcoords="offset points",
        xytext=(-8, -3),
        ha="right",
        va="top",
        fontsize=7,
    )
    left.scatter(
        [],
        [],
        s=22,
        facecolors="white",
        edgecolors="#555555",
        label="press-reported proposal (not enacted)",
    )
    left.set_title("Ministry of Defense budgets, fiscal years (April-March)", fontsize=10)
    left.set_xlabel("fiscal year")
    left.set_ylabel("trillion yen")
    left.xaxis.set_major_locator(MaxNLocator(integer=True))
    left.legend(fontsize=7, frameon=False, loc="center left")
    left.grid(alpha=0.3)


def _scenario_panel(right, path: pd.DataFrame, summary: dict) -> None:
    """The SIPRI scenario by calendar year: in local currency where the edition has a series for
    the focus country, else as an index (said so in the panel)."""
    label = f"{summary['base_share_pct']:.2f}% -> {summary['target_share_pct']:g}% of GDP"
    money = next((c for c in path.columns if c.startswith("spending_trillion_")), None)
    word = (money or "").removeprefix("spending_trillion_")
    word = word if word == "yen" else word.upper()
    if money is not None and path[money].notna().all():
        right.plot(
            path["year"],
            path[money],
            color=_FOCUS,
            linewidth=2.2,
            marker="o",
            markersize=3,
        )
        right.set_ylabel(f"trillion {word} (SIPRI's definition, calendar year)")
        right.set_title(f"SIPRI scenario, calendar years: {label}", fontsize=10)
    else:
        right.plot(
            path["year"],
            path["spending_index"],
            color=_FOCUS,
            linewidth=2.2,
            marker="o",
            markersize=3,
        )
        right.set_ylabel(f"spending index ({summary['base_year']} = 100)")
        right.set_title(
            f"SIPRI scenario, calendar years: {label}\n{summary['sipri_edition']} has no {word or 'local-currency'} series: shown as an index",
            fontsize=9,
        )
    right.set_xlabel("calendar year")
    right.xaxis.set_major_locator(MaxNLocator(integer=True))
    right.grid(alpha=0.3)


def scenario_chart(
    path: pd.DataFrame,
    budget: pd.DataFrame | None,
    plan: dict[str, float] | None,
    summary: dict,
    citation: str,
) -> Figure:
    """Two panels, two calendars: MOD budgets by fiscal year (enacted solid, press-reported
    proposals hollow and dashed, the FY2027 plan point and the 11 tn yen target), and the
    SIPRI scenario by calendar year (in yen where the edition has a yen series, else as an index,
    said so in the panel). Without national budget data (`budget` None) only the scenario."""
    if budget is None or plan is None:
        figure = Figure(figsize=(6.5, 4.2))
        _scenario_panel(figure.add_subplot(), path, summary)
    else:
        figure = Figure(figsize=(11, 4.4))
        left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
        _budget_panel(left, budget, plan)
        _scenario_panel(right, path, summary)
    figure.tight_layout()
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
            axes.scatter([begin], [position], color=_FOCUS, zorder=3, s=40)
        else:
            axes.barh(position, end - begin, left=begin, height=0.35, color=_FOCUS, alpha=0.6)
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
    axes.legend(
        fontsize=7, frameon=False, title="voiced by", loc="center left", bbox_to_anchor=(1.01, 0.5)
    )
    axes.grid(axis="x", alpha=0.3)
    _caption(figure, source)
    return figure
