"""Data-file readers: a missing or malformed file is a DataError naming the file."""

from __future__ import annotations

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
