"""pandas views of an Article: one row per item, with offsets and the sentence beside it."""

from __future__ import annotations

from alliance_lib.text import frames


def test_dataframe_views(seed):
    quotes = frames.quotes_frame(seed)
    assert list(quotes["speaker_name"]) == ["Joe Biden"] * 4 + ["Kishida Fumio"] * 2
    claims = frames.claims_frame(seed)
    assert {"type", "value", "unit", "sentence_text", "source_start"} <= set(claims.columns)
    assert len(frames.entities_frame(seed)) == len(seed.entities)
    assert len(frames.sentences_frame(seed)) == len(seed.sentences)
    assert set(frames.removed_frame(seed)["rule"]) >= {"breadcrumb", "artifact"}


def test_entity_counts_most_mentioned_first(seed):
    counts = frames.entity_counts(seed)
    assert counts.iloc[0]["id"] == "JPN" and counts["mentions"].is_monotonic_decreasing
    assert counts["mentions"].sum() == len(seed.entities)
