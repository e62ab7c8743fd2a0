"""The runner's notebook selection, the benchmark floor notebook, and `run_report` with the
kernels replaced by a stand-in: build beside, swap, marker, recorded output_dir, failures."""

from __future__ import annotations

import dataclasses
import errno
import io
import json
import sys
import threading
from pathlib import Path

import nbformat
import pytest
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from alliance_lib import ParameterError, cli
from alliance_lib.config import KERNEL_GC_THRESHOLDS, NOTEBOOKS_DIR
from alliance_lib.report import params, runner
from alliance_lib.report.output_folder import read_marker
from tests.conftest import FIXTURES
from tests.report.test_output_folder import earlier_report

WIRE = FIXTURES / "wire_story.txt"


def test_runner_selects_notebooks_and_refuses_unknown_or_reserved_parameters():
    assert [p.stem for p in runner.select_notebooks(["02"])] == ["02_defence_spending"]
    with pytest.raises(ParameterError, match="--notebook"):
        runner.select_notebooks(["99"])
    notebooks = runner.select_notebooks(None)
    typed = params.typed_parameters(notebooks, {"target_year": "2030"})
    assert typed[NOTEBOOKS_DIR / "02_defence_spending.ipynb"] == {"target_year": 2030}
    assert typed[NOTEBOOKS_DIR / "01_article_overview.ipynb"] == {}
    with pytest.raises(ParameterError, match="--output"):
        params.typed_parameters(notebooks, {"output_dir": "x"})
    with pytest.raises(ParameterError, match="no selected notebook"):
        params.typed_parameters(notebooks[:1], {"target_year": "2030"})
    with pytest.raises(ParameterError, match="--corpus"):
        params.typed_parameters(notebooks, {"corpus_path": "x"})


def test_the_corpus_notebook_runs_only_when_a_corpus_is_given():
    single = [p.stem[:2] for p in runner.select_notebooks(None)]
    assert single == ["01", "02", "03", "04"]
    with_corpus = [p.stem[:2] for p in runner.select_notebooks(None, corpus=True)]
    assert with_corpus == ["01", "02", "03", "04", "05"]
    with pytest.raises(ParameterError, match="--corpus") as caught:
        runner.select_notebooks(["05"])
    assert "05_coverage_comparison compares a corpus" in str(caught.value)
    assert [p.stem[:2] for p in runner.select_notebooks(["05"], corpus=True)] == ["05"]


def test_floor_notebook_only_imports():
    source = "".join(json.loads(runner.floor_notebook())["cells"][0]["source"])
    assert source == "import pandas\nimport matplotlib"


def test_a_kernel_starts_with_its_own_objects_frozen_and_collections_spaced(tmp_path):
    """Every kernel `execute_notebook` starts has frozen its start-up objects and raised the
    collector's thresholds before the notebook's first cell (its imports run no full
    collection), and its namespace holds no name from that start-up line."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "import gc\nprint(gc.get_threshold(), gc.get_freeze_count() > 0, "
            "sorted(n for n in dir() if not n.startswith('_') and n not in ('In', 'Out', "
            "'exit', 'quit', 'open', 'get_ipython', 'gc')))"
        )
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, tmp_path / "gc.ipynb")
    runner.execute_notebook(tmp_path / "gc.ipynb", tmp_path / "done.ipynb")
    printed = nbformat.read(tmp_path / "done.ipynb", as_version=4).cells[0].outputs[0]["text"]
    assert printed.strip() == f"{KERNEL_GC_THRESHOLDS} True []"


# --- run_report with the kernel replaced by a stand-in: folders, marker, failures ------------


def _fake_execution(monkeypatch, fail: dict | None = None):
    """Replace papermill by writing what a run writes: the parameterised notebook and a CSV."""
    calls = []

    def execute(notebook, executed, parameters=None, *, kernel_manager_class=None, **kwargs):
        calls.append((notebook.stem, dict(parameters), kernel_manager_class))
        out = Path(parameters["output_dir"])
        if fail and notebook.stem in fail:
            raise fail[notebook.stem](out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "table.csv").write_text("a\n1\n", encoding="utf-8")
        nb = parameterize_notebook(load_notebook_node(str(notebook)), parameters)
        nb.metadata.papermill["output_path"] = str(executed)
        nbformat.write(nb, executed)

    monkeypatch.setattr(runner, "execute_notebook", execute)
    monkeypatch.setattr(
        runner,
        "export_html",
        lambda nb, target, article, titles: target.write_text(
            "".join(f'<a href="{stem}.html"></a>' for stem in titles), encoding="utf-8"
        ),  # a page and its navigation
    )
    return calls


def test_a_report_is_built_beside_the_output_and_swapped_in(tmp_path, monkeypatch, seed):
    calls = _fake_execution(monkeypatch)
    noted = dataclasses.replace(seed)
    object.__setattr__(noted, "decode_note", "1 byte that is not UTF-8 replaced")
    monkeypatch.setattr(runner, "load_article", lambda path: noted)
    report = earlier_report(tmp_path / "report")
    lines, warnings = [], []
    assert runner.run_report(output=str(report), echo=lines.append, warn=warnings.append) == report
    assert warnings == [f"{runner.SEED_ARTICLE}: 1 byte that is not UTF-8 replaced"]
    assert lines[:4] == [
        f"[{i}/4] {p.stem}" for i, p in enumerate(runner.select_notebooks(None), 1)
    ]
    assert lines[-1] == f"report: {report / 'index.html'}"
    built = {c[1]["output_dir"] for c in calls}
    assert all(Path(d).parent.name.startswith(".report.building-") for d in built)
    assert all(c[2] is not None for c in calls)  # every kernel is watched
    marker = read_marker(report)
    assert marker["state"] == "complete" and "02_defence_spending/table.csv" in marker["files"]
    assert "index.html" in marker["files"] and "01/a.csv" not in marker["files"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
    # the executed notebook records where its files are now, not the build folder
    executed = nbformat.read(report / "02_defence_spending.ipynb", as_version=4)
    recorded = executed.metadata.papermill
    assert recorded["parameters"]["output_dir"] == str(report / "02_defence_spending")
    assert recorded["output_path"] == str(report / "02_defence_spending.ipynb")
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert f'output_dir = "{report / "02_defence_spending"}"' in injected[0].source
    assert ".building-" not in injected[0].source
    # and the new report is itself an earlier report the next run may replace
    assert runner.run_report(output=str(report), echo=lambda line: None) == report


def test_a_full_disk_during_a_run_is_one_line_and_keeps_the_earlier_report(
    tmp_path, monkeypatch, capsys
):
    def full(out):
        return OSError(errno.ENOSPC, "No space left on device", str(out / "verdict.csv"))

    _fake_execution(monkeypatch, fail={"02_defence_spending": full})
    report = earlier_report(tmp_path / "report")
    before = read_marker(report)
    with pytest.raises(SystemExit) as caught:
        cli.main(["run", "--output", str(report)])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(
        "alliance: error: parameter '--output': cannot write "
    )
    assert "/02_defence_spending/verdict.csv: No space left on device" in err
    assert f"(report folder {report})" in err
    assert read_marker(report) == before and sorted(p.name for p in tmp_path.iterdir()) == [
        "report"
    ]


def test_an_os_failure_elsewhere_is_one_line_naming_the_path(tmp_path, monkeypatch, capsys):
    def denied(out):
        return PermissionError(errno.EACCES, "Permission denied", "/usr/share/jupyter/kernels")

    _fake_execution(monkeypatch, fail={"01_article_overview": denied})
    with pytest.raises(SystemExit):
        cli.main(["run", "--output", str(tmp_path / "report"), "--notebook", "01"])
    assert capsys.readouterr().err == (
        "alliance: error: /usr/share/jupyter/kernels: Permission denied\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_progress_on_an_ascii_console_is_escaped_not_an_error(monkeypatch):
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="ascii"))
    cli._progress("report: reports/café/index.html")
    assert buffer.getvalue() == b"report: reports/caf\\xe9/index.html\n"


def test_lines_from_parallel_notebooks_never_share_a_line():
    written: list[str] = []
    pause = threading.Event()

    def slow_echo(line: str) -> None:  # like print: the text, then the newline, separately
        written.append(line)
        pause.wait(0.001)
        written.append("\n")

    say = runner.one_line_at_a_time(slow_echo)
    threads = [
        threading.Thread(target=lambda n=n: [say(f"[{n}/8] notebook {i}") for i in range(50)])
        for n in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = "".join(written).splitlines()
    assert len(lines) == 400
    assert all(line.startswith("[") and line.count("[") == 1 for line in lines)


# --- a partial run (--notebook) onto an earlier report -----------------------------------------


def _files(report: Path, stem: str) -> dict[str, bytes]:
    return {
        p.relative_to(report).as_posix(): p.read_bytes()
        for p in sorted((report / stem).rglob("*"))
        if p.is_file()
    } | {f"{stem}.ipynb": (report / f"{stem}.ipynb").read_bytes()}


def test_a_partial_run_keeps_the_other_notebooks_and_their_runs(tmp_path, monkeypatch):
    _fake_execution(monkeypatch)
    report = tmp_path / "report"
    runner.run_report(output=str(report), echo=lambda line: None)
    first = read_marker(report)
    kept = {stem: _files(report, stem) for stem in ("01_article_overview", "03_policy_shifts")}
    runner.run_report(
        output=str(report),
        notebooks=["02"],
        raw_parameters={"sipri_edition": "SIPRI_MILEX_2023REL"},
        echo=lambda line: None,
    )
    stems = [p.stem for p in runner.select_notebooks(None)]
    assert sorted(p.stem for p in report.glob("*.ipynb")) == stems
    assert all((report / f"{stem}.html").is_file() for stem in stems)
    for stem, files in kept.items():
        assert _files(report, stem) == files  # outputs and executed notebook as they were
    marker = read_marker(report)
    assert marker["article"] == first["article"] and marker["article"]["sha256"]
    assert marker["runs"]["01_article_overview"] == first["runs"]["01_article_overview"]
    assert marker["runs"]["02_defence_spending"]["command"] == (
        f"alliance run --output {report} --notebook 02 -p sipri_edition SIPRI_MILEX_2023REL"
    )
    index = (report / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{stem}.html"' in index for stem in stems)
    assert index.count('<th scope="row">Run (UTC)</th>') == 2  # the full run, then the partial
    assert f"<code>alliance run --output {report}</code>" in index
    assert "SIPRI_MILEX_2023REL" in index  # notebook 02's new parameter, 01's kept ones
    page = (report / "01_article_overview.html").read_text(encoding="utf-8")
    assert 'href="02_defence_spending.html"' in page  # its navigation lists every notebook


def test_a_partial_run_onto_a_report_of_another_article_is_refused(tmp_path, monkeypatch, capsys):
    _fake_execution(monkeypatch)
    report = tmp_path / "report"
    runner.run_report(output=str(report), echo=lambda line: None)
    before = {p: p.read_bytes() for p in sorted(report.rglob("*")) if p.is_file()}
    with pytest.raises(SystemExit) as caught:
        cli.main(["run", "--output", str(report), "--notebook", "02", "--article", str(WIRE)])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{report} is a report of seeds/" in err
    assert "--notebook adds to a report of the same article only" in err
    assert {p: p.read_bytes() for p in sorted(report.rglob("*")) if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_a_report_whose_marker_predates_the_article_record_is_matched_by_article_path(
    tmp_path, monkeypatch
):
    _fake_execution(monkeypatch)
    report = tmp_path / "report"
    runner.run_report(output=str(report), echo=lambda line: None)
    marker = read_marker(report)
    for key in ("article", "runs"):  # as alliance run wrote it before it recorded them
        del marker[key]
    (report / ".alliance-report").write_text(json.dumps(marker), encoding="utf-8")
    runner.run_report(output=str(report), notebooks=["03"], echo=lambda line: None)
    index = (report / "index.html").read_text(encoding="utf-8")
    assert index.count("not recorded</span>") == 2  # the earlier run's time and command
    with pytest.raises(ParameterError, match="a report of seeds/"):
        runner.run_report(
            output=str(report), notebooks=["03"], article=str(WIRE), echo=lambda line: None
        )


def test_a_partial_run_after_the_article_changed_is_refused(tmp_path, monkeypatch):
    _fake_execution(monkeypatch)
    article = tmp_path / "story.txt"
    article.write_text(WIRE.read_text(encoding="utf-8"), encoding="utf-8")
    report = tmp_path / "report"
    runner.run_report(article=str(article), output=str(report), echo=lambda line: None)
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nThe ministry later said the plan would be reviewed next year.\n")
    with pytest.raises(ParameterError, match="as it was before it changed"):
        runner.run_report(
            article=str(article), output=str(report), notebooks=["02"], echo=lambda line: None
        )
