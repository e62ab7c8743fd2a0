"""Policy shifts: one row per distinct shift, precedents only from their own clause."""

from __future__ import annotations

import copy
import dataclasses

import pandas as pd
import pytest
import yaml

from alliance_lib import DataError, parse_article
from alliance_lib.analysis import policy, timeline
from alliance_lib.analysis.triggers import TriggerIndex
from alliance_lib.config import POLICY_CODEBOOK, PROJECT_ROOT, SEED_ARTICLE
from alliance_lib.text.clauses import split_clauses


@pytest.fixture(scope="module")
def policy_codebook():
    return policy.load_policy_codebook(POLICY_CODEBOOK)


def _shifts(text: str, codebook) -> dict[str, dict]:
    frame = policy.policy_shifts(parse_article(text), codebook)
    return {row["shift"]: row for row in frame.to_dict("records")}


def test_the_seed_has_one_row_per_distinct_shift(seed, policy_codebook):
    shifts = policy.policy_shifts(seed, policy_codebook)
    assert shifts["shift"].is_unique
    # the seed's six shifts, with the categories issue 21 gives them
    assert dict(zip(shifts["shift"], shifts["category"], strict=True)) == {
        "alliance": "agreement",
        "spending": "spending",
        "treaty": "agreement",
        "posture": "posture",
        "strategy": "capability_doctrine",
        "strike": "capability_doctrine",
    }
    spending = shifts.set_index("shift").loc["spending"]
    assert spending["sentences"] == [0, 5, 13, 14]  # one shift, said four times
    assert "double" in spending["actions"] and "Japan" in spending["actors"]
    assert "over five years" in spending["time_horizon"]
    assert spending["precedent_broken"] == "described as historic"
    strike = shifts.set_index("shift").loc["strike"]
    assert "first since World War II" in strike["precedent_broken"]
    assert "since World War II" in strike["precedent_clause"]
    assert "space" in shifts.set_index("shift").loc["treaty", "first_sentence_text"]


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


_MINIMAL = {
    "actions": {"double": [r"\bdoubl\w*"]},
    "shifts": {
        "spending": {
            "category": "spending",
            "label": "Defence budget",
            "plover": "none",
            "objects": ["defen[cs]e budget"],
        }
    },
    "horizons": [r"\bby 20\d\d"],
    "precedents": {},
    "negations": [r"\bnot\b"],
    "modality": [r"\bcould\b"],
    "conditional_modals": [r"\bwould\b"],
    "conditions": [r"\bif\b"],
    "requests": [r"\burged\b"],
    "scope_ends": [r"\bas\b"],
    "precedent_kept": [r"\bremains\b"],
    "context": [r"\bdefen[cs]e\b"],
    "context_share": 0.25,
}


def _codebook_file(tmp_path, **changes):
    document = copy.deepcopy(_MINIMAL)
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = document
        for part in parents:
            node = node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    path = tmp_path / "codebook.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


def test_the_minimal_codebook_loads_and_finds_its_shift(tmp_path):
    codebook = policy.load_policy_codebook(_codebook_file(tmp_path))
    shifts = _shifts("Japan will double its defence budget by 2027.", codebook)
    assert shifts["spending"]["category"] == "spending"
    assert shifts["spending"]["time_horizon"] == "by 2027"


@pytest.mark.parametrize(
    ("changes", "key", "words"),
    [
        ({"shifts__spending__category": "budgets"}, "shifts.spending.category", "is not one of"),
        ({"shifts__spending__label": None}, "shifts.spending", "'label' is a required property"),
        ({"shifts__spending__objects": None}, "shifts.spending", "is not valid under any"),
        ({"shifts__spending__objects": []}, "shifts.spending.objects", "should be non-empty"),
        ({"shifts__spending__colour": "red"}, "shifts.spending", "Additional properties"),
        ({"context_share": 2}, "context_share", "is greater than the maximum"),
        ({"requests": None}, "(top level)", "'requests' is a required property"),
    ],
)
def test_bad_policy_codebook_names_file_key_and_problem(tmp_path, changes, key, words):
    path = _codebook_file(tmp_path, **changes)
    with pytest.raises(DataError) as caught:
        policy.load_policy_codebook(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and f"key {key}:" in message and words in message


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"shifts__spending__objects": ["("]}, r"shifts\.spending\.objects has a bad regular"),
        ({"shifts__spending__actions": ["raise"]}, r"shifts\.spending\.actions names 'raise'"),
        ({"shifts__spending__overrides": ["fund"]}, r"shifts\.spending\.overrides names 'fund'"),
        ({"shifts__spending__objects": [r"\d+"]}, r"shifts\.spending\.objects: pattern"),
        ({"actions__double": [r"[A-Z][a-z]+"]}, r"actions\.double: pattern .* no literal word"),
    ],
)
def test_a_bad_pattern_or_name_names_its_key(tmp_path, changes, words):
    with pytest.raises(DataError, match=words):
        policy.load_policy_codebook(_codebook_file(tmp_path, **changes))


def test_the_categories_are_issue_21s_fixed_ids():
    assert policy.CATEGORIES == (
        "spending",
        "acquisition",
        "capability_doctrine",
        "posture",
        "exercises",
        "information_sharing",
        "consultation",
        "agreement",
        "technology_export",
        "sanctions",
        "arms_control",
    )
    codebook = policy.load_policy_codebook(POLICY_CODEBOOK)
    assert {t.category for t in codebook.types.values()} == set(policy.CATEGORIES)


def _categories(text: str, codebook) -> set[str]:
    return {row["category"] for row in _shifts(text, codebook).values()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negation: the action is denied
        (
            "The leaders agreed to consult in a crisis, but the pledge fell short of a mutual "
            "defence obligation.",
            {"consultation"},
        ),
        ("The government will not send troops to the region, the minister said.", set()),
        ("NATO leaders stopped short of inviting Ukraine to join the alliance.", set()),
        ("The two sides did not agree on creating a combined command.", set()),
        # modality: a possibility, or a condition, is not a decision
        ("The United States could deploy more troops to the region, an official said.", set()),
        ("If China attacks, Japan would deploy missiles to its southern islands.", set()),
        ("Japan said it would deploy missiles to its southern islands.", {"posture"}),
        ("Will Japan deploy missiles to its southern islands?", set()),
        # a request by someone else
        ("Analysts urged Warsaw to buy more air defence systems.", set()),
        # scope: a negation governs its own verb, not the next clause's
        (
            "Japan has refused to pursue nuclear weapons as it doubles its defense spending.",
            {"spending"},
        ),
        # background decades old is not a shift
        (
            "The United States closed its last military bases in the Philippines in 1992. "
            "It will open four new military bases there in 2024.",
            {"posture"},
        ),
    ],
)
def test_negation_modality_and_requests_are_not_shifts(policy_codebook, text, expected):
    assert _categories(text, policy_codebook) == expected


def test_background_clauses_give_no_mention(policy_codebook):
    text = (
        "The United States closed its last military bases in the Philippines in 1992. "
        "It will open four new military bases there in 2024."
    )
    assert _shifts(text, policy_codebook)["basing"]["sentences"] == [1]


def test_a_commands_modernisation_is_posture_not_the_alliances(policy_codebook):
    assert _categories(
        "The alliance will modernise Joint Force Command Norfolk, its military headquarters for the "
        "Atlantic.",
        policy_codebook,
    ) == {"posture"}
    assert _categories("We are modernising our military alliance.", policy_codebook) == {
        "agreement"
    }


def test_a_joint_build_is_two_shifts_and_no_purchase(policy_codebook):
    shifts = _shifts(
        "Japan, Britain and Italy will jointly develop a next-generation fighter jet by 2035.",
        policy_codebook,
    )
    assert {(k, v["category"]) for k, v in shifts.items()} == {
        ("joint_production", "acquisition"),
        ("co_development", "technology_export"),
    }
    for row in shifts.values():
        assert row["actors"] == "Japan; United Kingdom; Italy" and row["time_horizon"] == "by 2035"


def test_an_action_governs_the_nearer_object(policy_codebook):
    # "create" creates the fund, not the forces it re-equips
    shifts = _shifts(
        "Germany will create a special defence fund to re-equip its armed forces.", policy_codebook
    )
    assert set(shifts) == {"fund"}


def test_actors_recipients_and_horizons_come_from_the_clause(policy_codebook):
    shifts = _shifts(
        "The European Union imposed sanctions on Russia and Iran. "
        "US and British submarines will rotate through a naval base near Perth as early as 2027.",
        policy_codebook,
    )
    sanctions = shifts["sanctions"]
    assert (sanctions["actors"], sanctions["recipients"]) == ("European Union", "Russia; Iran")
    rotation = shifts["deployment"]
    assert rotation["actors"] == "United States; United Kingdom"
    assert rotation["time_horizon"] == "as early as 2027"


def test_a_precedent_since_the_cold_war_is_the_plans(policy_codebook):
    row = _shifts(
        "NATO leaders approved the alliance's first detailed regional defence plans since the "
        "end of the Cold War.",
        policy_codebook,
    )["defence_plans"]
    assert row["category"] == "capability_doctrine"
    assert row["precedent_broken"] == "first since the Cold War"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company invested $20 million in a new factory, and revenue rose.", set()),
        ("Consulting firms agreed to a new fee structure.", set()),
        ("The defence ministry will build a new ammunition factory.", {"acquisition"}),
    ],
)
def test_generic_words_need_a_defence_context(policy_codebook, text, expected):
    assert _categories(text, policy_codebook) == expected


def _development_articles():
    gold = PROJECT_ROOT / "tests" / "fixtures" / "policy" / "development"
    return [p for p in sorted(gold.glob("*.txt"))] + [SEED_ARTICLE]


class _EveryKey(TriggerIndex):
    """A gate that lets every pattern run on every sentence."""

    def __init__(self, keys):
        self._all = set(keys)

    def keys(self, text):
        return set(self._all)


def test_the_trigger_gate_never_changes_the_result(policy_codebook):
    keys = (
        {("objects", k) for k, t in policy_codebook.types.items() if t.objects}
        | {("events", k) for k, t in policy_codebook.types.items() if t.events}
        | {("action", k) for k in policy_codebook.actions}
        | {("precedent", k) for k in policy_codebook.precedents}
        | {("context", "")}
    )
    ungated = dataclasses.replace(policy_codebook, triggers=_EveryKey(keys))
    for path in _development_articles():
        article = parse_article(path.read_text(encoding="utf-8"))
        gated_rows = policy.policy_shifts(article, policy_codebook)
        assert not gated_rows.empty
        pd.testing.assert_frame_equal(gated_rows, policy.policy_shifts(article, ungated))


@pytest.mark.parametrize("count", [300, 3000])
def test_a_clause_full_of_actions_and_objects_stays_linear(policy_codebook, count):
    # one clause with `count` objects and actions: pairing uses bisection, not a scan per pair
    text = "Japan will " + ", ".join(["buy missiles and deploy troops"] * count) + "."
    shifts = _shifts(text, policy_codebook)
    assert set(shifts) == {"procurement", "deployment"}
    assert shifts["procurement"]["mentions"] == 1
    # `count` clauses: one mention each
    text = "Japan will buy missiles; " * count + "Japan will buy drones."
    row = _shifts(text, policy_codebook)["procurement"]
    assert row["mentions"] == count + 1 and row["sentences"] == [0]
