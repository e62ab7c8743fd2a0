"""Commit records are untrusted input (issue 16, case 5): a record naming anything but its own
partition's hidden table files is refused in one line before any file moves; a corrupt record
is an error naming it, exit 2, never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from alliance_lib.cli import main
from alliance_lib.config import DEMO_CORPUS
from alliance_lib.corpus import store
from alliance_lib.corpus.records import TABLES

KEY = "00000000000000aa"


def _run(source: Path, output: Path) -> int:
    return main(["corpus", str(source), "--output", str(output), "--scheduler", "synchronous"])


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def written(tmp_path) -> tuple[Path, Path]:
    """A corpus of the demo's pacific-wire articles (all written), and its input folder."""
    source, output = tmp_path / "pages", tmp_path / "corpus"
    shutil.copytree(DEMO_CORPUS / "pacific-wire", source)
    assert _run(source, output) == 0
    return source, output


def _forge(output: Path, name: str, record: object) -> Path:
    path = output / store.PARTITIONS / name
    data = record if isinstance(record, bytes) else None
    data = data or (record if isinstance(record, str) else json.dumps(record)).encode("utf-8")
    path.write_bytes(data)
    return path


def _valid(**changes: object) -> dict:
    record = {"partition": KEY, "sources": [], "failed": []}
    record["files"] = {table: f".part-{KEY}.0123abcd.parquet" for table in TABLES}
    return record | changes


FORGED = {
    "outside-file": (
        f"part-{KEY}.json",
        _valid(files={"articles": "../../victim/thesis.docx"}),
        "names '../../victim/thesis.docx' in articles/",
    ),
    "another-partition": (
        f"part-{KEY}.json",
        _valid(files={"articles": "part-ffffffffffffffff.parquet"}),
        "not a file .part-",
    ),
    "not-a-table": (
        f"part-{KEY}.json",
        _valid(files={"../victim": f".part-{KEY}.0123abcd.parquet"}),
        "not a table of a corpus",
    ),
    "key-escapes": (f"part-{KEY}.json", _valid(partition="../../victim/x"), "gives partition"),
    "bad-name": ("part-forged.json", _valid(), "is not named part-KEY.json"),
    "not-json": (f"part-{KEY}.json", "{not json", "is not valid JSON"),
    "not-an-object": (f"part-{KEY}.json", [1, 2], "is not a JSON object"),
    "files-a-list": (f"part-{KEY}.json", _valid(files=["a"]), "has no object of table files"),
    "sources-a-number": (f"part-{KEY}.json", _valid(sources=5), "has 'sources' that is not"),
    "failed-mixed": (f"part-{KEY}.json", _valid(failed=["a", 1]), "has 'failed' that is not"),
    "deeply-nested": (f"part-{KEY}.json", "[" * 100_000 + "]" * 100_000, "is not valid JSON"),
    "not-utf8": (f"part-{KEY}.json", b"\xff\xfe\x00garbage", "is not valid JSON"),
}


@pytest.mark.parametrize("case", list(FORGED))
def test_a_forged_or_corrupt_record_is_refused_in_one_line_and_nothing_moves(
    written, tmp_path, capsys, case
):
    source, output = written
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "thesis.docx").write_bytes(b"my thesis")
    name, record, words = FORGED[case]
    forged = _forge(output, name, record)
    before, outside = _tree(output), _tree(victim)
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        _run(source, output)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"alliance: error: parameter '--output': {forged} ") and words in err
    assert err.endswith("; move it out of the corpus folder\n") and err.count("\n") == 1
    assert _tree(output) == before and _tree(victim) == outside  # nothing moved either way


def test_a_record_naming_a_link_is_refused(written, tmp_path, capsys):
    source, output = written
    (tmp_path / "elsewhere.parquet").write_bytes(b"not ours")
    hidden = f".part-{KEY}.0123abcd.parquet"
    (output / "articles" / hidden).symlink_to(tmp_path / "elsewhere.parquet")
    forged = _forge(output, f"part-{KEY}.json", _valid(files={"articles": hidden}))
    with pytest.raises(SystemExit):
        _run(source, output)
    assert f"{forged} names articles/{hidden}, which is a link" in capsys.readouterr().err
    assert (output / "articles" / hidden).is_symlink()
    assert not (output / "articles" / f"part-{KEY}.parquet").exists()


def test_a_table_folder_that_is_a_link_is_refused(written, tmp_path, capsys):
    source, output = written
    shutil.rmtree(output / "claims")
    (tmp_path / "mine").mkdir()
    (output / "claims").symlink_to(tmp_path / "mine")
    with pytest.raises(SystemExit):
        _run(source, output)
    assert "claims is not a folder of this corpus" in capsys.readouterr().err


def test_the_records_a_run_writes_pass_the_check(written):
    _, output = written
    records = list((output / store.PARTITIONS).glob("part-*.json"))
    assert records and all(store.check_record(path)["sources"] for path in records)
