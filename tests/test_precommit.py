"""The pre-commit hooks (.pre-commit-config.yaml) pass on the repository as it stands, and each
catches what it guards. Every hook is local (`language: system`, the tools of this environment),
so nothing is downloaded: the test runs offline."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from alliance_lib.config import NOTEBOOKS_DIR, PROJECT_ROOT

CONFIG = PROJECT_ROOT / ".pre-commit-config.yaml"
HOOKS = (
    "ruff",
    "ruff-format",
    "notebooks-stored-clean",
    "check-added-large-files",
    "check-merge-conflict",
)


def _pre_commit(cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """`pre-commit run --all-files` in `cwd` with this environment's tools first on PATH and a
    cache of its own (local hooks install nothing into it)."""
    env = os.environ | {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "PRE_COMMIT_COLOR": "never",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def _statuses(output: str) -> dict[str, str]:
    """Each hook's result (Passed, Failed, Skipped) as `pre-commit run --verbose` prints it."""
    return {
        hook: status
        for status, hook in re.findall(r"(Passed|Failed|Skipped)\n- hook id: (\S+)", output)
    }


def test_every_hook_is_local_and_downloads_nothing():
    import yaml

    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert tuple(hook["id"] for hook in hooks) == HOOKS
    assert {hook["language"] for hook in hooks} == {"system"}


def test_the_hooks_pass_on_the_repository_as_it_stands(tmp_path):
    inside = subprocess.run(
        ["git", "rev-parse", "--is-inside-work-tree"], cwd=PROJECT_ROOT, capture_output=True
    )
    if inside.returncode != 0:
        pytest.skip("not a git checkout: pre-commit checks the files git tracks")
    result = _pre_commit(PROJECT_ROOT, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _statuses(result.stdout) == dict.fromkeys(HOOKS, "Passed")


def test_each_hook_catches_what_it_guards(tmp_path):
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    (repo / "tests").mkdir()
    shutil.copy(CONFIG, repo / CONFIG.name)
    shutil.copy(PROJECT_ROOT / "pyproject.toml", repo / "pyproject.toml")  # ruff's settings
    notebook = nbformat.read(NOTEBOOKS_DIR / "03_policy_shifts.ipynb", as_version=4)
    unchecked = next(c for c in notebook.cells if c.cell_type == "code" and not c.outputs)
    unchecked.outputs = [nbformat.v4.new_output("stream", name="stdout", text="saved from Lab\n")]
    nbformat.write(notebook, repo / "notebooks" / "03_policy_shifts.ipynb")
    (repo / "tests" / "unformatted.py").write_text("x=[1,\n  2]\n", encoding="utf-8")
    (repo / "tests" / "unused.py").write_text("import os\n", encoding="utf-8")
    (repo / "big.csv").write_text("a\n" + "1\n" * 300_000, encoding="utf-8")  # 600 kB
    (repo / "notes.md").write_text("<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b\n", "utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    result = _pre_commit(repo, tmp_path)
    assert result.returncode == 1
    assert _statuses(result.stdout) == dict.fromkeys(HOOKS, "Failed"), result.stdout
    assert "03_policy_shifts.ipynb is not in its stored form" in result.stdout
    assert "make checked-outputs" in result.stdout
