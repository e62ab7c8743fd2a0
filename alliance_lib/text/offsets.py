"""Raw text -> normalised lines, each character keeping the index of the raw character it came from.

Unicode repair and whitespace normalisation work line by line. Typographic quotes are kept
(quotations must stay recognisable); mojibake, odd spaces, zero-width characters and control
characters are repaired or dropped. Every output character carries the index of the input
character it came from, so spans can be traced back to the raw input.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

# Lines made only of these characters cannot be changed by ftfy, so it is skipped for them
# (a large saving: most lines of English news are ASCII plus typographic punctuation).
_SAFE_LINE = re.compile(r"[\x20-\x25\x27-\x7e\u2018\u2019\u201c\u201d\u2013\u2014\u2026]*")
_SAFE_TEXT = re.compile(
    r"[\x20-\x25\x27-\x7e\u2018\u2019\u201c\u201d\u2013\u2014\u2026\n]*"
)  # and \n
_SPACE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Dropped: soft hyphen, zero-width characters, bidirectional controls (embeddings, overrides,
# isolates and marks: invisible, and able to make text read in another order than it is stored)
# and control characters.
_DROP = re.compile(
    r"[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\x00-\x08\x0b-\x1f\x7f]"
)
# A run of characters `_normalize_once` drops or collapses, and a space it keeps (as one).
_DROP_OR_SPACE = re.compile(f"(?:{_DROP.pattern}|{_SPACE.pattern})+")
_KEPT_SPACE = re.compile(f"(?!{_DROP.pattern}){_SPACE.pattern}")
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
# Anything but a single ordinary space that normalize_line would drop or rewrite.
_NEEDS_WORK = re.compile(
    r"[\x00-\x1f\x7f\x85\u00a0\u00ad\u061c\u1680\u2000-\u200f\u2028-\u202f\u205f\u2060\u2066-\u2069\u3000\ufeff]|  "
)


# ftfy repairs a line a chunk at a time, so that its cost and the alignment's stay linear in the
# line's length. Chunks end after a space (mojibake never holds one, except an 0xA0 byte read as a
# space, which ftfy repairs only with the character before it, so the space stays with it); a run
# of more than _CHUNK characters without a space is cut before a character that can start a
# mojibake sequence (a UTF-8 lead byte read as cp1252) or that never belongs to one.
_CHUNK = 256
_CUT_WINDOW = 16
_CUT_BEFORE = re.compile(
    r"[\u00c2-\u00f4\x00-\x22\x24\x25\x27-\x2f\x3a\x3c-\x40\x5b-\x60\x7b-\x7f]"
)
# How far the alignment looks for the two texts to agree again after an edit it does not know.
_RESYNC = 8
_UTF8_START = re.compile(rb"[^\x80-\xbf]")  # the first byte of each character in UTF-8


@lru_cache(maxsize=2)
def _ftfy_config(unescape_html: bool):
    import ftfy  # lazy: ftfy is only needed for lines that are not plain ASCII-like text

    return ftfy.TextFixerConfig(
        uncurl_quotes=False, explain=False, unescape_html="auto" if unescape_html else False
    )


def _chunks(line: str) -> list[tuple[int, int]]:
    """(start, end) of the chunks ftfy repairs one at a time; see `_CHUNK`."""
    spans = []
    start = 0
    while start < len(line):
        end = start + _CHUNK
        if end >= len(line):
            end = len(line)
        elif (space := line.rfind(" ", start, end)) > start:
            end = space + 1
        else:
            for cut in range(end - 1, max(start, end - _CUT_WINDOW), -1):
                if _CUT_BEFORE.match(line, cut):
                    end = cut
                    break
        spans.append((start, end))
        start = end
    return spans


@lru_cache(maxsize=4096)
def _mojibake_forms(char: str) -> tuple[str, ...]:
    """How `char` reads when its UTF-8 bytes were decoded as a legacy charset, once or twice."""
    import ftfy.bad_codecs  # noqa: F401  lazy, as above: registers the "sloppy" codecs ftfy uses
    from ftfy.chardata import CHARMAP_ENCODINGS  # lazy, as above

    forms: list[str] = []
    for encoding in CHARMAP_ENCODINGS:
        try:
            once = char.encode("utf-8").decode(encoding)
        except UnicodeError:
            continue
        forms.append(once)
        if encoding in ("latin-1", "sloppy-windows-1252"):
            for again in ("latin-1", "sloppy-windows-1252"):
                try:
                    forms.append(once.encode("utf-8").decode(again))
                except UnicodeError:
                    continue
    # Longest first: a twice-mis-decoded form must not be read as a once-mis-decoded one.
    return tuple(sorted(set(forms) - {char}, key=len, reverse=True))


def _known_edit(src: str, i: int, dst: str, j: int) -> tuple[int, int] | None:
    """(source length, output length) of a repair ftfy makes at src[i], dst[j], if recognised."""
    for form in _mojibake_forms(dst[j]):  # mojibake: several characters became one
        if src.startswith(form, i):
            return len(form), 1
    if i >= len(src):
        return None
    expanded = unicodedata.normalize("NFKC", src[i])  # ligatures, full-width forms
    if expanded != src[i] and dst.startswith(expanded, j):
        return 1, len(expanded)
    if src[i] == "&":  # an HTML entity
        end = src.find(";", i, i + 12)
        if end > i and (plain := html.unescape(src[i : end + 1])) != src[i : end + 1]:
            if dst.startswith(plain, j):
                return end + 1 - i, len(plain)
    if unicodedata.normalize("NFC", src[i : i + 2]) == dst[j]:  # a combining mark composed
        return 2, 1
    return None


def _resync(src: str, i: int, dst: str, j: int) -> tuple[int, int]:
    """The shortest (source, output) step after which both texts agree again for two characters.

    Bounded by `_RESYNC`; past it the rest of the chunk is taken as one replacement.
    """
    for total in range(1, 2 * _RESYNC + 1):
        for di in range(max(0, total - _RESYNC), min(total, _RESYNC) + 1):
            a, b = i + di, j + total - di
            if a < len(src) and b < len(dst) and src[a : a + 2] == dst[b : b + 2]:
                return di, total - di
    return len(src) - i, len(dst) - j


def _align(src: str, dst: str) -> list[int]:
    """For each character of `dst` (ftfy's repair of `src`), the `src` index it came from.

    Linear: equal characters are matched in step, a recognised repair (mojibake, ligature,
    entity, composition) takes its known source characters, and any other edit is bridged by a
    bounded search for where the texts agree again (`_resync`).
    """
    try:  # the usual case, a chunk that is all mojibake: each output character's UTF-8 bytes
        # are source characters one for one, so its first byte's position is its source index
        if src.encode("sloppy-windows-1252").decode("utf-8") == dst:
            return [m.start() for m in _UTF8_START.finditer(dst.encode("utf-8"))]
    except UnicodeError:
        pass
    mapping: list[int] = []
    last = len(src) - 1
    i = j = 0
    while j < len(dst):
        if i < len(src) and src[i] == dst[j]:
            mapping.append(i)
            i, j = i + 1, j + 1
            continue
        di, dj = _known_edit(src, i, dst, j) or _resync(src, i, dst, j)
        # dst[j : j + dj] replaced src[i : i + di]: spread it over the replaced characters.
        mapping.extend(min(i + k * di // dj, last) for k in range(dj))
        i, j = i + di, j + dj
    return mapping


@lru_cache(maxsize=1024)
def _repair_chunk(chunk: str, unescape_html: bool) -> tuple[str, tuple[int, ...] | None]:
    """ftfy's repair of `chunk` and each character's index in it (None: ftfy changed nothing)."""
    import ftfy  # lazy, as above
    import ftfy.bad_codecs  # noqa: F401  lazy, as above: the "sloppy" codecs `_align` uses

    fixed = ftfy.fix_text(chunk, _ftfy_config(unescape_html))
    if fixed == chunk:
        return chunk, None
    return fixed, tuple(_align(chunk, fixed))


def _repair(line: str) -> tuple[str, Sequence[int]]:
    """Fix mojibake and other Unicode damage in `line` with ftfy; return the text and each
    character's index in `line` (a `range` when nothing changed).

    ftfy sees the line chunk by chunk (`_chunks`), and each chunk's repair is aligned with it
    in linear time (`_align`), so every output character keeps the index of its input character.
    """
    if _SAFE_LINE.fullmatch(line):
        return line, range(len(line))
    unescape_html = "<" not in line  # as ftfy decides for a whole line ("auto")
    pieces: list[str] = []
    maps: list[Sequence[int]] = []
    changed = False
    for start, end in _chunks(line):
        chunk = line[start:end]
        local = None
        if not _SAFE_LINE.fullmatch(chunk):
            chunk, local = _repair_chunk(chunk, unescape_html)
        pieces.append(chunk)
        maps.append(range(start, end) if local is None else [start + k for k in local])
        changed = changed or local is not None
    if not changed:
        return line, range(len(line))
    return "".join(pieces), list(chain.from_iterable(maps))


def normalize_line(line: str) -> tuple[str, list[int]]:
    """Repair `line` and collapse its whitespace; return the text and, per char, its index in `line`.

    Repeated until stable (at most a few rounds): one ftfy fix can expose another, and
    normalising normalised text must change nothing.
    """
    text, mapping = _normalize(line)
    return text, list(mapping)


def _normalize(line: str) -> tuple[str, Sequence[int]]:
    """`normalize_line`, with a `range` for the map when the line was only trimmed."""
    if (bounds := _plain(line)) is not None:
        return line[bounds[0] : bounds[1]], range(*bounds)
    text, mapping = _normalize_once(line)
    if text == line:
        return text, mapping  # unchanged: another round would see the same input
    for _ in range(3):
        again, remap = _normalize_once(text)
        if again == text:
            break
        text, mapping = again, [mapping[i] for i in remap]
    return text, mapping


def _plain(line: str) -> tuple[int, int] | None:
    """(start, end) of `line` less its end spaces when that is all normalising does, else None.

    Most lines of English news are such lines: they skip ftfy and the per-character pass, and
    their offsets stay a `range` (a 5 MB article of them would otherwise hold 5M list items).
    """
    if "  " in line or not _SAFE_LINE.fullmatch(line):
        return None
    return len(line) - len(line.lstrip(" ")), len(line.rstrip(" "))


def _normalize_once(line: str) -> tuple[str, Sequence[int]]:
    fixed, mapping = _repair(line)
    if not _NEEDS_WORK.search(fixed):  # nothing to drop or collapse: only trim the ends
        start = len(fixed) - len(fixed.lstrip(" "))
        end = len(fixed.rstrip(" "))
        return fixed[start:end], mapping[start:end]
    # Runs of dropped and space characters, each between two kept stretches copied whole: a
    # run holding a space becomes one space (at the offset of its first space) between two
    # kept characters, and nothing at either end of the line.
    pieces: list[str] = []
    maps: list[Sequence[int]] = []
    pending_space = -1
    kept = 0  # where the kept stretch after the last run starts
    for run in _DROP_OR_SPACE.finditer(fixed):
        start, end = run.span()
        if start > kept:
            if pending_space >= 0 and pieces:
                pieces.append(" ")
                maps.append((pending_space,))
            pieces.append(fixed[kept:start])
            maps.append(mapping[kept:start])
        space = _KEPT_SPACE.search(fixed, start, end)
        pending_space = mapping[space.start()] if space is not None else -1
        kept = end
    if kept < len(fixed):
        if pending_space >= 0 and pieces:
            pieces.append(" ")
            maps.append((pending_space,))
        pieces.append(fixed[kept:])
        maps.append(mapping[kept:])
    return "".join(pieces), list(chain.from_iterable(maps))


def normalize_text(text: str) -> str:
    """Normalise every line of `text`, keep at most one blank line between lines; idempotent."""
    joined = "\n".join(normalize_line(line)[0] for line in text.splitlines()).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", joined)


@dataclass(slots=True)
class Line:
    """One normalised input line; `offsets[i]` is the raw index of `text[i]`."""

    text: str
    offsets: Sequence[int]  # a list, or a range for a line normalising only trimmed
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
    if "  " not in raw and _SAFE_TEXT.fullmatch(raw):
        return _plain_lines(raw)
    return _lines(raw)


def _plain_lines(raw: str) -> list[Line]:
    """`split_lines` of a text of `_SAFE_LINE` characters and line feeds, without a double
    space: every line normalises by trimming its end spaces, so no line is tested on its own."""
    lines: list[Line] = []
    position = 0
    blank = False
    for segment in raw.split("\n"):
        start = position + len(segment) - len(segment.lstrip(" "))
        end = position + len(segment.rstrip(" "))
        if end > start:
            lines.append(Line(raw[start:end], range(start, end), start, end, blank and bool(lines)))
            blank = False
        else:
            blank = True
        position += len(segment) + 1
    return lines


def _lines(raw: str) -> list[Line]:
    """`split_lines` of any text, line by line."""
    lines: list[Line] = []
    position = 0
    blank = False
    for match in chain(_LINE_BREAK.finditer(raw), [None]):
        end = match.start() if match else len(raw)
        segment = raw[position:end]
        offsets: Sequence[int]
        text, local = _normalize(segment)
        if isinstance(local, range):
            offsets = range(position + local.start, position + local.stop)
        else:
            offsets = [position + i for i in local]
        if text:
            lines.append(Line(text, offsets, offsets[0], offsets[-1] + 1, blank and bool(lines)))
            blank = False
        else:
            blank = True
        if match is None:
            break
        position = match.end()
    return lines


class OffsetMap:
    """Each article-text character's raw index, kept as the lines' own offset pieces.

    Most lines map to a `range`, so joining lines costs per line, not per character (filling a
    per-character array was a tenth of a parse); a lookup finds its piece by bisection.
    """

    __slots__ = ("_starts", "_pieces", "_length")

    def __init__(self) -> None:
        self._starts: list[int] = []  # the text index of each piece's first character
        self._pieces: list[Sequence[int]] = []
        self._length = 0

    def extend(self, piece: Sequence[int]) -> None:
        """Append the raw indexes of the next characters (a list is stored as a compact array)."""
        if not len(piece):
            return
        self._starts.append(self._length)
        self._pieces.append(array("q", piece) if isinstance(piece, list) else piece)
        self._length += len(piece)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> int:
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset map index out of range")
        k = bisect.bisect_right(self._starts, index) - 1
        return self._pieces[k][index - self._starts[k]]
