"""`make bench`: parser speed against trafilatura, throughput, import time, notebook run time.

Prints figures only; nothing here is asserted (speed is measured, never tested by timing).
"""

from __future__ import annotations

import html
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from alliance_lib import load_article, parse_article
from alliance_lib.config import SEED_ARTICLE


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


def bench_notebooks() -> None:
    import papermill  # noqa: F401  imported up front: both timings below use it

    from alliance_lib.report.runner import execute_all, execute_notebook, floor_notebook

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        count = execute_all(Path(tmp) / "report")
        full = time.perf_counter() - start

        floor_path = Path(tmp) / "floor.ipynb"
        floor_path.write_text(floor_notebook(), encoding="utf-8")
        start = time.perf_counter()
        for i in range(count):
            execute_notebook(floor_path, Path(tmp) / f"floor-{i}.ipynb")  # as alliance run does
        floor = time.perf_counter() - start
    print(f"all {count} notebooks (alliance run)  {full:8.2f} s")
    print(
        f"papermill floor, {count} notebooks    {floor:8.2f} s  (each only imports pandas and matplotlib)"
    )
    print(f"ratio run / floor                {full / floor:8.2f}  (target <= 1.3)")


if __name__ == "__main__":
    bench_parser()
    if "--parser-only" not in sys.argv:
        bench_notebooks()
