"""Corpus runs on real Dask clusters: joining a LocalCluster by address (the option and the
environment variable), and a worker killed mid-run losing no article."""

from __future__ import annotations

import os
import signal
import threading
import time

import dask
import pytest
from distributed import Client

from alliance_lib.cli import main
from alliance_lib.corpus import store
from alliance_lib.corpus.run import local_cluster, run_corpus


@pytest.fixture(scope="module")
def cluster():
    with local_cluster(2, dashboard=":0") as local, Client(local) as client:
        yield local, client


def _profiling() -> bool:
    return dask.config.get("distributed.worker.profile.enabled")


def test_joins_a_running_cluster_by_address_and_by_environment(
    cluster, inputs, tmp_path, monkeypatch, capsys
):
    local, client = cluster
    address = local.scheduler_address
    status = main(
        [
            "corpus",
            str(inputs.folder),
            "--output",
            str(tmp_path / "a"),
            "--scheduler",
            address,
            "--no-progress",
        ]
    )
    assert status == 3
    assert f"joined the Dask cluster at {address} (2 workers)" in capsys.readouterr().out
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", address)
    dask.config.refresh()
    try:
        assert (
            main(["corpus", str(inputs.folder), "--output", str(tmp_path / "b"), "--no-progress"])
            == 3
        )
    finally:
        monkeypatch.delenv("DASK_SCHEDULER_ADDRESS")
        dask.config.refresh()
    assert "joined the Dask cluster" in capsys.readouterr().out
    for folder in ("a", "b"):
        assert len(store.read_table(tmp_path / folder, "articles")) == 2 * 3  # two outlet folders
    # the tasks ran on the cluster's workers, which stay up for the next client
    assert len(client.scheduler_info()["workers"]) == 2
    assert set(client.run(_profiling).values()) == {False}  # the memory-hungry profiler is off


def _slow_parsing(seconds: float) -> None:
    """Run on each worker: make every article take `seconds` longer, so tasks are in flight."""
    from alliance_lib.corpus import batch  # lazy: runs inside the worker process

    parse = (
        batch.parse_item.__wrapped__
        if hasattr(batch.parse_item, "__wrapped__")
        else batch.parse_item
    )

    def slow(item):
        time.sleep(seconds)
        return parse(item)

    slow.__wrapped__ = parse
    batch.parse_item = slow


def test_a_killed_worker_loses_no_article(cluster, inputs, tmp_path):
    """Last in this module: it slows the shared cluster's workers and kills one (its nanny
    starts a fresh one)."""
    local, client = cluster
    out = tmp_path / "corpus"
    client.run(_slow_parsing, 0.4)
    result = {}
    runner = threading.Thread(
        target=lambda: result.update(
            summary=run_corpus(
                [str(inputs.folder)],
                out,
                scheduler=local.scheduler_address,
                size=1,
                progress=False,
                echo=lambda _: None,
            )
        )
    )
    runner.start()
    deadline = time.monotonic() + 60
    while (
        len(list((out / store.PARTITIONS).glob("part-*.json"))) < 2 and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    victim = sorted(client.run(os.getpid).items())[0][1]
    os.kill(victim, signal.SIGKILL)  # both workers are busy: one task dies with its worker
    runner.join(timeout=120)
    summary = result["summary"]
    assert summary.lost == 0 and summary.parsed == 6 and summary.failed == 5
    assert len(store.read_table(out, "articles")) == 6
    assert len(store.read_table(out, "errors")) == 5
