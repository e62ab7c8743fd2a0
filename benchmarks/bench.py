"""`make bench`: parser speed against trafilatura, throughput, import time, notebook run time
against the papermill floor (medians of alternating runs; `--runs N`).

Prints figures only; nothing here is asserted (speed is measured, never tested by timing).
`benchmarks/profile_notebooks.py` says where a notebook's time goes.
"""

from __future__ import annotations

import html
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import alliance_lib
from alliance_lib import load_article, parse_article
from alliance_lib.config import SEED_ARTICLE
from alliance_lib.report.runner import select_notebooks

NOTEBOOK_RUNS = 5  # alternating runs of the report and the floor; medians are reported


def _best_of(func, repeat: int = 30) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _as_html(article) -> str:
    """An HTML rendering of the parsed seed with the usual page furniture around it."""
    body = "\n".join(
        f"<h2>{html.escape(p.text)}</h2>"
        if p.kind == "subheading"
        else f"<p>{html.escape(p.text)}</p>"
        for p in article.paragraphs
    )
    return (
        "<!DOCTYPE html><html><head><title>{t}</title></head><body>"
        "<nav><a href='/'>Home</a> &gt; <a href='/us'>United States</a></nav>"
        "<div class='share'>58 SHARE</div><article><h1>{t}</h1>{b}</article>"
        "<footer>Copyright. All rights reserved.</footer></body></html>"
    ).format(t=html.escape(article.headline or ""), b=body)


def _variants(text: str, count: int) -> list[str]:
    """`count` seed-sized articles that differ in wording and order (no cache can help)."""
    rng = random.Random(20230113)
    head, _, rest = text.partition("Array\n")
    body, _, tail = rest.partition("\n\nContinue")
    paragraphs = body.split("\n")
    names = ["Japan", "Australia", "South Korea", "India", "Germany", "the Philippines"]
    out = []
    for i in range(count):
        shuffled = paragraphs[:]
        rng.shuffle(shuffled)
        swapped = "\n".join(shuffled).replace("Japan", names[i % len(names)])
        swapped = swapped.replace("2 percent", f"{1 + i % 4} percent").replace(
            "five years", f"{2 + i % 7} years"
        )
        out.append(f"{head}Array\n{swapped}\n\nContinue{tail}")
    return out


def bench_parser() -> None:
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    article = load_article(SEED_ARTICLE)
    parse_time = _best_of(lambda: parse_article(seed_text))

    import trafilatura

    page = _as_html(article)
    trafilatura.extract(page)  # warm up, as parse_article was warmed up by load_article
    extract_time = _best_of(lambda: trafilatura.extract(page))

    articles = _variants(seed_text, 1000)
    start = time.perf_counter()
    for text in articles:
        parse_article(text)
    elapsed = time.perf_counter() - start

    imports = []
    for _ in range(5):
        code = "import time; t = time.perf_counter(); import alliance_lib; print(time.perf_counter() - t)"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        imports.append(float(out.stdout))

    print(f"parse_article(seed)              {parse_time * 1000:8.2f} ms  (median of 30)")
    print(
        f"trafilatura.extract(seed as HTML) {extract_time * 1000:8.2f} ms  (median of 30, same process)"
    )
    print(f"ratio parse / extract            {parse_time / extract_time:8.2f}")
    print(
        f"throughput, 1,000 varied articles {1000 / elapsed:8.1f} articles/s on one core ({elapsed:.2f} s)"
    )
    print(
        f"import alliance_lib              {statistics.median(imports) * 1000:8.1f} ms  (median of 5 fresh processes)"
    )


def _cpu_seconds() -> tuple[float, float]:
    """CPU time of this process, and of its children that have ended (the notebook kernels are
    this process's children, reaped when each notebook finishes)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _timed(work) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, of which this process's) of `work()`."""
    wall, (own, children) = time.perf_counter(), _cpu_seconds()
    work()
    own_after, children_after = _cpu_seconds()
    spent = own_after - own
    return time.perf_counter() - wall, spent + children_after - children, spent


def _byte_compiled() -> None:
    """Compile the package's modules to bytecode, as an install (or a first import) leaves them
    on a user's machine. Where PYTHONDONTWRITEBYTECODE is set (this project's shared machine
    sets it) nothing writes them, and every kernel would compile the package from source,
    about 0.1 s of CPU that no user's run pays."""
    import compileall

    compileall.compile_dir(str(Path(alliance_lib.__file__).parent), quiet=1)


def bench_notebooks(runs: int = NOTEBOOK_RUNS) -> None:
    """`alliance run` of notebooks 01-04 against the papermill floor measured as the run runs:
    the same number of notebooks that only import pandas and matplotlib, PARALLEL_NOTEBOOKS at
    a time in one process, through the same `execute_notebook`. The two alternate `runs` times,
    so both see the same load; medians of wall-clock and CPU time (this process and its
    kernels), the CPU ratio being the one a shared machine's load moves least, and the run's
    CPU split between its own process (papermill, the pages, the site) and its kernels."""
    import papermill  # noqa: F401  imported up front: both timings below use it

    from alliance_lib.config import PARALLEL_NOTEBOOKS
    from alliance_lib.report.runner import execute_all, execute_notebook, floor_notebook

    _byte_compiled()
    timings: dict[str, list[tuple[float, float, float]]] = {"run": [], "floor": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor_path = folder / "floor.ipynb"
        floor_path.write_text(floor_notebook(), encoding="utf-8")
        count = len(select_notebooks(None))

        def floor() -> None:
            with ThreadPoolExecutor(max_workers=PARALLEL_NOTEBOOKS) as pool:
                done = pool.map(
                    lambda i: execute_notebook(floor_path, folder / f"floor-{i}.ipynb"),
                    range(count),
                )
                list(done)

        execute_notebook(
            floor_path, folder / "warm-up.ipynb"
        )  # first kernel start pays file caches
        for index in range(runs):
            timings["run"].append(_timed(lambda i=index: execute_all(folder / f"report-{i}")))
            timings["floor"].append(_timed(floor))
            run, flo = timings["run"][-1], timings["floor"][-1]
            print(
                f"  run {index + 1}/{runs}: alliance run {run[0]:6.2f} s wall {run[1]:6.2f} s CPU; "
                f"floor {flo[0]:6.2f} s wall {flo[1]:6.2f} s CPU",
                flush=True,
            )
    wall = {k: statistics.median(t[0] for t in v) for k, v in timings.items()}
    cpu = {k: statistics.median(t[1] for t in v) for k, v in timings.items()}
    own = {k: statistics.median(t[2] for t in v) for k, v in timings.items()}
    print(
        f"all {count} notebooks (alliance run)  {wall['run']:8.2f} s wall {cpu['run']:8.2f} s CPU  (median of {runs}; "
        f"its own process {own['run']:.2f} s, kernels {cpu['run'] - own['run']:.2f} s)"
    )
    print(
        f"papermill floor, {count} notebooks    {wall['floor']:8.2f} s wall {cpu['floor']:8.2f} s CPU  "
        f"({PARALLEL_NOTEBOOKS} at a time, as alliance run; each only imports pandas and matplotlib; "
        f"own process {own['floor']:.2f} s, kernels {cpu['floor'] - own['floor']:.2f} s)"
    )
    print(
        f"ratio run / floor                {wall['run'] / wall['floor']:8.2f} wall {cpu['run'] / cpu['floor']:8.2f} CPU  (target <= 1.5)"
    )


if __name__ == "__main__":
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else NOTEBOOK_RUNS
    if "--notebooks-only" not in sys.argv:
        bench_parser()
    if "--parser-only" not in sys.argv:
        bench_notebooks(runs)
