"""Paragraphs (body or subheading) and sentences of the cleaned article text."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

from alliance_lib.text.headings import ends_a_sentence, is_subheading
from alliance_lib.text.model import Paragraph, Sentence
from alliance_lib.text.offsets import Line

# Where a paragraph could hold a sentence boundary other than its end.
_INNER_BOUNDARY = re.compile(r"[.!?…][\"”’)\]]*\s+\S")


@dataclass
class Layout:
    """The article text (paragraphs separated by a blank line) and each character's raw offset."""

    text: str
    offsets: array
    paragraphs: list[Paragraph]


def layout(lines: list[Line], headings: set[int]) -> Layout:
    """Join cleaned lines into paragraphs separated by a blank line, keeping the offset map.

    When the text separates paragraphs by blank lines, consecutive lines are hard-wrapped parts
    of one paragraph unless the first ends a sentence or either is a heading.
    """
    blocks: list[tuple[Line, bool]] = []
    wrapped = any(line.blank_before for line in lines)
    for index, line in enumerate(lines):
        previous = blocks[-1][0] if blocks else None
        if (
            wrapped
            and previous is not None
            and not line.blank_before
            and index not in headings
            and not blocks[-1][1]
            and not ends_a_sentence(previous.text)
            and not is_subheading(previous.text)
        ):
            joined = Line(
                previous.text + " " + line.text,
                previous.offsets + [previous.raw_end] + line.offsets,
                previous.raw_start,
                line.raw_end,
                previous.blank_before,
            )
            blocks[-1] = (joined, False)
            continue
        blocks.append((line, index in headings))

    pieces: list[str] = []
    offsets = array("q")
    paragraphs: list[Paragraph] = []
    position = 0
    for line, heading in blocks:
        if not line.text:
            continue
        if pieces:
            pieces.append("\n\n")
            offsets.extend((line.raw_start, line.raw_start))
            position += 2
        kind = "subheading" if heading or is_subheading(line.text) else "body"
        pieces.append(line.text)
        offsets.extend(line.offsets)
        paragraphs.append(Paragraph(position, position + len(line.text), line.text, kind))
        position += len(line.text)
    return Layout("".join(pieces), offsets, paragraphs)


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
