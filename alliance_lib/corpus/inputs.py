"""Command-line inputs -> corpus items: files, folders (recursive), glob patterns, manifests, WARCs.

A folder is walked in sorted order; every file in it that is not hidden is an article (text or
HTML), except WARC archives, whose HTML responses are. Manifests (`.jsonl`, `.csv`) are read
only when named as an input, never discovered in a folder. The same source named twice is
taken once. A missing input is a usage error (`ParameterError`), raised before any work starts.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from alliance_lib.corpus.item import FILE, Item
from alliance_lib.corpus.manifest import MANIFEST_SUFFIXES, manifest_items
from alliance_lib.corpus.warc import is_warc, warc_items
from alliance_lib.errors import ParameterError

_GLOB_CHARS = frozenset("*?[")


def _folder_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every non-hidden file under `root` (sorted walk), with the outlet its folder suggests.

    The folder right under `root` names the outlet (`corpus/nhk/2023/a.html` -> `nhk`); files
    directly in `root` take `root`'s own name.
    """
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        relative = Path(folder).relative_to(root).parts
        outlet = relative[0] if relative else root.name
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name, outlet


def _path_items(path: Path, outlet: str) -> Iterator[Item]:
    if is_warc(path):
        yield from warc_items(path)
    else:
        resolved = path.resolve()
        yield Item(str(resolved), FILE, path=str(resolved), outlet=outlet)


def _argument_items(argument: str) -> Iterator[Item]:
    if _GLOB_CHARS & set(argument):
        matches = sorted(glob.glob(os.path.expanduser(argument), recursive=True))
        if not matches:
            raise ParameterError("INPUT", f"{argument!r} matches no file")
        for match in matches:
            yield from _argument_items(glob.escape(match))
        return
    path = Path(argument).expanduser()
    if not path.exists():
        raise ParameterError("INPUT", f"{path} does not exist")
    if path.is_dir():
        for file, outlet in _folder_files(path.resolve()):
            yield from _path_items(file, outlet)
    elif path.suffix.lower() in MANIFEST_SUFFIXES:
        yield from manifest_items(path)
    else:
        yield from _path_items(path, path.resolve().parent.name)


def check_inputs(arguments: Sequence[str]) -> None:
    """Refuse a missing input or a pattern matching nothing before any item is read."""
    if not arguments:
        raise ParameterError("INPUT", "name at least one file, folder, manifest or WARC")
    for argument in arguments:
        if _GLOB_CHARS & set(argument):
            if not glob.glob(os.path.expanduser(argument), recursive=True):
                raise ParameterError("INPUT", f"{argument!r} matches no file")
        elif not Path(argument).expanduser().exists():
            raise ParameterError("INPUT", f"{Path(argument).expanduser()} does not exist")


def corpus_items(arguments: Sequence[str]) -> Iterator[Item]:
    """The items named by `arguments`, in argument order, each source once (a missing input
    raises `ParameterError` when reached; `check_inputs` refuses it before any work)."""
    seen: set[str] = set()
    for argument in arguments:
        for item in _argument_items(argument):
            if item.source not in seen:
                seen.add(item.source)
                yield item
