"""The kernels one `alliance run` starts, kept track of so an interrupt can stop them all.

papermill creates each kernel manager from the class `KernelWatch.manager_class()` returns, so
every kernel of the run is known here; its connection file and its stderr log are written into
the run's own folder (inside the build folder), so removing that folder removes them too, even
after a run that was killed outright.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
import uuid
from collections.abc import Collection
from concurrent.futures import Future, wait
from pathlib import Path


class KernelsStopped(Exception):
    """Raised in a notebook's thread that tries to start a kernel after the run was stopped."""


def _process(manager: object):
    """The kernel's `Popen`, once launched (jupyter_client's local provisioner holds it)."""
    return getattr(getattr(manager, "provisioner", None), "process", None)


def _signal_kernel(manager: object, signum: int) -> bool:
    """Send `signum` to a running kernel's process group; False when it is not running."""
    process = _process(manager)
    if process is None or process.poll() is not None:
        return False
    try:
        # jupyter_client starts each kernel in a session of its own: the group is the kernel
        # and anything it started
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        return False
    return True


class KernelWatch:
    """Every kernel started for one run; `stop` ends them all and waits for their notebooks."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder  # connection files go here
        self.stopping = threading.Event()
        self._managers: list[object] = []
        self._lock = threading.Lock()

    def manager_class(self) -> type:
        """A kernel manager class for papermill that registers each manager with this watch."""
        # lazy: jupyter_client comes with papermill, which only running notebooks needs
        from jupyter_client.manager import AsyncKernelManager

        watch = self

        class WatchedKernelManager(AsyncKernelManager):
            """AsyncKernelManager whose kernel the run can stop; its connection file in the run's folder."""

            def __init__(self, **kwargs: object) -> None:
                if watch.stopping.is_set():
                    raise KernelsStopped("the run was stopped before this kernel started")
                watch.folder.mkdir(parents=True, exist_ok=True)
                kwargs.setdefault(
                    "connection_file", str(watch.folder / f"kernel-{uuid.uuid4().hex}.json")
                )
                super().__init__(**kwargs)
                with watch._lock:
                    watch._managers.append(self)

            async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: object) -> None:
                """Launch with the kernel's own stderr in a log beside its connection file: a
                kernel stopping after a failed cell may log a shut-down race (tornado's
                "Uncaught exception in ZMQStream callback"), which must not reach the user's
                terminal under the run's one-line error."""
                log = Path(self.connection_file).with_suffix(".log")
                with open(log, "ab") as stderr:  # the kernel holds its own copy of the handle
                    kw.setdefault("stderr", stderr)
                    await super()._async_launch_kernel(kernel_cmd, **kw)

        return WatchedKernelManager

    def managers(self) -> list[object]:
        """The kernel managers created so far."""
        with self._lock:
            return list(self._managers)

    def filter(self, record: logging.LogRecord) -> bool:
        """As a logging filter: drop what papermill logs about kernels this watch stopped."""
        return not self.stopping.is_set()

    def running(self) -> int:
        """How many of the run's kernels are running now."""
        return sum(
            1 for m in self.managers() if (p := _process(m)) is not None and p.poll() is None
        )

    def stop(self, notebooks: Collection[Future], grace: float = 2.0, limit: float = 20.0) -> int:
        """Stop every kernel (SIGTERM, then SIGKILL after `grace` s) and wait up to `limit` s for
        the `notebooks` still running to return; the number of kernels that were running."""
        self.stopping.set()
        terminated: dict[int, float] = {}  # manager id -> when SIGTERM was sent
        killed: set[int] = set()
        started = time.monotonic()
        while True:
            now = time.monotonic()
            for manager in self.managers():
                key = id(manager)
                if key not in terminated:
                    if _signal_kernel(manager, signal.SIGTERM):
                        terminated[key] = now
                elif key not in killed and now - terminated[key] > grace:
                    _signal_kernel(manager, signal.SIGKILL)
                    killed.add(key)
            pending = [f for f in notebooks if not f.done()]
            if (not pending and self.running() == 0) or now - started > limit:
                return len(terminated)
            if pending:
                wait(pending, timeout=0.1)
            else:
                time.sleep(0.1)
