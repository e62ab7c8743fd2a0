"""Shared fixtures: the seed article and the small synthetic inputs in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance_lib import Article, load_article
from alliance_lib.paths import SEED_ARTICLE

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed() -> Article:
    return load_article(SEED_ARTICLE)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def wire() -> Article:
    return load_article(FIXTURES / "wire_story.txt")
