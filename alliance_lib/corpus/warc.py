"""Web archives (WARC and WARC.gz, read with warcio): HTML responses are the articles.

The scan (in the client) notes each HTML response's offset and URL without reading its body;
a worker re-opens the archive at that offset and reads the one record it was given.

Both read records as streams with bounded memory, whatever the archive claims: header lines
(WARC and HTTP) and the blank lines after a record, together, may take `WARC_HEADER_MAX_BYTES`
(warcio itself reads a "line" whole, so a record that lies about its length and is followed by
hundreds of megabytes without a newline would be held in memory at once); a payload is read up
to the article size cap and no further. Past a bound, the record (payload) or the rest of the
archive (anything else) is one bad item, a row of `errors`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader

from alliance_lib.config import WARC_HEADER_MAX_BYTES
from alliance_lib.corpus.item import WARC, Item
from alliance_lib.corpus.outlet import outlet_of
from alliance_lib.errors import ArticleTooLargeError, CorpusInputError

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcLinesTooLong(ValueError):
    """A record's header and blank lines went past `WARC_HEADER_MAX_BYTES`."""


class _BoundedReader(DecompressingBufferedReader):
    """warcio's reader, with the bytes read as lines since the record began bounded.

    warcio reads headers and the blank lines between records with `readline` and payloads with
    `read`; `start_record` resets the count at each record.
    """

    def __init__(self, *args, limit: int = WARC_HEADER_MAX_BYTES, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit = limit
        self.line_bytes = 0

    def start_record(self) -> None:
        self.line_bytes = 0

    def readline(self, length: int | None = None) -> bytes:
        room = self.limit - self.line_bytes + 1  # one byte more than allowed: the overrun shows
        line = super().readline(room if length is None else min(length, room))
        self.line_bytes += len(line)
        if self.line_bytes > self.limit:
            raise WarcLinesTooLong(
                f"a record's header and blank lines run past {self.limit:,} bytes "
                "(a record whose length is wrong, or damaged data)"
            )
        return line


class BoundedArchiveIterator(ArchiveIterator):
    """warcio's `ArchiveIterator` over a `_BoundedReader` (see the module docstring)."""

    def __init__(self, fileobj, limit: int = WARC_HEADER_MAX_BYTES, **kwargs) -> None:
        super().__init__(fileobj, **kwargs)
        self.reader = _BoundedReader(self.fh, block_size=self.reader.block_size, limit=limit)

    def _next_record(self, next_line):  # noqa: ANN001, ANN202 (warcio's signature)
        self.reader.start_record()
        return super()._next_record(next_line)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.split(";")[0].strip() in HTML_TYPES


def warc_items(archive: Path) -> Iterator[Item]:
    """An item per HTML response in `archive`; an unreadable rest of the archive is one bad item.

    A record's item is yielded before the iterator reads past the record, so a record followed
    by damaged data is still an article, and the damage is the bad item after it.
    """
    archive = archive.resolve()
    folder = archive.parent.name
    offset = 0
    with archive.open("rb") as stream:
        records = BoundedArchiveIterator(stream)
        try:
            for record in records:
                offset = records.offset  # where this record starts (set when the last one ended)
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
    """The HTTP payload of the record at `offset`, read up to `max_bytes`; truncated, oversized
    or unreadable records are refused."""
    with open(archive, "rb") as stream:
        stream.seek(offset)
        try:
            record = next(iter(BoundedArchiveIterator(stream)))
            if record.length is not None and record.length > max_bytes:
                raise ArticleTooLargeError(
                    source, f"WARC record is {record.length:,} bytes, over the {max_bytes:,} limit"
                )
            payload = record.content_stream().read(max_bytes + 1)  # decoded: may grow (gzip)
        except (StopIteration, OSError, ValueError, EOFError) as exc:
            if isinstance(exc, ArticleTooLargeError):
                raise
            raise CorpusInputError(
                source, f"unreadable WARC record ({exc or 'no record'})"
            ) from exc
        if len(payload) > max_bytes:
            raise ArticleTooLargeError(
                source, f"WARC payload is over the {max_bytes:,}-byte limit once decoded"
            )
        missing = getattr(record.raw_stream, "limit", 0) or 0
        if missing > 0:
            raise CorpusInputError(source, f"truncated WARC record: {missing:,} bytes missing")
    return payload
