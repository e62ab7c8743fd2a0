"""Tables for readers: formatted cells, HTML and text forms of one table, the voices table."""

from __future__ import annotations

import math

import pandas as pd

from alliance_lib.report import tables
from alliance_lib.report.dictionary import column


def test_cells_are_formatted_by_the_dictionary():
    multiple = column("verdict.csv", "multiple")
    assert tables.format_value(1.6851, multiple) == "1.69"
    assert tables.format_value(math.nan, multiple) == tables.MISSING
    assert tables.format_value(True, column("verdict.csv", "like_for_like")) == "yes"
    assert tables.format_value("False", column("verdict.csv", "like_for_like")) == "no"
    assert tables.format_value("[0, 5, 13]", column("policy_shifts.csv", "sentences")) == "0, 5, 13"
    assert tables.format_value([7, 14], column("policy_shifts.csv", "sentences")) == "7, 14"
    assert tables.format_value(2152.0, column(None, "start")) == "2152"
    assert tables.format_value(6174283000000.0, column(None, "amount")) == "6,174,283,000,000"
    assert tables.format_value(math.nan, column(None, "note")) == ""


def test_one_table_gives_html_and_the_same_text():
    frame = pd.DataFrame(
        {"scope": ["Defence <budget>"], "multiple": [1.7213], "like_for_like": [True]}
    )
    shown = tables.show(frame, "verdict.csv", caption="Verdict")
    page = shown._repr_html_()
    assert page.startswith('<table class="data">') and "<caption>Verdict</caption>" in page
    assert "Defence &lt;budget&gt;" in page and "<td class=num>1.72</td>" in page
    assert '<th class=num title="end_value / base_value" scope="col">multiple (times)</th>' in page
    text = repr(shown).splitlines()
    assert text[0] == "Verdict" and text[1].split() == [
        "scope",
        "multiple",
        "(times)",
        "like",
        "for",
        "like",
    ]
    assert "1.72" in text[2] and "yes" in text[2]


def test_an_empty_table_is_a_sentence():
    shown = tables.show(pd.DataFrame(columns=["a"]), empty="The article quotes no one.")
    assert repr(shown) == "The article quotes no one."
    assert shown._repr_html_() == '<p class="empty">The article quotes no one.</p>'


def test_threat_voices_counts_sentences_and_lists_states_in_order():
    threats = pd.DataFrame(
        {
            "sentence": [8, 8, 8, 12, 15],
            "actor": ["CHN", "PRK", "RUS", "RUS", "CHN"],
            "actor_name": ["China", "North Korea", "Russia", "Russia", "China"],
            "voice": ["the leaders", "the leaders", "the leaders", "narrator", "narrator"],
            "voice_kind": ["reported", "reported", "reported", "narrator", "narrator"],
        }
    )
    voices = tables.threat_voices(threats)
    assert voices.to_dict("records") == [
        {
            "voice": "narrator",
            "voice_kind": "narrator",
            "sentences": 2,
            "mentions": 2,
            "states": "Russia, China",
        },
        {
            "voice": "the leaders",
            "voice_kind": "reported",
            "sentences": 1,
            "mentions": 3,
            "states": "China, North Korea, Russia",
        },
    ]
    assert list(tables.threat_voices(threats.iloc[:0]).columns) == list(voices.columns)
