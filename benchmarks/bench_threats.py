"""`make bench`, the threat coder: its cost per article on the seed, on 1,000 varied copies of
it, and on PolNeAR's training articles when they are beside the project (real news of every
length). CPU time (`time.process_time`) of the coder alone (`code_threats` on the body and
`code_headline` on the headline), on articles parsed beforehand; the issue's budget is 2 ms per
article. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from alliance_lib import load_article, parse_article
from alliance_lib.analysis.threats import code_headline, code_threats, load_threat_codebook
from alliance_lib.config import PROJECT_ROOT, SEED_ARTICLE, THREAT_CODEBOOK
from alliance_lib.errors import ArticleError
from benchmarks.bench import _variants

POLNEAR_TEXT = PROJECT_ROOT.parent / "shared" / "polnear" / "train" / "text"


def _per_article(articles, book) -> tuple[float, float, float]:
    """(mean, median, max) CPU milliseconds of coding one article (body and headline)."""
    times = []
    for article in articles:
        start = time.process_time()
        code_threats(article, book)
        code_headline(article, book)
        times.append((time.process_time() - start) * 1000)
    return statistics.fmean(times), statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR_TEXT, help="PolNeAR text folder")
    polnear = parser.parse_args(argv).polnear
    book = load_threat_codebook(THREAT_CODEBOOK)
    seed = load_article(SEED_ARTICLE)
    code_threats(seed, book)  # warm up: compiled patterns, the gazetteer's demonyms
    rows = [("seed, 200 runs", _per_article([seed] * 200, book))]
    variants = [parse_article(text) for text in _variants(SEED_ARTICLE.read_text("utf-8"), 1000)]
    rows.append(("1,000 varied copies of the seed", _per_article(variants, book)))
    if polnear.is_dir():
        parsed = []
        for path in sorted(polnear.glob("*.txt")):
            try:
                parsed.append(parse_article(path.read_text(encoding="utf-8"), source=path.name))
            except ArticleError:
                continue
        rows.append((f"PolNeAR train, {len(parsed)} real articles", _per_article(parsed, book)))
    for label, (mean, median, most) in rows:
        print(
            f"threat coder, {label:<36} {mean:6.3f} ms mean  {median:6.3f} median  {most:6.2f} max"
            "  (CPU per article; budget 2 ms)"
        )


if __name__ == "__main__":
    main()
