"""`alliance run`: execute the notebooks with papermill into a report folder, atomically.

`execute_notebook` is the one way the package runs a notebook (the CLI, the tests, the
benchmarks and `make checked-outputs` all call it). The report is built in a temporary sibling
folder and swapped in only when every notebook ran, so a failing run leaves any earlier report
in place.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from alliance_lib.config import (
    EXECUTION_TIMEOUT,
    KERNEL_ARGUMENTS,
    KERNEL_NAME,
    NOTEBOOKS_DIR,
    PARALLEL_NOTEBOOKS,
    PROJECT_ROOT,
    REPORTS_DIR,
    SEED_ARTICLE,
    resolve,
)
from alliance_lib.errors import DataError, ParameterError, RunError
from alliance_lib.report.params import typed_parameters
from alliance_lib.report.site import export_html, write_index
from alliance_lib.text.pipeline import load_article

_NOTEBOOK = re.compile(r"\d\d_[a-z0-9_]+\.ipynb")


def available_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The analysis notebooks, in reading order (their number)."""
    return sorted(p for p in folder.iterdir() if _NOTEBOOK.fullmatch(p.name))


def select_notebooks(names: Sequence[str] | None, folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Notebooks named by file name, stem or number ("02"); all of them when `names` is empty."""
    notebooks = available_notebooks(folder)
    if not names:
        return notebooks
    chosen = []
    for name in names:
        found = [p for p in notebooks if name in (p.name, p.stem, p.name[:2])]
        if not found:
            raise ParameterError(
                "--notebook", f"no notebook {name!r}; have {', '.join(p.stem for p in notebooks)}"
            )
        chosen.extend(p for p in found if p not in chosen)
    return sorted(chosen)


def execute_notebook(
    notebook: Path,
    executed: Path,
    parameters: Mapping[str, object] | None = None,
    *,
    timeout: int = EXECUTION_TIMEOUT,
) -> None:
    """Run `notebook` with papermill in its own folder, writing the executed copy to `executed`.

    A failing cell becomes a one-line `RunError` naming the notebook, the cell and the error.
    """
    # lazy: papermill is heavy, and only running notebooks needs it
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(
            str(notebook),
            str(executed),
            parameters=dict(parameters or {}),
            cwd=str(notebook.parent),
            kernel_name=KERNEL_NAME,
            language="python",
            progress_bar=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            extra_arguments=list(KERNEL_ARGUMENTS),
        )
    except PapermillExecutionError as exc:
        raise RunError(
            notebook.name,
            exc.ename,
            exc.evalue,
            cell=exc.cell_index,
            execution_count=exc.exec_count,
        ) from None


def _check_output(report: Path) -> None:
    """Refuse an output folder whose replacement would destroy something that is not a report."""
    encloses_project = report == PROJECT_ROOT or report in PROJECT_ROOT.parents
    inside_project = PROJECT_ROOT in report.parents
    if encloses_project or (
        inside_project and report.relative_to(PROJECT_ROOT).parts[0] != REPORTS_DIR.name
    ):
        raise ParameterError(
            "--output", f"{report} is inside the project; use a folder under reports/ or elsewhere"
        )
    if report.exists():
        if not report.is_dir():
            raise ParameterError("--output", f"{report} is a file, not a report folder")
        if any(report.iterdir()) and not (report / "index.html").is_file():
            raise ParameterError(
                "--output",
                f"{report} holds files but no earlier report (index.html); it would be replaced",
            )


def run_report(
    article: str | None = None,
    output: str | None = None,
    notebooks: Sequence[str] | None = None,
    raw_parameters: dict[str, str] | None = None,
    echo: Callable[[str], None] = print,
) -> Path:
    """Execute the selected notebooks on `article` into `output`; return the report folder."""
    article_path = resolve(article) if article else SEED_ARTICLE
    load_article(article_path)  # a bad article fails here, before any kernel starts
    report = resolve(output) if output else REPORTS_DIR / article_path.stem
    _check_output(report)
    selected = select_notebooks(notebooks)
    if not selected:
        raise DataError(f"{NOTEBOOKS_DIR}: no notebooks found")
    parameters = typed_parameters(selected, dict(raw_parameters or {}))

    report.parent.mkdir(parents=True, exist_ok=True)
    building = report.parent / f".{report.name}.building-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    try:
        # Notebooks run PARALLEL_NOTEBOOKS at a time (each kernel is its own process), each
        # exported to HTML as soon as it has run. Lines are printed as notebooks start.
        def run_one(number: int, notebook: Path) -> None:
            echo(f"[{number}/{len(selected)}] {notebook.stem}")
            executed = building / notebook.name
            execute_notebook(
                notebook,
                executed,
                {
                    "article_path": str(article_path),
                    "output_dir": str(building / notebook.stem),
                    **parameters[notebook],
                },
            )
            export_html(executed, building / f"{notebook.stem}.html")

        with ThreadPoolExecutor(max_workers=PARALLEL_NOTEBOOKS) as pool:
            runs = [pool.submit(run_one, n, nb) for n, nb in enumerate(selected, 1)]
            try:
                for run in runs:  # the first failure in reading order is the one reported
                    run.result()
            except BaseException:
                # notebooks not yet started never start
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        write_index(building, article_path, selected)
        previous = report.parent / f".{report.name}.previous-{os.getpid()}"
        if report.exists():
            os.replace(report, previous)
        os.replace(building, report)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    try:
        shown = report.relative_to(Path.cwd())
    except ValueError:
        shown = report
    echo(f"report: {shown / 'index.html'}")
    return report


def execute_all(report: Path) -> int:
    """Run every notebook on the seed into `report` quietly; the number run (for `make bench`)."""
    run_report(output=str(report), echo=lambda _: None)
    return len(available_notebooks())


def floor_notebook() -> str:
    """A notebook that only imports pandas and matplotlib: the papermill floor `make bench` compares to."""
    import nbformat  # lazy: only the benchmark needs it

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import pandas\nimport matplotlib")]
    notebook.metadata["kernelspec"] = {
        "name": KERNEL_NAME,
        "display_name": "Python 3",
        "language": "python",
    }
    return nbformat.writes(notebook)
