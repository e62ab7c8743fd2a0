"""Threat framing, coded per sentence by an editable codebook, and the coder's agreement with a
hand annotation (precision, recall, Cohen's kappa per code)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from alliance_lib.codebooks import compile_section, read_yaml
from alliance_lib.errors import DataError
from alliance_lib.model import Article, Entity


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
            if overlap > 0.5 * (sentence.end - sentence.start):
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
    threats = threats_by_sentence(article, codebook)
    rows = []
    for index, sentence in enumerate(article.sentences):
        for code, pattern in codebook.codes.items():
            match = pattern.search(sentence.text)
            if match:
                start = sentence.start + match.start()
                rows.append(
                    (index, voices[index], code, match.group(0), start, start + len(match.group(0)))
                )
        for entity in threats[index]:
            rows.append(
                (index, voices[index], f"threat:{entity.id}", entity.text, entity.start, entity.end)
            )
    frame = pd.DataFrame(rows, columns=["sentence", "speaker", "code", "evidence", "start", "end"])
    frame = frame.drop_duplicates(["sentence", "code"], keep="first")
    return frame.sort_values(["sentence", "code"], kind="stable").reset_index(drop=True)


def threat_mentions(article: Article, codebook: Codebook) -> pd.DataFrame:
    """Each mention of a threat actor, with the descriptors in its sentence and who voices it."""
    voices = sentence_speakers(article)
    rows = []
    for entity in article.entities:
        if entity.id not in codebook.threat_actors:
            continue
        sentence = article.sentences[entity.sentence]
        found = sorted(
            name for name, pattern in codebook.descriptors.items() if pattern.search(sentence.text)
        )
        rows.append(
            {
                "threat": entity.id,
                "name": entity.name,
                "text": entity.text,
                "start": entity.start,
                "end": entity.end,
                "sentence": entity.sentence,
                "speaker": voices[entity.sentence],
                "descriptors": "; ".join(found),
                "sentence_text": sentence.text,
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
    rows = []
    for index, sentence in enumerate(article.sentences):
        threats = sorted({e.id for e in threats_in[index]})
        for name, pattern in codebook.descriptors.items():
            for match in pattern.finditer(sentence.text):
                start = sentence.start + match.start()
                rows.append(
                    {
                        "descriptor": name,
                        "text": match.group(0),
                        "start": start,
                        "end": start + len(match.group(0)),
                        "sentence": index,
                        "speaker": voices[index],
                        "threats_in_sentence": ", ".join(threats),
                    }
                )
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


def load_annotation(path: Path, article: Article) -> pd.DataFrame | None:
    """The hand annotation, or None when it was made for another article (sentences differ)."""
    try:
        table = pd.read_csv(
            path, dtype={"sentence": int, "starts_with": str, "codes": str}, keep_default_na=False
        )
    except FileNotFoundError as exc:
        raise DataError(f"{path}: annotation file not found") from exc
    if {"sentence", "starts_with", "codes"} - set(table.columns):
        raise DataError(f"{path}: expected columns sentence, starts_with, codes")
    if len(table) != len(article.sentences):
        return None
    for row in table.itertuples():
        if not article.sentences[row.sentence].text.startswith(row.starts_with):
            return None
    return table


def binary_agreement(truth: list[bool], guess: list[bool]) -> dict[str, float]:
    """Precision and recall of `guess` against `truth`, and Cohen's kappa between them.

    Kappa = (p_o - p_e) / (1 - p_e), p_o the observed agreement and p_e the agreement expected
    by chance from each rater's marginal rates (Cohen 1960). Undefined values are NaN.
    """
    n = len(truth)
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    fp = sum(g and not t for t, g in zip(truth, guess, strict=True))
    fn = sum(t and not g for t, g in zip(truth, guess, strict=True))
    nan = float("nan")
    observed = (n - fp - fn) / n if n else nan
    rate_t, rate_g = (sum(truth) / n, sum(guess) / n) if n else (nan, nan)
    expected = rate_t * rate_g + (1 - rate_t) * (1 - rate_g)
    return {
        "precision": tp / (tp + fp) if tp + fp else nan,
        "recall": tp / (tp + fn) if tp + fn else nan,
        "kappa": (observed - expected) / (1 - expected) if n and expected < 1 else nan,
    }


def agreement(coded: pd.DataFrame, annotation: pd.DataFrame, n_sentences: int) -> pd.DataFrame:
    """Per code: sentences coded by the human and the coder, precision, recall, Cohen's kappa."""
    human = {
        (row.sentence, code)
        for row in annotation.itertuples()
        for code in row.codes.split(";")
        if code
    }
    machine = set(zip(coded["sentence"], coded["code"], strict=True))
    rows = []
    for code in sorted({c for _, c in human | machine}):
        truth = [(i, code) in human for i in range(n_sentences)]
        guess = [(i, code) in machine for i in range(n_sentences)]
        both = sum(t and g for t, g in zip(truth, guess, strict=True))
        rows.append(
            {"code": code, "human": sum(truth), "coder": sum(guess), "both": both}
            | binary_agreement(truth, guess)
        )
    return pd.DataFrame(
        rows, columns=["code", "human", "coder", "both", "precision", "recall", "kappa"]
    ).round(3)


def voices_sentence(threats: pd.DataFrame, descriptors: pd.DataFrame) -> str:
    """Who names the threats and who describes the threat environment (counted from the tables)."""
    if threats.empty and descriptors.empty:
        return (
            "The article names no threat actor and uses none of the codebook's threat descriptors."
        )
    parts = []
    if not threats.empty:
        by_voice = threats.groupby("speaker")["sentence"].nunique().sort_index()
        listed = ", ".join(f"{voice} {count}" for voice, count in by_voice.items())
        parts.append(
            f"Threat actors are named in {threats['sentence'].nunique()} sentence(s) (by voice: {listed})."
        )
    if not descriptors.empty:
        by_voice = descriptors.groupby("speaker")["descriptor"].size().sort_index()
        listed = ", ".join(f"{voice} {count}" for voice, count in by_voice.items())
        unnamed = int((descriptors["threats_in_sentence"] == "").sum())
        parts.append(
            f"Threat descriptors appear {len(descriptors)} time(s) (by voice: {listed}); "
            f"{unnamed} of them in sentences that name no threat actor."
        )
    return " ".join(parts)
