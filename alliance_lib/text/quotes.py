"""Direct quotations and their said-clauses, by rules that need no trained model.

Two steps, with the speakers stage (`text.speakers`) between them:
1. `find_quotations`: the quotation marks of each body paragraph, the said-clause in the
   quotation's own sentence ("...,” Biden said", "Kishida said: “..."), and whether the
   quotation opens mid-sentence inside reported speech (`partial`);
2. `attribute_quotes`: each quotation gets the speaker its said-clause names, or inherits one: a
   paragraph made only of quotation continues the remarks of the speaker quoted in the
   paragraph before it (the news convention; CoreNLP's `paraend` sieve), and a second quotation
   in a paragraph keeps the paragraph's speaker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from alliance_lib.config import MIN_QUOTE_WORDS, MIN_UNATTRIBUTED_QUOTE_WORDS
from alliance_lib.text.lexicon import SPEECH_VERBS
from alliance_lib.text.model import Paragraph, Quote, Sentence, sentence_locator

_VERBS = "|".join(SPEECH_VERBS)
_NAME = (
    r"(?:[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){0,6}[A-Z][\w’'-]*(?<!’s)(?<!'s))"
)
_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:[a-z][\w-]*\s+){{0,3}}(?P<n1>{_NAME})\s+(?:also\s+)?(?:{_VERBS})\b|(?:{_VERBS})\s+(?P<n2>{_NAME})"
    rf"|according\s+to\s+(?P<n3>{_NAME}))"
)
_BEFORE = re.compile(rf"(?P<n>{_NAME})\s+(?:also\s+)?(?:{_VERBS})\b")
_MARK = re.compile(r"[“”\"]")
_WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class SaidClause:
    """A said-clause: its text ("Biden said"), the speaker phrase as written, and where it counts.

    `offset` is where a pronoun speaker is resolved from: the quotation's opening mark for a
    clause after the quotation, the clause itself for one before it.
    """

    text: str
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation before attribution: content offsets, its marks, sentence and said-clause."""

    start: int  # content, trimmed of spaces and a trailing comma
    end: int
    open_mark: int
    sentence: int
    paragraph: int
    clause: SaidClause | None
    partial: bool


@dataclass(frozen=True, slots=True)
class QuotedParagraph:
    """The quotations of one paragraph, and what inheritance needs to know about the paragraph."""

    index: int
    is_body: bool
    has_marks: bool  # it holds quotation marks (even if only around scare quotes)
    quote_only: bool  # nothing but quotation and punctuation
    quotations: tuple[Quotation, ...]


@dataclass
class _Span:
    start: int  # content start in article text (after the opening mark)
    end: int
    open_mark: int  # offset of the opening quotation mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ends first


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


def _said_clause(text: str, span: _Span, sentence: Sentence) -> tuple[SaidClause | None, bool]:
    """The said-clause of the quotation in its sentence, if any, and whether it is partial."""
    head = text[sentence.start : span.open_mark]
    partial = bool(head.strip()) and not head.rstrip().endswith((":", ",", "“", '"'))
    if span.close_mark is not None:
        tail_end = max(sentence.end, span.close_mark + 1)
        match = _AFTER.match(text, span.close_mark + 1, tail_end)
        if match:
            name = match.group("n1") or match.group("n2") or match.group("n3")
            return SaidClause(match.group(0).strip(" ,"), name, span.open_mark), partial
    matches = list(_BEFORE.finditer(head))
    if matches:
        match = matches[-1]
        clause = SaidClause(match.group(0), match.group("n"), sentence.start + match.start())
        return clause, partial
    return None, partial


def find_quotations(
    text: str, paragraphs: list[Paragraph], sentences: list[Sentence]
) -> list[QuotedParagraph]:
    """Every paragraph with its quotations (scare quotes and titles left out), in text order."""
    sentence_of = sentence_locator(sentences)
    found = []
    for number, paragraph in enumerate(paragraphs):
        if paragraph.kind != "body":
            found.append(QuotedParagraph(number, False, False, False, ()))
            continue
        spans = _quote_spans(text, paragraph)
        quote_only = bool(spans) and not _WORD_CHARACTER.search(
            _outside_quotes(text, paragraph, spans)
        )
        quotations = []
        for span in spans:
            start, end = _trim(text, span.start, span.end)
            words = len(text[start:end].split())
            if words < MIN_QUOTE_WORDS:
                continue  # a scare quote, not a quotation
            sentence_no = sentence_of(span.open_mark)
            clause, partial = _said_clause(text, span, sentences[sentence_no])
            if words < MIN_UNATTRIBUTED_QUOTE_WORDS and clause is None:
                continue  # two words with nobody saying them: a title or a scare quote
            quotations.append(
                Quotation(start, end, span.open_mark, sentence_no, number, clause, partial)
            )
        found.append(QuotedParagraph(number, True, bool(spans), quote_only, tuple(quotations)))
    return found


def attribute_quotes(
    text: str, paragraphs: list[QuotedParagraph], speakers: Mapping[int, str | None]
) -> list[Quote]:
    """Quote records: `speakers` maps a quotation's opening mark to its said-clause's speaker."""
    quotes: list[Quote] = []
    previous_speaker: str | None = None  # last speaker of the paragraph before, if it quoted
    for paragraph in paragraphs:
        if not paragraph.is_body:
            previous_speaker = None
            continue
        paragraph_speaker: str | None = None
        for quotation in paragraph.quotations:
            clause = quotation.clause
            speaker = speakers.get(quotation.open_mark) if clause else None
            attribution = "said_clause" if speaker else "unattributed"
            if speaker is None and clause is None:
                inherited = paragraph_speaker or (
                    previous_speaker if paragraph.quote_only else None
                )
                if inherited:
                    speaker, attribution = inherited, "inherited"
            if speaker:
                paragraph_speaker = speaker
            quotes.append(
                Quote(
                    quotation.start,
                    quotation.end,
                    text[quotation.start : quotation.end],
                    speaker,
                    attribution,
                    clause.text if clause else None,
                    quotation.partial,
                    quotation.sentence,
                    quotation.paragraph,
                )
            )
        previous_speaker = paragraph_speaker if paragraph.has_marks else None
    return quotes
