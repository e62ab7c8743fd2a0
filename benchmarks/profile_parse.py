"""Per-stage CPU time of `parse_article` on the seed, a file or a folder of articles: which
numbered stage to speed up.

Wraps each stage function `alliance_lib.text.pipeline` calls with a timer of the thread's CPU
time (wall-clock time on a shared machine counts the time other processes ran), parses the
article `--repeat` times after a warm-up, and prints each stage's median milliseconds per
parse; for a folder, each article is parsed `--repeat` times and the mean over the articles of
each one's median is printed. Prints figures only; nothing is asserted.

    python -m benchmarks.profile_parse [PATH] [--repeat 200]
    python -m benchmarks.profile_parse ../shared/polnear/train/text --repeat 3
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
    "_as_date",
    "looks_like_html",
    "extract_html",
    "split_lines",
    "remove_boilerplate",
    "layout",
    "_has_body_words",
    "publication_date",
    "dateline_date",
    "split_sentences",
    "load_gazetteer",
    "gazetteer_mentions",
    "find_quotations",
    "find_frames",
    "resolve_speakers",
    "attributed_quotes",
    "speaker_kinds",
    "sentence_locator",
    "build_attributions",
    "find_claims",
    "assign_owners",
    "Article",
)


def profile(text: str, repeat: int) -> dict[str, float]:
    """Median CPU milliseconds per parse of each stage, and of the whole parse ("total")."""
    spent: dict[str, list[float]] = defaultdict(list)
    originals = {name: getattr(pipeline, name) for name in STAGES}

    def timed(name, func):
        def wrapper(*args, **kwargs):
            start = time.thread_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name].append(time.thread_time() - start)

        return wrapper

    pipeline.parse_article(text)  # warm-up: lazy imports, the gazetteer, sentencex
    try:
        for name, func in originals.items():
            setattr(pipeline, name, timed(name, func))
        for _ in range(repeat):
            start = time.thread_time()
            pipeline.parse_article(text)
            spent["total"].append(time.thread_time() - start)
    finally:
        for name, func in originals.items():
            setattr(pipeline, name, func)
    # a stage called once per parse has `repeat` timings; one called k times, k per parse
    return {
        name: sum(times) / repeat * 1000 if len(times) > repeat else statistics.median(times) * 1000
        for name, times in spent.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=SEED_ARTICLE)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    files = (
        sorted(p for p in args.path.iterdir() if p.is_file()) if args.path.is_dir() else [args.path]
    )
    totals: dict[str, float] = defaultdict(float)
    for file in files:
        for name, ms in profile(file.read_text(encoding="utf-8"), args.repeat).items():
            totals[name] += ms / len(files)
    staged = sum(ms for name, ms in totals.items() if name != "total")
    what = f"mean over {len(files)} articles of " if len(files) > 1 else ""
    print(f"CPU ms per parse ({what}the median of {args.repeat} parses)")
    for name in (*STAGES, "total"):
        print(f"{name:20s} {totals.get(name, 0.0):7.3f} ms")
    print(f"{'(outside stages)':20s} {totals['total'] - staged:7.3f} ms")


if __name__ == "__main__":
    main()
