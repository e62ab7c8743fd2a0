"""Boilerplate rules: each drop recorded with its rule."""

from __future__ import annotations

import pytest

from alliance_lib import parse_article


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Advertisement", "advertisement"),
        ("Tweet", "share_counter"),
        ("1.2K", "share_counter"),
        ("undefined", "artifact"),
        ("Follow us on Twitter", "footer"),
        ("Read more", "continue_reading"),
    ],
)
def test_boilerplate_rules(line, rule):
    body = "Japan and the United States agreed on new defense steps today."
    lead = "" if rule == "continue_reading" else line
    article = parse_article(f"Headline of the story\n\n{lead}\n{body}\n{line}")
    assert rule in {r.rule for r in article.removed}
    assert line not in article.text


def test_continue_reading_glued_to_the_last_paragraph_is_cut():
    article = parse_article(
        "Japan and the United States agreed on new defense steps today. Continue reading..."
    )
    assert article.truncated and article.text.endswith("today.")
