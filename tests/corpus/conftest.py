"""A small generated corpus for the corpus-mode tests: outlet folders copied from the synthetic
demo corpus, a JSONL manifest, a WARC written here, and one file of every bad kind."""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from alliance_lib.config import DEMO_CORPUS, MAX_BYTES

GOOD_PER_OUTLET = 3
# bad file name -> the error class its row in `errors` must carry
BAD_FILES = {
    "empty.txt": "EmptyArticleError",
    "binary.txt": "BinaryInputError",
    "oversized.txt": "ArticleTooLargeError",
    "photos.html": "NoArticleBodyError",
    "undecodable.txt": "BinaryInputError",
}


def demo_files(outlet: str, count: int = GOOD_PER_OUTLET) -> list[Path]:
    return sorted((DEMO_CORPUS / outlet).glob("2023-*-[0-9][0-9].*"))[:count]


def html_page(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2023-01-14T09:00:00Z"></head>'
        f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    ).encode()


def write_warc(path: Path, pages: list[tuple[str, bytes]], *, truncate: bool = False) -> None:
    """An uncompressed WARC: each page as an HTML response, one image response between them;
    `truncate` cuts the last record short."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        records = [(url, body, "text/html; charset=utf-8") for url, body in pages]
        records.insert(1, ("https://images.example.org/a.png", b"\x89PNG....", "image/png"))
        for url, body, content_type in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    if truncate:
        data = path.read_bytes()
        path.write_bytes(data[:-200])


@dataclass
class Inputs:
    folder: Path  # outlet folders with good articles and the bad files
    manifest: Path  # JSONL: path rows (files in its folder), inline text and html, a missing file, a bad row
    warc: Path  # three HTML responses (the last truncated) and an image
    good: int  # articles that must be written
    bad: dict[str, str]  # source suffix -> error class


def build_inputs(root: Path) -> Inputs:
    folder = root / "saved"
    for outlet in ("harbor-times", "capital-ledger"):
        (folder / outlet).mkdir(parents=True)
        for file in demo_files(outlet):
            shutil.copy(file, folder / outlet / file.name)
    bad_dir = folder / "junk"
    bad_dir.mkdir()
    (bad_dir / "empty.txt").write_bytes(b"")
    (bad_dir / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad_dir / "oversized.txt").write_bytes(b"word " * (MAX_BYTES // 5 + 10))
    (bad_dir / "photos.html").write_bytes(b"<html><body><img src='a.jpg'></body></html>")
    (bad_dir / "undecodable.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 32 + b"A")

    wire = []  # beside the manifest: rows may name files in its folder (absolute or relative)
    for file in demo_files("pacific-wire", 2):
        (root / "wire").mkdir(exist_ok=True)
        wire.append(Path(shutil.copy(file, root / "wire" / file.name)))
    manifest = root / "manifest.jsonl"
    rows = [
        {"path": str(wire[0]), "outlet": "Pacific Wire", "published": "2023-01-13"},
        {"path": f"wire/{wire[1].name}", "url": "https://www.pacificwire.co.uk/asia/summit"},
        {"text": wire[0].read_text(encoding="utf-8") + "\nAn extra line.", "outlet": "inline-desk"},
        {
            "html": html_page(
                "Allies meet",
                "Kishida and Biden agreed to deepen the alliance on Friday at the White House.",
            ).decode(),
            "url": "https://news.example.com/x",
        },
        {"path": "missing/article.txt", "outlet": "ghost"},
        {"outlet": "no-content"},
    ]
    lines = [json.dumps(row) for row in rows] + ["{not json"]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")

    warc = root / "crawl.warc"
    pages = [
        (
            "https://www.eastern-post.example.com/a",
            sorted((DEMO_CORPUS / "harbor-times").glob("*.html"))[-1].read_bytes(),
        ),
        (
            "https://edition.harbor.co.jp/b",
            html_page(
                "Summit",
                "The two leaders said the alliance had never been stronger than it is today.",
            ),
        ),
        (
            "https://www.cut.example.org/c",
            html_page(
                "Cut", "This page will be cut short by the test so the record is truncated here."
            ),
        ),
    ]
    write_warc(warc, pages, truncate=True)
    bad = {f"junk/{name}": kind for name, kind in BAD_FILES.items()}
    bad |= {"missing/article.txt": "ArticleNotFoundError", "manifest.jsonl:6": "CorpusInputError"}
    bad |= {"manifest.jsonl:7": "CorpusInputError"}
    good = 2 * GOOD_PER_OUTLET + 4 + 2  # folders, manifest rows, whole WARC responses
    return Inputs(folder, manifest, warc, good, bad | {"crawl.warc@": "CorpusInputError"})


@pytest.fixture
def inputs(tmp_path) -> Inputs:
    return build_inputs(tmp_path / "inputs")
