"""Defence-spending reference data in data/ (SIPRI, national budgets, capitals, peer groups)
with the citation each carries.

Every figure comes from a file whose provenance is in data/SOURCES.md; these loaders read and
check the files, and the citations say which source and edition each number is from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from alliance_lib.config import (
    DATA_DIR,
    NATIONAL_BUDGETS_FILE,
    PEERS_FILE,
    SIPRI_LOCAL_FILE,
    SIPRI_SHARE_FILE,
    SIPRI_YEN_FILE,
)
from alliance_lib.datafiles import read_csv, read_yaml, validate
from alliance_lib.errors import DataError
from alliance_lib.text.currencies import country_currency
from alliance_lib.text.owners import capital_rows

EDITIONS = {
    "SIPRI_MILEX_2023REL": "SIPRI Military Expenditure Database, 2023 release (data to 2022)",
    "SIPRI_MILEX_2024REL": "SIPRI Military Expenditure Database, 2024 release (data to 2023)",
    "OWID_SIPRI_SHARE_2025": "Our World in Data, SIPRI share of GDP, 2025 release (data to 2024)",
}


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


def _japan() -> NationalBudget:
    """Japan's budget and plan files, as data/national_budgets.yaml registers them."""
    budget = national_budget("JPN")
    if budget is None or budget.plan_file is None:
        raise DataError(
            f"{NATIONAL_BUDGETS_FILE}: countries.JPN needs a budget_file and a plan_file"
        )
    return budget


@lru_cache(maxsize=1)
def mod_budget() -> pd.DataFrame:
    """Japan MOD defense-related expenditures (initial budgets) by fiscal year and measure;
    `status` says whether a row is an enacted budget or a press-reported proposal."""
    return _japan().budget()


@lru_cache(maxsize=1)
def plan_targets() -> pd.DataFrame:
    """Defense Buildup Program figures and the 2% target, indexed by item."""
    return _japan().plan()


def plan_value(item: str) -> tuple[float, str]:
    """(value, source_id) of one item of Japan's plan file."""
    table = plan_targets()
    if item not in table.index:
        raise DataError(f"{_japan().plan_file}: no item {item!r}")
    row = table.loc[item]
    return float(row["value"]), str(row["source_id"])


def mod_value(fiscal_year: int, measure: str) -> tuple[float, str]:
    """(trillion yen, source_id) of one MOD budget figure."""
    table = mod_budget()
    rows = table[(table["fiscal_year"] == fiscal_year) & (table["measure"] == measure)]
    if rows.empty:
        raise DataError(f"{_japan().budget_file}: no FY{fiscal_year} figure for {measure!r}")
    return float(rows.iloc[0]["value_trillion_yen"]), str(rows.iloc[0]["source_id"])


def country_share(iso3: str, edition: str) -> pd.Series:
    """A country's share of GDP (%) by year in one edition (empty when the edition lacks it)."""
    frame = share_of_gdp()
    rows = frame[(frame["source_id"] == edition) & (frame["iso3"] == iso3)]
    return rows.set_index("year")["value"].astype(float)


def japan_share(edition: str) -> pd.Series:
    """Japan's share of GDP (%) by year in one edition."""
    return country_share("JPN", edition)


def countries_in(edition: str | None = None) -> dict[str, str]:
    """ISO3 -> SIPRI's country name, for every country with a share of GDP (in `edition`, or any)."""
    frame = share_of_gdp()
    if edition is not None:
        frame = frame[frame["source_id"] == edition]
    pairs = frame.drop_duplicates("iso3").sort_values("iso3", kind="stable")
    return dict(zip(pairs["iso3"], pairs["country"], strict=True))


def editions_holding(iso3: str) -> list[str]:
    """The editions (in EDITIONS order) that hold a share of GDP for the country."""
    held = set(share_of_gdp().loc[lambda f: f["iso3"] == iso3, "source_id"])
    return [edition for edition in EDITIONS if edition in held]


@lru_cache(maxsize=1)
def local_currency() -> pd.DataFrame:
    """Military expenditure in local currency, current prices, calendar years, every country in
    data/ (Japan from its own file, the others from the 2024 edition), with `currency`: the
    ISO 4217 code CLDR gives the country (`text.currencies`; SIPRI's unit says only "Dollars")."""
    columns = {"iso3", "year", "value", "unit", "source_id"}
    others = read_csv(SIPRI_LOCAL_FILE, "reference data file", columns)
    frame = pd.concat([japan_yen(), others], ignore_index=True)
    frame = frame[frame["unit"].str.endswith("calendar year")].copy()
    codes = {iso3: country_currency(iso3) for iso3 in set(frame["iso3"])}
    unknown = sorted(iso3 for iso3, code in codes.items() if code is None)
    if unknown:
        raise DataError(f"{SIPRI_LOCAL_FILE}: no currency in CLDR for {unknown}")
    frame["currency"] = frame["iso3"].map(codes)
    return frame.sort_values(["iso3", "source_id", "year"], kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class AnnualSpending:
    """One year's military expenditure in local currency (SIPRI, current prices, calendar year)."""

    iso3: str
    year: int
    value: float
    currency: str
    edition: str


def latest_spending(iso3: str) -> AnnualSpending | None:
    """The latest year of the newest edition holding a local-currency series for the country."""
    frame = local_currency()
    rows = frame[frame["iso3"] == iso3]
    for edition in reversed(EDITIONS):
        held = rows[rows["source_id"] == edition]
        if not held.empty:
            last = held.loc[held["year"].idxmax()]
            return AnnualSpending(
                iso3, int(last["year"]), float(last["value"]), str(last["currency"]), edition
            )
    return None


@lru_cache(maxsize=1)
def capitals() -> pd.DataFrame:
    """Capitals and their written forms ("Kyiv|Kiev"), each with its country's ISO3 code (the
    rows `text.owners` reads, checked there)."""
    return pd.DataFrame(list(capital_rows()), columns=["iso3", "capital", "forms", "source"])


_ISO3_LIST = {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{3}$"}}
_MEMBERS = {"type": "object", "required": ["members"], "properties": {"members": _ISO3_LIST}}
_SOURCED = {
    "type": "object",
    "required": ["members", "source"],
    "properties": {"members": _ISO3_LIST, "source": {"type": "string", "pattern": "\\S"}},
}
PEERS_SCHEMA = {
    "type": "object",
    "required": ["max_peers", "max_partners", "largest_spenders", "spending_rank", "regions"],
    "properties": {
        "max_peers": {"type": "integer", "minimum": 1},
        "max_partners": {"type": "integer", "minimum": 1},
        "largest_spenders": _SOURCED,
        "spending_rank": _SOURCED,
        "regions": {"type": "array", "items": _SOURCED},
        "groups": {"type": ["array", "null"], "items": _SOURCED},
        "organisations": {"type": ["object", "null"], "additionalProperties": _SOURCED},
        "fixed": {"type": ["object", "null"], "additionalProperties": _MEMBERS},
    },
}
_TEXT = {"type": "string", "pattern": "\\S"}  # not empty, not only spaces
NATIONAL_BUDGETS_SCHEMA = {
    "type": "object",
    "required": ["countries"],
    "properties": {
        "countries": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["budget_file", "value_column", "unit", "citation"],
                "properties": {
                    **dict.fromkeys(("budget_file", "value_column", "unit", "citation"), _TEXT),
                    "plan_file": {"type": ["string", "null"]},
                    "scopes": {"type": ["string", "null"]},
                },
            },
        }
    },
}


@dataclass(frozen=True)
class PeerRules:
    """data/peers.yaml: the caps, the largest spenders and the spending rank, the regions and
    alliances (peer groups), the organisations' members, and the fixed sets."""

    max_peers: int
    max_partners: int
    largest: tuple[str, ...]
    groups: dict[str, tuple[str, ...]]  # alliance name -> members
    fixed: dict[str, tuple[tuple[str, ...], str]]  # country -> (members, reason)
    regions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # region name -> members
    rank: tuple[str, ...] = ()  # every country, largest military spender first
    organisations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> members

    def region_of(self, iso3: str) -> str | None:
        """The region a country is in, or None."""
        return next((name for name, members in self.regions.items() if iso3 in members), None)


def _named(entries: list[dict]) -> dict[str, tuple[str, ...]]:
    return {str(g.get("name", g.get("id"))): tuple(g["members"]) for g in entries}


@lru_cache(maxsize=1)
def peer_rules(path: Path = PEERS_FILE) -> PeerRules:
    """Read and check data/peers.yaml; a malformed file raises DataError naming the key."""
    document = read_yaml(path, "peers file")
    validate(path, document, PEERS_SCHEMA, "peers file")
    assert isinstance(document, dict)
    return PeerRules(
        document["max_peers"],
        document["max_partners"],
        tuple(document["largest_spenders"]["members"]),
        _named(document.get("groups") or []),
        {
            str(country): (tuple(entry["members"]), str(entry.get("reason", "")).strip())
            for country, entry in (document.get("fixed") or {}).items()
        },
        _named(document["regions"]),
        tuple(document["spending_rank"]["members"]),
        {
            str(code): tuple(entry["members"])
            for code, entry in (document.get("organisations") or {}).items()
        },
    )


@dataclass(frozen=True)
class NationalBudget:
    """A country's national budget files, as data/national_budgets.yaml lists them."""

    iso3: str
    budget_file: Path
    value_column: str
    unit: str
    plan_file: Path | None
    citation: str
    scopes: str | None

    def budget(self) -> pd.DataFrame:
        """The budget table (one row per fiscal year and measure)."""
        columns = {"fiscal_year", "measure", self.value_column, "source_id", "note", "status"}
        return read_csv(self.budget_file, "national budget file", columns)

    def plan(self) -> pd.DataFrame | None:
        """The plan and target figures, when the country has a plan file."""
        if self.plan_file is None:
            return None
        columns = {"item", "value", "unit", "period", "source_id", "note"}
        return read_csv(self.plan_file, "national plan file", columns).set_index("item")


@lru_cache(maxsize=4)
def national_budgets(path: Path = NATIONAL_BUDGETS_FILE) -> dict[str, NationalBudget]:
    """The registry of national budget files by ISO3; DataError naming the file and key."""
    document = read_yaml(path, "national budget registry")
    validate(path, document, NATIONAL_BUDGETS_SCHEMA, "national budget registry")
    assert isinstance(document, dict)
    registry = {}
    for iso3, entry in document["countries"].items():
        files = {
            key: DATA_DIR / entry[key] for key in ("budget_file", "plan_file") if entry.get(key)
        }
        for key, file in files.items():
            if not file.is_file():
                raise DataError(f"{path}: countries.{iso3}.{key}: {file} does not exist")
        registry[str(iso3)] = NationalBudget(
            str(iso3),
            files["budget_file"],
            entry["value_column"],
            entry["unit"],
            files.get("plan_file"),
            " ".join(entry["citation"].split()),
            entry.get("scopes"),
        )
    return registry


def national_budget(iso3: str) -> NationalBudget | None:
    """The country's national budget files, or None when data/ holds none for it."""
    return national_budgets().get(iso3)


def national_citations() -> list[str]:
    """The source line of every national budget series data/national_budgets.yaml registers
    (the report's footer and sources page carry them beside SIPRI's)."""
    return [budget.citation for budget in national_budgets().values()]
