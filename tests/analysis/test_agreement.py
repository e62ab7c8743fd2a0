"""Coder agreement with a hand annotation: precision, recall, Cohen's kappa."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from alliance_lib import DataError
from alliance_lib.analysis import agreement, framing, threats
from alliance_lib.config import AGREEMENT_SET, FRAMING_CODEBOOK, SEED_ANNOTATION, THREAT_CODEBOOK


@pytest.fixture(scope="module")
def framing_codebook():
    return framing.load_codebook(FRAMING_CODEBOOK)


def _own_annotation(article, coded, codes=None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sentence": range(len(article.sentences)),
            "starts_with": [s.text[:10] for s in article.sentences],
            "codes": [
                codes or ";".join(coded[coded["sentence"] == i]["code"])
                for i in range(len(article.sentences))
            ],
        }
    )


def test_agreement_is_perfect_against_the_coder_itself_and_drops_with_errors(
    seed, framing_codebook
):
    coded = framing.code_sentences(seed, framing_codebook)
    n = len(seed.sentences)
    perfect = agreement.agreement([("in_sample", coded, _own_annotation(seed, coded), n)])
    assert (perfect["precision"] == 1).all() and (perfect["recall"] == 1).all()
    assert perfect["kappa"].dropna().eq(1).all()
    assert perfect.set_index("code").loc[agreement.POOLED, "kappa_low"] == 1
    wrong = _own_annotation(seed, coded, "entman:remedy")
    remedy = (
        agreement.agreement([("out_of_sample", coded, wrong, n)])
        .set_index("code")
        .loc["entman:remedy"]
    )
    assert remedy["precision"] == 1 and remedy["recall"] < 1  # the human says remedy everywhere


def test_pooled_kappa_treats_every_decision_as_one_item():
    human = np.array([[True, False], [False, False], [True, True], [False, False]])
    coder = np.array([[True, False], [False, True], [True, True], [False, False]])
    table = agreement.sample_agreement(human, coder, ["a", "b"], "in_sample", 1).set_index("code")
    expected = agreement.binary_agreement(human.ravel().tolist(), coder.ravel().tolist())
    assert table.loc[agreement.POOLED, "kappa"] == pytest.approx(expected["kappa"])
    row = table.loc[agreement.POOLED]
    assert row["kappa_low"] <= row["kappa"] <= row["kappa_high"]


def test_bootstrap_intervals_are_reproducible_and_bracket_kappa(framing_codebook):
    articles = agreement.load_agreement_set(AGREEMENT_SET)
    coded = agreement.code_agreement_set(
        articles, framing_codebook, threats.load_threat_codebook(THREAT_CODEBOOK)
    )
    first, second = agreement.agreement(coded), agreement.agreement(coded)
    pd.testing.assert_frame_equal(first, second)
    assert set(first["sample"]) == {"in_sample", "out_of_sample"}
    assert (articles["sample"] == "out_of_sample").sum() >= 3
    bounded = first.dropna(subset=["kappa", "kappa_low"])
    assert (bounded["kappa_low"] <= bounded["kappa"] + 1e-9).all()
    assert (bounded["kappa"] <= bounded["kappa_high"] + 1e-9).all()
    table = agreement.side_by_side(first)
    assert list(table.index)[-1] == agreement.POOLED
    assert "-0.00" not in table.to_string()


def test_a_bad_agreement_set_names_file_line_and_problem(tmp_path):
    path = tmp_path / "set.csv"
    path.write_text(
        "article,annotation,sample,style\nseeds/000_eb6496a230f35a9b.txt,"
        "data/annotations/seed_frames.csv,training,x\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"set\.csv: line 2: sample must be one of"):
        agreement.load_agreement_set(path)


def test_annotation_is_used_only_for_its_own_article(seed, wire):
    assert agreement.load_annotation(SEED_ANNOTATION, seed) is not None
    assert agreement.load_annotation(SEED_ANNOTATION, wire) is None


def test_binary_agreement_on_a_worked_example():
    # TP 2, FP 1, FN 1, TN 4: p_o = 6/8, p_e = (3/8)(3/8) + (5/8)(5/8) = 34/64, kappa = 7/15
    truth = [True, True, False, False, True, False, False, False]
    guess = [True, False, False, False, True, True, False, False]
    result = agreement.binary_agreement(truth, guess)
    assert result["precision"] == pytest.approx(2 / 3) and result["recall"] == pytest.approx(2 / 3)
    assert result["kappa"] == pytest.approx(7 / 15)
    assert math.isnan(agreement.binary_agreement([False] * 4, [False] * 4)["kappa"])
