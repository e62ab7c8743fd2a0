"""Raw text -> normalised lines, each character keeping the index of the raw character it came from.

Unicode repair and whitespace normalisation work line by line. Typographic quotes are kept
(quotations must stay recognisable); mojibake, odd spaces, zero-width characters and control
characters are repaired or dropped. Every output character carries the index of the input
character it came from, so spans can be traced back to the raw input.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

# Lines made only of these characters cannot be changed by ftfy, so it is skipped for them
# (a large saving: most lines of English news are ASCII plus typographic punctuation).
_SAFE_LINE = re.compile(r"[\x20-\x25\x27-\x7e\u2018\u2019\u201c\u201d\u2013\u2014\u2026]*")
_SPACE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_DROP = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
# Anything but a single ordinary space that normalize_line would drop or rewrite.
_NEEDS_WORK = re.compile(
    r"[\x00-\x1f\x7f\x85\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]|  "
)


@lru_cache(maxsize=1)
def _ftfy_config():
    import ftfy  # lazy: ftfy is only needed for lines that are not plain ASCII-like text

    return ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)


def _align(src: str, dst: str) -> list[int]:
    """For each character of `dst`, the index of the `src` character it replaced or kept."""
    mapping: list[int] = []
    matcher = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            mapping.extend(range(i1, i2))
        elif tag in ("replace", "insert"):
            # Each new character maps into the replaced run, or next to the insertion point.
            last = min(max(i1, i2 - 1), len(src) - 1)
            for k in range(j2 - j1):
                mapping.append(max(0, min(i1 + k, last)))
    return mapping


def repair_unicode(line: str) -> tuple[str, list[int]]:
    """Fix mojibake and other Unicode damage in `line` with ftfy; return text and char map."""
    if _SAFE_LINE.fullmatch(line):
        return line, list(range(len(line)))
    import ftfy  # lazy, as above

    fixed = ftfy.fix_text(line, _ftfy_config())
    if fixed == line:
        return line, list(range(len(line)))
    return fixed, _align(line, fixed)


def normalize_line(line: str) -> tuple[str, list[int]]:
    """Repair `line` and collapse its whitespace; return the text and, per char, its index in `line`.

    Repeated until stable (at most a few rounds): one ftfy fix can expose another, and
    normalising normalised text must change nothing.
    """
    text, mapping = _normalize_once(line)
    for _ in range(3):
        again, remap = _normalize_once(text)
        if again == text:
            break
        text, mapping = again, [mapping[i] for i in remap]
    return text, mapping


def _normalize_once(line: str) -> tuple[str, list[int]]:
    fixed, mapping = repair_unicode(line)
    if not _NEEDS_WORK.search(fixed):  # nothing to drop or collapse: only trim the ends
        start = len(fixed) - len(fixed.lstrip(" "))
        end = len(fixed.rstrip(" "))
        return fixed[start:end], mapping[start:end]
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = -1
    for ch, origin in zip(fixed, mapping, strict=True):
        if _DROP.match(ch):
            continue
        if _SPACE.match(ch):
            if pending_space < 0:
                pending_space = origin
            continue
        if pending_space >= 0 and chars:
            chars.append(" ")
            offsets.append(pending_space)
        pending_space = -1
        chars.append(ch)
        offsets.append(origin)
    return "".join(chars), offsets


def normalize_text(text: str) -> str:
    """Normalise every line of `text`, keep at most one blank line between lines; idempotent."""
    joined = "\n".join(normalize_line(line)[0] for line in text.splitlines()).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", joined)


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
