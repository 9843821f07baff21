"""Pre-reads in a bounded pool of separate processes.

Each worker is its own process (``spawn``: the same on Linux and Windows), with
an address-space limit (POSIX ``RLIMIT_AS``; Windows relies on the time limit)
and a per-job time limit: a huge or hostile record can fail its own pre-read
but cannot grow the server or stall it.  A job past its time is killed with
its process, which is started again; a process that dies (memory) fails only
its job.  A long recording is analysed on a window of it
(``server.preread.analysis_window``).  Jobs wait in the queue table
(``server.jobqueue``), most urgent first: critical cases, then ECGs (minutes
matter for a STEMI), then small files; with more than one worker a long
analysis of one clinic's upload never holds up another clinic's alert.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import socket
import threading
from pathlib import Path

log = logging.getLogger("huizhen.server.prereadpool")


def _limit_memory(mem_bytes: int) -> None:
    if mem_bytes and os.name == "posix":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))


def _worker(conn, plugins: list[str], mem_bytes: int, window_s: float = 0.0) -> None:
    """The worker process: load the analyzers, then analyse jobs until told to stop."""
    _limit_memory(mem_bytes)
    from server.preread import Unavailable, _call, load_plugins, named

    load_plugins(plugins)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        modality, blob, filename, digest, *rest = job
        others = rest[0] if rest else []  # the record's companion files (blob, name)
        name = rest[1] if len(rest) > 1 else ""  # the analyzer the case's subscriptions chose
        try:
            analyzer = named(modality, name)
            if analyzer is None:
                raise LookupError(f"no analyzer {name!r} for {modality} in this worker")
            result = _call(analyzer, Path(blob), filename, digest, window_s, others)
            conn.send(("ok", result.to_dict()))
        except (Unavailable, ImportError) as note:
            conn.send(("skipped", str(note)))
        except MemoryError:
            conn.send(("failed", f"the pre-read passed its memory limit ({mem_bytes >> 20} MiB)"))
        except Exception as err:
            conn.send(("failed", f"{type(err).__name__}: {err}"[:500]))


class Slot:
    """One worker process, restarted after a time-out or a crash."""

    def __init__(self, plugins: list[str], mem_bytes: int, window_s: float = 0.0) -> None:
        self.plugins, self.mem_bytes, self.window_s = plugins, mem_bytes, window_s
        self.proc = None
        self.conn = None

    def _start(self) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker, args=(child, self.plugins, self.mem_bytes, self.window_s), daemon=True,
            name="huizhen-preread",
        )  # fmt: skip
        self.proc.start()
        child.close()

    def warm(self) -> None:
        """Start the process now: it loads the analyzers before the first job comes."""
        if self.proc is None:
            self._start()

    def run(self, job: tuple, timeout_s: float) -> tuple[str, object]:
        if self.proc is None or not self.proc.is_alive():
            self._start()
        try:
            self.conn.send(job)
            if not self.conn.poll(timeout_s):
                self.stop(kill=True)
                return "failed", f"the pre-read took longer than its limit ({timeout_s:g} s)"
            return self.conn.recv()
        except (EOFError, OSError):
            self.stop(kill=True)
            return "failed", "the pre-read process ended (its memory limit?)"

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.proc.kill()
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
        self.proc, self.conn = None, None


class JobLoop:
    """``workers`` threads, each driving one worker process (a ``Slot``), take jobs
    from the queue table (``server.jobqueue``) and run them with ``runner.run``.
    Idle threads wait for ``wake()`` (a local enqueue or a NOTIFY) or poll every
    ``poll_s`` seconds with a read; one heartbeat thread extends the leases of the
    jobs in hand every third of ``lease_s``."""

    def __init__(
        self, runner, workers: int, timeout_s: float, mem_bytes: int, plugins: list[str],
        window_s: float = 0.0, *, lease_s: float = 30.0, poll_s: float = 1.0, warm: bool = False,
    ) -> None:  # fmt: skip
        self.runner, self.timeout_s, self.lease_s, self.poll_s = runner, timeout_s, lease_s, poll_s
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        self.warm = warm  # start the worker processes at once (a worker node), not at the first job
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._held: dict[int, object] = {}
        self._held_lock = threading.Lock()
        self._slots = [Slot(list(plugins), mem_bytes, window_s) for _ in range(max(1, workers))]
        self._threads = [
            threading.Thread(target=self._loop, args=(slot,), name="huizhen-preread", daemon=True)
            for slot in self._slots
        ]
        self._threads.append(
            threading.Thread(target=self._heartbeat, name="huizhen-preread-lease", daemon=True)
        )

    def start(self) -> None:
        for t in self._threads:
            t.start()

    def wake(self) -> None:
        self._wake.set()

    def _next(self):
        from server import jobqueue

        with self.runner.sessions() as s:
            if not jobqueue.waiting(s):
                return None
        with self.runner.sessions() as s:
            return jobqueue.claim(s, self.name, self.lease_s)

    def _loop(self, slot: Slot) -> None:
        if self.warm:
            slot.warm()
        while not self._stop.is_set():
            self._wake.clear()
            try:
                claim = self._next()
            except Exception:
                log.exception("taking a pre-read job failed")
                claim = None
            if claim is None:
                self._wake.wait(self.poll_s)
                continue
            with self._held_lock:
                self._held[claim.job_id] = claim
            try:
                self.runner.run(claim, lambda job: self._analyse(slot, job))
            except Exception:  # the database went away mid-job: its lease runs out, it is retried
                log.exception("pre-read job %s left unfinished", claim.job_id)
                self._stop.wait(self.poll_s)
            finally:
                with self._held_lock:
                    self._held.pop(claim.job_id, None)

    def _analyse(self, slot: Slot, job: tuple) -> tuple[str, object]:
        from server.jobqueue import Released

        out = slot.run(job, self.timeout_s)
        if self._stop.is_set():  # its process was stopped with the server: not a failure
            raise Released
        return out

    def _heartbeat(self) -> None:
        from server import jobqueue

        while not self._stop.wait(self.lease_s / 3):
            with self._held_lock:
                held = list(self._held.values())
            try:
                with self.runner.sessions() as s:
                    jobqueue.extend(s, held, self.lease_s)
            except Exception:
                log.exception("extending pre-read leases failed")

    def shutdown(self) -> None:
        self._stop.set()
        self._wake.set()
        for slot in self._slots:
            slot.stop(kill=True)
        for t in self._threads:
            if t.is_alive():
                t.join(timeout=5)
