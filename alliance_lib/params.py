"""Checks for notebook parameters: each failure names the parameter and what is wrong."""

from __future__ import annotations

from pathlib import Path

from alliance_lib.errors import ParameterError
from alliance_lib.paths import resolve


def integer(name: str, value: object, low: int | None = None, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParameterError(name, f"expected a whole number, got {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ParameterError(name, f"{value} is out of range [{low}, {high}]")
    return value


def number(name: str, value: object, low: float, high: float, *, open_low: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise ParameterError(name, f"expected a number, got {value!r}")
    if value < low or value > high or (open_low and value == low):
        bracket = "(" if open_low else "["
        raise ParameterError(name, f"{value} is out of range {bracket}{low}, {high}]")
    return float(value)


def existing_file(name: str, value: object) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(name, f"expected a file path, got {value!r}")
    path = resolve(value)
    if not path.exists():
        raise ParameterError(name, f"{path} does not exist")
    if not path.is_file():
        raise ParameterError(name, f"{path} is not a file")
    return path


def article(name: str, value: object, reference_date: str | None = None):
    """Load the article named by parameter `name`; any article problem is reported against it."""
    from alliance_lib.errors import ArticleError
    from alliance_lib.parse import load_article

    path = existing_file(name, value)
    try:
        return load_article(path, reference_date=reference_date)
    except ArticleError as exc:
        raise ParameterError(name, exc.problem if exc.source == str(path) else str(exc)) from None


def iso_date(name: str, value: object) -> str | None:
    """An optional YYYY-MM-DD date; the empty string means none."""
    from datetime import date

    if value in ("", None):
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ParameterError(name, f"{value!r} is not a YYYY-MM-DD date") from None


def data_file(name: str, value: object, loader):
    """Load a codebook or annotation named by parameter `name`; its problems are reported against it."""
    from alliance_lib.errors import DataError

    path = existing_file(name, value)
    try:
        return loader(path)
    except DataError as exc:
        raise ParameterError(name, str(exc)) from None
