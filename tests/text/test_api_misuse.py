"""Careless calls get an `ArticleError` naming the problem, or a plain `TypeError`: never a deep
internal error."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from alliance_lib import ArticleError, load_article, parse_article
from alliance_lib.config import SEED_ARTICLE

_STORY = "Japan will double its defense spending over five years, officials said on Friday Jan. 13."


@pytest.mark.parametrize("path", [None, 42, b"seeds/000_eb6496a230f35a9b.txt", ["a.txt"]])
def test_load_article_needs_a_path(path):
    with pytest.raises(TypeError, match="path must be a str or os.PathLike"):
        load_article(path)  # type: ignore[arg-type]


def test_load_article_takes_a_pathlike():
    assert load_article(Path(SEED_ARTICLE)).headline


def test_a_datetime_reference_date_is_a_type_error():
    with pytest.raises(TypeError, match=r"reference_date .* not datetime \(pass its .date\(\)\)"):
        parse_article(_STORY, reference_date=datetime(2023, 1, 13, 9, 30))  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [20230113, 2023.0, ["2023-01-13"]])
def test_a_reference_date_of_another_type_is_a_type_error(value):
    with pytest.raises(TypeError, match="reference_date must be a date"):
        parse_article(_STORY, reference_date=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2023-01-13garbage", "is not a YYYY-MM-DD date"),
        ("2023-01-13T10:00", "is not a YYYY-MM-DD date"),
        (" 2023-01-13", "is not a YYYY-MM-DD date"),
        ("20230113", "is not a YYYY-MM-DD date"),
        ("2023-02-30", "is not a valid date"),
        ("0001-01-01", "outside the supported range 1900-01-01 to 2099-12-31"),
        ("9999-12-31", "outside the supported range"),
        (date(1, 1, 1), "outside the supported range"),
    ],
)
def test_a_bad_reference_date_is_an_article_error(value, words):
    with pytest.raises(ArticleError, match=words) as caught:
        parse_article(_STORY, reference_date=value, source="story.txt")
    assert str(caught.value).startswith("story.txt: reference date")


@pytest.mark.parametrize("value", ["1900-01-01", "2099-12-31", date(2023, 1, 13)])
def test_reference_dates_in_range_are_used(value):
    article = parse_article(_STORY, reference_date=value)
    assert article.reference_date == str(value)
    assert all(c.value != "--01-13" for c in article.claims)


def test_a_friday_at_the_start_of_the_range_resolves():
    article = parse_article(_STORY, reference_date="1900-01-01")  # a Monday
    friday = next(c for c in article.claims if c.text == "Friday")
    assert friday.value == "1899-12-29"


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "\ud83d"])
def test_a_lone_surrogate_is_an_article_error(surrogate):
    with pytest.raises(
        ArticleError, match=rf"lone surrogate U\+{ord(surrogate):04X} at character 5"
    ):
        parse_article("Japan" + surrogate + _STORY, source="api")


def test_parse_article_of_none_is_an_article_error():
    with pytest.raises(ArticleError, match="expected text, got NoneType"):
        parse_article(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ["\x00", "story\x00.txt", "story\ud800.txt"])
def test_a_path_no_file_can_have_is_an_article_error(path):
    with pytest.raises(ArticleError, match="is not a usable file path") as caught:
        load_article(path)
    assert "\x00" not in str(caught.value)  # printable on a terminal
