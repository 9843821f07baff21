"""Pre-reads in a bounded pool of separate processes.

Each worker is its own process (``spawn``: the same on Linux and Windows), with
an address-space limit (POSIX ``RLIMIT_AS``; Windows relies on the time limit)
and a per-job time limit: a huge or hostile record can fail its own pre-read
but cannot grow the server or stall it.  A job past its time is killed with
its process, which is started again; a process that dies (memory) fails only
its job.  A long recording is analysed on a window of it
(``server.preread.analysis_window``).  Jobs wait in one queue, most urgent first: critical cases, then
ECGs (minutes matter for a STEMI), then small files; with more than one worker
a long analysis of one clinic's upload never holds up another clinic's alert.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import multiprocessing as mp
import os
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("huizhen.server.prereadpool")


def _limit_memory(mem_bytes: int) -> None:
    if mem_bytes and os.name == "posix":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))


def _worker(conn, plugins: list[str], mem_bytes: int, window_s: float = 0.0) -> None:
    """The worker process: load the analyzers, then analyse jobs until told to stop."""
    _limit_memory(mem_bytes)
    from server.preread import Unavailable, _call, get, load_plugins

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
        try:
            result = _call(get(modality), Path(blob), filename, digest, window_s, others)
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


class PrereadPool:
    """``submit(key, work)``: ``work(analyse)`` runs on a pool thread, lowest key
    first; ``analyse(job)`` runs ``job`` in that thread's worker process and
    returns ``(kind, payload)``: ("ok", result dict), ("skipped", why) or
    ("failed", why)."""

    def __init__(
        self, workers: int, timeout_s: float, mem_bytes: int, plugins: list[str],
        window_s: float = 0.0,
    ) -> None:  # fmt: skip
        self.timeout_s = timeout_s
        self._heap: list = []
        self._seq = itertools.count()
        self._cv = threading.Condition()
        self._stopped = False
        self._slots = [Slot(list(plugins), mem_bytes, window_s) for _ in range(max(1, workers))]
        self._threads = [
            threading.Thread(target=self._loop, args=(slot,), name="preread", daemon=True)
            for slot in self._slots
        ]
        for t in self._threads:
            t.start()

    def submit(self, key: tuple, work: Callable[[Callable[[tuple], tuple]], None]) -> None:
        with self._cv:
            heapq.heappush(self._heap, (key, next(self._seq), work))
            self._cv.notify()

    def _loop(self, slot: Slot) -> None:
        while True:
            with self._cv:
                while not self._heap and not self._stopped:
                    self._cv.wait()
                if self._stopped:
                    return
                _key, _n, work = heapq.heappop(self._heap)
            try:
                work(lambda job: slot.run(job, self.timeout_s))
            except Exception:
                log.exception("a pre-read job failed")

    def shutdown(self) -> None:
        with self._cv:
            self._stopped = True
            self._cv.notify_all()
        for slot in self._slots:
            slot.stop(kill=True)
