"""The owner of every spending claim (issue 20; `text/owners.py`): whose money, share or target
it is, read in the claim's own clause, null when the clause names several owners or none."""

from __future__ import annotations

import pytest

from alliance_lib import parse_article


def _owners(text: str, kind: str | None = None) -> list[tuple[str, str | None]]:
    return [
        (c.text, c.owner)
        for c in parse_article(text).claims
        if c.owner_cue is not None and (kind is None or c.type == kind)
    ]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # a possessive before a spending word, before or after the claim
        ("Japan's defense spending will reach 2 percent of GDP.", "JPN"),
        ("The government agreed to double Japan's defense spending.", "JPN"),
        ("Britain's 2.5 percent of GDP pledge was welcomed.", "GBR"),
        ("The German defence budget will double by 2030.", "DEU"),
        # capitals and governments as their country
        ("Warsaw is expected to spend 3.9 percent of its GDP this year.", "POL"),
        ("Kishida's government agreed to spend 2 percent of GDP on defense.", "JPN"),
        # the subject of the clause, "its" resolved to it
        ("Germany would invest more than 2 percent of its GDP in defence.", "DEU"),
        # the subject after a reporting verb, not the one who reports
        ("US officials said Japan will spend 2 percent of GDP on defense.", "JPN"),
        # a preposition makes a country an object, not the owner
        ("Unlike France, Germany will spend 2 percent of GDP on defence.", "DEU"),
        ("The United States will give $5 billion in military aid to Ukraine.", "USA"),
        # a dependent clause naming no one looks in the clause it comments on
        ("Poland approved a plan, which will double military spending by 2026.", "POL"),
        # the previous sentence's subject for "its"
        ("Poland is spending more than any ally. It plans to spend 4 percent of its GDP.", "POL"),
        # a country inside the share of GDP owns it
        ("Defence spending could fall to 1.2 percent of Italy's gross domestic product.", "ITA"),
        # a clause naming no owner looks in the clause before it in its sentence
        (
            "Rome's plan to recruit sailors, and a later promise to spend up to 90 billion euros "
            "on ships were praised by EU partners.",
            "ITA",
        ),
        # a subject after the claim opens a clause about it ("that EU members promised")
        ("Defence spending remains short of the 3 percent that EU members promised.", "EU"),
        # listed objects of a preposition are all objects
        (
            "Imports from China and the United States reached 2 percent of GDP in Canada's budget.",
            "CAN",
        ),
    ],
)
def test_the_owner_is_read_in_the_claims_clause(text, owner):
    found = _owners(text)
    assert found and {o for _, o in found} == {owner}, found


@pytest.mark.parametrize(
    "text",
    [
        "Estonia, Lithuania and Latvia already spend above 2 percent of GDP.",
        "Germany and Lithuania will raise their defence budgets by 10 percent.",
        "Spending on the military will double over five years, officials said.",
    ],
)
def test_several_owners_or_none_give_no_owner(text):
    found = parse_article(text).claims
    owned = [c for c in found if c.owner_cue is not None]
    assert owned and all(c.owner is None for c in owned)
    assert all(c.owner_cue.startswith(("several owners", "no country")) for c in owned)


def test_allies_are_the_alliance_the_article_names():
    text = (
        "NATO leaders met in Vilnius on Tuesday. "
        "The allies agreed to spend at least 2 percent of GDP on defence."
    )
    [(said, owner)] = _owners(text, "share_of_gdp")
    assert owner == "NATO"
    claim = next(c for c in parse_article(text).claims if c.type == "share_of_gdp")
    assert "NATO" in claim.owner_cue and claim.bound == "at_least"


def test_after_a_bilateral_alliance_the_alliance_is_several_countries():
    text = (
        "NATO allies watched the summit. Japan and the United States expanded their alliance. "
        "The alliance will spend 2 percent of GDP on joint defense projects."
    )
    [claim] = [c for c in parse_article(text).claims if c.type == "share_of_gdp"]
    assert claim.owner is None and "bilateral" in claim.owner_cue


def test_in_the_seed_every_spending_claim_is_japans_and_the_alliance_is_not_nato(seed):
    owned = [c for c in seed.claims if c.owner_cue is not None]
    assert [(c.type, c.owner) for c in owned] == [
        ("multiplier", "JPN"),
        ("duration", "JPN"),
        ("share_of_gdp", "JPN"),
    ]
    assert not any(c.owner == "NATO" for c in seed.claims)


def test_a_duration_belongs_to_its_own_clause_not_another_countrys_amount():
    text = (
        "South Korea will spend 349 trillion won over the next five years, while Japan's "
        "budget for this year alone is 6.8 trillion yen."
    )
    found = {c.text: (c.type, c.owner) for c in parse_article(text).claims if c.owner_cue}
    assert found["over the next five years"] == ("duration", "KOR")
    assert found["6.8 trillion yen"] == ("amount", "JPN")


def test_claims_outside_spending_sentences_have_no_owner():
    article = parse_article("Poland's population grew 2 percent in 2022.")
    assert all(c.owner is None and c.owner_cue is None for c in article.claims)


def test_the_owner_is_in_the_json_records():
    article = parse_article("Warsaw will spend 4 percent of GDP on defence.")
    [record] = [r for r in article.to_dict()["claims"] if r["type"] == "share_of_gdp"]
    assert record["owner"] == "POL" and "Warsaw" in record["owner_cue"]
    assert record["bound"] is None


@pytest.mark.parametrize(
    "text",
    [
        # a preposition after the claim makes a referent an object, not the owner
        "A promise to spend 5 billion euros on ships was praised by NATO partners.",
        # a referent after the claim that no comma or relative pronoun introduces
        "A $40 billion takeover will leave U.S. defense suppliers in foreign hands.",
        # a country naming a currency is no owner
        "The levy is worth $9.50 in today's United States dollars per defense contract.",
        # a capital followed by a capitalised word is part of a name
        "The Tokyo Stock Exchange expects $3 billion in defense orders.",
    ],
)
def test_words_that_look_like_owners_are_not(text):
    owned = [c for c in parse_article(text).claims if c.owner_cue is not None]
    assert owned and all(c.owner is None for c in owned), [(c.text, c.owner_cue) for c in owned]
