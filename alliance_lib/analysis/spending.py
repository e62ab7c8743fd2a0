"""Notebook 02's analyses: the focus country beside its peers, the editions' disagreement, a
scenario to a target share, and a verdict on the article's spending claim, scope by scope and
like for like (national budget scopes where data/ registers a country's budget files, SIPRI's
series for every country).

Every figure comes from `reference_data` (files in data/ with their provenance); functions here
only select, combine and compare them, and say which source and edition each number is from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from alliance_lib.analysis import owned
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
from alliance_lib.text.currencies import country_currency
from alliance_lib.text.frames import claims_frame
from alliance_lib.text.lexicon import SCALES
from alliance_lib.text.model import Article, Claim
from alliance_lib.text.owners import about_spending


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


# A bound as the verdict words it: "at least 2% of GDP", "about x1.00".
BOUND_WORDS = {None: "", "at_least": "at least ", "at_most": "at most ", "about": "about "}
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
    bound: str | None = None  # the target share's bound: at_least ("more than 2%"), at_most, about
    reference_year: int | None = None  # the year of the article's date, when known


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


def _national_terms(focus: str) -> ClaimTerms | None:
    """The focus country's national target terms, when data/ registers them."""
    budget = national_budget(focus)
    if budget is None or budget.scopes not in NATIONAL_TERMS:
        return None
    return NATIONAL_TERMS[budget.scopes]()


def claim_terms(article: Article, focus: str = "JPN") -> ClaimTerms:
    """The terms `focus` claims in the article, from its own claims only (`analysis.owned`):
    a multiple, a duration, a target share of GDP ("double ... over five years to 2 percent of
    GDP"), read in the sentence holding most of its targets and multiples; the base year from a
    date in that sentence, the end year from the target's own year ("by 2026", "next year") or
    base + duration. Reported shares (a year's share, checked against SIPRI's figure) are not
    targets. What the article leaves out comes from the country's national target in data/."""
    national = _national_terms(focus)
    known = owned.reference_year(article)
    dates = owned.Dates(article)
    claims = owned.claims_of(article, focus, focus)
    targets = [t for t in owned.shares(article, focus, focus, dates) if not t.reported]
    multiples = [c for c in claims if c.type == "multiplier"]
    if not targets and not multiples:
        if national is not None:
            return replace(national, reference_year=known)
        return ClaimTerms(
            None,
            None,
            None,
            None,
            None,
            "the article (no multiple or share of GDP claimed)",
            False,
            reference_year=known,
        )
    order = sorted([t.claim for t in targets] + multiples, key=lambda c: c.start)
    counts = Counter(c.sentence for c in order)
    first: dict[int, int] = {}
    for k, c in enumerate(order):
        first.setdefault(c.sentence, k)
    number = max(counts, key=lambda n: (counts[n], -first[n]))  # ties: the earliest
    target = next((t for t in targets if t.claim.sentence == number), None)
    multiple = next((float(c.value) for c in multiples if c.sentence == number), None)
    years = next(
        (
            int(float(c.value))
            for c in claims
            if c.sentence == number and c.type == "duration" and c.unit == "years"
        ),
        None,
    )
    target_year = target.year if target and (target.end_marked or known) else None
    starts, ends = [], []
    for c in article.claims:
        year = owned.date_year(c)
        if c.sentence != number or c.type != "date" or year is None:
            continue
        if target is not None and target.year == year and target_year is not None:
            continue  # the target's own year ("by 2026", "next year")
        if owned.end_marked(article, c) or (known is not None and year > known):
            ends.append(year)
        else:
            starts.append(year)
    base = starts[0] if starts else (national.base_year if national else None)
    if target_year is not None:
        end = target_year
    elif ends:
        end = ends[0]
    elif years and base is not None:
        end = base + years
    else:
        end = national.end_year if national else None
    share = target.value if target else None
    word = BOUND_WORDS[target.bound if target else None]
    said = [
        text
        for text, found in (
            (f"x{multiple:g}" if multiple else "", multiple),
            (f"over {years} years", years),
            (f"to {word}{share:g}% of GDP" if share is not None else "", share),
            (f"from {base}", starts),
            (f"by {end}", ends or target_year),
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
        target.bound if target else None,
        known,
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
        multiple = spending_multiple(base_share, terms.target_share, 0.0, terms.end_year - base_fy)
        word = BOUND_WORDS[terms.bound]
        rows.append(
            {
                "scope_id": f"sipri_{edition}",
                "scope": f"SIPRI military expenditure, {edition}",
                "base": f"{base_fy} share of GDP",
                "base_value": round(base_share, 3),
                "end": f"{word}{terms.target_share:g}% of GDP in {terms.end_year}, GDP fixed",
                "end_value": terms.target_share,
                "unit": "% of GDP",
                "like_for_like": True,
                "multiple": multiple,
                "verdict": sipri_label(terms.target_share, multiple, base_fy, terms.bound),
                "base_share_of_gdp_pct": round(base_share, 3),
                "end_share_of_gdp_pct": terms.target_share,
                "sources": edition,
                "note": "what reaching the target on SIPRI's definition would take; the NSS "
                "target is not on it" + _against_claimed(multiple, terms.multiple),
            }
        )
    table = verdict_frame(rows)
    table["verdict"] = [
        verdict
        if scope.startswith("sipri_")
        else "no base in this scope"
        if pd.isna(multiple)
        else _verdict_label(multiple, terms.multiple)
        for scope, verdict, multiple in zip(
            table["scope_id"], table["verdict"], table["multiple"], strict=True
        )
    ]
    table.attrs["gdp_basis"] = f"FY2022 GDP {gdp:g} tn yen ({gdp_src})"
    return table


def sipri_label(share: float, multiple: float, year: int, bound: str | None = None) -> str:
    """What a SIPRI row compares, in words: "2% of GDP = x1.81 on SIPRI's 2022 share" (with a
    bound: "at least 2% of GDP = at least x1.32 on SIPRI's 2023 share")."""
    word = BOUND_WORDS[bound]
    return f"{word}{share:g}% of GDP = {word}x{multiple:.2f} on SIPRI's {year} share"


def _against_claimed(multiple: float, claimed: float | None) -> str:
    """The SIPRI multiple judged against a claimed multiple, for the row's note."""
    return f"; against the claimed x{claimed:g}: {judge(multiple, claimed)}" if claimed else ""


def _verdict_label(multiple: float, claimed: float | None) -> str:
    """`judge` against the claimed multiple, or the bare multiple when none is claimed."""
    return judge(multiple, claimed) if claimed else f"x{multiple:.2f} (no multiple claimed)"


def verdict_frame(rows: list[dict]) -> pd.DataFrame:
    """Verdict rows as a table of `VERDICT_COLUMNS`, `like_for_like` nullable, multiples to 2 places."""
    table = pd.DataFrame(rows, columns=VERDICT_COLUMNS)
    table["like_for_like"] = table["like_for_like"].astype("boolean")
    table["multiple"] = table["multiple"].astype(float).round(2)
    return table


def sipri_verdict(terms: ClaimTerms, focus: str) -> pd.DataFrame:
    """The claim judged on the country's SIPRI share of GDP, one row per edition holding it: the
    base is the article's base year, or else the edition's latest year up to the article's
    (the share when the article was written; with no article date, the latest); the end is the
    claimed share (the multiple it implies at a fixed GDP, labelled by `sipri_label`), or, with
    only a multiple claimed, the share that multiple implies."""
    rows = []
    for edition in editions_holding(focus):
        series = country_share(focus, edition)
        claimed_base = terms.base_year in series.index
        if claimed_base:
            year = int(terms.base_year)
        else:
            held = series.index
            if terms.reference_year is not None and (held <= terms.reference_year).any():
                held = held[held <= terms.reference_year]
            year = int(held.max())
        base_share = float(series[year])
        latest = "latest in this edition" + (
            f" up to the article's {terms.reference_year}" if terms.reference_year else ""
        )
        base = f"{year} share of GDP" + ("" if claimed_base else f" ({latest})")
        when = f"in {terms.end_year}" if terms.end_year else "(no year claimed)"
        word = BOUND_WORDS[terms.bound]
        end_share = multiple = None
        note = "what the claim takes on SIPRI's definition; a national target may count more"
        if terms.target_share is not None:
            end_share = terms.target_share
            end = f"{word}{terms.target_share:g}% of GDP {when}, GDP fixed"
            multiple = spending_multiple(base_share, terms.target_share, 0.0, 0)
            verdict = sipri_label(terms.target_share, multiple, year, terms.bound)
            note += _against_claimed(multiple, terms.multiple)
        elif terms.multiple is not None:
            end_share, multiple = base_share * terms.multiple, terms.multiple
            end = f"x{terms.multiple:g} {when}, GDP fixed"
            verdict = f"x{terms.multiple:g} = {end_share:.1f}% of GDP on SIPRI's {year} share"
        else:
            end, verdict = "no target claimed", "no target share or multiple claimed"
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
    return verdict_frame(rows)


def _scaled(value: float) -> tuple[float, str]:
    """A money amount in billions, or in trillions from a trillion up (yen budgets)."""
    return (value / 1e12, "tn") if value >= 1e12 else (value / 1e9, "bn")


def amount_rows(article: Article, focus: str, names: dict[str, str]) -> pd.DataFrame:
    """Each amount `focus` owns (`analysis.owned`), against its own spending in its own currency:
    the national budget of the amount's fiscal year where data/ registers one and the amount's
    clause names the year (`budget_row`), else the latest annual military spending in local
    currency (SIPRI, current prices, calendar year). A duration the owner states in the same
    clause ("over five years") gives the amount a year. In another currency, an unknown one, or
    without a series, the row says what is missing instead of comparing; a bound ("up to")
    bounds the multiple."""
    name = names.get(focus, focus)
    dates = owned.Dates(article)
    claims = owned.claims_of(article, focus, focus)
    durations: dict[int, float] = {}  # each clause's first duration in years owned by `focus`
    for c in claims:
        if c.type == "duration" and c.unit == "years":
            durations.setdefault(dates.index.at(c.start), float(c.value))
    mine = {id(c) for c in claims}
    rows = []
    for k, claim in enumerate(c for c in article.claims if c.type == "amount"):
        if id(claim) not in mine:
            continue
        years = durations.get(dates.index.at(claim.start))
        year, _ = dates.clause_year(claim)
        budget = budget_row(claim, year, focus) if years is None and year is not None else None
        if budget is not None:
            budget["scope_id"] = f"budget_s{claim.sentence}_{k}"
            rows.append(budget)
            continue
        rows.append(
            {
                "scope_id": f"amount_s{claim.sentence}_{k}",
                "scope": f"An amount the article states (sentence {claim.sentence})",
                "end": f"“{claim.text}”" + (f" over {years:g} years" if years else ""),
                "sources": "the article",
            }
            | _against_spending(claim, focus, name, years)
        )
    return verdict_frame(rows)


def _against_spending(claim: Claim, owner: str, name: str, years: float | None) -> dict:
    """An amount against the owner's latest annual spending in local currency (SIPRI), or why
    it is not compared."""
    value, scale = _scaled(float(claim.value))
    unknown = {
        "unit": f"{scale} {claim.unit or '(currency unknown)'}",
        "end_value": round(value, 2),
    }
    if owner in owned.ORGANISATION_CODES:
        return unknown | {
            "base": f"{name}: no spending series for an organisation in data/",
            "verdict": "not compared: no spending series for an organisation",
            "note": f"data/ holds SIPRI's series for countries, not for {name}'s budget",
        }
    if claim.unit is None:
        return unknown | {
            "base": "the amount's currency is unknown",
            "like_for_like": False,
            "verdict": "not compared: currency unknown",
            "note": claim.note or "the amount names no currency the parser knows",
        }
    latest = latest_spending(owner)
    if latest is None:
        return unknown | {
            "base": f"{name}: no local-currency series in data/",
            "verdict": "not compared: no local-currency series",
            "note": f"data/ holds no SIPRI local-currency series for {name}; its calendar-year "
            f"rows in {SIPRI_LOCAL_FILE.name} would add one",
        }
    base_value, scale = _scaled(latest.value)
    factor = latest.value / base_value
    row = {
        "base": f"{latest.year} military spending (SIPRI, current prices)",
        "base_value": round(base_value, 2),
        "unit": f"{scale} {latest.currency}",
        "sources": f"the article; {latest.edition}",
    }
    if claim.unit != latest.currency:
        return row | {
            "end_value": None,
            "like_for_like": False,
            "verdict": "not compared: another currency",
            "note": f"the amount is in {claim.unit}, SIPRI's series for {name} in "
            f"{latest.currency}; data/ holds no exchange rates",
        }
    multiple = float(claim.value) / latest.value
    word = BOUND_WORDS[claim.bound]
    return row | {
        "end_value": round(float(claim.value) / factor, 2),
        "like_for_like": True,
        "multiple": multiple,
        "verdict": f"{word}{multiple:.2f} times {latest.year} spending",
        "note": (
            f"over {years:g} years: {word}{100 * multiple / years:.0f}% of {latest.year} "
            "spending a year"
            if years
            else "a total, against one year's spending"
        ),
    }


# Budget measures that are not spending (contracts, later-year obligations): never compared.
_NOT_SPENDING = ("contract", "obligation")


def budget_row(claim: Claim, year: int, owner: str) -> dict | None:
    """An amount the owner's national budget file can check: the measure of fiscal year `year`
    nearest to the amount, in the file's unit and the owner's currency; None when data/ holds no
    budget file for the owner, no figure for that year, or the amount is in another currency."""
    budget = national_budget(owner)
    if budget is None or claim.unit != country_currency(owner):
        return None
    scale = SCALES.get(budget.unit.split()[0])
    table = budget.budget()
    rows = table[
        (table["fiscal_year"] == year)
        & ~table["measure"].str.contains("|".join(_NOT_SPENDING))
        & (table["status"] == "enacted")
    ]
    if scale is None or rows.empty:
        return None
    value = float(claim.value) / scale
    best = rows.loc[(rows[budget.value_column] - value).abs().idxmin()]
    figure = float(best[budget.value_column])
    multiple = value / figure
    word = BOUND_WORDS[claim.bound]
    others = ", ".join(
        f"{r.measure} {getattr(r, budget.value_column):g}"
        for r in rows.itertuples()
        if r.measure != best["measure"]
    )
    return {
        "scope": f"An amount the article states (sentence {claim.sentence}), against the national budget",
        "base": f"FY{year} initial budget, {best['measure']}",
        "base_value": round(figure, 2),
        "end": f"“{claim.text}” (FY{year})",
        "end_value": round(value, 2),
        "unit": budget.unit,
        "like_for_like": True,
        "multiple": multiple,
        "verdict": f"{word}{multiple:.2f} times the FY{year} budget",
        "sources": f"the article; {best['source_id']}",
        "note": "the nearest of the year's enacted budget measures"
        + (f"; the others: {others} {budget.unit}" if others else ""),
    }


# Scope-by-scope verdicts built from a country's national budget files, by registry `scopes`.
NATIONAL_SCOPES: dict[str, Callable[[ClaimTerms], pd.DataFrame]] = {
    "japan_nss_2022": lambda terms: verdict_table(terms)
}


def scope_rows(terms: ClaimTerms, owner: str, names: dict[str, str]) -> pd.DataFrame:
    """The claim's terms judged scope by scope: the owner's national scopes where data/ registers
    them (Japan), else SIPRI's series; `attrs["gdp_basis"]` says what the shares are of."""
    budget = national_budget(owner)
    if budget is not None and budget.scopes in NATIONAL_SCOPES:
        table = NATIONAL_SCOPES[budget.scopes](terms)
        basis = table.attrs.get("gdp_basis", "")
    else:
        table = sipri_verdict(terms, owner)
        basis = (
            f"{names.get(owner, owner)}: SIPRI's share of GDP in each edition holding it; "
            "multiples at a fixed GDP"
        )
    table.attrs["gdp_basis"] = basis
    return table


def focus_verdict(
    article: Article, terms: ClaimTerms, focus: str, names: dict[str, str]
) -> pd.DataFrame:
    """The verdict for one country: its scopes (`scope_rows`), then the amounts it states,
    against its own spending (`amount_rows`)."""
    table = scope_rows(terms, focus, names)
    basis = table.attrs["gdp_basis"]
    amounts = amount_rows(article, focus, names)
    if not amounts.empty:
        table = pd.concat([table, amounts], ignore_index=True)
    table.attrs["gdp_basis"] = basis
    return table


def spending_claims(article: Article) -> pd.DataFrame:
    """Numeric claims (not dates or anchors) in sentences that talk about spending."""
    frame = claims_frame(article)
    numeric_types = ["share_of_gdp", "multiplier", "duration", "amount", "percent", "fiscal_year"]
    keep = [
        kind in numeric_types and about_spending(sentence)
        for kind, sentence in zip(frame["type"], frame["sentence_text"], strict=True)
    ]
    columns = ["sentence", "type", "text", "value", "unit", "bound", "owner", "owner_cue"]
    columns += ["sentence_text"]
    return frame.loc[pd.Series(keep, index=frame.index, dtype=bool), columns].reset_index(drop=True)
