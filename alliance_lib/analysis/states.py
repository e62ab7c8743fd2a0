"""Where an article names a state: its name or demonym (gazetteer countries), its capital or seat
of government as a metonym ("Beijing denied", "the Kremlin"), or its leader as its agent
("Putin annexed"); and where a pronoun stands for a state named just before (`state_pronouns`:
"China ... accuses it of", "Iran ... its missiles").

Countries and leaders come from the parsed entities; capitals and seats are found by one
whole-word regex pass over the text (`StatePatterns.places`), pronouns by another, each resolved
by bisection, so the whole is linear in the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
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
    "demonym" ("Russian", "the Chinese"), "capital", "seat", "leader" or "pronoun" (a pronoun
    standing for a state named just before)."""

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


# A pronoun that may stand for a state: "it"/"its" for one named by its name, capital or seat;
# "they"/"their"/"them" for a people ("the Russians") or several states ("Russia or China").
_PRONOUN = re.compile(r"\b(?:[Ii]ts?|[Tt]hey|[Tt]heir|them)\b")
_SINGULAR = frozenset({"it", "its"})
_NAMED_SINGLY = frozenset({"country", "capital", "seat"})
# "the Chinese government": an adjective, unless a verb follows ("the Chinese have")
_ADJECTIVE_NEXT = re.compile(
    r"\s+(?!(?:are|were|have|had|has|will|would|could|can|may|might|must|should|did|do|say"
    r"|said|also|still|now|never|not)\b)[a-z]"
)
# A state in a prepositional phrase ("the war in Iraq", "a move to Mexico") is seldom what a
# later pronoun stands for.
_IN_PHRASE = re.compile(
    r"(?:^|\W)(?:in|at|into|to|toward|towards|across|throughout|inside|within|near|of|on|from"
    r"|with|for|by|over|against|about)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSOR = re.compile(r"[’']s?\b")  # "doubts about Iran's claim": the state still heads it
_LIST_JOIN = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*")


def state_pronouns(article: Article, mentions: Sequence[StateMention]) -> list[StateMention]:
    """Pronouns that stand for a state named earlier in their sentence or the one before, with
    no person or other named body named between them: "it"/"its" after a state's name, capital
    or seat; "they"/"their"/"them" after a people ("the Chinese", "Russians") or a list of
    states ("Russia or China", each of them). One regex pass, one bisection per pronoun."""
    if not mentions:
        return []
    ordered = sorted(mentions, key=lambda m: m.start)
    ends = [m.end for m in ordered]
    others = sorted(e.start for e in article.entities if e.type in ("person", "organization"))
    starts = [s.start for s in article.sentences]
    found = []
    for match in _PRONOUN.finditer(article.text):
        at = bisect_right(ends, match.start())
        if not at:
            continue
        antecedent = ordered[at - 1]
        sentence = max(0, bisect_right(starts, match.start()) - 1)
        if antecedent.sentence < sentence - 1 or antecedent.how in ("leader", "pronoun"):
            continue
        if bisect_left(others, antecedent.end) < bisect_left(others, match.start()):
            continue  # someone else named between: "China ... Ann Lee said it"
        word = match.group().lower()
        group = [antecedent]
        k = at - 1
        while k > 0 and _LIST_JOIN.fullmatch(article.text[ordered[k - 1].end : ordered[k].start]):
            k -= 1
            group.append(ordered[k])
        if _IN_PHRASE.search(
            article.text, max(0, group[-1].start - 12), group[-1].start
        ) and not _POSSESSOR.match(article.text, antecedent.end):
            continue  # "the war in Iraq ... it": the phrase's head, not the place
        if word in _SINGULAR:
            if len(group) > 1 or antecedent.how not in _NAMED_SINGLY:
                continue
        elif len(group) == 1 and not (
            antecedent.how == "demonym"
            and (
                antecedent.text.endswith("s")  # "the Russians"
                or antecedent.text.endswith("ese")  # "the Chinese", as a noun only
                and _ADJECTIVE_NEXT.match(article.text, antecedent.end) is None
            )
        ):
            continue
        found.extend(
            StateMention(match.start(), match.end(), match.group(), m.state, "pronoun", sentence)
            for m in group
        )
    return found
