"""Load the entity gazetteer (data/gazetteer.yaml) and compile it into one matcher."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from alliance_lib.config import GAZETTEER
from alliance_lib.datafiles import read_yaml
from alliance_lib.errors import DataError

ENTITY_TYPES = {
    "countries": "country",
    "people": "person",
    "organizations": "organization",
    "places": "place",
}


@dataclass(frozen=True)
class EntityDef:
    id: str
    type: str
    name: str
    family: str | None = None  # people only: lets a surname-only speaker resolve
    country: str | None = (
        None  # people and organizations: the ISO3 id of the country they speak for
    )


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, EntityDef]  # by id
    forms: dict[str, EntityDef]  # by surface form ("U.S.", "Kishida Fumio", "Kishida", ...)
    matcher: FormMatcher  # finds every surface form

    def lookup(self, surface: str) -> EntityDef | None:
        return self.forms.get(surface)


def person_forms(given: str, family: str, family_first: bool) -> list[str]:
    """The written forms of a person's name: both orders when family-name-first is usual."""
    forms = [f"{given} {family}", family]
    if family_first:
        forms.insert(0, f"{family} {given}")
    return forms


_TOKEN = re.compile(r"\w+|[^\w\s]")
AUTOMATON_LIMIT = 400  # forms matched by one Aho-Corasick automaton; more go to the token scan


class FormMatcher:
    r"""Leftmost-longest, case-sensitive, whole-word matches of a set of surface forms.

    Up to `AUTOMATON_LIMIT` forms (a gazetteer, the people an article names), an Aho-Corasick
    automaton of the forms finds every place one occurs in one pass (C speed); of those standing
    as whole words, the longest at each start wins and the starts are taken left to right, never
    overlapping: what one regex of the forms (a trie, longest first, `(?<!\w)` before and
    `(?!\w)` after) finds with `finditer`, without compiling a regex per article (the people
    matcher is built anew for each one, and compiling its regex cost more than the search).
    Beyond the limit (an article naming thousands of people, where one form can occur inside
    many others), a scan over the text's tokens that tries, at each token starting a form's
    first token, the next few token ends (no more than the longest form has): linear in the
    text whatever the number of forms.
    """

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = frozenset(f for f in forms if f)
        tokenised = [_TOKEN.findall(f) for f in self.forms]
        self.first = frozenset(t[0] for t in tokenised if t)
        self.longest = max((len(t) for t in tokenised), default=0)
        self.automaton: ahocorasick.Automaton | None = None
        if self.forms and len(self.forms) <= AUTOMATON_LIMIT:
            self.automaton = ahocorasick.Automaton()
            for form in self.forms:
                self.automaton.add_word(form, len(form))
            self.automaton.make_automaton()

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, in text order, never overlapping."""
        if not self.forms:
            return
        if self.automaton is not None:
            yield from self._whole_words(text)
            return
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        i, count = 0, len(tokens)
        while i < count:
            start, first_end = tokens[i]
            if text[start:first_end] not in self.first or (start and _is_word(text[start - 1])):
                i += 1
                continue
            best = None
            for j in range(i, min(count, i + self.longest)):
                end = tokens[j][1]
                if text[start:end] in self.forms and not (end < len(text) and _is_word(text[end])):
                    best = (j, end)
            if best is None:
                i += 1
                continue
            yield start, best[1]
            i = best[0] + 1

    def _whole_words(self, text: str) -> list[tuple[int, int]]:
        """The automaton's occurrences standing as whole words, the longest at each start, the
        starts left to right without overlaps (as a regex's `finditer` takes them)."""
        size = len(text)
        longest: dict[int, int] = {}  # start -> end of the longest whole-word form there
        for last, length in self.automaton.iter(text):
            start, end = last - length + 1, last + 1
            if (start and _is_word(text[start - 1])) or (end < size and _is_word(text[end])):
                continue
            if longest.get(start, -1) < end:
                longest[start] = end
        found = []
        reached = 0
        for start in sorted(longest):
            if start >= reached:
                reached = longest[start]
                found.append((start, reached))
        return found


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _fail(path: Path, problem: str) -> DataError:
    return DataError(f"{path}: {problem}")


@lru_cache(maxsize=8)
def load_gazetteer(path: Path = GAZETTEER) -> Gazetteer:
    """Read and check the gazetteer; a malformed file raises DataError naming the entry."""
    document = read_yaml(path, "gazetteer")
    if not isinstance(document, dict):
        raise _fail(path, "expected sections countries, people, organizations, places")
    unknown = set(document) - set(ENTITY_TYPES)
    if unknown:
        raise _fail(path, f"unknown section(s) {sorted(unknown)}")

    entries: dict[str, EntityDef] = {}
    aliases: dict[str, str] = {}
    ambiguous: set[str] = set()

    def add_alias(form: str, entity_id: str, *, weak: bool = False) -> None:
        owner = aliases.get(form)
        if owner is not None and owner != entity_id:
            if not weak:
                raise _fail(path, f"name {form!r} is given to both {owner!r} and {entity_id!r}")
            ambiguous.add(form)
        aliases.setdefault(form, entity_id)

    for section, entity_type in ENTITY_TYPES.items():
        for item in document.get(section) or []:
            if not isinstance(item, dict) or not item.get("id"):
                raise _fail(path, f"an entry in {section} has no id: {item!r}")
            entity_id = str(item["id"])
            if entity_id in entries:
                raise _fail(path, f"id {entity_id!r} appears twice")
            if entity_type == "country":
                _check_country_code(path, entity_id)
            if entity_type == "person":
                if not item.get("given") or not item.get("family"):
                    raise _fail(path, f"person {entity_id!r} needs given and family names")
                given, family = str(item["given"]), str(item["family"])
                forms = person_forms(given, family, bool(item.get("family_first")))
                name = forms[0]
                for form in forms[:-1] + [str(a) for a in item.get("aliases") or []]:
                    add_alias(form, entity_id)
                add_alias(family, entity_id, weak=True)  # surname alone: dropped if shared
                country = str(item["country"]) if item.get("country") else None
                entries[entity_id] = EntityDef(entity_id, entity_type, name, family, country)
                continue
            names = [str(n) for n in (item.get("names") or [])] + [
                str(a) for a in (item.get("adjectives") or [])
            ]
            if not names:
                raise _fail(path, f"{entity_id!r} has no names")
            for form in names:
                add_alias(form, entity_id)
            country = str(item["country"]) if item.get("country") else None
            if country is not None and entity_type != "organization":
                raise _fail(path, f"{entity_id!r}: only people and organizations have a country")
            entries[entity_id] = EntityDef(
                entity_id, entity_type, str(item.get("name") or names[0]), country=country
            )
    forms = {form: entries[i] for form, i in aliases.items() if form not in ambiguous}
    return Gazetteer(entries, forms, FormMatcher(forms))


def _check_country_code(path: Path, code: str) -> None:
    import pycountry  # lazy: its database loads slowly, and only loading a gazetteer needs it

    if not re.fullmatch(r"[A-Z]{3}", code) or pycountry.countries.get(alpha_3=code) is None:
        raise _fail(path, f"country id {code!r} is not an ISO 3166-1 alpha-3 code")


def names_by_id(entity_type: str, path: Path = GAZETTEER) -> dict[str, str]:
    """Canonical names of one entity type, by id (e.g. country names by ISO alpha-3)."""
    return {e.id: e.name for e in load_gazetteer(path).entries.values() if e.type == entity_type}
