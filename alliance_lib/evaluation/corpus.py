"""Run the parser over a brat corpus (PolNeAR's layout), score every article, total the scores.

Layout: `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`; an article annotated by several
annotators is scored against the first annotation file in name order, so each article counts
once. Parse time is measured around `parse_article` alone (after one warm-up parse).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alliance_lib.errors import ArticleError, DataError
from alliance_lib.evaluation.brat import Attribution, read_attributions
from alliance_lib.evaluation.polnear import Predicted, Score, score_article, span_text
from alliance_lib.report.outputs import write_text
from alliance_lib.text.gazetteer import load_gazetteer
from alliance_lib.text.model import Article
from alliance_lib.text.pipeline import parse_article


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    attributions: list[Attribution]


@dataclass
class Totals:
    """Counts over a corpus, and the figures the issue asks for."""

    articles: int = 0
    failed: int = 0  # articles the parser refused (scored with no predictions)
    gold: int = 0
    found: int = 0  # gold quotations some prediction matches
    predicted: int = 0
    correct: int = 0  # predictions that match a gold quotation
    excused: int = 0
    named: int = 0
    named_right: int = 0
    pronoun: int = 0  # pronoun sources with a named source before them (judged)
    pronoun_right: int = 0
    milliseconds: list[float] = field(default_factory=list)

    def add(self, score: Score, ms: float) -> None:
        self.articles += 1
        self.milliseconds.append(ms)
        self.gold += len(score.golds)
        self.found += sum(o.match is not None for o in score.golds)
        self.predicted += len(score.predicted)
        self.correct += sum(score.matched)
        self.excused += sum(score.excused)
        for outcome in score.golds:
            if outcome.gold.kind == "named":
                self.named += 1
                self.named_right += bool(outcome.speaker_right)
            elif outcome.gold.kind == "pronoun" and outcome.speaker_right is not None:
                self.pronoun += 1
                self.pronoun_right += bool(outcome.speaker_right)

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        precision = ratio(self.correct, self.predicted)
        recall = ratio(self.found, self.gold)
        excused_precision = ratio(self.correct, self.predicted - self.excused)
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1(precision, recall),
            "precision_excused": excused_precision,
            "f1_excused": f1(excused_precision, recall),
            "named_accuracy": ratio(self.named_right, self.named),
            "pronoun_accuracy": ratio(self.pronoun_right, self.pronoun),
            "ms_mean": statistics.fmean(self.milliseconds) if self.milliseconds else 0.0,
            "ms_median": statistics.median(self.milliseconds) if self.milliseconds else 0.0,
        }


def documents(root: Path) -> Iterator[Document]:
    """Every article of a brat corpus folder with its first annotation file, in name order."""
    texts, annotations = root / "text", root / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise DataError(f"{root}: expected folders text/ and attributions/")
    first: dict[str, Path] = {}
    for path in sorted(annotations.glob("*.ann")):
        first.setdefault(path.stem.rsplit("_", 1)[0], path)
    for name, ann in sorted(first.items()):
        text_path = texts / f"{name}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"{text_path}: cannot read the article ({exc})") from exc
        yield Document(name, text, read_attributions(ann))


def surname(speaker: str, name: str) -> str:
    """The family name of a gazetteer person, otherwise the last word of the entity's name."""
    entry = load_gazetteer().entries.get(speaker)
    if entry is not None and entry.family:
        return entry.family
    return name.split()[-1] if name.split() else name


def predictions(article: Article) -> list[Predicted]:
    """The article's quotations in the offsets of its source text, with speakers' surnames."""
    names = article.entity_names()
    found = []
    for quote in article.quotes:
        start, end = article.source_span(quote.start, quote.end)
        # a speaker id missing from the entities (a parser bug) falls back to the id's last word
        name = names.get(quote.speaker, quote.speaker.replace("-", " ")) if quote.speaker else ""
        family = surname(quote.speaker, name) if quote.speaker else None
        found.append(Predicted(start, end, quote.speaker, family, quote.attribution))
    return found


def _row(doc: Document, score: Score, ms: float, error: str | None) -> dict[str, Any]:
    """One article's results: counts, then every gold quotation and unmatched prediction."""
    golds = []
    for o in score.golds:
        p = score.predicted[o.match] if o.match is not None else None
        golds.append(
            {
                "content": [list(r) for r in o.gold.content],
                "text": span_text(doc.text, o.gold.content)[:300],
                "source": o.gold.source,
                "kind": o.gold.kind,
                "antecedent": o.gold.antecedent,
                "found": p is not None,
                "speaker": p.speaker if p else None,
                "attribution": p.attribution if p else None,
                "speaker_right": o.speaker_right,
            }
        )
    extra = [
        {"start": p.start, "end": p.end, "excused": ex, "text": doc.text[p.start : p.end][:300]}
        for p, hit, ex in zip(score.predicted, score.matched, score.excused, strict=True)
        if not hit
    ]
    return {
        "article": doc.name,
        "ms": round(ms, 2),
        "error": error,
        "gold": len(score.golds),
        "predicted": len(score.predicted),
        "golds": golds,
        "unmatched_predictions": extra,
    }


def evaluate(root: Path, results: Path | None = None) -> Totals:
    """Parse and score every article under `root`; write per-article JSON lines to `results`."""
    totals = Totals()
    rows = []
    warmed = False
    for doc in documents(root):
        if not warmed:
            try:
                parse_article(doc.text, source=doc.name)
            except ArticleError:
                pass
            warmed = True
        error = None
        start = time.perf_counter()
        try:
            article = parse_article(doc.text, source=doc.name)
            found = predictions(article)
        except ArticleError as exc:
            error, found = str(exc), []
        ms = (time.perf_counter() - start) * 1000
        score = score_article(doc.text, doc.attributions, found)
        totals.add(score, ms)
        totals.failed += error is not None
        rows.append(_row(doc, score, ms, error))
    if results is not None:  # JSON lines, written atomically
        write_text(results, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    return totals


# The targets, printed beside the figures they apply to.
TARGETS = {"f1_excused": 0.97, "named_accuracy": 0.92, "pronoun_accuracy": 0.80}


def table(totals: Totals, title: str) -> str:
    """The one table `make eval` prints."""
    f = totals.figures()
    target = {name: f">= {value:.2f}" for name, value in TARGETS.items()}
    rows = [
        ("precision", f"{f['precision']:.3f}", ""),
        ("recall", f"{f['recall']:.3f}", ""),
        ("F1", f"{f['f1']:.3f}", ""),
        (
            "F1, not counting predictions inside other attributions",
            f"{f['f1_excused']:.3f}",
            target["f1_excused"],
        ),
        (
            "named-source speakers right",
            f"{f['named_accuracy']:.3f} ({totals.named_right}/{totals.named})",
            target["named_accuracy"],
        ),
        (
            "pronoun-source speakers right (proxy: nearest named source before)",
            f"{f['pronoun_accuracy']:.3f} ({totals.pronoun_right}/{totals.pronoun})",
            target["pronoun_accuracy"],
        ),
        ("ms per article (mean; median)", f"{f['ms_mean']:.1f}; {f['ms_median']:.1f}", ""),
    ]
    head = (
        f"{title}: {totals.articles} articles ({totals.failed} refused), {totals.gold} gold direct"
        f" quotations, {totals.predicted} predicted ({totals.excused} inside other attributions)"
    )
    width = max(len(r[0]) for r in rows)
    lines = [head, f"{'measure':<{width}}  {'value':<20}  target"]
    lines += [f"{name:<{width}}  {value:<20}  {target}".rstrip() for name, value, target in rows]
    return "\n".join(lines)
