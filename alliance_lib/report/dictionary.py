"""The data dictionary: every file a report writes and every column of it (name, type, unit,
meaning, primary key), read from `dictionary.yaml` beside this module; and the labels a reader
sees for coded values (SIPRI editions, budget measures) instead of their ids.

The YAML file is the one schema of the report's files: `data_dictionary.html` renders it, the
notebooks' HTML tables take their headers, units and number formats from it (`report.tables`),
the findings page picks its key tables and their columns from it, each report's
`datapackage.json` is built from it (`report.datapackage`), and a test runs the notebooks and
fails on any column it lacks. A column with the same name means the same thing in every file
(`shared_columns`), unless a file says otherwise. A file or column named after the focus country
or its currency is listed once, with a placeholder (`<country>_share_by_edition.csv`,
`spending_trillion_<currency>`); `<edition>` stands for one column per SIPRI edition. Tables
notebook 02 shows from data/ (national budgets and plans) are under `shown`, not `files`: the
report does not write them. docs/report.md says how to add an entry.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path

from alliance_lib.analysis.reference_data import EDITIONS
from alliance_lib.datafiles import read_yaml, validate
from alliance_lib.errors import DataError
from alliance_lib.report.finding import FINDING_FILE

DICTIONARY_FILE = Path(__file__).with_name("dictionary.yaml")
TYPES = ("integer", "number", "string", "boolean", "date", "list", "object")
# How every CSV the report writes stores text a spreadsheet would run as a formula
# (`report.outputs.neutralise_formulas`); the dictionary page says it once, for every file.
FORMULA_CELLS = (
    "In every CSV file, a text cell (or header) that begins with =, +, -, @, a tab or a carriage "
    "return is written with a leading apostrophe ('=SUM(A1) for =SUM(A1)), so that a spreadsheet "
    "shows it as text instead of running it as a formula (CSV injection): an outlet, headline, "
    "speaker or URL taken from an article cannot run in Excel or LibreOffice. Remove the "
    "apostrophe to get the text as the article gives it. Numbers stay numbers: numeric columns, "
    "and text cells that are a plain number such as -3, are written as they are. A carriage "
    "return inside a text cell is written as a line feed (the cell is then quoted), so that it "
    "cannot start a row."
)
COUNTRY = (
    "<country>"  # in a file name: the focus country's name, lower case ("japan", "united_kingdom")
)
CURRENCY = (
    "<currency>"  # in a column name: the focus country's currency ("yen", "eur", "local_currency")
)
EDITION_COLUMN = "<edition>"  # a column name: one column per edition in reference_data.EDITIONS
# Vocabularies of coded values a table shows by their labels (`value_label`).
EDITION = "edition"  # SIPRI edition ids, also inside a text ("SIPRI military expenditure, <id>")
MEASURE = "measure"  # national budget measures
STATUS = "status"  # enacted, or a press-reported proposal
ITEM = "item"  # snake_case ids of plan figures, read as words
VOCABULARIES = (EDITION, MEASURE, STATUS, ITEM)
# Tables notebook 02 shows from data/ (`shown` in the YAML file).
NATIONAL_BUDGET = "national budget file"
NATIONAL_PLAN = "national plan file"


@dataclass(frozen=True)
class Column:
    """One column of a CSV file, or one top-level key of a JSON file."""

    name: str
    type: str
    unit: str
    meaning: str
    label: str = ""  # the header a reader sees; default: the name with spaces
    decimals: int | None = None  # digits shown after the point in HTML tables
    values: str = ""  # the vocabulary whose ids the tables show as labels (EDITION, MEASURE...)
    nowrap: bool = False  # short values kept on one line in HTML tables ("tn yen")
    table_type: str = ""  # the Table Schema type in datapackage.json, when not the type's own
    pattern: str = ""  # a regular expression every value matches (a Table Schema constraint)

    @property
    def header(self) -> str:
        """The readable header: label, then the unit in brackets when there is one."""
        label = self.label or self.name.replace("_", " ")
        return f"{label} ({self.unit})" if self.unit and self.unit != label else label


def _placeholder_value(template: str, name: str) -> str | None:
    """What stands for the placeholder of `template` in `name` (None when it does not match)."""
    for mark in (COUNTRY, CURRENCY):
        if mark in template:
            prefix, suffix = template.split(mark)
            middle = name[len(prefix) : len(name) - len(suffix)]
            if name.startswith(prefix) and name.endswith(suffix) and middle and "/" not in middle:
                return middle
    return None


def country_stem(name: str) -> str:
    """A country's name as it stands for `<country>` in file names ("japan", "united_kingdom")."""
    return name.lower().replace(" ", "_")


def currency_unit(word: str) -> str:
    """A currency as a unit reads it: yen, EUR, or "local currency" when there is no series."""
    return {"yen": "yen", "local_currency": "local currency"}.get(word, word.upper())


@dataclass(frozen=True)
class FileSchema:
    """A file a notebook writes: what it holds, and its columns (or keys) in order."""

    name: str
    notebook: str
    meaning: str
    columns: tuple[Column, ...]
    key_title: str = ""  # set for the key tables the findings page shows
    summary: tuple[str, ...] = ()  # the columns the findings page shows
    primary_key: tuple[str, ...] = ()  # the columns whose values identify a row (CSV files)

    def column(self, name: str) -> Column | None:
        """The column called `name` (a column named with `<currency>` matches any currency,
        its unit then naming that currency), or None."""
        found = next((c for c in self.columns if c.name == name), None)
        if found is not None:
            return found
        for col in self.columns:
            word = _placeholder_value(col.name, name) if CURRENCY in col.name else None
            if word is not None:
                unit = col.unit.replace(CURRENCY, currency_unit(word))
                return dataclasses.replace(col, name=name, unit=unit)
        return None

    def matches(self, name: str) -> bool:
        """Whether a written file called `name` is this file (`<country>` matches any country)."""
        return name == self.name or (
            COUNTRY in self.name and _placeholder_value(self.name, name) is not None
        )


# --- reading dictionary.yaml ------------------------------------------------------------------
_COLUMN = {
    "type": "object",
    "required": ["name", "type", "meaning"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "type": {"enum": list(TYPES)},
        "unit": {"type": "string"},
        "meaning": {"type": "string", "minLength": 1, "pattern": "^[^`]*$"},
        "label": {"type": "string"},
        "decimals": {"type": "integer", "minimum": 0},
        "values": {"enum": list(VOCABULARIES)},
        "nowrap": {"type": "boolean"},
        "table_type": {
            "enum": ["string", "number", "integer", "boolean", "date", "year", "yearmonth"]
        },
        "pattern": {"type": "string", "minLength": 1},
    },
}
_NAMES = {"type": "array", "items": {"type": "string"}, "minItems": 1}
_FILE = {
    "type": "object",
    "required": ["name", "notebook", "meaning", "columns"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "notebook": {"type": "string", "minLength": 1},
        "meaning": {"type": "string", "minLength": 1},
        "primary_key": _NAMES,
        "key_title": {"type": "string", "minLength": 1},
        "summary": _NAMES,
        "columns": {
            "type": "array",
            "minItems": 1,
            "items": {"oneOf": [{"type": "string"}, _COLUMN]},  # a string names a shared column
        },
    },
}
_LABELS = {"type": "object", "additionalProperties": {"type": "string"}}
DICTIONARY_SCHEMA = {
    "type": "object",
    "required": ["labels", "shared_columns", "files", "shown"],
    "additionalProperties": False,
    "properties": {
        "labels": {
            "type": "object",
            "required": ["measure", "status", "acronyms"],
            "additionalProperties": False,
            "properties": {"measure": _LABELS, "status": _LABELS, "acronyms": _LABELS},
        },
        "shared_columns": {"type": "array", "items": {"type": "object"}},
        "files": {"type": "array", "items": {"type": "object"}},
        "shown": {"type": "array", "items": {"type": "object"}},
    },
}


def _column(entry: dict) -> Column:
    return Column(
        entry["name"],
        entry["type"],
        entry.get("unit", ""),
        entry["meaning"].strip(),
        entry.get("label", ""),
        entry.get("decimals"),
        entry.get("values", ""),
        entry.get("nowrap", False),
        entry.get("table_type", ""),
        entry.get("pattern", ""),
    )


def _columns(entry: dict, shared: dict[str, Column], path: Path) -> tuple[Column, ...]:
    """A file's columns in order: shared ones by name, `<edition>` as one column per edition."""
    columns: list[Column] = []
    for item in entry["columns"]:
        if isinstance(item, str):
            if item not in shared:
                raise DataError(
                    f"{path}: {entry['name']}: column {item!r} is not in shared_columns "
                    "(describe it in the file, or add it to shared_columns)"
                )
            columns.append(shared[item])
        elif item["name"] == EDITION_COLUMN:
            columns.extend(
                dataclasses.replace(
                    _column(item),
                    name=edition,
                    meaning=described,
                    label=edition_label(edition, short=True),
                )
                for edition, described in EDITIONS.items()
            )
        else:
            columns.append(_column(item))
    return tuple(columns)


def _file(entry: dict, shared: dict[str, Column], path: Path) -> FileSchema:
    """One file's schema, its columns, key table columns and primary key checked."""
    columns = _columns(entry, shared, path)
    names = [c.name for c in columns]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise DataError(f"{path}: {entry['name']}: column(s) {duplicated} listed twice")
    for key in ("summary", "primary_key"):
        unknown = [n for n in entry.get(key, []) if n not in names]
        if unknown:
            raise DataError(f"{path}: {entry['name']}: {key} names no column {unknown}")
    if bool(entry.get("key_title")) != bool(entry.get("summary")):
        raise DataError(f"{path}: {entry['name']}: a key table needs both key_title and summary")
    return FileSchema(
        entry["name"],
        entry["notebook"],
        entry["meaning"].strip(),
        columns,
        entry.get("key_title", ""),
        tuple(entry.get("summary", ())),
        tuple(entry.get("primary_key", ())),
    )


def _schemas(entries: list[dict], shared: dict[str, Column], path: Path) -> dict[str, FileSchema]:
    files: dict[str, FileSchema] = {}
    for entry in entries:
        if entry["name"] in files:
            raise DataError(f"{path}: file {entry['name']!r} is listed twice")
        files[entry["name"]] = _file(entry, shared, path)
    return files


def load(path: Path = DICTIONARY_FILE) -> tuple[dict, dict[str, Column], dict, dict]:
    """The dictionary file read and checked: (labels, shared columns, files, shown tables);
    a DataError names the file, the entry and what is wrong."""
    document = read_yaml(path, "data dictionary")
    validate(path, document, DICTIONARY_SCHEMA, "data dictionary")
    for part, schema in (("shared_columns", _COLUMN), ("files", _FILE), ("shown", _FILE)):
        for index, entry in enumerate(document[part]):  # the message names the entry
            validate(path, entry, schema, f"{part}: {entry.get('name', f'entry {index + 1}')}")
    shared = {c["name"]: _column(c) for c in document["shared_columns"]}
    files = _schemas(document["files"], shared, path)
    if FINDING_FILE not in files:
        raise DataError(f"{path}: {FINDING_FILE} (every notebook's finding) is not described")
    return document["labels"], shared, files, _schemas(document["shown"], shared, path)


# --- labels of coded values ------------------------------------------------------------------
_RELEASE = re.compile(r"(\d{4}) release \(data to (\d{4})\)")


def edition_label(edition: str, *, short: bool = False) -> str:
    """A data edition as a reader names it: "SIPRI 2024 release (data to 2023)" ("SIPRI 2024
    release" when `short`), from its description in `reference_data.EDITIONS`."""
    described = EDITIONS.get(edition, "")
    found = _RELEASE.search(described)
    if not found:
        return described or edition
    via = ", via Our World in Data" if described.startswith("Our World in Data") else ""
    name = f"SIPRI {found[1]} release{via}"
    return name if short else f"{name} (data to {found[2]})"


_LABEL_DATA, _SHARED, FILES, SHOWN = load()
# Japan's budget measures (data/japan_mod_defense_budget.csv), in the order tables show them.
MEASURE_LABELS: dict[str, str] = _LABEL_DATA["measure"]
STATUS_LABELS: dict[str, str] = _LABEL_DATA["status"]
_ACRONYMS: dict[str, str] = _LABEL_DATA["acronyms"]
_FINDING = FILES[FINDING_FILE]


def readable_id(code: str) -> str:
    """A snake_case id read as words, acronyms and fiscal years in capitals
    ("nss_gdp_basis_fy2022_estimated_outturn" -> "NSS GDP basis FY2022 estimated outturn")."""
    words = [
        _ACRONYMS.get(w) or (w.upper() if re.fullmatch(r"[fc]y\d{4}", w) else w)
        for w in code.split("_")
        if w
    ]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def value_label(vocabulary: str, value: str) -> str:
    """A coded value as a reader sees it; edition ids are replaced inside a longer text too."""
    if vocabulary == EDITION:
        for edition in EDITIONS:
            value = value.replace(edition, edition_label(edition))
        return value
    if vocabulary == MEASURE:
        return MEASURE_LABELS.get(value) or readable_id(value)
    if vocabulary == STATUS:
        return STATUS_LABELS.get(value) or readable_id(value)
    if vocabulary == ITEM:
        return readable_id(value)
    return value


# --- looking files and columns up ------------------------------------------------------------
def schema(name: str) -> FileSchema | None:
    """The schema of a written file, by its name (japan_share_by_edition.csv is
    <country>_share_by_edition.csv), or None when the dictionary lacks it."""
    found = FILES.get(name)
    return found or next((f for f in FILES.values() if f.matches(name)), None)


def column(file: str | None, name: str) -> Column:
    """A column's definition in `file` (a written file, or a table of `SHOWN`), else the shared
    one, else a bare one named `name`."""
    found = schema(file) if file is not None else None
    found = found or SHOWN.get(file or "")
    return (
        (found.column(name) if found else None)
        or _SHARED.get(name)
        or Column(name, "string", "", "")
    )


def written_columns(path: Path) -> list[str]:
    """The columns of a written CSV (its header) or the top-level keys of a written JSON object."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return list(data) if isinstance(data, dict) else []
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle), [])


def undocumented(path: Path) -> list[str]:
    """What the dictionary lacks for a written file: the file itself, or each column it lacks."""
    found = schema(path.name)
    if found is None:
        return [f"{path.parent.name}/{path.name}: the file is not in the data dictionary"]
    return [
        f"{path.parent.name}/{path.name}: column {name!r} is not in the data dictionary"
        for name in written_columns(path)
        if found.column(name) is None
    ]


def for_notebook(stem: str) -> list[FileSchema]:
    """The files a notebook writes, as the dictionary lists them (finding.json last)."""
    return [f for f in FILES.values() if f.notebook == stem] + [_FINDING]
