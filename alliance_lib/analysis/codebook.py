"""Codebooks: compile their pattern sections, and match patterns against an article's sentences.

A codebook is an editable YAML file (`data/policy_codebook.yaml`, `data/framing_codebook.yaml`)
mapping code names to regular expressions. `datafiles.validate` checks a codebook against its JSON
Schema (jsonschema) before anything is compiled, so a slip such as an unquoted comma in a flow mapping
(which YAML reads as extra keys) is a DataError naming the file, the key and the problem.
`match_sentences` is the one loop that applies such patterns to sentences; with a `PatternGate`
a sentence runs only the patterns whose trigger words it holds (`analysis.triggers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alliance_lib.analysis.triggers import TriggerIndex, required_literals
from alliance_lib.errors import DataError
from alliance_lib.text.model import Sentence

# JSON Schema pieces the codebook schemas share.
PATTERN_LIST: dict[str, Any] = {
    "type": "array",
    "items": {"type": "string", "minLength": 1},
    "minItems": 1,
}
PATTERN_MAP: dict[str, Any] = {
    "type": "object",
    "additionalProperties": PATTERN_LIST,
    "propertyNames": {"minLength": 1},
}


def compile_patterns(path: Path, where: str, patterns: object) -> re.Pattern[str]:
    """One case-insensitive regex matching any of `patterns` (a string or a list of them)."""
    if isinstance(patterns, str):
        patterns = [patterns]
    if (
        not isinstance(patterns, list)
        or not patterns
        or not all(isinstance(p, str) for p in patterns)
    ):
        raise DataError(f"{path}: {where} needs a list of regular expressions")
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise DataError(f"{path}: {where} has a bad regular expression ({exc})") from exc


def compile_section(path: Path, document: dict, section: str) -> dict[str, re.Pattern[str]]:
    """A codebook section mapping names to patterns, compiled; DataError if it is not a mapping."""
    entries = document.get(section) or {}
    if not isinstance(entries, dict):
        raise DataError(f"{path}: {section} must map names to patterns")
    return {
        str(name): compile_patterns(path, f"{section}.{name}", patterns)
        for name, patterns in entries.items()
    }


@dataclass(frozen=True, slots=True)
class SentenceMatch:
    """One pattern's match in one sentence; `start`/`end` are offsets into the article text."""

    sentence: int
    name: str
    text: str
    start: int
    end: int


class PatternGate:
    """Which patterns of a section can match a text: those whose trigger literals it holds (one
    Aho-Corasick pass, `triggers.TriggerIndex`), and any pattern with no literal, always. A
    pattern can match only where one of its literals is, so gating never loses a match."""

    def __init__(self, patterns: Mapping[str, re.Pattern[str]]) -> None:
        self.always: frozenset[str] = frozenset(
            name for name, pattern in patterns.items() if not required_literals(pattern.pattern)
        )
        gated = [(name, p.pattern) for name, p in patterns.items() if name not in self.always]
        self._index = TriggerIndex(gated)

    def names(self, text: str) -> set[object]:
        """The names of the patterns worth running on `text`."""
        return self._index.keys(text) | self.always


def match_sentences(
    sentences: Sequence[Sentence],
    patterns: Mapping[str, re.Pattern[str]],
    *,
    every: bool = False,
    gate: PatternGate | None = None,
) -> Iterator[SentenceMatch]:
    """Sentence by sentence, pattern by pattern (codebook order): the first match, or `every`
    one; with a `gate` (built from the same `patterns`) only the patterns it lets through."""
    for index, sentence in enumerate(sentences):
        wanted = gate.names(sentence.text) if gate is not None else None
        for name, pattern in patterns.items():
            if wanted is not None and name not in wanted:
                continue
            found = pattern.finditer(sentence.text) if every else [pattern.search(sentence.text)]
            for match in found:
                if match is None:
                    continue
                start = sentence.start + match.start()
                yield SentenceMatch(index, name, match.group(0), start, start + len(match.group(0)))
