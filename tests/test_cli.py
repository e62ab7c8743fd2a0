"""`alliance parse`: the summary, the JSON schema, and one-line errors with exit status 2 (bad
input, bad options, a console that cannot take the output, operating-system failures)."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import subprocess
import sys

import pytest

from alliance_lib import Article, cli
from alliance_lib.cli import main
from alliance_lib.config import DEMO_CORPUS, SEED_ARTICLE
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
        "claims": {"type", "value", "unit", "bound", "owner", "owner_cue"},
        "removed": {"rule"},
    }
    for key, extra in required.items():
        assert data[key], key
        for item in data[key]:
            assert {"start", "end", "text"} | extra <= set(item), key
            if key != "removed":
                assert text[item["start"] : item["end"]] == item["text"]
    assert len(data["quotes"]) == 6
    owned = [(c["type"], c["owner"]) for c in data["claims"] if c["owner_cue"] is not None]
    assert owned == [("multiplier", "JPN"), ("duration", "JPN"), ("share_of_gdp", "JPN")]


def test_json_gives_each_claim_its_owner_currency_and_bound(capsys):
    assert main(["parse", str(FIXTURES / "submarine_deal.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reference_date"] == "2023-03-13"  # from the dateline
    first = next(c for c in data["claims"] if c["type"] == "amount")
    assert (first["text"], first["unit"], first["owner"], first["bound"]) == (
        "A$368 billion",
        "AUD",
        "AUS",
        "at_most",
    )


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


# --- one line, status 2, for every failure outside the article itself (issue 7) ---------------


def _cli(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "alliance_lib.cli", *args],
        capture_output=not {"stdout", "stderr"} & kwargs.keys(),
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def _one_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("alliance: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0001-01-01", "outside the supported range 1900-01-01 to 2099-12-31"),
        ("2100-01-01", "outside the supported range"),
        ("2023-01-13garbage", "is not a YYYY-MM-DD date"),
        ("20230113", "is not a YYYY-MM-DD date"),
        ("2023-02-30", "is not a valid date"),
        ("", "is not a YYYY-MM-DD date"),
    ],
)
def test_reference_date_is_checked_by_the_cli(value, words):
    line = _one_error_line(_cli("parse", str(SEED_ARTICLE), "--reference-date", value))
    assert "--reference-date" in line and words in line and value in line


def test_reference_date_at_the_edges_of_the_range_is_accepted(capsys):
    for value in ("1900-01-01", "2099-12-31"):
        assert (
            main(["parse", str(FIXTURES / "no_claims.txt"), "--json", "--reference-date", value])
            == 0
        )
        assert json.loads(capsys.readouterr().out)["reference_date"] == value


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        # a C-locale terminal with Python's UTF-8 coercion turned off: stdout is ASCII
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    ],
    ids=["PYTHONIOENCODING=ascii", "LC_ALL=C"],
)
def test_summary_on_a_console_that_cannot_encode_it_is_one_line(env):
    result = _cli("parse", str(SEED_ARTICLE), env={"PYTHONIOENCODING": "", **env})
    line = _one_error_line(result)
    assert "ascii encoding" in line and "U+2019" in line and str(SEED_ARTICLE) in line
    assert result.stdout == ""  # nothing half-printed


def test_lang_c_terminal_gets_utf8_from_python_and_works():
    result = _cli(
        "parse", str(SEED_ARTICLE), env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    )
    assert result.returncode == 0 and "Kishida Fumio" in result.stdout and result.stderr == ""


def test_json_on_an_ascii_console_is_the_same_json_with_escapes():
    plain = _cli("parse", str(SEED_ARTICLE), "--json")
    ascii_only = _cli("parse", str(SEED_ARTICLE), "--json", env={"PYTHONIOENCODING": "ascii"})
    assert ascii_only.returncode == 0 and ascii_only.stderr == ""
    assert ascii_only.stdout.isascii() and "\\u2019" in ascii_only.stdout
    assert json.loads(ascii_only.stdout) == json.loads(plain.stdout)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("extra", [[], ["--json"]], ids=["summary", "json"])
def test_stdout_on_a_full_device_is_one_line(extra):
    with open("/dev/full", "w") as full:
        result = _cli("parse", str(SEED_ARTICLE), *extra, stdout=full, stderr=subprocess.PIPE)
    line = _one_error_line(result)
    assert "/dev/full" in line and "No space left on device" in line


def _corpus(output, **kwargs) -> subprocess.CompletedProcess:
    article = DEMO_CORPUS / "pacific-wire" / "2023-01-13-01.txt"
    return _cli(
        "corpus",
        str(article),
        "--output",
        str(output),
        "--scheduler",
        "synchronous",
        "--no-progress",
        **kwargs,
    )


def test_corpus_on_an_ascii_console_escapes_its_lines_instead_of_a_traceback(tmp_path):
    result = _corpus(tmp_path / "café", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and result.stderr == "", result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("1 articles written")
    assert lines[0].endswith(f"-> {tmp_path}/caf\\xe9")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_corpus_lines_to_a_full_device_are_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        result = _corpus(tmp_path / "corpus", stdout=full, stderr=subprocess.PIPE)
    line = _one_error_line(result)
    assert "/dev/full" in line and "No space left on device" in line


def test_closed_stdout_is_one_line():
    result = _cli(
        "parse", str(SEED_ARTICLE), stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1)
    )
    assert "standard output is closed" in _one_error_line(result)


def test_json_never_holds_infinity_or_nan(monkeypatch, capsys):
    monkeypatch.setattr(Article, "to_dict", lambda self: {"claims": [{"value": float("inf")}]})
    with pytest.raises(SystemExit) as caught:
        main(["parse", str(SEED_ARTICLE), "--json"])
    assert caught.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "cannot be written as JSON" in captured.err
    assert str(SEED_ARTICLE) in captured.err


def test_decode_note_is_one_warning_line_and_the_parse_goes_on(monkeypatch, capsys, seed):
    noted = dataclasses.replace(seed)
    object.__setattr__(
        noted, "decode_note", "3 bytes that are not UTF-8 replaced (first at byte 120)"
    )
    monkeypatch.setattr(cli, "load_article", lambda path, reference_date=None: noted)
    assert main(["parse", str(SEED_ARTICLE)]) == 0
    captured = capsys.readouterr()
    assert (
        captured.err
        == f"alliance: warning: {seed.source}: 3 bytes that are not UTF-8 replaced (first at byte 120)\n"
    )
    assert "Kishida Fumio" in captured.out


@pytest.mark.parametrize(
    "error",
    [
        PermissionError(errno.EACCES, "Permission denied", "/data/story.txt"),
        OSError(errno.EIO, "Input/output error", "/data/story.txt"),
    ],
    ids=["permission", "io"],
)
def test_operating_system_failures_are_one_line(monkeypatch, capsys, error):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(cli, "load_article", fail)
    with pytest.raises(SystemExit) as caught:
        main(["parse", "/data/story.txt"])
    assert caught.value.code == 2
    assert capsys.readouterr().err == f"alliance: error: /data/story.txt: {error.strerror}\n"


def test_ctrl_c_outside_a_run_is_one_line_with_status_130(monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "load_article", interrupted)
    assert main(["parse", str(SEED_ARTICLE)]) == 130
    assert capsys.readouterr().err == "alliance: interrupted by SIGINT\n"


def test_a_newline_in_a_file_name_does_not_break_the_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    line = _one_error_line(_cli("parse", str(path)))
    assert "two\\nlines.txt" in line


@pytest.mark.parametrize("value", ["-inf", "-1e3", "-nan", "-5", "-.5", "-Infinity"])
def test_negative_numbers_are_parameter_values_not_options(value):
    args = cli.build_parser().parse_args(["run", "-p", "target_share", value, "-p", "peers", "USA"])
    assert args.parameter == [["target_share", value], ["peers", "USA"]]


def test_an_option_after_p_is_still_an_option(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.build_parser().parse_args(["run", "-p", "target_share", "--output"])
    assert caught.value.code == 2
    assert capsys.readouterr().err.startswith("alliance: error: argument -p/--parameter")
