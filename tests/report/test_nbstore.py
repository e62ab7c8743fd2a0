"""Stored notebooks after a run saved from JupyterLab: one line naming the command that
restores them; and the kernel the notebooks name, the standard python3, starts this
environment's Python (as it does in JupyterLab started by `make lab`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

from alliance_lib.config import NOTEBOOKS_DIR, PROJECT_ROOT
from alliance_lib.report import nbstore

NOTEBOOK = NOTEBOOKS_DIR / "03_policy_shifts.ipynb"


def _saved_from_lab():
    """The stored notebook as JupyterLab saves it after "Run All": every cell has output,
    cells carry timing metadata, the kernel is whatever the user picked."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for count, cell in enumerate(c for c in notebook.cells if c.cell_type == "code"):
        cell.execution_count = count + 1
        cell.metadata["execution"] = {"iopub.status.idle": "2026-01-01T00:00:00Z"}
        if not cell.outputs:
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x\n")]
    notebook.metadata["kernelspec"] = {"name": "alliance", "display_name": "Python (alliance)"}
    return notebook


def test_a_notebook_saved_from_lab_fails_with_one_line_naming_the_restoring_command():
    message = nbstore.stored_form_message(NOTEBOOK, _saved_from_lab())
    assert "\n" not in message
    assert message.startswith("03_policy_shifts.ipynb is not in its stored form (")
    assert "kernelspec is not python3" in message and "; and " in message
    assert "run `make checked-outputs` to restore it" in message


def test_strip_restores_the_stored_form():
    notebook = nbstore.strip(_saved_from_lab())
    assert nbstore.problems(notebook) == []
    assert notebook.metadata.kernelspec == nbstore.STORED_KERNEL
    assert nbstore.stored_form_message(NOTEBOOK, nbformat.read(NOTEBOOK, as_version=4)) == ""


def test_the_notebooks_name_the_standard_kernel():
    assert nbstore.STORED_KERNEL["name"] == "python3"
    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        assert nbformat.read(path, as_version=4).metadata.kernelspec.name == "python3", path.name


def test_the_standard_kernel_starts_this_environments_python_even_beside_a_user_kernel(
    tmp_path, monkeypatch
):
    """What `make lab` relies on: started from .venv (JUPYTER_PREFER_ENV_PATH=1), Jupyter takes
    ipykernel's python3 spec from the environment, not a user-wide python3 of another Python,
    and launches it with the environment's interpreter."""
    user_kernel = tmp_path / "kernels" / "python3"
    user_kernel.mkdir(parents=True)
    (user_kernel / "kernel.json").write_text(
        '{"argv": ["/nowhere/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],'
        ' "display_name": "Another Python", "language": "python"}',
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("JUPYTER_PREFER_ENV_PATH", "1")
    spec = KernelSpecManager().get_kernel_spec(nbstore.STORED_KERNEL["name"])
    assert spec.display_name != "Another Python"
    command = KernelManager(kernel_name="python3").format_kernel_cmd()
    assert Path(command[0]) == Path(sys.executable)


def test_make_lab_opens_at_the_project_root_preferring_the_environments_kernel():
    dry = subprocess.run(
        ["make", "-n", "lab"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "ipykernel install" not in dry  # nothing to register: python3 comes with ipykernel
    assert (
        f'JUPYTER_PREFER_ENV_PATH=1 .venv/bin/jupyter lab --ServerApp.root_dir="{PROJECT_ROOT}"'
        in dry
    )
