"""Each report's datapackage.json: a Frictionless Data Package of every CSV and JSON file,
valid under `frictionless validate`, built from the data dictionary (the German and Polish
runs are checked in tests/notebooks/test_spending_focus.py, the coverage comparison's in
tests/notebooks/test_alliance_run.py)."""

from __future__ import annotations

import json
import shutil

import frictionless

from alliance_lib.report import datapackage
from tests.report.package_checks import check_package


def test_the_seed_reports_data_package_is_valid_and_describes_every_table(seed_report):
    package = check_package(seed_report)
    resources = {r["path"]: r for r in package["resources"]}
    assert len(resources) >= 25 and package["name"] == "alliance-report-report"
    edition = resources["02_defence_spending/japan_share_by_edition.csv"]  # its real name
    assert edition["name"] == "02_defence_spending-japan_share_by_edition"
    assert edition["schema"]["primaryKey"] == ["year"]
    fields = {f["name"]: f for f in edition["schema"]["fields"]}
    assert fields["SIPRI_MILEX_2024REL"]["unit"] == "% of GDP"
    assert fields["SIPRI_MILEX_2024REL"]["title"] == "SIPRI 2024 release"
    path = resources["02_defence_spending/scenario_path.csv"]["schema"]["fields"]
    assert {"name": "spending_trillion_yen", "unit": "tn yen", "type": "number"}.items() <= next(
        f for f in path if f["name"] == "spending_trillion_yen"
    ).items()
    shifts = resources["03_policy_shifts/policy_shifts.csv"]["schema"]["fields"]
    assert next(f for f in shifts if f["name"] == "sentences")["type"] == "array"
    timeline = resources["03_policy_shifts/timeline.csv"]["schema"]["fields"]
    date = next(f for f in timeline if f["name"] == "date")  # a month or a year: not a date
    assert date["type"] == "string" and date["constraints"]["pattern"].startswith("[0-9]{4}")
    assert next(f for f in timeline if f["name"] == "period_start")["type"] == "date"
    assert "schema" not in resources["01_article_overview/article.json"]
    assert "datapackage.json" in (seed_report / "index.html").read_text(encoding="utf-8")


def test_a_table_that_breaks_its_schema_fails_validation(seed_report, tmp_path):
    """The package's types and keys mean something: a text in an integer column and a
    repeated primary key are both reported."""
    report = tmp_path / "report"
    shutil.copytree(seed_report, report)
    quotes = report / "01_article_overview" / "quotes.csv"
    lines = quotes.read_text(encoding="utf-8").splitlines(keepends=True)
    quotes.write_text("".join([lines[0], lines[1], lines[1], *lines[2:]]), encoding="utf-8")
    claims = report / "01_article_overview" / "claims.csv"
    text = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    claims.write_text(text[0] + "x" + text[1], encoding="utf-8")  # start "x123"
    validation = frictionless.validate(str(report / datapackage.PACKAGE_FILE))
    errors = {(t.name, e.type) for t in validation.tasks for e in t.errors}
    assert ("01_article_overview-quotes", "primary-key") in errors
    assert ("01_article_overview-claims", "type-error") in errors


def test_a_file_or_column_missing_from_the_dictionary_is_listed_as_not_described(tmp_path):
    """A finished run is not failed for a missing entry (the dictionary tests fail instead):
    the package lists the file, its unknown columns typed `any`, and still validates."""
    folder = tmp_path / "report" / "02_defence_spending"
    folder.mkdir(parents=True)
    (folder / "verdict.csv").write_text("scope_id,new_column\nx,1\n", encoding="utf-8")
    (folder / "notes.csv").write_text("a\n1\n", encoding="utf-8")
    path = datapackage.write_datapackage(tmp_path / "report", ["02_defence_spending"], "t")
    resources = {r["path"]: r for r in json.loads(path.read_text(encoding="utf-8"))["resources"]}
    notes = resources["02_defence_spending/notes.csv"]
    assert notes["description"] == datapackage.NOT_DESCRIBED
    assert notes["schema"]["fields"] == [
        {"name": "a", "type": "any", "description": datapackage.NOT_DESCRIBED}
    ]
    verdict = resources["02_defence_spending/verdict.csv"]["schema"]
    assert [f["type"] for f in verdict["fields"]] == ["string", "any"]
    assert "primaryKey" not in verdict  # its key (owner, scope_id) names a column not written
    assert frictionless.validate(str(path)).valid


def test_the_package_is_the_same_bytes_for_the_same_report(seed_report, tmp_path):
    stems = sorted(p.name for p in seed_report.iterdir() if p.is_dir())
    first = json.dumps(datapackage.describe(seed_report, stems, "seed"), sort_keys=True)
    again = json.dumps(datapackage.describe(seed_report, stems, "seed"), sort_keys=True)
    assert first == again
    assert (seed_report / datapackage.PACKAGE_FILE).read_text(encoding="utf-8").endswith("}\n")
