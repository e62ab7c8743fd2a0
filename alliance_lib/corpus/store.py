"""The corpus dataset on disk: one Parquet folder per table, a partition per batch, atomic commits.

Layout of an output folder:

    _corpus.json                 what the folder is (so a wrong --output is refused)
    _partitions/part-KEY.json    the commit record of a partition: its files and sources
    articles/part-KEY.parquet    ... and the same partition in every other table folder

A partition is written in three steps: every table's file under a hidden name (Parquet readers
skip names starting with "."), then its commit record (an atomic rename, by `report.outputs`),
then the hidden files renamed into place. A run that stops before the commit record leaves only
hidden files, which the next run deletes; one that stops after it is completed by the next run
(`recover`). So no reader ever sees half a partition, and resume reads the commit records.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from alliance_lib.config import CORPUS_MARKER, PROJECT_ROOT, REPORTS_DIR
from alliance_lib.corpus.records import SCHEMAS, TABLES
from alliance_lib.errors import ParameterError
from alliance_lib.report.outputs import write_text

MARKER = CORPUS_MARKER
PARTITIONS = "_partitions"
FORMAT = {"format": "alliance-corpus", "version": 1, "tables": list(TABLES)}


def is_corpus(folder: Path) -> bool:
    """Whether `folder` was written by `alliance corpus`."""
    return (folder / MARKER).is_file()


def open_output(folder: Path) -> Path:
    """Create the output folder, or check that an existing one is a corpus; ParameterError if not."""
    folder = folder.expanduser().resolve()
    inside = PROJECT_ROOT in folder.parents
    if folder == PROJECT_ROOT or folder in PROJECT_ROOT.parents:
        raise ParameterError("--output", f"{folder} holds the project; choose a new folder")
    if inside and folder.relative_to(PROJECT_ROOT).parts[0] != REPORTS_DIR.name:
        raise ParameterError(
            "--output", f"{folder} is inside the project; use reports/ or elsewhere"
        )
    if folder.exists() and not folder.is_dir():
        raise ParameterError("--output", f"{folder} is a file, not a corpus folder")
    if folder.exists() and any(folder.iterdir()) and not is_corpus(folder):
        raise ParameterError("--output", f"{folder} holds files but is not a corpus folder")
    for name in (*TABLES, PARTITIONS):
        (folder / name).mkdir(parents=True, exist_ok=True)
    write_text(folder / MARKER, json.dumps(FORMAT, indent=2, sort_keys=True) + "\n")
    return folder


def _finish(folder: Path, record: Mapping) -> None:
    """Rename a committed partition's hidden files into place (a no-op when already done)."""
    for table, hidden in record["files"].items():
        path = folder / table / hidden
        if path.exists():
            os.replace(path, folder / table / f"part-{record['partition']}.parquet")


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
    record = {"partition": key, "files": files, "sources": sources, "failed": failed}
    write_text(folder / PARTITIONS / f"part-{key}.json", json.dumps(record, sort_keys=True))
    _finish(folder, record)


@dataclass
class Written:
    """What the committed partitions already hold: sources done, and those that failed."""

    sources: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)


def _records(folder: Path) -> Iterable[dict]:
    for path in sorted((folder / PARTITIONS).glob("part-*.json")):
        yield json.loads(path.read_text(encoding="utf-8"))


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


def read_table(folder: Path | str, table: str, columns: list[str] | None = None) -> pd.DataFrame:
    """A whole table as a DataFrame, in partition order (callers sort as they need)."""
    dataset = ds.dataset(Path(folder) / table, format="parquet", schema=SCHEMAS[table])
    return dataset.to_table(columns=columns).to_pandas()
