"""Data-file readers: a missing or malformed file is a DataError naming the file."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from alliance_lib import DataError, datafiles
from alliance_lib.datafiles import read_csv, read_yaml, validate


def test_read_csv_checks_columns_and_names_the_file(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert list(read_csv(path, "table", {"a"})["b"]) == [2]
    with pytest.raises(DataError, match=r"table.csv: missing column\(s\) \['c'\]"):
        read_csv(path, "table", {"a", "c"})
    with pytest.raises(DataError, match="missing.csv: table not found"):
        read_csv(tmp_path / "missing.csv", "table", set())
    with pytest.raises(DataError, match="is a directory"):
        read_csv(tmp_path, "table", set())
    path.write_bytes(b"")
    with pytest.raises(DataError, match="not a readable CSV"):
        read_csv(path, "table", set())


def test_read_yaml_names_the_file(tmp_path):
    with pytest.raises(DataError, match="nothing.yaml: codebook not found"):
        read_yaml(tmp_path / "nothing.yaml", "codebook")
    (tmp_path / "bad.yaml").write_text("a: [\n", encoding="utf-8")
    with pytest.raises(DataError, match="not valid YAML for a codebook"):
        read_yaml(tmp_path / "bad.yaml", "codebook")


def test_validation_does_not_import_the_iri_checker_jsonschema_would_load(tmp_path):
    """Where rfc3987_syntax is installed (JupyterLab brings it), importing jsonschema imports it
    and it builds a parser (about 1.4 s in every notebook kernel): validating a data file must
    not load it, and leaves it importable."""
    fake = tmp_path / "rfc3987_syntax.py"
    fake.write_text("import os\nos.environ['IRI_CHECKER_LOADED'] = '1'\n", encoding="utf-8")
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from alliance_lib.datafiles import validate\n"
        "assert 'jsonschema' not in sys.modules\n"
        "validate(Path('x.yaml'), {'a': 1}, {'type': 'object'}, 'test')\n"
        "assert 'IRI_CHECKER_LOADED' not in os.environ, 'imported'\n"
        "import rfc3987_syntax\n"
        "print(os.environ['IRI_CHECKER_LOADED'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=os.environ | {"PYTHONPATH": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"


_SCHEMA = {"type": "object", "properties": {"day": {"type": "string"}}, "required": ["day"]}


def test_a_valid_document_is_checked_once_and_any_change_is_checked_again(tmp_path, monkeypatch):
    """A document found valid is not checked again (no jsonschema import, no check in every
    notebook kernel); a changed document or schema is; an invalid one leaves no mark."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    checks = []
    real = datafiles._jsonschema

    def counted():
        checks.append(1)
        return real()

    monkeypatch.setattr(datafiles, "_jsonschema", counted)
    validate(Path("a.yaml"), {"day": "2023-01-13"}, _SCHEMA, "test")
    validate(Path("b.yaml"), {"day": "2023-01-13"}, _SCHEMA, "test")
    assert len(checks) == 1
    assert len(list(datafiles.validated_marks().iterdir())) == 1
    validate(Path("a.yaml"), {"day": "2023-01-14"}, _SCHEMA, "test")  # the document changed
    validate(Path("a.yaml"), {"day": "2023-01-13"}, {**_SCHEMA, "minProperties": 1}, "test")
    assert len(checks) == 3
    for _ in range(2):  # YAML reads an unquoted date as a date, which is not a string
        with pytest.raises(DataError, match="a.yaml: test: key day"):
            validate(Path("a.yaml"), {"day": date(2023, 1, 13)}, _SCHEMA, "test")
    assert len(checks) == 5
    assert len(list(datafiles.validated_marks().iterdir())) == 3
    keyed = {"type": "object", "properties": {"1": {"type": "string"}}}
    validate(Path("a.yaml"), {"1": "x", 2: 3}, keyed, "test")  # keys of two types
    with pytest.raises(DataError, match="key 1"):  # the same text as a string key, another type
        validate(Path("a.yaml"), {"1": 1, 2: 3}, keyed, "test")
    validate(Path("a.yaml"), {1: 1, 2: 3}, keyed, "test")  # an int key 1 is not property "1"
    assert len(checks) == 8


def test_validation_works_where_the_cache_cannot_be_written(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    validate(Path("a.yaml"), {"day": "x"}, _SCHEMA, "test")
    with pytest.raises(DataError, match="key day"):
        validate(Path("a.yaml"), {"day": 1}, _SCHEMA, "test")
