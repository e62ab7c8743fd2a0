"""Where a notebook's time goes: each notebook of `alliance run` (01-04 by default) executed
twice through `execute_notebook` on the seed, first with a CPU clock around every cell (the
kernel's start-up, each cell, its shut-down), then under cProfile (the share of the profiled time
spent importing, drawing and saving charts, showing tables, parsing, analysing); and the
report's own work in the `alliance run` process (papermill, the pages), per step.

    .venv/bin/python -m benchmarks.profile_notebooks [02 04 ...] [--parent]

CPU time, not wall-clock time: the machine is shared. The profiler slows what it watches, so its
figures are shares, not seconds.
"""

from __future__ import annotations

import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from alliance_lib.report.runner import available_notebooks, execute_notebook

_CLOCK = """import resource as _resource, time as _time
_cells = []
def _before(info):
    _cells.append([(info.raw_cell or "").strip().splitlines()[0][:60], _time.process_time()])
def _after(result):
    if _cells:
        _cells[-1][1] = _time.process_time() - _cells[-1][1]
get_ipython().events.register("pre_run_cell", _before)
get_ipython().events.register("post_run_cell", _after)
_start = _resource.getrusage(_resource.RUSAGE_SELF)
print(_start.ru_utime + _start.ru_stime)"""
_CLOCK_END = """_end = _resource.getrusage(_resource.RUSAGE_SELF)
for _line, _cpu in _cells[:-1]:
    print(f"{_cpu:.3f}\\t{_line}")
print(f"{_end.ru_utime + _end.ru_stime:.3f}\\ttotal")"""
_PROFILE = "import cProfile as _cProfile\n_profile = _cProfile.Profile()\n_profile.enable()"
_PROFILE_END = "_profile.disable()\n_profile.dump_stats({path!r})"

# What the profiled time is spent on: the outermost calls of these functions (cumulative time).
CATEGORIES = {
    "imports": [("<frozen importlib._bootstrap>", "_find_and_load")],
    "charts: drawing (chart functions)": [("alliance_lib/report/style.py", "wrapper")],
    "charts: saving PNG + SVG": [("alliance_lib/report/outputs.py", "save_figure")],
    "tables shown": [("IPython/core/display_functions.py", "display")],
    "parsing the article": [("alliance_lib/text/pipeline.py", "parse_article")],
    "CSV and JSON written": [("alliance_lib/report/outputs.py", "write_results")],
}


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _run_with(notebook: Path, folder: Path, first: str, last: str) -> nbformat.NotebookNode:
    """Execute a copy of `notebook` (beside it, so relative paths hold) with two cells added."""
    book = nbformat.read(notebook, as_version=4)
    book.cells.insert(0, nbformat.v4.new_code_cell(first))
    book.cells.append(nbformat.v4.new_code_cell(last))
    copy = notebook.with_name(f".profile-{notebook.name}")
    nbformat.write(book, copy)
    try:
        executed = folder / notebook.name
        execute_notebook(copy, executed, {"output_dir": str(folder / notebook.stem)})
        return nbformat.read(executed, as_version=4)
    finally:
        copy.unlink()


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def cell_clock(notebook: Path, folder: Path) -> None:
    """The kernel's CPU: start-up, each cell (largest first) and shut-down."""
    before = _children_cpu()
    executed = _run_with(notebook, folder, _CLOCK, _CLOCK_END)
    kernel = _children_cpu() - before
    clock = next(c for c in executed.cells if c.source == _CLOCK)  # papermill may add a cell first
    start = float(_text(clock))
    rows = [line.split("\t", 1) for line in _text(executed.cells[-1]).strip().splitlines()]
    total = float(rows.pop()[0])
    cells = sorted(((float(cpu), line) for cpu, line in rows), reverse=True)
    print(
        f"{notebook.stem}: kernel {kernel:.2f} s CPU = start-up {start:.2f} + cells "
        f"{total - start:.2f} + shut-down {kernel - total:.2f}"
    )
    for cpu, line in cells[:5]:
        print(f"    {cpu:6.2f} s  cell: {line}")


def profile_shares(notebook: Path, folder: Path) -> None:
    """The share of the profiled cell time in each category, and the costliest functions."""
    stats_path = folder / f"{notebook.stem}.prof"
    _run_with(notebook, folder, _PROFILE, _PROFILE_END.format(path=str(stats_path)))
    stats = pstats.Stats(str(stats_path))
    total = sum(  # IPython's run_code runs the code of every cell
        v[3] for k, v in stats.stats.items() if k[2] == "run_code" and "IPython" in k[0]
    )
    for name, roots in CATEGORIES.items():
        spent = sum(
            value[3]
            for (file, _, function), value in stats.stats.items()
            for root_file, root_function in roots
            if file.endswith(root_file) and function == root_function
        )
        print(f"    {100 * spent / total:5.1f}%  {name}")


def parent_steps() -> None:
    """CPU of each step `alliance run` takes in its own process (threads timed one by one)."""
    from alliance_lib.report import runner

    spent: dict[str, float] = {}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            start = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.thread_time() - start

        return wrapper

    for name in ("execute_notebook", "record_output_dir", "export_html", "write_site"):
        setattr(runner, name, timed(name, getattr(runner, name)))
    own = resource.getrusage(resource.RUSAGE_SELF)
    with tempfile.TemporaryDirectory() as tmp:
        runner.execute_all(Path(tmp) / "report")
    after = resource.getrusage(resource.RUSAGE_SELF)
    total = after.ru_utime + after.ru_stime - own.ru_utime - own.ru_stime
    print(f"alliance run, its own process: {total:.2f} s CPU (threads: papermill's and the pages')")
    for name, seconds in spent.items():
        print(f"    {seconds:6.2f} s  {name}")


def main(argv: list[str]) -> None:
    wanted = [a for a in argv if not a.startswith("--")] or ["01", "02", "03", "04"]
    with tempfile.TemporaryDirectory() as tmp:
        for notebook in available_notebooks():
            if notebook.name[:2] in wanted:
                cell_clock(notebook, Path(tmp))
                profile_shares(notebook, Path(tmp))
    if "--parent" in argv:
        parent_steps()


if __name__ == "__main__":
    main(sys.argv[1:])
