"""Bounds on shares, percents and amounts (issue 20): "up to", "more than", "around" are kept,
not dropped ("above 2 percent" is at least 2, not 2)."""

from __future__ import annotations

import pytest

from alliance_lib import parse_article


def _bounds(text: str) -> list[tuple[str, str | None]]:
    kinds = ("share_of_gdp", "percent", "amount")
    return [(c.text, c.bound) for c in parse_article(text).claims if c.type in kinds]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("Australia will spend up to A$368 billion on submarines.", "at_most"),
        ("Spending will be no more than 2 percent of GDP.", "at_most"),
        ("Spending stays under 2 percent of GDP.", "at_most"),
        ("Spending is below 2 percent of GDP.", "at_most"),
        ("Spending reached nearly 2 percent of GDP.", "at_most"),
        ("Spending reached almost 2 percent of GDP.", "at_most"),
        ("Allies should spend at least 2 percent of GDP.", "at_least"),
        ("Germany will spend more than 2 percent of its GDP.", "at_least"),
        ("Estonia spends above 2 percent of GDP.", "at_least"),
        ("Poland spends over 3 percent of GDP.", "at_least"),
        ("Spending exceeding 2 percent of GDP is rare.", "at_least"),
        ("Japan plans to spend about 43 trillion yen.", "about"),
        ("Spending will reach around 2.8 percent of GDP.", "about"),
        ("Spending will reach roughly 2 percent of GDP.", "about"),
        ("The plan costs some 5 billion euros.", "about"),
        ("Allies should spend 2 percent of GDP or more.", "at_least"),
        ("The alliance set a 2 percent floor.", "at_least"),
        ("Spending will reach 2 percent of GDP.", None),
    ],
)
def test_a_bound_word_bounds_the_number(text, bound):
    [(_, found)] = _bounds(text)
    assert found == bound


def test_the_bound_word_is_not_part_of_the_claim_and_other_words_are_no_bound():
    assert _bounds("Spending is above 2 percent of GDP.") == [("2 percent of GDP", "at_least")]
    # "over five years" is a duration, not a bound on what follows it
    assert _bounds("Spending will double over five years to 2 percent of GDP.") == [
        ("2 percent of GDP", None)
    ]
    # a bound word inside another word is no bound
    assert _bounds("The army reported awesome 2 percent gains.") == [("2 percent", None)]
