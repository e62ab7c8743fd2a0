"""Threat framing: threat mentions, descriptors, codes and voices."""

from __future__ import annotations

import pytest

from alliance_lib import DataError
from alliance_lib.analysis import framing
from alliance_lib.config import FRAMING_CODEBOOK


@pytest.fixture(scope="module")
def framing_codebook():
    return framing.load_codebook(FRAMING_CODEBOOK)


def test_threat_mentions_and_descriptors_of_the_seed(seed, framing_codebook):
    threats = framing.threat_mentions(seed, framing_codebook)
    assert sorted(set(threats["threat"])) == ["CHN", "PRK", "RUS"]
    china = threats[threats["threat"] == "CHN"].iloc[0]
    assert "communist" in china["descriptors"] and china["speaker"] == "narrator"
    descriptors = framing.descriptor_mentions(seed, framing_codebook)
    kishida = descriptors[
        descriptors["descriptor"] == "most challenging and complex security environment"
    ]
    assert list(kishida["speaker"]) == ["Kishida Fumio"]


def test_sentence_speakers_follow_quotations(seed):
    voices = framing.sentence_speakers(seed)
    assert voices[2] == "Joe Biden" and voices[9] == "Kishida Fumio" and voices[0] == "narrator"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("threat_actors: [CHN]\n", "missing section"),
        ("- a\n", "expected keys"),
        (
            "threat_actors: [China]\ndescriptors: {}\nentman: {a: [x]}\nmfc: {b: [y]}\n",
            "ISO alpha-3",
        ),
        (
            "threat_actors: [CHN]\ndescriptors: {}\nentman: {a: ['(']}\nmfc: {b: [y]}\n",
            "bad regular expression",
        ),
    ],
)
def test_bad_framing_codebook(tmp_path, content, words):
    path = tmp_path / "codebook.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=words):
        framing.load_codebook(path)
