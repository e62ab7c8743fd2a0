"""Numeric and temporal claims: shares of GDP, multipliers, durations, amounts, dates, anchors.

Own regular expressions rather than quantulum3/dateparser: on news text those mis-read
bracketed amounts as negative, "We" as Wednesday and years as numbers (see the research notes).

Year inference for a month and day given without a year ("Jan. 13"), in this order:
1. with `reference_date`, the year that puts the date nearest to it;
2. otherwise, the first such day on or after the latest fully dated (month or day) mention in
   the article ("November 2022" makes "Jan. 13" 2023-01-13);
3. otherwise the year stays unknown: value "--01-13", precision "month_day".

A weekday ("on Friday") is the last such day on or before `reference_date`; without one it
stays a weekday (precision "weekday"). `reference_date` comes from the caller, an HTML page's
publication date, or a date line at the top of a plain-text article.
"""

from __future__ import annotations

import re
from datetime import date

from alliance_lib.model import Claim, Sentence
from alliance_lib.structure import sentence_locator

_WORD_NUMBERS = {
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
_NUM = (
    r"(?=[\dotfsenOTFSEN])\b(?:\d+(?:,\d{3})*(?:\.\d+)?|"
    + "|".join(k for k in _WORD_NUMBERS if len(k) > 2)
    + ")"
)
_MONTHS = {
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
_MONTH = (
    r"(?:" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
)
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_CURRENCIES = {
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
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MULTIPLIERS = {"doub": 2.0, "trip": 3.0, "quadrup": 4.0, "halv": 0.5}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "share_of_gdp",
        re.compile(
            rf"(?i)(?P<num>{_NUM})\s*(?:%|percent|per cent|pct)\s+of\s+(?:(?:its|the|their|national|annual|current|[A-Z][\w]*[’']s)\s+)*(?:GDP|gross domestic product)\b"
        ),
    ),
    ("percent", re.compile(rf"(?i)(?P<num>{_NUM})\s*(?:%|percent\b|per cent\b)")),
    (
        "multiplier",
        re.compile(
            r"(?i)(?=[dtqh])\b(?P<word>doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|quadrupl(?:e|es|ed|ing)|halv(?:e|es|ed|ing))\b"
            rf"|\b(?P<num>{_NUM})[- ]fold\b"
        ),
    ),
    (
        "duration",
        re.compile(
            rf"(?i)(?=[oiwdfa])\b(?:over|in|within|during|for|across)\s+(?:the\s+)?(?:next\s+|coming\s+|past\s+|last\s+)?"
            rf"(?:(?P<num>{_NUM})\s+(?P<unit>years?|months?|decades?)|(?P<one>a)\s+(?P<unit1>decade))\b"
        ),
    ),
    (
        "amount",
        re.compile(
            rf"(?i)(?P<cur>US\$|[$¥€£])\s?(?P<num>{_NUM})(?:\s*(?P<scale>trillion|billion|million|thousand|bn|tn)\b)?"
            rf"|\b(?P<num2>{_NUM})\s*(?P<scale2>trillion|billion|million|thousand)?\s+(?P<cur2>yen|dollars|euros|pounds|won|yuan|rubles|roubles)\b"
        ),
    ),
    (
        "fiscal_year",
        re.compile(
            r"\b(?:[Ff]iscal(?: year)?\s+|FY\s?)(?P<year>(?:19|20)\d{2})(?:[-–](?P<end>\d{2,4}))?\b"
        ),
    ),
    (
        "date_mdy",
        re.compile(
            rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?"
        ),
    ),
    (
        "date_dmy",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})(?:\s+(?P<year>(?:19|20)\d{{2}}))?\b"
        ),
    ),
    ("date_my", re.compile(rf"\b(?P<month>{_MONTH})\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}})\b")),
    (
        "weekday",
        re.compile(
            r"\b(?:on|last|this|since|until|by|from)\s+"
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    (
        "date_y",
        re.compile(
            r"\b(?:in|by|since|until|through|from|to|before|after|of|between|and)\s+(?P<year>(?:19|20)\d{2})\b(?!\s*(?:%|percent))"
        ),
    ),
    (
        "historical_anchor",
        re.compile(
            r"(?i)(?=[flbsp])\b(?:(?:for the first time |largest |biggest |first )?since|before)\s+(?:the\s+)?"
            r"(?:(?:end|conclusion|close|start|beginning|outbreak)\s+of\s+(?:the\s+)?)?"
            r"(?P<event>World War (?:II|Two|2|I|One)\b|Second World War|First World War|Cold War|Korean War)"
            r"|\b(?P<postwar>post-?war)\b|\bin (?P<recent>recent|modern|living) (?P<what>history|memory)\b"
        ),
    ),
]
_EVENTS = {
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


def number(token: str) -> float:
    """A numeral or a number word as a float ("2" -> 2.0, "five" -> 5.0, "1,500" -> 1500.0)."""
    token = token.lower()
    return float(_WORD_NUMBERS[token]) if token in _WORD_NUMBERS else float(token.replace(",", ""))


def _month(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _event(match: re.Match[str]) -> str:
    if match.group("event"):
        key = match.group("event").lower()
        return _EVENTS.get(key.removeprefix("world war ").strip(), match.group("event"))
    if match.group("postwar"):
        return "post-war"
    return f"{match.group('recent').lower()} {match.group('what').lower()}"


def _infer_year(month: int, day: int, reference: date | None, anchor: tuple[int, int, int] | None):
    """(value, precision, note) for a month-day without a year; see the module docstring."""
    if reference is not None:
        candidates = []
        for year in (reference.year - 1, reference.year, reference.year + 1):
            try:
                candidates.append(date(year, month, day))
            except ValueError:
                continue
        if candidates:
            best = min(candidates, key=lambda d: (abs((d - reference).days), d))
            return (
                best.isoformat(),
                "day",
                f"year inferred as nearest to reference date {reference}",
            )
    if anchor is not None:
        year = anchor[0] if (month, day) >= (anchor[1], anchor[2]) else anchor[0] + 1
        try:
            value = date(year, month, day).isoformat()
        except ValueError:
            value = None
        if value:
            return (
                value,
                "day",
                (
                    f"year inferred: first such day on or after the article's latest dated mention "
                    f"({anchor[0]:04d}-{anchor[1]:02d})"
                ),
            )
    return (
        f"--{month:02d}-{day:02d}",
        "month_day",
        "year not stated; pass reference_date to infer it",
    )


# A pattern runs only on sentences holding one of its trigger substrings (lower-cased): a
# cheap gate that spares most of the regex scanning (the parser's throughput depends on it).
_MONTH_TRIGGERS = tuple("jan feb mar apr may jun jul aug sep oct nov dec".split())
_TRIGGERS = {
    "share_of_gdp": ("gdp", "gross domestic"),
    "percent": ("%", "percent", "per cent"),
    "multiplier": ("doubl", "tripl", "quadrupl", "halv", "fold"),
    "duration": ("year", "month", "decade"),
    "amount": tuple("$ ¥ € £ yen dollar euro pound won yuan ruble rouble".split()),
    "fiscal_year": ("fiscal", "fy"),
    "date_mdy": _MONTH_TRIGGERS,
    "date_dmy": _MONTH_TRIGGERS,
    "date_my": _MONTH_TRIGGERS,
    "date_y": ("19", "20"),
    "weekday": ("day",),
    "historical_anchor": ("war", "history", "memory"),
}


# Each pattern with its triggers; a pattern without triggers fails here, at import.
_RULES = [(kind, pattern, _TRIGGERS[kind]) for kind, pattern in _PATTERNS]


def _matches(text: str, sentences: list[Sentence]):
    """(kind, match) for every pattern match, sentence by sentence; each span claimed once."""
    spans = [(s.start, s.end) for s in sentences] or [(0, len(text))]
    for start, end in spans:
        lowered = text[start:end].lower()
        taken: list[tuple[int, int]] = []
        for kind, pattern, triggers in _RULES:
            if not any(trigger in lowered for trigger in triggers):
                continue
            for match in pattern.finditer(text, start, end):
                a, b = match.span()
                if any(x < b and a < y for x, y in taken):
                    continue
                taken.append((a, b))
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
            anchors.append((int(match.group("year")), _month(match.group("month")), day))
    anchor = max(anchors) if anchors else None

    claims = []
    for kind, match in sorted(raw, key=lambda item: item[1].start()):
        claim = _to_claim(kind, match, reference_date, anchor)
        if claim is None:
            continue
        claim_type, value, unit, precision, note = claim
        start, end = match.span({"date_y": "year", "weekday": "weekday"}.get(kind, 0))
        claims.append(
            Claim(
                start,
                end,
                text[start:end],
                claim_type,
                value,
                unit,
                sentence_of(start),
                precision,
                note,
            )
        )
    return claims


def _to_claim(kind: str, m: re.Match[str], reference: date | None, anchor):
    """(type, value, unit, precision, note) for one match, or None when it is not a valid claim."""
    if kind == "share_of_gdp":
        return "share_of_gdp", number(m.group("num")), "percent of GDP", None, None
    if kind == "percent":
        return "percent", number(m.group("num")), "percent", None, None
    if kind == "multiplier":
        if m.group("word"):
            stem = next(k for k in _MULTIPLIERS if m.group("word").lower().startswith(k))
            return "multiplier", _MULTIPLIERS[stem], "times", None, None
        return "multiplier", number(m.group("num")), "times", None, None
    if kind == "duration":
        unit = (m.group("unit") or m.group("unit1")).lower().rstrip("s")
        value = number(m.group("num")) if m.group("num") else 1.0
        if unit == "decade":
            return "duration", value * 10, "years", None, "decades expressed in years"
        return "duration", value, unit + "s", None, None
    if kind == "amount":
        currency = (m.group("cur") or m.group("cur2")).lower()
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        value = number(m.group("num") or m.group("num2")) * _SCALES.get(scale, 1.0)
        return "amount", value, _CURRENCIES[currency], None, None
    if kind == "fiscal_year":
        value = f"FY{m.group('year')}"
        if m.group("end"):
            end = m.group("end")
            value += f"-FY{m.group('year')[: 4 - len(end)]}{end}"
        return "fiscal_year", value, None, "fiscal_year", None
    if kind in ("date_mdy", "date_dmy"):
        month, day = _month(m.group("month")), int(m.group("day"))
        if not 1 <= day <= 31:
            return None
        if m.group("year"):
            try:
                return "date", date(int(m.group("year")), month, day).isoformat(), None, "day", None
            except ValueError:
                return None
        value, precision, note = _infer_year(month, day, reference, anchor)
        return "date", value, None, precision, note
    if kind == "date_my":
        return (
            "date",
            f"{int(m.group('year')):04d}-{_month(m.group('month')):02d}",
            None,
            "month",
            None,
        )
    if kind == "weekday":
        name = m.group("weekday")
        if reference is None:
            return "date", name, None, "weekday", "weekday; pass reference_date to resolve it"
        back = (reference.weekday() - _WEEKDAYS.index(name)) % 7
        day = date.fromordinal(reference.toordinal() - back)
        return (
            "date",
            day.isoformat(),
            None,
            "day",
            f"the last {name} on or before reference date {reference}",
        )
    if kind == "date_y":
        return "date", m.group("year"), None, "year", None
    if kind == "historical_anchor":
        return "historical_anchor", _event(m), None, None, None
    raise AssertionError(kind)


def date_of_line(text: str) -> date | None:
    """The day a dateline such as "January 13, 2023" or "2023-01-13" names, if it names one."""
    iso = re.search(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b", text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    for claim in find_claims(text, []):
        if claim.type == "date" and claim.precision == "day":
            return date.fromisoformat(str(claim.value))
    return None
