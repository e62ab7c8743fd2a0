"""Dated events in time order, each with its clause."""

from __future__ import annotations

from alliance_lib.analysis import timeline


def test_dated_events_of_the_seed(seed):
    events = timeline.dated_events(seed)
    assert list(events["date"]) == ["2022-11-01", "2023-01-13"]
    assert events["label"].iloc[1].startswith("2023-01-13: U.S. President Joe Biden welcomed")
