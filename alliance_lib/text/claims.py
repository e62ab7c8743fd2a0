"""Numeric and temporal claims: shares of GDP, multipliers, durations, amounts, dates, anchors.

Own regular expressions rather than quantulum3/dateparser: on news text those mis-read
bracketed amounts as negative, "We" as Wednesday and years as numbers (see the research notes).

Dates given in part (a month and day without a year, a weekday) are completed by the rules in
`alliance_lib.text.dates`; word lists (number words, scale and bound words, months) are in
`text.lexicon`; currencies (symbols, codes, names) come from CLDR through `text.currencies`.
A share, percent or amount records its `bound` ("up to" -> at_most, "more than" -> at_least,
"around" -> about). An amount in a currency several share ("dollars") is resolved here as if it
had no owner (unknown, or "$" as the US dollar); `text.owners` resolves it again by its owner.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from datetime import date

import ahocorasick

from alliance_lib.text import currencies
from alliance_lib.text.dates import Anchor, infer_year, last_weekday, month_number, valid_date
from alliance_lib.text.lexicon import (
    BOUNDS_AFTER,
    BOUNDS_BEFORE,
    MONTHS,
    MULTIPLIER_IDIOMS,
    MULTIPLIERS,
    SCALES,
    WAR_EVENTS,
    WEEKDAYS,
    WORD_NUMBERS,
    alternation,
    word_alternation,
)
from alliance_lib.text.model import Claim, Sentence, sentence_locator

_NUM = (
    r"(?=[\dotfsenOTFSEN])\b(?:\d+(?:,\d{3})*(?:\.\d+)?|"
    + "|".join(k for k in WORD_NUMBERS if len(k) > 2)
    + ")"
)
_MONTH = (
    r"(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
)
# Amounts: a scale word ("lakh crore" before "lakh"), a number grouped in thousands, and the
# currency forms of CLDR (symbols and codes written before the number, names after it).
_SCALE = r"(?:lakh\s+crore|trillion|billion|million|thousand|crores?|lakhs?|bn|tn|mn)"
_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_SYMBOLS, _CODES = currencies.prefix_patterns()
_NAMES, _SHORT, _PLURAL = currencies.suffix_patterns()
_SYMBOL_STARTS = "".join(sorted({re.escape(f[0]) for f in currencies.forms()[0]}))

# Each kind of claim and its regular expression (compiled with a lookahead in `_SCANNED`).
_PATTERNS: list[tuple[str, str]] = [
    (
        "share_of_gdp",
        (
            rf"(?i)(?P<num>{_NUM})\s*(?:%|percent|per cent|pct)\s+of\s+(?:(?:its|the|their|national|annual|current|[A-Z][\w]*[’']s)\s+)*(?:GDP|gross domestic product)\b"
        ),
    ),
    ("percent", rf"(?i)(?P<num>{_NUM})\s*(?:%|percent\b|per cent\b)"),
    (
        "multiplier",
        (
            r"(?i)(?=[dtqh])\b(?P<word>doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|quadrupl(?:e|es|ed|ing)|halv(?:e|es|ed|ing))\b"
            rf"(?![\s-]+{alternation(MULTIPLIER_IDIOMS)}\b)"  # "doubling down", "double-digit"
            rf"|\b(?P<num>{_NUM})[- ]fold\b"
        ),
    ),
    (
        "duration",
        (
            rf"(?i)(?=[oiwdfa])\b(?:over|in|within|during|for|across)\s+(?:the\s+)?(?:next\s+|coming\s+|past\s+|last\s+)?"
            rf"(?:(?P<num>{_NUM})\s+(?P<unit>years?|months?|decades?)|(?P<one>a)\s+(?P<unit1>decade))\b"
        ),
    ),
    (
        "amount",
        (
            # a symbol before the number ("A$368 billion", "€300m", "Rs 5,000 crore")
            rf"(?i)(?<![\w$])(?-i:(?P<cur>{_SYMBOLS}))\s?(?P<num>{_NUM})(?:\s*(?P<scale>{_SCALE}|m)\b)?"
            # an ISO code before it, with a scale word or a grouped number ("AUD 368 billion")
            rf"|\b(?-i:(?P<code>{_CODES}))\s(?:(?P<numc>{_NUM})\s*(?P<scalec>{_SCALE})\b|(?P<groupc>{_GROUPED}))"
            # a name after it, in any case ("38.6 billion Canadian dollars")
            rf"|\b(?P<num2>{_NUM})(?:\s*(?P<scale2>{_SCALE}))?\s+(?P<cur2>{_NAMES})(?!\w)"
            # a short form or a code after it, with a scale word ("97 billion zlotys")...
            rf"|\b(?P<num3>{_NUM})\s*(?P<scale3>{_SCALE})\s+(?P<cur3>{_SHORT}|(?-i:{_CODES}))(?!\w)"
            # ...or a plural short form or a code after a grouped number ("5,000 euros")
            rf"|\b(?P<group4>{_GROUPED})\s+(?P<cur4>{_PLURAL}|(?-i:{_CODES}))(?!\w)"
        ),
    ),
    (
        "fiscal_year",
        (r"\b(?:[Ff]iscal(?: year)?\s+|FY\s?)(?P<year>(?:19|20)\d{2})(?:[-–](?P<end>\d{2,4}))?\b"),
    ),
    (
        "date_mdy",
        (
            rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?"
        ),
    ),
    (
        "date_dmy",
        (rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})(?:\s+(?P<year>(?:19|20)\d{{2}}))?\b"),
    ),
    ("date_my", rf"\b(?P<month>{_MONTH})\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}})\b"),
    (
        "weekday",
        (
            r"\b(?:on|last|this|since|until|by|from)\s+"
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    (
        "relative",
        (
            r"(?i)\b(?:(?P<which>this|last|next|past)\s+(?P<period>week|month|year)|(?P<word>today|yesterday|tomorrow))\b"
        ),
    ),
    (
        "date_y",
        (
            r"\b(?:in|by|since|until|through|from|to|before|after|of|between|and)\s+(?P<year>(?:19|20)\d{2})\b(?!\s*(?:%|percent))"
        ),
    ),
    (
        "historical_anchor",
        (
            r"(?i)(?=[flbsp])\b(?:(?:for the first time |largest |biggest |first )?since|before)\s+(?:the\s+)?"
            r"(?:(?:end|conclusion|close|start|beginning|outbreak)\s+of\s+(?:the\s+)?)?"
            r"(?P<event>World War (?:II|Two|2|I|One)\b|Second World War|First World War|Cold War|Korean War)"
            r"|\b(?P<postwar>post-?war)\b|\bin (?P<recent>recent|modern|living) (?P<what>history|memory)\b"
        ),
    ),
]


# Every character a match of the pattern can start with (under the pattern's own flags). A
# lookahead on them fails at C speed at most positions, where the pattern would try each of its
# branches in turn; patterns that start with such a lookahead already are not listed.
_NUM_STARTS = "".join(sorted({k[0] for k in WORD_NUMBERS if len(k) > 2}))
_MONTH_STARTS = "".join(sorted({m.capitalize()[0] for m in MONTHS}))
_STARTS = {
    "multiplier": rf"[dtqh\d{_NUM_STARTS}]",
    "amount": rf"(?-i:[{_SYMBOL_STARTS}A-Z\d{_NUM_STARTS}{_NUM_STARTS.upper()}])",
    "fiscal_year": "[fF]",
    "date_mdy": f"[{_MONTH_STARTS}]",
    "date_dmy": r"\d",
    "date_my": f"[{_MONTH_STARTS}]",
    "weekday": "[oltsubf]",
    "relative": "[tlnpy]",
    "date_y": "[ibstufoa]",
    "historical_anchor": "[flbspi]",
}


def _starting(pattern: str, first: str | None) -> re.Pattern[str]:
    """`pattern` behind a lookahead on the characters its matches start with: the same matches."""
    if first is None:
        return re.compile(pattern)
    flags = "(?i)" if pattern.startswith("(?i)") else ""
    return re.compile(f"{flags}(?={first})(?:{pattern[len(flags) :]})")


_SCANNED = [(kind, _starting(pattern, _STARTS.get(kind))) for kind, pattern in _PATTERNS]
_AMOUNT = re.compile(dict(_PATTERNS)["amount"])


def number(token: str) -> float:
    """A numeral or a number word as a float ("2" -> 2.0, "five" -> 5.0, "1,500" -> 1500.0)."""
    token = token.lower()
    return float(WORD_NUMBERS[token]) if token in WORD_NUMBERS else float(token.replace(",", ""))


def _event(match: re.Match[str]) -> str:
    if match.group("event"):
        key = match.group("event").lower()
        return WAR_EVENTS.get(key.removeprefix("world war ").strip(), match.group("event"))
    if match.group("postwar"):
        return "post-war"
    return f"{match.group('recent').lower()} {match.group('what').lower()}"


# A pattern runs only on sentences holding one of its trigger substrings (lower-cased): a
# cheap gate that spares most of the regex scanning (the parser's throughput depends on it).
_MONTH_TRIGGERS = tuple("jan feb mar apr may jun jul aug sep oct nov dec".split())
_TRIGGERS = {
    "share_of_gdp": ("gdp", "gross domestic"),
    "percent": ("%", "percent", "per cent"),
    "multiplier": ("doubl", "tripl", "quadrupl", "halv", "fold"),
    "duration": ("year", "month", "decade"),
    "amount": currencies.triggers(),
    "fiscal_year": ("fiscal", "fy"),
    "date_mdy": _MONTH_TRIGGERS,
    "date_dmy": _MONTH_TRIGGERS,
    "date_my": _MONTH_TRIGGERS,
    "date_y": ("19", "20"),
    "weekday": ("day",),
    "relative": ("week", "month", "year", "today", "yesterday", "tomorrow"),
    "historical_anchor": ("war", "history", "memory"),
}
# What every match of some kinds holds besides a trigger (any one of the alternatives, all its
# facts): a number for a share, a percent or a duration ("a decade" aside), a number and a
# currency form for an amount, a digit for a fiscal year, a month name and a digit for a date,
# a weekday's name. `_gated` finds the facts in the same pass as the triggers; a sentence of
# wire copy holds "year" or "ar" (`Ar`, the ariary) far more often than a claim.
_NEEDS: dict[str, tuple[frozenset[str], ...]] = {
    "share_of_gdp": (frozenset({"number"}),),
    "percent": (frozenset({"number"}),),
    "duration": (frozenset({"number"}), frozenset({"decade"})),
    "amount": (frozenset({"number", "currency"}),),
    "fiscal_year": (frozenset({"digit"}),),
    "date_mdy": (frozenset({"month", "digit"}),),
    "date_dmy": (frozenset({"month", "digit"}),),
    "date_my": (frozenset({"month", "digit"}),),
    "weekday": (frozenset({"weekday"}),),
}
# Kinds whose facts hold their triggers (a currency form holds an amount trigger, "March" holds
# "mar", "Monday" "day"): the one-pass search looks for their facts only.
_BY_FACTS = frozenset({"amount", "date_mdy", "date_dmy", "date_my", "weekday"})
_DIGIT = re.compile(r"\d")  # `\d` as the patterns read it (any decimal digit)


# Each trigger with the patterns it lets run (found in one pass by `_TRIGGER_FINDER`); a pattern
# without triggers fails here, at import.
_GATES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (trigger, frozenset(k for k, _ in _PATTERNS if trigger in _TRIGGERS[k]))
    for trigger in sorted({t for kind, _ in _PATTERNS for t in _TRIGGERS[kind]})
)


def _is_word(ch: str) -> bool:
    """Whether `ch` is a regex word character (`\\w`: alphanumeric or the underscore)."""
    return ch.isalnum() or ch == "_"


# How a fact's word must stand in the text to be the fact (each a necessary condition of the
# patterns that need it), given the text, the word's span and the end of its sentence:
def _after_no_word(text: str, start: int, end: int, limit: int) -> bool:
    """Not inside a word on its left (`\\b`, `(?<!\\w)` before a number word, a month, a code)."""
    return start == 0 or not _is_word(text[start - 1])


def _spaced_word(text: str, start: int, end: int, limit: int) -> bool:
    """After a space and not followed by a word character (`\\s+NAME(?!\\w)`: a currency name
    after its number, a weekday after "on")."""
    return start > 0 and text[start - 1].isspace() and (end >= limit or not _is_word(text[end]))


def _written_currency(text: str, start: int, end: int, limit: int) -> bool:
    """A symbol or code not inside a word on its left, and not running on into a word on its
    right (`(?<![\\w$])A$` before a number, `\\bAUD\\s`, `billion AUD(?!\\w)`)."""
    if start > 0 and _is_word(text[start - 1]):
        return False
    return end >= limit or not (_is_word(text[end - 1]) and _is_word(text[end]))


_Fact = tuple[str, Callable[[str, int, int, int], bool]]  # a fact, how its word must stand


def _fact_words() -> tuple[dict[str, list[_Fact]], dict[str, list[_Fact]]]:
    """(lower-cased words, case-sensitive words) -> their facts: number words, currency names
    and short forms ("canadian dollars", "zlotys"); currency symbols and codes, month names,
    weekdays."""
    prefix, suffix = currencies.forms()
    lower: dict[str, list[_Fact]] = defaultdict(list)
    cased: dict[str, list[_Fact]] = defaultdict(list)
    lower["decade"].append(("decade", _after_no_word))
    for word in WORD_NUMBERS:
        if len(word) > 2:  # the number words of `_NUM`
            lower[word].append(("number", _after_no_word))
    for form in suffix.values():
        if form.kind in ("name", "short"):
            lower[form.text].append(("currency", _spaced_word))
    for written in prefix:  # symbols and codes
        cased[written].append(("currency", _written_currency))
    for month in {month[:3].capitalize() for month in MONTHS}:  # "Sept" and "Sep": "Sep"
        cased[month].append(("month", _after_no_word))
    for day in WEEKDAYS:
        cased[day].append(("weekday", _spaced_word))
    return lower, cased


def _lower_finder(lower: dict[str, list[_Fact]]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of the lower-cased triggers (of the kinds not gated by their
    facts alone) and fact words, each with its length, the kinds it gates and its facts."""
    entries: dict[str, tuple[frozenset[str], tuple[_Fact, ...]]] = {}
    for trigger, kinds in _GATES:
        if kinds - _BY_FACTS:
            entries[trigger] = (kinds - _BY_FACTS, ())
    for word, facts in lower.items():
        entries[word] = (entries.get(word, (frozenset(), ()))[0], tuple(facts))
    finder = ahocorasick.Automaton()
    for word, (kinds, facts) in entries.items():
        finder.add_word(word, (len(word), kinds, facts))
    finder.make_automaton()
    return finder


def _cased_finder(
    cased: dict[str, list[_Fact]],
) -> tuple[re.Pattern[str], dict[str, tuple[tuple[int, str, Callable], ...]]]:
    """The case-sensitive fact words as one regex (`word_alternation`: the search skips at C
    speed to the characters a word can start with; no word character before the word, as every
    fact asks). With it, for each word, the facts of every word it starts with (itself included) and their
    lengths: a search from each match's start + 1 then sees every word that occurs."""
    prefixed = {
        word: tuple(
            (len(prefix), fact, stands)
            for prefix in cased
            if word.startswith(prefix)
            for fact, stands in cased[prefix]
        )
        for word in cased
    }
    return re.compile(word_alternation(cased)), prefixed


_LOWER_FACTS, _CASED_FACTS = _fact_words()
_TRIGGER_FINDER = _lower_finder(_LOWER_FACTS)
_CASED_FINDER, _CASED_PREFIXES = _cased_finder(_CASED_FACTS)


def _gated(text: str, spans: list[tuple[int, int]]) -> list[set[str]]:
    """For each span (sentences, in text order), the kinds that can match in it: those whose
    triggers its lower-cased text holds and that find there what their matches hold (`_NEEDS`).
    One pass of each finder over the text instead of a search per trigger and span.

    Lower-casing the whole text gives each span's lower-cased text in place, unless a character
    lowers into two (`İ`); then, or when a character folds into an ASCII letter under
    IGNORECASE without lowering into it (the long s, the dotless i), each span is gated on its
    own by its triggers alone (`_span_gates`)."""
    lowered = text.lower()
    if len(lowered) != len(text) or "\u017f" in text or "\u0131" in text:
        return [_span_gates(text[start:end].lower()) for start, end in spans]
    starts = [start for start, _ in spans]
    gated: list[set[str]] = [set() for _ in spans]
    facts: list[set[str]] = [set() for _ in spans]
    for last, (length, kinds, word_facts) in _TRIGGER_FINDER.iter(lowered):
        first = last - length + 1
        k = bisect_right(starts, first) - 1
        if k >= 0 and last < spans[k][1]:  # the word lies inside span k
            gated[k] |= kinds
            for fact, stands in word_facts:
                if fact not in facts[k] and stands(text, first, last + 1, spans[k][1]):
                    facts[k].add(fact)
    found = _CASED_FINDER.search(text)
    while found is not None:
        first = found.start()
        k = bisect_right(starts, first) - 1
        if k >= 0:
            for length, fact, stands in _CASED_PREFIXES[found.group()]:
                end = first + length
                if end <= spans[k][1] and fact not in facts[k]:
                    if stands(text, first, end, spans[k][1]):
                        facts[k].add(fact)
        found = _CASED_FINDER.search(text, first + 1)
    return [_kept(text, span, gated[k], facts[k]) for k, span in enumerate(spans)]


def _kept(text: str, span: tuple[int, int], triggered: set[str], found: set[str]) -> set[str]:
    """The kinds of `triggered` (and of `_BY_FACTS`) whose needs the facts `found` in the span
    meet, a digit looked for only when one is needed."""
    candidates = triggered | _BY_FACTS if found else triggered
    kept: set[str] = set()
    looked = False
    for kind in candidates:
        for needed in _NEEDS.get(kind, (frozenset(),)):
            if not looked and not needed <= found and needed - found <= {"digit", "number"}:
                looked = True
                if _DIGIT.search(text, *span):
                    found = found | {"digit", "number"}
            if needed <= found:
                kept.add(kind)
                break
    return kept


def _span_gates(lowered: str) -> set[str]:
    """The kinds whose triggers `lowered` holds, trigger by trigger."""
    gated: set[str] = set()
    for trigger, kinds in _GATES:
        if trigger in lowered:
            gated |= kinds
    return gated


def _free(taken: list[tuple[int, int]], found: list[re.Match[str]]) -> list[re.Match[str]]:
    """The matches of `found` that overlap no span of `taken`, in one merge pass over both.

    Both are in text order without overlaps (`taken` sorted), so one pointer into `taken`
    serves every match: no rescan of `taken` per match, which made n claims cost n^2.
    """
    free = []
    k = 0
    for match in found:
        a, b = match.span()
        while k < len(taken) and taken[k][1] <= a:  # spans wholly before this match
            k += 1
        if k < len(taken) and taken[k][0] < b:
            continue
        free.append(match)
    return free


def _matches(text: str, sentences: list[Sentence]):
    """(kind, match) for every pattern match, sentence by sentence; each span claimed once.

    A span goes to the first pattern in `_PATTERNS` order that matches it.
    """
    spans = [(s.start, s.end) for s in sentences] or [(0, len(text))]
    for (start, end), gated in zip(spans, _gated(text, spans), strict=True):
        if not gated:
            continue
        taken: list[tuple[int, int]] = []
        for kind, pattern in _SCANNED:
            if kind not in gated:
                continue
            found = list(pattern.finditer(text, start, end))
            free = _free(taken, found) if taken else found
            if free:
                taken = sorted(taken + [match.span() for match in free])
            for match in free:
                yield kind, match


def find_claims(
    text: str, sentences: list[Sentence], reference_date: date | None = None
) -> list[Claim]:
    """Every claim in text order; a span is claimed once, by the most specific pattern."""
    sentence_of = sentence_locator(sentences)
    raw = list(_matches(text, sentences))

    # Anchors for year inference: mentions dated to the month or day.
    anchors = []
    for kind, match in raw:
        if kind in ("date_my", "date_mdy", "date_dmy") and match.group("year"):
            day = int(match.group("day")) if kind != "date_my" else 1
            anchors.append((int(match.group("year")), month_number(match.group("month")), day))
    anchor = max(anchors) if anchors else None
    prefixed = any(
        kind == "amount" and currencies.prefixed_dollar(match.group("cur") or "")
        for kind, match in raw
    )

    claims = []
    for kind, match in sorted(raw, key=lambda item: item[1].start()):
        claim = _to_claim(kind, match, reference_date, anchor, prefixed)
        if claim is None:
            continue
        claim_type, value, unit, precision, note = claim
        if isinstance(value, float) and not math.isfinite(value):
            continue  # a number too large for a float (over ~1.8e308) is not a claim
        start, end = match.span({"date_y": "year", "weekday": "weekday"}.get(kind, 0))
        number = sentence_of(start)
        bound = None
        if kind in _BOUNDED:
            span = sentences[number] if sentences else None
            bound = _bound(
                text, start, end, span.start if span else 0, span.end if span else len(text)
            )
        claims.append(
            Claim(
                start,
                end,
                text[start:end],
                claim_type,
                value,
                unit,
                number,
                precision,
                note,
                bound,
            )
        )
    return claims


_BOUNDED = ("share_of_gdp", "percent", "amount")
_BOUND_REACH = 24  # characters before a number searched for a bound word ("no more than ")
_BOUND_BEFORE = re.compile(
    "(?i)\\b(?:"
    + "|".join(rf"(?P<{kind}>{alternation(words)})" for kind, words in BOUNDS_BEFORE.items())
    + r")\s+$"
)
_BOUND_AFTER = re.compile(
    "(?i)\\s+(?:"
    + "|".join(rf"(?P<{kind}>{alternation(words)})" for kind, words in BOUNDS_AFTER.items())
    + r")\b"
)


def _bound(text: str, start: int, end: int, lowest: int, highest: int) -> str | None:
    """The bound a word just before (or just after) a number puts on it, within its sentence:
    "up to A$368 billion" -> at_most, "2 percent or more" -> at_least, else None."""
    before = _BOUND_BEFORE.search(text, max(lowest, start - _BOUND_REACH), start)
    found = before or _BOUND_AFTER.match(text, end, min(highest, end + _BOUND_REACH))
    if found is None:
        return None
    return next(kind for kind, said in found.groupdict().items() if said)


def written_currency(amount: str) -> currencies.Form | None:
    """The currency form an amount claim's text is written in ("A$368 billion" -> "A$")."""
    match = _AMOUNT.fullmatch(amount)
    if match is None:
        return None
    written = next(g for g in ("cur", "code", "cur2", "cur3", "cur4") if match.group(g))
    return currencies.form_of(match.group(written))


def _to_claim(
    kind: str, m: re.Match[str], reference: date | None, anchor: Anchor | None, prefixed: bool
):
    """(type, value, unit, precision, note) for one match, or None when it is not a valid claim;
    `prefixed`: the text writes a dollar with letters before the "$" (A$, US$)."""
    if kind == "share_of_gdp":
        return "share_of_gdp", number(m.group("num")), "percent of GDP", None, None
    if kind == "percent":
        return "percent", number(m.group("num")), "percent", None, None
    if kind == "multiplier":
        if m.group("word"):
            stem = next(k for k in MULTIPLIERS if m.group("word").lower().startswith(k))
            return "multiplier", MULTIPLIERS[stem], "times", None, None
        return "multiplier", number(m.group("num")), "times", None, None
    if kind == "duration":
        unit = (m.group("unit") or m.group("unit1")).lower().rstrip("s")
        value = number(m.group("num")) if m.group("num") else 1.0
        if unit == "decade":
            return "duration", value * 10, "years", None, "decades expressed in years"
        return "duration", value, unit + "s", None, None
    if kind == "amount":
        return _amount(m, prefixed)
    if kind == "fiscal_year":
        value = f"FY{m.group('year')}"
        if m.group("end"):
            end = m.group("end")
            value += f"-FY{m.group('year')[: 4 - len(end)]}{end}"
        return "fiscal_year", value, None, "fiscal_year", None
    if kind in ("date_mdy", "date_dmy"):
        month, day = month_number(m.group("month")), int(m.group("day"))
        if not 1 <= day <= 31:
            return None
        if m.group("year"):
            found = valid_date(int(m.group("year")), month, day)
            return None if found is None else ("date", found.isoformat(), None, "day", None)
        value, precision, note = infer_year(month, day, reference, anchor)
        return "date", value, None, precision, note
    if kind == "date_my":
        return (
            "date",
            f"{int(m.group('year')):04d}-{month_number(m.group('month')):02d}",
            None,
            "month",
            None,
        )
    if kind == "weekday":
        name = m.group("weekday")
        if reference is None:
            return "date", name, None, "weekday", "weekday; pass reference_date to resolve it"
        return (
            "date",
            last_weekday(name, reference).isoformat(),
            None,
            "day",
            f"the last {name} on or before reference date {reference}",
        )
    if kind == "relative":
        return _relative(m, reference)
    if kind == "date_y":
        return "date", m.group("year"), None, "year", None
    if kind == "historical_anchor":
        return "historical_anchor", _event(m), None, None, None
    raise AssertionError(kind)


def _amount(m: re.Match[str], prefixed: bool):
    """An amount's value and currency: the ISO code of a form naming one currency; a form
    several share is read as `currencies.resolve` reads it without an owner (the note says)."""
    groups = ("num", "numc", "groupc", "num2", "num3", "group4")
    raw = next(m.group(g) for g in groups if m.group(g))
    scale = next((m.group(g) for g in ("scale", "scalec", "scale2", "scale3") if m.group(g)), "")
    value = number(raw) * SCALES[" ".join(scale.lower().split())] if scale else number(raw)
    written = next(m.group(g) for g in ("cur", "code", "cur2", "cur3", "cur4") if m.group(g))
    form = currencies.form_of(written)
    if form is None:  # every form the pattern matches is in the lexicon
        raise AssertionError(written)
    code, how = currencies.resolve(form, None, prefixed)
    return "amount", value, code, None, how or None


def _relative(m: re.Match[str], reference: date | None):
    """A relative date ("this week", "last month", "yesterday") resolved against the reference
    date, the rule in the note; without a reference date it stays unresolved ("relative")."""
    said = m.group(0).lower()
    if reference is None:
        return "date", said, None, "relative", "relative date; pass reference_date to resolve it"
    rule = f"'{said}' counted from reference date {reference}"
    if m.group("word"):
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[said]
        return (
            "date",
            date.fromordinal(reference.toordinal() + shift).isoformat(),
            None,
            "day",
            rule,
        )
    step = {"this": 0, "last": -1, "past": -1, "next": 1}[m.group("which").lower()]
    period = m.group("period").lower()
    if period == "week":
        monday = date.fromordinal(reference.toordinal() - reference.weekday() + 7 * step)
        year, week, _ = monday.isocalendar()
        return "date", f"{year:04d}-W{week:02d}", None, "week", rule + " (ISO week, Monday-Sunday)"
    if period == "month":
        months = reference.year * 12 + reference.month - 1 + step
        return "date", f"{months // 12:04d}-{months % 12 + 1:02d}", None, "month", rule
    return "date", f"{reference.year + step:04d}", None, "year", rule
