"""Speed work must not change what the parser gives: hash the parse of every article by two
versions of the code and list the articles whose parses differ.

    python -m benchmarks.parse_identity --against main           # this tree against main
    python -m benchmarks.parse_identity --against main --polnear DIR --fixtures

Each input (the seed, PolNeAR's training articles when they lie beside the project, with
`--fixtures` every file under tests/fixtures) is parsed without and with a reference date, and
its `alliance parse --json` object (or the one-line error a refused file gives) is hashed with
SHA-256. The other version is `git archive`d into a temporary folder and run there in a child
process, so both parse in the same environment. The texts are read at run time and nothing is
written into the project. Exit status 1 when any parse differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
POLNEAR_TEXT = PROJECT_ROOT.parent / "shared" / "polnear" / "train" / "text"
REFERENCE = "2023-01-14"  # a reference date, so that the date completion runs too


def inputs(polnear: Path | None, fixtures: bool) -> list[Path]:
    """The seed, then PolNeAR's articles and the test fixtures when asked for, in name order."""
    found = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))
    if polnear is not None and polnear.is_dir():
        found += sorted(p for p in polnear.iterdir() if p.is_file())
    if fixtures:
        found += sorted(p for p in (PROJECT_ROOT / "tests" / "fixtures").rglob("*") if p.is_file())
    return found


def parse_hash(path: Path, reference: str | None) -> str:
    """SHA-256 of the article's `alliance parse --json` object, or of the error refusing it."""
    from alliance_lib import load_article
    from alliance_lib.errors import ArticleError

    try:
        data = load_article(path, reference_date=reference).to_dict()
    except ArticleError as exc:
        data = {"error": type(exc).__name__, "message": str(exc)}
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hashes(paths: list[Path]) -> dict[str, str]:
    """`path@reference` -> hash, for each path without ("-") and with the reference date."""
    return {
        f"{path}@{reference or '-'}": parse_hash(path, reference)
        for path in paths
        for reference in (None, REFERENCE)
    }


def _other_hashes(revision: str, paths: list[Path]) -> dict[str, str]:
    """The hashes the code at `revision` gives, from a child process run on its archive."""
    with tempfile.TemporaryDirectory(prefix="parse_identity_") as folder:
        archive = Path(folder) / "tree.tar"
        made = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), "archive", "-o", str(archive), revision],
            capture_output=True,
            text=True,
        )
        if made.returncode != 0:
            raise SystemExit(f"parse_identity: no tree for {revision!r}: {made.stderr.strip()}")
        tree = Path(folder) / "tree"
        with tarfile.open(archive) as tar:
            tar.extractall(tree, filter="data")
        listing = Path(folder) / "paths.json"
        listing.write_text(json.dumps([str(p) for p in paths]), encoding="utf-8")
        environment = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
        # run as a script (its folder, not this project, heads sys.path): the archived package
        # is the one imported, which the child checks before it parses
        done = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--emit",
                str(listing),
                "--tree",
                str(tree),
            ],
            capture_output=True,
            text=True,
            cwd=folder,
            env=environment,
        )
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise SystemExit(f"parse_identity: the parse at {revision} failed: {last}")
        return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="git revision to compare with")
    parser.add_argument("--polnear", type=Path, default=POLNEAR_TEXT, help="PolNeAR text folder")
    parser.add_argument("--fixtures", action="store_true", help="also every tests/fixtures file")
    parser.add_argument("--emit", type=Path, help=argparse.SUPPRESS)  # the child's mode
    parser.add_argument("--tree", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.emit is not None:
        import alliance_lib

        if not Path(alliance_lib.__file__).resolve().is_relative_to(args.tree.resolve()):
            sys.exit(f"parse_identity: imported {alliance_lib.__file__}, not the archived tree")
        paths = [Path(p) for p in json.loads(args.emit.read_text(encoding="utf-8"))]
        print(json.dumps(hashes(paths)))
        return 0
    paths = inputs(args.polnear, args.fixtures)
    if not args.polnear.is_dir():
        print(f"no PolNeAR articles at {args.polnear} (--polnear DIR): without them")
    ours = hashes(paths)
    theirs = _other_hashes(args.against, paths)
    differing = sorted(key for key in ours if ours[key] != theirs.get(key))
    print(
        f"{len(paths)} articles, {len(ours)} parses (without and with a reference date): "
        f"{len(ours) - len(differing)} identical to {args.against}'s, {len(differing)} differ"
    )
    for key in differing:
        print(f"  differs: {key}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
