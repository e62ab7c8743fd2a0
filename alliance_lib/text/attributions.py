"""Attributions: who said, wrote, thought or found what, in PARC 3.0's terms (source, cue, content).

Two steps, with the speakers stage (`text.speakers`) between them:
1. `find_frames`: every cue of `lexicon.ATTRIBUTION_CUES` outside quotation marks, in a body
   sentence, with the source and the content it governs, read from the words around it:
   - `Lee said (that) the plan would fail`, `Lee told reporters the plan ...`: the subject
     before the cue (auxiliaries and adverbs passed: `has also said`; an appositive kept whole:
     `Ann Lee, a teacher, said`; a relative pronoun kept with the noun it follows: `groups who
     say`) is the source, the rest of the clause the content;
   - `The plan will fail, Lee said.`, `..., said Ann Lee.`: a said-clause closing the sentence
     attributes what comes before its comma; one between commas (`The plan, Lee said, will
     fail.`) the whole sentence;
   - `According to Lee, ...` and `..., according to Lee.`: the rest of the sentence;
   - `..., saying (that) ...`: a participle after a comma reports for the clause's subject.
   A cue needs a subject (or an inverted source) to count: `the support` and `his claims`
   are nouns. A frame whose content lies (mostly) inside quotation marks is the said-clause of
   a direct quotation, which `text.quotes` attributes.
2. `build_attributions`: the records, with each frame's speaker and each quotation's: a
   quotation inside a frame's content makes it `mixed` (or `direct` when the content is
   quotation only); every other quotation is a `direct` attribution with the speaker, source
   and cue its said-clause gave it.
Every search reads a bounded window beside its cue, so the stage is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import repeat

from alliance_lib.config import MAX_ATTRIBUTION_NESTING
from alliance_lib.text.lexicon import (
    ACCORDING_TO,
    ATTRIBUTION_CUES,
    CLAUSE_CUES,
    CLAUSE_TAIL_WORDS,
    NOT_NAMES,
    SPEECH_VERBS,
    alternation,
)
from alliance_lib.text.model import Attribution, Entity, Paragraph, Quote, Sentence, Span
from alliance_lib.text.quotes import Quotation, QuotedParagraph, SaidClause, Speaker

_CUE = re.compile(rf"\b{alternation(ATTRIBUTION_CUES)}\b")
_LEAD_CUE = re.compile(r"(?:According to|Said|Says|Asked)\b")
_TOKEN = re.compile(r"[^\W_](?:[\w'’.&-]*\w)?\.?|[,;:()\[\]—–“”\"]|\s-{1,2}\s")
_WINDOW = 160  # characters read on either side of a cue
# characters read before a cue for its subject: a name with a long appositive (`Ann Lee, an
# official at the housing agency in Ohio, which has a backlog of 500 homes, said`)
_SUBJECT_WINDOW = 240
_FIRST_PERSON = frozenset({"I", "We", "we"})
_PRONOUN_SOURCES = frozenset("i we you he she they it who".split())
_COVER_LOOK_BACK = 16  # frames a quotation looks back over for the one whose content holds it
DIRECT_SHARE = 0.8  # a content this much inside quotation marks is a direct quotation
MAX_SOURCE_WORDS = 12
# Words between a subject and its verb: `has also said`, `would later claim`.
_AUXILIARIES = frozenset(
    "has have had is are was were be been will would could can may might should must shall did"
    " does do not n't never also then later again repeatedly previously recently once still"
    " already just even now first often publicly privately reportedly quickly long further"
    " frequently ultimately separately earlier initially".split()
)
# Words that end a subject read backwards from its verb (a clause begins after them).
_SUBJECT_STOPS = frozenset(
    "that which when while because as if and but or so since although though after before where"
    " whether than until unless whereas nor yet what how why".split()
)
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight"
    " week weekend month year night morning afternoon evening".split()
)
_INVERTING = frozenset(SPEECH_VERBS) | {"says", "said", "asks", "asked", "writes", "wrote"}
_CUE_WORDS = frozenset(w for w in ATTRIBUTION_CUES if " " not in w)
# Words that cannot end a subject: the cue after them is a noun (`the support`, `his claims`).
_NOT_SUBJECT_ENDS = frozenset(
    "the a an his her their its our my your this these those of to for in on at by with from"
    " about into over under against between among than without within upon through amid"
    " such no any each every some what whose".split()
)
# One of those words just before a cue, which `_subject_before` would refuse after reading the
# sentence's words: a prefilter on the text itself.
_NOUN_BEFORE = re.compile(rf"(?<![\w'’.-]){alternation(_NOT_SUBJECT_ENDS)}[ \t\n]+$", re.IGNORECASE)
_RELATIVES = frozenset({"who", "whom"})
# Verbs whose person object comes before the content: `told reporters (that)`, `asked him to`.
_TELLING = frozenset(
    "tell tells told telling ask asks asked asking assure assures assured remind reminds"
    " reminded reminding inform informs informed warn warns warned warning urge urges urged"
    " urging".split()
)
# Words that make what follows a cue a clause rather than its inverted source.
_VERB_WORDS = frozenset(
    "is are was were has have had will would can could may might should must did does do"
    " not".split()
)
_PERSONAL = frozenset("he she they it we i you".split())
# Lower-case words that can open an inverted source (`said spokesman Josh Schwerin`).
_SOURCE_OPENERS = frozenset(
    "a an the one another some several two three many most both former state senior top"
    " spokesman spokeswoman spokesperson rep. sen. gov. campaign manager press secretary"
    " aide adviser advisor attorney lawyer chairman president"
    " sources officials analysts experts critics".split()
)
# A heading that names who speaks, then a colon: `Lee: Plan Will Fail`, `Poll: Lee Leads`.
_HEADLINE_SOURCE = re.compile(
    r"\s*(?P<source>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von)){0,3}):\s+(?=[\w‘'“\"])"
)
_LABEL_WORDS = frozenset(
    "update updated note editor editor's watch read related photo photos video correction"
    " advertisement source sources live breaking exclusive opinion analysis transcript q a"
    " listen subscribe follow share".split()
)
_WHEN_END = re.compile(r"(?:^|\W)(?:[Ww]hen|[Ww]hile|[Aa]fter|[Oo]nce|[Ii]f)\s*$")
_BY_AGENT = re.compile(
    r"\s+by\s+(?P<agent>[^,;:]{1,60}?)\s+(?=(?:whether|if|what|why|how|who|about|to|for|when|where|which)\b)"
)
# Cue words as often nouns as verbs (`the states`, `a tweet`, `his plans`).
_NOUN_LIKE = frozenset(
    "state states tweet tweets post posts attack attacks report reports question questions"
    " remark remarks note notes claim claims charge charges counter answer answers promise"
    " promises pledge pledges vow vows estimate estimates fear fears doubt doubts demand"
    " demands praise blame warning show shows support supports view views call calls plan plans"
    " want wants hope hopes order orders request requests offer offers project projects echo"
    " echoes challenge challenges favor favors thanks".split()
)
# Words after which a source phrase no longer holds its head (`a spokesman for Lee`).
_HEAD_ENDS = frozenset(
    "for of at from with by in on who which that whose to like about as after".split()
)
_PARTS = re.compile(r"\s*[,(—–)]\s*|\s-\s")
# What ends a clause just before a frame's source: `, `, `; `, `, and `.
_CLAUSE_BREAK = re.compile(r"[,;]\s*(?:(?:and|but|while)\s*)?$")
_QUANTIFIERS = frozenset(
    "all both many several few other some most each every any early member two three four five"
    " six seven eight nine ten".split()
)
_COORDINATORS = frozenset("and but or then yet".split())
# Adverbs before a sentence's subject (`And even Lee ...`).
_OPENING_ADVERBS = frozenset("even also still then now meanwhile however indeed instead".split())
# Prepositions that open a phrase of place or time before a sentence's subject (`In May, `).
_OPENING_PREPOSITIONS = frozenset(
    "in on at after before during since beyond unlike like despite with without for from"
    " amid among under over through throughout following ahead back".split()
)
_OPENING_WORDS = 16  # words an opening phrase may hold before its comma
# The word that joins a cue to a clause whose subject came earlier: `... but concedes`, `... by
# suggesting`.
_JOINED_BEFORE = re.compile(
    r"\b(?P<link>and|but|or|then|yet|by|after|before|while|in|without|for|when)\s+(?:(?:also|then|later|even|quickly|repeatedly|[a-z]+ly)\s+)?$",
    re.IGNORECASE,
)
_PASSIVE_CUES = frozenset({"expected"})
_SEEMING = frozenset("seem seems seemed appear appears appeared".split())
_PLACE_AFTER = re.compile(r"\s+(?:on|in|at|with|before|alongside|during|onstage|together)\b")
_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:not|also|widely|still|now|)\s+)?$"
)
# A passive cue (`Lee was criticized by Roe`, `has been asked`): a past participle after a form
# of `be`; its source is the agent of `by`, or nobody.
_PASSIVE_BE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:not|also|widely|still|now|long|often|never"
    r"|already|repeatedly|reportedly|[a-z]+ly)\s+)?$",
    re.IGNORECASE,
)
_IRREGULAR_PARTICIPLES = frozenset(
    "told shown written known thought found sworn held seen said heard foreseen foretold".split()
)
# Participles that after `be` state the subject's own stance (`Lee is opposed to the plan`).
_STANCE_PARTICIPLES = frozenset(
    "opposed worried concerned convinced committed determined inclined prepared dedicated"
    " interested united pleased disappointed frustrated".split()
)
_AGENT = re.compile(r"\s+by\s+(?=\S)")
# Words that end a passive's agent (`by Roe for failing ...`, `by Roe during the debate`).
_AGENT_ENDS = frozenset(
    "for in on at during after before over about with as because when while to from since that"
    " who which whose amid despite".split()
)
_THAT_NEXT = re.compile(r"\s*(?:that\b|:|[“\"])")
_THAT_SOON = re.compile(r"[^,;:.!?“”\"]{0,60}?\bthat\b")
_MARK_CHARS = " \t\n“”\"'"
_SPACES = (" ", "\n", "\t", "\u00a0")
_COMMA_NEXT = re.compile(r"\s*,")
_OPENING = re.compile(r"[\s“”\"'‘’]*")
_ALNUM = re.compile(r"[^\W_]")
_FINAL = " \t\n.!?;:,"


@dataclass(frozen=True, slots=True)
class Frame:
    """A cue with the source and content it governs, before its speaker is resolved."""

    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None
    clause: SaidClause | None  # what the speakers stage reads (None when there is no source)
    sentence: int
    # the source is the subject of another frame of the sentence (`..., saying ...`)
    borrowed: bool = False
    # where what the cue governs ends, for nesting, when that is past `content` (a quotation's
    # said-clause before it: `Lee said that Roe shows "..."` reports Roe inside Lee's words)
    reach: int = -1


class _Token:
    """A word or a punctuation mark of a sentence beside a cue (its lower case made once: the
    rules ask for it many times)."""

    __slots__ = ("text", "start", "end", "lower")

    def __init__(self, match: re.Match[str]) -> None:
        self.text = match.group()
        self.start, self.end = match.span()
        self.lower = self.text.lower()


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return list(map(_Token, _TOKEN.finditer(text, start, end)))


class _Words:
    """The tokens of one sentence, made once and sliced by offset for every cue in it."""

    def __init__(self, text: str, sentence: Sentence) -> None:
        self.text, self.sentence = text, sentence
        self.tokens: list[_Token] = []
        self.starts: list[int] = []
        self.made = False

    def between(self, start: int, end: int) -> list[_Token]:
        """The tokens that lie wholly within `start:end` (the sentence is read on first use)."""
        if not self.made:
            self.tokens = _tokens(self.text, self.sentence.start, self.sentence.end)
            self.starts = [t.start for t in self.tokens]
            self.made = True
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        while last > first and self.tokens[last - 1].end > end:
            last -= 1
        return self.tokens[first:last]


def _is_word(token: _Token) -> bool:
    return token.text[0].isalnum()


def _quotation_regions(quoted: Sequence[QuotedParagraph]) -> list[tuple[int, int]]:
    """Each quotation from its opening mark to just after its closing mark, in text order."""
    return [(q.open_mark, q.close) for p in quoted for q in p.quotations]


class _Inside:
    """Whether offsets, asked in non-decreasing order, lie inside a quotation (one pass)."""

    def __init__(self, regions: list[tuple[int, int]]) -> None:
        self.regions = regions
        self.k = 0

    def holds(self, sentence: Sentence) -> bool:
        """Whether one quotation holds the whole sentence (asked in text order too)."""
        if not self(sentence.start):
            return False
        return self.regions[self.k][1] >= sentence.end

    def __call__(self, offset: int) -> bool:
        while self.k < len(self.regions) and self.regions[self.k][1] <= offset:
            self.k += 1
        return self.k < len(self.regions) and self.regions[self.k][0] <= offset


def _subject_before(
    text: str, words_of: _Words, lo: int, verb_start: int
) -> tuple[int, int] | None:
    """The subject ending just before a verb at `verb_start` (auxiliaries and adverbs between
    them passed), read back to a clause boundary; an appositive between commas is kept whole
    (`Ann Lee, 61, a teacher,`) and a relative pronoun with the noun before it (`groups who`)."""
    if _NOUN_BEFORE.search(text, max(lo, verb_start - 12), verb_start) is not None:
        return None  # `the support`, `his claims`: a noun (decided before tokenising)
    words = words_of.between(max(lo, verb_start - _SUBJECT_WINDOW), verb_start)
    i = len(words) - 1
    while i >= 0 and (
        words[i].lower in _AUXILIARIES
        or words[i].lower in _TIME_WORDS
        or (words[i].lower.endswith("ly") and words[i].text.islower())
        or (words[i].lower in ("last", "this", "next", "on") and i < len(words) - 1)
    ):
        i -= 1  # `has also said`, `last year proposed`, `on Tuesday said`
    if i < 0:
        return None
    end = words[i].end
    bracket = _bracket_before(words, i)
    if bracket is not None:  # `Sen. Ann Lee (R-Ohio) said`: the name before its affiliation
        i = bracket
    end_token = words[i]
    if end_token.text == "," and i > 0:
        return _appositive_subject(words, i)
    if not _is_word(end_token) or end_token.text[0].isdigit():
        return None
    if end_token.lower in _NOT_SUBJECT_ENDS or end_token.lower in _SUBJECT_STOPS:
        return None
    if end_token.lower.endswith("ing") and end_token.text.islower():
        return None  # `..., stopping short of calling`: a participle, not a subject
    if end_token.text in _CUE_WORDS:
        return None  # `said they believed`: `they` is read by the first cue's content
    first = i
    count = 0
    while first - 1 >= 0 and count < MAX_SOURCE_WORDS:
        before = words[first - 1]
        if (
            not _is_word(before)
            or before.lower in _SUBJECT_STOPS
            or (before.text[0].isupper() and before.lower in _VERB_WORDS)  # `Do you think`
            or (before.text in _CUE_WORDS and before.text not in _NOUN_LIKE)
        ):
            break
        first -= 1
        count += 1
    return words[first].start, end


# Tokens a bracket after a subject may hold (`(R-Ohio)`, `(D)`, `(pictured)`).
_BRACKET_TOKENS = 6


def _bracket_before(words: list[_Token], i: int) -> int | None:
    """When the token at `i` closes a short bracket (`Ann Lee (R-Ohio)`), the index of the last
    token before its opening; else None."""
    if words[i].text != ")":
        return None
    k = i - 1
    while k >= 0 and i - k <= _BRACKET_TOKENS and words[k].text not in "()":
        k -= 1
    if k <= 0 or words[k].text != "(" or not words[k - 1].text[:1].isupper():
        return None  # not after a name
    if not any(w.text[:1].isupper() for w in words[k + 1 : i]):
        return None  # `A reformer (young or old) would recall`: an aside, no affiliation
    return k - 1


_APPOSITIVE_HEAD_WORDS = 8  # `Former Pennsylvania Gov. Ed Rendell (D)`, before its appositive
_APPOSITIVE_PARTS = 5  # `Jo Roe, a Dayton, Ohio, rabbi helping the boycott, (said)`
# Words that open an appositive part after its comma: a description or a relative clause.
_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "who", "whom", "whose", "which"})


# Words opening a clause of time, cause or condition, which ends at its comma.
_SUBORDINATORS = frozenset(
    "when while because as if since although though after before where until unless"
    " whereas once".split()
)


def _breaks_apposition(token: _Token) -> bool:
    """Punctuation that no appositive crosses: a semicolon, a colon, a quotation mark, a dash."""
    return token.text in ';:“”"' or token.text.strip() in ("-", "--", "—", "–")


def _appositive_led(text: str, words_of: _Words, lo: int, cue_start: int) -> bool:
    """Whether the words before a cue and its comma are a short name with an appositive
    (`Ann Lee, a teacher,`, `Bo Lind, 61,`): a subject, not a content whose inverted source
    follows the cue (`The plan will fail, said Lee`)."""
    subject = _subject_before(text, words_of, lo, cue_start)
    if subject is None:
        return False
    head, comma, rest = text[subject[0] : subject[1]].partition(",")
    opener = rest.split(None, 1)[:1]
    return (
        bool(comma and opener)
        and head[:1].isupper()
        and len(head.split()) <= _NAME_HEAD_WORDS
        and (opener[0].lower() in _APPOSITIVE_OPENERS or opener[0][:1].isdigit())
    )


_NAME_HEAD_WORDS = 4  # `Sen. Ann B. Lee` before the first comma of an appositive subject


def _appositive_subject(words: list[_Token], comma: int) -> tuple[int, int] | None:
    """`Ann Lee, 61, a teacher, (said)`: a name, then asides between commas, then the verb."""
    k = comma - 1
    parts = 0
    while k >= 0 and parts < _APPOSITIVE_PARTS:
        j = k
        while j >= 0 and words[j].text != "," and not _breaks_apposition(words[j]):
            j -= 1
        if 0 <= j < k and words[j].text == "," and words[j + 1].lower in _APPOSITIVE_OPENERS:
            # `, an official at the agency, which has more than 500 homes to repair,`: an
            # appositive, whatever words it holds (`than`, `when`)
            parts += 1
            k = j - 1
            continue
        while k >= 0 and words[k].text != "," and words[k].lower not in _SUBJECT_STOPS:
            if _breaks_apposition(words[k]):
                break
            k -= 1
        if k < 0 or words[k].text != ",":
            break
        parts += 1
        k -= 1
    start = k + 1
    if k >= 0 and words[k].lower in _SUBORDINATORS:  # `When Lee arrived, Roe, a nurse, said`:
        start = next((m + 1 for m in range(start, comma) if words[m].text == ","), start)
    while start < comma and words[start].lower in _COORDINATORS:
        start += 1  # `But Bo Lind, the governor, defended ...`
    head = words[start:comma]
    name_words = [w for w in head if _is_word(w)]
    first_comma = next((m for m, w in enumerate(head) if w.text == ","), len(head))
    if (
        not name_words
        or not name_words[0].text[0].isupper()
        or len(name_words) > 3 * MAX_SOURCE_WORDS
        or sum(_is_word(w) for w in head[:first_comma]) > _APPOSITIVE_HEAD_WORDS
    ):  # a long run before the first comma is a clause or glued text, not a name
        return None
    if k >= 0 and words[k].text not in ";:" and words[k].lower not in _SUBJECT_STOPS:
        return None
    return head[0].start, words[comma - 1].end


def _source_after(
    text: str, words_of: _Words, verb_end: int, hi: int, strict: bool = False
) -> tuple[int, int] | None:
    """The source after an inverted cue (`said Ann Lee`, `according to the report`): a noun
    phrase up to a comma, a quotation or the clause's end. With `strict`, a phrase that holds a
    verb's auxiliary or `that` is a clause, not a source (`said she turned out`)."""
    words = words_of.between(verb_end, min(hi, verb_end + _WINDOW))
    taken: list[_Token] = []
    for token in words:
        if not _is_word(token) and token.text not in "()":
            break
        if token.lower in _SUBJECT_STOPS and taken:
            if strict and token.lower == "that":
                return None
            break
        if strict and taken and token.lower in _VERB_WORDS:
            return None
        taken.append(token)
        if len(taken) > MAX_SOURCE_WORDS:
            return None
    while taken and not _is_word(taken[-1]):
        taken.pop()
    if not taken:
        return None
    end = taken[-1].end
    if text[end - 1] == "." and not _abbreviated(taken[-1].text):
        end -= 1  # the sentence's full stop, not an initial's (`Lee Jr.`)
    if strict:
        first = taken[0]
        if first.lower in _PERSONAL and len(taken) > 1:
            return None  # `said she turned out ...`
        if not (
            first.text[0].isupper() or first.lower in _SOURCE_OPENERS or first.lower in _PERSONAL
        ):
            return None
    return taken[0].start, end


def _abbreviated(word: str) -> bool:
    """`Jr.`, `U.S.`, `Sen.`: a full stop that belongs to the word."""
    bare = word.rstrip(".")
    return len(bare) <= 3 and bare[:1].isupper() or "." in bare


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A content span without the spaces and sentence punctuation at its ends."""
    while start < end and text[start] in " \t\n,:;—–-":
        start += 1
    while end > start and text[end - 1] in _FINAL:
        end -= 1
    return start, end


def _content_after(text: str, cue: str, verb_end: int, hi: int) -> tuple[int, int]:
    """What a cue followed by its complement governs: from the cue to the end of the clause;
    a telling verb's person object (`told reporters`) is passed when `that` follows soon."""
    start = verb_end
    if cue in _TELLING:
        soon = _THAT_SOON.match(text, start, hi)
        if soon is not None:
            start = soon.end() - len("that")
    return _trim(text, start, hi)


def _has_words(text: str, start: int, end: int) -> bool:
    return end > start and _ALNUM.search(text, start, end) is not None


def _short_tail(words_of: _Words, start: int, end: int) -> bool:
    """Nothing but circumstance after a cue (`Lee said Friday.`, `Lee said in a statement.`)."""
    words = [t for t in words_of.between(start, min(end, start + _WINDOW)) if _is_word(t)]
    if not words:
        return True
    if len(words) > 8 or any(w.lower == "that" for w in words):
        return False
    first = words[0]
    return (
        first.lower in CLAUSE_TAIL_WORDS
        or (first.text.islower() and first.lower.endswith("ly"))
        or (first.text[0].isupper() and len(words) <= 3)
    )


def _clause(
    text: str, source: tuple[int, int], cue: tuple[int, int], offset: int, verb_first: bool
) -> SaidClause:
    """What the speakers stage reads: the source phrase (a relative pronoun's noun: `groups
    who` -> `groups`); `descriptive` when a common noun heads it (`Clinton advisers`, `the
    campaign`), which names nobody."""
    phrase = text[source[0] : source[1]]
    words = phrase.split()
    if words and words[-1].lower() in _RELATIVES:  # `groups who`: the speaker is the noun
        phrase = phrase[: phrase.rfind(words[-1])].rstrip(" ,")
    kind = "said_clause"
    head = _head_word(phrase, verb_first)
    if head is not None and head.islower() and head not in _PERSONAL:
        kind = "descriptive"
    return SaidClause(
        text[min(source[0], cue[0]) : max(source[1], cue[1])],
        phrase,
        source[0],
        offset,
        kind=kind,
        verb_first=verb_first,
        cue=cue,
    )


def _head_word(phrase: str, verb_first: bool) -> str | None:
    """The word that heads a source phrase: the last before any comma, bracket or preposition
    (`a spokesman for Lee` -> spokesman; `Ann Lee, a teacher` -> Lee)."""
    heads = []
    for part in _PARTS.split(phrase):
        head = None
        for k, word in enumerate(part.split()):
            if k and word.lower() in _HEAD_ENDS:
                break
            head = word.strip(".")
        if head:
            heads.append(head)
    named = [h for h in heads if h[:1].isupper()]  # `Lee's pollster, Ann Roe`: Roe
    return named[0] if named else (heads[0] if heads else None)


def _sentence_frames(
    text: str,
    sentence: Sentence,
    number: int,
    inside: _Inside,
    quotation_cues: Mapping[int, SaidClause],
    matches: list[re.Match[str]],
) -> list[Frame]:
    """The frames of one sentence, in the order of their cues (`matches`: the sentence's
    matches of `_CUE`). A quotation's said-clause is not read again: it stands as an empty
    frame, only for a participle after it to report for its speaker (`"...," Lee said, adding
    that ...`)."""
    frames: list[Frame] = []
    lo, hi = sentence.start, sentence.end
    lead = _LEAD_CUE.match(text, lo, hi)
    if lead is not None and (not matches or matches[0].start() != lead.start()):
        matches.insert(0, lead)
    heading = _HEADLINE_SOURCE.match(text, lo, hi)
    if heading is not None and _names_someone(heading.group("source")):
        content = _trim(text, heading.end(), hi)  # `Lee: Plan Will Fail`
        if _has_words(text, *content) and not inside(heading.end()):
            source = heading.span("source")
            colon = (heading.end("source"), heading.end("source") + 1)
            clause = _clause(text, source, colon, source[0], False)
            if heading.group("source").isupper():  # `VARGA:`: a transcript's speaker
                clause = replace(clause, label=True)
            frames.append(Frame(colon, content, source, clause, number))
    if not matches:
        return frames  # no cue: nothing is read (at most a heading's `Name:`)
    opening = _OPENING.match(text, lo, hi).end()  # where the sentence's first word starts
    words = _Words(text, sentence)
    for match in matches:
        if inside(match.start()):
            continue
        cue = (match.start(), match.end())
        said = quotation_cues.get(cue[0])
        if said is not None:  # the quotation's record stands for it
            source = (said.phrase_start, said.phrase_start + len(said.phrase))
            before = text[said.offset] not in _MARK_CHARS  # the clause comes first
            reach = hi if before else -1
            frames.append(Frame(cue, (cue[1], cue[1]), source, said, number, reach=reach))
            continue
        word = match.group().lower()
        # what comes before the cue, as far as the rules look (a bounded window: linear)
        before = (
            ""
            if match.start() <= opening
            else text[max(lo, match.start() - _WINDOW) : match.start()].rstrip(_MARK_CHARS)
        )
        if word in ACCORDING_TO:
            frame = _according(text, words, sentence, number, cue)
        elif word == "asked" and (not before.strip() or _WHEN_END.search(before)):
            frame = _asked(text, sentence, number, cue)  # `Asked whether ..., Lee said`
        elif before.endswith(",") and _appositive_led(text, words, sentence.start, cue[0]):
            # `Ann Lee, a teacher, said the plan failed.`: her words, not `the plan failed`'s
            frame = _subject_first(text, words, sentence, number, cue, word)
            if frame is None:
                frame = _inverted_or_participle(text, words, sentence, number, cue, word, frames)
        elif not before.strip() or before.endswith(","):
            frame = _inverted_or_participle(text, words, sentence, number, cue, word, frames)
            if frame is None and before.endswith(","):  # `Ann Lee, a teacher, said she ...`
                frame = _subject_first(text, words, sentence, number, cue, word)
        else:
            frame = _subject_first(text, words, sentence, number, cue, word)
        if frame is not None:
            frames.append(frame)
    return _mark_nested(_cut_at_next_clause(text, frames))


def _mark_nested(frames: list[Frame]) -> list[Frame]:
    """Mark the clause of a frame whose cue lies inside an earlier frame's content (`Lee said
    Roe should expect ...`): its speaker is not the last person who spoke. A frame nested more
    than `MAX_ATTRIBUTION_NESTING` deep is dropped (the open contents are a stack: linear)."""
    open_ends: list[int] = []  # ends of the contents the next cue may lie in, innermost last
    marked = []
    for frame in frames:
        while open_ends and open_ends[-1] <= frame.cue[0]:
            open_ends.pop()
        if len(open_ends) >= MAX_ATTRIBUTION_NESTING:
            continue
        if open_ends and frame.clause is not None and not frame.borrowed:
            frame = replace(frame, clause=replace(frame.clause, nested=True))
        reach = max(frame.content[1], frame.reach)
        if reach > frame.cue[0]:
            open_ends.append(reach)
        marked.append(frame)
    return marked


def _names_someone(source: str) -> bool:
    """A heading's `Name:` names someone: not a label (`UPDATE:`, `Editor's note:`)."""
    words = source.lower().replace("’", "'").split()
    return not any(w in _LABEL_WORDS or w in NOT_NAMES for w in words)


def _asked(text: str, sentence: Sentence, number: int, cue: tuple[int, int]) -> Frame | None:
    """`(When) asked (by Lee) whether ..., ...`: the question, up to its comma; its source is
    the asker when named (`by a reporter`), otherwise none."""
    comma = text.find(",", cue[1], min(sentence.end, cue[1] + _WINDOW))
    end = comma if comma >= 0 else min(sentence.end, cue[1] + _WINDOW)
    by = _BY_AGENT.match(text, cue[1], end)
    source = None
    start = cue[1]
    if by is not None:
        source = by.span("agent")
        start = by.end()
    content = _trim(text, start, end)
    if not _has_words(text, *content):
        return None
    clause = _clause(text, source, cue, content[0], True) if source else None
    return Frame(cue, content, source, clause, number)


def _according(
    text: str, words: _Words, sentence: Sentence, number: int, cue: tuple[int, int]
) -> Frame | None:
    source = _source_after(text, words, cue[1], sentence.end)
    if source is None:
        return None
    before = _trim(text, sentence.start, cue[0])
    if _has_words(text, *before):  # `..., according to Lee.`
        content = before
    else:  # `According to Lee, ...`
        content = _trim(text, source[1], sentence.end)
    if not _has_words(text, *content):
        return None
    return Frame(cue, content, source, _clause(text, source, cue, content[0], True), number)


def _inverted_or_participle(
    text: str,
    words: _Words,
    sentence: Sentence,
    number: int,
    cue: tuple[int, int],
    word: str,
    frames: list[Frame],
) -> Frame | None:
    """`..., said Ann Lee.` (content before), `Said Lee, ...`, or `..., saying ...`."""
    if word.endswith("ing"):  # a participle reports for the subject of its clause
        if word in CLAUSE_CUES and _THAT_NEXT.match(text, cue[1]) is None:
            return None  # `..., pressing the case`
        content = _content_after(text, word, cue[1], sentence.end)
        if not _has_words(text, *content):
            return None
        owner = next((f for f in reversed(frames) if f.source is not None), None)
        if owner is not None:
            return Frame(cue, content, owner.source, owner.clause, number, borrowed=True)
        subject = _sentence_subject(words, sentence.start, cue[0])
        if subject is None:
            return Frame(cue, content, None, None, number)
        return Frame(
            cue, content, subject, _clause(text, subject, cue, cue[0], False), number, borrowed=True
        )
    if word not in _INVERTING:  # `..., defended the plan`: no inverted source
        return None
    source = _source_after(text, words, cue[1], sentence.end, strict=True)
    if source is None:
        return None
    before = _trim(text, sentence.start, cue[0])
    if _has_words(text, *before):
        content = before
    else:
        content = _trim(text, source[1], sentence.end)
    if not _has_words(text, *content):
        return None
    return Frame(cue, content, source, _clause(text, source, cue, content[0], True), number)


def _after_opening(words: list[_Token]) -> int:
    """The index of the first word after what opens a sentence before its subject: a dateline
    (`PARIS (Wire) - `), or a phrase of place or time up to its comma (`In May, `, `Last
    year, `, `Beyond the footage, `), coordinators and adverbs passed (`And even `)."""
    k = 0
    while k < len(words) and (
        words[k].lower in _COORDINATORS or words[k].lower in _OPENING_ADVERBS
    ):
        k += 1
    if k >= len(words):
        return 0
    first = words[k]
    limit = min(len(words), k + _OPENING_WORDS)
    if first.text.isupper() and len(first.text) > 1 and first.text.isalpha():
        for j in range(k + 1, limit):
            if words[j].text.strip() in ("-", "--", "—", "–"):
                return j + 1  # a dateline
    if (
        first.lower in _OPENING_PREPOSITIONS
        or first.lower in _TIME_WORDS
        or (first.lower in ("last", "this", "next", "earlier", "later") and k + 1 < len(words))
    ):
        for j in range(k + 1, limit):
            if words[j].text == ",":
                k = j + 1
                while k < len(words) and (
                    words[k].lower in _COORDINATORS or words[k].lower in _OPENING_ADVERBS
                ):
                    k += 1
                return k
            if not _is_word(words[j]):
                break
    return k


def _sentence_subject(words_of: _Words, start: int, end: int) -> tuple[int, int] | None:
    """The subject opening a sentence: a pronoun or a run of capitalised words, after an
    opening subordinator (`When Lee ...`)."""
    words = words_of.between(start, min(end, start + _WINDOW))
    k = _after_opening(words)
    if k < len(words) and words[k].lower in _SUBJECT_STOPS:
        k += 1
    while k < len(words) and words[k].lower in _OPENING_ADVERBS:
        k += 1
    while k < len(words) and words[k].lower in ("the", "a", "an"):
        k += 1
    if k >= len(words) or not _is_word(words[k]):
        return None
    first = words[k]
    bare = first.lower.split("'")[0].split("’")[0]
    if bare in _PERSONAL:
        return first.start, first.start + len(bare)
    if not first.text[0].isupper() or first.lower in NOT_NAMES:
        return None
    j = k
    while j + 1 < len(words) and _is_word(words[j + 1]) and words[j + 1].text[0].isupper():
        j += 1
    return first.start, words[j].end


def _verb_reading(text: str, subject: tuple[int, int], cue: tuple[int, int], word: str) -> bool:
    """Whether the cue after `subject` reports: a word that is as often a noun (`states`,
    `tweet`, `attacks`) only after an auxiliary or a pronoun, or before `that`, a colon or a
    quotation (`Lee states that ...`, `Lee's claim that ...`)."""
    last = text[subject[0] : subject[1]].split()[-1]
    if word in CLAUSE_CUES:  # `Lee hinted that ...`, not `the hints`
        return _THAT_NEXT.match(text, cue[1]) is not None
    if word not in _NOUN_LIKE or _THAT_NEXT.match(text, cue[1]) is not None:
        return True
    between = text[subject[1] : cue[0]].split()
    if any(w.lower() in _AUXILIARIES for w in between):
        return True
    lower = last.lower()
    if lower.endswith(("'s", "’s", "s'", "s’")) or lower in _QUANTIFIERS or lower[0].isdigit():
        return False  # `Lee's claims`, `all states`, `16 states`
    if lower in _RELATIVES:
        return True
    plural = lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
    if word.endswith("s"):  # third person singular: `Lee tweets`, `she states`, `the poll shows`
        words = text[subject[0] : subject[1]].split()
        determined = words[0].lower() in ("the", "a", "an", "this", "that", "its", "his", "her")
        return (
            lower in ("he", "she", "it")
            or (last[0].isupper() and not plural)
            or (determined and not plural and len(words) <= 3)
        )
    return lower in ("they", "we", "i", "you") or plural  # `observers note`, `polls show`


def _comma_before(text: str, lo: int, at: int) -> int:
    comma = text.rfind(",", lo, at)
    return comma if comma >= 0 else at


def _subject_first(
    text: str, words: _Words, sentence: Sentence, number: int, cue: tuple[int, int], word: str
) -> Frame | None:
    """`Lee said the plan ...`, `The plan will fail, Lee said.`, `The plan, Lee said, will ...`."""
    if (
        word in _PASSIVE_CUES and _BE_BEFORE.search(text, max(sentence.start, cue[0] - 30), cue[0])
    ) or (word in _SEEMING and not _PLACE_AFTER.match(text, cue[1])):
        # `Lee is expected to win.`, `The memo seemed aimed at ...`: nobody says it
        content = _trim(text, sentence.start, sentence.end)
        return Frame(cue, content, None, None, number)
    subject = _subject_before(text, words, sentence.start, cue[0])
    if subject is None:
        joined = _JOINED_BEFORE.search(text, max(sentence.start, cue[0] - 40), cue[0])
        if joined is None or (
            joined.group("link").lower() not in _COORDINATORS and not word.endswith("ing")
        ):
            return None
        # `Lee is a voter but concedes ...`, `... by suggesting ...`: the clause's subject
        subject = _sentence_subject(words, sentence.start, joined.start())
        if subject is None:
            return None
        content = _content_after(text, word, cue[1], sentence.end)
        if not _has_words(text, *content):
            return None
        return Frame(cue, content, subject, _clause(text, subject, cue, subject[0], False), number)
    if not _verb_reading(text, subject, cue, word):
        return None
    if _passive(text, sentence, cue, word):
        return _passive_frame(text, words, sentence, number, cue, word, subject)
    after_start = cue[1]
    tail_end = sentence.end
    lead_end = subject[0]  # the end of what comes before the subject, quotation marks passed
    while lead_end > sentence.start and text[lead_end - 1] in _MARK_CHARS:
        lead_end -= 1
    after_comma = lead_end > sentence.start and text[lead_end - 1] == ","
    if after_comma and _short_tail(words, after_start, tail_end):
        content = _trim(text, sentence.start, lead_end)
        offset = content[0]
    elif after_comma and _COMMA_NEXT.match(text, after_start, tail_end):
        content = _trim(text, sentence.start, tail_end)  # `The plan, Lee said, will fail.`
        offset = subject[0]
    else:
        content = _content_after(text, word, after_start, tail_end)
        offset = subject[0]
    if not _has_words(text, *content):
        return None
    return Frame(cue, content, subject, _clause(text, subject, cue, offset, False), number)


def _passive(text: str, sentence: Sentence, cue: tuple[int, int], word: str) -> bool:
    """Whether a cue is a passive participle after `be` (`was criticized`, `has been told`)."""
    if word in _STANCE_PARTICIPLES or not (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES):
        return False
    return _PASSIVE_BE.search(text, max(sentence.start, cue[0] - 40), cue[0]) is not None


def _passive_frame(
    text: str,
    words: _Words,
    sentence: Sentence,
    number: int,
    cue: tuple[int, int],
    word: str,
    subject: tuple[int, int],
) -> Frame | None:
    """`Lee was criticized by Roe for ...`: the agent of `by` is the source (none without
    one); the content is what follows the cue, or the subject when only the agent follows."""
    by = _AGENT.match(text, cue[1], sentence.end)
    if by is None:
        content = _content_after(text, word, cue[1], sentence.end)
        if not _has_words(text, *content):
            content = _trim(text, subject[0], subject[1])
        return Frame(cue, content, None, None, number)
    taken: list[_Token] = []
    for token in words.between(by.end(), min(sentence.end, by.end() + _WINDOW)):
        if not _is_word(token) or (taken and token.lower in _AGENT_ENDS):
            break
        taken.append(token)
        if len(taken) > MAX_SOURCE_WORDS:
            return Frame(cue, _trim(text, subject[0], subject[1]), None, None, number)
    if not taken:
        return None
    agent = (taken[0].start, taken[-1].end)
    rest = _trim(text, agent[1], sentence.end)
    content = rest if _has_words(text, *rest) else _trim(text, subject[0], subject[1])
    return Frame(cue, content, agent, _clause(text, agent, cue, content[0], True), number)


def _cut_at_next_clause(text: str, frames: list[Frame]) -> list[Frame]:
    """A content running to the sentence end stops where a later frame of the sentence begins a
    clause of its own (`..., and Roe said ...`, `...; Roe said`, `..., saying ...`): the next
    such frame, found through one backward pass (linear in the frames)."""
    begins = [f.source[0] if f.source and not f.borrowed else f.cue[0] for f in frames]
    breaks = [_CLAUSE_BREAK.search(text, max(0, begin - 12), begin) for begin in begins]
    opens = [found is not None for found in breaks]
    next_open: list[int | None] = [None] * len(frames)
    following: int | None = None
    for k in range(len(frames) - 1, -1, -1):
        next_open[k] = following
        if opens[k]:
            following = k
    cut = []
    for k, frame in enumerate(frames):
        start, end = frame.content
        j = next_open[k]
        whole = text[frame.cue[0] : frame.cue[1]] == ":"  # `LEE: ...` speaks the whole line
        if not whole and j is not None and start < begins[j] < end and frame.cue[1] <= begins[j]:
            end = _trim(text, start, breaks[j].start())[1]  # before `, and Roe said`
            frame = replace(frame, content=(start, end))
        if end > start or frame.reach > frame.cue[1]:  # a said-clause kept for nesting
            cut.append(frame)
    return cut


def find_frames(
    text: str,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    quoted: Sequence[QuotedParagraph],
) -> list[Frame]:
    """Every frame of the body sentences, in text order."""
    inside = _Inside(_quotation_regions(quoted))
    quotation_cues = {
        q.clause.cue[0]: q.clause
        for p in quoted
        for q in p.quotations
        if q.clause is not None and q.clause.cue is not None
    }
    frames: list[Frame] = []
    # every cue of the text in one pass of the cue pattern, handed to the sentence holding it
    cues = list(_CUE.finditer(text))
    starts = [m.start() for m in cues]
    for number, sentence in enumerate(sentences):
        if paragraphs[sentence.paragraph].kind != "body" or inside.holds(sentence):
            continue  # a subheading, or a sentence wholly inside a quotation
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end, first)
        while last > first and cues[last - 1].end() > sentence.end:
            last -= 1
        matches = cues[first:last]
        for frame in _sentence_frames(text, sentence, number, inside, quotation_cues, matches):
            if frame.cue[0] not in quotation_cues:  # a quotation's own said-clause
                frames.append(frame)
    return frames


def speaker_kinds(entities: Iterable[Entity]) -> dict[str, str]:
    """`named` for every person id among `entities`, `organisation` for the others."""
    return {e.id: "named" if e.type == "person" else "organisation" for e in entities}


def _span(text: str, span: tuple[int, int] | None) -> Span | None:
    if span is None:
        return None
    return Span(span[0], span[1], text[span[0] : span[1]])


def build_attributions(
    text: str,
    frames: Sequence[Frame],
    frame_speakers: Sequence[Speaker | None],
    quotes: Sequence[Quote],
    quotations: Sequence[Quotation],
    quote_speakers: Sequence[Speaker | None],
    speaker_kinds: Mapping[str, str],
    sentence_of: Callable[[int], int],
) -> list[Attribution]:
    """The attribution records, in text order of their contents: each frame (`mixed` when its
    content holds a quotation, which the innermost such frame takes in, unless a cue inside the
    content attributes that quotation: `the ad shows Varga asking, "..."` keeps Varga's
    quotation on its own), and each quotation no frame took in, as `direct`. A frame whose
    content is (`DIRECT_SHARE`) a quotation it takes in is that quotation's said-clause, and
    the quotation's record stands for both."""
    held: list[list[int]] = [[] for _ in frames]  # the quotations each frame's content holds
    nested: list[bool] = [False] * len(frames)  # it holds one that a cue inside attributes
    index = _CoverFrames(frames)
    for k, quotation in enumerate(quotations):
        owner = index.innermost(quotation.open_mark, quotation.close)
        while owner is not None and _cued_inside(quotation, *frames[owner].content):
            nested[owner] = True
            owner = index.enclosing(owner, quotation.open_mark, quotation.close)
        if owner is not None:
            held[owner].append(k)
    quoted = _QuotedCharacters(text, [(q.open_mark, q.close) for q in quotations])
    records: list[Attribution] = []
    absorbed: set[int] = set()
    speakers = list(frame_speakers)
    for f, frame in enumerate(frames):
        # `LEE: I think ...`: the first person of a report is whoever makes the report
        if frame.source is not None and text[frame.source[0] : frame.source[1]] in _FIRST_PERSON:
            owner = index.enclosing(f, *frame.content)
            if owner is not None and speakers[owner] is not None and speakers[owner].id:
                outer = speakers[owner]
                speakers[f] = Speaker(
                    outer.id,
                    "pronoun",
                    text[frame.source[0] : frame.source[1]],
                    outer.span,
                    frame.source,
                    outer.organisation,
                )
    for f, (frame, speaker) in enumerate(zip(frames, speakers, strict=True)):
        own = held[f]
        if own and not nested[f] and quoted.share(*frame.content) >= DIRECT_SHARE:
            continue  # a quotation's own said-clause: the quotation's record below
        absorbed.update(own)
        kind = "mixed" if own or nested[f] or quoted.any(*frame.content) else "indirect"
        records.append(
            _record(
                text,
                kind,
                frame.content,
                frame.source,
                frame.cue,
                speaker,
                speaker_kinds,
                frame.sentence,
            )
        )
    for k, (quote, quotation, speaker) in enumerate(
        zip(quotes, quotations, quote_speakers, strict=True)
    ):
        if k in absorbed:
            continue
        clause = quotation.clause
        source = speaker.span if speaker is not None else None
        cue = None
        if clause is not None and quote.attribution not in ("inherited", "unattributed"):
            cue = clause.cue
        sentence = sentence_of(cue[0]) if cue else quote.sentence
        records.append(
            _record(
                text,
                "direct",
                (quote.start, quote.end),
                source,
                cue,
                speaker,
                speaker_kinds,
                sentence,
                quote.speaker,
            )
        )
    records.sort(key=lambda a: (a.content.start, -a.content.end))
    return records


class _CoverFrames:
    """The frames by content start, to find the innermost one covering a span (the one starting
    last among those that cover it), and then the one enclosing that one; each search looks
    back over at most `_COVER_LOOK_BACK` frames of one sentence (bounded: linear)."""

    def __init__(self, frames: Sequence[Frame]) -> None:
        self.frames = frames
        self.order = sorted(
            range(len(frames)), key=lambda f: (frames[f].content[0], -frames[f].content[1])
        )
        self.starts = [frames[f].content[0] for f in self.order]
        self.position = {f: p for p, f in enumerate(self.order)}

    def innermost(self, start: int, end: int) -> int | None:
        return self._cover(bisect.bisect_right(self.starts, start), start, end)

    def enclosing(self, frame: int, start: int, end: int) -> int | None:
        return self._cover(self.position[frame], start, end)

    def _cover(self, limit: int, start: int, end: int) -> int | None:
        sentence = None
        for p in range(limit - 1, max(-1, limit - 1 - _COVER_LOOK_BACK), -1):
            f = self.order[p]
            frame = self.frames[f]
            if sentence is None:
                sentence = frame.sentence
            elif frame.sentence != sentence:
                return None  # contents never leave their sentence
            if frame.content[0] <= start and frame.content[1] >= end:
                return f
        return None


class _QuotedCharacters:
    """Prefix counts of the text's non-space characters, and of those inside quotations, over
    the stretches that hold quotations: the quoted share of any span in constant time."""

    def __init__(self, text: str, regions: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.regions = list(regions)
        self.starts = [a for a, _ in self.regions]
        # quoted non-space characters before each region's start, and within it (cumulative)
        self.before: list[int] = []
        total = 0
        for a, b in self.regions:
            self.before.append(total)
            total += _solid(text, a, b)
        self.total = total

    def _quoted_upto(self, offset: int) -> int:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return 0
        a, b = self.regions[k]
        return self.before[k] + _solid(self.text, a, min(b, offset))

    def any(self, start: int, end: int) -> bool:
        return self._quoted_upto(end) > self._quoted_upto(start)

    def share(self, start: int, end: int) -> float:
        total = _solid(self.text, start, end)
        return (self._quoted_upto(end) - self._quoted_upto(start)) / total if total else 0.0


def _solid(text: str, start: int, end: int) -> int:
    """Non-space characters of `text[start:end]`."""
    return end - start - sum(map(text.count, _SPACES, repeat(start), repeat(end)))


def _cued_inside(quotation: Quotation, start: int, end: int) -> bool:
    """Whether the cue that attributes a quotation lies inside a content span."""
    clause = quotation.clause
    return clause is not None and clause.cue is not None and start <= clause.cue[0] < end


def _record(text, kind, content, source, cue, speaker, speaker_kinds, sentence, speaker_id=None):
    sid = speaker_id if speaker_id is not None else (speaker.id if speaker else None)
    if speaker is None and source is None:
        speaker_kind = None
    elif speaker is not None and speaker.attribution == "pronoun":
        speaker_kind = "pronoun"
    elif speaker is not None and speaker.organisation:
        speaker_kind = "organisation"
    elif sid is not None:
        speaker_kind = speaker_kinds.get(sid, "named")
    elif source is not None and text[source[0] : source[1]].lower() in _PRONOUN_SOURCES:
        speaker_kind = "pronoun"  # `you`, `they`: a pronoun the text does not resolve
    elif source is not None:
        speaker_kind = "descriptive"
    else:
        speaker_kind = None
    return Attribution(
        kind,
        _span(text, content),
        _span(text, source),
        _span(text, cue),
        sid,
        speaker_kind,
        sentence,
    )
