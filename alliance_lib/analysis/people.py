"""Who speaks across a corpus: one id per person over all its articles, and speakers' countries.

The parser gives each speaker an id within its article (`Article.attributions`: a gazetteer
id, else the slug of the fullest name the article writes). Across articles the same person can
be written `Donald Trump`, `Donald J. Trump`, `Texas Sen. Ted Cruz` or, in an article that never
gives the full name, `Trump`; and a name the parser read from a headline can carry words that
are not the name (`Rival Hillary Clinton`, `Hillary Clinton Said`, `America. So Donald Trump`).
`speaker_rows` reads each attribution's speaker as:

- a **person**: the name without what is not the name (a sentence before it, titles and roles,
  a possessive owner, headline role words, function words, a trailing reporting verb), keyed by
  given name and surname (middle names and initials aside: `Hillary Rodham Clinton` is
  `Hillary Clinton`; `Bill Clinton` is another person) or by gazetteer id; a bare surname is
  the corpus's person of that surname when one person holds at least `SURNAME_SHARE` of the
  attributions to people of that surname, else a row of its own (`Clinton (surname only)`);
  shown by its fullest name;
- an **organisation or group** (the entity the parser resolved is one, or it says so; a party,
  creed or camp such as `Republicans`; a lone common noun the parser read as a name, such as
  `Economists` or `Polls`), or a **state** (a country speaking: `Japan said`, `Cuban officials`
  resolved to a country entity; or its capital: `Washington said`, `data/capitals.csv`);
- **unnamed**: no id (a description such as `a campaign spokesman`, a pronoun the text does not
  resolve, or no source at all).

A speaker's **country** is known from the gazetteer (a person's or an organisation's
`country`), from a state speaking, or from a title naming a country right before a role
(`Japanese Prime Minister ...`, `a Chinese foreign ministry spokesman`, `U.S. Secretary of
State ...`, `Japan's defense minister`): for a person, the country most of their titled
mentions across the corpus give (a tie: unknown).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from alliance_lib.analysis.reference_data import capitals
from alliance_lib.config import CORPUS_SURNAME_SHARE, GAZETTEER
from alliance_lib.text.gazetteer import Gazetteer, load_gazetteer
from alliance_lib.text.lexicon import (
    AUXILIARIES,
    COORDINATORS,
    DETERMINERS,
    HEADLINE_ROLE_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAMES,
    ORGANISATION_WORDS,
    PREPOSITIONS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
    WEEKDAYS,
)

PERSON, ORGANISATION, STATE, UNNAMED = "person", "organisation", "state", "unnamed"
SPEAKER_CLASSES = (PERSON, ORGANISATION, STATE, UNNAMED)
SURNAME_SHARE = CORPUS_SURNAME_SHARE
SURNAME_ONLY = "(surname only)"

# Words that open a title or role before a name ("Texas Sen.", "Labor Secretary").
_TITLES = TITLE_WORDS | ROLE_WORDS
# Nouns that head a source phrase besides titles, roles and organisations ("Japanese officials",
# "German Chancellor"), singular (a plural "s" is read off).
SOURCE_NOUNS = frozenset(
    "official expert specialist researcher analyst lawmaker critic diplomat source authorities"
    " strategist aide commander officer leader minister envoy negotiator spokespeople"
    " chancellor premier monarch king queen emperor prosecutor regulator statement communique"
    " communiqué memo intelligence".split()
)
# Words after a country that make it the speaker's ("Japanese officials", "Chinese foreign
# ministry spokesman", "U.S. State Department"), plurals included.
_AFFILIATED = _TITLES | ORGANISATION_WORDS | SOURCE_NOUNS | {w + "s" for w in _TITLES}
# A party before a name ("Democrat Hillary Clinton", "Republican front-runner Donald Trump").
PARTY_WORDS = frozenset("democrat democrats democratic republican republicans gop".split())
# Words that never open a name (a question's auxiliary, a headline's role word, a conjunction,
# a party, a preposition or comparison a headline or a clause can put before a name).
_NOT_OPENING = (
    NOT_NAMES
    | AUXILIARIES
    | DETERMINERS
    | COORDINATORS
    | PREPOSITIONS
    | HEADLINE_ROLE_WORDS
    | PARTY_WORDS
    | {"since", "following", "given", "like", "unlike", "against", "than"}
)
# Words after a name that are not the name: a reporting verb, an auxiliary, the day it was said
# ("said Ted Cruz Wednesday").
_TRAILING = (
    frozenset(SPEECH_VERBS)
    | {"also", "has", "had", "have", "will", "would", "today", "yesterday", "tonight"}
    | {day.lower() for day in WEEKDAYS}
)
# Groups the parser can read as a person's name (`Republicans said`): a party, a creed, a camp.
GROUPS = frozenset(
    "republicans democrats conservatives liberals progressives independents evangelicals"
    " libertarians socialists moderates populists nationalists".split()
)
_POSSESSIVE = re.compile(r"^.*[’']s\s+")
_TOKEN_EDGE = ",;:()[]\"“”‘’'"


def _bare(word: str) -> str:
    return word.strip(_TOKEN_EDGE).lower()


@lru_cache(maxsize=1)
def capital_states() -> dict[str, str]:
    """Each capital's name (every form `data/capitals.csv` gives) -> its state's ISO3."""
    table = capitals()
    return {
        form: str(iso3)
        for iso3, forms in zip(table["iso3"], table["forms"], strict=True)
        for form in str(forms).split("|")
    }


def _group(name: str) -> bool:
    """A one-word name that is a group, not a person: a party, creed or camp (`GROUPS`), or a
    role, source or organisation noun, singular or plural (`Economists`, `Polls`)."""
    words = name.split()
    if len(words) != 1:
        return False
    word = _bare(words[0])
    return word in GROUPS or word in _AFFILIATED or word.removesuffix("s") in _AFFILIATED


def _sentence_cut(words: list[str]) -> list[str]:
    """The words after the last one that ends a sentence (`Benghazi.`, `America.`): a word of
    two letters or more ending in a full stop that is no title (`Sen.`) nor suffix (`Jr.`)."""
    cut = 0
    for k, word in enumerate(words[:-1]):
        bare = word.strip(_TOKEN_EDGE)
        if (
            bare.endswith((".", "!", "?"))
            and len(bare.rstrip(".!?")) > 1
            and bare.lower() not in _TITLES
            and bare.lower() not in NAME_SUFFIXES
            and not re.fullmatch(r"(?:[A-Z]\.)+", bare)  # initials, U.S.
        ):
            cut = k + 1
    return words[cut:]


def clean_name(name: str) -> str | None:
    """A person's name without what is not the name (see the module docstring); None when
    nothing of a name is left."""
    words = _sentence_cut(_POSSESSIVE.sub("", name.strip()).split())
    # titles and roles before the name: everything up to the last of them
    last_title = max((k for k, w in enumerate(words[:-1]) if _bare(w) in _TITLES), default=-1)
    words = words[last_title + 1 :]
    while words and (_bare(words[0]) in _NOT_OPENING or _bare(words[0]) in _TITLES):
        if _bare(words[0]) == "will" and len(words) > 1:
            break  # Will Hurd: a given name more often than a headline's question
        words = words[1:]
    while words and _bare(words[-1]) in _TRAILING:
        words = words[:-1]
    words = [w.strip(_TOKEN_EDGE) for w in words]
    words = [w for w in words if w]
    if words and words[-1].endswith(".") and words[-1].lower() not in NAME_SUFFIXES:
        if not re.fullmatch(r"(?:[A-Z]\.)+", words[-1]):  # a sentence's full stop, not an initial
            words[-1] = words[-1].rstrip(".")
    if not words or not words[-1][:1].isupper() and _bare(words[-1]) not in NAME_SUFFIXES:
        return None
    if not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words):
        return None
    return " ".join(words)


def person_key(name: str) -> tuple[str, str | None]:
    """(surname key, given name key) of a cleaned name: `Donald J. Trump` -> ("trump",
    "donald"); a suffix stays with the surname (`trump jr.`); a bare surname has no given name."""
    words = name.split()
    suffix = ""
    if len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
        suffix = " " + words[-1].lower().rstrip(".")
        words = words[:-1]
    family = words[-1].lower() + suffix
    given = words[0].lower().rstrip(".") if len(words) > 1 else None
    return family, given


def title_country(
    phrase: str | None, gazetteer: Gazetteer | None = None, name: str | None = None
) -> str | None:
    """The country a speaker phrase gives its speaker through a title or affiliation: a country
    name or adjective right before a title, role or organisation word (`Mexican President`,
    `Chinese foreign ministry spokesman`, `U.S. Secretary`), or a possessive (`Japan's defense
    minister`). Only the phrase before its first comma or relative pronoun is read (`an expert
    who studies China` names no country of the expert's), and with a person's `name` only what
    comes before its surname (`Jeb Bush told the Dutch newspaper` gives Bush no country)."""
    if not phrase:
        return None
    gazetteer = gazetteer or load_gazetteer(GAZETTEER)
    head = re.split(r",|\b(?:who|whom|whose|which|that)\b", phrase, maxsplit=1)[0]
    if name:
        surname = re.search(rf"\b{re.escape(name.split()[-1])}\b", head)
        if surname is None:
            return None
        head = head[: surname.start()]
    for start, end in gazetteer.matcher.finditer(head):
        entity = gazetteer.forms[head[start:end]]
        if entity.type != "country":
            continue
        rest = head[end:]
        if rest.startswith(("'s", "’s")):
            return entity.id
        following = rest.split()
        word = _bare(following[0]) if following else ""
        if word in _AFFILIATED or word.removesuffix("s") in _AFFILIATED:
            return entity.id
    return None


def _vote(countries: Iterable[str]) -> str | None:
    """The most common country, or None on a tie (or none)."""
    ranked = Counter(c for c in countries if c).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


SPEAKER_COLUMNS = ["speaker_class", "person_id", "person", "country", "country_from"]


def speaker_rows(
    attributions: pd.DataFrame, entities: pd.DataFrame, gazetteer: Gazetteer | None = None
) -> pd.DataFrame:
    """`attributions` (article_id, speaker, speaker_name, speaker_kind, speaker_text: the corpus
    table) with `SPEAKER_COLUMNS`: the speaker's class (`SPEAKER_CLASSES`), the corpus person
    id and name (people only), and the speaker's country (ISO3, None when unknown) with where it
    came from (gazetteer, state, title). `entities` (article_id, id, type) says what each
    speaker id is."""
    gazetteer = gazetteer or load_gazetteer(GAZETTEER)
    types = (
        entities[["article_id", "id", "type"]]
        .drop_duplicates(["article_id", "id"])
        .rename(columns={"id": "speaker", "type": "_type"})
    )
    frame = attributions.merge(types, on=["article_id", "speaker"], how="left")
    frame.index = attributions.index
    capital = capital_states()
    classes, states = [], []
    for speaker, kind, entity_type, name in zip(
        frame["speaker"], frame["speaker_kind"], frame["_type"], frame["speaker_name"], strict=True
    ):
        state = None
        if not isinstance(speaker, str):
            found = UNNAMED
        elif entity_type == "country":
            found, state = STATE, speaker
        elif isinstance(name, str) and name.strip() in capital:
            found, state = STATE, capital[name.strip()]
        elif entity_type in ("organization", "place") or (
            kind == "organisation" and entity_type != "person"
        ):
            found = ORGANISATION
        elif isinstance(name, str) and _group(clean_name(name) or name):
            found = ORGANISATION
        else:
            found = PERSON
        classes.append(found)
        states.append(state)
    frame["speaker_class"] = classes
    frame["_state"] = states
    people = _people(frame[frame["speaker_class"] == PERSON], gazetteer)
    frame = frame.join(people)
    # a person's name that is no name (a headline fragment) leaves them unnamed
    frame.loc[(frame["speaker_class"] == PERSON) & frame["person_id"].isna(), "speaker_class"] = (
        UNNAMED
    )
    countries, sources = _countries(frame, gazetteer)
    frame["country"], frame["country_from"] = countries, sources
    return frame.drop(columns=["_type", "_state"])


def _people(frame: pd.DataFrame, gazetteer: Gazetteer) -> pd.DataFrame:
    """person_id and person (shown name) of each person attribution in `frame`."""
    names: dict[str, str | None] = {}
    for name in frame["speaker_name"].dropna().unique():
        names[name] = clean_name(name)
    rows = []  # (index, key, cleaned name)
    for index, speaker, name in zip(
        frame.index, frame["speaker"], frame["speaker_name"], strict=True
    ):
        entry = gazetteer.entries.get(speaker)
        if entry is not None and entry.type == "person":
            rows.append((index, ("gazetteer", entry.id), entry.name))
            continue
        cleaned = names.get(name) if isinstance(name, str) else None
        if cleaned is None:
            rows.append((index, None, None))
            continue
        family, given = person_key(cleaned)
        rows.append((index, (family, given), cleaned))
    rows = _drop_leading_words(rows)
    # a bare surname: the corpus's person of that surname when one dominates
    by_family: dict[str, Counter] = {}
    for _, key, _ in rows:
        if key is None:
            continue
        if key[0] == "gazetteer":
            entry = gazetteer.entries[key[1]]
            family = (entry.family or "").lower()
        else:
            family = key[0] if key[1] is not None else None
        if family:
            by_family.setdefault(family, Counter())[key] += 1
    resolved: dict[tuple, tuple] = {}
    for _, key, _ in rows:
        if key is None or key[0] == "gazetteer" or key[1] is not None or key in resolved:
            continue
        counts = by_family.get(key[0])
        if counts:
            (best, top), total = counts.most_common(1)[0], sum(counts.values())
            if top / total >= SURNAME_SHARE:
                resolved[key] = best
    forms: dict[tuple, Counter] = {}
    for _, key, name in rows:
        if key is not None:
            forms.setdefault(resolved.get(key, key), Counter())[name] += 1
    shown = {  # the fullest form: most words, then the most used, then by name
        key: min(counts, key=lambda n: (-len(n.split()), -counts[n], n))
        for key, counts in forms.items()
    }
    out = []
    for index, key, _ in rows:
        if key is None:
            out.append((index, None, None))
            continue
        key = resolved.get(key, key)
        name = shown[key]
        if key[0] != "gazetteer" and key[1] is None:
            name = f"{name} {SURNAME_ONLY}"
        out.append((index, _key_id(key), name))
    return pd.DataFrame(out, columns=["index", "person_id", "person"]).set_index("index")


def _drop_leading_words(rows: list[tuple]) -> list[tuple]:
    """Rows whose name opens with words that are no given name (`Entrusting Donald Trump`,
    `Fault Ted Cruz`: a headline's or a clause's words the parser kept) keyed as the rest of the
    name, when that rest is a person the corpus names more often and the first word dropped
    opens no other person's name in the corpus (`John Paul Jones` is not `Paul Jones`)."""
    counts = Counter(key for _, key, _ in rows if key is not None and key[0] != "gazetteer")
    givens = Counter(key[1] for key in counts if key[1] is not None)
    out = []
    for index, key, name in rows:
        words = name.split() if key is not None and key[0] != "gazetteer" else []
        for k in range(1, len(words) - 1):
            rest = person_key(" ".join(words[k:]))
            if (
                rest[1] is not None
                and counts.get(rest, 0) > counts[key]
                and givens[key[1]] == 1  # the dropped word opens this name only
            ):
                key, name = rest, " ".join(words[k:])
                break
        out.append((index, key, name))
    return out


def _key_id(key: tuple) -> str:
    """A corpus person id: the gazetteer's, or `given-surname` (`surname` alone) as a slug."""
    if key[0] == "gazetteer":
        return key[1]
    family, given = key
    return re.sub(r"[^a-z0-9]+", "-", f"{given or ''} {family}".strip()).strip("-")


def _countries(frame: pd.DataFrame, gazetteer: Gazetteer) -> tuple[list, list]:
    """Each attribution's speaker country and where it came from (see the module docstring)."""
    person_votes: dict[str, list[str]] = {}
    titled = []
    for cls, person, shown, phrase, name in zip(
        frame["speaker_class"],
        frame["person_id"],
        frame["person"],
        frame["speaker_text"],
        frame["speaker_name"],
        strict=True,
    ):
        if cls != PERSON:
            titled.append(title_country(phrase if isinstance(phrase, str) else None, gazetteer))
            continue
        titled.append(None)
        surname = shown.removesuffix(f" {SURNAME_ONLY}")
        for text in (phrase, name):
            found = title_country(text, gazetteer, surname) if isinstance(text, str) else None
            if found:
                person_votes.setdefault(person, []).append(found)
                break
    person_country = {person: _vote(votes) for person, votes in person_votes.items()}
    countries, sources = [], []
    for cls, speaker, state, person, title in zip(
        frame["speaker_class"],
        frame["speaker"],
        frame["_state"],
        frame["person_id"],
        titled,
        strict=True,
    ):
        entry = gazetteer.entries.get(speaker) if isinstance(speaker, str) else None
        country, source = None, None
        if cls == STATE:
            country, source = state, "state"
        elif entry is not None and entry.country:
            country, source = entry.country, "gazetteer"
        elif cls == PERSON and person_country.get(person):
            country, source = person_country[person], "title"
        elif cls != PERSON and title:
            country, source = title, "title"
        countries.append(country)
        sources.append(source)
    return countries, sources
