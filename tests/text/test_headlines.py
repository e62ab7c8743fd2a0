"""Headlines of plain-text articles: the title line that opens an archive's file (often given a
full stop) is the headline, not body sentence 0; a short real first sentence keeps its place; a
known headline (a manifest's title) wins. Every text here is written for the test."""

from __future__ import annotations

import pytest

from alliance_lib import parse_article

BODY = (
    "WASHINGTON — Japan and the United States agreed on Friday to deepen their security "
    "cooperation, officials said.\n\n"
    "The two leaders met at the White House for about two hours."
)


def _opening(text: str) -> tuple[str | None, str]:
    article = parse_article(text)
    return article.headline, article.sentences[0].text


@pytest.mark.parametrize(
    "title",
    [
        "Allies Pledge A New Era Of Defense Cooperation.",  # Title Case, a full stop added
        "Tokyo doubles defence budget in five-year plan.",  # headline style: no article, no pronoun
        "Kishida, Biden vow closer ties amid China fears.",
        "Can Japan afford to double defence spending?",
        "INTENSE TALKS AT WHITE HOUSE.",
    ],
)
def test_a_title_line_ending_in_a_full_stop_is_the_headline_not_sentence_0(title):
    headline, first = _opening(f"{title}\n\n{BODY}")
    assert headline == title
    assert first.startswith("WASHINGTON — Japan and the United States")
    article = parse_article(f"{title}\n\n{BODY}")
    assert [r.rule for r in article.removed] == ["headline"]
    assert title not in article.text


def test_a_headline_and_its_deck_are_the_headline():
    title = "Japan raises defence budget;\nTokyo to spend 2 percent of GDP by 2027 under new plan."
    article = parse_article(f"{title}\n\n{BODY}")
    assert article.headline == title.replace("\n", " ")
    assert article.sentences[0].text.startswith("WASHINGTON")
    assert [r.rule for r in article.removed] == ["headline", "headline"]


def test_a_title_line_over_a_byline_is_the_headline_whatever_its_style():
    article = parse_article(
        f"The alliance is stronger than it has ever been.\n\nBy Staff Writer\n\n{BODY}"
    )
    assert article.headline == "The alliance is stronger than it has ever been."
    assert [r.rule for r in article.removed] == ["headline", "byline"]


@pytest.mark.parametrize(
    "lede",
    [
        # a short lede that names people and a day: a sentence, not a headline
        "Prime Minister Kishida met Joe Biden in Washington on Friday.",
        "The two leaders met at the White House and agreed to modernize the alliance.",
        "It's game time for the alliance.",
        "Japan plans to double its defense spending over five years, raising it to 2 percent of GDP.",
        # questions and quotations open ledes too (the old rule took a question for a headline)
        "Is Japan ready to double its defence spending within five years?",
        "“We are stronger together,” Biden said on Friday.",
        "Leaders met. They agreed on space.",  # two sentences
    ],
)
def test_a_real_first_sentence_is_not_taken_for_a_headline(lede):
    text = f"{lede}\n\nThe plan would spend about 43 trillion yen on defense.\n\nOfficials agreed."
    headline, first = _opening(text)
    assert headline is None
    assert first == lede or lede.startswith(first)


def test_the_first_line_of_a_hard_wrapped_lede_is_not_a_headline():
    text = (
        "Japan and the United States agreed on Friday to deepen their\n"
        "security cooperation, officials said.\n\n"
        "The two leaders met at the White House."
    )
    headline, first = _opening(text)
    assert headline is None
    assert first == (
        "Japan and the United States agreed on Friday to deepen their security cooperation, "
        "officials said."
    )


@pytest.mark.parametrize("line", ["By Staff Writer", "January 13, 2023"])
def test_a_byline_or_date_line_opening_the_text_is_never_the_headline(line):
    article = parse_article(f"{line}\n\n{BODY}")
    assert article.headline is None
    assert article.removed[0].rule in {"byline", "publication_date"}


def test_a_known_headline_wins_and_its_line_is_dropped_with_the_full_stop_added():
    text = f"Allies meet in Washington.\n\n{BODY}"
    article = parse_article(text, headline="Allies  meet in Washington")
    assert article.headline == "Allies meet in Washington"
    assert article.removed[0].rule == "headline"
    assert article.sentences[0].text.startswith("WASHINGTON")
    deck = "Japan raises defence budget;\nTokyo to spend more.\n\n" + BODY
    known = parse_article(deck, headline="Japan raises defence budget; Tokyo to spend more")
    assert [r.rule for r in known.removed] == ["headline", "headline"]
    # a known headline the text does not repeat: the text keeps every line
    other = parse_article(BODY, headline="A headline from the archive")
    assert other.headline == "A headline from the archive" and other.removed == ()
    with pytest.raises(TypeError, match="headline"):
        parse_article(BODY, headline=3)
