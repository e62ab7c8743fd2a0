"""JSONL and CSV manifests: one row per article, `path` or inline `html`/`text`, plus metadata.

Columns (JSON keys): `path` (relative to the manifest's folder), `html` or `text` (the article
inline), and optionally `outlet`, `url`, `published` (YYYY-MM-DD) and `title` (or `headline`: the
article's headline, which wins over the one the parser would find). A row that cannot be used
becomes an item with a `problem`, so it is one row of the `errors` table, not a stopped run.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from alliance_lib.corpus.item import FILE, INLINE, Item
from alliance_lib.corpus.outlet import outlet_of
from alliance_lib.errors import ParameterError

CONTENT_COLUMNS = ("path", "html", "text")
MANIFEST_SUFFIXES = (".jsonl", ".csv")


def _value(row: Mapping[str, object], key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def row_item(manifest: Path, line: int, row: object) -> Item:
    """The item a manifest row describes; a row without usable content gets a `problem`."""
    source = f"{manifest}:{line}"
    if not isinstance(row, Mapping):
        return Item(source, INLINE, problem=f"line {line} is not an object with path/html/text")
    url, published = _value(row, "url"), _value(row, "published")
    title = _value(row, "title") or _value(row, "headline")
    path = _value(row, "path")
    if path is not None and "\x00" in path:
        return Item(
            source,
            INLINE,
            url=url,
            published=published,
            problem=f"line {line}: the path holds a NUL byte",
        )
    if path is not None:
        file = (manifest.parent / path).resolve()
        outlet = outlet_of(_value(row, "outlet"), url, file.parent.name)
        return Item(
            str(file),
            FILE,
            path=str(file),
            outlet=outlet,
            url=url,
            published=published,
            title=title,
        )
    outlet = outlet_of(_value(row, "outlet"), url, manifest.parent.name)
    for column in ("html", "text"):
        if isinstance(row.get(column), str) and row[column].strip():
            return Item(
                source,
                INLINE,
                content=row[column],
                outlet=outlet,
                url=url,
                published=published,
                title=title,
            )
    return Item(
        source,
        INLINE,
        outlet=outlet,
        url=url,
        published=published,
        problem=f"line {line} has no path, html or text",
    )


def _jsonl_rows(manifest: Path) -> Iterator[tuple[int, object]]:
    with manifest.open(encoding="utf-8", errors="replace") as stream:
        for line, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                yield line, json.loads(raw)
            except json.JSONDecodeError as exc:
                yield line, f"not valid JSON ({exc.msg})"


def _csv_rows(manifest: Path) -> Iterator[tuple[int, object]]:
    with manifest.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
        reader = csv.DictReader(stream)
        columns = set(reader.fieldnames or [])
        if not columns & set(CONTENT_COLUMNS):
            raise ParameterError(
                "INPUT", f"{manifest}: a CSV manifest needs a path, html or text column"
            )
        for row in reader:
            yield reader.line_num, row


def manifest_items(manifest: Path) -> Iterator[Item]:
    """Items of a JSONL or CSV manifest, in file order (line numbers name inline rows)."""
    manifest = manifest.resolve()
    rows = _csv_rows(manifest) if manifest.suffix.lower() == ".csv" else _jsonl_rows(manifest)
    for line, row in rows:
        if isinstance(row, str):  # a JSONL line that did not parse
            yield Item(f"{manifest}:{line}", INLINE, problem=f"line {line} is {row}")
        else:
            yield row_item(manifest, line, row)
