"""Read brat standoff attribution files (PolNeAR's format) into source/cue/content spans.

Only the offsets are kept: the text of a span is always read from the article itself, since
brat's own text column may hold raw newlines that break the one-line-per-record layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from alliance_lib.errors import DataError

Ranges = tuple[tuple[int, int], ...]

_RECORD = re.compile(r"[TEARMN#]\d*\t")  # lines that start a record; the rest continue a text
_SPAN = re.compile(r"(?P<label>[\w-]+) (?P<ranges>\d+ \d+(?:;\d+ \d+)*)")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One annotated attribution relation: who (`source`), the cue, and what (`content`)."""

    id: str
    source: Ranges  # empty when the annotator marked no source
    cue: Ranges
    content: Ranges


def _ranges(text: str) -> Ranges:
    pairs = (part.split() for part in text.split(";"))
    return tuple((int(a), int(b)) for a, b in pairs)


def read_attributions(path: Path) -> list[Attribution]:
    """The attribution relations of one .ann file, in file order; a malformed record raises DataError."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read brat annotations ({exc})") from exc
    spans: dict[str, Ranges] = {}
    events: list[tuple[int, str, dict[str, str]]] = []
    for number, line in enumerate(lines, 1):
        if not _RECORD.match(line):
            continue
        fields = line.split("\t")
        if line.startswith("T"):
            match = _SPAN.fullmatch(fields[1])
            if match is None:
                raise DataError(f"{path}:{number}: malformed span record {fields[1]!r}")
            spans[fields[0]] = _ranges(match.group("ranges"))
        elif line.startswith("E"):
            try:
                roles = dict(part.split(":", 1) for part in fields[1].split())
            except ValueError as exc:
                raise DataError(f"{path}:{number}: malformed relation {fields[1]!r}") from exc
            events.append((number, fields[0], roles))
    found = []
    for number, event_id, roles in events:
        parts: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
        for role, span_id in roles.items():
            kind = role.rstrip("0123456789")
            if kind not in parts:
                continue  # the Attribution anchor
            if span_id not in spans:
                raise DataError(f"{path}:{number}: {event_id} refers to unknown span {span_id}")
            parts[kind].extend(spans[span_id])
        found.append(
            Attribution(
                event_id,
                tuple(sorted(parts["Source"])),
                tuple(sorted(parts["Cue"])),
                tuple(sorted(parts["Content"])),
            )
        )
    return found
