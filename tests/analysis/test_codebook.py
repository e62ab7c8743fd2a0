"""The one loop that matches codebook patterns against sentences, and pattern compilation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alliance_lib import DataError
from alliance_lib.analysis.codebook import compile_patterns, compile_section, match_sentences
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
