"""Drive a corpus run: items -> pending batches -> Dask tasks -> committed partitions.

The scheduler is a `LocalCluster` by default (one single-threaded process per core, or
`workers`, capped at what the machine can hold: `worker_limit`), an existing cluster when given
its address (or `DASK_SCHEDULER_ADDRESS`), or "synchronous": the batches run one after another
in this process, for debugging. Tasks write their partitions themselves, so only small
summaries travel back; a task lost with its worker is rerun by Dask on another, and a batch that
fails as a whole is left for the next run to resume. When the batches are done, their
partitions are merged into a few (`store.compact`). One run at a time writes an output folder:
a run holds the output's lock (`locks.FolderLock`) from before it first touches the folder
until its last partition is written and merged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dask
import psutil
from dask.system import CPU_COUNT
from distributed import Client, LocalCluster, as_completed
from distributed.comm import resolve_address
from distributed.system import MEMORY_LIMIT

from alliance_lib.config import (
    CORPUS_DASHBOARD_ADDRESS,
    CORPUS_MAX_BATCH,
    CORPUS_TARGET_BATCHES,
    CORPUS_WORKER_PEAK_BYTES,
    MAX_BYTES,
    resolve,
)
from alliance_lib.corpus import store
from alliance_lib.corpus.batch import BatchResult, partition_key, process_batch
from alliance_lib.corpus.inputs import check_inputs, corpus_items
from alliance_lib.corpus.item import Item
from alliance_lib.corpus.progress import Progress
from alliance_lib.errors import ParameterError
from alliance_lib.locks import holding
from alliance_lib.report.outputs import current_umask, write_text

SYNCHRONOUS = "synchronous"


@dataclass
class CorpusSummary:
    """What a run did; `exit_status` is 0 when every input is written, 3 when some are not."""

    output: Path
    inputs: int = 0  # items the inputs name
    skipped: int = 0  # already written by an earlier run (resume)
    parsed: int = 0  # articles written by this run
    failed: int = 0  # items that failed in this run: rows of `errors`
    failed_before: int = 0  # inputs that failed in an earlier run (their rows are in `errors`)
    lost: int = 0  # items whose whole batch failed (e.g. a cluster fault); the next run retries
    seconds: float = 0.0

    @property
    def exit_status(self) -> int:
        return 3 if self.failed or self.failed_before or self.lost else 0

    def line(self) -> str:
        """One line for the terminal."""
        rate = self.parsed / self.seconds if self.seconds > 0 else 0.0
        parts = [f"{self.parsed:,} articles written", f"{self.failed:,} failed"]
        if self.skipped:
            parts.append(
                f"{self.skipped:,} already in the output (of them failed: {self.failed_before:,})"
            )
        if self.lost:
            parts.append(f"{self.lost:,} not processed (run again to resume)")
        return f"{', '.join(parts)}; {self.seconds:.1f} s, {rate:.1f} articles/s -> {self.output}"


def batch_size(pending: int, requested: int | None = None) -> int:
    """Articles per task: about `CORPUS_TARGET_BATCHES` tasks, at most `CORPUS_MAX_BATCH` each."""
    if requested is not None:
        return requested
    return max(1, min(CORPUS_MAX_BATCH, math.ceil(pending / CORPUS_TARGET_BATCHES)))


def batches(items: Sequence[Item], size: int) -> list[list[Item]]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


@dataclass(frozen=True)
class WorkerLimit:
    """How many LocalCluster workers this machine can hold, and why."""

    workers: int
    cores: int
    memory: int  # bytes available to new processes now
    per_worker: int  # bytes a worker can need (CORPUS_WORKER_PEAK_BYTES)

    def capped(self, requested: int) -> str:
        """The line said when `requested` workers are more than the machine can hold."""
        gb = 1e9
        return (
            f"--workers {requested:,} capped at {self.workers}: this machine has {self.cores} "
            f"cores and {self.memory / gb:.1f} GB of memory available, and a worker can need "
            f"{self.per_worker / gb:.1f} GB (an article at the {MAX_BYTES / 1e6:.0f} MB size cap)"
        )


def worker_limit(
    cores: int | None = None, memory: int | None = None, per_worker: int = CORPUS_WORKER_PEAK_BYTES
) -> WorkerLimit:
    """At most one worker per core (parsing is single-threaded Python: more processes than cores
    only add memory), and no more than the memory available holds at a worker's measured peak;
    at least one. Cores and memory default to this machine's (cgroup and rlimit limits count)."""
    cores = CPU_COUNT if cores is None else cores
    if memory is None:
        memory = min(psutil.virtual_memory().available, MEMORY_LIMIT)
    return WorkerLimit(max(1, min(cores, memory // per_worker)), cores, memory, per_worker)


def local_workers(requested: int | None, echo: Callable[[str], None]) -> int:
    """The LocalCluster's size: `requested` (default: one per core) within `worker_limit`."""
    limit = worker_limit()
    if requested is not None and requested > limit.workers:
        echo(limit.capped(requested))
    return min(requested or limit.workers, limit.workers)


def local_cluster(workers: int, dashboard: str = CORPUS_DASHBOARD_ADDRESS) -> LocalCluster:
    """A LocalCluster of single-threaded worker processes, with Dask's task profiler off.

    The profiler samples every worker's stack each 10 ms and keeps the last 1,000 seconds of
    samples: on a long run that alone adds about 150 MB per worker, and parsing needs none of it.
    """
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=dashboard,
            silence_logs=logging.CRITICAL,  # workers still heartbeating at shutdown log errors
        )


def scheduler_address(scheduler: str | None) -> str | None:
    """The scheduler to use: `scheduler`, else `DASK_SCHEDULER_ADDRESS`; None for a new
    LocalCluster. A malformed address (unknown scheme, no port, unknown host) is refused with a
    ParameterError before any work starts, and before a `Client` exists (a Client that failed
    to start prints tracebacks when it is garbage-collected)."""
    address = scheduler or dask.config.get("scheduler-address", None)
    if address and address != SYNCHRONOUS:
        try:
            resolve_address(address)
        except (OSError, ValueError, TypeError) as exc:
            raise ParameterError(
                "--scheduler", f"{address!r} is not a Dask scheduler address ({exc})"
            ) from None
    return address or None


@contextmanager
def connect(
    address: str | None, workers: int | None, echo: Callable[[str], None]
) -> Iterator[Client | None]:
    """A Dask client: a new LocalCluster (no `address`), or the cluster at `address` (from
    `scheduler_address`); None for synchronous."""
    if address == SYNCHRONOUS:
        yield None
        return
    if address:
        try:
            client = Client(address, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise ParameterError(
                "--scheduler", f"cannot reach a Dask scheduler at {address} ({exc})"
            ) from None
        echo(
            f"joined the Dask cluster at {address} ({len(client.scheduler_info()['workers'])} workers)"
        )
        try:
            yield client
        finally:
            client.close()
        return
    cluster = local_cluster(local_workers(workers, echo))
    client = Client(cluster)
    echo(f"Dask LocalCluster: {len(cluster.workers)} workers; dashboard {cluster.dashboard_link}")
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _execute(
    client: Client | None, work: list[list[Item]], folder: Path, progress: Progress
) -> tuple[int, int, int, list[str]]:
    """Run the batches; (articles written, items failed, items lost, batch failure messages)."""
    parsed = failed = lost = 0
    problems: list[str] = []

    def finished(result: BatchResult | None, size: int, error: BaseException | None) -> None:
        nonlocal parsed, failed, lost
        if error is not None:
            lost += size
            problems.append(f"{type(error).__name__}: {error}")
            progress.update(size, 0)
            return
        parsed += result.articles
        failed += result.errors
        progress.update(size, result.errors)

    if client is None:
        for batch in work:
            try:
                result = process_batch(batch, str(folder))
            except Exception as exc:  # a batch that fails as a whole is left for the next run
                finished(None, len(batch), exc)
            else:
                finished(result, len(batch), None)
        return parsed, failed, lost, problems
    sizes = {}
    futures = []
    for batch in work:
        future = client.submit(
            process_batch, batch, str(folder), key=f"alliance-corpus-{partition_key(batch)}"
        )
        sizes[future.key] = len(batch)
        futures.append(future)
    for future in as_completed(futures):
        try:
            result = future.result()
        except Exception as exc:  # e.g. KilledWorker after repeated worker deaths
            finished(None, sizes[future.key], exc)
        else:
            finished(result, sizes[future.key], None)
        future.release()
    return parsed, failed, lost, problems


def run_corpus(
    inputs: Sequence[str],
    output: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    size: int | None = None,
    progress: bool | None = None,
    outside_manifest: bool = False,
    echo: Callable[[str], None] = print,
) -> CorpusSummary:
    """Parse the articles `inputs` name into the corpus folder `output`, skipping those written.

    `outside_manifest` lets manifest rows name files outside the manifest's folder (see
    `manifest`). The output is locked for the whole run: a second run on it is refused.
    """
    if workers is not None and workers < 1:
        raise ParameterError("--workers", f"must be at least 1, got {workers}")
    if size is not None and size < 1:
        raise ParameterError("--batch-size", f"must be at least 1, got {size}")
    check_inputs(inputs)
    address = scheduler_address(scheduler)
    folder = store.checked_output(Path(output))
    with holding(folder, "alliance corpus or run"):
        folder = store.open_output(folder)
        done = store.recover(folder)
        summary = CorpusSummary(folder)
        pending = []
        for item in corpus_items(inputs, output=folder, outside_manifest=outside_manifest):
            summary.inputs += 1
            if item.source in done.sources:
                summary.skipped += 1
                summary.failed_before += item.source in done.failed
            else:
                pending.append(item)
        if not pending:
            store.compact(folder)  # an earlier run may have stopped before it merged them
            echo(f"nothing to do: all {summary.inputs:,} inputs are already in {folder}")
            return summary
        work = batches(pending, batch_size(len(pending), size))
        start = time.perf_counter()
        with connect(address, workers, echo) as client, Progress(len(pending), progress) as bar:
            summary.parsed, summary.failed, summary.lost, problems = _execute(
                client, work, folder, bar
            )
            store.compact(folder)
            summary.seconds = time.perf_counter() - start  # cluster start to partitions merged
    for problem in sorted(set(problems)):
        echo(f"a batch failed as a whole: {problem}")
    echo(summary.line())
    return summary


def corpus_folder(
    value: object, scratch: Path, name: str = "corpus_path", scratch_name: str = "output_dir"
) -> Path:
    """The corpus folder a notebook parameter names.

    A folder written by `alliance corpus` is used as it is. Anything else is taken as corpus
    inputs (a folder of articles, a manifest, a WARC) and parsed here, synchronously, into
    `scratch`: fine for a small corpus such as the demo, slow for a large one. The corpus is
    built beside `scratch` and put in its place, and an earlier `scratch` is deleted only when
    this function built it and nothing in it changed since (`SCRATCH_MARKER` lists its files);
    a `scratch` holding anything else (a user's corpus, their notes) is refused with a
    `ParameterError` naming `scratch_name`. Relative paths start at the project root.
    """
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(name, f"expected a corpus folder or corpus inputs, got {value!r}")
    path = resolve(value)
    if store.is_corpus(path):
        return path
    if not path.exists():
        raise ParameterError(name, f"{path} does not exist")
    _check_scratch(scratch, scratch_name)  # before parsing anything
    building = Path(tempfile.mkdtemp(prefix=f".{scratch.name}.building-", dir=scratch.parent))
    try:
        os.chmod(building, 0o777 & ~current_umask())  # mkdtemp makes 0700: the user's umask
        run_corpus(
            [str(path)], building, scheduler=SYNCHRONOUS, progress=False, echo=lambda _: None
        )
        marker = {"tool": _SCRATCH_TOOL, "inputs": str(path), **_listing(building)}
        write_text(building / SCRATCH_MARKER, json.dumps(marker, indent=1) + "\n")
        _check_scratch(scratch, scratch_name)  # again: it may have changed while parsing
        if os.path.lexists(scratch):
            shutil.rmtree(scratch)  # built here earlier, and unchanged since
        os.rename(building, scratch)
    finally:
        if building.is_dir():
            shutil.rmtree(building, ignore_errors=True)  # a failed or interrupted build
    return scratch


SCRATCH_MARKER = ".notebook-corpus.json"  # in a corpus `corpus_folder` built: what it holds
_SCRATCH_TOOL = "corpus_folder"


def _listing(folder: Path) -> dict[str, object]:
    """Every file under `folder` with its sha256 (a symlink by its target) and every folder,
    except the scratch marker; sorted."""
    files: dict[str, str] = {}
    folders: list[str] = []
    for root, dirs, names in os.walk(folder):  # symlinks are not followed
        for entry in dirs + names:
            item = Path(root) / entry
            rel = item.relative_to(folder).as_posix()
            if item.is_dir() and not item.is_symlink():
                folders.append(rel)
            elif item.is_symlink():
                files[rel] = "symlink:" + os.readlink(item)
            elif rel != SCRATCH_MARKER:
                with item.open("rb") as handle:
                    files[rel] = hashlib.file_digest(handle, "sha256").hexdigest()
    return {"files": dict(sorted(files.items())), "folders": sorted(folders)}


def _check_scratch(scratch: Path, name: str) -> None:
    """Refuse a `scratch` that `corpus_folder` may not delete: anything but nothing, an empty
    folder, or a corpus it built whose files are as it left them."""
    if not os.path.lexists(scratch):
        return
    refusal = ParameterError(
        name,
        f"{scratch} holds files notebook 05 did not put there (or changed since it did), which "
        "parsing corpus_path here would delete; move them elsewhere or choose another output_dir",
    )
    if scratch.is_symlink() or not scratch.is_dir():
        raise refusal
    try:
        if not any(scratch.iterdir()):
            return
        marker = json.loads((scratch / SCRATCH_MARKER).read_text(encoding="utf-8"))
        listing = _listing(scratch)
    except (OSError, ValueError):
        raise refusal from None
    if not isinstance(marker, dict) or marker.get("tool") != _SCRATCH_TOOL:
        raise refusal
    if (marker.get("files"), marker.get("folders")) != (listing["files"], listing["folders"]):
        raise refusal
