"""Worker processes for tile work, each with its own pipe ("spawn", as on Windows).

``multiprocessing.Pool`` was used before and could stall a run with no tile
ever coming back.  Its workers share one task queue, and a waiting worker
holds that queue's lock while it blocks reading: a worker that dies there
(killed by the system for memory, ended from a task manager) leaves the lock
held, so every other worker, and each one the Pool starts in its place,
waits on it for ever.  A worker that dies while starting is silently started
again, without end.  Here every worker has its own pipe, nothing is shared:
a worker that dies loses only the tile it held, which goes to another
worker; one that dies again and again stops the run with a message.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable

POLL_S = 0.1  # how often the caller's thread looks at cancel while waiting
MAX_DEATHS = 3  # worker processes that may die in one run before it gives up
STALL_S = 600.0  # no result for this long from live workers: give up


class WorkerDied(RuntimeError):
    """Worker processes ended while running tiles (a crash, the memory limit)."""


def _serve(conn) -> None:
    """The worker process: run ``(index, fn, args)`` messages until told to stop.

    One core per worker: the thread counts are set before the first task
    imports numpy (this module sits outside ``inference.wsi`` so that loading
    it imports nothing heavy).
    """
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        index, fn, args = msg
        try:
            out = ("ok", index, fn(*args))
        except Exception as err:  # sent back and raised in the caller
            out = ("error", index, f"{type(err).__name__}: {err}")
        try:
            conn.send(out)
        except (OSError, ValueError):
            return


class _Worker:
    def __init__(self) -> None:
        self.proc = None
        self.conn = None
        self.job: tuple | None = None

    def start(self) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child,), daemon=True, name="huizhen-tiles")
        try:
            proc.start()
        except BaseException:
            self.conn.close()
            self.conn = None
            raise
        finally:
            child.close()
        self.proc, self.job = proc, None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.is_alive()

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                kill = True
        if kill:
            self.proc.kill()
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()
        self.proc, self.conn, self.job = None, None, None


class WorkerPool:
    """``n`` worker processes, kept between runs (starting one costs seconds)."""

    def __init__(self, n: int) -> None:
        self.workers = [_Worker() for _ in range(max(1, n))]

    def pids(self) -> list[int]:
        return [w.proc.pid for w in self.workers if w.proc is not None]

    def close(self, kill: bool = False) -> None:
        for w in self.workers:
            w.stop(kill=kill)

    def run(
        self,
        fn: Callable,
        tasks: list[tuple],
        on_result: Callable[[int, object], None],
        cancelled: Callable[[], bool] = lambda: False,
    ) -> None:
        """``fn(*tasks[i])`` for every ``i`` on the workers; ``on_result(i, value)`` as each ends.

        Raises ``WorkerDied`` when workers keep dying, ``RuntimeError`` with the
        worker's error text when a task fails; returns early (nothing raised)
        when ``cancelled()`` turns true — the caller then closes the pool.
        """
        from multiprocessing.connection import wait

        todo = deque(enumerate(tasks))
        left, deaths, last = len(tasks), 0, time.monotonic()
        for w in self.workers:
            if not w.alive():  # ended between runs: a new one in its place
                w.stop(kill=True)
                w.start()

        def feed(w: _Worker) -> None:
            if todo and w.job is None:
                w.job = todo.popleft()
                try:
                    w.conn.send((w.job[0], fn, w.job[1]))
                except OSError:  # died meanwhile: noticed by its sentinel
                    pass

        for w in self.workers:
            feed(w)
        while left:
            if cancelled():
                return
            busy = [w for w in self.workers if w.job is not None]
            handles = [w.conn for w in busy] + [w.proc.sentinel for w in busy]
            ready = set(wait(handles, timeout=POLL_S))
            if not ready and time.monotonic() - last > STALL_S:
                raise WorkerDied("no tile finished for 10 minutes")
            for w in busy:
                if w.conn not in ready and w.proc.sentinel not in ready:
                    continue
                msg = None
                try:
                    if w.conn.poll():
                        msg = w.conn.recv()
                except (EOFError, OSError):
                    msg = None
                if msg is None:  # the process ended: its tile goes to another one
                    deaths += 1
                    code = w.proc.exitcode if w.proc is not None else None
                    if deaths > MAX_DEATHS:
                        raise WorkerDied(
                            f"worker processes ended {deaths} times (exit code {code})"
                        )
                    todo.appendleft(w.job)
                    w.stop(kill=True)
                    w.start()
                    feed(w)
                    continue
                status, index, value = msg
                w.job = None
                last = time.monotonic()
                if status != "ok":
                    raise RuntimeError(value)
                left -= 1
                on_result(index, value)
                feed(w)
