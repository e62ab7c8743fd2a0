"""Policy shifts the article reports: one row per distinct shift, with every sentence mentioning it.

A shift is an actor doing a defence-policy action in a clause (issue 21). A clause mentions a
shift of type T (a finer label of the codebook, inside one of the fixed `CATEGORIES`) when it
names one of T's objects and an action T allows, or one of T's events, and no negation,
modality or request governs them ("fell short of a mutual defence obligation" is no agreement,
"could draw Seoul into a conflict" no shift); a clause set in the distant past (every year it
names 20 or more years before the article's) is background, not a shift. All the clauses
mentioning one type are the same shift. Each mention has its actors (who: the countries,
organisations and people of its clause, capitals as their country, or of the clause or
sentence before; those after "on", "against", "to", "from"... are its recipients), its
actions and objects (what), and its time horizon (when). A precedent is broken only by the
shift nearest to it in its own clause (or in the clause a dependent clause comments on), and a
clause saying a standing rule holds ("has refused", "not", "remains") keeps it intact; see
`data/policy_codebook.yaml`, which also grounds each type in PLOVER's event ontology.

Cost: one Aho-Corasick pass per sentence (`triggers.TriggerIndex`) finds the few sentences that
name a codebook object or event; only those are cut into clauses and run the patterns whose
trigger words they hold. Pairing uses sorted offsets and bisection: linear in the text (up to a
log factor) whatever it holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from alliance_lib.analysis.codebook import PATTERN_LIST, compile_patterns
from alliance_lib.analysis.reference_data import capitals
from alliance_lib.analysis.triggers import TriggerIndex
from alliance_lib.config import NEGATION_REACH
from alliance_lib.datafiles import read_yaml, validate
from alliance_lib.errors import DataError
from alliance_lib.text.clauses import Clause, split_clauses
from alliance_lib.text.gazetteer import FormMatcher, names_by_id
from alliance_lib.text.model import Article

# Issue 21's fixed categories: ids exactly as written, so that analyses across articles line up.
CATEGORIES = (
    "spending",
    "acquisition",
    "capability_doctrine",
    "posture",
    "exercises",
    "information_sharing",
    "consultation",
    "agreement",
    "technology_export",
    "sanctions",
    "arms_control",
)
ACTOR_TYPES = ("country", "person", "organization")
HORIZON_TYPES = ("duration", "fiscal_year", "date")
PRECEDENT_KINDS = ("novelty", "constraint")
BLOCK_REACH = 40  # characters before an action (or its object) searched for a negation, modal...
HISTORY_YEARS = 20  # a clause naming only years this far before the article's is background
PREVIOUS_SENTENCES = 3  # how far back a clause naming no actor looks for one

_QUESTION = re.compile(
    r"\?[\"”’')\]]*\s*$"
)  # a question asserts no shift ("... to deploy missiles?")
_TEXT = {"type": "string", "minLength": 1}
_NAMES = {"type": "array", "items": _TEXT, "minItems": 1}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "actions",
        "shifts",
        "horizons",
        "precedents",
        "negations",
        "modality",
        "conditional_modals",
        "conditions",
        "requests",
        "scope_ends",
        "precedent_kept",
        "context",
        "context_share",
    ],
    "additionalProperties": False,
    "properties": {
        "actions": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": PATTERN_LIST,
            "propertyNames": {"minLength": 1},
        },
        "shifts": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "required": ["category", "label", "plover"],
                "anyOf": [{"required": ["objects"]}, {"required": ["events"]}],
                "additionalProperties": False,
                "properties": {
                    "category": {"enum": list(CATEGORIES)},
                    "label": _TEXT,
                    "plover": _TEXT,
                    "objects": PATTERN_LIST,
                    "events": PATTERN_LIST,
                    "actions": _NAMES,
                    "action_first": {"type": "boolean"},
                    "generic": {"type": "boolean"},
                    "overrides": _NAMES,
                },
            },
        },
        "horizons": PATTERN_LIST,
        "precedents": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["kind", "patterns"],
                "additionalProperties": False,
                "properties": {
                    "kind": {"enum": list(PRECEDENT_KINDS)},
                    "patterns": PATTERN_LIST,
                },
            },
        },
        "negations": PATTERN_LIST,
        "modality": PATTERN_LIST,
        "conditional_modals": PATTERN_LIST,
        "conditions": PATTERN_LIST,
        "requests": PATTERN_LIST,
        "scope_ends": PATTERN_LIST,
        "precedent_kept": PATTERN_LIST,
        "context": PATTERN_LIST,
        "context_share": {"type": "number", "minimum": 0, "maximum": 1},
    },
}


@dataclass(frozen=True)
class ShiftType:
    """A finer label of the codebook: its category, and how a clause mentions it."""

    id: str
    category: str
    label: str
    plover: str
    objects: re.Pattern[str] | None
    events: re.Pattern[str] | None
    actions: frozenset[str] | None  # the action names it allows with an object; None: any
    action_first: bool
    generic: bool  # outside a defence article, needs a context word in its own clause
    overrides: frozenset[str]


@dataclass(frozen=True)
class PolicyCodebook:
    types: dict[str, ShiftType]
    actions: dict[str, re.Pattern[str]]
    precedents: dict[str, tuple[str, re.Pattern[str]]]  # name -> (kind, pattern)
    horizons: re.Pattern[str]
    negation: re.Pattern[str]
    modality: re.Pattern[str]
    conditional_modal: re.Pattern[str]
    condition: re.Pattern[str]
    request: re.Pattern[str]
    scope_end: re.Pattern[str]
    kept: re.Pattern[str]
    context: re.Pattern[str]
    context_share: float  # a defence article: at least this share of sentences hold context
    triggers: TriggerIndex = field(repr=False, compare=False)

    @property
    def domains(self) -> dict[str, tuple[str, str]]:
        """Each type's (label, category), by id."""
        return {key: (t.label, t.category) for key, t in self.types.items()}


def load_policy_codebook(path: Path) -> PolicyCodebook:
    """Read the policy codebook and check it against `SCHEMA` and itself (actions and overrides
    named must exist; every pattern a type or action has must hold a literal trigger word);
    DataError names the file, the key and the problem."""
    document = read_yaml(path, "policy codebook")
    validate(path, document, SCHEMA, "policy codebook")
    assert isinstance(document, dict)
    actions = {
        str(name): compile_patterns(path, f"actions.{name}", patterns)
        for name, patterns in document["actions"].items()
    }
    types: dict[str, ShiftType] = {}
    gated: list[tuple[tuple[str, str], str, str]] = []  # (key, pattern, where)
    for name, patterns in document["actions"].items():
        gated += [(("action", str(name)), p, f"actions.{name}") for p in patterns]
    entries = document["shifts"]
    for key, entry in entries.items():
        where = f"shifts.{key}"
        allowed = entry.get("actions")
        for action in allowed or ():
            if action not in actions:
                raise DataError(f"{path}: {where}.actions names {action!r}, not one of `actions`")
        for other in entry.get("overrides", ()):
            if other not in entries:
                raise DataError(f"{path}: {where}.overrides names {other!r}, not a shift type")
        if entry.get("action_first") and "objects" not in entry:
            raise DataError(f"{path}: {where}.action_first needs objects to order")
        compiled = {}
        for part in ("objects", "events"):
            if part in entry:
                compiled[part] = compile_patterns(path, f"{where}.{part}", entry[part])
                gated += [((part, str(key)), p, f"{where}.{part}") for p in entry[part]]
        types[str(key)] = ShiftType(
            str(key),
            entry["category"],
            entry["label"],
            entry["plover"],
            compiled.get("objects"),
            compiled.get("events"),
            frozenset(allowed) if allowed else None,
            bool(entry.get("action_first", False)),
            bool(entry.get("generic", False)),
            frozenset(entry.get("overrides", ())),
        )
    precedents = {}
    for name, entry in document["precedents"].items():
        where = f"precedents.{name}.patterns"
        precedents[str(name)] = (entry["kind"], compile_patterns(path, where, entry["patterns"]))
        gated += [(("precedent", str(name)), p, where) for p in entry["patterns"]]
    gated += [(("context", ""), p, "context") for p in document["context"]]
    for key, pattern, where in gated:
        try:
            TriggerIndex([(key, pattern)])
        except ValueError as exc:
            raise DataError(f"{path}: {where}: {exc}; add a word every match contains") from exc
    pattern_list = {
        name: compile_patterns(path, name, document[name])
        for name in (
            "horizons",
            "negations",
            "modality",
            "conditional_modals",
            "conditions",
            "requests",
            "scope_ends",
            "precedent_kept",
            "context",
        )
    }
    return PolicyCodebook(
        types,
        actions,
        precedents,
        pattern_list["horizons"],
        pattern_list["negations"],
        pattern_list["modality"],
        pattern_list["conditional_modals"],
        pattern_list["conditions"],
        pattern_list["requests"],
        pattern_list["scope_ends"],
        pattern_list["precedent_kept"],
        pattern_list["context"],
        float(document["context_share"]),
        TriggerIndex((key, pattern) for key, pattern, _ in gated),
    )


# --- actors -----------------------------------------------------------------------------------

_RECIPIENT_BEFORE = re.compile(
    r"\b(?:on|against|to|from|into|towards?|targeting|in|near|at|outside|through|for)\s+"
    r"(?:the\s+)?(?:[A-Z][\w.-]*\s+)?$",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"^\s*(?:,|,?\s*(?:and|or))\s*(?:the\s+)?$", re.IGNORECASE)
# a name modifying the noun after it ("Russia's military", "20 Chinese companies"), not one
# followed by a function word or a reporting verb ("Britain and ...", "the United States said")
_MODIFIER_AFTER = re.compile(
    r"(?:[’']s\b|\s+(?!(?:and|or|but|nor|to|of|in|on|at|for|with|by|from|as|is|are|was|were"
    r"|has|have|had|will|would|can|could|may|might|said|says|say|told|announced|agreed|also"
    r"|which|who|that|then)\b)[a-z])"
)
_OWNER_OF = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,3}$")  # "Japan's new | national security strategy"


@lru_cache(maxsize=1)
def _capital_matcher() -> tuple[FormMatcher, dict[str, str]]:
    """Capitals' written forms (data/capitals.csv) and the name of the country each stands for."""
    names = names_by_id("country")
    forms = {
        form: names.get(str(iso3), str(iso3))
        for iso3, written in zip(capitals()["iso3"], capitals()["forms"], strict=True)
        for form in str(written).split("|")
    }
    return FormMatcher(forms), forms


@dataclass(frozen=True, slots=True)
class _Named:
    start: int
    end: int
    name: str


class _Actors:
    """Who each clause names: entities of ACTOR_TYPES and capitals, speakers of said-clauses out."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.names = article.entity_names()
        quoted = {(q.speaker, q.sentence): (q.start, q.end) for q in article.quotes if q.speaker}
        self.by_sentence: dict[int, list[_Named]] = {}
        for entity in article.entities:
            span = quoted.get((entity.id, entity.sentence))
            if entity.type not in ACTOR_TYPES or (span and not span[0] <= entity.start < span[1]):
                continue  # a speaker named in the said-clause of their own quotation
            self.by_sentence.setdefault(entity.sentence, []).append(
                _Named(entity.start, entity.end, entity.name)
            )
        self._with_capitals: set[int] = set()
        self.quotes = [(q.start, q.end, q.speaker) for q in article.quotes if q.speaker]

    def in_sentence(self, number: int) -> list[_Named]:
        """Everyone sentence `number` names, capitals included (found on first asking)."""
        if number not in self._with_capitals:
            self._with_capitals.add(number)
            sentence = self.article.sentences[number]
            matcher, forms = _capital_matcher()
            found = self.by_sentence.setdefault(number, [])
            taken = [(n.start, n.end) for n in found]
            for start, end in matcher.finditer(sentence.text):
                start, end = start + sentence.start, end + sentence.start
                if not any(s < end and start < e for s, e in taken):
                    found.append(_Named(start, end, forms[self.article.text[start:end]]))
            found.sort(key=lambda n: n.start)
        return self.by_sentence[number]

    def roles(
        self, clause: Clause, pivot: int | None = None, owned: Sequence[int] = ()
    ) -> tuple[list[str], list[str]]:
        """(actors, recipients) named in `clause` (PLOVER's actor and recipient). A name after
        "on", "against", "to", "from"... (or in a list after one) is a recipient; so is one after
        the `pivot` (the shift's action) that modifies a noun ("added 20 Chinese companies",
        "gives American troops access", "supplying Russia's military"), unless it owns one of
        the shift's objects, starting at `owned` ("in Japan's new national security strategy",
        "Sweden's membership bid"): an owner is an actor."""
        text = self.article.text
        actors: dict[str, None] = {}
        recipients: dict[str, None] = {}
        previous: _Named | None = None
        previous_recipient = False
        for named in self.in_sentence(clause.sentence):
            if not clause.start <= named.start < clause.end:
                continue
            before = text[max(clause.start, named.start - 40) : named.start]
            joined = previous is not None and _LIST_JOIN.match(text[previous.end : named.start])
            owner = any(
                named.end < start and _OWNER_OF.match(text[named.end : start]) for start in owned
            )
            recipient = not owner and (
                bool(_RECIPIENT_BEFORE.search(before))
                or bool(joined and previous_recipient)
                or (
                    pivot is not None
                    and named.start > pivot
                    and _MODIFIER_AFTER.match(text, named.end) is not None
                )
            )
            (recipients if recipient else actors).setdefault(named.name)
            previous, previous_recipient = named, recipient
        return list(actors), [r for r in recipients if r not in actors]

    def speaker(self, clause: Clause) -> str | None:
        """The speaker of the quotation holding `clause`, if any ("we" in a quotation)."""
        for start, end, speaker in self.quotes:
            if start < clause.end and clause.start < end and speaker:
                return self.names.get(speaker, speaker)
        return None


# --- mentions ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    name: str
    start: int
    end: int
    text: str


@dataclass
class _Mention:
    type: str
    clause: int
    sentence: int
    start: int  # the object's or event's span, for the nearest-precedent rule
    end: int
    evidence: str
    actions: list[str]
    pivot: int  # where its action starts: names after it that modify a noun are recipients
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    horizon: list[str] = field(default_factory=list)


def _hits(pattern: re.Pattern[str], name: str, text: str, offset: int) -> list[_Hit]:
    return [
        _Hit(name, offset + m.start(), offset + m.end(), m.group(0))
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]


def _outermost(hits: list[_Hit]) -> list[_Hit]:
    """Drop a hit lying inside a longer hit ("missile" inside "long-range missile"): the more
    specific phrase decides. One sort, one sweep."""
    kept: list[_Hit] = []
    reach: _Hit | None = None
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if reach and reach.end >= hit.end and (reach.start, reach.end) != (hit.start, hit.end):
            continue
        kept.append(hit)
        if reach is None or hit.end > reach.end:
            reach = hit
    return kept


class _Blockers:
    """The negations, modals and requests of one sentence, and the subordinating words that end
    their scope ("refused to pursue nuclear weapons as it doubles ..."), for window look-ups."""

    def __init__(self, codebook: PolicyCodebook, text: str, offset: int) -> None:
        patterns = [codebook.negation, codebook.modality, codebook.request]
        if codebook.condition.search(text):
            patterns.append(codebook.conditional_modal)
        spans = sorted(
            (offset + m.start(), offset + m.end()) for p in patterns for m in p.finditer(text)
        )
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        self.breaks = [offset + m.start() for m in codebook.scope_end.finditer(text)]

    def any_in(self, low: int, high: int) -> bool:
        """Whether a blocker starts in [low, high) with no scope end between it and `high`
        (the nearest such blocker decides: any earlier one is cut off too)."""
        last = bisect_left(self.starts, high) - 1
        if last < 0 or self.starts[last] < low:
            return False
        end = self.ends[last]
        return bisect_left(self.breaks, end) == bisect_left(self.breaks, high)


class _Objects:
    """A clause's object hits, to ask whether one that an action could govern lies between the
    action and another object (the action then governs the nearer one: "create a special fund
    ... to re-equip its armed forces" creates the fund, not the forces; "approved the alliance's
    defence plans" approves the plans, since an alliance is not approved)."""

    def __init__(self, hits: list[_Hit], types: dict[str, ShiftType]) -> None:
        self.hits = sorted(hits, key=lambda h: h.start)
        self.types = types
        self._by_action: dict[str, tuple[list[int], list[str], list[int]]] = {}

    def _governable(self, action: str) -> tuple[list[int], list[str], list[int]]:
        """Starts, types and run numbers (growing where the type changes) of the hits whose
        type allows `action`, built once per action name."""
        if action not in self._by_action:
            hits = [
                h
                for h in self.hits
                if self.types[h.name].actions is None or action in self.types[h.name].actions
            ]
            runs: list[int] = []
            for index, hit in enumerate(hits):
                runs.append((runs[-1] + (hits[index - 1].name != hit.name)) if index else 0)
            self._by_action[action] = ([h.start for h in hits], [h.name for h in hits], runs)
        return self._by_action[action]

    def other_between(self, low: int, high: int, name: str, action: str) -> bool:
        """Whether a hit of a type other than `name` that allows `action` starts in [low, high)."""
        starts, names, runs = self._governable(action)
        first, last = bisect_left(starts, low), bisect_left(starts, high) - 1
        if first > last:
            return False
        return runs[first] != runs[last] or names[first] != name


def _paired(
    obj: _Hit,
    actions: list[_Hit],
    starts: list[int],
    kind: ShiftType,
    blockers: _Blockers,
    objects: _Objects,
    floor: int,
) -> _Hit | None:
    """The action nearest to `obj` (before it, or after it unless the type wants the action
    first) that governs it: no object of another type between them, and no blocker within
    BLOCK_REACH before the earlier of the two or between them. `actions` are the clause's
    actions the type allows, sorted, `starts` their starts."""
    at = bisect_left(starts, obj.start)
    candidates = []
    for index in (at - 1, at - 2):  # before: the nearest that does not overlap the object
        if 0 <= index and actions[index].end <= obj.start:
            candidates.append(actions[index])
            break
    if not kind.action_first:
        for index in (at, at + 1):
            if index < len(actions) and actions[index].start >= obj.end:
                candidates.append(actions[index])
                break
    best = None
    for action in candidates:
        low, high = min(action.start, obj.start), max(action.start, obj.start)
        between = (action.end, obj.start) if action.start < obj.start else (obj.end, action.start)
        reach = max(floor, low - BLOCK_REACH)
        if (
            blockers.any_in(reach, action.start)
            or blockers.any_in(reach, obj.start)
            or objects.other_between(*between, obj.name, action.name)
        ):
            continue
        gap = max(0, high - min(action.end, obj.end))
        if best is None or gap < best[0]:
            best = (gap, action)
    return best[1] if best else None


class _Analysis:
    """Mentions and precedents of one article: the work `policy_shifts` and `shift_mentions` share."""

    def __init__(self, article: Article, codebook: PolicyCodebook) -> None:
        self.article = article
        self.codebook = codebook
        self.actors = _Actors(article)
        self.clauses: list[Clause] = []
        self.mentions: list[_Mention] = []
        self.precedents: list[dict[str, Any]] = []
        self._now: int | None = None
        candidates = []
        self.context: list[bool] = []  # each sentence: does it hold a defence context word?
        for number, sentence in enumerate(article.sentences):
            keys = codebook.triggers.keys(sentence.text)
            self.context.append(
                ("context", "") in keys and codebook.context.search(sentence.text) is not None
            )
            if any(kind in ("objects", "events") for kind, _ in keys) and not _QUESTION.search(
                sentence.text
            ):
                candidates.append((number, keys))
        share = sum(self.context) / len(self.context) if self.context else 0.0
        self.defence_article = share >= codebook.context_share
        for number, keys in candidates:
            if (
                self.defence_article
                or self.context[number]
                or (number and self.context[number - 1])
            ):
                self._sentence(number, keys)

    def _sentence(self, number: int, keys: set[Any]) -> None:
        codebook, sentence = self.codebook, self.article.sentences[number]
        text, offset = sentence.text, sentence.start
        clauses = split_clauses(text, offset, number)
        first = len(self.clauses)
        self.clauses += clauses
        starts = [c.start for c in clauses]

        def clause_of(position: int) -> int:
            return max(0, bisect_right(starts, position) - 1)

        objects: list[list[_Hit]] = [[] for _ in clauses]
        events: list[list[_Hit]] = [[] for _ in clauses]
        actions: list[list[_Hit]] = [[] for _ in clauses]
        for kind, name in sorted(keys):
            if kind == "objects":
                pattern = codebook.types[name].objects
                into = objects
            elif kind == "events":
                pattern = codebook.types[name].events
                into = events
            elif kind == "action":
                pattern, into = codebook.actions[name], actions
            else:
                continue
            assert pattern is not None
            for hit in _hits(pattern, name, text, offset):
                into[clause_of(hit.start)].append(hit)
        blockers = _Blockers(codebook, text, offset)
        found: dict[int, list[_Mention]] = {}
        for index, clause in enumerate(clauses):
            mentions = self._clause(
                first + index,
                clause,
                _outermost(objects[index]),
                events[index],
                actions[index],
                blockers,
            )
            if mentions:
                found[index] = mentions
        for index, mentions in found.items():
            self._describe(clauses, index, mentions)
            self.mentions += mentions
        if found:
            self._precedents(number, keys, clauses, found, clause_of)

    def _clause(
        self,
        number: int,
        clause: Clause,
        objects: list[_Hit],
        events: list[_Hit],
        actions: list[_Hit],
        blockers: _Blockers,
    ) -> list[_Mention]:
        """The shift types `clause` mentions, one mention each (first evidence in the clause)."""
        types = self.codebook.types
        actions.sort(key=lambda h: h.start)
        allowed: dict[str, tuple[list[_Hit], list[int]]] = {}
        found: dict[str, _Mention] = {}
        for hit in sorted(events, key=lambda h: h.start):
            if hit.name in found or blockers.any_in(
                max(clause.start, hit.start - BLOCK_REACH), hit.start
            ):
                continue
            inside = [a.name for a in actions if a.start < hit.end and hit.start < a.end]
            found[hit.name] = _Mention(
                hit.name, number, clause.sentence, hit.start, hit.end, hit.text, inside, hit.start
            )
        index = _Objects(objects, types)
        for hit in objects:
            kind = types[hit.name]
            if kind.id not in allowed:
                usable = [a for a in actions if kind.actions is None or a.name in kind.actions]
                allowed[kind.id] = (usable, [a.start for a in usable])
            usable, starts = allowed[kind.id]
            action = _paired(hit, usable, starts, kind, blockers, index, clause.start)
            if action is None:
                continue
            if hit.name in found:
                mention = found[hit.name]
                if action.name not in mention.actions:
                    mention.actions.append(action.name)
                continue
            found[hit.name] = _Mention(
                hit.name,
                number,
                clause.sentence,
                hit.start,
                hit.end,
                hit.text,
                [action.name],
                action.start,
            )
        overridden = {o for name in found for o in types[name].overrides}
        if not self.defence_article and self.codebook.context.search(clause.text) is None:
            overridden |= {name for name in found if types[name].generic}
        mentions = sorted(
            (m for name, m in found.items() if name not in overridden), key=lambda m: m.start
        )
        if mentions and self._background(clause):
            return []
        return mentions

    def _describe(self, clauses: list[Clause], index: int, mentions: list[_Mention]) -> None:
        """Who and when for the mentions of `clauses[index]`: the clause's own actors, else those
        of the nearest earlier clause of its sentence naming any, the speaker of the quotation
        holding it, or those of the nearest of the PREVIOUS_SENTENCES sentences naming any (the
        actors of its shifts when it has some)."""
        clause = clauses[index]
        actors, recipients = self.actors.roles(
            clause, min(m.pivot for m in mentions), [m.start for m in mentions]
        )
        earlier = index - 1
        while not actors and earlier >= 0:
            actors = self.actors.roles(clauses[earlier])[0]
            earlier -= 1
        if not actors and (speaker := self.actors.speaker(clause)):
            actors = [speaker]
        back = clause.sentence - 1
        while not actors and back >= max(0, clause.sentence - PREVIOUS_SENTENCES):
            actors = self._sentence_actors(back)
            back -= 1
        horizon = self._horizon(clause)
        for mention in mentions:
            mention.actors, mention.recipients, mention.horizon = actors, recipients, horizon

    def _sentence_actors(self, number: int) -> list[str]:
        """The actors of sentence `number`: those of its shifts, else every clause's."""
        own = [a for m in self.mentions if m.sentence == number for a in m.actors]
        if own:
            return list(dict.fromkeys(own))
        sentence = self.article.sentences[number]
        clauses = split_clauses(sentence.text, sentence.start, number)
        return list(dict.fromkeys(a for c in clauses for a in self.actors.roles(c)[0]))

    def _horizon(self, clause: Clause) -> list[str]:
        """Time phrases in the clause (codebook `horizons`, and the parser's durations, fiscal
        years and dates), of overlapping phrases the longest, in text order."""
        spans = [
            _Hit("", clause.start + m.start(), clause.start + m.end(), m.group(0))
            for m in self.codebook.horizons.finditer(clause.text)
        ]
        spans += [
            _Hit("", c.start, c.end, c.text)
            for c in self.article.claims
            if c.type in HORIZON_TYPES
            and c.sentence == clause.sentence
            and clause.start <= c.start < clause.end
        ]
        kept: list[_Hit] = []  # of spans that overlap ("in November", "November 2022"), the longest
        group_end = -1
        for span in sorted(spans, key=lambda h: (h.start, -h.end)):
            if span.start < group_end:
                if span.end - span.start > kept[-1].end - kept[-1].start:
                    kept[-1] = span
                group_end = max(group_end, span.end)
                continue
            kept.append(span)
            group_end = span.end
        return list(dict.fromkeys(h.text for h in kept))

    def _background(self, clause: Clause) -> bool:
        """A clause whose years are all HISTORY_YEARS or more before the article's (the
        reference date's, else the latest it names): background ("closed its last bases in
        1992"), not a shift (PLOVER's historical mode)."""
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", clause.text)]
        if not years:
            return False
        if self._now is None:
            if self.article.reference_date:
                self._now = int(self.article.reference_date[:4])
            else:
                named = re.findall(r"\b(?:19|20)\d\d\b", self.article.text)
                self._now = max(int(y) for y in named)
        return max(years) <= self._now - HISTORY_YEARS

    def _precedents(
        self,
        number: int,
        keys: set[Any],
        clauses: list[Clause],
        found: dict[int, list[_Mention]],
        clause_of: Any,
    ) -> None:
        codebook, sentence = self.codebook, self.article.sentences[number]
        for kind_key, name in sorted(keys):
            if kind_key != "precedent":
                continue
            kind, pattern = codebook.precedents[name]
            for hit in _hits(pattern, name, sentence.text, sentence.start):
                index = clause_of(hit.start)
                clause = clauses[index]
                home = index
                if index not in found and clause.dependent and index > 0:
                    home = index - 1
                if home not in found:
                    continue
                nearest = min(
                    found[home],
                    key=lambda m: (max(0, max(hit.start, m.start) - min(hit.end, m.end)), m.start),
                )
                if kind == "constraint":
                    intact = bool(codebook.negation.search(clause.text)) or bool(
                        codebook.kept.search(clause.text)
                    )
                else:
                    before = self.article.text[
                        max(clause.start, hit.start - NEGATION_REACH) : hit.start
                    ]
                    intact = _negated_marker(codebook.negation).search(before) is not None
                self.precedents.append(
                    {
                        "type": nearest.type,
                        "precedent": name,
                        "kind": kind,
                        "broken": not intact,
                        "marker": hit.text,
                        "clause": clause.text,
                        "sentence": number,
                    }
                )


@lru_cache(maxsize=8)
def _negated_marker(negation: re.Pattern[str]) -> re.Pattern[str]:
    """A negation right before a novelty marker ("not historic", "not a first")."""
    return re.compile(rf"(?:{negation.pattern})\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE)


def _join(items: Iterable[str]) -> str:
    return "; ".join(dict.fromkeys(items))


MENTION_COLUMNS = [
    "sentence",
    "shift",
    "category",
    "actions",
    "actors",
    "recipients",
    "time_horizon",
    "evidence",
    "clause",
    "start",
    "end",
]


def shift_mentions(article: Article, codebook: PolicyCodebook) -> pd.DataFrame:
    """One row per clause and shift type it mentions: the mentions the shifts are built from."""
    analysis = _Analysis(article, codebook)
    rows = [
        {
            "sentence": m.sentence,
            "shift": m.type,
            "category": codebook.types[m.type].category,
            "actions": _join(m.actions),
            "actors": _join(m.actors),
            "recipients": _join(m.recipients),
            "time_horizon": _join(m.horizon),
            "evidence": m.evidence,
            "clause": analysis.clauses[m.clause].text,
            "start": analysis.clauses[m.clause].start,
            "end": analysis.clauses[m.clause].end,
        }
        for m in analysis.mentions
    ]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


SHIFT_COLUMNS = [
    "shift",
    "category",
    "domain_label",
    "actors",
    "recipients",
    "actions",
    "objects",
    "time_horizon",
    "precedent_broken",
    "precedent_clause",
    "precedent_kept",
    "sentences",
    "mentions",
    "first_sentence_text",
]


def policy_shifts(article: Article, codebook: PolicyCodebook) -> pd.DataFrame:
    """One row per distinct shift (codebook type), first mentioned first.

    `category` is one of `CATEGORIES` and `domain_label` the type's finer label; `sentences`
    lists every sentence mentioning it; `precedent_broken` the precedents its own clauses say it
    breaks, with `precedent_clause` the clause each came from; `precedent_kept` precedents
    mentioned beside it that the text says still hold.
    """
    return pd.DataFrame(shift_records(article, codebook), columns=SHIFT_COLUMNS)


def shift_records(article: Article, codebook: PolicyCodebook) -> list[dict[str, Any]]:
    """`policy_shifts`' rows as dicts (`SHIFT_COLUMNS`), without pandas: corpus mode builds its
    columns from them, for every article of a corpus."""
    analysis = _Analysis(article, codebook)
    return _shift_rows(article, codebook, analysis.mentions, analysis.precedents)


def _shift_rows(
    article: Article,
    codebook: PolicyCodebook,
    mentions: Sequence[_Mention],
    precedents: Sequence[dict[str, Any]],
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for kind in dict.fromkeys(m.type for m in ordered):
        own = [m for m in ordered if m.type == kind]
        broken = [p for p in precedents if p["type"] == kind and p["broken"]]
        kept = [p for p in precedents if p["type"] == kind and not p["broken"]]
        actors = [a for m in own for a in m.actors]
        recipients = _join(r for m in own for r in m.recipients if r not in actors)
        rows.append(
            {
                "shift": kind,
                "category": codebook.types[kind].category,
                "domain_label": codebook.types[kind].label,
                "actors": _join(actors),
                "recipients": recipients,
                "actions": _join(a for m in own for a in m.actions),
                "objects": _join(m.evidence for m in own),
                "time_horizon": _join(h for m in own for h in m.horizon),
                "precedent_broken": _join(p["precedent"] for p in broken),
                "precedent_clause": " | ".join(
                    f"{p['precedent']}: “{p['clause']}” (sentence {p['sentence']})" for p in broken
                ),
                "precedent_kept": _join(p["precedent"] for p in kept),
                "sentences": sorted({m.sentence for m in own}),
                "mentions": len(own),
                "first_sentence_text": article.sentences[own[0].sentence].text,
            }
        )
    return rows
