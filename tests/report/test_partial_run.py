"""README's rerun, end to end: `alliance run --notebook 02 -p sipri_edition ...` on a full report
keeps notebooks 01, 03 and 04 (pages, outputs, parameters and the run that made them) and
rebuilds the findings page; onto a report of another article it is refused in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

from alliance_lib.report.output_folder import read_marker
from tests.conftest import FIXTURES
from tests.notebooks.test_alliance_run import _alliance

KEPT = ("01_article_overview", "03_policy_shifts", "04_threat_framing")


def _outputs(report: Path, stem: str) -> dict[str, bytes]:
    files = {p: p.read_bytes() for p in sorted((report / stem).rglob("*")) if p.is_file()}
    return {p.relative_to(report).as_posix(): data for p, data in files.items()}


def test_a_partial_rerun_keeps_the_rest_of_a_full_report(seed_report, tmp_path):
    report = tmp_path / "report"
    shutil.copytree(seed_report, report, symlinks=True)
    full = read_marker(report)
    kept = {stem: _outputs(report, stem) for stem in KEPT}
    executed = {stem: (report / f"{stem}.ipynb").read_bytes() for stem in KEPT}
    result = _alliance(
        "--output", str(report), "--notebook", "02", "-p", "sipri_edition", "SIPRI_MILEX_2023REL"
    )
    assert result.returncode == 0, result.stderr
    for stem in KEPT:
        assert _outputs(report, stem) == kept[stem]
        assert (report / f"{stem}.ipynb").read_bytes() == executed[stem]
        assert (report / f"{stem}.html").is_file()
    ran = nbformat.read(report / "02_defence_spending.ipynb", as_version=4)
    assert ran.metadata.papermill.parameters["sipri_edition"] == "SIPRI_MILEX_2023REL"
    marker = read_marker(report)
    assert marker["state"] == "complete" and marker["run_id"] != full["run_id"]
    assert {stem: marker["runs"][stem] for stem in KEPT} == {s: full["runs"][s] for s in KEPT}
    assert "--notebook 02" in marker["runs"]["02_defence_spending"]["command"]
    index = (report / "index.html").read_text(encoding="utf-8")
    for stem in (*KEPT, "02_defence_spending"):
        assert f'id="finding-{stem}"' in index and f'href="{stem}.html"' in index
    assert full["runs"]["01_article_overview"]["started_utc"] in index  # the time 01 ran
    assert "SIPRI_MILEX_2023REL" in index and "data/policy_codebook.yaml" in index
    # a partial run with another article onto this report: one line, nothing changed
    before = {p: p.read_bytes() for p in sorted(report.rglob("*")) if p.is_file()}
    refused = _alliance(
        "--article", str(FIXTURES / "wire_story.txt"), "--output", str(report), "--notebook", "02"
    )
    assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1
    assert "is a report of seeds/000_eb6496a230f35a9b.txt, not of" in refused.stderr
    assert {p: p.read_bytes() for p in sorted(report.rglob("*")) if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
