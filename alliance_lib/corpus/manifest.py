"""JSONL and CSV manifests: one row per article, `path` or inline `html`/`text`, plus metadata.

Columns (JSON keys): `path` (relative to the manifest's folder), `html` or `text` (the article
inline), and optionally `outlet`, `url`, `published` (YYYY-MM-DD) and `title` (or `headline`: the
article's headline, which wins over the one the parser would find). A row that cannot be used
becomes an item with a `problem`, so it is one row of the `errors` table, not a stopped run.

Trust model: a manifest is data, possibly written by someone else, and a run may read with
more rights than its author has (as root, on a shared cluster). So a `path` is resolved against
the manifest's own folder (symlinks followed), and a row whose file lies outside that folder
(an absolute path elsewhere, `../`, a link leading out) is refused as an error row, unless the
run passes `--allow-outside-manifest` (the user vouches for the manifest). Inline rows are
read as they are. Lines and cells are bounded: a JSONL line over `MANIFEST_LINE_MAX_BYTES`, a
line nested too deeply to read, or a CSV cell over the article size cap is one error row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from alliance_lib.config import MANIFEST_LINE_MAX_BYTES, MAX_BYTES
from alliance_lib.corpus.item import FILE, INLINE, Item
from alliance_lib.corpus.outlet import outlet_of
from alliance_lib.errors import ParameterError

CONTENT_COLUMNS = ("path", "html", "text")
MANIFEST_SUFFIXES = (".jsonl", ".csv")
OUTSIDE_FLAG = "--allow-outside-manifest"


def _value(row: Mapping[str, object], key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def unresolvable(source: str, exc: BaseException, **known: str | None) -> Item:
    """The bad item of a path that cannot be resolved (a symlink loop): one `errors` row."""
    reason = "a symlink loop" if isinstance(exc, RuntimeError) else (exc.strerror or str(exc))
    return Item(source, FILE, problem=f"cannot resolve the path ({reason})", **known)


def _file_item(
    manifest: Path,
    line: int,
    path: str,
    row: Mapping[str, object],
    outside: bool,
    title: str | None = None,
) -> Item:
    """The item of a row naming a file, refused when outside the manifest's folder (unless
    `outside`) or unresolvable."""
    url, published = _value(row, "url"), _value(row, "published")
    source = f"{manifest}:{line}"
    try:
        file = (manifest.parent / path).resolve()
    except (OSError, RuntimeError) as exc:
        return unresolvable(source, exc, url=url, published=published)
    if not outside and manifest.parent not in file.parents:
        named = path if Path(path) == file else f"{path} (that is {file})"
        return Item(
            source,
            FILE,
            url=url,
            published=published,
            problem=f"line {line}: {named} is outside the manifest's folder "
            f"{manifest.parent}; pass {OUTSIDE_FLAG} if you trust this manifest",
        )
    outlet = outlet_of(_value(row, "outlet"), url, file.parent.name)
    return Item(
        str(file), FILE, path=str(file), outlet=outlet, url=url, published=published, title=title
    )


def row_item(manifest: Path, line: int, row: object, outside: bool = False) -> Item:
    """The item a manifest row describes; a row without usable content gets a `problem`.

    `manifest` is a real (resolved) path; `outside` lets `path` name files outside its folder.
    """
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
        return _file_item(manifest, line, path, row, outside, title)
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


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The stream's lines; None for one over `limit` bytes, read past in pieces of `limit`."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit:
            yield line
            continue
        while line and not line.endswith(b"\n"):  # the rest of the long line, never held whole
            line = stream.readline(limit)
        yield None


def _jsonl_rows(manifest: Path) -> Iterator[tuple[int, object]]:
    with manifest.open("rb") as stream:
        for line, raw in enumerate(_lines(stream, MANIFEST_LINE_MAX_BYTES), start=1):
            if raw is None:
                yield line, f"over {MANIFEST_LINE_MAX_BYTES:,} bytes long"
                continue
            text = raw.decode("utf-8", errors="replace")
            if not text.strip():
                continue
            try:
                yield line, json.loads(text)
            except json.JSONDecodeError as exc:
                yield line, f"not valid JSON ({exc.msg})"
            except RecursionError:
                yield line, "nested too deeply to read"


@contextmanager
def _csv_cells_up_to(limit: int) -> Iterator[None]:
    """Let the csv module read cells of up to `limit` characters (its default is 131,072)."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, limit))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _csv_rows(manifest: Path) -> Iterator[tuple[int, object]]:
    # an article inline at the size cap has at most MAX_BYTES characters
    with (
        manifest.open(encoding="utf-8-sig", errors="replace", newline="") as stream,
        _csv_cells_up_to(MAX_BYTES),
    ):
        reader = csv.DictReader(stream)
        try:
            columns = set(reader.fieldnames or [])
        except csv.Error as exc:
            raise ParameterError("INPUT", f"{manifest}: unreadable CSV header ({exc})") from None
        if not columns & set(CONTENT_COLUMNS):
            raise ParameterError(
                "INPUT", f"{manifest}: a CSV manifest needs a path, html or text column"
            )
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # a cell over the cap: the rest of the file is not reliable
                start = reader.line_num + 1  # the lines of the records read, plus one
                yield start, f"unreadable CSV ({exc}); the rest of the manifest is not read"
                return
            yield reader.line_num, row


def manifest_items(manifest: Path, outside: bool = False) -> Iterator[Item]:
    """Items of a JSONL or CSV manifest, in file order (line numbers name inline rows);
    `outside` lets rows name files outside the manifest's folder."""
    manifest = manifest.resolve()
    rows = _csv_rows(manifest) if manifest.suffix.lower() == ".csv" else _jsonl_rows(manifest)
    for line, row in rows:
        if isinstance(row, str):  # a line that could not be read
            yield Item(f"{manifest}:{line}", INLINE, problem=f"line {line} is {row}")
        else:
            yield row_item(manifest, line, row, outside)
