"""`alliance parse`: the summary, the JSON schema, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from alliance_lib.cli import main
from alliance_lib.config import SEED_ARTICLE
from tests.conftest import FIXTURES

TOP_LEVEL = {
    "headline",
    "section",
    "truncated",
    "text",
    "paragraphs",
    "sentences",
    "quotes",
    "entities",
    "claims",
    "removed",
}


def _file(path, data: bytes):
    path.write_bytes(data)
    return path


def test_summary(capsys):
    assert main(["parse", str(SEED_ARTICLE)]) == 0
    out = capsys.readouterr().out
    assert "US and Japan Sign Historic Defense Agreements" in out
    assert "quotes:     6" in out and "Kishida Fumio" in out and "share_of_gdp" in out


def test_json_schema(capsys):
    assert main(["parse", str(SEED_ARTICLE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert TOP_LEVEL <= set(data)
    text = data["text"]
    required = {
        "paragraphs": {"kind"},
        "sentences": set(),
        "quotes": {"speaker"},
        "entities": {"type", "id"},
        "claims": {"type", "value", "unit"},
        "removed": {"rule"},
    }
    for key, extra in required.items():
        assert data[key], key
        for item in data[key]:
            assert {"start", "end", "text"} | extra <= set(item), key
            if key != "removed":
                assert text[item["start"] : item["end"]] == item["text"]
    assert len(data["quotes"]) == 6


def test_reference_date_option(capsys):
    main(["parse", str(FIXTURES / "no_claims.txt"), "--json", "--reference-date", "2023-01-14"])
    assert json.loads(capsys.readouterr().out)["reference_date"] == "2023-01-14"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: _file(p / "e.txt", b""), "empty"),
        (lambda p: _file(p / "b.bin", b"\x00\x01\x02" * 50), "binary"),
    ],
    ids=["missing", "directory", "empty", "binary"],
)
def test_bad_input_is_one_line_on_stderr_with_status_2(tmp_path, make, words):
    path = make(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "alliance_lib.cli", "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("alliance: error: ") and words in lines[0]
    assert str(path) in lines[0] and "Traceback" not in result.stderr


def test_usage_error_is_one_line(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["parse"])
    assert caught.value.code == 2
    assert capsys.readouterr().err.startswith("alliance: error: ")
