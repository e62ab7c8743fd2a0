"""Spending analysis: the scenario's arithmetic, the verdict, claims about spending."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from alliance_lib import parse_article
from alliance_lib.analysis import reference_data, spending
from alliance_lib.config import DATA_DIR
from alliance_lib.report import prose
from tests.conftest import spending_parameters as _params


def test_scenario_path_reaches_the_target_and_its_growth_is_consistent():
    params = _params(target_share=2.5, target_year=2030, nominal_gdp_growth_pct=2.0)
    path, summary = spending.scenario(params)
    base = float(reference_data.japan_share("SIPRI_MILEX_2024REL")[2022])
    assert path["share_pct"].iloc[0] == pytest.approx(base, abs=1e-4)
    assert path["share_pct"].iloc[-1] == pytest.approx(2.5)
    assert summary["spending_multiple"] == pytest.approx(2.5 / base * 1.02**8, rel=1e-4)
    assert (1 + summary["implied_annual_spending_growth_pct"] / 100) ** 8 == pytest.approx(
        summary["spending_multiple"], rel=1e-3
    )
    # trillion-yen path = implied GDP x share, and GDP implied from SIPRI's own yen and share figures
    gdp = spending.implied_gdp_trillion("SIPRI_MILEX_2024REL", 2022, "JPN")
    yen = reference_data.japan_yen()
    spent = yen[
        (yen["year"] == 2022)
        & (yen["source_id"] == "SIPRI_MILEX_2024REL")
        & (yen["unit"] == "local currency (Yen), current prices, calendar year")
    ]
    assert path["spending_trillion_yen"].iloc[0] == pytest.approx(
        float(spent["value"].iloc[0]) / 1e12, rel=1e-3
    )
    assert summary["implied_gdp_base_year_trillion_yen"] == pytest.approx(gdp, abs=0.01)


def test_owid_edition_has_no_yen_series_so_the_path_is_an_index_only():
    path, summary = spending.scenario(_params(sipri_edition="OWID_SIPRI_SHARE_2025"))
    assert (
        path["spending_trillion_yen"].isna().all()
        and summary["implied_gdp_base_year_trillion_yen"] is None
    )
    assert path["spending_index"].iloc[0] == 100.0


def _plan(item: str) -> float:
    plan = pd.read_csv(DATA_DIR / "japan_defense_plan_targets.csv").set_index("item")["value"]
    return float(plan[item])


def _mod(year: int, measure: str) -> float:
    mod = pd.read_csv(DATA_DIR / "japan_mod_defense_budget.csv")
    rows = mod[(mod.fiscal_year == year) & (mod.measure == measure)]
    return float(rows["value_trillion_yen"].iloc[0])


def test_verdict_measures_each_scope_like_for_like_from_the_data(seed):
    terms = spending.claim_terms(seed)
    assert (terms.multiple, terms.base_year, terms.end_year, terms.target_share) == (
        2.0,
        2022,
        2027,
        2.0,
    )
    table = spending.verdict_table(terms).set_index("scope_id")
    excl = table.loc["defence_excl_saco"]
    assert excl["multiple"] == pytest.approx(
        _plan("dbp_fy2027_defense_related_expenditure") / _mod(2022, "excl_saco_realignment_etc"),
        abs=0.005,
    )
    incl = table.loc["defence_incl_saco"]
    end = _plan("dbp_fy2027_defense_related_expenditure") + _plan(
        "fy2027_saco_realignment_local_burden"
    )
    assert incl["end_value"] == pytest.approx(end)
    assert incl["multiple"] == pytest.approx(
        end / _mod(2022, "incl_saco_realignment_etc"), abs=0.005
    )
    assert excl["like_for_like"] and incl["like_for_like"]
    assert excl["verdict"] == incl["verdict"] == "falls short of doubling"
    # the article's comparison switches scope, and is marked so
    mixed = table.loc["article_comparison"]
    assert not mixed["like_for_like"] and mixed["multiple"] == pytest.approx(
        _plan("nss_target_amount_2pct") / _mod(2022, "incl_saco_realignment_etc"), abs=0.005
    )
    # no base in the security-related scope: the row says so instead of borrowing one
    security = table.loc["security_related"]
    assert pd.isna(security["base_value"]) and pd.isna(security["multiple"])
    assert pd.isna(security["like_for_like"]) and "none in this scope" in security["base"]
    # the target is 2% of GDP by definition, not 11 / 560 = 1.96
    assert security["end_share_of_gdp_pct"] == _plan("nss_target_share_of_gdp")
    assert table.index.str.startswith("sipri_").sum() == len(reference_data.EDITIONS)


def test_verdict_uses_the_articles_terms_not_the_scenario_parameters(seed):
    terms = spending.claim_terms(seed)
    table = spending.verdict_table(terms)
    sipri = table[table["scope_id"].str.startswith("sipri_")]
    assert (sipri["end_value"] == 2.0).all() and sipri["end"].str.contains("in 2027").all()
    sentence = prose.verdict_sentence(table, terms)
    assert "x2.04" in sentence and "falls short of doubling" in sentence
    assert "1.96" not in sentence


def test_an_article_without_a_claim_is_judged_on_the_nss_terms():
    article = parse_article("The two leaders met for lunch and talked about the weather.")
    terms = spending.claim_terms(article)
    assert terms.multiple is None and terms.base_year == 2022 and terms.end_year == 2027
    table = spending.verdict_table(terms)
    national = ~table["scope_id"].str.startswith("sipri_")
    assert table.loc[national, "verdict"].str.contains("no multiple claimed|no base").all()
    # SIPRI rows say what they compare: the target share against the base year's share
    for row in table[~national].itertuples():
        assert row.verdict == f"2% of GDP = x{row.multiple:.2f} on SIPRI's 2022 share"
    assert prose.verdict_sentence(table, terms).startswith("The article claims no multiple")


@pytest.mark.parametrize(
    ("multiple", "verdict"),
    [
        (2.97, "more than doubles"),
        (2.11, "more than doubles"),
        (2.04, "about doubles"),
        (1.9, "about doubles"),
        (1.89, "falls short of doubling"),
        (1.5, "falls short of doubling"),
    ],
)
def test_verdict_labels_are_bounded(multiple, verdict):
    assert spending.judge(multiple, 2.0) == verdict


def test_other_claimed_multiples_are_named():
    assert spending.judge(3.0, 3.0) == "about triples"
    assert spending.judge(1.2, 1.5) == "falls short of x1.5"


def test_editions_table_shows_the_spread_only_where_editions_overlap():
    table = spending.editions_table(2014)
    assert table.loc[2022, "spread_pct_points"] > 0.05
    assert math.isnan(
        table.loc[table.index.max(), "spread_pct_points"]
    )  # only one edition reaches it


def test_spending_claims_of_the_seed(seed):
    claims = spending.spending_claims(seed)
    assert set(claims["type"]) == {"share_of_gdp", "multiplier", "duration"}


def test_press_reported_proposals_are_marked_in_the_data():
    budget = reference_data.mod_budget()
    proposals = budget[budget["status"] == "press_reported_proposal"]
    assert set(proposals["fiscal_year"]) == {2024, 2025, 2026}
    assert proposals["note"].str.contains("PROPOSAL").all()
    assert set(budget["status"]) == {"enacted", "press_reported_proposal"}


def test_peers_long_carries_sipri_flags():
    rows = spending.peers_long("SIPRI_MILEX_2024REL", ("CHN",))
    assert set(rows["iso3"]) == {"JPN", "CHN"}
    assert (rows.loc[rows["iso3"] == "CHN", "sipri_flag"] == "estimate").all()
