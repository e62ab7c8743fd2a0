"""Defence-spending reference data (SIPRI, Japan MOD) and the analyses of notebook 02.

Every figure comes from a file in data/ whose provenance is in data/SOURCES.md; functions here
only select, combine and compare them, and say which source and edition each number is from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from alliance_lib.errors import DataError, ParameterError
from alliance_lib.model import Article
from alliance_lib.params import integer, number
from alliance_lib.paths import DATA_DIR

EDITIONS = {
    "SIPRI_MILEX_2023REL": "SIPRI Military Expenditure Database, 2023 release (data to 2022)",
    "SIPRI_MILEX_2024REL": "SIPRI Military Expenditure Database, 2024 release (data to 2023)",
    "OWID_SIPRI_SHARE_2025": "Our World in Data, SIPRI share of GDP, 2025 release (data to 2024)",
}
SHARE_FILE = DATA_DIR / "sipri_milex_share_gdp.csv"
YEN_FILE = DATA_DIR / "sipri_milex_local_currency_japan.csv"
MOD_FILE = DATA_DIR / "japan_mod_defense_budget.csv"
PLAN_FILE = DATA_DIR / "japan_defense_plan_targets.csv"
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


def _read(path: Path, columns: set[str]) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path)
    except FileNotFoundError as exc:
        raise DataError(f"{path}: reference data file not found") from exc
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not a readable CSV ({exc.__class__.__name__})") from exc
    missing = columns - set(frame.columns)
    if missing:
        raise DataError(f"{path}: missing column(s) {sorted(missing)}")
    return frame


@lru_cache(maxsize=1)
def share_of_gdp() -> pd.DataFrame:
    """Military expenditure as % of GDP, all countries and editions in data/."""
    frame = _read(SHARE_FILE, {"country", "iso3", "year", "value", "sipri_flag", "source_id"})
    frame["sipri_flag"] = frame["sipri_flag"].fillna("")
    return frame.sort_values(["source_id", "iso3", "year"], kind="stable").reset_index(drop=True)


@lru_cache(maxsize=1)
def japan_yen() -> pd.DataFrame:
    """Japan's military expenditure in yen (SIPRI), calendar and financial years."""
    return _read(YEN_FILE, {"iso3", "year", "value", "unit", "source_id"})


@lru_cache(maxsize=1)
def mod_budget() -> pd.DataFrame:
    """Japan MOD defense-related expenditures (initial budgets) by fiscal year and measure."""
    return _read(MOD_FILE, {"fiscal_year", "measure", "value_trillion_yen", "source_id", "note"})


@lru_cache(maxsize=1)
def plan_targets() -> pd.DataFrame:
    """Defense Buildup Program figures and the 2% target, indexed by item."""
    return _read(PLAN_FILE, {"item", "value", "unit", "period", "source_id", "note"}).set_index(
        "item"
    )


def plan_value(item: str) -> tuple[float, str]:
    """(value, source_id) of one item of japan_defense_plan_targets.csv."""
    table = plan_targets()
    if item not in table.index:
        raise DataError(f"{PLAN_FILE}: no item {item!r}")
    row = table.loc[item]
    return float(row["value"]), str(row["source_id"])


def mod_value(fiscal_year: int, measure: str) -> tuple[float, str]:
    """(trillion yen, source_id) of one MOD budget figure."""
    table = mod_budget()
    rows = table[(table["fiscal_year"] == fiscal_year) & (table["measure"] == measure)]
    if rows.empty:
        raise DataError(f"{MOD_FILE}: no FY{fiscal_year} figure for {measure!r}")
    return float(rows.iloc[0]["value_trillion_yen"]), str(rows.iloc[0]["source_id"])


@dataclass(frozen=True)
class SpendingParameters:
    sipri_edition: str
    peers: tuple[str, ...]
    base_year: int
    target_share: float
    target_year: int
    nominal_gdp_growth_pct: float


def validate_parameters(
    *,
    sipri_edition: object,
    peers: object,
    base_year: object,
    target_share: object,
    target_year: object,
    nominal_gdp_growth_pct: object,
) -> SpendingParameters:
    """Check notebook 02's parameters against each other and the data; ParameterError otherwise."""
    if sipri_edition not in EDITIONS:
        raise ParameterError(
            "sipri_edition",
            f"unknown edition {sipri_edition!r}; choose one of {', '.join(EDITIONS)}",
        )
    if not isinstance(peers, str):
        raise ParameterError(
            "peers", f"expected comma-separated ISO 3166-1 alpha-3 codes, got {peers!r}"
        )
    codes = tuple(code.strip().upper() for code in peers.split(",") if code.strip())
    available = set(share_of_gdp().loc[lambda f: f["source_id"] == sipri_edition, "iso3"])
    for code in codes:
        if code not in available:
            raise ParameterError(
                "peers",
                f"unknown country code {code!r}; the data cover {', '.join(sorted(available))}",
            )
    japan = japan_share(str(sipri_edition))
    first, last = int(japan.index.min()), int(japan.index.max())
    base = integer("base_year", base_year, first, last)
    target = integer("target_year", target_year)
    if target <= base:
        raise ParameterError("target_year", f"{target} is not after base_year {base}")
    if target > base + 50:
        raise ParameterError(
            "target_year", f"{target} is more than 50 years after base_year {base}"
        )
    share = number("target_share", target_share, 0.0, 20.0, open_low=True)
    growth = number("nominal_gdp_growth_pct", nominal_gdp_growth_pct, -20.0, 50.0)
    return SpendingParameters(
        str(sipri_edition), tuple(sorted(set(codes))), base, share, target, growth
    )


def japan_share(edition: str) -> pd.Series:
    """Japan's share of GDP (%) by year in one edition."""
    frame = share_of_gdp()
    rows = frame[(frame["source_id"] == edition) & (frame["iso3"] == "JPN")]
    return rows.set_index("year")["value"].astype(float)


def peers_table(edition: str, peers: tuple[str, ...]) -> pd.DataFrame:
    """Share of GDP by year (rows) and country (columns: JPN first, then peers), one edition."""
    frame = share_of_gdp()
    rows = frame[(frame["source_id"] == edition) & frame["iso3"].isin(("JPN", *peers))]
    table = rows.pivot(index="year", columns="iso3", values="value")
    return table[["JPN", *[p for p in peers if p in table.columns]]]


def editions_table(first_year: int = 2014) -> pd.DataFrame:
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


def _judge(ratio: float) -> str:
    """A verb phrase for a spending multiple: 1.95 and up doubles, 1.8 and up nearly doubles."""
    if ratio >= 1.95:
        return f"doubles (x{ratio:.2f})"
    if ratio >= 1.8:
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
    table["verdict"] = table["ratio"].map(_judge)
    table["ratio"] = table["ratio"].round(3)
    table["end_share_of_fy2022_gdp_pct"] = (
        table["end_share_of_fy2022_gdp_pct"].astype(float).round(2)
    )
    table.attrs["gdp_basis"] = f"FY2022 GDP {gdp_base:g} tn yen ({gdp_source})"
    return table


def verdict_sentence(table: pd.DataFrame) -> str:
    """One plain sentence summarising the verdict table (built from its numbers)."""
    security = table[table["basis"] == "security_total"].iloc[0]
    mod = table[table["basis"] == "mod_budget"].iloc[0]
    sipri = table[table["basis"] == "sipri"]
    parts = [
        f"The article's claim holds for the broader security-related total, which {security['verdict']} "
        f"and reaches {security['end_share_of_fy2022_gdp_pct']:.2f}% of FY2022 GDP; the Ministry of "
        f"Defense budget alone {mod['verdict']} and reaches {mod['end_share_of_fy2022_gdp_pct']:.2f}%."
    ]
    if not sipri.empty:
        low, high = sipri["ratio"].min(), sipri["ratio"].max()
        parts.append(
            f"On SIPRI's definition the target implies spending x{low:.2f} to x{high:.2f} depending on "
            "the edition, because the editions disagree on Japan's starting share."
        )
    return " ".join(parts)


SPENDING_WORDS = ("spend", "budget", "defense", "defence", "gdp", "military", "yen", "dollar")


def spending_claims(article: Article) -> pd.DataFrame:
    """Numeric claims (not dates or anchors) in sentences that talk about spending."""
    frame = article.claims_frame()
    numeric_types = ["share_of_gdp", "multiplier", "duration", "amount", "percent", "fiscal_year"]
    keep = [
        kind in numeric_types and any(word in sentence.lower() for word in SPENDING_WORDS)
        for kind, sentence in zip(frame["type"], frame["sentence_text"], strict=True)
    ]
    columns = ["sentence", "type", "text", "value", "unit", "sentence_text"]
    return frame.loc[pd.Series(keep, index=frame.index, dtype=bool), columns].reset_index(drop=True)


def peers_sentence(table: pd.DataFrame, names: dict[str, str]) -> str:
    """Where Japan stands among the peers in the latest year all of them report (from the table)."""
    complete = table.dropna()
    if complete.empty or "JPN" not in complete.columns:
        return "No year has figures for Japan and every peer in this edition."
    year = int(complete.index.max())
    row = complete.loc[year]
    others = row.drop("JPN")
    if others.empty:
        return f"In {year} Japan spent {row['JPN']:.2f}% of GDP on its military."
    low, high = others.idxmin(), others.idxmax()
    below = int((others > row["JPN"]).sum())
    return (
        f"In {year} Japan spent {row['JPN']:.2f}% of GDP on its military; {below} of the "
        f"{len(others)} peers spent more. The peers ranged from {others[low]:.2f}% "
        f"({names.get(low, low)}) to {others[high]:.2f}% ({names.get(high, high)})."
    )
