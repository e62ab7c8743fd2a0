"""Spending analysis: the scenario's arithmetic, the verdict, claims about spending."""

from __future__ import annotations

import math

import pandas as pd
import pytest

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
    gdp = spending.implied_gdp_trillion_yen("SIPRI_MILEX_2024REL", 2022)
    yen = reference_data.japan_yen()
    spent = yen[
        (yen["year"] == 2022)
        & (yen["source_id"] == "SIPRI_MILEX_2024REL")
        & (yen["unit"] == reference_data.CALENDAR_YEAR)
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


def test_verdict_compares_each_definition_with_figures_from_the_data():
    table = spending.verdict_table(_params())
    plan = pd.read_csv(DATA_DIR / "japan_defense_plan_targets.csv").set_index("item")["value"]
    mod = pd.read_csv(DATA_DIR / "japan_mod_defense_budget.csv")
    fy22 = mod[(mod.fiscal_year == 2022) & (mod.measure == "incl_saco_realignment_etc")][
        "value_trillion_yen"
    ].iloc[0]
    security = table[table["definition"].str.startswith("Security-related")].iloc[0]
    assert security["ratio"] == pytest.approx(plan["nss_target_amount_2pct"] / fy22, abs=1e-3)
    assert security["end_share_of_fy2022_gdp_pct"] == pytest.approx(
        100 * plan["nss_target_amount_2pct"] / plan["nss_gdp_basis_fy2022_estimated_outturn"],
        abs=0.01,
    )
    assert table["definition"].str.startswith("SIPRI").sum() == len(reference_data.EDITIONS)
    sentence = prose.verdict_sentence(table)
    assert f"x{security['ratio']:.2f}" in sentence


@pytest.mark.parametrize(
    ("ratio", "verdict"), [(2.04, "doubles"), (1.86, "nearly doubles"), (1.5, "falls short")]
)
def test_verdict_thresholds(ratio, verdict):
    assert spending.judge(ratio).startswith(verdict)


def test_editions_table_shows_the_spread_only_where_editions_overlap():
    table = spending.editions_table(2014)
    assert table.loc[2022, "spread_pct_points"] > 0.05
    assert math.isnan(
        table.loc[table.index.max(), "spread_pct_points"]
    )  # only one edition reaches it


def test_spending_claims_of_the_seed(seed):
    claims = spending.spending_claims(seed)
    assert set(claims["type"]) == {"share_of_gdp", "multiplier", "duration"}
