"""Shell extension (``ui.extensions``): applies the clinic's AI subscriptions and
shows them.

At start the cached list (if any) is applied, so an offline workstation keeps
its subscriptions; after each successful sync with the regional server the list
is asked again (at most every ``REFRESH_S`` seconds).  File menu: "AI products".
After a pre-read the status bar says when a remote product was unavailable and
the model ran locally, or did not run.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from app.ai import subscriptions
from app.ai.result import AiResult
from inference.placement import NOT_RUN, RAN_LOCALLY
from ui.aiplatform.products_dialog import AiProductsDialog

log = logging.getLogger(__name__)
REFRESH_S = 300.0


class AiProductsExtension(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.jobs = window.jobs
        self.data_dir = window.settings.data_path
        self.sync = None
        self.dialog: AiProductsDialog | None = None
        self._asked_at = 0.0
        self._busy = False
        self.notice = RemoteAiNotice(self)
        self.action = QAction(window)
        self.action.triggered.connect(self.show_products)
        window.file_menu_extra.append(self.action)
        subscriptions.apply(subscriptions.load_cached(self.data_dir))
        if hasattr(window, "preread_finished"):
            window.preread_finished.connect(self.preread_done)
        QTimer.singleShot(0, self._find_sync)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("AI products of this clinic…"))

    def _find_sync(self) -> None:
        """The sync extension (constructed before this one) owns the server client."""
        for ext in getattr(self.window, "extensions", []):
            if hasattr(ext, "client") and hasattr(ext, "status"):
                self.sync = ext
                # kept on self: the status emitter may hold its listeners weakly
                self._on_status = lambda snap: self.jobs.on_ui(lambda: self._sync_state(snap))
                ext.status.changed.connect(self._on_status)
                return

    def _sync_state(self, snap) -> None:
        state = getattr(getattr(snap, "state", None), "value", "")
        if state == "synced" and time.monotonic() - self._asked_at > REFRESH_S:
            self.refresh()

    def refresh(self) -> None:
        if self.sync is None or self._busy or not self.sync.client.signed_in:
            return
        self._busy, self._asked_at = True, time.monotonic()
        client, folder = self.sync.client, self.data_dir
        self.jobs.submit(
            lambda state: subscriptions.refresh(client, folder),
            name="AI subscriptions",
            on_done=self._fetched,
            on_error=self._failed,
        )

    def _fetched(self, state) -> None:
        self._busy = False
        subscriptions.apply(state)
        if self.dialog is not None:
            self.dialog.set_state(state)

    def _failed(self, err: BaseException) -> None:
        self._busy = False
        log.warning("AI subscriptions not refreshed: %s", err)

    def show_products(self) -> None:
        if self.dialog is None:
            self.dialog = AiProductsDialog(subscriptions.current(), self.window)
            self.dialog.refresh_requested.connect(self.refresh)
        self.dialog.set_state(subscriptions.current())
        self.dialog.show()
        self.dialog.raise_()
        self.refresh()

    def preread_done(self, results: dict) -> None:
        text = self.notice.text(results)
        if text:
            self.window.statusBar().showMessage(text, 20000)

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.close()


class RemoteAiNotice(QObject):
    """The status-bar line after a pre-read when a remote product was unavailable."""

    def text(self, results: dict) -> str:
        """What the user must know about remote AI after a pre-read ("" when nothing)."""
        not_run = sum(1 for r in results.values() if isinstance(r, str) and NOT_RUN in r)
        local = [
            r
            for r in results.values()
            if isinstance(r, AiResult) and r.model.note.startswith(RAN_LOCALLY)
        ]
        if not_run:
            return self.tr(
                "Remote AI unavailable: not run for %1 case(s); they stay in the worklist for "
                "manual review."
            ).replace("%1", str(not_run))
        if local:
            text = self.tr("Remote AI unavailable: %1 ran locally for %2 case(s).")
            name = local[0].model.product or local[0].model.label
            return text.replace("%1", name).replace("%2", str(len(local)))
        return ""
