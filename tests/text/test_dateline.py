"""The publication date: one function for date lines and page metadata."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_lib import parse_article
from alliance_lib.text.dateline import dateline_date, publication_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("January 13, 2023", date(2023, 1, 13)),
        ("Friday, Jan. 13, 2023 at 10:30 a.m. EST", date(2023, 1, 13)),
        ("13 January 2023", date(2023, 1, 13)),
        ("Sept. 4, 2022", date(2022, 9, 4)),
        ("2023-01-13", date(2023, 1, 13)),
        ("February 30, 2023", None),  # no such day
        ("2023-13-01", None),
        ("Hello 13, 2023", None),  # the shape of a date line, but no month
        ("The leaders met on January 13, 2023.", None),  # prose, not a date line
        ("", None),
        (None, None),
    ],
)
def test_publication_date(line, expected):
    assert publication_date(line) == expected


def test_a_date_line_under_the_headline_is_the_reference_date():
    article = parse_article(
        "Leaders meet in Washington\n\nJanuary 14, 2023\n\n"
        "The two leaders met on Friday to sign new defense agreements for the alliance."
    )
    assert article.reference_date == "2023-01-14"
    assert [r.rule for r in article.removed] == ["headline", "publication_date"]
    friday = [c for c in article.claims if c.text == "Friday"][0]
    assert friday.value == "2023-01-13"


def test_an_explicit_reference_date_wins_over_the_date_line():
    article = parse_article(
        "Leaders meet in Washington\n\nJanuary 14, 2023\n\n"
        "The two leaders met on Friday to sign new defense agreements for the alliance.",
        reference_date="2023-01-21",
    )
    assert article.reference_date == "2023-01-21"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("SAN DIEGO, March 13, 2023 (Wire) - Australia will spend more.", date(2023, 3, 13)),
        ("VILNIUS, July 11, 2023 (Reuters) — Allies agreed on a floor.", date(2023, 7, 11)),
        ("WASHINGTON, Jan. 13, 2023 - The leaders met.", date(2023, 1, 13)),
        ("ARLINGTON, Va., Sept. 4, 2022 (AP) - The Pentagon said.", date(2022, 9, 4)),
        ("LONDON, 13 March 2023 (Synthetic Wire) - Britain said.", date(2023, 3, 13)),
        ("LONDON, March 13 (Reuters) - no year, no reference date.", None),
        ("WASHINGTON (AP) - no date at all.", None),
        ("Leaders met on March 13, 2023 - in prose, not a dateline.", None),
        ("SEOUL, February 30, 2023 (Wire) - no such day.", None),
    ],
)
def test_dateline_date(body, expected):
    assert dateline_date(body) == expected


def test_a_dateline_is_the_reference_date_when_the_page_gives_none():
    article = parse_article(
        "Subs deal signed\n\nSAN DIEGO, March 13, 2023 (Wire) - Australia will spend more, "
        "officials said on Monday. Work starts next year. Spending rose this year."
    )
    assert article.reference_date == "2023-03-13"
    dates = {c.text: c.value for c in article.claims if c.type == "date"}
    assert dates["Monday"] == "2023-03-13"
    assert dates["next year"] == "2024" and dates["this year"] == "2023"


def test_the_reference_date_parameter_wins_over_the_dateline():
    article = parse_article(
        "SAN DIEGO, March 13, 2023 (Wire) - Australia will spend more next year.",
        reference_date="2024-06-01",
    )
    assert article.reference_date == "2024-06-01"
    assert next(c.value for c in article.claims if c.text == "next year") == "2025"


def test_a_date_line_under_the_headline_wins_over_the_dateline():
    article = parse_article(
        "Subs deal signed\n\nMarch 14, 2023\n\n"
        "SAN DIEGO, March 13, 2023 (Wire) - Australia will spend more next year."
    )
    assert article.reference_date == "2023-03-14"
