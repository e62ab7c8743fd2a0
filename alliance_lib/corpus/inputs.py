"""Command-line inputs -> corpus items: files, folders (recursive), glob patterns, manifests, WARCs.

A folder is walked in sorted order; every file in it that is not hidden is an article (text or
HTML), except WARC archives, whose HTML responses are. Manifests (`.jsonl`, `.csv`) are read
only when named as an input, never discovered in a folder. The same source named twice is
taken once. A missing input is a usage error (`ParameterError`), raised before any work starts.

Walks never enter a corpus folder (one holding `_corpus.json`, `alliance corpus`'s output) nor
the run's own output folder, so a corpus written inside its input folder is not read back as
articles on the next run; a glob match inside one is skipped, and naming one is refused. A path
that cannot be resolved (a symlink loop) is one bad item, a row of `errors`.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from alliance_lib.config import CORPUS_MARKER
from alliance_lib.corpus.item import FILE, Item
from alliance_lib.corpus.manifest import MANIFEST_SUFFIXES, manifest_items, unresolvable
from alliance_lib.corpus.warc import is_warc, warc_items
from alliance_lib.errors import ParameterError

_GLOB_CHARS = frozenset("*?[")


def _is_corpus(folder: Path, output: Path | None) -> bool:
    """Whether `folder` is the run's output or any corpus folder (it holds the corpus marker)."""
    return folder == output or os.path.isfile(folder / CORPUS_MARKER)


def corpus_holding(path: Path, output: Path | None) -> Path | None:
    """The corpus folder (or the output) that `path` is or lies inside, if any (real paths)."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: not inside anything we can name
        return None
    for folder in (real, *real.parents):
        if _is_corpus(folder, output):
            return folder
    return None


def _folder_files(root: Path, output: Path | None) -> Iterator[tuple[Path, str]]:
    """Every non-hidden file under `root` (sorted walk), with the outlet its folder suggests.

    The folder right under `root` names the outlet (`corpus/nhk/2023/a.html` -> `nhk`); files
    directly in `root` take `root`'s own name. Corpus folders and the output are not entered.
    """
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(
            d for d in subfolders if not d.startswith(".") and not _is_corpus(here / d, output)
        )
        relative = here.relative_to(root).parts
        outlet = relative[0] if relative else root.name
        for name in sorted(files):
            if not name.startswith("."):
                yield here / name, outlet


def _path_items(path: Path, outlet: str) -> Iterator[Item]:
    if is_warc(path):
        yield from warc_items(path)
        return
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop (RuntimeError before Python 3.13)
        yield unresolvable(str(path.absolute()), exc, outlet=outlet)
        return
    yield Item(str(resolved), FILE, path=str(resolved), outlet=outlet)


def _missing(path: Path) -> ParameterError:
    if os.path.lexists(path):
        return ParameterError("INPUT", f"{path} is a broken link or a symlink loop")
    return ParameterError("INPUT", f"{path} does not exist")


def _argument_items(
    argument: str, output: Path | None, outside_manifest: bool, matched: bool = False
) -> Iterator[Item]:
    if not matched and _GLOB_CHARS & set(argument):
        matches = sorted(glob.glob(os.path.expanduser(argument), recursive=True))
        if not matches:
            raise ParameterError("INPUT", f"{argument!r} matches no file")
        for match in matches:
            if corpus_holding(Path(match), output) is None:  # a corpus's own files are no input
                yield from _argument_items(match, output, outside_manifest, matched=True)
        return
    path = Path(argument).expanduser()
    if not path.exists():
        raise _missing(path)
    corpus = corpus_holding(path, output)
    if corpus is not None:
        what = "the output folder" if corpus == output else "a corpus written by alliance corpus"
        raise ParameterError(
            "INPUT", f"{path} is {'in ' if corpus != path.resolve() else ''}{what}, not articles"
        )
    if path.is_dir():
        for file, outlet in _folder_files(path.resolve(), output):
            yield from _path_items(file, outlet)
    elif path.suffix.lower() in MANIFEST_SUFFIXES:
        yield from manifest_items(path, outside_manifest)
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
            raise _missing(Path(argument).expanduser())


def corpus_items(
    arguments: Sequence[str], output: Path | None = None, outside_manifest: bool = False
) -> Iterator[Item]:
    """The items named by `arguments`, in argument order, each source once (a missing input
    raises `ParameterError` when reached; `check_inputs` refuses it before any work).

    `output` (the run's corpus folder, a real path) is never read as input; `outside_manifest`
    lets manifest rows name files outside the manifest's folder.
    """
    seen: set[str] = set()
    for argument in arguments:
        for item in _argument_items(argument, output, outside_manifest):
            if item.source not in seen:
                seen.add(item.source)
                yield item
