"""Reading the project's editable YAML files (gazetteer, codebooks) with errors that name them."""

from __future__ import annotations

import re
from pathlib import Path

from alliance_lib.errors import DataError


def read_yaml(path: Path, what: str) -> object:
    """The parsed YAML document at `path`; DataError if it is missing or not readable YAML."""
    import yaml

    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{path}: {what} not found") from exc
    except IsADirectoryError as exc:
        raise DataError(f"{path}: is a directory, not a {what}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not valid YAML for a {what} ({exc.__class__.__name__})") from exc


def compile_patterns(path: Path, where: str, patterns: object) -> re.Pattern[str]:
    """One case-insensitive regex matching any of `patterns` (a string or a list of them)."""
    if isinstance(patterns, str):
        patterns = [patterns]
    if (
        not isinstance(patterns, list)
        or not patterns
        or not all(isinstance(p, str) for p in patterns)
    ):
        raise DataError(f"{path}: {where} needs a list of regular expressions")
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise DataError(f"{path}: {where} has a bad regular expression ({exc})") from exc


def compile_section(path: Path, document: dict, section: str) -> dict[str, re.Pattern[str]]:
    """A codebook section mapping names to patterns, compiled; DataError if it is not a mapping."""
    entries = document.get(section) or {}
    if not isinstance(entries, dict):
        raise DataError(f"{path}: {section} must map names to patterns")
    return {
        str(name): compile_patterns(path, f"{section}.{name}", patterns)
        for name, patterns in entries.items()
    }
