"""`make bench-corpus`: corpus mode's throughput and memory. Prints figures; asserts nothing.

    python -m benchmarks.bench_corpus polnear [--copies 6] [--repeat 3]  # 1 vs 2 workers vs a loop
    python -m benchmarks.bench_corpus stages                   # CPU per article, stage by stage
    python -m benchmarks.bench_corpus scale --articles 10000   # time and peak memory per worker
    python -m benchmarks.bench_corpus worker-peak              # a worker's peak on 5 MB articles

`polnear` reads ../shared/polnear (never copied into the project) at run time: `--copies` copies
of its 840 training articles (6: 5,040 real-length articles, each copy's bytes made distinct by
trailing newlines) are written into a temporary folder with a manifest (outlet, date, title).
End-to-end time runs from cluster start to the partitions merged; the plain loop does the same
work (`process_batch` on the same batches) in this process without Dask. Beside wall time it
prints the CPU time of every process involved (this one and its children: the cluster's
workers, from `getrusage`), per article: on a shared, loaded machine wall time moves with the
load and CPU time much less. `stages` times each step of a worker's task on PolNeAR's 840
articles in this process (CPU). `scale` writes a synthetic corpus with `corpus_generator.py` into a
temporary folder, runs it on a 2-worker LocalCluster and reads each worker's peak RSS.
`worker-peak` gives a fresh one-worker LocalCluster one article at the 5 MB size cap (each
hostile family of `pathological.py`, and plain news prose) and reads the worker's peak RSS: the
largest is what a worker can need, `CORPUS_WORKER_PEAK_BYTES` in config.py.
"""

from __future__ import annotations

import argparse
import csv
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from distributed import Client

from alliance_lib.analysis import framing, policy, threats
from alliance_lib.config import CORPUS_WORKER_PEAK_BYTES, DEMO_CORPUS, MAX_BYTES
from alliance_lib.corpus import records
from alliance_lib.corpus.batch import _codebooks, parse_source, process_batch, read_bytes
from alliance_lib.corpus.inputs import corpus_items
from alliance_lib.corpus.item import FILE, Item
from alliance_lib.corpus.run import batch_size, batches, local_cluster, run_corpus
from alliance_lib.corpus.store import compact, open_output, write_partition
from benchmarks.corpus_generator import write_bench
from benchmarks.eval import POLNEAR
from benchmarks.pathological import FAMILIES


def polnear_manifest(folder: Path, copies: int = 1, polnear: Path = POLNEAR) -> Path:
    """A manifest of PolNeAR's training articles (outlet, date, title), as docs/corpus.md makes
    it; with `copies` > 1 the articles are copied into `folder` that many times (each copy's
    bytes distinct: `k` trailing newlines), and the manifest names the copies."""
    manifest = folder / "polnear.csv"
    with (polnear / "metadata.tsv").open(encoding="utf-8") as stream, manifest.open("w") as out:
        writer = csv.writer(out)
        writer.writerow(["path", "outlet", "published", "title"])
        for row in csv.DictReader(stream, delimiter="\t"):
            if row["compartment"] != "train":
                continue
            path = polnear / "train" / "text" / f"{row['filename']}.txt"
            known = [row["publisher"], row["publication_date"], row["title"]]
            if copies == 1:
                writer.writerow([path, *known])
                continue
            data = path.read_bytes()
            for k in range(copies):
                copy = folder / f"copy-{k}" / path.name
                copy.parent.mkdir(exist_ok=True)
                copy.write_bytes(data + b"\n" * k)
                writer.writerow([copy, *known])
    return manifest


def _quiet(_: str) -> None:
    pass


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process (the client, and a LocalCluster's scheduler and nannies) and
    of its children that have ended (the LocalCluster's worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _spent(before: tuple[float, float]) -> tuple[float, float]:
    """CPU seconds (this process, its ended children) since `before` (a `_cpu()` reading)."""
    after = _cpu()
    return after[0] - before[0], after[1] - before[1]


def bench_polnear(repeat: int, copies: int, polnear: Path = POLNEAR) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        manifest = polnear_manifest(Path(tmp), copies, polnear)
        outside = copies == 1
        items = list(corpus_items([str(manifest)], outside_manifest=outside))
        work = batches(items, batch_size(len(items)))
        runs: dict[str, list[tuple[float, float, float]]] = {"loop": [], "1": [], "2": []}
        for attempt in range(repeat):
            folder = open_output(Path(tmp) / f"loop-{attempt}")
            cpu, start = _cpu(), time.perf_counter()
            for batch in work:
                process_batch(batch, str(folder))
            compact(folder)
            runs["loop"].append((time.perf_counter() - start, *_spent(cpu)))
            for workers in (1, 2):
                cpu = _cpu()
                summary = run_corpus(
                    [str(manifest)],
                    Path(tmp) / f"w{workers}-{attempt}",
                    workers=workers,
                    progress=False,
                    outside_manifest=outside,
                    echo=_quiet,
                )
                assert summary.parsed == len(items), summary.line()
                runs[str(workers)].append((summary.seconds, *_spent(cpu)))
            shutil.rmtree(Path(tmp) / f"loop-{attempt}")
    n = len(items)
    wall = {name: statistics.median(w for w, _, _ in found) for name, found in runs.items()}
    main = {name: statistics.median(m for _, m, _ in found) for name, found in runs.items()}
    workers = {name: statistics.median(c for _, _, c in found) for name, found in runs.items()}
    print(
        f"PolNeAR train x {copies}: {n:,} articles, {len(work)} batches; medians of {repeat} runs"
    )
    print(
        "| run | wall s | articles/s | CPU s, all processes | CPU ms/article: all | this process "
        "(client, scheduler, nannies) | workers | vs loop / workers |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, label, scale in (
        ("loop", "plain loop (this process, no Dask)", 1),
        ("1", "1 worker (LocalCluster, start included)", 1),
        ("2", "2 workers (LocalCluster, start included)", 2),
    ):
        cpu = main[name] + workers[name]
        print(
            f"| {label} | {wall[name]:.1f} | {n / wall[name]:.1f} | {cpu:.1f} | "
            f"{1000 * cpu / n:.2f} | {1000 * main[name] / n:.2f} | {1000 * workers[name] / n:.2f} "
            f"| {wall[name] / (wall['loop'] / scale):.2f} |"
        )
    print(
        f"2 workers: {n / wall['2']:.1f} articles/s (target >= 150); "
        f"speed-up 2 workers / 1 worker: {wall['1'] / wall['2']:.2f}x (target >= 1.8)"
    )


def bench_stages(polnear: Path = POLNEAR) -> None:
    """CPU time per article of each step of a worker's task, on PolNeAR's 840 articles."""
    with tempfile.TemporaryDirectory() as tmp:
        manifest = polnear_manifest(Path(tmp), polnear=polnear)
        items = list(corpus_items([str(manifest)], outside_manifest=True))
        codebook, policy_codebook, threat_codebook = _codebooks()
        clock = time.process_time
        spent: dict[str, float] = dict.fromkeys(
            ["read", "parse", "threats", "framing", "policy", "columns"], 0.0
        )
        batch = records.BatchColumns()
        for item in items:
            start = clock()
            data = read_bytes(item)
            key = records.article_id(data)
            read = clock()
            article = parse_source(item, data)
            parsed = clock()
            frames = threats.code_threats(article, threat_codebook)
            coded = clock()
            codes = framing.sentence_code_rows(article, codebook, frames)
            framed = clock()
            shifts = policy.shift_records(article, policy_codebook)
            shifted = clock()
            batch.add(records.article_columns(key, item, data, article, codes, shifts, frames))
            done = clock()
            for name, (a, b) in {
                "read": (start, read),
                "parse": (read, parsed),
                "threats": (parsed, coded),
                "framing": (coded, framed),
                "policy": (framed, shifted),
                "columns": (shifted, done),
            }.items():
                spent[name] += b - a
        start = clock()
        tables = batch.tables()
        spent["tables"] = clock() - start
        start = clock()
        write_partition(open_output(Path(tmp) / "out"), "0" * 16, tables, [], [])
        spent["write"] = clock() - start
    n = len(items)
    print(f"PolNeAR train: {n} articles in one batch, CPU ms per article (time.process_time)")
    print("| step | ms/article |")
    print("| --- | ---: |")
    for name, seconds in spent.items():
        print(f"| {name} | {1000 * seconds / n:.2f} |")
    print(f"| all | {1000 * sum(spent.values()) / n:.2f} |")


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
    parser.add_argument("what", choices=["polnear", "stages", "scale", "worker-peak"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=6, help="polnear: copies of the 840 articles")
    parser.add_argument(
        "--polnear", type=Path, default=POLNEAR, help="PolNeAR's folder (../shared/polnear)"
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--case", action="append", help="worker-peak: only this case ('news prose' or a family)"
    )
    args = parser.parse_args()
    if args.what == "polnear":
        bench_polnear(args.repeat, args.copies, args.polnear)
        return
    if args.what == "stages":
        bench_stages(args.polnear)
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
