"""Notebook 05's charts (Agg canvas, no pyplot): articles over time, and outlet-by-row share grids."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator


def over_time_chart(table: pd.DataFrame, unit: str) -> Figure:
    """Articles per outlet per period (`table`: period, outlet, articles), one line per outlet."""
    figure = Figure(figsize=(8, 3.8))
    axes = figure.add_subplot()
    grid = table.pivot(index="period", columns="outlet", values="articles").fillna(0)
    for outlet in grid.columns:
        axes.plot(pd.to_datetime(grid.index), grid[outlet], marker="o", markersize=3, label=outlet)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel(f"articles per {unit}")
    axes.set_title("Articles per outlet over time")
    axes.legend(fontsize=7, frameon=False, loc="center left", bbox_to_anchor=(1.01, 0.5))
    axes.grid(alpha=0.3)
    figure.autofmt_xdate()
    return figure


def share_grid(
    shares: pd.DataFrame,
    title: str,
    counts: pd.DataFrame | None = None,
    marked: set[str] = frozenset(),
) -> Figure:
    """A heat map of shares (rows x outlets, 0-1) with each cell labelled; `marked` rows get a '*'."""
    figure = Figure(figsize=(1.6 + 1.1 * len(shares.columns), 1.2 + 0.38 * len(shares)))
    axes = figure.add_subplot()
    values = shares.fillna(0).to_numpy(float)
    image = axes.imshow(values, cmap="Blues", vmin=0, vmax=max(values.max(), 1e-9), aspect="auto")
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            label = f"{100 * values[i, j]:.0f}%"
            if counts is not None:
                label = f"{counts.iloc[i, j]:g}\n{label}"
            dark = values[i, j] > 0.6 * values.max()
            axes.text(
                j,
                i,
                label,
                ha="center",
                va="center",
                fontsize=7,
                color="white" if dark else "black",
            )
    rows = [f"{row} *" if row in marked else str(row) for row in shares.index]
    axes.set_yticks(range(len(rows)), rows, fontsize=8)
    axes.set_xticks(range(len(shares.columns)), shares.columns, fontsize=8, rotation=30, ha="right")
    axes.set_title(title, fontsize=10)
    figure.colorbar(image, ax=axes, fraction=0.04, pad=0.02, format=lambda x, _: f"{100 * x:.0f}%")
    return figure
