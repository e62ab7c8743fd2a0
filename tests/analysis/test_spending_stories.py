"""The synthetic spending stories of tests/fixtures/spending_expectations.yaml (issue 20): each
spending claim's owner, currency and bound, the dates the dateline resolves, the focus country,
and the verdict's rows owner by owner, their figures computed here from data/."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import yaml

from alliance_lib import load_article
from alliance_lib.analysis import focus as focus_rule
from alliance_lib.analysis import reference_data, spending, verdicts
from tests.conftest import FIXTURES

STORIES = yaml.safe_load((FIXTURES / "spending_expectations.yaml").read_text(encoding="utf-8"))
NAMES = reference_data.countries_in()
BOUND_WORDS = {None: "", "at_least": "at least ", "at_most": "at most ", "about": "about "}


@pytest.fixture(scope="module", params=sorted(STORIES))
def story(request):
    name = request.param
    return name, STORIES[name], load_article(FIXTURES / name)


def test_the_dateline_is_the_reference_date(story):
    _, expected, article = story
    assert article.reference_date == expected["reference_date"]


def test_every_spending_claim_has_its_owner_currency_and_bound(story):
    _, expected, article = story
    claims = spending.spending_claims(article)
    found = [
        [None if pd.isna(v) else v for v in (r.text, r.type, r.value, r.unit, r.owner, r.bound)]
        for r in claims.itertuples()
    ]
    wanted = [[t, k, float(v), u, o, b] for t, k, v, u, o, b in expected["spending_claims"]]
    assert [f[:2] + f[3:] for f in found] == [w[:2] + w[3:] for w in wanted]
    for got, want in zip(found, wanted, strict=True):
        assert float(got[2]) == pytest.approx(want[2]), got


def test_relative_dates_resolve_against_the_dateline(story):
    _, expected, article = story
    dates = {c.text: c.value for c in article.claims if c.type == "date"}
    for text, value in expected["dates"]:
        assert dates.get(text) == value, text


def test_the_focus_is_the_owner_of_most_spending_claims(story):
    _, expected, article = story
    chosen = focus_rule.choose_focus(article, set(NAMES), NAMES)
    assert (chosen.iso3, chosen.rule) == (expected["focus"], "claim_owner")


def _latest_base(iso3: str, edition: str, reference_year: int) -> tuple[int, float]:
    series = reference_data.country_share(iso3, edition)
    year = int(series[series.index <= reference_year].index.max())
    return year, float(series[year])


def _check_sipri(rows: pd.DataFrame, want: dict, reference_year: int) -> None:
    owner = want["owner"]
    assert list(rows["sources"]) == reference_data.editions_holding(owner)
    for row in rows.itertuples():
        year, base = _latest_base(owner, row.sources, reference_year)
        assert row.base_value == pytest.approx(round(base, 3))
        if want["target"] is None:
            assert row.verdict == "no target share or multiple claimed"
            continue
        word = BOUND_WORDS[want.get("bound")]
        multiple = want["target"] / base
        assert row.multiple == pytest.approx(round(multiple, 2))
        assert row.verdict == (
            f"{word}{want['target']:g}% of GDP = {word}x{multiple:.2f} on SIPRI's {year} share"
        )
        if want.get("end_year"):
            assert str(want["end_year"]) in row.end


def _check_amount(row, want: dict, claims: list) -> None:
    latest = reference_data.latest_spending(want["owner"])
    if not want["compared"]:
        assert row.verdict.startswith("not compared") and math.isnan(row.multiple)
        return
    value = next(float(c[2]) for c in claims if c[0] == want["text"])
    multiple = value / latest.value
    assert row.multiple == pytest.approx(round(multiple, 2))
    word = BOUND_WORDS[want.get("bound")]
    assert row.verdict == f"{word}{multiple:.2f} times {latest.year} spending"
    if want.get("years"):
        assert f"over {want['years']:g} years" in row.end


def test_each_owner_is_judged_on_its_own_claims(story):
    name, expected, article = story
    table = verdicts.verdicts(article, expected["focus"], NAMES)
    reference_year = int(expected["reference_date"][:4])
    owners = list(dict.fromkeys(w["owner"] for w in expected["verdict"]))
    assert list(dict.fromkeys(table["owner"])) == owners, name
    for owner in owners:
        rows = table[table["owner"] == owner]
        wanted = [w for w in expected["verdict"] if w["owner"] == owner]
        kinds = [w["kind"] for w in wanted]
        if "national" in kinds:
            national = rows[rows["scope_id"].isin(["defence_excl_saco", "article_comparison"])]
            assert len(national) == 2, (name, owner)
        sipri = rows[rows["scope_id"].str.startswith("sipri_")]
        if "sipri" in kinds:
            _check_sipri(sipri, next(w for w in wanted if w["kind"] == "sipri"), reference_year)
        elif "national" not in kinds:
            assert sipri.empty, (name, owner)
        amounts = rows[rows["scope_id"].str.startswith("amount_")]
        expected_amounts = [w for w in wanted if w["kind"] == "amount"]
        assert len(amounts) == len(expected_amounts), (name, owner)
        for row, want in zip(amounts.itertuples(), expected_amounts, strict=True):
            assert want["text"] in row.end
            _check_amount(row, want, expected["spending_claims"])
        for want in wanted:
            if want["kind"] == "reported":
                _check_reported(rows, want)
            elif want["kind"] == "collective":
                _check_collective(rows, want)
            elif want["kind"] == "budget":
                _check_budget(rows, want, expected["spending_claims"])


def _check_reported(rows: pd.DataFrame, want: dict) -> None:
    reported = rows[rows["scope_id"].str.startswith("reported_")]
    editions = [
        e
        for e in reference_data.editions_holding(want["owner"])
        if want["year"] in reference_data.country_share(want["owner"], e).index
    ]
    assert list(reported["sources"]) == editions
    for row in reported.itertuples():
        sipri = float(reference_data.country_share(want["owner"], row.sources)[want["year"]])
        assert row.base_value == pytest.approx(round(sipri, 3))
        assert row.end_value == want["claimed"]
        assert row.verdict.startswith(
            f"{want['claimed']:g}% of GDP in {want['year']} vs SIPRI's {sipri:.2f}%"
        )
        difference = want["claimed"] - sipri
        if abs(difference) > 0.05:  # the claim is given to one decimal
            side = "above" if difference > 0 else "below"
            assert f"{abs(difference):.2f} points {side} SIPRI's" in row.verdict


def _check_collective(rows: pd.DataFrame, want: dict) -> None:
    [row] = rows[rows["scope_id"].str.startswith("collective_")].itertuples()
    edition = "SIPRI_MILEX_2024REL"
    shares = {c: reference_data.country_share(c, edition) for c in want["named"]}
    year = min(int(s.index.max()) for s in shares.values())
    meet = sorted(c for c, s in shares.items() if float(s[year]) >= want["target"])
    assert row.verdict == (
        f"{len(meet)} of {len(want['named'])} member countries the article names meet it "
        f"on SIPRI's {year} shares"
    )
    for code in meet:
        assert NAMES[code] in row.note


def _check_budget(rows: pd.DataFrame, want: dict, claims: list) -> None:
    [row] = rows[rows["scope_id"].str.startswith("budget_")].itertuples()
    budget = reference_data.mod_budget()
    spent = ~budget["measure"].str.contains("contract|obligation") & (budget["status"] == "enacted")
    figures = budget[(budget["fiscal_year"] == want["fiscal_year"]) & spent]["value_trillion_yen"]
    value = next(float(c[2]) for c in claims if c[0] == want["text"]) / 1e12
    nearest = min(figures, key=lambda f: abs(f - value))
    assert row.base_value == pytest.approx(round(nearest, 2))
    assert row.multiple == pytest.approx(round(value / nearest, 2))
    assert f"FY{want['fiscal_year']}" in row.base and want["text"] in row.end
