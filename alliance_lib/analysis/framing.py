"""Framing by an editable codebook: the words that describe threats, Entman's framing functions and
Media Frames Corpus dimensions per sentence, and who voices each (`analysis.voice`). Which states
are framed as threats is the threat coder's (`analysis.threats`); this module takes its frames.

Entman's functions and the MFC dimensions are keyword indicators (dictionary hits), not validated
frames: on real coverage "Cultural identity" fires on "identity theft". They are reported as such,
never as findings, and never tested for differences between outlets.

A descriptor ("communist", "emergent threats") attaches to the framed state nearest to it in its
clause ("communist China" does not make North Korea communist), or to none. Its voice is the
frames' rule read on words (`voicing.quoted_records`): the innermost attribution whose quoted
words hold it (a direct quotation, or the quoted part of a mixed one), else the narrator. A
paraphrase reports a speaker's claim in the outlet's words ("the leaders agreed ... communist
China": the frame is the leaders', the word "communist" the outlet's).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from alliance_lib.analysis.codebook import (
    PATTERN_MAP,
    PatternGate,
    compile_section,
    match_sentences,
)
from alliance_lib.analysis.threats import THREAT, Frame
from alliance_lib.analysis.voice import sentence_voices, voice_spans
from alliance_lib.analysis.voicing import Innermost, quoted_records, voice_of
from alliance_lib.datafiles import read_yaml, validate
from alliance_lib.text.clauses import ClauseIndex
from alliance_lib.text.model import Article

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["descriptors", "entman", "mfc"],
    "additionalProperties": False,
    "properties": {
        "descriptors": PATTERN_MAP,
        "entman": PATTERN_MAP | {"minProperties": 1},
        "mfc": PATTERN_MAP | {"minProperties": 1},
    },
}


@dataclass(frozen=True)
class Codebook:
    descriptors: dict[str, re.Pattern[str]]
    codes: dict[str, re.Pattern[str]]  # "entman:remedy", "mfc:Economic", ...
    gate: PatternGate | None = None  # `codes` by their trigger words: a sentence runs only those


def load_codebook(path: Path) -> Codebook:
    """Read a framing codebook and check it against `SCHEMA`; DataError names file, key, problem."""
    document = read_yaml(path, "framing codebook")
    validate(path, document, SCHEMA, "framing codebook")
    assert isinstance(document, dict)
    codes: dict[str, re.Pattern[str]] = {}
    for family in ("entman", "mfc"):
        section = compile_section(path, document, family)
        codes.update({f"{family}:{name}": pattern for name, pattern in section.items()})
    return Codebook(compile_section(path, document, "descriptors"), codes, PatternGate(codes))


DESCRIPTOR_COLUMNS = ["descriptor", "text", "start", "end", "sentence", "state", "voice", "clause"]


def _threat_mentions_by_clause(
    frames: Sequence[Frame], index: ClauseIndex
) -> dict[int, list[tuple[int, int, str]]]:
    """The mentions of states framed as threats, (start, end, ISO3), by clause."""
    found: dict[int, list[tuple[int, int, str]]] = {}
    for frame in frames:
        if frame.label == THREAT:
            mention = frame.mention
            found.setdefault(index.at(mention.start), []).append(
                (mention.start, mention.end, frame.state)
            )
    return found


def descriptor_mentions(
    article: Article, codebook: Codebook, frames: Sequence[Frame]
) -> pd.DataFrame:
    """Every threat descriptor, with the framed state it attaches to (nearest in its clause, or
    none) and its voice (the attribution whose quoted words hold it, else the narrator)."""
    index = ClauseIndex(article)
    framed = _threat_mentions_by_clause(frames, index)
    hits = list(match_sentences(article.sentences, codebook.descriptors, every=True))
    lookup = Innermost(quoted_records(article), [s.start for s in article.sentences])
    rows = []
    for hit in hits:
        clause = index.at(hit.start)
        nearest = min(
            framed.get(clause, []),
            key=lambda m: (max(0, max(m[0], hit.start) - min(m[1], hit.end)), m[0]),
            default=None,
        )
        rows.append(
            {
                "descriptor": hit.name,
                "text": hit.text,
                "start": hit.start,
                "end": hit.end,
                "sentence": hit.sentence,
                "state": nearest[2] if nearest is not None else "",
                "voice": voice_of(lookup.at(hit.start, hit.end)).voice,
                "clause": index.clauses[clause].text,
            }
        )
    return (
        pd.DataFrame(rows, columns=DESCRIPTOR_COLUMNS)
        .sort_values(["start", "descriptor"], kind="stable")
        .reset_index(drop=True)
    )


CODE_COLUMNS = ["sentence", "voice", "code", "evidence", "start", "end"]


def sentence_code_rows(
    article: Article, codebook: Codebook, frames: Sequence[Frame] = ()
) -> list[tuple[int, str, str, str, int, int]]:
    """`code_sentences`' rows as tuples in `CODE_COLUMNS` order, without pandas (corpus mode
    builds its columns from them, for every article of a corpus)."""
    voices = sentence_voices(article, voice_spans(article))
    rows = [
        (hit.sentence, voices[hit.sentence], hit.name, hit.text, hit.start, hit.end)
        for hit in match_sentences(article.sentences, codebook.codes, gate=codebook.gate)
    ]
    rows.extend(
        (f.sentence, voices[f.sentence], f"threat:{f.state}", f.cue, f.mention.start, f.mention.end)
        for f in frames
        if f.label == THREAT
    )
    rows.sort(key=lambda row: (row[0], row[2]))  # stable: the first of a (sentence, code) first
    seen: set[tuple[int, str]] = set()
    kept = []
    for row in rows:
        if (row[0], row[2]) not in seen:
            seen.add((row[0], row[2]))
            kept.append(row)
    return kept


def code_sentences(
    article: Article, codebook: Codebook, frames: Sequence[Frame] = ()
) -> pd.DataFrame:
    """One row per (sentence, code): Entman functions and MFC dimensions (keyword indicators),
    and `threat:ISO3` where the threat coder's `frames` frame that state as a threat; with the
    sentence's voice."""
    return pd.DataFrame(sentence_code_rows(article, codebook, frames), columns=CODE_COLUMNS)


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
