"""Coverage of one event across outlets, from a corpus written by `alliance corpus` (notebook 05).

Reads the Parquet tables with pandas, selects the event's coverage (keywords, dates, outlets
with enough articles), and compares outlets: articles over time, who is quoted (every
attribution, direct, mixed or indirect, by person id across the corpus and by the speaker's
country where it is known: `analysis.people`), which of a reference article's key claims each
carries (matched by claim type and value), and the share of sentences and of articles carrying
each threat actor (the threat coder's `threats` table) or framing code,
with a permutation test for differences between outlets larger than chance: threat actors only,
those carried by enough articles, each wire copy group counted once (`analysis.copies`); the
framing codes are keyword indicators, shown and never tested. Shares are percentages
(`share_pct`); codes and claim types carry a label in words beside their id (`code_label`, `claim`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from alliance_lib.analysis.copies import find_copies
from alliance_lib.analysis.framing import code_label
from alliance_lib.analysis.people import ORGANISATION, PERSON, STATE, UNNAMED, speaker_rows
from alliance_lib.analysis.threats import THREAT
from alliance_lib.config import (
    CORPUS_FORMAT_VERSION,
    CORPUS_MARKER,
    CORPUS_REFERENCE_WINDOW_DAYS,
    CORPUS_TESTED_FAMILIES,
    EFFECT_SIZES,
)
from alliance_lib.errors import ParameterError
from alliance_lib.text.gazetteer import names_by_id
from alliance_lib.text.model import Article
from alliance_lib.text.owners import ORGANISATIONS

# An organisation owning a claim (NATO, EU) -> its gazetteer id, as entities carry it.
_OWNER_ENTITIES = {code: entity for entity, (code, _) in ORGANISATIONS.items()}

# A code's family as a reader names it (the code ids are family:code, as in notebook 04).
CODE_FAMILIES = {
    "threat": "Threat actor",
    "entman": "Framing function",
    "mfc": "Frame dimension",
}
THREAT_ACTOR = "threat actor"  # a code's kind in the differences table
KEYWORD_INDICATOR = "keyword indicator"
# Claim types in words where replacing the underscores is not enough.
_CLAIM_TYPES = {"share_of_gdp": "share of GDP"}
_READ = {
    "articles": [
        "article_id",
        "input_path",
        "outlet",
        "published",
        "headline",
        "sentences",
        "truncated",
    ],
    "attributions": [
        "article_id",
        "attribution",
        "kind",
        "speaker",
        "speaker_name",
        "speaker_kind",
        "speaker_text",
    ],
    "entities": ["article_id", "id", "type"],
    "claims": ["article_id", "start", "type", "value", "number", "unit", "owner"],
    "sentence_codes": ["article_id", "sentence", "code"],
    "threats": ["article_id", "sentence", "state", "label"],
    "errors": ["input_path", "outlet", "error"],
}


_ARTICLE_ID = re.compile(r"[0-9a-fA-F]{16}")  # as `alliance corpus` writes them (SHA-256, 16 hex)


def is_article_id(value: object) -> bool:
    """Whether `value` has the form of a corpus `article_id` (16 hex digits, spaces around)."""
    return isinstance(value, str) and _ARTICLE_ID.fullmatch(value.strip()) is not None


def format_version(folder: Path) -> int | None:
    """The format version a corpus folder's marker records (None when it records none or is
    not readable: then it is no corpus this package wrote)."""
    try:
        marker = json.loads((folder / CORPUS_MARKER).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    version = marker.get("version") if isinstance(marker, dict) else None
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def check_format(folder: Path, name: str) -> None:
    """Refuse, in one line naming parameter `name`, a corpus folder of another format version
    than `CORPUS_FORMAT_VERSION` (the columns and types this package reads and writes)."""
    version = format_version(folder)
    if version == CORPUS_FORMAT_VERSION:
        return
    current = CORPUS_FORMAT_VERSION
    if version is None:
        problem = f"its {CORPUS_MARKER} does not say which format it is in"
    elif version < current:
        problem = (
            f"it is a corpus of format version {version}, written by an earlier alliance; this "
            f"one reads and writes version {current} (columns renamed, dates typed: see "
            "docs/corpus.md), so run alliance corpus on its inputs again into a new --output"
        )
    else:
        problem = (
            f"it is a corpus of format version {version}, written by a newer alliance; this "
            f"one reads and writes version {current}: update alliance to read it"
        )
    raise ParameterError(name, f"{folder}: {problem}")


def _table(folder: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    return pd.read_parquet(folder / name, columns=columns or _READ[name])


@dataclass
class Corpus:
    """The tables notebook 05 needs, one row per distinct article (identical bytes count once);
    `attributions` carry their speaker's class, corpus person id and country
    (`people.speaker_rows`)."""

    folder: Path
    articles: pd.DataFrame
    attributions: pd.DataFrame
    claims: pd.DataFrame
    codes: pd.DataFrame
    errors: pd.DataFrame
    mentions: pd.DataFrame  # (article_id, entity id) for every entity an article names

    def restrict(self, articles: pd.DataFrame) -> Corpus:
        """The same corpus limited to `articles` (a subset of its articles)."""
        keep = set(articles["article_id"])

        def pick(frame: pd.DataFrame) -> pd.DataFrame:
            return frame[frame["article_id"].isin(keep)].reset_index(drop=True)

        return Corpus(
            self.folder,
            articles,
            pick(self.attributions),
            pick(self.claims),
            pick(self.codes),
            self.errors,
            pick(self.mentions),
        )


def read_corpus(folder: Path, name: str = "corpus_path") -> Corpus:
    """Read a corpus folder (one of another format is refused: `check_format`, naming parameter
    `name`); an article id seen twice (the same bytes twice) keeps its first input. Speakers are
    read across the whole corpus (one id per person over its articles)."""
    check_format(folder, name)
    articles = _table(folder, "articles").sort_values(["input_path"], kind="stable")
    articles = articles.drop_duplicates("article_id").reset_index(drop=True)
    articles["outlet"] = articles["outlet"].fillna("(unknown outlet)")
    articles["truncated"] = articles["truncated"].fillna(False).astype(bool)
    tables = {name: _table(folder, name).drop_duplicates() for name in ("claims", "sentence_codes")}
    codes = pd.concat(
        [threat_actor_codes(folder), keyword_codes(tables["sentence_codes"])], ignore_index=True
    )
    attributions = _table(folder, "attributions").drop_duplicates(["article_id", "attribution"])
    attributions = attributions.reset_index(drop=True)
    entities = _table(folder, "entities")
    speakers = speaker_rows(attributions, entities)
    mentions = entities[["article_id", "id"]].drop_duplicates().reset_index(drop=True)
    errors = _table(folder, "errors")
    return Corpus(folder, articles, speakers, tables["claims"], codes, errors, mentions)


def threat_actor_codes(folder: Path) -> pd.DataFrame:
    """The sentences the threat coder frames a state in as a threat (the corpus's `threats`
    table, label `threat`; a rejected frame is not a threat), as (article_id, sentence, code
    `threat:ISO3`), one row per sentence and state."""
    threats = _table(folder, "threats")
    threats = threats[threats["label"] == THREAT]
    codes = pd.DataFrame(
        {
            "article_id": threats["article_id"],
            "sentence": threats["sentence"],
            "code": "threat:" + threats["state"],
        }
    )
    return codes.drop_duplicates().reset_index(drop=True)


def keyword_codes(sentence_codes: pd.DataFrame) -> pd.DataFrame:
    """The framing codebook's keyword codes (Entman functions `entman:`, MFC dimensions `mfc:`):
    dictionary matches, shown as indicators and never tested."""
    return sentence_codes[~sentence_codes["code"].str.startswith("threat:")].reset_index(drop=True)


def keyword_pattern(keywords: str) -> re.Pattern[str] | None:
    """One case-insensitive whole-word pattern for comma-separated keywords; None for none."""
    words = [k.strip() for k in keywords.split(",") if k.strip()]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)


def matching_articles(corpus: Corpus, pattern: re.Pattern[str]) -> set[str]:
    """Ids of the articles whose headline or any sentence matches `pattern` (the sentences are
    read from the corpus folder here: only a keyword search needs them)."""
    sentences = _table(corpus.folder, "sentences", ["article_id", "text"])
    headlines = corpus.articles[["article_id", "headline"]].dropna()
    found = set(sentences.loc[sentences["text"].str.contains(pattern), "article_id"])
    return found | set(headlines.loc[headlines["headline"].str.contains(pattern), "article_id"])


@dataclass
class Selection:
    """The articles compared, and per outlet how many each filter kept."""

    corpus: Corpus
    funnel: pd.DataFrame  # outlet, articles, in_dates, with_keywords, compared, excerpts
    dropped_outlets: list[str]


def select(
    corpus: Corpus,
    keywords: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    min_articles: int = 1,
) -> Selection:
    """The event's coverage: articles in the dates (undated ones only when no date is set) and
    matching a keyword, from outlets with at least `min_articles` such articles; the funnel
    also counts the compared articles that are excerpts (a "Continue reading..." stub)."""
    articles = corpus.articles
    steps = {"articles": pd.Series(True, index=articles.index)}
    in_dates = pd.Series(True, index=articles.index)
    if date_from or date_to:
        published = articles["published"]
        in_dates = published.notna()
        if date_from:
            in_dates &= published.map(lambda d: pd.notna(d) and d >= date_from)
        if date_to:
            in_dates &= published.map(lambda d: pd.notna(d) and d <= date_to)
    steps["in_dates"] = in_dates
    pattern = keyword_pattern(keywords)
    matching = (
        articles["article_id"].isin(matching_articles(corpus, pattern))
        if pattern
        else pd.Series(True, index=articles.index)
    )
    steps["with_keywords"] = in_dates & matching
    counts = pd.DataFrame({name: mask.astype(int) for name, mask in steps.items()})
    counts["outlet"] = articles["outlet"]
    funnel = counts.groupby("outlet", sort=True).sum().reset_index()
    enough = funnel["with_keywords"] >= min_articles
    funnel["compared"] = funnel["with_keywords"].where(enough, 0)
    kept = set(funnel.loc[enough & (funnel["with_keywords"] > 0), "outlet"])
    chosen = articles[steps["with_keywords"] & articles["outlet"].isin(kept)]
    excerpts = chosen.groupby("outlet")["truncated"].sum()
    funnel["excerpts"] = funnel["outlet"].map(excerpts).fillna(0).astype(int)
    dropped = sorted(set(funnel.loc[~enough & (funnel["with_keywords"] > 0), "outlet"]))
    return Selection(corpus.restrict(chosen.reset_index(drop=True)), funnel, dropped)


def outlets(corpus: Corpus) -> list[str]:
    return sorted(corpus.articles["outlet"].unique())


# --- articles over time --------------------------------------------------------------------------
def articles_over_time(articles: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Articles per outlet per day, week or month (whichever suits the span), and the unit used
    (also in each row's `period_unit`)."""
    dated = articles.dropna(subset=["published"])
    if dated.empty:
        return pd.DataFrame(columns=["period", "period_unit", "outlet", "articles"]), "day"
    days = pd.to_datetime(dated["published"])
    span = (days.max() - days.min()).days
    unit, freq = (
        ("day", "D") if span <= 45 else ("week", "W-MON") if span <= 400 else ("month", "M")
    )
    periods = days.dt.to_period(freq).dt.start_time.dt.date
    table = (
        pd.DataFrame({"period": periods.values, "outlet": dated["outlet"].values})
        .groupby(["period", "outlet"], sort=True)
        .size()
        .rename("articles")
        .reset_index()
    )
    table.insert(1, "period_unit", unit)
    return table, unit


def over_time_grid(table: pd.DataFrame) -> pd.DataFrame:
    """`articles_over_time`'s table as periods by outlet columns of article counts (0 where an
    outlet has none in a period), for the chart and the notebook's table."""
    return table.pivot(index="period", columns="outlet", values="articles").fillna(0).astype(int)


# --- who is quoted ---------------------------------------------------------------------------------
SPEAKER_SUMMARY_COLUMNS = [
    "outlet",
    "attributions",
    "to_people",
    "to_organisations",
    "to_states",
    "unnamed",
    "with_country",
    "country_pct",
]


def speaker_summary(corpus: Corpus) -> pd.DataFrame:
    """Per outlet: its attributions (direct, mixed, indirect), how many name a person, an
    organisation or group, a state, or no one (`unnamed`: a description, an unresolved pronoun,
    no source), and how many have a speaker whose country is known (with its share, %)."""
    frame = corpus.attributions.merge(corpus.articles[["article_id", "outlet"]], on="article_id")
    rows = []
    for outlet in outlets(corpus):
        own = frame[frame["outlet"] == outlet]
        classes = own["speaker_class"].value_counts()
        known = int(own["country"].notna().sum())
        rows.append(
            {
                "outlet": outlet,
                "attributions": len(own),
                "to_people": int(classes.get(PERSON, 0)),
                "to_organisations": int(classes.get(ORGANISATION, 0)),
                "to_states": int(classes.get(STATE, 0)),
                "unnamed": int(classes.get(UNNAMED, 0)),
                "with_country": known,
                "country_pct": 100 * known / len(own) if len(own) else 0.0,
            }
        )
    return pd.DataFrame(rows, columns=SPEAKER_SUMMARY_COLUMNS)


def country_coverage(summary: pd.DataFrame) -> float:
    """The share (%) of all the compared attributions whose speaker's country is known."""
    total = int(summary["attributions"].sum())
    return 100 * int(summary["with_country"].sum()) / total if total else 0.0


def _shares(frame: pd.DataFrame, key: str, total: str) -> pd.DataFrame:
    counts = (
        frame.assign(_direct=frame["kind"] == "direct")
        .groupby(["outlet", f"{key}_id", key], sort=True)
        .agg(attributions=("attribution", "size"), direct=("_direct", "sum"))
        .reset_index()
    )
    counts[total] = counts.groupby("outlet")["attributions"].transform("sum")
    counts["share_pct"] = 100 * counts["attributions"] / counts[total]
    return counts.sort_values(
        ["outlet", "attributions", key], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


def quoted(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Attributions per outlet by person (corpus person id, shown by the fullest name), as
    shares of the outlet's attributions to people; and by the speaker's country, as shares of
    the outlet's attributions whose speaker's country is known. Attributions to no one, to an
    organisation or a state are not people's (`speaker_summary` counts them); a state speaking
    counts for its country."""
    frame = corpus.attributions.merge(corpus.articles[["article_id", "outlet"]], on="article_id")
    by_person = _shares(frame[frame["speaker_class"] == PERSON], "person", "outlet_people")
    countries = names_by_id("country")
    known = frame[frame["country"].notna()].assign(
        country_id=lambda f: f["country"],
        country=lambda f: f["country"].map(lambda code: countries.get(code, code)),
    )
    by_country = _shares(known, "country", "outlet_with_country")
    return by_person, by_country


def quote_totals(shares: pd.DataFrame, key: str) -> pd.Series:
    """Attributions overall per value of `key` (person or country), most first (ties by name)."""
    totals = shares.groupby(key)["attributions"].sum()
    return totals.reindex(sorted(totals.index, key=lambda name: (-totals[name], name)))


def leaders(shares: pd.DataFrame, key: str, top: int) -> list[str]:
    """The `top` values of `key` with the most quotations overall, most first (ties by name)."""
    return quote_totals(shares, key).index[:top].tolist()


def top_table(shares: pd.DataFrame, key: str, top: int) -> pd.DataFrame:
    """The `top` rows overall (most attributions) by outlet: 'n (share%)' cells, for a table."""
    ordered = leaders(shares, key, top)
    cells = shares[shares[key].isin(ordered)].assign(
        cell=lambda f: (
            f["attributions"].astype(str)
            + " ("
            + f["share_pct"].round().astype(int).astype(str)
            + "%)"
        )
    )
    table = cells.pivot(index=key, columns="outlet", values="cell").reindex(ordered).fillna("0")
    return table.rename_axis(index=key, columns=None)


def top_grid(shares: pd.DataFrame, key: str, top: int) -> pd.DataFrame:
    """The `top` rows overall (most attributions first) by outlet, as shares of the outlet's
    attributions to people (or with a known country) (%), for a chart."""
    ordered = leaders(shares, key, top)
    return wide(shares[shares[key].isin(ordered)], key).reindex(ordered)


# --- the reference article's key claims ------------------------------------------------------------
def _claim_key(kind: str, value: object, number: object, unit: object) -> tuple[str, str, str]:
    if isinstance(number, int | float) and not pd.isna(number):
        shown = f"{float(number):.6g}"
    else:
        shown = str(value)
    return kind, shown, unit if isinstance(unit, str) else ""


def claim_type_label(kind: str) -> str:
    """A claim type in words ("share_of_gdp" -> "share of GDP")."""
    return _CLAIM_TYPES.get(kind) or kind.replace("_", " ")


# Dates, weekdays and relative times ("this week", "Jan. 13") and fiscal years are when, not what:
# never key claims.
NOT_KEY_TYPES = ("date", "fiscal_year")
KEY_CLAIM_COLUMNS = ["claim", "type", "value", "unit", "owner"]


def owner_label(owner: str) -> str:
    """A claim's owner in words: a country's name (the gazetteer's), else the code (NATO, EU)."""
    return names_by_id("country").get(owner, owner)


def key_claims(article: Article) -> pd.DataFrame:
    """The reference article's distinct claims about spending with an owner (issue 20's
    `Claim.owner`: whose spending, share or target it is), dates and fiscal years aside; keyed by
    (type, value, unit, owner), each labelled by its first wording, its type and its owner in
    words ("2 percent of GDP (share of GDP; Japan)"). Claims with no owner (not about spending,
    or about several owners) cannot be traced by meaning and are left out."""
    rows, seen = [], set()
    for claim in article.claims:
        if claim.type in NOT_KEY_TYPES or not claim.owner:
            continue
        number = claim.value if isinstance(claim.value, int | float) else None
        key = (*_claim_key(claim.type, claim.value, number, claim.unit), claim.owner)
        if key not in seen:
            seen.add(key)
            label = f"{claim_type_label(claim.type)}; {owner_label(claim.owner)}"
            rows.append(
                dict(zip(KEY_CLAIM_COLUMNS, (f"{claim.text} ({label})", *key), strict=True))
            )
    return pd.DataFrame(rows, columns=KEY_CLAIM_COLUMNS)


def claim_coverage(corpus: Corpus, key: pd.DataFrame) -> pd.DataFrame:
    """For each key claim and outlet: articles carrying a claim of the same type, value and
    unit about the same owner (so in a sentence about spending: only spending claims have an
    owner), and their share of the outlet's compared articles (%)."""
    claims = corpus.claims
    keys = [
        (*_claim_key(k, v, n, u), o)
        for k, v, n, u, o in zip(
            claims["type"],
            claims["value"],
            claims["number"],
            claims["unit"],
            claims["owner"],
            strict=True,
        )
    ]
    carried = pd.DataFrame(keys, columns=["type", "value", "unit", "owner"]).assign(
        article_id=claims["article_id"].values
    )
    carried = carried.dropna(subset=["owner"]).drop_duplicates()
    carried = carried.merge(corpus.articles[["article_id", "outlet"]], on="article_id")
    hits = carried.merge(key, on=["type", "value", "unit", "owner"])
    totals = corpus.articles.groupby("outlet").size()
    grid = pd.MultiIndex.from_product(
        [key["claim"], sorted(totals.index)], names=["claim", "outlet"]
    )
    counts = (
        hits.groupby(["claim", "outlet"])
        .size()
        .reindex(grid, fill_value=0)
        .rename("articles_carrying")
    )
    table = counts.reset_index().merge(key, on="claim", how="left")
    table["outlet_articles"] = table["outlet"].map(totals).astype(int)
    table["share_pct"] = 100 * table["articles_carrying"] / table["outlet_articles"]
    order = {claim: i for i, claim in enumerate(key["claim"])}
    table = table.sort_values(
        ["claim", "outlet"], key=lambda s: s.map(order) if s.name == "claim" else s, kind="stable"
    ).reset_index(drop=True)
    columns = ["claim", "type", "value", "unit", "owner", "outlet", "articles_carrying"]
    return table[[*columns, "outlet_articles", "share_pct"]]


def reference_day(article: Article) -> date | None:
    """The reference article's date: its reference date, else the latest day it dates a claim
    to (the seed: 13 January 2023); None when it gives none."""
    if article.reference_date:
        return date.fromisoformat(article.reference_date)
    days = [
        date.fromisoformat(str(c.value))
        for c in article.claims
        if c.type == "date"
        and c.precision == "day"
        and re.fullmatch(r"\d{4}-\d\d-\d\d", str(c.value))
    ]
    return max(days, default=None)


@dataclass(frozen=True)
class ClaimsScope:
    """Whether ranking the reference article's claims across the corpus means anything: how
    many compared articles are published near its date, and how many name the owners of its
    claims (`claims_scope`)."""

    day: date | None  # the reference article's date
    window: int  # days either side of it (`CORPUS_REFERENCE_WINDOW_DAYS`)
    compared: int
    dated: int  # compared articles with a publication date
    near: int  # of those, published within `window` days of `day`
    owners: tuple[str, ...]  # the key claims' owners, in words
    naming: int  # compared articles naming one of the owners

    def reason(self) -> str | None:
        """Why the claims are not ranked (far from the date, off the topic), or None."""
        parts = []
        if self.day is not None and self.dated and self.near < self.dated / 2:
            parts.append(
                f"{self.near} of the {self.dated} dated compared articles are published within "
                f"{self.window} days of its date ({self.day.day} {self.day:%B %Y})"
            )
        if self.owners and self.naming < self.compared / 2:
            owners = " or ".join(self.owners)
            parts.append(
                f"{self.naming} of the {self.compared} name {owners}, whose spending its claims "
                "are about"
            )
        return "; ".join(parts) or None


def claims_scope(
    corpus: Corpus, key: pd.DataFrame, article: Article, window: int = CORPUS_REFERENCE_WINDOW_DAYS
) -> ClaimsScope:
    """How far the compared articles are from the reference article's date and topic (the
    owners of its key claims, as entities: a country's id, or NATO's and the EU's)."""
    day = reference_day(article)
    published = corpus.articles["published"].dropna()
    near = sum(abs((d - day).days) <= window for d in published) if day else 0
    owners = list(dict.fromkeys(key["owner"]))
    ids = {_OWNER_ENTITIES.get(owner, owner) for owner in owners}
    naming = corpus.mentions.loc[corpus.mentions["id"].isin(ids), "article_id"].nunique()
    return ClaimsScope(
        day,
        window,
        len(corpus.articles),
        len(published),
        int(near),
        tuple(owner_label(owner) for owner in owners),
        int(naming),
    )


def wide(table: pd.DataFrame, index: str, value: str = "share_pct") -> pd.DataFrame:
    """A long outlet table as rows of `index` by outlet columns (row order kept)."""
    order = list(dict.fromkeys(table[index]))
    return (
        table.pivot(index=index, columns="outlet", values=value)
        .reindex(order)
        .rename_axis(columns=None)
    )


# --- threats and frames: shares of sentences and articles, and a test between outlets -----------
def _count_matrix(corpus: Corpus) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, list[str]]:
    """(articles in outlet order, sentences per article, article x code counts, codes)."""
    articles = corpus.articles.sort_values(["outlet", "article_id"], kind="stable").reset_index(
        drop=True
    )
    codes = sorted(corpus.codes["code"].unique())
    counts = (
        corpus.codes.groupby(["article_id", "code"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=articles["article_id"], columns=codes, fill_value=0)
    )
    return articles, articles["sentences"].to_numpy(float), counts.to_numpy(float), codes


def code_labels(codes: list[str]) -> dict[str, str]:
    """Each family:code id in words: "Threat actor: China", "Framing function: Remedy",
    "Frame dimension: Economic" (country names from the gazetteer)."""
    countries = names_by_id("country")
    labels = {}
    for code in codes:
        family, _, name = code.partition(":")
        name = code_label(family, name, countries)
        labels[code] = f"{CODE_FAMILIES[family]}: {name}" if family in CODE_FAMILIES else code
    return labels


def code_kind(code: str) -> str:
    """A threat actor (tested between outlets) or a keyword indicator (shown, never tested)."""
    return THREAT_ACTOR if code.partition(":")[0] in CORPUS_TESTED_FAMILIES else KEYWORD_INDICATOR


def effect_size(cramers_v: float) -> str:
    """Cramer's V in words (negligible, small, medium, large), by `config.EFFECT_SIZES`."""
    return next(label for bound, label in EFFECT_SIZES if cramers_v < bound)


def code_shares(corpus: Corpus) -> pd.DataFrame:
    """Per code and outlet: the sentences carrying the code among the outlet's sentences, and the
    articles carrying it among the outlet's articles, each with its share (%)."""
    articles, sentences, counts, codes = _count_matrix(corpus)
    labels = code_labels(codes)
    rows = []
    for outlet, index in articles.groupby("outlet", sort=True).groups.items():
        total = sentences[index].sum()
        for j, code in enumerate(codes):
            coded = counts[index, j].sum()
            carrying = int((counts[index, j] > 0).sum())
            rows.append(
                {
                    "code": code,
                    "code_label": labels[code],
                    "kind": code_kind(code),
                    "outlet": outlet,
                    "sentences_coded": int(coded),
                    "outlet_sentences": int(total),
                    "share_pct": 100 * coded / total if total else 0.0,
                    "articles_coded": carrying,
                    "outlet_articles": len(index),
                    "article_share_pct": 100 * carrying / len(index),
                }
            )
    columns = [
        "code",
        "code_label",
        "kind",
        "outlet",
        "sentences_coded",
        "outlet_sentences",
        "share_pct",
        "articles_coded",
        "outlet_articles",
        "article_share_pct",
    ]
    return pd.DataFrame(rows, columns=columns)


def _chi_square(
    labels: np.ndarray, groups: int, sentences: np.ndarray, counts: np.ndarray, p: np.ndarray
):
    """Pearson's chi-square of each code's coded/uncoded sentences by outlet, and the residuals."""
    onehot = np.zeros((labels.size, groups))
    onehot[np.arange(labels.size), labels] = 1.0
    coded = onehot.T @ counts  # outlets x codes
    totals = onehot.T @ sentences  # outlets
    expected = totals[:, None] * p[None, :]
    variance = expected * (1.0 - p[None, :])
    residuals = np.divide(
        coded - expected, np.sqrt(variance), out=np.zeros_like(coded), where=variance > 0
    )
    return (residuals**2).sum(axis=0), residuals


def holm(p_values: np.ndarray) -> np.ndarray:
    """Holm's step-down adjustment: family-wise error control over all codes tested."""
    order = np.argsort(p_values, kind="stable")
    adjusted = np.empty_like(p_values)
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (p_values.size - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


DIFFERENCE_COLUMNS = [
    "code",
    "code_label",
    "kind",
    "articles",
    "tested",
    "not_tested",
    "chi2",
    "p_value",
    "p_adjusted",
    "cramers_v",
    "effect",
    "flagged",
    "highest",
    "lowest",
    "overall_share_pct",
    "overall_article_share_pct",
]


def outlet_differences(
    corpus: Corpus, permutations: int, seed: int, alpha: float, min_articles: int = 1
) -> pd.DataFrame:
    """Per code, whether outlets differ in the share of sentences carrying it more than chance.

    Tested: threat actors (`config.CORPUS_TESTED_FAMILIES`) carried by at least `min_articles`
    articles; the framing codes are keyword indicators and a rarer code has too little support,
    so those rows say why they are not tested (`not_tested`) and carry no statistic. Give it
    one article per story (`one_per_story`): copies of one story are not independent.

    Statistic: Pearson's chi-square of the outlets x (coded, not coded) sentence table. Its null
    distribution comes from permuting outlet labels across whole articles (sentences of one
    article are not independent, so the asymptotic chi-square p-value would be too small).
    p = (1 + permutations at least as extreme) / (1 + permutations), adjusted by Holm over the
    codes tested; effect size Cramer's V = sqrt(chi2 / sentences), in words by `effect_size`.
    `flagged` when adjusted p < alpha; `highest`/`lowest` name the outlets with the largest
    positive and negative residuals. Tested codes first, most significant first, then the
    largest effect; then the others, most carried first.
    """
    articles, sentences, counts, codes = _count_matrix(corpus)
    names = sorted(articles["outlet"].unique())
    if len(names) < 2 or not codes:
        return pd.DataFrame(columns=DIFFERENCE_COLUMNS)
    labels = articles["outlet"].map({name: i for i, name in enumerate(names)}).to_numpy()
    total = sentences.sum()
    p = counts.sum(axis=0) / total
    carried = (counts > 0).sum(axis=0)
    kinds = [code_kind(code) for code in codes]
    reasons = [
        "keyword indicator (dictionary matches, not validated against human coding)"
        if kind == KEYWORD_INDICATOR
        else f"carried by {carried[j]} articles, fewer than {min_articles}"
        if carried[j] < min_articles
        else ""
        for j, kind in enumerate(kinds)
    ]
    tested = np.array([reason == "" for reason in reasons])
    observed, residuals = _chi_square(labels, len(names), sentences, counts, p)
    p_values = np.full(len(codes), np.nan)
    adjusted = np.full(len(codes), np.nan)
    if tested.any():
        columns = counts[:, tested]
        rng = np.random.default_rng(seed)
        extreme = np.zeros(columns.shape[1])
        for _ in range(permutations):
            statistic, _ = _chi_square(
                rng.permutation(labels), len(names), sentences, columns, p[tested]
            )
            extreme += statistic >= observed[tested] * (1 - 1e-12)
        p_values[tested] = (1.0 + extreme) / (1.0 + permutations)
        adjusted[tested] = holm(p_values[tested])
    cramers_v = np.where(tested, np.sqrt(observed / total), np.nan)
    table = pd.DataFrame(
        {
            "code": codes,
            "code_label": list(code_labels(codes).values()),
            "kind": kinds,
            "articles": carried.astype(int),
            "tested": tested,
            "not_tested": reasons,
            "chi2": np.where(tested, observed, np.nan),
            "p_value": p_values,
            "p_adjusted": adjusted,
            "cramers_v": cramers_v,
            "effect": [effect_size(v) if t else "" for v, t in zip(cramers_v, tested, strict=True)],
            "flagged": tested & (np.nan_to_num(adjusted, nan=1.0) < alpha),
            "highest": [names[i] for i in residuals.argmax(axis=0)],
            "lowest": [names[i] for i in residuals.argmin(axis=0)],
            "overall_share_pct": 100 * p,
            "overall_article_share_pct": 100 * carried / len(articles),
        }
    )
    table["_untested"] = ~table["tested"]
    table["_effect"] = -table["cramers_v"].fillna(0).round(12)
    table["_support"] = -table["articles"]
    ordered = table.sort_values(
        ["_untested", "p_adjusted", "_effect", "_support", "code"], kind="stable"
    )
    return ordered.drop(columns=["_untested", "_effect", "_support"]).reset_index(drop=True)


def tested_differences(differences: pd.DataFrame) -> pd.DataFrame:
    """The rows of the codes tested between outlets."""
    return differences[differences["tested"].astype(bool)]


def flagged_differences(differences: pd.DataFrame) -> pd.DataFrame:
    """The codes whose outlet differences are flagged beyond chance, largest effect first."""
    flagged = differences[differences["flagged"].astype(bool)]
    return flagged.sort_values(["cramers_v", "code"], ascending=[False, True], kind="stable")


# --- wire copies: one story run by several outlets, counted once in the tests -----------------------
def _article_texts(corpus: Corpus) -> list[tuple[str, str]]:
    """(article id, body text) of the corpus's articles, the earliest published first (then by
    source): the order in which the first of a group of copies is the one kept."""
    sentences = _table(corpus.folder, "sentences", ["article_id", "sentence", "text"])
    sentences = sentences[sentences["article_id"].isin(set(corpus.articles["article_id"]))]
    texts = (
        sentences.sort_values(["article_id", "sentence"], kind="stable")
        .groupby("article_id")["text"]
        .agg(" ".join)
    )
    order = corpus.articles.assign(
        _day=pd.to_datetime(corpus.articles["published"], errors="coerce")
    ).sort_values(["_day", "input_path", "article_id"], kind="stable", na_position="last")
    return [(key, texts[key]) for key in order["article_id"] if key in texts.index]


COPY_COLUMNS = ["group", "article_id", "outlet", "published", "headline", "kept", "jaccard"]


def wire_copies(corpus: Corpus, texts: list[tuple[str, str]] | None = None) -> pd.DataFrame:
    """Groups of near-identical articles (`analysis.copies`), one row per article of a group of
    two or more: the group (numbered by its kept article's order), whether the article is the
    one kept (the group's earliest), and its similarity (Jaccard of 5-word shingles) with it.
    `texts` ((id, text), earliest first) defaults to the corpus's sentences."""
    texts = _article_texts(corpus) if texts is None else texts
    copies = find_copies(texts)
    if not copies:
        return pd.DataFrame(columns=COPY_COLUMNS)
    rank = {key: i for i, (key, _) in enumerate(texts)}
    kept_ids = sorted({c.kept for c in copies}, key=rank.__getitem__)
    group = {key: number for number, key in enumerate(kept_ids, start=1)}
    rows = [
        {"article_id": key, "group": group[key], "kept": True, "jaccard": 1.0} for key in kept_ids
    ]
    rows += [
        {"article_id": c.article, "group": group[c.kept], "kept": False, "jaccard": c.jaccard}
        for c in copies
    ]
    table = pd.DataFrame(rows).merge(
        corpus.articles[["article_id", "outlet", "published", "headline"]], on="article_id"
    )
    table["_rank"] = table["article_id"].map(rank)
    table = table.sort_values(["group", "_rank"], kind="stable").drop(columns="_rank")
    return table[COPY_COLUMNS].reset_index(drop=True)


def one_per_story(corpus: Corpus, copies: pd.DataFrame) -> Corpus:
    """The corpus with each group of wire copies reduced to its kept article."""
    dropped = set(copies.loc[~copies["kept"].astype(bool), "article_id"])
    return corpus.restrict(corpus.articles[~corpus.articles["article_id"].isin(dropped)])


def claims_carried(claims: pd.DataFrame) -> tuple[pd.Series, int]:
    """Per key claim (in `claim_coverage`'s order), the compared articles carrying it across
    outlets; and how many articles were compared."""
    carried = claims.groupby("claim", sort=False)["articles_carrying"].sum()
    return carried, int(claims.drop_duplicates("outlet")["outlet_articles"].sum())


def most_carried(claims: pd.DataFrame) -> tuple[str, int]:
    """The key claim carried by the most compared articles (the first in `claim_coverage`'s
    order on a tie) and how many carry it; `claims` must hold at least one claim."""
    carried, _ = claims_carried(claims)
    best = carried.idxmax()
    return best, int(carried[best])


def count_cells(table: pd.DataFrame, index: str, count: str, total: str) -> pd.DataFrame:
    """A long outlet table as 'count/total' cells, rows of `index` by outlet (row order kept)."""
    cells = table.assign(cell=table[count].astype(str) + "/" + table[total].astype(str))
    return wide(cells, index, "cell")


def summary_lines(corpus: Corpus, selection: Selection) -> list[str]:
    """What was read and what is compared, for the notebook's first checked cell."""
    errors = corpus.errors["error"].value_counts().sort_index()
    failed = ", ".join(f"{name} {count}" for name, count in errors.items()) or "none"
    compared = selection.corpus.articles
    lines = [
        f"corpus: {len(corpus.articles)} articles from {corpus.articles['outlet'].nunique()} outlets; "
        f"inputs that failed to parse: {len(corpus.errors)} ({failed})",
        f"compared: {len(compared)} articles from {compared['outlet'].nunique()} outlets",
    ]
    if selection.dropped_outlets:
        lines.append(
            "left out (too few selected articles): " + ", ".join(selection.dropped_outlets)
        )
    return lines
