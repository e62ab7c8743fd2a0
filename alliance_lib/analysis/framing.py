"""Threat framing, by an editable codebook: threats where the text frames them, the words that
describe them, Entman's framing functions and Media Frames Corpus dimensions per sentence, and
who voices each (`analysis.voice`).

A mention of a state is not a threat. A threat actor of the codebook is framed as a threat only
where a threat cue in the same clause is about it: the actor right after an `actor_follows` cue
("threats emanating from communist China, North Korea, and Russia": the whole list) or right
before an `actor_precedes` cue ("Russia's invasion", "China threatens"); a negation between
them or just before the cue cancels it ("China poses no threat"). A descriptor attaches to the
threat actor nearest to it in its clause ("communist China" does not make North Korea
communist), or to none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from alliance_lib.analysis.clauses import ClauseIndex
from alliance_lib.analysis.codebook import (
    PATTERN_LIST,
    PATTERN_MAP,
    compile_patterns,
    compile_section,
    match_sentences,
)
from alliance_lib.analysis.voice import VoiceLookup, sentence_voices, voice_spans
from alliance_lib.config import NEGATION_REACH
from alliance_lib.datafiles import read_yaml, validate
from alliance_lib.text.model import Article, Entity

# Between an actor and an `actor_precedes` cue: a possessive, auxiliaries, articles, negations,
# adverbs and a few adjectives ("Russia's full-scale invasion", "China is not a threat").
_PRECEDES_GAP = re.compile(
    r"(?:[’']s)?(?:\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|does|do|did"
    r"|remains?|poses?|posed|be|been|continues to|continued to|a|an|the|its|their|not|no|never"
    r"|also|again|still|[a-z]+ly|[a-z]+n[’']t|growing|repeated|recent|latest|ongoing|new|military"
    r"|nuclear|economic|continued|major|serious|grave|direct|potential|unprovoked|full-scale"
    r"|brutal|illegal|increasing|escalating|missile)){0,4}\s+",
    re.IGNORECASE,
)
# Between an `actor_follows` cue and the actor: up to three lower-case words ("communist",
# "an increasingly assertive").
_FOLLOWS_GAP = re.compile(r"\s+(?:[a-z][\w’'-]*\s+){0,3}")
# Between two actors of one list: ", ", " and ", ", and ", " or ", " as well as ".
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+")

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["threat_actors", "threat_cues", "negations", "descriptors", "entman", "mfc"],
    "additionalProperties": False,
    "properties": {
        "threat_actors": {
            "type": "array",
            "items": {"type": "string", "pattern": "^[A-Z]{3}$"},
            "uniqueItems": True,
        },
        "threat_cues": {
            "type": "object",
            "required": ["actor_follows", "actor_precedes"],
            "additionalProperties": False,
            "properties": {"actor_follows": PATTERN_LIST, "actor_precedes": PATTERN_LIST},
        },
        "negations": PATTERN_LIST,
        "descriptors": PATTERN_MAP,
        "entman": PATTERN_MAP | {"minProperties": 1},
        "mfc": PATTERN_MAP | {"minProperties": 1},
    },
}


@dataclass(frozen=True)
class Codebook:
    threat_actors: tuple[str, ...]
    actor_follows: re.Pattern[str]
    actor_precedes: re.Pattern[str]
    negation: re.Pattern[str]
    descriptors: dict[str, re.Pattern[str]]
    codes: dict[str, re.Pattern[str]]  # "entman:remedy", "mfc:Economic", ...


def load_codebook(path: Path) -> Codebook:
    """Read a framing codebook and check it against `SCHEMA`; DataError names file, key, problem."""
    document = read_yaml(path, "framing codebook")
    validate(path, document, SCHEMA, "framing codebook")
    assert isinstance(document, dict)
    codes: dict[str, re.Pattern[str]] = {}
    for family in ("entman", "mfc"):
        section = compile_section(path, document, family)
        codes.update({f"{family}:{name}": pattern for name, pattern in section.items()})
    cues = document["threat_cues"]
    return Codebook(
        tuple(document["threat_actors"]),
        compile_patterns(path, "threat_cues.actor_follows", cues["actor_follows"]),
        compile_patterns(path, "threat_cues.actor_precedes", cues["actor_precedes"]),
        compile_patterns(path, "negations", document["negations"]),
        compile_section(path, document, "descriptors"),
        codes,
    )


@dataclass(frozen=True, slots=True)
class Threat:
    """A threat actor's mention framed as a threat by `cue`, in clause `clause` of the article."""

    entity: Entity
    cue: str
    clause: int


def _list_from(actors: list[Entity], first: int, step: int, text: str) -> list[Entity]:
    """The actor at `first` and its neighbours in one list ("China, North Korea, and Russia"),
    walking forward (`step` 1) or backward (-1)."""
    found = [actors[first]]
    index = first
    while 0 <= index + step < len(actors):
        a, b = sorted((actors[index], actors[index + step]), key=lambda e: e.start)
        if not _LIST_GAP.fullmatch(text[a.end : b.start]):
            break
        index += step
        found.append(actors[index])
    return found


def _negated(codebook: Codebook, text: str, start: int, end: int, floor: int) -> bool:
    """A negation between `start` and `end`, or just before `start` (not before `floor`)."""
    return codebook.negation.search(text, max(floor, start - NEGATION_REACH), end) is not None


def _actors_by_clause(
    article: Article, codebook: Codebook, index: ClauseIndex
) -> list[list[Entity]]:
    """The threat actors' mentions in each clause of `index`, in text order."""
    actors_in: list[list[Entity]] = [[] for _ in index.clauses]
    for entity in article.entities:
        if entity.id in codebook.threat_actors:
            actors_in[index.at(entity.start)].append(entity)
    return actors_in


def framed_threats(article: Article, codebook: Codebook) -> list[Threat]:
    """Every threat actor mention a cue in its clause frames as a threat, in text order."""
    index = ClauseIndex(article)
    text = article.text
    actors_in = _actors_by_clause(article, codebook, index)
    found: dict[tuple[int, int], Threat] = {}
    for number, clause in enumerate(index.clauses):
        actors = actors_in[number]
        if not actors:
            continue
        for cue in codebook.actor_follows.finditer(text, clause.start, clause.end):
            after = [i for i, e in enumerate(actors) if e.start >= cue.end()]
            if not after or not _FOLLOWS_GAP.fullmatch(text[cue.end() : actors[after[0]].start]):
                continue
            if _negated(codebook, text, cue.start(), cue.end(), clause.start):
                continue
            for entity in _list_from(actors, after[0], 1, text):
                key = (entity.start, entity.end)
                found.setdefault(key, Threat(entity, cue.group(0), number))
        for cue in codebook.actor_precedes.finditer(text, clause.start, clause.end):
            before = [i for i, e in enumerate(actors) if e.end <= cue.start()]
            if not before:
                continue
            last = actors[before[-1]]
            gap = text[last.end : cue.start()]
            if not _PRECEDES_GAP.fullmatch(gap) or _negated(
                codebook, text, last.end, cue.start(), last.end
            ):
                continue
            for entity in _list_from(actors, before[-1], -1, text):
                key = (entity.start, entity.end)
                found.setdefault(key, Threat(entity, cue.group(0), number))
    return [found[key] for key in sorted(found)]


def _descriptor_actors(
    article: Article, codebook: Codebook, index: ClauseIndex
) -> list[tuple[str, str, int, int, int, Entity | None]]:
    """(descriptor, text, start, end, clause, nearest threat actor in its clause or None)."""
    actors_in = _actors_by_clause(article, codebook, index)
    rows = []
    for hit in match_sentences(article.sentences, codebook.descriptors, every=True):
        clause = index.at(hit.start)
        nearest = min(
            actors_in[clause],
            key=lambda e: (max(0, max(e.start, hit.start) - min(e.end, hit.end)), e.start),
            default=None,
        )
        rows.append((hit.name, hit.text, hit.start, hit.end, clause, nearest))
    return rows


def threat_mentions(article: Article, codebook: Codebook) -> pd.DataFrame:
    """Each actor the article frames as a threat: the cue, who voices it, its descriptors."""
    index = ClauseIndex(article)
    lookup = VoiceLookup(voice_spans(article))
    described: dict[tuple[int, int], list[str]] = {}
    for name, _, _, _, _, actor in _descriptor_actors(article, codebook, index):
        if actor is not None:
            described.setdefault((actor.start, actor.end), []).append(name)
    rows = []
    for threat in framed_threats(article, codebook):
        entity = threat.entity
        voice, kind = lookup.at(entity.start, entity.end)
        rows.append(
            {
                "sentence": entity.sentence,
                "actor": entity.id,
                "actor_name": entity.name,
                "text": entity.text,
                "start": entity.start,
                "end": entity.end,
                "cue": threat.cue,
                "voice": voice,
                "voice_kind": kind,
                "descriptors": "; ".join(
                    dict.fromkeys(described.get((entity.start, entity.end), []))
                ),
                "clause": index.clauses[threat.clause].text,
                "sentence_text": article.sentences[entity.sentence].text,
            }
        )
    return pd.DataFrame(rows, columns=THREAT_COLUMNS)


THREAT_COLUMNS = [
    "sentence",
    "actor",
    "actor_name",
    "text",
    "start",
    "end",
    "cue",
    "voice",
    "voice_kind",
    "descriptors",
    "clause",
    "sentence_text",
]
DESCRIPTOR_COLUMNS = ["descriptor", "text", "start", "end", "sentence", "actor", "voice", "clause"]


def descriptor_mentions(article: Article, codebook: Codebook) -> pd.DataFrame:
    """Every threat descriptor, with the threat actor it attaches to (or none) and its voice."""
    index = ClauseIndex(article)
    lookup = VoiceLookup(voice_spans(article))
    rows = [
        {
            "descriptor": name,
            "text": text,
            "start": start,
            "end": end,
            "sentence": index.clauses[clause].sentence,
            "actor": actor.id if actor is not None else "",
            "voice": lookup.at(start, end)[0],
            "clause": index.clauses[clause].text,
        }
        for name, text, start, end, clause, actor in _descriptor_actors(article, codebook, index)
    ]
    return (
        pd.DataFrame(rows, columns=DESCRIPTOR_COLUMNS)
        .sort_values(["start", "descriptor"], kind="stable")
        .reset_index(drop=True)
    )


def code_sentences(article: Article, codebook: Codebook) -> pd.DataFrame:
    """One row per (sentence, code): Entman functions, MFC dimensions, and `threat:ISO3` where
    the sentence frames that actor as a threat; with the sentence's voice."""
    voices = sentence_voices(article, voice_spans(article))
    rows = [
        (hit.sentence, voices[hit.sentence], hit.name, hit.text, hit.start, hit.end)
        for hit in match_sentences(article.sentences, codebook.codes)
    ]
    rows.extend(
        (
            t.entity.sentence,
            voices[t.entity.sentence],
            f"threat:{t.entity.id}",
            t.cue,
            t.entity.start,
            t.entity.end,
        )
        for t in framed_threats(article, codebook)
    )
    frame = pd.DataFrame(rows, columns=["sentence", "voice", "code", "evidence", "start", "end"])
    frame = frame.sort_values(["sentence", "code"], kind="stable")
    return frame.drop_duplicates(["sentence", "code"], keep="first").reset_index(drop=True)


def voice_table(coded: pd.DataFrame, voices: list[str], family: str) -> pd.DataFrame:
    """Per code of `family` ("entman", "mfc", "threat") and voice: sentences carrying it, and
    their share of that voice's sentences (`voices`: `voice.sentence_voices`, one per sentence;
    so a voice with few sentences is not drowned out)."""
    totals = pd.Series(voices, name="voice").value_counts()
    rows = coded[coded["code"].str.startswith(family + ":")]
    if rows.empty:
        return pd.DataFrame(columns=["code", "voice", "sentences", "voice_sentences", "share_pct"])
    table = (
        rows.assign(code=rows["code"].str.removeprefix(family + ":"))
        .groupby(["code", "voice"], as_index=False)
        .agg(sentences=("sentence", "nunique"))
    )
    table["voice_sentences"] = table["voice"].map(totals).astype(int)
    table["share_pct"] = (100 * table["sentences"] / table["voice_sentences"]).round(1)
    return table.sort_values(["code", "voice"], kind="stable").reset_index(drop=True)


def code_label(family: str, code: str, countries: Mapping[str, str]) -> str:
    """A code as a reader names it: a country's name for a threat actor, words for a snake_case
    id ("moral_evaluation" -> "Moral evaluation")."""
    if family == "threat":
        return countries.get(code, code)
    words = code.replace("_", " ")
    return words[:1].upper() + words[1:]


def counts_by_voice(table: pd.DataFrame, value: str = "sentences") -> pd.DataFrame:
    """`voice_table` as a code x voice grid of `value` (0 where a voice never carries a code)."""
    if table.empty:
        return pd.DataFrame()
    grid = table.pivot(index="code", columns="voice", values=value).fillna(0)
    return grid.sort_index().reindex(sorted(grid.columns), axis=1)


def voice_cells(table: pd.DataFrame, family: str, countries: Mapping[str, str]) -> pd.DataFrame:
    """`voice_table` as the grid notebook 04 shows: one row per code (in words), one column per
    voice, each cell "sentences / share of the voice's sentences %"."""
    grid = (
        counts_by_voice(table).astype(int).astype(str)
        + " / "
        + counts_by_voice(table, "share_pct").map("{:.0f}".format)
    )
    grid.index = [code_label(family, code, countries) for code in grid.index]
    return grid
