"""Typed errors: every bad input or bad parameter surfaces as one of these, naming what is wrong."""

from __future__ import annotations

import signal


class AllianceError(Exception):
    """Base of every error the package raises on purpose."""


class ArticleError(AllianceError, ValueError):
    """An article could not be read or parsed; the message names the source and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ArticleNotFoundError(ArticleError):
    """The path does not exist."""


class NotAFileError(ArticleError):
    """The path is a directory or another non-regular file."""


class EmptyArticleError(ArticleError):
    """The input is empty or whitespace only."""


class BinaryInputError(ArticleError):
    """The input is binary data, not text."""


class NotAnArticleError(BinaryInputError):
    """The input is a document format that is not an article (PDF, PostScript, RTF, SVG)."""


class ArticleTooLargeError(ArticleError):
    """The input is over the size limit."""


class NoArticleBodyError(ArticleError):
    """Nothing that looks like an article body is left after boilerplate removal."""


class DataError(AllianceError):
    """A reference data file or codebook is missing or malformed."""


class ParameterError(AllianceError, ValueError):
    """A notebook or command parameter is invalid; the message names the parameter."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"parameter {name!r}: {problem}")


class OutputFolderError(ParameterError):
    """The `--output` folder cannot take a report: inside the project, not a report, a mount
    point, in use by another run, or not writable; the message names the folder and the cause."""

    def __init__(self, problem: str) -> None:
        super().__init__("--output", problem)


class ConsoleError(AllianceError):
    """Standard output cannot take what the command prints (its encoding lacks a character, or
    the device is full or gone)."""


class RunInterrupted(AllianceError):
    """A run stopped by SIGINT or SIGTERM; `status` is the exit status (128 + the signal number)."""

    def __init__(self, signum: int, detail: str = "") -> None:
        self.signum = signum
        self.status = 128 + signum
        self.detail = detail
        name = signal.Signals(signum).name
        super().__init__(f"interrupted by {name}" + (f"; {detail}" if detail else ""))


class RunError(AllianceError):
    """A notebook run failed; the message is one line naming the notebook, the cell and the error.

    `notebook` is the notebook's file name; `cell` and `execution_count` locate the failing cell
    (None when the run failed outside a cell); `error_name` and `error_value` are the exception's
    class name and message as the kernel reported them.
    """

    def __init__(
        self,
        notebook: str,
        error_name: str,
        error_value: str,
        cell: int | None = None,
        execution_count: int | None = None,
    ) -> None:
        self.notebook = notebook
        self.cell = cell
        self.execution_count = execution_count
        self.error_name = error_name
        self.error_value = error_value
        error = " ".join(f"{error_name}: {error_value}".split())  # one line, whatever the text
        where = f" in cell {cell} (In [{execution_count}])" if cell is not None else ""
        super().__init__(f"{notebook} failed{where}: {error}")


class CorpusInputError(ArticleError):
    """One corpus item is unusable before parsing: a bad manifest row or a truncated WARC record."""


class CorpusRecordError(ParameterError):
    """A corpus folder's commit record (`_partitions/part-KEY.json`) is corrupt, or names a file
    that is not its own partition's; the message names the record and what is wrong with it."""

    def __init__(self, record: object, problem: str) -> None:
        self.record = record
        super().__init__("--output", f"{record} {problem}; move it out of the corpus folder")
