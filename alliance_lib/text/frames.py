"""pandas views of an Article for the notebooks: one row per item, with its sentence beside it."""

from __future__ import annotations

from typing import Any

import pandas as pd

from alliance_lib.text.model import Article


def _frame(
    article: Article, items: tuple, columns: list[str], *, with_sentence: bool = True
) -> pd.DataFrame:
    rows = article.records(items)
    if with_sentence:
        for row in rows:
            row["sentence_text"] = article.sentences[row["sentence"]].text
    extra = ["source_start", "source_end"] + (["sentence_text"] if with_sentence else [])
    return pd.DataFrame(rows, columns=columns + extra)


def quotes_frame(article: Article) -> pd.DataFrame:
    """Quotations with speaker id and name, how they were attributed, and offsets."""
    names = article.entity_names()
    frame = _frame(
        article,
        article.quotes,
        [
            "start",
            "end",
            "text",
            "speaker",
            "attribution",
            "cue",
            "partial",
            "sentence",
            "paragraph",
        ],
    )
    frame.insert(4, "speaker_name", frame["speaker"].map(names))
    return frame


SPAN_PARTS = ("content", "source", "cue")
SPAN_FIELDS = ("start", "end", "raw_start", "raw_end", "text")
ATTRIBUTION_COLUMNS = [
    "attribution",
    "kind",
    "speaker",
    "speaker_name",
    "speaker_kind",
    "sentence",
    *(f"{part}_{field}" for part in SPAN_PARTS for field in SPAN_FIELDS),
]


def attribution_rows(article: Article) -> list[dict[str, Any]]:
    """`Article.attributions` flattened, one dict per attribution (`content_start`,
    `content_raw_start`, `content_text`, `source_...`, `cue_...`; None where a part is missing),
    numbered in order, with the speaker's name (an organisation described rather than named,
    `Lee's government`, is named by its source's words)."""
    names = article.entity_names()
    rows = []
    for number, record in enumerate(article.attribution_records()):
        row: dict[str, Any] = {
            "attribution": number,
            "kind": record["kind"],
            "speaker": record["speaker"],
            # an organisation described rather than named has no entity: its words name it
            "speaker_name": (
                names.get(record["speaker"], record["source"]["text"] if record["source"] else None)
                if record["speaker"]
                else None
            ),
            "speaker_kind": record["speaker_kind"],
            "sentence": record["sentence"],
        }
        for part in SPAN_PARTS:
            span = record[part]
            for field in SPAN_FIELDS:
                row[f"{part}_{field}"] = span[field] if span else None
        rows.append(row)
    return rows


def attributions_frame(article: Article) -> pd.DataFrame:
    """Every attribution (direct, mixed, indirect): kind, speaker, and the content, source and
    cue spans with their offsets in the text and in the input file."""
    frame = pd.DataFrame(attribution_rows(article), columns=ATTRIBUTION_COLUMNS)
    for column in frame.columns:
        if column.endswith(("_start", "_end")):
            frame[column] = frame[column].astype("Int64")
    return frame


def attribution_counts(attributions: pd.DataFrame) -> pd.DataFrame:
    """Attributions per speaker and kind (`attributions_frame` rows; unnamed sources together),
    most first, ties by speaker."""
    counts = (
        attributions.assign(speaker_name=attributions["speaker_name"].fillna("(no id)"))
        .pivot_table(index="speaker_name", columns="kind", values="attribution", aggfunc="count")
        .reindex(columns=["direct", "mixed", "indirect"])
        .fillna(0)
        .astype(int)
    )
    counts["all"] = counts.sum(axis=1)
    counts = counts.reset_index().sort_values(["all", "speaker_name"], ascending=[False, True])
    return counts.reset_index(drop=True)


def entities_frame(article: Article) -> pd.DataFrame:
    """Every entity mention (type, canonical id and name)."""
    return _frame(
        article, article.entities, ["start", "end", "text", "type", "id", "name", "sentence"]
    )


def entity_counts(article: Article) -> pd.DataFrame:
    """Mentions per entity, most mentioned first (ties by id, for stable output)."""
    frame = entities_frame(article)
    counts = frame.groupby(["type", "id", "name"], as_index=False).agg(
        mentions=("text", "size"), forms=("text", lambda s: ", ".join(sorted(set(s))))
    )
    return counts.sort_values(
        ["mentions", "id"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def quote_counts(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotations per speaker and attribution (`quotes_frame` rows; unnamed speakers together)."""
    counts = quotes.groupby(["speaker_name", "attribution"], dropna=False).size()
    return counts.rename("quotations").reset_index()


def claims_frame(article: Article) -> pd.DataFrame:
    """Numeric and temporal claims with type, value, unit, bound, owner and the sentence they come
    from."""
    frame = _frame(
        article,
        article.claims,
        [
            "start",
            "end",
            "text",
            "type",
            "value",
            "unit",
            "precision",
            "note",
            "sentence",
            "bound",
            "owner",
            "owner_cue",
        ],
    )
    frame["value"] = frame["value"].astype(object)
    return frame


def sentences_frame(article: Article) -> pd.DataFrame:
    """Sentences with their paragraph and its kind."""
    frame = _frame(
        article, article.sentences, ["start", "end", "text", "paragraph"], with_sentence=False
    )
    frame["paragraph_kind"] = [article.paragraphs[i].kind for i in frame["paragraph"]]
    return frame


def removed_frame(article: Article) -> pd.DataFrame:
    """Boilerplate dropped, with the rule that dropped it; offsets index the source text."""
    return pd.DataFrame(
        article.records(article.removed, in_text=False), columns=["start", "end", "text", "rule"]
    )
