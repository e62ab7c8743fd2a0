"""The corpus dataset on disk: one Parquet folder per table, a partition per batch, atomic commits.

Layout of an output folder:

    _corpus.json                 what the folder is and its format version (so a wrong --output
                                 or a corpus of another format is refused)
    _partitions/part-KEY.json    the commit record of a partition: its files and sources
    articles/part-KEY.parquet    ... and the same partition in every other table folder

A partition is written in three steps: every table's file under a hidden name (Parquet readers
skip names starting with "."), then its commit record (an atomic rename, by `report.outputs`),
then the hidden files renamed into place. A run that stops before the commit record leaves only
hidden files, which the next run deletes; one that stops after it is completed by the next run
(`recover`). So no reader ever sees half a partition, and resume reads the commit records.

When a run ends, `compact` merges the small partitions (one per batch) into partitions of up to
`CORPUS_PARTITION_INPUTS` inputs, the same way: the merged files under hidden names, then a
commit record that lists the partitions it `replaces`, then the files renamed into place and the
replaced partitions' files and records deleted. A run stopped anywhere in between leaves either
the old partitions (and hidden files to delete) or a record that the next run completes.

Commit records are read as untrusted input (anyone who can write the folder can write one): a
record is used only if it is a regular file named `part-KEY.json` holding a JSON object whose
`partition` is KEY, whose `files` name, for tables of this corpus, only hidden partition files
`.part-KEY.TOKEN.parquet` (so every file it moves stays in its own table folder, under its own
partition's name), whose `sources` and `failed` are lists of text, and whose `replaces`, if
any, lists other partition keys (16 hex digits: the files it deletes are those partitions'
own). Anything else stops the run before any file is moved, with a `CorpusRecordError` naming
the record.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from alliance_lib.analysis.coverage import check_format
from alliance_lib.config import CORPUS_MARKER, CORPUS_PARTITION_INPUTS, PROJECT_ROOT, REPORTS_DIR
from alliance_lib.corpus.records import SCHEMA_VERSION, SCHEMAS, TABLES
from alliance_lib.errors import CorpusRecordError, ParameterError
from alliance_lib.report.outputs import write_text

MARKER = CORPUS_MARKER
PARTITIONS = "_partitions"
FORMAT = {"format": "alliance-corpus", "version": SCHEMA_VERSION, "tables": list(TABLES)}
_KEY = re.compile(r"[0-9a-f]{16}")
_RECORD_NAME = re.compile(r"part-(?P<key>[0-9a-f]{16})\.json")
# a record lists its batch's sources: at most 200 by default (kilobytes); far above any batch
_RECORD_MAX_BYTES = 256 * 2**20
_HIDDEN_NAME = r"\.part-{key}\.[0-9a-f]{{8}}\.parquet"  # as `write_partition` names them


def is_corpus(folder: Path) -> bool:
    """Whether `folder` was written by `alliance corpus`."""
    return (folder / MARKER).is_file()


def checked_output(folder: Path) -> Path:
    """The real path of `--output`, refused (ParameterError) if it holds or is inside the
    project (except under reports/); nothing is created."""
    folder = folder.expanduser().resolve()
    inside = PROJECT_ROOT in folder.parents
    if folder == PROJECT_ROOT or folder in PROJECT_ROOT.parents:
        raise ParameterError("--output", f"{folder} holds the project; choose a new folder")
    if inside and folder.relative_to(PROJECT_ROOT).parts[0] != REPORTS_DIR.name:
        raise ParameterError(
            "--output", f"{folder} is inside the project; use reports/ or elsewhere"
        )
    return folder


def open_output(folder: Path) -> Path:
    """Create the output folder, or check that an existing one is a corpus; ParameterError if not.

    A run calls it holding the output's lock (`run.run_corpus`).
    """
    folder = checked_output(folder)
    if folder.exists() and not folder.is_dir():
        raise ParameterError("--output", f"{folder} is a file, not a corpus folder")
    if folder.exists() and any(folder.iterdir()) and not is_corpus(folder):
        raise ParameterError("--output", f"{folder} holds files but is not a corpus folder")
    if is_corpus(folder):
        check_format(folder, "--output")
    for name in (*TABLES, PARTITIONS):
        sub = folder / name
        if os.path.lexists(sub) and (sub.is_symlink() or not sub.is_dir()):
            raise ParameterError(
                "--output", f"{sub} is not a folder of this corpus (a link or a file); move it away"
            )
        sub.mkdir(parents=True, exist_ok=True)
    write_text(folder / MARKER, json.dumps(FORMAT, indent=2, sort_keys=True) + "\n")
    return folder


def _finish(folder: Path, record: Mapping) -> None:
    """Rename a committed partition's hidden files into place, then delete the partitions it
    replaces (a no-op when already done).

    `record` is one `write_partition` or `compact` made, or `check_record` passed: its names
    are ours.
    """
    for table, hidden in record["files"].items():
        path = folder / table / hidden
        if path.exists():
            os.replace(path, folder / table / f"part-{record['partition']}.parquet")
    for old in record.get("replaces", ()):
        for table in TABLES:
            (folder / table / f"part-{old}.parquet").unlink(missing_ok=True)
        (folder / PARTITIONS / f"part-{old}.json").unlink(missing_ok=True)


def _commit(folder: Path, key: str, record: dict) -> None:
    """Write a partition's commit record (an atomic rename) and finish it."""
    write_text(folder / PARTITIONS / f"part-{key}.json", json.dumps(record, sort_keys=True))
    _finish(folder, record)


def write_partition(
    folder: Path,
    key: str,
    tables: Mapping[str, pa.Table],
    sources: list[str],
    failed: list[str],
) -> None:
    """Write one partition of every table and commit it (see the module docstring)."""
    token = uuid.uuid4().hex[:8]
    files = {}
    for table in TABLES:
        hidden = f".part-{key}.{token}.parquet"
        pq.write_table(tables[table], folder / table / hidden, compression="zstd")
        files[table] = hidden
    _commit(folder, key, {"partition": key, "files": files, "sources": sources, "failed": failed})


# Partitions read at once while merging: one read of many small files is half the CPU of reading
# them one by one, and memory holds at most this many partitions (of CORPUS_MAX_BATCH inputs).
_MERGE_READ = 32


def _merge(folder: Path, group: Sequence[Mapping]) -> None:
    """Merge the committed partitions `group` into one (see the module docstring): each table's
    files are copied `_MERGE_READ` partitions at a time (one row group each), so memory holds
    that many partitions, never the merge."""
    replaced = [record["partition"] for record in group]
    key = hashlib.sha256("\n".join(replaced).encode("ascii")).hexdigest()[:16]
    token = uuid.uuid4().hex[:8]
    files = {}
    for table in TABLES:
        hidden = f".part-{key}.{token}.parquet"
        paths = [folder / table / f"part-{old}.parquet" for old in replaced]
        paths = [str(path) for path in paths if path.exists()]  # threats/ may lack old ones
        with pq.ParquetWriter(folder / table / hidden, SCHEMAS[table], compression="zstd") as out:
            for start in range(0, len(paths), _MERGE_READ):
                chunk = paths[start : start + _MERGE_READ]
                out.write_table(
                    ds.dataset(chunk, format="parquet", schema=SCHEMAS[table]).to_table()
                )
        files[table] = hidden
    record = {
        "partition": key,
        "files": files,
        "sources": [source for record in group for source in record["sources"]],
        "failed": [source for record in group for source in record["failed"]],
        "replaces": replaced,
    }
    _commit(folder, key, record)


def compact(folder: Path, limit: int = CORPUS_PARTITION_INPUTS) -> int:
    """Merge the committed partitions holding fewer than half `limit` inputs into partitions of
    up to `limit` inputs each, in key order (atomically and resumably: see the module
    docstring); the number of partitions merged away. Call it holding the output's lock, after
    `recover`."""
    small = [r for r in _records(folder) if len(r["sources"]) < limit / 2]
    groups: list[list[dict]] = [[]]
    for record in small:
        if (
            groups[-1]
            and sum(len(r["sources"]) for r in groups[-1]) + len(record["sources"]) > limit
        ):
            groups.append([])
        groups[-1].append(record)
    merged = 0
    for group in groups:
        if len(group) > 1:
            _merge(folder, group)
            merged += len(group) - 1
    return merged


@dataclass
class Written:
    """What the committed partitions already hold: sources done, and those that failed."""

    sources: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)


def _text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def check_record(path: Path) -> dict:
    """The commit record at `path`, checked (see the module docstring); CorpusRecordError if not."""
    named = _RECORD_NAME.fullmatch(path.name)
    if named is None:
        raise CorpusRecordError(path, "is not named part-KEY.json (KEY: 16 hex digits)")
    try:
        info = path.lstat()
        regular, size = stat.S_ISREG(info.st_mode), info.st_size
        data = path.read_bytes() if regular and size <= _RECORD_MAX_BYTES else b""
    except OSError as exc:
        raise CorpusRecordError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not regular:
        raise CorpusRecordError(path, "is not a regular file (a link, a folder or a device)")
    if size > _RECORD_MAX_BYTES:
        raise CorpusRecordError(path, f"is over {_RECORD_MAX_BYTES:,} bytes")
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CorpusRecordError(path, f"is not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise CorpusRecordError(path, "is not a JSON object")
    key = named["key"]
    if record.get("partition") != key:
        raise CorpusRecordError(path, f"gives partition {record.get('partition')!r}, not {key!r}")
    files = record.get("files")
    if not isinstance(files, dict) or not files:
        raise CorpusRecordError(path, "has no object of table files under 'files'")
    hidden = re.compile(_HIDDEN_NAME.format(key=key))
    for table, name in files.items():
        if table not in TABLES:
            raise CorpusRecordError(path, f"names a file of {table!r}, not a table of a corpus")
        if not isinstance(name, str) or hidden.fullmatch(name) is None:
            raise CorpusRecordError(
                path, f"names {name!r} in {table}/, not a file .part-{key}.TOKEN.parquet"
            )
        if (path.parent.parent / table / name).is_symlink():
            raise CorpusRecordError(path, f"names {table}/{name}, which is a link")
    for field_name in ("sources", "failed"):
        if not _text_list(record.get(field_name)):
            raise CorpusRecordError(path, f"has {field_name!r} that is not a list of text")
    replaces = record.get("replaces", [])
    if not _text_list(replaces) or not all(_KEY.fullmatch(old) for old in replaces):
        raise CorpusRecordError(path, "has 'replaces' that is not a list of partition keys")
    if key in replaces:
        raise CorpusRecordError(path, "replaces its own partition")
    return record


def _records(folder: Path) -> list[dict]:
    """Every commit record of `folder`, each checked before any is used."""
    return [check_record(path) for path in sorted((folder / PARTITIONS).glob("part-*.json"))]


def recover(folder: Path) -> Written:
    """Complete committed partitions and delete what uncommitted ones left (hidden files);
    return the sources the committed partitions hold (what a rerun skips)."""
    done = Written()
    for record in _records(folder):
        _finish(folder, record)
        done.sources.update(record["sources"])
        done.failed.update(record["failed"])
    for name in (*TABLES, PARTITIONS):
        for leftover in (folder / name).glob(".part-*"):
            leftover.unlink(missing_ok=True)
    for leftover in folder.glob(f".{MARKER}.*"):
        leftover.unlink(missing_ok=True)
    return done


def read_table(
    folder: Path | str, table: str, columns: list[str] | None = None, name: str = "corpus_path"
) -> pd.DataFrame:
    """A whole table as a DataFrame, in partition order (callers sort as they need); a corpus
    of another format version is refused (`check_format`, naming parameter `name`)."""
    check_format(Path(folder), name)
    dataset = ds.dataset(Path(folder) / table, format="parquet", schema=SCHEMAS[table])
    return dataset.to_table(columns=columns).to_pandas()
