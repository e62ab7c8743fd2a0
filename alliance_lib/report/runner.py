"""`alliance run`: execute the notebooks with papermill into a report folder, atomically.

`execute_notebook` is the one way the package runs a notebook (the CLI, the tests, the
benchmarks and `make checked-outputs` all call it). The report is built in a sibling folder and
swapped in only when every notebook ran (`output_folder`), so a failing or interrupted run
leaves any earlier report as it was; an interrupt stops the run's kernels (`kernels`,
`interrupts`). The executed notebooks record the report folder as `output_dir`, where their
files end up, not the build folder they were written to.
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alliance_lib.config import (
    EXECUTION_TIMEOUT,
    KERNEL_ARGUMENTS,
    KERNEL_NAME,
    NOTEBOOKS_DIR,
    PARALLEL_NOTEBOOKS,
    REPORTS_DIR,
    SEED_ARTICLE,
    resolve,
)
from alliance_lib.errors import DataError, ParameterError, RunError, RunInterrupted
from alliance_lib.report.interrupts import Interrupts
from alliance_lib.report.kernels import KernelWatch
from alliance_lib.report.output_folder import (
    KERNELS,
    OutputFolder,
    failure,
    is_os_failure_in,
    package_version,
    report_folder,
)
from alliance_lib.report.params import declared_parameters, typed_parameters
from alliance_lib.report.partial import article_record, carry_earlier, run_record
from alliance_lib.report.site import (
    RunInfo,
    article_title,
    export_html,
    notebook_titles,
    write_site,
)
from alliance_lib.text.pipeline import load_article

_NOTEBOOK = re.compile(r"\d\d_[a-z0-9_]+\.ipynb")


def available_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The analysis notebooks, in reading order (their number)."""
    return sorted(p for p in folder.iterdir() if _NOTEBOOK.fullmatch(p.name))


def needs_corpus(notebook: Path) -> bool:
    """Whether the notebook compares a corpus (it declares `corpus_path`), like notebook 05."""
    return "corpus_path" in declared_parameters(notebook)


def select_notebooks(
    names: Sequence[str] | None, folder: Path = NOTEBOOKS_DIR, *, corpus: bool = False
) -> list[Path]:
    """Notebooks named by file name, stem or number ("02"); without names, every notebook, but
    those comparing a corpus only when a corpus is given (`alliance run --corpus DIR`)."""
    notebooks = available_notebooks(folder)
    if not names:
        return [p for p in notebooks if corpus or not needs_corpus(p)]
    chosen = []
    for name in names:
        found = [p for p in notebooks if name in (p.name, p.stem, p.name[:2])]
        if not found:
            raise ParameterError(
                "--notebook", f"no notebook {name!r}; have {', '.join(p.stem for p in notebooks)}"
            )
        chosen.extend(p for p in found if p not in chosen)
    if not corpus:
        for notebook in chosen:
            if needs_corpus(notebook):
                raise ParameterError(
                    "--corpus",
                    f"{notebook.stem} compares a corpus: give --corpus DIR (a folder written by "
                    "alliance corpus)",
                )
    return sorted(chosen)


def execute_notebook(
    notebook: Path,
    executed: Path,
    parameters: Mapping[str, object] | None = None,
    *,
    timeout: int = EXECUTION_TIMEOUT,
    kernel_manager_class: type | None = None,
) -> None:
    """Run `notebook` with papermill in its own folder, writing the executed copy to `executed`.

    A failing cell becomes a one-line `RunError` naming the notebook, the cell and the error.
    `kernel_manager_class` (for `alliance run`) lets the caller stop the kernel on an interrupt.
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
            **({"kernel_manager_class": kernel_manager_class} if kernel_manager_class else {}),
        )
    except PapermillExecutionError as exc:
        raise RunError(
            notebook.name,
            exc.ename,
            exc.evalue,
            cell=exc.cell_index,
            execution_count=exc.exec_count,
        ) from None


def record_output_dir(executed: Path, output_dir: Path, notebook_path: Path) -> None:
    """Make an executed notebook record where its files end up (the report folder), not where
    they were written (the build folder that is swapped into place): papermill's metadata and
    the injected parameters cell, regenerated with papermill's own translator."""
    # lazy: nbformat and papermill are heavy, and only running notebooks needs them
    import nbformat
    from papermill.translators import translate_parameters

    notebook = nbformat.read(executed, as_version=4)
    recorded = notebook.metadata.get("papermill", {})
    parameters = recorded.get("parameters")
    if not isinstance(parameters, dict) or "output_dir" not in parameters:
        return
    parameters["output_dir"] = str(output_dir)
    recorded["output_path"] = str(notebook_path)
    for cell in notebook.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = translate_parameters(KERNEL_NAME, "python", parameters, "Parameters")
    nbformat.write(notebook, executed)


def one_line_at_a_time(echo: Callable[[str], None]) -> Callable[[str], None]:
    """`echo` behind a lock: lines printed from parallel notebooks never share a line."""
    lock = threading.Lock()

    def say(line: str) -> None:
        with lock:
            echo(line)

    return say


@dataclass
class _Progress:
    """How far a run got, for the line printed when it is interrupted."""

    report: Path | None = None
    earlier: bool = False
    building: bool = False
    committed: bool = False
    kernels_stopped: int = 0

    def after_interrupt(self) -> str:
        """What the interrupt left, for the end of the one line printed."""
        if self.committed:
            return f"the new report at {self.report} was already complete"
        if not self.building:
            return "nothing was written"
        count = self.kernels_stopped
        stopped = f"stopped {count} kernel{'s' if count > 1 else ''}, " if count else ""
        kept = f"{self.report} is as it was" if self.earlier else f"{self.report} was not created"
        return f"{stopped}removed the unfinished report; {kept}"


def _run_notebooks(
    build: Path,
    report: Path,
    article_path: Path,
    selected: list[Path],
    parameters: Mapping[Path, Mapping[str, object]],
    say: Callable[[str], None],
    progress: _Progress,
    page: Callable[[Path, Path], None],
) -> None:
    """Run the notebooks PARALLEL_NOTEBOOKS at a time into `build`, each exported to HTML as
    soon as it has run; on any failure or interrupt stop every kernel before returning."""
    watch = KernelWatch(build / KERNELS)
    manager_class = watch.manager_class()

    def run_one(number: int, notebook: Path) -> None:
        if watch.stopping.is_set():
            return
        say(f"[{number}/{len(selected)}] {notebook.stem}")
        executed = build / notebook.name
        execute_notebook(
            notebook,
            executed,
            {
                "article_path": str(article_path),
                "output_dir": str(build / notebook.stem),
                **parameters[notebook],
            },
            kernel_manager_class=manager_class,
        )
        record_output_dir(executed, report / notebook.stem, report / notebook.name)
        page(executed, build / f"{notebook.stem}.html")

    papermill_log = logging.getLogger("papermill")  # "Kernel died" after a stop is expected
    papermill_log.addFilter(watch)
    pool = ThreadPoolExecutor(max_workers=PARALLEL_NOTEBOOKS)
    runs = [pool.submit(run_one, n, nb) for n, nb in enumerate(selected, 1)]
    try:
        for run in runs:  # the first failure in reading order is the one reported
            run.result()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # notebooks not yet started never start
        progress.kernels_stopped = watch.stop(runs)
        raise
    finally:
        papermill_log.removeFilter(watch)
    pool.shutdown(wait=True)


def run_report(
    article: str | None = None,
    output: str | None = None,
    notebooks: Sequence[str] | None = None,
    raw_parameters: dict[str, str] | None = None,
    echo: Callable[[str], None] = print,
    warn: Callable[[str], None] | None = None,
    corpus: str | None = None,
) -> Path:
    """Execute the selected notebooks on `article` (and `corpus`, for the notebooks comparing
    one) into `output`; return the report folder.

    SIGINT and SIGTERM (in the main thread) stop the kernels, remove the build folder and raise
    `RunInterrupted`; `warn` receives warnings about the article (e.g. how it was decoded).
    """
    say = one_line_at_a_time(echo)
    progress = _Progress()
    with Interrupts() as interrupts:
        try:
            report = _build_report(
                article, output, notebooks, raw_parameters, say, warn, progress, interrupts, corpus
            )
        except RunInterrupted as exc:
            raise RunInterrupted(exc.signum, progress.after_interrupt()) from None
        if interrupts.received is not None:  # arrived during the swap, which was completed
            raise RunInterrupted(interrupts.received, progress.after_interrupt())
    try:
        shown = report.relative_to(Path.cwd())
    except ValueError:
        shown = report
    say(f"report: {shown / 'index.html'}")
    return report


def _build_report(
    article: str | None,
    output: str | None,
    notebooks: Sequence[str] | None,
    raw_parameters: dict[str, str] | None,
    say: Callable[[str], None],
    warn: Callable[[str], None] | None,
    progress: _Progress,
    interrupts: Interrupts,
    corpus: str | None = None,
) -> Path:
    """`run_report` inside the signal handlers: check everything, then build, then swap."""
    run = RunInfo(
        started_utc=datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        command=reproducing_command(article, output, notebooks, raw_parameters, corpus),
        version=package_version(),
    )
    corpus_path = _corpus_folder(corpus) if corpus else None
    article_path = resolve(article) if article else SEED_ARTICLE
    parsed = load_article(article_path)  # a bad article fails here, before any kernel starts
    if parsed.decode_note and warn is not None:
        warn(f"{article_path}: {parsed.decode_note}")
    report = report_folder(output if output else REPORTS_DIR / article_path.stem)
    selected = select_notebooks(notebooks, corpus=corpus_path is not None)
    if not selected:
        raise DataError(f"{NOTEBOOKS_DIR}: no notebooks found")
    parameters = typed_parameters(selected, dict(raw_parameters or {}))
    for notebook in selected:
        if corpus_path is not None and needs_corpus(notebook):
            parameters[notebook]["corpus_path"] = str(corpus_path)
    titles = notebook_titles(selected)
    runs = {notebook.stem: run for notebook in selected}
    headline = article_title(parsed)
    article_recorded = article_record(article_path)

    def page(executed: Path, target: Path) -> None:
        export_html(executed, target, headline, titles)

    progress.report, progress.earlier = report, os.path.lexists(report)
    with OutputFolder(report) as folder:
        if folder.cleaned:
            say(f"removed what an interrupted run left: {', '.join(folder.cleaned)}")
        progress.building = True
        try:
            if notebooks:  # a partial run keeps the earlier report's other notebooks
                stems = [notebook.stem for notebook in selected]
                kept, kept_runs = carry_earlier(report, folder.build, stems, article_recorded)
                titles = dict(sorted((titles | kept).items()))  # reading order, by number
                runs |= kept_runs
                for stem in kept:  # their pages again: the navigation lists every notebook
                    page(folder.build / f"{stem}.ipynb", folder.build / f"{stem}.html")
            _run_notebooks(
                folder.build, report, article_path, selected, parameters, say, progress, page
            )
            write_site(folder.build, parsed, article_path, titles, runs)
        except OSError as exc:
            if is_os_failure_in(exc, folder.build):
                raise failure(report, exc) from None
            raise
        with interrupts.deferred():
            folder.commit({"article": article_recorded, "runs": run_record(runs)})
            progress.committed = True
    return report


def _corpus_folder(corpus: str) -> Path:
    """`--corpus`: an existing folder (written by `alliance corpus`) or corpus input."""
    path = resolve(corpus)
    if not path.exists():
        raise ParameterError("--corpus", f"{path} does not exist")
    return path


def reproducing_command(
    article: str | None,
    output: str | None,
    notebooks: Sequence[str] | None,
    raw_parameters: Mapping[str, str] | None,
    corpus: str | None = None,
) -> str:
    """The `alliance run` command line that gives this run again (for the findings page)."""
    words = ["alliance", "run"]
    if article:
        words += ["--article", str(article)]
    if corpus:
        words += ["--corpus", str(corpus)]
    if output:
        words += ["--output", str(output)]
    for name in notebooks or ():
        words += ["--notebook", name]
    for name, value in (raw_parameters or {}).items():
        words += ["-p", name, value]
    return shlex.join(words)


def execute_all(report: Path) -> int:
    """Run every notebook on the seed into `report` quietly; the number run (for `make bench`)."""
    run_report(output=str(report), echo=lambda _: None)
    return len(select_notebooks(None))


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
