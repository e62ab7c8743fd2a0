"""Notebook 05's parameter checks: each failure is a ParameterError naming the parameter.

`setup` checks every parameter except `corpus_path` (which `alliance_lib.corpus.run.corpus_folder`
turns into a corpus folder, parsing article inputs first when it names them), loads the
reference article (unless `article_path` is an article id of the corpus, which
`alliance_lib.corpus.reference.corpus_article` reads once the corpus is known) and creates the
output folder; `corpus` reads the corpus folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from alliance_lib.analysis import coverage
from alliance_lib.config import CORPUS_MARKER, DISPLAY_MAX_COLWIDTH, resolve
from alliance_lib.errors import ParameterError
from alliance_lib.report import notebook, params
from alliance_lib.text.model import Article


@dataclass(frozen=True)
class Selection:
    """How notebook 05 selects the event's coverage."""

    keywords: str
    date_from: date | None
    date_to: date | None
    min_articles: int  # per outlet
    min_code_articles: int  # articles carrying a code for it to be tested between outlets
    min_country_coverage: float = 50.0  # % of attributions with a known country for a finding


def selection(
    keywords: object,
    date_from: object,
    date_to: object,
    min_articles_per_outlet: object,
    min_articles_per_code: object,
    min_country_coverage: object = 50.0,
) -> Selection:
    """Check the selection parameters against each other."""
    if not isinstance(keywords, str):
        raise ParameterError("keywords", f"expected comma-separated words, got {keywords!r}")
    first = params.iso_date("date_from", date_from)
    last = params.iso_date("date_to", date_to)
    if first and last and last < first:
        raise ParameterError("date_to", f"{last} is before date_from {first}")
    minimum = params.integer("min_articles_per_outlet", min_articles_per_outlet, 1, 1_000_000)
    support = params.integer("min_articles_per_code", min_articles_per_code, 1, 1_000_000)
    coverage_floor = params.number("min_country_coverage", min_country_coverage, 0.0, 100.0)
    return Selection(
        keywords.strip(),
        date.fromisoformat(first) if first else None,
        date.fromisoformat(last) if last else None,
        minimum,
        support,
        coverage_floor,
    )


def setup(
    article_path: str,
    output_dir: str,
    keywords: object,
    date_from: object,
    date_to: object,
    min_articles_per_outlet: object,
    min_articles_per_code: object,
    min_country_coverage: object = 50.0,
) -> tuple[Article | None, Path, Selection]:
    """The reference article, the (created) output folder and the checked selection (checked
    first); the article and folder as every notebook's `setup` gives them. The article is None
    when `article_path` is no file but has the form of an article id: it is read from the
    corpus (`corpus.reference.corpus_article`, which refuses an id the corpus lacks)."""
    chosen = selection(
        keywords,
        date_from,
        date_to,
        min_articles_per_outlet,
        min_articles_per_code,
        min_country_coverage,
    )
    if coverage.is_article_id(article_path) and not resolve(article_path.strip()).exists():
        pd.set_option("display.max_colwidth", DISPLAY_MAX_COLWIDTH)
        reference, out = None, params.output_directory(output_dir)
    else:
        reference, out = notebook.setup(article_path, output_dir)
    pd.set_option("display.width", 200)
    return reference, out, chosen


def corpus(folder: Path, name: str = "corpus_path") -> coverage.Corpus:
    """Read the corpus folder named by parameter `name`; one that is not a corpus, or a corpus
    of another format version, is refused in one line."""
    if not (folder / CORPUS_MARKER).is_file():
        raise ParameterError(name, f"{folder} is not a corpus folder written by `alliance corpus`")
    coverage.check_format(folder, name)
    try:
        return coverage.read_corpus(folder)
    except (OSError, ValueError) as exc:
        raise ParameterError(name, f"{folder}: cannot read the corpus ({exc})") from None
