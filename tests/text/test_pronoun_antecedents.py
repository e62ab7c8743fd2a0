"""Pronoun speakers (issue 10, item 3): which earlier person `he`/`she said` refers to.

Each test is a synthetic pattern of a failure class found on real news: the subject of a
sentence that the reader takes as the antecedent, and the words that only look like one.
"""

from __future__ import annotations

from alliance_lib import parse_article


def _pronoun_speaker(text: str) -> tuple[str | None, str | None]:
    """The last quotation's speaker id and the antecedent as written."""
    article = parse_article(text)
    quote = article.quotes[-1]
    assert quote.attribution == "pronoun"
    if quote.antecedent_start is None:
        return quote.speaker, None
    return quote.speaker, article.text[quote.antecedent_start : quote.antecedent_end]


def test_the_subject_before_an_appositive_and_said_she_is_the_antecedent():
    # `X, a doctor, said she ...`: the verb follows the appositive, the name opens the sentence
    assert _pronoun_speaker(
        "Mark Doe spoke first.\n\n"
        "Ann Lee, 61, a retired teacher, said she would vote early.\n\n"
        "“It is the only way to be sure,” she said."
    ) == ("ann-lee", "Ann Lee")


def test_the_subject_before_an_appositive_wins_over_the_subject_of_what_was_said():
    # `X, a veteran, said Y should ...`: Y is the subject of the reported clause, not a speaker
    assert _pronoun_speaker(
        "Ann Lee spoke to the crowd.\n\n"
        "Carl Moss, 49, a Navy veteran, said Ann Lee should expect hard questions.\n\n"
        "“Everyone will ask about the budget,” he said."
    ) == ("carl-moss", "Carl Moss")


def test_an_inverted_clause_after_a_name_and_comma_still_names_its_speaker():
    # `And Trump, said Sunshine, ...`: the name before the verb is the topic, not the speaker
    assert _pronoun_speaker(
        "Mark Doe left the firm last year.\n\n"
        "And Doe, said Ann Lee, who still works there, never forgets a slight.\n\n"
        "“You only get one chance with him,” she said."
    ) == ("ann-lee", "Ann Lee")


def test_a_sentence_ending_in_a_pronoun_said_clause_keeps_its_opening_subject():
    # `After X, Lee asserted ...: "...," he claimed.`
    assert _pronoun_speaker(
        "Mark Doe spoke on Monday.\n\n"
        "After the vote in Ohio, Carl Moss asserted that the count was wrong: "
        "“The numbers do not add up,” he claimed."
    ) == ("carl-moss", "Carl Moss")


def test_an_inverted_clause_after_a_short_quotation_names_the_subject():
    # `Lee's plan may be "risky," said Carl Moss.`: the comma sits inside the quotation marks
    assert _pronoun_speaker(
        "Ann Lee presented the plan.\n\n"
        "The plan may be “risky,” said Carl Moss, a professor of economics.\n\n"
        "“Nobody has tried this at such a scale,” he said."
    ) == ("carl-moss", "Carl Moss")


def test_a_lone_opening_adverb_is_not_a_place_that_hides_the_subject():
    # `Still, Petrilli, who ...`: `Still` is capitalised as the first word, not as a place name
    assert _pronoun_speaker(
        "Ann Lee spoke first.\n\n"
        "Still, Carl Moss, who opposed the bill, called the new law much better.\n\n"
        "“We need to be humble about what works,” he said."
    ) == ("carl-moss", "Carl Moss")


def test_a_person_named_inside_a_quotation_in_a_subject_sentence_is_not_the_antecedent():
    # `Choosing is a "false choice between Lee, Moss and Doe," she said.`
    assert _pronoun_speaker(
        "Ann Roe, a supporter from Ohio, is among those who will not vote.\n\n"
        "Choosing now is a “false choice between Lee, Carl Moss and Mark Doe,” she said."
    ) == ("ann-roe", "Ann Roe")


def test_a_pronoun_in_the_rest_of_a_names_sentence_shows_its_gender():
    # `Lee beamed as she noted ...`: the only person before `she` in the sentence is Lee
    assert _pronoun_speaker(
        "Carl Moss opened the meeting.\n\n"
        "Ann Lee beamed as she noted the size of the crowd.\n\n"
        "“We faced hard times together,” he said."
    ) == ("carl-moss", "Carl Moss")


def test_an_object_pronoun_after_a_name_is_someone_elses():
    # `Moss dubbed her ...`: `her` is the object, so it says nothing about Moss
    assert _pronoun_speaker(
        "Ann Lee spoke first.\n\n"
        "Carl Moss dubbed her the favourite and left the stage.\n\n"
        "“She will win this easily,” she said."
    ) == ("carl-moss", "Carl Moss")
