"""Sync with the regional server, plugged into the shell (``ui.extensions``).

Status bar: the sync state in words.  File menu: sign in to the server, sync
now, open a huizhen:// link.  Case menu: request consultation, sync
conflicts.  Each open case shows its consultation timeline; files of a case
pulled from the server are downloaded in the background on first open.  All
network work runs on ``app.sync.SyncService``'s thread or the job runner.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from app.readers.dicomweb_case import CaseStreamer, set_streamer
from app.sync import BadAddress, LoginExpired, Offline, SyncClient, SyncService, SyncState
from app.sync.casefile import consult_prefill, consults_of
from app.sync.engine import cached_directory, refresh_directory
from app.sync.files import download_study, missing_files
from app.sync.links import BadLink, find_local, parse_link
from app.sync.outbox import counts
from app.sync.pull import fetch_case
from app.sync.relay import queue_report_change
from app.sync.status import Snapshot
from ui.conflict_dialog import ConflictDialog
from ui.consult_dialog import ConsultDialog, TimelineStrip
from ui.latest import Latest
from ui.password_dialog import PasswordChangeDialog

log = logging.getLogger(__name__)


class ServerSignIn(QDialog):
    def __init__(self, server_url: str, username: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the regional server"))
        self.setMinimumWidth(420)
        self.server = QLineEdit(server_url)
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server)
        hint = QLabel(
            self.tr(
                "Another address here holds for this sign-in only; change the saved address in Settings."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#5f6368")
        form.addRow("", hint)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.password.setFocus()


class SyncExtension(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.store, self.jobs, self.settings = window.store, window.jobs, window.settings
        self.username = window.user.username if window.user is not None else ""
        self.client = SyncClient(self.settings.server_url)
        self.service = SyncService(self.store, self.client)
        set_streamer(CaseStreamer(self.client, self.store.data_dir / "stream"))  # PACS series
        self.status = self.service.status
        self._downloading: set[int] = set()
        self.dialog = None
        self._on_status = lambda snap: self.jobs.on_ui(lambda: self.show_status(snap))
        self._on_changed = lambda _pks: self.jobs.on_ui(self.refresh_timelines)
        self._on_report = lambda *a: self.jobs.on_ui(lambda: self.queue_report(*a))
        window.settings_changed.connect(self.settings_changed)
        self.status.changed.connect(self._on_status)
        self.store.events.changed.connect(self._on_changed)
        self.store.events.report.connect(self._on_report)

        def act(slot) -> QAction:
            a = QAction(window)
            a.triggered.connect(slot)
            return a

        self.a_sign_in = act(self.sign_in)
        self.a_sync_now = act(self.service.trigger)
        self.a_open_link = act(self.open_link)
        self.a_consult = act(self.request_consultation)
        self.a_consult.setShortcut("Ctrl+Shift+C")
        self.a_conflicts = act(self.show_conflicts)
        window.file_menu_extra += [self.a_sign_in, self.a_sync_now, self.a_open_link]
        window.case_menu_extra += [self.a_consult, self.a_conflicts]
        window.cases.currentChanged.connect(self._case_changed)
        self.jobs.submit(lambda state: counts(self.store), name="sync counts",
                         on_done=lambda c: self.status.update(**c))  # fmt: skip
        # A full garbage collection scans every object in the process while holding the
        # GIL: with the shell's start-up heap that is ~70 ms of frozen UI each time the
        # sync thread's allocations trigger one.  Start-up objects live as long as the
        # app, so move them out of the collector's way (measured in bench/sync.py).
        gc.freeze()
        self.service.start()
        self.retranslate()

    # -- texts ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.a_sign_in.setText(self.tr("Sign in to &server…"))
        self.a_sync_now.setText(self.tr("S&ync now"))
        self.a_open_link.setText(self.tr("Open &link…"))
        self.a_consult.setText(self.tr("Request &consultation…"))
        self.a_conflicts.setText(self.tr("Sync c&onflicts…"))
        self.show_status(self.status.snapshot)
        for strip in self._strips():
            strip.retranslate()

    def status_text(self, snap: Snapshot) -> str:
        when = snap.last_ok.strftime("%H:%M") if snap.last_ok else ""
        text = {
            SyncState.SYNCED: self.tr("Sync: synced %1").replace("%1", when),
            SyncState.CONNECTING: self.tr("Sync: connecting…"),
            SyncState.OFFLINE: self.tr("Sync: offline: server not reachable"),
            SyncState.LOGIN_EXPIRED: self.tr("Sync: login expired — sign in again"),
            SyncState.ERROR: self.tr("Sync: error: %1").replace("%1", snap.last_error[:80]),
        }.get(snap.state) or self.tr("Sync: not signed in to the server")
        if snap.pending:
            text += " · " + self.tr("%1 waiting to send").replace("%1", str(snap.pending))
        if snap.failed:
            text += " · " + self.tr("%1 refused by the server").replace("%1", str(snap.failed))
        if snap.conflicts:
            text += " · " + self.tr("%1 conflict(s)").replace("%1", str(snap.conflicts))
        return text

    def show_status(self, snap: Snapshot) -> None:
        label = self.window.sync_label
        label.setText(self.status_text(snap))
        tip = self.tr("Server: %1").replace("%1", self.client.base_url)
        if snap.last_error:
            tip += "\n" + self.tr("Last error: %1").replace("%1", snap.last_error)
        label.setToolTip(tip)
        red = snap.state in (SyncState.LOGIN_EXPIRED, SyncState.ERROR) or snap.conflicts
        label.setStyleSheet("color:#b3261e" if red else "")

    def message(self, text: str, ms: int = 10000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # -- sign in ---------------------------------------------------------------
    def on_login(self, username: str, password: str) -> None:
        """The workstation login's credentials: sign in to the server with them in the
        background (the password lives only in this job); on failure work offline."""
        if self.client.signed_in or not username or not password:
            return

        def work(state):
            self.client.login(username, password)
            if not self.client.password_change_required:
                refresh_directory(self.store, self.client)

        def failed(err: BaseException) -> None:
            text = self.tr("Working offline: %1 Use File > Sign in to server… to retry.")
            self.message(text.replace("%1", self.error_text(err)), 20000)

        done = lambda _r: self._signed_in(self.client.base_url, username)  # noqa: E731
        self.jobs.submit(work, name="server sign-in", on_done=done, on_error=failed)

    def _signed_in(self, url: str, user: str) -> None:
        if self.client.password_change_required:  # an initial password: a new one first
            dlg = PasswordChangeDialog(self.client, self.jobs, self.window)
            dlg.changed.connect(lambda: self._password_changed(url, user))
            dlg.rejected.connect(self._password_kept)
            self.dialog = dlg
            dlg.open()
            return
        self.service.signed_in()
        self.message(self.tr("Signed in to %1 as %2").replace("%1", url).replace("%2", user))

    def _password_changed(self, url: str, user: str) -> None:
        self.jobs.submit(lambda state: refresh_directory(self.store, self.client),
                         name="server directory")  # fmt: skip
        self._signed_in(url, user)

    def _password_kept(self) -> None:
        """Without a new password the server serves nothing: stay signed out, say why."""
        self.jobs.submit(lambda state: self.client.logout(), name="server sign-out")
        self.message(self.tr("Not signed in to the server: it asks for a new password first "
                             "(File > Sign in to server…)."), 20000)  # fmt: skip

    def settings_changed(self, settings) -> None:
        """A server address saved in Settings takes effect now: the old server's tokens
        are dropped and the user is asked to sign in to the new one."""
        url = settings.server_url.strip().rstrip("/")
        if url == self.client.base_url:
            return

        def work(state):
            self.client.logout()
            self.client.set_base_url(url)

        def done(_r) -> None:
            self.status.update(state=SyncState.SIGNED_OUT, last_error="")
            text = self.tr("Server changed to %1: sign in to it (File > Sign in to server…).")
            self.message(text.replace("%1", url))

        self.jobs.submit(work, name="server address", on_done=done)

    def sign_in(self) -> None:
        dlg = ServerSignIn(self.client.base_url, self.client.username or self.username, self.window)
        dlg.buttons.accepted.connect(lambda: self._try_sign_in(dlg))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dlg
        dlg.open()

    def _try_sign_in(self, dlg: ServerSignIn) -> None:
        url, user, pw = dlg.server.text().strip(), dlg.username.text().strip(), dlg.password.text()
        dlg.buttons.setEnabled(False)
        dlg.error.setText(self.tr("Signing in…"))

        def work(state):
            if url != self.client.base_url:
                self.client.set_base_url(url)
            self.client.login(user, pw)
            if not self.client.password_change_required:
                refresh_directory(self.store, self.client)

        def done(_r) -> None:
            dlg.accept()
            self._signed_in(url, user)

        def failed(err: BaseException) -> None:
            dlg.buttons.setEnabled(True)
            dlg.error.setText(self.error_text(err))

        self.jobs.submit(work, name="server sign-in", on_done=done, on_error=failed)

    def error_text(self, err: BaseException) -> str:
        if isinstance(err, LoginExpired):
            return self.tr("Wrong user name or password for the server.")
        if isinstance(err, Offline):
            return self.tr("The server could not be reached: %1").replace("%1", str(err))
        if isinstance(err, BadAddress):
            return self.tr("Check the server address: %1").replace("%1", str(err))
        return self.tr("The server refused: %1").replace("%1", str(err))

    # -- consultation ----------------------------------------------------------
    def request_consultation(self) -> None:
        pk = self.window.current_study()
        if pk is None:
            self.message(self.tr("Select or open a case first."))
            return
        url = self.client.base_url
        self.jobs.submit(
            lambda state: consult_prefill(self.store, pk, cached_directory(self.store, url)),
            name="consult prefill",
            on_done=self.open_consult_dialog,
            on_error=lambda e: self.message(
                self.tr("The case could not be read: %1").replace("%1", str(e))
            ),
        )

    def open_consult_dialog(self, prefill) -> ConsultDialog:
        user = self.client.username or self.username
        dlg = ConsultDialog(prefill, self.store, self.jobs, self.client.server_label, user,
                            self.window)  # fmt: skip
        dlg.sent.connect(self._consult_sent)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dlg
        dlg.open()
        return dlg

    def _consult_sent(self, _pk: int) -> None:
        if self.status.state == SyncState.SYNCED:
            self.message(self.tr("Consultation request saved; sending it now."))
        else:
            self.message(
                self.tr("Consultation request saved; it is sent when the server is reachable.")
            )
        self.service.trigger()

    def queue_report(self, study_pk: int, report_pk: int, action: str) -> None:
        """A report step in the report panel: queue it for the server when it belongs there."""
        role, user = getattr(self.window.user, "role", ""), self.client.username or self.username

        def failed(err: BaseException) -> None:
            text = self.tr("The report could not be queued for the server: %1")
            self.message(text.replace("%1", str(err)))

        self.jobs.submit(
            lambda state: queue_report_change(self.store, study_pk, report_pk, action, user, role),
            name="queue report",
            on_done=lambda kinds: kinds and self.service.trigger(),
            on_error=failed,
        )

    def show_conflicts(self) -> None:
        dlg = ConflictDialog(self.store, self.jobs, self.client.username or self.username,
                             self.window)  # fmt: skip
        dlg.resolved.connect(lambda *_a: self.service.trigger())
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dlg
        dlg.open()

    # -- deep links --------------------------------------------------------------
    def open_link(self) -> None:
        text, ok = QInputDialog.getText(
            self.window, self.tr("Open link"), self.tr("Paste a huizhen://case/… link:")
        )
        if ok and text.strip():
            self.open_link_text(text)

    def open_link_text(self, text: str) -> None:
        try:
            link = parse_link(text)
        except BadLink:
            self._warn(self.tr("This is not a Huizhen case link (huizhen://case/…)."))
            return
        here = self.client.server_label
        if link.server and link.server != here:
            self._warn(
                self.tr("This link belongs to the server %1; this workstation uses %2.")
                .replace("%1", link.server)
                .replace("%2", here)
            )
            return

        def found(pk) -> None:
            if pk is not None:
                self.window.open_case(pk)
            elif link.case_id is None:
                self._warn(self.tr("This case is not on this computer (it has not been sent yet)."))
            elif not self.client.signed_in:
                self._warn(self.tr("This case is not on this computer. Sign in to the server."))
            else:
                self.message(self.tr("Fetching the case from the server…"))
                self.jobs.submit(
                    lambda state: fetch_case(self.store, self.client, link.case_id),
                    name="fetch case",
                    on_done=lambda pk: pk is not None and self.window.open_case(pk),
                    on_error=lambda e: self._warn(self.error_text(e)),
                )

        self.jobs.submit(lambda state: find_local(self.store, link), name="link", on_done=found)

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Open link"), text)

    # -- case tabs: timeline strip and downloads -----------------------------------
    def _strips(self) -> list[TimelineStrip]:
        tabs = [self.window.cases.widget(i) for i in range(self.window.cases.count())]
        return [s for s in (getattr(t, "hz_timeline", None) for t in tabs) if s is not None]

    def _case_changed(self, _index: int) -> None:
        tab = self.window.cases.currentWidget()
        pk = getattr(tab, "study_pk", None)
        if pk is None:
            return
        if getattr(tab, "hz_timeline", None) is None:
            tab.hz_timeline = TimelineStrip(tab)
            tab.hz_timeline.asked = Latest()  # refreshes can end out of order: newest shown
            tab.layout().insertWidget(1, tab.hz_timeline)
        self._refresh_strip(tab)
        self.jobs.submit(lambda state: missing_files(self.store, pk), name="missing files",
                         on_done=lambda missing: self._download(pk, missing))  # fmt: skip

    def _refresh_strip(self, tab) -> None:
        pk = tab.study_pk

        def show(found) -> None:
            try:
                tab.hz_timeline.set_consults(*found)
            except RuntimeError:  # the tab was closed meanwhile
                pass

        def work(state):
            from app.ai.store import acknowledged_alerts
            from app.sync.preread_state import server_preread_states

            acked = acknowledged_alerts(self.store, pk)
            return consults_of(self.store, pk), acked, server_preread_states(self.store, pk)

        self.jobs.submit(work, name="timeline", on_done=tab.hz_timeline.asked.wrap(show))

    def refresh_timelines(self) -> None:
        for strip in self._strips():
            self._refresh_strip(strip.parent())

    def _download(self, pk: int, missing: list) -> None:
        if not missing or pk in self._downloading:
            return
        if not self.client.signed_in:
            self.message(self.tr("The files of this case are on the server; sign in to get them."))
            return
        self._downloading.add(pk)
        self.message(self.tr("Downloading the case files from the server…"), 0)

        def done(_n) -> None:
            self._downloading.discard(pk)
            self.message(self.tr("Case files downloaded."))
            self.window.cases.reload_case(pk)  # so the viewer finds its files

        def failed(err: BaseException) -> None:
            self._downloading.discard(pk)
            text = self.tr("The case files could not be downloaded: %1")
            self.message(text.replace("%1", self.error_text(err)))

        self.jobs.submit(download_study, self.store, self.client, pk, name="download",
                         on_done=done, on_error=failed)  # fmt: skip

    # -- lifecycle -------------------------------------------------------------
    def shutdown(self) -> None:
        set_streamer(None)
        self.status.changed.disconnect(self._on_status)
        self.store.events.changed.disconnect(self._on_changed)
        self.store.events.report.disconnect(self._on_report)
        self.service.stop()
        self.client.close()
