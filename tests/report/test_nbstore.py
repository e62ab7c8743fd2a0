"""Stored notebooks after a run saved from JupyterLab: one line naming the command that
restores them; and the kernel the notebooks name is registered for this environment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager

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
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    return notebook


def test_a_notebook_saved_from_lab_fails_with_one_line_naming_the_restoring_command():
    message = nbstore.stored_form_message(NOTEBOOK, _saved_from_lab())
    assert "\n" not in message
    assert message.startswith("03_policy_shifts.ipynb is not in its stored form (")
    assert "kernelspec is not alliance" in message and "; and " in message
    assert "run `make checked-outputs` to restore it" in message


def test_strip_restores_the_stored_form():
    notebook = nbstore.strip(_saved_from_lab())
    assert nbstore.problems(notebook) == []
    assert notebook.metadata.kernelspec == nbstore.STORED_KERNEL
    assert nbstore.stored_form_message(NOTEBOOK, nbformat.read(NOTEBOOK, as_version=4)) == ""


def test_the_notebooks_kernel_is_registered_for_this_environment():
    spec = KernelSpecManager().get_kernel_spec(nbstore.STORED_KERNEL["name"])
    assert Path(spec.argv[0]).parent == Path(sys.executable).parent
    assert spec.display_name == nbstore.STORED_KERNEL["display_name"]


def test_make_lab_opens_at_the_project_root_with_the_kernel_registered():
    dry = subprocess.run(
        ["make", "-n", "lab"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "ipykernel install --sys-prefix --name alliance" in dry
    assert f'jupyter lab --ServerApp.root_dir="{PROJECT_ROOT}"' in dry
