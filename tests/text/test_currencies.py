"""Amounts in any currency (issue 20): CLDR's codes, symbols and names through Babel, the
prefixed dollars news writes, short forms, scale words; a form several currencies share
resolved by the claim's owner, else unknown, never the US dollar by default."""

from __future__ import annotations

import pytest
from babel.numbers import get_currency_name

from alliance_lib import parse_article
from alliance_lib.text import currencies


def _amounts(text: str) -> list[tuple[str, float, str | None]]:
    return [(c.text, c.value, c.unit) for c in parse_article(text).claims if c.type == "amount"]


@pytest.mark.parametrize(
    ("text", "amount", "value", "code"),
    [
        ("Australia will spend A$368 billion on submarines.", "A$368 billion", 368e9, "AUD"),
        ("Canada will spend C$38.6 billion on its forces.", "C$38.6 billion", 38.6e9, "CAD"),
        ("New Zealand will spend NZ$2 billion on aircraft.", "NZ$2 billion", 2e9, "NZD"),
        ("Hong Kong will spend HK$5 billion on the port.", "HK$5 billion", 5e9, "HKD"),
        ("The US will spend US$4.6 billion on shipyards.", "US$4.6 billion", 4.6e9, "USD"),
        ("Canada will spend CA$2 billion on its forces.", "CA$2 billion", 2e9, "CAD"),
        ("Taiwan will spend NT$500 billion on its defence.", "NT$500 billion", 500e9, "TWD"),
        (
            "Australia will spend 368 billion Australian dollars on it.",
            "368 billion Australian dollars",
            368e9,
            "AUD",
        ),
        (
            "Canada will add 38.6 billion Canadian dollars to its budget.",
            "38.6 billion Canadian dollars",
            38.6e9,
            "CAD",
        ),
        ("The fund holds 5 billion U.S. dollars.", "5 billion U.S. dollars", 5e9, "USD"),
        ("Poland will spend 97 billion zlotys on tanks.", "97 billion zlotys", 97e9, "PLN"),
        ("The EU will put 100 billion euro into a fund.", "100 billion euro", 100e9, "EUR"),
        ("Germany will spend €100bn on a fund.", "€100bn", 100e9, "EUR"),
        ("Japan will spend 43 trillion yen over five years.", "43 trillion yen", 43e12, "JPY"),
        (
            "Sweden will spend 10 billion Swedish kronor on jets.",
            "10 billion Swedish kronor",
            10e9,
            "SEK",
        ),
        (
            "The plan costs 13 trillion Russian roubles.",
            "13 trillion Russian roubles",
            13e12,
            "RUB",
        ),
        ("The plan costs AUD 368 billion in all.", "AUD 368 billion", 368e9, "AUD"),
        ("The plan costs 97 billion PLN in all.", "97 billion PLN", 97e9, "PLN"),
        ("India will spend ₹6 lakh crore on defence.", "₹6 lakh crore", 6e12, "INR"),
        ("The budget gains €300m this year.", "€300m", 300e6, "EUR"),
    ],
)
def test_an_amount_records_its_currency(text, amount, value, code):
    [(said, found, unit)] = _amounts(text)
    assert (said, unit) == (amount, code) and found == pytest.approx(value)


def test_every_current_iso_code_is_read_with_its_english_names():
    codes = currencies.current_codes()
    assert {"AUD", "CAD", "PLN", "EUR", "KRW", "JPY", "INR", "UAH"} <= codes and len(codes) > 140
    for code in ("PLN", "UAH", "ILS"):
        plural = get_currency_name(code, count=2, locale="en")
        [(_, _, unit)] = _amounts(f"The army will get 5 billion {plural}.")
        assert unit == code, plural


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The UK's defence budget will gain 5 billion pounds.", "GBP"),
        ("Australia will spend 368 billion dollars on submarines.", "AUD"),
        ("South Korea will spend 349 trillion won on defence.", "KRW"),
        ("Russia will spend 13 trillion roubles on its army.", "RUB"),
        ("Canada will spend 20 billion dollars on jets.", "CAD"),
        ("Pakistan's defence budget is Rs 2,000 billion.", "PKR"),
    ],
)
def test_a_form_several_currencies_share_is_the_owners_currency(text, code):
    [claim] = [c for c in parse_article(text).claims if c.type == "amount"]
    assert claim.unit == code and code in claim.note


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the plan would cost 5 billion pounds.",  # no owner
        "The plan would cost 97 billion dollars, officials said.",
        "Germany will spend 5 billion rupees on the project.",  # an owner using none of them
        "Australia will spend $368 billion on submarines.",  # "$" may be AUD at home
    ],
)
def test_an_unknown_currency_is_recorded_as_unknown_never_usd(text):
    [claim] = [c for c in parse_article(text).claims if c.type == "amount"]
    assert claim.unit is None and claim.note.startswith("currency unknown")


def test_a_bare_dollar_sign_is_the_us_dollar_unless_it_may_be_the_owners():
    assert _amounts("Germany's defence budget will rise to $80 billion.")[0][2] == "USD"
    assert _amounts("The fund will hold $80 billion.")[0][2] == "USD"
    # an article writing A$ tells its dollars apart: its bare "$" is the US dollar
    both = _amounts("Australia will spend A$368 billion ($245 billion) on submarines.")
    assert [unit for _, _, unit in both] == ["AUD", "USD"]


@pytest.mark.parametrize(
    "text",
    [
        "The TOP 10 spenders met in Vilnius.",  # an ISO code (Tongan pa'anga) without a scale
        "Its athletes won 5 gold medals and 3 marks of honour.",  # short forms without a scale
        "The party that in 2020 won the vote spent more on defence.",
        "The runner passed the 4,500 mark in the last lap.",  # singular: no money
    ],
)
def test_codes_and_short_forms_need_a_scale_word_or_a_grouped_number(text):
    assert _amounts(text) == []


def test_a_grouped_number_with_a_short_form_is_an_amount():
    assert _amounts("The army spent 5,000 euros on each rifle.") == [("5,000 euros", 5000.0, "EUR")]
