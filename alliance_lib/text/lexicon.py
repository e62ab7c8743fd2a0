"""Word lists the extractors use, kept apart from the patterns that use them.

Editing a list here (a reporting verb, a title, a currency) changes what the parser recognises
without touching any regular expression. Order matters where a list becomes a regex alternation.
"""

from __future__ import annotations

# --- speech ------------------------------------------------------------------------------------
# Reporting verbs of a said-clause ("..., Biden said"; "Kishida said: ...").
SPEECH_VERBS = (
    *"said says say told tells added adds stated states explained noted warned stressed".split(),
    *"argued insisted declared remarked continued asserted emphasized emphasised wrote".split(),
    *"writes recalled acknowledged announced cautioned observed replied responded urged".split(),
    *"vowed pledged promised claimed".split(),
    "pointed out",
    "went on",
    *"concluded predicted agreed admitted asked answered saying telling adding warning".split(),
    *"noting stressing arguing insisting declaring".split(),
)
PRONOUNS = frozenset({"he", "she", "they"})
# Capitalised words a said-clause can hold that never name a speaker.
NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december it this that there officials"
    " analysts experts".split()
)
# Words that can precede a name in a said-clause and are not part of it.
TITLE_WORDS = frozenset(
    "the president prime minister secretary defense defence foreign state ambassador"
    " spokesperson spokesman spokeswoman general gen. adm. admiral chief senator sen. rep. mr."
    " ms. mrs. dr. deputy vice national security adviser advisor official cabinet chairman"
    " leader former u.s. us japanese american chinese russian korean british".split()
)

# --- numbers and quantities --------------------------------------------------------------------
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a": 1,
    "an": 1,
}
SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# Currency symbols and words -> ISO 4217 codes.
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "dollars": "USD",
    "¥": "JPY",
    "yen": "JPY",
    "€": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "pounds": "GBP",
    "won": "KRW",
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
}
# Word stems of multiplying verbs -> the multiple ("double" -> 2.0).
MULTIPLIERS = {"doub": 2.0, "trip": 3.0, "quadrup": 4.0, "halv": 0.5}

# --- calendar ----------------------------------------------------------------------------------
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Historical anchors ("since World War II") -> canonical event names.
WAR_EVENTS = {
    "ii": "World War II",
    "two": "World War II",
    "2": "World War II",
    "second world war": "World War II",
    "i": "World War I",
    "one": "World War I",
    "first world war": "World War I",
    "cold war": "Cold War",
    "korean war": "Korean War",
}

# --- topics ------------------------------------------------------------------------------------
# A sentence holding one of these (lower-cased substrings) talks about spending.
SPENDING_WORDS = ("spend", "budget", "defense", "defence", "gdp", "military", "yen", "dollar")
