"""Dated events in time order, each with its clause, at the precision the text gives."""

from __future__ import annotations

from alliance_lib.analysis import timeline


def test_dated_events_of_the_seed(seed):
    events = timeline.dated_events(seed)
    resolved = events[events["resolved"]]
    assert list(resolved["date"]) == ["2022-11", "2023-01-13"]  # a month is not its 1st day
    assert resolved["label"].iloc[1].startswith("2023-01-13: U.S. President Joe Biden welcomed")
    assert list(events.loc[~events["resolved"], "as_written"]) == ["this week"]


def test_periods_of_each_precision():
    assert timeline.period("2024", "year") == ("2024-01-01", "2024-12-31")
    assert timeline.period("2024-02", "month") == ("2024-02-01", "2024-02-29")
    assert timeline.period("2023-W02", "week") == ("2023-01-09", "2023-01-15")
    assert timeline.period("2023-01-13", "day") == ("2023-01-13", "2023-01-13")
