"""Policy shifts, framing coder and agreement, outputs, runner helpers."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from alliance_lib import DataError, ParameterError, framing, outputs, parse_article, policy, runner
from alliance_lib.paths import DATA_DIR, NOTEBOOKS_DIR

ANNOTATION = Path(__file__).parent / "annotations" / "seed_frames.csv"


@pytest.fixture(scope="module")
def policy_codebook():
    return policy.load_policy_codebook(DATA_DIR / "policy_codebook.yaml")


@pytest.fixture(scope="module")
def framing_codebook():
    return framing.load_codebook(DATA_DIR / "framing_codebook.yaml")


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


def test_dated_events_of_the_seed(seed):
    events = policy.dated_events(seed)
    assert list(events["date"]) == ["2022-11-01", "2023-01-13"]
    assert events["label"].iloc[1].startswith("2023-01-13: U.S. President Joe Biden welcomed")


def test_no_policy_shift_in_a_plain_report(policy_codebook):
    article = parse_article(
        "The two leaders met for lunch and talked about baseball and the weather."
    )
    assert (
        policy.policy_shifts(article, policy_codebook).empty and policy.dated_events(article).empty
    )


def test_threat_mentions_and_descriptors_of_the_seed(seed, framing_codebook):
    threats = framing.threat_mentions(seed, framing_codebook)
    assert sorted(set(threats["threat"])) == ["CHN", "PRK", "RUS"]
    china = threats[threats["threat"] == "CHN"].iloc[0]
    assert "communist" in china["descriptors"] and china["speaker"] == "narrator"
    descriptors = framing.descriptor_mentions(seed, framing_codebook)
    kishida = descriptors[
        descriptors["descriptor"] == "most challenging and complex security environment"
    ]
    assert list(kishida["speaker"]) == ["Kishida Fumio"]


def test_sentence_speakers_follow_quotations(seed):
    voices = framing.sentence_speakers(seed)
    assert voices[2] == "Joe Biden" and voices[9] == "Kishida Fumio" and voices[0] == "narrator"


def test_agreement_is_perfect_against_the_coder_itself_and_drops_with_errors(
    seed, framing_codebook
):
    coded = framing.code_sentences(seed, framing_codebook)
    own = pd.DataFrame(
        {
            "sentence": range(len(seed.sentences)),
            "starts_with": [s.text[:10] for s in seed.sentences],
            "codes": [
                ";".join(coded[coded["sentence"] == i]["code"]) for i in range(len(seed.sentences))
            ],
        }
    )
    perfect = framing.agreement(coded, own, len(seed.sentences))
    assert (perfect["precision"] == 1).all() and (perfect["recall"] == 1).all()
    assert perfect["kappa"].dropna().eq(1).all()
    wrong = own.assign(codes=["entman:remedy"] * len(own))
    remedy = (
        framing.agreement(coded, wrong, len(seed.sentences)).set_index("code").loc["entman:remedy"]
    )
    assert remedy["precision"] == 1 and remedy["recall"] < 1  # the human says remedy everywhere


def test_annotation_is_used_only_for_its_own_article(seed, wire):
    assert framing.load_annotation(ANNOTATION, seed) is not None
    assert framing.load_annotation(ANNOTATION, wire) is None


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("threat_actors: [CHN]\n", "missing section"),
        ("- a\n", "expected keys"),
        (
            "threat_actors: [China]\ndescriptors: {}\nentman: {a: [x]}\nmfc: {b: [y]}\n",
            "ISO alpha-3",
        ),
        (
            "threat_actors: [CHN]\ndescriptors: {}\nentman: {a: ['(']}\nmfc: {b: [y]}\n",
            "bad regular expression",
        ),
    ],
)
def test_bad_framing_codebook(tmp_path, content, words):
    path = tmp_path / "codebook.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=words):
        framing.load_codebook(path)


def test_bad_policy_codebook(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text(
        "domains: {a: {patterns: [x]}}\nactions: {}\nprecedents: {}\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="label"):
        policy.load_policy_codebook(path)


def test_outputs_are_written_atomically_and_deterministically(tmp_path):
    outputs.write_json(tmp_path / "a.json", {"b": 1, "a": [2, 1]})
    assert (tmp_path / "a.json").read_text(
        encoding="utf-8"
    ) == '{\n  "a": [\n    2,\n    1\n  ],\n  "b": 1\n}\n'

    class Boom:
        def to_csv(self, **_):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        outputs.write_csv(tmp_path / "b.csv", Boom())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_output_directory_parameter(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ParameterError, match="output_dir"):
        outputs.output_directory(str(tmp_path / "file"))
    assert outputs.output_directory(str(tmp_path / "new" / "dir")).is_dir()


def test_runner_converts_parameters_by_their_declared_type():
    assert runner.convert("base_year", "2030", "int") == 2030
    assert runner.convert("target_share", "2.5", "float") == 2.5
    assert runner.convert("peers", "007", "str") == "007"  # never '7', unlike papermill -p
    with pytest.raises(ParameterError, match="expected int"):
        runner.convert("base_year", "2030.5", "int")


def test_runner_selects_notebooks_and_refuses_unknown_or_reserved_parameters():
    assert [p.stem for p in runner.select_notebooks(["02"])] == ["02_defence_spending"]
    with pytest.raises(ParameterError, match="--notebook"):
        runner.select_notebooks(["99"])
    notebooks = runner.select_notebooks(None)
    typed = runner.typed_parameters(notebooks, {"target_year": "2030"})
    assert typed[NOTEBOOKS_DIR / "02_defence_spending.ipynb"] == {"target_year": 2030}
    assert typed[NOTEBOOKS_DIR / "01_article_overview.ipynb"] == {}
    with pytest.raises(ParameterError, match="--output"):
        runner.typed_parameters(notebooks, {"output_dir": "x"})
    with pytest.raises(ParameterError, match="no selected notebook"):
        runner.typed_parameters(notebooks[:1], {"target_year": "2030"})


def test_floor_notebook_only_imports():
    source = "".join(json.loads(runner.floor_notebook())["cells"][0]["source"])
    assert source == "import pandas\nimport matplotlib"


def test_binary_agreement_on_a_worked_example():
    # TP 2, FP 1, FN 1, TN 4: p_o = 6/8, p_e = (3/8)(3/8) + (5/8)(5/8) = 34/64, kappa = 7/15
    truth = [True, True, False, False, True, False, False, False]
    guess = [True, False, False, False, True, True, False, False]
    result = framing.binary_agreement(truth, guess)
    assert result["precision"] == pytest.approx(2 / 3) and result["recall"] == pytest.approx(2 / 3)
    assert result["kappa"] == pytest.approx(7 / 15)
    assert math.isnan(framing.binary_agreement([False] * 4, [False] * 4)["kappa"])


def test_voices_sentence_counts_who_names_threats(seed, framing_codebook):
    threats = framing.threat_mentions(seed, framing_codebook)
    descriptors = framing.descriptor_mentions(seed, framing_codebook)
    sentence = framing.voices_sentence(threats, descriptors)
    assert f"named in {threats['sentence'].nunique()} sentence(s)" in sentence
    assert "Kishida Fumio 1" in sentence
    empty = framing.voices_sentence(threats.iloc[0:0], descriptors.iloc[0:0])
    assert empty.startswith("The article names no threat actor")
