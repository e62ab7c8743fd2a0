"""Currencies from the Unicode CLDR data Babel ships, not a hand list: every ISO 4217 code in
use, its symbols and its English names, singular and plural, as an amount may write them.

Forms, each with the currencies it may stand for:
- symbols of CLDR's English locale ("A$" AUD, "€" EUR, "$" USD) and those English-speaking
  territories use for their own currency ("Rs", "RM"; single letters such as "R" are left out:
  they are too often something else);
- the prefixed dollars news writes, "X$" for the first letters X of a dollar currency's code
  ("A$", "C$", "NZ$", "HK$", "US$"); "S$" fits SGD, SBD and SRD and stays ambiguous;
- ISO codes ("AUD 368 billion", "97 billion PLN"), names singular and plural ("Australian
  dollars", "Polish zloty"; "US" also written "U.S."), and short forms news uses without the
  country word, the last word of a name ("zlotys", "euro", "yen", "dollars").
A form naming one currency is that currency. A form several share ("dollars", "pounds", "won",
"$" for the dollars written "$" at home, "kr") is resolved by the claim's owner (`resolve`): the
owner's own currency when it is among them; "$" is the US dollar (CLDR's English reading) unless
the owner's currency is another dollar written "$" at home and the article never writes a
prefixed dollar (A$, US$...) to tell them apart. Otherwise the currency is unknown (None), never
a guess. Codes and short forms are read as money only with a scale word ("97 billion zlotys", "100
billion euro") or, in the plural, a grouped number ("5,000 pounds"): "TOP 10", "5 gold medals"
and "the 4,500 mark" are not amounts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache

import pycountry
from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

from alliance_lib.text.lexicon import alternation

# Currencies in use on this day (fixed, so the lexicon does not change with the clock).
CURRENCIES_AS_OF = date(2025, 1, 1)
_SYMBOL_MARKS = re.compile(r"[^\sA-Za-z.]")  # a symbol holding one of these is not a word


@dataclass(frozen=True)
class Form:
    """A way of writing a currency: the codes it may stand for and, for "$", CLDR's reading."""

    text: str
    codes: frozenset[str]
    kind: str  # "symbol", "code", "name" or "short"
    default: str | None = None  # the code CLDR's English locale gives an ambiguous symbol


def _territories() -> list[str]:
    return sorted(t for t in get_global("territory_currencies") if t.isalpha())


@cache
def _current() -> dict[str, list[str]]:
    """Territory (alpha-2) -> the legal-tender currencies it uses on `CURRENCIES_AS_OF`."""
    found = {}
    for territory in _territories():
        codes = get_territory_currencies(territory, CURRENCIES_AS_OF, tender=True)
        if codes:
            found[territory] = list(codes)
    return found


@cache
def current_codes() -> frozenset[str]:
    """Every ISO 4217 code some territory uses as legal tender on `CURRENCIES_AS_OF`."""
    return frozenset(code for codes in _current().values() for code in codes)


@cache
def _english_locales() -> tuple[Locale, ...]:
    """CLDR's English locales in the Latin script: "en" first, then each territory's ("en_ID"
    writes "roubles", "en_AU" "lire"); script variants such as en_Shaw are left out."""
    found = [Locale.parse(name) for name in sorted(localedata.locale_identifiers())]
    return (Locale.parse("en"),) + tuple(
        locale
        for locale in found
        if locale.language == "en" and locale.territory and locale.script is None
    )


@cache
def _names() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Each current currency's English names (all of them, and the plural ones), lower-cased
    ("US dollars" also as "u.s. dollars" and "united states dollars"): CLDR's "en", plus the names a territory's English
    locale gives a currency differently (read only where its display name differs)."""
    english, *others = _english_locales()
    codes = current_codes()

    def named(code: str, locale: Locale) -> tuple[set[str], set[str]]:
        one = get_currency_name(code, count=1, locale=locale).lower()
        other = get_currency_name(code, count=2, locale=locale).lower()
        return {one, other}, {other}

    found = {code: named(code, english) for code in codes}
    for code in codes:
        found[code][0].add(english.currencies[code].lower())
    for locale in others:
        for code, display in locale.currencies.items():
            if code in found and display != english.currencies.get(code):
                every, plural = named(code, locale)
                found[code][0].update(every | {display.lower()})
                found[code][1].update(plural)

    def kept(names: set[str], code: str) -> frozenset[str]:
        names |= {
            v + n[2:] for n in names if n.startswith("us ") for v in ("u.s.", "united states")
        }
        return frozenset(n for n in names if not n.startswith("(") and n != code.lower())

    return {
        code: (kept(every, code), kept(plural, code)) for code, (every, plural) in found.items()
    }


def plural_words() -> frozenset[str]:
    """The last words of the currencies' plural names ("zlotys", "euros", "yen"): the short
    forms a number written without a scale word may take ("5,000 euros"; not "the 4,500 mark")."""
    return frozenset(n.split()[-1] for _, plural in _names().values() for n in plural)


@cache
def forms() -> tuple[dict[str, Form], dict[str, Form]]:
    """(prefix forms, suffix forms), each by the text as written (names lower-cased)."""
    codes = current_codes()
    english = _english_locales()[0]
    symbols: dict[str, set[str]] = defaultdict(set)
    default: dict[str, str] = {}
    for code in sorted(codes):
        symbol = get_currency_symbol(code, locale=english)
        if symbol != code:
            symbols[symbol].add(code)
            default.setdefault(symbol, code)
    for locale in _english_locales()[1:]:
        for code in _current().get(locale.territory, []):
            symbol = get_currency_symbol(code, locale=locale)
            if symbol != code and (_SYMBOL_MARKS.search(symbol) or len(symbol) >= 2):
                symbols[symbol].add(code)
    dollars = sorted(c for c in codes if get_currency_name(c, locale=english).endswith("Dollar"))
    for length in (1, 2):
        for start in {c[:length] for c in dollars}:
            symbols[f"{start}$"] |= {c for c in dollars if c.startswith(start)}
    words: dict[str, set[str]] = defaultdict(set)
    for code, (names, _) in _names().items():
        for name in names:
            words[name.split()[-1]].add(code)
    prefix: dict[str, Form] = {}
    for symbol, found in symbols.items():
        # a symbol several share stands for the family of each of them ("Rs": every rupee)
        family = found if len(found) == 1 else _family(found, words)
        prefix[symbol] = Form(symbol, frozenset(family), "symbol", default.get(symbol))
    suffix: dict[str, Form] = {}
    for code in codes:
        prefix.setdefault(code, Form(code, frozenset({code}), "code"))
        suffix.setdefault(code, Form(code, frozenset({code}), "code"))
        for name in _names()[code][0]:
            if " " in name:
                suffix[name] = Form(name, frozenset({code}), "name")
    for word, found in words.items():
        suffix.setdefault(word, Form(word, frozenset(found), "short"))
    return prefix, suffix


def _family(found: set[str], words: dict[str, set[str]]) -> set[str]:
    """The currencies sharing the last word of any name of `found` ("$": every dollar)."""
    family = set(found)
    for codes in words.values():
        if codes & found and len(codes) > 1:
            family |= codes
    return family


def prefix_patterns() -> tuple[str, str]:
    """(symbols, ISO codes) written before a number, as regex alternations matched case by case
    ("A$", "Rs", "AUD")."""
    prefix, _ = forms()
    symbols = {t: f for t, f in prefix.items() if f.kind == "symbol"}
    codes = {t: f for t, f in prefix.items() if f.kind == "code"}
    return _alternation(symbols), _alternation(codes)


def suffix_patterns() -> tuple[str, str, str]:
    """(names, short forms, plural short forms) written after a number, lower-cased, as regex
    alternations matched in any case ("canadian dollars", "zloty", "zlotys"); codes after a
    number are `prefix_patterns`'."""
    _, suffix = forms()
    names = {t: f for t, f in suffix.items() if f.kind == "name"}
    short = {t: f for t, f in suffix.items() if f.kind == "short"}
    plural = {t: f for t, f in short.items() if t in plural_words()}
    return _alternation(names), _alternation(short), _alternation(plural)


def triggers() -> tuple[str, ...]:
    """Lower-cased substrings one of which every amount holds: a symbol, a code, or the last
    word of a name (the claims parser scans only the sentences holding one)."""
    prefix, suffix = forms()
    found = {t.lower() for t in prefix} | {t.split()[-1] for t in suffix if " " not in t}
    return tuple(sorted(found))


def _alternation(found: dict[str, Form]) -> str:
    """The forms as one regex group shaped like a trie (`lexicon.alternation`): it matches what
    the forms ordered longest first match, without trying hundreds of them at each position."""
    return alternation(found)


def form_of(written: str) -> Form | None:
    """The form as written in an amount ("A$", "Canadian dollars", "zlotys"), or None."""
    prefix, suffix = forms()
    key = " ".join(written.split())
    return prefix.get(key) or suffix.get(key) or suffix.get(key.lower())


@cache
def country_currency(iso3: str) -> str | None:
    """The currency a country (ISO alpha-3) uses, from CLDR; None for an unknown code."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    codes = _current().get(country.alpha_2, [])
    return codes[0] if codes else None


def prefixed_dollar(written: str) -> bool:
    """Whether `written` is a dollar written with letters before the "$" ("A$", "US$")."""
    return written.endswith("$") and len(written) > 1 and written[:-1].isalpha()


def resolve(form: Form, owner: str | None, prefixed_dollars: bool) -> tuple[str | None, str]:
    """(ISO code or None, how it was read) for an amount written in `form`, whose claim is owned
    by `owner` (ISO alpha-3, an organisation, or None); `prefixed_dollars`: the article writes a
    dollar with letters before the "$" somewhere, so its bare "$" is the US dollar."""
    if len(form.codes) == 1:
        return next(iter(form.codes)), ""
    own = country_currency(owner) if owner else None
    if form.default is not None:  # "$", "£", "kr": CLDR's English locale reads it
        home = own in form.codes and own != form.default
        if home and not prefixed_dollars:
            return None, (
                f"currency unknown: “{form.text}” may be the US dollar or {own}, the currency "
                f"of the claim's owner ({owner}), and the article writes no A$ or US$ to tell them apart"
            )
        return form.default, f"“{form.text}” read as {form.default} (CLDR's English symbol)"
    if own in form.codes:
        return own, f"“{form.text}” read as {own}, the currency of the claim's owner ({owner})"
    listed = ", ".join(sorted(form.codes))
    whose = f"the claim's owner ({owner}) uses none of them" if owner else "the claim has no owner"
    return None, f"currency unknown: “{form.text}” names {listed}, and {whose}"
