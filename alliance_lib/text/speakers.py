"""Speakers: the person each said-clause names, including people the gazetteer does not know.

This stage owns the people found in said-clauses. It resolves every clause that
`quotes.find_quotations` found to a person id (gazetteer people by any name form; "he"/"she"/
"they" to the person mentioned last before it; titles such as "Prime Minister" stripped), gives
a person missing from the gazetteer an id made from their name, and adds the mentions of those
new people to the article's entities, so that quotes and entities agree on who is who.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from alliance_lib.text.entities import merge, people_mentions
from alliance_lib.text.gazetteer import EntityDef, Gazetteer
from alliance_lib.text.lexicon import NOT_NAMES, PRONOUNS, TITLE_WORDS
from alliance_lib.text.model import Entity, Sentence
from alliance_lib.text.quotes import QuotedParagraph


@dataclass(frozen=True)
class Speakers:
    """Who each said-clause names (by the quotation's opening mark), and the entities with them."""

    by_quotation: dict[int, str | None]
    entities: list[Entity]  # the gazetteer's mentions plus every mention of a new person


class _Resolver:
    """Resolves a said-clause name to an entity id, creating people the gazetteer lacks."""

    def __init__(self, gazetteer: Gazetteer, entities: list[Entity]) -> None:
        self.gazetteer = gazetteer
        self.people = sorted((e.start, e.id) for e in entities if e.type == "person")
        self.new: dict[str, EntityDef] = {}
        self.new_forms: dict[str, str] = {}

    def resolve(self, name: str, offset: int) -> str | None:
        name = name.strip()
        if name.lower() in PRONOUNS:
            i = bisect.bisect_left(self.people, (offset, ""))
            return self.people[i - 1][1] if i else None
        tokens = name.split()
        for k in range(len(tokens)):
            candidate = " ".join(tokens[k:])
            entity = self.gazetteer.lookup(candidate) or self.new.get(
                self.new_forms.get(candidate, "")
            )
            if entity is not None:
                return entity.id
        while tokens and (tokens[0].lower() in TITLE_WORDS or self.gazetteer.lookup(tokens[0])):
            tokens.pop(0)
        if not tokens or not tokens[-1][0].isupper() or any(t.lower() in NOT_NAMES for t in tokens):
            return None
        full = " ".join(tokens)
        entity_id = re.sub(r"[^a-z0-9]+", "-", full.lower()).strip("-")
        if entity_id not in self.new:
            self.new[entity_id] = EntityDef(entity_id, "person", full, tokens[-1])
        self.new_forms.setdefault(full, entity_id)
        self.new_forms.setdefault(tokens[-1], entity_id)
        bisect.insort(self.people, (offset, entity_id))
        return entity_id


def resolve_speakers(
    text: str,
    quoted: list[QuotedParagraph],
    entities: list[Entity],
    gazetteer: Gazetteer,
    sentences: list[Sentence],
) -> Speakers:
    """Resolve every said-clause in text order, then add the new people's mentions to `entities`."""
    resolver = _Resolver(gazetteer, entities)
    by_quotation = {
        quotation.open_mark: resolver.resolve(quotation.clause.name, quotation.clause.offset)
        for paragraph in quoted
        for quotation in paragraph.quotations
        if quotation.clause is not None
    }
    new_mentions = people_mentions(text, resolver.new.values(), gazetteer, sentences)
    return Speakers(by_quotation, merge(entities, new_mentions))
