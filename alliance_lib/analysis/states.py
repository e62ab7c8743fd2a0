"""Where an article names a state: its name or demonym (gazetteer countries), its capital or seat
of government as a metonym ("Beijing denied", "the Kremlin"), or its leader as its agent
("Putin annexed").

Countries and leaders come from the parsed entities; capitals and seats are found by one
whole-word regex pass over the text (`StatePatterns.places`), so the whole is linear in the
article's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from alliance_lib.config import GAZETTEER
from alliance_lib.datafiles import read_yaml
from alliance_lib.text.gazetteer import load_gazetteer
from alliance_lib.text.model import Article

# A capital followed by one of these names something else ("the Washington Post", "Paris
# Agreement"); preceded by "George" it is a person.
_NOT_STATE_AFTER = r"(?!\s+(?:Post|Times|Examiner|Free Beacon|state|State|Agreement|Accords?|Redskins|Nationals|Wizards|Capitals|Commanders|Convention|Summit|Club|Protocol))"
_NOT_STATE_BEFORE = r"(?<!George )"


@dataclass(frozen=True, slots=True)
class StateMention:
    """A state named at `start`:`end` of the article text; `how` is "country" (its name),
    "demonym" ("Russian", "the Chinese"), "capital", "seat" or "leader"."""

    start: int
    end: int
    text: str
    state: str  # ISO 3166-1 alpha-3
    how: str
    sentence: int


@dataclass(frozen=True)
class StatePatterns:
    """What names a state besides the gazetteer's countries: capital and seat forms (one
    regex), and leaders (person id -> ISO3)."""

    places: re.Pattern[str] | None
    place_states: dict[str, tuple[str, str]]  # form -> (ISO3, "capital" or "seat")
    leaders: dict[str, str]
    demonyms: frozenset[str]  # the gazetteer's country adjectives


def state_patterns(
    capitals: Iterable[tuple[str, str]],
    seats: Mapping[str, Iterable[str]],
    leader_ids: Iterable[str],
) -> StatePatterns:
    """Compile capitals ((ISO3, "Form|Form") pairs), seats (ISO3 -> forms) and leaders (gazetteer
    person ids: each stands for the country the gazetteer gives it)."""
    forms: dict[str, tuple[str, str]] = {}
    for iso3, written in capitals:
        for form in str(written).split("|"):
            forms[form] = (str(iso3), "capital")
    for iso3, written_forms in seats.items():
        for form in written_forms:
            forms[str(form)] = (str(iso3), "seat")
    places = None
    if forms:
        body = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
        firsts = "".join(sorted({re.escape(f[0]) for f in forms}))
        # the lookahead on a form's first character skips most positions at C speed
        places = re.compile(
            rf"(?=[{firsts}]){_NOT_STATE_BEFORE}(?<!\w)(?:{body})(?!\w){_NOT_STATE_AFTER}"
        )
    entries = load_gazetteer().entries
    leaders = {}
    for person in leader_ids:
        entry = entries.get(person)
        if entry is not None and entry.country:
            leaders[person] = entry.country
    return StatePatterns(places, forms, leaders, demonyms())


def state_mentions(article: Article, patterns: StatePatterns) -> list[StateMention]:
    """Every mention of a state in the article, in text order (a capital inside a longer
    gazetteer entity, such as "Washington" in "Washington, D.C.", is that entity's place)."""
    found = []
    adjectives = patterns.demonyms
    for entity in article.entities:
        if entity.type == "country":
            how = "demonym" if entity.text in adjectives else "country"
            found.append(
                StateMention(entity.start, entity.end, entity.text, entity.id, how, entity.sentence)
            )
        elif entity.type == "person" and entity.id in patterns.leaders:
            found.append(
                StateMention(
                    entity.start,
                    entity.end,
                    entity.text,
                    patterns.leaders[entity.id],
                    "leader",
                    entity.sentence,
                )
            )
    if patterns.places is not None:
        starts = [s.start for s in article.sentences]
        k = 0
        taken = [(e.start, e.end) for e in found]
        for match in patterns.places.finditer(article.text):
            while k + 1 < len(starts) and starts[k + 1] <= match.start():
                k += 1
            iso3, how = patterns.place_states[match.group()]
            found.append(StateMention(match.start(), match.end(), match.group(), iso3, how, k))
        if taken:  # a place inside a country's own mention ("Mexico City" and "Mexico") is one
            found = _drop_nested(found)
    return sorted(found, key=lambda m: (m.start, m.end))


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """The gazetteer's country adjectives ("Russian", "North Koreans")."""
    document = read_yaml(GAZETTEER, "gazetteer")
    found = set()
    for item in (document or {}).get("countries") or []:
        found.update(str(a) for a in item.get("adjectives") or [])
    return frozenset(found)


def _drop_nested(mentions: list[StateMention]) -> list[StateMention]:
    """Mentions that lie inside a longer mention are dropped (one pass after a sort)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[StateMention] = []
    reach = -1
    for mention in ordered:
        if mention.end <= reach:
            continue
        kept.append(mention)
        reach = max(reach, mention.end)
    return kept
