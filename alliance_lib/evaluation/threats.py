"""Score the threat coder against PolNeAR's threat-framing annotation (`threats_train.csv`).

The unit is the annotation's: a (sentence, state) row, for every sentence naming one of its
states. A frame the coder finds matches a gold row of its state whose sentence overlaps the
coder's sentence (offsets in the article file; the annotation's splitter cut a few sentences at
"Mr.", so one coder sentence may cover two gold rows). A frame matching no gold row, for a state
the annotation covers, counts against a gold `none` (an extra row); frames of states the
annotation does not cover are left out and counted.

Figures: precision, recall and F1 of `threat`; rejected frames found (recall) and the
precision of `rejected`; the voice right on the threats found (`voice_right`: "narrator" both
sides, or the content words of one voice among the other's: "Harris" and "Harry B. Harris Jr."
agree); Cohen's kappa for "a frame is present" (the annotators' own agreement figure) and over
the three labels; per state and per kind. Articles are split by a fixed rule into a
development part (tuned on) and an unseen part (`part_of`); the first round's split
(`first_part_of`), whose unseen part the second round's held-out part is drawn from, is scored
too, for comparison with the figures measured on it before.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from alliance_lib.analysis.threats import (
    REJECTED,
    THREAT,
    ThreatCodebook,
    code_headline,
    code_threats,
)
from alliance_lib.errors import ArticleError, DataError
from alliance_lib.evaluation.polnear import tokens
from alliance_lib.text.pipeline import parse_article

NONE = "none"
LABELS = (THREAT, REJECTED, NONE)
DEVELOPMENT, UNSEEN = "development", "unseen"
PARTS = (DEVELOPMENT, UNSEEN)
# An article is unseen when the SHA-256 of its name, read as a number, is 0 modulo this. The
# first round held out a third (modulo 3) and looked at that part's figures four times while
# tuning; the second round holds out the half of it divisible by 6 (never tuned on by either
# round) and tunes on the rest.
UNSEEN_MODULUS = 6
FIRST_UNSEEN_MODULUS = 3
_VOICE_STOP = frozenset("the a an and of".split())


def _digest(article: str) -> int:
    return int(hashlib.sha256(article.encode("utf-8")).hexdigest(), 16)


def part_of(article: str) -> str:
    """The split in force: an article whose name's SHA-256, read as a number, is divisible by
    `UNSEEN_MODULUS` is unseen (about a sixth), the rest is the development part."""
    return UNSEEN if _digest(article) % UNSEEN_MODULUS == 0 else DEVELOPMENT


def first_part_of(article: str) -> str:
    """The first round's split (divisible by `FIRST_UNSEEN_MODULUS`: about a third unseen); its
    unseen part holds the unseen part of `part_of`, and the rest of it is tuned on now."""
    return UNSEEN if _digest(article) % FIRST_UNSEEN_MODULUS == 0 else DEVELOPMENT


@dataclass(frozen=True, slots=True)
class GoldRow:
    article: str
    start: int
    end: int
    state: str
    label: str
    voice: str
    kind: str


def read_gold(path: Path) -> list[GoldRow]:
    """The annotation's rows; a DataError names the file and the problem."""
    needed = {"article", "sent_start", "sent_end", "state", "label", "voice", "kind"}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = needed - set(reader.fieldnames or ())
            if missing:
                raise DataError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
            rows = [
                GoldRow(
                    r["article"],
                    int(r["sent_start"]),
                    int(r["sent_end"]),
                    r["state"],
                    r["label"],
                    r["voice"],
                    r["kind"],
                )
                for r in reader
            ]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataError(f"{path}: cannot read the threat annotation ({exc})") from exc
    bad = sorted({r.label for r in rows} - set(LABELS))
    if bad:
        raise DataError(f"{path}: unknown label(s) {', '.join(bad)}")
    return rows


def voice_right(predicted: str, gold: str) -> bool:
    """Both the narrator, or the content words of one voice all among the other's."""
    if predicted == "narrator" or gold == "narrator":
        return predicted == gold
    p, g = tokens(predicted) - _VOICE_STOP, tokens(gold) - _VOICE_STOP
    return bool(p and g) and (p <= g or g <= p)


@dataclass(frozen=True, slots=True)
class Predicted:
    """A coder frame in the article file's offsets."""

    start: int  # the coder's sentence
    end: int
    state: str
    label: str
    voice: str
    kind: str
    cue: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """One scored row: a gold row (with the coder's reading) or an extra coder frame."""

    article: str
    part: str
    state: str
    gold: str
    predicted: str
    gold_voice: str
    voice: str
    gold_kind: str
    kind: str
    cue: str
    start: int
    end: int


def match_article(
    article: str, gold: Sequence[GoldRow], predicted: Sequence[Predicted], states: set[str]
) -> tuple[list[Outcome], int]:
    """Outcomes for one article's gold rows and the coder's frames; and how many frames were of
    states the annotation does not cover."""
    part = part_of(article)
    used = [False] * len(predicted)
    outcomes = []
    for row in gold:
        best: Predicted | None = None
        for i, frame in enumerate(predicted):
            if frame.state == row.state and frame.start < row.end and row.start < frame.end:
                used[i] = True
                if best is None or (best.label != THREAT and frame.label == THREAT):
                    best = frame
        outcomes.append(
            Outcome(
                article,
                part,
                row.state,
                row.label,
                best.label if best else NONE,
                row.voice,
                best.voice if best else "",
                row.kind,
                best.kind if best else "",
                best.cue if best else "",
                row.start,
                row.end,
            )
        )
    uncovered = 0
    for frame, hit in zip(predicted, used, strict=True):
        if hit:
            continue
        if frame.state not in states:
            uncovered += 1
            continue
        outcomes.append(
            Outcome(
                article,
                part,
                frame.state,
                NONE,
                frame.label,
                "",
                frame.voice,
                "",
                frame.kind,
                frame.cue,
                frame.start,
                frame.end,
            )
        )
    return outcomes, uncovered


@dataclass
class Run:
    """Every outcome of a run, with counts of what could not be scored."""

    outcomes: list[Outcome] = field(default_factory=list)
    uncovered: int = 0  # frames of states the annotation does not cover
    refused: list[str] = field(default_factory=list)  # articles the parser refused
    articles: Counter = field(default_factory=Counter)  # per part
    first_articles: Counter = field(default_factory=Counter)  # per part of the first split
    coder_ms: list[float] = field(default_factory=list)


def evaluate(root: Path, gold_path: Path, book: ThreatCodebook) -> Run:
    """Parse and code every annotated article under `root` (PolNeAR's `train` folder)."""
    gold = read_gold(gold_path)
    states = {row.state for row in gold}
    by_article: dict[str, list[GoldRow]] = {}
    for row in gold:
        by_article.setdefault(row.article, []).append(row)
    run = Run()
    for name in sorted(by_article):
        path = root / "text" / f"{name}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"{path}: cannot read the article ({exc})") from exc
        run.articles[part_of(name)] += 1
        run.first_articles[first_part_of(name)] += 1
        try:
            article = parse_article(text, source=name)
        except ArticleError:
            run.refused.append(name)
            found: list[Predicted] = []
        else:
            begin = time.process_time()
            frames = code_threats(article, book)
            headline = code_headline(article, book)
            run.coder_ms.append((time.process_time() - begin) * 1000)
            found = []
            located = [(article, f) for f in frames]
            if headline is not None:
                located.extend((headline.article, f) for f in headline.frames)
            for source, frame in located:
                sentence = source.sentences[frame.sentence]
                start, end = source.source_span(sentence.start, sentence.end)
                found.append(
                    Predicted(
                        start, end, frame.state, frame.label, frame.voice, frame.kind, frame.cue
                    )
                )
        outcomes, uncovered = match_article(name, by_article[name], found, states)
        run.outcomes.extend(outcomes)
        run.uncovered += uncovered
    return run


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None or p + r == 0:
        return None
    return 2 * p * r / (p + r)


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa between two label sequences (None when chance agreement is 1)."""
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    left, right = Counter(first), Counter(second)
    expected = sum(left[label] * right[label] for label in left) / (n * n)
    return None if expected >= 1 else (observed - expected) / (1 - expected)


def figures(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    """The issue's figures over `outcomes`."""
    rows = list(outcomes)
    tp = sum(o.gold == THREAT and o.predicted == THREAT for o in rows)
    fp = sum(o.gold != THREAT and o.predicted == THREAT for o in rows)
    fn = sum(o.gold == THREAT and o.predicted != THREAT for o in rows)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    rejected_gold = sum(o.gold == REJECTED for o in rows)
    rejected_predicted = sum(o.predicted == REJECTED for o in rows)
    rejected_found = sum(o.gold == REJECTED and o.predicted == REJECTED for o in rows)
    found = [o for o in rows if o.gold == THREAT and o.predicted == THREAT]
    voices = sum(voice_right(o.voice, o.gold_voice) for o in found)
    kinds = sum(o.kind == o.gold_kind for o in found)
    present = [("frame" if o.gold != NONE else NONE) for o in rows]
    guessed = [("frame" if o.predicted != NONE else NONE) for o in rows]
    return {
        "rows": len(rows),
        "gold_threat": tp + fn,
        "predicted_threat": tp + fp,
        "threat_found": tp,
        "threat_precision": precision,
        "threat_recall": recall,
        "threat_f1": _f1(precision, recall),
        "rejected_gold": rejected_gold,
        "rejected_predicted": rejected_predicted,
        "rejected_found": rejected_found,
        "rejected_recall": _ratio(rejected_found, rejected_gold),
        "rejected_precision": _ratio(rejected_found, rejected_predicted),
        "voice_right": voices,
        "voice_accuracy": _ratio(voices, tp),
        "kind_right": kinds,
        "kind_accuracy": _ratio(kinds, tp),
        "kappa_frame": cohen_kappa(present, guessed),
        "kappa_labels": cohen_kappa([o.gold for o in rows], [o.predicted for o in rows]),
    }


# The targets, printed beside the figures they apply to.
TARGETS = {
    "threat_f1": 0.75,
    "voice_accuracy": 0.80,
    "rejected_recall": 0.5,
    "rejected_precision": 0.5,
}


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def summary(run: Run) -> dict[str, Any]:
    """Figures per part and for both parts, per state and per kind (JSON-ready)."""
    result: dict[str, Any] = {"parts": {}, "by_state": {}, "by_kind": {}}
    for part in (*PARTS, "all"):
        chosen = [o for o in run.outcomes if part == "all" or o.part == part]
        result["parts"][part] = {
            "articles": sum(run.articles.values()) if part == "all" else run.articles[part],
            **figures(chosen),
        }
        states = sorted({o.state for o in chosen if THREAT in (o.gold, o.predicted)})
        result["by_state"][part] = {
            state: figures(o for o in chosen if o.state == state) for state in states
        }
        kinds = sorted({o.gold_kind for o in chosen if o.gold == THREAT})
        result["by_kind"][part] = {
            kind: {
                "gold_threat": sum(o.gold == THREAT and o.gold_kind == kind for o in chosen),
                "found": sum(
                    o.gold == THREAT and o.gold_kind == kind and o.predicted == THREAT
                    for o in chosen
                ),
                "kind_right": sum(
                    o.gold == THREAT and o.gold_kind == kind and o.kind == kind for o in chosen
                ),
            }
            for kind in kinds
        }
    result["first_split"] = {
        part: {
            "articles": run.first_articles[part],
            **figures(o for o in run.outcomes if first_part_of(o.article) == part),
        }
        for part in PARTS
    }
    result["uncovered_frames"] = run.uncovered
    result["refused"] = run.refused
    return result


def table(result: dict[str, Any], title: str) -> str:
    """The threat table `make eval` prints: the figures per part of the split in force and of the
    first round's split, then per state and per kind."""
    names = [
        ("rows (sentence, state)", "rows", None),
        ("threat: gold / predicted / found", None, "counts"),
        ("threat precision", "threat_precision", None),
        ("threat recall", "threat_recall", None),
        ("threat F1", "threat_f1", "threat_f1"),
        ("rejected: gold / predicted / found", None, "rejected"),
        ("rejected recall", "rejected_recall", "rejected_recall"),
        ("rejected precision", "rejected_precision", "rejected_precision"),
        ("voice right on threats found", "voice_accuracy", "voice_accuracy"),
        ("kind right on threats found", "kind_accuracy", None),
        ("Cohen's kappa, frame present", "kappa_frame", None),
        ("Cohen's kappa, three labels", "kappa_labels", None),
    ]
    parts = {part: result["parts"][part] for part in (*PARTS, "all")}
    parts |= {f"first {part}": f for part, f in result.get("first_split", {}).items()}
    columns = list(parts)
    head = f"{title}: threat framing, (sentence, state) rows; articles " + ", ".join(
        f"{p} {parts[p]['articles']}" for p in columns
    )
    head += (
        f"\n(unseen: SHA-256 of the name divisible by {UNSEEN_MODULUS}, never tuned on; first:"
        f" the first round's split, divisible by {FIRST_UNSEEN_MODULUS}, whose unseen part was"
        " looked at four times and is now partly tuned on)"
    )
    width = max(len(n[0]) for n in names)
    lines = [head, f"{'measure':<{width}}  " + "  ".join(f"{c:>17}" for c in columns) + "  target"]
    for label, key, extra in names:
        cells = []
        for part in columns:
            f = parts[part]
            if extra == "counts":
                cells.append(f"{f['gold_threat']}/{f['predicted_threat']}/{f['threat_found']}")
            elif extra == "rejected":
                cells.append(
                    f"{f['rejected_gold']}/{f['rejected_predicted']}/{f['rejected_found']}"
                )
            elif key == "rows":
                cells.append(str(f["rows"]))
            else:
                cells.append(_fmt(f[key]))
        target = f">= {TARGETS[extra]:.2f}" if extra in TARGETS else ""
        lines.append(f"{label:<{width}}  " + "  ".join(f"{c:>17}" for c in cells) + f"  {target}")
    lines.append("")
    lines.append("per state (all articles): gold threat / predicted / found, precision, recall, F1")
    for state, f in result["by_state"]["all"].items():
        lines.append(
            f"  {state}  {f['gold_threat']:>3} / {f['predicted_threat']:>3} / {f['threat_found']:>3}"
            f"  P {_fmt(f['threat_precision'])}  R {_fmt(f['threat_recall'])}"
            f"  F1 {_fmt(f['threat_f1'])}"
        )
    lines.append("per kind (all articles, the annotation's kind): gold threat / found / kind right")
    for kind, f in result["by_kind"]["all"].items():
        lines.append(f"  {kind:<20} {f['gold_threat']:>3} / {f['found']:>3} / {f['kind_right']:>3}")
    lines.append(
        f"frames of states the annotation does not cover (not scored): {result['uncovered_frames']};"
        f" articles the parser refused: {len(result['refused'])}"
    )
    return "\n".join(lines)


def outcome_rows(run: Run) -> list[dict[str, Any]]:
    """Every outcome as a JSON-ready dict (offsets only: no article text)."""
    return [
        {
            "article": o.article,
            "part": o.part,
            "start": o.start,
            "end": o.end,
            "state": o.state,
            "gold": o.gold,
            "predicted": o.predicted,
            "gold_voice": o.gold_voice,
            "voice": o.voice,
            "gold_kind": o.gold_kind,
            "kind": o.kind,
            "cue": o.cue,
        }
        for o in run.outcomes
    ]


def dumps(rows: list[dict[str, Any]]) -> str:
    """Rows as JSON lines."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def package_version() -> str:
    """The installed alliance package's version ("unknown" when it is not installed)."""
    from importlib.metadata import PackageNotFoundError, version  # lazy: only make eval asks

    try:
        return version("alliance")
    except PackageNotFoundError:
        return "unknown"


def _rounded(figures: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()}


def validity_record(result: dict[str, Any], run: Run, gold: Path, measured: date) -> dict[str, Any]:
    """What `data/threat_validity.json` holds: the figures per part, per state and per kind,
    the coder's cost, how they were measured, with the package version and the date."""
    ms = sorted(run.coder_ms)
    return {
        "what": "the threat coder (alliance_lib.analysis.threats) scored on a hand annotation"
        " of threat framing in real news",
        "gold": f"PolNeAR v1.0.0 training split, {gold.name}: (sentence, state) rows of 93"
        " articles, read at run time (not shipped)",
        "split": f"an article is unseen when the SHA-256 of its name is divisible by"
        f" {UNSEEN_MODULUS} (half of the first round's unseen part); the coder was tuned on the"
        " development part only",
        "first_split": {
            "rule": f"the first round's split: unseen when divisible by {FIRST_UNSEEN_MODULUS};"
            " its unseen part was looked at four times, and the half of it not divisible by"
            f" {UNSEEN_MODULUS} is now tuned on",
            "parts": {part: _rounded(f) for part, f in result["first_split"].items()},
        },
        "measured": measured.isoformat(),
        "package_version": package_version(),
        "parts": {part: _rounded(f) for part, f in result["parts"].items()},
        "by_state": {state: _rounded(f) for state, f in result["by_state"]["all"].items()},
        "by_kind": result["by_kind"]["all"],
        "targets": TARGETS,
        "coder_ms_per_article": {
            "mean": round(sum(ms) / len(ms), 3) if ms else None,
            "median": round(ms[len(ms) // 2], 3) if ms else None,
            "how": "CPU time (time.process_time) of code_threats and code_headline on each"
            " parsed article",
        },
        "uncovered_frames": result["uncovered_frames"],
        "refused": len(result["refused"]),
    }


VALIDITY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["measured", "package_version", "parts", "gold", "split"],
    "properties": {
        "measured": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
        "package_version": {"type": "string"},
        "parts": {
            "type": "object",
            "required": list(PARTS),
            "additionalProperties": {"type": "object", "required": ["threat_f1", "articles"]},
        },
    },
}


def read_validity(path: Path) -> dict[str, Any]:
    """`data/threat_validity.json`, checked; a DataError names the file and the problem."""
    from alliance_lib.datafiles import validate  # lazy: only the notebook reads the file

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{path}: threat validity figures not found (run make eval)") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: not readable JSON ({exc.__class__.__name__})") from exc
    validate(path, document, VALIDITY_SCHEMA, "threat validity file")
    return document


VALIDITY_COLUMNS = [
    "part",
    "articles",
    "rows",
    "gold threats",
    "threat precision",
    "threat recall",
    "threat F1",
    "rejected found",
    "rejected precision",
    "voice right",
    "kappa (frame present)",
]


def validity_table(document: dict[str, Any]) -> pd.DataFrame:
    """The figures per part as notebook 04 shows them (unseen first: the fairer guide)."""
    rows = []
    for part in (UNSEEN, DEVELOPMENT, "all"):
        f = document["parts"].get(part)
        if f is None:
            continue
        rows.append(
            {
                "part": {
                    UNSEEN: "unseen (never tuned on)",
                    DEVELOPMENT: "development (tuned on)",
                }.get(part, "both"),
                "articles": f["articles"],
                "rows": f["rows"],
                "gold threats": f["gold_threat"],
                "threat precision": f["threat_precision"],
                "threat recall": f["threat_recall"],
                "threat F1": f["threat_f1"],
                "rejected found": f"{f['rejected_found']} of {f['rejected_gold']}",
                "rejected precision": f["rejected_precision"],
                "voice right": f["voice_accuracy"],
                "kappa (frame present)": f["kappa_frame"],
            }
        )
    return pd.DataFrame(rows, columns=VALIDITY_COLUMNS)
