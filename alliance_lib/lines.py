"""Split raw text into normalised lines that remember where each character came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from alliance_lib.normalize import normalize_line

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")


@dataclass(slots=True)
class Line:
    """One normalised input line; `offsets[i]` is the raw index of `text[i]`."""

    text: str
    offsets: list[int]
    raw_start: int
    raw_end: int
    blank_before: bool = False  # a blank line separates it from the previous line

    def slice(self, start: int, end: int) -> Line:
        """The sub-line text[start:end], stripped, with its offsets."""
        while start < end and self.text[start] == " ":
            start += 1
        while end > start and self.text[end - 1] == " ":
            end -= 1
        offsets = self.offsets[start:end]
        raw_start = offsets[0] if offsets else self.raw_start
        raw_end = offsets[-1] + 1 if offsets else raw_start
        return Line(self.text[start:end], offsets, raw_start, raw_end, self.blank_before)


def split_lines(raw: str) -> list[Line]:
    """Non-empty normalised lines of `raw`, each knowing whether a blank line preceded it."""
    lines: list[Line] = []
    position = 0
    blank = False
    for match in (*_LINE_BREAK.finditer(raw), None):
        end = match.start() if match else len(raw)
        segment = raw[position:end]
        text, local = normalize_line(segment)
        if text:
            offsets = [position + i for i in local]
            lines.append(Line(text, offsets, offsets[0], offsets[-1] + 1, blank and bool(lines)))
            blank = False
        else:
            blank = True
        if match is None:
            break
        position = match.end()
    return lines
