"""Policy shifts: one row per distinct shift, precedents only from their own clause."""

from __future__ import annotations

import pytest

from alliance_lib import DataError, parse_article
from alliance_lib.analysis import policy, timeline
from alliance_lib.analysis.clauses import split_clauses
from alliance_lib.config import POLICY_CODEBOOK


@pytest.fixture(scope="module")
def policy_codebook():
    return policy.load_policy_codebook(POLICY_CODEBOOK)


def _shifts(text: str, codebook) -> dict[str, dict]:
    frame = policy.policy_shifts(parse_article(text), codebook)
    return {row["shift"]: row for row in frame.to_dict("records")}


def test_the_seed_has_one_row_per_distinct_shift(seed, policy_codebook):
    shifts = policy.policy_shifts(seed, policy_codebook)
    assert shifts["shift"].is_unique
    spending = shifts.set_index("shift").loc["spending"]
    assert spending["sentences"] == [0, 5, 13, 14]  # one shift, said four times
    assert "double" in spending["actions"] and "Japan" in spending["actors"]
    assert "over five years" in spending["time_horizon"]
    assert spending["precedent_broken"] == "described as historic"
    strike = shifts.set_index("shift").loc["strike"]
    assert "first since World War II" in strike["precedent_broken"]
    assert "since World War II" in strike["precedent_clause"]


def test_precedents_do_not_leak_across_sentences_or_clauses(seed, policy_codebook):
    shifts = policy.policy_shifts(seed, policy_codebook).set_index("shift")
    # "has consistently refused to pursue nuclear weapons" (sentence 15) breaks nothing
    assert not shifts["precedent_broken"].str.contains("nuclear|exclusive").any()
    # "historic increase in defense spending" is the spending shift's, not the strategy's
    assert shifts.loc["strategy", "precedent_broken"] == ""


def test_a_precedent_in_another_clause_does_not_count(policy_codebook):
    text = (
        "Japan will double its defense budget over five years, "
        "while Tokyo's historic ties with Seoul are improving."
    )
    assert _shifts(text, policy_codebook)["spending"]["precedent_broken"] == ""


def test_a_dependent_clause_comments_on_the_clause_before(policy_codebook):
    text = "Japan will develop a counterstrike capability, which it has not had since World War II."
    assert _shifts(text, policy_codebook)["strike"]["precedent_broken"] == (
        "first since World War II"
    )


@pytest.mark.parametrize(
    ("text", "broken", "kept"),
    [
        ("Japan will double its defense budget and abandon exclusive self-defense.", True, False),
        (
            "Japan will double its defense budget and does not end exclusive self-defense.",
            False,
            True,
        ),
        ("The defense budget increase keeps the exclusive self-defense policy.", False, True),
        (
            "Japan has refused to pursue nuclear weapons as it doubles its defense spending.",
            False,
            True,
        ),
        ("The increase in defense spending is not historic.", False, True),
    ],
)
def test_negation_keeps_a_precedent_intact(policy_codebook, text, broken, kept):
    row = _shifts(text, policy_codebook)["spending"]
    assert bool(row["precedent_broken"]) is broken and bool(row["precedent_kept"]) is kept


def test_clauses_keep_lists_whole_and_mark_dependent_clauses():
    text = "Threats come from China, North Korea, and Russia, which worries Tokyo; talks go on."
    clauses = split_clauses(text)
    assert [c.text for c in clauses] == [
        "Threats come from China, North Korea, and Russia",
        "which worries Tokyo",
        "talks go on.",
    ]
    assert [c.dependent for c in clauses] == [False, True, False]
    assert all(text[c.start : c.end] == c.text for c in clauses)


def test_no_policy_shift_in_a_plain_report(policy_codebook):
    article = parse_article(
        "The two leaders met for lunch and talked about baseball and the weather."
    )
    assert (
        policy.policy_shifts(article, policy_codebook).empty
        and timeline.dated_events(article).empty
    )


@pytest.mark.parametrize(
    ("content", "key", "words"),
    [
        (
            "domains: {a: {label: Force posture (Okinawa, Marines), patterns: [x]}}\n",
            "domains.a",
            "Additional properties",
        ),
        ("domains: {a: {patterns: [x]}}\n", "domains.a", "'label' is a required property"),
        ("domains: {a: {label: A, patterns: []}}\n", "domains.a.patterns", "should be non-empty"),
        ("domains: {a: {label: A, patterns: [x]}}\n", "(top level)", "'actions' is a required"),
    ],
)
def test_bad_policy_codebook_names_file_key_and_problem(tmp_path, content, key, words):
    rest = "actions: {double: [doubl]}\nprecedents: {}\nnegations: ['not']\nprecedent_kept: ['x']\n"
    path = tmp_path / "codebook.yaml"
    path.write_text(content + ("" if "required" in words and "actions" in words else rest))
    with pytest.raises(DataError) as caught:
        policy.load_policy_codebook(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and f"key {key}:" in message and words in message


def test_a_bad_pattern_names_its_key(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text(
        "domains: {a: {label: A, patterns: ['(']}}\nactions: {b: [x]}\nprecedents: {}\n"
        "negations: ['not']\nprecedent_kept: ['x']\n"
    )
    with pytest.raises(DataError, match=r"domains\.a\.patterns has a bad regular expression"):
        policy.load_policy_codebook(path)


def test_months_are_periods_and_open_dates_are_listed_unresolved(seed):
    events = timeline.dated_events(seed).set_index("as_written")
    november = events.loc["November 2022"]
    assert (november["date"], november["period_start"], november["period_end"]) == (
        "2022-11",
        "2022-11-01",
        "2022-11-30",
    )
    week = events.loc["this week"]
    assert not week["resolved"] and "reference_date" in week["note"]
    assert list(timeline.dated_events(seed)["resolved"]) == sorted(events["resolved"], reverse=True)


def test_relative_dates_resolve_with_a_reference_date():
    article = parse_article("The ministers met this week in Tokyo.", reference_date="2023-01-14")
    [week] = timeline.dated_events(article).to_dict("records")
    assert (week["date"], week["period_start"], week["period_end"]) == (
        "2023-W02",
        "2023-01-09",
        "2023-01-15",
    )
    assert "reference date 2023-01-14" in week["note"]
