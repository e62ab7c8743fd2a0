"""Each notebook's machine-readable summary, `finding.json`: the one-line finding, the section
it comes from and the data files read. A notebook writes it with `record_finding` (its last
cell); the findings page (`report.site`) reads it with `read_finding`, and says so when a
notebook wrote none. Nothing time-dependent goes in: the file is the same on every run.
`spending_data` names the files notebook 02 read, which depend on its focus country.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from alliance_lib.analysis import reference_data
from alliance_lib.analysis.owned import ORGANISATION_CODES
from alliance_lib.config import (
    CAPITALS_FILE,
    NATIONAL_BUDGETS_FILE,
    PEERS_FILE,
    SIPRI_LOCAL_FILE,
    SIPRI_SHARE_FILE,
    SIPRI_YEN_FILE,
    shown_path,
)
from alliance_lib.report.outputs import write_json
from alliance_lib.report.params import is_auto

FINDING_FILE = "finding.json"
RESULT_SECTION = "Result"


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
            "data": [shown_path(p) for p in data],
        },
    )


def spending_data(
    focus: str,
    *,
    owners: Sequence[str] = (),
    focus_country: str = "auto",
    peers: str = "auto",
) -> list[Path]:
    """The data files notebook 02 read for the focus country `focus` and the other `owners` of
    spending claims: SIPRI's shares of GDP, the local-currency series holding each country
    (Japan's own file, or the other countries'), the national budget registry and the files it
    lists for each, the capitals (the parser reads a capital as its country), and the peer rules
    when `peers` was `auto` or an organisation (its members) owns a claim."""
    files = [SIPRI_SHARE_FILE]
    countries = [o for o in dict.fromkeys([focus, *owners]) if o not in ORGANISATION_CODES]
    for country in countries:
        if country in set(reference_data.japan_yen()["iso3"]):
            files.append(SIPRI_YEN_FILE)
        elif country in set(reference_data.local_currency()["iso3"]):
            files.append(SIPRI_LOCAL_FILE)
    files.append(NATIONAL_BUDGETS_FILE)
    for country in countries:
        national = reference_data.national_budget(country)
        if national is not None:
            files += [national.budget_file, *([national.plan_file] if national.plan_file else [])]
    files.append(CAPITALS_FILE)
    if is_auto(peers) or any(o in ORGANISATION_CODES for o in owners):
        files.append(PEERS_FILE)
    return list(dict.fromkeys(files))


def read_finding(folder: Path) -> dict | None:
    """The finding a notebook recorded in `folder`, or None when it wrote none (or a broken one)."""
    try:
        found = json.loads((folder / FINDING_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or not isinstance(found.get("finding"), str):
        return None
    return found
