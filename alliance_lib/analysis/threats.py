"""The threat coder: which states a sentence frames as a threat, or whose threat frame it rejects,
by what cue, of what kind, and in whose voice (issue 19; PolNeAR's threat guidelines).

Sentence by sentence, for every state the sentence names (`analysis.states`), a cue of the
codebook (`data/threat_codebook.yaml`) frames the state when, in the same clause:
- a label or a harmful action comes after the state within `MAX_GAP` words ("Russia is a threat",
  "China's hacking", "Iranian missiles", "Beijing as the likely perpetrator"), unless the words
  between make the state the one facing or fighting it ("Israel is fighting terrorism") or the
  action is passive ("Ukraine was invaded");
- a label or an action comes before the state with an agent link between ("threats from
  Russia", "hacking by China"); a label adjective stands right before it ("a menacing Russia");
  a counter verb takes it as object ("deter Russia", "accused China of");
and the frame spreads to the states listed with it ("China, North Korea, and Russia"). A state
after an action without an agent link is its victim and is not framed ("invaded Ukraine").
A frame is `rejected` when a rejection cue precedes it in its sentence or sits in its clause,
when the state disavows it ("China opposes hacking"), or when a negation stands between state
and cue or just before the cue ("China poses no threat"). A question with no answer frames
nothing. The voice is the innermost attribution whose content holds the cue (`analysis.voicing`).

Cost: one regex pass over the article for every cue, then clause rules only in sentences that
name a state and hold a cue; linear in the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from alliance_lib.analysis.codebook import PATTERN_LIST, PATTERN_MAP
from alliance_lib.analysis.headline import headline_article
from alliance_lib.analysis.reference_data import capitals
from alliance_lib.analysis.states import (
    StateMention,
    StatePatterns,
    state_mentions,
    state_patterns,
    state_pronouns,
)
from alliance_lib.analysis.voicing import Held, Innermost, frame_records, voice_of
from alliance_lib.datafiles import read_yaml, validate
from alliance_lib.errors import DataError
from alliance_lib.text.clauses import Clause, split_clauses
from alliance_lib.text.gazetteer import Gazetteer, load_gazetteer
from alliance_lib.text.model import Article, Sentence

THREAT, REJECTED = "threat", "rejected"
HEADLINE = -1  # the `sentence` of a headline's frame in `threat_table`
SUPPRESSED = "suppressed"  # a negated counter ("has not accused Russia"): the state is not framed
DISAVOWED = "disavowed"  # rejected by the state itself ("China opposes hacking"): voiced around it
KINDS = (
    "military",
    "nuclear_missile",
    "cyber_interference",
    "terrorism",
    "coercion",
    "economic",
    "other",
)
MAX_GAP = 8  # words between a state and a cue after it (or an agent link's state after a cue)
MAX_GAP_CHARS = 160  # a gap longer than this holds more than MAX_GAP words: not measured
WEAK_GAP = 2  # words between a state and a weak cue ("Russia's challenge", "China is a rival")
COUNTER_GAP = 3  # words between a counter verb and its object ("accused the Chinese government")
ACTION_LINK_GAP = (
    6  # words from an action to its agent ("hacked by an unnamed state, most likely the Russians")
)
RELATIVE_WORDS = 6  # words of a relative clause between an action and its doer's link
LINK_GAP = 5  # words between a label and its agent link ("threats that exist in the form of")
PRONOUN_GAP = 4  # words between a pronoun standing for a state and a cue after it
PRONOUN_WINDOW = 80  # characters read on either side of a pronoun in a sentence naming no state
REJECTION_REACH = 12  # words from a rejection to the frame it rejects, later in its sentence
NEAR_CUE = 2  # words before a cue that a negation of it may stand in ("poses no threat")
# Cue strength, strongest first: the cue reported for a (sentence, state) with several.
_STRENGTH = {"label": 0, "action": 1, "counter": 2, "accusation": 2, "weak": 3}
# Between a state and a relational label ("enemy"): the sentence says the state is one.
_COPULA = re.compile(
    r"\b(?:is|are|was|were|be|been|being|as|remains?|remained|became|becomes|called|named)\b",
    re.IGNORECASE,
)
# Between a counter verb and its object: the object is someone else ("warned us about ...").
_NOT_OBJECT = re.compile(
    r"\b(?:to|into|with|for|at|about|that|us|them|him|her|me|you|by|in|across|within|inside"
    r"|throughout)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'-]+")
_QUESTION = re.compile(
    r"(?:is|are|was|were|does|do|did|will|would|could|can|should|has|have|might)\b", re.I
)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+)\s*", re.I)
_POSSESSIVE = re.compile(r"^[’']s?")
# A determiner between a pronoun and a cue opens another noun phrase ("it could exploit the
# pressures of this season").
# Words between a subject and its verb ("has repeatedly denied", "strongly rejects").
_SUBJECT_TRAIL = re.compile(
    r"has|have|had|is|are|was|were|will|would|did|does|do|again|also|once|long|[a-z]+ly",
    re.IGNORECASE,
)
# A verb whose object is the doer's own ("it tested a hydrogen bomb", "they launched a missile").
_MAKES = re.compile(
    r"\b(?:test|build|built|launch|fire|fired|develop|deploy|acquire|detonate|conduct|possess)"
    r"\w*\s+(?:a|an|the|its|their)\s*$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|these|those)\b", re.IGNORECASE)
# A past participle ("invaded", "shot down") right after a form of "be": a passive.
_PAST = re.compile(r"\s+[a-z]+ed\b")  # a verb in the past right after a capital: its subject
_PARTICIPLE = re.compile(r"^\w+(?:ed|en|wn)\b", re.IGNORECASE)
_BE_LAST = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got|gets)\s+(?:(?:also|not|never|[a-z]+ly)\s+)?$",
    re.IGNORECASE,
)
# A preposition before a state: it names a place or an object ("a company in Germany", "a move
# to Mexico", "out of North Korea"), not the doer of what follows.
_PLACE_BEFORE = re.compile(
    r"(?:^|\W)(?:in|at|into|to|toward|towards|across|throughout|inside|within|near|out of"
    r"|around|via|through|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BY = re.compile(r"\s+by\b", re.IGNORECASE)
_BE = re.compile(r"\b(?:was|were|been|being|is|are|be|got|gets)\b", re.IGNORECASE)
_AUXILIARY = re.compile(
    r"\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|did|does|as"
    r"|also|likely|then|now|again|still|already|[a-z]+ly)\b"
)

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "labels",
        "before_state",
        "weak",
        "relational",
        "actions",
        "counters",
        "accusations",
        "agent_links",
        "action_links",
        "victim_links",
        "blockers",
        "agent_nouns",
        "defending",
        "rejections",
        "disavowals",
        "negations",
        "kind_words",
        "seats",
        "leaders",
    ],
    "additionalProperties": False,
    "properties": {
        "labels": PATTERN_MAP | {"minProperties": 1},
        "before_state": PATTERN_LIST,
        "weak": PATTERN_LIST,
        "relational": PATTERN_LIST,
        "accusations": PATTERN_LIST,
        "actions": PATTERN_MAP | {"minProperties": 1, "propertyNames": {"enum": list(KINDS)}},
        "counters": PATTERN_LIST,
        "agent_links": PATTERN_LIST,
        "action_links": PATTERN_LIST,
        "victim_links": PATTERN_LIST,
        "blockers": PATTERN_LIST,
        "agent_nouns": PATTERN_LIST,
        "defending": PATTERN_LIST,
        "rejections": PATTERN_LIST,
        "disavowals": PATTERN_LIST,
        "negations": PATTERN_LIST,
        "kind_words": PATTERN_MAP | {"propertyNames": {"enum": list(KINDS)}},
        "seats": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Z]{3}$"},
            "additionalProperties": {"type": "array", "items": {"type": "string", "minLength": 1}},
        },
        "leaders": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}


_METACHARS = frozenset("\\()[]{}|.^$*+?")


def leading_literals(pattern: str) -> list[str] | None:
    """The lower-cased literal texts any match of `pattern` starts with ("threat(?:s)?" ->
    ["threat"]; "(?:ballistic|cruise) missiles?" -> ["ballistic", "cruise"]), or None when
    they cannot be read off simply (the pattern is then tried everywhere)."""
    body = re.sub(r"^\(\?<!?[^()]*\)", "", pattern)  # a lookbehind is zero-width
    if body.startswith("(?:"):
        depth, close = 0, -1
        for i, ch in enumerate(body):
            depth += ch == "(" and (i == 0 or body[i - 1] != "\\")
            depth -= ch == ")" and body[i - 1] != "\\"
            if depth == 0:
                close = i
                break
        if close < 0 or body[close + 1 : close + 2] in ("?", "*", "{"):
            return None
        inner = body[3:close]
        if "(" in inner:
            return None
        found = [leading_literals(part) for part in inner.split("|")]
        if any(f is None for f in found):
            return None
        return sorted({t for f in found for t in f or []})
    literal = []
    for ch in body:
        if ch in _METACHARS:
            if ch in "?*{" and literal:
                literal.pop()  # "missiles?": the "s" may be absent
            break
        literal.append(ch)
    text = "".join(literal).lower().rstrip()
    return [text] if text and not text[0].isspace() else None


class CueFinder:
    """Every cue of a sentence without trying every pattern at every word: one Aho-Corasick pass
    finds the literal texts cues start with, and only the patterns starting with a found text
    are tried there (in codebook order: the first that matches wins, as in one alternation);
    patterns with no readable start are searched for everywhere."""

    def __init__(self, patterns: Sequence[tuple[str, str, str]]) -> None:
        import ahocorasick  # lazy: a codebook loads it once

        self._patterns = [
            (re.compile(rf"(?:{p})(?![\w-])", re.IGNORECASE), klass, kind)
            for p, klass, kind in patterns
        ]
        gates: dict[str, list[int]] = {}
        everywhere = []
        for index, (pattern, _, _) in enumerate(patterns):
            literals = leading_literals(pattern)
            if not literals:
                everywhere.append(index)
                continue
            for literal in literals:
                gates.setdefault(literal, []).append(index)
        self._automaton = ahocorasick.Automaton()
        for literal, indexes in gates.items():
            self._automaton.add_word(literal, (len(literal), tuple(indexes)))
        self._automaton.make_automaton()
        self._everywhere = [
            re.compile(rf"\b(?<![\w-])(?:{patterns[i][0]})(?![\w-])", re.IGNORECASE)
            for i in everywhere
        ]
        self._everywhere_ids = everywhere

    def find(self, text: str, start: int, end: int) -> list[Cue] | None:
        """The cues from `start` to `end` of `text`, in text order (None: lower-casing the span
        changes its length, so its offsets cannot be trusted)."""
        lowered = text[start:end].lower()
        if len(lowered) != end - start:
            return None
        candidates: dict[int, set[int]] = {}
        for last, (length, indexes) in self._automaton.iter(lowered):
            at = last - length + 1
            if at and (lowered[at - 1].isalnum() or lowered[at - 1] in "_-"):
                continue
            candidates.setdefault(at, set()).update(indexes)
        for pattern, index in zip(self._everywhere, self._everywhere_ids, strict=True):
            for match in pattern.finditer(text, start, end):
                candidates.setdefault(match.start() - start, set()).add(index)
        cues: list[Cue] = []
        reach = start
        for at in sorted(candidates):
            if start + at < reach:
                continue
            for index in sorted(candidates[at]):
                pattern, klass, kind = self._patterns[index]
                match = pattern.match(text, start + at, end)
                if match is not None:
                    cues.append(Cue(match.start(), match.end(), match.group(), klass, kind))
                    reach = match.end()
                    break
        return cues


@dataclass(frozen=True)
class ThreatCodebook:
    """The compiled codebook: one regex for every cue (`cues`, a named group per class), the
    gap and link patterns, kind words, and what names a state."""

    cues: re.Pattern[str]  # every cue in one regex: the fallback of `finder`
    groups: dict[str, tuple[str, str]]  # group name -> (class, kind)
    finder: CueFinder
    before_state: re.Pattern[str]
    relational: re.Pattern[str]  # fullmatch on a label's text: "enemy", "adversaries"
    agent_links: re.Pattern[str]  # searched in the words between a cue and a state after it
    action_links: re.Pattern[str]
    victim_links: re.Pattern[str]
    blockers: re.Pattern[str]
    agent_noun: re.Pattern[str]  # matched right after a demonym
    defending: re.Pattern[str]
    disavowals: re.Pattern[str]
    negations: re.Pattern[str]
    passive: re.Pattern[str]
    kind_words: tuple[tuple[str, re.Pattern[str]], ...]
    states: StatePatterns
    gazetteer: Gazetteer  # for the headline's entities (`code_headline`)


def _words(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _compile(path: Path, where: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise DataError(f"{path}: {where} has a bad regular expression ({exc})") from exc


def load_threat_codebook(path: Path) -> ThreatCodebook:
    """Read a threat codebook and check it against `SCHEMA`; a DataError names the file, the key
    and the problem (a bad pattern, a leader the gazetteer lacks)."""
    document = read_yaml(path, "threat codebook")
    validate(path, document, SCHEMA, "threat codebook")
    assert isinstance(document, dict)
    groups: dict[str, tuple[str, str]] = {}
    parts = []
    each: list[tuple[str, str, str]] = []  # (pattern, class, kind), in codebook order

    def add(name: str, klass: str, kind: str, patterns: list[str]) -> None:
        _compile(path, name.replace("__", "."), _words(patterns))  # names the key on a bad one
        groups[name] = (klass, kind)
        parts.append(f"(?P<{name}>{_words(patterns)})")
        each.extend((pattern, klass, kind) for pattern in patterns)

    add("rejection", "rejection", "", document["rejections"])
    add("counter", "counter", "", document["counters"])
    add("accusation", "accusation", "", document["accusations"])
    for kind, patterns in document["actions"].items():
        add(f"action__{kind}", "action", kind, patterns)
    for kind, patterns in document["labels"].items():
        if kind not in KINDS:
            raise DataError(f"{path}: labels.{kind}: not a kind ({', '.join(KINDS)})")
        add(f"label__{kind}", "label", kind, patterns)
    add("weak", "weak", "other", document["weak"])
    # a word start first (cheap), then the alternatives
    cues = _compile(path, "cues", rf"\b(?<![\w-])(?:{'|'.join(parts)})(?![\w-])")
    gazetteer = load_gazetteer()
    for person in document["leaders"]:
        entry = gazetteer.entries.get(person)
        if entry is None or entry.type != "person" or not entry.country:
            raise DataError(f"{path}: leaders: {person!r} is not a gazetteer person with a country")
    table = capitals()
    states = state_patterns(
        zip(table["iso3"], table["forms"], strict=True), document["seats"], document["leaders"]
    )

    def whole(key: str) -> re.Pattern[str]:
        return _compile(path, key, rf"(?<![\w-])(?:{_words(document[key])})(?![\w-])")

    return ThreatCodebook(
        cues=cues,
        groups=groups,
        finder=CueFinder(each),
        before_state=_compile(path, "before_state", rf"^(?:{_words(document['before_state'])})$"),
        relational=_compile(path, "relational", rf"(?:{_words(document['relational'])})"),
        agent_links=whole("agent_links"),
        action_links=_action_links(path, document["action_links"]),
        victim_links=whole("victim_links"),
        blockers=whole("blockers"),
        agent_noun=_compile(
            path, "agent_nouns", rf"\s+(?:\w+\s+)?(?:{_words(document['agent_nouns'])})\b"
        ),
        defending=whole("defending"),
        disavowals=whole("disavowals"),
        negations=whole("negations"),
        passive=re.compile(r"\w+ed\s+by\b", re.IGNORECASE),
        kind_words=tuple(
            (kind, _compile(path, f"kind_words.{kind}", rf"\b(?:{_words(words)})\b"))
            for kind, words in document["kind_words"].items()
        ),
        states=states,
        gazetteer=gazetteer,
    )


def _action_links(path: Path, links: list[str]) -> re.Pattern[str]:
    """What links an action to its doer after it: a link right after it ("hacking by China"),
    or a participle link ending a short relative clause ("an intrusion that seems to have been
    carried out by Russian agents"; a bare "by" there may be anyone's: "condemned by")."""
    phrases = [link for link in links if " " in link]
    relative = (
        rf"|,?\s*(?:that|which|who)\s+(?:[\w’'.-]+\s+){{0,{RELATIVE_WORDS}}}?(?:{_words(phrases)})"
        if phrases
        else ""
    )
    return _compile(path, "action_links", rf"^\s*(?:(?:{_words(links)}){relative})\b")


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    klass: str  # label, weak, action, counter, rejection
    kind: str


@dataclass(frozen=True, slots=True)
class Frame:
    """One state framed (or its frame rejected) in one sentence, with its strongest cue."""

    sentence: int
    state: str
    label: str  # "threat" or "rejected"
    kind: str
    cue: str
    cue_start: int
    cue_end: int
    mention: StateMention
    voice: str
    voice_id: str | None
    voice_how: str  # direct, mixed, indirect, narrator


# A verb after a state: it is its clause's subject ("... North Korea can build", "... Iran tested").
_SUBJECT_NEXT = re.compile(
    r"\s+(?:can|could|has|had|have|is|was|will|would|may|might|must|did|does|[a-z]+ed)\b"
)
_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_NEW_PHRASE = re.compile(r"[,;:.!?]|\b(?:and|or|but)\b", re.IGNORECASE)  # another phrase begins


def _gap_words(text: str) -> int:
    return len(_WORD.findall(_POSSESSIVE.sub("", text.strip())))


def _listed(mentions: list[StateMention], index: int, step: int, text: str) -> list[StateMention]:
    """The mention at `index` and its neighbours in one list, walking by `step` (1 or -1); a
    chain joined by commas alone is no list ("a muscular Russia, Germany has pledged")."""
    found = [mentions[index]]
    joined = False  # an "and"/"or" joins two of them
    while 0 <= index + step < len(mentions):
        a, b = sorted((mentions[index], mentions[index + step]), key=lambda m: m.start)
        if a.start == b.start:  # one pronoun for several states ("Russia or China ... they")
            index += step
            found.append(mentions[index])
            joined = True
            continue
        gap = text[a.end : b.start]
        if not _LIST_GAP.fullmatch(gap):
            break
        joined = joined or bool(re.search(r"\b(?:and|or|as well as)\b", gap))
        index += step
        found.append(mentions[index])
    return found if joined else found[:1]


def _cue_targets(
    book: ThreatCodebook,
    text: str,
    cue: Cue,
    mentions: list[StateMention],
    bounds: tuple[list[int], list[int]],
    victims: frozenset[int] = frozenset(),
) -> list[tuple[StateMention, str]]:
    """States in the cue's clause (`mentions`, text order) the cue frames, each with "agent"
    (framed) or "negated" (a negation between them)."""
    found: list[tuple[StateMention, str]] = []
    starts, ends = bounds  # of `mentions`, for bisection
    before = bisect_right(ends, cue.start)  # mentions [0, before) end before the cue
    if before and cue.klass in ("label", "action", "weak") and before - 1 not in victims:
        i = before - 1
        state = mentions[i]
        gap = text[state.end : cue.start] if cue.start - state.end <= MAX_GAP_CHARS else "x " * 99
        limit = WEAK_GAP if cue.klass == "weak" else MAX_GAP
        if state.how == "pronoun":  # "its nuclear arsenal", "it invaded", not "it is said ..."
            own = _DETERMINER.search(gap) is None or _MAKES.search(gap) is not None
            limit = min(limit, PRONOUN_GAP) if own else -1
        # "Ukraine was invaded (by Russia)", "a bomber was shot down by Turkey": the victim
        passive = cue.klass == "action" and (
            (
                _BY.match(text, cue.end) is not None
                and (book.passive.match(text, cue.start) is not None or _BE.search(gap) is not None)
            )
            or (_PARTICIPLE.search(cue.text) is not None and _BE_LAST.search(gap) is not None)
        )
        relational = cue.klass == "label" and book.relational.fullmatch(cue.text) is not None
        if (
            _gap_words(gap) <= limit
            and not book.defending.search(gap)
            and not book.blockers.search(gap)
            and not passive
            and _stands_for_state(book, text, state, gap, cue.text)
            and not _in_phrase(text, mentions, i, gap)
            and (not relational or _COPULA.search(gap) is not None)  # "Russia is an adversary"
        ):
            how = "negated" if book.negations.search(gap) else "agent"
            if how == "agent" and book.disavowals.search(gap):
                how = "disavowed"
            found.extend((m, how) for m in _listed(mentions, i, -1, text))
    for i in range(bisect_left(starts, cue.end), len(mentions)):
        if mentions[i].start - cue.end > MAX_GAP_CHARS:
            break
        gap = text[cue.end : mentions[i].start]
        words = _gap_words(gap)
        if mentions[i].how == "pronoun" and cue.klass not in ("counter", "accusation"):
            continue  # "the militia and its allies": whose "its" is not clear
        if cue.klass in ("counter", "accusation"):
            # the state is the verb's object ("deter Russia", "accused the Chinese of"), not
            # someone else's ("warned us about", "warned by the Russian government")
            if (
                words <= COUNTER_GAP
                and not _NOT_OBJECT.search(gap)
                and _demonym_is_state(book, text, mentions[i])
            ):
                before_cue = _WORD.findall(text[max(0, cue.start - 40) : cue.start])[-NEAR_CUE:]
                # "has not accused Russia": no frame at all for the state in this sentence
                how = (
                    SUPPRESSED if any(book.negations.fullmatch(w) for w in before_cue) else "agent"
                )
                found.extend((m, how) for m in _listed(mentions, i, 1, text))
            break
        if cue.klass == "action":
            link = book.action_links.match(gap)
            if link is not None and _gap_words(gap[link.end() :]) <= ACTION_LINK_GAP:
                found.extend((m, "agent") for m in _listed(mentions, i, 1, text))
            elif (
                cue.kind == "nuclear_missile"
                and words <= MAX_GAP
                and not _NEW_PHRASE.search(gap)
                and (
                    _OF_OWNER.fullmatch(gap) is not None  # "the warheads of Iran"
                    or (
                        _SUBJECT_NEXT.match(text, mentions[i].end) is not None
                        and not book.victim_links.search(gap)  # "toward the Sea of Japan"
                    )
                )
                and _demonym_is_state(book, text, mentions[i])
            ):  # a weapon's owner may follow it, as the subject of a clause ("a hydrogen bomb
                # may be beyond what North Korea can build") or after "of" ("the warheads of
                # Iran");
                # "missiles endanger Japan", "missiles aimed at Japan": Japan is a target
                found.extend((m, "agent") for m in _listed(mentions, i, 1, text))
            break  # otherwise the state after an action is its object: a victim
        if words > MAX_GAP:
            break
        if cue.klass == "weak" or (cue.klass == "label" and book.relational.fullmatch(cue.text)):
            break  # "the enemies of Assad": Assad has them; a weak word frames only beside it
        if cue.klass == "label" and words <= 1 and book.before_state.match(cue.text.lower()):
            found.extend((m, "agent") for m in _listed(mentions, i, 1, text))
            break
        # the link nearest the state decides: an agent link ("the threat of Iran", "in the form
        # of") frames it, a victim link ("threats to Japan") does not, and the search goes on
        # ("threats to Japan from China")
        links = list(book.agent_links.finditer(gap))
        victims = list(book.victim_links.finditer(gap))
        agent_end = links[-1].end() if links else -1
        victim_end = victims[-1].end() if victims else -1
        # "of" is the agent's only as the first link ("the threat of Iran"); after a victim
        # link it belongs to the victim ("a threat to the future of America")
        of_late = (
            bool(links)
            and links[-1].group().lower() == "of"
            and bool(victims)
            and (victims[0].start() < links[-1].start())
        )
        if (
            links
            and agent_end >= victim_end
            and not of_late
            and _gap_words(gap[: links[-1].start()]) <= LINK_GAP
            and _demonym_is_state(book, text, mentions[i])
        ):
            found.extend((m, "agent") for m in _listed(mentions, i, 1, text))
            break
        if cue.klass == "weak":
            break
    return found


def _in_phrase(text: str, mentions: list[StateMention], index: int, gap: str) -> bool:
    """Whether the state before a cue (with the states listed before it) stands in a
    prepositional phrase, so is a place or an object, not the cue's doer: "drone strikes in Yemen
    and Somalia to stop terrorist plots". A possessive or a demonym right before the cue
    keeps it the doer ("against Russia's aggression", "to deter Russian meddling")."""
    mention = mentions[index]
    if mention.how == "pronoun":
        return False  # "they" is a subject; the states it stands for may have been a place
    if _POSSESSIVE.match(gap) and gap[:1] in "’'" or (mention.how == "demonym" and not gap.strip()):
        return False
    first = _listed(mentions, index, -1, text)[-1]
    return _PLACE_BEFORE.search(text, max(0, first.start - 12), first.start) is not None


def _objects(
    book: ThreatCodebook,
    text: str,
    mentions: list[StateMention],
    cues: list[Cue],
    starts: list[int],
) -> frozenset[int]:
    """Indexes of the mentions that are an action's object ("invaded Ukraine to seize ..."): the
    victim of that action, so not the doer of the next one."""
    found = set()
    for cue in cues:
        if cue.klass != "action":
            continue
        i = bisect_left(starts, cue.end)
        if i < len(mentions) and mentions[i].start - cue.end <= MAX_GAP_CHARS:
            gap = text[cue.end : mentions[i].start]
            if _gap_words(gap) <= 2 and not book.action_links.match(gap):
                found.add(i)
    return frozenset(found)


def _demonym_is_state(book: ThreatCodebook, text: str, mention: StateMention) -> bool:
    """A demonym after a verb stands for its state as a noun ("deter the Russians") or before
    an agent noun ("warned the Chinese leader"), not before another noun ("American allies")."""
    if mention.how != "demonym" or mention.text.endswith("s"):
        return True
    after = text[mention.end : mention.end + 40]
    return book.agent_noun.match(after) is not None or not re.match(r"\s+[a-z]", after)


def _stands_for_state(
    book: ThreatCodebook, text: str, mention: StateMention, gap: str, cue_text: str
) -> bool:
    """Whether a mention before a cue acts as its state: a capital is a place, not its state,
    right before the cue ("the Paris attacks"); a demonym is its state before an agent noun
    ("Russian hackers", "the Chinese government likely hacked"), right before the cue ("Chinese
    aggression"), or as a noun ("the Russians"); elsewhere it is a nationality."""
    if gap.startswith("-") or text[max(0, mention.start - 1) : mention.start] == "-":
        return False  # "an Iraq-style invasion", "Paris-Brussels", "the U.S.-Mexico border"
    bare = not gap.strip()
    if mention.how == "country" and bare and re.search(r"ions?$", cue_text, re.IGNORECASE):
        return False  # "the Iraq invasion": the country invaded, a compound noun
    if mention.how in ("capital", "seat"):  # a subject or possessor, not a place's name
        if bare:  # "Beijing grabbed", "the Kremlin doctored documents"; not "the Paris attacks"
            return cue_text.split()[0].lower().endswith("ed")
        return (
            _POSSESSIVE.match(gap) is not None
            or _AUXILIARY.match(gap) is not None
            or _PAST.match(gap) is not None  # "Beijing declared an air defense zone"
        )
    if mention.how != "demonym":
        return True
    if _gap_words(gap) <= 1 or mention.text.endswith("s"):  # "Chinese export onslaught"
        return True
    after = text[mention.end : mention.end + 40]
    if book.agent_noun.match(after):
        return True
    return text[max(0, mention.start - 4) : mention.start].lower().endswith("the ") and (
        not re.match(r"\s+[a-z]", after)
    )


def _kind(book: ThreatCodebook, cues: list[Cue], sentence: str) -> str:
    """The first action's kind; else (a label, or an action of any kind such as "stealing")
    the first kind whose words the sentence holds; else `other`."""
    actions = [c for c in cues if c.klass == "action" and c.kind != "other"]
    if actions:
        return actions[0].kind
    for kind, pattern in book.kind_words:
        if pattern.search(sentence):
            return kind
    return "other"


def _is_question(text: str) -> bool:
    """A question left unanswered: one that asks ("Is Russia a threat?"), or a clause of
    "whether" the sentence opens with ("Whether Iran can build a bomb is unknown")."""
    stripped = text.strip().strip("“”\"'‘’")
    if stripped[:8].lower() == "whether ":
        return True
    return stripped.endswith("?") and _QUESTION.match(stripped) is not None


def find_cues(book: ThreatCodebook, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Every cue in `text` (from `start` to `end`), in text order: through `book.finder`, or
    the one regex of every cue when lower-casing would move offsets (a rare non-ASCII letter)."""
    end = len(text) if end is None else end
    found = book.finder.find(text, start, end)
    if found is not None:
        return found
    cues = []
    for match in book.cues.finditer(text, start, end):
        klass, kind = book.groups[match.lastgroup or ""]
        cues.append(Cue(match.start(), match.end(), match.group(), klass, kind))
    return cues


def code_threats(
    article: Article, book: ThreatCodebook, records: list[Held] | None = None
) -> list[Frame]:
    """Every (sentence, state) the article frames as a threat or whose frame it rejects, in
    sentence then state order. `records` are attribution records for the voices (default:
    the article's own, `voicing.frame_records`)."""
    text = article.text
    named = state_mentions(article, book.states)
    if not named:
        return []
    mentions = sorted([*named, *state_pronouns(article, named)], key=lambda m: (m.start, m.end))
    starts = [s.start for s in article.sentences]
    by_sentence: dict[int, tuple[list[StateMention], list[Cue]]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, ([], []))[0].append(mention)
    for number, (in_mentions, in_cues) in by_sentence.items():  # cues only where a state is
        sentence = article.sentences[number]
        if any(m.how != "pronoun" for m in in_mentions):
            in_cues.extend(find_cues(book, text, sentence.start, sentence.end))
            continue
        # a pronoun frames only with a cue beside it: read the words around each one
        reach = sentence.start
        for mention in in_mentions:
            start = max(reach, mention.start - PRONOUN_WINDOW, sentence.start)
            end = min(sentence.end, mention.end + PRONOUN_WINDOW)
            if start < end:
                in_cues.extend(find_cues(book, text, start, end))
                reach = end
    raw: dict[tuple[int, str], list[tuple[Cue, StateMention, str]]] = {}
    kinds: dict[int, list[Cue]] = {}
    for number in sorted(by_sentence):
        in_mentions, in_cues = by_sentence[number]
        framing = [c for c in in_cues if c.klass != "rejection"]
        sentence = article.sentences[number]
        if not framing or _is_question(sentence.text):
            continue
        kinds[number] = framing
        rejections = [c for c in in_cues if c.klass == "rejection"]
        for clause, local, cues_in in _by_clause(sentence, number, in_mentions, framing):
            rejected_here = any(clause.start <= r.start < clause.end for r in rejections)
            bounds = ([m.start for m in local], [m.end for m in local])
            victims = _objects(book, text, local, cues_in, bounds[0])
            harms = [c.start for c in cues_in if c.klass in ("action", "label")]
            last_harm = max(harms, default=-1)
            for cue in cues_in:
                for mention, how in _cue_targets(book, text, cue, local, bounds, victims):
                    if cue.klass == "accusation" and last_harm < mention.end:
                        continue  # an accusation frames its object only with the harm named
                    label = _label(book, text, clause, cue, mention, how)
                    if label == THREAT and (
                        rejected_here or _rejected_before(text, rejections, cue, mention)
                    ):
                        label = REJECTED  # under a rejection: just before it, or in its clause
                    raw.setdefault((number, mention.state), []).append((cue, mention, label))
            for mention, cue in _subject_rejections(book, text, clause, local, cues_in):
                raw.setdefault((number, mention.state), []).append((cue, mention, DISAVOWED))
    if not raw:
        return []
    if records is None:
        records = frame_records(article, {number for number, _ in raw})
    lookup = Innermost(records, starts)
    frames = []
    for (number, state), found in sorted(raw.items()):
        if any(label == SUPPRESSED for _, _, label in found):
            continue
        found.sort(key=lambda item: (_STRENGTH[item[0].klass], item[0].start))
        label = REJECTED if any(lab in (REJECTED, DISAVOWED) for _, _, lab in found) else THREAT
        cue, mention, _ = found[0]
        # the frame's words: the cue, or the state when the cue is the reporting verb itself
        # ("Kishida warned the Chinese leader": the warning's content holds the state); a state
        # disavowing a frame is voiced by whoever reports it ("the spokesman said China opposed
        # hacking": the spokesman), else by its own disavowal ("Moscow denied meddling")
        anchor = mention if cue.klass in ("counter", "accusation") else cue
        # a state does not voice a threat frame about itself ("Beijing could declare an air
        # defense zone": the narrator's frame, not Beijing's declaration); it may reject one
        own = [(m.start, m.end) for m in by_sentence[number][0] if m.state == state]
        skip = _sourced_by(own) if label == THREAT else None
        held = lookup.at(anchor.start, anchor.end, skip=skip)
        disavowing = [m for _, m, lab in found if lab == DISAVOWED]
        if disavowing:  # reported by someone, or else the state's own disavowal
            around = lookup.at(disavowing[0].start, disavowing[0].end)
            held = around if around is not None else lookup.at(cue.start, cue.end)
        voice = voice_of(held)
        frames.append(
            Frame(
                number,
                state,
                label,
                _kind(
                    book,
                    [c for c, _, _ in found] + kinds.get(number, []),
                    article.sentences[number].text,
                ),
                cue.text,
                cue.start,
                cue.end,
                mention,
                voice.voice,
                voice.voice_id,
                voice.how,
            )
        )
    return frames


def _rejected_before(text: str, rejections: list[Cue], cue: Cue, mention: StateMention) -> bool:
    """Whether a rejection earlier in the sentence reaches the frame: within `REJECTION_REACH`
    words before it ("voiced doubt that Iran could build ...", "found no convincing proof in
    the memo that Chinese agents had stolen the files"), not a doubt
    about something else far before it."""
    first = min(cue.start, mention.start)
    for rejection in rejections:
        if rejection.end <= first:
            if len(_WORD.findall(text, rejection.end, first)) <= REJECTION_REACH:
                return True
        else:
            break
    return False


def _sourced_by(spans: list[tuple[int, int]]) -> Callable[[Held], bool]:
    """Whether a record's source is one of `spans` (a state's own mentions)."""

    def check(record: Held) -> bool:
        if record.source_start is None or record.source_end is None:
            return False
        return any(a < record.source_end and record.source_start < b for a, b in spans)

    return check


def _by_clause(
    sentence: Sentence, number: int, mentions: list[StateMention], cues: list[Cue]
) -> Iterator[tuple[Clause, list[StateMention], list[Cue]]]:
    """The sentence's clauses that name a state and hold a cue, with those mentions and cues
    (both in text order; one bisection each, so linear in the sentence)."""
    clauses = split_clauses(sentence.text, sentence.start, number)
    starts = [c.start for c in clauses]
    mentions_in: dict[int, list[StateMention]] = {}
    cues_in: dict[int, list[Cue]] = {}
    for mention in mentions:
        mentions_in.setdefault(bisect_right(starts, mention.start) - 1, []).append(mention)
    for cue in cues:
        cues_in.setdefault(bisect_right(starts, cue.start) - 1, []).append(cue)
    for index in sorted(set(mentions_in) & set(cues_in)):
        if index >= 0:
            yield clauses[index], mentions_in[index], cues_in[index]


def _label(
    book: ThreatCodebook, text: str, clause: Clause, cue: Cue, mention: StateMention, how: str
) -> str:
    """`suppressed` for a negated accusation; `rejected` when the frame is negated ("China
    poses no threat", "there is no threat from Russia") or disavowed; else `threat`."""
    if how == SUPPRESSED:
        return SUPPRESSED
    if how in ("negated", "disavowed"):
        return REJECTED
    if cue.start <= mention.start and cue.klass not in ("counter", "accusation"):
        # a negation just before a cue the state follows ("poses no threat from Russia"); not
        # before a verb of blame, whose harm stands ("has never blamed Russia for the hack")
        near = text[max(clause.start, cue.start - 40) : cue.start]
        if any(book.negations.fullmatch(w) for w in _WORD.findall(near)[-NEAR_CUE:]):
            return REJECTED
    return THREAT


def _subject_rejections(
    book: ThreatCodebook, text: str, clause: Clause, mentions: list[StateMention], cues: list[Cue]
) -> Iterator[tuple[StateMention, Cue]]:
    """A state that is the subject of a disavowal ("China rebuts criticism of overcapacity",
    "Moscow denied meddling") rejects the frame its clause holds after it: (state, cue)."""
    starts = [c.start for c in cues]
    for mention in mentions:
        words = _WORD.findall(text[mention.end : min(clause.end, mention.end + 60)])[:3]
        while words and (_SUBJECT_TRAIL.fullmatch(words[0]) or words[0] in ("s", "’s", "'s")):
            words = words[1:]  # "has repeatedly denied", "strongly denies"
        if not words or not book.disavowals.fullmatch(words[0]):
            continue  # "the Chinese of militarising the disputed atolls": no disavowal of its own
        later = bisect_right(starts, mention.end)
        if later < len(cues):
            yield mention, cues[later]


FRAME_COLUMNS = [
    "sentence",
    "sentence_start",
    "sentence_end",
    "state",
    "state_name",
    "label",
    "voice",
    "voice_id",
    "voice_how",
    "cue",
    "kind",
    "mention",
    "sentence_text",
]


def code_headline(article: Article, book: ThreatCodebook) -> Headline | None:
    """The headline's frames, read as the body's are (`analysis.headline`): None when the input
    holds no headline line."""
    headline = headline_article(article, book.gazetteer)
    if headline is None:
        return None
    return Headline(headline, code_threats(headline, book))


@dataclass(frozen=True)
class Headline:
    """The headline as an article of its own (`analysis.headline`) and its frames; in tables
    their `sentence` is `HEADLINE`."""

    article: Article
    frames: list[Frame]


def threat_table(
    article: Article, frames: list[Frame], headline: Headline | None = None
) -> pd.DataFrame:
    """The frames as a table: one row per (sentence, state), with the sentence's offsets in the
    decoded input (`Article.source_span`), the state's name and the sentence's text; the
    headline's frames (`code_headline`) first, their `sentence` `HEADLINE` (-1)."""
    names = {e.id: e.name for e in load_gazetteer().entries.values() if e.type == "country"}
    rows = []
    located = [(HEADLINE, headline.article, f) for f in headline.frames] if headline else []
    located.extend((f.sentence, article, f) for f in frames)
    for number, source, frame in located:
        sentence = source.sentences[frame.sentence]
        start, end = source.source_span(sentence.start, sentence.end)
        rows.append(
            {
                "sentence": number,
                "sentence_start": start,
                "sentence_end": end,
                "state": frame.state,
                "state_name": names.get(frame.state, frame.state),
                "label": frame.label,
                "voice": frame.voice,
                "voice_id": frame.voice_id,
                "voice_how": frame.voice_how,
                "cue": frame.cue,
                "kind": frame.kind,
                "mention": frame.mention.text,
                "sentence_text": sentence.text,
            }
        )
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)
