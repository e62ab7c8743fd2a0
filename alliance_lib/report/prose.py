"""Finding sentences computed from the analysis tables: no figure in them is typed by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from alliance_lib.text.model import Article


def article_label(article: Article) -> str:
    """The article as a chart's source line names it: its headline, else its file name."""
    return f"“{article.headline}”" if article.headline else Path(article.source).name


def excerpt_flag(article: Article) -> str:
    """The line every notebook's findings open with: is the article whole, or an excerpt?"""
    if article.truncated:
        return (
            "EXCERPT: the article ends in a 'Continue reading...' stub, so it is not the whole "
            "story; every finding below covers only the text shown."
        )
    return "Whole text: the article is not marked as an excerpt."


def shifts_sentence(shifts: pd.DataFrame) -> str:
    """The distinct policy shifts in one line, with the precedents each is said to break."""
    if shifts.empty:
        return "The article reports no policy shift the codebook recognises."
    most = shifts.loc[shifts["sentences"].map(len).idxmax()]
    broken = [
        f"{row.domain_label} ({row.precedent_broken})"
        for row in shifts.itertuples()
        if row.precedent_broken
    ]
    labels = ", ".join(shifts["domain_label"])
    return (
        f"The article reports {len(shifts)} distinct policy shift(s): {labels}. "
        f"The most repeated, {most['domain_label']}, is mentioned in "
        f"{len(most['sentences'])} sentence(s). "
        + (
            "Precedents said to be broken, each from its own clause: " + "; ".join(broken) + "."
            if broken
            else "No clause says a shift breaks a precedent."
        )
    )


def verdict_sentence(table: pd.DataFrame) -> str:
    """One plain sentence summarising the verdict table (built from its numbers)."""
    security = table[table["basis"] == "security_total"].iloc[0]
    mod = table[table["basis"] == "mod_budget"].iloc[0]
    sipri = table[table["basis"] == "sipri"]
    parts = [
        f"The article's claim holds for the broader security-related total, which {security['verdict']} "
        f"and reaches {security['end_share_of_fy2022_gdp_pct']:.2f}% of FY2022 GDP; the Ministry of "
        f"Defense budget alone {mod['verdict']} and reaches {mod['end_share_of_fy2022_gdp_pct']:.2f}%."
    ]
    if not sipri.empty:
        low, high = sipri["ratio"].min(), sipri["ratio"].max()
        parts.append(
            f"On SIPRI's definition the target implies spending x{low:.2f} to x{high:.2f} depending on "
            "the edition, because the editions disagree on Japan's starting share."
        )
    return " ".join(parts)


def peers_sentence(table: pd.DataFrame, names: dict[str, str]) -> str:
    """Where Japan stands among the peers in the latest year all of them report (from the table)."""
    complete = table.dropna()
    if complete.empty or "JPN" not in complete.columns:
        return "No year has figures for Japan and every peer in this edition."
    year = int(complete.index.max())
    row = complete.loc[year]
    others = row.drop("JPN")
    if others.empty:
        return f"In {year} Japan spent {row['JPN']:.2f}% of GDP on its military."
    low, high = others.idxmin(), others.idxmax()
    below = int((others > row["JPN"]).sum())
    return (
        f"In {year} Japan spent {row['JPN']:.2f}% of GDP on its military; {below} of the "
        f"{len(others)} peers spent more. The peers ranged from {others[low]:.2f}% "
        f"({names.get(low, low)}) to {others[high]:.2f}% ({names.get(high, high)})."
    )


def voices_sentence(threats: pd.DataFrame, descriptors: pd.DataFrame) -> str:
    """Who voices the threats the article frames, and where its threat descriptors attach."""
    if threats.empty:
        first = "The article frames no state as a threat (a bare mention is not a threat)."
    else:
        grouped = threats.groupby("voice").agg(
            sentences=("sentence", "nunique"),
            actors=("actor_name", lambda s: ", ".join(dict.fromkeys(s))),
        )
        grouped = grouped.sort_values("sentences", ascending=False, kind="stable")
        listed = "; ".join(
            f"{voice} ({row.sentences} sentence(s): {row.actors})"
            for voice, row in grouped.iterrows()
        )
        quoted = int((threats["voice_kind"] == "quotation").sum())
        first = (
            f"Threats are framed in {threats['sentence'].nunique()} sentence(s), voiced by: "
            f"{listed}. "
            + (
                f"{quoted} of the {len(threats)} threat mention(s) are in direct quotations."
                if quoted
                else "No direct quotation frames a state as a threat."
            )
        )
    if descriptors.empty:
        return first
    attached = int((descriptors["actor"] != "").sum())
    return (
        f"{first} Threat descriptors appear {len(descriptors)} time(s); {attached} attach to a "
        "threat actor in their clause."
    )


def agreement_sentence(table: pd.DataFrame) -> str:
    """Pooled kappa in and out of sample, with their intervals, in one line."""
    pooled = table[table["code"] == "(pooled)"].set_index("sample")
    if pooled.empty:
        return "No hand annotation was available to check the coder against."
    parts = []
    for sample, label in (("in_sample", "in sample"), ("out_of_sample", "out of sample")):
        if sample in pooled.index:
            row = pooled.loc[sample]
            parts.append(
                f"{label} {row['kappa']:.2f} (95% CI {row['kappa_low']:.2f}-{row['kappa_high']:.2f}; "
                f"{int(row['articles'])} article(s), {int(row['sentences'])} sentences)"
            )
    return (
        "The coder's pooled agreement with the hand annotations (Cohen's kappa): "
        + "; ".join(parts)
        + "."
    )
