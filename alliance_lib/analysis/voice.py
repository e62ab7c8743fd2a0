"""Who voices each part of an article: a quoted speaker, the subject of reported speech, or the
narrator.

Direct quotations carry their speaker from the parser (`Article.quotes`). Reported speech and
paraphrase are found here, from the sentences, the entities and `text.lexicon.SPEECH_VERBS`:

- "Kishida said (that) the threats ...": what follows the verb is voiced by its subject;
- "Such was necessary, the leaders agreed, due to ..." and "..., Kishida said.": a said-clause
  standing between commas, or closing the sentence, voices the whole sentence;
- "According to a joint statement, ...": the rest of the sentence is the statement's.

Verbs that also take a plain object ("agreed to the expansions", "announced a plan", "told
reporters") report speech only with "that", or as a said-clause between commas. The subject is
a named entity just before the verb (or just after it: "said Defense Secretary Lloyd Austin"), a
group ("the leaders", "Japanese officials") or "he"/"she" (the last person named before). A
said-clause right after a quotation is the quotation's own, which the parser attributes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from alliance_lib.config import MAX_REPORTING_SUBJECT_WORDS, QUOTE_VOICE_SHARE
from alliance_lib.text.lexicon import (
    OBJECT_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
    alternation,
)
from alliance_lib.text.model import Article, Entity, Sentence

NARRATOR = "narrator"
UNATTRIBUTED = "unattributed quotation"
_VERB = re.compile(rf"\b(?P<verb>{alternation(SPEECH_VERBS)})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<source>[^,.;]{3,80}),\s*")
_BOUNDARY = ',;:“”"—('
# Words between a subject and its verb ("Biden has also said").
_TRAIL = re.compile(
    r"(?:\s+(?:also|has|have|had|later|then|again|once|previously|repeatedly|publicly|[a-z]+ly))*\s*$"
)
_GROUP = re.compile(
    r"(?:(?:the|both|two|three|several|many|some|senior|top|[A-Z][\w.’'-]*)\s+){0,3}"
    r"(?:leaders|officials|ministers|diplomats|analysts|experts|critics|allies|governments|"
    r"government|statement|readout|ministry|spokesperson|spokesman|spokeswoman|administration)",
    re.IGNORECASE,
)
_THAT = re.compile(r"\s*(?:[\w’'-]+\s+){0,3}?that\b|\s*[:,]")


@dataclass(frozen=True, slots=True)
class VoiceSpan:
    """Text from `start` to `end` (article offsets) voiced by `voice`; `kind` is "quotation" or
    "reported"; `cue` is the reporting words ("the leaders agreed")."""

    start: int
    end: int
    voice: str
    kind: str
    cue: str


def _entity_ending(entities: list[Entity], end: int) -> Entity | None:
    """The entity whose mention ends at `end`, if any."""
    for entity in entities:
        if entity.end == end:
            return entity
    return None


class _People:
    """The article's person mentions in text order, to find the last one before an offset by
    bisection (one lookup per pronoun, not a scan from the article's start)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.people = sorted((e for e in entities if e.type == "person"), key=lambda e: e.start)
        self.starts = [e.start for e in self.people]

    def last_before(self, offset: int) -> Entity | None:
        """The last person named before `offset`."""
        at = bisect_left(self.starts, offset)
        return self.people[at - 1] if at else None


def _subject_before(
    people: _People, entities: list[Entity], text: str, offset: int, verb_start: int
) -> tuple[str, int] | None:
    """(voice, segment start) of the subject just before a verb at `verb_start` in `text`."""
    begin = max(text.rfind(ch, 0, verb_start) for ch in _BOUNDARY) + 1
    segment = text[begin:verb_start]
    if len(segment.split()) > MAX_REPORTING_SUBJECT_WORDS:
        return None
    trail = _TRAIL.search(segment)
    subject = segment[: trail.start() if trail else len(segment)].strip()
    if not subject:
        return None
    subject_end = offset + begin + segment.index(subject) + len(subject)
    entity = _entity_ending(entities, subject_end)
    if entity is not None and (entity.type == "person" or not _GROUP.fullmatch(subject)):
        return entity.name, begin
    if _GROUP.fullmatch(subject):
        return subject, begin
    if subject.lower() in PRONOUNS - {"they"}:
        person = people.last_before(offset + begin)
        return (person.name, begin) if person else None
    return None


def _subject_after(entities: list[Entity], text: str, offset: int, verb_end: int) -> str | None:
    """The subject of an inverted said-clause ("said Defense Secretary Lloyd Austin")."""
    stops = [i for i in (text.find(ch, verb_end) for ch in ",.;:") if i >= 0]
    window_end = min(stops) if stops else len(text)
    window = text[verb_end:window_end]
    if len(window.split()) > MAX_REPORTING_SUBJECT_WORDS:
        return None
    for entity in entities:
        if offset + verb_end <= entity.start and entity.end <= offset + window_end:
            return entity.name
    group = _GROUP.match(window.strip())
    return group.group(0) if group else None


def _reported(sentence: Sentence, entities: list[Entity], people: _People) -> list[VoiceSpan]:
    """Reported-speech spans of `sentence` (whose entity mentions are `entities`), in text
    order."""
    text, offset = sentence.text, sentence.start
    found: list[tuple[int, int, str, str]] = []  # (content start, cue start, voice, cue), local
    for match in _ACCORDING.finditer(text):
        source = match.group("source")
        named = [
            e
            for e in entities
            if offset + match.start("source") <= e.start < offset + match.end("source")
        ]
        voice = named[0].name if named and named[0].type != "country" else source
        found.append((match.end(), match.start(), voice, match.group(0).rstrip(", ")))
    for match in _VERB.finditer(text):
        verb = match.group("verb")
        after = text[match.end() :]
        subject = _subject_before(people, entities, text, offset, match.start())
        if subject is None:
            prefix = text[: match.start()].rstrip()
            if prefix.endswith(","):  # ", said Defense Secretary ..."
                voice = _subject_after(entities, text, offset, match.end())
                if voice is not None:
                    found.append((0, match.start(), voice, text[match.start() :].split(",")[0]))
            continue
        voice, begin = subject
        if text[:begin].rstrip(" ,").endswith(("”", '"')):  # a quotation's own said-clause
            continue
        cue = text[begin : match.end()].strip()
        if begin > 0 and re.match(
            r"\s*[,.;:!?]", after
        ):  # ", the leaders agreed," / "..., X said."
            found.append((0, begin, voice, cue))
        elif verb not in OBJECT_VERBS:
            found.append((match.end(), begin, voice, cue))
        elif (that := _THAT.match(after)) is not None:
            found.append((match.end() + that.end(), begin, voice, cue))
    spans = []
    for content, _, voice, cue in sorted(found):
        following = [start for _, start, *_ in found if start > content]
        end = len(text) if content == 0 or not following else min(following)
        spans.append(VoiceSpan(offset + content, offset + end, voice, "reported", cue))
    return spans


def voice_spans(article: Article) -> list[VoiceSpan]:
    """Every quotation and reported-speech span of the article, in text order."""
    names = article.entity_names()
    spans = [
        VoiceSpan(
            q.start,
            q.end,
            names.get(q.speaker, q.speaker) if q.speaker else UNATTRIBUTED,
            "quotation",
            q.cue or "",
        )
        for q in article.quotes
    ]
    people = _People(article.entities)
    in_sentence: list[list[Entity]] = [[] for _ in article.sentences]
    for entity in article.entities:
        in_sentence[entity.sentence].append(entity)
    for sentence, entities in zip(article.sentences, in_sentence, strict=True):
        spans.extend(_reported(sentence, entities, people))
    return sorted(spans, key=lambda span: (span.start, span.kind))


_KINDS = ("quotation", "reported")  # a quotation's speaker voices its words before reported speech


class VoiceLookup:
    """Who voices a piece of text, by bisection: the first span (in start order) of each kind
    that holds it, found through the running maximum of the span ends (linear to build, a
    logarithmic lookup for each mention instead of a scan of every span)."""

    def __init__(self, spans: Sequence[VoiceSpan]) -> None:
        self._kinds = []
        for kind in _KINDS:
            chosen = sorted((s for s in spans if s.kind == kind), key=lambda s: s.start)
            reach = list(accumulate((s.end for s in chosen), max))
            self._kinds.append((kind, chosen, [s.start for s in chosen], reach))

    def at(self, start: int, end: int) -> tuple[str, str]:
        """(voice, kind) of the text from `start` to `end`: a quotation holding it first, then
        reported speech, else the narrator."""
        for kind, chosen, starts, reach in self._kinds:
            opened = bisect_right(starts, start)  # spans starting at or before `start`
            first = bisect_left(reach, end, 0, opened)  # the first of them reaching `end`
            if first < opened:
                return chosen[first].voice, kind
        return NARRATOR, NARRATOR


def sentence_voices(article: Article, spans: list[VoiceSpan]) -> list[str]:
    """Who voices each sentence: whoever's quotation, else reported speech, covers more than
    `QUOTE_VOICE_SHARE` of it; otherwise the narrator. One pass over the sentences and the spans
    (in start order): a span is looked at only while it overlaps the sentences in hand."""
    ordered = {
        kind: sorted((s for s in spans if s.kind == kind), key=lambda s: s.start) for kind in _KINDS
    }
    waiting = dict.fromkeys(_KINDS, 0)
    active: dict[str, list[VoiceSpan]] = {kind: [] for kind in _KINDS}
    voices = []
    for sentence in article.sentences:
        length = sentence.end - sentence.start
        voice = NARRATOR
        for kind in _KINDS:
            queue = ordered[kind]
            while waiting[kind] < len(queue) and queue[waiting[kind]].start < sentence.end:
                active[kind].append(queue[waiting[kind]])
                waiting[kind] += 1
            active[kind] = [span for span in active[kind] if span.end > sentence.start]
            cover: dict[str, int] = {}
            for span in active[kind]:
                overlap = min(sentence.end, span.end) - max(sentence.start, span.start)
                if overlap > 0:
                    cover[span.voice] = cover.get(span.voice, 0) + overlap
            best = max(sorted(cover), key=cover.__getitem__, default=None)
            if best is not None and cover[best] > QUOTE_VOICE_SHARE * length:
                voice = best
                break
        voices.append(voice)
    return voices
