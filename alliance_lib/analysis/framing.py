"""Threat framing, coded per sentence by an editable codebook: threat actors and descriptors,
Entman's framing functions and Media Frames Corpus dimensions, and who voices each sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from alliance_lib.analysis.codebook import compile_section, match_sentences, names_by_sentence
from alliance_lib.config import QUOTE_VOICE_SHARE
from alliance_lib.datafiles import read_yaml
from alliance_lib.errors import DataError
from alliance_lib.text.model import Article, Entity


@dataclass(frozen=True)
class Codebook:
    threat_actors: tuple[str, ...]
    descriptors: dict[str, re.Pattern[str]]
    codes: dict[str, re.Pattern[str]]  # "entman:remedy", "mfc:Economic", ...


def load_codebook(path: Path) -> Codebook:
    """Read and check a framing codebook; problems raise DataError naming the file and entry."""
    document = read_yaml(path, "framing codebook")
    if not isinstance(document, dict):
        raise DataError(f"{path}: expected keys threat_actors, descriptors, entman, mfc")
    missing = {"threat_actors", "descriptors", "entman", "mfc"} - set(document)
    if missing:
        raise DataError(f"{path}: missing section(s) {sorted(missing)}")
    actors = document["threat_actors"]
    if not isinstance(actors, list) or not all(
        isinstance(a, str) and re.fullmatch(r"[A-Z]{3}", a) for a in actors
    ):
        raise DataError(f"{path}: threat_actors must be a list of ISO alpha-3 codes")
    codes: dict[str, re.Pattern[str]] = {}
    for family in ("entman", "mfc"):
        section = compile_section(path, document, family)
        if not section:
            raise DataError(f"{path}: {family} must map code names to patterns")
        codes.update({f"{family}:{name}": pattern for name, pattern in section.items()})
    return Codebook(tuple(actors), compile_section(path, document, "descriptors"), codes)


def threats_by_sentence(article: Article, codebook: Codebook) -> list[list[Entity]]:
    """For each sentence, the mentions of the codebook's threat actors in it (text order)."""
    found: list[list[Entity]] = [[] for _ in article.sentences]
    for entity in article.entities:
        if entity.id in codebook.threat_actors:
            found[entity.sentence].append(entity)
    return found


def sentence_speakers(article: Article) -> list[str]:
    """Who voices each sentence: the quoted speaker when a quotation fills most of it, else the narrator."""
    names = article.entity_names()
    voices = []
    for sentence in article.sentences:
        voice = "narrator"
        for quote in article.quotes:
            overlap = min(sentence.end, quote.end) - max(sentence.start, quote.start)
            if overlap > QUOTE_VOICE_SHARE * (sentence.end - sentence.start):
                voice = (
                    names.get(quote.speaker, quote.speaker)
                    if quote.speaker
                    else "unattributed quotation"
                )
                break
        voices.append(voice)
    return voices


def code_sentences(article: Article, codebook: Codebook) -> pd.DataFrame:
    """One row per (sentence, code) found: Entman functions, MFC dimensions and threat actors."""
    voices = sentence_speakers(article)
    rows = [
        (hit.sentence, voices[hit.sentence], hit.name, hit.text, hit.start, hit.end)
        for hit in match_sentences(article.sentences, codebook.codes)
    ]
    rows.extend(
        (e.sentence, voices[e.sentence], f"threat:{e.id}", e.text, e.start, e.end)
        for e in article.entities
        if e.id in codebook.threat_actors
    )
    frame = pd.DataFrame(rows, columns=["sentence", "speaker", "code", "evidence", "start", "end"])
    frame = frame.sort_values(["sentence", "code"], kind="stable")
    return frame.drop_duplicates(["sentence", "code"], keep="first").reset_index(drop=True)


def threat_mentions(article: Article, codebook: Codebook) -> pd.DataFrame:
    """Each mention of a threat actor, with the descriptors in its sentence and who voices it."""
    voices = sentence_speakers(article)
    descriptors = names_by_sentence(article.sentences, codebook.descriptors)
    rows = []
    for entity in article.entities:
        if entity.id not in codebook.threat_actors:
            continue
        rows.append(
            {
                "threat": entity.id,
                "name": entity.name,
                "text": entity.text,
                "start": entity.start,
                "end": entity.end,
                "sentence": entity.sentence,
                "speaker": voices[entity.sentence],
                "descriptors": "; ".join(descriptors[entity.sentence]),
                "sentence_text": article.sentences[entity.sentence].text,
            }
        )
    columns = [
        "threat",
        "name",
        "text",
        "start",
        "end",
        "sentence",
        "speaker",
        "descriptors",
        "sentence_text",
    ]
    return pd.DataFrame(rows, columns=columns)


def descriptor_mentions(article: Article, codebook: Codebook) -> pd.DataFrame:
    """Every threat descriptor in the article, with its offsets, speaker and the threats beside it."""
    voices = sentence_speakers(article)
    threats_in = threats_by_sentence(article, codebook)
    rows = [
        {
            "descriptor": hit.name,
            "text": hit.text,
            "start": hit.start,
            "end": hit.end,
            "sentence": hit.sentence,
            "speaker": voices[hit.sentence],
            "threats_in_sentence": ", ".join(sorted({e.id for e in threats_in[hit.sentence]})),
        }
        for hit in match_sentences(article.sentences, codebook.descriptors, every=True)
    ]
    columns = ["descriptor", "text", "start", "end", "sentence", "speaker", "threats_in_sentence"]
    return (
        pd.DataFrame(rows, columns=columns)
        .sort_values(["start", "descriptor"], kind="stable")
        .reset_index(drop=True)
    )


def counts_by_speaker(coded: pd.DataFrame, family: str) -> pd.DataFrame:
    """Sentences carrying each code of `family` ("entman", "mfc", "threat"), by speaker."""
    rows = coded[coded["code"].str.startswith(family + ":")]
    if rows.empty:
        return pd.DataFrame()
    table = pd.crosstab(rows["code"].str.removeprefix(family + ":"), rows["speaker"])
    return table.sort_index().reindex(sorted(table.columns), axis=1)
