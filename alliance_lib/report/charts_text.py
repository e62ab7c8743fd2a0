"""Charts of what the text says (notebooks 03 and 04): the timeline of dated events and the
frames-by-voice bars, in the shared style (`report.style`), with human labels, titles that
state the finding, and a source line on every chart.

Each chart function returns a Figure; `report.outputs.save_figure` writes it (PNG and SVG).
The titles are computed from the table drawn, never typed.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from alliance_lib.analysis.voice import NARRATOR
from alliance_lib.report.prose import counted
from alliance_lib.report.style import (
    EMPHASIS,
    MUTED,
    SOURCE_TEXT,
    series_colours,
    source_line,
    styled,
    title,
)

FAMILY_TITLES = {
    "threat": "States framed as threats, by voice",
    "entman": "Entman's framing functions, by voice",
    "mfc": "Frame dimensions (Media Frames Corpus), by voice",
}
CODE_NAMES = {"threat": "state", "entman": "framing function", "mfc": "frame dimension"}
_FAMILY_NOUNS = {
    "threat": "state framed as a threat",
    "entman": "framing function (Entman)",
    "mfc": "frame dimension (Media Frames Corpus)",
}


def voice_colours(voices: list[str]) -> dict[str, str]:
    """One colour per voice, the same in every chart of a notebook (the narrator grey)."""
    return series_colours(voices, muted=(NARRATOR,))


def _listing(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def share_title(table: pd.DataFrame, family: str, labels: dict[str, str]) -> str:
    """The chart's finding in one line, from the table: who frames which states as threats, or
    which code is the commonest and how many voices use it."""
    if table.empty:
        return f"No {_FAMILY_NOUNS.get(family, family)} in this article"
    if family == "threat":
        parts = []
        for voice, rows in table.groupby("voice", sort=False):
            names = [labels.get(code, code) for code in rows["code"]]
            parts.append((len(names), voice, _listing(names)))
        parts.sort(key=lambda p: (-p[0], p[1] == NARRATOR, p[1]))
        said = "; ".join(f"{voice}: {names}" for _, voice, names in parts)
        return f"Who frames which state as a threat ({said})"
    totals = table.groupby("code")["sentences"].sum().sort_values(ascending=False, kind="stable")
    top = str(totals.index[0])
    voices = table.loc[table["code"] == top, "voice"].nunique()
    every = table["voice"].nunique()
    noun = _FAMILY_NOUNS.get(family, family)
    return (
        f"Commonest {noun}: {labels.get(top, top)}, in {int(totals.iloc[0])} sentence(s), "
        f"used by {voices} of {every} voices"
    )


@styled
def share_chart(
    table: pd.DataFrame,
    heading: str,
    colours: dict[str, str],
    source: str,
    labels: dict[str, str] | None = None,
) -> Figure:
    """Horizontal bars: per code (most sentences first), the share of each voice's sentences
    carrying it, only for the voices that use it, each bar labelled n/N (sentences of the voice)."""
    labels = labels or {}
    totals = table.groupby("code")["sentences"].sum().sort_values(ascending=False, kind="stable")
    codes = list(totals.index)
    order = sorted(table["voice"].unique(), key=lambda v: (v != NARRATOR, v))
    bars = sum(table["code"].eq(code).sum() for code in codes)
    figure = Figure(figsize=(9, 0.9 + 0.26 * bars + 0.25 * len(codes)))
    axes = figure.add_subplot()
    position, ticks = 0.0, []
    for code in codes:
        rows = table[table["code"] == code].set_index("voice")
        present = [v for v in order if v in rows.index]
        first = position
        for voice in present:
            row = rows.loc[voice]
            share, count, total = (
                float(row["share_pct"]),
                int(row["sentences"]),
                int(row["voice_sentences"]),
            )
            axes.barh(-position, share, height=0.8, color=colours[voice])
            axes.text(
                share + 1, -position, f"{count}/{total}", va="center", fontsize=7, color=SOURCE_TEXT
            )
            position += 1
        ticks.append((-(first + position - 1) / 2, labels.get(code, code)))
        position += 0.6  # a gap between codes
    axes.set_yticks([t for t, _ in ticks], [textwrap.fill(label, 28) for _, label in ticks])
    axes.tick_params(axis="y", length=0)
    axes.set_ylim(-position + 0.3, 0.8)
    axes.set_xlim(0, 110)
    axes.set_xlabel(
        "share of the voice's sentences, % (bar label: sentences with the code / the voice's sentences)"
    )
    axes.grid(axis="y", visible=False)
    title(figure, heading)
    totals_by_voice = table.groupby("voice")["voice_sentences"].first()
    handles = [
        Patch(color=colours[v], label=f"{v} ({counted(int(totals_by_voice[v]), 'sentence')})")
        for v in order
    ]
    axes.legend(handles=handles, title="voiced by", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    source_line(figure, source)
    return figure


def timeline_title(events: pd.DataFrame) -> str:
    """The timeline's finding: how many events are dated, over what span, and what stays unresolved."""
    resolved = events[events["resolved"]]
    unresolved = len(events) - len(resolved)
    left = f"; {unresolved} relative date(s) left unresolved" if unresolved else ""
    if resolved.empty:
        return f"The article dates no event on the calendar{left}"
    first = pd.to_datetime(resolved["period_start"]).min()
    last = pd.to_datetime(resolved["period_end"]).max()
    return f"The article dates {len(resolved)} event(s), from {first:%B %Y} to {last.day} {last:%B %Y}{left}"


@styled
def timeline_chart(events: pd.DataFrame, source: str) -> Figure:
    """Resolved dated events in time order: a day is a point, a week, month or year a bar over
    its whole period (never a point on its first day); the title states what is dated."""
    heading = timeline_title(events)
    events = events[events["resolved"]]
    figure = Figure(figsize=(9, max(2.4, 0.7 * len(events) + 1.4)))
    axes = figure.add_subplot()
    first = pd.to_datetime(events["period_start"])
    last = pd.to_datetime(events["period_end"]) + pd.Timedelta(days=1)
    positions = list(range(len(events)))[::-1]
    for position, begin, end, precision in zip(
        positions, first, last, events["precision"], strict=True
    ):
        if precision == "day":
            axes.scatter([begin], [position], color=EMPHASIS, zorder=3, s=40)
        else:
            axes.barh(position, end - begin, left=begin, height=0.35, color=EMPHASIS, alpha=0.6)
            axes.text(
                end,
                position,
                f"  the whole {precision}",
                va="center",
                fontsize=7,
                color=SOURCE_TEXT,
            )
    axes.hlines(positions, first.min(), first, color=MUTED, linewidth=0.6, zorder=1)
    axes.set_yticks(positions, [textwrap.fill(label, 60) for label in events["label"]], fontsize=8)
    axes.tick_params(axis="y", length=0)
    axes.set_ylim(-0.7, len(events) - 0.3)
    margin = max(pd.Timedelta(days=60), (last.max() - first.min()) * 0.15)
    axes.set_xlim(first.min() - margin, last.max() + margin)
    locator = AutoDateLocator(maxticks=6)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.grid(axis="y", visible=False)
    title(figure, heading)
    figure.tight_layout()
    source_line(figure, source + " Points: a day; bars: the whole week, month or year named.")
    return figure
