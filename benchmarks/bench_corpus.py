"""`make bench-corpus`: corpus mode's throughput and memory. Prints figures; asserts nothing.

    python -m benchmarks.bench_corpus polnear [--repeat 3]     # 1 vs 2 workers vs a plain loop
    python -m benchmarks.bench_corpus scale --articles 10000   # time and peak memory per worker
    python -m benchmarks.bench_corpus worker-peak              # a worker's peak on 5 MB articles

`polnear` reads ../shared/polnear (never copied into the project) through a manifest made from
its metadata.tsv, as docs/corpus.md shows (its paths lie outside the manifest's folder, hence
`outside_manifest`, the `--allow-outside-manifest` flag). End-to-end time runs from cluster
start to the last partition written; the plain loop does the same work (`process_batch` on the
same batches) in this process without Dask. `scale` writes a synthetic corpus with `corpus_generator.py` into a
temporary folder, runs it on a 2-worker LocalCluster and reads each worker's peak RSS.
`worker-peak` gives a fresh one-worker LocalCluster one article at the 5 MB size cap (each
hostile family of `pathological.py`, and plain news prose) and reads the worker's peak RSS: the
largest is what a worker can need, `CORPUS_WORKER_PEAK_BYTES` in config.py.
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import tempfile
import time
from pathlib import Path

from distributed import Client

from alliance_lib.config import CORPUS_WORKER_PEAK_BYTES, DEMO_CORPUS, MAX_BYTES
from alliance_lib.corpus.batch import process_batch
from alliance_lib.corpus.inputs import corpus_items
from alliance_lib.corpus.item import FILE, Item
from alliance_lib.corpus.run import batch_size, batches, local_cluster, run_corpus
from alliance_lib.corpus.store import open_output
from benchmarks.corpus_generator import write_bench
from benchmarks.eval import POLNEAR
from benchmarks.pathological import FAMILIES


def polnear_manifest(folder: Path) -> Path:
    """The manifest docs/corpus.md's awk command makes: path, publisher as outlet, date as published."""
    manifest = folder / "polnear.csv"
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as stream, manifest.open("w") as out:
        writer = csv.writer(out)
        writer.writerow(["path", "outlet", "published"])
        for row in csv.DictReader(stream, delimiter="\t"):
            if row["compartment"] == "train":
                path = POLNEAR / "train" / "text" / f"{row['filename']}.txt"
                writer.writerow([path, row["publisher"], row["publication_date"]])
    return manifest


def _quiet(_: str) -> None:
    pass


def bench_polnear(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        manifest = polnear_manifest(Path(tmp))
        items = list(corpus_items([str(manifest)], outside_manifest=True))
        work = batches(items, batch_size(len(items)))
        loops, runs = [], {1: [], 2: []}
        for attempt in range(repeat):
            folder = open_output(Path(tmp) / f"loop-{attempt}")
            start = time.perf_counter()
            for batch in work:
                process_batch(batch, str(folder))
            loops.append(time.perf_counter() - start)
            for workers in (1, 2):
                summary = run_corpus(
                    [str(manifest)],
                    Path(tmp) / f"w{workers}-{attempt}",
                    workers=workers,
                    progress=False,
                    outside_manifest=True,
                    echo=_quiet,
                )
                assert summary.parsed == len(items), summary.line()
                runs[workers].append(summary.seconds)
    loop = statistics.median(loops)
    one, two = statistics.median(runs[1]), statistics.median(runs[2])
    n = len(items)
    print(f"PolNeAR train: {n} articles, {len(work)} batches; medians of {repeat} runs")
    print("| run | seconds | articles/s | vs plain loop / workers |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| plain loop (this process, no Dask) | {loop:.1f} | {n / loop:.1f} | 1.00 |")
    print(
        f"| 1 worker (LocalCluster) | {one:.1f} | {n / one:.1f} | {one / loop:.2f} (target <= 1.3) |"
    )
    print(
        f"| 2 workers (LocalCluster) | {two:.1f} | {n / two:.1f} | {two / (loop / 2):.2f} (target <= 1.3) |"
    )
    print(f"speed-up 2 workers / 1 worker: {one / two:.2f}x (target >= 1.8)")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def bench_scale(articles: int, workers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        start = time.perf_counter()
        write_bench(corpus, articles)
        generated = time.perf_counter() - start
        cluster = local_cluster(workers)
        client = Client(cluster)
        try:
            summary = run_corpus(
                [str(corpus)],
                Path(tmp) / "out",
                scheduler=cluster.scheduler_address,
                progress=False,
                echo=_quiet,
            )
            peaks = sorted(client.run(_peak_rss_mb).values())
        finally:
            client.close()
            cluster.close()
    print(
        f"| {articles:,} | {workers} | {summary.parsed:,} | {summary.failed:,} | "
        f"{summary.seconds:.0f} | {summary.parsed / summary.seconds:.1f} | "
        f"{' / '.join(f'{p:.0f}' for p in peaks)} | (generated in {generated:.0f} s) |"
    )


def _news_at_cap() -> str:
    """Plain news prose at the size cap: the demo corpus's text articles, repeated."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO_CORPUS.glob("*/*.txt"))]
    unit = "\n\n".join(texts) + "\n\n"
    return (
        (unit * (MAX_BYTES // len(unit.encode("utf-8")) + 1))
        .encode("utf-8")[: MAX_BYTES - 1000]
        .decode("utf-8", "ignore")
    )


def bench_worker_peak(only: list[str] | None = None) -> None:
    """Each 5 MB case (or those named in `only`) on a fresh one-worker LocalCluster: the
    worker's peak RSS after its task."""
    names = only or ["news prose", *FAMILIES]
    cases = {name: _news_at_cap() if name == "news prose" else None for name in names}
    for name in names:
        if name != "news prose":
            family = FAMILIES[name]
            cases[name] = family.build(family.count_for_bytes())
    print("| 5 MB article | bytes | articles | errors | worker peak RSS, MB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    peaks = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (name, text) in enumerate(cases.items()):
            article = Path(tmp) / f"case-{index}.txt"
            article.write_text(text, encoding="utf-8")
            folder = open_output(Path(tmp) / f"out-{index}")
            item = Item(str(article), FILE, path=str(article))
            cluster = local_cluster(1, dashboard=":0")
            client = Client(cluster)
            try:
                result = client.submit(process_batch, [item], str(folder)).result()
                peak = client.run(_peak_rss_mb)
            finally:
                client.close()
                cluster.close()
            peaks.append(max(peak.values()))
            print(
                f"| {name} | {article.stat().st_size:,} | {result.articles} | {result.errors} "
                f"| {peaks[-1]:.0f} |"
            )
    print(
        f"largest: {max(peaks):.0f} MB; config.CORPUS_WORKER_PEAK_BYTES is "
        f"{CORPUS_WORKER_PEAK_BYTES / 2**20:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["polnear", "scale", "worker-peak"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--case", action="append", help="worker-peak: only this case ('news prose' or a family)"
    )
    args = parser.parse_args()
    if args.what == "polnear":
        bench_polnear(args.repeat)
        return
    if args.what == "worker-peak":
        bench_worker_peak(args.case)
        return
    print(
        "| articles | workers | written | failed | seconds | articles/s | peak RSS per worker, MB |  |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for count in args.articles:
        bench_scale(count, args.workers)


if __name__ == "__main__":
    main()
