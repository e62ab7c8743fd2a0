"""pandas views of an Article for the notebooks: one row per item, with its sentence beside it."""

from __future__ import annotations

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
