"""Decoding: a stray byte keeps a file UTF-8, legacy guesses are noted, bidi controls dropped,
and documents that are not articles (PDF, SVG, ...) refused."""

from __future__ import annotations

import pytest

from alliance_lib import (
    ArticleError,
    BinaryInputError,
    NotAnArticleError,
    load_article,
    parse_article,
)
from alliance_lib.text.decode import decode_bytes, document_format

_STORY = "Japan will double its defense spending over five years, officials said on Friday.\n"


def _write(tmp_path, data: bytes, name: str = "a.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_clean_utf8_has_no_decode_note(tmp_path, seed):
    assert seed.decode_note is None and seed.to_dict()["decode_note"] is None


def test_one_stray_byte_keeps_the_file_utf8(tmp_path, seed, seed_text):
    data = seed_text.encode("utf-8")
    at = data.index(b"White House") + len(b"White")
    article = load_article(_write(tmp_path, data[:at] + b"\xa0" + data[at + 1 :]))
    assert article.text == seed.text  # "White House", and every ’ still ’
    assert "White House" in article.text and "’" in article.text
    assert article.decode_note == (
        f"UTF-8 except for 1 stray byte (the first at byte {at}), read as cp1252"
    )
    assert article.to_dict()["decode_note"] == article.decode_note


def test_stray_bytes_cp1252_cannot_read_are_replaced(tmp_path, seed_text):
    data = seed_text.encode("utf-8").replace(b"White House", b"White\x81House", 1)
    article = load_article(_write(tmp_path, data))
    assert "White\ufffdHouse" in article.text
    assert "1 replaced by U+FFFD" in article.decode_note


def test_a_stray_byte_in_ascii_text_is_read_as_cp1252(tmp_path):
    article = load_article(_write(tmp_path, _STORY.replace(" its ", " its\xa0").encode("cp1252")))
    assert article.text == _STORY.strip()
    assert article.decode_note == "not UTF-8: decoded as cp1252"


def test_a_legacy_file_is_decoded_and_noted(tmp_path, seed, seed_text):
    article = load_article(_write(tmp_path, seed_text.encode("cp1252")))
    assert article.text == seed.text
    assert article.decode_note == "not UTF-8: decoded as cp1252"


def test_a_non_latin_legacy_encoding_is_guessed(tmp_path):
    russian = "Москва заявила, что Япония удвоит расходы на оборону за пять лет. " * 10
    article = load_article(_write(tmp_path, (_STORY + russian).encode("cp1251")))
    assert "Москва заявила" in article.text
    assert article.decode_note == "not UTF-8: decoded as cp1251 (a guess)"


def test_decode_bytes_returns_text_and_note():
    decoded = decode_bytes("Japan’s plan".encode() + b"\x92", "<bytes>")
    assert decoded.text == "Japan’s plan’"
    assert decoded.note.startswith("UTF-8 except for 1 stray byte")


@pytest.mark.parametrize(
    "control",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
)
def test_bidirectional_controls_are_dropped_and_offsets_still_map(control):
    text = f"Japan will {control}double{control} its defense spending, officials said."
    article = parse_article(text)
    assert article.text == "Japan will double its defense spending, officials said."
    claim = next(c for c in article.claims if c.type == "multiplier")
    start, end = article.source_span(claim.start, claim.end)
    assert article.source_text[start:end] == "double"
    for sentence in article.sentences:
        start, end = article.source_span(sentence.start, sentence.end)
        assert article.source_text[start:end].replace(control, "") == sentence.text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + _STORY.encode(),
            "PDF",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\nstream\n\x00\x01\x02\nendstream\n", "PDF"),
        (b"%!PS-Adobe-3.0\n/Times findfont\n(" + _STORY.encode() + b") show\n", "PostScript"),
        (b"{\\rtf1\\ansi " + _STORY.encode() + b"}", "RTF"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><text>' + _STORY.encode() + b"</text></svg>",
            "SVG",
        ),
        (
            b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n'
            b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/svg11.dtd">\n'
            b'<svg width="10" height="10"><desc>' + _STORY.encode() + b"</desc></svg>",
            "SVG",
        ),
    ],
    ids=["pdf", "pdf-binary", "postscript", "rtf", "svg", "svg-xml-prolog"],
)
def test_documents_that_are_not_articles_are_refused(tmp_path, data, kind):
    path = _write(tmp_path, data, "document")
    with pytest.raises(NotAnArticleError) as caught:
        load_article(path)
    assert isinstance(caught.value, BinaryInputError)  # refused like the other binary formats
    assert str(path) in str(caught.value) and kind in str(caught.value)
    assert "not an article" in str(caught.value)
    text = data.decode("utf-8", errors="replace").replace("\x00", "")
    with pytest.raises(NotAnArticleError):
        parse_article(text)


def test_an_html_page_with_an_inline_svg_is_an_article():
    page = (
        "<!DOCTYPE html><html><body><svg width='1' height='1'></svg>"
        f"<article><p>{_STORY}</p><p>{_STORY}</p></article></body></html>"
    )
    assert document_format(page) is None
    assert parse_article(page).paragraphs


def test_a_text_that_merely_mentions_a_pdf_is_an_article():
    article = parse_article("The %PDF- header and <svg> tags are named here. " + _STORY)
    assert article.text.startswith("The %PDF- header and <svg> tags")


def test_unclosed_tags_do_not_make_text_html():
    article = parse_article(_STORY + "<p " * 20000 + "\n")
    assert article.text.startswith("Japan will double")


def test_an_error_is_one_line(tmp_path):
    path = _write(tmp_path, b"%PDF-1.4\n", "x.pdf")
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("codec", "name"),
    [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"), ("utf-32-le", "UTF-32LE")],
)
def test_utf16_and_utf32_without_a_bom_are_read(tmp_path, seed, seed_text, codec, name):
    # half the bytes of English text in UTF-16 are NULs, which alone would mean binary data
    article = load_article(_write(tmp_path, seed_text.encode(codec)))
    assert article.text == seed.text and article.headline == seed.headline
    assert article.decode_note == f"no BOM: decoded as {name} (charset detection)"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 40,  # every byte value, NULs among them
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(i * 37 % 256 for i in range(4000)),
        _STORY.encode() + b"\x00" + _STORY.encode(),  # text with one NUL in it
    ],
    ids=["all-bytes", "png", "text-with-a-nul"],
)
def test_bytes_with_nuls_that_are_not_wide_unicode_stay_binary(tmp_path, data):
    with pytest.raises(BinaryInputError, match="NUL bytes"):
        load_article(_write(tmp_path, data))


def test_utf16_cut_mid_character_is_refused_as_binary_not_a_traceback():
    data = (_STORY * 40).encode("utf-16-le") + b"\x00"  # an odd byte at the end
    with pytest.raises(BinaryInputError) as caught:
        decode_bytes(data, "cut.txt")
    assert str(caught.value).startswith("cut.txt: ")
