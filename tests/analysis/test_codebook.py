"""The one loop that matches codebook patterns against sentences, and pattern compilation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alliance_lib import DataError, parse_article
from alliance_lib.analysis import framing
from alliance_lib.analysis.codebook import (
    PatternGate,
    compile_patterns,
    compile_section,
    match_sentences,
)
from alliance_lib.config import FRAMING_CODEBOOK, PROJECT_ROOT, SEED_ARTICLE
from alliance_lib.text.model import Sentence

SENTENCES = [
    Sentence(0, 24, "China and Russia spoke.", 0),
    Sentence(25, 51, "Spending will double soon.", 1),
]
PATTERNS = {"threat": re.compile(r"China|Russia"), "spend": re.compile(r"spending", re.I)}


def test_first_match_per_sentence_and_pattern_in_codebook_order():
    hits = [
        (h.sentence, h.name, h.text, h.start, h.end) for h in match_sentences(SENTENCES, PATTERNS)
    ]
    assert hits == [(0, "threat", "China", 0, 5), (1, "spend", "Spending", 25, 33)]


def test_every_match_when_asked():
    hits = [h.text for h in match_sentences(SENTENCES, PATTERNS, every=True)]
    assert hits == ["China", "Russia", "Spending"]


def test_compile_errors_name_the_file_and_entry():
    path = Path("codebook.yaml")
    with pytest.raises(DataError, match=r"codebook.yaml: actions.double has a bad regular"):
        compile_patterns(path, "actions.double", ["("])
    with pytest.raises(DataError, match="needs a list"):
        compile_patterns(path, "actions.double", [])
    with pytest.raises(DataError, match="must map names"):
        compile_section(path, {"actions": ["x"]}, "actions")


def _hits(sentences, patterns, gate=None):
    return [
        (h.sentence, h.name, h.text, h.start)
        for h in match_sentences(sentences, patterns, gate=gate)
    ]


def test_a_gate_runs_only_the_patterns_whose_trigger_words_a_sentence_holds():
    patterns = dict(PATTERNS) | {"digits": re.compile(r"\d+")}  # no literal: always run
    gate = PatternGate(patterns)
    assert gate.names("Spending will double.") == {"spend", "digits"}
    assert gate.names("CHINA met.") == {"threat", "digits"}  # case-insensitive triggers
    sentences = [*SENTENCES, Sentence(52, 60, "In 2027.", 2)]
    assert _hits(sentences, patterns, gate) == _hits(sentences, patterns)


def test_the_gated_framing_codebook_finds_every_match_the_full_loop_finds():
    codebook = framing.load_codebook(FRAMING_CODEBOOK)
    assert codebook.gate is not None
    texts = [SEED_ARTICLE.read_text(encoding="utf-8")]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((PROJECT_ROOT / "tests" / "fixtures").glob("*.txt"))
    ]
    found = 0
    for text in texts:
        sentences = parse_article(text).sentences
        gated = _hits(sentences, codebook.codes, codebook.gate)
        assert gated == _hits(sentences, codebook.codes)
        found += len(gated)
    assert found > 50
