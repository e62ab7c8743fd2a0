"""A partial run (`alliance run --notebook NN`) onto an earlier report: the other notebooks'
pages, outputs and parameters are carried into the new build, so the report keeps them.

The earlier report must be of the same article: the marker of a report records its article
(path and sha256) and, per notebook, the run that made it (time, command, version), which the
findings page lists. A report written before the marker recorded its article is matched by the
`article_path` its executed notebooks ran with. Files are copied, never linked: the earlier
report stays as it was until the new one is swapped in (or the run fails).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from alliance_lib.config import resolve, shown_path
from alliance_lib.errors import OutputFolderError
from alliance_lib.report.output_folder import read_marker
from alliance_lib.report.site import RunInfo, notebook_title

_EXECUTED = re.compile(r"\d\d_[a-z0-9_]+\.ipynb")


def article_record(path: Path) -> dict[str, str]:
    """The article as a report's marker records it: its path as the report names it, and sha256."""
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return {"path": shown_path(path), "sha256": digest}


def run_record(runs: dict[str, RunInfo]) -> dict[str, dict[str, str | None]]:
    """Each notebook's run as the marker records it."""
    return {
        stem: {"started_utc": run.started_utc, "command": run.command, "version": run.version}
        for stem, run in sorted(runs.items())
    }


def _read_executed(path: Path):
    import nbformat  # lazy: only a partial run reads earlier notebooks

    return nbformat.read(path, as_version=4)


def _earlier_article(report: Path, marker: dict, stems: Iterable[str]) -> dict[str, str] | None:
    """The article of the earlier report: from its marker, else from the `article_path` its
    executed notebooks ran with (reports made before the marker recorded it)."""
    recorded = marker.get("article")
    if isinstance(recorded, dict) and isinstance(recorded.get("sha256"), str):
        return recorded
    for stem in stems:
        ran = _read_executed(report / f"{stem}.ipynb").metadata.get("papermill", {})
        path = ran.get("parameters", {}).get("article_path")
        if isinstance(path, str):
            return {"path": shown_path(resolve(path)), "sha256": ""}
    return None


def _same_article(earlier: dict[str, str], current: dict[str, str]) -> bool:
    if earlier.get("sha256"):
        return earlier["sha256"] == current["sha256"]
    return earlier.get("path") == current["path"]


def carry_earlier(
    report: Path, build: Path, selected: Iterable[str], article: dict[str, str]
) -> tuple[dict[str, str], dict[str, RunInfo]]:
    """Copy every notebook of the earlier `report` that is not `selected` into `build`: its
    executed notebook and output folder (its page is written again, for the new navigation).
    Returns the carried notebooks' titles and runs. Refuses, in one line, a report of another
    article than `article` (`article_record`). The caller holds the lock and has checked that
    `report` is a complete, unchanged report (or missing, or empty: nothing to carry)."""
    marker = read_marker(report)
    if marker is None:
        return {}, {}
    stems = sorted(Path(name).stem for name in marker["files"] if _EXECUTED.fullmatch(name))
    chosen = set(selected)
    carried = [stem for stem in stems if stem not in chosen]
    if not carried:
        return {}, {}
    earlier = _earlier_article(report, marker, stems)
    if earlier is None or not _same_article(earlier, article):
        if earlier is not None and earlier.get("path") == article["path"]:
            what = f"of {article['path']} as it was before it changed (sha256 {earlier['sha256'][:12]})"
        else:
            what = (
                f"of {earlier['path'] if earlier else 'another article'}, not of {article['path']}"
            )
        raise OutputFolderError(
            f"{report} is a report {what}; --notebook adds to a report of the same article "
            "only: leave out --notebook or choose another --output"
        )
    runs = marker.get("runs") if isinstance(marker.get("runs"), dict) else {}
    titles: dict[str, str] = {}
    found: dict[str, RunInfo] = {}
    for stem in carried:
        shutil.copy2(report / f"{stem}.ipynb", build / f"{stem}.ipynb")
        if (report / stem).is_dir():
            shutil.copytree(report / stem, build / stem, symlinks=True)
        titles[stem] = notebook_title(_read_executed(build / f"{stem}.ipynb"))
        run = runs.get(stem) if isinstance(runs.get(stem), dict) else {}
        found[stem] = RunInfo(
            started_utc=run.get("started_utc"),
            command=run.get("command"),
            version=run.get("version") or str(marker.get("version", "")),
        )
    return titles, found
