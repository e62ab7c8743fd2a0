"""Notebook 02's analyses: Japan beside its peers, the editions' disagreement, a scenario to a
target share, and a verdict on the article's spending claim under each definition.

Every figure comes from `reference_data` (files in data/ with their provenance); functions here
only select, combine and compare them, and say which source and edition each number is from.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from alliance_lib.analysis.reference_data import (
    CALENDAR_YEAR,
    EDITIONS,
    japan_share,
    japan_yen,
    mod_value,
    plan_value,
    share_of_gdp,
)
from alliance_lib.config import DOUBLES, EDITIONS_FIRST_YEAR, NEARLY_DOUBLES
from alliance_lib.text.frames import claims_frame
from alliance_lib.text.lexicon import SPENDING_WORDS
from alliance_lib.text.model import Article


@dataclass(frozen=True)
class SpendingParameters:
    sipri_edition: str
    peers: tuple[str, ...]
    base_year: int
    target_share: float
    target_year: int
    nominal_gdp_growth_pct: float


def peers_table(edition: str, peers: tuple[str, ...]) -> pd.DataFrame:
    """Share of GDP by year (rows) and country (columns: JPN first, then peers), one edition."""
    frame = share_of_gdp()
    rows = frame[(frame["source_id"] == edition) & frame["iso3"].isin(("JPN", *peers))]
    table = rows.pivot(index="year", columns="iso3", values="value")
    return table[["JPN", *[p for p in peers if p in table.columns]]]


def editions_table(first_year: int = EDITIONS_FIRST_YEAR) -> pd.DataFrame:
    """Japan's share of GDP by year in every edition side by side, with the spread between them."""
    frame = share_of_gdp()
    rows = frame[(frame["iso3"] == "JPN") & (frame["year"] >= first_year)]
    table = rows.pivot(index="year", columns="source_id", values="value")[list(EDITIONS)]
    spread = table.max(axis=1) - table.min(axis=1)
    table["spread_pct_points"] = spread.where(table.count(axis=1) >= 2)
    return table.round(3)


def implied_gdp_trillion_yen(edition: str, year: int) -> float | None:
    """GDP SIPRI used for Japan: calendar-year spending in yen / share of GDP (None without yen data)."""
    yen = japan_yen()
    rows = yen[
        (yen["source_id"] == edition) & (yen["year"] == year) & (yen["unit"] == CALENDAR_YEAR)
    ]
    share = japan_share(edition).get(year)
    if rows.empty or share is None:
        return None
    return float(rows.iloc[0]["value"]) / (float(share) / 100.0) / 1e12


def spending_multiple(
    base_share: float, target_share: float, growth_pct: float, years: int
) -> float:
    """How many times spending grows when the share goes from base to target and GDP grows `years` years."""
    return target_share / base_share * (1 + growth_pct / 100.0) ** years


def scenario(
    params: SpendingParameters,
) -> tuple[pd.DataFrame, dict[str, float | int | str | None]]:
    """Yearly path from the base year's SIPRI share to the target share, share rising linearly.

    Nominal GDP grows at `nominal_gdp_growth_pct` a year (0 reproduces the NSS convention of a
    fixed GDP base). Spending = share x GDP, as an index (base year = 100) and, where the edition
    has yen data, in trillion yen on the GDP SIPRI implies.
    """
    base_share = float(japan_share(params.sipri_edition)[params.base_year])
    years = list(range(params.base_year, params.target_year + 1))
    span = params.target_year - params.base_year
    growth = 1 + params.nominal_gdp_growth_pct / 100.0
    gdp0 = implied_gdp_trillion_yen(params.sipri_edition, params.base_year)
    rows = []
    for step, year in enumerate(years):
        share = base_share + (params.target_share - base_share) * step / span
        gdp_index = 100.0 * growth**step
        spending_index = 100.0 * (share / base_share) * growth**step
        rows.append(
            {
                "year": year,
                "share_pct": share,
                "gdp_index": gdp_index,
                "spending_index": spending_index,
                "spending_trillion_yen": None
                if gdp0 is None
                else gdp0 * gdp_index / 100 * share / 100,
            }
        )
    path = pd.DataFrame(rows)
    path["spending_growth_pct"] = path["spending_index"].pct_change() * 100
    multiple = spending_multiple(
        base_share, params.target_share, params.nominal_gdp_growth_pct, span
    )
    summary = {
        "sipri_edition": params.sipri_edition,
        "base_year": params.base_year,
        "base_share_pct": round(base_share, 4),
        "target_year": params.target_year,
        "target_share_pct": params.target_share,
        "nominal_gdp_growth_pct": params.nominal_gdp_growth_pct,
        "spending_multiple": round(multiple, 4),
        "implied_annual_spending_growth_pct": round((multiple ** (1 / span) - 1) * 100, 4),
        "implied_gdp_base_year_trillion_yen": None if gdp0 is None else round(gdp0, 2),
    }
    return path.round(4), summary


def judge(ratio: float) -> str:
    """A verb phrase for a spending multiple: `DOUBLES` and up doubles, `NEARLY_DOUBLES` and up
    nearly doubles (thresholds in `alliance_lib.config`)."""
    if ratio >= DOUBLES:
        return f"doubles (x{ratio:.2f})"
    if ratio >= NEARLY_DOUBLES:
        return f"nearly doubles (x{ratio:.2f})"
    return f"falls short of doubling (x{ratio:.2f})"


def verdict_table(params: SpendingParameters) -> pd.DataFrame:
    """The article's "double ... over five years to a total of 2 percent of GDP" under each definition."""
    gdp_base, gdp_source = plan_value("nss_gdp_basis_fy2022_estimated_outturn")
    mod22_incl, src22_incl = mod_value(2022, "incl_saco_realignment_etc")
    mod22_excl, src22_excl = mod_value(2022, "excl_saco_realignment_etc")
    dbp27, src27 = plan_value("dbp_fy2027_defense_related_expenditure")
    total27, src_total = plan_value("nss_target_amount_2pct")
    prev_plan, src_prev = plan_value("previous_mtdp_total")
    dbp_total, src_dbp = plan_value("dbp_total_level_of_defense_buildup")

    rows = [
        {
            "basis": "mod_budget",
            "definition": "MOD budget: FY2022 initial (excl. SACO/realignment) -> FY2027 plan (DBP-covered)",
            "base": f"{mod22_excl:.2f} tn yen ({src22_excl})",
            "end": f"{dbp27:.2f} tn yen ({src27})",
            "ratio": dbp27 / mod22_excl,
            "end_share_of_fy2022_gdp_pct": 100 * dbp27 / gdp_base,
        },
        {
            "basis": "plan_totals",
            "definition": "Five-year plan totals: FY2019-23 MTDP -> FY2023-27 DBP",
            "base": f"{prev_plan:.2f} tn yen ({src_prev})",
            "end": f"{dbp_total:.2f} tn yen ({src_dbp})",
            "ratio": dbp_total / prev_plan,
            "end_share_of_fy2022_gdp_pct": None,
        },
        {
            "basis": "security_total",
            "definition": "Security-related total (the NSS 2% target): FY2022 MOD budget incl. SACO -> FY2027 target",
            "base": f"{mod22_incl:.2f} tn yen ({src22_incl})",
            "end": f"{total27:.2f} tn yen ({src_total})",
            "ratio": total27 / mod22_incl,
            "end_share_of_fy2022_gdp_pct": 100 * total27 / gdp_base,
        },
    ]
    for edition in EDITIONS:
        share = japan_share(edition)
        if params.base_year not in share.index:
            continue
        base_share = float(share[params.base_year])
        multiple = spending_multiple(
            base_share,
            params.target_share,
            params.nominal_gdp_growth_pct,
            params.target_year - params.base_year,
        )
        rows.append(
            {
                "basis": "sipri",
                "definition": f"SIPRI ({edition}): {params.base_year} share -> {params.target_share:g}% in {params.target_year}",
                "base": f"{base_share:.3f}% of GDP",
                "end": f"{params.target_share:g}% of GDP",
                "ratio": multiple,
                "end_share_of_fy2022_gdp_pct": None,
            }
        )
    table = pd.DataFrame(rows)
    table["verdict"] = table["ratio"].map(judge)
    table["ratio"] = table["ratio"].round(3)
    table["end_share_of_fy2022_gdp_pct"] = (
        table["end_share_of_fy2022_gdp_pct"].astype(float).round(2)
    )
    table.attrs["gdp_basis"] = f"FY2022 GDP {gdp_base:g} tn yen ({gdp_source})"
    return table


def spending_claims(article: Article) -> pd.DataFrame:
    """Numeric claims (not dates or anchors) in sentences that talk about spending."""
    frame = claims_frame(article)
    numeric_types = ["share_of_gdp", "multiplier", "duration", "amount", "percent", "fiscal_year"]
    keep = [
        kind in numeric_types and any(word in sentence.lower() for word in SPENDING_WORDS)
        for kind, sentence in zip(frame["type"], frame["sentence_text"], strict=True)
    ]
    columns = ["sentence", "type", "text", "value", "unit", "sentence_text"]
    return frame.loc[pd.Series(keep, index=frame.index, dtype=bool), columns].reset_index(drop=True)
