"""Output folders: only a report's own marker makes a folder replaceable, real paths decide
"inside the project", one run at a time per output, leftovers of killed runs removed, and every
operating-system failure is one `OutputFolderError` naming the path and the cause."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from alliance_lib.config import PROJECT_ROOT, REPORTS_DIR
from alliance_lib.errors import OutputFolderError, ParameterError
from alliance_lib.report import output_folder, outputs
from alliance_lib.report.output_folder import (
    MARKER,
    OutputFolder,
    read_marker,
    report_folder,
    write_marker,
)

RUN_ID = "0123456789ab"


def earlier_report(path: Path, files: dict[str, str] | None = None) -> Path:
    """A folder as `alliance run` leaves it: its files and a complete marker listing them."""
    path.mkdir(parents=True)
    for name, text in (files or {"index.html": "earlier report", "01/a.csv": "x\n"}).items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    write_marker(path, RUN_ID, "complete")
    return path


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --- which folders may be written -----------------------------------------------------------


@pytest.mark.parametrize(
    "output",
    [
        "reports/../.git/refs/tags",
        "reports/../analysis_out",
        "reports/../notebooks",
        "reports",
        ".",
        "..",
        "README.md",
    ],
)
def test_paths_that_resolve_into_the_project_are_refused(output):
    with pytest.raises(OutputFolderError, match="the project") as caught:
        report_folder(output)
    assert caught.value.name == "--output" and isinstance(caught.value, ParameterError)
    assert not (PROJECT_ROOT / "analysis_out").exists()


def test_a_symlink_into_the_project_is_refused(tmp_path):
    for target in (PROJECT_ROOT / "notebooks", PROJECT_ROOT, PROJECT_ROOT / "data" / "new"):
        link = tmp_path / f"link-{target.name}"
        link.symlink_to(target)
        with pytest.raises(OutputFolderError, match="the project") as caught:
            report_folder(link)
        assert str(link) in str(caught.value)


def test_folders_under_reports_and_elsewhere_are_accepted_as_real_paths(tmp_path):
    assert report_folder("reports/story") == REPORTS_DIR / "story"
    assert report_folder(tmp_path / "new") == tmp_path / "new"
    target = earlier_report(tmp_path / "real")
    (tmp_path / "link").symlink_to(target)
    assert report_folder(tmp_path / "link") == target  # the real folder is replaced, not the link


def test_a_folder_with_an_index_but_no_marker_is_not_a_report(tmp_path):
    folder = tmp_path / "site"
    (folder / "img").mkdir(parents=True)
    (folder / "index.html").write_text("my homepage", encoding="utf-8")
    (folder / "notes.txt").write_text("notes", encoding="utf-8")
    (folder / "img" / "me.png").write_bytes(b"\x89PNG")
    before = _tree(folder)
    with pytest.raises(OutputFolderError, match=f"no {MARKER} marker"):
        report_folder(folder)
    assert _tree(folder) == before


def test_an_earlier_report_with_its_marker_is_accepted(tmp_path):
    report = earlier_report(tmp_path / "report")
    assert report_folder(report) == report
    marker = read_marker(report)
    assert marker["state"] == "complete" and marker["run_id"] == RUN_ID
    assert marker["folders"] == ["01"] and sorted(marker["files"]) == ["01/a.csv", "index.html"]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            lambda r: (r / "notes.txt").write_text("mine", encoding="utf-8"),
            "notes.txt in it is not",
        ),
        (lambda r: (r / "mine").mkdir(), "mine/ in it is not"),
        (
            lambda r: (r / "01" / "a.csv").write_text("edited", encoding="utf-8"),
            "01/a.csv was changed",
        ),
        (lambda r: (r / "01" / "link").symlink_to("/etc"), "01/link in it is not"),
    ],
    ids=["added file", "added folder", "changed file", "added symlink"],
)
def test_an_earlier_report_holding_something_of_the_users_is_not_replaced(tmp_path, change, words):
    report = earlier_report(tmp_path / "report")
    change(report)
    with pytest.raises(OutputFolderError, match=words):
        report_folder(report)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda m: m.write_text("not json", encoding="utf-8"),
        lambda m: m.write_text(json.dumps({"tool": "other"}), encoding="utf-8"),
        lambda m: m.write_text(
            json.dumps({"tool": "alliance run", "state": "building", "files": {}, "folders": []}),
            encoding="utf-8",
        ),
    ],
    ids=["not json", "not ours", "unfinished"],
)
def test_a_spoiled_marker_does_not_make_a_report(tmp_path, spoil):
    report = earlier_report(tmp_path / "report")
    spoil(report / MARKER)
    with pytest.raises(OutputFolderError, match="not a report written by alliance run"):
        report_folder(report)


def test_a_marker_that_is_a_symlink_does_not_count(tmp_path):
    real = earlier_report(tmp_path / "real")
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "thesis.md").write_text("words", encoding="utf-8")
    (folder / MARKER).symlink_to(real / MARKER)
    assert read_marker(folder) is None
    with pytest.raises(OutputFolderError, match="not a report"):
        report_folder(folder)


def test_a_file_and_an_empty_folder(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputFolderError, match="is a file"):
        report_folder(tmp_path / "file")
    (tmp_path / "empty").mkdir()
    assert report_folder(tmp_path / "empty") == tmp_path / "empty"


def test_a_mount_point_is_refused(tmp_path, monkeypatch):
    target = tmp_path / "usb"
    target.mkdir()
    monkeypatch.setattr(output_folder.os.path, "ismount", lambda p: Path(p) == target)
    with pytest.raises(OutputFolderError, match="is a mount point"):
        report_folder(target)


def _a_real_mount_point() -> Path | None:
    try:
        lines = Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        point = Path(line.split()[1].replace("\\040", " "))
        if point != Path("/") and point not in PROJECT_ROOT.parents and point.is_dir():
            if os.path.ismount(point) and PROJECT_ROOT not in point.parents:
                return point
    return None


def test_a_real_mount_point_is_refused():
    point = _a_real_mount_point()
    if point is None:
        pytest.skip("no mount point other than / on this system")
    with pytest.raises(OutputFolderError, match="is a mount point"):
        report_folder(point)


# --- building, the lock, leftovers ---------------------------------------------------------


def _siblings(report: Path) -> list[str]:
    return sorted(p.name for p in report.parent.iterdir() if p.name.startswith(f".{report.name}."))


def test_build_commit_and_nothing_left_beside_the_report(tmp_path):
    report = earlier_report(tmp_path / "report")
    with OutputFolder(report) as folder:
        assert folder.build.parent == tmp_path and folder.build.name.startswith(".report.building-")
        assert (tmp_path / ".report.lock").read_text(encoding="ascii") == f"{os.getpid()}\n"
        (folder.build / "index.html").write_text("new report", encoding="utf-8")
        (folder.build / ".kernels").mkdir()
        (folder.build / ".kernels" / "kernel-1.json").write_text("{}", encoding="utf-8")
        assert _tree(report)["index.html"] == b"earlier report"  # untouched until the swap
        folder.commit()
    assert _tree(report) == {"index.html": b"new report", MARKER: (report / MARKER).read_bytes()}
    marker = read_marker(report)
    assert marker["state"] == "complete" and marker["run_id"] == folder.run_id
    assert marker["version"] == output_folder.package_version() and marker["files"].keys() == {
        "index.html"
    }
    assert _siblings(report) == []  # no build folder, no earlier copy, no lock file


def test_a_failed_build_leaves_the_earlier_report_and_nothing_else(tmp_path):
    report = earlier_report(tmp_path / "report")
    before = _tree(report)
    with pytest.raises(RuntimeError), OutputFolder(report) as folder:
        (folder.build / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("a notebook failed")
    assert _tree(report) == before and _siblings(report) == []


def test_a_second_run_on_the_same_output_is_refused_while_the_first_holds_the_lock(tmp_path):
    report = tmp_path / "report"
    with OutputFolder(report):
        with pytest.raises(OutputFolderError, match=rf"another alliance run \(pid {os.getpid()}\)"):
            OutputFolder(report).__enter__()
    with OutputFolder(report):  # free again
        pass


def test_a_stale_lock_file_of_a_killed_run_is_taken_over_and_removed(tmp_path):
    report = tmp_path / "report"
    (tmp_path / ".report.lock").write_text("999999\n", encoding="ascii")
    with OutputFolder(report):
        assert (tmp_path / ".report.lock").read_text(encoding="ascii") == f"{os.getpid()}\n"
    assert not (tmp_path / ".report.lock").exists()


def test_leftovers_of_killed_runs_are_removed_and_nothing_else(tmp_path):
    report = earlier_report(tmp_path / "report")
    killed_build = tmp_path / ".report.building-aaaaaaaaaaaa"
    killed_build.mkdir()
    write_marker(killed_build, "aaaaaaaaaaaa", "building")
    (killed_build / "01.ipynb").write_text("{}", encoding="utf-8")
    empty = tmp_path / ".report.building-bbbbbbbbbbbb"
    empty.mkdir()
    users = tmp_path / ".report.building-cccccccccccc"  # named like ours, but no marker
    users.mkdir()
    (users / "mine.txt").write_text("mine", encoding="utf-8")
    other_name = tmp_path / ".report.building-not-ours"
    other_name.mkdir()
    other_report = tmp_path / ".other.building-dddddddddddd"
    other_report.mkdir()
    with OutputFolder(report) as folder:
        assert folder.cleaned == [killed_build.name, empty.name]
    assert not killed_build.exists() and not empty.exists()
    assert (users / "mine.txt").exists() and other_name.exists() and other_report.exists()


def test_a_run_killed_in_the_middle_of_the_fallback_swap_gets_its_earlier_report_back(tmp_path):
    aside = earlier_report(tmp_path / ".report.previous-eeeeeeeeeeee")
    finished = tmp_path / ".report.building-ffffffffffff"
    finished.mkdir()
    write_marker(finished, "ffffffffffff", "complete")
    before = _tree(aside)
    report = tmp_path / "report"
    with OutputFolder(report) as folder:
        assert folder.cleaned == [finished.name]
        assert _tree(report) == before
    assert _siblings(report) == []


# --- operating-system failures: one OutputFolderError naming the path and the cause ----------


def _fail_on(monkeypatch, module_attr, owner, match, code, message):
    real = getattr(owner, module_attr)

    def failing(*args, **kwargs):
        if match(*args):
            raise OSError(code, message, str(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, module_attr, failing)


def test_a_read_only_filesystem_is_one_error_naming_the_lock_file(tmp_path, monkeypatch):
    lock = tmp_path / ".report.lock"
    _fail_on(
        monkeypatch,
        "open",
        output_folder.os,
        lambda p, *a: Path(p) == lock,
        errno.EROFS,
        "Read-only file system",
    )
    with pytest.raises(OutputFolderError) as caught:
        OutputFolder(tmp_path / "report").__enter__()
    assert str(caught.value) == (
        f"parameter '--output': cannot create {lock}: Read-only file system "
        f"(report folder {tmp_path / 'report'})"
    )


def test_a_full_filesystem_is_one_error_and_leaves_nothing(tmp_path, monkeypatch):
    report = earlier_report(tmp_path / "report")
    before = _tree(report)
    real_mkstemp = outputs.tempfile.mkstemp

    def mkstemp(*args, prefix, dir, **kwargs):  # the marker's temporary file, in the build
        if prefix == f".{MARKER}." and Path(dir) != report:
            raise OSError(errno.ENOSPC, "No space left on device", str(Path(dir) / prefix))
        return real_mkstemp(*args, prefix=prefix, dir=dir, **kwargs)

    monkeypatch.setattr(outputs.tempfile, "mkstemp", mkstemp)
    with pytest.raises(OutputFolderError, match="No space left on device") as caught:
        OutputFolder(report).__enter__()
    assert ".report.building-" in str(caught.value) and f"report folder {report}" in str(
        caught.value
    )
    assert _tree(report) == before and _siblings(report) == []


def test_a_permission_error_creating_the_parent_is_one_error(tmp_path, monkeypatch):
    _fail_on(
        monkeypatch,
        "mkdir",
        Path,
        lambda p, *a: p == tmp_path / "sub",
        errno.EACCES,
        "Permission denied",
    )
    with pytest.raises(
        OutputFolderError, match=f"cannot create {tmp_path / 'sub'}: Permission denied"
    ):
        OutputFolder(tmp_path / "sub" / "report").__enter__()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_folder_is_one_error(tmp_path):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        with pytest.raises(OutputFolderError, match="Permission denied"):
            OutputFolder(parent / "report").__enter__()
    finally:
        parent.chmod(0o755)
    assert list(parent.iterdir()) == []


def test_a_swap_that_fails_is_one_error_and_keeps_the_earlier_report(tmp_path, monkeypatch):
    report = earlier_report(tmp_path / "report")
    before = _tree(report)

    def busy(new, target, aside):
        raise OSError(errno.EBUSY, "Device or resource busy", str(target))

    monkeypatch.setattr(output_folder, "replace_folder", busy)
    with pytest.raises(OutputFolderError, match=f"cannot write {report}: Device or resource busy"):
        with OutputFolder(report) as folder:
            folder.commit()
    assert _tree(report) == before and _siblings(report) == []
