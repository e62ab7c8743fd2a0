"""Notebook 02's verdict for every owner of spending claims: the focus country first, then each
other country, then the organisations (`analysis.owned.owners`), each judged only on its own
claims against its own data.

- A country: its claimed target (`spending.claim_terms`) scope by scope, national scopes where
  data/ registers them (Japan) else SIPRI's series (the focus country always, another country
  when it claims a share or a multiple); each share it *reports* for a year ("3.9 percent of
  its GDP this year") against SIPRI's figure for that year, per edition holding it; each amount
  against its own budget or spending (`spending.amount_rows`).
- An organisation (NATO, EU): each share it claims as a collective floor, with how many of its
  members the article names meet it on SIPRI's shares (`collective_rows`); its amounts are not
  compared (data/ holds no organisation's budget).
Every row carries its `owner`; figures come from `reference_data` (files in data/).
"""

from __future__ import annotations

import re

import pandas as pd

from alliance_lib.analysis import owned, spending
from alliance_lib.analysis.reference_data import (
    EDITIONS,
    country_share,
    editions_holding,
    peer_rules,
)
from alliance_lib.text.model import Article, Claim
from alliance_lib.text.owners import capital_mentions

VERDICT_COLUMNS = ["owner", *spending.VERDICT_COLUMNS]
_NUMBER = re.compile(r"\d+(?:\.(\d+))?")


def half_unit(claim: Claim) -> float:
    """Half a unit of the last digit a claim states ("3.9" -> 0.05, "4" -> 0.5): a figure within
    it rounds to the claim."""
    match = _NUMBER.search(claim.text)
    decimals = len(match.group(1) or "") if match else 0
    return 0.5 * 10.0**-decimals


def owner_terms(article: Article, focus: str) -> dict[str, spending.ClaimTerms]:
    """Each country owner's claimed terms (`spending.claim_terms`), the focus country's first."""
    return {
        owner: spending.claim_terms(article, owner)
        for owner in owned.owners(article, focus)
        if owner not in owned.ORGANISATION_CODES
    }


def verdicts(article: Article, focus: str, names: dict[str, str]) -> pd.DataFrame:
    """Every owner's verdict rows, the focus country's first, with an `owner` column;
    `attrs["gdp_basis"]` is the focus country's."""
    dates = owned.Dates(article)
    frames, basis = [], ""
    for owner in owned.owners(article, focus):
        if owner in owned.ORGANISATION_CODES:
            table = organisation_verdict(article, owner, focus, names, dates)
        else:
            table = country_verdict(article, owner, focus, names, dates)
        if owner == focus:
            basis = table.attrs.get("gdp_basis", "")
        if not table.empty:
            frames.append(table.assign(owner=owner))
    if not frames:
        table = pd.DataFrame(columns=VERDICT_COLUMNS)
    else:
        table = pd.concat(frames, ignore_index=True)[VERDICT_COLUMNS]
    table["like_for_like"] = table["like_for_like"].astype("boolean")
    table["multiple"] = table["multiple"].astype(float).round(2)
    table.attrs["gdp_basis"] = basis
    return table


def country_verdict(
    article: Article, owner: str, focus: str, names: dict[str, str], dates: owned.Dates
) -> pd.DataFrame:
    """One country's rows: its scopes (the focus country always; another only when it claims a
    target share or a multiple), its reported shares, its amounts."""
    terms = spending.claim_terms(article, owner)
    pieces = []
    basis = ""
    if owner == focus or terms.sentence is not None:
        scopes = spending.scope_rows(terms, owner, names)
        basis = scopes.attrs["gdp_basis"]
        pieces.append(scopes)
    pieces.append(reported_rows(article, owner, focus, dates))
    pieces.append(spending.amount_rows(article, owner, names))
    table = _joined(pieces)
    table.attrs["gdp_basis"] = basis
    return table


def _joined(pieces: list[pd.DataFrame]) -> pd.DataFrame:
    kept = [p for p in pieces if not p.empty]
    if not kept:
        return pd.DataFrame(columns=spending.VERDICT_COLUMNS)
    return pd.concat(kept, ignore_index=True)


def reported_rows(article: Article, owner: str, focus: str, dates: owned.Dates) -> pd.DataFrame:
    """Each share of GDP the owner reports for a year, against SIPRI's figure for that year in
    every edition holding it (or a row saying no edition does)."""
    rows = []
    for k, share in enumerate(owned.shares(article, owner, focus, dates)):
        if not share.reported:
            continue
        year = int(share.year)  # a reported share has a year
        said = f"{_words(share.bound)}{share.value:g}% of GDP in {year}"
        scope_id = f"reported_s{share.claim.sentence}_{k}"
        held = [e for e in editions_holding(owner) if year in country_share(owner, e).index]
        for edition in held:
            sipri = float(country_share(owner, edition)[year])
            rows.append(
                {
                    "scope_id": f"{scope_id}_{edition}",
                    "scope": f"SIPRI military expenditure, {edition}",
                    "base": f"{year} share of GDP (SIPRI)",
                    "base_value": round(sipri, 3),
                    "end": f"{said} (the article: “{share.claim.text}”)",
                    "end_value": share.value,
                    "unit": "% of GDP",
                    "like_for_like": True,
                    "verdict": f"{said} vs SIPRI's {sipri:.2f}%: {_compared(share, sipri)}",
                    "base_share_of_gdp_pct": round(sipri, 3),
                    "end_share_of_gdp_pct": share.value,
                    "sources": edition,
                    "note": f"a share the article reports for {year}, against SIPRI's figure "
                    "for that year; SIPRI's definition may count less or more than NATO's or "
                    "the government's",
                }
            )
        if not held:
            rows.append(
                {
                    "scope_id": scope_id,
                    "scope": "SIPRI military expenditure",
                    "base": f"{year}: no SIPRI figure in data/",
                    "end": f"{said} (the article: “{share.claim.text}”)",
                    "end_value": share.value,
                    "unit": "% of GDP",
                    "verdict": f"not compared: no SIPRI share for {year} in data/",
                    "sources": "the article",
                    "note": f"no edition in data/ holds {owner}'s share for {year}",
                }
            )
    return spending.verdict_frame(rows)


def _words(bound: str | None) -> str:
    """A bound as the verdict words it ("at least ")."""
    return spending.BOUND_WORDS[bound]


def _compared(share: owned.Share, sipri: float) -> str:
    """A reported share against SIPRI's figure, as a bound or to the claim's precision."""
    difference = share.value - sipri
    if share.bound == "at_least":
        if sipri >= share.value:
            return "SIPRI's meets the claimed floor"
        return f"SIPRI's is {-difference:.2f} points below the claimed floor"
    if share.bound == "at_most":
        if sipri <= share.value:
            return "SIPRI's is within the claimed ceiling"
        return f"SIPRI's is {-difference:.2f} points above the claimed ceiling"
    if abs(difference) <= half_unit(share.claim):
        return "the same to the claim's precision"
    side = "above" if difference > 0 else "below"
    return f"the claim is {abs(difference):.2f} points {side} SIPRI's"


def meets(share: float, target: float, bound: str | None, tolerance: float) -> bool:
    """Whether a country's share meets an organisation's target: at most it for a ceiling,
    within the claim's precision of it for "about", at least it otherwise (a floor)."""
    if bound == "at_most":
        return share <= target
    if bound == "about":
        return abs(share - target) <= tolerance
    return share >= target


def named_countries(article: Article) -> set[str]:
    """The countries the article names, directly or by their capital."""
    found = {e.id for e in article.entities if e.type == "country"}
    return found | {iso3 for _, _, _, iso3, _ in capital_mentions(article.text, article.sentences)}


def _edition_for(codes: list[str]) -> str | None:
    """The newest edition holding every country of `codes` (else the one holding most)."""
    if not codes:
        return None
    held = {e: sum(e in editions_holding(c) for c in codes) for e in EDITIONS}
    return max(reversed(list(EDITIONS)), key=lambda e: held[e]) if any(held.values()) else None


def collective_rows(
    article: Article, owner: str, focus: str, names: dict[str, str], dates: owned.Dates
) -> pd.DataFrame:
    """Each share an organisation claims for its members (NATO's 2% floor), with how many of the
    members the article names meet it on SIPRI's shares, in the newest edition holding them all
    and their latest common year (up to the article's year when it is known)."""
    members = set(peer_rules().organisations.get(owner, ()))
    named = sorted(named_countries(article) & members)
    known = owned.reference_year(article)
    rows = []
    for k, share in enumerate(owned.shares(article, owner, focus, dates)):
        target = f"{_words(share.bound)}{share.value:g}% of GDP"
        row = {
            "scope_id": f"collective_s{share.claim.sentence}_{k}",
            "scope": f"{names.get(owner, owner)}'s collective target, for the member countries "
            "the article names",
            "end": f"{target} (the article: “{share.claim.text}”)",
            "end_value": share.value,
            "unit": "% of GDP",
            "end_share_of_gdp_pct": share.value,
        }
        edition = _edition_for(named)
        series = {c: country_share(c, edition) for c in named} if edition else {}
        series = {c: s for c, s in series.items() if not s.empty}
        if not series:
            rows.append(
                row
                | {
                    "base": "no member country named in the article with SIPRI data",
                    "verdict": "not compared: the article names no member with a SIPRI share",
                    "sources": "the article",
                    "note": f"members of {owner}: data/peers.yaml (organisations)",
                }
            )
            continue
        common = set.intersection(*(set(s.index) for s in series.values()))
        up_to = {y for y in common if known is None or y <= known} or common
        year = int(max(up_to))
        shares = {c: float(s[year]) for c, s in series.items()}
        tolerance = half_unit(share.claim)
        meet = [c for c in sorted(shares) if meets(shares[c], share.value, share.bound, tolerance)]
        miss = [c for c in sorted(shares) if c not in meet]

        rows.append(
            row
            | {
                "base": f"{year} shares of GDP of the {len(shares)} member countries the article names",
                "like_for_like": True,
                "verdict": f"{len(meet)} of {len(shares)} member countries the article names "
                f"meet it on SIPRI's {year} shares",
                "sources": edition,
                "note": f"meet it: {_listed(meet, shares, names)}; not: "
                f"{_listed(miss, shares, names)} (members of {owner}: "
                "data/peers.yaml)",
            }
        )
    return spending.verdict_frame(rows)


def _listed(codes: list[str], shares: dict[str, float], names: dict[str, str]) -> str:
    """Countries with their shares ("Estonia 2.87%, Poland 3.83%"), or "none"."""
    return ", ".join(f"{names.get(c, c)} {shares[c]:.2f}%" for c in codes) or "none"


def organisation_verdict(
    article: Article, owner: str, focus: str, names: dict[str, str], dates: owned.Dates
) -> pd.DataFrame:
    """An organisation's rows: its collective targets, then its amounts (not compared)."""
    return _joined(
        [
            collective_rows(article, owner, focus, names, dates),
            spending.amount_rows(article, owner, names),
        ]
    )
