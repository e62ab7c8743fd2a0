"""Notebook 05 with papermill: another corpus, reference article and selection (every file it
writes described in the data dictionary, its finding recorded); bad parameters; and the
committed demo corpus is exactly what its generator writes."""

from __future__ import annotations

import filecmp
import hashlib
import json
import subprocess
import sys

import pandas as pd
import pytest

from alliance_lib import RunError
from alliance_lib.config import DEMO_CORPUS, NOTEBOOKS_DIR, PROJECT_ROOT
from alliance_lib.corpus.run import run_corpus
from alliance_lib.report import dictionary
from alliance_lib.report.runner import execute_notebook
from tests.conftest import FIXTURES

NOTEBOOK = NOTEBOOKS_DIR / "05_coverage_comparison.ipynb"


def _execute(tmp_path, **parameters):
    output = tmp_path / "results"
    execute_notebook(
        NOTEBOOK, tmp_path / "05.ipynb", {"output_dir": str(output), **parameters}, timeout=300
    )
    return output


def test_notebook_05_on_a_corpus_folder_with_a_selection(inputs, tmp_path):
    corpus = tmp_path / "corpus"
    run_corpus(
        [str(inputs.folder), str(inputs.manifest)],
        corpus,
        scheduler="synchronous",
        progress=False,
        echo=lambda _: None,
    )
    out = _execute(
        tmp_path,
        corpus_path=str(corpus),
        article_path=str(FIXTURES / "wire_story.txt"),
        keywords="Kishida, alliance",
        date_from="2023-01-01",
        date_to="2023-01-31",
        min_articles_per_outlet=2,
        min_articles_per_code=2,
    )
    funnel = pd.read_csv(out / "selection.csv").set_index("outlet")
    assert funnel.loc["harbor-times", "compared"] == 3  # every demo article names the alliance
    assert funnel.loc["Pacific Wire", "compared"] == 0  # one article: below the minimum
    assert (funnel["compared"] <= funnel["with_keywords"]).all()
    assert (funnel["with_keywords"] <= funnel["in_dates"]).all()
    claims = pd.read_csv(out / "key_claims.csv")
    assert {"43 trillion yen (amount; Japan)", "2% of GDP (share of GDP; Japan)"} <= set(
        claims["claim"]
    )
    assert set(claims["outlet"]) == {"harbor-times", "capital-ledger"}
    differences = pd.read_csv(out / "outlet_differences.csv")
    tested = differences[differences["tested"]]
    assert (
        len(tested) and set(tested["kind"]) == {"threat actor"} and (tested["articles"] >= 2).all()
    )
    assert (
        tested["p_adjusted"].between(0, 1).all()
        and (tested["p_adjusted"] >= tested["p_value"]).all()
    )
    assert differences.loc[~differences["tested"], "p_value"].isna().all()
    for png in ("articles_over_time.png", "quoted_people.png", "key_claims.png", "code_shares.png"):
        assert (out / png).read_bytes().startswith(b"\x89PNG")
    assert not (out / "corpus").exists()  # a corpus folder is read where it is, not rebuilt
    written = sorted(p for p in out.iterdir() if p.suffix in (".csv", ".json"))
    assert [p.name for p in written] == sorted(
        f.name for f in dictionary.for_notebook("05_coverage_comparison")
    )
    missing = [line for path in written for line in dictionary.undocumented(path)]
    assert missing == [], "complete alliance_lib/report/dictionary.yaml:\n" + "\n".join(missing)
    found = json.loads((out / "finding.json").read_text(encoding="utf-8"))
    assert found["section"] == "Result" and found["finding"].startswith(
        f"{funnel['compared'].sum()} articles from 2 outlets compared"
    )
    assert found["data"] == ["data/gazetteer.yaml", "data/framing_codebook.yaml"]


def test_notebook_05_with_nothing_compared_says_why_and_reads_its_reference_by_id(tmp_path):
    # the reference article named by its article_id in the (demo) corpus parsed in the notebook
    demo = sorted((DEMO_CORPUS / "pacific-wire").glob("*.txt"))[0]
    reference = hashlib.sha256(demo.read_bytes()).hexdigest()[:16]
    out = _execute(tmp_path, article_path=reference, min_articles_per_outlet=1000)
    funnel = pd.read_csv(out / "selection.csv")
    assert funnel["compared"].sum() == 0 and funnel["with_keywords"].sum() == 48
    found = json.loads((out / "finding.json").read_text(encoding="utf-8"))
    assert found["finding"].startswith(
        "48 articles matched the keywords and dates, but every outlet had fewer than "
        "min_articles_per_outlet (1000) of them (capital-ledger 12, eastern-post 12, "
    )
    assert not list(out.glob("*.png"))  # no empty charts


@pytest.mark.parametrize(
    ("parameters", "name"),
    [
        ({"date_from": "2023-02-01", "date_to": "2023-01-01"}, "date_to"),
        ({"corpus_path": "reports/no-such-corpus"}, "corpus_path"),
        ({"article_path": "0123456789abcdef"}, "article_path"),  # no such article in the corpus
        ({"min_articles_per_code": 0}, "min_articles_per_code"),
    ],
    ids=["dates-reversed", "missing-corpus", "unknown-article-id", "no-code-support"],
)
def test_bad_parameters_stop_with_a_message_naming_them(tmp_path, parameters, name):
    with pytest.raises(RunError) as caught:
        _execute(tmp_path, **parameters)
    assert caught.value.error_name == "ParameterError" and name in caught.value.error_value


def test_the_demo_corpus_is_what_its_generator_writes(tmp_path):
    subprocess.run(
        [sys.executable, "benchmarks/corpus_generator.py", "demo", str(tmp_path / "demo")],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    comparison = filecmp.dircmp(DEMO_CORPUS, tmp_path / "demo")

    def files(c: filecmp.dircmp) -> list[str]:
        nested = [f for sub in c.subdirs.values() for f in files(sub)]
        return sorted(c.left_only + c.right_only + c.diff_files + nested)

    assert files(comparison) == [] and len(list(DEMO_CORPUS.rglob("*.*"))) == 49
