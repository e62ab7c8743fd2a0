"""Direct quotations and their speakers, by rules that need no trained model.

A quotation is attributed by a said-clause in its own sentence ("...,” Biden said", "Kishida
said: “..."), or inherited: a paragraph made only of quotation continues the remarks of the
speaker quoted in the paragraph before it (the news convention; CoreNLP's `paraend` sieve).
A quotation that opens mid-sentence inside reported speech is marked `partial`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from alliance_lib.gazetteer import EntityDef, Gazetteer
from alliance_lib.model import Entity, Paragraph, Quote, Sentence
from alliance_lib.structure import sentence_locator

_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|explained|noted|warned|stressed|argued"
    r"|insisted|declared|remarked|continued|asserted|emphasized|emphasised|wrote|writes|recalled"
    r"|acknowledged|announced|cautioned|observed|replied|responded|urged|vowed|pledged|promised"
    r"|claimed|pointed out|went on|concluded|predicted|agreed|admitted|asked|answered"
    r"|saying|telling|adding|warning|noting|stressing|arguing|insisting|declaring"
)
_NAME = (
    r"(?:[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){0,6}[A-Z][\w’'-]*(?<!’s)(?<!'s))"
)
_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:[a-z][\w-]*\s+){{0,3}}(?P<n1>{_NAME})\s+(?:also\s+)?(?:{_VERBS})\b|(?:{_VERBS})\s+(?P<n2>{_NAME})"
    rf"|according\s+to\s+(?P<n3>{_NAME}))"
)
_BEFORE = re.compile(rf"(?P<n>{_NAME})\s+(?:also\s+)?(?:{_VERBS})\b")
_PRONOUNS = {"he", "she", "they"}
# Capitalised words a said-clause can hold that never name a speaker.
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december it this that there officials"
    " analysts experts".split()
)
# Words that can precede a name in a said-clause and are not part of it.
_TITLE_WORDS = frozenset(
    "the president prime minister secretary defense defence foreign state ambassador"
    " spokesperson spokesman spokeswoman general gen. adm. admiral chief senator sen. rep. mr."
    " ms. mrs. dr. deputy vice national security adviser advisor official cabinet chairman"
    " leader former u.s. us japanese american chinese russian korean british".split()
)


@dataclass
class _Span:
    start: int  # content start in article text (after the opening mark)
    end: int
    open_mark: int  # offset of the opening quotation mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ends first


_MARK = re.compile(r"[“”\"]")


def _quote_spans(text: str, paragraph: Paragraph) -> list[_Span]:
    spans: list[_Span] = []
    open_at: int | None = None
    for mark in _MARK.finditer(text, paragraph.start, paragraph.end):
        i, ch = mark.start(), mark.group()
        if open_at is None and ch in '“"':
            open_at = i
        elif open_at is not None and ch in '”"':
            spans.append(_Span(open_at + 1, i, open_at, i))
            open_at = None
    if open_at is not None:
        spans.append(_Span(open_at + 1, paragraph.end, open_at, None))
    return spans


def _outside_quotes(text: str, paragraph: Paragraph, spans: list[_Span]) -> str:
    """The paragraph's text with every quotation cut out."""
    pieces, position = [], paragraph.start
    for span in spans:
        pieces.append(text[position : span.open_mark])
        position = span.close_mark + 1 if span.close_mark is not None else paragraph.end
    pieces.append(text[position : paragraph.end])
    return "".join(pieces)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


class _Speakers:
    """Resolves a said-clause name to an entity id, creating people the gazetteer lacks."""

    def __init__(self, gazetteer: Gazetteer, entities: list[Entity]) -> None:
        self.gazetteer = gazetteer
        self.people = sorted((e.start, e.id) for e in entities if e.type == "person")
        self.new: dict[str, EntityDef] = {}
        self.new_forms: dict[str, str] = {}

    def resolve(self, name: str, offset: int) -> str | None:
        name = name.strip()
        if name.lower() in _PRONOUNS:
            i = bisect.bisect_left(self.people, (offset, ""))
            return self.people[i - 1][1] if i else None
        tokens = name.split()
        for k in range(len(tokens)):
            candidate = " ".join(tokens[k:])
            entity = self.gazetteer.lookup(candidate) or self.new.get(
                self.new_forms.get(candidate, "")
            )
            if entity is not None:
                return entity.id
        while tokens and (tokens[0].lower() in _TITLE_WORDS or self.gazetteer.lookup(tokens[0])):
            tokens.pop(0)
        if (
            not tokens
            or not tokens[-1][0].isupper()
            or any(t.lower() in _NOT_NAMES for t in tokens)
        ):
            return None
        full = " ".join(tokens)
        entity_id = re.sub(r"[^a-z0-9]+", "-", full.lower()).strip("-")
        if entity_id not in self.new:
            self.new[entity_id] = EntityDef(entity_id, "person", full, tokens[-1])
        self.new_forms.setdefault(full, entity_id)
        self.new_forms.setdefault(tokens[-1], entity_id)
        bisect.insort(self.people, (offset, entity_id))
        return entity_id


def _said_clause(text: str, span: _Span, sentence: Sentence, speakers: _Speakers):
    """(speaker id, cue text, partial) from a said-clause in the quotation's sentence, if any."""
    head = text[sentence.start : span.open_mark]
    partial = bool(head.strip()) and not head.rstrip().endswith((":", ",", "“", '"'))
    if span.close_mark is not None:
        tail_end = max(sentence.end, span.close_mark + 1)
        match = _AFTER.match(text, span.close_mark + 1, tail_end)
        if match:
            name = match.group("n1") or match.group("n2") or match.group("n3")
            return speakers.resolve(name, span.open_mark), match.group(0).strip(" ,"), partial
    matches = list(_BEFORE.finditer(head))
    if matches:
        match = matches[-1]
        speaker = speakers.resolve(match.group("n"), sentence.start + match.start())
        return speaker, match.group(0), partial
    return None, None, partial


def find_quotes(
    text: str,
    paragraphs: list[Paragraph],
    sentences: list[Sentence],
    entities: list[Entity],
    gazetteer: Gazetteer,
) -> tuple[list[Quote], list[EntityDef]]:
    """Quotations in text order, and the people named in said-clauses but not in the gazetteer."""
    speakers = _Speakers(gazetteer, entities)
    sentence_of = sentence_locator(sentences)
    quotes: list[Quote] = []
    previous_speaker: str | None = None  # last speaker of the paragraph before, if it quoted
    for number, paragraph in enumerate(paragraphs):
        if paragraph.kind != "body":
            previous_speaker = None
            continue
        spans = _quote_spans(text, paragraph)
        # A paragraph made only of quotation (nothing but punctuation outside the marks).
        quote_only = bool(spans) and not re.search(r"\w", _outside_quotes(text, paragraph, spans))
        paragraph_speaker: str | None = None
        for span in spans:
            start, end = _trim(text, span.start, span.end)
            words = len(text[start:end].split())
            if words < 2:
                continue  # a scare quote, not a quotation
            sentence_no = sentence_of(span.open_mark)
            speaker, cue, partial = _said_clause(text, span, sentences[sentence_no], speakers)
            if words < 3 and cue is None:
                continue  # two words with nobody saying them: a title or a scare quote
            attribution = "said_clause" if speaker else "unattributed"
            if speaker is None and cue is None:
                inherited = paragraph_speaker or (previous_speaker if quote_only else None)
                if inherited:
                    speaker, attribution = inherited, "inherited"
            if speaker:
                paragraph_speaker = speaker
            quotes.append(
                Quote(
                    start,
                    end,
                    text[start:end],
                    speaker,
                    attribution,
                    cue,
                    partial,
                    sentence_no,
                    number,
                )
            )
        previous_speaker = paragraph_speaker if spans else None
    return quotes, list(speakers.new.values())
