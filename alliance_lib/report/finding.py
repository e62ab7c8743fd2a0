"""Each notebook's machine-readable summary, `finding.json`: the one-line finding, the section
it comes from and the data files read. A notebook writes it with `record_finding` (its last
cell); the findings page (`report.site`) reads it with `read_finding`, and says so when a
notebook wrote none. Nothing time-dependent goes in: the file is the same on every run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from alliance_lib.config import PROJECT_ROOT, resolve
from alliance_lib.report.outputs import write_json

FINDING_FILE = "finding.json"
RESULT_SECTION = "Result"


def _shown(path: str | Path) -> str:
    """A data file as the report names it: from the project root when inside it."""
    path = resolve(path).resolve()
    try:
        return path.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def record_finding(
    out: Path,
    finding: str,
    *,
    data: Sequence[str | Path] = (),
    section: str = RESULT_SECTION,
) -> Path:
    """Write `finding.json` into the notebook's output folder `out`; `data`: the data files read."""
    return write_json(
        out / FINDING_FILE,
        {
            "finding": finding,
            "section": section,
            "data": [_shown(p) for p in data],
        },
    )


def read_finding(folder: Path) -> dict | None:
    """The finding a notebook recorded in `folder`, or None when it wrote none (or a broken one)."""
    try:
        found = json.loads((folder / FINDING_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or not isinstance(found.get("finding"), str):
        return None
    return found
