"""Data-file readers: a missing or malformed file is a DataError naming the file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from alliance_lib import DataError
from alliance_lib.datafiles import read_csv, read_yaml


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
        env=os.environ | {"PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"
