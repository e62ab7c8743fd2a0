"""The parsing pipeline: input text -> cleaned, structured, traceable `Article`."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from alliance_lib.boilerplate import remove_boilerplate
from alliance_lib.claims import date_of_line, find_claims
from alliance_lib.decode import check_text, decode_bytes
from alliance_lib.entities import gazetteer_mentions, merge, people_mentions
from alliance_lib.errors import (
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    NoArticleBodyError,
    NotAFileError,
)
from alliance_lib.gazetteer import load_gazetteer
from alliance_lib.html import extract_html, looks_like_html
from alliance_lib.lines import split_lines
from alliance_lib.model import Article
from alliance_lib.paths import GAZETTEER
from alliance_lib.quotes import find_quotes
from alliance_lib.structure import layout, split_sentences

MAX_BYTES = 5_000_000  # far above any news article; protects notebooks from a wrong file
_MIN_BODY_WORDS = 5


def load_article(
    path: str | os.PathLike[str],
    *,
    reference_date: date | str | None = None,
    gazetteer_path: str | os.PathLike[str] = GAZETTEER,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Read and parse the article at `path` (text or HTML, any common encoding)."""
    path = Path(path)
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ArticleNotFoundError(source, "no such file") from exc
    except OSError as exc:
        raise ArticleError(source, f"cannot be read ({exc.strerror or exc})") from exc
    if path.is_dir():
        raise NotAFileError(source, "is a directory, not an article file")
    if not path.is_file():
        raise NotAFileError(source, "is not a regular file")
    if info.st_size > max_bytes:
        raise ArticleTooLargeError(
            source, f"is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(source, f"cannot be read ({exc.strerror or exc})") from exc
    return parse_article(
        decode_bytes(data, source),
        reference_date=reference_date,
        source=source,
        gazetteer_path=gazetteer_path,
        max_bytes=max_bytes,
    )


def _as_date(value: date | str | None, source: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ArticleError(source, f"reference date {value!r} is not a YYYY-MM-DD date") from exc


def parse_article(
    text: str,
    *,
    reference_date: date | str | None = None,
    source: str = "<text>",
    gazetteer_path: str | os.PathLike[str] = GAZETTEER,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Parse article `text`; raises an `ArticleError` subclass naming `source` on bad input."""
    if not isinstance(text, str):
        raise ArticleError(source, f"expected text, got {type(text).__name__}")
    if len(text) > max_bytes:
        raise ArticleTooLargeError(
            source, f"is {len(text):,} characters, over the {max_bytes:,} limit"
        )
    check_text(text, source)
    reference = _as_date(reference_date, source)
    title = None
    kind = "text"
    if looks_like_html(text):
        kind = "HTML page"
        extracted = extract_html(text, source)
        text, title = extracted.text, extracted.title
        if reference is None and extracted.date:
            reference = _as_date(extracted.date, source)

    cleaned = remove_boilerplate(split_lines(text), text, title)
    if reference is None and cleaned.published:
        reference = date_of_line(cleaned.published)  # the article's own publication date
    page = layout(cleaned.lines, cleaned.headings, text)
    body_words = sum(len(p.text.split()) for p in page.paragraphs if p.kind == "body")
    if body_words < _MIN_BODY_WORDS or not re.search(r"[^\W\d_]{2}", page.text):
        raise NoArticleBodyError(
            source, f"{kind} with nothing that looks like an article body (no prose paragraphs)"
        )

    sentences = split_sentences(page.text, page.paragraphs)
    gazetteer = load_gazetteer(Path(gazetteer_path))
    entities = gazetteer_mentions(page.text, gazetteer, sentences)
    quotes, new_people = find_quotes(page.text, page.paragraphs, sentences, entities, gazetteer)
    entities = merge(entities, people_mentions(page.text, new_people, gazetteer, sentences))
    claims = find_claims(page.text, sentences, reference)
    removed = sorted(cleaned.removed + page.removed, key=lambda r: (r.start, r.end))
    return Article(
        source=source,
        headline=cleaned.headline,
        section=cleaned.section,
        truncated=cleaned.truncated,
        text=page.text,
        paragraphs=tuple(page.paragraphs),
        sentences=tuple(sentences),
        quotes=tuple(quotes),
        entities=tuple(entities),
        claims=tuple(claims),
        removed=tuple(removed),
        source_text=text,
        reference_date=reference.isoformat() if reference else None,
        _offsets=page.offsets,
    )
