"""Each notebook's set-up call: check the common parameters, load the article, make the folder."""

from __future__ import annotations

import atexit
import gc
import sys
from pathlib import Path

import pandas as pd

from alliance_lib.config import DISPLAY_MAX_COLWIDTH
from alliance_lib.report import params
from alliance_lib.text.model import Article

_frozen = False  # whether this process has frozen its imports (`freeze_imports`)


def setup(article_path: str, output_dir: str, reference_date: str = "") -> tuple[Article, Path]:
    """The article and the (created) output folder named by the notebook's parameters.

    A bad value raises a ParameterError naming the parameter, before anything is written.
    Tables show up to `DISPLAY_MAX_COLWIDTH` characters a column. The first call in a notebook
    kernel (an IPython shell) freezes what the notebook has imported (`freeze_imports`).
    """
    pd.set_option("display.max_colwidth", DISPLAY_MAX_COLWIDTH)
    article = params.article(
        "article_path", article_path, params.iso_date("reference_date", reference_date)
    )
    folder = params.output_directory(output_dir)
    if _in_ipython():
        freeze_imports()
    return article, folder


def _in_ipython() -> bool:
    """Whether this process is an IPython shell, as a notebook kernel is (not a test, not a
    script that calls `setup`)."""
    ipython = sys.modules.get("IPython")  # never imported here: a kernel has it already
    return ipython is not None and ipython.get_ipython() is not None


def freeze_imports() -> None:
    """Take everything alive now, mostly the modules the notebook imported (pandas, matplotlib,
    the package), out of the cyclic garbage collector's sight (`gc.freeze`), and everything
    alive at exit too; once per process.

    Those objects live as long as the kernel, so collecting them only costs: each full
    collection walked them all, and a kernel's exit (IPython's reset, then the interpreter's
    shut-down) walked them again, about 0.3 s of CPU per notebook. They are still freed as
    usual when nothing refers to them; only cyclic garbage among them would stay, and the first
    call comes right after the imports, before the notebook made any.
    """
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.freeze()
    atexit.register(gc.freeze)  # runs before IPython's own exit handlers, registered earlier
