"""An owner's spending claims as notebook 02's verdict reads them: which claims each country or
organisation owns (`Claim.owner`, read by `text.owners`), in what order the owners are judged,
and, for each share of GDP, the year it is for and whether it reports a year's share or sets a
target.

- Owners: the focus country first, then every other country owning a spending claim (most
  claims first, ties by the first claim), then the organisations (NATO, EU) the same way. In an
  article none of whose spending claims has an owner, the focus country (chosen from mentions)
  owns them all, as before owners were read.
- A share's year is the nearest date in its own clause ("3.9 percent of its GDP ... this year"):
  after "by", "until", "through" or "before" it is the year the target is reached; otherwise,
  when the article's date is known, a year not after it makes the claim a *reported* share,
  set against SIPRI's figure for that year, and a later year is the target's year. Without the
  article's date no share counts as reported (the year may be where a plan starts).
- A bare percent ("it would reach 4 percent next year") in a sentence where the same owner
  claims a share of GDP is read as a share of GDP, unless it is a change ("by 20 percent",
  "a 20 percent increase").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from alliance_lib.text.clauses import ClauseIndex
from alliance_lib.text.model import Article, Claim
from alliance_lib.text.owners import ORGANISATIONS, SPENDING_TYPES, about_spending

ORGANISATION_CODES = frozenset(code for code, _ in ORGANISATIONS.values())
# A year after one of these words is where the claim ends ("by 2026"), not where it starts.
END_MARK = re.compile(r"\b(?:by|until|till|through|before)\s+$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"(?i)\bby\s+(?:(?:about|around|some|more than|over|nearly)\s+)?$")
_CHANGE_AFTER = re.compile(
    r"(?i)\s*(?:increase|rise|jump|growth|cut|drop|decline|boost|more|higher|lower|less|of\b)"
)


@dataclass(frozen=True)
class Share:
    """A share of GDP an owner claims: its value, bound, year and reading."""

    claim: Claim
    value: float
    bound: str | None
    year: int | None  # the year the share is for (a date in its clause), None when none
    end_marked: bool  # the year follows "by", "until"...: the target is reached by then
    reported: bool  # a year's share to check against SIPRI, not a target
    elliptical: bool  # a bare percent read as a share of GDP


def is_spending(article: Article, claim: Claim) -> bool:
    """Whether a claim is a spending claim: a numeric type in a sentence about spending."""
    return claim.type in SPENDING_TYPES and about_spending(article.sentences[claim.sentence].text)


def _any_owned(article: Article) -> bool:
    return any(c.owner is not None for c in article.claims)


def claims_of(article: Article, owner: str, focus: str) -> list[Claim]:
    """The spending claims `owner` owns (every spending claim, for the focus country, in an
    article whose spending claims name no owner at all)."""
    if _any_owned(article):
        return [c for c in article.claims if c.owner == owner]
    if owner != focus:
        return []
    return [c for c in article.claims if is_spending(article, c)]


def owners(article: Article, focus: str) -> list[str]:
    """The owners the verdict judges, in order: the focus first, then the other countries, then
    the organisations, each by number of claims (most first; ties: the first claim first)."""
    counts = Counter(c.owner for c in article.claims if c.owner is not None)
    first: dict[str, int] = {}
    for k, claim in enumerate(article.claims):
        if claim.owner is not None:
            first.setdefault(claim.owner, k)
    others = sorted(
        (o for o in counts if o != focus),
        key=lambda o: (o in ORGANISATION_CODES, -counts[o], first[o]),
    )
    return [focus, *others]


def reference_year(article: Article) -> int | None:
    """The year of the article's date (metadata, date line, dateline or the caller's)."""
    return int(article.reference_date[:4]) if article.reference_date else None


def date_year(claim: Claim) -> int | None:
    """The year a date or fiscal-year claim names ("2023-07", "FY2027" -> 2027), or None."""
    value = str(claim.value)
    if claim.type == "fiscal_year":
        return int(value[2:6])
    if claim.type == "date" and value[:4].isdigit():
        return int(value[:4])
    return None


def end_marked(article: Article, claim: Claim) -> bool:
    """Whether a date follows "by", "until", "through", "before" ("by 2026")."""
    return END_MARK.search(article.text[max(0, claim.start - 10) : claim.start]) is not None


class Dates:
    """The dates of an article by clause, read once: the year nearest to any claim in its clause."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.index = ClauseIndex(article)
        self.by_clause: dict[int, list[Claim]] = {}
        for claim in article.claims:
            if date_year(claim) is not None:
                self.by_clause.setdefault(self.index.at(claim.start), []).append(claim)

    def clause_year(self, claim: Claim) -> tuple[int | None, bool]:
        """(year, end-marked) of the date nearest to `claim` in its own clause, or (None, False)."""
        near = self.by_clause.get(self.index.at(claim.start), [])
        if not near:
            return None, False
        nearest = min(near, key=lambda d: (_gap(d, claim), d.start))
        return date_year(nearest), end_marked(self.article, nearest)


def _gap(date: Claim, claim: Claim) -> int:
    """Characters between a date and a claim ("4.1 percent next year": 1)."""
    return claim.start - date.end if date.end <= claim.start else max(0, date.start - claim.end)


def _elliptical(article: Article, claim: Claim, owned: list[Claim]) -> bool:
    """A bare percent read as a share of GDP (see the module docstring)."""
    if claim.type != "percent":
        return False
    if not any(c.type == "share_of_gdp" and c.sentence == claim.sentence for c in owned):
        return False
    before = article.text[max(0, claim.start - 30) : claim.start]
    after = article.text[claim.end : claim.end + 16]
    return _CHANGE_BEFORE.search(before) is None and _CHANGE_AFTER.match(after) is None


def shares(article: Article, owner: str, focus: str, dates: Dates | None = None) -> list[Share]:
    """Every share of GDP `owner` claims, in text order, with its year and reading."""
    owned = claims_of(article, owner, focus)
    known = reference_year(article)
    dates = dates or Dates(article)
    found = []
    for claim in owned:
        elliptical = _elliptical(article, claim, owned)
        if claim.type != "share_of_gdp" and not elliptical:
            continue
        year, marked = dates.clause_year(claim)
        reported = known is not None and year is not None and not marked and year <= known
        found.append(
            Share(claim, float(claim.value), claim.bound, year, marked, reported, elliptical)
        )
    return found
