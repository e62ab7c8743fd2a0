"""Issue 7's speech families at two sizes: each parse completes and counts what it should.

No timing is asserted here (speed is measured by the benchmarks); these inputs took minutes
before the searches they exercise were bounded or made linear.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from alliance_lib import parse_article
from alliance_lib.text.entities import merge
from alliance_lib.text.gazetteer import FormMatcher
from alliance_lib.text.model import Entity


def _quotes_in_one_sentence(count: int) -> str:
    body = ", ".join(f"“alpha beta gamma {i}”" for i in range(count))
    return f"Quotes everywhere today\n\nThe officials listed {body} in one sentence.\n"


def _name(i: int) -> tuple[str, str]:
    letters = ""
    for _ in range(3):
        letters += "bcdfghjklmnprstvz"[i % 17]
        i //= 17
    return "Ja" + letters, "Mo" + letters + "son"


def _distinct_speakers(count: int) -> str:
    paragraphs = []
    for i in range(count):
        given, family = _name(i)
        paragraphs.append(f"“This is what we think about plan number {i},” said {given} {family}.")
    return "Many speakers today\n\n" + "\n\n".join(paragraphs) + "\n"


def _long_paragraph(sentences: int) -> str:
    unit = "The committee met again on Tuesday and the members said it was fine. "
    return "One long paragraph\n\n" + unit * sentences + "\n"


@pytest.mark.parametrize("count", [300, 1200])
def test_thousands_of_quotations_in_one_sentence(count):
    article = parse_article(_quotes_in_one_sentence(count))
    assert len(article.quotes) == count
    assert len(article.sentences) == 1


@pytest.mark.parametrize("count", [200, 800])
def test_thousands_of_distinct_speakers_each_get_one_id(count):
    article = parse_article(_distinct_speakers(count))
    assert len(article.quotes) == count
    speakers = [q.speaker for q in article.quotes]
    assert len(set(speakers)) == count
    names = article.entity_names()
    assert all(speaker in names for speaker in speakers)
    given, family = _name(count - 1)
    assert names[speakers[-1]] == f"{given} {family}"


@pytest.mark.parametrize("sentences", [2_000, 20_000])
def test_one_long_paragraph_splits_into_its_sentences(sentences):
    article = parse_article(_long_paragraph(sentences))
    assert len(article.paragraphs) == 1
    assert len(article.sentences) == sentences
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences[:50])


@pytest.mark.parametrize("count", [500, 5_000])
def test_form_matcher_finds_every_one_of_many_forms(count):
    forms = [f"{_name(i)[0]} {_name(i)[1]}" for i in range(count)]
    text = " and ".join(reversed(forms))
    found = [text[a:b] for a, b in FormMatcher(forms).finditer(text)]
    assert found == list(reversed(forms))


@pytest.mark.parametrize("count", [500, 5_000])
def test_merge_keeps_text_order_and_drops_overlaps(count):
    existing = [Entity(10 * i, 10 * i + 4, "x", "person", f"a{i}", "A", 0) for i in range(count)]
    extra = [Entity(10 * i + 2, 10 * i + 8, "y", "person", f"b{i}", "B", 0) for i in range(count)]
    extra += [Entity(10 * i + 5, 10 * i + 9, "z", "person", f"c{i}", "C", 0) for i in range(count)]
    merged = merge(existing, extra)
    assert [e.id[0] for e in merged[:4]] == ["a", "c", "a", "c"]
    assert len(merged) == 2 * count
    assert all(left.end <= right.start for left, right in pairwise(merged))
