"""Paragraphs (body or subheading) of the cleaned article text, with the offset map."""

from __future__ import annotations

from dataclasses import dataclass

from alliance_lib.config import SUBHEADING_WORDS
from alliance_lib.text.headings import ends_a_sentence, is_subheading
from alliance_lib.text.model import Paragraph
from alliance_lib.text.offsets import Line, OffsetMap


@dataclass
class Layout:
    """The article text (paragraphs separated by a blank line) and each character's raw offset."""

    text: str
    offsets: OffsetMap
    paragraphs: list[Paragraph]


def _may_continue(group: list[Line], words: int) -> bool:
    """Whether a hard-wrapped line may follow `group` (lines of `words` words in all).

    The joined text is built only for a short group, where it could still be a subheading:
    building it at every line made joining n lines cost n^2.
    """
    if ends_a_sentence(group[-1].text):
        return False
    if words > SUBHEADING_WORDS:
        return True  # too long to be a subheading
    return not is_subheading(" ".join(line.text for line in group))


def layout(lines: list[Line], headings: set[int]) -> Layout:
    """Join cleaned lines into paragraphs separated by a blank line, keeping the offset map.

    When the text separates paragraphs by blank lines, consecutive lines are hard-wrapped parts
    of one paragraph unless the first ends a sentence or either is a heading.
    """
    groups: list[tuple[list[Line], bool, int]] = []  # (lines, is a heading, words)
    wrapped = any(line.blank_before for line in lines)
    for index, line in enumerate(lines):
        words = len(line.text.split()) if wrapped else 0  # only joining wrapped lines counts them
        if groups:
            group, heading, count = groups[-1]
            if (
                wrapped
                and not line.blank_before
                and index not in headings
                and not heading
                and _may_continue(group, count)
            ):
                group.append(line)
                groups[-1] = (group, False, count + words)
                continue
        groups.append(([line], index in headings, words))

    pieces: list[str] = []
    offsets = OffsetMap()
    paragraphs: list[Paragraph] = []
    position = 0
    for group, heading, _ in groups:
        # Hard-wrapped lines become one, each joining space mapped to the end of its line.
        text = " ".join(line.text for line in group)
        if not text:
            continue
        if pieces:
            pieces.append("\n\n")
            offsets.extend((group[0].raw_start, group[0].raw_start))
            position += 2
        kind = "subheading" if heading or is_subheading(text) else "body"
        pieces.append(text)
        for line in group[:-1]:
            offsets.extend(line.offsets)
            offsets.extend((line.raw_end,))
        offsets.extend(group[-1].offsets)
        paragraphs.append(Paragraph(position, position + len(text), text, kind))
        position += len(text)
    return Layout("".join(pieces), offsets, paragraphs)
