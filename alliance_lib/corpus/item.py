"""One corpus item: where an article's bytes are and what is known of it before it is parsed."""

from __future__ import annotations

from dataclasses import dataclass

FILE, INLINE, WARC = "file", "inline", "warc"


@dataclass(frozen=True, slots=True)
class Item:
    """An article to parse. Small and picklable: the bytes are read on the worker, not here.

    `source` names the item uniquely and is what resume compares: an absolute file path,
    `MANIFEST:LINE` for an inline manifest row, or `ARCHIVE@OFFSET` for a WARC record.
    """

    source: str
    kind: str  # FILE, INLINE or WARC
    path: str | None = None  # the article file, or the WARC file holding the record
    offset: int | None = None  # WARC record offset
    content: str | None = None  # inline text or HTML from a manifest row
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD from a manifest; the parser's reference date
    title: str | None = None  # the headline a manifest gives; it wins over the text's own
    problem: str | None = None  # already known to be unusable (bad manifest row, unreadable WARC)
