"""Shared fixtures: the seed article and the small synthetic inputs in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance_lib import Article, load_article
from alliance_lib.analysis.spending import SpendingParameters
from alliance_lib.config import SEED_ARTICLE
from alliance_lib.report import params

FIXTURES = Path(__file__).parent / "fixtures"
# Notebook 02's default parameters, as its parameters cell declares them.
SPENDING_DEFAULTS = dict(
    sipri_edition="SIPRI_MILEX_2024REL",
    peers="USA,CHN,KOR,RUS,DEU,GBR,AUS,IND",
    base_year=2022,
    target_share=2.0,
    target_year=2027,
    nominal_gdp_growth_pct=0.0,
)


def spending_parameters(**changes) -> SpendingParameters:
    """Notebook 02's checked parameters: the defaults with `changes`."""
    return params.spending_parameters(**(SPENDING_DEFAULTS | changes))


@pytest.fixture(scope="session")
def seed() -> Article:
    return load_article(SEED_ARTICLE)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def wire() -> Article:
    return load_article(FIXTURES / "wire_story.txt")
