"""Paragraphs (body or subheading) of the cleaned article text, with the offset map."""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from alliance_lib.text.headings import ends_a_sentence, is_subheading
from alliance_lib.text.model import Paragraph
from alliance_lib.text.offsets import Line


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
