"""Each notebook's set-up call: check the common parameters, load the article, make the folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from alliance_lib.config import DISPLAY_MAX_COLWIDTH
from alliance_lib.report import params
from alliance_lib.text.model import Article


def setup(article_path: str, output_dir: str, reference_date: str = "") -> tuple[Article, Path]:
    """The article and the (created) output folder named by the notebook's parameters.

    A bad value raises a ParameterError naming the parameter, before anything is written.
    Tables show up to `DISPLAY_MAX_COLWIDTH` characters a column.
    """
    pd.set_option("display.max_colwidth", DISPLAY_MAX_COLWIDTH)
    article = params.article(
        "article_path", article_path, params.iso_date("reference_date", reference_date)
    )
    return article, params.output_directory(output_dir)
