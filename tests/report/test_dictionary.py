"""The data dictionary covers every file the report writes, column by column."""

from __future__ import annotations

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
    assert missing == [], "complete alliance_lib/report/dictionary.py:\n" + "\n".join(missing)


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
