"""The identity check speed work relies on (`benchmarks.parse_identity`) compares real parses."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from benchmarks import parse_identity
from benchmarks.parse_identity import PROJECT_ROOT, hashes, main, parse_hash

_IN_GIT = shutil.which("git") is not None and (
    subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "rev-parse", "HEAD"], capture_output=True
    ).returncode
    == 0
)


def test_a_parse_hash_follows_what_the_parse_gives(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("Tokyo pledged 2 percent of GDP on Monday.\n\nThe plan runs five years.\n")
    other = tmp_path / "other.txt"
    other.write_text("Tokyo pledged 3 percent of GDP on Monday.\n\nThe plan runs five years.\n")
    assert parse_hash(one, None) == parse_hash(one, None)
    assert parse_hash(one, None) != parse_hash(other, None)
    assert parse_hash(one, None) != parse_hash(one, "2023-01-14")  # the dates are completed
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert len(parse_hash(empty, None)) == 64  # a refused file hashes its one-line error
    assert set(hashes([one])) == {f"{one}@-", f"{one}@2023-01-14"}


def _parser_as_committed() -> bool:
    """Whether the parser's code and data are as HEAD has them (else the parses may differ)."""
    changed = subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "diff", "--quiet", "HEAD", "--", "alliance_lib", "data"],
        capture_output=True,
    )
    return changed.returncode == 0


@pytest.mark.skipif(not _IN_GIT, reason="needs git and a checkout of the project")
def test_the_seed_parsed_by_the_committed_code_is_compared_with_this_tree(capsys, monkeypatch):
    """Against HEAD (the parser as committed) the seed's two parses match; a parse that gives
    something else is listed and the exit status is 1."""
    if not _parser_as_committed():
        pytest.skip("the parser has uncommitted changes: its parses may rightly differ from HEAD's")
    code = main(["--against", "HEAD", "--polnear", str(PROJECT_ROOT / "no-such-folder")])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "2 identical to HEAD's, 0 differ" in printed
    real = parse_identity.parse_hash
    monkeypatch.setattr(parse_identity, "parse_hash", lambda path, ref: real(path, ref)[::-1])
    assert main(["--against", "HEAD", "--polnear", str(PROJECT_ROOT / "no-such-folder")]) == 1
    assert "0 identical to HEAD's, 2 differ" in capsys.readouterr().out


def test_a_revision_git_does_not_know_is_a_clear_error():
    if not _IN_GIT:
        pytest.skip("needs git and a checkout of the project")
    with pytest.raises(SystemExit, match="no tree for 'no-such-revision'"):
        main(["--against", "no-such-revision", "--polnear", str(PROJECT_ROOT / "nothing")])
