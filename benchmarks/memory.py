"""Peak memory of parsing one article at the 5 MB size cap, for sizing corpus workers.

Each case runs in a fresh process: the peak resident set size (`ru_maxrss`) after the imports
and a warm-up parse of the seed, then after parsing the article, so the difference is what the
article itself costs. Cases: every hostile family of `pathological.py` at the cap (the parser
alone), and the seed's body repeated to 4.9 MB (a long but ordinary text), through the parser
and through a corpus worker's whole task for one article (`corpus.batch.parse_item`: parse,
frame codes, policy shifts, table rows). Prints figures only.

    python -m benchmarks.memory                  # every case
    python -m benchmarks.memory --case seed_worker
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from alliance_lib.config import MAX_BYTES, PROJECT_ROOT, SEED_ARTICLE
from benchmarks.pathological import FAMILIES

SEED_BYTES = 4_900_000


def seed_repeated(limit: int = SEED_BYTES) -> str:
    """The seed's headline, then its body repeated until the text is about `limit` bytes."""
    headline, _, body = SEED_ARTICLE.read_text(encoding="utf-8").partition("\n\n")
    count = max(1, (limit - len(headline.encode())) // len((body + "\n\n").encode()))
    return headline + "\n\n" + (body + "\n\n") * count


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def measure(case: str) -> None:
    """Print: bytes, CPU seconds, peak RSS (MB) before and after the article."""
    from alliance_lib import parse_article
    from alliance_lib.corpus.batch import parse_item
    from alliance_lib.corpus.item import FILE, Item

    worker = case.endswith("_worker")
    name = case.removesuffix("_worker")
    text = (
        seed_repeated()
        if name == "seed"
        else FAMILIES[name].build(FAMILIES[name].count_for_bytes(MAX_BYTES))
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8")
        if worker:
            parse_item(Item(str(SEED_ARTICLE), FILE, path=str(SEED_ARTICLE)))
        else:
            parse_article(SEED_ARTICLE.read_text(encoding="utf-8"))
        before = _peak_mb()
        start = time.process_time()
        if worker:
            key, rows = parse_item(Item(str(path), FILE, path=str(path)))
            assert "errors" not in rows, rows.get("errors")
        else:
            parse_article(text)
        seconds = time.process_time() - start
    print(f"{len(text.encode('utf-8'))} {seconds:.1f} {before:.0f} {_peak_mb():.0f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", help="a case (default: every one)")
    parser.add_argument("--measure", metavar="CASE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        measure(args.measure)
        return
    cases = args.case or [*FAMILIES, "seed", "seed_worker"]
    print("Peak resident memory of one parse in a fresh process (ru_maxrss)")
    print(
        f"{'case':<22} {'bytes':>10} {'CPU s':>7} {'before MB':>10} {'peak MB':>8} {'article MB':>10}"
    )
    for case in cases:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.memory", "--measure", case],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        size, seconds, before, peak = done.stdout.split()
        print(
            f"{case:<22} {int(size):>10,} {float(seconds):>7.1f} {before:>10} {peak:>8} "
            f"{int(peak) - int(before):>10}"
        )


if __name__ == "__main__":
    main()
