"""Tables for readers: formatted cells, HTML and text forms of one table, the voices table."""

from __future__ import annotations

import math

import pandas as pd

from alliance_lib.report import dictionary, tables
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
            "sentence": [8, 8, 8, 12, 15, 16],
            "state": ["CHN", "PRK", "RUS", "RUS", "CHN", "CHN"],
            "state_name": ["China", "North Korea", "Russia", "Russia", "China", "China"],
            "label": ["threat"] * 5 + ["rejected"],
            "voice": ["the leaders"] * 3 + ["narrator", "narrator", "the ministry"],
            "voice_how": ["indirect"] * 3 + ["narrator", "narrator", "indirect"],
        }
    )
    voices = tables.threat_voices(threats)
    assert voices.to_dict("records") == [
        {
            "voice": "narrator",
            "voice_how": "narrator",
            "sentences": 2,
            "frames": 2,
            "states": "Russia, China",
            "rejected": 0,
        },
        {
            "voice": "the leaders",
            "voice_how": "indirect",
            "sentences": 1,
            "frames": 3,
            "states": "China, North Korea, Russia",
            "rejected": 0,
        },
        {
            "voice": "the ministry",
            "voice_how": "indirect",
            "sentences": 0,
            "frames": 0,
            "states": "",
            "rejected": 1,
        },
    ]
    assert list(tables.threat_voices(threats.iloc[:0]).columns) == list(voices.columns)


def test_coded_values_show_as_words_and_units_stay_on_one_line():
    verdict = pd.DataFrame(
        {"scope": ["SIPRI military expenditure, SIPRI_MILEX_2024REL"], "unit": ["tn yen"]}
    )
    page = tables.show(verdict, "verdict.csv")._repr_html_()
    assert "SIPRI military expenditure, SIPRI 2024 release (data to 2023)" in page
    assert "SIPRI_MILEX" not in page and "<td>tn&nbsp;yen</td>" in page
    assert "tn yen" in repr(tables.show(verdict, "verdict.csv"))  # plain spaces in the text form
    budget = pd.DataFrame(
        {
            "fiscal_year": [2025],
            "measure": ["incl_saco_realignment_etc"],
            "status": ["press_reported_proposal"],
        }
    )
    text = repr(tables.show(budget, dictionary.NATIONAL_BUDGET))
    assert "defence budget incl. SACO/US realignment" in text
    assert "proposal reported by the press (not enacted)" in text and "_" not in text


def test_a_wide_table_is_headed_by_names_and_formatted_as_its_value_column():
    table = pd.DataFrame(
        {"JPN": [1.1059, 1.2], "USA": [3.4, None]}, index=pd.Index([2022, 2023], name="year")
    )
    shown = tables.wide(
        table, "peers_share_of_gdp.csv", "value", {"JPN": "Japan"}, caption="% of GDP"
    )
    page = shown._repr_html_()
    assert "<caption>% of GDP</caption>" in page and ">Japan</th>" in page and ">USA</th>" in page
    assert "<td class=num>1.11</td>" in page and f"<td class=num>{tables.MISSING}</td>" in page
    assert repr(shown).splitlines()[1].split() == ["year", "Japan", "USA"]
    empty = tables.wide(table.iloc[:0], "peers_share_of_gdp.csv", "value", empty="None.")
    assert repr(empty) == "None."


def test_a_record_is_a_table_of_its_keys_in_words():
    summary = {"sipri_edition": "SIPRI_MILEX_2024REL", "spending_multiple": 1.8085}
    shown = tables.Record(summary, "scenario_summary.json")
    assert repr(shown).splitlines() == [
        "SIPRI edition              SIPRI 2024 release (data to 2023)",
        "spending multiple (times)  1.81",
    ]
    assert '<th scope="row" title="the SIPRI edition used">SIPRI edition</th>' in (
        shown._repr_html_()
    )


def test_budgets_by_measure_in_reading_order_headed_by_labels():
    budget = pd.DataFrame(
        {
            "fiscal_year": [2022, 2022, 2023, 2023],
            "measure": [
                "incl_saco_realignment_etc",
                "excl_saco_realignment_etc",
                "dbp_covered_expenditure",
                "new_measure_fy2030",
            ],
            "value_trillion_yen": [5.4, 5.18, 6.6, 1.0],
        }
    )
    table = tables.by_measure(budget, "value_trillion_yen")
    assert list(table.columns) == [
        "defence budget excl. SACO/US realignment",
        "defence budget incl. SACO/US realignment",
        "DBP-covered expenditure (from FY2023)",
        "New measure FY2030",
    ]
    assert list(table.index) == [2022, 2023]
