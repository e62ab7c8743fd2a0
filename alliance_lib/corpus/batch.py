"""The task a Dask worker runs: parse a batch of items and write them as one committed partition.

Every article is parsed on its own: whatever goes wrong with one (a typed `ArticleError`, or
any other exception) becomes its row in `errors` and the batch goes on. Codebooks and the
gazetteer are loaded once per worker process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from alliance_lib.analysis import framing, policy, threats
from alliance_lib.config import FRAMING_CODEBOOK, MAX_BYTES, POLICY_CODEBOOK, THREAT_CODEBOOK
from alliance_lib.corpus import records, store
from alliance_lib.corpus.item import FILE, INLINE, Item
from alliance_lib.corpus.warc import read_record
from alliance_lib.errors import ArticleTooLargeError, CorpusInputError
from alliance_lib.text.model import Article
from alliance_lib.text.pipeline import parse_article, parse_bytes
from alliance_lib.text.read import read_article_bytes


@dataclass(frozen=True)
class BatchResult:
    """What a finished batch reports to the client (small: the rows stay on disk)."""

    articles: int
    errors: int


@lru_cache(maxsize=1)
def _codebooks() -> tuple[framing.Codebook, policy.PolicyCodebook, threats.ThreatCodebook]:
    return (
        framing.load_codebook(FRAMING_CODEBOOK),
        policy.load_policy_codebook(POLICY_CODEBOOK),
        threats.load_threat_codebook(THREAT_CODEBOOK),
    )


def partition_key(items: Sequence[Item]) -> str:
    """A stable partition name from the batch's sources: a rerun of a batch overwrites itself."""
    digest = hashlib.sha256("\n".join(item.source for item in items).encode("utf-8"))
    return digest.hexdigest()[:16]


def read_bytes(item: Item) -> bytes:
    """The item's source bytes: the file, the WARC record's payload, or the inline row as UTF-8."""
    if item.problem is not None:
        raise CorpusInputError(item.source, item.problem)
    if item.kind == FILE:
        return read_article_bytes(item.path, MAX_BYTES)
    if item.kind == INLINE:
        data = (item.content or "").encode("utf-8")
        if len(data) > MAX_BYTES:
            raise ArticleTooLargeError(
                item.source, f"is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit"
            )
        return data
    return read_record(item.path, item.offset, item.source, MAX_BYTES)


def parse_source(item: Item, data: bytes) -> Article:
    """Parse an item's source bytes (an inline row as its text) with what the item knows: its
    publication date as the reference date, its title as the headline."""
    if item.kind == INLINE:
        return parse_article(
            item.content, reference_date=item.published, headline=item.title, source=item.source
        )
    return parse_bytes(data, reference_date=item.published, headline=item.title, source=item.source)


def parse_item(item: Item) -> tuple[str | None, dict[str, records.Columns]]:
    """(article id, its columns of every table) for one item; on failure its one `errors` row."""
    key = None
    try:
        data = read_bytes(item)
        key = records.article_id(data)
        article = parse_source(item, data)
        codebook, policy_codebook, threat_codebook = _codebooks()
        frames = threats.code_threats(article, threat_codebook)
        codes = framing.sentence_code_rows(article, codebook, frames)
        shifts = policy.shift_records(article, policy_codebook)
        return key, records.article_columns(key, item, data, article, codes, shifts, frames)
    except Exception as exc:  # one bad article never stops the batch: it becomes its error row
        return key, {"errors": records.error_columns(item, key, exc)}


def process_batch(items: Sequence[Item], output: str) -> BatchResult:
    """Parse `items` and commit them as one partition of every table under `output`."""
    batch = records.BatchColumns()
    failed = []
    for item in items:
        _, found = parse_item(item)
        batch.add(found)
        if "errors" in found:
            failed.append(item.source)
    key = partition_key(items)
    store.write_partition(Path(output), key, batch.tables(), [i.source for i in items], failed)
    return BatchResult(batch.rows("articles"), len(failed))
