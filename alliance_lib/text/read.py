"""Read an article file's bytes, refusing what is not a readable regular file within the size cap."""

from __future__ import annotations

import os
from pathlib import Path

from alliance_lib.errors import (
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    NotAFileError,
)


def read_article_bytes(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the file at `path`; an `ArticleError` subclass naming the path otherwise."""
    path = Path(path)
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ArticleNotFoundError(source, "no such file") from exc
    except OSError as exc:
        raise ArticleError(source, f"cannot be read ({exc.strerror or exc})") from exc
    except ValueError as exc:  # a NUL character, or a lone surrogate the file system cannot encode
        raise ArticleNotFoundError(
            ascii(source), f"is not a usable file path ({exc}); no file can have this name"
        ) from exc
    if path.is_dir():
        raise NotAFileError(source, "is a directory, not an article file")
    if not path.is_file():
        raise NotAFileError(source, "is not a regular file")
    if info.st_size > max_bytes:
        raise ArticleTooLargeError(
            source, f"is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(source, f"cannot be read ({exc.strerror or exc})") from exc
