"""One real `alliance run` on the seed, shared by every test that reads a whole report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from alliance_lib.config import PROJECT_ROOT


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory) -> Path:
    """The report folder of `alliance run --output TMP/report` on the seed (run once a session)."""
    report = tmp_path_factory.mktemp("seed-run") / "report"
    result = subprocess.run(
        [sys.executable, "-m", "alliance_lib.cli", "run", "--output", str(report)],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT_ROOT,
    )
    assert result.returncode == 0, result.stderr
    return report
