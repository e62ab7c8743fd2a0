"""Each notebook's set-up call: parameters checked, article loaded, output folder made."""

from __future__ import annotations

import subprocess
import sys

import pytest

from alliance_lib import ParameterError
from alliance_lib.config import SEED_ARTICLE
from alliance_lib.report.notebook import setup


def test_setup_returns_the_article_and_creates_the_folder(tmp_path):
    article, out = setup(str(SEED_ARTICLE), str(tmp_path / "out"), "2023-01-14")
    assert article.reference_date == "2023-01-14" and len(article.quotes) == 6
    assert out == tmp_path / "out" and out.is_dir()


@pytest.mark.parametrize(
    ("arguments", "name"),
    [
        (("seeds/missing.txt", "out", ""), "article_path"),
        ((str(SEED_ARTICLE), "out", "13/01/2023"), "reference_date"),
        ((str(SEED_ARTICLE), "out", "0001-01-01"), "reference_date"),
        ((str(SEED_ARTICLE), "out", "2023-01-13garbage"), "reference_date"),
        ((str(SEED_ARTICLE), "out", "20230113"), "reference_date"),
        ((str(SEED_ARTICLE), "", ""), "output_dir"),
    ],
)
def test_a_bad_parameter_is_named_and_nothing_is_created(tmp_path, arguments, name):
    article_path, output_dir, reference_date = arguments
    output_dir = str(tmp_path / output_dir) if output_dir else output_dir
    with pytest.raises(ParameterError) as caught:
        setup(article_path, output_dir, reference_date)
    assert caught.value.name == name
    assert not (tmp_path / "out").exists()


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.strip()


def test_in_a_notebook_kernel_setup_freezes_what_was_imported_once(tmp_path):
    """A kernel's imports leave the garbage collector's sight (its full collections and the
    kernel's exit no longer walk them); a second call freezes nothing more."""
    code = f"""
import gc
from IPython.core.interactiveshell import InteractiveShell
from alliance_lib.report.notebook import setup
InteractiveShell.instance()
setup({str(SEED_ARTICLE)!r}, {str(tmp_path / "out")!r})
first = gc.get_freeze_count()
gc.unfreeze()
setup({str(SEED_ARTICLE)!r}, {str(tmp_path / "out")!r})
print(first, gc.get_freeze_count())
"""
    first, again = map(int, _run(code).split())
    assert first > 10_000 and again == 0


def test_outside_a_kernel_setup_leaves_the_garbage_collector_alone(tmp_path):
    code = f"""
import gc
from alliance_lib.report.notebook import setup
setup({str(SEED_ARTICLE)!r}, {str(tmp_path / "out")!r})
print(gc.get_freeze_count())
"""
    assert _run(code) == "0"
