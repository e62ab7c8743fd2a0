"""The shared chart style: a colour-blind-safe palette, one matplotlib look, and source lines.

Every chart function runs inside `styled` (matplotlib reads rcParams when a figure, an axes or
a text is created, so the whole drawing happens under the style), takes its colours from
`PALETTE` (Okabe and Ito's eight colours, told apart with every common colour-vision
deficiency), and ends with `source_line`, so no chart leaves the report without its source.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.rcsetup import cycler

# Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, reddish purple,
# sky blue, vermillion, yellow, black. Yellow is last: it is faint on white.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
EMPHASIS = "#D55E00"  # the one series a chart is about (vermillion)
MUTED = "#8C8C8C"  # context series, and the narrator in voice charts
TEXT = "#333333"
ROW_BAND = "#f2f2f2"  # every other row of a dot chart, so a row's dots read together
SOURCE_TEXT = "#555555"
SOURCE_WRAP = 150  # characters a source line holds before it wraps (charts are 8-10 inches wide)

RC = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same glyphs on every machine
    "font.size": 9,
    "axes.titlesize": 9.5,
    "axes.titlelocation": "left",
    "axes.labelsize": 9,
    "axes.labelcolor": TEXT,
    "axes.edgecolor": "#777777",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "legend.title_fontsize": 8,
    "figure.facecolor": "white",
    # No savefig.* or svg.* keys: matplotlib reads them when a figure is saved, which happens
    # after `styled` returns; the SVG settings that act are `outputs.SVG_RC` (in save_figure).
}

P = ParamSpec("P")
R = TypeVar("R")


def styled(draw: Callable[P, R]) -> Callable[P, R]:
    """Run a chart function under the shared style (`RC`)."""

    @functools.wraps(draw)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with rc_context(RC):
            return draw(*args, **kwargs)

    return wrapper


def source_line(figure: Figure, text: str) -> None:
    """The chart's source, small and grey under the plot (kept inside the saved image)."""
    figure.text(
        0.01,
        0.0,
        textwrap.fill(text, SOURCE_WRAP),
        fontsize=7,
        color=SOURCE_TEXT,
        ha="left",
        va="top",
    )


def title(figure: Figure, text: str, wrap: int = 100) -> None:
    """The chart's title (its finding), across the whole figure, left-aligned."""
    figure.suptitle(
        textwrap.fill(text, wrap), x=0.01, ha="left", fontsize=10.5, fontweight="bold", color=TEXT
    )


def series_colours(names: list[str], *, muted: tuple[str, ...] = ()) -> dict[str, str]:
    """One palette colour per name, in sorted order (stable across charts); `muted` names grey."""
    others = sorted(n for n in set(names) if n not in muted)
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(others)}
    return colours | {name: MUTED for name in muted}
