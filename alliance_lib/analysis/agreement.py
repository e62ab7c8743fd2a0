"""The coder's agreement with hand annotations: precision, recall and Cohen's kappa per code and
pooled, with bootstrap 95% intervals, in sample (the seed, which the codebook was written with)
and out of sample (articles it was not tuned on), side by side.

Kappa = (p_o - p_e) / (1 - p_e), p_o the observed agreement and p_e the agreement expected by
chance from each rater's marginal rates (Cohen 1960). The intervals are percentile bootstrap
intervals over sentences (the unit of coding): `BOOTSTRAP_RESAMPLES` resamples drawn with a
fixed seed, so every run prints the same interval. "Pooled" treats every (sentence, code)
decision of a sample as one item.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from alliance_lib.analysis.framing import Codebook, code_sentences
from alliance_lib.analysis.threats import ThreatCodebook, code_threats
from alliance_lib.config import BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, resolve
from alliance_lib.datafiles import read_csv
from alliance_lib.errors import DataError
from alliance_lib.text.model import Article
from alliance_lib.text.pipeline import load_article

SAMPLES = ("in_sample", "out_of_sample")
POOLED = "(pooled)"
COLUMNS = [
    "sample",
    "code",
    "articles",
    "sentences",
    "human",
    "coder",
    "both",
    "precision",
    "recall",
    "kappa",
    "kappa_low",
    "kappa_high",
]


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


def load_agreement_set(path: Path) -> pd.DataFrame:
    """The annotated articles (`article`, `annotation`, `sample`, `style`), paths resolved; a
    DataError names the file, the row and the problem."""
    table = read_csv(
        path,
        "agreement set",
        {"article", "annotation", "sample", "style"},
        dtype=str,
        keep_default_na=False,
    )
    for number, row in enumerate(table.itertuples(), start=2):
        if row.sample not in SAMPLES:
            raise DataError(f"{path}: line {number}: sample must be one of {', '.join(SAMPLES)}")
        for column in ("article", "annotation"):
            if not resolve(getattr(row, column)).is_file():
                raise DataError(f"{path}: line {number}: {column} {getattr(row, column)} not found")
    return table


def code_agreement_set(
    articles: pd.DataFrame, codebook: Codebook, threat_codebook: ThreatCodebook
) -> list[tuple[str, pd.DataFrame, pd.DataFrame, int]]:
    """Each article of the set parsed and coded (keyword codes, and states framed as threats by
    the threat coder): (sample, coder rows, annotation, sentences)."""
    coded = []
    for row in articles.itertuples():
        article = load_article(resolve(row.article))
        annotation = load_annotation(resolve(row.annotation), article)
        if annotation is None:
            raise DataError(
                f"{row.annotation}: does not match the sentences of {row.article} "
                "(re-annotate after a parser change)"
            )
        frames = code_threats(article, threat_codebook)
        coded.append(
            (
                row.sample,
                code_sentences(article, codebook, frames),
                annotation,
                len(article.sentences),
            )
        )
    return coded


def binary_agreement(truth: list[bool], guess: list[bool]) -> dict[str, float]:
    """Precision and recall of `guess` against `truth`, and Cohen's kappa between them.

    Undefined values are NaN.
    """
    n = len(truth)
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    fp = sum(g and not t for t, g in zip(truth, guess, strict=True))
    fn = sum(t and not g for t, g in zip(truth, guess, strict=True))
    nan = float("nan")
    if n:
        kappa = float(_kappa(np.asarray(truth, bool), np.asarray(guess, bool), axis=(0,)))
    else:
        kappa = nan
    return {
        "precision": tp / (tp + fp) if tp + fp else nan,
        "recall": tp / (tp + fn) if tp + fn else nan,
        "kappa": kappa,
    }


def decisions(
    coded: pd.DataFrame, annotation: pd.DataFrame, n_sentences: int, codes: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """(human, coder): boolean sentence x code matrices over `codes`."""
    column = {code: j for j, code in enumerate(codes)}
    human = np.zeros((n_sentences, len(codes)), dtype=bool)
    coder = np.zeros((n_sentences, len(codes)), dtype=bool)
    for row in annotation.itertuples():
        for code in row.codes.split(";"):
            if code in column:
                human[row.sentence, column[code]] = True
    for sentence, code in zip(coded["sentence"], coded["code"], strict=True):
        if code in column:
            coder[sentence, column[code]] = True
    return human, coder


def _kappa(human: np.ndarray, coder: np.ndarray, axis: tuple[int, ...]) -> np.ndarray:
    """Cohen's kappa over `axis` of boolean arrays (NaN where chance agreement is 1)."""
    n = np.prod([human.shape[a] for a in axis])
    rate_h = human.sum(axis=axis) / n
    rate_c = coder.sum(axis=axis) / n
    observed = (human == coder).sum(axis=axis) / n
    expected = rate_h * rate_c + (1 - rate_h) * (1 - rate_c)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected < 1, (observed - expected) / (1 - expected), np.nan)


def _interval(samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """2.5th and 97.5th percentiles of each column, ignoring NaN (NaN when all are)."""
    low = np.full(samples.shape[1], np.nan)
    high = np.full(samples.shape[1], np.nan)
    for j in range(samples.shape[1]):
        column = samples[:, j][~np.isnan(samples[:, j])]
        if column.size:
            low[j], high[j] = np.percentile(column, [2.5, 97.5])
    return low, high


def sample_agreement(
    human: np.ndarray, coder: np.ndarray, codes: list[str], sample: str, articles: int
) -> pd.DataFrame:
    """Per code and pooled: counts, precision, recall, kappa and its bootstrap 95% interval."""
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    n = human.shape[0]
    picks = rng.integers(0, n, size=(BOOTSTRAP_RESAMPLES, n))
    per_code = _kappa(human[picks], coder[picks], axis=(1,))
    pooled = _kappa(human[picks], coder[picks], axis=(1, 2))
    low, high = _interval(np.column_stack([per_code, pooled]))
    rows = []
    for j, code in enumerate([*codes, POOLED]):
        h = human[:, j] if j < len(codes) else human.ravel()
        c = coder[:, j] if j < len(codes) else coder.ravel()
        rows.append(
            {
                "sample": sample,
                "code": code,
                "articles": articles,
                "sentences": n,
                "human": int(h.sum()),
                "coder": int(c.sum()),
                "both": int((h & c).sum()),
                **binary_agreement(h.tolist(), c.tolist()),
                "kappa_low": low[j],
                "kappa_high": high[j],
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def agreement(coded_articles: list[tuple[str, pd.DataFrame, pd.DataFrame, int]]) -> pd.DataFrame:
    """Agreement per sample from (sample, coder rows, annotation, sentence count) per article.

    Codes are those either side uses anywhere in the set, so both samples are scored on the
    same codes; a code neither side uses in a sample has no kappa there (NaN).
    """
    codes = sorted(
        {c for _, coded, _, _ in coded_articles for c in coded["code"]}
        | {
            c
            for _, _, annotation, _ in coded_articles
            for cell in annotation["codes"]
            for c in cell.split(";")
            if c
        }
    )
    tables = []
    for sample in SAMPLES:
        parts = [
            decisions(coded, annotation, n, codes)
            for name, coded, annotation, n in coded_articles
            if name == sample
        ]
        if not parts:
            continue
        human = np.vstack([h for h, _ in parts])
        coder = np.vstack([c for _, c in parts])
        tables.append(sample_agreement(human, coder, codes, sample, len(parts)))
    if not tables:
        return pd.DataFrame(columns=COLUMNS)
    table = pd.concat(tables, ignore_index=True)
    numeric = ["precision", "recall", "kappa", "kappa_low", "kappa_high"]
    table[numeric] = table[numeric].astype(float).round(3)
    return table


def side_by_side(table: pd.DataFrame) -> pd.DataFrame:
    """Kappa with its 95% interval and the human/coder counts, in and out of sample by code."""

    def fmt(value: float) -> str:
        return f"{round(value, 2) + 0.0:.2f}"  # never "-0.00"

    def cell(row: pd.Series) -> str:
        if pd.isna(row["kappa"]):
            return "n/a"
        interval = (
            f" [{fmt(row['kappa_low'])}, {fmt(row['kappa_high'])}]"
            if pd.notna(row["kappa_low"])
            else ""
        )
        return f"{fmt(row['kappa'])}{interval}"

    parts = []
    for sample in SAMPLES:
        rows = table[table["sample"] == sample].set_index("code")
        if rows.empty:
            continue
        parts.append(
            pd.DataFrame(
                {
                    f"{sample} kappa [95% CI]": rows.apply(cell, axis=1),
                    f"{sample} human/coder": rows["human"].astype(str)
                    + "/"
                    + rows["coder"].astype(str),
                }
            )
        )
    if not parts:
        return pd.DataFrame()
    joined = pd.concat(parts, axis=1)
    order = [c for c in joined.index if c != POOLED] + [POOLED]
    return joined.loc[order].fillna("")
