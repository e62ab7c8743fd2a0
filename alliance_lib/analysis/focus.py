"""The focus country of notebook 02: whose spending the article's spending claims are about.

The rule, first that applies:
1. `claim_owner`: the country owning the most spending claims (a share of GDP, a multiple, an
   amount, a percent, a duration, a fiscal year in a sentence about spending), each claim's
   owner read by the parser in the claim's own clause
   (`text.owners`: a possessive, the clause's subject, capitals as their country; `Claim.owner`);
   ties go to the country of the earliest claim. Organisations (NATO, EU) are never the focus.
2. `spending_sentences`: the country mentioned most often in sentences about spending.
3. `article_mentions`: the country mentioned most often in the article.
4. `default`: `config.DEFAULT_FOCUS_COUNTRY`.
Only countries the data cover can be chosen. One pass over the claims and the entities, one
regular expression pass per sentence for capitals: linear in the article's length.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from alliance_lib.config import DEFAULT_FOCUS_COUNTRY
from alliance_lib.text.model import Article, Claim
from alliance_lib.text.owners import about_spending, capital_mentions


@dataclass(frozen=True, slots=True)
class Mention:
    """A country named in the text, directly or by its capital."""

    start: int
    end: int
    text: str
    iso3: str
    sentence: int


@dataclass(frozen=True)
class Focus:
    """The chosen focus country, the rule that chose it and why, in words."""

    iso3: str
    rule: str  # "parameter", "claim_owner", "spending_sentences", "article_mentions", "default"
    reason: str
    sentence: int | None = None  # the claim sentence that decided it, for `claim_owner`


def mentions(article: Article) -> list[Mention]:
    """Every country mention (gazetteer countries, names and adjectives) and capital, in text order."""
    found = [
        Mention(e.start, e.end, e.text, e.id, e.sentence)
        for e in article.entities
        if e.type == "country"
    ]
    found += [Mention(*capital) for capital in capital_mentions(article.text, article.sentences)]
    return sorted(found, key=lambda m: m.start)


def claim_owners(article: Article, available: Collection[str]) -> list[Claim]:
    """The spending claims whose owner is a country the data cover (only spending claims have
    an owner)."""
    return [c for c in article.claims if c.owner in available]


def _most_mentioned(found: list[Mention]) -> tuple[str, int] | None:
    """The most mentioned country and its count; ties go to the one first in `found` (text
    order for `mentions`, claim order for claim owners)."""
    if not found:
        return None
    counts = Counter(m.iso3 for m in found)
    order: dict[str, int] = {}
    for mention in found:
        order.setdefault(mention.iso3, len(order))
    best = max(counts, key=lambda iso3: (counts[iso3], -order[iso3]))
    return best, counts[best]


def choose_focus(article: Article, available: Collection[str], names: dict[str, str]) -> Focus:
    """The focus country by the rule in this module's docstring, with the reason in words."""
    owners = claim_owners(article, available)
    if owners:
        counts = Counter(c.owner for c in owners)
        earliest: dict[str, Claim] = {}
        for claim in owners:
            earliest.setdefault(str(claim.owner), claim)
        order = list(earliest)
        best = max(counts, key=lambda o: (counts[o], -order.index(o)))  # ties: the earliest
        first = earliest[best]
        return Focus(
            best,
            "claim_owner",
            f"{names.get(best, best)} owns {counts[best]} of the {len(owners)} spending claim(s) "
            f"whose own clause names a country; first: {first.owner_cue} (sentence {first.sentence})",
            first.sentence,
        )
    found = [m for m in mentions(article) if m.iso3 in available]
    spending = [m for m in found if about_spending(article.sentences[m.sentence].text)]
    for rule, pool, where in (
        ("spending_sentences", spending, "sentences about spending"),
        ("article_mentions", found, "the article"),
    ):
        best = _most_mentioned(pool)
        if best is not None:
            iso3, count = best
            return Focus(
                iso3,
                rule,
                f"no spending claim names its owner in its clause; {names.get(iso3, iso3)} is "
                f"the country mentioned most in {where} ({count} mention(s))",
            )
    return Focus(
        DEFAULT_FOCUS_COUNTRY,
        "default",
        "the article names no country the data cover; the project's default "
        f"({names.get(DEFAULT_FOCUS_COUNTRY, DEFAULT_FOCUS_COUNTRY)})",
    )
