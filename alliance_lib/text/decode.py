"""Turn the bytes of a file into text: BOMs, UTF-8, legacy encodings, and what is not an article.

A file that is UTF-8 except for a few stray bytes stays UTF-8: one byte that is not UTF-8 (an
0xA0 from a copy and paste) must not switch the whole file to a legacy encoding, where every
`’` would become mojibake. A file holding NUL bytes is binary unless charset detection reads it
as UTF-16 or UTF-32 without a BOM. Whatever is not clean UTF-8 (or UTF-16/32 with a BOM) is described
in a one-line `Decoded.note`, which the `Article` keeps as `decode_note`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from alliance_lib.config import BINARY_SNIFF_CHARS, CHARSET_SNIFF_BYTES, MIN_CHARSET_GUESS_BYTES
from alliance_lib.errors import BinaryInputError, EmptyArticleError, NotAnArticleError

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
# Bytes that are not UTF-8, as `surrogateescape` decoding marks them (U+DC80-U+DCFF), read as
# cp1252: U+FFFD for the five bytes cp1252 assigns nothing to.
_STRAY = re.compile("[\udc80-\udcff]")
_STRAY_UNDEFINED = re.compile("[\udc81\udc8d\udc8f\udc90\udc9d]")
_STRAY_AS_CP1252 = {
    0xDC00 + byte: bytes([byte]).decode("cp1252", errors="replace") for byte in range(0x80, 0x100)
}
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
# Unicode encodings charset detection may find in a file without a BOM, by their names.
_WIDE = {
    "utf_16_le": "UTF-16LE",
    "utf_16_be": "UTF-16BE",
    "utf_32_le": "UTF-32LE",
    "utf_32_be": "UTF-32BE",
}
# Documents that are text but not an article, by how they start.
_FORMATS = (
    ("%PDF-", "a PDF document"),
    ("%!PS", "a PostScript document"),
    ("{\\rtf", "an RTF document"),
)
_HEAD_CHARS = 4096  # how far the markup before an SVG's root element is searched


@dataclass(frozen=True)
class Decoded:
    """Decoded text, and a one-line note when the bytes were not clean UTF-8 (None when they were)."""

    text: str
    note: str | None = None


def document_format(text: str) -> str | None:
    """What kind of non-article document `text` starts as (PDF, PostScript, RTF, SVG), or None."""
    head = text[:_HEAD_CHARS].lstrip("\ufeff \t\r\n")
    for magic, kind in _FORMATS:
        if head.startswith(magic):
            return kind
    # SVG: the first element, after any XML declaration, comments and doctype, is <svg>.
    while head.startswith("<?") or head.startswith("<!"):
        close = "?>" if head.startswith("<?") else "-->" if head.startswith("<!--") else ">"
        end = head.find(close)
        if end < 0:
            return None
        head = head[end + len(close) :].lstrip()
    if head[:4].lower() == "<svg" and (len(head) == 4 or not head[4].isalnum()):
        return "an SVG image"
    return None


def check_text(text: str, source: str) -> None:
    """Reject text that is empty, binary (control characters prose never holds) or a document
    format that is not an article."""
    if not text.strip():
        raise EmptyArticleError(source, "the input is empty or whitespace only")
    kind = document_format(text)
    if kind is not None:
        raise NotAnArticleError(
            source, f"the input is {kind}, not an article (convert it to text or HTML first)"
        )
    head = text[:BINARY_SNIFF_CHARS]
    if "\x00" in text or len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        raise BinaryInputError(source, "the input looks like binary data, not text")


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode `data`: a BOM wins, then UTF-8 (repairing a few stray bytes), then a legacy guess."""
    if not data.strip():
        raise EmptyArticleError(source, "the file is empty or whitespace only")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise BinaryInputError(
                    source, f"starts with a {encoding} BOM but is not {encoding}"
                ) from exc
    kind = document_format(data[:_HEAD_CHARS].decode("latin-1"))
    if kind is not None:  # before the NUL check: a PDF is refused as a PDF, compressed or not
        raise NotAnArticleError(
            source, f"the file is {kind}, not an article (convert it to text or HTML first)"
        )
    if b"\x00" in data[:BINARY_SNIFF_CHARS]:
        wide = _wide_unicode(data)  # UTF-16 or UTF-32 without a BOM: English text is half NULs
        if wide is None:
            raise BinaryInputError(source, "the file holds NUL bytes: binary data, not text")
        try:
            return Decoded(
                data.decode(wide), f"no BOM: decoded as {_WIDE[wide]} (charset detection)"
            )
        except UnicodeDecodeError as exc:
            raise BinaryInputError(
                source, f"looks like {_WIDE[wide]} without a BOM but is not valid {_WIDE[wide]}"
            ) from exc
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode("utf-8", errors="surrogateescape")
    stray = _count(_STRAY, text)
    utf8 = len(text) - len(text.encode("ascii", errors="ignore")) - stray  # multi-byte UTF-8
    if utf8 >= stray:
        repaired = _STRAY.sub(lambda byte: _STRAY_AS_CP1252[ord(byte.group())], text)
        return Decoded(repaired, _stray_note(text, stray, first))
    return _legacy(data, source, non_ascii=stray)


def _wide_unicode(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec charset detection reads `data` as (it has no BOM), or None."""
    from charset_normalizer import from_bytes  # lazy: only files holding NUL bytes need it

    head = data[: CHARSET_SNIFF_BYTES - CHARSET_SNIFF_BYTES % 4]  # whole code units
    best = from_bytes(head).best()
    return best.encoding if best is not None and best.encoding in _WIDE else None


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of `text` `pattern` (a character class) matches, without a list."""
    return len(text) - len(pattern.sub("", text))


def _stray_note(text: str, stray: int, first: int) -> str:
    """One line: how many stray bytes, where the first is, and how they were read."""
    replaced = _count(_STRAY_UNDEFINED, text)
    how = "read as cp1252" if not replaced else f"read as cp1252 ({replaced} replaced by U+FFFD)"
    byte = "byte" if stray == 1 else "bytes"
    return f"UTF-8 except for {stray} stray {byte} (the first at byte {first}), {how}"


def _legacy(data: bytes, source: str, non_ascii: int) -> Decoded:
    """Bytes with no sign of UTF-8: the best legacy-encoding guess (cp1252 for Latin text)."""
    guess = "cp1252"
    if non_ascii >= MIN_CHARSET_GUESS_BYTES:
        from charset_normalizer import from_bytes  # lazy: only files that are not UTF-8 need it

        best = from_bytes(data[:CHARSET_SNIFF_BYTES]).best()
        # Western news text that is not UTF-8 is nearly always cp1252; charset guesses among the
        # single-byte Latin encodings are unreliable on short texts, so they all become cp1252.
        if best is not None and best.encoding not in _LATIN_FAMILY:
            guess = best.encoding
    if guess == "cp1252":
        replaced = len(_CP1252_UNDEFINED.findall(data))
        extra = f" ({replaced} undefined in it replaced by U+FFFD)" if replaced else ""
        return Decoded(
            data.decode("cp1252", errors="replace"), f"not UTF-8: decoded as cp1252{extra}"
        )
    try:
        return Decoded(data.decode(guess), f"not UTF-8: decoded as {guess} (a guess)")
    except (UnicodeDecodeError, LookupError) as exc:
        raise BinaryInputError(
            source, "not valid text in UTF-8 or a recognised legacy encoding"
        ) from exc
