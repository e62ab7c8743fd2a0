"""Direct quotations and their said-clauses, by rules that need no trained model.

Two steps, with the speakers stage (`text.speakers`) between them:
1. `find_quotations`: the quotation marks of each body paragraph (inch marks and titles of
   shows or books left out), and for each quotation the phrase that names its speaker:
   - a said-clause after it, in its sentence or, when the quotation ends its sentence with
     `.`, `?` or `!`, as the whole next sentence ("Why not?" Lee said.): `Biden said`,
     `said spokesman Josh Schwerin`, `Scott Pruitt, the attorney general of Oklahoma, said`,
     `according to Smith`, or a dash byline (`"..." - Maria Lopez`);
   - otherwise a said-clause before it in its sentence (`Trump wrote on Twitter: "..."`,
     `Said Comey, "..."`, `Jane Roe, a historian who attended, recalled, "..."`), or a
     colon introduction or transcript label with any verb (`Clinton apologized: "..."`,
     `PENCE: "..."`), or, for a quotation inside reported speech, the sentence's subject
     (`Obama described the attack as "..."`, attribution `subject`);
   and for a paragraph with no quotation followed by a paragraph of quotation only, the
   subject of its last sentence (`Howard continued his remarks.`), which that paragraph inherits;
2. `attribute_quotes`: each quotation gets the speaker its phrase names, or inherits one: a
   paragraph made only of quotation continues the remarks of the speaker quoted (or named) in
   the paragraph before it (the news convention; CoreNLP's `paraend` sieve), and a later
   quotation in a paragraph keeps the paragraph's speaker.
Every search looks at a bounded window beside its quotation, so the work is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from itertools import islice

from alliance_lib.config import (
    MAX_NEXT_SENTENCE_WORDS,
    MAX_SPEAKER_WORDS,
    MIN_QUOTE_WORDS,
    MIN_UNATTRIBUTED_QUOTE_WORDS,
    SAID_CLAUSE_WINDOW,
)
from alliance_lib.text.lexicon import (
    ACCORDING_TO,
    AUXILIARIES,
    CLAUSE_TAIL_WORDS,
    COORDINATORS,
    DETERMINERS,
    LEAD_ADVERBS,
    MONTHS,
    NOT_NAMES,
    PART_OPENERS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
    alternation,
)
from alliance_lib.text.model import Paragraph, Quote, Sentence, sentence_locator

_CUES = alternation((*SPEECH_VERBS, *ACCORDING_TO))
_SPEECH_WORDS = frozenset(SPEECH_VERBS)
_VERB = re.compile(rf"\b{_CUES}\b")
# After a quotation a written thing's `read` reports it too (`"...," the editorial read`,
# `read the statement`, `it read`); lower case only, so the surname Read stays a name.
_AFTER_VERB = re.compile(rf"\b(?:{_CUES}|read|reads)\b")
_LEAD_VERB = re.compile(rf"(?i:{_CUES})\b")
_MARK = re.compile(r"[“”\"]|''")  # `''`: typewriter double quotation marks (as NYT copy has)
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_WORD_CHARACTER = re.compile(r"\w")
_DASH = re.compile(r"\s*[-—–―]+\s*(?=[A-Z])")  # a byline: `"..." ― Rosa Lindqvist`
# After `"...,"`: a name and any verb in -ed or -s (`Toomey fumed`, `Hannity pressed`).
_ANY_VERB = re.compile(
    r"\s*,?\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:[a-z]+ly\s+)?"
    r"(?P<verb>[a-z]{3,}(?:ed|es))\b"
)
# A short quotation that a subject calls something: `calling it "disqualifying"`.
_CALLING = re.compile(
    r"\b(?:call(?:ed|ing|s)?|dubbed|dubbing|label(?:l?ed|l?ing)|termed|deemed)"
    r"(?:\s+[\w’'-]+){0,3}\s*,?\s*$"
)
# Words `_CALLING` needs: a head without any is not searched (the search tries each position).
_CALLING_WORD = re.compile(r"call|dubb|label|termed|deemed")
_STOP = re.compile(r'[.;:!?“"]|\'\'')  # sentence punctuation or a new quotation (`_clause_stop`)
_CLAUSE_BOUNDARY = re.compile(r"[,;:]|\b(?:when|while|as|after|and|but|because|since|that)\b")
# A relative clause whose verb calls the quotation something: `what aide Ann Roe called "..."`,
# `a country that the nominee, Mitt Romney, called "..."`, `one which Lee calls "..."`.
_RELATIVE = re.compile(r"\b(?:what|which|who|whom|that)\s")
# Relative pronouns that open a clause about a person named before them (`an aide who has`).
_RELATIVE_WHO = frozenset({"who", "whom", "whose", "which"})
_CALLING_VERB = re.compile(
    r"\s(?:(?:has|had|once|later|then|also)\s+)?"
    r"(?:call(?:ed|s)|dub(?:bed|s)|label(?:l?ed|s)|term(?:ed|s))\s*$"
)
_WITH_SUBJECT = re.compile(r"\bwith\s+([^,;:]+)$")
_WITH = re.compile(r"(?i:with)\s+")
_PREPOSITION_END = re.compile(rf"\b{alternation(PREPOSITIONS | {'for', 'of'})}\s*$")
_NAME_BEFORE = re.compile(r"\b([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$")
# Speech verbs written in title case, as headline roundups do (`Varga Joked`, `Lee Says`).
_TITLE_VERB = re.compile(
    r"(?<=[\w.] )"
    + alternation(w[:1].upper() + w[1:] for w in SPEECH_VERBS if " " not in w)
    + r"\b"
)
# `As X put it, "..."`: `As` opening the sentence (after any mark) or a clause after a comma,
# and the verbs that end the speaker's phrase besides speech verbs and auxiliaries.
_AS_OPENING = re.compile(r"[Aa]s\s+(?=\S)")
_AS_AFTER_COMMA = re.compile(r",\s+as\s+(?=\S)")
_AS_ADVERBS = frozenset("once famously memorably so later recently".split())
_AS_VERBS = frozenset("put puts sang sings".split()) | _AS_ADVERBS
# What introduces a quotation by naming its speaker only: `More from Jones:`, `Here's Lee:`.
_INTRO_NAME = re.compile(r"(?:\b[Mm]ore from|\b[Hh]ere[’']s|\b[Hh]ere is|^[Ff]rom)\s+(?=[A-Z])")
# Words of a label before a colon or a quotation, which names nobody (`Partial transcript:`).
_LABEL = re.compile(
    r"(?i)\b(?:transcript|full text|text|excerpts?|highlights|update|editor'?s note|partial|"
    r"watch|read more|related|video|audio)\b"
)
# A transcript label opening a quotation: `"HOLT: Do you ...`.
_TRANSCRIPT_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")
_POSSESSIVE_END = re.compile(r"\b[A-Z][\w.&-]*['’]s\s*$")  # `NBC's` before a title
_MARKUP = re.compile(r"[<>]")  # an HTML tag or attribute left in the text is no quotation
_PUNCTUATION_END = re.compile(r"[.,;:?!]\W*$")
_APPOSITIVE = re.compile(r"[,(]")
# Verbs whose object is who was told (`Lee told CNN.`, `Lee asked reporters.`), and such objects.
_LISTENER_VERBS = frozenset("told tells asked asks".split())
_LISTENERS = frozenset(
    "reporters journalists him her them me us supporters voters the a his their an".split()
)
_MONTHS = frozenset(MONTHS)  # full names and abbreviations, lower case
# Capitalised words of a date, never the name a participle reports for.
_DATE_WORDS = _MONTHS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday".split()
)
MAX_NAME_LINE_WORDS = 16  # a longer line after a quotation is prose, not the speaker's name
_TITLE_SMALL_WORDS = frozenset(
    {"of", "the", "a", "an", "and", "to", "in", "on", "for", "with", "at", "or", "is"}
)


@dataclass(frozen=True, slots=True)
class SaidClause:
    """A said-clause: its text, the phrase naming the speaker, and where that phrase is.

    `phrase_start` locates `phrase` in the article text. `offset` is where a pronoun speaker
    is resolved from: the quotation's opening mark for a clause after the quotation, the
    clause itself otherwise. `kind` says how the clause was found: `said_clause` or `subject`.
    """

    text: str
    phrase: str
    phrase_start: int
    offset: int
    kind: str = "said_clause"
    verb_first: bool = False  # the phrase follows its verb (`said spokesman Josh Schwerin`)
    cue: tuple[int, int] | None = None  # the reporting verb, colon or dash, when there is one
    label: bool = False  # a transcript's label (`HOLT:`): a person, though written in capitals
    nested: bool = False  # the clause reports inside what another clause reports


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
    close: int = -1  # just after the closing mark (the paragraph's end when it stays open)


@dataclass(frozen=True, slots=True)
class QuotedParagraph:
    """The quotations of one paragraph, and what inheritance needs to know about the paragraph."""

    index: int
    is_body: bool
    has_marks: bool  # it holds quotation marks (even if only around scare quotes)
    quote_only: bool  # nothing but quotation and punctuation
    quotations: tuple[Quotation, ...]
    lead: SaidClause | None = None  # who a following quote-only paragraph quotes, if named here


@dataclass
class _Span:
    start: int  # content start in article text (after the opening mark)
    end: int
    open_mark: int  # offset of the opening quotation mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ends first


def _is_inch_mark(text: str, i: int) -> bool:
    """A straight double mark right after a digit (6'3", a 12" screen) measures, it does not quote."""
    return text[i] == '"' and i > 0 and text[i - 1].isdigit()


def _closes_like(text: str, i: int, end: int) -> bool:
    """An opening mark typed where a closing one belongs: after a word, before a space (`,“ said`)."""
    return i > 0 and not text[i - 1].isspace() and (i + 1 >= end or text[i + 1].isspace())


def _quote_spans(text: str, paragraph: Paragraph) -> list[_Span]:
    """The quotations of a paragraph; a typewriter pair of apostrophes (`''`) is a straight
    double mark, and `close_mark` is the last character of the closing mark."""
    spans: list[_Span] = []
    open_at: int | None = None
    content_at = 0
    for mark in _MARK.finditer(text, paragraph.start, paragraph.end):
        i, ch = mark.start(), mark.group()
        if ch == "''":
            ch = '"'
        if _is_inch_mark(text, i):
            continue
        if open_at is None and ch in '“"':
            open_at, content_at = i, mark.end()
        elif open_at is not None and (ch in '”"' or _closes_like(text, i, paragraph.end)):
            spans.append(_Span(content_at, i, open_at, mark.end() - 1))
            open_at = None
    if open_at is not None:
        spans.append(_Span(content_at, paragraph.end, open_at, None))
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


def words_in(text: str) -> list[str]:
    """The words of `text` (a letter or digit, then word characters, apostrophes, dots and
    hyphens), as the speaker-phrase limits count them."""
    return _WORD.findall(text)


def _phrase(text: str, start: int, end: int) -> tuple[str, int]:
    """`text[start:end]` stripped of spaces and edge punctuation, with its new start."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-'‘’"):
        start += 1  # the third apostrophe of `'''College Bowl,''' he replied` too
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-'‘"):
        end -= 1
    return text[start:end], start


def _owned_title(before: str) -> bool:
    """A possessive right before the marks: `NBC's "Meet the Press"` names a show or a book."""
    # the endswith test first: the regex would try every position of `before`
    return before.rstrip().endswith(("'s", "’s")) and bool(_POSSESSIVE_END.search(before))


def _is_title(content: str, before: str) -> bool:
    """A show, book or slogan in quotation marks: `NBC's "Meet the Press"`, `"The Walking Dead"`,
    `he said on "Meet the Press."` (a full stop inside the marks after a preposition)."""
    return _owned_title(before) or _title_case(content, before)


def _title_case(content: str, before: str) -> bool:
    """Words written as a title: at most eight, capitalised but for small words, no sentence
    punctuation at the end."""
    words = [m.group() for m in islice(_WORD.finditer(content), 9)]  # a ninth word rules it out
    stripped = content.strip()
    if stripped.endswith(".") and _PREPOSITION_END.search(before.rstrip()):
        stripped = stripped[:-1]  # `on "Face the Nation."`: American punctuation, not a sentence
    return (
        0 < len(words) <= 8
        and not _PUNCTUATION_END.search(stripped)
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)
        and words[0][0].isupper()
    )


def _speaker_phrase_ok(phrase: str, limit: int) -> bool:
    words = words_in(phrase)
    if not words or len(words) > limit:
        return False
    first = words[0]
    return first[0].isupper() or first.lower() in PRONOUNS or first[0].islower()


def _clause_after(
    text: str, close: int, limit: int, content_end_char: str, same_sentence: bool
) -> SaidClause | None:
    """The said-clause right after a closing mark, in `text[close + 1 : limit]`."""
    start = close + 1
    dash = _DASH.match(text, start, limit)
    if (
        dash
        and "," not in text[dash.end() : limit]
        and len(words_in(text[dash.end() : limit])) <= 6
    ):
        phrase, at = _phrase(text, dash.end(), limit)
        phrase = phrase.rstrip(".")
        if phrase:
            dash_at = text.index(dash.group().strip()[0], dash.start(), dash.end())
            return SaidClause(
                text[start:limit].strip(" ,.—–―-"),
                phrase,
                at,
                close,
                verb_first=True,
                cue=(dash_at, dash_at + len(dash.group().strip())),
            )
    verb = _AFTER_VERB.search(text, start, limit)
    if verb is None or (
        content_end_char in ",?!"
        and verb.start() - start > 40
        and _ANY_VERB.match(text, start, limit)
    ):
        verb = _ANY_VERB.match(text, start, limit) if content_end_char in ",?!" else None
        if verb is None:
            return None
        before, before_at = _phrase(text, start, verb.start("verb"))
        cue = (verb.start("verb"), verb.end("verb"))
        return SaidClause(text[before_at : verb.end()], before, before_at, close, cue=cue)
    before, before_at = _phrase(text, start, verb.start())
    lead = [w for w in words_in(before) if w.lower() not in LEAD_ADVERBS]
    if (
        lead
        and lead[0][0].islower()
        and text[start : verb.start()].rstrip().endswith(",")
        and _circumstance(lead, text, verb.end(), limit)
    ):
        lead = []  # `"..." in the 2008 primary, said Paul Beck`: circumstance, then the verb
    stop = _clause_stop(text, verb.end(), limit)
    if not lead and verb.group().endswith("ing"):
        return None  # `"...," saying the city ...`: a participle, not a said-clause
    if not lead:  # verb first: `said spokesman Josh Schwerin`, `according to Smith`
        phrase, at = _phrase(text, verb.end(), stop)
        phrase = _drop_tail(phrase)
        if not phrase or not same_sentence and len(words_in(phrase)) > MAX_NEXT_SENTENCE_WORDS:
            return None
        if verb.group() not in ACCORDING_TO and _has_auxiliary(phrase):
            return None  # `Lee, citing "...," said the plan could fail`: what was said, not who
        named_end = at + len(re.split(r",|\s[-—–]", phrase, maxsplit=1)[0])
        cue = text[before_at if before else verb.start() : named_end]
        return SaidClause(
            cue.strip(), phrase, at, close, verb_first=True, cue=(verb.start(), verb.end())
        )
    word_limit = MAX_SPEAKER_WORDS if same_sentence else MAX_NEXT_SENTENCE_WORDS
    if not _speaker_phrase_ok(before, word_limit):
        return None
    if not same_sentence and not _short_tail(text[verb.end() : stop], verb.group()):
        return None  # `"...done." Biden said the plan would fail.` is narration
    if content_end_char not in ",?!.—–-" and not same_sentence:
        return None
    return SaidClause(
        text[before_at : verb.end()], before, before_at, close, cue=(verb.start(), verb.end())
    )


def _has_auxiliary(phrase: str) -> bool:
    """Whether the first part of a phrase after a verb holds an auxiliary, so is a clause; a
    relative clause's own verb does not count (`said an aide who has worked for Lee`)."""
    first = phrase.split(",", 1)[0]
    for word in words_in(first):
        if word in _RELATIVE_WHO:
            return False
        if word in AUXILIARIES:  # `Will Doyle` is a name
            return True
    return False


def _introduces(text: str, clause: SaidClause, limit: int) -> bool:
    """Whether a said-clause after a quotation ends with a colon, introducing what follows."""
    assert clause.cue is not None
    stop = _clause_stop(text, max(clause.cue[1], clause.phrase_start + len(clause.phrase)), limit)
    return stop < limit and text[stop] == ":"


def _circumstance(lead: list[str], text: str, verb_end: int, limit: int) -> bool:
    """Whether the words between a quotation and its verb are circumstance (`in the 2008
    primary,` / `earlier this week,` before `said Paul Beck`), not the subject with its
    appositive (`the city spokesman, Ann Roe, said`, `his wife, Ann Roe, wrote`)."""
    if lead[0].lower() in PART_OPENERS:
        return True
    if lead[0].lower() in DETERMINERS or any(w[0].isupper() for w in lead):
        return False
    return _names_next(text, verb_end, limit)


def _clause_stop(text: str, start: int, limit: int) -> int:
    """Where the words after a verb stop naming anyone: sentence punctuation or a new quotation."""
    for stop in _STOP.finditer(text, start, limit):
        i = stop.start()
        if not (text[i] == "." and i > start and _abbreviation(text, i)):
            return i
    return limit


def _abbreviation(text: str, i: int) -> bool:
    """A full stop that ends an initial or a title (`J.`, `Sen.`, `Jr.`) rather than a sentence."""
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    if i + 2 < len(text) and text[i + 1].isupper() and text[i + 2] in ". ":
        return True  # `J.T. Marsh`, `U.S.`: a full stop between initials
    return 0 < len(word) <= 3 and word[0].isupper() and i + 1 < len(text) and text[i + 1] == " "


def _drop_tail(phrase: str) -> str:
    """A verb-first speaker phrase without the circumstance after it (`Lee in a statement`)."""
    words = phrase.split(" ")
    for k, word in enumerate(words):
        if k and word.lower() in CLAUSE_TAIL_WORDS:
            named = any(w[:1].isupper() or w.lower() in PRONOUNS for w in words[:k])
            if named:
                return " ".join(words[:k]).rstrip(" ,")
    return phrase


def _short_tail(tail: str, verb: str) -> bool:
    """What follows a said-clause's verb in a sentence of its own: nothing, circumstance, a
    comma (`Lee said, adding ...`) or, after `told` or `asked`, who was told (`Lee told CNN`,
    `Lee asked reporters`); not an object (`Biden said the plan would fail`, `He said Clinton
    would ...`)."""
    words = words_in(tail)
    if not words or tail.lstrip().startswith(","):
        return True
    first = words[0].lower()
    if first in CLAUSE_TAIL_WORDS or first.rstrip(".") in _MONTHS:
        return True
    return verb.lower() in _LISTENER_VERBS and (words[0][0].isupper() or first in _LISTENERS)


def _clause_before(text: str, head_start: int, open_mark: int) -> SaidClause | None:
    """The said-clause (or colon introduction) in `text[head_start:open_mark]`, before a quotation."""
    bracket = text.rfind("(", head_start, open_mark)
    if bracket >= 0 and text.find(")", bracket, open_mark) < 0:
        head_start = bracket + 1  # `... for what it is (Raphael Lemkin once said, "...")`
    head = text[head_start:open_mark]
    if not head.strip():
        return None
    verbs = list(_VERB.finditer(text, head_start, open_mark))
    if not verbs:  # a roundup's title case: `Varga Joked "..."` (not a person `Varga Joked`)
        verbs = [
            m for m in _TITLE_VERB.finditer(text, head_start, open_mark) if m.start() > head_start
        ]
    lead_verb = _LEAD_VERB.match(text, _skip_space(text, head_start, open_mark), open_mark)
    if lead_verb and _names_next(text, lead_verb.end(), open_mark):
        # `Said Comey, "..."`, `According to Smith, "..."` (not `Asked whether ...`)
        phrase, at = _phrase(text, lead_verb.end(), open_mark)
        if phrase and len(words_in(phrase)) <= MAX_SPEAKER_WORDS:
            cue = text[lead_verb.start() : open_mark].strip(" ,:")
            return SaidClause(
                cue, phrase, at, at, verb_first=True, cue=(lead_verb.start(), lead_verb.end())
            )
    if verbs:
        verb = verbs[-1]
        participle = verb.group().endswith("ing")
        if participle and len(verbs) > 1 and not text[verbs[-2].end() : verb.start()].strip(" ,"):
            verb = verbs[-2]  # `..., Spicer said, adding, "..."`: the finite verb's subject
        subject, at = _phrase(text, head_start, verb.start())
        with_subject = _WITH_SUBJECT.search(subject) if participle else None
        if with_subject and "," in text[at + with_subject.end() : verb.start()]:
            with_subject = None  # `He condemned the deal with social outlets, saying "..."`
        if with_subject:  # `..., with Kishida saying "..."`
            subject, at = with_subject.group(1), at + with_subject.start(1)
        elif (
            participle
            and (named := _NAME_BEFORE.search(subject))
            and named.start() > 0
            and "," not in text[at + named.end() : verb.start()]
            and not _PREPOSITION_END.search(subject, 0, named.start())
            and named.group(1).lower().rstrip(".") not in _DATE_WORDS  # `a statement Tuesday`
        ):
            # `the ad shows Varga asking, "..."`: the name just before the participle (not
            # `..., to Adelson, telling`, `on Facebook writing`: those report for the subject)
            subject, at = named.group(1), at + named.start(1)
        after, after_at = _phrase(text, verb.end(), open_mark)
        if verb.group().lower() in ACCORDING_TO or (
            after
            and not participle
            and len(words_in(after)) <= 6
            and after[0].isupper()
            and text[head_start:open_mark].rstrip().endswith((",", ":"))
            and subject.rstrip().endswith(",")
        ):  # `According to Smith, "..."`, `Because of the schedule, explained Rosenberg, "..."`
            cue = text[verb.start() : open_mark].strip(" ,:")
            return SaidClause(
                cue, after, after_at, after_at, verb_first=True, cue=(verb.start(), verb.end())
            )
        if subject:
            return SaidClause(
                text[at : verb.end()], subject, at, at, cue=(verb.start(), verb.end())
            )
    stripped = head.rstrip()
    subject, at = _phrase(text, head_start, open_mark)
    if stripped.endswith(":") and _LABEL.search(subject):
        return None  # `Partial transcript:`, `Full text:`: a label, nobody speaking
    opening = words_in(subject)[:1]
    if (
        opening
        and opening[0].lower() in _SPEECH_WORDS
        and (opening[0] == subject or opening[0].endswith("ing"))
    ):  # `..., adding: "..."`, `..., saying in a post on Twitter: "..."`: the verb with no
        # subject of its own, whose speaker is the sentence's subject
        return SaidClause(opening[0], opening[0], at, at, "subject")
    if stripped.endswith(":") and subject:  # colon introduction or transcript label
        colon = head_start + len(stripped) - 1
        intros = list(_INTRO_NAME.finditer(subject))
        intro = intros[-1] if intros else None
        if intro is not None:  # `... - More from Jones:`, `Here's Clinton in 1992:`
            subject, at = subject[intro.end() :], at + intro.end()
        return SaidClause(stripped.strip(), subject, at, at, "said_clause", cue=(colon, colon + 1))
    if stripped.endswith(",") and (as_clause := _as_clause(text, head_start, open_mark)):
        return as_clause
    if subject:  # reported speech with no speech verb: the sentence's subject
        return SaidClause(subject, subject, at, at, "subject")
    return None


def _as_clause(text: str, start: int, end: int) -> SaidClause | None:
    """`As Vulture put it, "..."`, `As the band sang back then, "..."`, `As the columnist Ann
    Roe had written, "..."`: the words between `As` and the verb name who is quoted."""
    first = start
    while first < end and not text[first].isalnum() and text[first] not in '“"':
        first += 1  # `~ As Vulture put it,`
    opening = _AS_OPENING.match(text, first, end) or _AS_AFTER_COMMA.search(text, first, end)
    if opening is None:
        return None
    stop = None
    for word in _WORD.finditer(text, opening.end(), end):
        token = word.group()
        if token[0].islower() and (
            token in AUXILIARIES or token in _SPEECH_WORDS or token in _AS_VERBS
        ):
            stop = word
            break
    if stop is None:
        return None
    phrase, at = _phrase(text, opening.end(), stop.start())
    if not phrase or len(words_in(phrase)) > MAX_SPEAKER_WORDS:
        return None
    cue = stop.span()
    if stop.group() in AUXILIARIES or stop.group() in _AS_ADVERBS:
        verb = _WORD.search(text, stop.end(), end)  # `had written`, `once said`
        if verb is not None and verb.group()[0].islower():
            cue = (stop.start(), verb.end())
    return SaidClause(
        text[opening.start() : cue[1]].strip(" ,"), phrase, at, at, verb_first=True, cue=cue
    )  # the name first, then its appositives (`As Ann Roe, a historian, put it`)


def _caller(text: str, start: int, end: int) -> SaidClause | None:
    """Who calls something in `text[start:end]`: the words after the last clause boundary
    (`..., when Hillary Clinton (called it "...")` -> Hillary Clinton)."""
    after = before = start
    for boundary in _CLAUSE_BOUNDARY.finditer(text, start, end):
        before, after = after, boundary.end()
    phrase, at = _phrase(text, after, end)
    if phrase.lower() in RELATIVE_PRONOUNS and before < after:
        # `Trump, who (called it "...")`: the relative pronoun's antecedent calls it
        phrase, at = _phrase(text, before, after - 1)
    leading = _WITH.match(phrase)
    if leading:  # `..., with the union (calling her "...")`
        phrase, at = phrase[leading.end() :], at + leading.end()
    if not phrase or len(words_in(phrase)) > MAX_NEXT_SENTENCE_WORDS:
        return None
    return SaidClause(phrase, phrase, at, at, "subject")


def _relative_caller(text: str, start: int, end: int) -> SaidClause | None:
    """The subject of a relative clause that calls the quotation what it is, right before its
    mark (`what aide Ann Roe called "..."`): the relative pronoun's clause ends at `end`."""
    verb = _CALLING_VERB.search(text, max(start, end - 24), end)
    if verb is None:
        return None
    window = max(start, verb.start() - 100)
    relatives = list(_RELATIVE.finditer(text, window, verb.start()))
    relative = relatives[-1] if relatives else None
    if relative is None:
        return None
    phrase, at = _phrase(text, relative.end(), verb.start())
    if not phrase or len(words_in(phrase)) > MAX_SPEAKER_WORDS:
        return None
    return SaidClause(text[relative.start() : verb.end()], phrase, at, at, "subject")


def _names_next(text: str, start: int, end: int) -> bool:
    """Whether the word after `start` can begin a speaker phrase (a name or a determiner)."""
    words = words_in(text[start:end])
    return bool(words) and (words[0][0].isupper() or words[0].lower() in DETERMINERS)


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " ,":
        start += 1
    return start


def _quotation_clause(
    text: str,
    span: _Span,
    content: tuple[int, int],
    sentence: Sentence,
    head_start: int,
    next_open: int,
    paragraph: Paragraph,
    sentences: list[Sentence],
    sentence_of: Callable[[int], int],
    sentence_before: Sentence | None,
) -> tuple[SaidClause | None, bool]:
    """The quotation's said-clause, after it first, then before it; and whether it is partial."""
    head = text[head_start : span.open_mark]
    partial = bool(head.strip()) and not head.rstrip().endswith((":", ",", "“", '"'))
    if span.close_mark is not None:
        last = text[content[1] - 1] if content[1] > content[0] else ""
        if "," in text[content[1] : span.close_mark + 2]:
            last = ","  # `"...," Lee said` or `"...", Lee said`
        limit = min(next_open, paragraph.end, span.close_mark + 1 + SAID_CLAUSE_WINDOW)
        closing = sentence_of(span.close_mark)  # a quotation may hold several sentences
        same = min(limit, sentences[closing].end)
        following = closing + 1 < len(sentences) and sentences[closing + 1]
        sentence_after = (
            following if following and following.paragraph == sentence.paragraph else None
        )
        clause = None
        end = same
        if same > span.close_mark + 1 and text[span.close_mark + 1 : same].strip(" ."):
            clause = _clause_after(text, span.close_mark, same, last, True)
        elif sentence_after is not None and last in "?!.":
            end = min(limit, sentence_after.end)
            if end > sentence_after.start:
                clause = _clause_after(text, span.close_mark, end, last, False)
        if clause is not None and all(w.lower() in COORDINATORS for w in words_in(clause.phrase)):
            # `She declared "..." and said ...`: the subject before the quotation said both
            before = _clause_before(text, head_start, span.open_mark)
            if before is not None and _names_next(text, before.phrase_start, span.open_mark):
                return replace(before, kind="said_clause"), partial
        if clause is not None and clause.cue is not None and _introduces(text, clause, end):
            # `Roe wrote: "...." Lee posted: "..."`: Lee's clause introduces the next quotation
            before = _clause_before(text, head_start, span.open_mark)
            if before is not None and before.kind == "said_clause":
                return before, partial
        if clause is not None:
            return clause, partial
    clause = _clause_before(text, head_start, span.open_mark)
    if (
        clause is None
        and sentence_before is not None
        and sentence_before.end - sentence_before.start <= SAID_CLAUSE_WINDOW
        and not _MARK.search(text, sentence_before.start, sentence_before.end)
    ):  # a short sentence of narration only (bounded: no rescans of a long one per quotation)
        clause = _clause_in_sentence_before(text, sentence_before)
    return clause, partial


def _clause_in_sentence_before(text: str, sentence: Sentence) -> SaidClause | None:
    """A sentence of narration with a speech verb or a closing colon, right before a quotation
    that opens a sentence with nothing attributing it (`Bystrom agreed. "..."`)."""
    ends_with_colon = text[sentence.start : sentence.end].rstrip().endswith(":")
    if not ends_with_colon and _VERB.search(text, sentence.start, sentence.end) is None:
        return None
    clause = _clause_before(text, sentence.start, sentence.end)
    if clause is None or clause.kind != "said_clause":
        return None
    return clause


def find_quotations(
    text: str, paragraphs: list[Paragraph], sentences: list[Sentence]
) -> list[QuotedParagraph]:
    """Every paragraph with its quotations (scare quotes and titles left out), in text order."""
    sentence_of = sentence_locator(sentences)
    found: list[QuotedParagraph] = []
    for number, paragraph in enumerate(paragraphs):
        if paragraph.kind != "body":
            found.append(QuotedParagraph(number, False, False, False, ()))
            continue
        spans = _quote_spans(text, paragraph)
        quote_only = bool(spans) and not _WORD_CHARACTER.search(
            _outside_quotes(text, paragraph, spans)
        )
        quotations = []
        previous_close = paragraph.start
        for k, span in enumerate(spans):
            start, end = _trim(text, span.start, span.end)
            words = len(text[start:end].split())
            sentence_no = sentence_of(span.open_mark)
            sentence = sentences[sentence_no]
            head_start = max(sentence.start, previous_close, span.open_mark - SAID_CLAUSE_WINDOW)
            previous_start = previous_close
            previous_close = (span.close_mark + 1) if span.close_mark is not None else paragraph.end
            if words == 0:
                continue
            if _MARKUP.search(text, start, end):
                previous_close = previous_start
                continue  # `<tweet date="March 4, 2016">...`: markup left in the text
            next_open = spans[k + 1].open_mark if k + 1 < len(spans) else paragraph.end
            before = sentence_no > 0 and sentences[sentence_no - 1]
            sentence_before = (
                before
                if before
                and before.paragraph == sentence.paragraph
                and before.end <= span.open_mark
                and before.start >= previous_start
                and not quotations  # after a quotation, the paragraph's speaker is inherited
                else None
            )
            clause, partial = _quotation_clause(
                text,
                span,
                (start, end),
                sentence,
                head_start,
                next_open,
                paragraph,
                sentences,
                sentence_of,
                sentence_before,
            )
            label = _TRANSCRIPT_LABEL.match(text, start, end)
            if label is not None and not _LABEL.search(label.group("label")) and label.end() < end:
                # `"HOLT: Do you ...`: the label names who speaks; the words after it are quoted
                colon = label.end("label")
                name = label.group("label")
                clause = SaidClause(
                    name, name, start, start, verb_first=True, cue=(colon, colon + 1), label=True
                )
                start = label.end()
            said = clause is not None and clause.kind == "said_clause"
            head = text[head_start : span.open_mark]
            if _is_title(text[start:end], head) and (
                not (said and clause.offset >= span.open_mark)
                or _owned_title(head)
                and _title_case(text[start:end], head)  # `on ABC's "This Week," Lee said`
            ):
                # a show, a book or a slogan, which does not cut the clause around it from the
                # next quotation (`As Ann Roe, author of "The Rules," put it, "..."`)
                previous_close = previous_start
                continue
            calling = _CALLING.search(head) if _CALLING_WORD.search(head) else None
            relative = _relative_caller(text, head_start, span.open_mark) if calling else None
            if relative is not None:  # `what aide Ann Roe called "..."`: Roe, whatever follows
                clause = relative
            named = clause is not None and calling is not None  # `Trump called it "rigged"`
            if named and clause.kind == "subject" and relative is None:
                clause = _caller(text, head_start, head_start + calling.start()) or clause
            if words < MIN_QUOTE_WORDS and not (said and not partial) and not named:
                previous_close = previous_start  # a scare quote (which does not cut the
                continue  # clause around it), unless a said-clause attributes it ("Any,")
            if words < MIN_UNATTRIBUTED_QUOTE_WORDS and not said and not named:
                previous_close = previous_start
                continue  # two words with nobody saying them: a title or a scare quote
            quotations.append(
                Quotation(
                    start, end, span.open_mark, sentence_no, number, clause, partial, previous_close
                )
            )
        found.append(QuotedParagraph(number, True, bool(spans), quote_only, tuple(quotations)))
    return _with_bylines(text, _with_leads(text, found, paragraphs, sentences), paragraphs)


def _with_bylines(
    text: str, found: list[QuotedParagraph], paragraphs: list[Paragraph]
) -> list[QuotedParagraph]:
    """A quote-only paragraph that nothing attributes, followed by a line that is only a name
    (`Rosa Lindqvist, a nurse from Dayton.`, `— Amy Pope`): that line names its speaker."""
    for k in range(len(found) - 1):
        here, following = found[k], found[k + 1]
        if not here.quote_only or not here.quotations or not following.is_body:
            continue
        if following.has_marks:
            continue
        if any(q.clause is not None and q.clause.kind == "said_clause" for q in here.quotations):
            continue
        line = paragraphs[k + 1]
        phrase, at = _phrase(text, line.start, line.end)
        phrase = phrase.rstrip(".")
        if not phrase or not _is_name_line(phrase):
            continue
        quotations = tuple(
            replace(q, clause=SaidClause(phrase, phrase, at, q.open_mark, verb_first=True))
            for q in here.quotations
        )
        found[k] = replace(here, quotations=quotations, lead=None)
    return found


def _is_name_line(phrase: str) -> bool:
    """A line that only names someone: a capitalised name opening it (titles and roles may come
    first), an appositive after a comma, no verb of speech and at most `MAX_NAME_LINE_WORDS`."""
    words = words_in(phrase)
    if not words or len(words) > MAX_NAME_LINE_WORDS or _VERB.search(phrase):
        return False
    if words[0].lower() in DETERMINERS or words[0].lower() in NOT_NAMES or phrase[0] in "‘’'":
        return False  # `A Steadfast Ally`: a heading, not a name
    first = words_in(_APPOSITIVE.split(phrase, maxsplit=1)[0])
    capitals = [w for w in first if w[0].isupper()]
    if len(capitals) < 2 or not first[-1][0].isupper() or len(first) > MAX_NAME_LINE_WORDS // 2:
        return False
    return all(w[0].isupper() or w.lower() in ROLE_WORDS or w.lower() in TITLE_WORDS for w in first)


def _with_leads(
    text: str,
    found: list[QuotedParagraph],
    paragraphs: list[Paragraph],
    sentences: list[Sentence],
) -> list[QuotedParagraph]:
    """Give a paragraph without quotations, followed by a quote-only paragraph, its lead clause."""
    last_sentence: dict[int, Sentence] = {s.paragraph: s for s in sentences}
    for k in range(len(found) - 1):
        here, following = found[k], found[k + 1]
        if not here.is_body or here.has_marks or not following.quote_only:
            continue
        sentence = last_sentence.get(k)
        if sentence is None:
            continue
        first = following.quotations[0] if following.quotations else None
        if (
            first is not None
            and first.clause is None
            and text[sentence.start : sentence.end].rstrip().endswith(":")
        ):  # `Jo Roe of the Planet observed, the stage itself had won:` then the quotation
            clause = _clause_in_sentence_before(text, sentence)
            if clause is not None:
                quotations = (replace(first, clause=clause), *following.quotations[1:])
                found[k + 1] = replace(following, quotations=quotations)
                continue
        subject, at = _phrase(text, sentence.start, sentence.end)
        if subject:
            lead = SaidClause(subject, subject, at, at, "subject")
            found[k] = QuotedParagraph(
                here.index, here.is_body, here.has_marks, here.quote_only, here.quotations, lead
            )
    return found


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a said-clause names: an entity id, or a description; how, and a pronoun's antecedent."""

    id: str | None
    attribution: str  # "said_clause", "pronoun", "descriptive" or "subject"
    source: str | None  # the speaker phrase as written
    antecedent: tuple[int, int] | None = None  # a pronoun's antecedent mention
    span: tuple[int, int] | None = None  # where the speaker phrase is in the text
    organisation: bool = False  # an organisation speaks (`the Foreign Ministry`), not a person


def attribute_quotes(
    text: str, paragraphs: list[QuotedParagraph], speakers: Mapping[int, Speaker | None]
) -> list[Quote]:
    """Quote records: `speakers` maps a quotation's opening mark to who its said-clause names
    (and a lead clause's phrase offset to who it names)."""
    return [quote for quote, _ in attributed_quotes(text, paragraphs, speakers)]


def attributed_quotes(
    text: str, paragraphs: list[QuotedParagraph], speakers: Mapping[int, Speaker | None]
) -> list[tuple[Quote, Speaker | None]]:
    """Quote records as `attribute_quotes` makes them, each with the speaker it was given (its
    said-clause's, or the one it inherits, whose `span` says where that speaker was named)."""
    quotes: list[tuple[Quote, Speaker | None]] = []
    previous: Speaker | None = None  # last speaker of the paragraph before, if it quoted
    for paragraph in paragraphs:
        if not paragraph.is_body:
            previous = None
            continue
        current: Speaker | None = None
        for quotation in paragraph.quotations:
            clause = quotation.clause
            speaker = speakers.get(quotation.open_mark) if clause else None
            attribution = speaker.attribution if speaker else "unattributed"
            if (speaker is None or speaker.id is None and speaker.source is None) and (
                clause is None or clause.kind == "subject"
            ):
                inherited = current or (previous if paragraph.quote_only else None)
                if inherited:
                    speaker, attribution = inherited, "inherited"
                elif speaker is None or speaker.id is None:
                    speaker, attribution = None, "unattributed"
            if speaker and (speaker.id or speaker.source) and attribution != "inherited":
                current = speaker
            quotes.append(
                (
                    Quote(
                        quotation.start,
                        quotation.end,
                        text[quotation.start : quotation.end],
                        speaker.id if speaker else None,
                        attribution if speaker else "unattributed",
                        clause.text if clause else None,
                        quotation.partial,
                        quotation.sentence,
                        quotation.paragraph,
                        speaker.source if speaker else None,
                        *(speaker.antecedent if speaker and speaker.antecedent else (None, None)),
                    ),
                    speaker if speaker and (speaker.id or speaker.source) else None,
                )
            )
        if paragraph.has_marks:
            previous = current
        else:
            lead = speakers.get(paragraph.lead.phrase_start) if paragraph.lead else None
            previous = lead if lead and lead.id else None
    return quotes
