"""The data dictionary: every file a report writes, and every column of it (name, type, unit,
meaning), in one schema; and the labels a reader sees for coded values (SIPRI editions, budget
measures) instead of their ids.

The report renders it (`data_dictionary.html`), the notebooks' HTML tables take their headers,
units and number formats from it (`report.tables`), the findings page picks its key tables and
their columns from it, and a test runs the notebooks and fails on any column it lacks. A column
with the same name means the same thing in every file (`_SHARED`), unless a file says otherwise.
A file or column named after the focus country or its currency is listed once, with a
placeholder (`<country>_share_by_edition.csv`, `spending_trillion_<currency>`). Tables notebook 02
shows from data/ (national budgets and plans) are described in `SHOWN`, not in `FILES`: the
report does not write them.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path

from alliance_lib.analysis.reference_data import EDITIONS
from alliance_lib.report.finding import FINDING_FILE

TYPES = ("integer", "number", "string", "boolean", "date", "list", "object")
COUNTRY = (
    "<country>"  # in a file name: the focus country's name, lower case ("japan", "united_kingdom")
)
CURRENCY = (
    "<currency>"  # in a column name: the focus country's currency ("yen", "eur", "local_currency")
)
# Vocabularies of coded values a table shows by their labels (`value_label`).
EDITION = "edition"  # SIPRI edition ids, also inside a text ("SIPRI military expenditure, <id>")
MEASURE = "measure"  # national budget measures
STATUS = "status"  # enacted, or a press-reported proposal
ITEM = "item"  # snake_case ids of plan figures, read as words


@dataclass(frozen=True)
class Column:
    """One column of a CSV file, or one top-level key of a JSON file."""

    name: str
    type: str
    unit: str
    meaning: str
    label: str = ""  # the header a reader sees; default: the name with spaces
    decimals: int | None = None  # digits shown after the point in HTML tables
    values: str = ""  # the vocabulary whose ids the tables show as labels (EDITION, MEASURE...)
    nowrap: bool = False  # short values kept on one line in HTML tables ("tn yen")

    @property
    def header(self) -> str:
        """The readable header: label, then the unit in brackets when there is one."""
        label = self.label or self.name.replace("_", " ")
        return f"{label} ({self.unit})" if self.unit and self.unit != label else label


def _placeholder_value(template: str, name: str) -> str | None:
    """What stands for the placeholder of `template` in `name` (None when it does not match)."""
    for mark in (COUNTRY, CURRENCY):
        if mark in template:
            prefix, suffix = template.split(mark)
            middle = name[len(prefix) : len(name) - len(suffix)]
            if name.startswith(prefix) and name.endswith(suffix) and middle and "/" not in middle:
                return middle
    return None


def country_stem(name: str) -> str:
    """A country's name as it stands for `<country>` in file names ("japan", "united_kingdom")."""
    return name.lower().replace(" ", "_")


def currency_unit(word: str) -> str:
    """A currency as a unit reads it: yen, EUR, or "local currency" when there is no series."""
    return {"yen": "yen", "local_currency": "local currency"}.get(word, word.upper())


@dataclass(frozen=True)
class FileSchema:
    """A file a notebook writes: what it holds, and its columns (or keys) in order."""

    name: str
    notebook: str
    meaning: str
    columns: tuple[Column, ...]
    key_title: str = ""  # set for the key tables the findings page shows
    summary: tuple[str, ...] = ()  # the columns the findings page shows

    def column(self, name: str) -> Column | None:
        """The column called `name` (a column named with `<currency>` matches any currency,
        its unit then naming that currency), or None."""
        found = next((c for c in self.columns if c.name == name), None)
        if found is not None:
            return found
        for col in self.columns:
            word = _placeholder_value(col.name, name) if CURRENCY in col.name else None
            if word is not None:
                unit = col.unit.replace(CURRENCY, currency_unit(word))
                return dataclasses.replace(col, name=name, unit=unit)
        return None

    def matches(self, name: str) -> bool:
        """Whether a written file called `name` is this file (`<country>` matches any country)."""
        return name == self.name or (
            COUNTRY in self.name and _placeholder_value(self.name, name) is not None
        )


def _c(
    name: str,
    type_: str,
    unit: str,
    meaning: str,
    label: str = "",
    decimals: int | None = None,
    *,
    values: str = "",
    nowrap: bool = False,
) -> Column:
    return Column(name, type_, unit, meaning, label, decimals, values, nowrap)


# --- labels of coded values ------------------------------------------------------------------
_RELEASE = re.compile(r"(\d{4}) release \(data to (\d{4})\)")
# Japan's budget measures (data/japan_mod_defense_budget.csv), in the order tables show them.
MEASURE_LABELS = {
    "excl_saco_realignment_etc": "defence budget excl. SACO/US realignment",
    "incl_saco_realignment_etc": "defence budget incl. SACO/US realignment",
    "dbp_covered_expenditure": "DBP-covered expenditure (from FY2023)",
    "excl_saco_realignment_etc_plus_fy2021_supplementary": "excl. SACO/realignment + FY2021 supplementary",
    "incl_saco_realignment_etc_plus_fy2021_supplementary": "incl. SACO/realignment + FY2021 supplementary",
    "dbp_covered_new_contracts_later_year_obligations": "DBP-covered new contracts (not spending)",
    "dbp_covered_contract_basis": "DBP-covered, contract basis (not spending)",
    "reported_defense_budget_coverage_unstated": "as reported, coverage not stated",
}
STATUS_LABELS = {
    "enacted": "enacted",
    "press_reported_proposal": "proposal reported by the press (not enacted)",
}
_ACRONYMS = {
    "dbp": "DBP",
    "nss": "NSS",
    "mtdp": "MTDP",
    "saco": "SACO",
    "jcg": "JCG",
    "pko": "PKO",
    "gdp": "GDP",
    "mod": "MOD",
    "us": "US",
    "2pct": "2%",
    "etc": "etc.",
}


def edition_label(edition: str, *, short: bool = False) -> str:
    """A data edition as a reader names it: "SIPRI 2024 release (data to 2023)" ("SIPRI 2024
    release" when `short`), from its description in `reference_data.EDITIONS`."""
    described = EDITIONS.get(edition, "")
    found = _RELEASE.search(described)
    if not found:
        return described or edition
    via = ", via Our World in Data" if described.startswith("Our World in Data") else ""
    name = f"SIPRI {found[1]} release{via}"
    return name if short else f"{name} (data to {found[2]})"


def readable_id(code: str) -> str:
    """A snake_case id read as words, acronyms and fiscal years in capitals
    ("nss_gdp_basis_fy2022_estimated_outturn" -> "NSS GDP basis FY2022 estimated outturn")."""
    words = [
        _ACRONYMS.get(w) or (w.upper() if re.fullmatch(r"[fc]y\d{4}", w) else w)
        for w in code.split("_")
        if w
    ]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def value_label(vocabulary: str, value: str) -> str:
    """A coded value as a reader sees it; edition ids are replaced inside a longer text too."""
    if vocabulary == EDITION:
        for edition in EDITIONS:
            value = value.replace(edition, edition_label(edition))
        return value
    if vocabulary == MEASURE:
        return MEASURE_LABELS.get(value) or readable_id(value)
    if vocabulary == STATUS:
        return STATUS_LABELS.get(value) or readable_id(value)
    if vocabulary == ITEM:
        return readable_id(value)
    return value


_SHARED = {
    c.name: c
    for c in (
        _c(
            "start",
            "integer",
            "characters",
            "where the span starts in the article text (0-based offset: article.text[start:end] is the span)",
        ),
        _c(
            "end",
            "integer",
            "characters",
            "where the span ends in the article text (exclusive offset)",
        ),
        _c(
            "source_start",
            "integer",
            "characters",
            "where the span starts in the decoded input file (for an HTML page, in its extracted text)",
        ),
        _c(
            "source_end",
            "integer",
            "characters",
            "where the span ends in the decoded input file (exclusive)",
        ),
        _c("text", "string", "", "the span's text, as in the article"),
        _c(
            "sentence",
            "integer",
            "",
            "index of the sentence in the article (0 = the first sentence)",
        ),
        _c("sentence_text", "string", "", "the whole sentence, for reading the row in context"),
        _c("paragraph", "integer", "", "index of the paragraph in the article (0 = the first)"),
        _c("clause", "string", "", "the clause of the sentence the row comes from"),
        _c(
            "voice",
            "string",
            "",
            'who voices the sentence or span: a quoted speaker, the subject of reported speech ("the leaders"), or "narrator"',
        ),
        _c("evidence", "string", "", "the words in the text that matched the codebook pattern"),
        _c("year", "integer", "", "the calendar year of the value"),
        _c("note", "string", "", "how the row was derived, or a caveat to read with it"),
        _c(
            "bound",
            "string",
            "",
            'a share, percent or amount\'s bound: at_most ("up to", "below", "nearly"), at_least ("more than", "above", "at least"), about ("around", "roughly"); empty when the number is stated as it is',
        ),
        _c(
            "owner",
            "string",
            "",
            "whose money, share or target a spending claim is: an ISO 3166-1 alpha-3 code, or NATO or EU; empty when the claim's clause names several owners or none, and for claims that are not spending claims (read by alliance_lib.text.owners)",
        ),
        _c(
            "owner_cue",
            "string",
            "",
            "the words of the claim's clause that gave its owner (a possessive, the subject, an alliance word), or why there is none",
        ),
    )
}


def _cols(*items: str | Column) -> tuple[Column, ...]:
    """Columns from shared names or full definitions, in file order."""
    return tuple(_SHARED[i] if isinstance(i, str) else i for i in items)


_FINDING = FileSchema(
    FINDING_FILE,
    "every notebook",
    "the notebook's one-line computed finding, for the findings page (written by report.finding.record_finding)",
    _cols(
        _c("finding", "string", "", "the notebook's Result, one line, computed from its tables"),
        _c("section", "string", "", "the heading of the notebook section the finding comes from"),
        _c("data", "list", "", "the data files the notebook read (paths from the project root)"),
    ),
)

_A = "01_article_overview"
_S = "02_defence_spending"
_P = "03_policy_shifts"
_T = "04_threat_framing"
_C = "05_coverage_comparison"

# Notebook 05's files: one row per outlet and something counted in its compared articles.
_OUTLET = _c(
    "outlet",
    "string",
    "",
    "the outlet: as the corpus manifest names it, else the registered domain of the article's URL, else the name of its folder",
)
_CODE = _c(
    "code",
    "string",
    "",
    "the code's id, family:code (threat:CHN, entman:remedy, mfc:Economic), as in sentence_codes.csv of notebook 04",
)
_CODE_LABEL = _c(
    "code_label",
    "string",
    "",
    "the code in words: Threat actor (a state framed as a threat), Framing function (Entman) or Frame dimension (Media Frames Corpus), then its name",
    label="code",
)


def _quoted_file(name: str, key: Column, what: str) -> FileSchema:
    """quoted_people.csv or quoted_countries.csv: quotations per outlet by `key`."""
    return FileSchema(
        name,
        _C,
        f"quotations in each outlet's compared articles, by {what}",
        _cols(
            _OUTLET,
            key,
            _c(
                "quotes",
                "integer",
                "",
                f"the outlet's quotations by this {what}",
                label="quotations",
            ),
            _c(
                "outlet_quotes",
                "integer",
                "",
                "all quotations in the outlet's compared articles",
                label="all quotations",
            ),
            _c(
                "share_pct",
                "number",
                "%",
                "quotes / outlet_quotes",
                label="share of the outlet's quotations",
                decimals=1,
            ),
        ),
    )


FILES: dict[str, FileSchema] = {
    f.name: f
    for f in (
        # --- 01 article overview ------------------------------------------------------------
        FileSchema(
            "article.json",
            _A,
            'the parsed article, as "alliance parse --json" prints it (docs/parsing.md, "JSON schema")',
            _cols(
                _c("source", "string", "", "the article's file name"),
                _c("headline", "string", "", "the headline, once (null when none was found)"),
                _c(
                    "section",
                    "string",
                    "",
                    "the section named by the breadcrumb, when there is one",
                ),
                _c(
                    "truncated",
                    "boolean",
                    "",
                    'true when the text ends in a "Continue reading..." stub: an excerpt',
                ),
                _c(
                    "reference_date",
                    "date",
                    "",
                    "the date used to infer years the article leaves out (YYYY-MM-DD), or null",
                ),
                _c(
                    "decode_note",
                    "string",
                    "",
                    "how the file's bytes were decoded when they were not clean UTF-8 (stray bytes read as cp1252, a legacy encoding); null otherwise",
                ),
                _c(
                    "text",
                    "string",
                    "",
                    "the normalised body; paragraphs separated by one blank line",
                ),
                _c(
                    "paragraphs",
                    "list",
                    "",
                    "paragraphs: start, end, text, kind (body or subheading), source offsets",
                ),
                _c(
                    "sentences",
                    "list",
                    "",
                    "sentences: start, end, text, paragraph, source offsets",
                ),
                _c("quotes", "list", "", "quotations: as in quotes.csv"),
                _c("entities", "list", "", "entity mentions: as in entities.csv"),
                _c("claims", "list", "", "numeric and temporal claims: as in claims.csv"),
                _c("removed", "list", "", "boilerplate lines removed: as in removed.csv"),
            ),
        ),
        FileSchema(
            "quotes.csv",
            _A,
            "each quotation, with its speaker and how the speaker was found",
            _cols(
                "start",
                "end",
                _c("text", "string", "", "the quoted words, inside the quotation marks"),
                _c("speaker", "string", "", "the speaker's entity id (empty when unattributed)"),
                _c("speaker_name", "string", "", "the speaker's name", label="speaker"),
                _c(
                    "attribution",
                    "string",
                    "",
                    "said_clause (a said-clause names the speaker), inherited (a quote-only paragraph continuing the previous speaker) or unattributed",
                ),
                _c("cue", "string", "", 'the said-clause that names the speaker ("Biden said")'),
                _c(
                    "partial",
                    "boolean",
                    "",
                    "true when the quotation opens mid-sentence in reported speech",
                ),
                "sentence",
                "paragraph",
                "source_start",
                "source_end",
                "sentence_text",
            ),
        ),
        FileSchema(
            "entities.csv",
            _A,
            "each mention of a gazetteer entity (or of a speaker the gazetteer lacks)",
            _cols(
                "start",
                "end",
                "text",
                _c("type", "string", "", "country, person, organization or place"),
                _c(
                    "id",
                    "string",
                    "",
                    "the entity id: ISO 3166-1 alpha-3 for a country, a slug for others",
                ),
                _c("name", "string", "", "the entity's name"),
                "sentence",
                "source_start",
                "source_end",
                "sentence_text",
            ),
        ),
        FileSchema(
            "entity_counts.csv",
            _A,
            "each entity, with how often and in which forms the article names it",
            _cols(
                _c("type", "string", "", "country, person, organization or place"),
                _c("id", "string", "", "the entity id"),
                _c("name", "string", "", "the entity's name"),
                _c("mentions", "integer", "mentions", "how many times the article names it"),
                _c("forms", "string", "", "the forms used, comma-separated"),
            ),
        ),
        FileSchema(
            "claims.csv",
            _A,
            "each numeric or temporal claim, typed and normalised",
            _cols(
                "start",
                "end",
                "text",
                _c(
                    "type",
                    "string",
                    "",
                    "share_of_gdp, percent, multiplier, duration, amount, fiscal_year, date or historical_anchor",
                ),
                _c(
                    "value",
                    "string",
                    "",
                    "the normalised value: a number, or a date (YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD) or phrase",
                ),
                _c(
                    "unit",
                    "string",
                    "",
                    "the value's unit (times, years, percent of GDP, an ISO 4217 currency...)",
                ),
                _c("precision", "string", "", "for dates: year, month, day, month_day or relative"),
                "note",
                "sentence",
                "bound",
                "owner",
                "owner_cue",
                "source_start",
                "source_end",
                "sentence_text",
            ),
        ),
        FileSchema(
            "removed.csv",
            _A,
            "each boilerplate line removed, with the rule that removed it",
            _cols(
                _c(
                    "start",
                    "integer",
                    "characters",
                    "where the line starts in the decoded input file",
                ),
                _c(
                    "end",
                    "integer",
                    "characters",
                    "where the line ends in the decoded input file (exclusive)",
                ),
                _c("text", "string", "", "the line removed"),
                _c(
                    "rule",
                    "string",
                    "",
                    "the rule: breadcrumb, headline, share_counter, artifact, continue_reading...",
                ),
            ),
        ),
        FileSchema(
            "sentences.csv",
            _A,
            "each sentence of the article",
            _cols(
                "start",
                "end",
                _c("text", "string", "", "the sentence"),
                "paragraph",
                "source_start",
                "source_end",
                _c("paragraph_kind", "string", "", "body or subheading"),
            ),
        ),
        # --- 02 defence spending -------------------------------------------------------------
        FileSchema(
            "focus.json",
            _S,
            "the country whose spending the notebook examines, why, and the peers shown beside it",
            _cols(
                _c("focus_country", "string", "", "the focus country, ISO 3166-1 alpha-3"),
                _c("name", "string", "", "the focus country's name"),
                _c(
                    "why",
                    "string",
                    "",
                    "how it was chosen: the focus rule and the evidence (a claim's clause, a count of mentions), or the focus_country parameter",
                ),
                _c("peers", "list", "", "the peers, ISO 3166-1 alpha-3, in the order shown"),
                _c(
                    "peers_rule",
                    "string",
                    "",
                    "how the peers were chosen: the rule in data/peers.yaml, or the peers parameter",
                ),
            ),
        ),
        FileSchema(
            "spending_claims.csv",
            _S,
            "the numeric claims in sentences about spending",
            _cols(
                "sentence",
                _c(
                    "type",
                    "string",
                    "",
                    "the claim type (multiplier, duration, share_of_gdp, amount...)",
                ),
                "text",
                _c("value", "number", "", "the normalised value, in the unit column"),
                _c(
                    "unit",
                    "string",
                    "",
                    "the value's unit; for an amount its currency's ISO 4217 code, empty when the currency is unknown",
                    nowrap=True,
                ),
                "bound",
                "owner",
                "owner_cue",
                "sentence_text",
            ),
        ),
        FileSchema(
            "verdict.csv",
            _S,
            "the spending verdict, one row per scope, base and end measured in that scope, for each owner of spending claims (the focus country first), each judged only on its own claims",
            _cols(
                _c(
                    "owner",
                    "string",
                    "",
                    "whose claims the row judges: an ISO 3166-1 alpha-3 code, or NATO or EU (the focus country's rows first)",
                ),
                _c(
                    "scope_id",
                    "string",
                    "",
                    "the scope's id, unique within an owner: a national scope, sipri_<edition>, reported_... (a share the article reports for a year), amount_... or budget_... (an amount), collective_... (an organisation's floor)",
                ),
                _c(
                    "scope",
                    "string",
                    "",
                    "what is counted: the budget measure, SIPRI's definition (per edition), or an amount the article states",
                    values=EDITION,
                ),
                _c("base", "string", "", "the base of the comparison (year and measure)"),
                _c("base_value", "number", "", "the base, in the unit column", decimals=2),
                _c("end", "string", "", "the end of the comparison (year and measure)"),
                _c("end_value", "number", "", "the end, in the unit column", decimals=2),
                _c(
                    "unit",
                    "string",
                    "",
                    "unit of base_value and end_value (tn: trillion, bn: billion; a currency by its ISO 4217 code, yen for Japan's budgets)",
                    nowrap=True,
                ),
                _c(
                    "like_for_like",
                    "boolean",
                    "",
                    "true when base and end are measured in the same scope; empty when there is no base or nothing is compared",
                ),
                _c("multiple", "number", "times", "end_value / base_value", decimals=2),
                _c(
                    "verdict",
                    "string",
                    "",
                    'national scopes: the multiple against the article\'s claimed multiple ("about" within 5%, else "falls short of" or "more than"); SIPRI rows: what is compared ("2% of GDP = x1.81 on SIPRI\'s 2022 share"); a reported share against SIPRI\'s figure for its year; an amount as a multiple of annual spending or of a budget; a collective floor: how many member countries the article names meet it; bounds kept ("at least")',
                ),
                _c(
                    "base_share_of_gdp_pct",
                    "number",
                    "% of GDP",
                    "the base as a share of GDP: of the FY2022 GDP the NSS uses for Japan's budget scopes, SIPRI's share for its rows",
                    label="base share",
                    decimals=1,
                ),
                _c(
                    "end_share_of_gdp_pct",
                    "number",
                    "% of GDP",
                    "the end as a share of GDP, on the same basis as the base share",
                    label="end share",
                    decimals=1,
                ),
                _c("sources", "string", "", "source ids in data/SOURCES.md"),
                "note",
            ),
            key_title="Spending verdict, scope by scope",
            summary=(
                "scope",
                "base",
                "base_value",
                "end",
                "end_value",
                "unit",
                "like_for_like",
                "multiple",
                "verdict",
            ),
        ),
        FileSchema(
            "peers_share_of_gdp.csv",
            _S,
            "military expenditure as a share of GDP, the focus country and its peers, in the chosen SIPRI edition",
            _cols(
                _c("iso3", "string", "", "ISO 3166-1 alpha-3 country code"),
                _c("country", "string", "", "the country's name, as SIPRI gives it"),
                "year",
                _c(
                    "value",
                    "number",
                    "% of GDP",
                    "military expenditure as a share of GDP",
                    label="share",
                    decimals=2,
                ),
                _c(
                    "sipri_flag", "string", "", "SIPRI's flag: estimate, highly_uncertain, or empty"
                ),
            ),
        ),
        FileSchema(
            f"{COUNTRY}_share_by_edition.csv",
            _S,
            "the focus country's military expenditure as a share of GDP in each data edition holding it, and their spread (japan_share_by_edition.csv for Japan, germany_share_by_edition.csv for Germany)",
            _cols(
                "year",
                *(
                    _c(
                        edition,
                        "number",
                        "% of GDP",
                        EDITIONS[edition],
                        label=edition_label(edition, short=True),
                        decimals=3,
                    )
                    for edition in EDITIONS
                ),
                _c(
                    "spread_pct_points",
                    "number",
                    "percentage points",
                    "largest minus smallest edition value (empty where fewer than two editions give one)",
                    label="spread",
                    decimals=3,
                ),
            ),
        ),
        FileSchema(
            "scenario_path.csv",
            _S,
            "the what-if scenario year by year (set by the notebook's parameters; not the verdict)",
            _cols(
                "year",
                _c(
                    "share_pct",
                    "number",
                    "% of GDP",
                    "military expenditure as a share of GDP on the path",
                    label="share",
                    decimals=2,
                ),
                _c(
                    "gdp_index",
                    "number",
                    "base year = 100",
                    "nominal GDP",
                    label="GDP index",
                    decimals=1,
                ),
                _c(
                    "spending_index",
                    "number",
                    "base year = 100",
                    "military expenditure",
                    label="spending index",
                    decimals=1,
                ),
                _c(
                    f"spending_trillion_{CURRENCY}",
                    "number",
                    f"tn {CURRENCY}",
                    "military expenditure on SIPRI's definition, in trillions of the focus country's currency (spending_trillion_yen for Japan, _eur, _gbp...; spending_trillion_local_currency, empty, when the edition has no series for it)",
                    label="spending",
                    decimals=None,  # four significant digits: 6.157 tn yen, 0.05336 tn EUR
                ),
                _c(
                    "spending_growth_pct",
                    "number",
                    "% a year",
                    "growth of spending on the previous year",
                    label="spending growth",
                    decimals=1,
                ),
            ),
        ),
        FileSchema(
            "scenario_summary.json",
            _S,
            "the what-if scenario's parameters and results",
            _cols(
                _c(
                    "sipri_edition",
                    "string",
                    "",
                    "the SIPRI edition used",
                    label="SIPRI edition",
                    values=EDITION,
                ),
                _c("base_year", "integer", "", "the scenario's first calendar year"),
                _c(
                    "base_share_pct",
                    "number",
                    "% of GDP",
                    "the focus country's SIPRI share in the base year",
                    label="base share",
                    decimals=2,
                ),
                _c(
                    "target_year",
                    "integer",
                    "",
                    "the calendar year the target share is reached",
                ),
                _c(
                    "target_share_pct",
                    "number",
                    "% of GDP",
                    "the share reached in the target year",
                    label="target share",
                    decimals=2,
                ),
                _c(
                    "nominal_gdp_growth_pct",
                    "number",
                    "% a year",
                    "nominal GDP growth assumed",
                    label="nominal GDP growth",
                    decimals=1,
                ),
                _c(
                    "spending_multiple",
                    "number",
                    "times",
                    "spending in the target year / the base year",
                    decimals=2,
                ),
                _c(
                    "implied_annual_spending_growth_pct",
                    "number",
                    "% a year",
                    "the constant growth that gives the same multiple",
                    label="implied spending growth",
                    decimals=1,
                ),
                _c(
                    f"implied_gdp_base_year_trillion_{CURRENCY}",
                    "number",
                    f"tn {CURRENCY}",
                    "the base year's GDP that SIPRI's local-currency series and share imply (implied_gdp_base_year_trillion_yen for Japan; empty when the edition has no series)",
                    label="implied GDP in the base year",
                    decimals=None,
                ),
                _c("citation", "string", "", "the source line of the SIPRI figures used"),
            ),
        ),
        # --- 03 policy shifts ----------------------------------------------------------------
        FileSchema(
            "policy_shifts.csv",
            _P,
            "one row per distinct policy shift, with every sentence that mentions it",
            _cols(
                _c("shift", "string", "", "the shift's domain id in the policy codebook"),
                _c(
                    "domain_label",
                    "string",
                    "",
                    "the shift's domain, as the codebook labels it",
                    label="policy shift",
                ),
                _c(
                    "actors",
                    "string",
                    "",
                    "the entities named in the shift's clauses, semicolon-separated",
                ),
                _c(
                    "actions",
                    "string",
                    "",
                    "the actions (codebook verbs) in those clauses, semicolon-separated",
                ),
                _c(
                    "time_horizon",
                    "string",
                    "",
                    "durations, fiscal years and dates in those clauses",
                ),
                _c(
                    "precedent_broken",
                    "string",
                    "",
                    "the precedents the article says the shift breaks, each from the shift's own clause",
                ),
                _c(
                    "precedent_clause",
                    "string",
                    "",
                    "the clause each precedent comes from, with its sentence",
                ),
                _c(
                    "precedent_kept",
                    "string",
                    "",
                    "precedents named beside the shift that the text says still hold",
                ),
                _c(
                    "sentences",
                    "list",
                    "",
                    "the sentences that mention the shift, first mention first",
                ),
                _c("mentions", "integer", "clauses", "how many clauses mention the shift"),
                _c("first_sentence_text", "string", "", "the sentence of the first mention"),
            ),
            key_title="Distinct policy shifts",
            summary=(
                "domain_label",
                "actors",
                "actions",
                "time_horizon",
                "precedent_broken",
                "sentences",
            ),
        ),
        FileSchema(
            "policy_mentions.csv",
            _P,
            "each clause mentioning a policy shift, with the action and domain words it holds",
            _cols(
                "sentence",
                _c("domain", "string", "", "the domain id in the policy codebook"),
                _c("actions", "string", "", "the actions in the clause, semicolon-separated"),
                _c("actors", "string", "", "the entities in the clause, semicolon-separated"),
                _c("time_horizon", "string", "", "durations, fiscal years and dates in the clause"),
                "evidence",
                "clause",
                _c("start", "integer", "characters", "where the clause starts in the article text"),
                _c(
                    "end",
                    "integer",
                    "characters",
                    "where the clause ends in the article text (exclusive)",
                ),
            ),
        ),
        FileSchema(
            "timeline.csv",
            _P,
            "the events the article dates, resolved to a period, or listed unresolved",
            _cols(
                _c(
                    "date",
                    "date",
                    "",
                    "the date at its precision (YYYY, YYYY-MM, YYYY-MM-DD); empty when unresolved",
                ),
                _c("precision", "string", "", "year, month, week, day or relative"),
                _c("period_start", "date", "", "first day of the period the date names"),
                _c("period_end", "date", "", "last day of the period the date names"),
                _c("resolved", "boolean", "", "true when the date could be placed on the calendar"),
                _c("as_written", "string", "", "the date as the article writes it"),
                _c(
                    "label", "string", "", "the date and the event, as the timeline chart labels it"
                ),
                "note",
                "start",
                "end",
                "sentence",
            ),
        ),
        # --- 04 threat framing ---------------------------------------------------------------
        FileSchema(
            "threat_mentions.csv",
            _T,
            "each mention of a state framed as a threat (a threat cue about it in its clause)",
            _cols(
                "sentence",
                _c("actor", "string", "", "the state, ISO 3166-1 alpha-3"),
                _c("actor_name", "string", "", "the state's name", label="state"),
                "text",
                "start",
                "end",
                _c("cue", "string", "", "the threat cue that frames the state as a threat"),
                "voice",
                _c(
                    "voice_kind",
                    "string",
                    "",
                    "quotation (a quoted speaker), reported (reported speech or paraphrase) or narrator",
                ),
                _c(
                    "descriptors",
                    "string",
                    "",
                    "threat descriptors attached to this state in its clause, semicolon-separated",
                ),
                "clause",
                "sentence_text",
            ),
        ),
        FileSchema(
            "threat_voices.csv",
            _T,
            "who voices the threats: one row per voice, with the states it frames as threats",
            _cols(
                "voice",
                _c(
                    "voice_kind",
                    "string",
                    "",
                    "quotation, reported or narrator",
                    label="how voiced",
                ),
                _c(
                    "sentences",
                    "integer",
                    "sentences",
                    "sentences in which the voice frames a state as a threat",
                ),
                _c("mentions", "integer", "mentions", "threat mentions voiced"),
                _c(
                    "states",
                    "string",
                    "",
                    "the states framed as threats, in order of first mention",
                ),
            ),
            key_title="Who voices the threats",
            summary=("voice", "voice_kind", "sentences", "mentions", "states"),
        ),
        FileSchema(
            "descriptors.csv",
            _T,
            "each threat descriptor, and the threat actor it attaches to",
            _cols(
                _c("descriptor", "string", "", "the descriptor's name in the framing codebook"),
                "text",
                "start",
                "end",
                "sentence",
                _c(
                    "actor",
                    "string",
                    "",
                    "the threat actor it attaches to (nearest in its clause; empty: none)",
                ),
                "voice",
                "clause",
            ),
        ),
        FileSchema(
            "sentence_codes.csv",
            _T,
            "each (sentence, code) the coder assigns: Entman functions, MFC dimensions, threat actors",
            _cols(
                "sentence",
                "voice",
                _c(
                    "code",
                    "string",
                    "",
                    "family:code, e.g. entman:remedy, mfc:Economic, threat:CHN",
                ),
                "evidence",
                "start",
                "end",
            ),
        ),
        FileSchema(
            "frames_by_voice.csv",
            _T,
            "per code family and code, the sentences of each voice carrying it, and their share",
            _cols(
                _c("family", "string", "", "threat, entman or mfc"),
                _c("code", "string", "", "the code within its family"),
                "voice",
                _c("sentences", "integer", "sentences", "sentences of the voice carrying the code"),
                _c("voice_sentences", "integer", "sentences", "all sentences of the voice"),
                _c("share_pct", "number", "%", "sentences / voice_sentences", decimals=1),
            ),
        ),
        FileSchema(
            "agreement.csv",
            _T,
            "the coder against hand annotations, in and out of sample, per code and pooled",
            _cols(
                _c(
                    "sample",
                    "string",
                    "",
                    "in_sample (the seed) or out_of_sample (articles the codebook was not tuned on)",
                ),
                _c("code", "string", "", "family:code, or (pooled) over every decision"),
                _c("articles", "integer", "articles", "annotated articles in the sample"),
                _c("sentences", "integer", "sentences", "sentences in the sample"),
                _c("human", "integer", "sentences", "sentences the annotator gave the code"),
                _c("coder", "integer", "sentences", "sentences the coder gave the code"),
                _c("both", "integer", "sentences", "sentences both gave the code"),
                _c("precision", "number", "", "both / coder", decimals=2),
                _c("recall", "number", "", "both / human", decimals=2),
                _c("kappa", "number", "", "Cohen's kappa", decimals=2),
                _c(
                    "kappa_low",
                    "number",
                    "",
                    "lower bound of the bootstrap 95% interval of kappa",
                    decimals=2,
                ),
                _c(
                    "kappa_high",
                    "number",
                    "",
                    "upper bound of the bootstrap 95% interval of kappa",
                    decimals=2,
                ),
            ),
        ),
        # --- 05 coverage comparison -----------------------------------------------------------
        FileSchema(
            "selection.csv",
            _C,
            "articles per outlet: in the corpus, left by each filter of the selection, and compared",
            _cols(
                _OUTLET,
                _c(
                    "articles",
                    "integer",
                    "",
                    "distinct articles of the outlet in the corpus (identical bytes count once)",
                    label="in the corpus",
                ),
                _c(
                    "in_dates",
                    "integer",
                    "",
                    "of those, published between date_from and date_to (all of them when neither is set)",
                    label="in the dates",
                ),
                _c(
                    "with_keywords",
                    "integer",
                    "",
                    "of those, with a keyword in the headline or a sentence (all of them when no keyword is set)",
                    label="with a keyword",
                ),
                _c(
                    "compared",
                    "integer",
                    "",
                    "articles compared: those with a keyword when the outlet has at least min_articles_per_outlet of them, else 0",
                ),
                _c(
                    "excerpts",
                    "integer",
                    "",
                    'compared articles that end in a "Continue reading..." stub (excerpts: fewer claims, quotations and codes to count)',
                ),
            ),
            key_title="Articles compared, per outlet",
            summary=("outlet", "articles", "in_dates", "with_keywords", "compared", "excerpts"),
        ),
        FileSchema(
            "articles_over_time.csv",
            _C,
            "compared articles per outlet per day, week or month (whichever suits the span)",
            _cols(
                _c(
                    "period",
                    "date",
                    "",
                    "the first day of the period (a day, a week from Monday, or a calendar month)",
                ),
                _c("period_unit", "string", "", "day, week or month", label="period length"),
                _OUTLET,
                _c(
                    "articles", "integer", "articles", "articles the outlet published in the period"
                ),
            ),
        ),
        _quoted_file(
            "quoted_people.csv",
            _c(
                "person",
                "string",
                "",
                "the speaker as the article names them (the gazetteer's name when it lists the person); (unattributed) when the parser found no speaker",
            ),
            "person",
        ),
        _quoted_file(
            "quoted_countries.csv",
            _c(
                "country",
                "string",
                "",
                "the speaker's country in the gazetteer; (not in the gazetteer) for a speaker it does not list, (unattributed) when the parser found no speaker",
            ),
            "speaker's country",
        ),
        FileSchema(
            "key_claims.csv",
            _C,
            "each distinct numeric or temporal claim of the reference article, and per outlet the compared articles carrying a claim of the same type and value",
            _cols(
                _c(
                    "claim",
                    "string",
                    "",
                    "the claim as the reference article first words it, with its type in words",
                ),
                _c(
                    "type",
                    "string",
                    "",
                    "the claim type id (share_of_gdp, multiplier, duration, amount, date, historical_anchor...), as in claims.csv of notebook 01",
                    label="claim type",
                ),
                _c(
                    "value",
                    "string",
                    "",
                    "the normalised value matched (a number to six significant digits, or a date or phrase)",
                ),
                _c("unit", "string", "", "the value's unit", nowrap=True),
                _OUTLET,
                _c(
                    "articles_carrying",
                    "integer",
                    "",
                    "the outlet's compared articles holding a claim of the same type, value and unit",
                    label="articles carrying it",
                ),
                _c(
                    "outlet_articles",
                    "integer",
                    "",
                    "the outlet's compared articles",
                    label="articles compared",
                ),
                _c(
                    "share_pct",
                    "number",
                    "%",
                    "articles_carrying / outlet_articles",
                    label="share of the outlet's articles",
                    decimals=1,
                ),
            ),
        ),
        FileSchema(
            "code_shares.csv",
            _C,
            "per code and outlet, the outlet's sentences carrying the code (threat actors, Entman functions, MFC dimensions)",
            _cols(
                _CODE,
                _CODE_LABEL,
                _OUTLET,
                _c(
                    "sentences_coded",
                    "integer",
                    "",
                    "the outlet's sentences carrying the code",
                    label="sentences with the code",
                ),
                _c(
                    "outlet_sentences",
                    "integer",
                    "",
                    "all sentences of the outlet's compared articles",
                    label="all sentences",
                ),
                _c(
                    "share_pct",
                    "number",
                    "%",
                    "sentences_coded / outlet_sentences",
                    label="share of the outlet's sentences",
                    decimals=1,
                ),
            ),
        ),
        FileSchema(
            "outlet_differences.csv",
            _C,
            "per code, whether the outlets' shares of sentences carrying it differ beyond chance (permutation test over whole articles, Holm's correction over all codes)",
            _cols(
                _CODE,
                _CODE_LABEL,
                _c(
                    "chi2",
                    "number",
                    "",
                    "Pearson's chi-square of the outlets x (coded, not coded) sentence table",
                    label="chi-square",
                    decimals=2,
                ),
                _c(
                    "p_value",
                    "number",
                    "",
                    "share of outlet-label permutations (over whole articles) giving a chi-square at least as large, (1 + count) / (1 + permutations)",
                    label="p",
                    decimals=4,
                ),
                _c(
                    "p_adjusted",
                    "number",
                    "",
                    "p_value adjusted by Holm's step-down method over all codes tested",
                    label="p (Holm)",
                    decimals=4,
                ),
                _c(
                    "cramers_v",
                    "number",
                    "",
                    "effect size, Cramer's V = sqrt(chi-square / sentences): 0 when the outlets do not differ, 1 when they are entirely apart",
                    label="Cramér's V",
                    decimals=2,
                ),
                _c(
                    "flagged",
                    "boolean",
                    "",
                    "true when p_adjusted is below the family-wise error rate (CORPUS_ALPHA in config.py, 0.05)",
                    label="beyond chance",
                ),
                _c(
                    "highest",
                    "string",
                    "",
                    "the outlet furthest above the overall share (largest standardised residual)",
                    label="most in",
                ),
                _c(
                    "lowest",
                    "string",
                    "",
                    "the outlet furthest below the overall share",
                    label="least in",
                ),
                _c(
                    "overall_share_pct",
                    "number",
                    "%",
                    "the share of all compared sentences carrying the code",
                    label="share of all sentences",
                    decimals=1,
                ),
            ),
        ),
        _FINDING,
    )
}

# Tables notebook 02 shows from data/ (not written into the report): a national budget file and
# plan file as data/national_budgets.yaml registers them (Japan's columns; another country's
# value column falls back to its name read as words).
NATIONAL_BUDGET = "national budget file"
NATIONAL_PLAN = "national plan file"
_SOURCE_ID = _c("source_id", "string", "", "the source's id in data/SOURCES.md", label="source")
SHOWN: dict[str, FileSchema] = {
    f.name: f
    for f in (
        FileSchema(
            NATIONAL_BUDGET,
            _S,
            "a national budget series: one row per fiscal year and measure",
            _cols(
                _c("fiscal_year", "integer", "", "the fiscal year (Japan: April-March)"),
                _c("measure", "string", "", "what the figure counts", values=MEASURE),
                _c("value_oku_yen", "number", "100 million yen", "the figure as published"),
                _c(
                    "value_trillion_yen",
                    "number",
                    "tn yen",
                    "the figure in trillion yen",
                    label="budget",
                    decimals=2,
                ),
                _SOURCE_ID,
                "note",
                _c(
                    "status",
                    "string",
                    "",
                    "enacted, or a budget proposal reported by the press",
                    values=STATUS,
                ),
            ),
        ),
        FileSchema(
            NATIONAL_PLAN,
            _S,
            "a national plan's and target's headline figures",
            _cols(
                _c("item", "string", "", "the figure", label="figure", values=ITEM),
                _c("value", "number", "", "the figure, in the unit column"),
                _c("unit", "string", "", "the value's unit, with the source's own wording"),
                _c("period", "string", "", "the fiscal years the figure covers"),
                _SOURCE_ID,
                "note",
            ),
        ),
    )
}


def schema(name: str) -> FileSchema | None:
    """The schema of a written file, by its name (japan_share_by_edition.csv is
    <country>_share_by_edition.csv), or None when the dictionary lacks it."""
    found = FILES.get(name)
    return found or next((f for f in FILES.values() if f.matches(name)), None)


def column(file: str | None, name: str) -> Column:
    """A column's definition in `file` (a written file, or a table of `SHOWN`), else the shared
    one, else a bare one named `name`."""
    found = schema(file) if file is not None else None
    found = found or SHOWN.get(file or "")
    return (
        (found.column(name) if found else None)
        or _SHARED.get(name)
        or Column(name, "string", "", "")
    )


def written_columns(path: Path) -> list[str]:
    """The columns of a written CSV (its header) or the top-level keys of a written JSON object."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return list(data) if isinstance(data, dict) else []
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle), [])


def undocumented(path: Path) -> list[str]:
    """What the dictionary lacks for a written file: the file itself, or each column it lacks."""
    found = schema(path.name)
    if found is None:
        return [f"{path.parent.name}/{path.name}: the file is not in the data dictionary"]
    return [
        f"{path.parent.name}/{path.name}: column {name!r} is not in the data dictionary"
        for name in written_columns(path)
        if found.column(name) is None
    ]


def for_notebook(stem: str) -> list[FileSchema]:
    """The files a notebook writes, as the dictionary lists them (finding.json last)."""
    return [f for f in FILES.values() if f.notebook == stem] + [_FINDING]
