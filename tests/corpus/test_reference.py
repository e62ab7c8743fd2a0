"""Notebook 05's reference article named by its article_id in the corpus: parsed again from its
source (a file, a manifest's inline row, a WARC record) as the corpus run parsed it; an id the
corpus lacks, or a source changed since, is a ParameterError naming article_path."""

from __future__ import annotations

import pandas as pd
import pytest

from alliance_lib.config import SEED_ARTICLE
from alliance_lib.corpus.reference import corpus_article
from alliance_lib.corpus.run import run_corpus
from alliance_lib.errors import ParameterError
from alliance_lib.report import corpus_params


@pytest.fixture
def written(inputs, tmp_path):
    out = tmp_path / "corpus"
    sources = [str(inputs.folder), str(inputs.manifest), str(inputs.warc)]
    run_corpus(sources, out, scheduler="synchronous", progress=False, echo=lambda _: None)
    return out, pd.read_parquet(out / "articles")


@pytest.mark.parametrize("kind", ["file", "inline", "warc"])
def test_an_article_id_is_the_corpus_article_parsed_again(written, kind):
    folder, articles = written
    row = articles[articles["input_kind"] == kind].sort_values("input_path").iloc[0]
    article = corpus_article(folder, f" {row['article_id'].upper()} ")
    assert article.source == row["input_path"]
    assert article.headline == row["headline"]
    assert len(article.sentences) == row["sentences"] and len(article.claims) == row["claims"]
    assert article.reference_date == row["reference_date"].isoformat()


def test_an_unknown_id_or_a_changed_source_names_article_path(written, inputs):
    folder, articles = written
    with pytest.raises(ParameterError, match="article_path.*neither an article file nor"):
        corpus_article(folder, "0123456789abcdef")
    row = articles[articles["input_kind"] == "file"].sort_values("input_path").iloc[0]
    with open(row["input_path"], "a", encoding="utf-8") as stream:
        stream.write("\nA line added after the corpus was written.\n")
    with pytest.raises(ParameterError, match="has changed since the corpus was written"):
        corpus_article(folder, row["article_id"])


def test_setup_defers_an_article_id_and_still_loads_a_file(tmp_path):
    selection = ("", "", "", 5, 5)
    article, out, _ = corpus_params.setup("0123456789abcdef", str(tmp_path / "o"), *selection)
    assert article is None and out.is_dir()
    seed, _, _ = corpus_params.setup(str(SEED_ARTICLE), str(tmp_path / "o"), *selection)
    assert seed.headline
    with pytest.raises(ParameterError, match="article_path"):
        corpus_params.setup("no-such-file.txt", str(tmp_path / "o"), *selection)


@pytest.mark.parametrize("value", [0, -1, 2.5, "5", True])
def test_min_articles_per_code_is_checked(tmp_path, value):
    with pytest.raises(ParameterError, match="min_articles_per_code"):
        corpus_params.setup(str(SEED_ARTICLE), str(tmp_path / "o"), "", "", "", 5, value)
