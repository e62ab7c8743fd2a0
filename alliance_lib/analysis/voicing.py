"""Whose voice a piece of text is in: the innermost attribution whose content holds it.

The records come from the parser's attributions (`Article.attributions`, issue 18: direct,
mixed and indirect, with source, cue and content spans and the resolved speaker), read as
`Held` records by `records_from_attributions`. A named, pronoun or organisation speaker gives
its canonical name and id; a descriptive source gives its own text ("the communique", "U.S.
intelligence officials") and no id; text no attribution holds is the narrator's. An attribution
with no source voices nothing ("X is expected to ..."); a quotation nobody is named for yields to
the attribution around it, if any.

A frame (a proposition: "Russia is a threat") is voiced by whoever its attribution reports,
paraphrase included. A word (a descriptor such as "communist") is voiced by a speaker only
inside that speaker's quotation marks (`quoted_records`): in paraphrase the wording is the
narrator's, so "the leaders agreed ... communist China" does not make "communist" the leaders'.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from alliance_lib.analysis.voice import NARRATOR, UNATTRIBUTED
from alliance_lib.text.model import Article, Attribution

NAMED, PRONOUN, DESCRIPTIVE, ORGANISATION = "named", "pronoun", "descriptive", "organisation"
DIRECT, MIXED, INDIRECT = "direct", "mixed", "indirect"
# A negation right before a cue, an adverb allowed between ("has never publicly said").
_NEGATED = re.compile(r"\b(?:not|never|n[’']t|no longer)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)


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
    source_start: int | None = None  # where the source is written, when it is
    source_end: int | None = None


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

    def at(self, start: int, end: int, skip: Callable[[Held], bool] | None = None) -> Held | None:
        """The shortest record whose content holds `start`:`end` (and that `skip` does not
        reject); ties go to the one that starts last (the nested one); an unattributed
        quotation yields to a record around it."""
        best = None
        for record in self._buckets.get(self._sentence(start), ()):
            if record.start <= start and end <= record.end:
                if skip is not None and skip(record):
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


def _held(item: Attribution, names: Mapping[str, str]) -> Held:
    speaker = item.speaker
    source = item.source.text if item.source is not None else ""
    # a speaker id with no entity (an organisation the parser named from its phrase, such as
    # "Clinton's campaign") is named by the phrase
    name = (names.get(speaker) or source or speaker) if speaker else None
    return Held(
        item.content.start,
        item.content.end,
        source or name or UNATTRIBUTED,
        speaker,
        item.speaker_kind or DESCRIPTIVE,
        item.kind,
        name,
        item.source.start if item.source is not None else None,
        item.source.end if item.source is not None else None,
    )


def records_from_attributions(
    attributions: Iterable[Attribution], names: Mapping[str, str], text: str | None = None
) -> list[Held]:
    """`Held` records from attribution records (`Article.attributions`); `names` gives each
    speaker id its canonical name (`Article.entity_names`). A report with neither source nor
    speaker ("X is expected to ...") voices nothing and is left out; a quotation with neither is
    kept as an unattributed quotation (which yields to an attribution around it). Given the
    article's `text`, a negated cue ("has not publicly said that ...") voices nothing
    either: what its source did not say is the narrator's."""
    return [
        _held(item, names)
        for item in attributions
        if (item.source is not None or item.speaker is not None or item.kind == DIRECT)
        and not (text is not None and _negated(text, item))
    ]


def _negated(text: str, item: Attribution) -> bool:
    cue = item.cue
    return cue is not None and _NEGATED.search(text, max(0, cue.start - 30), cue.start) is not None


def article_records(article: Article) -> list[Held]:
    """Every attribution of the article as a `Held` record: what frames are voiced by."""
    return records_from_attributions(article.attributions, article.entity_names(), article.text)


def quoted_records(article: Article) -> list[Held]:
    """The records that voice words, not only propositions: for each quotation of the article,
    the innermost attribution holding it (its own direct record, or the mixed one that took it
    in), narrowed to the quotation's span. What lies outside quotation marks is the narrator's
    wording, whoever it paraphrases."""
    lookup = Innermost(article_records(article), [s.start for s in article.sentences])
    records = []
    for quote in article.quotes:
        holder = lookup.at(quote.start, quote.end)
        if holder is not None:
            records.append(replace(holder, start=quote.start, end=quote.end))
    return records
