"""SIGINT/SIGTERM become one `RunInterrupted` (then quiet, or recorded during the swap), and a
run's kernels are stopped by process group, SIGKILL after a grace period."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import Future
from types import SimpleNamespace

import pytest

from alliance_lib.errors import RunInterrupted
from alliance_lib.report.interrupts import Interrupts
from alliance_lib.report.kernels import KernelsStopped, KernelWatch


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_raises_run_interrupted_once_and_handlers_are_restored(signum, status):
    before = signal.getsignal(signum)
    with Interrupts() as interrupts:
        with pytest.raises(RunInterrupted) as caught:
            os.kill(os.getpid(), signum)
        assert caught.value.status == status and caught.value.signum == signum
        assert str(caught.value) == f"interrupted by {signal.Signals(signum).name}"
        os.kill(os.getpid(), signum)  # a second signal while cleaning up changes nothing
        assert interrupts.received == signum
    assert signal.getsignal(signum) is before


def test_a_signal_during_the_swap_is_recorded_not_raised():
    with Interrupts() as interrupts:
        with interrupts.deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            finished = True
        assert finished and interrupts.received == signal.SIGTERM


def test_outside_the_main_thread_no_handler_is_installed():
    seen = []

    def body():
        with Interrupts():
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert seen == [signal.getsignal(signal.SIGTERM)]


def _kernel_like(code: str) -> SimpleNamespace:
    """A stand-in kernel manager: a process in a session of its own, as jupyter_client starts it."""
    process = subprocess.Popen(
        [sys.executable, "-c", f"{code}\nprint('ready', flush=True)\nimport time; time.sleep(600)"],
        start_new_session=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline() == "ready\n"
    return SimpleNamespace(provisioner=SimpleNamespace(process=process))


def test_stop_ends_every_kernel_and_waits_for_the_notebooks(tmp_path):
    watch = KernelWatch(tmp_path / ".kernels")
    polite = _kernel_like("pass")
    # ignores SIGTERM: needs the SIGKILL after the grace period
    stubborn = _kernel_like("import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN)")
    watch._managers.extend([polite, stubborn])
    notebook = Future()
    notebook.set_running_or_notify_cancel()
    threading.Timer(0.3, lambda: notebook.set_result(None)).start()
    assert watch.stop([notebook], grace=0.5) == 2
    assert notebook.done() and watch.running() == 0
    assert polite.provisioner.process.wait() == -signal.SIGTERM
    assert stubborn.provisioner.process.wait() == -signal.SIGKILL
    polite.provisioner.process.stdout.close(), stubborn.provisioner.process.stdout.close()


def test_no_kernel_starts_after_a_stop(tmp_path):
    watch = KernelWatch(tmp_path / ".kernels")
    manager_class = watch.manager_class()
    manager = manager_class(kernel_name="python3")
    assert manager.connection_file.startswith(str(tmp_path / ".kernels" / "kernel-"))
    assert watch.managers() == [manager]
    watch.stop([])
    with pytest.raises(KernelsStopped):
        manager_class(kernel_name="python3")
