"""`--workers` is capped at what the machine can hold (issue 16, case 8), and a malformed
`--scheduler` address is one line (case 9), never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest
from dask.system import CPU_COUNT

from alliance_lib.cli import main
from alliance_lib.config import CORPUS_WORKER_PEAK_BYTES, DEMO_CORPUS, PROJECT_ROOT
from alliance_lib.corpus import store
from alliance_lib.corpus.run import local_workers, worker_limit

GB = 1_000_000_000


@pytest.mark.parametrize(
    ("cores", "memory", "workers"),
    [
        (2, 24 * GB, 2),  # this machine: cores bind
        (64, 8 * GB, 8 * GB // CORPUS_WORKER_PEAK_BYTES),  # memory binds
        (4, CORPUS_WORKER_PEAK_BYTES // 2, 1),  # never fewer than one
    ],
)
def test_the_limit_is_the_cores_or_the_memory_at_a_workers_peak(cores, memory, workers):
    limit = worker_limit(cores, memory)
    assert limit.workers == workers and limit.per_worker == CORPUS_WORKER_PEAK_BYTES


def test_a_request_over_the_limit_is_capped_in_one_line_and_others_stand():
    limit = worker_limit()
    said: list[str] = []
    assert local_workers(1000, said.append) == limit.workers
    assert said == [limit.capped(1000)]
    assert said[0].startswith(f"--workers 1,000 capped at {limit.workers}: this machine has ")
    assert "a worker can need" in said[0] and "\n" not in said[0]
    said.clear()
    assert local_workers(1, said.append) == 1 and said == []
    assert local_workers(None, said.append) == min(CPU_COUNT, limit.workers) and said == []


def test_workers_1000_starts_only_what_the_machine_holds(tmp_path, capsys):
    limit = worker_limit()
    source = DEMO_CORPUS / "pacific-wire"
    status = main(
        [
            "corpus",
            str(source),
            "--output",
            str(tmp_path / "c"),
            "--workers",
            "1000",
            "--no-progress",
        ]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert f"--workers 1,000 capped at {limit.workers}: " in out
    assert f"Dask LocalCluster: {limit.workers} workers;" in out
    assert len(store.read_table(tmp_path / "c", "articles")) == 12


@pytest.mark.parametrize("address", ["garbage://x", "tcp://host:notaport", "tcp://"])
def test_a_malformed_scheduler_address_is_one_line(tmp_path, address):
    command = [
        sys.executable,
        "-m",
        "alliance_lib.cli",
        "corpus",
        str(DEMO_CORPUS / "pacific-wire"),
    ]
    command += ["--output", str(tmp_path / "c"), "--scheduler", address]
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith(
        f"alliance: error: parameter '--scheduler': {address!r} is not a Dask scheduler address ("
    )
    assert done.stderr.count("\n") == 1  # nothing else, not even at exit
    assert not (tmp_path / "c").exists()  # refused before any work
