"""Tables for readers: a DataFrame as an HTML table with readable headers, units and formatted
numbers (from the data dictionary), and the same table as plain text.

In a notebook, `show(frame, "verdict.csv")` displays one object with both forms: the HTML page
and JupyterLab show the HTML table, and nbval compares both (the text form is stable and
readable in a diff). The findings page renders its key tables with `html_table` too. `wide`
shows a table whose columns are countries or budget measures (headers from their names, cells
formatted as the value column they were pivoted from), and `Record` one JSON object as a
two-column table of its keys and values.
"""

from __future__ import annotations

import dataclasses
import html
import json
import math
import numbers
from collections.abc import Mapping, Sequence

import pandas as pd

from alliance_lib.report.dictionary import MEASURE, MEASURE_LABELS, Column, column, value_label

MISSING = "–"
_NUMERIC = ("integer", "number")


def _as_list(value: object) -> list:
    """A list value, also when it was read back from CSV as its JSON text ("[0, 1, 5]")."""
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str) and value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            return [value]
        return parsed if isinstance(parsed, list) else [value]
    return [value]


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def format_value(value: object, col: Column) -> str:
    """One cell as a reader sees it: numbers to the column's decimals, yes/no, lists joined."""
    if col.type == "list" and not _is_missing(value):
        return ", ".join(str(v) for v in _as_list(value))
    if _is_missing(value) or value == "":
        return MISSING if col.type in _NUMERIC + ("boolean",) else ""
    if col.values and isinstance(value, str):
        return value_label(col.values, value)
    if isinstance(value, bool) or col.type == "boolean":
        return {True: "yes", False: "no", "True": "yes", "False": "no"}.get(value, str(value))
    if isinstance(value, numbers.Real):
        if col.type == "integer":
            return f"{int(value):d}"
        if col.decimals is not None:
            return f"{value:.{col.decimals}f}"
        if abs(value) >= 1e5:
            return f"{value:,.0f}"
        return f"{int(value):d}" if float(value).is_integer() else f"{value:.4g}"
    return str(value)


Overrides = Mapping[str, Column]


def _columns(frame: pd.DataFrame, file: str | None, overrides: Overrides | None) -> list[Column]:
    """Each column's definition: from `overrides`, else from the data dictionary."""
    overrides = overrides or {}
    return [overrides.get(str(name)) or column(file, str(name)) for name in frame.columns]


def readable(
    frame: pd.DataFrame, file: str | None = None, overrides: Overrides | None = None
) -> pd.DataFrame:
    """The frame as strings under readable headers (index dropped), ready to show."""
    columns = _columns(frame, file, overrides)
    shown = pd.DataFrame(
        {
            col.header: [format_value(v, col) for v in frame[name]]
            for name, col in zip(frame.columns, columns, strict=True)
        },
        dtype=object,
    )
    return shown


def html_table(
    frame: pd.DataFrame,
    file: str | None = None,
    *,
    caption: str = "",
    table_id: str = "",
    overrides: Overrides | None = None,
) -> str:
    """An HTML <table>: headers with units (the meaning as a tooltip), numbers right-aligned,
    dates and short values (units) unbroken."""
    columns = _columns(frame, file, overrides)
    classes = [
        " class=num" if c.type in _NUMERIC else " class=date" if c.type == "date" else ""
        for c in columns
    ]
    head = "".join(
        f'<th{kind} title="{html.escape(c.meaning)}" scope="col">{html.escape(c.header)}</th>'
        for c, kind in zip(columns, classes, strict=True)
    )
    rows = []
    for values in frame.itertuples(index=False, name=None):
        cells = "".join(
            f"<td{kind}>{_cell(format_value(v, c), c)}</td>"
            for v, c, kind in zip(values, columns, classes, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    ident = f' id="{html.escape(table_id)}"' if table_id else ""
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'<table class="data"{ident}>{title}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _cell(text: str, col: Column) -> str:
    """A cell's HTML: escaped; kept on one line (no-break spaces) for a `nowrap` column."""
    escaped = html.escape(text)
    return escaped.replace(" ", "&nbsp;") if col.nowrap else escaped


def text_table(
    frame: pd.DataFrame, file: str | None = None, overrides: Overrides | None = None
) -> str:
    """The same table as plain text (what nbval compares, and what a terminal shows)."""
    return readable(frame, file, overrides).to_string(index=False)


class Table:
    """A table shown in a notebook: HTML for the page, plain text for nbval and terminals."""

    def __init__(
        self,
        frame: pd.DataFrame,
        file: str | None = None,
        caption: str = "",
        overrides: Overrides | None = None,
    ) -> None:
        self.frame, self.file, self.caption = frame, file, caption
        self.overrides = dict(overrides or {})

    def _repr_html_(self) -> str:
        return html_table(self.frame, self.file, caption=self.caption, overrides=self.overrides)

    def __repr__(self) -> str:
        text = text_table(self.frame, self.file, self.overrides)
        return f"{self.caption}\n{text}" if self.caption else text


class Record:
    """One JSON object shown as a table of its keys (readable, with units) and values."""

    def __init__(self, values: Mapping[str, object], file: str | None = None) -> None:
        self.rows = [(column(file, str(key)), value) for key, value in values.items()]

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<tr><th scope="row" title="{html.escape(c.meaning)}">{html.escape(c.header)}</th>'
            f"<td{' class=num' if c.type in _NUMERIC else ''}>{_cell(format_value(v, c), c)}</td></tr>"
            for c, v in self.rows
        )
        return f'<table class="data"><tbody>{rows}</tbody></table>'

    def __repr__(self) -> str:
        width = max((len(c.header) for c, _ in self.rows), default=0)
        return "\n".join(f"{c.header:<{width}}  {format_value(v, c)}" for c, v in self.rows)


class Message:
    """A line shown instead of an empty table (the same in HTML and text)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_html_(self) -> str:
        return f'<p class="empty">{html.escape(self.text)}</p>'

    def __repr__(self) -> str:
        return self.text


def show(
    frame: pd.DataFrame,
    file: str | None = None,
    *,
    columns: Sequence[str] | None = None,
    caption: str = "",
    empty: str = "No rows.",
) -> Table | Message:
    """What a notebook cell displays for `frame` (optionally only `columns`), as `file`'s
    dictionary describes it; `empty` is shown when the frame has no rows."""
    if frame.empty:
        return Message(empty)
    return Table(frame[list(columns)] if columns else frame, file, caption)


def wide(
    frame: pd.DataFrame,
    file: str | None,
    value: str,
    labels: Mapping[str, str] | None = None,
    *,
    caption: str = "",
    empty: str = "No rows.",
) -> Table | Message:
    """A pivoted table (index: a year; columns: countries, measures...) as a reader sees it:
    each column headed by its label and formatted as `file`'s column `value` it was pivoted
    from; the index becomes the first column. The caption should give the unit."""
    if frame.empty:
        return Message(empty)
    labels = labels or {}
    base = column(file, value)
    overrides = {
        str(key): dataclasses.replace(
            base,
            name=str(key),
            unit="",
            label=labels.get(str(key), str(key)),
            meaning=f"{labels.get(str(key), str(key))}: {base.meaning}",
        )
        for key in frame.columns
    }
    shown = frame.reset_index()
    shown.columns = [str(name) for name in shown.columns]
    return Table(shown, file, caption, overrides)


def by_measure(budget: pd.DataFrame, value_column: str) -> pd.DataFrame:
    """A national budget table pivoted to one row per fiscal year and one column per measure,
    headed by the measure's label, in the order `dictionary.MEASURE_LABELS` gives (others
    after, by name)."""
    table = budget.pivot(index="fiscal_year", columns="measure", values=value_column)
    order = {name: k for k, name in enumerate(MEASURE_LABELS)}
    table = table[sorted(table.columns, key=lambda m: (order.get(m, len(order)), m))]
    return table.rename(columns=lambda m: value_label(MEASURE, m))


def threat_voices(threats: pd.DataFrame) -> pd.DataFrame:
    """Who voices the threats: per voice, the sentences framing a state as a threat, the
    (sentence, state) frames, the states framed, and the frames it rejects; most sentences first
    (the findings page's voices table). `threats` is the threat coder's table
    (`analysis.threats.threat_table`)."""
    names = ["voice", "voice_how", "sentences", "frames", "states", "rejected"]
    if threats.empty:
        return pd.DataFrame(columns=names)
    rows = []
    for voice, group in threats.groupby("voice", sort=False):
        framed = group[group["label"] == "threat"]
        rows.append(
            {
                "voice": voice,
                "voice_how": group["voice_how"].iloc[0],
                "sentences": framed["sentence"].nunique(),
                "frames": len(framed),
                "states": ", ".join(dict.fromkeys(framed["state_name"])),
                "rejected": int((group["label"] == "rejected").sum()),
            }
        )
    grouped = pd.DataFrame(rows, columns=names).sort_values(
        ["sentences", "frames", "voice"], ascending=[False, False, True], kind="stable"
    )
    return grouped.reset_index(drop=True)
