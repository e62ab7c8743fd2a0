"""Speakers: the person each said-clause names, including people the gazetteer does not know.

This stage owns the people found in said-clauses. For each clause that `quotes.find_quotations`
found it reads the speaker phrase:
- a *name*: the phrase's head name, with titles, roles, affiliations and appositives set aside
  (`Rep. Ann Lee (D-Ohio)` -> Ann Lee; `Clinton's campaign manager, Robby Mook` -> Robby Mook;
  `Scott Pruitt, the attorney general of Oklahoma` -> Scott Pruitt), resolved to a gazetteer
  person by any name form, or to a person of this article (one id per person: `Robby Mook`,
  `Mook` and `Mr. Mook` are one id; `Eric Trump` is not `Donald Trump`);
- a *pronoun* (`he`, `she`, `they`): the most recent person before the clause who is a
  grammatical subject of speech or action (the speaker of an earlier said-clause; the name
  that opens a sentence outside quotation marks, adverbial openings such as `Moments later,`
  or `Speaking in Salem, New Hampshire,` passed over; or the speaker of an inverted clause
  such as `..., Stovall said.`; but in `Ann Lee, 61, a teacher, said she ...` or `..., said
  Lee should ...` the verb follows the opening name's appositive, and that name is the
  subject), skipping people whose gender disagrees where the text shows it (Mr./Mrs./Ms., or
  the first he/she/his/himself/herself in the rest of the name's sentence before another name,
  quotation or clause break: `X said she ...`, `X beamed as she noted`; a pronoun resolved
  earlier is not taken as evidence, and an id shown as both is neither), organisations, and
  words the article also writes in lower case. A
  person named only inside a quotation, as an object, or as the subject whose predicate is the
  quotation itself (`Clinton "caused havoc," he said`) is never an antecedent. The
  antecedent's offsets are recorded;
- a *description* (`a campaign spokesman`): kept as written, with no id (not guessed).
People missing from the gazetteer get an id made from their name; the mentions of those given
a quotation (every form seen, and the mention that named them) are added to the article's
entities, so that every speaker id is an entity. Each search reads a bounded window, and the
pronoun look-back is bounded, so the stage is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from alliance_lib.config import MAX_NAME_WORDS, PRONOUN_LOOK_BACK
from alliance_lib.text.entities import merge, people_mentions
from alliance_lib.text.gazetteer import EntityDef, Gazetteer
from alliance_lib.text.lexicon import (
    AUXILIARIES,
    COORDINATORS,
    DETERMINERS,
    HEADLINE_ROLE_WORDS,
    INVERTING_VERBS,
    MODIFIER_ENDINGS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAMES,
    ORGANISATION_WORDS,
    PART_OPENERS,
    PHRASE_BOUNDARIES,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLE_GENDER,
    TITLE_WORDS,
    TRAILING_ADVERBS,
    alternation,
)
from alliance_lib.text.model import Entity, Sentence, sentence_locator
from alliance_lib.text.quotes import QuotedParagraph, SaidClause, Speaker, words_in

_TOKEN = re.compile(r"[^\W_](?:[\w.'’/-]*[\w.])?|\S")  # `9/11` is one word
_AFFILIATION = re.compile(r"[DRI]-[A-Z][\w.]*")
_BRACKETS = re.compile(r"\([^()]{0,60}\)")
_PARTS = re.compile(r"\s*(?:,|:|;|—|–|--|\s-\s)\s*")
_CONJUNCTION = re.compile(r"\s*(?:[Aa]nd|[Bb]ut|[Ss]o|[Yy]et|[Oo]r|[Tt]hen)\b")
_CONJUNCTION_OR_AS = re.compile(r"\s*(?:[Aa]nd|[Bb]ut|[Ss]o|[Yy]et|[Oo]r|[Tt]hen|[Aa]s)\b")
# A pronoun subject followed by a lower-case word: `He praised them but`, `she also`.
_PRONOUN_SUBJECT = re.compile(r"(?:[Hh]e|[Ss]he|[Tt]hey)\s+[a-z]")
_FIRST_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_SPEECH_WORDS = frozenset(SPEECH_VERBS)
# Words opening an appositive that says what the people before it are (`both Democrats`).
_GROUP_APPOSITIVES = frozenset({"both", "all", "each"})
# Prepositions that open a sentence with a capital (`Across town, ...`), never a person.
_OPENING_PREPOSITIONS = frozenset(
    "across despite among amid amidst beyond behind toward towards against along around"
    " without within throughout inside outside upon via unlike near over under through"
    " following including regarding concerning alongside".split()
)
_POSSESSIVE_END = re.compile(r"['’]s$")
# A capitalised name right before a sentence-final verb, after a lower-case word.
_LAST_NAME_BEFORE = re.compile(r"(?<=[a-z,] )([A-Z][\w'’-]*(?: [A-Z][\w.'’-]*){0,3}) $")
_DOUBLE_MARKS = str.maketrans({"“": " ", "”": " ", '"': " "})
# Auxiliaries that open a question before a name (`Does Rubio ...?`), never part of it; not
# `Will` or `May`, which are also given names.
_QUESTION_AUXILIARIES = frozenset(
    "does did is was were are has have had should would could".split()
)
# Endings of adjectives that can stand between an article and a name (`an angry Hollande`).
_ADJECTIVE_ENDINGS = ("ed", "ful", "ous", "ive", "ing", "ry", "py")
# `he`/`she` as the subject of what a name said: `Simmons said he saw`, `Lee told us that she`.
_SAID_PRONOUN = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,[^,;.]{0,80},)?\s*(?:also\s+)?"
    r"(?:said|says|added|wrote|argued|insisted|noted|explained)\s+(?:that\s+)?(he|she)\b"
)


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name found in a phrase, with its offsets in the article text."""

    text: str
    start: int
    end: int
    gender: str | None = None  # from a title such as Mr. or Mrs.


@dataclass(frozen=True)
class Speakers:
    """Who each said-clause names (by the quotation's opening mark), and the entities with them."""

    by_quotation: dict[int, Speaker | None]  # also a lead clause's, by its phrase's offset
    entities: list[Entity]  # the gazetteer's mentions plus every mention of a new person
    by_frame: list[Speaker | None] = field(default_factory=list)  # each extra clause's speaker


def _tokens(phrase: str, base: int) -> list[tuple[str, int, int]]:
    return [(m.group(), base + m.start(), base + m.end()) for m in _TOKEN.finditer(phrase)]


def _is_name_token(word: str) -> bool:
    """A word that can be part of a name: capitalised (`McConnell`, `O'Hanlon`, `CNN`), not an
    affiliation (`R-Ky.`) nor glued page furniture (`FoleyFlagShareLikeReply`)."""
    if word.lower() in NAME_PARTICLES:
        return True
    if not (word[0].isupper() and word[0].isalpha()) or _AFFILIATION.fullmatch(word):
        return False
    return word.isupper() or sum(ch.isupper() for ch in word[1:]) <= 1


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _owner(words: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the word at `k` is a possessive (`Clinton's website`), not a contraction of
    `has` or `is` (`Christie's been making the case`, `Trump's not`)."""
    if not _possessive(words[k][0]):
        return False
    return k + 1 >= len(words) or words[k + 1][0].lower() not in _CONTRACTED_NEXT


# Words after `Name's` that make it `Name has` or `Name is`.
_CONTRACTED_NEXT = frozenset("been got gotten not never already also always still".split())


@dataclass(frozen=True, slots=True)
class _Part:
    """What one comma-free part of a speaker phrase holds."""

    name: Name | None  # the head name, or the subject's name for a clause
    whole: bool  # the part is one noun phrase (`former Rep. George Miller`), not a clause
    described: bool  # a noun phrase headed by a common noun (`a campaign spokesman`)


def _chain(
    words: list[tuple[str, int, int]], ordinary: Container[str], verb_first: bool = False
) -> _Part:
    """Read a part as a noun phrase or as a clause with a subject.

    A run of capitalised words at the end of the part heads it when only modifiers come before
    it (`Republican party boss Carl Moss`, `former Rep. George Miller`); a run that opens
    the part is the subject of a clause (`Lee attacked Roe on Friday`), unless the
    run at the end follows a clause boundary (`a man waved a sign and Lee`). A part
    opened by a determiner with no name at its head is a description (`a campaign spokesman`).
    """
    while words and (
        words[-1][0] in TRAILING_ADVERBS or (words[-1][0].endswith("ly") and words[-1][0].islower())
    ):
        words = words[:-1]  # `Ferdie Pacheco once (said)`, `Smith reportedly (said)`
    for m in range(1, len(words) - 1):  # `Stephanie Hooton of Derry`: where, not who
        if (
            words[m][0] in PLACE_PREPOSITIONS
            and _is_name_token(words[m - 1][0])
            and all(_is_name_token(w) or w in {"'s", "’s", "."} for w, _, _ in words[m + 1 :])
        ):
            words = words[:m]
            break
    i, count = 0, len(words)
    determiner = False
    while i < count:  # set aside what opens the part without naming anyone
        word = words[i][0]
        lower = word.lower()
        if lower in DETERMINERS:
            determiner = True
        elif not (i == 0 and (_ordinary_opening(words, ordinary) or _participle(words, i))):
            break
        i += 1
    runs: list[tuple[int, int]] = []
    k = i
    while k < count:
        if k == i and words[k][0].lower() in _SPEECH_WORDS:
            k += 1  # `Said Comey`: the verb opens the phrase, the name follows
            continue
        if _is_name_token(words[k][0]) and (
            words[k][0].lower() not in NAME_PARTICLES
            or (words[k][0][0].isupper() and k + 1 < count and words[k + 1][0][0].isupper())
        ):  # `De Blasio` opens a name, `de` inside one does not
            j = k
            while j + 1 < count and not _possessive(words[j][0]):
                nxt = words[j + 1][0]
                if _is_name_token(nxt) or nxt.lower() in NAME_SUFFIXES:
                    j += 1
                elif (
                    nxt == "of"
                    and words[j][0].lower() in TITLE_WORDS
                    and j + 2 < count
                    and _is_name_token(words[j + 2][0])
                ):
                    j += 2  # `Secretary of State Madeleine Albright`
                else:
                    break
            runs.append((k, j + 1))
            k = j + 1
        else:
            k += 1
    lowered = [w if w[:1].isupper() else w.lower() for w, _, _ in words]
    if not runs:
        described = determiner or (i < count and words[i][0][0].islower())
        return _Part(
            None, not any(_breaks(lowered, m, verb_first) for m in range(i, count)), described
        )
    if (
        determiner
        and runs[0][0] > i
        and runs[0][0] - i <= 2
        and runs[0][1] < count
        and _breaks(lowered, runs[0][1], verb_first)
        and not any(lowered[m] in ROLE_WORDS for m in range(i, runs[0][0]))
    ):  # `a terse Miller agreed`: the name heads the phrase and a verb follows
        return _Part(_head(words, runs[0]), False, False)
    lead = runs[0] if runs[0][0] == i else None
    if (
        lead is None
        and (not determiner or runs[0][1] - runs[0][0] > 1)
        and all(_describes(lowered[m]) for m in range(i, runs[0][0]))
    ):  # `state Senate leader Bo Lind and ...`, `the younger Mr. Trump`, `17-year-old Jo Roe`
        lead = runs[0]
    r = 0
    while (
        lead is not None
        and r + 1 < len(runs)
        and not _possessive(words[lead[1] - 1][0])
        and _describing(lowered, lead[1], runs[r + 1][0], verb_first)
    ):  # `Democratic Senate hopeful Ann Lee took ...`: the head is Carson
        r += 1
        lead = runs[r]
    if r and lead is not None and lead[1] < count:
        # `The Slate technology columnist Jo Roe went on to (say)`: a name after its role
        return _Part(_head(words, lead), False, False)
    trail = runs[-1] if runs[-1][1] == count and not _possessive(words[count - 1][0]) else None
    if trail is not None:
        start = lead[1] if lead is not None and lead != trail else i
        between = range(start, trail[0])
        adjectives = all(
            lowered[m].endswith(_ADJECTIVE_ENDINGS) and lowered[m] not in _SPEECH_WORDS
            for m in range(i, trail[0])
        )  # `a flabbergasted Noah`, `an angry Hollande`
        if determiner and lead is None and 0 < trail[0] - i <= 2 and adjectives:
            return _Part(_head(words, trail), True, False)
        if not any(_breaks(lowered, m, verb_first) for m in between):
            if determiner and lead is None and trail[0] > i and not adjectives:
                return _Part(None, True, True)
            return _Part(_head(words, trail), True, False)
        if (
            trail[0] > 1
            and lowered[trail[0] - 1] in PHRASE_BOUNDARIES
            and not _is_name_token(words[trail[0] - 2][0])
        ):  # `a man waved a sign and Lee`, not `rivals Marco Rubio and Ted Cruz`
            return _Part(_head(words, trail), False, False)
    if lead is not None and not determiner and not _owner(words, lead[1] - 1):
        return _Part(_head(words, lead), False, False)
    return _Part(None, False, determiner or lead is not None)


def _modifier(word: str) -> bool:
    """A lower-case word that describes a person before the name (`presidential front-runner`),
    told by the role lists or by the endings of adjectives and agent nouns; never a verb."""
    if word in ROLE_WORDS or word in TITLE_WORDS:
        return True
    if word in _SPEECH_WORDS or word in AUXILIARIES or word in PREPOSITIONS:
        return False
    return "-" in word or word.endswith(MODIFIER_ENDINGS)


def _describing(lowered: list[str], start: int, end: int, verb_first: bool) -> bool:
    """Whether the words from `start` to `end` describe the name that follows them: modifiers
    (`presidential front-runner`), or nouns ending with a role (`technology columnist`)."""
    if start >= end:
        return False
    if all(_modifier(lowered[m]) for m in range(start, end)):
        return True
    return (
        end - start <= 3
        and _describes(lowered[end - 1])
        and not any(lowered[m] in DETERMINERS for m in range(start, end))
        and not any(_breaks(lowered, m, verb_first) for m in range(start, end))
    )


def _describes(word: str) -> bool:
    """A word that can describe a person before a name: a role, an adjective or agent noun
    (`younger`, `conservative writer`), an age (`17-year-old`); not a preposition or article."""
    if word in DETERMINERS or word in PART_OPENERS:
        return False
    return _modifier(word) or word[:1].isdigit()


def _breaks(lowered: list[str], m: int, verb_first: bool = False) -> bool:
    """Whether the lower-case word at `m` ends a noun phrase: a verb, an auxiliary, a preposition."""
    word = lowered[m]
    if word[:1].isdigit():
        return False  # a number describes: `9/11 widow Ann Roe`, `81-year-old Parker Eaton`
    if not word[:1].isalpha():
        return word not in {"&", ".", "'", "’"}
    if word[:1].isupper():
        return False  # a capitalised modifier: `former Massachusetts congressman`
    if word in ROLE_WORDS or word in TITLE_WORDS:
        return False
    if word in {"of", "for"}:  # `secretary of state`, not `director for the gay rights group`
        before = m > 0 and (lowered[m - 1] in TITLE_WORDS or lowered[m - 1] in ROLE_WORDS)
        nxt = lowered[m + 1] if m + 1 < len(lowered) else ""
        after = nxt[:1].isupper() or nxt in ROLE_WORDS or (nxt in TITLE_WORDS and nxt != "the")
        return not (before and after)
    if (
        word in AUXILIARIES
        or word in PREPOSITIONS
        or word in PART_OPENERS
        or word in PHRASE_BOUNDARIES
    ):
        return True
    if word in _SPEECH_WORDS:
        return True
    if verb_first:
        return False
    return word.endswith("ed") or (
        word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))
    )


def _ordinary_opening(words: list[tuple[str, int, int]], ordinary: Container[str]) -> bool:
    """A sentence-opening ordinary word before a determiner or preposition (`Like a`, `Soon after`)."""
    if words[0][0].lower() not in ordinary:
        return False
    following = words[1][0].lower() if len(words) > 1 else ""
    return following in DETERMINERS or following in PREPOSITIONS or following in PART_OPENERS


def _pure_name(words: list[tuple[str, int, int]]) -> bool:
    return all(_is_name_token(w) or w in {".", "'s", "’s"} for w, _, _ in words)


def _adverbial(words: list[tuple[str, int, int]], ordinary: Container[str]) -> bool:
    """A part that opens a sentence without being its subject (`Moments later`, `In Ohio`)."""
    first = words[0][0]
    lower = first.lower()
    return (
        lower in PREPOSITIONS
        or lower in PART_OPENERS
        or lower in ordinary
        or lower in NOT_NAMES
        or _participle(words, 0)
        or first.endswith(("ing", "ly"))
    )


def _participle(words: list[tuple[str, int, int]], i: int) -> bool:
    """A sentence-opening participle or adverb (`Holding open`, `Speaking to`), not a name."""
    word = words[i][0]
    if not word.endswith(("ing", "ed")) or i + 1 >= len(words):
        return False
    following = words[i + 1][0]
    return following[0].islower() and following not in _SPEECH_WORDS


def _head(words: list[tuple[str, int, int]], run_range: tuple[int, int]) -> Name | None:
    """The name in a run of capitalised words, titles before it set aside."""
    run = words[run_range[0] : run_range[1]]
    gender = None
    cut = 0
    for i, (w, _, _) in enumerate(run):
        lower = w.lower()
        if lower in TITLE_GENDER:
            gender = TITLE_GENDER[lower]
        if lower in TITLE_WORDS or lower in HEADLINE_ROLE_WORDS:
            cut = i + 1  # `Sen.`, `Secretary of State`; a headline's `Rival`
    run = run[cut:]
    while run and (
        run[0][0].lower().rstrip(".") in NOT_NAMES  # `November. Florida is ...`
        or run[0][0].lower() in DETERMINERS
        or run[0][0].lower() in _QUESTION_AUXILIARIES
    ):
        run = run[1:]
    while len(run) > 1 and run[-1][0].lower() in _SPEECH_WORDS:
        run = run[:-1]  # a headline's title-case verb: `Hillary Clinton Said`
    while run and run[-1][0].lower() in NAME_PARTICLES:
        run = run[:-1]
    if len(run) > MAX_NAME_WORDS:  # `Maricopa County Recorder Helen Purcell`: the name ends it
        if len(run) > 2 * MAX_NAME_WORDS:
            return None  # a headline's run of capitalised words
        keep = 3 if len(run[-2][0]) <= 2 or run[-2][0].lower() in NAME_PARTICLES else 2
        run = run[-keep:]
    if not run or all(w.lower() in NOT_NAMES for w, _, _ in run):
        return None
    last, start, end = run[-1]
    if last.endswith(("'s", "’s")) and len(last) > 2:  # `Christie's (been)`: Christie
        run = [*run[:-1], (last[:-2], start, end - 2)]
    return Name(" ".join(w for w, _, _ in run), run[0][1], run[-1][2], gender)


def read_phrase(
    phrase: str,
    base: int,
    *,
    subject: bool = False,
    verb_first: bool = False,
    ordinary: Container[str] = frozenset(),
) -> tuple[str, Name | None]:
    """What a speaker phrase is: ("pronoun", None), ("name", Name), ("descriptive", None) or ("", None).

    The phrase is split at commas and dashes. The speaker is the first part when it is a noun
    phrase headed by a name (`Jeff Weaver, Sanders' campaign manager`); otherwise the last such
    part (`Clinton's campaign manager, Robby Mook`; `In Berea, after winning Ohio, Gov. John
    Kasich`); otherwise the subject of a first part that is a clause (`Trump attacked Clinton
    on Friday`); otherwise a description when the first part is one (`a campaign spokesman`).
    With `subject`, the phrase opens a sentence: adverbial parts (`Moments later`, `In Ohio`,
    `Making her way around the diner`) are passed over and the first other part gives the
    subject, or nothing. With `verb_first`, the phrase follows its verb, so none of its words is
    read as another verb (`said undecided voter Stephanie Hooton`). Words in `ordinary` (the
    article's lower-case vocabulary) do not open a name.
    """
    # brackets and the double marks of a title or scare quote inside the phrase set aside
    cleaned = _BRACKETS.sub(lambda m: " " * len(m.group()), phrase).translate(_DOUBLE_MARKS)
    conjunction = (_CONJUNCTION if subject else _CONJUNCTION_OR_AS).match(cleaned)
    if conjunction:  # `But he also said`, `And Smith said`, `As Michael Dell said`
        cleaned = " " * conjunction.end() + cleaned[conjunction.end() :]
    stripped = cleaned.strip(" ,.")
    if stripped.lower() in PRONOUNS or _PRONOUN_SUBJECT.match(stripped):
        return "pronoun", None
    position = 0
    parts: list[_Part] = []
    pronoun_parts: list[bool] = []
    aside = False
    relative = False
    place = False
    appositive = False
    for piece in _PARTS.split(cleaned):
        at = cleaned.find(piece, position)
        position = at + len(piece)
        words = _tokens(piece, base + at)
        while words and (
            words[0][0].lower() in COORDINATORS or (not subject and words[0][0].lower() == "as")
        ):
            words = words[1:]  # `..., and Hamada told` (but `While Clinton pledged` is an aside)
        if not words:
            continue
        head = words[0][0].lower()
        if relative and subject:
            relative = False
            continue  # `Lee, who has criticised bankers, farmers and unions, ...`: the list too
        if place and subject and len(words) <= 2 and _pure_name(words):
            place = False
            continue  # the state after a town
        if (
            not verb_first
            and not parts
            and head in PART_OPENERS
            and len(words) > 1
            and words[-1][0] in PRONOUNS
            and position >= len(cleaned.rstrip(" ,."))
        ):
            return "pronoun", None  # `In 2010 she (said)`: the pronoun after a circumstance
        if parts and head in _GROUP_APPOSITIVES:
            continue  # `Bo Lind and Ann Roe, both Democrats, (said)`: what they are, not who
        if head in PART_OPENERS or _AFFILIATION.fullmatch(words[0][0]) or head.isdigit():
            relative = head in RELATIVE_PRONOUNS
            # `At a rally in Portland, Maine, Trump`: a place name ends the part
            place = len(words) > 1 and words[-1][0][:1].isupper()
            pronoun_parts.append(False)
            # after a name, an aside: a lone word after it belongs to it, not a new name
            aside = bool(parts) and parts[-1].whole and parts[-1].name is not None
            continue
        if aside and not subject and len(words) == 1:
            aside = False
            continue  # `Clinton, during a meeting in Columbus, Ohio, (said)`: `Ohio` is in the aside
        aside = False
        if not parts and position < len(cleaned.rstrip(" ,.")) and piece.isupper():
            continue  # a dateline (`WASHINGTON —`) before the words that name anyone
        pronoun_parts.append(
            head in PRONOUNS and (len(words) == 1 or words[1][0][:1].islower())
        )  # `On Twitter, she responded`
        if pronoun_parts[-1] and (subject or len(pronoun_parts) == 1):
            return "pronoun", None
        if not subject and not verb_first and not parts and position < len(cleaned.rstrip(" ,.")):
            lower = words[0][0].lower()
            if (lower in NOT_NAMES or (len(words) > 1 and lower in ordinary)) and not any(
                w[0].isupper() for w, _, _ in words[1:]
            ):
                continue  # `Hours later, Trump (said)`, `Quite suddenly, Crawford (said)`
        if (
            subject
            and (len(words) > 1 or position < len(cleaned.rstrip(" ,.")))
            and (
                words[0][0].lower() in _OPENING_PREPOSITIONS
                or words[0][0].endswith("ing")
                and (_participle(words, 0) or words[0][0].lower() in ordinary)
            )
        ):  # `Making her way around the Harbor Diner, Lee`, `Following Sanders on MSNBC, ...`
            place = len(words) > 1 and words[-1][0][:1].isupper()
            continue
        part = _chain(words, ordinary, verb_first)
        if subject:
            if appositive and not (part.name is not None and part.whole):
                return "descriptive", None
            if part.name is not None:
                return "name", part.name
            if _adverbial(words, ordinary):
                # `Speaking in Salem, New Hampshire, Trump`; a lone opening word (`Still,`,
                # `Recently,`) is capitalised as the sentence's first word, not as a place
                place = len(words) > 1 and words[-1][0][:1].isupper()
                continue
            if part.described and not appositive:
                appositive = True  # `The Harbor Group's chief, Ann Roe, said`
                continue
            return ("descriptive", None) if part.described or appositive else ("", None)
        parts.append(part)
    if subject and appositive:
        return "descriptive", None
    if pronoun_parts and pronoun_parts[-1]:
        return "pronoun", None  # `While he was speaking in Miami, he (said)`
    if not parts:
        return "", None
    first = parts[0]
    # After its verb the name comes first (`said Larry Noble, an attorney with ...`); before its
    # verb the name nearest the verb (`Or maybe Bush, consultant Phil Musser (says)`).
    ordered = parts if verb_first else parts[::-1]
    whole = [part.name for part in ordered if part.name is not None and part.whole]
    people = [name for name in whole if not is_organisation(name.text)]
    if people or whole:  # `Ann Roe, The Daily Planet:` names Roe, not her paper
        return "name", (people or whole)[0]
    for part in ordered[:1] if verb_first else ordered:
        if part.name is not None:  # the subject of a clause: `Trump attacked Clinton, saying`
            return "name", part.name
    return ("descriptive", None) if first.described else ("", None)


_FIRST_PART = re.compile(r"\s*[,(—–]")
MAX_ORGANISATION_WORDS = 6  # `North Korea's official state news agency` is long enough
_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,5}")


def is_organisation(name: str) -> bool:
    """Whether a name is an organisation's: a word such as Ministry, Times or Party in it
    (`the Foreign Ministry`, `The Daily Planet`), or an acronym alone (`KCNA`, `CNN`)."""
    words = name.replace("’", "'").split()
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        return True
    return any(w.lower().rstrip(".,") in ORGANISATION_WORDS for w in words if w[:1].isupper())


def organisation_name(phrase: str) -> str | None:
    """The name of an organisation a description heads (`the Japanese government` -> Japanese
    government, `North Korea's state news agency` -> North Korea's state news agency): a noun
    of `ORGANISATION_WORDS` at its head with a capitalised word before it; None otherwise (`the
    campaign` names no organisation)."""
    words = _FIRST_PART.split(phrase, maxsplit=1)[0].split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if len(words) < 2 or words[-1].lower() not in ORGANISATION_WORDS:
        return None
    if len(words) > MAX_ORGANISATION_WORDS:
        return None  # a clause ending with `administration`, not a description
    if not any(w[:1].isupper() for w in words[:-1]):
        return None
    return " ".join(words)


_LEADING_DETERMINER = re.compile(r"(?i)(?:the|a|an)\s+")


def _speaker_part(phrase: str) -> tuple[str, int]:
    """The first part of a source phrase (split at commas, brackets and dashes) that is not a
    circumstance or a participle's clause, with its offset: `In a meeting with the board,
    (Trump said)`, `Watching the party, (Reed said)` name no organisation."""
    position = 0
    for piece in _FIRST_PART.split(phrase):
        at = phrase.find(piece, position)
        position = at + len(piece)
        words = piece.split()
        if not words:
            continue
        first = words[0].lower()
        if first in PART_OPENERS or (first.endswith("ing") and words[0][:1].isupper()):
            continue
        return piece.strip(), at + len(piece) - len(piece.lstrip())
    return "", 0


def organisation_in(phrase: str) -> tuple[str, int] | None:
    """(name, offset in `phrase`) of the organisation a source phrase names, if it names one
    rather than a person: an acronym ending its speaker part (`state news agency KCNA`), a
    capitalised name holding an organisation's word (`the Foreign Ministry`, `The Daily
    Planet`), or a description headed by one with a capitalised word (`the Japanese government`).
    Circumstances opening the phrase are passed (`In a meeting with the board, Trump`)."""
    first, base = _speaker_part(phrase)
    lead = _LEADING_DETERMINER.match(first)
    body = first[lead.end() if lead else 0 :]
    offset = base + (lead.end() if lead else 0)
    words = body.split()
    if not words:
        return None
    if _ACRONYM.fullmatch(words[-1]) and words[-1].rstrip(".").isalpha() and "." not in words[-1]:
        if len(words) == 1 or words[-2][:1].islower() or words[-2].lower() in ORGANISATION_WORDS:
            return words[-1], offset + body.rfind(words[-1])
    if all(w[:1].isupper() or w.lower() in ("of", "for", "and", "&", "the") for w in words):
        if is_organisation(body) and len(words) > 1 and _after_office(words) is None:
            return body, offset  # not `House Speaker Bo Lind`, a person with an office
        return None
    named = organisation_name(body)
    return (named, offset) if named else None


# A person's office before their name, which an organisation's word may precede (`House
# Speaker`, `Speaker of the House Rep.`, `Senate Majority Leader`, `Pfizer chief executive`).
_OFFICES = frozenset(
    "speaker chairman chairwoman chair secretary minister senator sen. rep. representative"
    " gov. governor mayor president leader spokesman spokeswoman spokesperson director ceo"
    " executive congressman congresswoman commissioner judge justice ambassador whip"
    " dr. mr. mrs. ms.".split()
)


def _after_office(tokens: list[str]) -> list[str] | None:
    """The name after the last office word of a name that reads as an organisation's (`House
    Speaker Bo Lind` -> `Bo Lind`), when what follows is capitalised and no organisation."""
    last = None
    for k, token in enumerate(tokens[:-1]):
        if token.lower() in _OFFICES:
            last = k
    if last is None:
        return None
    rest = tokens[last + 1 :]
    if not all(t[:1].isupper() for t in rest) or is_organisation(" ".join(rest)):
        return None
    return rest


# The last comma-free part of a phrase, before any bracket (`..., Rep. Ann Lee (R-Wis.)`).
_LAST_PART = re.compile(r",\s*([^,()]+?)\s*(?:\([^()]*\)\s*)?$")


def _office_holder(phrase: str, base: int) -> Name | None:
    """The person an office opening a source phrase names (`Speaker of the House Rep. Ann
    Lee`), when the words after its last office word are a capitalised name."""
    first, at = _speaker_part(phrase)
    tokens = first.split()
    last = _LAST_PART.search(phrase)
    if last is not None and (not tokens or _after_office(tokens) is None):
        # `In an interview Tuesday, while discussing the ad, Speaker of the House Rep. Ann Lee
        # (R-Wis.) (said)`: the part nearest the verb
        first, at = last.group(1), last.start(1)
        tokens = first.split()
    if not tokens or not tokens[0][:1].isupper():
        return None
    rest = _after_office(tokens)
    if rest is None or len(rest) > 3:
        return None
    text = " ".join(rest)
    start = phrase.find(text, at)
    if start < 0:
        return None
    return Name(text, base + start, base + start + len(text))


class _People:
    """The article's people: gazetteer people and new ones, one id per person across name forms."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.new: dict[str, EntityDef] = {}
        self.forms: dict[str, str] = {}  # surface form -> new person's id
        self.given: dict[str, str | None] = {}  # new person's id -> given name, if known
        self.anchors: list[Entity] = []  # the mention each new person was named by
        self._names: NameIndex | None = None

    def resolve(self, name: Name, text: str, *, label: bool = False) -> str | None:
        """One id per person (or organisation) whatever the form of the name: a gazetteer
        entry's id, else the slug of the person's fullest name in the article. A bare surname is
        the person of the nearest full mention of it (the one before, else the one after;
        skipping one whose gender disagrees with a title such as Ms.): `Trump` near `Donald
        Trump` is donald-trump, `Melania Trump` is another person. An organisation's name
        (`the Foreign Ministry`, `KCNA`) gives an organisation, unless it is a transcript's
        `label` (`HOLT:`), which is a person's."""
        tokens = name.text.split()
        if tokens and tokens[-1].lower() in NAME_SUFFIXES and len(tokens) > 1:
            tokens = tokens[:-1]
        if not tokens:
            return None
        for k in range(len(tokens)):
            candidate = " ".join(tokens[k:])
            entity = self.gazetteer.lookup(candidate)
            if entity is not None and entity.type == "person":
                return entity.id
            if entity is not None and k == 0:
                if not self._demonym_surname(entity, candidate, name, text):
                    return entity.id  # an organisation or a country speaking
        full = " ".join(tokens)
        if not label and is_organisation(full):
            person = _after_office(tokens)
            if person is None:
                return self.organisation(name, full, text)
            tokens, full = person, " ".join(person)  # `House Speaker Bo Lind`: Lind
        if full.isupper() and len(full) > 2:
            full = full.title()
            tokens = full.split()
        if len(tokens) == 1:
            mention = self.names(text).nearest(full, name.start, name.gender)
            if mention is not None:
                full, tokens = mention, mention.split()
        if full in self.forms:
            return self.forms[full]
        family, given = tokens[-1], (tokens[0] if len(tokens) > 1 else None)
        known = self.forms.get(family)
        if known is not None and _compatible(self.given.get(known), given):
            self._remember(known, full, family, given)
            return known
        entity_id = _slug(full)
        if not entity_id:
            return None
        if entity_id not in self.new:
            self.new[entity_id] = EntityDef(entity_id, "person", full, family)
            self.anchors.append(
                Entity(
                    name.start, name.end, text[name.start : name.end], "person", entity_id, full, 0
                )
            )
        self._remember(entity_id, full, family, given)
        return entity_id

    def _demonym_surname(self, entity: EntityDef, word: str, name: Name, text: str) -> bool:
        """Whether a one-word speaker that the gazetteer reads as a country's adjective is the
        surname of a person the article names in full (`Cuban said` after `Mark Cuban`)."""
        if entity.type != "country" or " " in word or word == entity.name:
            return False
        return self.names(text).nearest(word, name.start, name.gender) is not None

    def names(self, text: str) -> NameIndex:
        """The article's full names, indexed on first use."""
        if self._names is None:
            self._names = NameIndex(text)
        return self._names

    def organisation(self, name: Name, full: str, text: str, *, entity: bool = True) -> str | None:
        """The id of an organisation named `full`: its slug; with `entity`, it becomes one of
        the article's entities (a name, not a description such as `Lee's government`)."""
        words = full.split()
        while words and words[0].lower() in DETERMINERS:
            words = words[1:]
        full = " ".join(words)
        entity_id = _slug(full)
        if not entity_id or not entity:
            return entity_id or None
        if entity_id not in self.new:
            self.new[entity_id] = EntityDef(entity_id, "organization", full, None)
            self.anchors.append(
                Entity(
                    name.start,
                    name.end,
                    text[name.start : name.end],
                    "organization",
                    entity_id,
                    full,
                    0,
                )
            )
        self.forms.setdefault(full, entity_id)
        return entity_id

    def is_person(self, entity_id: str) -> bool:
        """Whether an id is a person's (a gazetteer person, or a new person of this article)."""
        entry = self.new.get(entity_id) or self.gazetteer.entries.get(entity_id)
        return entry is None or entry.type == "person"

    def _remember(self, entity_id: str, full: str, family: str, given: str | None) -> None:
        self.forms.setdefault(full, entity_id)
        self.forms.setdefault(family, entity_id)
        if given and not self.given.get(entity_id):
            self.given[entity_id] = given
            current = self.new[entity_id]
            if len(full) > len(current.name):
                self.new[entity_id] = EntityDef(entity_id, "person", full, family)

    def name_of(self, entity_id: str) -> str:
        entry = self.new.get(entity_id) or self.gazetteer.entries.get(entity_id)
        return entry.name if entry else entity_id


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# A run of capitalised words (initials and name particles inside), read for full names.
_NAME_RUN = re.compile(
    r"(?<![\w.'’-])[A-Z][\w'’-]*\.?(?:\s(?:[A-Z][\w'’-]*\.?|de|van|von|da|del|bin|al))+"
)


class NameIndex:
    """The full names an article writes (`Hillary Clinton`, `Rep. J.T. Marsh`), by surname and
    offset, so that a bare surname can be read as the person of its nearest full mention. One
    scan of the text (titles, headline role words and title-case verbs set aside)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # surname -> (offset, full name, gender from a title, end of the mention)
        self.by_family: dict[str, list[tuple[int, str, str | None, int]]] = {}
        for run in _NAME_RUN.finditer(text):
            words = run.group().split()
            start = run.start()
            gender = None
            cut = 0
            for k, word in enumerate(words[:-1]):  # `Well Senator Sanders`, `Campaign Chairman
                lower = word.lower()  # John Podesta`: the name follows the last title or role
                if lower in TITLE_WORDS or (k and lower in ROLE_WORDS):
                    gender = TITLE_GENDER.get(lower, gender)
                    cut = k + 1
            words = words[cut:]
            while words and (
                words[0].lower() in TITLE_WORDS
                or words[0].lower() in HEADLINE_ROLE_WORDS
                or _POSSESSIVE_END.sub("", words[0].lower().rstrip(".")) in NOT_NAMES
                or words[0].lower() in DETERMINERS
                or words[0].lower() in _QUESTION_AUXILIARIES  # `Does Rubio ...?`
            ):  # `Here's Clinton in 1992`, `November. Florida`
                gender = TITLE_GENDER.get(words[0].lower(), gender)
                words = words[1:]
            while words and (
                words[-1].lower() in _SPEECH_WORDS or words[-1].lower() in NAME_SUFFIXES
            ):
                words = words[:-1]
            if words and words[-1].endswith(("'s", "’s")):
                words[-1] = words[-1][:-2]
            if len(words) < 2 or len(words) > MAX_NAME_WORDS:
                continue
            if any(w.lower().rstrip(".") in ORGANISATION_WORDS for w in words):
                continue
            self.by_family.setdefault(words[-1], []).append(
                (start, " ".join(words), gender, run.end())
            )

    def nearest(self, family: str, offset: int, gender: str | None) -> str | None:
        """The full name of the nearest mention of `family` before `offset` (else after it)
        whose gender, where both are known, agrees."""
        mentions = self.by_family.get(family)
        if not mentions:
            return None
        at = bisect.bisect_left(mentions, (offset,))
        order = [*range(at - 1, -1, -1), *range(at, len(mentions))]
        for k in order[:PRONOUN_LOOK_BACK]:
            _, full, known, end = mentions[k]
            if gender and (known or _gender_after(self.text, end)) not in (None, gender):
                continue
            return full
        return None


def _compatible(known: str | None, given: str | None) -> bool:
    """Whether two given names can belong to one person (either unknown, equal, or an initial)."""
    if not known or not given:
        return True
    a, b = known.rstrip(".").lower(), given.rstrip(".").lower()
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


@dataclass
class _Candidate:
    """A person at subject position: a sentence's opening name, or a said-clause's speaker."""

    offset: int
    name: Name
    entity_id: str | None = None


class _Resolver:
    """Resolves said-clauses in text order; pronouns look back over the subjects and speakers
    before them. Sentence subjects are found only when a clause first needs them (an article
    whose clauses all name their speakers never pays for them)."""

    def __init__(
        self,
        text: str,
        people: _People,
        find_subjects: Callable[[], Iterator[_Candidate]],
        ordinary: Container[str],
        sentence_of: Callable[[int], int],
        opener_ok: Callable[[Name], bool],
    ) -> None:
        self.text = text
        self.people = people
        self.find_subjects = find_subjects
        self.subjects: Iterator[_Candidate] | None = None  # sentence subjects, in text order
        self.waiting: _Candidate | None = None  # the next subject, read but not yet reached
        self.seen: list[_Candidate] = []  # subjects before the current offset
        self.spoken: list[_Candidate] = []  # said-clause speakers so far, in text order
        # shown by a title or by `said he/she` next to the name; a pronoun resolved earlier is
        # not taken as evidence (one wrong guess would then mislead every later pronoun)
        self.gender: dict[str, str] = {}
        self.ordinary = ordinary  # words the article writes lower-case somewhere
        self.sentence_of = sentence_of
        self.opener_ok = opener_ok
        self.current = 0  # the offset of the clause being resolved
        self.used: set[str] = set()  # ids given to a quotation: only these people become entities

    def _advance(self, offset: int) -> None:
        """Take in the sentence subjects before `offset`, reading sentences only that far."""
        if self.subjects is None:
            self.subjects = self.find_subjects()
        while True:
            if self.waiting is None:
                self.waiting = next(self.subjects, None)
                if self.waiting is None:
                    return
            if self.waiting.offset >= offset:
                return
            candidate, self.waiting = self.waiting, None
            if self._know(candidate):
                self.seen.append(candidate)

    def _know(self, candidate: _Candidate) -> bool:
        """Give a candidate its id and note its gender where the text shows it."""
        if candidate.entity_id is None:
            candidate.entity_id = self.people.resolve(candidate.name, self.text)
        if candidate.entity_id is None:
            return False
        gender = candidate.name.gender or _gender_after(self.text, candidate.name.end)
        key = candidate.entity_id
        known = self.gender.get(key)
        if gender and known is None:
            self.gender[key] = gender
        elif gender and known != gender:
            # both genders shown for one id (`Clinton` for Hillary and Bill): shown for neither
            self.gender[key] = "?"
        return True

    def _recent(self, offset: int) -> Iterator[_Candidate]:
        """Subjects and speakers before `offset`, latest first (at most PRONOUN_LOOK_BACK of them)."""
        self._advance(offset)
        i, j = len(self.seen) - 1, len(self.spoken) - 1
        for _ in range(PRONOUN_LOOK_BACK):
            if i < 0 and j < 0:
                return
            if j < 0 or (i >= 0 and self.seen[i].offset >= self.spoken[j].offset):
                yield self.seen[i]
                i -= 1
            else:
                yield self.spoken[j]
                j -= 1

    def resolve(self, clause: SaidClause) -> Speaker | None:
        """Who `clause` names; every id it returns is marked used (and becomes an entity)."""
        speaker = self._resolve(clause)
        if speaker is None:
            return None
        if speaker.id is not None:
            self.used.add(speaker.id)
        return Speaker(  # as `replace`, without its cost (one per clause)
            speaker.id,
            speaker.attribution,
            speaker.source,
            speaker.antecedent,
            (clause.phrase_start, clause.phrase_start + len(clause.phrase)),
            speaker.organisation,
        )

    def _resolve(self, clause: SaidClause) -> Speaker | None:
        organisation = None if clause.label else organisation_in(clause.phrase)
        if organisation is not None:  # `the Foreign Ministry`, `the Japanese government`
            words, at = organisation
            name = Name(words, clause.phrase_start + at, clause.phrase_start + at + len(words))
            # a name (`Foreign Ministry`, `KCNA`) becomes an entity; a description (`the
            # Japanese government`) keeps the slug of its words as an id, and no entity
            named = words[:1].isupper() and is_organisation(words)
            entity_id = self.people.organisation(name, words, self.text, entity=named)
            attribution = "said_clause" if clause.kind == "descriptive" else clause.kind
            return Speaker(entity_id, attribution, clause.phrase, organisation=True)
        if clause.kind == "descriptive":  # a common noun heads it (`Clinton advisers`)
            return Speaker(None, "descriptive", clause.phrase)
        kind, name = read_phrase(
            clause.phrase,
            clause.phrase_start,
            subject=clause.kind == "subject",
            verb_first=clause.verb_first,
            ordinary=self.ordinary,
        )
        attribution = clause.kind
        if kind == "pronoun":
            return self._pronoun(clause)
        if kind == "" and not clause.label:  # `Speaker of the House Rep. Ann Lee (R-Wis.)`
            name = _office_holder(clause.phrase, clause.phrase_start)
            kind = "name" if name is not None else kind
        if clause.kind == "subject" and name is not None and not self.opener_ok(name):
            return None  # `Wait`, `Often`: a sentence opener, not a person
        if kind == "name" and name is not None:
            entity_id = self.people.resolve(name, self.text, label=clause.label)
            if entity_id is not None:
                candidate = _Candidate(clause.offset, name, entity_id)
                self._know(candidate)
                if not clause.nested:  # a report inside a report is not what was last said
                    self.spoken.append(candidate)
                return Speaker(entity_id, attribution, clause.phrase)
        if kind == "descriptive" and clause.kind == "said_clause":
            return Speaker(None, "descriptive", clause.phrase)
        if kind != "descriptive":
            # `Clinton supports "...," opposes "..." and recalled ...: "..."`: the clause has no
            # subject of its own; the sentence's subject, said just before, is the speaker
            last = next(self._recent(clause.offset), None)
            if last is not None and last.entity_id:
                if self.sentence_of(last.offset) == self.sentence_of(clause.offset):
                    return Speaker(last.entity_id, clause.kind, clause.phrase)
        return None

    def _can_be_he_or_she(self, entity_id: str, name: Name) -> bool:
        """A person: not an organisation, a country or a station (`KING-TV`), nor an ordinary
        word written with a capital (`Audiences`)."""
        entry = self.people.gazetteer.entries.get(entity_id) or self.people.new.get(entity_id)
        if entry is not None and entry.type != "person":
            return False
        if entity_id in self.people.gazetteer.entries:
            return True
        word = name.text
        if word.replace("-", "").replace(".", "").isupper() and len(word) > 1:
            return False
        if re.match(r"\s*[“\"]", self.text[name.end : name.end + 3]) and self.sentence_of(
            name.start
        ) == self.sentence_of(self.current):
            return False  # `Clinton "caused havoc," he said`: the quotation is about Clinton
        return " " in word or word.lower() not in self.ordinary

    def _pronoun(self, clause: SaidClause) -> Speaker | None:
        self.current = clause.offset
        pronoun = _FIRST_PRONOUN.search(clause.phrase)
        wanted = PRONOUN_GENDER.get(pronoun.group().lower()) if pronoun else None
        for candidate in self._recent(clause.offset):
            entity_id = candidate.entity_id
            if entity_id is None or not self._can_be_he_or_she(entity_id, candidate.name):
                continue
            known = self.gender.get(entity_id)
            if wanted and known in ("m", "f") and known != wanted:
                continue
            span = (candidate.name.start, candidate.name.end)
            return Speaker(entity_id, "pronoun", clause.phrase, span)
        return None


def _gender_after(text: str, end: int) -> str | None:
    """The gender the rest of a name's sentence shows: `he` or `she` as the subject of what the
    name said (`Simmons said he saw`, `Lee told reporters that she would`), otherwise the first
    personal pronoun after the name before any other capitalised word, quotation mark or clause
    break (`Lee beamed as she noted`, `Doe prevented his wife from ...`), which can only be the
    name's own."""
    stop = end
    limit = min(len(text), end + 200)
    while stop < limit and text[stop] not in '.!?\n“"':
        stop += 1
    match = _SAID_PRONOUN.match(text, end, stop)
    if match:
        return PRONOUN_GENDER.get(match.group(1).lower())
    for word in _GENDER_SCAN.finditer(text, end, stop):
        token = word.group()
        if not token[0].isalpha() or token[0].isupper():
            return None  # another name, a quotation or a clause break before any pronoun
        if token in _OWN_PRONOUNS:
            return PRONOUN_GENDER[token]
        if token in ROLE_WORDS or token in _OTHER_PRONOUNS:
            return None  # `Lee's campaign manager said he`, `Lee dubbed her`: someone else's
    return None


def _inside(quoted: list[tuple[int, int]], offset: int, cursor: list[int]) -> bool:
    """Whether `offset` (non-decreasing across calls) lies inside a quotation."""
    while cursor[0] < len(quoted) and quoted[cursor[0]][1] <= offset:
        cursor[0] += 1
    return cursor[0] < len(quoted) and quoted[cursor[0]][0] <= offset


class _Vocabulary:
    """What the article itself shows about its words: which are ordinary (written lower-case
    somewhere) and which are capitalised inside a sentence (names, not sentence openers)."""

    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.lower = set(_LOWER_WORD.findall(text))
        self.gazetteer = gazetteer

    @cached_property
    def inner(self) -> set[str]:
        """Capitalised words after a lower-case word or a comma: read only when a pronoun needs
        sentence subjects, so an article without one never pays for the scan."""
        return set(_INNER_CAPITAL.findall(self.text))

    def opener_ok(self, name: Name) -> bool:
        """Whether a one-word name opening a sentence is a name (`Sanders`), not an ordinary
        word written with a capital (`Wait`, `Often`)."""
        word = name.text
        return " " in word or (word.lower() not in self.lower and word.lower() not in NOT_NAMES)

    def person_like(self, name: Name) -> bool:
        """Whether a name found at subject position can be a person's (not `Despite`, `Police`)."""
        tokens = name.text.split()
        entity = self.gazetteer.lookup(name.text)
        if entity is not None:
            return entity.type == "person"
        first = tokens[0].lower()
        if first in self.lower or first in NOT_NAMES or first in _OPENING_PREPOSITIONS:
            return False
        return len(tokens) > 1 or name.gender is not None or tokens[0] in self.inner


# Words after a name, and the marks that end the search for its pronoun.
_GENDER_SCAN = re.compile(r"[^\W\d_][\w'’-]*|[;:“”\"()—–]")
# Pronouns after a name that can only be its own (`as she noted`, `his wife`), and those that
# point at someone else (`dubbed her`, `told him`: objects) and end the search.
_OWN_PRONOUNS = frozenset({"he", "she", "his", "himself", "herself"})
_OTHER_PRONOUNS = frozenset({"her", "him", "hers", "they", "them", "their"})
_OPENING_MARK = re.compile(r"[“\"]|''")
_PROSE_END = re.compile(r"[.!?:][\"”’)]*$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_INNER_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’-]*")
_SPEECH = re.compile(rf"\b{alternation(SPEECH_VERBS)}\b")


def sentence_subjects(
    text: str,
    sentences: Iterable[Sentence],
    quoted: list[tuple[int, int]],
    vocabulary: _Vocabulary,
) -> Iterator[_Candidate]:
    """The person each sentence outside quotation marks is about, if any (a subject candidate):
    the speaker of its speech verb (`Like a friend, Ebeling said ...`, `..., said Jake Roe.`),
    otherwise the name that opens it. A generator: sentences are read only as far as a pronoun
    needs them."""
    cursor = [0]
    ordinary = vocabulary.lower
    for sentence in sentences:
        start = sentence.start
        while start < sentence.end and not text[start].isalnum():
            start += 1
        if start >= sentence.end or _inside(quoted, start, cursor) or text[sentence.start] in '“"':
            continue
        if not _PROSE_END.search(text, max(start, sentence.end - 3), sentence.end):
            continue  # a byline, a credit or a heading: no sentence punctuation at its end
        if not any(
            w.lower() not in ordinary and w.lower() not in NOT_NAMES
            for w in _CAPITALISED.findall(text, start, sentence.end)
        ):
            continue  # no capitalised word but ordinary ones (`The`, `But`): nobody named
        words = words_in(text[start : min(sentence.end, start + 200)])
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            continue  # a headline in title case (`Zoe Saldana Asked Men Everywhere To ...`)
        head_end = min(sentence.end, start + 160)
        while head_end < sentence.end and text[head_end].isalnum():
            head_end += 1  # never cut a name in two (`Mrs. Cli|nton`)
        mark = _OPENING_MARK.search(text, start, head_end)
        if mark is not None:  # the subject is read before a quotation, never inside it
            head_end = mark.start()
        name, kind = None, ""
        verb = None
        for found_verb in _SPEECH.finditer(text, start, sentence.end):
            verb = found_verb  # the last speech verb: `..., said Jake Roe, a pollster.`
        if verb is not None:
            comma = text.rfind(",", start, verb.start())
            tail = text[verb.end() : sentence.end]
            if comma >= 0 and (not words_in(tail) or tail.lstrip().startswith(",")):
                # `..., Stovall said.`, `Trump, Sexton said, has created ...`; `..., he said.`
                # names nobody here: the sentence's opening subject still counts
                kind, name = read_phrase(
                    text[comma + 1 : verb.start()], comma + 1, ordinary=ordinary
                )
                if name is not None and len(words_in(text[comma + 1 : verb.start()])) > 6:
                    name = None
            if (name is None or kind == "pronoun") and not words_in(tail):
                # `..., he is the ablest candidate Viguerie argues.`: the name before the verb
                last = _LAST_NAME_BEFORE.search(text, max(start, verb.start() - 60), verb.start())
                if last is not None and last.start() > start:
                    kind, name = read_phrase(last.group(1), last.start(1), ordinary=ordinary)
        if (
            name is None
            and verb is not None
            and verb.group() in INVERTING_VERBS
            and text[start : verb.start()].rstrip().rstrip('”"').endswith(",")
        ):
            # `..., said Jake Roe, a pollster.` (not `..., told ABC News that ...`); but in
            # `Jo Roe, a pollster, said she ...` or `Jo Roe, 49, said Lee should ...` the verb
            # follows the appositive of the name that opens the sentence, its subject
            kind, name = read_phrase(text[start:head_end], start, subject=True, ordinary=ordinary)
            before_verb = text.rfind(",", start, verb.start())
            if name is None or not start <= _comma_after(text, name.end) < before_verb:
                # no appositive between the name and the verb (`And Trump, said Sunshine, ...`)
                after_end = min(sentence.end, verb.end() + 100)
                kind, name = read_phrase(
                    text[verb.end() : after_end], verb.end(), ordinary=ordinary
                )
        if name is None or kind == "pronoun":
            kind, name = read_phrase(text[start:head_end], start, subject=True, ordinary=ordinary)
        if kind == "name" and name is not None and vocabulary.person_like(name):
            yield _Candidate(name.start, name)


def _comma_after(text: str, end: int) -> int:
    """The offset of a comma right after the name ending at `end` (spaces and one bracket such
    as `(R-Ohio)` passed), or -1."""
    at = end
    while at < len(text) and text[at] == " ":
        at += 1
    bracket = _BRACKETS.match(text, at)
    if bracket is not None:
        at = bracket.end()
    return at if at < len(text) and text[at] == "," else -1


def _quoted_spans(quoted: list[QuotedParagraph]) -> list[tuple[int, int]]:
    return [(q.open_mark, q.end + 1) for p in quoted for q in p.quotations]


def resolve_speakers(
    text: str,
    quoted: list[QuotedParagraph],
    entities: list[Entity],
    gazetteer: Gazetteer,
    sentences: list[Sentence],
    frames: Sequence[SaidClause | None] = (),
) -> Speakers:
    """Resolve every said-clause in text order (the quotations' and, by index, the `frames` of
    other attributions), then add the new people's mentions to `entities`."""
    people = _People(gazetteer)
    spans = _quoted_spans(quoted)
    vocabulary = _Vocabulary(text, gazetteer)
    sentence_of = sentence_locator(sentences)
    resolver = _Resolver(
        text,
        people,
        lambda: sentence_subjects(text, sentences, spans, vocabulary),
        vocabulary.lower,
        sentence_of,
        vocabulary.opener_ok,
    )
    clauses: list[tuple[int, int, int, SaidClause]] = []  # (offset, which, key, clause)
    for paragraph in quoted:
        for quotation in paragraph.quotations:
            if quotation.clause is not None:
                clauses.append((quotation.clause.offset, 0, quotation.open_mark, quotation.clause))
        if paragraph.lead is not None:
            clauses.append((paragraph.lead.offset, 0, paragraph.lead.phrase_start, paragraph.lead))
    for index, frame in enumerate(frames):
        if frame is not None:
            clauses.append((frame.offset, 1, index, frame))
    by_quotation: dict[int, Speaker | None] = {}
    by_frame: list[Speaker | None] = [None] * len(frames)
    resolved: dict[tuple[int, int, str], Speaker | None] = {}  # one clause read once
    for _, which, key, clause in sorted(clauses, key=lambda c: (c[0], c[1], c[2])):
        same = (clause.phrase_start, clause.offset, clause.phrase)
        speaker = resolved[same] if same in resolved else resolver.resolve(clause)
        resolved[same] = speaker
        if which:
            by_frame[key] = speaker
        else:
            by_quotation[key] = speaker
    # people read only as sentence subjects and never given a quotation stay out of the entities
    used = [person for person in people.new.values() if person.id in resolver.used]
    new_mentions = people_mentions(text, used, gazetteer, sentences, people.forms)
    anchors = [
        Entity(a.start, a.end, a.text, a.type, a.id, people.name_of(a.id), sentence_of(a.start))
        for a in people.anchors
        if a.id in resolver.used
    ]
    named = [
        Entity(e.start, e.end, e.text, e.type, e.id, people.name_of(e.id), e.sentence)
        for e in new_mentions
    ]
    # a new person's naming mention wins over a gazetteer mention it overlaps, so that every
    # speaker id is an entity; one sorted pass each (linear)
    merged = merge(anchors, merge(entities, named))
    return Speakers(by_quotation, merged, by_frame)
