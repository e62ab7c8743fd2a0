"""`make eval`, threat framing: the threat coder scored on PolNeAR's threat annotation
(`threats_train.csv`), development and unseen parts apart (not part of `make test`).

Prints the threat table; writes every scored row (offsets, labels, voices: no article text)
outside the project, by default to `$XDG_CACHE_HOME/alliance/polnear-threats.jsonl`, and the
figures, with the package version and the date measured, to `data/threat_validity.json`, which
notebook 04 reports (PolNeAR is not shipped). Skips with one line when the data is absent.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from alliance_lib.analysis.threats import load_threat_codebook
from alliance_lib.config import PROJECT_ROOT, THREAT_CODEBOOK, THREAT_VALIDITY
from alliance_lib.evaluation.threats import (
    dumps,
    evaluate,
    outcome_rows,
    summary,
    table,
    validity_record,
)
from alliance_lib.report.outputs import write_json, write_text

POLNEAR = PROJECT_ROOT.parent / "shared" / "polnear"  # never copied into the project


def _default_results() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "alliance" / "polnear-threats.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=POLNEAR / "train", help="PolNeAR split folder")
    parser.add_argument("--gold", type=Path, default=POLNEAR / "threats_train.csv")
    parser.add_argument("--results", type=Path, default=_default_results(), help="JSON lines out")
    parser.add_argument(
        "--validity", type=Path, default=THREAT_VALIDITY, help="figures for notebook 04"
    )
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir() or not args.gold.is_file():
        print(f"threat eval skipped: no PolNeAR threat annotation at {args.gold}")
        return 0
    results = args.results.resolve()
    if results.is_relative_to(PROJECT_ROOT):
        parser.error(f"--results {results} is inside the project; PolNeAR text stays out of it")
    run = evaluate(args.data, args.gold, load_threat_codebook(THREAT_CODEBOOK))
    result = summary(run)
    print(table(result, f"PolNeAR {args.data.name}"))
    write_text(results, dumps(outcome_rows(run)))
    write_json(args.validity, validity_record(result, run, args.gold, date.today()))
    print(f"per-row results: {results}")
    print(f"figures for notebook 04: {args.validity}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
