"""Issue 21's development set scored by category, with a floor set from the measured figures.

Measured on the development set (12 synthetic stories and the seed, tests/fixtures/policy) when
the codebook was tuned: category recall 38/38, precision 38/38, gold shifts found 56/56,
broken precedents found 14/14, traps kept 23/23. The floors leave room for one slip each, so a
change to the codebook or the matching that loses a category, reports an unsupported one, or
lets a negation or modal through fails here. The held-out stories are scored by `make eval`
only (they are not tuned on).
"""

from __future__ import annotations

import pytest

from alliance_lib import DataError
from alliance_lib.analysis import policy
from alliance_lib.config import POLICY_CODEBOOK, PROJECT_ROOT
from alliance_lib.evaluation import shifts

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "policy"
FLOORS = {"recall": 0.95, "precision": 0.95, "shifts": 0.95, "precedents": 13, "traps": 22}


@pytest.fixture(scope="module")
def development():
    codebook = policy.load_policy_codebook(POLICY_CODEBOOK)
    golds = shifts.load_gold(FIXTURES / "development" / "gold.yaml")
    return shifts.score_set(golds, lambda article: policy.policy_shifts(article, codebook))


def test_the_development_set_scores_above_its_floor(development):
    overall = shifts.totals(development)["all"]
    assert overall.articles == 13 and overall.gold_categories == 38
    assert overall.recall >= FLOORS["recall"], shifts.table(development, "development")
    assert overall.precision >= FLOORS["precision"], shifts.table(development, "development")
    assert overall.shifts_found / overall.shifts >= FLOORS["shifts"]
    assert overall.precedents_found >= FLOORS["precedents"] and overall.precedents_spurious <= 1
    assert overall.traps_kept >= FLOORS["traps"]


def test_every_article_type_is_in_the_development_set(development):
    assert set(shifts.totals(development)) == {*shifts.ARTICLE_TYPES, "all"}


def test_the_table_shows_each_type_and_the_misses():
    gold = shifts.GoldArticle("story", FIXTURES / "x.txt", "sanctions", (), ())
    tally = shifts.Tally(articles=1, gold_categories=2, reported_categories=2)
    tally.categories_found = tally.categories_supported = 1
    score = shifts.ArticleScore(gold, tally, ["arms_control"], ["agreement"], [])
    table = shifts.table([score], "title")
    assert "sanctions" in table and "0.50" in table
    assert "story: missed arms_control; unsupported agreement" in table


def test_both_gold_files_are_valid_and_quote_their_articles():
    # loading checks the schema and that every `evidence` is words of its article
    assert len(shifts.load_gold(FIXTURES / "development" / "gold.yaml")) == 13
    assert len(shifts.load_gold(FIXTURES / "held_out" / "gold.yaml")) == 6


def test_gold_evidence_missing_from_its_article_is_an_error(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Japan will double its defence budget.", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "articles:\n  story:\n    file: story.txt\n    type: budget_announcement\n    shifts:\n"
        "      - {category: spending, what: budget, evidence: triple its defence budget}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="evidence 'triple its defence budget' is not in"):
        shifts.load_gold(gold, root=tmp_path)
    gold.write_text(gold.read_text().replace("spending,", "budgets,"), encoding="utf-8")
    with pytest.raises(DataError, match="key articles.story.shifts.0.category"):
        shifts.load_gold(gold, root=tmp_path)
