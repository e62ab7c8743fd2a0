"""Normalised lines: Unicode repair and whitespace, with a map back to the raw characters."""

from __future__ import annotations

from alliance_lib.text.offsets import normalize_line, normalize_text


def test_normalize_line_keeps_typographic_quotes_and_maps_offsets():
    text, offsets = normalize_line("  “Quote”\u00a0\u00a0said  he ")
    assert text == "“Quote” said he"
    assert offsets[0] == 2 and len(offsets) == len(text)


def test_normalize_text_is_idempotent_on_mojibake():
    once = normalize_text("Japanâ€™s â€œdefenseâ€\x9d  budget")
    assert once == "Japan’s “defense” budget"
    assert normalize_text(once) == once
