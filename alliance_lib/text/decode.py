"""Turn the bytes of a file into text: BOMs, UTF-8, legacy encodings, and binary detection."""

from __future__ import annotations

import codecs
import re

from alliance_lib.config import BINARY_SNIFF_CHARS, CHARSET_SNIFF_BYTES
from alliance_lib.errors import BinaryInputError, EmptyArticleError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LATIN_FAMILY = {
    "ascii",
    "latin_1",
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "iso8859_15",
    "mac_roman",
} | {f"iso8859_{n}" for n in range(1, 17)}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def check_text(text: str, source: str) -> None:
    """Reject text that is empty or binary (control characters that prose never holds)."""
    if not text.strip():
        raise EmptyArticleError(source, "the input is empty or whitespace only")
    head = text[:BINARY_SNIFF_CHARS]
    if "\x00" in text or len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        raise BinaryInputError(source, "the input looks like binary data, not text")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode `data`: a BOM wins, then strict UTF-8, then the best legacy-encoding guess."""
    if not data.strip():
        raise EmptyArticleError(source, "the file is empty or whitespace only")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise BinaryInputError(
                    source, f"starts with a {encoding} BOM but is not {encoding}"
                ) from exc
    if b"\x00" in data[:BINARY_SNIFF_CHARS]:
        raise BinaryInputError(source, "the file holds NUL bytes: binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only files that are not UTF-8 need it

    best = from_bytes(data[:CHARSET_SNIFF_BYTES]).best()
    guess = best.encoding if best is not None else "cp1252"
    # Western news text that is not UTF-8 is nearly always cp1252; charset guesses among the
    # single-byte Latin encodings are unreliable on short texts, so they all become cp1252.
    if guess in _LATIN_FAMILY:
        guess = "cp1252"
    try:
        return data.decode(guess)
    except (UnicodeDecodeError, LookupError) as exc:
        raise BinaryInputError(
            source, "not valid text in UTF-8 or a recognised legacy encoding"
        ) from exc
