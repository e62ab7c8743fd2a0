"""Typed errors: every bad input or bad parameter surfaces as one of these, naming what is wrong."""

from __future__ import annotations


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
