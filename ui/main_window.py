"""Main window: worklist + case tabs, findings dock, menus, status bar, import."""

from __future__ import annotations

import copy
import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.importer import run_import
from app.settings import Settings, save_settings
from ui import i18n
from ui.about_dialog import AboutDialog
from ui.alert_banner import AlertBanner
from ui.case_area import CaseArea
from ui.extensions import load_extensions
from ui.failure_text import failure_reason
from ui.findings_dock import FindingsDock
from ui.import_report import ImportReportDialog
from ui.labels import role_label
from ui.latest import Latest
from ui.settings_dialog import SettingsDialog
from ui.style import set_font_size
from ui.worklist_view import WorklistPanel

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    worklist_loaded = Signal()
    import_finished = Signal(object)  # ImportReport
    preread_finished = Signal(object)  # {study_pk: Preread | error message}
    settings_changed = Signal(object)  # the one Settings object, after a change was saved

    def __init__(
        self, store, jobs, settings: Settings, user=None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.jobs, self.settings, self.user = store, jobs, settings, user
        self._worklist_asked, self._alerts_asked = Latest(), Latest()
        self._alerts_sound = False  # a reload that should beep, until the newest one shows
        self.setObjectName("mainWindow")
        avail = self.screen().availableGeometry()  # a clinic's 1366x768 less its task bar
        self.resize(min(1366, avail.width()), min(800, avail.height()))
        self.setAcceptDrops(True)
        self.worklist = WorklistPanel(parent=self)
        self.worklist.open_requested.connect(self.open_case)
        self.cases = CaseArea(store, jobs, self.worklist, self)
        self.banner = AlertBanner(self)
        self.banner.open_requested.connect(self.open_case)
        self.banner.acknowledged.connect(self.acknowledge_alert)
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.banner)
        lay.addWidget(self.cases, 1)
        self.setCentralWidget(central)
        self.findings = FindingsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings)
        self.cases.current_findings.connect(self.findings.set_findings)
        self.cases.currentChanged.connect(self._place_findings)
        self.user_label, self.server_label, self.sync_label, self.jobs_label = (
            QLabel(),
            QLabel(),
            QLabel(),
            QLabel(),
        )
        for w in (self.jobs_label, self.sync_label, self.server_label, self.user_label):
            self.statusBar().addPermanentWidget(w)
        jobs.job_started.connect(lambda _j: self._update_jobs())
        jobs.job_finished.connect(lambda _j: self._update_jobs())
        self.file_menu_extra: list[QAction] = []  # filled by extensions (ui/extensions.py)
        self.case_menu_extra: list[QAction] = []
        self._make_actions()
        self.extensions = load_extensions(self)
        self.retranslate()
        store.events.changed.connect(lambda _pks: jobs.on_ui(self.reload_worklist))
        # an acknowledgement pulled from the server arrives as a change: the banner follows
        store.events.changed.connect(lambda _pks: jobs.on_ui(self.reload_alerts))
        store.events.alert.connect(lambda *_a: jobs.on_ui(lambda: self.reload_alerts(sound=True)))
        self._place_findings()
        self.reload_worklist()
        self.reload_alerts()

    def _place_findings(self, _index: int = 0) -> None:
        self.findings.follow_case(self.cases.currentWidget() is not self.worklist)

    # -- actions -----------------------------------------------------------
    def _make_actions(self) -> None:
        def act(slot, shortcut=None) -> QAction:
            a = QAction(self)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.a_import = act(self.import_files, QKeySequence.StandardKey.Open)
        self.a_import_dir = act(self.import_folder, "Ctrl+Shift+O")
        self.a_refresh = act(self.reload_worklist, QKeySequence.StandardKey.Refresh)
        self.a_quit = act(self.close, QKeySequence.StandardKey.Quit)
        self.a_worklist = act(lambda: self.cases.setCurrentIndex(0), "Ctrl+1")
        self.a_search = act(self._focus_search, QKeySequence.StandardKey.Find)
        self.a_open = act(self._open_selected, "Ctrl+Return")
        self.a_close_case = act(self.cases.close_current, QKeySequence.StandardKey.Close)
        self.a_settings = act(self.show_settings, QKeySequence.StandardKey.Preferences)
        self.a_about = act(self.show_about)
        self.a_findings = self.findings.toggleViewAction()
        self.a_findings.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.lang_group = QActionGroup(self)
        self.lang_actions = {}
        for code, name in i18n.LANGUAGES.items():
            a = QAction(name, self, checkable=True)
            a.setChecked(code == self.settings.language)
            a.triggered.connect(lambda _c=False, code=code: self.switch_language(code))
            self.lang_group.addAction(a)
            self.lang_actions[code] = a

    def retranslate(self) -> None:
        mb = self.menuBar()
        mb.clear()
        self.setWindowTitle(self.tr("Huizhen 会诊 — regional remote diagnosis"))
        labels = [
            (self.a_import, self.tr("&Import files…")),
            (self.a_import_dir, self.tr("Import &folder…")),
            (self.a_refresh, self.tr("&Refresh worklist")),
            (self.a_quit, self.tr("&Quit")),
            (self.a_worklist, self.tr("&Worklist")),
            (self.a_search, self.tr("&Search worklist")),
            (self.a_findings, self.tr("&Findings panel")),
            (self.a_open, self.tr("&Open selected case")),
            (self.a_close_case, self.tr("&Close case")),
            (self.a_settings, self.tr("&Settings…")),
            (self.a_about, self.tr("&About Huizhen")),
        ]
        for a, text in labels:
            a.setText(text)
        m = mb.addMenu(self.tr("&File"))
        m.addActions([self.a_import, self.a_import_dir, self.a_refresh])
        if self.file_menu_extra:
            m.addSeparator()
            m.addActions(self.file_menu_extra)
        m.addSeparator()
        m.addAction(self.a_quit)
        m = mb.addMenu(self.tr("&View"))
        m.addActions([self.a_worklist, self.a_search, self.a_findings])
        lang = m.addMenu(self.tr("&Language"))
        lang.addActions(list(self.lang_actions.values()))
        m = mb.addMenu(self.tr("&Case"))
        m.addActions([self.a_open, self.a_close_case])
        if self.case_menu_extra:
            m.addSeparator()
            m.addActions(self.case_menu_extra)
        m = mb.addMenu(self.tr("&Tools"))
        m.addAction(self.a_settings)
        m = mb.addMenu(self.tr("&Help"))
        m.addAction(self.a_about)
        self.cases.retitle()
        self._update_status()
        for ext in getattr(self, "extensions", []):
            if hasattr(ext, "retranslate"):
                ext.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def on_login(self, username: str, password: str) -> None:
        """Hand the workstation sign-in to the extensions (the server sign-in)."""
        for ext in self.extensions:
            if hasattr(ext, "on_login"):
                ext.on_login(username, password)

    # -- status bar ----------------------------------------------------------
    def _update_status(self) -> None:
        if self.user is not None:
            org = self.user.org.name if self.user.org else ""
            self.user_label.setText(
                f"{self.user.display_name} · {role_label(self.user.role)}"
                + (f" · {org}" if org else "")
            )
        else:
            self.user_label.setText("")
        self.server_label.setText(self.tr("Server: %1").replace("%1", self.settings.server_url))
        self.sync_label.setText(self.tr("Sync: local only (not connected)"))
        self._update_jobs()

    def _update_jobs(self) -> None:
        n = len(self.jobs.runner.active)
        self.jobs_label.setText(self.tr("Working… (%1)").replace("%1", str(n)) if n else "")

    # -- worklist ------------------------------------------------------------
    def reload_worklist(self) -> None:
        def done(rows) -> None:
            self.worklist.model.set_rows(rows)
            self.worklist_loaded.emit()

        def failed(err: BaseException) -> None:
            self.statusBar().showMessage(
                self.tr("Could not load the worklist: %1").replace("%1", failure_reason(err)), 10000
            )

        self.jobs.submit(
            lambda state: self.store.worklist_rows(),
            name="worklist",
            on_done=self._worklist_asked.wrap(done),
            on_error=failed,
        )

    def reload_alerts(self, sound: bool = False) -> None:
        """Open alerts in red; recently acknowledged ones say who and when."""
        from app.ai.store import recent_acks

        self._alerts_sound = self._alerts_sound or sound

        def show(found) -> None:
            beep, self._alerts_sound = self._alerts_sound, False
            self.banner.set_alerts(found[0], beep, found[1])

        self.jobs.submit(
            lambda state: (self.store.open_alerts(), recent_acks(self.store)),
            name="alerts",
            on_done=self._alerts_asked.wrap(show),
        )

    def acknowledge_alert(self, alert_id: int) -> None:
        self.jobs.submit(
            lambda state: self.store.acknowledge_alert(alert_id),
            name="ack",
            on_done=lambda _r: self.reload_alerts(),
        )

    def _focus_search(self) -> None:
        self.cases.setCurrentIndex(0)
        self.worklist.search.setFocus()
        self.worklist.search.selectAll()

    def current_study(self) -> int | None:
        """The case the user is looking at: the current case tab, else the selected row."""
        w = self.cases.currentWidget()
        pk = getattr(w, "study_pk", None)
        return pk if pk is not None else self.worklist.selected_study()

    def _open_selected(self) -> None:
        pk = self.worklist.selected_study()
        if pk is not None:
            self.open_case(pk)

    def open_case(self, study_pk: int) -> None:
        self.cases.open_case(study_pk)

    # -- import --------------------------------------------------------------
    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"))
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import folder"))
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]) -> None:
        def done(report) -> None:
            self.import_finished.emit(report)
            self.start_preread(report.new_study_pks)
            dlg = ImportReportDialog(report, self)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.open()  # window-modal, does not block the event loop
            self.import_dialog = dlg

        def failed(err: BaseException) -> None:
            from ui.read_errors import detail_line, error_parts

            message, detail = error_parts(err)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import failed"), "", parent=self)
            box.setText(
                self.tr("The import stopped: %1\nNothing already imported was lost.").replace(
                    "%1", message
                )
            )
            box.setInformativeText(detail_line(detail))
            box.open()
            self.import_failed_box = box

        self.jobs.run_with_progress(
            self,
            self.tr("Importing…"),
            run_import,
            self.store,
            paths,
            on_done=done,
            on_error=failed,
        )

    def start_preread(self, study_pks: list[int]) -> None:
        """AI pre-read of new studies in the background; results land in the worklist."""
        if not study_pks:
            return
        try:
            from inference.preread import run_preread
        except ImportError:
            return

        def done(results: dict) -> None:
            failed = [pk for pk, r in results.items() if isinstance(r, str)]
            if failed:
                self.statusBar().showMessage(
                    self.tr(
                        "AI pre-read failed for %1 case(s); they stay in the worklist for "
                        "manual review."
                    ).replace("%1", str(len(failed))),
                    15000,
                )
            self.preread_finished.emit(results)

        self.jobs.submit(
            run_preread,
            self.store,
            study_pks,
            name="AI pre-read",
            on_done=done,
            on_error=lambda e: self.statusBar().showMessage(
                self.tr("AI pre-read stopped: %1").replace("%1", failure_reason(e)), 15000
            ),
        )

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- dialogs -------------------------------------------------------------
    def show_settings(self) -> None:
        dlg = SettingsDialog(self.settings, self)
        if dlg.exec():
            self.apply_settings(dlg.result_settings)

    def switch_language(self, lang: str) -> None:
        new = copy.deepcopy(self.settings)
        new.language = lang
        self.apply_settings(new)

    def apply_settings(self, new: Settings) -> None:
        """The one place settings change: saved atomically, then taken in place by the one
        Settings object everyone holds, then announced (``settings_changed``)."""
        old = copy.deepcopy(self.settings)
        try:
            save_settings(new)
        except OSError as err:
            QMessageBox.warning(
                self,
                self.tr("Settings"),
                self.tr("Settings could not be saved: %1").replace("%1", failure_reason(err)),
            )
        self.settings.update_from(new)
        if new.language != old.language:
            i18n.install(new.language)
        self.lang_actions[new.language].setChecked(True)
        if new.font_size != old.font_size:
            set_font_size(QApplication.instance(), new.font_size)
        self._update_status()
        self.settings_changed.emit(self.settings)

    def show_about(self) -> None:
        AboutDialog(str(self.settings.data_path), self).exec()

    def closeEvent(self, event) -> None:
        for ext in self.extensions:
            if hasattr(ext, "shutdown"):
                ext.shutdown()
        for tab in self.cases.case_tabs():
            tab.close()
        super().closeEvent(event)
