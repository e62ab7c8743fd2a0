"""Where `alliance run` may write a report, and how it replaces one without losing anything.

- A folder is an earlier report only if it holds the marker `.alliance-report` that a run writes
  last (package version, run id, and every file and folder with its sha256). A folder holding
  anything the marker does not list, or a listed file changed since, is not replaced.
- The "not inside the project" rule compares real paths (symlinks and `..` resolved).
- The report is built in a sibling folder `.NAME.building-RUNID` and swapped in whole
  (`exchange.replace_folder`); runs on one output are serialised by `.NAME.lock` (fcntl.flock),
  which also makes it safe to delete what a killed run left beside the output (its build
  folder, a folder set aside mid-swap) the next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import stat
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from alliance_lib.config import PROJECT_ROOT, REPORTS_DIR, resolve
from alliance_lib.errors import OutputFolderError, ParameterError
from alliance_lib.locks import FolderLock, lock_path
from alliance_lib.report.exchange import replace_folder
from alliance_lib.report.outputs import write_text

MARKER = ".alliance-report"
KERNELS = ".kernels"  # inside a build folder: the running kernels' connection files
_MARKER_MAX_BYTES = 10_000_000
_MOVE = "move it out of the folder or choose another --output"


def package_version() -> str:
    """The installed alliance version, recorded in each report's marker."""
    try:
        return version("alliance")
    except PackageNotFoundError:
        return "unknown"


def _digest(path: Path) -> str:
    """A file's sha256, or a symlink's target (never followed)."""
    if path.is_symlink():
        return "symlink:" + os.readlink(path)
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def manifest(folder: Path) -> dict[str, object]:
    """Every file (with its sha256) and folder under `folder`, except the marker; sorted."""
    files: dict[str, str] = {}
    folders: list[str] = []
    for root, dirs, names in os.walk(folder):  # symlinks are not followed
        here = Path(root)
        for name in dirs + names:
            path = here / name
            rel = path.relative_to(folder).as_posix()
            if rel == MARKER:
                continue
            if path.is_dir() and not path.is_symlink():
                folders.append(rel)
            else:
                files[rel] = _digest(path)
    return {"files": dict(sorted(files.items())), "folders": sorted(folders)}


def _json_marker(path: Path) -> object:
    """The JSON in the marker file `path`, or None unless it is a regular file (not a symlink)
    of at most `_MARKER_MAX_BYTES` holding JSON."""
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MARKER_MAX_BYTES:
            return None
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_marker(folder: Path) -> dict | None:
    """The report marker in `folder`, or None when there is no valid one."""
    marker = _json_marker(folder / MARKER)
    valid = (
        isinstance(marker, dict)
        and marker.get("tool") == "alliance run"
        and isinstance(marker.get("files"), dict)
        and isinstance(marker.get("folders"), list)
    )
    return marker if valid else None


def write_marker(
    folder: Path, run_id: str, state: str, record: Mapping[str, object] | None = None
) -> None:
    """Write the marker of `folder` (atomically): version, run id, state, what the run records
    about the report (`record`: its article, each notebook's run) and the manifest."""
    marker = {
        "tool": "alliance run",
        "version": package_version(),
        "run_id": run_id,
        "state": state,
        **(record or {}),
        **(manifest(folder) if state == "complete" else {"files": {}, "folders": []}),
    }
    write_text(folder / MARKER, json.dumps(marker, indent=1) + "\n")


def _not_replaceable(report: Path) -> str | None:
    """Why the existing folder `report` must not be replaced, or None when it may be."""
    if not any(report.iterdir()):
        return None
    marker = read_marker(report)
    if marker is None or marker.get("state") != "complete":
        return (
            f"{report} holds files but is not a report written by alliance run "
            f"(no {MARKER} marker) and would be replaced; move its files elsewhere or choose another --output"
        )
    found = manifest(report)
    listed_files, listed_folders = marker["files"], set(marker["folders"])
    for rel in found["folders"]:
        if rel not in listed_folders:
            return f"{report} is an earlier report, but {rel}/ in it is not the report's; {_MOVE}"
    for rel, digest in found["files"].items():
        if rel not in listed_files:
            return f"{report} is an earlier report, but {rel} in it is not the report's; {_MOVE}"
        if listed_files[rel] != digest:
            return f"{report} is an earlier report, but {rel} was changed after the run wrote it; {_MOVE}"
    return None


def check_replaceable(report: Path) -> None:
    """Refuse a real path `report` that is a mount point, a file, or a folder not ours to replace."""
    if os.path.ismount(report):
        raise OutputFolderError(
            f"{report} is a mount point; a report folder is replaced whole, so name a folder inside it"
        )
    if not os.path.lexists(report):
        return
    if not report.is_dir():
        raise OutputFolderError(f"{report} is a file, not a report folder")
    try:
        problem = _not_replaceable(report)
    except OSError as exc:
        raise failure(report, exc, "read") from None
    if problem:
        raise OutputFolderError(problem)


def _project_problem(given: Path, real: Path) -> str | None:
    """Why `given` (real path `real`) may not be written, as the project is not to be: it holds
    the project, or lies inside it but not in a folder under reports/; None when it may be."""
    shown = f"{given}" if Path(os.path.normpath(given)) == real else f"{given} (that is {real})"
    if real == PROJECT_ROOT or real in PROJECT_ROOT.parents:
        return f"{shown} holds the project; use a folder under reports/ or elsewhere"
    if PROJECT_ROOT in real.parents:
        parts = real.relative_to(PROJECT_ROOT).parts
        if parts[0] != REPORTS_DIR.name or len(parts) < 2:
            return f"{shown} is inside the project; use a folder under reports/ or elsewhere"
    return None


def report_folder(output: str | os.PathLike[str]) -> Path:
    """The real path of an acceptable `--output` (relative to the project root); refuses the project."""
    given = resolve(output)
    real = Path(os.path.realpath(given))
    problem = _project_problem(given, real)
    if problem:
        raise OutputFolderError(problem)
    check_replaceable(real)
    return real


# --- a notebook run alone (papermill, nbval, JupyterLab): its `output_dir` -----------------------

NOTEBOOK_MARKER = ".alliance-notebook"
_NOTEBOOK_TOOL = "alliance notebook"
_BUILDING = re.compile(r"\..+\.building-[0-9a-f]{12}")


def _in_build_folder(folder: Path) -> bool:
    """Whether `folder` is a notebook's folder inside the build folder of an `alliance run`
    (which created it, and whose marker says it is being built)."""
    parent = folder.parent
    if not _BUILDING.fullmatch(parent.name) or parent.is_symlink():
        return False
    marker = read_marker(parent)
    return marker is not None and marker.get("state") == "building"


def _has_notebook_marker(folder: Path) -> bool:
    """Whether `folder` holds the marker a notebook run writes into its output folder."""
    marker = _json_marker(folder / NOTEBOOK_MARKER)
    return isinstance(marker, dict) and marker.get("tool") == _NOTEBOOK_TOOL


def notebook_folder(value: object, name: str = "output_dir") -> Path:
    """The (created) output folder a notebook run alone writes into, by `--output`'s rules; a
    `ParameterError` naming `name` otherwise.

    Not the project nor inside it, except a folder under reports/; and only a folder that is
    new, empty, marked by an earlier notebook run (the marker `.alliance-notebook` is written
    here the first time), or a notebook's folder in the build folder of `alliance run` (which
    created the build folder and swaps it in whole). A folder holding anything else would have
    its files overwritten without a word, and is refused. Relative paths start at the project
    root.
    """
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(name, "must be a folder path")
    given = resolve(value)
    real = Path(os.path.realpath(given))
    problem = _project_problem(given, real)
    if problem:
        raise ParameterError(name, problem)
    if os.path.lexists(real) and not real.is_dir():
        raise ParameterError(name, f"{real} exists and is not a folder")
    built_by_run = _in_build_folder(real)
    try:
        if (
            not built_by_run
            and real.is_dir()
            and any(real.iterdir())
            and not _has_notebook_marker(real)
        ):
            raise ParameterError(
                name,
                f"{real} holds files that no notebook run wrote (no {NOTEBOOK_MARKER} marker), "
                "which the notebook would overwrite; move them elsewhere or choose another output_dir",
            )
        real.mkdir(parents=True, exist_ok=True)
        if not built_by_run and not _has_notebook_marker(real):
            marker = {"tool": _NOTEBOOK_TOOL, "version": package_version()}
            write_text(real / NOTEBOOK_MARKER, json.dumps(marker, indent=1) + "\n")
    except OSError as exc:
        raise ParameterError(name, f"cannot create {real} ({exc.strerror or exc})") from exc
    return given


def failure(report: Path, exc: OSError, action: str = "write") -> OutputFolderError:
    """An operating-system failure on the output as one line naming the path and the cause."""
    where = exc.filename if exc.filename is not None else report
    cause = exc.strerror or str(exc)
    context = "" if Path(os.fsdecode(where)) == report else f" (report folder {report})"
    return OutputFolderError(f"cannot {action} {os.fsdecode(where)}: {cause}{context}")


def remove_leftovers(report: Path) -> list[str]:
    """Delete what killed runs left beside `report` (caller holds the lock); the names removed.

    Only folders named like ours and either empty or holding our marker are removed. If a run
    died between the two renames of the fallback swap, the earlier report is put back first.
    """
    pattern = re.compile(rf"\.{re.escape(report.name)}\.(building|previous)-[0-9a-f]{{12}}")
    found = sorted(
        p for p in report.parent.iterdir() if pattern.fullmatch(p.name) and not p.is_symlink()
    )
    ours = [p for p in found if p.is_dir() and (read_marker(p) is not None or not any(p.iterdir()))]
    if not os.path.lexists(report):
        for candidate in ours:
            marker = read_marker(candidate)
            if ".previous-" in candidate.name and marker and marker.get("state") == "complete":
                os.rename(candidate, report)
                ours.remove(candidate)
                break
    for folder in ours:
        shutil.rmtree(folder)
    return [p.name for p in ours]


class OutputFolder:
    """A report being rebuilt: locked, built in `build` beside it, then swapped in whole.

    `with OutputFolder(report) as folder:` takes the lock, removes leftovers of killed runs,
    checks the folder again (under the lock) and creates `folder.build`; `folder.commit()` writes
    the marker and swaps; leaving the block deletes the build folder if it is still there (a
    failed or interrupted run) and releases the lock.
    """

    def __init__(self, report: Path) -> None:
        self.report = report
        self.run_id = secrets.token_hex(6)
        self.build = report.parent / f".{report.name}.building-{self.run_id}"
        self._aside = report.parent / f".{report.name}.previous-{self.run_id}"
        self._lock = FolderLock(lock_path(report))
        self.cleaned: list[str] = []

    def __enter__(self) -> OutputFolder:
        try:
            self.report.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire(self.report)
        except OSError as exc:
            raise failure(self.report, exc, "create") from None
        try:
            self.cleaned = remove_leftovers(self.report)
            check_replaceable(self.report)
            self.build.mkdir()
            write_marker(self.build, self.run_id, "building")
        except OSError as exc:
            self._close()
            raise failure(self.report, exc, "write") from None
        except BaseException:
            self._close()
            raise
        return self

    def commit(self, record: Mapping[str, object] | None = None) -> None:
        """Record the finished report in its marker (with `record`, see `write_marker`) and put
        it in place of any earlier one."""
        try:
            shutil.rmtree(self.build / KERNELS, ignore_errors=True)
            write_marker(self.build, self.run_id, "complete", record)
            earlier = replace_folder(self.build, self.report, self._aside)
        except OSError as exc:
            raise failure(self.report, exc, "write") from None
        if earlier is not None:
            shutil.rmtree(earlier, ignore_errors=True)  # what stays is removed by the next run

    def _close(self) -> None:
        try:
            if self.build.is_dir() and not self.build.is_symlink():
                shutil.rmtree(self.build, ignore_errors=True)
        finally:
            self._lock.release()

    def __exit__(self, *exc_info: object) -> None:
        self._close()


def is_os_failure_in(exc: BaseException, folder: Path) -> bool:
    """True when `exc` is an operating-system failure on a path inside `folder`."""
    if not isinstance(exc, OSError) or exc.filename is None:
        return False
    path = Path(os.fsdecode(exc.filename))
    return path == folder or folder in path.parents
