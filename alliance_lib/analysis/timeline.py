"""The events an article dates, in time order, each with the clause that dates it.

A date keeps the precision the text gives it: "November 2022" is the month 2022-11 (the period
2022-11-01 to 2022-11-30), never the 1st of November; "this week" resolved against the reference
date is an ISO week. Dates the text leaves open (a weekday or a relative date with no reference
date, a month and day with no year) are listed as unresolved, with the rule that would resolve
them in `note`.
"""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd

from alliance_lib.text.model import Article

RESOLVED = ("year", "month", "week", "day")
UNRESOLVED = ("weekday", "relative", "month_day")
COLUMNS = [
    "date",
    "precision",
    "period_start",
    "period_end",
    "resolved",
    "as_written",
    "label",
    "note",
    "start",
    "end",
    "sentence",
]


def _clause(text: str, start: int, end: int, width: int = 90) -> str:
    """The comma-delimited clause of `text` around [start, end), shortened to `width`."""
    left = max(text.rfind(",", 0, start), text.rfind(";", 0, start))
    right_candidates = [i for i in (text.find(",", end), text.find(";", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    clause = text[left + 1 : right].strip().rstrip(".")
    return clause if len(clause) <= width else clause[: width - 1].rstrip() + "…"


def period(value: str, precision: str) -> tuple[str, str]:
    """First and last day (ISO) of a date at its precision: a year, a month, an ISO week, a day."""
    if precision == "year":
        return f"{value}-01-01", f"{value}-12-31"
    if precision == "month":
        year, month = (int(part) for part in value.split("-"))
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    if precision == "week":
        year, week = value.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        sunday = date.fromisocalendar(int(year), int(week), 7)
        return monday.isoformat(), sunday.isoformat()
    return value, value


def dated_events(article: Article) -> pd.DataFrame:
    """Dated events, in time order (by the start of their period), then the unresolved ones."""
    rows = []
    for claim in article.claims:
        if claim.type != "date" or claim.precision not in RESOLVED + UNRESOLVED:
            continue
        sentence = article.sentences[claim.sentence]
        value = str(claim.value)
        resolved = claim.precision in RESOLVED
        first, last = period(value, str(claim.precision)) if resolved else ("", "")
        rows.append(
            {
                "date": value if resolved else "",
                "precision": claim.precision,
                "period_start": first,
                "period_end": last,
                "resolved": resolved,
                "as_written": claim.text,
                "label": f"{value if resolved else claim.text}: "
                + _clause(sentence.text, claim.start - sentence.start, claim.end - sentence.start),
                "note": claim.note or "",
                "start": claim.start,
                "end": claim.end,
                "sentence": claim.sentence,
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(
        ["resolved", "period_start", "start"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)
