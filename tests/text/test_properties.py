"""Properties of the parser on arbitrary text (hypothesis)."""

from __future__ import annotations

import os

import ftfy.bad_codecs  # noqa: F401  registers "sloppy-windows-1252", how browsers mis-decode
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alliance_lib import ArticleError, parse_article
from alliance_lib.text.offsets import _align, normalize_line, normalize_text

# Text that looks a little like news: words, typographic quotes, numbers, odd spaces, breaks.
_pieces = st.sampled_from(
    [
        "Japan",
        "U.S.",
        "said",
        "Biden",
        "Kishida",
        "“",
        "”",
        '"',
        "‘",
        "’",
        "2 percent of GDP",
        "double",
        "Jan. 13",
        "November 2022",
        "since World War II",
        "Home",
        "SHARE",
        "Array",
        "58",
        "Continue reading...",
        ".",
        ",",
        " ",
        "\u00a0",
        "\u200b",
        "\n",
        "\n\n",
        "\r\n",
        "#",
        "<p>",
        "â€™",
        "Ã©",
        "Ã ",
        "&amp;",
        "ﬁ",
        "\u202e",
        "\u2066",
        "\u200f",
        "é",
        "the",
        "alliance",
        "will",
        "spend",
        "over five years",
        "Ally",
    ]
)
news_like = st.lists(_pieces, max_size=60).map("".join)
anything = st.one_of(st.text(max_size=300), news_like)
# Derandomized: the same examples on every run, so CI is reproducible. Explore more locally with
# HYPOTHESIS_PROFILE=explore (random, 5,000 examples a property).
_quiet = [HealthCheck.too_slow]
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, suppress_health_check=_quiet
)
settings.register_profile("explore", max_examples=5000, deadline=None, suppress_health_check=_quiet)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@given(anything)
def test_arbitrary_text_raises_nothing_but_article_error(text):
    try:
        parse_article(text)
    except ArticleError:
        pass


@given(anything)
@example("0 0 0 AA â€™’")  # ftfy's repair ends in an insertion: offsets must stay in the source
def test_offsets_round_trip(text):
    try:
        article = parse_article(text)
    except ArticleError:
        return
    for group in (
        article.paragraphs,
        article.sentences,
        article.quotes,
        article.entities,
        article.claims,
    ):
        for item in group:
            assert article.text[item.start : item.end] == item.text
            start, end = article.source_span(item.start, item.end)
            assert 0 <= start <= end <= len(article.source_text)
    for removed in article.removed:
        assert article.source_text[removed.start : removed.end] == removed.text


@given(anything)
def test_normalising_normalised_text_changes_nothing(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.one_of(st.text(max_size=200), news_like))
@example("AA â€™’")
def test_line_offsets_are_increasing_and_in_range(line):
    text, offsets = normalize_line(line.replace("\n", " "))
    assert len(text) == len(offsets)
    assert all(0 <= o < len(line) for o in offsets)
    assert offsets == sorted(offsets)


@given(news_like)
def test_reparsing_the_article_text_keeps_its_paragraphs(text):
    try:
        article = parse_article(text)
    except ArticleError:
        return
    body = "\n\n".join(p.text for p in article.paragraphs)
    assert body == article.text


@given(st.lists(_pieces, min_size=40, max_size=400).map(" ".join))
def test_long_lines_are_repaired_chunk_by_chunk_with_offsets_in_order(line):
    text, offsets = normalize_line(line.replace("\n", " "))
    assert len(text) == len(offsets)
    assert all(0 <= o < len(line) for o in offsets)
    assert offsets == sorted(offsets)
    assert "\u202e" not in text and "\u2066" not in text


@given(st.text(min_size=1, max_size=80), st.text(max_size=80))
def test_alignment_maps_every_output_character_into_the_source_in_order(src, dst):
    mapping = _align(src, dst)
    assert len(mapping) == len(dst)
    assert all(0 <= i < len(src) for i in mapping)
    assert mapping == sorted(mapping)


@given(st.text(min_size=1, max_size=80))
def test_alignment_of_mojibake_points_each_character_at_its_first_mis_decoded_byte(text):
    broken = text.encode("utf-8").decode("sloppy-windows-1252")
    starts = [len(text[:k].encode("utf-8")) for k in range(len(text))]
    assert _align(broken, text) == starts
    assert _align(text, text) == list(range(len(text)))
