"""Other inputs through the same pipeline: encodings, layouts, HTML; bad inputs raise typed errors."""

from __future__ import annotations

import codecs

import pytest

from alliance_lib import (
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    EmptyArticleError,
    NoArticleBodyError,
    NotAFileError,
    load_article,
    parse_article,
)
from tests.conftest import FIXTURES


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "crlf", "utf16-bom", "cp1252"],
)
def test_encodings_and_line_endings_give_the_same_article(tmp_path, seed, seed_text, encode):
    article = load_article(_write(tmp_path, "a.txt", encode(seed_text)))
    assert article.text == seed.text
    assert article.headline == seed.headline
    assert [(q.speaker, q.attribution) for q in article.quotes] == [
        (q.speaker, q.attribution) for q in seed.quotes
    ]
    for quote in article.quotes:
        start, end = article.source_span(quote.start, quote.end)
        assert article.source_text[start:end] == quote.text


def test_mojibake_is_repaired_and_offsets_point_at_the_damaged_source(seed, seed_text):
    import ftfy.bad_codecs  # noqa: F401  registers "sloppy-windows-1252", how browsers mis-decode

    broken = seed_text.encode("utf-8").decode("sloppy-windows-1252")
    article = parse_article(broken)
    assert article.text == seed.text
    assert len(article.quotes) == 6
    quote = article.quotes[0]
    start, end = article.source_span(quote.start, quote.end)
    assert article.source_text[start:end].startswith("I donâ€™t think")


def test_odd_spaces_and_zero_width_characters_are_normalised():
    article = parse_article(
        "Title here\n\nJapan\u00a0will  spend\u200b more\u2009on defense, officials said today.\n"
    )
    assert article.paragraphs[0].text == "Japan will spend more on defense, officials said today."


def test_html_page_main_content_is_extracted():
    article = load_article(FIXTURES / "article.html")
    assert article.headline == "US and Japan Sign Historic Defense Agreements"
    assert [p.text for p in article.paragraphs if p.kind == "subheading"] == ["A Steadfast Ally"]
    for junk in ("SHARE", "Tweet", "Copyright", "Related stories", "Home"):
        assert junk not in article.text
    assert article.reference_date == "2023-01-14"  # publication date from the page metadata
    assert ("date", "2023-01-13") in {(c.type, c.value) for c in article.claims}
    assert article.quotes[0].speaker == "joe-biden"


def test_other_outlet_layout(wire):
    assert wire.headline.startswith("Japan, US agree to deepen security ties")
    assert wire.removed == tuple(r for r in wire.removed if r.rule == "headline")
    speakers = [(q.speaker, q.attribution, q.partial) for q in wire.quotes]
    assert speakers == [
        ("lloyd-austin", "said_clause", False),
        ("lloyd-austin", "inherited", False),  # second quotation in the paragraph
        ("lloyd-austin", "pronoun", False),  # "he added": pronoun resolved
        ("hamada-yasukazu", "said_clause", True),  # partial, in reported speech
        ("mary-okafor", "said_clause", False),  # not in the gazetteer: made from the clause
        ("mary-okafor", "inherited", False),
        ("mary-okafor", "said_clause", True),  # surname alone resolves to the same person
    ]
    claims = {(c.type, c.value, c.unit) for c in wire.claims}
    assert ("amount", 43e12, "JPY") in claims
    assert ("fiscal_year", "FY2027", None) in claims
    assert ("share_of_gdp", 2.0, "percent of GDP") in claims
    assert ("historical_anchor", "World War II", None) in claims


def test_official_statement_with_wrapped_lines():
    article = load_article(FIXTURES / "official_statement.txt")
    assert article.headline == "Joint Statement on Cooperation in Outer Space"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].text.startswith("The United States and Japan reaffirm")
    assert "outer space and to close" in article.paragraphs[0].text
    assert article.quotes == () and article.claims == () and article.removed[0].rule == "headline"
    for paragraph in article.paragraphs:
        start, end = article.source_span(paragraph.start, paragraph.end)
        assert article.source_text[start:end].replace("\n", " ") == paragraph.text


def test_clean_text_without_boilerplate_or_headline():
    text = "Japan will double its defense spending over five years, the government said on Friday."
    article = parse_article(text)
    assert article.headline is None and article.removed == ()
    assert article.text == text


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda p: p / "missing.txt", ArticleNotFoundError, "no such file"),
        (lambda p: p, NotAFileError, "directory"),
        (lambda p: _write(p, "empty.txt", b""), EmptyArticleError, "empty"),
        (lambda p: _write(p, "blank.txt", b" \n\t\r\n "), EmptyArticleError, "whitespace"),
        (lambda p: _write(p, "bin.dat", bytes(range(256)) * 4), BinaryInputError, "binary"),
        (lambda p: _write(p, "big.txt", b"word " * 1_200_000), ArticleTooLargeError, "limit"),
        (
            lambda p: _write(p, "junk.txt", b"58\n0\nSHARE\nArray\n"),
            NoArticleBodyError,
            "article body",
        ),
        (
            lambda p: _write(p, "empty.html", b"<html><body><nav>Home</nav></body></html>"),
            NoArticleBodyError,
            "HTML",
        ),
    ],
    ids=[
        "missing",
        "directory",
        "empty",
        "whitespace",
        "binary",
        "too-large",
        "boilerplate-only",
        "empty-html",
    ],
)
def test_bad_inputs_raise_typed_errors_naming_the_file(tmp_path, make, error, words):
    path = make(tmp_path)
    with pytest.raises(error) as caught:
        load_article(path)
    assert isinstance(caught.value, ArticleError)
    assert str(path) in str(caught.value) and words in str(caught.value)


def test_parse_article_rejects_non_text():
    with pytest.raises(ArticleError, match="expected text"):
        parse_article(b"bytes")  # type: ignore[arg-type]


def test_bad_reference_date_is_an_article_error():
    with pytest.raises(ArticleError, match="reference date"):
        parse_article(
            "Japan will double its defense spending, officials said.", reference_date="13/01/2023"
        )


def test_inputs_are_never_modified(tmp_path, seed_text):
    path = _write(tmp_path, "a.txt", seed_text.encode("cp1252"))
    before = path.read_bytes()
    load_article(path)
    assert path.read_bytes() == before


def test_byline_date_line_and_related_links():
    article = load_article(FIXTURES / "dated_story.txt")
    rules = {r.rule: r.text for r in article.removed}
    assert rules["byline"] == "By Staff Writer"
    assert (
        rules["publication_date"] == "January 13, 2023" and article.reference_date == "2023-01-13"
    )
    assert rules["related_link"].startswith("Related:")
    assert {"share_counter", "advertisement"} <= set(rules)
    assert all(p.kind == "body" for p in article.paragraphs)
    friday = next(c for c in article.claims if c.text == "Friday")
    assert (friday.value, friday.precision) == ("2023-01-13", "day")


def test_quotations_of_the_dated_story():
    article = load_article(FIXTURES / "dated_story.txt")
    got = [(q.text, q.speaker, q.partial) for q in article.quotes]
    assert got[0] == ("a historic step", "kishida-fumio", True)  # "with Kishida saying ..."
    assert ("fundamentally reinforce", "kishida-fumio", True) in got  # short, but "He added"
    assert got[-1][1] == "joe-biden"  # "who called the moment "historic."": Biden's word too
    assert "friday" not in {e.id for e in article.entities}  # a weekday is never a speaker
