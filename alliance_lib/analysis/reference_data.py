"""Defence-spending reference data in data/ (SIPRI, Japan MOD) with the citation each carries.

Every figure comes from a file whose provenance is in data/SOURCES.md; these loaders read and
check the files, and the citations say which source and edition each number is from.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from alliance_lib.config import MOD_BUDGET_FILE, PLAN_TARGETS_FILE, SIPRI_SHARE_FILE, SIPRI_YEN_FILE
from alliance_lib.datafiles import read_csv
from alliance_lib.errors import DataError

EDITIONS = {
    "SIPRI_MILEX_2023REL": "SIPRI Military Expenditure Database, 2023 release (data to 2022)",
    "SIPRI_MILEX_2024REL": "SIPRI Military Expenditure Database, 2024 release (data to 2023)",
    "OWID_SIPRI_SHARE_2025": "Our World in Data, SIPRI share of GDP, 2025 release (data to 2024)",
}
CALENDAR_YEAR = "local currency (Yen), current prices, calendar year"


MOD_CITATION = (
    "Japan: Ministry of Defense white papers and Defense Buildup Program (FY2023-27), Ministry of "
    "Finance and press reports as listed per row (source_id) in data/SOURCES.md."
)


def citation(edition: str | None = None) -> str:
    """The source line every SIPRI chart and table carries."""
    if edition == "OWID_SIPRI_SHARE_2025":
        return "Source: SIPRI Military Expenditure Database, via Our World in Data (2025 release)."
    if edition in EDITIONS:
        return f"Source: {EDITIONS[edition]}, © SIPRI; used under SIPRI's fair-use terms."
    return "Sources: SIPRI Military Expenditure Database (editions as labelled), © SIPRI; Our World in Data."


@lru_cache(maxsize=1)
def share_of_gdp() -> pd.DataFrame:
    """Military expenditure as % of GDP, all countries and editions in data/."""
    frame = read_csv(
        SIPRI_SHARE_FILE,
        "reference data file",
        {"country", "iso3", "year", "value", "sipri_flag", "source_id"},
    )
    frame["sipri_flag"] = frame["sipri_flag"].fillna("")
    return frame.sort_values(["source_id", "iso3", "year"], kind="stable").reset_index(drop=True)


@lru_cache(maxsize=1)
def japan_yen() -> pd.DataFrame:
    """Japan's military expenditure in yen (SIPRI), calendar and financial years."""
    return read_csv(
        SIPRI_YEN_FILE, "reference data file", {"iso3", "year", "value", "unit", "source_id"}
    )


@lru_cache(maxsize=1)
def mod_budget() -> pd.DataFrame:
    """Japan MOD defense-related expenditures (initial budgets) by fiscal year and measure;
    `status` says whether a row is an enacted budget or a press-reported proposal."""
    return read_csv(
        MOD_BUDGET_FILE,
        "reference data file",
        {"fiscal_year", "measure", "value_trillion_yen", "source_id", "note", "status"},
    )


@lru_cache(maxsize=1)
def plan_targets() -> pd.DataFrame:
    """Defense Buildup Program figures and the 2% target, indexed by item."""
    return read_csv(
        PLAN_TARGETS_FILE,
        "reference data file",
        {"item", "value", "unit", "period", "source_id", "note"},
    ).set_index("item")


def plan_value(item: str) -> tuple[float, str]:
    """(value, source_id) of one item of japan_defense_plan_targets.csv."""
    table = plan_targets()
    if item not in table.index:
        raise DataError(f"{PLAN_TARGETS_FILE}: no item {item!r}")
    row = table.loc[item]
    return float(row["value"]), str(row["source_id"])


def mod_value(fiscal_year: int, measure: str) -> tuple[float, str]:
    """(trillion yen, source_id) of one MOD budget figure."""
    table = mod_budget()
    rows = table[(table["fiscal_year"] == fiscal_year) & (table["measure"] == measure)]
    if rows.empty:
        raise DataError(f"{MOD_BUDGET_FILE}: no FY{fiscal_year} figure for {measure!r}")
    return float(rows.iloc[0]["value_trillion_yen"]), str(rows.iloc[0]["source_id"])


def japan_share(edition: str) -> pd.Series:
    """Japan's share of GDP (%) by year in one edition."""
    frame = share_of_gdp()
    rows = frame[(frame["source_id"] == edition) & (frame["iso3"] == "JPN")]
    return rows.set_index("year")["value"].astype(float)
