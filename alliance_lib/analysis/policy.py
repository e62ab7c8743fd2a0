"""Policy shifts the article reports: one row per distinct shift, with every sentence mentioning it.

A clause mentions a shift when it names an action and a policy domain of the codebook; all the
clauses naming one domain are mentions of the same shift (the spending increase said four
times is one shift). A precedent is broken only by the shift nearest to it in its own clause (or
in the clause a dependent clause comments on), and a clause that says a standing rule holds
("has refused", "not", "remains") keeps it intact; see `data/policy_codebook.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
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
from alliance_lib.config import NEGATION_REACH
from alliance_lib.datafiles import read_yaml, validate
from alliance_lib.text.model import Article

ACTOR_TYPES = ("country", "person", "organization")
HORIZON_TYPES = ("duration", "fiscal_year", "date")
PRECEDENT_KINDS = ("novelty", "constraint")

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["domains", "actions", "precedents", "negations", "precedent_kept"],
    "additionalProperties": False,
    "properties": {
        "domains": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "required": ["label", "patterns"],
                "additionalProperties": False,
                "properties": {
                    "label": {"type": "string", "minLength": 1},
                    "patterns": PATTERN_LIST,
                },
            },
        },
        "actions": PATTERN_MAP | {"minProperties": 1},
        "precedents": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["kind", "patterns"],
                "additionalProperties": False,
                "properties": {
                    "kind": {"enum": list(PRECEDENT_KINDS)},
                    "patterns": PATTERN_LIST,
                },
            },
        },
        "negations": PATTERN_LIST,
        "precedent_kept": PATTERN_LIST,
    },
}


@dataclass(frozen=True)
class PolicyCodebook:
    domains: dict[str, tuple[str, re.Pattern[str]]]  # id -> (label, pattern)
    actions: dict[str, re.Pattern[str]]
    precedents: dict[str, tuple[str, re.Pattern[str]]]  # name -> (kind, pattern)
    negation: re.Pattern[str]
    kept: re.Pattern[str]


def load_policy_codebook(path: Path) -> PolicyCodebook:
    """Read the policy codebook and check it against `SCHEMA`; DataError names file, key, problem."""
    document = read_yaml(path, "policy codebook")
    validate(path, document, SCHEMA, "policy codebook")
    assert isinstance(document, dict)
    domains = {
        str(key): (
            str(entry["label"]),
            compile_patterns(path, f"domains.{key}.patterns", entry["patterns"]),
        )
        for key, entry in document["domains"].items()
    }
    precedents = {
        str(name): (
            str(entry["kind"]),
            compile_patterns(path, f"precedents.{name}.patterns", entry["patterns"]),
        )
        for name, entry in document["precedents"].items()
    }
    return PolicyCodebook(
        domains,
        compile_section(path, document, "actions"),
        precedents,
        compile_patterns(path, "negations", document["negations"]),
        compile_patterns(path, "precedent_kept", document["precedent_kept"]),
    )


@dataclass(frozen=True, slots=True)
class _Mention:
    domain: str
    clause: int
    start: int
    end: int
    text: str


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a_start, b_start) - min(a_end, b_end))


def _by_clause(
    article: Article, index: ClauseIndex, patterns: Mapping[str, re.Pattern[str]]
) -> list[list[tuple[str, int, int, str]]]:
    """For each clause, every (name, start, end, text) match of `patterns` in it, in text order."""
    found: list[list[tuple[str, int, int, str]]] = [[] for _ in index.clauses]
    for hit in match_sentences(article.sentences, patterns, every=True):
        found[index.at(hit.start)].append((hit.name, hit.start, hit.end, hit.text))
    for hits in found:
        hits.sort(key=lambda hit: hit[1])
    return found


def _actors_by_clause(article: Article, index: ClauseIndex) -> list[list[str]]:
    """Actors named in each clause (text order); a clause naming none (", and a new agreement
    that will extend their treaty") takes those of the nearest earlier clause of its sentence.
    A speaker named in the said-clause of their own quotation is not an actor of it."""
    quoted = [(q.start, q.end, q.speaker, q.sentence) for q in article.quotes]
    found: list[dict[str, None]] = [{} for _ in index.clauses]
    for entity in article.entities:
        if entity.type not in ACTOR_TYPES or any(
            speaker == entity.id and sentence == entity.sentence and not start <= entity.start < end
            for start, end, speaker, sentence in quoted
        ):
            continue
        found[index.at(entity.start)].setdefault(entity.name)
    actors: list[list[str]] = []
    for number, clause in enumerate(index.clauses):
        own = list(found[number])
        if not own and number and index.clauses[number - 1].sentence == clause.sentence:
            own = actors[number - 1]
        actors.append(own)
    return actors


@lru_cache(maxsize=8)
def _negated_marker(negation: re.Pattern[str]) -> re.Pattern[str]:
    """A negation right before a novelty marker ("not historic", "not a first")."""
    return re.compile(rf"(?:{negation.pattern})\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE)


def shift_mentions(article: Article, codebook: PolicyCodebook) -> pd.DataFrame:
    """One row per clause naming an action and a domain: the mentions the shifts are built from."""
    mentions, _ = _mentions_and_precedents(article, codebook)
    return _mentions_frame(mentions)


def _mentions_and_precedents(
    article: Article, codebook: PolicyCodebook
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    index = ClauseIndex(article)
    domains = _by_clause(article, index, {k: p for k, (_, p) in codebook.domains.items()})
    actions = _by_clause(article, index, codebook.actions)
    precedents = _by_clause(article, index, {k: p for k, (_, p) in codebook.precedents.items()})
    actors = _actors_by_clause(article, index)
    horizons: list[list[str]] = [[] for _ in index.clauses]
    for claim in article.claims:
        if claim.type in HORIZON_TYPES:
            horizons[index.at(claim.start)].append(claim.text)

    mentions: list[dict[str, Any]] = []
    by_clause: list[list[_Mention]] = [[] for _ in index.clauses]
    for number, clause in enumerate(index.clauses):
        if not actions[number]:
            continue
        seen: set[str] = set()
        for domain, start, end, text in domains[number]:
            if domain in seen:
                continue
            seen.add(domain)
            by_clause[number].append(_Mention(domain, number, start, end, text))
            mentions.append(
                {
                    "domain": domain,
                    "sentence": clause.sentence,
                    "clause": clause.text,
                    "actions": list(dict.fromkeys(name for name, *_ in actions[number])),
                    "actors": list(actors[number]),
                    "time_horizon": horizons[number],
                    "evidence": text,
                    "start": clause.start,
                    "end": clause.end,
                }
            )

    found: list[dict[str, Any]] = []
    for number, clause in enumerate(index.clauses):
        for name, start, end, text in precedents[number]:
            home = number if by_clause[number] else index.governing(number)
            if not by_clause[home]:
                continue
            nearest = min(
                by_clause[home], key=lambda m: (_gap(start, end, m.start, m.end), m.start)
            )
            kind = codebook.precedents[name][0]
            if kind == "constraint":
                intact = bool(codebook.negation.search(clause.text)) or bool(
                    codebook.kept.search(clause.text)
                )
            else:
                before = article.text[max(clause.start, start - NEGATION_REACH) : start]
                intact = _negated_marker(codebook.negation).search(before) is not None
            found.append(
                {
                    "domain": nearest.domain,
                    "precedent": name,
                    "kind": kind,
                    "broken": not intact,
                    "marker": text,
                    "clause": clause.text,
                    "sentence": clause.sentence,
                }
            )
    return mentions, found


def _mentions_frame(mentions: list[dict[str, Any]]) -> pd.DataFrame:
    columns = [
        "sentence",
        "domain",
        "actions",
        "actors",
        "time_horizon",
        "evidence",
        "clause",
        "start",
        "end",
    ]
    frame = pd.DataFrame(mentions, columns=columns)
    for column in ("actions", "actors", "time_horizon"):
        frame[column] = frame[column].map("; ".join)
    return frame


SHIFT_COLUMNS = [
    "shift",
    "domain_label",
    "actors",
    "actions",
    "time_horizon",
    "precedent_broken",
    "precedent_clause",
    "precedent_kept",
    "sentences",
    "mentions",
    "first_sentence_text",
]


def policy_shifts(article: Article, codebook: PolicyCodebook) -> pd.DataFrame:
    """One row per distinct shift (codebook domain), first mentioned first.

    `sentences` lists every sentence mentioning it (first mention first); `precedent_broken`
    the precedents its own clauses say it breaks, with `precedent_clause` the clause each came
    from; `precedent_kept` precedents mentioned beside it that the text says still hold.
    """
    mentions, precedents = _mentions_and_precedents(article, codebook)
    rows = []
    for domain in dict.fromkeys(m["domain"] for m in sorted(mentions, key=lambda m: m["start"])):
        own = [m for m in mentions if m["domain"] == domain]
        broken = [p for p in precedents if p["domain"] == domain and p["broken"]]
        kept = [p for p in precedents if p["domain"] == domain and not p["broken"]]
        rows.append(
            {
                "shift": domain,
                "domain_label": codebook.domains[domain][0],
                "actors": "; ".join(dict.fromkeys(a for m in own for a in m["actors"])),
                "actions": "; ".join(dict.fromkeys(a for m in own for a in m["actions"])),
                "time_horizon": "; ".join(dict.fromkeys(h for m in own for h in m["time_horizon"])),
                "precedent_broken": "; ".join(dict.fromkeys(p["precedent"] for p in broken)),
                "precedent_clause": " | ".join(
                    f"{p['precedent']}: “{p['clause']}” (sentence {p['sentence']})" for p in broken
                ),
                "precedent_kept": "; ".join(dict.fromkeys(p["precedent"] for p in kept)),
                "sentences": sorted({m["sentence"] for m in own}),
                "mentions": len(own),
                "first_sentence_text": article.sentences[own[0]["sentence"]].text,
            }
        )
    return pd.DataFrame(rows, columns=SHIFT_COLUMNS)
