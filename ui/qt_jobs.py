"""Qt adapter for ``app.jobs.JobRunner``.

Job callbacks arrive on worker threads; ``QtJobs`` re-emits them as Qt signals
so slots run on the UI thread.  ``run_with_progress`` adds a progress dialog
with a cancel button that appears only when the work takes over 0.5 s.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.jobs import Job, JobRunner
from ui.progress_text import progress_text

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the UI thread; signals emitted from workers are queued to it."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except RuntimeError as err:
            # a job finished after the widget it reports to was closed (tab closed while
            # loading): nothing is waiting for the result any more
            text = str(err)
            if "already deleted" in text or "has been deleted" in text:
                log.debug("late job callback dropped: %s", text)
                return
            raise


class QtJobs(QObject):
    job_started = Signal(object)
    job_finished = Signal(object)

    def __init__(self, runner: JobRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner or JobRunner()
        self._relay = _Relay()
        self.runner.events.started.connect(lambda j: self.on_ui(lambda: self.job_started.emit(j)))
        self.runner.events.finished.connect(lambda j: self.on_ui(lambda: self.job_finished.emit(j)))

    def on_ui(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the UI thread (queued)."""
        self._relay.call.emit(fn)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        name: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        **kwargs: Any,
    ) -> Job:
        def wrap(cb):
            if cb is None:
                return None
            return lambda *a: self.on_ui(lambda: cb(*a))

        job = self.runner.submit(
            fn,
            *args,
            name=name,
            on_done=wrap(on_done),
            on_error=wrap(on_error),
            on_cancel=wrap(on_cancel),
            **kwargs,
        )
        if on_progress is not None:
            shown = wrap(lambda f, message: on_progress(f, progress_text(message)))
            job.state.events.progress.connect(shown)
            if job.state.fraction or job.state.message:
                shown(job.state.fraction, job.state.message)
        return job

    def run_with_progress(
        self,
        parent: QWidget | None,
        title: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> Job:
        dlg = QProgressDialog(title, self.tr("Cancel"), 0, 1000, parent)
        dlg.setWindowTitle(title)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(500)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setValue(0)

        def progress(fraction: float, message: str) -> None:
            dlg.setValue(int(fraction * 1000))
            if message:
                dlg.setLabelText(message)

        def finish(cb, *a) -> None:
            dlg.close()
            dlg.deleteLater()
            if cb:
                cb(*a)

        job = self.submit(
            fn,
            *args,
            name=title,
            on_done=lambda r: finish(on_done, r),
            on_error=lambda e: finish(on_error, e),
            on_cancel=lambda: finish(on_cancel),
            on_progress=progress,
            **kwargs,
        )
        dlg.canceled.connect(job.cancel)
        # QProgressDialog only shows itself once a value changes after minimumDuration
        QTimer.singleShot(600, lambda: None if job.done else dlg.setValue(dlg.value()))
        return job

    def shutdown(self) -> None:
        self.runner.shutdown(cancel=True, wait=True)
