"""One writer per output folder: an exclusive, non-blocking fcntl lock on a file beside it.

`alliance run` and `alliance corpus` both lock `.NAME.lock` in the output's parent folder, so
two runs of either on one output (or one of each) take turns: the second is refused in one
line naming the pid that holds the lock. The lock file holds that pid; a killed holder's file
is taken over (the kernel drops the lock with the process) and deleted on release.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alliance_lib.errors import OutputFolderError


def lock_path(folder: Path) -> Path:
    """The lock file of the output `folder`: `.NAME.lock` beside it."""
    return folder.parent / f".{folder.name}.lock"


class FolderLock:
    """An exclusive, non-blocking fcntl lock on `path`, holding the holder's pid.

    `command` names the kind of run that is refused in the message ("alliance run").
    """

    def __init__(self, path: Path, command: str = "alliance run") -> None:
        self.path = path
        self.command = command
        self._fd: int | None = None

    def acquire(self, folder: Path) -> None:
        """Take the lock or raise OutputFolderError saying another run on `folder` holds it."""
        for _ in range(10):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                os.close(fd)
                pid = f" (pid {holder})" if holder.isdigit() else ""
                raise OutputFolderError(
                    f"{folder} is being written by another {self.command}{pid}; "
                    "wait for it to finish or choose another --output"
                ) from None
            except BaseException:
                os.close(fd)
                raise
            # the holder before us may have deleted the file between our open and our lock:
            # the lock counts only if it is still on the file at `path`
            try:
                current = os.stat(self.path)
                mine = os.fstat(fd)
                same = (current.st_dev, current.st_ino) == (mine.st_dev, mine.st_ino)
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
                return
            os.close(fd)
        raise OutputFolderError(f"could not lock {self.path}: it keeps being replaced")

    def release(self) -> None:
        """Delete the lock file and let go (safe: a waiting run re-checks the file it locked)."""
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)  # deleted while held: see the check in acquire
        except OSError:
            pass  # a read-only or vanished folder: the next run reuses the file
        os.close(self._fd)
        self._fd = None


@contextmanager
def holding(folder: Path, command: str) -> Iterator[FolderLock]:
    """Hold the lock of the output `folder` (created beside it, with its parent) for a block."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    lock = FolderLock(lock_path(folder), command)
    lock.acquire(folder)
    try:
        yield lock
    finally:
        lock.release()
