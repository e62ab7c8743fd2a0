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


def test_peers_are_the_largest_spenders_of_the_groups_then_the_nearest_in_share():
    rules = reference_data.peer_rules()
    chosen = peers.auto_peers("DEU", EDITION, NAMES)
    ranked, groups = peers.partners("DEU", EDITION)
    assert groups == ["Western Europe", "NATO's European members"]
    # the largest spenders of Germany's groups first (the example)
    assert ranked[: rules.max_partners] == ["GBR", "FRA", "ITA", "POL"]
    assert "DEU" not in chosen.codes and len(chosen.codes) == rules.max_peers
    level = _share("DEU", 2023)
    rest = sorted((abs(_share(c, 2023) - level), c) for c in ranked[rules.max_partners :])
    nearest = [c for _, c in rest[: rules.max_peers - rules.max_partners]]
    assert set(chosen.codes) == {"GBR", "FRA", "ITA", "POL", *nearest}
    assert "largest spenders first" in chosen.reason and "Western Europe" in chosen.reason


def test_australia_gets_its_treaty_allies_and_the_five_eyes():
    ranked, groups = peers.partners("AUS", EDITION)
    assert groups == [
        "Oceania",
        "US treaty allies in the Indo-Pacific (bilateral treaties, ANZUS and the Manila Pact)",
        "Five Eyes",
    ]
    assert ranked[:4] == ["USA", "GBR", "JPN", "KOR"]
    assert {"USA", "GBR", "JPN", "KOR", "NZL", "CAN"} <= set(
        peers.auto_peers("AUS", EDITION, NAMES).codes
    )


def test_a_country_whose_groups_are_small_gets_the_worlds_largest_spenders_too():
    chosen = peers.auto_peers("CHN", EDITION, NAMES)
    assert set(chosen.codes) == {"JPN", "KOR", "TWN", "USA", "RUS", "IND", "SAU"}


def test_every_country_of_the_share_file_has_a_region_and_a_rank():
    rules = reference_data.peer_rules()
    countries = set(reference_data.countries_in())
    regions = [code for members in rules.regions.values() for code in members]
    assert sorted(regions) == sorted(countries)  # each in exactly one region
    assert sorted(rules.rank) == sorted(countries)
    assert rules.rank[:5] == rules.largest


def test_nato_by_region_is_nato():
    rules = reference_data.peer_rules()
    europe = set(rules.groups["NATO's European members"])
    america = set(rules.groups["NATO's North American members"])
    assert not europe & america and europe | america == set(rules.organisations["NATO"])
    assert america == set(rules.regions["North America"]) & set(rules.organisations["NATO"])


def test_peer_groups_are_real_codes():
    rules = reference_data.peer_rules()
    assert len(rules.organisations["NATO"]) == 32 and len(rules.organisations["EU"]) == 27
    lists = [*rules.groups.values(), *rules.regions.values(), *rules.organisations.values()]
    for members in [*lists, rules.largest, rules.rank]:
        for code in members:
            assert pycountry.countries.get(alpha_3=code) is not None, code


def test_a_bad_peers_file_names_the_key(tmp_path):
    path = tmp_path / "peers.yaml"
    source = "{source: X, members: [USA]}"
    path.write_text(
        f"max_peers: 8\nmax_partners: 0\nlargest_spenders: {source}\nspending_rank: {source}\n"
        f"regions: [{source}]\n"
    )
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
    multiple = 4.0 / _share("POL", 2022)
    assert row["multiple"] == pytest.approx(multiple, abs=0.005)
    # the label says what is compared; the judgement against the claimed x2 is in the note
    assert row["verdict"] == f"4% of GDP = x{multiple:.2f} on SIPRI's 2022 share"
    assert row["note"].endswith(f"against the claimed x2: {spending.judge(multiple, 2.0)}")
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
        multiple = 2.0 / series.iloc[-1]
        assert row.multiple == pytest.approx(multiple, abs=0.005)
        # "more than 2 percent" is a lower bound, and the label says so
        assert row.verdict == (
            f"at least 2% of GDP = at least x{multiple:.2f} on SIPRI's {series.index.max()} share"
        )


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
