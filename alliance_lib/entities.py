"""Find entity mentions in the article text with the gazetteer (plus people found in said-clauses)."""

from __future__ import annotations

import bisect
import re

from alliance_lib.gazetteer import EntityDef, Gazetteer
from alliance_lib.model import Entity, Sentence


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence that holds `offset` (nearest preceding one)."""
    starts = [s.start for s in sentences]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def find_mentions(
    text: str,
    pattern: re.Pattern[str],
    resolve: dict[str, EntityDef],
    sentences: list[Sentence],
) -> list[Entity]:
    """Every non-overlapping mention of a known surface form, in text order."""
    starts = [s.start for s in sentences]
    found = []
    for match in pattern.finditer(text):
        entity = resolve[match.group(0)]
        sentence = max(0, bisect.bisect_right(starts, match.start()) - 1)
        found.append(
            Entity(
                match.start(),
                match.end(),
                match.group(0),
                entity.type,
                entity.id,
                entity.name,
                sentence,
            )
        )
    return found


def gazetteer_mentions(text: str, gazetteer: Gazetteer, sentences: list[Sentence]) -> list[Entity]:
    resolve = {alias: gazetteer.entries[i] for alias, i in gazetteer.aliases.items()}
    return find_mentions(text, gazetteer.pattern, resolve, sentences)


def merge(existing: list[Entity], extra: list[Entity]) -> list[Entity]:
    """Add `extra` mentions that do not overlap an existing one; keep text order."""
    taken = sorted((e.start, e.end) for e in existing)
    merged = list(existing)
    for entity in extra:
        i = bisect.bisect_left(taken, (entity.start, entity.end))
        left = taken[i - 1] if i > 0 else None
        right = taken[i] if i < len(taken) else None
        if (left and left[1] > entity.start) or (right and right[0] < entity.end):
            continue
        taken.insert(i, (entity.start, entity.end))
        merged.append(entity)
    return sorted(merged, key=lambda e: (e.start, e.end))
