"""The checks every report's datapackage.json must pass, shared by the tests of the seed run,
the German and Polish runs and the coverage comparison's run."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless

from alliance_lib.report import dictionary
from alliance_lib.report.datapackage import PACKAGE_FILE


def check_package(report: Path) -> dict:
    """Validate `report`/datapackage.json with frictionless (types, missing values, primary
    keys of every table) and check it lists every CSV and JSON file the notebooks wrote, each
    CSV with a field per column of its header, described, with the dictionary's unit."""
    path = report / PACKAGE_FILE
    validation = frictionless.validate(str(path))
    problems = [e.message for e in validation.errors] + [
        f"{task.name}: {e.message}" for task in validation.tasks for e in task.errors
    ]
    assert validation.valid, "\n".join(problems[:10])
    package = json.loads(path.read_text(encoding="utf-8"))
    written = sorted(
        p.relative_to(report).as_posix()
        for p in report.glob("*/*")
        if p.suffix in (".csv", ".json") and p.is_file()
    )
    resources = {r["path"]: r for r in package["resources"]}
    assert sorted(resources) == written
    assert len({r["name"] for r in package["resources"]}) == len(written)
    for name, resource in resources.items():
        schema = dictionary.schema(Path(name).name)
        assert resource["description"] == schema.meaning
        if name.endswith(".json"):
            assert "schema" not in resource and resource["type"] == "json"
            continue
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == dictionary.written_columns(report / name)
        for field in fields:
            column = schema.column(field["name"])
            assert field["description"] == column.meaning
            assert field.get("unit", "") == column.unit
        assert resource["schema"]["missingValues"] == [""]
        assert resource["schema"].get("primaryKey", []) == list(schema.primary_key)
    return package
