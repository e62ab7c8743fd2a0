"""Whose voice a piece of text is in: the innermost attribution whose content holds it.

The rule works on attribution-like records (`Held`: a content span, the source as written, the
speaker's id and kind), whatever produced them. A named, pronoun or organisation speaker gives
its canonical name and id; a descriptive source gives its own text ("the communique", "U.S.
intelligence officials") and no id; text no attribution holds is the narrator's.

`parser_records` builds the records from what the parser has today: the quotations with their
speakers, and `analysis.voice`'s reported-speech spans, with belief and accusation verbs
("believe", "accused", "called") added. When `Article.attributions` (issue 18) lands, build the
records from it instead: that is the one function to replace (see `records_from_attributions`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from alliance_lib.analysis.voice import NARRATOR, UNATTRIBUTED, reported_spans
from alliance_lib.text.model import Article

_NAME = re.compile(r"(?:[A-Z][\w.’'-]*\s?)+")
NAMED, PRONOUN, DESCRIPTIVE, ORGANISATION = "named", "pronoun", "descriptive", "organisation"
DIRECT, MIXED, INDIRECT = "direct", "mixed", "indirect"
# Belief and accusation verbs: PolNeAR (like PARC) counts their subjects as sources ("U.S.
# officials believe ...", "Washington has accused China of ...", "The communique called ...").
FRAMING_VERBS = (
    *"believe believes believed accuse accuses accused accusing blame blames blamed".split(),
    *"blaming allege alleges alleged alleging called calls calling describe describes".split(),
    *"described branded brands labelled labeled identified identifies identifying cited cites".split(),
    *"fear fears feared suspect suspects suspected think thinks thought consider".split(),
    *"considers considered regard regards regarded view views viewed".split(),
    *"rejected rejects rejecting denied denies denying dismissed dismisses dismissing".split(),
    "lashed out",
    "lashes out",
)


@dataclass(frozen=True, slots=True)
class Held:
    """An attribution as the voice rule needs it: the article text from `start` to `end` (its
    content) is attributed to `source` (as written); `speaker` is the person or organisation id
    when resolved; `speaker_kind` is named, pronoun, descriptive or organisation; `kind` is
    direct, mixed or indirect."""

    start: int
    end: int
    source: str
    speaker: str | None
    speaker_kind: str
    kind: str
    name: str | None = None  # the speaker's canonical name, when `speaker` is set


@dataclass(frozen=True, slots=True)
class Voice:
    """Who voices a span: `voice` (a name, a descriptive source, or "narrator"), the speaker's
    id (None for the narrator or a descriptive source) and how the span is attributed
    ("direct", "mixed", "indirect" or "narrator")."""

    voice: str
    voice_id: str | None
    how: str


NARRATOR_VOICE = Voice(NARRATOR, None, NARRATOR)


def voice_of(record: Held | None) -> Voice:
    """The voice a record gives: a named, pronoun or organisation speaker's canonical name and
    id, else the source as written; the narrator when there is no record."""
    if record is None:
        return NARRATOR_VOICE
    if record.speaker and record.speaker_kind != DESCRIPTIVE:
        return Voice(record.name or record.source, record.speaker, record.kind)
    return Voice(record.source or UNATTRIBUTED, None, record.kind)


class Innermost:
    """The innermost record holding a span: records are bucketed by the sentences they overlap,
    so a lookup reads only its sentence's records (linear to build, short to query)."""

    def __init__(self, records: Iterable[Held], sentence_starts: Sequence[int]) -> None:
        self._starts = list(sentence_starts)
        self._buckets: dict[int, list[Held]] = {}
        for record in records:
            first = self._sentence(record.start)
            last = self._sentence(max(record.start, record.end - 1))
            for number in range(first, last + 1):
                self._buckets.setdefault(number, []).append(record)

    def _sentence(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def at(self, start: int, end: int, *, kinds: Iterable[str] | None = None) -> Held | None:
        """The shortest record (of `kinds`, if given) whose content holds `start`:`end`; ties go
        to the one that starts last (the nested one)."""
        allowed = set(kinds) if kinds is not None else None
        best = None
        for record in self._buckets.get(self._sentence(start), ()):
            if record.start <= start and end <= record.end:
                if allowed is not None and record.kind not in allowed:
                    continue
                # a quotation with no source found is a partial quotation inside its
                # enclosing attribution ("called Russia 'the most direct threat'"): it yields
                key = (record.source == UNATTRIBUTED, record.end - record.start, -record.start)
                if best is None or key < (
                    best.source == UNATTRIBUTED,
                    best.end - best.start,
                    -best.start,
                ):
                    best = record
        return best


def _speaker_kind(entity_type: str | None) -> str:
    if entity_type == "person":
        return NAMED
    if entity_type in ("organization", "country", "place"):
        return ORGANISATION
    return DESCRIPTIVE


def parser_records(article: Article, sentences: Iterable[int] | None = None) -> list[Held]:
    """Attribution records from today's parser: quotations (direct) and reported speech,
    belief and accusation (indirect) in `sentences` (every sentence when None).

    The switch to issue 18's `Article.attributions` replaces this function's body by
    `records_from_attributions(article)`."""
    numbers = range(len(article.sentences)) if sentences is None else sorted(set(sentences))
    wanted = set(numbers)
    names = article.entity_names()
    types = {e.id: e.type for e in article.entities}
    ids_by_name = {e.name: e.id for e in article.entities}
    records = []
    for quote in article.quotes:
        if quote.sentence not in wanted and sentences is not None:
            continue
        if quote.speaker:
            kind = (
                PRONOUN
                if quote.attribution == "pronoun"
                else _speaker_kind(types.get(quote.speaker, "person"))
            )
            source = quote.source or names.get(quote.speaker, quote.speaker)
            name = names.get(quote.speaker, quote.speaker)
        else:
            kind, source, name = DESCRIPTIVE, quote.source or UNATTRIBUTED, None
        records.append(Held(quote.start, quote.end, source, quote.speaker, kind, DIRECT, name))
    for span in reported_spans(article, numbers, extra_verbs=FRAMING_VERBS, broad=True):
        speaker = ids_by_name.get(span.voice)
        if speaker:
            kind = _speaker_kind(types.get(speaker))
        else:  # a name the gazetteer lacks is named; a phrase ("U.S. officials") descriptive
            kind = NAMED if _NAME.fullmatch(span.voice) else DESCRIPTIVE
        records.append(
            Held(
                span.start,
                span.end,
                span.voice,
                speaker,
                kind,
                INDIRECT,
                span.voice if speaker else None,
            )
        )
    return records


def records_from_attributions(
    attributions: Iterable[object], names: Mapping[str, str]
) -> list[Held]:
    """Records from attribution objects with `content_start`/`content_end` (or `start`/`end`),
    `source`, `speaker`, `speaker_kind` and `kind` attributes, such as issue 18's
    `Article.attributions`: the few lines the switch needs."""
    records = []
    for item in attributions:
        start = getattr(item, "content_start", getattr(item, "start", None))
        end = getattr(item, "content_end", getattr(item, "end", None))
        if start is None or end is None:
            continue
        speaker = getattr(item, "speaker", None)
        records.append(
            Held(
                int(start),
                int(end),
                str(getattr(item, "source", "") or ""),
                speaker,
                str(getattr(item, "speaker_kind", DESCRIPTIVE)),
                str(getattr(item, "kind", INDIRECT)),
                names.get(speaker) if speaker else None,
            )
        )
    return records
