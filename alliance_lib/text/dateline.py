"""The article's publication date, from a date line under the headline or a page's metadata.

One function reads every form the package accepts: "January 13, 2023", "Friday, Jan. 13, 2023
at 10:30 a.m. EST", "13 January 2023" and "2023-01-13" (the form HTML metadata gives).
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
