"""Quotations, said-clauses, inheritance and speakers, on small synthetic paragraphs."""

from __future__ import annotations

import pytest

from alliance_lib import parse_article


def test_partial_quotation_and_unattributed_quotation():
    article = parse_article(
        "Officials called the plan “a turning point for the alliance” on Friday.\n\n"
        "“There is no going back from this decision now,” read a banner outside."
    )
    first, second = article.quotes
    assert first.partial and first.speaker is None and first.attribution == "unattributed"
    # a written thing's `read` reports the quotation (PARC's source: the banner), nobody speaks
    assert second.attribution == "descriptive" and second.speaker is None
    assert second.source == "a banner outside" and not second.partial


def test_scare_quotes_are_not_quotations():
    article = parse_article(
        "China’s “communist” leadership was named as a threat by the two leaders."
    )
    assert article.quotes == ()


def test_said_before_the_quotation_with_colon():
    article = parse_article(
        "Prime Minister Kishida said: “We will defend our nation with our own hands.”"
    )
    assert article.quotes[0].speaker == "kishida-fumio" and not article.quotes[0].partial


def test_quote_continuing_over_paragraphs_inherits_the_speaker():
    article = parse_article(
        "“We will act together, and we will act now,” Biden said. “The alliance is strong.\n\n"
        "“No one should doubt our resolve in the region.”"
    )
    assert [(q.speaker, q.attribution) for q in article.quotes] == [
        ("joe-biden", "said_clause"),
        ("joe-biden", "inherited"),
        ("joe-biden", "inherited"),
    ]


def test_narration_between_quotations_stops_inheritance():
    article = parse_article(
        "“We will act together and act now,” Biden said.\n\nThe meeting lasted two hours.\n\n"
        "“This is a new era for the whole region,”"
    )
    assert article.quotes[-1].speaker is None


def test_narration_after_a_quotation_is_not_a_quote_only_paragraph():
    article = parse_article(
        "“We will act together and act now,” Biden said.\n\n"
        "“This is a new era for the whole region.” The remark drew applause from the room."
    )
    assert article.quotes[-1].speaker is None and article.quotes[-1].attribution == "unattributed"


def _speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.attribution) for q in parse_article(text).quotes]


def test_a_said_clause_after_a_question_and_the_next_quotation_inherits():
    assert _speakers("“Why not?” Lee said. “Because the plan is already late.”") == [
        ("lee", "said_clause"),
        ("lee", "inherited"),
    ]


def test_a_quotation_over_several_sentences_keeps_its_said_clause():
    text = "“We waited. We asked twice. Nobody answered the letters,” Jane Roe said on Friday."
    assert _speakers(text) == [("jane-roe", "said_clause")]


def test_said_clause_with_a_bracketed_affiliation():
    text = "Rep. Ann Lee (D-Ohio) said Friday, “We will not vote for this bill.”"
    assert _speakers(text) == [("ann-lee", "said_clause")]


@pytest.mark.parametrize(
    ("clause", "speaker"),
    [
        ("Trump lawyer Marc Kasowitz said", "marc-kasowitz"),
        ("said spokesman Josh Schwerin", "josh-schwerin"),
        ("said Clinton’s campaign manager, Robby Mook", "robby-mook"),
        ("said former Massachusetts congressman Barney Frank", "barney-frank"),
        ("Toomey fumed on Tuesday", "toomey"),
    ],
)
def test_lower_case_words_and_titles_inside_the_speaker_phrase(clause, speaker):
    assert _speakers(f"“We will see this through to the very end,” {clause}.") == [
        (speaker, "said_clause")
    ]


def test_an_appositive_between_the_name_and_the_verb():
    text = "Scott Pruitt, the attorney general of Oklahoma, said, “The rule will not stand.”"
    assert _speakers(text) == [("scott-pruitt", "said_clause")]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe, a historian who attended, recalled, “The room went silent for a while.”",
        "In an interview on Friday, Jane Roe said: “The room went silent for a while.”",
        "According to Jane Roe, “the room went silent for a while.”",
        "Said Jane Roe, “The room went silent for a while.”",
        "Jane Roe attacked the plan on Friday, saying, “The room went silent for a while.”",
        "Jane Roe wrote on Twitter: “The room went silent for a while.”",
        "Jane Roe agreed. “The room went silent for a while.”",
    ],
)
def test_a_speaker_not_next_to_the_verb(text):
    assert [q.speaker for q in parse_article(text).quotes] == ["jane-roe"]


def test_transcript_labels_and_dash_bylines():
    assert _speakers("PENCE: “We will carry this state in November.”") == [("pence", "said_clause")]
    assert _speakers("“We will carry this state in November.” - Maria Lopez") == [
        ("maria-lopez", "said_clause")
    ]


def test_a_quote_only_paragraph_after_a_paragraph_that_names_its_speaker():
    text = (
        "Jane Roe continued her remarks after the break.\n\n"
        "“We will not give up on this district, not now and not ever.”"
    )
    assert _speakers(text) == [("jane-roe", "inherited")]


def test_titles_of_shows_and_inch_marks_are_not_quotations():
    article = parse_article(
        "Lee told NBC’s “Meet the Press” that the plan was fine. The senator, who is 6'3\" "
        "tall, said the vote would come next week."
    )
    assert article.quotes == ()


def test_a_short_reply_is_a_quotation_when_a_said_clause_attributes_it():
    assert _speakers("Asked what he would change, Moore said, “Any.”") == [("moore", "said_clause")]


def test_a_short_quotation_a_subject_calls_something():
    assert _speakers("Jane Roe called the plan “rigged” on Friday.") == [("jane-roe", "subject")]
