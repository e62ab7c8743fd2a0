"""`alliance run`: a whole report on another article, parameters checked before any kernel
starts, failures in one line, earlier reports and the project never replaced, one run per
output, and SIGINT/SIGTERM/SIGKILL in the middle of a real run."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from alliance_lib.config import DATA_DIR, PROJECT_ROOT, SEEDS_DIR
from alliance_lib.report.output_folder import MARKER, OutputFolder, read_marker
from alliance_lib.report.runner import select_notebooks
from tests.conftest import FIXTURES
from tests.report.package_checks import check_package
from tests.report.test_output_folder import earlier_report

NOTEBOOKS = select_notebooks(None)  # what `alliance run` runs without --corpus


def _alliance(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "alliance_lib.cli", "run", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT_ROOT,
    )


def _snapshot(*folders):
    """Every file under `folders` with its bytes' hash: what the code must never change."""
    return {
        path: hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_alliance_run_on_an_article_without_spending_claims(tmp_path):
    report = tmp_path / "report"
    inputs = _snapshot(SEEDS_DIR, DATA_DIR, FIXTURES)
    result = _alliance("--article", str(FIXTURES / "no_claims.txt"), "--output", str(report))
    assert result.returncode == 0, result.stderr
    assert _snapshot(SEEDS_DIR, DATA_DIR, FIXTURES) == inputs  # inputs are never written
    started = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert sorted(started) == [  # two run at a time: their lines may come in either order
        f"[{i}/{len(NOTEBOOKS)}] {p.stem}" for i, p in enumerate(NOTEBOOKS, 1)
    ]
    assert "report: " in result.stdout and "index.html" in result.stdout
    for notebook in NOTEBOOKS:
        assert (report / notebook.name).is_file() and (report / f"{notebook.stem}.html").is_file()
    index = (report / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{p.stem}.html"' in index for p in NOTEBOOKS)
    assert pd.read_csv(report / "02_defence_spending" / "spending_claims.csv").empty
    executed = nbformat.read(report / "02_defence_spending.ipynb", as_version=4)
    printed = "".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "")  # prints and tables shown
        for c in executed.cells
        for o in c.get("outputs", [])
    )
    assert "makes no numeric spending claims" in printed
    html = (report / "02_defence_spending.html").read_text(encoding="utf-8")
    assert "spending_parameters" not in html  # code hidden
    assert not list(tmp_path.glob(".report.*"))  # no build folder left behind
    assert read_marker(report)["state"] == "complete"
    recorded = executed.metadata.papermill.parameters["output_dir"]
    assert recorded == str(report / "02_defence_spending")  # where the files are, not the build


def _earlier_report(tmp_path):
    return earlier_report(tmp_path / "report")


def test_alliance_run_refuses_unknown_parameters_before_running(tmp_path):
    report = _earlier_report(tmp_path)
    result = _alliance("--output", str(report), "-p", "target_yaer", "2030")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "target_yaer" in result.stderr and "known:" in result.stderr
    assert "[1/" not in result.stdout
    assert (report / "index.html").read_text(encoding="utf-8") == "earlier report"


def test_alliance_run_refuses_badly_typed_parameters(tmp_path):
    result = _alliance("--output", str(tmp_path / "r"), "-p", "base_year", "last")
    assert (
        result.returncode == 2 and "base_year" in result.stderr and "expected int" in result.stderr
    )
    assert not (tmp_path / "r").exists()


def test_failing_notebook_names_notebook_and_cell_and_keeps_the_earlier_report(tmp_path):
    report = _earlier_report(tmp_path)
    before = _snapshot(report)
    result = _alliance("--output", str(report), "--notebook", "02", "-p", "target_year", "2020")
    assert result.returncode == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "02_defence_spending.ipynb failed in cell" in message
    assert "ParameterError" in message and "target_year" in message
    assert _snapshot(report) == before
    assert not list(tmp_path.glob(".report.*"))


@pytest.mark.parametrize(
    ("output", "words"),
    [
        (".", "holds the project"),
        ("notebooks", "inside the project"),
        ("README.md", "inside the project"),
        ("reports/../.git/refs/tags", "inside the project"),
        ("reports/../analysis_out", "inside the project"),
    ],
)
def test_alliance_run_never_replaces_the_project_or_its_files(output, words):
    result = _alliance("--output", output)
    assert result.returncode == 2 and words in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert (PROJECT_ROOT / "README.md").is_file() and (PROJECT_ROOT / "notebooks").is_dir()
    assert not (PROJECT_ROOT / "analysis_out").exists()
    assert not list(PROJECT_ROOT.glob(".*.lock")) and not list(PROJECT_ROOT.glob(".*.building-*"))


def test_alliance_run_never_follows_a_symlink_into_the_project(tmp_path):
    link = tmp_path / "out"
    link.symlink_to(PROJECT_ROOT / "data")
    before = _snapshot(DATA_DIR)
    result = _alliance("--output", str(link))
    assert result.returncode == 2 and "inside the project" in result.stderr
    assert _snapshot(DATA_DIR) == before


def test_alliance_run_never_replaces_a_folder_that_is_not_a_report(tmp_path):
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "chapter1.md").write_text("words", encoding="utf-8")
    (folder / "index.html").write_text("my site", encoding="utf-8")  # an index is not a report
    (folder / "img").mkdir()
    (folder / "img" / "me.png").write_bytes(b"\x89PNG")
    before = _snapshot(folder)
    result = _alliance("--output", str(folder))
    assert result.returncode == 2 and f"no {MARKER} marker" in result.stderr
    assert _snapshot(folder) == before


def test_minus_inf_reaches_the_notebook_as_a_value(tmp_path):
    result = _alliance(
        "--output", str(tmp_path / "r"), "--notebook", "02", "-p", "target_share", "-inf"
    )
    assert result.returncode == 2
    assert "target_share" in result.stderr and "-inf is out of range" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "r").exists()


def test_a_second_run_on_the_same_output_says_so_in_one_line(tmp_path):
    report = _earlier_report(tmp_path)
    before = _snapshot(report)
    with OutputFolder(report):  # another run holds the lock
        result = _alliance("--output", str(report), "--notebook", "03")
    assert result.returncode == 2
    assert result.stderr == (
        f"alliance: error: parameter '--output': {report} is being written by another alliance "
        f"run (pid {os.getpid()}); wait for it to finish or choose another --output\n"
    )
    assert _snapshot(report) == before


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_progress_to_a_full_device_is_one_line_and_keeps_the_earlier_report(tmp_path):
    report = _earlier_report(tmp_path)
    before = _snapshot(report)
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "alliance_lib.cli", "run", "--output", str(report)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=PROJECT_ROOT,
        )
    assert result.returncode == 2
    assert result.stderr.startswith("alliance: error: cannot write the progress lines to /dev/full")
    assert len(result.stderr.splitlines()) == 1
    assert _snapshot(report) == before and sorted(p.name for p in tmp_path.iterdir()) == ["report"]


# --- interrupts: a real run, its kernels, and what is left afterwards ------------------------


def _processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line mentions `text` (the kernels name their connection file)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


# Seconds any wait on a real run allows: generous, as CI machines are shared and a kernel that is
# still importing when its run is killed only notices a few seconds after it finishes starting.
WAIT_LIMIT = 120.0


def _poll(condition, limit: float = WAIT_LIMIT) -> bool:
    """Wait for `condition()` (a generous limit: the machine is shared); its last value."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def _start_run(tmp_path, report):
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    process = subprocess.Popen(
        [sys.executable, "-m", "alliance_lib.cli", "run", "--output", str(report)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
    )

    def kernels() -> list[int]:
        return [pid for pid in _processes_mentioning(str(tmp_path)) if pid != process.pid]

    if not _poll(lambda: len(kernels()) >= 1 or process.poll() is not None):
        process.kill()
        pytest.fail("no kernel started within the limit")
    assert process.poll() is None, process.communicate()
    return process, kernels


needs_proc = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")


@needs_proc
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_run_stops_its_kernels_and_leaves_the_earlier_report(
    tmp_path, signum, status
):
    report = _earlier_report(tmp_path)
    before = _snapshot(report)
    process, kernels = _start_run(tmp_path, report)
    process.send_signal(signum)
    out, err = process.communicate(timeout=WAIT_LIMIT)
    assert process.returncode == status, err
    name = signal.Signals(signum).name
    assert err.splitlines() == [err.strip()] and err.startswith(
        f"alliance: interrupted by {name}; "
    )
    assert f"removed the unfinished report; {report} is as it was" in err and "stopped " in err
    assert _poll(lambda: not kernels()), "a kernel is still running"
    assert _snapshot(report) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "runtime") == ["report"]
    assert not list((tmp_path / "runtime").glob("kernel-*.json"))  # no connection file anywhere


@needs_proc
def test_what_a_killed_run_leaves_is_removed_by_the_next_run(tmp_path):
    report = _earlier_report(tmp_path)
    process, kernels = _start_run(tmp_path, report)
    process.kill()
    process.communicate(timeout=WAIT_LIMIT)
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".report."))
    assert left[-1] == ".report.lock" and left[0].startswith(".report.building-")
    assert _poll(lambda: not kernels()), "orphaned kernels did not exit"
    result = _alliance("--output", str(report), "--notebook", "03")
    assert result.returncode == 0, result.stderr
    assert f"removed what an interrupted run left: {left[0]}" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "runtime") == ["report"]
    assert sorted(read_marker(report)["files"])[0] == "03_policy_shifts.html"


def test_a_corpus_adds_the_coverage_comparison_to_the_report(tmp_path):
    report = tmp_path / "report"
    result = _alliance(
        "--notebook", "05", "--corpus", str(DATA_DIR / "demo_corpus"), "--output", str(report)
    )
    assert result.returncode == 0, result.stderr
    assert "[1/1] 05_coverage_comparison" in result.stdout
    assert (report / "05_coverage_comparison.html").is_file()
    executed = nbformat.read(report / "05_coverage_comparison.ipynb", as_version=4)
    assert executed.metadata.papermill.parameters["corpus_path"] == str(DATA_DIR / "demo_corpus")
    assert "05_coverage_comparison.html" in (report / "index.html").read_text(encoding="utf-8")
    assert "--corpus" in (report / "index.html").read_text(encoding="utf-8")
    package = check_package(report)  # notebook 05's tables in the report's datapackage.json
    assert {r["path"] for r in package["resources"]} >= {
        "05_coverage_comparison/selection.csv",
        "05_coverage_comparison/outlet_differences.csv",
    }


def test_the_coverage_comparison_needs_a_corpus(tmp_path):
    result = _alliance("--notebook", "05", "--output", str(tmp_path / "report"))
    assert (
        result.returncode == 2
        and "--corpus" in result.stderr
        and "compares a corpus" in result.stderr
    )
    missing = _alliance("--corpus", str(tmp_path / "nowhere"), "--output", str(tmp_path / "r"))
    assert missing.returncode == 2 and "nowhere does not exist" in missing.stderr
