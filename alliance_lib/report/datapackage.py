"""Each report's `datapackage.json`: a Frictionless Data Package describing every CSV and JSON
file the notebooks wrote, built from the data dictionary (`dictionary.yaml`), so that
`frictionless validate reports/NAME/datapackage.json` checks the tables and any tool that reads
the standard opens them with their types, units and meanings.

A CSV file is a tabular resource with a Table Schema: its fields in the file's own order and
under their real names (a file or column named after the focus country or its currency under
the name this run gave it: japan_share_by_edition.csv, spending_trillion_yen), each with its
type, title, description and unit (a field property), the empty field as the missing value (as
pandas writes it), and the primary key the dictionary gives. A file or column the dictionary
lacks (a notebook changed without its entry; the tests fail on it) is still listed, typed `any`
and described as missing from the dictionary, rather than failing a finished run. A JSON file is a resource with a
description and no schema (`"type": "json"`, so that frictionless checks it parses).
"""

from __future__ import annotations

import re
from pathlib import Path

from alliance_lib.report import dictionary
from alliance_lib.report.outputs import write_json

PACKAGE_FILE = "datapackage.json"
MISSING_VALUES = [""]  # pandas writes a missing value as an empty field
# The dictionary's types as Table Schema types: a list column holds a JSON array ("[0, 5]").
TABLE_TYPES = {
    "integer": "integer",
    "number": "number",
    "string": "string",
    "boolean": "boolean",
    "date": "date",
    "list": "array",
    "object": "object",
}
NOT_DESCRIBED = "not described in the data dictionary (alliance_lib/report/dictionary.yaml)"
_FORMATS = {".csv": ("csv", "text/csv"), ".json": ("json", "application/json")}


def resource_name(stem: str, name: str) -> str:
    """A resource's name: the notebook folder and the file's stem, as the standard allows them
    (lower case letters, digits, '-', '_', '.'): 02_defence_spending-japan_share_by_edition."""
    return re.sub(r"[^a-z0-9._-]+", "_", f"{stem}-{Path(name).stem}".lower())


def table_schema(schema: dictionary.FileSchema | None, header: list[str]) -> dict:
    """The Table Schema of a written CSV whose header is `header` (`schema` None: a file the
    dictionary lacks)."""
    fields = []
    for name in header:
        column = schema.column(name) if schema is not None else None
        if column is None:
            fields.append({"name": name, "type": "any", "description": NOT_DESCRIBED})
            continue
        field = {
            "name": name,
            "title": column.label or name.replace("_", " "),
            "type": column.table_type or TABLE_TYPES[column.type],
            "description": column.meaning,
        }
        if column.unit:
            field["unit"] = column.unit
        if column.pattern:
            field["constraints"] = {"pattern": column.pattern}
        fields.append(field)
    described: dict = {"fields": fields, "missingValues": MISSING_VALUES}
    # a key names columns the file holds: a file written without one of them (a dictionary
    # entry out of step with the code, which the dictionary tests report) keeps no key
    if schema is not None and schema.primary_key and set(schema.primary_key) <= set(header):
        described["primaryKey"] = list(schema.primary_key)
    return described


def _resource(report: Path, path: Path) -> dict:
    """One written file as a resource (a CSV with its Table Schema)."""
    schema = dictionary.schema(path.name)
    stem = path.parent.name
    form, mediatype = _FORMATS[path.suffix]
    resource = {
        "name": resource_name(stem, path.name),
        "path": path.relative_to(report).as_posix(),
        "profile": "tabular-data-resource" if form == "csv" else "data-resource",
        # frictionless reads a JSON file as a table unless told: finding.json would pass for a
        # resource descriptor (it has a "data" key)
        "type": "table" if form == "csv" else "json",
        "title": f"{stem}/{path.name}",
        "description": schema.meaning if schema is not None else NOT_DESCRIBED,
        "format": form,
        "mediatype": mediatype,
        "encoding": "utf-8",
    }
    if form == "csv":
        resource["schema"] = table_schema(schema, dictionary.written_columns(path))
    return resource


def describe(report: Path, stems: list[str], title: str) -> dict:
    """The data package of the report folder `report`: every CSV and JSON file in each
    notebook's folder (`stems`, in reading order; files by name)."""
    resources = [
        _resource(report, path)
        for stem in stems
        if (report / stem).is_dir()
        for path in sorted((report / stem).iterdir())
        if path.suffix in _FORMATS and path.is_file()
    ]
    return {
        "profile": "data-package",
        "name": resource_name("alliance-report", report.name.lstrip(".")),
        "title": f"alliance report: {title}",
        "description": (
            "The tables and JSON files the alliance notebooks wrote for one article; each "
            "column's meaning and unit come from the package's data dictionary "
            "(data_dictionary.html beside this file)."
        ),
        "resources": resources,
    }


def write_datapackage(report: Path, stems: list[str], title: str) -> Path:
    """Write `datapackage.json` at the root of the report folder `report`."""
    return write_json(report / PACKAGE_FILE, describe(report, stems, title))
