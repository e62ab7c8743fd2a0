"""The article's publication date, from a date line under the headline, a page's metadata, or
the dateline that opens a wire story.

`publication_date` reads every form of a line made only of a date: "January 13, 2023", "Friday,
Jan. 13, 2023 at 10:30 a.m. EST", "13 January 2023" and "2023-01-13" (the form HTML metadata
gives). `dateline_date` reads the date of a dateline opening the body: "SAN DIEGO, March 13, 2023
(Reuters) - ...", a place in capitals, the date, an optional agency in brackets, then a dash.
"""

from __future__ import annotations

import re
from datetime import date

from alliance_lib.text.dates import month_number, valid_date

_DATE_LINE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8})\.?\s+(?P<year2>(?:19|20)\d{2})"
    r"|(?P<iso>(?P<iso_year>(?:19|20)\d{2})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})))"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
)


def publication_date(line: str | None) -> date | None:
    """The day a line made only of a date names, or None (not a date line, or no such day)."""
    if not line:
        return None
    match = _DATE_LINE.fullmatch(line.strip())
    if match is None:
        return None
    if match.group("iso"):
        year, month, day = (int(match.group(f"iso_{k}")) for k in ("year", "month", "day"))
        return valid_date(year, month, day)
    month_name = match.group("month") or match.group("month2")
    try:
        month = month_number(month_name)
    except KeyError:
        return None  # "Hello 13, 2023" has the shape of a date line but names no month
    day = int(match.group("day") or match.group("day2"))
    return valid_date(int(match.group("year") or match.group("year2")), month, day)


_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}(?:,\s+[A-Z][A-Za-z.]{1,12})?),\s+"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d{2})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d{2}))"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]"
)


def dateline_date(body: str) -> date | None:
    """The day the dateline opening `body` names ("SAN DIEGO, March 13, 2023 (Wire) - ..."), or
    None: no dateline, or one without a year ("LONDON, March 13 (Reuters) -"), or no such day."""
    match = _DATELINE.match(body)
    return publication_date(match.group("date")) if match else None
