"""The focus country rule (analysis/focus.py) on small synthetic sentences."""

from __future__ import annotations

import pycountry
import pytest

from alliance_lib import parse_article
from alliance_lib.analysis import focus, reference_data
from alliance_lib.config import DEFAULT_FOCUS_COUNTRY

NAMES = reference_data.countries_in()
AVAILABLE = set(NAMES)


def _focus(text: str) -> focus.Focus:
    return focus.choose_focus(parse_article(text), AVAILABLE, NAMES)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Germany would invest more than 2 percent of its GDP in defence.", "DEU"),
        ("Tokyo's budget for the military will double over five years.", "JPN"),
        ("Warsaw plans to spend 4 percent of GDP on its armed forces.", "POL"),
        ("The German defence budget will double by 2030.", "DEU"),
        # a possessive before a spending word beats the first country named in the clause
        ("Unlike France, Germany's defence budget will double by 2030.", "DEU"),
        # a dependent clause naming no country looks in the clause it comments on
        ("Poland approved a plan, which will double military spending by 2026.", "POL"),
    ],
)
def test_the_owner_in_the_claims_own_clause(text, iso3):
    chosen = _focus(text)
    assert chosen.iso3 == iso3 and chosen.rule == "claim_owner"
    assert NAMES[iso3] in chosen.reason


def test_the_country_owning_most_claims_wins():
    text = (
        "Poland will spend 4 percent of GDP on defence. "
        "Germany's defence budget will double. "
        "Poland's defence budget will rise 20 percent."
    )
    chosen = _focus(text)
    assert chosen.iso3 == "POL" and "2 of the 3" in chosen.reason


def test_an_owner_in_another_sentence_does_not_count():
    text = "Germany held talks on Monday. Spending on the military will double, officials said."
    chosen = _focus(text)
    assert chosen.rule == "article_mentions" and chosen.iso3 == "DEU"


def test_without_claims_the_country_most_tied_to_spending_sentences():
    text = (
        "Officials in Canada discussed the defence budget. "
        "Canada and Norway will review their military spending. "
        "Norway hosted the talks, and Norway served lunch."
    )
    chosen = _focus(text)
    assert chosen.iso3 == "CAN" and chosen.rule == "spending_sentences"


def test_then_the_country_most_mentioned_in_the_article():
    chosen = _focus("Norway and Sweden met. Norway hosted the talks.")
    assert chosen.iso3 == "NOR" and chosen.rule == "article_mentions"


def test_countries_outside_the_data_are_never_chosen():
    chosen = _focus("North Korea's military spending will double.")
    assert chosen.iso3 == DEFAULT_FOCUS_COUNTRY and chosen.rule == "default"


def test_an_article_naming_no_country_gets_the_default():
    chosen = _focus("The two leaders met for lunch and talked about the weather.")
    assert chosen.iso3 == DEFAULT_FOCUS_COUNTRY and chosen.rule == "default"


def test_capitals_are_found_as_their_country():
    article = parse_article("Berlin and Kiev agreed, and Washington said so.")
    assert [(m.text, m.iso3) for m in focus.mentions(article)] == [
        ("Berlin", "DEU"),
        ("Kiev", "UKR"),
        ("Washington", "USA"),
    ]


def test_the_seed_is_about_japan(seed):
    chosen = focus.choose_focus(seed, AVAILABLE, NAMES)
    assert chosen.iso3 == "JPN" and chosen.rule == "claim_owner"
    assert "Japan’s defense" in chosen.reason and chosen.sentence == 13


def test_capitals_table_is_well_formed():
    table = reference_data.capitals()
    forms = [form for written in table["forms"] for form in written.split("|")]
    assert len(forms) == len(set(forms))
    for iso3 in table["iso3"]:
        assert pycountry.countries.get(alpha_3=iso3) is not None, iso3
    # every country with SIPRI data whose capital is not also its own name has its capital here
    assert set(NAMES) - set(table["iso3"]) <= {"LUX", "SGP", "BEL", "BGR", "ISR", "NLD", "NZL"}
