"""`alliance run`: a whole report on another article, parameters checked before any kernel
starts, failures in one line, and earlier reports and the project never replaced."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import nbformat
import pandas as pd
import pytest

from alliance_lib.config import DATA_DIR, PROJECT_ROOT, SEEDS_DIR
from alliance_lib.report.runner import available_notebooks
from tests.conftest import FIXTURES

NOTEBOOKS = available_notebooks()


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
    started = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert sorted(started) == [  # two run at a time: their lines may come in either order
        f"[{i}/{len(NOTEBOOKS)}] {p.stem}" for i, p in enumerate(NOTEBOOKS, 1)
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
    assert "spending_parameters" not in html  # code hidden
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
