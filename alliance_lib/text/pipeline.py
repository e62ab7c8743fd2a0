"""The parsing pipeline: article file or text -> cleaned, structured, traceable `Article`.

Each numbered stage is one module of `alliance_lib.text`; `parse_article` runs them in order.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from alliance_lib.config import (
    GAZETTEER,
    MAX_BYTES,
    MIN_BODY_WORDS,
)
from alliance_lib.errors import ArticleError, ArticleTooLargeError, NoArticleBodyError
from alliance_lib.text.attributions import build_attributions, find_frames, speaker_kinds
from alliance_lib.text.boilerplate import remove_boilerplate
from alliance_lib.text.claims import find_claims
from alliance_lib.text.dateline import dateline_date, publication_date
from alliance_lib.text.dates import reference_day
from alliance_lib.text.decode import check_text, decode_bytes
from alliance_lib.text.entities import gazetteer_mentions
from alliance_lib.text.gazetteer import load_gazetteer
from alliance_lib.text.layout import layout
from alliance_lib.text.model import Article, Paragraph, sentence_locator
from alliance_lib.text.offsets import split_lines
from alliance_lib.text.owners import assign_owners
from alliance_lib.text.quotes import attributed_quotes, find_quotations
from alliance_lib.text.read import read_article_bytes
from alliance_lib.text.sentences import split_sentences
from alliance_lib.text.speakers import resolve_speakers
from alliance_lib.text.webpage import extract_html, looks_like_html

_LETTERS = re.compile(r"[^\W\d_]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")  # never in decoded text; only a caller's str holds one


def load_article(
    path: str | os.PathLike[str],
    *,
    reference_date: date | str | None = None,
    gazetteer_path: str | os.PathLike[str] = GAZETTEER,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Read and parse the article at `path` (text or HTML, any common encoding).

    `Article.decode_note` says how the bytes were decoded when they were not clean UTF-8.
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(
            f"load_article: path must be a str or os.PathLike, not {type(path).__name__}"
        )
    source = str(Path(path))
    data = read_article_bytes(path, max_bytes)  # 1. read
    return parse_bytes(
        data,
        source=source,
        reference_date=reference_date,
        gazetteer_path=gazetteer_path,
        max_bytes=max_bytes,
    )


def parse_bytes(
    data: bytes,
    *,
    source: str,
    reference_date: date | str | None = None,
    headline: str | None = None,
    gazetteer_path: str | os.PathLike[str] = GAZETTEER,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Decode and parse an article's bytes (a file's, a web archive record's), noting in
    `Article.decode_note` how they were decoded when they were not clean UTF-8."""
    decoded = decode_bytes(data, source)  # 2. decode
    article = parse_article(
        decoded.text,
        reference_date=reference_date,
        headline=headline,
        source=source,
        gazetteer_path=gazetteer_path,
        max_bytes=max_bytes,
    )
    return replace(article, decode_note=decoded.note) if decoded.note else article


def _as_date(value: date | str | None, source: str) -> date | None:
    """The reference date: a `date` or a YYYY-MM-DD string, within the years claims can name."""
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date | str):
        hint = " (pass its .date())" if isinstance(value, datetime) else ""
        raise TypeError(
            f"reference_date must be a date or a YYYY-MM-DD string, not {type(value).__name__}{hint}"
        )
    try:
        return reference_day(value)
    except ValueError as exc:
        raise ArticleError(source, f"reference date {exc}") from None


def _has_body_words(paragraphs: list[Paragraph]) -> bool:
    """Whether the body paragraphs hold `MIN_BODY_WORDS` words (counted only that far)."""
    words = 0
    for paragraph in paragraphs:
        if paragraph.kind == "body":
            words += len(paragraph.text.split(maxsplit=MIN_BODY_WORDS))
            if words >= MIN_BODY_WORDS:
                return True
    return False


def parse_article(
    text: str,
    *,
    reference_date: date | str | None = None,
    headline: str | None = None,
    source: str = "<text>",
    gazetteer_path: str | os.PathLike[str] = GAZETTEER,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Parse article `text`; raises an `ArticleError` subclass naming `source` on bad input.

    `headline`, when known (a manifest's title), wins over a page's title and the text's
    opening line; the line that repeats it is dropped as the headline.
    """
    if not isinstance(text, str):
        raise ArticleError(source, f"expected text, got {type(text).__name__}")
    if headline is not None and not isinstance(headline, str):
        raise TypeError(f"headline must be a str or None, not {type(headline).__name__}")
    if len(text) > max_bytes:
        raise ArticleTooLargeError(
            source, f"is {len(text):,} characters, over the {max_bytes:,} limit"
        )
    if surrogate := _SURROGATE.search(text):
        raise ArticleError(
            source,
            f"not valid Unicode text: a lone surrogate U+{ord(surrogate.group()):04X} "
            f"at character {surrogate.start()}",
        )
    check_text(text, source)
    reference = _as_date(reference_date, source)

    # 3. webpage: an HTML page's main content, title and publication date
    title = None
    kind = "text"
    page_date = None
    if looks_like_html(text):
        kind = "HTML page"
        extracted = extract_html(text, source)
        text, title, page_date = extracted.text, extracted.title, extracted.date
    if headline is not None:  # repaired and spaced as the lines are, to be found among them
        title = " ".join(line.text for line in split_lines(headline) if line.text) or title

    # 4. offsets: normalised lines, each character mapped to the raw input
    lines = split_lines(text)
    # 5. boilerplate: every drop recorded with its rule; headline, section, date line found
    cleaned = remove_boilerplate(lines, text, title)
    # 6. layout: paragraphs, then sentences
    page = layout(cleaned.lines, cleaned.headings)
    if not _has_body_words(page.paragraphs) or not _LETTERS.search(page.text):
        raise NoArticleBodyError(
            source, f"{kind} with nothing that looks like an article body (no prose paragraphs)"
        )
    # 7. dateline: the publication date, the reference for dates given without a year: the
    # caller's, else the page's metadata, a date line under the headline, the body's dateline
    body = next((p.text for p in page.paragraphs if p.kind == "body"), "")
    reference = reference or publication_date(page_date) or cleaned.published or dateline_date(body)
    sentences = split_sentences(page.text, page.paragraphs)
    # 8. entities: everything the gazetteer knows
    gazetteer = load_gazetteer(
        gazetteer_path if isinstance(gazetteer_path, Path) else Path(gazetteer_path)
    )
    entities = gazetteer_mentions(page.text, gazetteer, sentences)
    # 9. quotations with their said-clauses; 10. speakers: who each clause names (new people
    # become entities); 11. quotes: said-clause or inherited speakers
    quoted = find_quotations(page.text, page.paragraphs, sentences)
    # 12. attributions: the frames of reported speech (who said, thought or found what)
    frames = find_frames(page.text, page.paragraphs, sentences, quoted)
    speakers = resolve_speakers(
        page.text, quoted, entities, gazetteer, sentences, [f.clause for f in frames]
    )
    attributed = attributed_quotes(page.text, quoted, speakers.by_quotation)
    quotes = [quote for quote, _ in attributed]
    attributions = build_attributions(
        page.text,
        frames,
        speakers.by_frame,
        quotes,
        [q for paragraph in quoted for q in paragraph.quotations],
        [speaker for _, speaker in attributed],
        speaker_kinds(speakers.entities),
        sentence_locator(sentences),
    )
    # 13. claims: numbers, amounts, dates and historical anchors; 14. owners: whose money,
    # share or target each spending claim is (and the currency a shared form names)
    claims = find_claims(page.text, sentences, reference)
    claims = assign_owners(page.text, sentences, speakers.entities, gazetteer, claims)
    return Article(
        source=source,
        headline=cleaned.headline,
        section=cleaned.section,
        truncated=cleaned.truncated,
        text=page.text,
        paragraphs=tuple(page.paragraphs),
        sentences=tuple(sentences),
        quotes=tuple(quotes),
        attributions=tuple(attributions),
        entities=tuple(speakers.entities),
        claims=tuple(claims),
        removed=tuple(cleaned.removed),
        source_text=text,
        reference_date=reference.isoformat() if reference else None,
        _offsets=page.offsets,
    )
