"""Immutable records of a parsed article; every item's `text == article.text[start:end]`.

The records know nothing of pandas: DataFrame views of them are in `alliance_lib.text.frames`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from typing import Any, Protocol

from alliance_lib.text.offsets import OffsetMap


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str
    kind: str  # "body" or "subheading"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None  # canonical person id, as in `Article.entities`
    # "said_clause", "pronoun" (he/she/they said), "subject" (the subject of reported speech
    # with no speech verb), "descriptive" (a speaker described, not named: speaker is None),
    # "inherited" or "unattributed"
    attribution: str
    cue: str | None  # the said-clause that attributes it ("Biden said"), when there is one
    partial: bool  # a partial quotation embedded in reported speech
    sentence: int
    paragraph: int
    source: str | None = None  # the speaker phrase as written ("he", "a campaign spokesman")
    antecedent_start: int | None = None  # a pronoun speaker's antecedent mention in the text
    antecedent_end: int | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text: `text == Article.text[start:end]`."""

    start: int
    end: int
    text: str


# The kinds of attribution, PARC 3.0's and PolNeAR's: content wholly in quotation marks, partly
# quoted, or reported without quotation marks.
ATTRIBUTION_KINDS = ("direct", "mixed", "indirect")
# How the source names who it is: a person's name, a pronoun resolved to a person, a description
# with no id ("a campaign spokesman"), or an organisation (a government, an agency, an outlet).
SPEAKER_KINDS = ("named", "pronoun", "descriptive", "organisation")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said, wrote, thought or found what (PARC's source, cue and content).

    `content` is what is attributed, without the quotation marks of a direct quotation (a mixed
    attribution's content is its whole span, quoted and unquoted parts together); `source` the
    words that name who (`Rep. Ann Lee`, `he`, `a campaign spokesman`) and `cue` the reporting
    verb or phrase (`said`, `according to`), each None when the text has none. `speaker` is the
    resolved entity id (as in `Article.entities` and `Article.quotes`), `speaker_kind` one of
    `SPEAKER_KINDS` or None, and `sentence` the sentence of the cue (of the content when there is
    no cue). A report of what someone else said is listed on its own, inside the content of the
    attribution that reports it.
    """

    kind: str  # one of ATTRIBUTION_KINDS
    content: Span
    source: Span | None
    cue: Span | None
    speaker: str | None
    speaker_kind: str | None
    sentence: int


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    type: str  # "country", "person", "organization" or "place"
    id: str  # ISO 3166-1 alpha-3 for countries, a gazetteer id otherwise
    name: str  # canonical name
    sentence: int


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    text: str
    type: str  # share_of_gdp, multiplier, duration, date, fiscal_year, amount, percent, historical_anchor
    value: float | str
    unit: str | None
    sentence: int
    precision: str | None = None  # dates: "year", "month", "day" or "month_day" (year unknown)
    note: str | None = None  # how a value was derived, e.g. the year-inference rule
    # share_of_gdp, percent and amount: "at_most" ("up to"), "at_least" ("more than"), "about"
    # ("around"), or None for a number stated as it is
    bound: str | None = None
    # spending claims: whose money, share or target it is (ISO alpha-3, or an organisation such
    # as NATO or EU; `text.owners`), None when the clause names several owners or none
    owner: str | None = None
    owner_cue: str | None = None  # the words that gave the owner (or why there is none)


@dataclass(frozen=True, slots=True)
class Removed:
    """A line or fragment dropped as boilerplate; offsets index `Article.source_text`."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class Article:
    """A parsed article: normalised text, its structure, and what was found in it."""

    source: str
    headline: str | None
    section: str | None
    truncated: bool
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    removed: tuple[Removed, ...]
    source_text: str = field(repr=False)
    reference_date: str | None = None
    # How the file's bytes were decoded when they were not clean UTF-8 (stray bytes repaired, a
    # legacy encoding guessed); None for clean input and for text passed in directly.
    decode_note: str | None = None
    # Every attribution, direct, mixed and indirect, in text order of their content.
    attributions: tuple[Attribution, ...] = ()
    _offsets: OffsetMap = field(default_factory=OffsetMap, repr=False, compare=False)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` back to `source_text` (the decoded input, or the text of an HTML page)."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside the article text")
        if start == end:
            pos = self._offsets[start] if start < len(self._offsets) else len(self.source_text)
            return pos, pos
        return self._offsets[start], self._offsets[end - 1] + 1

    def to_dict(self) -> dict[str, Any]:
        """The article as plain JSON-ready data; items carry their source offsets too."""
        return {
            "source": self.source,
            "headline": self.headline,
            "section": self.section,
            "truncated": self.truncated,
            "reference_date": self.reference_date,
            "decode_note": self.decode_note,
            "text": self.text,
            "paragraphs": self.records(self.paragraphs),
            "sentences": self.records(self.sentences),
            "quotes": self.records(self.quotes),
            "attributions": self.attribution_records(),
            "entities": self.records(self.entities),
            "claims": self.records(self.claims),
            "removed": self.records(self.removed, in_text=False),
        }

    def span_record(self, span: Span | None) -> dict[str, Any] | None:
        """A span as JSON-ready data: offsets in `text`, in the decoded input, and its text."""
        if span is None:
            return None
        raw_start, raw_end = self.source_span(span.start, span.end)
        return {
            "start": span.start,
            "end": span.end,
            "raw_start": raw_start,
            "raw_end": raw_end,
            "text": span.text,
        }

    def attribution_records(self) -> list[dict[str, Any]]:
        """`attributions` as JSON-ready data, each span with its raw offsets too."""
        return [
            {
                "kind": a.kind,
                "content": self.span_record(a.content),
                "source": self.span_record(a.source),
                "cue": self.span_record(a.cue),
                "speaker": a.speaker,
                "speaker_kind": a.speaker_kind,
                "sentence": a.sentence,
            }
            for a in self.attributions
        ]

    def attribution_at(self, start: int, end: int) -> Attribution | None:
        """The innermost attribution whose content covers `text[start:end]`, or None: the one
        whose content starts last (the shortest of those starting there). Logarithmic per call
        after a linear index built on first use."""
        return self._attribution_index.innermost(start, end)

    @cached_property
    def _attribution_index(self) -> _CoverIndex:
        return _CoverIndex(self.attributions)

    def entity_names(self) -> dict[str, str]:
        """Canonical name of every entity id found in the article."""
        return {e.id: e.name for e in self.entities}

    def records(self, items: tuple, *, in_text: bool = True) -> list[dict[str, Any]]:
        """Items as dicts; items of the text also get `source_start`/`source_end`."""
        rows = []
        for item in items:
            row = {name: getattr(item, name) for name in _field_names(type(item))}
            if in_text:
                row["source_start"], row["source_end"] = self.source_span(item.start, item.end)
            rows.append(row)
        return rows


class _CoverIndex:
    """Attributions by content start, with a segment tree of content ends, to find the last one
    (in start order) starting at or before an offset and ending at or after another."""

    def __init__(self, attributions: Sequence[Attribution]) -> None:
        self.items = sorted(attributions, key=lambda a: (a.content.start, -a.content.end))
        self.starts = [a.content.start for a in self.items]
        size = 1
        while size < len(self.items):
            size *= 2
        self.size = size
        self.tree = [-1] * (2 * size)
        for i, item in enumerate(self.items):
            self.tree[size + i] = item.content.end
        for node in range(size - 1, 0, -1):
            self.tree[node] = max(self.tree[2 * node], self.tree[2 * node + 1])

    def innermost(self, start: int, end: int) -> Attribution | None:
        limit = bisect.bisect_right(self.starts, start)  # items[:limit] start at or before
        if limit == 0:
            return None
        found = self._rightmost(1, 0, self.size, limit, end)
        return self.items[found] if found >= 0 else None

    def _rightmost(self, node: int, low: int, high: int, limit: int, end: int) -> int:
        """The largest index below `limit` in `node`'s range [low, high) whose end >= `end`."""
        if low >= limit or self.tree[node] < end:
            return -1
        if high - low == 1:
            return low
        middle = (low + high) // 2
        found = self._rightmost(2 * node + 1, middle, high, limit, end)
        return found if found >= 0 else self._rightmost(2 * node, low, middle, limit, end)


@cache
def _field_names(record: type) -> tuple[str, ...]:
    """A record's field names, in order: its dict without `asdict`'s deep copy of every value.

    The records hold only str, int, float, bool and None; `asdict` took 4 s for 300,000 claims.
    """
    return tuple(f.name for f in fields(record))


class _Located(Protocol):
    """Anything that starts at a text offset (a sentence, a clause)."""

    @property
    def start(self) -> int: ...


def sentence_locator(sentences: Sequence[_Located]) -> Callable[[int], int]:
    """A function from a text offset to the index of the sentence holding it (or the one before);
    any spans in text order with a `start` will do (the clauses of `text.clauses`)."""
    starts = [s.start for s in sentences]
    return lambda offset: max(0, bisect.bisect_right(starts, offset) - 1)
