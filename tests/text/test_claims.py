"""Claim patterns and the dates they resolve."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_lib.text.claims import find_claims
from alliance_lib.text.model import Sentence


def _claims(text: str, reference: date | None = None):
    return [
        (c.type, c.value, c.unit, c.precision)
        for c in find_claims(text, [Sentence(0, len(text), text, 0)], reference)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("raise spending to 2% of GDP", ("share_of_gdp", 2.0, "percent of GDP", None)),
        (
            "1.5 per cent of its gross domestic product",
            ("share_of_gdp", 1.5, "percent of GDP", None),
        ),
        ("spending will triple", ("multiplier", 3.0, "times", None)),
        ("a 10-fold rise", ("multiplier", 10.0, "times", None)),
        ("within a decade", ("duration", 10.0, "years", None)),
        ("over the next 18 months", ("duration", 18.0, "months", None)),
        ("about 43 trillion yen", ("amount", 43e12, "JPY", None)),
        ("($320 billion)", ("amount", 320e9, "USD", None)),  # brackets are a gloss, not a negative
        ("¥6.8 trillion", ("amount", 6.8e12, "JPY", None)),
        ("through fiscal 2027", ("fiscal_year", "FY2027", None, "fiscal_year")),
        ("on January 13, 2023", ("date", "2023-01-13", None, "day")),
        ("on 13 January 2023", ("date", "2023-01-13", None, "day")),
        ("in December 2022", ("date", "2022-12", None, "month")),
        ("by 2027", ("date", "2027", None, "year")),
        ("the first time since the Cold War", ("historical_anchor", "Cold War", None, None)),
    ],
)
def test_claim_patterns(text, expected):
    assert expected in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "the senator is doubling down on the claim",
        "he doubled down after the debate",
        "a double standard for the allies",
        "a double-digit lead in the polls",
        "triple-digit heat",
        "the gym doubles as a shelter",
        "aides will double-check the figures",
    ],
)
def test_idioms_are_not_multipliers(text):
    assert [c for c in _claims(text) if c[0] == "multiplier"] == []


@pytest.mark.parametrize(
    "text", ["Japan will double its spending", "costs could double by 2030", "doubling the budget"]
)
def test_a_multiple_is_still_a_multiplier(text):
    assert ("multiplier", 2.0, "times", None) in _claims(text)


def test_percent_of_gdp_is_not_also_a_plain_percent():
    assert [c[0] for c in _claims("2 percent of GDP")] == ["share_of_gdp"]


def test_year_inference_rules():
    assert _claims("on Jan. 13")[0][1:] == ("--01-13", None, "month_day")
    assert _claims("on Jan. 13", date(2023, 1, 20))[0][1] == "2023-01-13"
    assert _claims("on Dec. 30", date(2023, 1, 2))[0][1] == "2022-12-30"  # nearest, not same year
    assert _claims("in November 2022 ... on Jan. 13")[1][1] == "2023-01-13"
    assert _claims("in March 2022 ... on Jan. 13")[1][1] == "2023-01-13"
    assert _claims("in January 2023 ... on Jan. 13")[1][1] == "2023-01-13"


def test_invalid_dates_are_not_claims():
    assert _claims("on February 30, 2023") == []


def test_weekdays_resolve_only_against_a_reference_date():
    assert _claims("met on Friday")[0][1:] == ("Friday", None, "weekday")
    assert _claims("met on Friday", date(2023, 1, 14))[0][1] == "2023-01-13"
    assert _claims("met on Friday", date(2023, 1, 13))[0][1] == "2023-01-13"  # the same day counts
