"""`make eval`: quotations, speakers and every attribution scored on PolNeAR's training split (not part of `make test`).

Prints a table for the development part, the unseen part and the whole split (a fixed rule on
file names, `evaluation.corpus.part_of`); writes per-article results (JSON lines) outside the
project, by default to
`$XDG_CACHE_HOME/alliance/polnear-train.jsonl`. Skips with one line when the data is absent.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from alliance_lib.config import PROJECT_ROOT
from alliance_lib.evaluation.corpus import PARTS, evaluate, table

POLNEAR = PROJECT_ROOT.parent / "shared" / "polnear"  # never copied into the project
DEFAULT_DATA = POLNEAR / "train"


def _default_results() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "alliance" / "polnear-train.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="brat corpus folder")
    parser.add_argument("--results", type=Path, default=_default_results(), help="JSON lines out")
    parser.add_argument(
        "--part",
        choices=(*PARTS, "all"),
        default="all",
        help="score only the development or the unseen part (a fixed rule on file names)",
    )
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir():
        print(f"eval skipped: no PolNeAR data at {args.data}")
        return 0
    results = args.results.resolve()
    if results.is_relative_to(PROJECT_ROOT):
        parser.error(f"--results {results} is inside the project; PolNeAR text stays out of it")
    parts = PARTS if args.part == "all" else (args.part,)
    totals = evaluate(args.data, results, parts)
    for part in (*parts, "all") if len(parts) > 1 else parts:
        label = "whole split" if part == "all" else f"{part} part"
        print(table(totals[part], f"PolNeAR {args.data.name}, {label}"))
        print()
    print(f"per-article results: {results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
