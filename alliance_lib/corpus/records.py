"""A parsed article as rows of the corpus tables, each keyed by `article_id`, with fixed schemas.

The schemas are explicit so that every partition of a table has the same column types, even
one where a column is all empty (a batch with no sections or no errors). One name has one
meaning across the tables (`SCHEMA_VERSION`, 2): `input_path` is the input an article was read
from, `speaker_text` the words that name a speaker, `raw_start`/`raw_end` offsets in the decoded
input (a part's own in the attributions and threats tables: `content_raw_start`, ...).

Rows are built as column lists (`Columns`: one list per column), an article's first and then a
batch's (`BatchColumns`), and become one Arrow table per table per batch (`from_pydict`): no
dict per row and no pandas frame per article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pyarrow as pa

from alliance_lib.analysis.threats import Frame
from alliance_lib.config import CORPUS_FORMAT_VERSION
from alliance_lib.corpus.item import Item
from alliance_lib.errors import ArticleError
from alliance_lib.text.model import Article, Span

# The corpus format (`_corpus.json`'s "version"): 2 renamed the columns to one name per meaning
# and made `published` and `reference_date` dates (see docs/corpus.md).
SCHEMA_VERSION = CORPUS_FORMAT_VERSION

_S, _I, _L, _B, _F, _D = pa.string(), pa.int32(), pa.int64(), pa.bool_(), pa.float64(), pa.date32()
_SPAN = [("start", _L), ("end", _L)]
_RAW_SPAN = [("raw_start", _L), ("raw_end", _L)]
# an attribution's parts, each flattened into five columns (`content_start`, ...)
ATTRIBUTION_PARTS = ("content", "speaker", "cue")
_PART_FIELDS = ("start", "end", "raw_start", "raw_end", "text")

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", _S),
            ("input_path", _S),
            ("input_kind", _S),
            ("outlet", _S),
            ("url", _S),
            ("published", _D),
            ("headline", _S),
            ("section", _S),
            ("truncated", _B),
            ("reference_date", _D),
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
        + [("paragraph_kind", _S), *_RAW_SPAN]
    ),
    "quotes": pa.schema(
        [("article_id", _S), ("quote", _I), *_SPAN, ("text", _S), ("speaker", _S)]
        + [("speaker_name", _S), ("attribution_method", _S), ("cue", _S), ("partial", _B)]
        + [("sentence", _I), ("paragraph", _I), *_RAW_SPAN]
        + [("speaker_text", _S), ("antecedent_start", _L), ("antecedent_end", _L)]
    ),
    # one row per attribution, its content, speaker (PARC's source) and cue spans flattened
    "attributions": pa.schema(
        [("article_id", _S), ("attribution", _I), ("kind", _S), ("speaker", _S)]
        + [("speaker_name", _S), ("speaker_kind", _S), ("sentence", _I)]
        + [
            (f"{part}_{field}", _S if field == "text" else _L)
            for part in ATTRIBUTION_PARTS
            for field in _PART_FIELDS
        ]
    ),
    "entities": pa.schema(
        [("article_id", _S), *_SPAN, ("text", _S), ("type", _S), ("id", _S), ("name", _S)]
        + [("sentence", _I), *_RAW_SPAN]
    ),
    "claims": pa.schema(
        [("article_id", _S), *_SPAN, ("text", _S), ("type", _S), ("value", _S), ("number", _F)]
        + [("unit", _S), ("precision", _S), ("note", _S), ("sentence", _I), *_RAW_SPAN]
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
        [("article_id", _S), ("sentence", _I), ("sentence_raw_start", _L)]
        + [("sentence_raw_end", _L), ("state", _S), ("label", _S), ("voice", _S)]
        + [("voice_id", _S), ("cue", _S), ("kind", _S)]
    ),
    # as notebook 03's policy_shifts.csv: one row per distinct shift, every sentence naming it
    "policy_shifts": pa.schema(
        [("article_id", _S), ("shift", _S), ("category", _S), ("domain_label", _S)]
        + [("actors", _S), ("recipients", _S), ("actions", _S), ("objects", _S)]
        + [("time_horizon", _S), ("precedent_broken", _S)]
        + [("precedent_clause", _S), ("precedent_kept", _S), ("sentences", pa.list_(_I))]
        + [("mentions", _I), ("first_sentence_text", _S)]
    ),
    # `published` as the input gave it (text): it may be what made the input fail
    "errors": pa.schema(
        [("input_path", _S), ("input_kind", _S), ("outlet", _S), ("url", _S), ("published", _S)]
        + [("article_id", _S), ("error", _S), ("message", _S)]
    ),
}
TABLES = tuple(SCHEMAS)
# Columns of corpus format 1 renamed in format 2, per table: {old name: new name}.
RENAMED_IN_2: dict[str, dict[str, str]] = {
    "articles": {"source": "input_path", "kind": "input_kind"},
    "errors": {"source": "input_path", "kind": "input_kind"},
    "sentences": {"source_start": "raw_start", "source_end": "raw_end"},
    "quotes": {
        "source_start": "raw_start",
        "source_end": "raw_end",
        "source": "speaker_text",
        "attribution": "attribution_method",
    },
    "entities": {"source_start": "raw_start", "source_end": "raw_end"},
    "claims": {"source_start": "raw_start", "source_end": "raw_end"},
    "attributions": {f"source_{field}": f"speaker_{field}" for field in _PART_FIELDS},
    "threats": {"sentence_start": "sentence_raw_start", "sentence_end": "sentence_raw_end"},
}

Columns = dict[str, list]  # a table's rows as one list per column


def article_id(data: bytes) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the article's source bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _raw(article: Article, items: Sequence[Any]) -> tuple[list[int], list[int]]:
    """The raw (decoded input) offsets of items of the text, as two columns."""
    spans = [article.source_span(item.start, item.end) for item in items]
    return [span[0] for span in spans], [span[1] for span in spans]


def _keyed(key: str, count: int, columns: Columns) -> Columns:
    return {"article_id": [key] * count, **columns}


def _articles(key: str, item: Item, data: bytes, article: Article) -> Columns:
    day = _date(article.reference_date)  # the manifest's date when it gave one (checked)
    row = {
        "article_id": key,
        "input_path": item.source,
        "input_kind": item.kind,
        "outlet": item.outlet,
        "url": item.url,
        "published": _date(item.published) or day,
        "headline": article.headline,
        "section": article.section,
        "truncated": article.truncated,
        "reference_date": day,
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
    return {column: [value] for column, value in row.items()}


def _sentences(key: str, article: Article) -> Columns:
    sentences = article.sentences
    raw_start, raw_end = _raw(article, sentences)
    kinds = [paragraph.kind for paragraph in article.paragraphs]
    return _keyed(
        key,
        len(sentences),
        {
            "sentence": list(range(len(sentences))),
            "start": [s.start for s in sentences],
            "end": [s.end for s in sentences],
            "text": [s.text for s in sentences],
            "paragraph": [s.paragraph for s in sentences],
            "paragraph_kind": [kinds[s.paragraph] for s in sentences],
            "raw_start": raw_start,
            "raw_end": raw_end,
        },
    )


def _quotes(key: str, article: Article, names: Mapping[str, str]) -> Columns:
    quotes = article.quotes
    raw_start, raw_end = _raw(article, quotes)
    return _keyed(
        key,
        len(quotes),
        {
            "quote": list(range(len(quotes))),
            "start": [q.start for q in quotes],
            "end": [q.end for q in quotes],
            "text": [q.text for q in quotes],
            "speaker": [q.speaker for q in quotes],
            "speaker_name": [names.get(q.speaker) if q.speaker else None for q in quotes],
            "attribution_method": [q.attribution for q in quotes],
            "cue": [q.cue for q in quotes],
            "partial": [q.partial for q in quotes],
            "sentence": [q.sentence for q in quotes],
            "paragraph": [q.paragraph for q in quotes],
            "raw_start": raw_start,
            "raw_end": raw_end,
            "speaker_text": [q.source for q in quotes],
            "antecedent_start": [q.antecedent_start for q in quotes],
            "antecedent_end": [q.antecedent_end for q in quotes],
        },
    )


def _part(article: Article, spans: Sequence[Span | None], part: str) -> Columns:
    """One attribution part's five columns (None where the part is missing)."""
    raw = [article.source_span(s.start, s.end) if s is not None else None for s in spans]
    return {
        f"{part}_start": [s.start if s is not None else None for s in spans],
        f"{part}_end": [s.end if s is not None else None for s in spans],
        f"{part}_raw_start": [r[0] if r is not None else None for r in raw],
        f"{part}_raw_end": [r[1] if r is not None else None for r in raw],
        f"{part}_text": [s.text if s is not None else None for s in spans],
    }


def _attributions(key: str, article: Article, names: Mapping[str, str]) -> Columns:
    """As `text.frames.attribution_rows` (notebook 01's attributions.csv), PARC's `source` span
    named `speaker` (`speaker_text`, ...): an organisation described rather than named has no
    entity, so its `speaker_name` is its words."""
    found = article.attributions
    columns = {
        "attribution": list(range(len(found))),
        "kind": [a.kind for a in found],
        "speaker": [a.speaker for a in found],
        "speaker_name": [
            names.get(a.speaker, a.source.text if a.source else None) if a.speaker else None
            for a in found
        ],
        "speaker_kind": [a.speaker_kind for a in found],
        "sentence": [a.sentence for a in found],
    }
    columns |= _part(article, [a.content for a in found], "content")
    columns |= _part(article, [a.source for a in found], "speaker")
    columns |= _part(article, [a.cue for a in found], "cue")
    return _keyed(key, len(found), columns)


def _entities(key: str, article: Article) -> Columns:
    entities = article.entities
    raw_start, raw_end = _raw(article, entities)
    return _keyed(
        key,
        len(entities),
        {
            "start": [e.start for e in entities],
            "end": [e.end for e in entities],
            "text": [e.text for e in entities],
            "type": [e.type for e in entities],
            "id": [e.id for e in entities],
            "name": [e.name for e in entities],
            "sentence": [e.sentence for e in entities],
            "raw_start": raw_start,
            "raw_end": raw_end,
        },
    )


def _claims(key: str, article: Article) -> Columns:
    claims = article.claims
    raw_start, raw_end = _raw(article, claims)
    return _keyed(
        key,
        len(claims),
        {
            "start": [c.start for c in claims],
            "end": [c.end for c in claims],
            "text": [c.text for c in claims],
            "type": [c.type for c in claims],
            "value": [str(c.value) for c in claims],
            "number": [
                float(c.value) if isinstance(c.value, int | float) else None for c in claims
            ],
            "unit": [c.unit for c in claims],
            "precision": [c.precision for c in claims],
            "note": [c.note for c in claims],
            "sentence": [c.sentence for c in claims],
            "raw_start": raw_start,
            "raw_end": raw_end,
            "bound": [c.bound for c in claims],
            "owner": [c.owner for c in claims],
            "owner_cue": [c.owner_cue for c in claims],
        },
    )


CODE_COLUMNS = ("sentence", "voice", "code", "evidence", "start", "end")


def _codes(key: str, codes: Sequence[tuple]) -> Columns:
    """`framing.sentence_code_rows` (tuples in `CODE_COLUMNS` order) as columns."""
    columns = {name: [row[k] for row in codes] for k, name in enumerate(CODE_COLUMNS)}
    return _keyed(key, len(codes), columns)


def _shifts(key: str, shifts: Sequence[Mapping[str, Any]]) -> Columns:
    """`policy.shift_records` as columns."""
    names = SCHEMAS["policy_shifts"].names[1:]
    return _keyed(key, len(shifts), {name: [row[name] for row in shifts] for name in names})


def _threats(key: str, article: Article, frames: Sequence[Frame]) -> Columns:
    raw = [
        article.source_span(article.sentences[f.sentence].start, article.sentences[f.sentence].end)
        for f in frames
    ]
    return _keyed(
        key,
        len(frames),
        {
            "sentence": [f.sentence for f in frames],
            "sentence_raw_start": [r[0] for r in raw],
            "sentence_raw_end": [r[1] for r in raw],
            "state": [f.state for f in frames],
            "label": [f.label for f in frames],
            "voice": [f.voice for f in frames],
            "voice_id": [f.voice_id for f in frames],
            "cue": [f.cue for f in frames],
            "kind": [f.kind for f in frames],
        },
    )


def article_columns(
    key: str,
    item: Item,
    data: bytes,
    article: Article,
    codes: Sequence[tuple] = (),
    shifts: Sequence[Mapping[str, Any]] = (),
    frames: Sequence[Frame] = (),
) -> dict[str, Columns]:
    """Columns of every table but `errors` for one article: its one `articles` row, and its
    items keyed by `key`. `codes` are `framing.sentence_code_rows`, `shifts`
    `policy.shift_records`, `frames` the threat coder's."""
    names = article.entity_names()
    return {
        "articles": _articles(key, item, data, article),
        "sentences": _sentences(key, article),
        "quotes": _quotes(key, article, names),
        "attributions": _attributions(key, article, names),
        "entities": _entities(key, article),
        "claims": _claims(key, article),
        "sentence_codes": _codes(key, codes),
        "threats": _threats(key, article, frames),
        "policy_shifts": _shifts(key, shifts),
    }


def error_columns(item: Item, key: str | None, error: BaseException) -> Columns:
    """One `errors` row: the item, its id when its bytes were read, the error class and message."""
    if isinstance(error, ArticleError):  # its message starts with the source, already a column
        name, message = type(error).__name__, error.problem
    else:
        name, message = type(error).__name__, str(error) or type(error).__name__
    row = {
        "input_path": item.source,
        "input_kind": item.kind,
        "outlet": item.outlet,
        "url": item.url,
        "published": item.published,
        "article_id": key,
        "error": name,
        "message": " ".join(message.split()),
    }
    return {column: [value] for column, value in row.items()}


def _check(name: str, columns: Mapping[str, list]) -> None:
    """A column the schema lacks (or one it has and the rows lack) is a bug here: an analysis
    changed and its schema did not. It raises instead of vanishing."""
    expected = SCHEMAS[name].names
    if list(columns) != expected:
        extra = sorted(set(columns) - set(expected))
        missing = [column for column in expected if column not in columns]
        raise ValueError(
            f"corpus table {name!r} has no column(s) {extra} in its schema"
            if extra
            else f"corpus table {name!r} rows lack column(s) {missing} (or are out of order)"
        )


class BatchColumns:
    """A batch's rows, table by table, as column lists (each article's added whole)."""

    def __init__(self) -> None:
        self.columns: dict[str, Columns] = {
            name: {column: [] for column in schema.names} for name, schema in SCHEMAS.items()
        }

    def add(self, found: Mapping[str, Columns]) -> None:
        """Add one article's (or error's) columns, table by table; checked against the schemas."""
        for name, columns in found.items():
            _check(name, columns)
        for name, columns in found.items():
            into = self.columns[name]
            for column, values in columns.items():
                into[column].extend(values)

    def rows(self, name: str) -> int:
        return len(self.columns[name]["article_id"])

    def tables(self) -> dict[str, pa.Table]:
        return {name: to_table(name, columns) for name, columns in self.columns.items()}


def to_table(name: str, columns: Mapping[str, list]) -> pa.Table:
    """Columns as an Arrow table of the named schema (`_check`ed: ValueError on a column the
    schema lacks)."""
    _check(name, columns)
    return pa.Table.from_pydict(dict(columns), schema=SCHEMAS[name])
