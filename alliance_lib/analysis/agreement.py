"""The coder's agreement with a hand annotation: precision, recall and Cohen's kappa per code."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from alliance_lib.datafiles import read_csv
from alliance_lib.text.model import Article


def load_annotation(path: Path, article: Article) -> pd.DataFrame | None:
    """The hand annotation, or None when it was made for another article (sentences differ)."""
    table = read_csv(
        path,
        "annotation file",
        {"sentence", "starts_with", "codes"},
        dtype={"sentence": int, "starts_with": str, "codes": str},
        keep_default_na=False,
    )
    if len(table) != len(article.sentences):
        return None
    for row in table.itertuples():
        if not (
            0 <= row.sentence < len(article.sentences)
            and article.sentences[row.sentence].text.startswith(row.starts_with)
        ):
            return None
    return table


def binary_agreement(truth: list[bool], guess: list[bool]) -> dict[str, float]:
    """Precision and recall of `guess` against `truth`, and Cohen's kappa between them.

    Kappa = (p_o - p_e) / (1 - p_e), p_o the observed agreement and p_e the agreement expected
    by chance from each rater's marginal rates (Cohen 1960). Undefined values are NaN.
    """
    n = len(truth)
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    fp = sum(g and not t for t, g in zip(truth, guess, strict=True))
    fn = sum(t and not g for t, g in zip(truth, guess, strict=True))
    nan = float("nan")
    observed = (n - fp - fn) / n if n else nan
    rate_t, rate_g = (sum(truth) / n, sum(guess) / n) if n else (nan, nan)
    expected = rate_t * rate_g + (1 - rate_t) * (1 - rate_g)
    return {
        "precision": tp / (tp + fp) if tp + fp else nan,
        "recall": tp / (tp + fn) if tp + fn else nan,
        "kappa": (observed - expected) / (1 - expected) if n and expected < 1 else nan,
    }


def agreement(coded: pd.DataFrame, annotation: pd.DataFrame, n_sentences: int) -> pd.DataFrame:
    """Per code: sentences coded by the human and the coder, precision, recall, Cohen's kappa."""
    human = {
        (row.sentence, code)
        for row in annotation.itertuples()
        for code in row.codes.split(";")
        if code
    }
    machine = set(zip(coded["sentence"], coded["code"], strict=True))
    rows = []
    for code in sorted({c for _, c in human | machine}):
        truth = [(i, code) in human for i in range(n_sentences)]
        guess = [(i, code) in machine for i in range(n_sentences)]
        both = sum(t and g for t, g in zip(truth, guess, strict=True))
        rows.append(
            {"code": code, "human": sum(truth), "coder": sum(guess), "both": both}
            | binary_agreement(truth, guess)
        )
    return pd.DataFrame(
        rows, columns=["code", "human", "coder", "both", "precision", "recall", "kappa"]
    ).round(3)
