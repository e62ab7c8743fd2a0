"""The notebooks: stored clean, documented parameters, papermill runs with other parameters,
clear failures on bad parameters."""

from __future__ import annotations

import json
import stat

import nbformat
import pandas as pd
import papermill as pm
import pytest

from alliance_lib import RunError
from alliance_lib.analysis import reference_data
from alliance_lib.config import DATA_DIR, NOTEBOOKS_DIR
from alliance_lib.report import nbstore, outputs
from alliance_lib.report.runner import available_notebooks, execute_notebook

NOTEBOOKS = available_notebooks()


def _execute(name: str, tmp_path, **parameters):
    output = tmp_path / "results"
    execute_notebook(
        NOTEBOOKS_DIR / f"{name}.ipynb",
        tmp_path / f"{name}.ipynb",
        {"output_dir": str(output), **parameters},
        timeout=300,
    )
    return output


def test_notebooks_in_reading_order():
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_notebook_is_clean_and_documents_its_parameters(path):
    notebook = nbformat.read(path, as_version=4)
    assert not nbstore.stored_form_message(path, notebook), nbstore.stored_form_message(
        path, notebook
    )
    assert any(nbstore.is_checked(cell) for cell in notebook.cells)
    declared = pm.inspect_notebook(str(path))
    assert {"article_path", "output_dir"} <= set(declared)
    for name, info in declared.items():
        assert info["inferred_type_name"] in {"str", "int", "float", "bool"}, name
        assert info["help"].strip(), f"{name} has no help comment"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_findings_open_with_the_excerpt_flag_and_close_with_a_computed_result(path):
    cells = nbformat.read(path, as_version=4).cells
    code = [
        c for c in cells if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])
    ]
    assert "prose.excerpt_flag(article)" in code[1].source and nbstore.is_checked(code[1])
    heading = next(
        i
        for i, c in enumerate(cells)
        if c.cell_type == "markdown" and c.source.strip() == "## Result"
    )
    result = cells[heading + 1]
    assert nbstore.is_checked(result) and "prose." in result.source
    assert (
        "seed" not in cells[0].source.split("**Method.**")[0].lower()
    )  # the question says "the article"


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
    base_share = float(reference_data.japan_share("SIPRI_MILEX_2023REL")[2022])
    assert summary["sipri_edition"] == "SIPRI_MILEX_2023REL" and summary["target_year"] == 2030
    assert summary["base_share_pct"] == pytest.approx(base_share, abs=1e-4)
    assert summary["spending_multiple"] == pytest.approx(3.0 / base_share * 1.015**8, rel=1e-4)
    path = pd.read_csv(out / "scenario_path.csv")
    assert list(path["year"]) == list(range(2022, 2031))
    assert path["share_pct"].iloc[-1] == pytest.approx(3.0)
    # the verdict judges the article's own terms (2% by 2027), never the scenario's parameters
    verdict = pd.read_csv(out / "verdict.csv").set_index("scope_id")
    sipri = verdict[verdict.index.str.startswith("sipri_")]
    assert len(sipri) == len(reference_data.EDITIONS) and (sipri["end_value"] == 2.0).all()
    assert verdict.loc["defence_incl_saco", "verdict"] == "falls short of doubling"
    assert not verdict.loc["article_comparison", "like_for_like"]
    mode = stat.S_IMODE((out / "verdict.csv").stat().st_mode)
    assert mode == 0o666 & ~outputs.current_umask()  # the user's umask, not mkstemp's 0600
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
        ("02_defence_spending", {"peers": "JPN,USA"}, "peers"),
        ("02_defence_spending", {"target_share": 0.0}, "target_share"),
        ("01_article_overview", {"article_path": "seeds/missing.txt"}, "article_path"),
        ("04_threat_framing", {"codebook_path": "README.md"}, "codebook_path"),
    ],
    ids=[
        "year-before-base",
        "unknown-edition",
        "unknown-country",
        "japan-as-peer",
        "share-out-of-range",
        "missing-article",
        "bad-codebook",
    ],
)
def test_bad_parameters_stop_with_a_message_naming_them(tmp_path, name, parameters, words):
    with pytest.raises(RunError) as caught:
        _execute(name, tmp_path, **parameters)
    assert caught.value.error_name == "ParameterError" and caught.value.cell is not None
    assert words in caught.value.error_value and caught.value.notebook == f"{name}.ipynb"
    assert not (tmp_path / "results").exists() or not any((tmp_path / "results").glob("*.csv"))


def test_a_notebook_run_alone_never_writes_into_the_project_or_over_a_users_files(tmp_path):
    # papermill notebooks/01_article_overview.ipynb out.ipynb -p output_dir <project>/data
    data = {p: p.read_bytes() for p in sorted(DATA_DIR.rglob("*")) if p.is_file()}
    with pytest.raises(RunError) as caught:
        _execute("01_article_overview", tmp_path, output_dir=str(DATA_DIR))
    assert caught.value.error_name == "ParameterError"
    assert (
        "output_dir" in caught.value.error_value
        and "inside the project" in caught.value.error_value
    )
    assert {p: p.read_bytes() for p in sorted(DATA_DIR.rglob("*")) if p.is_file()} == data
    # an output_dir holding the user's own quotes.csv
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "quotes.csv").write_text("my own quotes\n", encoding="utf-8")
    with pytest.raises(RunError) as caught:
        _execute("01_article_overview", tmp_path, output_dir=str(mine))
    assert (
        "output_dir" in caught.value.error_value
        and "no notebook run wrote" in caught.value.error_value
    )
    assert [p.name for p in mine.iterdir()] == ["quotes.csv"]
    assert (mine / "quotes.csv").read_text(encoding="utf-8") == "my own quotes\n"
