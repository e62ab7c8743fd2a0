"""A parsed article's rows fill every column of every corpus table, as the notebooks' CSVs do."""

from __future__ import annotations

import datetime

import pyarrow as pa
import pytest

from alliance_lib.config import SEED_ARTICLE
from alliance_lib.corpus import records
from alliance_lib.corpus.batch import parse_item
from alliance_lib.corpus.item import FILE, Item


def test_every_table_of_the_seed_is_filled_and_no_column_is_lost():
    item = Item(str(SEED_ARTICLE), FILE, path=str(SEED_ARTICLE), outlet="seed")
    key, rows = parse_item(item)
    assert "errors" not in rows
    for name, columns in rows.items():
        table = records.to_table(name, columns)  # raises on a column the schema lacks
        assert table.num_rows == len(columns["article_id"]) > 0, name
    for name in ("sentence_codes", "policy_shifts"):  # every column comes from the analysis
        table = records.to_table(name, rows[name])
        for column in table.column_names:
            assert table.column(column).null_count < table.num_rows, f"{name}.{column} all null"
    shifts = records.to_table("policy_shifts", rows["policy_shifts"]).to_pylist()
    spending = next(row for row in shifts if row["shift"] == "spending")
    assert spending["sentences"] == [0, 5, 13, 14] and spending["mentions"] >= 4
    codes = records.to_table("sentence_codes", rows["sentence_codes"]).to_pylist()
    assert {row["voice"] for row in codes} >= {"narrator", "Joe Biden", "Kishida Fumio"}


def test_a_column_missing_from_a_schema_is_an_error_not_a_silent_drop():
    with pytest.raises(ValueError, match="no column"):
        records.to_table("sentence_codes", {"article_id": ["x"], "speaker": ["narrator"]})
    columns = {name: [] for name in records.SCHEMAS["threats"].names if name != "cue"}
    with pytest.raises(ValueError, match="lack column"):
        records.BatchColumns().add({"threats": columns})


def test_one_name_has_one_meaning_and_one_type_across_the_tables():
    """`source` named the input file in `articles`, the speaker phrase in `quotes` and, as
    `source_start`, offsets in the decoded input: format 2 names each meaning once."""
    types: dict[str, pa.DataType] = {}
    for name, schema in records.SCHEMAS.items():
        assert not [c for c in schema.names if c == "source" or c.startswith("source_")], name
        for field in schema:
            # errors' `published` is the input's text (it may be what failed); a shift lists its
            # `sentences` where an article counts its own
            if (name, field.name) not in {("errors", "published"), ("policy_shifts", "sentences")}:
                assert types.setdefault(field.name, field.type) == field.type, (name, field.name)
    assert "input_path" in records.SCHEMAS["articles"].names
    assert "input_path" in records.SCHEMAS["errors"].names
    assert "speaker_text" in records.SCHEMAS["quotes"].names
    assert "speaker_text" in records.SCHEMAS["attributions"].names
    for table, renamed in records.RENAMED_IN_2.items():
        assert set(renamed.values()) <= set(records.SCHEMAS[table].names), table


def test_published_and_the_reference_date_are_dates():
    item = Item(str(SEED_ARTICLE), FILE, path=str(SEED_ARTICLE), published="2023-01-13")
    _, rows = parse_item(item)
    table = records.to_table("articles", rows["articles"])
    assert table.schema.field("published").type == pa.date32()
    assert table.column("published").to_pylist() == [datetime.date(2023, 1, 13)]
    assert table.column("reference_date").to_pylist() == [datetime.date(2023, 1, 13)]


def test_the_attributions_table_flattens_each_record_s_spans():
    item = Item(str(SEED_ARTICLE), FILE, path=str(SEED_ARTICLE), outlet="seed")
    key, rows = parse_item(item)
    table = records.to_table("attributions", rows["attributions"]).to_pylist()
    assert rows["articles"]["attributions"] == [len(table)] and len(table) >= 6
    assert {row["kind"] for row in table} >= {"direct", "indirect"}
    for part in ("content", "speaker", "cue"):
        assert {f"{part}_{f}" for f in ("start", "end", "raw_start", "raw_end", "text")} <= set(
            table[0]
        )
    direct = [row for row in table if row["kind"] == "direct"]
    quotes = records.to_table("quotes", rows["quotes"]).to_pylist()
    assert sorted(r["content_text"] for r in direct) == sorted(q["text"] for q in quotes)
    assert all(r["article_id"] == key for r in table)
    assert [r["attribution"] for r in table] == list(range(len(table)))
    named = next(r for r in table if r["speaker"] == "joe-biden")
    assert named["speaker_name"] == "Joe Biden" and named["speaker_kind"] == "named"
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert text[named["speaker_raw_start"] : named["speaker_raw_end"]] == named["speaker_text"]
    assert "Biden" in named["speaker_text"]


def test_the_threats_table_has_the_issues_columns_and_the_seeds_frames():
    assert records.SCHEMAS["threats"].names == [
        "article_id",
        "sentence",
        "sentence_raw_start",
        "sentence_raw_end",
        "state",
        "label",
        "voice",
        "voice_id",
        "cue",
        "kind",
    ]
    item = Item(str(SEED_ARTICLE), FILE, path=str(SEED_ARTICLE), outlet="seed")
    key, rows = parse_item(item)
    table = records.to_table("threats", rows["threats"]).to_pylist()
    assert [(r["sentence"], r["state"], r["label"], r["voice"]) for r in table] == [
        (8, "CHN", "threat", "the leaders"),
        (8, "PRK", "threat", "the leaders"),
        (8, "RUS", "threat", "the leaders"),
        (12, "RUS", "threat", "narrator"),
    ]
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    first = table[0]
    assert (
        "emanating from communist China"
        in text[first["sentence_raw_start"] : first["sentence_raw_end"]]
    )
    assert {r["article_id"] for r in table} == {key} and first["voice_id"] is None
