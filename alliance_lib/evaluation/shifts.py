"""Policy shifts scored against hand-written gold (tests/fixtures/policy): the `make eval` table.

Scored as issue 21 asks, by categories: for each article, the categories its gold shifts have
against the categories of the rows `policy.policy_shifts` reports (recall: gold categories
found; precision: reported categories the article supports), summed over the articles of a
type and over all. Beside it: gold shifts found (a row of the shift's category lists the
sentence its `evidence` is in), broken precedents found where the gold states one (that row
also names a broken precedent), precedents reported where the gold has none, and traps kept
(no row of the trap's `not` category, or of any category for `not: any`, lists the trap's
sentence).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from alliance_lib.analysis.policy import CATEGORIES
from alliance_lib.config import PROJECT_ROOT
from alliance_lib.datafiles import read_yaml, validate
from alliance_lib.errors import DataError
from alliance_lib.text.model import Article
from alliance_lib.text.pipeline import parse_article

ARTICLE_TYPES = (
    "summit_communique",
    "budget_announcement",
    "arms_deal",
    "basing_agreement",
    "exercises",
    "sanctions",
    "arms_control",
)
_TEXT = {"type": "string", "minLength": 1}
_SHIFT = {
    "type": "object",
    "required": ["category", "what", "evidence"],
    "additionalProperties": False,
    "properties": {
        "category": {"enum": list(CATEGORIES)},
        "what": _TEXT,
        "actors": {"type": "array", "items": _TEXT},
        "when": _TEXT,
        "evidence": _TEXT,
        "precedent": _TEXT,
    },
}
_TRAP = {
    "type": "object",
    "required": ["evidence", "not", "why"],
    "additionalProperties": False,
    "properties": {"evidence": _TEXT, "not": {"enum": [*CATEGORIES, "any"]}, "why": _TEXT},
}
GOLD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["articles"],
    "additionalProperties": False,
    "properties": {
        "articles": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "required": ["file", "type", "shifts"],
                "additionalProperties": False,
                "properties": {
                    "file": _TEXT,
                    "type": {"enum": list(ARTICLE_TYPES)},
                    "shifts": {"type": "array", "items": _SHIFT, "minItems": 1},
                    "traps": {"type": ["array", "null"], "items": _TRAP},
                },
            },
        }
    },
}


@dataclass(frozen=True)
class GoldArticle:
    name: str
    path: Path
    type: str
    shifts: tuple[dict[str, Any], ...]
    traps: tuple[dict[str, Any], ...]


def load_gold(path: Path, root: Path = PROJECT_ROOT) -> list[GoldArticle]:
    """The gold file's articles, checked against `GOLD_SCHEMA`; every `evidence` must be words of
    its article (DataError naming the file, the article and the missing words otherwise)."""
    document = read_yaml(path, "policy gold file")
    validate(path, document, GOLD_SCHEMA, "policy gold file")
    assert isinstance(document, dict)
    articles = []
    for name, entry in document["articles"].items():
        article_path = root / entry["file"]
        try:
            text = article_path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataError(f"{path}: article {name}: cannot read {article_path} ({exc})") from exc
        traps = tuple(entry.get("traps") or ())
        for item in (*entry["shifts"], *traps):
            if item["evidence"] not in text:
                raise DataError(
                    f"{path}: article {name}: evidence {item['evidence']!r} is not in its text"
                )
        articles.append(
            GoldArticle(str(name), article_path, entry["type"], tuple(entry["shifts"]), traps)
        )
    return articles


@dataclass
class Tally:
    """Counts over a set of articles; the figures are ratios of them."""

    articles: int = 0
    gold_categories: int = 0
    reported_categories: int = 0
    categories_found: int = 0  # gold categories some row has
    categories_supported: int = 0  # reported categories the gold has (= found, counted per row set)
    shifts: int = 0
    shifts_found: int = 0
    precedents: int = 0
    precedents_found: int = 0
    precedents_spurious: int = (
        0  # rows breaking a precedent where the gold has none of that category
    )
    traps: int = 0
    traps_kept: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.categories_found / self.gold_categories if self.gold_categories else 1.0

    @property
    def precision(self) -> float:
        return (
            self.categories_supported / self.reported_categories
            if self.reported_categories
            else 1.0
        )


@dataclass
class ArticleScore:
    gold: GoldArticle
    tally: Tally
    missed: list[str] = field(default_factory=list)  # gold categories no row has
    unsupported: list[str] = field(default_factory=list)  # reported categories the gold lacks
    traps_failed: list[str] = field(default_factory=list)


def _sentences_with(article: Article, words: str) -> set[int]:
    return {i for i, sentence in enumerate(article.sentences) if words in sentence.text}


def score_article(gold: GoldArticle, article: Article, shifts: pd.DataFrame) -> ArticleScore:
    """One article's tally: its gold against the rows `shifts` (category, sentences,
    precedent_broken) found in its parse `article`."""
    rows = shifts.to_dict("records")
    expected = {s["category"] for s in gold.shifts}
    reported = {row["category"] for row in rows}
    tally = Tally(
        articles=1,
        gold_categories=len(expected),
        reported_categories=len(reported),
        categories_found=len(expected & reported),
        categories_supported=len(expected & reported),
        shifts=len(gold.shifts),
        traps=len(gold.traps),
    )
    for shift in gold.shifts:
        where = _sentences_with(article, shift["evidence"])
        matching = [
            r for r in rows if r["category"] == shift["category"] and where & set(r["sentences"])
        ]
        tally.shifts_found += bool(matching)
        if "precedent" in shift:
            tally.precedents += 1
            tally.precedents_found += any(r["precedent_broken"] for r in matching)
    with_precedent = {s["category"] for s in gold.shifts if "precedent" in s}
    tally.precedents_spurious = sum(
        bool(r["precedent_broken"]) and r["category"] not in with_precedent for r in rows
    )
    failed = []
    for trap in gold.traps:
        where = _sentences_with(article, trap["evidence"])
        if any(where & set(r["sentences"]) and trap["not"] in ("any", r["category"]) for r in rows):
            failed.append(f"{trap['evidence']!r} gave {trap['not']}")
    tally.traps_kept = len(gold.traps) - len(failed)
    return ArticleScore(
        gold, tally, sorted(expected - reported), sorted(reported - expected), failed
    )


Predict = Callable[[Article], pd.DataFrame]


def score_set(golds: Sequence[GoldArticle], predict: Predict) -> list[ArticleScore]:
    """Parse and score every gold article; `predict` gives an article's policy-shift rows."""
    scores = []
    for gold in golds:
        text = gold.path.read_text(encoding="utf-8")
        article = parse_article(text, source=str(gold.path))
        scores.append(score_article(gold, article, predict(article)))
    return scores


def totals(scores: Sequence[ArticleScore]) -> dict[str, Tally]:
    """Tallies per article type (in `ARTICLE_TYPES` order) and over all (`all`)."""
    by_type: dict[str, Tally] = {}
    overall = Tally()
    for kind in ARTICLE_TYPES:
        for score in scores:
            if score.gold.type == kind:
                by_type.setdefault(kind, Tally()).add(score.tally)
    for score in scores:
        overall.add(score.tally)
    return {**by_type, "all": overall}


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}"


def table(scores: Sequence[ArticleScore], title: str) -> str:
    """The table `make eval` prints: per article type and over all, with the misses listed."""
    header = (
        "type",
        "articles",
        "recall",
        "precision",
        "categories",
        "shifts found",
        "precedents",
        "spurious prec.",
        "traps kept",
    )
    lines = []
    for kind, t in totals(scores).items():
        lines.append(
            (
                kind,
                str(t.articles),
                f"{t.recall:.2f}",
                f"{t.precision:.2f}",
                f"{t.categories_found} of {t.gold_categories} found, "
                f"{t.categories_supported} of {t.reported_categories} supported",
                _ratio(t.shifts_found, t.shifts),
                _ratio(t.precedents_found, t.precedents),
                str(t.precedents_spurious),
                _ratio(t.traps_kept, t.traps),
            )
        )
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    out = [title, "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    out += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in lines
    ]
    notes = [
        f"  {s.gold.name}: "
        + "; ".join(
            part
            for part in (
                "missed " + ", ".join(s.missed) if s.missed else "",
                "unsupported " + ", ".join(s.unsupported) if s.unsupported else "",
                "trap " + "; ".join(s.traps_failed) if s.traps_failed else "",
            )
            if part
        )
        for s in scores
        if s.missed or s.unsupported or s.traps_failed
    ]
    if notes:
        out += ["per article (categories missed or unsupported, traps failed):", *notes]
    return "\n".join(out)
