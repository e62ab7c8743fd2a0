"""The corpus dataset stays compact (issue 22): a run's partitions, one per batch, are merged when
it ends into a few per table, atomically and resumably under the output's lock; the merge's
commit record is checked like any other; a corpus of another format version is refused in one
line, for writing and for reading."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from alliance_lib.cli import main
from alliance_lib.config import DEMO_CORPUS, PROJECT_ROOT
from alliance_lib.corpus import store
from alliance_lib.corpus.batch import process_batch
from alliance_lib.corpus.inputs import corpus_items
from alliance_lib.corpus.records import SCHEMA_VERSION, TABLES
from alliance_lib.corpus.run import batches
from alliance_lib.errors import ParameterError
from alliance_lib.report import corpus_params


def _run(source: Path, output: Path, *more: str) -> int:
    return main(
        ["corpus", str(source), "--output", str(output), "--scheduler", "synchronous"]
        + ["--no-progress", *more]
    )


def _files(folder: Path, table: str = "articles") -> list[str]:
    return sorted(p.name for p in (folder / table).glob("part-*.parquet"))  # visible ones


def _records(folder: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((folder / store.PARTITIONS).glob("*.json"))]


@pytest.fixture
def pages(tmp_path) -> Path:
    source = tmp_path / "pages"
    shutil.copytree(DEMO_CORPUS / "pacific-wire", source)
    return source


def _uncompacted(pages: Path, output: Path) -> int:
    """Write `pages` as one partition per article, as the batches leave them before the merge."""
    folder = store.open_output(output)
    items = list(corpus_items([str(pages)], output=folder))
    for batch in batches(items, 1):
        process_batch(batch, str(folder))
    return len(items)


def _rows(folder: Path) -> dict[str, int]:
    return {table: len(store.read_table(folder, table)) for table in TABLES}


def test_a_run_ends_with_one_partition_per_table_holding_every_row(pages, tmp_path):
    reference = tmp_path / "reference"
    count = _uncompacted(pages, reference)
    assert len(_files(reference)) == count > 1
    rows = _rows(reference)
    output = tmp_path / "corpus"
    assert _run(pages, output, "--batch-size", "1") == 0
    for table in TABLES:
        assert len(_files(output, table)) == 1, table
    assert _rows(output) == rows
    (record,) = _records(output)
    assert len(record["replaces"]) == count and len(record["sources"]) == count
    assert not list(output.rglob(".part-*"))


def test_partitions_merge_up_to_the_limit(pages, tmp_path):
    output = tmp_path / "corpus"
    count = _uncompacted(pages, output)
    rows = _rows(output)
    assert store.compact(output, limit=4) == count - (count + 3) // 4
    assert len(_files(output)) == (count + 3) // 4
    assert _rows(output) == rows
    assert store.compact(output, limit=4) == 0  # those of half the limit or more stay


def test_a_merge_stopped_after_its_record_is_completed_and_the_rerun_resumes(
    pages, tmp_path, monkeypatch, capsys
):
    output = tmp_path / "corpus"
    count = _uncompacted(pages, output)
    rows = _rows(output)
    finish = store._finish
    monkeypatch.setattr(store, "_finish", lambda folder, record: None)  # killed after the record
    store.compact(output)
    monkeypatch.setattr(store, "_finish", finish)
    assert len(_files(output)) == count  # the merged files are still hidden: readers see the old
    assert _rows(output) == rows
    capsys.readouterr()
    assert _run(pages, output) == 0
    assert "nothing to do" in capsys.readouterr().out  # every input is in a committed record
    assert _files(output) == [f"part-{_records(output)[0]['partition']}.parquet"]
    assert _rows(output) == rows and len(_records(output)) == 1


def test_a_merge_stopped_before_its_record_leaves_the_partitions_as_they_were(
    pages, tmp_path, monkeypatch
):
    output = tmp_path / "corpus"
    count = _uncompacted(pages, output)
    rows = _rows(output)

    def killed(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "_commit", killed)  # the merged files written, no record
    with pytest.raises(KeyboardInterrupt):
        store.compact(output)
    monkeypatch.undo()
    assert list((output / "articles").glob(".part-*")) and len(_files(output)) == count
    assert _rows(output) == rows
    store.recover(output)
    assert not list(output.rglob(".part-*")) and len(_files(output)) == count
    store.compact(output)
    assert len(_files(output)) == 1 and _rows(output) == rows


def test_new_inputs_after_a_merge_are_parsed_alone_and_merged_in(pages, tmp_path, capsys):
    output = tmp_path / "corpus"
    assert _run(pages, output, "--batch-size", "2") == 0
    rows = _rows(output)["articles"]
    extra = sorted(pages.iterdir())[0]
    shutil.copy(extra, pages / "another-copy.txt")
    capsys.readouterr()
    assert _run(pages, output) == 0
    assert "1 articles written" in capsys.readouterr().out
    assert _rows(output)["articles"] == rows + 1 and len(_files(output)) == 1


@pytest.mark.parametrize(
    ("replaces", "words"),
    [
        (["../../victim"], "'replaces' that is not a list of partition keys"),
        ("ffffffffffffffff", "'replaces' that is not a list of partition keys"),
        (["00000000000000aa"], "replaces its own partition"),
    ],
)
def test_a_forged_replaces_is_refused_and_nothing_is_deleted(
    pages, tmp_path, capsys, replaces, words
):
    output = tmp_path / "corpus"
    assert _run(pages, output) == 0
    key = "00000000000000aa"
    record = {"partition": key, "sources": [], "failed": [], "replaces": replaces}
    record["files"] = {table: f".part-{key}.0123abcd.parquet" for table in TABLES}
    (output / store.PARTITIONS / f"part-{key}.json").write_text(json.dumps(record))
    before = sorted(p.relative_to(output).as_posix() for p in output.rglob("*"))
    with pytest.raises(SystemExit) as stopped:
        _run(pages, output)
    assert stopped.value.code == 2 and words in capsys.readouterr().err
    after = sorted(p.relative_to(output).as_posix() for p in output.rglob("*"))
    assert after == before


def _older(output: Path, version: int) -> None:
    marker = json.loads((output / store.MARKER).read_text())
    (output / store.MARKER).write_text(json.dumps(marker | {"version": version}))


@pytest.mark.parametrize(
    ("version", "words"),
    [
        (1, "format version 1, written by an earlier alliance"),
        (SCHEMA_VERSION + 1, f"format version {SCHEMA_VERSION + 1}, written by a newer alliance"),
    ],
)
def test_a_corpus_of_another_format_is_refused_in_one_line(pages, tmp_path, capsys, version, words):
    output = tmp_path / "corpus"
    assert _run(pages, output) == 0
    assert json.loads((output / store.MARKER).read_text())["version"] == SCHEMA_VERSION
    _older(output, version)
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        _run(pages, output)
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and words in err and err.count("\n") == 1
    with pytest.raises(ParameterError, match=words) as refused:
        corpus_params.corpus(output)
    assert refused.value.name == "corpus_path" and "\n" not in str(refused.value)
    with pytest.raises(ParameterError, match=words):
        store.read_table(output, "articles")


def test_corpus_mode_docs_list_the_format_s_renames():
    docs = (PROJECT_ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    from alliance_lib.corpus.records import RENAMED_IN_2

    for table, renamed in RENAMED_IN_2.items():
        for old, new in renamed.items():
            assert f"`{old}` -> `{new}`" in docs or f"`{old}` → `{new}`" in docs, (table, old)
