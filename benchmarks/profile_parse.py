"""Per-stage time of `parse_article` on the seed (or a file): which numbered stage to speed up.

Wraps each stage function `alliance_lib.text.pipeline` calls with a timer, parses the article
`--repeat` times after a warm-up, and prints each stage's median milliseconds per parse.
Prints figures only; nothing is asserted.

    python -m benchmarks.profile_parse [PATH] [--repeat 200]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path

from alliance_lib.config import SEED_ARTICLE
from alliance_lib.text import pipeline

# The stage functions parse_article calls, in pipeline order, by their name in the pipeline.
STAGES = (
    "check_text",
    "split_lines",
    "remove_boilerplate",
    "layout",
    "split_sentences",
    "load_gazetteer",
    "gazetteer_mentions",
    "find_quotations",
    "find_frames",
    "resolve_speakers",
    "attributed_quotes",
    "build_attributions",
    "find_claims",
)


def profile(text: str, repeat: int) -> dict[str, float]:
    """Median milliseconds per parse of each stage, and of the whole parse ("total")."""
    spent: dict[str, list[float]] = defaultdict(list)
    originals = {name: getattr(pipeline, name) for name in STAGES}

    def timed(name, func):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name].append(time.perf_counter() - start)

        return wrapper

    pipeline.parse_article(text)  # warm-up: lazy imports, the gazetteer, sentencex
    try:
        for name, func in originals.items():
            setattr(pipeline, name, timed(name, func))
        for _ in range(repeat):
            start = time.perf_counter()
            pipeline.parse_article(text)
            spent["total"].append(time.perf_counter() - start)
    finally:
        for name, func in originals.items():
            setattr(pipeline, name, func)
    return {name: statistics.median(times) * 1000 for name, times in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=SEED_ARTICLE)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    medians = profile(args.path.read_text(encoding="utf-8"), args.repeat)
    staged = sum(ms for name, ms in medians.items() if name != "total")
    for name in (*STAGES, "total"):
        print(f"{name:20s} {medians.get(name, 0.0):7.3f} ms")
    print(f"{'(outside stages)':20s} {medians['total'] - staged:7.3f} ms")


if __name__ == "__main__":
    main()
