"""Calendar arithmetic for dates the text gives in part: month names, missing years, weekdays.

Year inference for a month and day given without a year ("Jan. 13"), in this order:
1. with a reference date, the year that puts the date nearest to it;
2. otherwise, the first such day on or after the latest fully dated (month or day) mention in
   the article ("November 2022" makes "Jan. 13" 2023-01-13);
3. otherwise the year stays unknown: value "--01-13", precision "month_day".

A weekday ("on Friday") is the last such day on or before the reference date; without one it
stays a weekday (precision "weekday"). The reference date comes from the caller, an HTML page's
publication date, or a date line at the top of a plain-text article (`text.dateline`).
"""

from __future__ import annotations

import re
from datetime import date

from alliance_lib.config import EARLIEST_REFERENCE, LATEST_REFERENCE
from alliance_lib.text.lexicon import MONTHS, WEEKDAYS

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
Anchor = tuple[int, int, int]  # (year, month, day) of the latest fully dated mention


def month_number(token: str) -> int:
    """1-12 for a month name or abbreviation ("Jan.", "September"); KeyError otherwise."""
    return MONTHS[token.rstrip(".").lower()]


def valid_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(
    month: int, day: int, reference: date | None, anchor: Anchor | None
) -> tuple[str, str, str]:
    """(value, precision, note) for a month-day without a year; see the module docstring."""
    if reference is not None:
        candidates = [
            found
            for year in (reference.year - 1, reference.year, reference.year + 1)
            if (found := valid_date(year, month, day)) is not None
        ]
        if candidates:
            best = min(candidates, key=lambda d: (abs((d - reference).days), d))
            return (
                best.isoformat(),
                "day",
                f"year inferred as nearest to reference date {reference}",
            )
    if anchor is not None:
        year = anchor[0] if (month, day) >= (anchor[1], anchor[2]) else anchor[0] + 1
        found = valid_date(year, month, day)
        if found is not None:
            return (
                found.isoformat(),
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


def last_weekday(name: str, reference: date) -> date:
    """The last day called `name` ("Friday") on or before `reference`."""
    back = (reference.weekday() - WEEKDAYS.index(name)) % 7
    return date.fromordinal(reference.toordinal() - back)


def reference_day(value: str | date) -> date:
    """A reference date: a `date` or an exact YYYY-MM-DD string, within the supported range.

    The one check the parser, the CLI and the notebook parameters share; a ValueError says what
    is wrong with `value` (each caller names where it came from).
    """
    if isinstance(value, str):
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(f"{value!r} is not a YYYY-MM-DD date")
        try:
            value = date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a valid date ({exc})") from None
    if not EARLIEST_REFERENCE <= value <= LATEST_REFERENCE:
        raise ValueError(
            f"{value.isoformat()} is outside the supported range "
            f"{EARLIEST_REFERENCE.isoformat()} to {LATEST_REFERENCE.isoformat()}"
        )
    return value
