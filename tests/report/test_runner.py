"""The runner's notebook selection and the benchmark floor notebook."""

from __future__ import annotations

import json

import pytest

from alliance_lib import ParameterError
from alliance_lib.config import NOTEBOOKS_DIR
from alliance_lib.report import params, runner


def test_runner_selects_notebooks_and_refuses_unknown_or_reserved_parameters():
    assert [p.stem for p in runner.select_notebooks(["02"])] == ["02_defence_spending"]
    with pytest.raises(ParameterError, match="--notebook"):
        runner.select_notebooks(["99"])
    notebooks = runner.select_notebooks(None)
    typed = params.typed_parameters(notebooks, {"target_year": "2030"})
    assert typed[NOTEBOOKS_DIR / "02_defence_spending.ipynb"] == {"target_year": 2030}
    assert typed[NOTEBOOKS_DIR / "01_article_overview.ipynb"] == {}
    with pytest.raises(ParameterError, match="--output"):
        params.typed_parameters(notebooks, {"output_dir": "x"})
    with pytest.raises(ParameterError, match="no selected notebook"):
        params.typed_parameters(notebooks[:1], {"target_year": "2030"})


def test_floor_notebook_only_imports():
    source = "".join(json.loads(runner.floor_notebook())["cells"][0]["source"])
    assert source == "import pandas\nimport matplotlib"
