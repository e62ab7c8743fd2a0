"""`alliance corpus INPUT... --output DIR`: the subcommand's options; the work is in `run`,
and `cli` calls it and prints its lines.

Exit status: 0 when every article is in the output, 3 when some failed (rows of `errors`) or
were not processed, 2 for a usage error (raised as `ParameterError`, printed by the CLI), 130
when interrupted (Ctrl-C; the next run resumes).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable


def register(
    commands: argparse._SubParsersAction, handler: Callable[[argparse.Namespace], int]
) -> None:
    """Add the `corpus` subcommand to the `alliance` parser; `handler` runs it (in `cli`)."""
    corpus = commands.add_parser(
        "corpus",
        help="parse many articles in parallel (Dask) into a Parquet dataset",
        description="Parse a corpus on Dask into one Parquet table per record type. A rerun "
        "skips articles already written. Exit status: 0 all written, 3 some failed "
        "(see the errors table), 2 usage error.",
    )
    corpus.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="article file or folder (recursive), glob pattern, JSONL/CSV manifest, WARC(.gz)",
    )
    corpus.add_argument("--output", required=True, metavar="DIR", help="corpus folder to write")
    corpus.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="LocalCluster worker processes (default: cores; capped at what cores and memory hold)",
    )
    corpus.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="join the Dask cluster at ADDRESS (default: $DASK_SCHEDULER_ADDRESS, else a new "
        "LocalCluster); 'synchronous' runs in this process, for debugging",
    )
    corpus.add_argument(
        "--batch-size", type=int, metavar="N", help="articles per task (default: automatic)"
    )
    corpus.add_argument(
        "--allow-outside-manifest",
        action="store_true",
        help="let manifest rows name files outside the manifest's folder (a manifest you trust)",
    )
    corpus.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: when stderr is a terminal)",
    )
    corpus.set_defaults(handler=handler)
