"""The notebooks: stored clean, documented parameters, papermill runs with other parameters and
another article, clear failures on bad parameters, and `alliance run` leaving earlier reports intact."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import nbformat
import pandas as pd
import papermill as pm
import pytest
from papermill.exceptions import PapermillExecutionError

from alliance_lib import nbstore, spending
from alliance_lib.paths import DATA_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, SEEDS_DIR
from alliance_lib.runner import KERNEL_ARGUMENTS, available_notebooks
from tests.conftest import FIXTURES

NOTEBOOKS = available_notebooks()


def _execute(name: str, tmp_path, **parameters):
    output = tmp_path / "results"
    pm.execute_notebook(
        str(NOTEBOOKS_DIR / f"{name}.ipynb"),
        str(tmp_path / f"{name}.ipynb"),
        parameters={"output_dir": str(output), **parameters},
        cwd=str(NOTEBOOKS_DIR),
        kernel_name="python3",
        progress_bar=False,
        request_save_on_cell_execute=False,
        execution_timeout=300,
        extra_arguments=list(KERNEL_ARGUMENTS),
    )
    return output


def test_four_notebooks_in_reading_order():
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_notebook_is_clean_and_documents_its_parameters(path):
    notebook = nbformat.read(path, as_version=4)
    assert nbstore.problems(notebook) == []
    assert any(nbstore.is_checked(cell) for cell in notebook.cells)
    declared = pm.inspect_notebook(str(path))
    assert {"article_path", "output_dir"} <= set(declared)
    for name, info in declared.items():
        assert info["inferred_type_name"] in {"str", "int", "float", "bool"}, name
        assert info["help"].strip(), f"{name} has no help comment"


def test_spending_notebook_with_other_target_and_edition(tmp_path):
    out = _execute(
        "02_defence_spending",
        tmp_path,
        sipri_edition="SIPRI_MILEX_2023REL",
        target_share=3.0,
        target_year=2030,
        nominal_gdp_growth_pct=1.5,
    )
    summary = json.loads((out / "scenario_summary.json").read_text(encoding="utf-8"))
    base_share = float(spending.japan_share("SIPRI_MILEX_2023REL")[2022])
    assert summary["sipri_edition"] == "SIPRI_MILEX_2023REL" and summary["target_year"] == 2030
    assert summary["base_share_pct"] == pytest.approx(base_share, abs=1e-4)
    assert summary["spending_multiple"] == pytest.approx(3.0 / base_share * 1.015**8, rel=1e-4)
    path = pd.read_csv(out / "scenario_path.csv")
    assert list(path["year"]) == list(range(2022, 2031))
    assert path["share_pct"].iloc[-1] == pytest.approx(3.0)
    verdict = pd.read_csv(out / "verdict.csv")
    assert verdict["definition"].str.contains("3% in 2030").sum() == len(spending.EDITIONS)
    for png in ("japan_vs_peers.png", "japan_share_by_edition.png", "scenario.png"):
        assert (out / png).read_bytes().startswith(b"\x89PNG")
    executed = nbformat.read(tmp_path / "02_defence_spending.ipynb", as_version=4)
    assert any(
        "image/png" in o.get("data", {}) for c in executed.cells for o in c.get("outputs", [])
    )


@pytest.mark.parametrize(
    ("name", "parameters", "words"),
    [
        ("02_defence_spending", {"target_year": 2020}, "target_year"),
        ("02_defence_spending", {"sipri_edition": "SIPRI_1999"}, "sipri_edition"),
        ("02_defence_spending", {"peers": "USA,XYZ"}, "peers"),
        ("02_defence_spending", {"target_share": 0.0}, "target_share"),
        ("01_article_overview", {"article_path": "seeds/missing.txt"}, "article_path"),
        ("04_threat_framing", {"codebook_path": "README.md"}, "codebook_path"),
    ],
    ids=[
        "year-before-base",
        "unknown-edition",
        "unknown-country",
        "share-out-of-range",
        "missing-article",
        "bad-codebook",
    ],
)
def test_bad_parameters_stop_with_a_message_naming_them(tmp_path, name, parameters, words):
    with pytest.raises(PapermillExecutionError) as caught:
        _execute(name, tmp_path, **parameters)
    assert caught.value.ename == "ParameterError"
    assert words in caught.value.evalue
    assert not (tmp_path / "results").exists() or not any((tmp_path / "results").glob("*.csv"))


def _alliance(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "alliance_lib.cli", "run", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT_ROOT,
    )


def _snapshot(*folders):
    """Every file under `folders` with its bytes' hash: what the code must never change."""
    return {
        path: hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_alliance_run_on_an_article_without_spending_claims(tmp_path):
    report = tmp_path / "report"
    inputs = _snapshot(SEEDS_DIR, DATA_DIR, FIXTURES)
    result = _alliance("--article", str(FIXTURES / "no_claims.txt"), "--output", str(report))
    assert result.returncode == 0, result.stderr
    assert _snapshot(SEEDS_DIR, DATA_DIR, FIXTURES) == inputs  # inputs are never written
    assert [line for line in result.stdout.splitlines() if line.startswith("[")] == [
        f"[{i}/4] {p.stem}" for i, p in enumerate(NOTEBOOKS, 1)
    ]
    assert "report: " in result.stdout and "index.html" in result.stdout
    for notebook in NOTEBOOKS:
        assert (report / notebook.name).is_file() and (report / f"{notebook.stem}.html").is_file()
    index = (report / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{p.stem}.html"' in index for p in NOTEBOOKS)
    assert pd.read_csv(report / "02_defence_spending" / "spending_claims.csv").empty
    executed = nbformat.read(report / "02_defence_spending.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert "makes no numeric spending claims" in printed
    html = (report / "02_defence_spending.html").read_text(encoding="utf-8")
    assert "validate_parameters" not in html  # code hidden
    assert not list(tmp_path.glob(".report.*"))  # no build folder left behind


def _earlier_report(tmp_path):
    report = tmp_path / "report"
    report.mkdir()
    (report / "index.html").write_text("earlier report", encoding="utf-8")
    return report


def test_alliance_run_refuses_unknown_parameters_before_running(tmp_path):
    report = _earlier_report(tmp_path)
    result = _alliance("--output", str(report), "-p", "target_yaer", "2030")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "target_yaer" in result.stderr and "known:" in result.stderr
    assert "[1/" not in result.stdout
    assert (report / "index.html").read_text(encoding="utf-8") == "earlier report"


def test_alliance_run_refuses_badly_typed_parameters(tmp_path):
    result = _alliance("--output", str(tmp_path / "r"), "-p", "base_year", "last")
    assert (
        result.returncode == 2 and "base_year" in result.stderr and "expected int" in result.stderr
    )
    assert not (tmp_path / "r").exists()


def test_failing_notebook_names_notebook_and_cell_and_keeps_the_earlier_report(tmp_path):
    report = _earlier_report(tmp_path)
    result = _alliance("--output", str(report), "--notebook", "02", "-p", "target_year", "2020")
    assert result.returncode == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "02_defence_spending.ipynb failed in cell" in message
    assert "ParameterError" in message and "target_year" in message
    assert [p.name for p in report.iterdir()] == ["index.html"]
    assert (report / "index.html").read_text(encoding="utf-8") == "earlier report"
    assert not list(tmp_path.glob(".report.*"))


@pytest.mark.parametrize(
    ("output", "words"),
    [
        (".", "inside the project"),
        ("notebooks", "inside the project"),
        ("README.md", "inside the project"),
    ],
)
def test_alliance_run_never_replaces_the_project_or_its_files(output, words):
    result = _alliance("--output", output)
    assert result.returncode == 2 and words in result.stderr
    assert (PROJECT_ROOT / "README.md").is_file() and (PROJECT_ROOT / "notebooks").is_dir()


def test_alliance_run_never_replaces_a_folder_that_is_not_a_report(tmp_path):
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "chapter1.md").write_text("words", encoding="utf-8")
    result = _alliance("--output", str(folder))
    assert result.returncode == 2 and "no earlier report" in result.stderr
    assert (folder / "chapter1.md").read_text(encoding="utf-8") == "words"
