"""A parsed article's rows fill every column of every corpus table, as the notebooks' CSVs do."""

from __future__ import annotations

import pytest

from alliance_lib.config import SEED_ARTICLE
from alliance_lib.corpus import records
from alliance_lib.corpus.batch import parse_item
from alliance_lib.corpus.item import FILE, Item


def test_every_table_of_the_seed_is_filled_and_no_column_is_lost():
    item = Item(str(SEED_ARTICLE), FILE, path=str(SEED_ARTICLE), outlet="seed")
    key, rows = parse_item(item)
    assert "errors" not in rows
    for name, table_rows in rows.items():
        table = records.to_table(name, table_rows)  # raises on a column the schema lacks
        assert table.num_rows == len(table_rows) > 0, name
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
        records.to_table("sentence_codes", [{"article_id": "x", "speaker": "narrator"}])


def test_the_attributions_table_flattens_each_record_s_spans():
    item = Item(str(SEED_ARTICLE), FILE, path=str(SEED_ARTICLE), outlet="seed")
    key, rows = parse_item(item)
    table = records.to_table("attributions", rows["attributions"]).to_pylist()
    article = rows["articles"][0]
    assert article["attributions"] == len(table) >= 6
    assert {row["kind"] for row in table} >= {"direct", "indirect"}
    for part in ("content", "source", "cue"):
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


def test_the_threats_table_has_the_issues_columns_and_the_seeds_frames():
    assert records.SCHEMAS["threats"].names == [
        "article_id",
        "sentence",
        "sentence_start",
        "sentence_end",
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
    assert "emanating from communist China" in text[first["sentence_start"] : first["sentence_end"]]
    assert {r["article_id"] for r in table} == {key} and first["voice_id"] is None
