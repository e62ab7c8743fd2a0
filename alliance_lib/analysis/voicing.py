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
Threat frames are also voiced where the parser's clauses write no attribution (`frame_records`):
a claim written as a noun ("the senator's warning that ...", "officials issued a warning
that ..."), an as-clause ("as many analysts believe"), and a speaker's appositive ("said Ann
Lee, head of a firm that tracks Russian hackers": the speaker's own description).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from alliance_lib.analysis.voice import NARRATOR, UNATTRIBUTED
from alliance_lib.text.model import Article, Attribution, Sentence

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


# A claim written as a noun: "the senator's warning that ...", "Lee's stark claim: ...".
_CLAIM_NOUNS = (
    "warning|warnings|claim|claims|assertion|allegation|allegations|accusation|accusations|"
    "charge|charges|view|belief|dictum|argument|assessment|conclusion|contention|fear|fears|"
    "suspicion|suspicions|verdict|finding|findings|insistence"
)
# found by its noun first (a literal alternation, cheap), then its owner read back from there
_CLAIM_TAIL = re.compile(
    r"(?:[’']s|(?<=s)[’'])\s+(?:[a-z]+\s+)?(?:" + _CLAIM_NOUNS + r")(?:\s+that\b|\s*:)"
)
_OWNER = re.compile(
    r"(?<![\w’'.-])(?P<source>(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*"
    r"|(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+){0,2}[a-z]+)$"
)
_OWNER_REACH = 60  # characters read back from the possessive for its owner
# "Lee is putting out a warning that ...", "the panel issued a stark warning that ...": the
# subject opens the sentence, at most six words before the verb
_ISSUED = re.compile(
    r"(?P<source>[^\s,;:]+(?:\s+[^\s,;:]+){0,5}?)\s+(?:(?:is|are|was|were|has|have|had)\s+)?"
    r"(?:issu(?:e|es|ed|ing)|put(?:s|ting)?\s+out|sound(?:s|ed|ing)?|repeat(?:s|ed|ing)?|"
    r"voic(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|made|makes?|making|gave|gives?|giving)\s+"
    r"(?:a|an|the|their|his|her|its)\s+(?:[a-z]+\s+)?(?:" + _CLAIM_NOUNS + r")(?:\s+that\b|\s*:)"
)
# "as many researchers believe", "as U.S. officials have said": the clause it qualifies is theirs
_AS_CLAUSE = re.compile(
    r"(?:^|[,—–(]\s*)as\s+(?P<source>(?!well\b|soon\b|long\b|much\b|far\b|if\b|though\b|it\b|"
    r"they\b|he\b|she\b|we\b|i\b|you\b)[^\s,;:]+(?:\s+[^\s,;:]+){0,4}?)\s+"
    r"(?:(?:have|has|had|now|also|long)\s+)?"
    r"(?:believes?|believed|say|says|said|suspects?|suspected|fears?|feared|alleges?|alleged|"
    r"argues?|argued|contends?|contended|warns?|warned|claims?|claimed|assert(?:s|ed)?|"
    r"maintains?|maintained|insists?|insisted|conclude[sd]?)\b",
    re.IGNORECASE,
)
_PRONOUN_SOURCE = re.compile(r"(?:it|they|he|she|we|i|you|this|that|which|who)", re.IGNORECASE)


class _Named:
    """The article's person and organisation entities, sorted, to find one inside a span by
    bisection (a lookup per claim, so linear overall)."""

    def __init__(self, article: Article) -> None:
        kept = [e for e in article.entities if e.type in ("person", "organization")]
        self._entities = sorted(kept, key=lambda e: (e.start, e.end))
        self._starts = [e.start for e in self._entities]

    def inside(self, start: int, end: int) -> tuple[str | None, str | None, str]:
        """(id, canonical name, speaker kind) of the first entity inside `start`:`end`."""
        index = bisect_left(self._starts, start)
        if index < len(self._entities) and self._entities[index].end <= end:
            entity = self._entities[index]
            return entity.id, entity.name, NAMED if entity.type == "person" else ORGANISATION
        return None, None, DESCRIPTIVE


def _claim_record(
    named: _Named, match: re.Match[str], content: tuple[int, int], offset: int = 0
) -> Held | None:
    """A record of `content` whose source is the match's `source` group (`offset`: where the
    matched string starts in the article), or None for a pronoun source."""
    raw = match.group("source")
    source = raw.strip()
    start = offset + match.start("source") + len(raw) - len(raw.lstrip())
    if _PRONOUN_SOURCE.fullmatch(source) or content[0] >= content[1]:
        return None  # a pronoun the parser did not resolve voices nothing here
    speaker, name, kind = named.inside(start, start + len(source))
    return Held(*content, source, speaker, kind, INDIRECT, name, start, start + len(source))


def claim_records(article: Article, only: Collection[int] | None = None) -> list[Held]:
    """Attributions the parser's clauses do not write, read from the sentence by a pattern: a
    claim written as a noun ("the senator's warning that ...", "Lee issued a warning that ..."),
    its content the rest of the sentence; an as-clause ("as many analysts believe"), its content
    the sentence. Each sentence (or each of `only`, by index) is read once by three regexes
    (linear)."""
    text = article.text
    named = _Named(article)
    records: list[Held] = []
    numbers = range(len(article.sentences)) if only is None else sorted(only)
    for sentence in (article.sentences[n] for n in numbers):
        end = sentence.end
        tail = _CLAIM_TAIL.search(text, sentence.start, end)  # anywhere in the sentence
        if tail is not None:
            reach = max(sentence.start, tail.start() - _OWNER_REACH)
            owner = _OWNER.search(text[reach : tail.start()])
            if owner is not None:
                record = _claim_record(named, owner, (tail.end(), end), reach)
                if record is not None:
                    records.append(record)
        issued = _ISSUED.match(text, sentence.start, end)  # its subject opens the sentence
        if issued is not None:
            record = _claim_record(named, issued, (issued.end(), end))
            if record is not None:
                records.append(record)
        match = _AS_CLAUSE.search(text[sentence.start : end])  # "^": the sentence's start
        if match is not None:
            record = _claim_record(named, match, (sentence.start, end), sentence.start)
            if record is not None:
                records.append(record)
    return records


def appositive_records(records: Iterable[Held], sentences: Sequence[Sentence]) -> list[Held]:
    """A speaker's appositive ("..., said Ann Lee, of a firm that tracks Russian hackers") is
    voiced by the speaker: for a record whose source follows its content in one sentence, the
    rest of that sentence after the source."""
    starts = [s.start for s in sentences]
    out = []
    for record in records:
        if record.source_start is None or record.source_end is None:
            continue
        if record.end > record.source_start:
            continue  # the source comes first: what follows it is its content, not a description
        number = bisect_right(starts, record.source_start) - 1
        if number < 0 or bisect_right(starts, max(record.start, record.end - 1)) - 1 != number:
            continue  # content and source in different sentences
        end = sentences[number].end
        if record.source_end < end:
            out.append(replace(record, start=record.source_end, end=end, kind=INDIRECT))
    return out


def frame_records(article: Article, only: Collection[int] | None = None) -> list[Held]:
    """The records that voice threat frames: the article's attributions, the claims written as
    nouns or as-clauses they do not hold (`claim_records`, in the sentences `only` names when
    given: those holding a frame), and speakers' appositives."""
    records = article_records(article)
    claims = claim_records(article, only)
    return [*records, *claims, *appositive_records(records, article.sentences)]


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
