"""SIGINT and SIGTERM during `alliance run`: one `RunInterrupted` in the main thread, then quiet.

The first signal raises `RunInterrupted` where the main thread is (waiting for notebooks), so the
runner's own clean-up runs: kernels stopped, build folder removed, lock released. Later signals
are ignored while that clean-up runs. Inside `deferred()` (the swap of the finished report into
place) a signal is only recorded, so the swap is never cut in half; the caller checks `received`.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from alliance_lib.errors import RunInterrupted

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupts:
    """Context manager installing the SIGINT/SIGTERM handlers (main thread only) and restoring them."""

    def __init__(self) -> None:
        self.received: int | None = None
        self._deferring = False
        self._previous: dict[int, object] = {}

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread():  # signals only reach it
            for signum in SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous.clear()

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.received is not None:
            return  # already stopping
        self.received = signum
        if not self._deferring:
            raise RunInterrupted(signum)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Within this block a signal is recorded in `received`, not raised."""
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False
