"""The publication date: one function for date lines and page metadata."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_lib import parse_article
from alliance_lib.text.dateline import publication_date


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
