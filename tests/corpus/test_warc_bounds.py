"""WARC records that lie about their length (issue 16, case 7): the scan and the worker read
records as streams with bounded memory; what lies past a record is one error row, and a payload
past the size cap is refused without being held whole."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from alliance_lib.config import PROJECT_ROOT, WARC_HEADER_MAX_BYTES
from alliance_lib.corpus.batch import parse_item
from alliance_lib.corpus.warc import read_record, warc_items
from alliance_lib.errors import ArticleTooLargeError

from .conftest import html_page

PAGE = html_page("Allies meet", "The two leaders agreed on Friday to deepen the alliance. " * 3)


def _record(url: str, body: bytes, headers: str = "Content-Type: text/html\r\n") -> bytes:
    """One WARC response record, its Content-Length true to the HTTP message it holds."""
    http = f"HTTP/1.1 200 OK\r\n{headers}\r\n".encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(url)):032x}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def _member(data: bytes, junk_mb: int = 0) -> bytes:
    """One gzip member: `data`, then `junk_mb` MB of spaces (no newline) the record never declared."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(data)]
    parts += [packer.compress(b" " * 2**20) for _ in range(junk_mb)]
    return b"".join([*parts, packer.flush()])


def lying_warc(path: Path, junk_mb: int) -> Path:
    """A WARC.gz whose first record (100-odd bytes declared) is followed, inside its gzip member,
    by `junk_mb` MB of spaces; then an honest record."""
    first = _member(_record("https://www.example.org/a", PAGE), junk_mb)
    path.write_bytes(first + _member(_record("https://www.example.net/b", PAGE)))
    return path


_SCAN = """
import json, resource, sys
from alliance_lib.corpus.batch import parse_item
from alliance_lib.corpus.warc import warc_items
items = list(warc_items(__import__("pathlib").Path(sys.argv[1])))
rows = [parse_item(item)[1] for item in items]
print(json.dumps({
    "items": [[item.offset, item.problem] for item in items],
    "errors": [row["errors"]["error"][0] for row in rows if "errors" in row],
    "articles": sum("articles" in row for row in rows),
    "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""


def _scan(archive: Path) -> dict:
    """Scan `archive` and parse its items in a fresh process: what it found and its peak RSS."""
    done = subprocess.run(
        [sys.executable, "-c", _SCAN, str(archive)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout)


def test_a_record_followed_by_undeclared_megabytes_is_an_article_then_one_error_row(tmp_path):
    """At two sizes (20 and 40 MB of spaces in a 40 KB file): the same rows, and the scan's peak
    memory no higher than on the honest archive (before: about 2 bytes held per byte of junk)."""
    honest = _scan(lying_warc(tmp_path / "honest.warc.gz", 0))
    assert honest["articles"] == 2 and honest["errors"] == []
    for junk in (20, 40):
        found = _scan(lying_warc(tmp_path / f"lying-{junk}.warc.gz", junk))
        (first, none), (_, problem) = found["items"]
        assert first == 0 and none is None  # the lying record itself is still an article
        assert "unreadable WARC data after the record at offset 0" in problem
        assert f"past {WARC_HEADER_MAX_BYTES:,} bytes" in problem
        assert found["articles"] == 1 and found["errors"] == ["CorpusInputError"]
        grown_mb = (found["peak_kb"] - honest["peak_kb"]) / 1024
        assert grown_mb < 8, f"{junk} MB of junk grew the peak by {grown_mb:.0f} MB"


def test_a_huge_header_line_is_an_error_row_not_a_line_held_whole(tmp_path):
    archive = tmp_path / "header.warc.gz"
    header = "X-Padding: " + "a" * (4 * WARC_HEADER_MAX_BYTES) + "\r\n"
    record = _record("https://www.example.org/a", PAGE, headers=header)
    archive.write_bytes(_member(_record("https://www.example.net/b", PAGE)) + _member(record))
    items = list(warc_items(archive))
    assert items[0].problem is None and "past" in items[1].problem


def test_a_payload_that_decodes_past_the_cap_is_refused_after_reading_just_past_it(tmp_path):
    """A 10 KB gzip-encoded payload that inflates to 10 MB, read with a 100 KB cap."""
    archive = tmp_path / "bomb.warc.gz"
    body = gzip.compress(b"<html><body><p>" + b"a" * 10_000_000)
    record = _record(
        "https://www.example.org/a", body, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"
    )
    archive.write_bytes(_member(record))
    (item,) = warc_items(archive)
    with pytest.raises(ArticleTooLargeError, match="over the 100,000-byte limit once decoded"):
        read_record(item.path, item.offset, item.source, 100_000)
    assert len(read_record(item.path, item.offset, item.source, 20_000_000)) > 10_000_000
    _, rows = parse_item(item)  # at the real cap (5 MB) it is an error row
    assert rows["errors"]["error"] == ["ArticleTooLargeError"]
