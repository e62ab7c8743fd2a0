"""`make bench`: how parse time grows on the pathological inputs of issue 7 (`pathological.py`).

For each family: the parse time at 1x, 2x, 4x and 8x its base size, the growth exponent fitted
to those four points (time ~ size^k; 1.0 is linear), and the time at the 5 MB size cap. Times
are the parsing process's CPU seconds (the machine is shared, and wall time grows with other
people's load), and the 5 MB case also shows wall seconds. Each timing runs in a fresh process
after a warm-up parse, and gives up after `--limit` wall seconds (printed as `>limit`); the
limit is the benchmark's, the parser has none. Every parse's counts are checked against the
family's expected counts. Prints figures only; nothing is asserted.

    python -m benchmarks.growth                       # every family, 1x..8x and 5 MB
    python -m benchmarks.growth --family mojibake --base mojibake=100 --limit 300 --no-cap
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import time

from alliance_lib import parse_article
from alliance_lib.config import MAX_BYTES, PROJECT_ROOT
from benchmarks.pathological import FAMILIES, counts

SCALES = (1, 2, 4, 8)


def measure(name: str, count: int) -> None:
    """Print the median CPU and wall seconds of parsing `count` units of family `name`, and
    whether the counts hold."""
    family = FAMILIES[name]
    parse_article(family.build(2))  # warm-up: lazy imports, the gazetteer, sentencex
    text = family.build(count)
    cpu: list[float] = []
    wall: list[float] = []
    while True:
        start, start_cpu = time.perf_counter(), time.process_time()
        article = parse_article(text)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
        if sum(wall) > 1.0 or len(wall) == 5:
            break
    ok = counts(family, article) == family.expected(count)
    print(f"{statistics.median(cpu):.6f} {statistics.median(wall):.6f} {'ok' if ok else 'WRONG'}")


def timed(name: str, count: int, limit: float) -> tuple[float | None, float | None, bool]:
    """(CPU seconds, wall seconds, counts right) for one size in a fresh process; the seconds
    are None when it ran over `limit` wall seconds."""
    command = [sys.executable, "-m", "benchmarks.growth", "--measure", name, str(count)]
    try:
        done = subprocess.run(
            command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=limit, check=True
        )
    except subprocess.TimeoutExpired:
        return None, None, True
    cpu, wall, verdict = done.stdout.split()
    return float(cpu), float(wall), verdict == "ok"


def exponent(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(time) on log(size)."""
    if len(points) < 2:
        return None
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _size(name: str, count: int) -> int:
    return FAMILIES[name].size(count)


def _seconds(value: float | None, limit: float) -> str:
    return f">{limit:.0f}" if value is None else f"{value:.4f}"


def run(names: list[str], bases: dict[str, int], limit: float, cap: bool) -> None:
    """Print the growth table for `names`."""
    print("CPU seconds of the parse (median), growth exponent, and the 5 MB case (CPU and wall)")
    print(
        f"{'family':<20} {'1x bytes':>9} {'1x s':>8} {'2x s':>8} {'4x s':>8} "
        f"{'8x s':>8} {'exp':>5}   {'5 MB bytes':>10} {'5 MB s':>8} {'wall s':>8}"
    )
    for name in names:
        family = FAMILIES[name]
        base = bases.get(name, family.base)
        cells, points, right = [], [], True
        for scale in SCALES:
            seconds, _, ok = timed(name, base * scale, limit)
            right &= ok
            cells.append(_seconds(seconds, limit))
            if seconds is None:
                break  # larger sizes take longer still
            points.append((_size(name, base * scale), seconds))
        cells += ["-"] * (len(SCALES) - len(cells))
        slope = exponent(points)
        slope_text = "-" if slope is None else f"{slope:.2f}"
        if len(points) < len(SCALES) and slope is not None:
            slope_text = ">" + slope_text  # fitted before the sizes that hit the limit
        big = big_wall = big_size = "-"
        if cap:
            count = family.count_for_bytes(MAX_BYTES)
            seconds, wall, ok = timed(name, count, limit)
            right &= ok
            big, big_wall = _seconds(seconds, limit), _seconds(wall, limit)
            big_size = f"{_size(name, count):,}"
        flag = "" if right else "  (WRONG COUNTS)"
        print(
            f"{name:<20} {_size(name, base):>9,} "
            + " ".join(f"{c:>8}" for c in cells)
            + f" {slope_text:>5}   {big_size:>10} {big:>8} {big_wall:>8}{flag}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES))
    parser.add_argument(
        "--base", action="append", default=[], metavar="FAMILY=COUNT", help="units at 1x"
    )
    parser.add_argument("--limit", type=float, default=120.0, help="seconds per timing")
    parser.add_argument("--no-cap", action="store_true", help="skip the 5 MB worst case")
    parser.add_argument("--measure", nargs=2, metavar=("FAMILY", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        measure(args.measure[0], int(args.measure[1]))
        return
    bases = {k: int(v) for k, v in (item.split("=", 1) for item in args.base)}
    run(args.family or list(FAMILIES), bases, args.limit, not args.no_cap)


if __name__ == "__main__":
    main()
