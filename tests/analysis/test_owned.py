"""How the verdict reads an owner's claims (analysis/owned.py, analysis/verdicts.py): the order
owners are judged in, a share's year and whether it is reported or a target, bare percents
read as shares, reported shares and collective floors compared as bounds."""

from __future__ import annotations

import pytest

from alliance_lib import parse_article
from alliance_lib.analysis import owned, reference_data, spending, verdicts

NAMES = reference_data.countries_in()
EDITION = "SIPRI_MILEX_2024REL"


def _share(iso3: str, year: int) -> float:
    return float(reference_data.country_share(iso3, EDITION)[year])


def test_owners_are_the_focus_then_countries_by_claims_then_organisations():
    article = parse_article(
        "NATO allies should spend 2 percent of GDP on defence. "
        "Germany will spend 2 percent of GDP on defence. "
        "Poland will spend 4 percent of GDP on defence over five years."
    )
    assert owned.owners(article, "GBR") == ["GBR", "POL", "DEU", "NATO"]


def test_a_share_for_the_articles_year_is_reported_a_later_one_a_target():
    article = parse_article(
        "Poland will spend 3.9 percent of GDP on defence this year and 4.1 percent of GDP "
        "next year.",
        reference_date="2023-07-11",
    )
    found = [(s.value, s.year, s.reported) for s in owned.shares(article, "POL", "POL")]
    assert found == [(3.9, 2023, True), (4.1, 2024, False)]
    terms = spending.claim_terms(article, "POL")
    assert (terms.target_share, terms.end_year) == (4.1, 2024)


def test_without_the_articles_date_no_share_is_reported():
    article = parse_article("Poland spent 2 percent of GDP on defence in 2022.")
    [share] = owned.shares(article, "POL", "POL")
    assert share.year == 2022 and not share.reported


def test_a_deadline_is_never_a_reported_year():
    article = parse_article(
        "Germany will spend 2 percent of GDP on defence by 2023.", reference_date="2023-06-01"
    )
    [share] = owned.shares(article, "DEU", "DEU")
    assert share.end_marked and not share.reported


@pytest.mark.parametrize(
    ("text", "elliptical"),
    [
        ("Poland spends 3.9 percent of GDP on defence and will reach 4 percent next year.", True),
        ("Poland spends 3.9 percent of GDP on defence and will raise it by 20 percent.", False),
        ("Poland spends 3.9 percent of GDP on defence after a 20 percent increase.", False),
        ("Poland's defence budget will rise 4 percent.", False),  # no share of GDP beside it
    ],
)
def test_a_bare_percent_beside_a_share_of_gdp_is_a_share(text, elliptical):
    article = parse_article(text)
    bare = [s for s in owned.shares(article, "POL", "POL") if s.claim.type == "percent"]
    assert bool(bare) == elliptical


def test_an_article_without_owners_gives_every_spending_claim_to_the_focus():
    article = parse_article("Spending on the military will double to 2 percent of GDP by 2027.")
    assert {c.type for c in owned.claims_of(article, "JPN", "JPN")} == {
        "multiplier",
        "share_of_gdp",
    }
    assert owned.claims_of(article, "DEU", "JPN") == []


@pytest.mark.parametrize(
    ("said", "bound", "expected"),
    [
        ("above 2 percent of GDP", "at_least", "SIPRI's meets the claimed floor"),
        ("above 3 percent of GDP", "at_least", "points below the claimed floor"),
        ("below 3 percent of GDP", "at_most", "SIPRI's is within the claimed ceiling"),
        ("2.3 percent of GDP", None, "the same to the claim's precision"),
    ],
)
def test_a_reported_share_is_compared_as_a_bound(said, bound, expected):
    # SIPRI's Latvia 2023 (2024 edition) is 2.27%
    article = parse_article(
        f"Latvia spends {said} on defence this year.", reference_date="2023-05-01"
    )
    table = verdicts.verdicts(article, "LVA", NAMES)
    [row] = table[table["scope_id"].str.startswith("reported_")].itertuples()
    assert row.base_value == pytest.approx(round(_share("LVA", 2023), 3))
    assert expected in row.verdict and (
        bound is None or row.verdict.startswith(bound.replace("_", " "))
    )


def test_a_collective_floor_counts_the_named_members_that_meet_it():
    article = parse_article(
        "NATO allies agreed to spend at least 2 percent of GDP on defence. "
        "Poland, Canada and Japan sent ministers.",
        reference_date="2023-07-11",
    )
    table = verdicts.verdicts(article, "POL", NAMES)
    [row] = table[table["owner"] == "NATO"].itertuples()
    # Japan is no NATO member; Poland meets the floor in 2023, Canada does not
    assert row.verdict == "1 of 2 member countries the article names meet it on SIPRI's 2023 shares"
    assert row.note.startswith("meet it: Poland") and "not: Canada" in row.note


def test_an_amount_beside_another_owners_duration_is_one_year_of_its_budget():
    article = parse_article(
        "South Korea will spend 349 trillion won over the next five years, while Japan's "
        "defence budget for this year alone is 6.8 trillion yen.",
        reference_date="2023-08-18",
    )
    table = verdicts.verdicts(article, "KOR", NAMES)
    japan = table[table["owner"] == "JPN"]
    assert list(japan["scope_id"].str.split("_").str[0]) == ["budget"]
    korea = table[(table["owner"] == "KOR") & table["scope_id"].str.startswith("amount_")]
    assert korea["end"].iloc[0].endswith("over 5 years")
