"""A notebook run alone (papermill, nbval, JupyterLab) writes its `output_dir` by the rules of
`alliance run --output`: never the project (except under reports/), never over files that no
notebook run wrote; `alliance run`'s build folder passes."""

from __future__ import annotations

import pytest

from alliance_lib.config import PROJECT_ROOT
from alliance_lib.errors import ParameterError
from alliance_lib.report import params
from alliance_lib.report.output_folder import NOTEBOOK_MARKER, OutputFolder, notebook_folder
from tests.report.test_output_folder import _tree, earlier_report


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("data", "is inside the project"),
        (str(PROJECT_ROOT / "data" / "new"), "is inside the project"),
        ("notebooks", "is inside the project"),
        ("reports", "is inside the project"),
        ("reports/../seeds", "is inside the project"),
        (".", "holds the project"),
        ("..", "holds the project"),
    ],
)
def test_the_project_is_refused_except_under_reports(value, words):
    before = _tree(PROJECT_ROOT / "data")
    with pytest.raises(ParameterError, match=words) as caught:
        notebook_folder(value)
    assert caught.value.name == "output_dir"
    assert _tree(PROJECT_ROOT / "data") == before and not (PROJECT_ROOT / "data" / "new").exists()
    assert not (PROJECT_ROOT / NOTEBOOK_MARKER).exists()


def test_a_symlink_into_the_project_is_refused(tmp_path):
    link = tmp_path / "out"
    link.symlink_to(PROJECT_ROOT / "data")
    with pytest.raises(ParameterError, match="inside the project"):
        notebook_folder(str(link))
    assert not (PROJECT_ROOT / "data" / NOTEBOOK_MARKER).exists()


def test_a_new_folder_is_created_and_marked_and_may_be_written_again(tmp_path):
    out = notebook_folder(str(tmp_path / "new" / "01"))
    assert out == tmp_path / "new" / "01" and (out / NOTEBOOK_MARKER).is_file()
    (out / "quotes.csv").write_text("a\n", encoding="utf-8")  # what the notebook wrote
    assert notebook_folder(str(out)) == out  # a rerun writes over its own files


def test_an_empty_folder_is_taken(tmp_path):
    (tmp_path / "empty").mkdir()
    assert (notebook_folder(str(tmp_path / "empty")) / NOTEBOOK_MARKER).is_file()


def test_a_folder_holding_the_users_files_is_refused_and_left_alone(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "quotes.csv").write_text("my own quotes\n", encoding="utf-8")
    before = _tree(folder)
    with pytest.raises(ParameterError, match=f"no {NOTEBOOK_MARKER} marker") as caught:
        params.output_directory(str(folder))  # what every notebook's set-up calls
    assert caught.value.name == "output_dir" and str(folder) in str(caught.value)
    assert _tree(folder) == before  # not even the marker was written


@pytest.mark.parametrize(
    "marker",
    ["not json", '{"tool": "alliance run"}', "[1]"],
    ids=["not json", "another tool", "not an object"],
)
def test_a_marker_that_is_not_ours_does_not_count(tmp_path, marker):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / NOTEBOOK_MARKER).write_text(marker, encoding="utf-8")
    (folder / "notes.txt").write_text("notes", encoding="utf-8")
    with pytest.raises(ParameterError, match="no notebook run wrote"):
        notebook_folder(str(folder))


def test_a_report_of_alliance_run_is_not_a_notebook_folder(tmp_path):
    report = earlier_report(tmp_path / "report")
    for target in (report, report / "01"):
        with pytest.raises(ParameterError, match="no notebook run wrote"):
            notebook_folder(str(target))


def test_the_build_folder_of_alliance_run_passes_unmarked(tmp_path):
    with OutputFolder(tmp_path / "report") as folder:
        out = notebook_folder(str(folder.build / "01_article_overview"))
        assert out.is_dir() and not (out / NOTEBOOK_MARKER).exists()  # the run owns it
        (out / "quotes.csv").write_text("a\n", encoding="utf-8")
        assert notebook_folder(str(out)) == out  # and may write it again (a rerun of the cell)


def test_a_folder_named_like_a_build_folder_is_not_one(tmp_path):
    fake = tmp_path / ".report.building-0123456789ab" / "01"
    fake.mkdir(parents=True)
    (fake / "thesis.docx").write_bytes(b"PK")
    with pytest.raises(ParameterError, match="no notebook run wrote"):
        notebook_folder(str(fake))


def test_a_file_is_refused(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ParameterError, match="exists and is not a folder"):
        notebook_folder(str(tmp_path / "file"))
