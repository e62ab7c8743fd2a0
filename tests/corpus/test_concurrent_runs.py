"""Two `alliance corpus` runs on one output (issue 16, case 4): the second is refused in one line
naming the holder while the first runs, and the first's corpus is whole: every source written,
every commit record's files in place, no article twice."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from alliance_lib.config import DEMO_CORPUS, PROJECT_ROOT
from alliance_lib.corpus import store
from alliance_lib.corpus.records import TABLES


def _articles(folder: Path, copies: int) -> set[str]:
    """`copies` variants of every text article of the demo corpus (distinct bytes each)."""
    for copy in range(copies):
        for file in sorted(DEMO_CORPUS.glob("*/*.txt")):
            target = folder / file.parent.name / f"{copy}-{file.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(file.read_text(encoding="utf-8") + f"\nCopy {copy}.\n", "utf-8")
    return {str(p.resolve()) for p in folder.rglob("*.txt")}


def _corpus(source: Path, output: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "alliance_lib.cli", "corpus", str(source)]
    command += ["--output", str(output), "--scheduler", "synchronous", "--batch-size", "1"]
    return subprocess.Popen(
        [*command, "--no-progress"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _committed(output: Path) -> list[dict]:
    return [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((output / store.PARTITIONS).glob("part-*.json"))
    ]


def test_a_second_run_on_one_output_is_refused_and_the_first_loses_nothing(tmp_path):
    source, output = tmp_path / "pages", tmp_path / "corpus"
    sources = _articles(source, 3)
    first = _corpus(source, output)
    deadline = time.monotonic() + 120
    while not _committed(output) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _committed(output), "the first run wrote nothing in 120 s"
    second = _corpus(source, output)
    out, err = second.communicate(timeout=120)
    assert first.poll() is None, "the first run ended before the second started: no overlap"
    first_out, first_err = first.communicate(timeout=300)
    # the second run is refused in one line naming the first's pid, and writes nothing
    assert second.returncode == 2 and out == ""
    assert err == (
        f"alliance: error: parameter '--output': {output} is being written by another alliance "
        f"corpus or run (pid {first.pid}); wait for it to finish or choose another --output\n"
    )
    assert first.returncode == 0, first_err
    # the first run's corpus is whole
    records = _committed(output)
    assert set().union(*(r["sources"] for r in records)) == sources
    for record in records:
        for table in TABLES:
            assert (output / table / f"part-{record['partition']}.parquet").is_file()
    articles = store.read_table(output, "articles")
    assert len(articles) == len(sources) and set(articles["input_path"]) == sources
    assert not [p for table in TABLES for p in (output / table).glob(".part-*")]
    assert not (tmp_path / ".corpus.lock").exists()  # released
    # and once the first is done, the same command resumes: nothing left to do
    again = _corpus(source, output)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0 and "nothing to do" in out, err


def test_a_killed_run_leaves_a_lock_file_the_next_run_takes_over(tmp_path):
    source, output = tmp_path / "pages", tmp_path / "corpus"
    shutil.copytree(DEMO_CORPUS / "pacific-wire", source)
    (tmp_path / ".corpus.lock").write_text("999999\n", encoding="ascii")  # a killed holder's
    run = _corpus(source, output)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert "articles written" in out and not os.path.exists(tmp_path / ".corpus.lock")
