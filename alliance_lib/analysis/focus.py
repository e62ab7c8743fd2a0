"""The focus country of notebook 02: whose spending the article's spending claims are about.

The rule, first that applies:
1. `claim_owner`: for each spending claim (a share of GDP, a multiple, an amount, a percent in a
   sentence about spending), the owner named in the claim's own clause (a dependent clause such
   as ", which will double ..." looks in the clause it comments on when it names no country):
   a possessive before a spending word ("Japan's defense spending", "Tokyo's budget", "the
   German defence budget") first, else the first country named in the clause ("Germany would
   ... invest more than 2 percent of its GDP"). Capitals count as their country (metonyms, from
   data/capitals.csv). The country owning the most claims wins; ties go to the earliest claim.
2. `spending_sentences`: the country mentioned most often in sentences about spending.
3. `article_mentions`: the country mentioned most often in the article.
4. `default`: `config.DEFAULT_FOCUS_COUNTRY`.
Only countries the data cover can be chosen. One regular expression pass per sentence for
capitals, one pass over the entities: linear in the article's length.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from alliance_lib.analysis.clauses import ClauseIndex
from alliance_lib.analysis.reference_data import capitals
from alliance_lib.analysis.spending import about_spending
from alliance_lib.config import DEFAULT_FOCUS_COUNTRY, OWNED_WITHIN
from alliance_lib.text.model import Article

OWNED_CLAIMS = ("share_of_gdp", "multiplier", "amount", "percent")
_APOSTROPHES = ("’s", "'s", "’", "'")


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


@lru_cache(maxsize=1)
def _capital_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One whole-word alternation of every capital's written forms, and form -> ISO3."""
    forms = {
        form: str(iso3)
        for iso3, written in zip(capitals()["iso3"], capitals()["forms"], strict=True)
        for form in str(written).split("|")
    }
    body = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)"), forms


def mentions(article: Article) -> list[Mention]:
    """Every country mention (gazetteer countries, names and adjectives) and capital, in text order."""
    found = [
        Mention(e.start, e.end, e.text, e.id, e.sentence)
        for e in article.entities
        if e.type == "country"
    ]
    pattern, forms = _capital_pattern()
    for number, sentence in enumerate(article.sentences):
        for match in pattern.finditer(article.text, sentence.start, sentence.end):
            found.append(
                Mention(match.start(), match.end(), match.group(), forms[match.group()], number)
            )
    return sorted(found, key=lambda m: m.start)


def _possessive(text: str, mention: Mention, clause_end: int) -> bool:
    """ "Japan's defense spending", "Tokyo's budget", "German defence budget": the mention owns a
    spending word within the next three words of its clause."""
    tail = text[mention.end : clause_end]
    mark = next((a for a in _APOSTROPHES if tail.startswith(a)), "")
    if not mark and not tail[:1].isspace():
        return False
    words = tail[len(mark) :].split(maxsplit=OWNED_WITHIN)[:OWNED_WITHIN]
    return about_spending(" ".join(words))


def claim_owners(article: Article, available: Collection[str]) -> list[tuple[int, str, Mention]]:
    """(claim index, how, owner mention) for every spending claim whose clause names an owner
    the data cover; `how` quotes the possessive ("“Japan’s defense spending”") or says the
    owner is the country named in the clause."""
    index = ClauseIndex(article)
    found = [m for m in mentions(article) if m.iso3 in available]
    by_clause: dict[int, list[Mention]] = {}
    for mention in found:
        by_clause.setdefault(index.at(mention.start), []).append(mention)
    owners = []
    for number, claim in enumerate(article.claims):
        if claim.type not in OWNED_CLAIMS or not about_spending(
            article.sentences[claim.sentence].text
        ):
            continue
        at = index.at(claim.start)
        for clause in dict.fromkeys((at, index.governing(at))):
            candidates = by_clause.get(clause, [])
            if not candidates:
                continue
            end = index.clauses[clause].end
            owning = [m for m in candidates if _possessive(article.text, m, end)]
            if owning:
                owner = owning[0]
                words = article.text[owner.start : end].split(maxsplit=OWNED_WITHIN + 1)
                last = next(
                    (k for k in range(1, len(words)) if about_spending(words[k])), len(words) - 1
                )
                owners.append((number, "“" + " ".join(words[: last + 1]) + "”", owner))
            else:
                owners.append(
                    (number, f"“{candidates[0].text}” named in the clause", candidates[0])
                )
            break
    return owners


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
        best, count = _most_mentioned([mention for _, _, mention in owners])
        _, how, mention = next(o for o in owners if o[2].iso3 == best)
        return Focus(
            best,
            "claim_owner",
            f"{names.get(best, best)} owns {count} of the {len(owners)} spending claim(s) "
            f"whose own clause names a country; first: {how} (sentence {mention.sentence})",
            mention.sentence,
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
