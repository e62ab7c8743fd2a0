"""Score the parser's quotations and speakers against PolNeAR-style brat annotations.

The definitions (issue 10), all on character offsets into the annotated text:
- a gold *direct quotation* is an attribution whose content has at least `DIRECT_SHARE` of its
  non-space characters inside double quotation marks (`“”`, `"`, or the typewriter pair `''`
  of the New York Times' copy; paired per line; an opening mark left open runs to the end of
  its line, the news convention for quotations over paragraphs);
- a predicted quotation matches a gold one when their contents overlap by at least
  `MATCH_SHARE` of the shorter; precision counts predictions that match some gold quotation,
  recall gold quotations that some prediction matches, and the "excused" precision leaves out
  unmatched predictions that lie (`MATCH_SHARE` of them or more) inside another annotated
  attribution's content (an indirect or mixed one, which the annotators did count as speech);
- a gold source is a *pronoun* (he/she), *named* when a proper name heads it or one of its
  appositives (`Paul Ryan`; `Jeff Weaver, Sanders' campaign manager`; `the Washington Post`;
  `Republican pollster Daron Shaw`), *descriptive* when a common noun heads every part (`a
  Clinton campaign spokesman`; `Ryan's campaign`; `a spokesman for Bernie Sanders`), or missing;
  the head of a part is its last word before any preposition or relative pronoun;
- a named gold quotation's speaker is right when the surname of the speaker predicted for its
  best-matching prediction is a token of the gold source; a pronoun's when it is a token of the
  nearest named source annotated before the quotation (a proxy for the annotators' reading).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alliance_lib.evaluation.brat import Attribution, Ranges

DIRECT_SHARE = 0.8
MATCH_SHARE = 0.5
PRONOUN_SOURCES = frozenset({"he", "she"})
# Capitalised words that do not make a source a name ("The campaign", "His aide", "It").
_NOT_NAMES = frozenset(
    "the a an this that these those it its i we you they he she his her him their them our my"
    " your who which what one another some many most all both".split()
)
# Words after which a part of a source no longer holds its head ("a spokesman for Sanders").
_HEAD_ENDS = frozenset(
    "who which whose whom that for of at from with by to in on like about as after before"
    " during including".split()
)
_SOURCE_PARTS = re.compile(r"\s*(?:,|;|\s[-—–]+\s|--|\(|\))\s*")
_MARKS = re.compile(r"[“”\"]|''")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Gold:
    """A gold direct quotation with its source as written and the source's kind."""

    content: Ranges
    source: str  # the source's text ("" when none was annotated)
    kind: str  # "named", "pronoun", "descriptive" or "none"
    antecedent: str | None  # pronoun sources: the nearest named source annotated before it


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted quotation in the annotated text's offsets, with its speaker's surname."""

    start: int
    end: int
    speaker: str | None  # entity id
    surname: str | None  # the speaker's family name (or an entity's last word)
    attribution: str


@dataclass(frozen=True, slots=True)
class GoldOutcome:
    gold: Gold
    match: int | None  # index of the best-matching prediction
    speaker_right: bool | None  # None when the speaker is not judged (descriptive, none)


@dataclass(frozen=True, slots=True)
class Score:
    """One article's outcome: every gold quotation and every prediction."""

    golds: tuple[GoldOutcome, ...]
    predicted: tuple[Predicted, ...]
    matched: tuple[bool, ...]  # per prediction: it matches a gold quotation
    excused: tuple[bool, ...]  # per prediction: unmatched but inside another attribution


def quoted_mask(text: str) -> bytearray:
    """1 for every character from an opening double quotation mark to its closing mark."""
    mask = bytearray(len(text))
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        open_at: int | None = None
        for mark in _MARKS.finditer(text, line_start, line_end):
            i, ch = mark.start(), mark.group()
            ch = '"' if ch == "''" else ch  # typewriter marks, as NYT copy has them
            if open_at is None and ch in '“"':
                open_at = i
            elif open_at is not None and ch in '”"':
                mask[open_at : mark.end()] = b"\1" * (mark.end() - open_at)
                open_at = None
        if open_at is not None:
            mask[open_at:line_end] = b"\1" * (line_end - open_at)
        line_start = line_end + 1
    return mask


def span_text(text: str, ranges: Ranges) -> str:
    return " ".join(text[a:b] for a, b in ranges)


def tokens(text: str) -> set[str]:
    """Lower-cased word tokens, possessive endings dropped ("Sanders’" and "Trump's" count)."""
    return {re.sub(r"['’]s?$", "", t).lower() for t in _TOKEN.findall(text)}


def source_kind(source: str) -> str:
    """`named`, `pronoun`, `descriptive` or `none`, for a source phrase as written."""
    words = _TOKEN.findall(source)
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in PRONOUN_SOURCES:
        return "pronoun"
    for part in _SOURCE_PARTS.split(source):
        head = None
        for k, word in enumerate(_TOKEN.findall(part)):
            if k and word.lower() in _HEAD_ENDS:
                break
            head = word
        if head and head[0].isupper() and head.lower() not in _NOT_NAMES:
            return "named"
    return "descriptive"


def gold_quotations(text: str, attributions: Sequence[Attribution]) -> list[Gold]:
    """The direct quotations among `attributions`, in text order, each with its source's kind."""
    mask = quoted_mask(text)
    named = sorted(
        (a.source[0][0], span_text(text, a.source))
        for a in attributions
        if a.source and source_kind(span_text(text, a.source)) == "named"
    )
    found = []
    for item in attributions:
        if not item.content or attribution_kind(text, mask, item.content) != "direct":
            continue
        source = span_text(text, item.source).strip()
        kind = source_kind(source)
        antecedent = None
        if kind == "pronoun":
            before = [name for start, name in named if start < item.source[0][0]]
            antecedent = before[-1] if before else None
        found.append(Gold(item.content, source, kind, antecedent))
    return sorted(found, key=lambda g: g.content)


def _shared(start: int, end: int, ranges: Ranges) -> int:
    """Characters of `start:end` inside `ranges`."""
    return sum(max(0, min(end, b) - max(start, a)) for a, b in ranges)


def _overlap(start: int, end: int, ranges: Ranges) -> float:
    """Shared characters over the shorter of the two spans."""
    shorter = min(end - start, sum(b - a for a, b in ranges))
    return _shared(start, end, ranges) / shorter if shorter > 0 else 0.0


def _right(surname: str | None, reference: str | None) -> bool:
    if not surname or not reference:
        return False
    return tokens(surname) <= tokens(reference)


def score_article(
    text: str, attributions: Sequence[Attribution], predicted: Iterable[Predicted]
) -> Score:
    """Match predictions to the gold direct quotations of `attributions` and judge speakers."""
    predicted = tuple(predicted)
    golds = gold_quotations(text, attributions)
    matched = [False] * len(predicted)
    outcomes = []
    for gold in golds:
        best, best_share = None, MATCH_SHARE  # the first prediction of the largest share wins
        for i, p in enumerate(predicted):
            share = _overlap(p.start, p.end, gold.content)
            if share >= MATCH_SHARE:
                matched[i] = True
                if best is None or share > best_share:
                    best, best_share = i, share
        surname = predicted[best].surname if best is not None else None
        right: bool | None = None
        if gold.kind == "named":
            right = _right(surname, gold.source)
        elif gold.kind == "pronoun" and gold.antecedent:
            right = _right(surname, gold.antecedent)
        outcomes.append(GoldOutcome(gold, best, right))
    others = [a.content for a in attributions if a.content]
    excused = tuple(
        not matched[i]
        and any(
            _shared(p.start, p.end, ranges) >= MATCH_SHARE * (p.end - p.start) for ranges in others
        )
        for i, p in enumerate(predicted)
    )
    return Score(tuple(outcomes), predicted, tuple(matched), excused)


# --- every attribution (issue 18) ---------------------------------------------------------------
KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """A gold attribution of any kind: content and source ranges, the source as written."""

    content: Ranges
    source: Ranges  # empty when the annotator marked no source
    source_text: str
    kind: str  # "direct", "mixed" or "indirect"


@dataclass(frozen=True, slots=True)
class PredictedAttribution:
    """A predicted attribution in the annotated text's offsets, with its speaker's surname."""

    start: int  # content
    end: int
    source: tuple[int, int] | None
    surname: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class AttributionScore:
    """One article's outcome over every gold attribution and every prediction."""

    golds: tuple[GoldAttribution, ...]
    gold_match: tuple[int | None, ...]  # per gold: its best-matching prediction
    gold_source_right: tuple[bool, ...]  # per gold: its best prediction's source is right
    predicted: tuple[PredictedAttribution, ...]
    matched: tuple[bool, ...]  # per prediction: its content matches a gold one
    source_right: tuple[bool, ...]  # per prediction: its source is right for its best gold
    one_to_one: int  # pairs in a matching that gives each gold at most one prediction


def attribution_kind(text: str, mask: bytearray, content: Ranges) -> str:
    """`direct` (at least `DIRECT_SHARE` of the content's non-space characters quoted), `mixed`
    (some quoted) or `indirect` (none)."""
    inside = total = 0
    for a, b in content:
        for i in range(a, min(b, len(text))):
            if not text[i].isspace():
                total += 1
                inside += mask[i]
    if total and inside >= DIRECT_SHARE * total:
        return "direct"
    return "mixed" if inside else "indirect"


def gold_attributions(text: str, attributions: Sequence[Attribution]) -> list[GoldAttribution]:
    """Every annotated attribution with a content, in text order, with its kind."""
    mask = quoted_mask(text)
    found = [
        GoldAttribution(
            a.content,
            a.source,
            span_text(text, a.source).strip(),
            attribution_kind(text, mask, a.content),
        )
        for a in attributions
        if a.content
    ]
    return sorted(found, key=lambda g: g.content)


def _shares(p: PredictedAttribution, gold: GoldAttribution) -> tuple[float, float]:
    """(shared over the shorter, shared over the longer) of the two contents."""
    shared = _shared(p.start, p.end, gold.content)
    lengths = (p.end - p.start, sum(b - a for a, b in gold.content))
    if min(lengths) <= 0:
        return 0.0, 0.0
    return shared / min(lengths), shared / max(lengths)


def _source_right(p: PredictedAttribution, gold: GoldAttribution) -> bool:
    """Both without a source; or the predicted source overlaps the gold one; or the predicted
    speaker's surname is a word of the gold source."""
    if not gold.source:
        return p.source is None
    if p.source is not None and _shared(p.source[0], p.source[1], gold.source) > 0:
        return True
    return _right(p.surname, gold.source_text)


def score_attributions(
    text: str, attributions: Sequence[Attribution], predicted: Iterable[PredictedAttribution]
) -> AttributionScore:
    """Match predicted contents to gold ones (at least `MATCH_SHARE` of the shorter shared; the
    best match is the largest share of the shorter, then of the longer) and judge sources."""
    predicted = tuple(predicted)
    golds = gold_attributions(text, attributions)
    best_gold: list[tuple[tuple[float, float], int] | None] = [None] * len(predicted)
    gold_best: list[int | None] = []
    pairs: list[tuple[tuple[float, float], int, int]] = []
    starts = sorted(range(len(predicted)), key=lambda i: predicted[i].start)
    for g, gold in enumerate(golds):
        low, high = gold.content[0][0], gold.content[-1][1]
        best: tuple[tuple[float, float], int] | None = None
        for i in starts:
            p = predicted[i]
            if p.start >= high:
                break
            if p.end <= low:
                continue
            shares = _shares(p, gold)
            if shares[0] < MATCH_SHARE:
                continue
            pairs.append((shares, g, i))
            if best is None or shares > best[0]:
                best = (shares, i)
            if best_gold[i] is None or shares > best_gold[i][0]:
                best_gold[i] = (shares, g)
        gold_best.append(best[1] if best else None)
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    for _, g, i in sorted(pairs, key=lambda t: (-t[0][0], -t[0][1], t[1], t[2])):
        if g not in taken_gold and i not in taken_pred:
            taken_gold.add(g)
            taken_pred.add(i)
    return AttributionScore(
        tuple(golds),
        tuple(gold_best),
        tuple(
            best is not None and _source_right(predicted[best], gold)
            for gold, best in zip(golds, gold_best, strict=True)
        ),
        predicted,
        tuple(b is not None for b in best_gold),
        tuple(
            b is not None and _source_right(p, golds[b[1]])
            for p, b in zip(predicted, best_gold, strict=True)
        ),
        len(taken_gold),
    )
