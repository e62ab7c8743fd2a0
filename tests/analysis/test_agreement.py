"""Coder agreement with a hand annotation: precision, recall, Cohen's kappa."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from alliance_lib.analysis import agreement, framing
from alliance_lib.config import FRAMING_CODEBOOK, SEED_ANNOTATION


@pytest.fixture(scope="module")
def framing_codebook():
    return framing.load_codebook(FRAMING_CODEBOOK)


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
    perfect = agreement.agreement(coded, own, len(seed.sentences))
    assert (perfect["precision"] == 1).all() and (perfect["recall"] == 1).all()
    assert perfect["kappa"].dropna().eq(1).all()
    wrong = own.assign(codes=["entman:remedy"] * len(own))
    remedy = (
        agreement.agreement(coded, wrong, len(seed.sentences))
        .set_index("code")
        .loc["entman:remedy"]
    )
    assert remedy["precision"] == 1 and remedy["recall"] < 1  # the human says remedy everywhere


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
