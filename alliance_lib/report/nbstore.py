"""How notebooks are stored: without outputs, except the cells nbval checks (`make checked-outputs`).

`python -m alliance_lib.report.nbstore` refreshes the stored outputs; with `--check PATH...` it
only says which notebooks are not in their stored form (the pre-commit hook), exit status 1.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from alliance_lib.report.outputs import write_text
from alliance_lib.report.runner import available_notebooks, execute_notebook

CHECK_MARK = "NBVAL_CHECK_OUTPUT"
# The kernel the stored notebooks name: the standard `python3`, which ipykernel provides in every
# environment made from environment.yml or pyproject.toml, running that environment's Python
# (JupyterLab started from .venv by `make lab` runs them in .venv); papermill, nbval and
# `alliance run` name it too (config.KERNEL_NAME).
STORED_KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
RESTORE = "make checked-outputs"
_VOLATILE_CELL_KEYS = ("execution", "papermill", "ExecuteTime", "collapsed", "scrolled")


def is_checked(cell) -> bool:
    """A code cell whose output nbval compares (`# NBVAL_CHECK_OUTPUT` or the nbval-check-output tag)."""
    if cell.get("cell_type") != "code":
        return False
    first = cell.get("source", "").lstrip().splitlines()[:1]
    return bool(first and CHECK_MARK in first[0]) or "nbval-check-output" in cell.get(
        "metadata", {}
    ).get("tags", [])


def strip(notebook):
    """Drop outputs, counts and run metadata, except outputs and counts of checked cells."""
    notebook.metadata.pop("papermill", None)
    notebook.metadata.pop("widgets", None)
    notebook.metadata["kernelspec"] = dict(STORED_KERNEL)
    count = 0
    for cell in notebook.cells:
        for key in _VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if cell.metadata.get("tags") == []:  # papermill adds an empty tag list to every cell
            del cell.metadata["tags"]
        if cell.cell_type != "code":
            continue
        if is_checked(cell):
            count += 1
            cell.execution_count = count
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = count
        else:
            cell.outputs = []
            cell.execution_count = None
    return notebook


def problems(notebook) -> list[str]:
    """Ways a stored notebook breaks the storage rule (empty when it is clean)."""
    found = []
    if "papermill" in notebook.metadata:
        found.append("notebook metadata holds papermill run data")
    if notebook.metadata.get("kernelspec", {}).get("name") != STORED_KERNEL["name"]:
        found.append(f"kernelspec is not {STORED_KERNEL['name']}")
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        if any(key in cell.metadata for key in _VOLATILE_CELL_KEYS):
            found.append(f"cell {index} keeps run metadata")
        if is_checked(cell):
            if not cell.outputs or cell.execution_count is None:
                found.append(f"cell {index} is checked by nbval but has no stored output")
        elif cell.outputs or cell.execution_count is not None:
            found.append(f"cell {index} keeps an output nbval does not check")
    return found


def stored_form_message(path: Path, notebook) -> str:
    """One line saying how a notebook differs from its stored form and the command that
    restores it (empty when it is clean): what `make test` says after a run saved from Lab."""
    found = problems(notebook)
    if not found:
        return ""
    shown = "; ".join(found[:3]) + (f"; and {len(found) - 3} more" if len(found) > 3 else "")
    return (
        f"{path.name} is not in its stored form ({shown}): run `{RESTORE}` to restore it "
        "(re-runs the notebooks and keeps only the outputs nbval checks)"
    )


def refresh(path: Path) -> None:
    """Re-execute a notebook with its default parameters and store the checked outputs."""
    import nbformat  # lazy: only `make checked-outputs` needs it

    with tempfile.TemporaryDirectory() as folder:
        executed = Path(folder) / path.name
        execute_notebook(path, executed)
        notebook = nbformat.read(executed, as_version=4)
    write_text(path, nbformat.writes(strip(notebook)) + "\n")


def check(paths: Sequence[Path]) -> list[str]:
    """One line for each notebook of `paths` that is not in its stored form."""
    import nbformat  # lazy: only checking notebooks needs it

    return [
        message
        for path in paths
        if (message := stored_form_message(path, nbformat.read(path, as_version=4)))
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """`make checked-outputs` (no arguments): refresh every notebook's checked outputs;
    `--check PATH...` (the pre-commit hook): print what is wrong with each, 1 if any is."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--check"]:
        found = check([Path(a) for a in args[1:]])
        for line in found:
            print(line)
        return 1 if found else 0
    for notebook_path in available_notebooks():
        print(f"refreshing checked outputs of {notebook_path.name}")
        refresh(notebook_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
