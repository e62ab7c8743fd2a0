"""Whose money, share or target each spending claim is (`Claim.owner`), read in its own clause.

A spending claim is a share of GDP, a multiple, an amount, a percent, a duration or a fiscal year
in a sentence about spending (`about_spending`). Its owner, the first rule that gives one, in the
claim's clause:
1. possessive: a country, a capital, an organisation or an alliance word followed within three
   words by a spending or target word or by the claim itself ("Japan's defense spending",
   "Canberra's defence budget", "Britain's 2.5 percent pledge", "the German defence budget",
   "allies' floor"), or a person's possessive before a government or spending word ("Kishida's
   government": the country the gazetteer gives the person); the nearest such before the claim,
   else the first after it;
2. subject: the first country, capital, organisation or alliance word of the clause before the
   claim (after the last reporting verb before the claim when one follows it: "officials said
   Japan will ..."), leaving out one that a preposition makes an object ("unlike France", "to
   Ukraine"); owners joined by "and" or commas ("Estonia, Lithuania and Latvia") are several:
   no owner; then a possessive with its "’s" after the claim ("double Japan’s defense
   spending"), then the first of them after the claim when a comma or a relative pronoun
   introduces it ("the 3 percent that EU members promised"; not "praised by NATO
   allies");
3. a clause that decides none of these: the clause before it in its sentence, by the same
   rules ("Rome's plan ..., and a later promise to spend up to 90 billion euros");
4. still none, and the clause says "it", "its", "they" or "their": the owner of the previous
   sentence's subject, in the same paragraph.
Otherwise no owner. An owner is an ISO alpha-3 code or an organisation of `ORGANISATIONS` (NATO,
EU). "The alliance", "allies" and "allied" are the alliance organisation the article names, the
latest before them (NATO in a summit story); after a bilateral alliance ("the U.S.-Japan
alliance", "the two nations' alliance", "their alliance") or a pact of several countries (AUKUS,
the Quad, the G7) they are several countries: no owner (in the seed "the alliance" is the
US-Japan alliance). "The bloc" is the EU where the article names it. `Claim.owner_cue` quotes
the words that gave the owner, or says why there is none. A country inside an amount or naming
a currency ("38.6 billion Canadian dollars", "in today's United States dollars") is no owner.

Currencies several share ("dollars", "pounds", "won") are resolved here by the owner
(`text.currencies.resolve`). One pass over the entities and one regular expression pass per
sentence: linear in the article's length.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import islice

from alliance_lib.config import CAPITALS_FILE, OWNED_WITHIN
from alliance_lib.errors import DataError
from alliance_lib.text import currencies
from alliance_lib.text.claims import written_currency
from alliance_lib.text.clauses import Clause, split_clauses
from alliance_lib.text.gazetteer import Gazetteer
from alliance_lib.text.lexicon import (
    GOVERNMENT_WORDS,
    OBJECT_PREPOSITIONS,
    SPEECH_VERBS,
    SPENDING_WORDS,
    TARGET_WORDS,
    alternation,
    word_alternation,
)
from alliance_lib.text.model import Claim, Entity, Sentence, sentence_locator

# Claim types that can be spending claims (in a sentence about spending).
SPENDING_TYPES = ("share_of_gdp", "multiplier", "duration", "amount", "percent", "fiscal_year")
# Organisations that can own a claim (gazetteer id -> owner code), and whether "the alliance" or
# "allies" can name it.
ORGANISATIONS = {"nato": ("NATO", True), "eu": ("EU", False)}
# Named groupings of several countries: "the alliance" after one of them names no single owner.
SEVERAL = frozenset({"aukus", "quad", "g7"})
_APOSTROPHES = ("’s", "'s", "’", "'")
# "alliance", "allies", "allied", "bloc" as whole words, any case; written to open with a
# character class so that a search skips at C speed to an "a" or a "b" (`(?i)\b(?:...)` was
# tried at every position of every sentence).
_ALLIANCE = re.compile(r"[AaBb](?<!\w.)(?i:(?<=a)lli(?:ance|e[sd])|(?<=b)loc)(?!\w)")
_BILATERAL = re.compile(
    r"(?i)(?:\b(?:their|our|bilateral|two\s+(?:nations|countries)[’']?|nations[’']|countries[’'])"
    r"\s+(?:[a-z-]+\s+)?|[A-Za-z.]+-[A-Za-z.]+\s+(?:[a-z-]+\s+)?)$"
)
_VERB = re.compile(rf"\b{alternation(SPEECH_VERBS)}\b")
_PRONOUN = re.compile(r"(?i)\b(?:it|its|they|their)\b")
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?")
_WORD = re.compile(r"[\w’'-]+")
_DETERMINERS = frozenset({"the", "a", "an"})
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")  # a capital followed by a capitalised word
# A subject after the claim opens a clause about it: after a comma or a relative pronoun.
_AFTER_OPENERS = frozenset({",", "that", "which", "who", "as"})


def about_spending(text: str) -> bool:
    """Whether `text` talks about spending: it holds one of `lexicon.SPENDING_WORDS`, any case."""
    lowered = text.lower()
    return any(word in lowered for word in SPENDING_WORDS)


@dataclass(frozen=True, slots=True)
class Referent:
    """A span that can own a claim: a country, capital, organisation, person or alliance word."""

    start: int
    end: int
    text: str
    owner: str | None  # None: several countries (a bilateral alliance)
    kind: str  # "country", "capital", "organisation", "alliance" or "person"
    cue: str = ""  # how an alliance word was resolved


@cache
def capital_rows() -> tuple[dict[str, str], ...]:
    """The rows of data/capitals.csv (iso3, capital, forms, source); DataError naming the file."""
    try:
        with open(CAPITALS_FILE, encoding="utf-8", newline="") as handle:
            rows = tuple(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{CAPITALS_FILE}: capitals table not readable ({exc})") from exc
    for number, row in enumerate(rows, start=2):
        if not all((row.get(key) or "").strip() for key in ("iso3", "capital", "forms")):
            raise DataError(
                f"{CAPITALS_FILE}: line {number}: every row needs iso3, capital and forms"
            )
    return rows


@cache
def _capitals() -> tuple[re.Pattern[str], dict[str, str]]:
    """One whole-word alternation of every capital's written forms, and form -> ISO3."""
    forms = {form: row["iso3"] for row in capital_rows() for form in row["forms"].split("|")}
    return re.compile(word_alternation(forms, end=r"(?!\w)")), forms


def capital_mentions(
    text: str, sentences: Sequence[Sentence]
) -> list[tuple[int, int, str, str, int]]:
    """(start, end, text, ISO3, sentence) of every capital named in the sentences."""
    pattern, forms = _capitals()
    return [
        (m.start(), m.end(), m.group(), forms[m.group()], number)
        for number, sentence in enumerate(sentences)
        for m in pattern.finditer(text, sentence.start, sentence.end)
    ]


def referents(
    text: str, sentences: Sequence[Sentence], entities: Sequence[Entity], gazetteer: Gazetteer
) -> list[Referent]:
    """Every span that can own a claim, in text order, alliance words resolved."""
    found: list[Referent] = []
    named: list[tuple[int, str | None, str]] = []  # alliance organisations and pacts, in order
    for e in entities:
        if e.type == "country":
            found.append(Referent(e.start, e.end, e.text, e.id, "country"))
        elif e.type == "organization" and e.id in ORGANISATIONS:
            code, alliance = ORGANISATIONS[e.id]
            found.append(Referent(e.start, e.end, e.text, code, "organisation"))
            if alliance:
                named.append((e.start, code, f"“{e.text}”"))
        elif e.type == "organization" and e.id in SEVERAL:
            named.append((e.start, None, f"“{e.text}”, a pact of several countries"))
        elif e.type == "person":
            entry = gazetteer.entries.get(e.id)
            if entry is not None and entry.country:
                found.append(Referent(e.start, e.end, e.text, entry.country, "person"))
    for start, end, said, iso3, _ in capital_mentions(text, sentences):
        if not _NAME_GOES_ON.match(text, end):  # "the Washington Post", "the Warsaw Pact"
            found.append(Referent(start, end, said, iso3, "capital"))
    found.sort(key=lambda r: r.start)
    named.sort(key=lambda n: n[0])
    alliances = {code for _, code, _ in named if code}
    has_eu = any(e.type == "organization" and e.id == "eu" for e in entities)
    resolver = _Alliances(
        text, found, named, alliances.pop() if len(alliances) == 1 else None, has_eu
    )
    words = [
        resolver.resolve(sentence.start, match)
        for sentence in sentences
        for match in _ALLIANCE.finditer(text, sentence.start, sentence.end)
    ]
    merged = {r.start for r in words}  # an organisation named with its alliance word
    found = [r for r in found if r.kind != "organisation" or r.start not in merged]
    return sorted(found + words, key=lambda r: r.start)


class _Alliances:
    """Alliance words resolved in text order, against the latest alliance context before each
    (an alliance organisation, a pact of several countries, a bilateral alliance): linear."""

    def __init__(
        self,
        text: str,
        found: list[Referent],
        named: list[tuple[int, str | None, str]],
        only: str | None,
        has_eu: bool,
    ) -> None:
        self.text, self.found, self.named, self.only, self.has_eu = text, found, named, only, has_eu
        self.starts = [r.start for r in found]
        self.next_named = 0
        self.latest: tuple[str | None, str] | None = None

    def resolve(self, lowest: int, match: re.Match[str]) -> Referent:
        start, end, word = match.start(), match.end(), match.group()
        while self.next_named < len(self.named) and self.named[self.next_named][0] < start:
            _, owner, said = self.named[self.next_named]
            self.latest = (owner, said)
            self.next_named += 1
        if word.lower() == "bloc":
            owner = "EU" if self.has_eu else None
            how = (
                "the EU, the bloc the article names"
                if owner
                else "a bloc the article does not name"
            )
            return Referent(start, end, word, owner, "alliance", how)
        k = bisect_left(self.starts, start) - 1
        if k >= 0 and self.found[k].kind == "organisation" and start - self.found[k].end <= 3:
            before = self.found[k]  # "NATO allies": one referent from "NATO" on (`referents`)
            said = self.text[before.start : end]
            return Referent(before.start, end, said, before.owner, "alliance", f"“{said}”")
        if _BILATERAL.search(self.text, max(lowest, start - 40), start):
            self.latest = (None, "a bilateral alliance")
            return Referent(
                start, end, word, None, "alliance", "a bilateral alliance: several countries"
            )
        if self.latest is not None:
            owner, said = self.latest
            how = (
                f"the alliance named before it ({said})"
                if owner
                else f"after {said}: several countries"
            )
            return Referent(start, end, word, owner, "alliance", how)
        if self.only is not None:
            return Referent(
                start,
                end,
                word,
                self.only,
                "alliance",
                f"{self.only}, the only alliance the article names",
            )
        return Referent(start, end, word, None, "alliance", "no alliance named in the article")


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _names_a_currency(text: str, referent: Referent) -> bool:
    """Whether a country and the word after it name a currency ("Canadian dollars")."""
    word = _NEXT_WORD.match(text, referent.end)
    if word is None or referent.kind != "country":
        return False
    form = currencies.form_of(f"{referent.text} {word.group(1)}".lower())
    return form is not None and form.kind == "name"


def _owns(referent: Referent, word: str) -> bool:
    """Whether a word after a referent is one it can own: a spending or target word (after a
    person: a government word)."""
    word = word.lower()
    if referent.kind == "person":
        return word in GOVERNMENT_WORDS
    if currencies.form_of(word) is not None:  # "United States dollars", "Japanese yen"
        return False
    return word in TARGET_WORDS or about_spending(word)


def _after(text: str, referent: Referent, clause_end: int) -> tuple[str, list[re.Match[str]]]:
    """The possessive mark right after a referent ("’s", or "" for an adjective) and the words
    it can own: up to `OWNED_WITHIN` after a mark, the next word only without one (none for a
    person, or when punctuation follows)."""
    tail = text[referent.end : min(clause_end, referent.end + 3)]
    mark = next((a for a in _APOSTROPHES if tail.startswith(a)), "")
    if not mark and (referent.kind == "person" or not tail[:1].isspace()):
        return mark, []
    reach = OWNED_WITHIN if mark else 1
    words = _WORD.finditer(text, referent.end + len(mark), clause_end)
    return mark, list(islice(words, reach + OWNED_WITHIN))


def _possessive(text: str, referent: Referent, clause_end: int) -> str | None:
    """The possessive phrase when `referent` owns a spending or target word ("Japan’s defense
    spending", "the German defence budget", "Kishida’s government"), else None."""
    mark, words = _after(text, referent, clause_end)
    reach = OWNED_WITHIN if mark else 1
    for k, word in enumerate(words[:reach]):
        if _owns(referent, word.group()):
            last = word
            for following in words[k + 1 :]:
                if not _owns(referent, following.group()):
                    break
                last = following
            return text[referent.start : last.end()]
    return None


def _leads_to(text: str, referent: Referent, claim: Claim, clause_end: int) -> bool:
    """Whether the claim follows the referent's possessive mark within its reach ("Britain’s
    2.5 percent pledge")."""
    mark, words = _after(text, referent, clause_end)
    reach = OWNED_WITHIN if mark else 1
    return any(claim.start <= word.start() < claim.end for word in words[:reach])


def _object(
    text: str,
    clause_start: int,
    referent: Referent,
    prepositions: frozenset[str] = OBJECT_PREPOSITIONS,
) -> bool:
    """Whether a preposition before the referent makes it an object ("unlike France")."""
    words = [
        w.lower()
        for w in text[max(clause_start, referent.start - 40) : referent.start].split()[-2:]
    ]
    while words and words[-1] in _DETERMINERS:
        words.pop()
    return bool(words) and words[-1].strip(",") in prepositions


def _objects(text: str, clause_start: int, found: list[Referent]) -> list[bool]:
    """Which referents a preposition makes objects: each on its own (`_object`), and every
    member of a list whose first member is one ("from China and the United States"; a list is
    joined by "and" or "&", commas between; "Unlike France, Germany" is no list)."""
    flags = [_object(text, clause_start, r) for r in found]
    k = 0
    while k < len(found):
        end = k
        listed = False
        while end + 1 < len(found):
            joiner = _JOINED.fullmatch(text, found[end].end, found[end + 1].start)
            if joiner is None:
                break
            listed = listed or not joiner.group().strip().startswith(",") or "and" in joiner.group()
            end += 1
        if listed and flags[k]:
            for j in range(k, end + 1):
                flags[j] = True
        k = end + 1
    return flags


@dataclass(frozen=True)
class Ownership:
    owner: str | None
    cue: str
    decided: bool  # False: the clause names no one (a pronoun or the clause before may)


NO_ONE = Ownership(None, "no country or organisation named in the clause", False)


class _ClauseOwners:
    """One clause's possible owners, read once: its referents, their possessives, the subjects
    (no persons, no objects) and its reporting verbs; each claim then needs only bisections."""

    def __init__(self, text: str, clause: Clause, found: list[Referent]) -> None:
        self.text, self.clause, self.referents = text, clause, found
        self.starts = [r.start for r in found]
        self.possessives = [
            (r, phrase, _after(text, r, clause.end)[0] != "")
            for r in found
            if (phrase := _possessive(text, r, clause.end)) is not None
        ]
        self.possessive_starts = [p[0].start for p in self.possessives]
        self.subjects = [
            r
            for r, is_object in zip(found, _objects(text, clause.start, found), strict=True)
            if r.kind != "person" and not is_object
        ]
        self.subject_starts = [r.start for r in self.subjects]
        self.verbs = [m.end() for m in _VERB.finditer(text, clause.start, clause.end)]
        self._runs: dict[int, Ownership] = {}

    def owner(self, claim: Claim) -> Ownership:
        """A possessive before the claim, else the subject before it, else a possessive after it
        with its "’s" ("double Japan's defense spending"), else a subject after it that no preposition makes an
        object ("..., Germany said"; "the 3 percent that EU members promised", not "praised by
        NATO partners"); else undecided."""
        i = bisect_left(self.starts, claim.start)  # "1.2 percent of Italy's GDP"
        if claim.type == "share_of_gdp" and i < len(self.starts) and self.starts[i] < claim.end:
            return _possessed(self.referents[i], claim.text)
        k = bisect_left(self.possessive_starts, claim.start) - 1
        before = self.possessives[k] if k >= 0 else None
        j = bisect_left(self.starts, claim.start) - 1
        if j >= 0 and _leads_to(self.text, self.referents[j], claim, self.clause.end):
            referent = self.referents[j]
            if before is None or before[0].start < referent.start:
                before = (referent, self.text[referent.start : claim.end], True)
        if before is not None:
            return _possessed(before[0], before[1])
        found = self._subject_before(claim.start)
        if found.decided:
            return found
        after = next((p for p in self.possessives[k + 1 :] if p[2]), None)
        if after is not None:  # only a possessive with its "’s" ("double Japan’s spending")
            return _possessed(after[0], after[1])
        m = bisect_left(self.subject_starts, claim.end)  # the first subject after the claim
        if m < len(self.subjects) and self._opens_clause(claim.end, self.subjects[m]):
            return self._run(m)
        return NO_ONE

    def _opens_clause(self, after: int, referent: Referent) -> bool:
        """Whether a referent after the claim is the subject of a clause about it: after a comma
        or a relative pronoun, no preposition between ("..., Germany said"; "the 2 percent that
        EU members promised"; not "praised by NATO partners", "will leave U.S. ...")."""
        words = self.text[max(after, referent.start - 40) : referent.start].split()
        while words and words[-1].lower() in _DETERMINERS:
            words.pop()
        if not words:
            return self.text[after : referent.start].rstrip().endswith(",")
        last = words[-1].lower()
        return last in _AFTER_OPENERS or last.endswith(",")

    def _subject_before(self, offset: int) -> Ownership:
        """The first subject before `offset`, after the last reporting verb before it when a
        subject follows that verb ("officials said Japan will ...")."""
        last = bisect_left(self.subject_starts, offset)  # subjects before the offset: [0, last)
        if last == 0:
            return NO_ONE
        v = bisect_right(self.verbs, offset) - 1  # the last reporting verb before the offset
        first = bisect_left(self.subject_starts, self.verbs[v]) if v >= 0 else 0
        return self._run(first if first < last else 0)

    def _run(self, first: int) -> Ownership:
        """The owner of subject `first` and those joined to it by "and" or commas: several
        owners, or an alliance of several countries, give no owner."""
        if first not in self._runs:
            joined = [self.subjects[first]]
            for nxt in self.subjects[first + 1 :]:
                if _JOINED.fullmatch(self.text, joined[-1].end, nxt.start) is None:
                    break
                joined.append(nxt)
            self._runs[first] = _named(joined)
        return self._runs[first]


def _named(joined: list[Referent]) -> Ownership:
    """The ownership a subject (and those joined to it) gives."""
    first = joined[0]
    owners = {r.owner for r in joined}
    if len(owners) > 1 or None in owners:
        said = ", ".join(f"“{r.text}”" for r in joined)
        why = f"“{first.text}”: {first.cue}" if len(joined) == 1 else f"several owners: {said}"
        return Ownership(None, why, True)
    if first.kind == "alliance":
        return Ownership(first.owner, f"“{first.text}”: {first.cue}", True)
    how = f"“{first.text}”, the subject of the clause"
    if first.kind == "capital":
        how += f" (the capital of {first.owner})"
    return Ownership(first.owner, how, True)


def _possessed(referent: Referent, phrase: str) -> Ownership:
    if referent.owner is None:
        return Ownership(None, f"“{phrase}”: {referent.cue}", True)
    return Ownership(referent.owner, f"“{phrase}”", True)


class _LazyClauses:
    """The clauses of an article's sentences, each sentence cut only when asked for: a clause is
    (sentence, index in it), and `at` finds the clause holding an offset, or the one before it,
    as `ClauseIndex.at` does over every clause (most sentences hold no spending claim)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.sentence_of = sentence_locator(sentences)
        self._cut: dict[int, tuple[list[Clause], list[int]]] = {}
        self._last_before: dict[int, tuple[int, int] | None] = {}

    def of(self, number: int) -> list[Clause]:
        """The clauses of sentence `number`."""
        return self._cut_sentence(number)[0]

    def _cut_sentence(self, number: int) -> tuple[list[Clause], list[int]]:
        if number not in self._cut:
            sentence = self.sentences[number]
            found = split_clauses(sentence.text, sentence.start, number)
            self._cut[number] = (found, [c.start for c in found])
        return self._cut[number]

    def at(self, offset: int) -> tuple[int, int]:
        """(sentence, index) of the clause holding `offset`, or of the last clause before it;
        the article's first clause when none starts at or before it (`sentence_locator`)."""
        if not self.sentences:
            raise IndexError("no clauses")
        number = self.sentence_of(offset)
        k = bisect_right(self._cut_sentence(number)[1], offset) - 1
        if k >= 0:
            return number, k
        found = self._last_up_to(number - 1)
        return found if found is not None else self._first()

    def _last_up_to(self, number: int) -> tuple[int, int] | None:
        """The last clause of sentence `number` or of the nearest sentence before it holding one."""
        if number < 0:
            return None
        if number not in self._last_before:
            pending = [number]  # iterative, memoised: each sentence is looked at once
            while pending[-1] >= 0 and pending[-1] not in self._last_before:
                if self.of(pending[-1]):
                    break
                pending.append(pending[-1] - 1)
            last = pending[-1]
            if last < 0:
                found = None
            elif last in self._last_before:
                found = self._last_before[last]
            else:
                found = (last, len(self.of(last)) - 1)
            for n in pending:
                self._last_before[n] = found
        return self._last_before[number]

    def _first(self) -> tuple[int, int]:
        for number in range(len(self.sentences)):
            if self.of(number):
                return number, 0
        raise IndexError("no clauses")

    def clause(self, key: tuple[int, int]) -> Clause:
        return self.of(key[0])[key[1]]


# The characters `clauses._BOUNDARY` cuts at and whitespace: a sentence's first clause starts at
# or before the first other character, so an offset from there to the sentence's end lies in a
# clause of that sentence.
_CLAUSE_LEAD = re.compile(r"[\s;:—–,]*")


def assign_owners(
    text: str,
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    gazetteer: Gazetteer,
    claims: Sequence[Claim],
) -> list[Claim]:
    """The claims with `owner` and `owner_cue` set on every spending claim (the rules in this
    module's docstring), and amounts in a currency several share resolved by their owner.

    Only the sentences of spending claims and the sentences before them are cut into clauses
    and read for owners: the others cannot give one."""
    spending_sentences: dict[int, bool] = {}

    def is_spending(claim: Claim) -> bool:
        if claim.type not in SPENDING_TYPES:
            return False
        if claim.sentence not in spending_sentences:
            spending_sentences[claim.sentence] = about_spending(sentences[claim.sentence].text)
        return spending_sentences[claim.sentence]

    _capitals()  # a bad capitals table fails every parse, spending claims or not
    spending = [is_spending(c) for c in claims]
    if not any(spending):
        return list(claims)
    index = _LazyClauses(sentences)
    wanted = {c.sentence for c, s in zip(claims, spending, strict=True) if s}
    # the sentence of the previous sentence's first clause (`_pronoun`: "its" -> its subject)
    wanted |= {index.at(sentences[n - 1].start)[0] for n in list(wanted) if n > 0}
    by_clause: dict[tuple[int, int], list[Referent]] = {}
    # a country inside an amount names its currency ("38.6 billion Canadian dollars"), not an owner
    amounts = [(c.start, c.end) for c in claims if c.type == "amount"]
    k = 0
    for referent in referents(text, sentences, entities, gazetteer):
        while k < len(amounts) and amounts[k][1] <= referent.start:
            k += 1
        if k < len(amounts) and amounts[k][0] <= referent.start:
            continue
        number = index.sentence_of(referent.start)
        if number not in wanted:
            sentence = sentences[number]
            lead = _CLAUSE_LEAD.match(text, sentence.start, sentence.end).end()
            if lead < sentence.end and lead <= referent.start:
                continue  # in a clause of a sentence no spending claim reads
        if _names_a_currency(text, referent):  # "in today's United States dollars"
            continue
        by_clause.setdefault(index.at(referent.start), []).append(referent)
    clauses: dict[tuple[int, int], _ClauseOwners] = {}

    def owners_of(key: tuple[int, int]) -> _ClauseOwners | None:
        """The clause's owners, read on first use; None for a clause naming no referent."""
        if key not in by_clause:
            return None
        if key not in clauses:
            clauses[key] = _ClauseOwners(text, index.clause(key), by_clause[key])
        return clauses[key]

    prefixed = any(
        c.type == "amount"
        and (form := written_currency(c.text)) is not None
        and currencies.prefixed_dollar(form.text)
        for c in claims
    )
    owned = []
    for claim, is_spent in zip(claims, spending, strict=True):
        if not is_spent:
            owned.append(claim)
            continue
        at = index.at(claim.start)
        found = NO_ONE
        # its clause, then the clause before it in its sentence
        for key in (at, (at[0], at[1] - 1)):
            if key[1] < 0 or key[0] != claim.sentence:
                break
            clause_owners = owners_of(key)
            if clause_owners is not None:
                found = clause_owners.owner(claim)
                if found.decided:
                    break
        if not found.decided:
            found = _pronoun(sentences, index, owners_of, claim) or found
        owned.append(_currency(replace(claim, owner=found.owner, owner_cue=found.cue), prefixed))
    return owned


def _pronoun(
    sentences: Sequence[Sentence],
    index: _LazyClauses,
    owners_of: Callable[[tuple[int, int]], _ClauseOwners | None],
    claim: Claim,
) -> Ownership | None:
    """Rule 3: "it", "its", "they", "their" in a clause naming no one -> the subject of the
    previous sentence's first clause, in the same paragraph, when it has a single owner."""
    pronoun = _PRONOUN.search(index.clause(index.at(claim.start)).text)
    number = claim.sentence - 1
    if pronoun is None or number < 0:
        return None
    if sentences[number].paragraph != sentences[claim.sentence].paragraph:
        return None
    first = owners_of(index.at(sentences[number].start))
    if first is None:
        return None
    previous = first._subject_before(sentences[number].end)
    if previous.owner is None:
        return None
    return Ownership(
        previous.owner,
        f"“{pronoun.group()}” → {previous.owner} ({previous.cue} of the previous sentence)",
        True,
    )


def _currency(claim: Claim, prefixed: bool) -> Claim:
    """An amount in a currency several share, resolved by its owner."""
    if claim.type != "amount":
        return claim
    form = written_currency(claim.text)
    if form is None or len(form.codes) == 1:
        return claim
    code, how = currencies.resolve(form, claim.owner, prefixed)
    return replace(claim, unit=code, note=how or None)
