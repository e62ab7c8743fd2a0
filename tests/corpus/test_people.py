"""Notebook 05's speakers: one id per person across a corpus's articles, whatever the form of the
name; headline words never people; speakers' countries from the gazetteer and from titles."""

from __future__ import annotations

import pandas as pd
import pytest

from alliance_lib import parse_article
from alliance_lib.analysis import people
from alliance_lib.corpus import records
from alliance_lib.corpus.item import INLINE, Item

from .test_coverage import attributions


def _said(article: str, name: str | None, text: str | None = None, kind: str = "named") -> tuple:
    speaker = None if name is None else name.lower().replace(" ", "-").replace(".", "")
    return (article, "direct", speaker, name, kind, text or name)


def _persons(frame: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(frame["person_id"], frame["person"], strict=True))


def test_one_person_across_articles_whatever_the_form_of_the_name():
    frame = attributions(
        [_said("a", "Donald Trump")] * 5
        + [_said("b", "Donald J. Trump")] * 4
        + [_said("c", "Trump")] * 2  # an article that never gives the full name
        + [_said("d", "Melania Trump")]
        + [_said("e", "Texas Sen. Rafael Cruz"), _said("f", "Rafael Cruz")]
    )
    ids = frame.groupby("speaker_name")["person_id"].first().to_dict()
    assert ids["Donald Trump"] == ids["Donald J. Trump"] == ids["Trump"] == "donald-trump"
    assert ids["Melania Trump"] == "melania-trump"
    assert ids["Texas Sen. Rafael Cruz"] == ids["Rafael Cruz"] == "rafael-cruz"
    shown = dict(_persons(frame))
    assert shown["donald-trump"] == "Donald J. Trump"  # the fullest form
    assert shown["rafael-cruz"] == "Rafael Cruz"  # titles are not the name


def test_bill_and_hillary_stay_apart_and_an_undecided_surname_is_counted_apart():
    frame = attributions(
        [_said("a", "Hillary Clinton")] * 5
        + [_said("b", "Hillary Rodham Clinton")]
        + [_said("c", "Bill Clinton")] * 3
        + [_said("d", "Clinton")] * 2
    )
    ids = frame.groupby("speaker_name")["person_id"].first().to_dict()
    assert ids["Hillary Clinton"] == ids["Hillary Rodham Clinton"] == "hillary-clinton"
    assert ids["Bill Clinton"] == "bill-clinton"
    # Hillary holds 6 of the 9 attributions to a Clinton: under SURNAME_SHARE, so apart
    assert 6 / 9 < people.SURNAME_SHARE
    assert dict(_persons(frame))["clinton"] == f"Clinton {people.SURNAME_ONLY}"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Rival Hillary Clinton", "Hillary Clinton"),
        ("Hillary Clinton Said", "Hillary Clinton"),
        ("America. So Donald Trump", "Donald Trump"),
        ("Does Marco Rubio", "Marco Rubio"),
        ("Labor Secretary Thomas Perez", "Thomas Perez"),
        ("Media Research Center’s Brent Bozell", "Brent Bozell"),
        ("Mexican President Felipe Calderon", "Felipe Calderon"),
        ("Donald J. Trump", "Donald J. Trump"),
        ("Will Hurd", "Will Hurd"),
        ("Democrat Hillary Clinton", "Hillary Clinton"),  # a party before the name
        ("Republican front-runner Donald Trump", "Donald Trump"),
        ("Since Clinton", "Clinton"),  # a clause's opening word
        ("Ted Cruz Wednesday", "Ted Cruz"),  # the day it was said
        ("Bill Clinton.", "Bill Clinton"),  # a sentence's full stop
        ("George W.", "George W."),  # an initial keeps its stop
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
    ],
)
def test_a_name_read_from_a_headline_or_a_title_is_the_name_alone(written, name):
    assert people.clean_name(written) == name


def test_words_before_a_known_person_s_name_are_dropped_but_not_a_given_name():
    frame = attributions(
        [_said("a", "Donald Trump")] * 3
        + [_said("b", "Entrusting Donald Trump"), _said("c", "Fault Ted Cruz")]
        + [_said("d", "Ted Cruz")] * 2
        + [_said("e", "Paul Jones")] * 3
        + [_said("f", "John Paul Jones"), _said("g", "John Smith")]  # John opens another name
    )
    ids = frame.groupby("speaker_name")["person_id"].first().to_dict()
    assert ids["Entrusting Donald Trump"] == ids["Donald Trump"] == "donald-trump"
    assert ids["Fault Ted Cruz"] == ids["Ted Cruz"] == "ted-cruz"
    assert ids["John Paul Jones"] == "john-jones" and ids["Paul Jones"] == "paul-jones"
    assert dict(_persons(frame))["donald-trump"] == "Donald Trump"


def test_headline_words_and_groups_are_never_people():
    assert people.clean_name("the However") is None and people.clean_name("So") is None
    frame = attributions(
        [
            _said("a", "Republicans"),
            _said("a", "Rival Hillary Clinton"),
            _said("b", "Hillary Clinton"),
        ]
    )
    assert list(frame["speaker_class"]) == [people.ORGANISATION, people.PERSON, people.PERSON]
    assert frame.loc[1, "person_id"] == frame.loc[2, "person_id"] == "hillary-clinton"


def test_speakers_countries_from_the_gazetteer_a_state_and_titles():
    frame = attributions(
        [
            _said("a", "Joe Biden"),  # the gazetteer's person
            ("a", "direct", "joe-biden", "Joe Biden", "named", "Biden"),
            _said("b", "Aiko Tanaka", "Japanese Prime Minister Aiko Tanaka"),
            ("c", "indirect", "aiko-tanaka", "Aiko Tanaka", "pronoun", "she"),  # her country too
            ("d", "direct", None, None, "descriptive", "a Chinese foreign ministry spokesman"),
            ("d", "direct", "JPN", "Japan", "organisation", "Japan"),
            ("e", "direct", "us-dod", "US Department of Defense", "organisation", "the Pentagon"),
            _said("f", "Ann Lee", "Ann Lee told the Dutch newspaper"),  # no title of hers
            ("g", "direct", None, None, "descriptive", "an expert who studies China"),
        ],
        entities=[("d", "JPN", "country"), ("e", "us-dod", "organization")],
    )
    known = frame[["country", "country_from"]].astype(object).where(frame.notna(), None)
    assert list(known["country"]) == ["USA", "USA", "JPN", "JPN", "CHN", "JPN", "USA", None, None]
    assert list(known["country_from"]) == [
        "gazetteer",
        "gazetteer",
        "title",
        "title",
        "title",
        "state",
        "gazetteer",
        None,
        None,
    ]
    assert list(frame["speaker_class"])[4:7] == [people.UNNAMED, people.STATE, people.ORGANISATION]


def test_a_person_s_country_is_what_most_of_their_titles_say():
    frame = attributions(
        [_said("a", "Ann Lee", "German Chancellor Ann Lee")] * 2
        + [_said("b", "Ann Lee", "French diplomat Ann Lee")]
        + [
            _said("c", "Bo Kim", "German official Bo Kim"),
            _said("d", "Bo Kim", "French official Bo Kim"),
        ]
    )
    assert set(frame.loc[frame["person_id"] == "ann-lee", "country"]) == {"DEU"}
    assert frame.loc[frame["person_id"] == "bo-kim", "country"].isna().all()  # a tie: unknown


def test_the_same_full_name_in_two_parsed_articles_is_one_person():
    texts = {
        "one": 'Officials met on Monday.\n\n"We will act," said Ann Marie Okafor, a senator.\n\n'
        "Okafor later added that talks would go on.",
        "two": 'A vote was held.\n\n"It was close," Okafor said on Tuesday, after Ann Okafor '
        "had warned of delays.",
    }
    batch = records.BatchColumns()
    for name, text in texts.items():
        article = parse_article(text, source=name)
        item = Item(name, INLINE, content=text)
        key = records.article_id(text.encode())
        batch.add(records.article_columns(key, item, text.encode(), article))
    table = batch.tables()
    frame = people.speaker_rows(table["attributions"].to_pandas(), table["entities"].to_pandas())
    named = frame[frame["speaker_class"] == people.PERSON]
    assert set(named["person_id"]) == {"ann-okafor"} and named["article_id"].nunique() == 2
    assert set(named["person"]) == {"Ann Marie Okafor"}
