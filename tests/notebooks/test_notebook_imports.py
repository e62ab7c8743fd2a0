"""A notebook kernel imports what its notebook uses: every import costs each kernel of every run
(docs/speed.md), so notebooks 01-04 load nothing only notebook 05, corpus mode or the report
writer need."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from alliance_lib.report.runner import available_notebooks, needs_corpus

# What a kernel of notebooks 01-04 never needs: notebook 05's copy finder (datasketch brings
# scipy, half a second), Dask, and what only the `alliance run` process uses.
NOT_IN_ARTICLE_KERNELS = {"scipy", "datasketch", "dask", "distributed", "nbconvert", "papermill"}
ARTICLE_NOTEBOOKS = [p for p in available_notebooks() if not needs_corpus(p)]


def _imports(path) -> str:
    notebook = nbformat.read(path, as_version=4)
    return "\n".join(
        line
        for cell in notebook.cells
        if cell.cell_type == "code"
        for line in cell.source.splitlines()
        if line.startswith(("import ", "from "))
    )


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(done.stdout.split())


@pytest.mark.parametrize("path", ARTICLE_NOTEBOOKS, ids=lambda p: p.stem)
def test_an_article_notebook_imports_nothing_only_corpus_mode_or_the_report_needs(path):
    loaded = _loaded_after(_imports(path))
    assert not {m.split(".")[0] for m in loaded} & NOT_IN_ARTICLE_KERNELS


def test_a_notebook_without_charts_does_not_import_matplotlibs_figures():
    overview = next(p for p in ARTICLE_NOTEBOOKS if p.name.startswith("01_"))
    assert "matplotlib.figure" not in _loaded_after(_imports(overview))
