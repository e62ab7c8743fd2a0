"""Corpus inputs: folders, globs, manifests (JSONL, CSV), WARC archives, outlets."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_lib.corpus.batch import parse_item, read_bytes
from alliance_lib.corpus.inputs import corpus_items
from alliance_lib.corpus.item import INLINE
from alliance_lib.corpus.manifest import row_item
from alliance_lib.corpus.outlet import outlet_of, registered_domain
from alliance_lib.corpus.warc import warc_items
from alliance_lib.errors import CorpusInputError, ParameterError

from .conftest import html_page, write_warc


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.example.co.uk/news/1", "example.co.uk"),
        ("http://edition.harbor.co.jp/b?x=1", "harbor.co.jp"),
        ("https://user.github.io/post", "user.github.io"),  # a private suffix counts as a suffix
        ("https://127.0.0.1:8000/a", None),
        ("https://localhost/a", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_registered_domain_from_the_shipped_public_suffix_list(url, domain):
    assert registered_domain(url) == domain


def test_outlet_prefers_the_manifest_then_the_url_then_the_folder():
    assert outlet_of("Desk", "https://www.a.com/x", "folder") == "Desk"
    assert outlet_of(None, "https://www.a.com/x", "folder") == "a.com"
    assert outlet_of("  ", None, "folder") == "folder"


def test_folders_globs_and_duplicates(inputs):
    items = list(corpus_items([str(inputs.folder), str(inputs.folder / "harbor-times" / "*.html")]))
    sources = [item.source for item in items]
    assert len(sources) == len(set(sources)) == 6 + 5  # the glob names files already listed
    outlets = {item.outlet for item in items}
    assert outlets == {"harbor-times", "capital-ledger", "junk"}
    with pytest.raises(ParameterError, match="matches no file"):
        list(corpus_items([str(inputs.folder / "*.pdf")]))


def test_csv_manifest_rows(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "path,text,outlet,url,published\na.txt,,,https://www.x.org/1,2023-01-13\n,Some text here,Desk,,\n,,,,\n",
        encoding="utf-8",
    )
    items = list(corpus_items([str(manifest)]))
    assert items[0].path == str(tmp_path / "a.txt") and items[0].outlet == "x.org"
    assert items[0].published == "2023-01-13"
    assert (
        items[1].kind == INLINE
        and items[1].content == "Some text here"
        and items[1].source.endswith("m.csv:3")
    )
    assert items[2].problem == "line 4 has no path, html or text"
    (tmp_path / "bad.csv").write_text("title,body\nx,y\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="path, html or text column"):
        list(corpus_items([str(tmp_path / "bad.csv")]))


# The first draw can be slow on a loaded machine (2 shared cores): no timing health checks.
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["path", "html", "text", "outlet", "url", "published", "x"]),
        st.one_of(st.none(), st.text(max_size=20), st.integers()),
    )
)
def test_any_manifest_row_becomes_an_item_without_raising(row):
    item = row_item(Path("/corpus/m.jsonl"), 3, row)
    assert item.source
    assert item.problem is None or item.problem.startswith("line 3")


def test_jsonl_rows_that_are_not_objects(tmp_path):
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps([1, 2]) + "\n\n" + "{oops\n", encoding="utf-8")
    problems = [item.problem for item in corpus_items([str(manifest)])]
    assert problems[0] == "line 1 is not an object with path/html/text"
    assert problems[1].startswith("line 3 is not valid JSON")


def test_warc_html_responses_only_and_truncated_records(tmp_path):
    warc = tmp_path / "a.warc"
    pages = [
        (
            f"https://www.site{i}.com/p",
            html_page(f"T{i}", "Leaders agreed on Friday to deepen the alliance further."),
        )
        for i in range(3)
    ]
    write_warc(warc, pages, truncate=True)
    items = list(warc_items(warc))
    assert [item.outlet for item in items] == ["site0.com", "site1.com", "site2.com"]  # no image
    assert read_bytes(items[0]).startswith(b"<html>")
    with pytest.raises(CorpusInputError, match="truncated WARC record"):
        read_bytes(items[2])
    _, rows = parse_item(items[2])
    assert rows["errors"]["error"] == ["CorpusInputError"]


def test_a_damaged_gzip_warc_is_one_bad_item_after_its_good_records(tmp_path):
    plain = tmp_path / "a.warc"
    pages = [
        (
            f"https://www.site{i}.com/p",
            html_page(f"T{i}", "Leaders agreed on Friday to deepen the alliance further."),
        )
        for i in range(2)
    ]
    write_warc(plain, pages)
    packed = tmp_path / "a.warc.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes())[:-40])
    items = list(warc_items(packed))
    assert items[-1].problem is not None and "unreadable WARC data" in items[-1].problem


def test_a_manifest_title_or_headline_is_the_article_headline(tmp_path):
    body = (
        "Japan and the United States agreed on Friday to deepen their security cooperation.\n\n"
        "The two leaders met at the White House."
    )
    (tmp_path / "a.txt").write_text(f"Allies agree on closer ties.\n\n{body}", encoding="utf-8")
    csv_manifest = tmp_path / "m.csv"
    csv_manifest.write_text('path,title\na.txt,"Allies agree on closer ties"\n', encoding="utf-8")
    jsonl = tmp_path / "m.jsonl"
    jsonl.write_text(
        json.dumps({"text": body, "headline": "Leaders meet"}) + "\n", encoding="utf-8"
    )
    (from_csv,) = corpus_items([str(csv_manifest)])
    (inline,) = corpus_items([str(jsonl)])
    assert (from_csv.title, inline.title) == ("Allies agree on closer ties", "Leaders meet")
    _, rows = parse_item(from_csv)
    assert rows["articles"]["headline"] == ["Allies agree on closer ties"]
    assert rows["sentences"]["text"][0].startswith("Japan and the United States")  # not the title
    _, rows = parse_item(inline)
    assert rows["articles"]["headline"] == ["Leaders meet"]
    assert len(rows["sentences"]["text"]) == 2
