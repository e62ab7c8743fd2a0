"""Finding sentences computed from the analysis tables: no figure in them is typed by hand."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from alliance_lib.analysis import owned
from alliance_lib.analysis.coverage import (
    KEYWORD_INDICATOR,
    ClaimsScope,
    claims_carried,
    country_coverage,
    flagged_differences,
    most_carried,
    quote_totals,
    tested_differences,
)
from alliance_lib.analysis.reference_data import EDITIONS, countries_in
from alliance_lib.analysis.spending import BOUND_WORDS, ClaimTerms, SpendingParameters, judge
from alliance_lib.config import NATIONAL_BUDGETS_FILE
from alliance_lib.report.dictionary import MEASURE_LABELS, edition_label
from alliance_lib.report.site import article_title
from alliance_lib.report.tables import threat_voices
from alliance_lib.text.model import Article


def counted(number: int, noun: str) -> str:
    """A count with its noun, plural unless one: '1 article', '48 articles'."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def article_label(article: Article) -> str:
    """The article as a chart's source line names it: its page title, quoted when a headline."""
    name = article_title(article)
    return f"“{name}”" if article.headline else name


def excerpt_flag(article: Article) -> str:
    """The line every notebook's findings open with: is the article whole, or an excerpt?"""
    if article.truncated:
        return (
            "EXCERPT: the article ends in a 'Continue reading...' stub, so it is not the whole "
            "story; every finding below covers only the text shown."
        )
    return "Whole text: the article is not marked as an excerpt."


def overview_sentence(article: Article) -> str:
    """What the parser recovered from the article, in one line (counted from the Article)."""
    names = article.entity_names()
    speakers = list(
        dict.fromkeys(names.get(q.speaker, q.speaker) for q in article.quotes if q.speaker)
    )
    unattributed = sum(q.speaker is None for q in article.quotes)
    quoted = (
        f"{len(article.quotes)} quotation(s) from {', '.join(speakers) or 'no named speaker'}"
        + (f" ({unattributed} unattributed)" if unattributed else "")
        if article.quotes
        else "no quotations"
    )
    return (
        f"The parser recovered {len(article.sentences)} sentences in {len(article.paragraphs)} "
        f"paragraphs, {quoted}, {len(article.entities)} entity mentions of "
        f"{len(names)} entities and {len(article.claims)} numeric or temporal claims, each "
        f"traceable to its sentence; {len(article.removed)} boilerplate line(s) were removed."
    )


def shifts_sentence(shifts: pd.DataFrame) -> str:
    """The distinct policy shifts in one line, each with its category, and the precedents each
    is said to break."""
    if shifts.empty:
        return "The article reports no policy shift the codebook recognises."
    most = shifts.loc[shifts["sentences"].map(len).idxmax()]
    broken = [
        f"{row.domain_label} ({row.precedent_broken})"
        for row in shifts.itertuples()
        if row.precedent_broken
    ]
    labels = ", ".join(f"{row.domain_label} ({row.category})" for row in shifts.itertuples())
    categories = shifts["category"].nunique()
    return (
        f"The article reports {len(shifts)} distinct policy shift(s) in {categories} "
        f"categor{'y' if categories == 1 else 'ies'}: {labels}. "
        f"The most repeated, {most['domain_label']}, is mentioned in "
        f"{len(most['sentences'])} sentence(s). "
        + (
            "Precedents said to be broken, each from its own clause: " + "; ".join(broken) + "."
            if broken
            else "No clause says a shift breaks a precedent."
        )
    )


def focus_sentence(settings: SpendingParameters, names: dict[str, str]) -> str:
    """Which country the notebook examines and why, and how its peers were chosen."""
    peers = ", ".join(names.get(code, code) for code in settings.peers) or "none"
    return f"Focus country: {settings.focus_reason}.\nPeers: {peers} ({settings.peers_reason})."


def terms_sentence(terms: ClaimTerms) -> str:
    """The terms the verdict judges, with where each came from."""
    label = "FY" if terms.fiscal else ""
    judged = f"Judged: x{terms.multiple:g}" if terms.multiple else "Judged: no multiple claimed"
    span = (
        f"from {label}{terms.base_year} to {label}{terms.end_year}"
        if terms.base_year is not None and terms.end_year is not None
        else (f"by {label}{terms.end_year}" if terms.end_year is not None else "no year claimed")
    )
    share = (
        f"to {terms.target_share:g}% of GDP"
        if terms.target_share is not None
        else "no share of GDP claimed"
    )
    return f"{judged} {span}, {share}; terms from {terms.source}."


def no_budget_sentence(iso3: str, name: str) -> str:
    """The one sentence shown instead of the national budget sections."""
    return (
        f"No national budget series for {name} in data/: the sections on ministry budgets and "
        f"plans run only for countries listed in {NATIONAL_BUDGETS_FILE.name} (add {iso3} there "
        "with its budget file, and its sources in data/SOURCES.md)."
    )


def _amount_sentences(table: pd.DataFrame, name: str) -> list[str]:
    """One sentence per amount row of the verdict table (against spending or a national budget)."""
    parts = []
    amounts = table[table["scope_id"].str.startswith(("amount_", "budget_"))]
    for row in amounts.itertuples():
        if row.scope_id.startswith("budget_"):
            year, _, measure = row.base.partition(" initial budget, ")
            parts.append(
                f"The amount {row.end} is {row.verdict} ({year}: "
                f"{MEASURE_LABELS.get(measure, measure)}, {row.base_value:.2f} {row.unit}; "
                f"{row.sources.split('; ')[-1]})."
            )
        elif pd.notna(row.like_for_like) and bool(row.like_for_like):
            parts.append(
                f"The amount {row.end} is {row.verdict} ({possessive(name)} military spending that year: "
                f"{row.base_value:.2f} {row.unit}, "
                f"{edition_label(row.sources.split('; ')[-1], short=True)}); {row.note}."
            )
        else:
            parts.append(f"The amount {row.end} is not compared: {row.note}.")
    return parts


def _reported_sentences(table: pd.DataFrame, name: str) -> list[str]:
    """One sentence per share the article reports for a year, against SIPRI's (by edition)."""
    reported = table[table["scope_id"].str.startswith("reported_")]
    parts = []
    for row in reported.itertuples():
        where = edition_label(row.sources, short=True) if row.sources in EDITIONS else "data/"
        parts.append(f"{possessive(name)} reported {row.verdict} ({where}).")
    return parts


def _collective_sentences(table: pd.DataFrame, name: str) -> list[str]:
    """One sentence per collective target of an organisation."""
    rows = table[table["scope_id"].str.startswith("collective_")]
    parts = []
    for row in rows.itertuples():
        target = row.end.split(" (the article")[0]
        if pd.isna(row.like_for_like):
            parts.append(f"{possessive(name)} {target}: {row.verdict}.")
            continue
        parts.append(
            f"{possessive(name)} {target}: {row.verdict} "
            f"({edition_label(row.sources, short=True)}; {row.note.split(' (members')[0]})."
        )
    return parts


def focus_verdict_sentence(table: pd.DataFrame, terms: ClaimTerms, name: str) -> str:
    """The verdict in plain words for one country: the national scopes' sentence where the
    table has them, else SIPRI's (when it has SIPRI rows); then its reported shares and its
    amounts. Every figure is taken from the table."""
    parts = []
    if "article_comparison" in set(table["scope_id"]):
        parts.append(verdict_sentence(table, terms))
    elif table["scope_id"].str.startswith("sipri_").any():
        parts.append(sipri_verdict_sentence(table, terms, name))
    parts += _reported_sentences(table, name)
    return " ".join([*parts, *_amount_sentences(table, name)])


def possessive(name: str) -> str:
    """A name's possessive: "Poland's", "United States'"."""
    return name + ("'" if name.endswith("s") else "'s")


def owners_sentence(
    article: Article, claims: pd.DataFrame, focus: str, names: dict[str, str]
) -> str:
    """Who owns the article's spending claims (`spending_claims` rows), in the order the verdict
    judges them (`analysis.owned.owners`), and how many have no single owner (not judged)."""
    owners = claims["owner"].dropna()
    if owners.empty:
        if claims.empty:
            return "The article makes no spending claim."
        return (
            "No spending claim names its owner in its own clause: the focus country's verdict "
            "judges them all."
        )
    counts = owners.value_counts()
    order = [o for o in owned.owners(article, focus) if o in counts.index]
    listed = ", ".join(
        f"{names.get(o, o)} {counts[o]}" + (" (the focus)" if o == focus else "") for o in order
    )
    unowned = len(claims) - len(owners)
    tail = f"; {counted(unowned, 'claim')} with no single owner, not judged" if unowned else ""
    return f"Spending claims by owner: {listed}{tail}."


def verdict_caption(owner: str, focus: str, names: dict[str, str]) -> str:
    """The caption of one owner's verdict table."""
    name = names.get(owner, owner)
    if owner == focus:
        return f"Spending verdict for {name}, scope by scope"
    return f"{name}: its own claims, judged on its own data"


def verdicts_sentence(
    table: pd.DataFrame, terms: dict[str, ClaimTerms], focus: str, names: dict[str, str]
) -> str:
    """The Result of notebook 02: the focus country's verdict first (or, when it owns no claim,
    that the article's claims belong to others), then each other owner's, on its own claims."""
    name = names.get(focus, focus)
    others = [o for o in dict.fromkeys(table["owner"]) if o != focus]
    mine = table[table["owner"] == focus]
    if others and terms[focus].sentence is None and not _has_claims(mine):
        listed = ", ".join(names.get(o, o) for o in others)
        parts = [
            f"The article's claims belong to {listed}, not {name}: it makes no spending claim "
            f"about {name}, and no other country's claim is judged as {name}'s."
        ]
    else:
        parts = [focus_verdict_sentence(mine, terms[focus], name)]
    for owner in others:
        rows = table[table["owner"] == owner]
        owner_name = names.get(owner, owner)
        if owner in terms:
            said = focus_verdict_sentence(rows, terms[owner], owner_name)
        else:
            said = " ".join(
                _collective_sentences(rows, owner_name) + _amount_sentences(rows, owner_name)
            )
        if said:
            parts.append(f"{owner_name} (on its own claims): {said}")
    return " ".join(parts)


def _has_claims(rows: pd.DataFrame) -> bool:
    """Whether an owner's rows judge any claim of its own (amounts, reported shares)."""
    return rows["scope_id"].str.startswith(("amount_", "budget_", "reported_")).any()


def sipri_verdict_sentence(table: pd.DataFrame, terms: ClaimTerms, name: str) -> str:
    """The claim judged on the country's SIPRI series (latest or claimed base year), bounds kept
    ("at least 2% of GDP ... would take at least x1.32"); the multiple it takes is judged against
    a claimed multiple ("it falls short of doubling")."""
    sipri = table[table["scope_id"].str.startswith("sipri_")]
    word = BOUND_WORDS[terms.bound]
    said = [
        text
        for text, present in (
            (f"x{terms.multiple:g}" if terms.multiple else "", terms.multiple),
            (f"from {terms.base_year}", terms.base_year),
            (f"by {terms.end_year}", terms.end_year),
            (
                f"to {word}{terms.target_share:g}% of GDP"
                if terms.target_share is not None
                else "",
                terms.target_share is not None,
            ),
        )
        if present
    ]
    if sipri.empty:
        return f"No SIPRI edition in data/ holds {name}: the claim cannot be checked."
    levels = ", ".join(
        f"{row.base_value:.2f}% of GDP in {row.base[:4]} ({edition_label(row.sources, short=True)})"
        for row in sipri.itertuples()
    )
    latest = "" if terms.base_year is not None else ", the latest year of each edition"
    if terms.base_year is None and terms.reference_year is not None:
        latest += f" up to the article's {terms.reference_year}"
    first = (
        f"The article's claim about {name} ({', '.join(said) or 'no multiple or share of GDP'}) "
        f"judged on SIPRI's series: {name} spent {levels}{latest}."
    )
    if not said:
        return first + " The article states no target share or multiple to check against them."
    low, high = sipri["multiple"].min(), sipri["multiple"].max()
    span = f"x{low:.2f}" if low == high else f"x{low:.2f} to x{high:.2f}, depending on the edition"
    if terms.target_share is not None:
        when = f" by {terms.end_year}" if terms.end_year else ""
        second = (
            f"Reaching {word}{terms.target_share:g}% of GDP{when} at a fixed GDP would take "
            f"{word}{span}"
        )
        if terms.multiple:
            labels = list(dict.fromkeys(judge(m, terms.multiple) for m in sipri["multiple"]))
            second += ": it " + (
                labels[0] if len(labels) == 1 else " / ".join(labels) + " (by edition)"
            )
        return f"{first} {second}."
    implied = ", ".join(f"{row.end_share_of_gdp_pct:.1f}%" for row in sipri.itertuples())
    return f"{first} At a fixed GDP, x{terms.multiple:g} would take the share to {implied} of GDP."


def verdict_sentence(table: pd.DataFrame, terms: ClaimTerms) -> str:
    """The verdict in plain words, every figure taken from the verdict table."""
    rows = table.set_index("scope_id")
    sipri = table[table["scope_id"].str.startswith("sipri_")]
    if terms.multiple is None:
        said = (
            "The article claims no multiple of spending to judge; the table measures each scope "
            f"from FY{terms.base_year} to FY{terms.end_year} for reference."
        )
        if terms.sentence is not None and terms.target_share is not None and not sipri.empty:
            said += " " + _sipri_span(sipri, terms)
        return said
    mixed = rows.loc["article_comparison"]
    defence = rows.loc[["defence_excl_saco", "defence_incl_saco"]]
    labels = list(dict.fromkeys(defence["verdict"]))
    label = labels[0] if len(labels) == 1 else " / ".join(labels) + " (excl. / incl.)"
    parts = [
        f"The article's claim (x{terms.multiple:g} by FY{terms.end_year}, to {terms.target_share:g}% of GDP) compares a narrow "
        f"FY{terms.base_year} base, the defence budget ({mixed['base_value']:.2f} tn yen, about "
        f"{mixed['base_share_of_gdp_pct']:.1f}% of FY2022 GDP), with a broad FY{terms.end_year} "
        f"target, the security-related total ({mixed['end_value']:.1f} tn yen, "
        f"{mixed['end_share_of_gdp_pct']:g}% of GDP by definition): x{mixed['multiple']:.2f}.",
        f"Like for like, the defence budget grows x{defence['multiple'].min():.2f} to "
        f"x{defence['multiple'].max():.2f} (including and excluding SACO/US-realignment costs): it "
        f"{label}, reaching about {defence['end_share_of_gdp_pct'].max():.1f}% of FY2022 GDP. "
        + (
            f"The security-related total has no FY{terms.base_year} figure in data/, so that "
            "scope's own growth cannot be measured."
            if pd.isna(rows.loc["security_related", "multiple"])
            else f"The security-related total itself grows x{rows.loc['security_related', 'multiple']:.2f}."
        ),
    ]
    if not sipri.empty:
        parts.append(_sipri_span(sipri, terms))
    return " ".join(parts)


def _sipri_span(sipri: pd.DataFrame, terms: ClaimTerms) -> str:
    """What reaching the target share takes on SIPRI's definition, across the editions."""
    word = BOUND_WORDS[terms.bound]
    return (
        f"On SIPRI's definition, reaching {word}{terms.target_share:g}% of GDP by "
        f"{terms.end_year} at a fixed GDP would take {word}x{sipri['multiple'].min():.2f} to "
        f"x{sipri['multiple'].max():.2f}, depending on the edition."
    )


def scenario_sentence(summary: dict) -> str:
    """The scenario's one-line summary: a parameterised what-if, not the verdict."""
    return (
        f"Scenario (a what-if set by the notebook's parameters, not the verdict): from "
        f"{summary['base_share_pct']:.2f}% of GDP in {summary['base_year']} "
        f"({edition_label(summary['sipri_edition'], short=True)}) to {summary['target_share_pct']:g}% in "
        f"{summary['target_year']}, with nominal GDP growing {summary['nominal_gdp_growth_pct']:g}% "
        f"a year, spending grows x{summary['spending_multiple']:.2f}, "
        f"{summary['implied_annual_spending_growth_pct']:.1f}% a year."
    )


@dataclass(frozen=True)
class Standing:
    """The focus country among its peers in one year: its share of GDP and the peers'."""

    year: int
    share: float  # the focus country's share of GDP that year
    peers: pd.Series  # each peer reporting that year: its share of GDP, by ISO3 code

    @property
    def above(self) -> int:
        """How many peers spent a larger share than the focus country."""
        return int((self.peers > self.share).sum())

    @property
    def low(self) -> str:
        """The peer with the smallest share."""
        return self.peers.idxmin()

    @property
    def high(self) -> str:
        """The peer with the largest share."""
        return self.peers.idxmax()


def standing(table: pd.DataFrame, focus: str) -> Standing | None:
    """Where `focus` stands in a share-of-GDP table (years x ISO3 codes): the latest year every
    country reports, else the focus country's latest year among the peers reporting it; None
    when the table holds no share for the focus country (the title's and sentence's figures)."""
    if focus not in table.columns or table[focus].dropna().empty:
        return None
    complete = table.dropna()
    year = int(complete.index.max() if not complete.empty else table[focus].dropna().index.max())
    row = table.loc[year].dropna()
    return Standing(year, float(row[focus]), row.drop(focus))


def peers_sentence(table: pd.DataFrame, names: dict[str, str], focus: str) -> str:
    """Where the focus country stands among the peers in the latest year all of them report
    (its name from `names`, else SIPRI's)."""
    name = names.get(focus) or countries_in().get(focus, focus)
    if table.dropna().empty or focus not in table.columns:
        return f"No year has figures for {name} and every peer in this edition."
    found = standing(table, focus)
    said = f"In {found.year} {name} spent {found.share:.2f}% of GDP on its military"
    if found.peers.empty:
        return f"{said}."
    low, high = found.low, found.high
    return (
        f"{said}; {found.above} of the {len(found.peers)} peers spent more. The peers ranged "
        f"from {found.peers[low]:.2f}% ({names.get(low, low)}) to {found.peers[high]:.2f}% "
        f"({names.get(high, high)})."
    )


def unresolved_sentence(events: pd.DataFrame) -> str:
    """The dates the article leaves open (`timeline.dated_events`), each with the rule that
    would resolve it, or that every date is resolved."""
    unresolved = events[~events["resolved"]]
    if unresolved.empty:
        return "Every date is resolved."
    return "Unresolved: " + "; ".join(
        f"{row.as_written!r} ({row.note})" for row in unresolved.itertuples()
    )


def sentences_by_voice(voices: list[str]) -> str:
    """How many sentences each voice voices (`voice.sentence_voices`), voices by name."""
    return "Sentences by voice: " + ", ".join(
        f"{name} {voices.count(name)}" for name in sorted(set(voices))
    )


def voices_sentence(threats: pd.DataFrame, descriptors: pd.DataFrame) -> str:
    """Who voices the threats the article frames, the frames it rejects, and where its threat
    descriptors attach (`threats`: the threat coder's table)."""
    framed = threats[threats["label"] == "threat"]
    rejected = threats[threats["label"] == "rejected"]
    if framed.empty:
        first = "The article frames no state as a threat (a bare mention is not a threat)."
    else:
        # the findings table's voices, most sentences first and ties by voice (not by frames)
        grouped = threat_voices(framed).sort_values(
            ["sentences", "voice"], ascending=[False, True], kind="stable"
        )
        listed = "; ".join(
            f"{row.voice} ({row.sentences} sentence(s): {row.states})"
            for row in grouped.itertuples()
        )
        quoted = int((framed["voice_how"] == "direct").sum())
        first = (
            f"Threats are framed in {framed['sentence'].nunique()} sentence(s), "
            f"{len(framed)} (sentence, state) frame(s), voiced by: {listed}. "
            + (
                f"{quoted} of the {len(framed)} frame(s) are in direct quotations."
                if quoted
                else "No direct quotation frames a state as a threat."
            )
        )
    if not rejected.empty:
        first += (
            f" {len(rejected)} threat frame(s) are rejected (denied, dismissed or mocked): "
            + "; ".join(
                f"{row.state_name} by {row.voice}"
                for row in rejected.drop_duplicates(["state", "voice"]).itertuples()
            )
            + "."
        )
    if descriptors.empty:
        return first
    attached = int((descriptors["state"] != "").sum())
    return (
        f"{first} Threat descriptors appear {len(descriptors)} time(s); {attached} attach to a "
        "state framed as a threat in their clause."
    )


def validity_sentence(frames: int, validity: Mapping[str, Any]) -> str:
    """How far a count of threat frames can be trusted, from the coder's agreement with people
    on real news it was not tuned on (`data/threat_validity.json`, its unseen part)."""
    unseen = validity["parts"]["unseen"]
    precision, recall, f1 = (unseen[k] for k in ("threat_precision", "threat_recall", "threat_f1"))
    if precision is None or recall is None or f1 is None:
        return "Reliability: the coder's agreement with people on real news is not measured."
    return (
        f"Reliability: on real news it was not tuned on (PolNeAR, {unseen['articles']} articles, "
        f"{unseen['gold_threat']} frames marked by hand), {precision:.0%} of the frames the coder "
        f"finds were marked by a person and it finds {recall:.0%} of theirs (F1 {f1:.2f}; two "
        f"people agreed at about 0.71), so the count of {frames} frame(s) is an estimate that "
        "can be off by a frame or more either way, not an exact tally."
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


# --- notebook 05: coverage of one event across outlets ------------------------------------------


def _percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def corpus_excerpt_flag(funnel: pd.DataFrame) -> str:
    """The corpus's excerpt line: how many compared articles (per outlet) end in a 'Continue
    reading...' stub, which leaves them fewer claims, quotations and codes to count."""
    compared = funnel[funnel["compared"] > 0]
    total, excerpts = int(compared["compared"].sum()), int(compared["excerpts"].sum())
    if total == 0:
        return "Compared articles: none, so none is an excerpt."
    if excerpts == 0:
        return (
            f"Compared articles: whole texts; none of the {total} ends in a 'Continue "
            "reading...' stub."
        )
    by_outlet = ", ".join(
        f"{row.outlet} {row.excerpts} of {row.compared}"
        for row in compared.itertuples()
        if row.excerpts
    )
    return (
        f"Compared articles: EXCERPTS; {excerpts} of the {total} end in a 'Continue reading...' "
        f"stub ({by_outlet}); an excerpt carries fewer claims, quotations and codes than the "
        "whole story, so its outlet is under-counted."
    )


def _differences_clause(
    differences: pd.DataFrame, alpha: float, shown: int, min_code_articles: int, merged: int
) -> str:
    """The outlet differences flagged beyond chance among the codes tested, largest effect
    first, each with its effect size in words; what was not tested and why."""
    if differences.empty:
        return (
            "No compared sentence carries a threat actor or a framing code: no difference "
            "between outlets was tested."
        )
    keywords = (differences["kind"] == KEYWORD_INDICATOR).any()
    untested = (
        " Framing functions and frame dimensions are keyword indicators (dictionary matches not "
        "validated against human coding), shown but not tested."
        if keywords
        else ""
    )
    tested = tested_differences(differences)
    support = f"carried by at least {counted(min_code_articles, 'article')}"
    if tested.empty:
        return f"No difference between outlets was tested: no threat actor is {support}.{untested}"
    once = f"; {_copies(merged)} merged into their stories" if merged else ""
    test = f"permutation test, Holm-adjusted p < {alpha:g}{once}"
    scope = f"{counted(len(tested), 'threat actor')} tested ({support}; {test})"
    flagged = flagged_differences(differences)
    if flagged.empty:
        return f"No difference between outlets is beyond chance on any of the {scope}.{untested}"
    listed = "; ".join(
        f"{row.code_label} (Cramér's V {row.cramers_v:.2f}, {row.effect}; most in "
        f"{row.highest}, least in {row.lowest})"
        for row in flagged.head(shown).itertuples()
    )
    more = f"; and {len(flagged) - shown} more" if len(flagged) > shown else ""
    return (
        f"Outlets differ beyond chance on {len(flagged)} of the {scope}: {listed}{more}.{untested}"
    )


def one_outlet(funnel: pd.DataFrame, min_articles: int) -> str:
    """Why outlets are not compared when the selection leaves one: the others had fewer than
    `min_articles` selected articles (named with their counts) or none."""
    compared = funnel[funnel["compared"] > 0]
    outlet = compared["outlet"].iloc[0]
    matched = int(funnel["with_keywords"].sum())
    left = funnel[(funnel["compared"] == 0) & (funnel["with_keywords"] > 0)]
    others = (
        " (" + ", ".join(f"{row.outlet} {row.with_keywords}" for row in left.itertuples()) + ")"
        if not left.empty
        else ""
    )
    return (
        f"Only {outlet} has at least min_articles_per_outlet ({min_articles}) of the "
        f"{counted(matched, 'article')} selected; the other outlets have fewer{others} or none, "
        "so no difference between outlets can be tested."
    )


def _copies(number: int) -> str:
    return f"{number} wire {'copy' if number == 1 else 'copies'}"


def copies_line(copies: pd.DataFrame) -> str:
    """How many compared articles are wire copies of another, and how the tests count them."""
    if copies.empty:
        return "Wire copies: none (no two compared articles share half their 5-word runs)."
    merged = int((~copies["kept"].astype(bool)).sum())
    return (
        f"Wire copies: {counted(copies['group'].nunique(), 'group')} of near-identical articles "
        f"({len(copies)} articles); the tests of difference count each group once, so "
        f"{_copies(merged)} {'is' if merged == 1 else 'are'} left out of them."
    )


def nothing_compared(funnel: pd.DataFrame, min_articles: int) -> str:
    """Why no outlet is compared: nothing in the corpus, nothing in the dates, no keyword in the
    dated articles, or matching articles spread over outlets that each have too few."""
    articles, dated = int(funnel["articles"].sum()), int(funnel["in_dates"].sum())
    matched = int(funnel["with_keywords"].sum())
    if articles == 0:
        return "The corpus holds no article, so no outlets are compared."
    if dated == 0:
        return (
            f"No article matched the selection: none of the {counted(articles, 'article')} in "
            "the corpus is published within date_from and date_to, so no outlets are compared."
        )
    if matched == 0:
        return (
            f"No article matched the selection: none of the {counted(dated, 'article')} in the "
            "dates holds a keyword, so no outlets are compared."
        )
    having = funnel[funnel["with_keywords"] > 0]
    spread = ", ".join(f"{row.outlet} {row.with_keywords}" for row in having.itertuples())
    return (
        f"{counted(matched, 'article')} matched the keywords and dates, but every outlet had "
        f"fewer than min_articles_per_outlet ({min_articles}) of them ({spread}), so no "
        "outlets are compared."
    )


def _quoted_clause(by_person: pd.DataFrame, speakers: pd.DataFrame) -> str:
    """The most quoted person across the compared articles, among the attributions to people;
    the attributions naming no person are counted apart (`speakers`: per outlet)."""
    total = int(speakers["attributions"].sum()) if not speakers.empty else 0
    if total == 0:
        return (
            "The compared articles attribute nothing to anyone (no quotation, no reported speech)."
        )
    apart = (
        f"a further {total - int(speakers['to_people'].sum())} of the {total} attributions name "
        f"no person ({int(speakers['unnamed'].sum())} only a description, an unresolved "
        f"pronoun or no source; {int(speakers['to_organisations'].sum())} an organisation or "
        f"group; {int(speakers['to_states'].sum())} a state)"
    )
    if by_person.empty:
        return f"No attribution in the compared articles names a person; {apart}."
    totals = quote_totals(by_person, "person")
    top = totals.index[0]  # ties: by name
    outlets = by_person.loc[by_person["person"] == top, "outlet"].nunique()
    every = speakers["outlet"].nunique()
    to_people = int(by_person["attributions"].sum())
    return (
        f"Most quoted: {top} ({int(totals[top])} of the {to_people} attributions to people, "
        f"{_percent(totals[top], to_people)}; quoted by {outlets} of the {every} outlets); "
        f"{apart}."
    )


def country_coverage_line(speakers: pd.DataFrame, min_coverage: float) -> str:
    """How many of the compared attributions have a speaker whose country is known, and whether
    that is enough for a finding on speakers' countries (`min_country_coverage`)."""
    total = int(speakers["attributions"].sum()) if not speakers.empty else 0
    if total == 0:
        return "Speakers' countries: no attribution to look at."
    known = country_coverage(speakers)
    verdict = (
        "enough for a finding"
        if known >= min_coverage
        else "too few for a finding: the table below is shown, no country finding is drawn"
    )
    return (
        f"Speakers' countries: known for {int(speakers['with_country'].sum())} of the {total} "
        f"attributions ({known:.0f}%; min_country_coverage {min_coverage:g}%): {verdict}."
    )


def _countries_clause(
    by_country: pd.DataFrame, speakers: pd.DataFrame, min_coverage: float
) -> list[str]:
    """The most quoted country, when speakers' countries are known for enough of the
    attributions; else that they are not (no country finding)."""
    if speakers.empty or int(speakers["attributions"].sum()) == 0:
        return []
    known = country_coverage(speakers)
    if known < min_coverage or by_country.empty:
        return [
            f"Speakers' countries are known for {known:.0f}% of the attributions, under the "
            f"{min_coverage:g}% set by min_country_coverage, so no country finding is drawn."
        ]
    totals = quote_totals(by_country, "country")
    top = totals.index[0]
    with_country = int(by_country["attributions"].sum())
    return [
        f"Most quoted country: {top} ({int(totals[top])} of the {with_country} attributions "
        f"whose speaker's country is known, {_percent(totals[top], with_country)}; known for "
        f"{known:.0f}% of the attributions)."
    ]


def claims_scope_line(scope: ClaimsScope, key: pd.DataFrame, article: Article) -> str:
    """Which of the reference article's claims are looked for, and how near the compared
    articles are to its date and topic (notebook 05, before the key claims table)."""
    looked = (
        f"Key claims: {len(key)} of the reference article's {len(article.claims)} claims "
        "(those about whose spending, share or target it is; dates and claims with no owner "
        "are not looked for)"
    )
    if key.empty:
        return looked + "."
    day = f"{scope.day.day} {scope.day:%B %Y}" if scope.day else "not known"
    near = (
        f"; {scope.near} of the {scope.dated} dated compared articles within {scope.window} days"
        if scope.day and scope.dated
        else ""
    )
    owners = " or ".join(scope.owners)
    return (
        f"{looked}. Its date: {day}{near}; {scope.naming} of the {scope.compared} compared "
        f"articles name {owners}. "
        + (
            f"Not ranked: {scope.reason()}."
            if scope.reason()
            else "Ranked: the compared articles are near its date and topic."
        )
    )


def _claims_clause(claims: pd.DataFrame, reason: str | None = None) -> str:
    """The reference article's claim carried by the most compared articles, or why its claims
    are not ranked (`reason`: the compared articles are far from its date or its topic)."""
    if claims.empty:
        return (
            "The reference article makes no claim about whose spending it is (a share of GDP, "
            "a multiple, an amount with its owner) to look for."
        )
    if reason:
        return f"The reference article's claims are not ranked: {reason}."
    carried, articles = claims_carried(claims)
    best, carrying = most_carried(claims)
    if carrying == 0:
        return (
            f"None of the reference article's {len(carried)} claims appears in a compared article."
        )
    outlets = int((claims.loc[claims["claim"] == best, "articles_carrying"] > 0).sum())
    every = claims["outlet"].nunique()
    absent = int((carried == 0).sum())
    return (
        f"The reference article's most carried claim: {best}, in {carrying} of the "
        f"{articles} articles ({_percent(carrying, articles)}; {outlets} of the {every} "
        f"outlets); {absent} of its {len(carried)} claims appear in none."
    )


def coverage_sentence(
    funnel: pd.DataFrame,
    differences: pd.DataFrame,
    by_person: pd.DataFrame,
    claims: pd.DataFrame,
    alpha: float,
    *,
    min_articles: int,
    min_code_articles: int,
    speakers: pd.DataFrame,
    by_country: pd.DataFrame,
    min_country_coverage: float,
    scope: ClaimsScope | None = None,
    merged: int = 0,
    shown: int = 3,
) -> str:
    """Notebook 05's Result: the outlets compared, the differences flagged beyond chance with
    their effect sizes (the `shown` largest) among the threat actors carried by at least
    `min_code_articles` articles (`merged` wire copies left out), the most quoted person (and
    how many attributions name no person: `speakers`, `coverage.speaker_summary`), the most
    quoted country when speakers' countries are known for at least `min_country_coverage` %
    of the attributions (else that they are not), and the reference article's most carried
    claim, unless the compared articles are far from its date or its topic (`scope`: then
    that); or why nothing is compared, or only one outlet (selection by `min_articles` per
    outlet). Every figure from the tables."""
    compared = funnel[funnel["compared"] > 0]
    if compared.empty:
        return nothing_compared(funnel, min_articles)
    outlets = ", ".join(f"{row.outlet} {row.compared}" for row in compared.itertuples())
    first = (
        f"{counted(int(compared['compared'].sum()), 'article')} from "
        f"{counted(len(compared), 'outlet')} compared ({outlets})."
    )
    return " ".join(
        [
            first,
            one_outlet(funnel, min_articles)
            if len(compared) == 1
            else _differences_clause(differences, alpha, shown, min_code_articles, merged),
            _quoted_clause(by_person, speakers),
            *_countries_clause(by_country, speakers, min_country_coverage),
            _claims_clause(claims, scope.reason() if scope is not None else None),
        ]
    )
