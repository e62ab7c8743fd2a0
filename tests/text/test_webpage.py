"""HTML pages that would defeat the extraction: nested deeper than the HTML parser goes (the
page is flattened and parsed again), and so many elements that trafilatura's quadratic
fallback extractors must not run."""

from __future__ import annotations

import pytest
import trafilatura.core

from alliance_lib import parse_article
from alliance_lib.config import HTML_FALLBACK_MAX_ELEMENTS, HTML_FLAT_DEPTH
from alliance_lib.text import webpage
from benchmarks.pathological import short_paragraphs_html

_SAID = "Japan will double its defence spending over five years, officials in Tokyo said on {}."
_DAYS = ("Monday", "Tuesday", "Wednesday")


def _article() -> str:
    return "<article>" + "".join(f"<p>{_SAID.format(day)}</p>" for day in _DAYS) + "</article>"


@pytest.mark.parametrize("depth", [300, 2100, 50_000])
@pytest.mark.parametrize("tag", ["div", "span", "section"])
def test_an_article_nested_past_the_parser_limit_keeps_its_text(depth, tag):
    page = (
        "<!DOCTYPE html><html><head><title>Allies agree</title></head><body>"
        + f"<{tag}>" * depth
        + _article()
        + f"</{tag}>" * depth
        + "</body></html>"
    )
    article = parse_article(page, source="deep.html")
    assert [p.text for p in article.paragraphs] == [_SAID.format(day) for day in _DAYS]


def test_deep_nesting_before_the_article_cannot_hide_it():
    # a menu 1,000 levels deep ahead of the article: the parser used to stop inside the menu
    page = (
        "<html><head><title>Allies agree</title></head><body><nav>"
        + "<ul><li><a href='/x'>Section</a>" * 1000
        + "</li></ul>" * 1000
        + "</nav>"
        + _article()
        + "</body></html>"
    )
    article = parse_article(page, source="menu.html")
    assert [p.text for p in article.paragraphs] == [_SAID.format(day) for day in _DAYS]


def _depth_of(page: str) -> int:
    deepest, level = 0, 0
    for piece in page.split("<")[1:]:
        if piece.startswith("/"):
            level -= 1
        elif not piece.startswith(("!", "br", "img")):
            level += 1
            deepest = max(deepest, level)
    return deepest


def test_flatten_bounds_the_depth_and_keeps_every_text_and_paragraph():
    page = (
        "<html><body>"
        + "<div class='x'><span>a&amp;" * 500
        + "<p>one <b>bold</b></p><p>two<br>three</p><img src='i.png'>"
        + "</span></div>" * 500
        + "<p>after</p></body></html>"
    )
    flat = webpage.flatten(page)
    assert _depth_of(flat) <= HTML_FLAT_DEPTH
    assert "<p>one bold</p><p>two<br>three</p>" in flat.replace("<b>", "").replace("</b>", "")
    assert flat.count("a&amp;") == 500 and flat.endswith("<p>after</p></body></html>")
    assert webpage.flatten("<p>x</p>") == "<p>x</p>"  # a shallow page is unchanged


def test_a_page_over_the_element_limit_skips_the_quadratic_fallback(monkeypatch):
    compared = []
    original = trafilatura.core.compare_extraction

    def spy(*args, **kwargs):
        compared.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(trafilatura.core, "compare_extraction", spy)
    small = HTML_FALLBACK_MAX_ELEMENTS // 4  # two elements a paragraph
    parse_article(short_paragraphs_html(small))
    assert compared == [1]  # a page of ordinary size keeps trafilatura's fallbacks
    large = HTML_FALLBACK_MAX_ELEMENTS  # 2x the elements of the limit
    article = parse_article(short_paragraphs_html(large))
    assert compared == [1] and len(article.paragraphs) == large
