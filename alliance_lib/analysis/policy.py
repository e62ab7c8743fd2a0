"""Policy shifts the article reports: actor, action, domain, precedent broken, time horizon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from alliance_lib.analysis.codebook import (
    compile_patterns,
    compile_section,
    match_sentences,
    names_by_sentence,
)
from alliance_lib.datafiles import read_yaml
from alliance_lib.errors import DataError
from alliance_lib.text.model import Article

ACTOR_TYPES = ("country", "person", "organization")
HORIZON_TYPES = ("duration", "fiscal_year", "date")


@dataclass(frozen=True)
class PolicyCodebook:
    domains: dict[str, tuple[str, re.Pattern[str]]]  # id -> (label, pattern)
    actions: dict[str, re.Pattern[str]]
    precedents: dict[str, re.Pattern[str]]


def load_policy_codebook(path: Path) -> PolicyCodebook:
    """Read and check the policy codebook; problems raise DataError naming the file and entry."""
    document = read_yaml(path, "policy codebook")
    if not isinstance(document, dict) or {"domains", "actions", "precedents"} - set(document):
        raise DataError(f"{path}: expected sections domains, actions, precedents")
    domains = {}
    for key, entry in (document["domains"] or {}).items():
        if not isinstance(entry, dict) or "label" not in entry:
            raise DataError(f"{path}: domain {key!r} needs a label and patterns")
        domains[str(key)] = (
            str(entry["label"]),
            compile_patterns(path, f"domains.{key}", entry.get("patterns")),
        )
    actions = compile_section(path, document, "actions")
    precedents = compile_section(path, document, "precedents")
    if not domains or not actions:
        raise DataError(f"{path}: domains and actions must not be empty")
    return PolicyCodebook(domains, actions, precedents)


def policy_shifts(article: Article, codebook: PolicyCodebook) -> pd.DataFrame:
    """One row per (sentence, domain) where the sentence names an action in that domain.

    The precedent broken is looked for in the sentence and, when that one names no action, in
    the sentence after it (same or next paragraph).
    """
    sentences = article.sentences
    actions_by_sentence = names_by_sentence(sentences, codebook.actions)
    precedents_by_sentence = names_by_sentence(sentences, codebook.precedents)
    domain_patterns = {domain: pattern for domain, (_, pattern) in codebook.domains.items()}
    actors_by_sentence: list[dict[str, None]] = [{} for _ in sentences]  # names in text order
    for entity in article.entities:
        if entity.type in ACTOR_TYPES:
            actors_by_sentence[entity.sentence].setdefault(entity.name)
    horizon_by_sentence: list[list[str]] = [[] for _ in sentences]
    for claim in article.claims:
        if claim.type in HORIZON_TYPES:
            horizon_by_sentence[claim.sentence].append(claim.text)
    rows = []
    for hit in match_sentences(sentences, domain_patterns):
        index, sentence = hit.sentence, sentences[hit.sentence]
        actions = actions_by_sentence[index]
        if not actions:
            continue
        precedents = set(precedents_by_sentence[index])
        following = index + 1
        if following < len(sentences) and not actions_by_sentence[following]:
            if sentences[following].paragraph - sentence.paragraph <= 1:
                precedents.update(precedents_by_sentence[following])
        rows.append(
            {
                "sentence": index,
                "domain": hit.name,
                "domain_label": codebook.domains[hit.name][0],
                "actors": "; ".join(actors_by_sentence[index]),
                "actions": "; ".join(actions),
                "precedent_broken": "; ".join(sorted(precedents)),
                "time_horizon": "; ".join(horizon_by_sentence[index]),
                "evidence": hit.text,
                "start": sentence.start,
                "end": sentence.end,
                "sentence_text": sentence.text,
            }
        )
    columns = [
        "sentence",
        "domain",
        "domain_label",
        "actors",
        "actions",
        "precedent_broken",
        "time_horizon",
        "evidence",
        "start",
        "end",
        "sentence_text",
    ]
    return pd.DataFrame(rows, columns=columns)
