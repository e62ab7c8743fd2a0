"""The `alliance` command: `parse PATH [--json]`, `run [...]` and `corpus INPUT... --output DIR`.

Every failure is one line `alliance: error: ...` on stderr with exit status 2, never a traceback:
bad input, bad options, operating-system failures (a read-only, full or locked output, a
permission error), and a standard output that cannot take the text (an encoding without some
character, `/dev/full`). An interrupted `alliance run` prints one line and exits 130 (SIGINT) or
143 (SIGTERM); an interrupted `alliance corpus` prints one line and exits 130.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
from collections.abc import Sequence

from alliance_lib.corpus.command import register as register_corpus
from alliance_lib.errors import AllianceError, ArticleError, ConsoleError, RunInterrupted
from alliance_lib.text.dates import reference_day
from alliance_lib.text.pipeline import load_article
from alliance_lib.text.summary import summarize

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as the same single `alliance: error:` line, and
    takes `-inf`, `-1e3` and `-nan` as values (argparse itself knows only `-1` and `-.5`)."""

    def error(self, message: str):  # type: ignore[override]
        _fail(message)

    def _parse_optional(self, arg_string: str):  # type: ignore[override]
        if arg_string.startswith("-") and _is_number(arg_string):
            return None  # a value, never an option
        return super()._parse_optional(arg_string)


def _one_line(message: str) -> str:
    """`message` with control characters (a newline in a file name) shown escaped."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], message)


def _stderr(line: str) -> None:
    try:
        print(_one_line(line), file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass  # nowhere left to say it


def _fail(message: str):
    _stderr(f"alliance: error: {message}")
    raise SystemExit(2)


def _warn(message: str) -> None:
    _stderr(f"alliance: warning: {message}")


def _stdout_name() -> str:
    """What standard output is connected to, for error messages (`/dev/full`, `pipe:[...]`)."""
    try:
        return os.readlink(f"/proc/self/fd/{sys.stdout.fileno()}")
    except (OSError, ValueError, AttributeError):
        return "standard output"


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _can_encode(text: str) -> UnicodeEncodeError | None:
    stream = sys.stdout
    try:
        text.encode(stream.encoding or "utf-8", stream.errors or "strict")
    except UnicodeEncodeError as exc:
        return exc
    return None


def _write(text: str, what: str) -> None:
    """Write `text` to standard output whole, or raise ConsoleError naming the cause."""
    if sys.stdout is None:
        raise ConsoleError("standard output is closed")
    problem = _can_encode(text)
    if problem is not None:
        bad = problem.object[problem.start]
        raise ConsoleError(
            f"standard output uses the {problem.encoding} encoding, which cannot show "
            f"{bad!r} (U+{ord(bad):04X}) in {what}; set PYTHONIOENCODING=utf-8 or use a UTF-8 locale"
        )
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        name = _stdout_name()
        _silence_stdout()
        raise ConsoleError(f"cannot write {what} to {name}: {exc.strerror or exc}") from None


def _progress(line: str) -> None:
    """A progress line of `alliance run`; characters the console cannot show are escaped."""
    stream = sys.stdout
    if stream is not None and _can_encode(line) is not None:
        encoding = stream.encoding or "utf-8"
        line = line.encode(encoding, "backslashreplace").decode(encoding)
    _write(line + "\n", "the progress lines")


def _reference_date(value: str) -> str:
    """`--reference-date`: a real YYYY-MM-DD date in the supported range."""
    try:
        reference_day(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _parse_command(args: argparse.Namespace) -> int:
    article = load_article(args.path, reference_date=args.reference_date)
    if article.decode_note:
        _warn(f"{article.source}: {article.decode_note}")
    if args.json:
        data = article.to_dict()
        try:
            text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
        except ValueError as exc:
            raise ArticleError(article.source, f"cannot be written as JSON ({exc})") from None
        if _can_encode(text) is not None:  # the same JSON, with \u escapes
            text = json.dumps(data, ensure_ascii=True, indent=2, allow_nan=False)
        _write(text + "\n", f"the JSON of {article.source}")
    else:
        _write(summarize(article) + "\n", f"the summary of {article.source}")
    return 0


def _run_command(args: argparse.Namespace) -> int:
    # lazy: the report stage imports pandas, papermill and matplotlib; `alliance parse` needs none
    from alliance_lib.report.runner import run_report

    run_report(
        article=args.article,
        output=args.output,
        notebooks=args.notebook,
        raw_parameters=dict(args.parameter or []),
        echo=_progress,
        warn=_warn,
        corpus=args.corpus,
    )
    return 0


def _corpus_command(args: argparse.Namespace) -> int:
    # lazy: Dask, pyarrow and the parser load only when a corpus is actually run
    from alliance_lib.corpus.run import run_corpus

    try:
        summary = run_corpus(
            args.inputs,
            args.output,
            workers=args.workers,
            scheduler=args.scheduler,
            size=args.batch_size,
            progress=args.progress,
            outside_manifest=args.allow_outside_manifest,
            echo=_progress,
        )
    except KeyboardInterrupt:
        _stderr(
            "alliance: interrupted; committed partitions are kept: run the same command to resume"
        )
        return 130
    return summary.exit_status


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="alliance", description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    parse = commands.add_parser("parse", help="parse an article and print a summary or JSON")
    parse.add_argument("path", help="article file: plain text or HTML, any common encoding")
    parse.add_argument("--json", action="store_true", help="print the article as one JSON object")
    parse.add_argument(
        "--reference-date",
        metavar="YYYY-MM-DD",
        type=_reference_date,
        help="date used to infer missing years",
    )
    parse.set_defaults(handler=_parse_command)

    run = commands.add_parser("run", help="execute the analysis notebooks into a report folder")
    run.add_argument("--article", help="article file (default: the seed article)")
    run.add_argument("--output", help="report folder (default: reports/<article name>/)")
    run.add_argument(
        "--corpus",
        metavar="DIR",
        help="a corpus written by `alliance corpus`: adds the coverage comparison (notebook 05)",
    )
    run.add_argument(
        "--notebook", action="append", metavar="NAME", help="run only this notebook (repeatable)"
    )
    run.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="notebook parameter, as in papermill -p (repeatable; negative numbers such as -inf are values)",
    )
    run.set_defaults(handler=_run_command)
    register_corpus(commands, _corpus_command)
    return parser


def _os_error(exc: OSError) -> str:
    """An operating-system failure as `PATH: cause`."""
    cause = exc.strerror or str(exc)
    if exc.filename is None:
        return cause
    where = os.fsdecode(exc.filename)
    if exc.filename2 is not None:
        where += f" -> {os.fsdecode(exc.filename2)}"
    return f"{where}: {cause}"


def _interrupted(exc: RunInterrupted) -> int:
    _stderr(f"alliance: {exc}")
    stuck = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if any(t.is_alive() for t in stuck):
        # a notebook thread still waiting on its (stopped) kernel: do not wait for it at exit
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError, AttributeError):
                pass
        os._exit(exc.status)
    return exc.status


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except RunInterrupted as exc:
        return _interrupted(exc)
    except KeyboardInterrupt:
        _stderr("alliance: interrupted by SIGINT")
        return 130
    except AllianceError as exc:
        _fail(str(exc))
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as exc:
        _fail(_os_error(exc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
