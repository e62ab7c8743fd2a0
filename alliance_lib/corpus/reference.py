"""An article of a corpus, by its id, parsed again from its source: notebook 05's reference
article can be one of the articles it compares (`article_path` = an `article_id`).

The source is read as the corpus run read it (the file, the WARC record, the manifest's inline
row) and checked against the id (the SHA-256 of those bytes), then parsed with the publication
date and headline the corpus recorded, so the article is the one the corpus holds.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from alliance_lib.corpus.batch import parse_source, read_bytes
from alliance_lib.corpus.item import FILE, INLINE, WARC, Item
from alliance_lib.corpus.manifest import manifest_items
from alliance_lib.corpus.records import article_id
from alliance_lib.corpus.store import read_table
from alliance_lib.errors import ArticleError, ParameterError
from alliance_lib.text.model import Article

_COLUMNS = ["article_id", "input_path", "input_kind", "outlet", "url", "published", "headline"]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _day(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def _item(row: pd.Series) -> Item:
    """The corpus item an `articles` row was parsed from."""
    source, kind = row["input_path"], row["input_kind"]
    known = {
        "outlet": _text(row["outlet"]),
        "url": _text(row["url"]),
        "published": _day(row["published"]),
        "title": _text(row["headline"]),
    }
    if kind == WARC:
        archive, _, offset = source.rpartition("@")
        return Item(source, WARC, path=archive, offset=int(offset), **known)
    if kind == INLINE:
        manifest = Path(source.rpartition(":")[0])
        for item in manifest_items(manifest):
            if item.source == source:
                return item
        raise ArticleError(source, f"no such row in {manifest} any more")
    return Item(source, FILE, path=source, **known)


def corpus_article(folder: Path, key: str, name: str = "article_path") -> Article:
    """Article `key` of the corpus at `folder`, parsed again from its source; a ParameterError
    naming parameter `name` when the corpus has no such article, or its source is gone or has
    changed since the corpus was written."""
    wanted = key.strip().lower()
    rows = read_table(folder, "articles", _COLUMNS, name="corpus_path")
    rows = rows[rows["article_id"] == wanted].sort_values("input_path", kind="stable")
    if rows.empty:
        raise ParameterError(
            name, f"{key!r} is neither an article file nor the article_id of an article in {folder}"
        )
    row = rows.iloc[0]
    try:
        item = _item(row)
        data = read_bytes(item)
        if article_id(data) != wanted:
            raise ArticleError(row["input_path"], "has changed since the corpus was written")
        return parse_source(item, data)
    except (ArticleError, OSError, ValueError) as exc:
        raise ParameterError(name, f"article {wanted} cannot be read again: {exc}") from None
