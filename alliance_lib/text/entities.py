"""Entity mentions in the article text: everything the gazetteer knows, and people it does not."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from alliance_lib.text.gazetteer import EntityDef, FormMatcher, Gazetteer
from alliance_lib.text.model import Entity, Sentence

_SPAN = attrgetter("start", "end")  # the order of mentions: by start, then end


def find_mentions(
    text: str,
    matcher: FormMatcher,
    forms: dict[str, EntityDef],
    sentences: list[Sentence],
) -> list[Entity]:
    """Every non-overlapping match of `matcher` (a surface form in `forms`), in text order."""
    starts = [s.start for s in sentences]
    found = []
    k = 0  # the sentence holding the match (or the one before): matches come in text order
    for start, end in matcher.finditer(text):
        while k + 1 < len(starts) and starts[k + 1] <= start:
            k += 1
        surface = text[start:end]
        entity = forms[surface]
        found.append(Entity(start, end, surface, entity.type, entity.id, entity.name, k))
    return found


def gazetteer_mentions(text: str, gazetteer: Gazetteer, sentences: list[Sentence]) -> list[Entity]:
    """Mentions of everything the gazetteer knows."""
    return find_mentions(text, gazetteer.matcher, gazetteer.forms, sentences)


def people_mentions(
    text: str,
    people: Iterable[EntityDef],
    gazetteer: Gazetteer,
    sentences: list[Sentence],
    forms: dict[str, str] | None = None,
) -> list[Entity]:
    """Mentions of people the gazetteer lacks: full name, surname unless the gazetteer uses it,
    and any other form in `forms` (surface form -> id) that the speakers stage saw."""
    by_id = {person.id: person for person in people}
    found: dict[str, EntityDef] = {}
    for person in by_id.values():
        found.setdefault(person.name, person)
        if person.family and gazetteer.lookup(person.family) is None:
            found.setdefault(person.family, person)
    for form, entity_id in (forms or {}).items():
        if entity_id in by_id and gazetteer.lookup(form) is None:
            found.setdefault(form, by_id[entity_id])
    if not found:
        return []
    return find_mentions(text, FormMatcher(found, once=True), found, sentences)


def merge(existing: list[Entity], extra: list[Entity]) -> list[Entity]:
    """Add `extra` mentions that overlap no existing one (nor an earlier extra); keep text order.

    One pass over both lists sorted by offset: linear after the sort, whatever their sizes.
    """
    existing = sorted(existing, key=_SPAN)
    if not extra:
        return existing
    merged: list[Entity] = []
    last_end = -1  # end of the last mention kept
    k = 0  # next existing mention
    for entity in sorted(extra, key=_SPAN):
        while k < len(existing) and existing[k].start < entity.start:
            merged.append(existing[k])
            last_end = max(last_end, existing[k].end)
            k += 1
        upcoming = existing[k].start if k < len(existing) else None
        if last_end > entity.start or (upcoming is not None and upcoming < entity.end):
            continue
        merged.append(entity)
        last_end = entity.end
    merged.extend(existing[k:])
    return merged
