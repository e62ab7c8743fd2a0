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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from alliance_lib.config import MAX_REPORTING_SUBJECT_WORDS, QUOTE_VOICE_SHARE
from alliance_lib.text.lexicon import (
    NOT_NAMES,
    OBJECT_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    alternation,
)
from alliance_lib.text.model import Article, Entity, Sentence

NARRATOR = "narrator"
UNATTRIBUTED = "unattributed quotation"
_VERB = re.compile(rf"\b(?P<verb>{alternation(SPEECH_VERBS)})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<source>[^,.;]{3,80}),\s*")
_ACCORDING_LAST = re.compile(r",\s*according to (?P<source>[^,;.]{3,80})\.?[”\"]?\s*$")
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

    def __init__(self, entities: Sequence[Entity], titled: Sequence[Entity] = ()) -> None:
        self.people = sorted(
            [e for e in entities if e.type == "person"] + list(titled), key=lambda e: e.start
        )
        self.starts = [e.start for e in self.people]

    def last_before(self, offset: int) -> Entity | None:
        """The last person named before `offset`."""
        at = bisect_left(self.starts, offset)
        return self.people[at - 1] if at else None


# Broad subjects (the threat coder's records, `reported_spans(..., broad=True)`): a name the
# gazetteer lacks ("candidate Hillary Clinton"), or a phrase headed by one of these nouns.
SOURCE_NOUNS = frozenset(
    "officials official experts expert specialists researchers analysts analyst report reports"
    " statement communique communiqué memo investigation probe agency agencies intelligence"
    " government administration ministry spokesman spokeswoman spokesperson leaders lawmakers"
    " critics democrats republicans diplomats sources source group committee council officers"
    " commander commanders newspaper editorial study survey assessment document documents"
    " authorities strategists strategist advisers adviser aides aide campaign senators senator"
    " minister ministers president secretary chancellor premier ambassador envoy general"
    " admiral candidate chief director spokespeople department pentagon".split()
)
# A dateline before the subject ("WASHINGTON (Wire) - U.S. officials said"), and a time after it
# ("the ministry on Monday said").
_DATELINE = re.compile(r"^.*?\s(?:-|--|—|–)\s+")
_WHEN = re.compile(
    r"\s+(?:on|last|this|earlier|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|week|month|year|today|night|morning)\s*$|\s+(?:today|yesterday|earlier|later)\s*$"
)
# What may follow a sentence-final said-clause ("..., the ministry said in a statement.").
_SAID_TAIL = re.compile(
    r"\s*(?:(?:in|on|at|during|after|before|last|this|via|to|through|late|early)\b[^,;.!?]{0,60})?"
    r"[.!?][”\"']*\s*$"
)
_RELATIVE = re.compile(r"\b(?:who|whom|which|that)\s+")
_OPENING = frozenset("as and but or so while whereas".split())
_ADVERBS = frozenset("often usually frequently regularly still already long now openly".split())
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Adm|Gen|Sen|Rep|Gov)\.\s+(?P<name>[A-Z][\w’'-]+)"
    r"|\b(?:Admiral|General|Senator|Secretary|Minister|Ambassador|Governor)\s+(?P<name2>[A-Z][\w’'-]+)"
)
_CLAIM_THAT = re.compile(
    r"(?P<source>(?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*)[’']s\s(?:[a-z-]+\s)?"
    r"(?:dictum|claim|claims|view|belief|warning|warnings|assertion|argument|contention"
    r"|accusation|accusations|allegation|allegations|charge|assessment|conclusion|statement)"
    r"\s+that\b"
)
_ASIDES = frozenset("however though meanwhile too also moreover instead".split())
_NAME_TOKEN = re.compile(r"[A-Z][\w.’'-]*|[A-Z]\.|(?:de|van|von|al|bin|la|le|du)\b|Jr\.?|III?")


def _broad_subject(subject: str) -> str | None:
    """A name at the end of `subject` (its trailing run of capitalised words), or the whole
    phrase when a source noun heads it; None otherwise."""
    subject = _DATELINE.sub("", _WHEN.sub("", subject))
    subject = _RELATIVE.split(subject)[-1]  # "hackers who U.S. officials say" -> "U.S. officials"
    words = subject.split()
    while words and words[0].lower() in _OPENING:  # "as many researchers believe"
        words = words[1:]
    while words and words[-1].lower() in _ADVERBS:  # "Trump and Sanders often blame"
        words = words[:-1]
    if not words or len(words) > MAX_REPORTING_SUBJECT_WORDS + 1:
        return None
    subject = " ".join(words)
    last = words[-1].strip("’',")
    if last[:1].isupper() and last.lower() not in NOT_NAMES:
        run = []
        for word in reversed(words):
            if _NAME_TOKEN.fullmatch(word.strip(",")) is None:
                break
            run.append(word.strip(","))
        while run and run[-1].lower() in TITLE_WORDS:  # "Mr. Obama" -> "Obama"
            run.pop()
        if not run:
            return None
        name = " ".join(reversed(run))
        return name if name.split()[0].lower() not in NOT_NAMES else None
    if last.lower() in SOURCE_NOUNS:
        return subject.strip()
    return None


def _subject_before(
    people: _People,
    entities: list[Entity],
    text: str,
    offset: int,
    verb_start: int,
    broad: bool = False,
) -> tuple[str, int] | None:
    """(voice, segment start) of the subject just before a verb at `verb_start` in `text`;
    `broad` also takes names the gazetteer lacks and phrases headed by a source noun, and looks
    past a sentence adverb between commas ("Experts, however, said")."""
    begin = max(text.rfind(ch, 0, verb_start) for ch in _BOUNDARY) + 1
    segment = text[begin:verb_start]
    if broad and segment.strip().lower() in _ASIDES and begin > 1:
        verb_start = begin - 1
        begin = max(text.rfind(ch, 0, verb_start) for ch in _BOUNDARY) + 1
        segment = text[begin:verb_start]
    if len(segment.split()) > MAX_REPORTING_SUBJECT_WORDS:
        if not broad:
            return None
        last_word = segment.split()[-1].lower()
        if last_word in PRONOUNS - {"they"}:  # "... on Thursday when he lashed out"
            person = people.last_before(offset + verb_start - len(last_word))
            return (person.name, begin) if person else None
        whole = _broad_subject(segment)  # after a dateline, the subject may be short enough
        if whole is not None:
            return whole, begin
        name = _broad_subject(" ".join(segment.split()[-MAX_REPORTING_SUBJECT_WORDS:]))
        return (name, begin) if name and name[:1].isupper() else None
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
    if broad and (found := _broad_subject(subject)) is not None:
        return found, begin
    return None


def _subject_after(
    entities: list[Entity], text: str, offset: int, verb_end: int, broad: bool = False
) -> str | None:
    """The subject of an inverted said-clause ("said Defense Secretary Lloyd Austin")."""
    stops = [i for i in (text.find(ch, verb_end) for ch in ",.;:") if i >= 0]
    window_end = min(stops) if stops else len(text)
    window = text[verb_end:window_end]
    if len(window.split()) > MAX_REPORTING_SUBJECT_WORDS:
        return None
    if broad:
        return _broad_after(
            entities, window, offset + verb_end + len(window) - len(window.lstrip())
        )
    for entity in entities:
        if offset + verb_end <= entity.start and entity.end <= offset + window_end:
            return entity.name
    group = _GROUP.match(window.strip())
    return group.group(0) if group else None


def _broad_after(entities: list[Entity], window: str, start: int) -> str | None:
    """An inverted said-clause's subject in `window` (starting at article offset `start`): an
    entity or a run of capitalised words opening it, else a phrase headed by a source noun."""
    for entity in entities:
        if entity.start == start:
            return entity.name
    run = []
    for word in window.split():
        if _NAME_TOKEN.fullmatch(word) is None or (not run and word.lower() in NOT_NAMES):
            break
        run.append(word)
    if run:
        return " ".join(run)
    return _broad_subject(window.strip())


def _reported(
    sentence: Sentence,
    entities: list[Entity],
    people: _People,
    verbs: re.Pattern[str] = _VERB,
    broad: bool = False,
) -> list[VoiceSpan]:
    """Reported-speech spans of `sentence` (whose entity mentions are `entities`), in text order;
    `verbs` is the reporting-verb pattern (a group named `verb`); `broad` widens the subjects
    (`_subject_before`)."""
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
    if broad and (last := _ACCORDING_LAST.search(text)) is not None:  # "..., according to X."
        found.append((0, last.start(), last.group("source").strip(), last.group(0).strip(" ,.")))
    if broad:  # "Reagan's dictum that ...", "the minister's warning that ..."
        for match in _CLAIM_THAT.finditer(text):
            name = _broad_subject(match.group("source"))
            if name is not None:
                found.append((match.end(), match.start(), name, match.group(0)))
    for match in verbs.finditer(text):
        verb = match.group("verb")
        after = text[match.end() :]
        subject = _subject_before(people, entities, text, offset, match.start(), broad)
        if subject is None:
            prefix = text[: match.start()].rstrip()
            if broad:  # a quotation in two apostrophes, which the parser does not read: ",'' said"
                prefix = prefix.rstrip("'’").rstrip()
            if prefix.endswith(","):  # ", said Defense Secretary ..."
                voice = _subject_after(entities, text, offset, match.end(), broad)
                if voice is not None:
                    found.append((0, match.start(), voice, text[match.start() :].split(",")[0]))
            continue
        voice, begin = subject
        if text[:begin].rstrip(" ,").endswith(("”", '"')):  # a quotation's own said-clause
            continue
        cue = text[begin : match.end()].strip()
        if begin > 0 and (
            re.match(r"\s*[,.;:!?]", after) or (broad and _SAID_TAIL.match(after))
        ):  # ", the leaders agreed," / "..., X said." / "..., X said in a statement."
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


@lru_cache(maxsize=4)
def _verbs_with(extra: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<verb>{alternation((*SPEECH_VERBS, *extra))})\b")


def reported_spans(
    article: Article,
    sentences: Iterable[int],
    extra_verbs: tuple[str, ...] = (),
    *,
    broad: bool = False,
) -> list[VoiceSpan]:
    """Reported-speech spans of the numbered sentences only (as `voice_spans` finds them), the
    reporting verbs widened by `extra_verbs` (belief and accusation verbs) and the subjects by
    `broad` (names the gazetteer lacks, phrases headed by a source noun): the threat coder's."""
    wanted = sorted(set(sentences))
    if not wanted:
        return []
    verbs = _verbs_with(tuple(extra_verbs)) if extra_verbs else _VERB
    titled = []
    if broad:  # titled names the gazetteer lacks ("Adm. Harris") can be a pronoun's antecedent
        for match in _TITLED.finditer(article.text):
            name = match.group("name") or match.group("name2")
            titled.append(Entity(match.start(), match.end(), match.group(), "person", "", name, -1))
    people = _People(article.entities, titled)
    in_sentence: dict[int, list[Entity]] = {number: [] for number in wanted}
    for entity in article.entities:
        if entity.sentence in in_sentence:
            in_sentence[entity.sentence].append(entity)
    spans = []
    for number in wanted:
        spans.extend(
            _reported(article.sentences[number], in_sentence[number], people, verbs, broad)
        )
    return spans


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
