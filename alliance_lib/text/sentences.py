"""Sentences of the article text, never across paragraphs, with offsets that round-trip exactly."""

from __future__ import annotations

import re
from functools import lru_cache

from alliance_lib.text.model import Paragraph, Sentence

# Where a paragraph could hold a sentence boundary other than its end.
_INNER_BOUNDARY = re.compile(r"[.!?…][\"”’)\]]*\s+\S")


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd  # lazy: slow to import, and only paragraphs with an inner boundary need it

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(text: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    """Sentences with pysbd, never across paragraphs; a paragraph with no inner boundary is one sentence."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        if paragraph.kind == "subheading" or not _INNER_BOUNDARY.search(paragraph.text):
            pieces = [paragraph.text]
        else:
            pieces = _segmenter().segment(paragraph.text)
        cursor = 0
        for piece in pieces:
            stripped = piece.strip()
            if not stripped:
                continue
            # Locate each piece in the paragraph ourselves: offsets must round-trip exactly.
            found = paragraph.text.find(stripped, cursor)
            if found < 0:
                continue
            cursor = found + len(stripped)
            begin = paragraph.start + found
            sentences.append(Sentence(begin, begin + len(stripped), stripped, number))
    return sentences
