"""The events an article dates, in time order, each with the clause that dates it."""

from __future__ import annotations

import pandas as pd

from alliance_lib.text.model import Article


def _clause(text: str, start: int, end: int, width: int = 90) -> str:
    """The comma-delimited clause of `text` around [start, end), shortened to `width`."""
    left = max(text.rfind(",", 0, start), text.rfind(";", 0, start))
    right_candidates = [i for i in (text.find(",", end), text.find(";", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    clause = text[left + 1 : right].strip().rstrip(".")
    return clause if len(clause) <= width else clause[: width - 1].rstrip() + "…"


def dated_events(article: Article) -> pd.DataFrame:
    """Events the article dates (a resolved year, month or day), in time order, with their clause."""
    rows = []
    for claim in article.claims:
        if claim.type != "date" or claim.precision not in ("year", "month", "day"):
            continue
        sentence = article.sentences[claim.sentence]
        value = str(claim.value)
        when = {"year": f"{value}-01-01", "month": f"{value}-01", "day": value}[claim.precision]
        rows.append(
            {
                "date": when,
                "as_written": claim.text,
                "precision": claim.precision,
                "label": f"{value}: "
                + _clause(sentence.text, claim.start - sentence.start, claim.end - sentence.start),
                "note": claim.note or "",
                "start": claim.start,
                "end": claim.end,
                "sentence": claim.sentence,
            }
        )
    columns = ["date", "as_written", "precision", "label", "note", "start", "end", "sentence"]
    frame = pd.DataFrame(rows, columns=columns)
    if not frame.empty:
        frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
    return frame.sort_values(["date", "start"], kind="stable").reset_index(drop=True)
