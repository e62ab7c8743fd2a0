"""Web archives (WARC and WARC.gz, read with warcio): HTML responses are the articles.

The scan (in the client) notes each HTML response's offset and URL without reading its body;
a worker re-opens the archive at that offset and reads the one record it was given.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from alliance_lib.corpus.item import WARC, Item
from alliance_lib.corpus.outlet import outlet_of
from alliance_lib.errors import ArticleTooLargeError, CorpusInputError

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.split(";")[0].strip() in HTML_TYPES


def warc_items(archive: Path) -> Iterator[Item]:
    """An item per HTML response in `archive`; an unreadable rest of the archive is one bad item."""
    archive = archive.resolve()
    folder = archive.parent.name
    offset = 0
    with archive.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                offset = records.get_record_offset()
                if _is_html_response(record):
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    yield Item(
                        f"{archive}@{offset}",
                        WARC,
                        path=str(archive),
                        offset=offset,
                        outlet=outlet_of(None, url, folder),
                        url=url,
                    )
        except Exception as exc:  # warcio raises assorted errors on a damaged archive
            yield Item(
                f"{archive}@after-{offset}",
                WARC,
                path=str(archive),
                outlet=folder,
                problem=f"unreadable WARC data after the record at offset {offset} "
                f"({type(exc).__name__}: {exc})",
            )


def read_record(archive: str, offset: int, source: str, max_bytes: int) -> bytes:
    """The HTTP payload of the record at `offset`; truncated or oversized records are refused."""
    with open(archive, "rb") as stream:
        stream.seek(offset)
        try:
            record = next(iter(ArchiveIterator(stream)))
            if record.length is not None and record.length > max_bytes:
                raise ArticleTooLargeError(
                    source, f"WARC record is {record.length:,} bytes, over the {max_bytes:,} limit"
                )
            payload = record.content_stream().read()
        except (StopIteration, OSError, ValueError, EOFError) as exc:
            raise CorpusInputError(
                source, f"unreadable WARC record ({exc or 'no record'})"
            ) from exc
        missing = getattr(record.raw_stream, "limit", 0) or 0
        if missing > 0:
            raise CorpusInputError(source, f"truncated WARC record: {missing:,} bytes missing")
    return payload
