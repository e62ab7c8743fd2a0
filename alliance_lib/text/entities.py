"""Entity mentions in the article text: everything the gazetteer knows, and people it does not."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from alliance_lib.text.gazetteer import EntityDef, Gazetteer, compile_aliases
from alliance_lib.text.model import Entity, Sentence, sentence_locator


def find_mentions(
    text: str,
    pattern: re.Pattern[str],
    forms: dict[str, EntityDef],
    sentences: list[Sentence],
) -> list[Entity]:
    """Every non-overlapping match of `pattern` (a surface form in `forms`), in text order."""
    sentence_of = sentence_locator(sentences)
    found = []
    for match in pattern.finditer(text):
        entity = forms[match.group(0)]
        found.append(
            Entity(
                match.start(),
                match.end(),
                match.group(0),
                entity.type,
                entity.id,
                entity.name,
                sentence_of(match.start()),
            )
        )
    return found


def gazetteer_mentions(text: str, gazetteer: Gazetteer, sentences: list[Sentence]) -> list[Entity]:
    """Mentions of everything the gazetteer knows."""
    return find_mentions(text, gazetteer.pattern, gazetteer.forms, sentences)


def people_mentions(
    text: str, people: Iterable[EntityDef], gazetteer: Gazetteer, sentences: list[Sentence]
) -> list[Entity]:
    """Mentions of people the gazetteer lacks: full name, and surname unless the gazetteer uses it."""
    forms: dict[str, EntityDef] = {}
    for person in people:
        forms.setdefault(person.name, person)
        if person.family and gazetteer.lookup(person.family) is None:
            forms.setdefault(person.family, person)
    return find_mentions(text, compile_aliases(forms), forms, sentences) if forms else []


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
