"""`alliance run`: execute the notebooks with papermill into a report folder, atomically.

The report is built in a temporary sibling folder and swapped in only when every notebook ran,
so a failing run leaves any earlier report in place.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from alliance_lib.errors import AllianceError, ParameterError
from alliance_lib.paths import NOTEBOOKS_DIR, PROJECT_ROOT, SEED_ARTICLE, resolve

EXECUTION_TIMEOUT = 600  # seconds per cell: a hung kernel fails instead of blocking CI
PARALLEL_NOTEBOOKS = 2
# Kernel log noise: ipykernel 7 warns on every start that TCP is unencrypted (the kernels are
# local), and graceful shutdown (SIGINT first) can log a KeyboardInterrupt.
KERNEL_ARGUMENTS = ("--IPKernelApp.log_level=CRITICAL",)  # pass a fresh list: nbclient extends it
RESERVED = {"article_path": "--article", "output_dir": "--output"}
_NOTEBOOK = re.compile(r"\d\d_[a-z0-9_]+\.ipynb")


class RunError(AllianceError):
    """A notebook failed; the message names the notebook, the cell and the error."""


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


def declared_parameters(notebook: Path) -> dict[str, dict]:
    """The parameters a notebook declares (papermill's reading of its `parameters` cell)."""
    import papermill

    return dict(papermill.inspect_notebook(str(notebook)))


def convert(name: str, raw: str, declared: str | None) -> object:
    """A command-line string as the type the notebook declares for the parameter."""
    kind = (declared or "str").strip().lower()
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            if raw.lower() in ("true", "1", "yes"):
                return True
            if raw.lower() in ("false", "0", "no"):
                return False
            raise ValueError(raw)
    except ValueError:
        raise ParameterError(name, f"expected {kind}, got {raw!r}") from None
    return raw


def typed_parameters(notebooks: list[Path], raw: dict[str, str]) -> dict[Path, dict[str, object]]:
    """Per notebook, the parameters it declares, converted; unknown names are refused up front."""
    declared = {nb: declared_parameters(nb) for nb in notebooks}
    known = set().union(*(set(d) for d in declared.values())) if declared else set()
    for name in raw:
        if name in RESERVED:
            raise ParameterError(name, f"set it with {RESERVED[name]}, not -p")
        if name not in known:
            raise ParameterError(
                name,
                f"no selected notebook declares it; known: {', '.join(sorted(known - set(RESERVED)))}",
            )
    return {
        nb: {
            n: convert(n, v, declared[nb][n].get("inferred_type_name"))
            for n, v in raw.items()
            if n in declared[nb]
        }
        for nb in notebooks
    }


def _export_html(notebook: Path, target: Path) -> None:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    target.write_text(body, encoding="utf-8")


def _index(report: Path, article: Path, notebooks: list[Path]) -> str:
    items = []
    for nb in notebooks:
        files = (
            sorted(p.name for p in (report / nb.stem).iterdir())
            if (report / nb.stem).is_dir()
            else []
        )
        links = " · ".join(
            f'<a href="{nb.stem}/{html.escape(f)}">{html.escape(f)}</a>' for f in files
        )
        items.append(
            f'<li><a href="{nb.stem}.html"><b>{html.escape(nb.stem)}</b></a> '
            f'(<a href="{nb.name}">notebook</a>)<br><small>{links}</small></li>'
        )
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>alliance report</title></head><body>\n"
        f"<h1>alliance report</h1>\n<p>Article: <code>{html.escape(article.name)}</code></p>\n"
        "<ol>\n" + "\n".join(items) + "\n</ol>\n"
        "<p><small>Spending figures: SIPRI Military Expenditure Database (© SIPRI) and Our World in Data; "
        "Japan Ministry of Defense white papers and plans. See data/SOURCES.md.</small></p>\n</body></html>\n"
    )


def _check_output(report: Path) -> None:
    """Refuse an output folder whose replacement would destroy something that is not a report."""
    encloses_project = report == PROJECT_ROOT or report in PROJECT_ROOT.parents
    inside_project = PROJECT_ROOT in report.parents
    if encloses_project or (
        inside_project and report.relative_to(PROJECT_ROOT).parts[0] != "reports"
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


def _execute(notebook: Path, executed: Path, parameters: dict[str, object]) -> None:
    """Run one notebook with papermill in its own folder; a failure becomes a one-line RunError."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(
            str(notebook),
            str(executed),
            parameters=parameters,
            cwd=str(notebook.parent),
            kernel_name="python3",
            language="python",
            progress_bar=False,
            request_save_on_cell_execute=False,
            execution_timeout=EXECUTION_TIMEOUT,
            extra_arguments=list(KERNEL_ARGUMENTS),
        )
    except PapermillExecutionError as exc:
        error = " ".join(f"{exc.ename}: {exc.evalue}".split())  # one line, whatever the error text
        raise RunError(
            f"{notebook.name} failed in cell {exc.cell_index} (In [{exc.exec_count}]): {error}"
        ) from None


def run_report(
    article: str | None = None,
    output: str | None = None,
    notebooks: Sequence[str] | None = None,
    raw_parameters: dict[str, str] | None = None,
    echo: Callable[[str], None] = print,
) -> Path:
    """Execute the selected notebooks on `article` into `output`; return the report folder."""
    from alliance_lib.parse import load_article

    article_path = resolve(article) if article else SEED_ARTICLE
    load_article(article_path)  # a bad article fails here, before any kernel starts
    report = resolve(output) if output else PROJECT_ROOT / "reports" / article_path.stem
    _check_output(report)
    selected = select_notebooks(notebooks)
    if not selected:
        raise RunError(f"no notebooks found in {NOTEBOOKS_DIR}")
    parameters = typed_parameters(selected, dict(raw_parameters or {}))

    report.parent.mkdir(parents=True, exist_ok=True)
    building = report.parent / f".{report.name}.building-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    try:
        # Two notebooks at a time (each kernel is its own process; the machines have two cores),
        # each exported to HTML as soon as it has run. Lines are printed as notebooks start.
        def run_one(number: int, notebook: Path) -> None:
            echo(f"[{number}/{len(selected)}] {notebook.stem}")
            executed = building / notebook.name
            _execute(
                notebook,
                executed,
                {
                    "article_path": str(article_path),
                    "output_dir": str(building / notebook.stem),
                    **parameters[notebook],
                },
            )
            _export_html(executed, building / f"{notebook.stem}.html")

        with ThreadPoolExecutor(max_workers=PARALLEL_NOTEBOOKS) as pool:
            runs = [pool.submit(run_one, n, nb) for n, nb in enumerate(selected, 1)]
            try:
                for run in runs:  # the first failure in reading order is the one reported
                    run.result()
            except BaseException:
                pool.shutdown(
                    wait=True, cancel_futures=True
                )  # notebooks not yet started never start
                raise
        (building / "index.html").write_text(
            _index(building, article_path, selected), encoding="utf-8"
        )
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
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import pandas\nimport matplotlib")]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nbformat.writes(notebook)
