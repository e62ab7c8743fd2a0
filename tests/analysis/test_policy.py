"""Policy shifts from the policy codebook."""

from __future__ import annotations

import pytest

from alliance_lib import DataError, parse_article
from alliance_lib.analysis import policy, timeline
from alliance_lib.config import POLICY_CODEBOOK


@pytest.fixture(scope="module")
def policy_codebook():
    return policy.load_policy_codebook(POLICY_CODEBOOK)


def test_policy_shifts_of_the_seed(seed, policy_codebook):
    shifts = policy.policy_shifts(seed, policy_codebook)
    assert {"spending", "strike", "space", "posture", "strategy", "alliance"} <= set(
        shifts["domain"]
    )
    spending_row = shifts[
        (shifts["domain"] == "spending") & shifts["actions"].str.contains("double")
    ].iloc[0]
    assert "over five years" in spending_row["time_horizon"] and "Japan" in spending_row["actors"]
    strike = shifts[shifts["domain"] == "strike"]
    assert strike["precedent_broken"].str.contains("first since World War II").any()
    for row in shifts.itertuples():
        assert seed.text[row.start : row.end] == row.sentence_text


def test_no_policy_shift_in_a_plain_report(policy_codebook):
    article = parse_article(
        "The two leaders met for lunch and talked about baseball and the weather."
    )
    assert (
        policy.policy_shifts(article, policy_codebook).empty
        and timeline.dated_events(article).empty
    )


def test_bad_policy_codebook(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text(
        "domains: {a: {patterns: [x]}}\nactions: {}\nprecedents: {}\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="label"):
        policy.load_policy_codebook(path)
