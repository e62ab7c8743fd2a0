"""Policy shifts the article reports (actor, action, domain, precedent, horizon) and its dated events."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from alliance_lib.codebooks import compile_patterns, compile_section, read_yaml
from alliance_lib.errors import DataError
from alliance_lib.model import Article

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
    """One row per (sentence, domain) where the sentence names an action in that domain."""
    actions_by_sentence = [
        sorted(name for name, pattern in codebook.actions.items() if pattern.search(s.text))
        for s in article.sentences
    ]
    rows = []
    for index, sentence in enumerate(article.sentences):
        actions = actions_by_sentence[index]
        if not actions:
            continue
        context = [sentence.text]
        following = index + 1
        if following < len(article.sentences) and not actions_by_sentence[following]:
            if article.sentences[following].paragraph - sentence.paragraph <= 1:
                context.append(article.sentences[following].text)
        precedents = sorted(
            name
            for name, pattern in codebook.precedents.items()
            if any(pattern.search(t) for t in context)
        )
        actors = list(
            dict.fromkeys(
                e.name for e in article.entities if e.sentence == index and e.type in ACTOR_TYPES
            )
        )
        horizon = [
            c.text for c in article.claims if c.sentence == index and c.type in HORIZON_TYPES
        ]
        for domain, (label, pattern) in codebook.domains.items():
            match = pattern.search(sentence.text)
            if not match:
                continue
            rows.append(
                {
                    "sentence": index,
                    "domain": domain,
                    "domain_label": label,
                    "actors": "; ".join(actors),
                    "actions": "; ".join(actions),
                    "precedent_broken": "; ".join(precedents),
                    "time_horizon": "; ".join(horizon),
                    "evidence": match.group(0),
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


def _clause(text: str, start: int, end: int, width: int = 90) -> str:
    """The comma-delimited clause of `text` around [start, end), shortened to `width`."""
    left = max(text.rfind(",", 0, start), text.rfind(";", 0, start))
    right_candidates = [i for i in (text.find(",", end), text.find(";", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    clause = text[left + 1 : right].strip().rstrip(".")
    return clause if len(clause) <= width else clause[: width - 1].rstrip() + "…"


def dated_events(article: Article) -> pd.DataFrame:
    """Events the article dates (a resolved year, month or day), in time order, with their clause."""
    rows = []
    for claim in article.claims:
        if claim.type != "date" or claim.precision not in ("year", "month", "day"):
            continue
        sentence = article.sentences[claim.sentence]
        value = str(claim.value)
        when = {"year": f"{value}-01-01", "month": f"{value}-01", "day": value}[claim.precision]
        rows.append(
            {
                "date": when,
                "as_written": claim.text,
                "precision": claim.precision,
                "label": f"{value}: "
                + _clause(sentence.text, claim.start - sentence.start, claim.end - sentence.start),
                "note": claim.note or "",
                "start": claim.start,
                "end": claim.end,
                "sentence": claim.sentence,
            }
        )
    columns = ["date", "as_written", "precision", "label", "note", "start", "end", "sentence"]
    frame = pd.DataFrame(rows, columns=columns)
    if not frame.empty:
        frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
    return frame.sort_values(["date", "start"], kind="stable").reset_index(drop=True)
