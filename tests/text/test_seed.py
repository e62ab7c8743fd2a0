"""What the parser must recover from the seed article (the issue's acceptance list)."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

HEADLINE = "US and Japan Sign Historic Defense Agreements, Extend Mutual Aid to Space"


def test_headline_once_and_not_in_text(seed):
    assert seed.headline == HEADLINE
    assert HEADLINE not in seed.text


def test_section_and_truncation(seed):
    assert seed.section == "United States USA"
    assert seed.truncated is True


def test_no_boilerplate_left_in_text(seed):
    for junk in ("Home ", "SHARE", "Array", "Continue reading", "\n58\n", "‘A Steadfast", "Ally’"):
        assert junk not in seed.text
    assert not any(line.strip().isdigit() for line in seed.text.splitlines())


def test_every_drop_is_recorded_with_its_rule(seed):
    rules = Counter(r.rule for r in seed.removed)
    assert rules == {
        "breadcrumb": 1,
        "headline": 1,
        "share_counter": 3,
        "artifact": 1,
        "glued_subheading_marks": 2,
        "continue_reading": 1,
    }
    for removed in seed.removed:
        assert seed.source_text[removed.start : removed.end] == removed.text


def test_subheading_is_split_from_the_quotation_it_was_glued_to(seed):
    headings = [p for p in seed.paragraphs if p.kind == "subheading"]
    assert [p.text for p in headings] == ["A Steadfast Ally"]
    before = seed.paragraphs[seed.paragraphs.index(headings[0]) - 1]
    assert before.text.endswith("is becoming even greater.”")


def test_paragraphs_are_separated_by_a_blank_line(seed):
    assert len(seed.paragraphs) == 16
    assert seed.text == "\n\n".join(p.text for p in seed.paragraphs)


def test_six_quotations_with_their_speakers(seed):
    got = [(q.text[:30], q.speaker, q.attribution) for q in seed.quotes]
    assert got == [
        ("I don’t think there’s ever bee", "joe-biden", "said_clause"),
        ("Rather than figuring out how w", "joe-biden", "inherited"),
        ("We’re modernizing our military", "joe-biden", "said_clause"),
        ("Let me be crystal clear. The U", "joe-biden", "inherited"),
        ("Japan and the United States ar", "kishida-fumio", "said_clause"),
        ("The role to be played by Japan", "kishida-fumio", "inherited"),
    ]
    assert not any(q.partial for q in seed.quotes)
    assert {q.speaker for q in seed.quotes} <= {e.id for e in seed.entities}


def test_countries_with_iso_codes(seed):
    countries = {e.text: e.id for e in seed.entities if e.type == "country"}
    assert {
        "Japan": "JPN",
        "United States": "USA",
        "U.S.": "USA",
        "China": "CHN",
        "North Korea": "PRK",
        "Russia": "RUS",
        "Ukraine": "UKR",
    }.items() <= countries.items()


def test_biden_and_kishida_are_two_people_whatever_the_form(seed):
    people = {}
    for entity in seed.entities:
        if entity.type == "person":
            people.setdefault(entity.id, set()).add(entity.text)
    assert people == {
        "joe-biden": {"Joe Biden", "Biden"},
        "kishida-fumio": {"Kishida Fumio", "Kishida"},
    }


def test_claims(seed):
    got = {(c.type, c.text): (c.value, c.unit) for c in seed.claims}
    assert got[("share_of_gdp", "2 percent of GDP")] == (2.0, "percent of GDP")
    assert got[("multiplier", "double")] == (2.0, "times")
    assert got[("duration", "over five years")] == (5.0, "years")
    assert got[("date", "November 2022")] == ("2022-11", None)
    assert got[("date", "Jan. 13")] == ("2023-01-13", None)
    assert got[("historical_anchor", "since World War II")] == ("World War II", None)
    assert got[("historical_anchor", "Since the conclusion of World War II")] == (
        "World War II",
        None,
    )


def test_sentences_do_not_break_at_abbreviations(seed):
    texts = [s.text for s in seed.sentences]
    assert any(
        t.startswith("U.S. President Joe Biden welcomed") and t.endswith("alliance.") for t in texts
    )
    assert not any(t in ("U.S.", "Jan.") or t.endswith((" Jan.", " U.S.")) for t in texts)
    assert all(s.text == seed.text[s.start : s.end] for s in seed.sentences)


def test_every_item_round_trips_to_text_and_to_source(seed):
    for group in (seed.paragraphs, seed.sentences, seed.quotes, seed.entities, seed.claims):
        for item in group:
            assert seed.text[item.start : item.end] == item.text
            start, end = seed.source_span(item.start, item.end)
            assert seed.source_text[start:end] == item.text  # the seed needs no Unicode repair


def test_article_is_immutable(seed):
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed.headline = "x"
