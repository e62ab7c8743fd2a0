"""Issues 7 and 16's pathological inputs parse, and parse right, at two sizes (speed is `make bench`'s).

Each family comes from `benchmarks.pathological`, the builders the growth benchmark times. The
larger size is one the old code could not finish (a stub with 40 ellipses backtracked 2^40
times; 5,000 mojibake words took hours to align), so a regression shows as a hang here.
"""

from __future__ import annotations

import json

import pytest

from alliance_lib import parse_article
from benchmarks.pathological import FAMILIES, counts, speaker_name

SIZES = {
    "continue_stub": (40, 4000),
    "mojibake": (500, 5000),
    "hard_wrapped": (2000, 20000),
    "long_paragraph": (2000, 20000),
    "quotes_in_sentence": (300, 1200),
    "distinct_speakers": (200, 800),
    "claims_in_sentence": (1000, 10000),
    # issue 16: 24,000 short paragraphs took the old code about 40 s (justext, ~n^2); past 256
    # levels of nesting the old code lost the article ("no extractable article body")
    "short_paragraphs_html": (6000, 24000),
    "deep_nesting_html": (300, 30000),
    "reports_in_sentence": (200, 800),
    "reported_paragraphs": (200, 800),
    "appositive_reports": (200, 800),
    "owners_in_sentence": (1000, 10000),
}


@pytest.mark.parametrize(
    ("name", "count"), [(name, n) for name, sizes in SIZES.items() for n in sizes]
)
def test_family_parses_with_the_right_counts(name, count):
    family = FAMILIES[name]
    article = parse_article(family.build(count))
    assert counts(family, article) == family.expected(count)


def test_every_family_of_the_issue_has_a_builder_and_sizes():
    assert set(SIZES) == set(FAMILIES) and len(FAMILIES) == 13


def test_a_continue_stub_with_many_ellipses_is_still_removed():
    text = FAMILIES["continue_stub"].build(1).replace("…x", "…" * 4000)
    article = parse_article(text)
    assert article.truncated and [r.rule for r in article.removed] == ["continue_reading"]
    assert len(article.paragraphs) == 1


def test_mojibake_offsets_point_at_the_damaged_source():
    article = parse_article(FAMILIES["mojibake"].build(3000))
    japans = [e for e in article.entities if e.text == "Japan"]
    assert len(japans) == 3001
    for entity in japans[1:]:
        start, end = article.source_span(entity.start, entity.end)
        assert article.source_text[start:end] == "Japan"
        assert article.source_text[end : end + 5] == "â€™s "
    paragraph = article.paragraphs[-1]
    start, end = article.source_span(paragraph.start, paragraph.end)
    assert article.source_text[start:end] == "Japanâ€™s " * 2999 + "Japanâ€™s"


def test_a_long_mojibake_run_without_spaces_is_repaired_chunk_by_chunk():
    lead = FAMILIES["mojibake"].build(1).split("\n")[0]
    article = parse_article(f"{lead}\n\nQuote: {'â€™' * 20000} end")
    assert article.paragraphs[-1].text == f"Quote: {'’' * 20000} end"
    last = article.paragraphs[-1]
    for offset in range(last.start, last.end):
        raw, _ = article.source_span(offset, offset + 1)
        assert article.source_text[raw] == (
            article.text[offset] if article.text[offset] != "’" else "â"
        )


def test_hard_wrapped_lines_keep_their_offsets():
    article = parse_article(FAMILIES["hard_wrapped"].build(5000))
    paragraph = article.paragraphs[0]
    start, end = article.source_span(paragraph.start, paragraph.end)
    assert article.source_text[start:end].replace("\n", " ") == paragraph.text


def test_one_long_paragraphs_sentences_keep_their_offsets():
    article = parse_article(FAMILIES["long_paragraph"].build(2000))
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences[:50])


def test_thousands_of_distinct_speakers_each_get_one_id():
    count = 800
    article = parse_article(FAMILIES["distinct_speakers"].build(count))
    speakers = [q.speaker for q in article.quotes]
    assert len(speakers) == len(set(speakers)) == count
    names = article.entity_names()
    assert all(speaker in names for speaker in speakers)
    assert names[speakers[-1]] == f"Lena {speaker_name(count - 1)}"


def test_thousands_of_claims_are_each_claimed_once_by_the_first_pattern():
    article = parse_article(FAMILIES["claims_in_sentence"].build(3000))
    kinds = [c.type for c in article.claims]
    assert kinds == ["share_of_gdp", "amount", "date"] * 3000  # "percent" never re-claims
    spans = [(c.start, c.end) for c in article.claims]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_a_number_too_large_for_a_float_is_not_a_claim_and_json_stays_finite():
    text = (
        f"Japan will spend {'9' * 400} yen, {'9' * 400}-fold more, and 2 percent of GDP"
        f" on defence over {'9' * 400} decades, officials said."
    )
    article = parse_article(text)
    assert [(c.type, c.value) for c in article.claims] == [("share_of_gdp", 2.0)]
    json.dumps(article.to_dict(), allow_nan=False)  # raises ValueError on inf or nan


def test_a_digit_run_of_megabytes_is_one_refused_claim():
    article = parse_article(f"Japan will spend {'9' * 1_000_000} yen on defence, officials said.")
    assert article.claims == ()
