"""Read the project's editable data files (YAML, CSV) with errors that name the file and problem."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

from alliance_lib.errors import DataError


def read_yaml(path: Path, what: str) -> object:
    """The parsed YAML document at `path`; DataError if it is missing or not readable YAML."""
    import yaml  # lazy: keeps `import alliance_lib` light; only loading a data file needs it

    # libyaml's safe loader when PyYAML has it (its wheels do): the same documents, about eight
    # times faster, which every notebook kernel feels (the gazetteer, the data dictionary)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)
    except FileNotFoundError as exc:
        raise DataError(f"{path}: {what} not found") from exc
    except IsADirectoryError as exc:
        raise DataError(f"{path}: is a directory, not a {what}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not valid YAML for a {what} ({exc.__class__.__name__})") from exc


def read_csv(path: Path, what: str, columns: set[str], **options: Any):
    """The CSV at `path` as a DataFrame holding `columns`; DataError if missing or malformed."""
    import pandas as pd  # lazy: keeps `import alliance_lib` light

    try:
        frame = pd.read_csv(path, **options)
    except FileNotFoundError as exc:
        raise DataError(f"{path}: {what} not found") from exc
    except IsADirectoryError as exc:
        raise DataError(f"{path}: is a directory, not a {what}") from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError) as exc:
        raise DataError(f"{path}: not a readable CSV ({exc.__class__.__name__})") from exc
    missing = columns - set(frame.columns)
    if missing:
        raise DataError(f"{path}: missing column(s) {sorted(missing)}")
    return frame


def _jsonschema():
    """jsonschema, imported without its optional IRI format checker: where `rfc3987_syntax` is
    installed (JupyterLab's jupyter_events asks for jsonschema[format-nongpl]), jsonschema
    imports it, and it builds a parser on import, about 1.4 s of CPU in every notebook kernel.
    No schema here checks formats; the module stays importable for anyone else."""
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # import raises ImportError
        try:
            import jsonschema  # lazy: only loading a codebook or registry needs it
        finally:
            del sys.modules["rfc3987_syntax"]
    import jsonschema  # lazy: already imported (above, or by someone else)

    return jsonschema


def validated_marks() -> Path:
    """The folder of marks of documents found valid: `$XDG_CACHE_HOME/alliance/validated`."""
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "alliance" / "validated"


def _canonical(value: object) -> str:
    """`value` as text that differs whenever its content or any part's type differs: mappings
    in key order (their order does not change validity), each scalar with its type (a YAML date
    and the same text as a string, 1 and "1", validate differently)."""
    if isinstance(value, dict):
        return (
            "{"
            + ",".join(sorted(f"{_canonical(k)}:{_canonical(v)}" for k, v in value.items()))
            + "}"
        )
    if isinstance(value, list | tuple):
        return f"{type(value).__name__}[" + ",".join(_canonical(v) for v in value) + "]"
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!r}"  # repr quotes text


def _mark(document: object, schema: dict[str, Any]) -> str:
    """A name for (document, schema) that changes with either's content: a SHA-256."""
    text = _canonical([schema, document])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def validate(path: Path, document: object, schema: dict[str, Any], what: str) -> None:
    """Check a loaded YAML document (a codebook, a registry) against its JSON Schema; DataError
    names the file, key and problem.

    A document found valid leaves a mark named by its content and the schema's
    (`validated_marks`), and the same content is not checked again: every notebook kernel
    loads the data dictionary and codebooks that did not change, and importing jsonschema and
    checking them cost about 0.08 s of CPU per kernel. Any change to the document or the schema
    changes the name, so it is checked; an invalid document leaves no mark.
    """
    mark = validated_marks() / _mark(document, schema)
    if mark.is_file():
        return
    jsonschema = _jsonschema()  # lazy: only loading a codebook or registry needs it

    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is None:
        try:
            mark.parent.mkdir(parents=True, exist_ok=True)
            mark.touch()
        except OSError:  # a read-only cache only costs the check next time
            pass
        return
    key = ".".join(str(part) for part in error.absolute_path) or "(top level)"
    problem = error.message
    if error.validator == "additionalProperties" and error.absolute_path:
        problem += " (an unquoted comma in a {...} mapping makes extra keys: quote the text)"
    raise DataError(f"{path}: {what}: key {key}: {problem}")
