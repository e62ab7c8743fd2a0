"""A parsed article as rows of the corpus tables, each keyed by `article_id`, with fixed schemas.

The schemas are explicit so that every partition of a table has the same column types, even
one where a column is all empty (a batch with no sections or no errors).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import pandas as pd
import pyarrow as pa

from alliance_lib.analysis.threats import Frame
from alliance_lib.corpus.item import Item
from alliance_lib.errors import ArticleError
from alliance_lib.text.frames import SPAN_FIELDS, SPAN_PARTS, attribution_rows
from alliance_lib.text.model import Article

_S, _I, _L, _B, _F = pa.string(), pa.int32(), pa.int64(), pa.bool_(), pa.float64()
_SPAN = [("start", _L), ("end", _L)]
_SOURCE_SPAN = [("source_start", _L), ("source_end", _L)]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", _S),
            ("source", _S),
            ("kind", _S),
            ("outlet", _S),
            ("url", _S),
            ("published", _S),
            ("headline", _S),
            ("section", _S),
            ("truncated", _B),
            ("reference_date", _S),
            ("decode_note", _S),
            ("bytes", _L),
            ("characters", _L),
            ("paragraphs", _I),
            ("sentences", _I),
            ("quotes", _I),
            ("attributions", _I),
            ("entities", _I),
            ("claims", _I),
            ("removed", _I),
        ]
    ),
    "sentences": pa.schema(
        [("article_id", _S), ("sentence", _I), *_SPAN, ("text", _S), ("paragraph", _I)]
        + [("paragraph_kind", _S), *_SOURCE_SPAN]
    ),
    "quotes": pa.schema(
        [("article_id", _S), ("quote", _I), *_SPAN, ("text", _S), ("speaker", _S)]
        + [("speaker_name", _S), ("attribution", _S), ("cue", _S), ("partial", _B)]
        + [("sentence", _I), ("paragraph", _I), *_SOURCE_SPAN]
        + [("source", _S), ("antecedent_start", _L), ("antecedent_end", _L)]
    ),
    # `text.frames.attribution_rows`: one row per attribution, its spans flattened
    "attributions": pa.schema(
        [("article_id", _S), ("attribution", _I), ("kind", _S), ("speaker", _S)]
        + [("speaker_name", _S), ("speaker_kind", _S), ("sentence", _I)]
        + [
            (f"{part}_{field}", _S if field == "text" else _L)
            for part in SPAN_PARTS
            for field in SPAN_FIELDS
        ]
    ),
    "entities": pa.schema(
        [("article_id", _S), *_SPAN, ("text", _S), ("type", _S), ("id", _S), ("name", _S)]
        + [("sentence", _I), *_SOURCE_SPAN]
    ),
    "claims": pa.schema(
        [("article_id", _S), *_SPAN, ("text", _S), ("type", _S), ("value", _S), ("number", _F)]
        + [("unit", _S), ("precision", _S), ("note", _S), ("sentence", _I), *_SOURCE_SPAN]
        + [("bound", _S), ("owner", _S), ("owner_cue", _S)]
    ),
    # as notebook 04's sentence_codes.csv
    "sentence_codes": pa.schema(
        [("article_id", _S), ("sentence", _I), ("voice", _S), ("code", _S), ("evidence", _S)]
        + _SPAN
    ),
    # the threat coder's frames (issue 19): one row per (sentence, state) framed as a threat or
    # whose threat frame is rejected; the sentence's offsets in the decoded input
    "threats": pa.schema(
        [("article_id", _S), ("sentence", _I), ("sentence_start", _L), ("sentence_end", _L)]
        + [("state", _S), ("label", _S), ("voice", _S), ("voice_id", _S), ("cue", _S)]
        + [("kind", _S)]
    ),
    # as notebook 03's policy_shifts.csv: one row per distinct shift, every sentence naming it
    "policy_shifts": pa.schema(
        [("article_id", _S), ("shift", _S), ("category", _S), ("domain_label", _S)]
        + [("actors", _S), ("recipients", _S), ("actions", _S), ("objects", _S)]
        + [("time_horizon", _S), ("precedent_broken", _S)]
        + [("precedent_clause", _S), ("precedent_kept", _S), ("sentences", pa.list_(_I))]
        + [("mentions", _I), ("first_sentence_text", _S)]
    ),
    "errors": pa.schema(
        [("source", _S), ("kind", _S), ("outlet", _S), ("url", _S), ("published", _S)]
        + [("article_id", _S), ("error", _S), ("message", _S)]
    ),
}
TABLES = tuple(SCHEMAS)


def article_id(data: bytes) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the article's source bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def _keyed(key: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"article_id": key, **row} for row in rows]


def _frame_rows(key: str, frame: pd.DataFrame) -> list[dict[str, Any]]:
    return _keyed(key, frame.to_dict("records"))


def article_rows(
    key: str,
    item: Item,
    data: bytes,
    article: Article,
    codes: pd.DataFrame,
    shifts: pd.DataFrame,
    frames: Sequence[Frame] = (),
) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table but `errors`: one article row, and its items keyed by `key`."""
    names = article.entity_names()
    quotes = article.records(article.quotes)
    for index, row in enumerate(quotes):
        row["quote"] = index
        row["speaker_name"] = names.get(row["speaker"]) if row["speaker"] else None
    sentences = article.records(article.sentences)
    for index, row in enumerate(sentences):
        row["sentence"] = index
        row["paragraph_kind"] = article.paragraphs[row["paragraph"]].kind
    claims = article.records(article.claims)
    for row in claims:
        value = row["value"]
        row["number"] = float(value) if isinstance(value, int | float) else None
        row["value"] = str(value)
    return {
        "articles": [
            {
                "article_id": key,
                "source": item.source,
                "kind": item.kind,
                "outlet": item.outlet,
                "url": item.url,
                "published": item.published or article.reference_date,
                "headline": article.headline,
                "section": article.section,
                "truncated": article.truncated,
                "reference_date": article.reference_date,
                "decode_note": article.decode_note,
                "bytes": len(data),
                "characters": len(article.text),
                "paragraphs": len(article.paragraphs),
                "sentences": len(article.sentences),
                "quotes": len(article.quotes),
                "attributions": len(article.attributions),
                "entities": len(article.entities),
                "claims": len(article.claims),
                "removed": len(article.removed),
            }
        ],
        "sentences": _keyed(key, sentences),
        "quotes": _keyed(key, quotes),
        "attributions": _keyed(key, attribution_rows(article)),
        "entities": _keyed(key, article.records(article.entities)),
        "claims": _keyed(key, claims),
        "sentence_codes": _frame_rows(key, codes),
        "policy_shifts": _frame_rows(key, shifts),
        "threats": _keyed(key, threat_rows(article, frames)),
    }


def threat_rows(article: Article, frames: Sequence[Frame]) -> list[dict[str, Any]]:
    """The `threats` table's rows for one article (without `article_id`)."""
    rows = []
    for frame in frames:
        sentence = article.sentences[frame.sentence]
        start, end = article.source_span(sentence.start, sentence.end)
        rows.append(
            {
                "sentence": frame.sentence,
                "sentence_start": start,
                "sentence_end": end,
                "state": frame.state,
                "label": frame.label,
                "voice": frame.voice,
                "voice_id": frame.voice_id,
                "cue": frame.cue,
                "kind": frame.kind,
            }
        )
    return rows


def error_row(item: Item, key: str | None, error: BaseException) -> dict[str, Any]:
    """One `errors` row: the item, its id when its bytes were read, the error class and message."""
    if isinstance(error, ArticleError):  # its message starts with the source, already a column
        name, message = type(error).__name__, error.problem
    else:
        name, message = type(error).__name__, str(error) or type(error).__name__
    return {
        "source": item.source,
        "kind": item.kind,
        "outlet": item.outlet,
        "url": item.url,
        "published": item.published,
        "article_id": key,
        "error": name,
        "message": " ".join(message.split()),
    }


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table of the named schema; a column the schema lacks is a bug here (an
    analysis table changed and its schema did not), so it raises instead of vanishing."""
    schema = SCHEMAS[name]
    extra = {column for row in rows for column in row} - set(schema.names)
    if extra:
        raise ValueError(f"corpus table {name!r} has no column(s) {sorted(extra)} in its schema")
    return pa.Table.from_pylist(
        [{column: row.get(column) for column in schema.names} for row in rows], schema=schema
    )
