"""Paragraphs (body or subheading) and sentences of the cleaned article text."""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from alliance_lib.lines import Line
from alliance_lib.model import Paragraph, Removed, Sentence

_TERMINAL = tuple('.!?:;"”’)')
# A subheading glued to the end of a quotation: ...greater.”‘A Steadfast Ally’
_GLUED_SUBHEADING = re.compile(r"(?<=[.!?][”\"])\s*([‘'\"“]?)([A-Z][^.!?“”\"]{1,80}?)([’'\"”]?)$")
# Where a paragraph could hold a sentence boundary other than its end.
_INNER_BOUNDARY = re.compile(r"[.!?…][\"”’)\]]*\s+\S")


def _title_case_share(text: str) -> float:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3 or w[0].isupper()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def is_subheading(text: str) -> bool:
    """A short, unpunctuated, mostly capitalised line between paragraphs."""
    return (
        len(text.split()) <= 10
        and not text.endswith(_TERMINAL)
        and text[0].isupper()
        and _title_case_share(text) >= 0.6
    )


@dataclass
class Layout:
    text: str
    offsets: array
    paragraphs: list[Paragraph]
    removed: list[Removed]


def _split_glued_subheading(line: Line, raw: str) -> tuple[list[tuple[Line, bool]], list[Removed]]:
    match = _GLUED_SUBHEADING.search(line.text)
    if not match or not is_subheading(match.group(2).strip()):
        return [(line, False)], []
    removed = []
    for group in (1, 3):
        if match.group(group):
            mark = line.slice(match.start(group), match.end(group))
            removed.append(
                Removed(
                    mark.raw_start,
                    mark.raw_end,
                    raw[mark.raw_start : mark.raw_end],
                    "glued_subheading_marks",
                )
            )
    body = line.slice(0, match.start())
    heading = line.slice(match.start(2), match.end(2))
    return [(body, False), (heading, True)], removed


def layout(lines: list[Line], headings: set[int], raw: str) -> Layout:
    """Join cleaned lines into paragraphs separated by a blank line, keeping the offset map."""
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
            and not previous.text.endswith(_TERMINAL)
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

    removed: list[Removed] = []
    parts: list[tuple[Line, bool]] = []
    for line, heading in blocks:
        if heading:
            parts.append((line, True))
            continue
        split, dropped = _split_glued_subheading(line, raw)
        parts.extend(split)
        removed.extend(dropped)

    pieces: list[str] = []
    offsets = array("q")
    paragraphs: list[Paragraph] = []
    position = 0
    for line, heading in parts:
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
    return Layout("".join(pieces), offsets, paragraphs, removed)


def sentence_locator(sentences: Sequence[Sentence]) -> Callable[[int], int]:
    """A function from a text offset to the index of the sentence holding it (or the one before)."""
    starts = [s.start for s in sentences]
    return lambda offset: max(0, bisect.bisect_right(starts, offset) - 1)


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

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
