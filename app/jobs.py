"""Background jobs, Qt-free (Orange3 style).

Long work is a plain function ``fn(*args, state=TaskState)`` that reports
progress through ``state.progress()`` and calls ``state.check()`` between
steps so a cancel request stops it.  ``JobRunner`` runs such functions on a
thread pool and calls back with the result or the error; the Qt adapter in
``ui/qt_jobs.py`` moves those callbacks onto the UI thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from app.events import EventEmitter

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job when the user asked to cancel it."""


class TaskState:
    """Passed to a job function: progress reporting and cancel checks."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.fraction = 0.0
        self.message = ""
        self.events = _StateEvents()

    def progress(self, fraction: float, message: str | None = None) -> None:
        self.fraction = min(max(float(fraction), 0.0), 1.0)
        if message is not None:
            self.message = message
        self.events.progress.emit(self.fraction, self.message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _StateEvents:
    def __init__(self) -> None:
        self.progress = EventEmitter("progress")


@dataclass
class Job:
    id: int
    name: str
    state: TaskState
    future: Future = field(repr=False)
    started: float = field(default_factory=time.monotonic)

    def cancel(self) -> None:
        self.state.cancel()
        self.future.cancel()

    @property
    def done(self) -> bool:
        return self.future.done()


class JobRunner:
    """Runs job functions on worker threads; never blocks the caller."""

    def __init__(self, max_workers: int = 4) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="huizhen-job")
        self._ids = itertools.count(1)
        self._jobs: dict[int, Job] = {}
        self._lock = threading.Lock()
        self.events = _RunnerEvents()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        name: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> Job:
        state = TaskState()
        job_id = next(self._ids)

        def call() -> Any:
            state.check()
            return fn(*args, state=state, **kwargs)

        try:
            future = self._pool.submit(call)
        except RuntimeError:  # shut down: late work (a widget closing with the app) is dropped
            log.debug("job %r submitted after shutdown: dropped", name or fn)
            future = Future()
            future.cancel()
            return Job(job_id, name or getattr(fn, "__name__", "job"), state, future)
        job = Job(job_id, name or getattr(fn, "__name__", "job"), state, future)
        with self._lock:
            self._jobs[job_id] = job
        self.events.started.emit(job)

        def finished(f: Future) -> None:
            with self._lock:
                self._jobs.pop(job_id, None)
            if f.cancelled():
                if on_cancel:
                    on_cancel()
            else:
                err = f.exception()
                if isinstance(err, Cancelled):
                    if on_cancel:
                        on_cancel()
                elif err is not None:
                    # the caller shows the error; the traceback is for debugging only
                    log.warning("job %s failed: %s", job.name, err)
                    log.debug("job %s traceback", job.name, exc_info=err)
                    if on_error:
                        on_error(err)
                elif on_done:
                    on_done(f.result())
            self.events.finished.emit(job)

        future.add_done_callback(finished)
        return job

    @property
    def active(self) -> list[Job]:
        with self._lock:
            return list(self._jobs.values())

    def shutdown(self, cancel: bool = True, wait: bool = True) -> None:
        if cancel:
            for job in self.active:
                job.cancel()
        self._pool.shutdown(wait=wait, cancel_futures=cancel)


class _RunnerEvents:
    def __init__(self) -> None:
        self.started = EventEmitter("started")
        self.finished = EventEmitter("finished")
