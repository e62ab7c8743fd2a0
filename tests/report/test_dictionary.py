"""The data dictionary (alliance_lib/report/dictionary.yaml) covers every file the report
writes, column by column (notebook 02's files for other focus countries, named by country, are
checked on the German and Polish pledges in tests/notebooks/test_spending_focus.py), gives coded
values labels in words, takes a new entry without code, and names the entry a slip is in."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from alliance_lib.analysis import reference_data
from alliance_lib.errors import DataError
from alliance_lib.report import dictionary


def test_every_written_file_and_column_is_in_the_dictionary(seed_report):
    written = sorted(
        path
        for path in seed_report.glob("*/*")
        if path.suffix in (".csv", ".json") and path.is_file()
    )
    assert len(written) >= 20
    missing = [line for path in written for line in dictionary.undocumented(path)]
    # each line names the notebook folder, the file and the column the schema lacks
    assert missing == [], "complete alliance_lib/report/dictionary.yaml:\n" + "\n".join(missing)


def test_an_undocumented_column_is_named_with_its_file(tmp_path):
    folder = tmp_path / "02_defence_spending"
    folder.mkdir()
    (folder / "verdict.csv").write_text("scope_id,scope,new_column\nx,y,1\n", encoding="utf-8")
    (folder / "other.csv").write_text("a\n1\n", encoding="utf-8")
    (folder / "scenario_summary.json").write_text('{"base_year": 2022, "extra": 1}', "utf-8")
    assert dictionary.undocumented(folder / "verdict.csv") == [
        "02_defence_spending/verdict.csv: column 'new_column' is not in the data dictionary"
    ]
    assert dictionary.undocumented(folder / "other.csv") == [
        "02_defence_spending/other.csv: the file is not in the data dictionary"
    ]
    assert dictionary.undocumented(folder / "scenario_summary.json") == [
        "02_defence_spending/scenario_summary.json: column 'extra' is not in the data dictionary"
    ]


def test_every_column_has_a_type_and_a_meaning_and_key_tables_name_real_columns():
    for schema in dictionary.FILES.values():
        names = [c.name for c in schema.columns]
        assert len(names) == len(set(names)), schema.name
        for col in schema.columns:
            assert col.type in dictionary.TYPES, (schema.name, col.name)
            assert col.meaning.strip() and "`" not in col.meaning, (schema.name, col.name)
        assert set(schema.summary) <= set(names), schema.name
        assert bool(schema.key_title) == bool(schema.summary), schema.name
    keys = {s.name for s in dictionary.FILES.values() if s.key_title}
    assert {"verdict.csv", "policy_shifts.csv", "threat_voices.csv"} <= keys


def test_headers_carry_units_once():
    assert dictionary.column("verdict.csv", "multiple").header == "multiple (times)"
    assert dictionary.column("threat_voices.csv", "sentences").header == "sentences"
    assert dictionary.column("quotes.csv", "speaker_name").header == "speaker"
    assert dictionary.column(None, "start").header == "start (characters)"
    assert dictionary.column(None, "made_up").header == "made up"


def test_files_and_columns_named_by_the_focus_country_match_their_placeholder():
    edition = dictionary.schema("germany_share_by_edition.csv")
    assert edition is dictionary.schema("united_kingdom_share_by_edition.csv")
    assert (
        edition.name == "<country>_share_by_edition.csv"
        and edition.notebook == "02_defence_spending"
    )
    assert dictionary.schema("_share_by_edition.csv") is None
    assert dictionary.schema("germany_share_by_edition.json") is None
    path = dictionary.column("scenario_path.csv", "spending_trillion_eur")
    assert path.header == "spending (tn EUR)" and path.type == "number"
    assert (
        dictionary.column("scenario_path.csv", "spending_trillion_yen").header
        == "spending (tn yen)"
    )
    gdp = dictionary.column(
        "scenario_summary.json", "implied_gdp_base_year_trillion_local_currency"
    )
    assert gdp.header == "implied GDP in the base year (tn local currency)"
    assert dictionary.schema("verdict.csv").column("spending_trillion_eur") is None


def test_a_file_named_by_country_reports_its_undocumented_columns(tmp_path):
    folder = tmp_path / "02_defence_spending"
    folder.mkdir()
    (folder / "poland_share_by_edition.csv").write_text(
        "year,SIPRI_MILEX_2024REL,spread_pct_points,SIPRI_2031\n", encoding="utf-8"
    )
    (folder / "scenario_path.csv").write_text("year,spending_trillion_pln\n", encoding="utf-8")
    assert dictionary.undocumented(folder / "poland_share_by_edition.csv") == [
        "02_defence_spending/poland_share_by_edition.csv: column 'SIPRI_2031' is not in the data dictionary"
    ]
    assert dictionary.undocumented(folder / "scenario_path.csv") == []


def test_notebook_02_lists_every_file_it_writes():
    names = [f.name for f in dictionary.for_notebook("02_defence_spending")]
    assert names == [
        "focus.json",
        "spending_claims.csv",
        "verdict.csv",
        "peers_share_of_gdp.csv",
        "<country>_share_by_edition.csv",
        "scenario_path.csv",
        "scenario_summary.json",
        "finding.json",
    ]
    assert not set(dictionary.SHOWN) & set(dictionary.FILES)  # data/ tables are not written


def test_notebook_05_lists_every_file_it_writes_with_outlet_and_code_labels():
    names = [f.name for f in dictionary.for_notebook("05_coverage_comparison")]
    assert names == [
        "selection.csv",
        "wire_copies.csv",
        "articles_over_time.csv",
        "speakers.csv",
        "quoted_people.csv",
        "quoted_countries.csv",
        "key_claims.csv",
        "code_shares.csv",
        "outlet_differences.csv",
        "finding.json",
    ]
    assert dictionary.column("outlet_differences.csv", "code_label").header == "code"
    assert dictionary.column("outlet_differences.csv", "cramers_v").header == "Cramér's V"
    assert dictionary.column("code_shares.csv", "share_pct").header == (
        "share of the outlet's sentences (%)"
    )
    assert dictionary.schema("selection.csv").key_title  # shown on the findings page


def test_an_undocumented_column_of_notebook_05_is_named(tmp_path):
    folder = tmp_path / "05_coverage_comparison"
    folder.mkdir()
    (folder / "key_claims.csv").write_text("claim,outlet,share\nx,y,1\n", encoding="utf-8")
    assert dictionary.undocumented(folder / "key_claims.csv") == [
        "05_coverage_comparison/key_claims.csv: column 'share' is not in the data dictionary"
    ]


def test_coded_values_have_labels_in_words():
    for edition in reference_data.EDITIONS:
        for short in (False, True):
            label = dictionary.edition_label(edition, short=short)
            assert label.startswith("SIPRI ") and "_" not in label, label
    assert dictionary.edition_label("OWID_SIPRI_SHARE_2025") == (
        "SIPRI 2025 release, via Our World in Data (data to 2024)"
    )
    assert dictionary.edition_label("SIPRI_MILEX_2023REL", short=True) == "SIPRI 2023 release"
    assert dictionary.readable_id("nss_gdp_basis_fy2022_estimated_outturn") == (
        "NSS GDP basis FY2022 estimated outturn"
    )
    assert dictionary.readable_id("nss_target_amount_2pct") == "NSS target amount 2%"
    budget = pd.read_csv(reference_data.national_budget("JPN").budget_file)
    for measure in set(budget["measure"]):  # every measure in data/ has a label
        assert measure in dictionary.MEASURE_LABELS, measure
    assert set(budget["status"]) <= set(dictionary.STATUS_LABELS)
    assert dictionary.value_label(dictionary.MEASURE, "new_fy2030_measure") == "New FY2030 measure"


def _dictionary_with(tmp_path, edit) -> Path:
    """A copy of dictionary.yaml changed by `edit` (a function of its text)."""
    path = tmp_path / "dictionary.yaml"
    path.write_text(edit(dictionary.DICTIONARY_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    return path


_SELECTION = "  - name: selection.csv\n"


def test_the_dictionary_is_data_read_from_its_yaml_file():
    assert dictionary.DICTIONARY_FILE.name == "dictionary.yaml"
    labels, shared, files, shown = dictionary.load()
    assert list(files) == list(dictionary.FILES) and list(shown) == list(dictionary.SHOWN)
    assert shared["start"].unit == "characters" and labels["status"] == dictionary.STATUS_LABELS
    # the three SIPRI editions are one `<edition>` entry, expanded with their descriptions
    edition = dictionary.schema("japan_share_by_edition.csv")
    assert [c.name for c in edition.columns[1:4]] == list(reference_data.EDITIONS)
    assert edition.primary_key == ("year",)


def test_adding_a_column_or_a_file_to_the_yaml_file_is_all_it_takes(tmp_path):
    def add(text: str) -> str:
        column = (
            "      - name: confidence\n        type: string\n"
            "        meaning: the shift's confidence, as a reader rates it\n"
        )
        text = text.replace(
            "      - name: domain_label\n", column + "      - name: domain_label\n", 1
        )
        new_file = (
            "  - name: speeches.csv\n    notebook: 01_article_overview\n"
            "    meaning: each speech\n    primary_key: [start, end]\n"
            "    columns:\n      - start\n      - end\n      - text\n"
        )
        return text.replace(_SELECTION, new_file + _SELECTION, 1)

    _, _, files, _ = dictionary.load(_dictionary_with(tmp_path, add))
    assert files["policy_shifts.csv"].column("confidence").meaning.startswith("the shift's")
    assert [c.unit for c in files["speeches.csv"].columns] == ["characters", "characters", ""]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda t: t.replace("        type: integer\n", "        type: int\n", 1),
            "files: attributions.csv: key columns.0.type: 'int' is not one of",
        ),
        (
            lambda t: t.replace("      - sentence_text\n", "      - sentence_txt\n", 1),
            "quotes.csv: column 'sentence_txt' is not in shared_columns",
        ),
        (
            lambda t: t.replace("primary_key: [scope_id]", "primary_key: [scope]", 1).replace(
                "primary_key: [year]", "primary_key: [yr]", 1
            ),
            "primary_key names no column ['yr']",
        ),
        (
            lambda t: t.replace(
                _SELECTION,
                "  - name: verdict.csv\n    notebook: x\n"
                "    meaning: again\n    columns:\n      - note\n" + _SELECTION,
                1,
            ),
            "file 'verdict.csv' is listed twice",
        ),
    ],
)
def test_a_wrong_entry_is_a_data_error_naming_the_file_and_the_entry(tmp_path, edit, message):
    path = _dictionary_with(tmp_path, edit)
    with pytest.raises(DataError, match=re.escape(message)) as raised:
        dictionary.load(path)
    assert str(raised.value).startswith(f"{path}: ")
