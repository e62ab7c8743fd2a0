"""The swap that puts a finished report in place: atomic where the platform can, never losing
the earlier folder where it cannot."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from alliance_lib.report import exchange


def _folder(path: Path, content: str) -> Path:
    path.mkdir()
    (path / "index.html").write_text(content, encoding="utf-8")
    return path


def _content(path: Path) -> str:
    return (path / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def can_exchange(tmp_path):
    a, b = tmp_path / "probe-a", tmp_path / "probe-b"
    a.mkdir(), b.mkdir()
    if not exchange.exchange(a, b):
        pytest.skip("this platform or filesystem has no atomic exchange")


def test_exchange_swaps_two_folders(tmp_path, can_exchange):
    new, old = _folder(tmp_path / "new", "new"), _folder(tmp_path / "report", "old")
    assert exchange.exchange(new, old) is True
    assert _content(old) == "new" and _content(new) == "old"


def test_exchange_reports_a_real_failure(tmp_path, can_exchange):
    with pytest.raises(FileNotFoundError):
        exchange.exchange(tmp_path / "missing", _folder(tmp_path / "report", "old"))


def test_replace_folder_never_leaves_the_path_missing(tmp_path, can_exchange):
    report = _folder(tmp_path / "report", "0")
    missing = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not os.path.exists(report / "index.html"):
                missing.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for i in range(1, 200):
            new = _folder(tmp_path / f"new-{i}", str(i))
            earlier = exchange.replace_folder(new, report, tmp_path / "aside")
            assert earlier == new and _content(earlier) == str(i - 1)
            (earlier / "index.html").unlink()
            earlier.rmdir()
    finally:
        done.set()
        watcher.join()
    assert _content(report) == "199" and not missing


def test_replace_folder_into_a_new_path_is_one_rename(tmp_path):
    new = _folder(tmp_path / "new", "new")
    assert exchange.replace_folder(new, tmp_path / "report", tmp_path / "aside") is None
    assert _content(tmp_path / "report") == "new" and not new.exists()


def test_fallback_without_exchange_keeps_the_earlier_folder_aside(tmp_path, monkeypatch):
    monkeypatch.setattr(exchange, "exchange", lambda a, b: False)
    new, report = _folder(tmp_path / "new", "new"), _folder(tmp_path / "report", "old")
    earlier = exchange.replace_folder(new, report, tmp_path / "aside")
    assert earlier == tmp_path / "aside" and _content(earlier) == "old"
    assert _content(report) == "new" and not new.exists()


def test_fallback_that_fails_halfway_puts_the_earlier_folder_back(tmp_path, monkeypatch):
    monkeypatch.setattr(exchange, "exchange", lambda a, b: False)
    new, report = _folder(tmp_path / "new", "new"), _folder(tmp_path / "report", "old")
    real_rename = os.rename

    def rename(source, target):
        if Path(source) == new:
            raise OSError(28, "No space left on device", str(source))
        real_rename(source, target)

    monkeypatch.setattr(exchange.os, "rename", rename)
    with pytest.raises(OSError, match="No space left"):
        exchange.replace_folder(new, report, tmp_path / "aside")
    assert _content(report) == "old" and not (tmp_path / "aside").exists()


def test_unsupported_exchange_is_reported_as_false(tmp_path, monkeypatch):
    monkeypatch.setattr(exchange, "_RENAMEAT2", None)
    monkeypatch.setattr(exchange, "_RENAMEX_NP", None)
    assert exchange.exchange(tmp_path, tmp_path) is False
