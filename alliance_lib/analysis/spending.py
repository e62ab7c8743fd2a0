"""Notebook 02's analyses: the focus country beside its peers, the editions' disagreement, a
scenario to a target share, and a verdict on the article's spending claim, scope by scope and
like for like (national budget scopes where data/ registers a country's budget files, SIPRI's
series for every country).

Every figure comes from `reference_data` (files in data/ with their provenance); functions here
only select, combine and compare them, and say which source and edition each number is from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from alliance_lib.analysis.reference_data import (
    EDITIONS,
    country_share,
    editions_holding,
    japan_share,
    latest_spending,
    local_currency,
    mod_value,
    national_budget,
    plan_targets,
    plan_value,
    share_of_gdp,
)
from alliance_lib.config import EDITIONS_FIRST_YEAR, MULTIPLE_BAND, SIPRI_LOCAL_FILE
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
    focus: str = "JPN"  # ISO3 of the country whose spending the notebook examines
    focus_reason: str = ""  # why that country (the focus rule, or the parameter)
    peers_reason: str = ""  # how the peers were chosen (the rule, or the parameter)


def peers_table(edition: str, peers: tuple[str, ...], focus: str = "JPN") -> pd.DataFrame:
    """Share of GDP by year (rows) and country (columns: the focus first, then peers), one edition."""
    frame = share_of_gdp()
    rows = frame[(frame["source_id"] == edition) & frame["iso3"].isin((focus, *peers))]
    table = rows.pivot(index="year", columns="iso3", values="value")
    return table[[focus, *[p for p in peers if p in table.columns]]]


def peers_long(edition: str, peers: tuple[str, ...], focus: str = "JPN") -> pd.DataFrame:
    """The focus country and the peers in one edition, one row per country and year, with SIPRI's flag."""
    frame = share_of_gdp()
    rows = frame[(frame["source_id"] == edition) & frame["iso3"].isin((focus, *peers))]
    columns = ["iso3", "country", "year", "value", "sipri_flag"]
    return rows[columns].sort_values(["iso3", "year"], kind="stable").reset_index(drop=True)


def editions_table(first_year: int = EDITIONS_FIRST_YEAR, focus: str = "JPN") -> pd.DataFrame:
    """The focus country's share of GDP by year in every edition holding it, side by side, with
    the spread between them where two or more editions give a figure."""
    frame = share_of_gdp()
    rows = frame[(frame["iso3"] == focus) & (frame["year"] >= first_year)]
    table = rows.pivot(index="year", columns="source_id", values="value")
    table = table[[e for e in EDITIONS if e in table.columns]]
    spread = table.max(axis=1) - table.min(axis=1)
    table["spread_pct_points"] = spread.where(table.count(axis=1) >= 2)
    return table.round(3)


def currency_word(iso3: str) -> str | None:
    """How column names spell the focus country's currency ("yen", "eur"); None without a series."""
    rows = local_currency()
    currency = rows.loc[rows["iso3"] == iso3, "currency"]
    if currency.empty:
        return None
    return "yen" if currency.iloc[0] == "JPY" else str(currency.iloc[0]).lower()


def implied_gdp_trillion(edition: str, year: int, iso3: str = "JPN") -> float | None:
    """GDP SIPRI used: calendar-year spending in local currency / share of GDP, in trillions of
    that currency (None where the edition has no local-currency figure for the year)."""
    money = local_currency()
    rows = money[
        (money["iso3"] == iso3) & (money["source_id"] == edition) & (money["year"] == year)
    ]
    share = country_share(iso3, edition).get(year)
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
    has a local-currency series for the focus country, in trillions of it (`spending_trillion_yen`
    for Japan) on the GDP SIPRI implies.
    """
    base_share = float(country_share(params.focus, params.sipri_edition)[params.base_year])
    years = list(range(params.base_year, params.target_year + 1))
    span = params.target_year - params.base_year
    growth = 1 + params.nominal_gdp_growth_pct / 100.0
    gdp0 = implied_gdp_trillion(params.sipri_edition, params.base_year, params.focus)
    word = currency_word(params.focus) or "local_currency"
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
                f"spending_trillion_{word}": None
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
        f"implied_gdp_base_year_trillion_{word}": None if gdp0 is None else round(gdp0, 2),
    }
    return path.round(4), summary


_MULTIPLE_WORDS = {
    2.0: ("doubling", "doubles"),
    3.0: ("tripling", "triples"),
    4.0: ("quadrupling", "quadruples"),
}


def judge(multiple: float, claimed: float) -> str:
    """A bounded label for a spending multiple against the claimed one: "falls short of
    doubling", "about doubles" (within `MULTIPLE_BAND` of the claim) or "more than doubles"."""
    noun, verb = _MULTIPLE_WORDS.get(claimed, (f"x{claimed:g}", f"is x{claimed:g}"))
    if multiple < claimed * (1 - MULTIPLE_BAND):
        return f"falls short of {noun}"
    if multiple > claimed * (1 + MULTIPLE_BAND):
        return f"more than {verb}" if claimed in _MULTIPLE_WORDS else f"more than x{claimed:g}"
    return f"about {verb}" if claimed in _MULTIPLE_WORDS else f"about x{claimed:g}"


@dataclass(frozen=True)
class ClaimTerms:
    """The terms a spending verdict judges: a multiple over a number of years from a base year,
    to a share of GDP; `source` says where each came from (the article, or a national target in
    data/). Terms the article leaves out and no national target supplies are None; `fiscal`
    says whether the years are fiscal years (a national budget's) or calendar years (SIPRI's)."""

    multiple: float | None
    base_year: int | None
    end_year: int | None
    target_share: float | None
    sentence: int | None
    source: str
    fiscal: bool = True


def _plan_year(item: str) -> int:
    """The fiscal year of one item of Japan's plan file: 2022 from a period "FY2022"."""
    plan_value(item)  # DataError naming the file when the item is missing
    return int(str(plan_targets().loc[item, "period"]).removeprefix("FY")[:4])


def nss_terms() -> ClaimTerms:
    """The NSS's own terms, from data/: the FY2022 GDP base, the FY2027 target year and share."""
    share, _ = plan_value("nss_target_share_of_gdp")
    return ClaimTerms(
        None,
        _plan_year("nss_gdp_basis_fy2022_estimated_outturn"),
        _plan_year("nss_target_share_of_gdp"),
        share,
        None,
        "the NSS target in data/ (FY2022 GDP base, FY2027)",
    )


# The terms a national target supplies where the article is silent, by registry `scopes` name.
NATIONAL_TERMS: dict[str, Callable[[], ClaimTerms]] = {"japan_nss_2022": nss_terms}
# A year after one of these words is where the claim ends ("by 2026"), not where it starts.
_END_MARK = re.compile(r"\b(?:by|until|till|through|before)\s+$", re.IGNORECASE)


def _national_terms(focus: str) -> ClaimTerms | None:
    """The focus country's national target terms, when data/ registers them."""
    budget = national_budget(focus)
    if budget is None or budget.scopes not in NATIONAL_TERMS:
        return None
    return NATIONAL_TERMS[budget.scopes]()


def claim_terms(article: Article, focus: str = "JPN") -> ClaimTerms:
    """The article's own terms ("double ... over five years to 2 percent of GDP"; the base year
    from a date in the claim's sentence, the end year from "by 2026" or base + duration); what
    the article leaves out comes from the focus country's national target in data/, if any."""
    national = _national_terms(focus)
    claims = spending_claims(article)
    claims = claims[claims["type"].isin(["multiplier", "share_of_gdp"])]
    if claims.empty:
        if national is not None:
            return national
        return ClaimTerms(
            None, None, None, None, None, "the article (no multiple or share of GDP claimed)", False
        )
    number = int(claims["sentence"].value_counts(sort=False).idxmax())
    own = [c for c in article.claims if c.sentence == number]
    multiple = next((float(c.value) for c in own if c.type == "multiplier"), None)
    share = next((float(c.value) for c in own if c.type == "share_of_gdp"), None)
    years = next(
        (int(float(c.value)) for c in own if c.type == "duration" and c.unit == "years"), None
    )
    starts, ends = [], []
    for c in own:
        if c.type == "date" and str(c.value)[:4].isdigit():
            before = article.text[max(0, c.start - 10) : c.start]
            (ends if _END_MARK.search(before) else starts).append(int(str(c.value)[:4]))
    base = starts[0] if starts else (national.base_year if national else None)
    if ends:
        end = ends[0]
    elif years and base is not None:
        end = base + years
    else:
        end = national.end_year if national else None
    said = [
        text
        for text, found in (
            (f"x{multiple:g}" if multiple else "", multiple),
            (f"over {years} years", years),
            (f"to {share:g}% of GDP" if share is not None else "", share),
            (f"from {base}", starts),
            (f"by {end}", ends),
        )
        if found
    ]
    source = f"the article (sentence {number}: " + ", ".join(said) + ")"
    if national is not None:
        source += "; the rest from " + national.source
    return ClaimTerms(
        multiple,
        base,
        end,
        share if share is not None else (national.target_share if national else None),
        number,
        source,
        national is not None,
    )


def plan_points() -> dict[str, float]:
    """The FY2027 plan figure (DBP-covered) and the security-related 2% target, for the chart."""
    plan, _ = plan_value("dbp_fy2027_defense_related_expenditure")
    target, _ = plan_value("nss_target_amount_2pct")
    year = _plan_year("dbp_fy2027_defense_related_expenditure")
    return {"plan_year": float(year), "plan": plan, "target": target}


VERDICT_COLUMNS = [
    "scope_id",
    "scope",
    "base",
    "base_value",
    "end",
    "end_value",
    "unit",
    "like_for_like",
    "multiple",
    "verdict",
    "base_share_of_gdp_pct",
    "end_share_of_gdp_pct",
    "sources",
    "note",
]


def verdict_table(terms: ClaimTerms) -> pd.DataFrame:
    """The article's spending claim judged scope by scope, each base and end in one scope.

    Rows: the defence budget excluding and including SACO/US-realignment costs (MOD), the
    five-year plan totals, the NSS "security-related" total (no base in that scope in data/:
    the row says so), the article's own comparison (a narrow base against the broad target:
    `like_for_like` False), and SIPRI's share of GDP per edition. `verdict` judges each
    multiple against the claimed one (`judge`); shares of GDP use the FY2022 GDP the NSS uses,
    to one decimal because that GDP is given as "about 560 trillion yen".
    """
    gdp, gdp_src = plan_value("nss_gdp_basis_fy2022_estimated_outturn")
    base_fy = terms.base_year
    excl, excl_src = mod_value(base_fy, "excl_saco_realignment_etc")
    incl, incl_src = mod_value(base_fy, "incl_saco_realignment_etc")
    plan27, plan_src = plan_value("dbp_fy2027_defense_related_expenditure")
    saco27, saco_src = plan_value("fy2027_saco_realignment_local_burden")
    target, target_src = plan_value("nss_target_amount_2pct")
    target_share, _ = plan_value("nss_target_share_of_gdp")
    previous, prev_src = plan_value("previous_mtdp_total")
    dbp_total, dbp_src = plan_value("dbp_total_level_of_defense_buildup")
    dbp23, dbp23_src = mod_value(base_fy + 1, "dbp_covered_expenditure")
    end_fy = _plan_year("dbp_fy2027_defense_related_expenditure")

    def share(value: float | None) -> float | None:
        return None if value is None else round(100 * value / gdp, 1)

    rows = [
        {
            "scope_id": "defence_excl_saco",
            "scope": "Defence budget excl. SACO/US realignment (MOD headline; DBP-covered from FY2023)",
            "base": f"FY{base_fy} initial budget",
            "base_value": excl,
            "end": f"FY{end_fy} plan (DBP-covered)",
            "end_value": plan27,
            "like_for_like": True,
            "sources": f"{excl_src}; {plan_src}",
            "note": (
                f"same scope: {dbp23_src} gives FY{base_fy + 1} DBP-covered spending as "
                f"+{100 * (dbp23 / excl - 1):.1f}% on this FY{base_fy} figure"
            ),
        },
        {
            "scope_id": "defence_incl_saco",
            "scope": "Defence budget incl. SACO/US realignment",
            "base": f"FY{base_fy} initial budget",
            "base_value": incl,
            "end": f"FY{end_fy} plan + SACO/realignment",
            "end_value": plan27 + saco27,
            "like_for_like": True,
            "sources": f"{incl_src}; {plan_src}; {saco_src}",
            "note": f"end = {plan27:g} (DBP-covered) + {saco27:g} (SACO/realignment) tn yen",
        },
        {
            "scope_id": "plan_totals",
            "scope": "Five-year defence plan totals",
            "base": "FY2019-23 Medium Term Defense Program",
            "base_value": previous,
            "end": "FY2023-27 Defense Buildup Program",
            "end_value": dbp_total,
            "like_for_like": True,
            "sources": f"{prev_src}; {dbp_src}",
            "note": "five-year totals, not annual budgets",
        },
        {
            "scope_id": "security_related",
            "scope": "Security-related total (the NSS 2% target: defence, SACO, Coast Guard, PKO, R&D, infrastructure, cyber...)",
            "base": f"FY{base_fy}: none in this scope in data/",
            "base_value": None,
            "end": f"FY{end_fy} target",
            "end_value": target,
            "like_for_like": None,
            "sources": target_src,
            "note": f"no FY{base_fy} security-related total in data/; a narrower base is not borrowed",
        },
        {
            "scope_id": "article_comparison",
            "scope": "The article's comparison: defence budget -> security-related target",
            "base": f"FY{base_fy} defence budget incl. SACO",
            "base_value": incl,
            "end": f"FY{end_fy} security-related target",
            "end_value": target,
            "like_for_like": False,
            "sources": f"{incl_src}; {target_src}",
            "note": "scope switch: a narrow base against a broad end",
        },
    ]
    for row in rows:
        row["unit"] = "tn yen"
        base_value, end_value = row["base_value"], row["end_value"]
        row["multiple"] = None if base_value is None else end_value / base_value
        annual = row["scope_id"] != "plan_totals"
        row["base_share_of_gdp_pct"] = share(base_value) if annual else None
        row["end_share_of_gdp_pct"] = share(end_value) if annual else None
        if end_value == target:
            row["end_share_of_gdp_pct"] = target_share  # 2% by definition, not 11 / 560
    for edition in EDITIONS:
        series = japan_share(edition)
        if base_fy not in series.index:
            continue
        base_share = float(series[base_fy])
        rows.append(
            {
                "scope_id": f"sipri_{edition}",
                "scope": f"SIPRI military expenditure, {edition}",
                "base": f"{base_fy} share of GDP",
                "base_value": round(base_share, 3),
                "end": f"{terms.target_share:g}% of GDP in {terms.end_year}, GDP fixed",
                "end_value": terms.target_share,
                "unit": "% of GDP",
                "like_for_like": True,
                "multiple": spending_multiple(
                    base_share, terms.target_share, 0.0, terms.end_year - base_fy
                ),
                "base_share_of_gdp_pct": round(base_share, 3),
                "end_share_of_gdp_pct": terms.target_share,
                "sources": edition,
                "note": "what reaching the target on SIPRI's definition would take; the NSS target is not on it",
            }
        )
    table = _verdict_frame(rows)
    table["verdict"] = [
        "no base in this scope" if pd.isna(multiple) else _verdict_label(multiple, terms.multiple)
        for multiple in table["multiple"]
    ]
    table.attrs["gdp_basis"] = f"FY2022 GDP {gdp:g} tn yen ({gdp_src})"
    return table


def _verdict_label(multiple: float, claimed: float | None) -> str:
    """`judge` against the claimed multiple, or the bare multiple when none is claimed."""
    return judge(multiple, claimed) if claimed else f"x{multiple:.2f} (no multiple claimed)"


def _verdict_frame(rows: list[dict]) -> pd.DataFrame:
    """Verdict rows as a table of `VERDICT_COLUMNS`, `like_for_like` nullable, multiples to 2 places."""
    table = pd.DataFrame(rows, columns=VERDICT_COLUMNS)
    table["like_for_like"] = table["like_for_like"].astype("boolean")
    table["multiple"] = table["multiple"].astype(float).round(2)
    return table


def sipri_verdict(terms: ClaimTerms, focus: str) -> pd.DataFrame:
    """The article's claim judged on the focus country's SIPRI share of GDP, one row per edition
    holding it: the base is the article's base year, or else the edition's latest year (so the
    row shows the latest share); the end is the claimed share (the multiple it implies at a
    fixed GDP), or, with only a multiple claimed, the share that multiple implies."""
    rows = []
    for edition in editions_holding(focus):
        series = country_share(focus, edition)
        claimed_base = terms.base_year in series.index
        year = int(terms.base_year) if claimed_base else int(series.index.max())
        base_share = float(series[year])
        base = f"{year} share of GDP" + ("" if claimed_base else " (latest in this edition)")
        when = f"in {terms.end_year}" if terms.end_year else "(no year claimed)"
        end_share = multiple = None
        if terms.target_share is not None:
            end_share, end = terms.target_share, f"{terms.target_share:g}% of GDP {when}, GDP fixed"
            multiple = spending_multiple(base_share, terms.target_share, 0.0, 0)
            verdict = _verdict_label(multiple, terms.multiple)
        elif terms.multiple is not None:
            end_share, multiple = base_share * terms.multiple, terms.multiple
            end = f"x{terms.multiple:g} {when}, GDP fixed"
            verdict = f"implies {end_share:.1f}% of GDP"
        else:
            end, verdict = "no target claimed", "no target share or multiple claimed"
        note = "what the claim takes on SIPRI's definition; a national target may count more"
        if terms.base_year is not None and not claimed_base:
            note = f"the article's base year {terms.base_year} is not in this edition; " + note
        rows.append(
            {
                "scope_id": f"sipri_{edition}",
                "scope": f"SIPRI military expenditure, {edition}",
                "base": base,
                "base_value": round(base_share, 3),
                "end": end,
                "end_value": None if end_share is None else round(end_share, 3),
                "unit": "% of GDP",
                "like_for_like": True,
                "multiple": multiple,
                "verdict": verdict,
                "base_share_of_gdp_pct": round(base_share, 3),
                "end_share_of_gdp_pct": None if end_share is None else round(end_share, 3),
                "sources": edition,
                "note": note,
            }
        )
    return _verdict_frame(rows)


def _scaled(value: float) -> tuple[float, str]:
    """A money amount in billions, or in trillions from a trillion up (yen budgets)."""
    return (value / 1e12, "tn") if value >= 1e12 else (value / 1e9, "bn")


def amount_rows(article: Article, focus: str, names: dict[str, str]) -> pd.DataFrame:
    """Each amount the article's spending sentences state, against the focus country's latest
    annual military spending in local currency (SIPRI, current prices, calendar year): like for
    like only in the same currency; a duration in the same sentence ("over five years") also
    gives the amount a year. Without a series, or in another currency, the row says what is
    missing instead of comparing."""
    latest = latest_spending(focus)
    name = names.get(focus, focus)
    rows = []
    spending = set(spending_claims(article)["sentence"])
    durations: dict[int, float] = {}  # each sentence's first duration in years, one pass
    for c in article.claims:
        if c.type == "duration" and c.unit == "years":
            durations.setdefault(c.sentence, float(c.value))
    for k, claim in enumerate(c for c in article.claims if c.type == "amount"):
        if claim.sentence not in spending:
            continue
        years = durations.get(claim.sentence)
        row = {
            "scope_id": f"amount_s{claim.sentence}_{k}",
            "scope": f"An amount the article states (sentence {claim.sentence})",
            "end": f"“{claim.text}”" + (f" over {years:g} years" if years else ""),
            "sources": "the article",
        }
        if latest is None:
            value, scale = _scaled(float(claim.value))
            row |= {
                "base": f"{name}: no local-currency series in data/",
                "unit": f"{scale} {claim.unit}",
                "end_value": round(value, 2),
                "verdict": "not compared: no local-currency series",
                "note": f"data/ holds no SIPRI local-currency series for {name}; its calendar-year "
                f"rows in {SIPRI_LOCAL_FILE.name} would add one",
            }
        else:
            base_value, scale = _scaled(latest.value)
            factor = latest.value / base_value
            row |= {
                "base": f"{latest.year} military spending (SIPRI, current prices)",
                "base_value": round(base_value, 2),
                "unit": f"{scale} {latest.currency}",
                "sources": f"the article; {latest.edition}",
            }
            if claim.unit != latest.currency:
                row |= {
                    "end_value": None,
                    "like_for_like": False,
                    "verdict": "not compared: another currency",
                    "note": f"the amount is in {claim.unit}, SIPRI's series for {name} in "
                    f"{latest.currency}; data/ holds no exchange rates",
                }
            else:
                multiple = float(claim.value) / latest.value
                row |= {
                    "end_value": round(float(claim.value) / factor, 2),
                    "like_for_like": True,
                    "multiple": multiple,
                    "verdict": f"{multiple:.2f} times {latest.year} spending",
                    "note": (
                        f"over {years:g} years: {100 * multiple / years:.0f}% of {latest.year} "
                        "spending a year"
                        if years
                        else "a total, against one year's spending"
                    ),
                }
        rows.append(row)
    return _verdict_frame(rows)


# Scope-by-scope verdicts built from a country's national budget files, by registry `scopes`.
NATIONAL_SCOPES: dict[str, Callable[[ClaimTerms], pd.DataFrame]] = {
    "japan_nss_2022": lambda terms: verdict_table(terms)
}


def focus_verdict(
    article: Article, terms: ClaimTerms, focus: str, names: dict[str, str]
) -> pd.DataFrame:
    """The verdict for the focus country: its national scopes where data/ registers them (Japan),
    else SIPRI's series; then any amounts the article states, against annual spending."""
    budget = national_budget(focus)
    if budget is not None and budget.scopes in NATIONAL_SCOPES:
        table = NATIONAL_SCOPES[budget.scopes](terms)
        basis = table.attrs.get("gdp_basis", "")
    else:
        table = sipri_verdict(terms, focus)
        basis = (
            f"{names.get(focus, focus)}: SIPRI's share of GDP in each edition holding it; "
            "multiples at a fixed GDP"
        )
    amounts = amount_rows(article, focus, names)
    if not amounts.empty:
        table = pd.concat([table, amounts], ignore_index=True)
    table.attrs["gdp_basis"] = basis
    return table


def about_spending(text: str) -> bool:
    """Whether `text` talks about spending: it holds one of `lexicon.SPENDING_WORDS`, any case."""
    lowered = text.lower()
    return any(word in lowered for word in SPENDING_WORDS)


def spending_claims(article: Article) -> pd.DataFrame:
    """Numeric claims (not dates or anchors) in sentences that talk about spending."""
    frame = claims_frame(article)
    numeric_types = ["share_of_gdp", "multiplier", "duration", "amount", "percent", "fiscal_year"]
    keep = [
        kind in numeric_types and about_spending(sentence)
        for kind, sentence in zip(frame["type"], frame["sentence_text"], strict=True)
    ]
    columns = ["sentence", "type", "text", "value", "unit", "sentence_text"]
    return frame.loc[pd.Series(keep, index=frame.index, dtype=bool), columns].reset_index(drop=True)
