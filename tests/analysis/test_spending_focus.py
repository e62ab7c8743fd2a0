"""Notebook 02 for any focus country: peers by rule, the SIPRI verdict, amounts, the registry."""

from __future__ import annotations

import pandas as pd
import pycountry
import pytest

from alliance_lib import parse_article
from alliance_lib.analysis import peers, reference_data, spending
from alliance_lib.config import (
    DATA_DIR,
    SIPRI_LOCAL_FILE,
)
from alliance_lib.errors import DataError
from alliance_lib.report import prose
from tests.conftest import spending_parameters

NAMES = reference_data.countries_in()
EDITION = "SIPRI_MILEX_2024REL"


def _share(iso3: str, year: int, edition: str = EDITION) -> float:
    rows = pd.read_csv(DATA_DIR / "sipri_milex_share_gdp.csv")
    hit = rows[(rows.iso3 == iso3) & (rows.year == year) & (rows.source_id == edition)]
    return float(hit["value"].iloc[0])


def test_the_2024_edition_holds_the_further_countries():
    assert {"POL", "CAN", "TUR", "UKR"} <= set(reference_data.countries_in(EDITION))
    assert reference_data.editions_holding("POL") == [EDITION]


def test_japan_keeps_its_fixed_peers():
    chosen = peers.auto_peers("JPN", EDITION, NAMES)
    assert chosen.codes == ("AUS", "CHN", "DEU", "GBR", "IND", "KOR", "RUS", "USA")
    assert "fixed set" in chosen.reason


def test_peers_by_rule_are_partners_nearest_in_share_then_the_largest_spenders():
    rules = reference_data.peer_rules()
    chosen = peers.auto_peers("POL", EDITION, NAMES)
    assert "POL" not in chosen.codes and len(chosen.codes) == rules.max_peers
    nato = set(rules.groups["NATO"])
    partners = [c for c in chosen.codes if c in nato and c not in rules.largest]
    assert len(partners) == rules.max_partners - ("USA" in chosen.codes)  # USA is both
    level = _share("POL", 2023)
    others = sorted(
        (abs(_share(c, 2023) - level), c)
        for c in nato - {"POL", "ISL"}
        if c in reference_data.countries_in(EDITION)
    )
    nearest = {c for _, c in others[: rules.max_partners]}
    assert nearest <= set(chosen.codes)
    assert {"CHN", "RUS", "IND"} <= set(chosen.codes)


def test_a_country_in_no_group_gets_the_largest_spenders():
    chosen = peers.auto_peers("CHN", EDITION, NAMES)
    assert set(chosen.codes) == {"USA", "RUS", "IND", "SAU"} and "no group" in chosen.reason


def test_peer_groups_are_real_codes():
    rules = reference_data.peer_rules()
    assert len(rules.groups["NATO"]) == 32
    for members in [*rules.groups.values(), rules.largest]:
        for code in members:
            assert pycountry.countries.get(alpha_3=code) is not None, code


def test_a_bad_peers_file_names_the_key(tmp_path):
    path = tmp_path / "peers.yaml"
    path.write_text("max_peers: 8\nmax_partners: 0\nlargest_spenders: {members: [USA]}\n")
    with pytest.raises(DataError, match="max_partners"):
        reference_data.peer_rules(path)


def test_the_registry_gives_japan_its_national_scopes_only():
    assert reference_data.national_budget("JPN").scopes in spending.NATIONAL_SCOPES
    assert reference_data.national_budget("DEU") is None


def test_a_bad_registry_names_the_country_and_key(tmp_path):
    path = tmp_path / "national_budgets.yaml"
    path.write_text(
        "countries:\n  POL: {budget_file: missing.csv, value_column: v, unit: bn, citation: x}\n"
    )
    with pytest.raises(DataError, match="countries.POL.budget_file"):
        reference_data.national_budgets(path)


def test_a_polish_pledge_is_judged_on_sipri_from_its_own_base_year():
    article = parse_article(
        "Warsaw plans to double its military spending from 2022 levels, "
        "lifting it to 4 percent of GDP by 2026."
    )
    terms = spending.claim_terms(article, "POL")
    assert (terms.multiple, terms.base_year, terms.end_year, terms.target_share) == (
        2.0,
        2022,
        2026,
        4.0,
    )
    assert not terms.fiscal
    table = spending.focus_verdict(article, terms, "POL", NAMES).set_index("scope_id")
    row = table.loc[f"sipri_{EDITION}"]
    assert row["multiple"] == pytest.approx(4.0 / _share("POL", 2022), abs=0.005)
    assert row["verdict"] == spending.judge(4.0 / _share("POL", 2022), 2.0)
    assert not table.index.str.contains("defence|saco|article_comparison").any()
    sentence = prose.focus_verdict_sentence(table.reset_index(), terms, "Poland")
    assert f"{_share('POL', 2022):.2f}% of GDP in 2022" in sentence and "yen" not in sentence


def test_without_a_base_year_each_edition_starts_from_its_latest_share():
    article = parse_article("Germany would invest more than 2 percent of its GDP in defence.")
    terms = spending.claim_terms(article, "DEU")
    assert terms.base_year is None and terms.end_year is None and terms.multiple is None
    table = spending.sipri_verdict(terms, "DEU")
    assert len(table) == len(reference_data.editions_holding("DEU"))
    for row in table.itertuples():
        series = reference_data.country_share("DEU", row.sources)
        assert row.base.startswith(str(series.index.max())) and "latest" in row.base
        assert row.multiple == pytest.approx(2.0 / series.iloc[-1], abs=0.005)
        assert row.verdict.endswith("(no multiple claimed)")


def test_a_multiple_without_a_share_gives_the_share_it_implies():
    article = parse_article("Poland will double its defence spending from 2022.")
    table = spending.sipri_verdict(spending.claim_terms(article, "POL"), "POL")
    assert table["end_value"].iloc[0] == pytest.approx(2 * _share("POL", 2022), abs=0.001)


def test_an_amount_in_the_local_currency_is_set_against_annual_spending():
    article = parse_article("Berlin's defence budget will gain 100 billion euros over five years.")
    rows = spending.amount_rows(article, "DEU", NAMES)
    latest = reference_data.latest_spending("DEU")
    row = rows.iloc[0]
    assert row["like_for_like"] and row["unit"] == "bn EUR"
    assert row["multiple"] == pytest.approx(100e9 / latest.value, abs=0.005)
    assert f"{100 * 100e9 / latest.value / 5:.0f}% of {latest.year}" in row["note"]


def test_an_amount_in_another_currency_or_without_a_series_is_not_compared():
    dollars = parse_article("Germany's defence budget will rise to $80 billion.")
    row = spending.amount_rows(dollars, "DEU", NAMES).iloc[0]
    assert not row["like_for_like"] and pd.isna(row["multiple"]) and "USD" in row["note"]
    poland = parse_article("Poland's defence budget will rise to $35 billion.")
    row = spending.amount_rows(poland, "POL", NAMES).iloc[0]
    assert pd.isna(row["multiple"]) and SIPRI_LOCAL_FILE.name in row["note"]


def test_the_seed_verdict_keeps_its_national_scopes(seed):
    terms = spending.claim_terms(seed, "JPN")
    table = spending.focus_verdict(seed, terms, "JPN", NAMES)
    assert table.equals(spending.verdict_table(terms))


def test_the_scenario_runs_for_another_country_in_its_own_currency():
    params = spending_parameters(focus_country="DEU", peers="USA")
    path, summary = spending.scenario(params)
    assert summary["base_share_pct"] == pytest.approx(_share("DEU", 2022), abs=1e-4)
    gdp = spending.implied_gdp_trillion(EDITION, 2022, "DEU")
    assert summary["implied_gdp_base_year_trillion_eur"] == pytest.approx(gdp, abs=0.01)
    assert path["spending_trillion_eur"].notna().all()
