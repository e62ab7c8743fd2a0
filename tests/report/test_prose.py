"""Finding sentences are computed from the tables."""

from __future__ import annotations

import pandas as pd
import pytest

from alliance_lib import parse_article
from alliance_lib.analysis import framing, reference_data, spending, threats
from alliance_lib.config import FRAMING_CODEBOOK, THREAT_CODEBOOK
from alliance_lib.report import prose
from tests.conftest import spending_parameters


@pytest.fixture(scope="module")
def framing_codebook():
    return framing.load_codebook(FRAMING_CODEBOOK)


def test_voices_sentence_says_who_voices_the_threats(seed, framing_codebook):
    frames = threats.code_threats(seed, threats.load_threat_codebook(THREAT_CODEBOOK))
    table = threats.threat_table(seed, frames)
    descriptors = framing.descriptor_mentions(seed, framing_codebook, frames)
    sentence = prose.voices_sentence(table, descriptors)
    assert "framed in 2 sentence(s), 4 (sentence, state) frame(s)" in sentence
    assert "the leaders (1 sentence(s): China, North Korea, Russia)" in sentence
    assert "No direct quotation frames a state as a threat." in sentence
    empty = prose.voices_sentence(table.iloc[0:0], descriptors.iloc[0:0])
    assert empty.startswith("The article frames no state as a threat")
    rejected = table.assign(label="rejected")
    assert "4 threat frame(s) are rejected" in prose.voices_sentence(
        rejected, descriptors.iloc[0:0]
    )


def test_validity_sentence_reads_the_unseen_part():
    unseen = {
        "articles": 33,
        "gold_threat": 81,
        "threat_precision": 0.654,
        "threat_recall": 0.42,
        "threat_f1": 0.511,
    }
    sentence = prose.validity_sentence(4, {"parts": {"unseen": unseen}})
    assert "65% of the frames the coder finds" in sentence and "it finds 42% of theirs" in sentence
    assert "F1 0.51" in sentence and "count of 4 frame(s) is an estimate" in sentence
    unmeasured = {"parts": {"unseen": {**unseen, "threat_f1": None}}}
    assert "not measured" in prose.validity_sentence(4, unmeasured)


def test_excerpt_flag(seed, wire):
    assert prose.excerpt_flag(seed).startswith("EXCERPT") and seed.truncated
    assert prose.excerpt_flag(wire).startswith("Whole text")


def test_peers_sentence_is_computed_from_the_table():
    table = spending.peers_table("SIPRI_MILEX_2024REL", ("USA", "DEU"))
    year = int(table.dropna().index.max())
    sentence = prose.peers_sentence(table, {"USA": "United States", "DEU": "Germany"}, "JPN")
    assert sentence.startswith(f"In {year} Japan spent {table.loc[year, 'JPN']:.2f}% of GDP")
    assert f"{table.loc[year, 'USA']:.2f}% (United States)" in sentence


def test_spending_sentences_name_editions_in_words():
    _, summary = spending.scenario(spending_parameters(sipri_edition="SIPRI_MILEX_2023REL"))
    sentence = prose.scenario_sentence(summary)
    assert f"{summary['base_share_pct']:.2f}% of GDP in 2022 (SIPRI 2023 release)" in sentence
    article = parse_article("Germany would invest more than 2 percent of its GDP in defence.")
    terms = spending.claim_terms(article, "DEU")
    names = reference_data.countries_in()
    verdict = spending.focus_verdict(article, terms, "DEU", names)
    found = prose.focus_verdict_sentence(verdict, terms, "Germany")
    assert "(SIPRI 2024 release)" in found
    assert not any(edition in found + sentence for edition in reference_data.EDITIONS)


def test_unresolved_dates_and_sentences_by_voice_are_said_in_one_line():
    events = pd.DataFrame(
        {"resolved": [True, False], "as_written": ["Jan. 13", "Friday"], "note": ["", "no date"]}
    )
    assert prose.unresolved_sentence(events) == "Unresolved: 'Friday' (no date)"
    assert prose.unresolved_sentence(events[events["resolved"]]) == "Every date is resolved."
    voices = ["narrator", "Joe Biden", "narrator"]
    assert prose.sentences_by_voice(voices) == "Sentences by voice: Joe Biden 1, narrator 2"


def test_shifts_sentence_names_each_shift_with_its_category():
    import pandas as pd

    from alliance_lib.report import prose

    shifts = pd.DataFrame(
        {
            "domain_label": ["Defence budget or spending target", "Shipyards"],
            "category": ["spending", "acquisition"],
            "precedent_broken": ["record", ""],
            "sentences": [[0, 2], [1]],
        }
    )
    sentence = prose.shifts_sentence(shifts)
    assert sentence.startswith(
        "The article reports 2 distinct policy shift(s) in 2 categories: Defence budget or "
        "spending target (spending), Shipyards (acquisition). The most repeated, Defence budget "
        "or spending target, is mentioned in 2 sentence(s)."
    )
    assert "Defence budget or spending target (record)" in sentence
