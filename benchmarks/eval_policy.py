"""`make eval`, policy shifts: issue 21's codebook scored on the hand-written development set and
on the held-out stories (tests/fixtures/policy), by category, per article type and over all.

`--split development` scores only the part the codebook was tuned on.
"""

from __future__ import annotations

import argparse
import sys

from alliance_lib.analysis import policy
from alliance_lib.config import POLICY_CODEBOOK, PROJECT_ROOT
from alliance_lib.evaluation import shifts

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "policy"
SPLITS = ("development", "held_out")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    args = parser.parse_args(argv)
    codebook = policy.load_policy_codebook(POLICY_CODEBOOK)
    for split in SPLITS if args.split == "all" else (args.split,):
        golds = shifts.load_gold(FIXTURES / split / "gold.yaml")
        scores = shifts.score_set(golds, lambda article: policy.policy_shifts(article, codebook))
        title = f"Policy shifts, {split.replace('_', '-')} set ({FIXTURES.relative_to(PROJECT_ROOT) / split})"
        print(shifts.table(scores, title), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
