"""Relative dates ("this week", "yesterday") resolve against the reference date, or stay unresolved."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_lib.text.claims import find_claims
from alliance_lib.text.model import Sentence

SATURDAY = date(2023, 1, 14)


def _dates(text: str, reference: date | None = None):
    sentence = [Sentence(0, len(text), text, 0)]
    return [(c.text, c.value, c.precision) for c in find_claims(text, sentence, reference)]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("talks this week", "2023-W02", "week"),
        ("talks last week", "2023-W01", "week"),
        ("talks next week", "2023-W03", "week"),
        ("the budget approved last month", "2022-12", "month"),
        ("a plan due next year", "2024", "year"),
        ("the leaders met yesterday", "2023-01-13", "day"),
        ("The ministers meet today", "2023-01-14", "day"),
    ],
)
def test_relative_dates_resolve_against_the_reference_date(text, value, precision):
    [(said, found, kind)] = _dates(text, SATURDAY)
    assert (found, kind) == (value, precision) and said in text


def test_the_rule_is_in_the_note():
    text = "talks this week"
    [claim] = find_claims(text, [Sentence(0, len(text), text, 0)], SATURDAY)
    assert "reference date 2023-01-14" in claim.note and "ISO week" in claim.note


def test_without_a_reference_date_they_stay_unresolved():
    assert _dates("activity between the two nations this week") == [
        ("this week", "this week", "relative")
    ]


def test_week_across_a_year_end():
    assert _dates("talks this week", date(2021, 1, 1)) == [("this week", "2020-W53", "week")]


def test_words_that_only_look_relative_are_not_claims():
    assert _dates("a weekly meeting, the yearly budget, this weekend", SATURDAY) == []
