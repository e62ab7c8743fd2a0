"""Quotations, said-clauses, inheritance and speakers, on small synthetic paragraphs."""

from __future__ import annotations

from alliance_lib import parse_article


def test_partial_quotation_and_unattributed_quotation():
    article = parse_article(
        "Officials called the plan “a turning point for the alliance” on Friday.\n\n"
        "“There is no going back from this decision now,” read a banner outside."
    )
    first, second = article.quotes
    assert first.partial and first.speaker is None and first.attribution == "unattributed"
    assert second.attribution == "unattributed" and not second.partial


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
