"""The `alliance` command: `alliance parse PATH [--json]` and `alliance run [...]`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from alliance_lib.corpus.command import register as register_corpus
from alliance_lib.errors import AllianceError
from alliance_lib.text.pipeline import load_article
from alliance_lib.text.summary import summarize


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as the same single `alliance: error:` line."""

    def error(self, message: str):  # type: ignore[override]
        _fail(message)


def _fail(message: str):
    print(f"alliance: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def _parse_command(args: argparse.Namespace) -> int:
    article = load_article(args.path, reference_date=args.reference_date)
    if args.json:
        json.dump(article.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(summarize(article))
    return 0


def _run_command(args: argparse.Namespace) -> int:
    # lazy: the report stage imports pandas, papermill and matplotlib; `alliance parse` needs none
    from alliance_lib.report.runner import run_report

    run_report(
        article=args.article,
        output=args.output,
        notebooks=args.notebook,
        raw_parameters=dict(args.parameter or []),
        echo=print,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="alliance", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    parse = commands.add_parser("parse", help="parse an article and print a summary or JSON")
    parse.add_argument("path", help="article file: plain text or HTML, any common encoding")
    parse.add_argument("--json", action="store_true", help="print the article as one JSON object")
    parse.add_argument(
        "--reference-date", metavar="YYYY-MM-DD", help="date used to infer missing years"
    )
    parse.set_defaults(handler=_parse_command)

    run = commands.add_parser("run", help="execute the analysis notebooks into a report folder")
    run.add_argument("--article", help="article file (default: the seed article)")
    run.add_argument("--output", help="report folder (default: reports/<article name>/)")
    run.add_argument(
        "--notebook", action="append", metavar="NAME", help="run only this notebook (repeatable)"
    )
    run.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="notebook parameter, as in papermill -p (repeatable)",
    )
    run.set_defaults(handler=_run_command)
    register_corpus(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except AllianceError as exc:
        _fail(str(exc))
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
