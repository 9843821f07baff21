"""Desktop notification when a sync brings a consult or a signed report
(shell extension, ``ui.extensions``).

A tray message (where the desktop has a system tray) and a sound
(``QApplication.beep``: no sound file ships), plus the status bar line; a
click on the message opens the case.  The patient's name is read on the job
runner.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ui.labels import display_name


def _patient(store, study_pk: int) -> str:
    st = store.study(study_pk)
    return st.patient.name if st is not None else ""


class Notifier(QObject):
    notified = Signal(str, int, str)  # kind, study_pk, text

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.store, self.jobs = window, window.store, window.jobs
        self.last: tuple[str, int, str] | None = None
        self._open_pk: int | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.windowIcon(), self)
            self.tray.messageClicked.connect(self._open)
            self.tray.show()
        self._on_arrived = lambda kind, pk: self.jobs.on_ui(lambda: self.arrived(kind, pk))
        self.store.events.arrived.connect(self._on_arrived)

    def arrived(self, kind: str, study_pk: int) -> None:
        self.jobs.submit(lambda state: _patient(self.store, study_pk), name="notify",
                         on_done=lambda name: self.notify(kind, study_pk, name))  # fmt: skip

    def notify(self, kind: str, study_pk: int, patient: str) -> None:
        who = display_name(patient) or self.tr("a patient")
        if kind == "consult":
            title = self.tr("New consultation request")
            text = self.tr("A clinic asks for your opinion on %1.").replace("%1", who)
        else:
            title = self.tr("Report signed")
            text = self.tr("The specialist's signed report for %1 has arrived.").replace("%1", who)
        self.last = (kind, study_pk, text)
        self._open_pk = study_pk
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10000)
        QApplication.beep()
        self.window.statusBar().showMessage(f"{title}: {text}", 20000)
        self.notified.emit(kind, study_pk, text)

    def _open(self) -> None:
        if self._open_pk is not None:
            self.window.open_case(self._open_pk)

    def retranslate(self) -> None:
        pass

    def shutdown(self) -> None:
        self.store.events.arrived.disconnect(self._on_arrived)
        if self.tray is not None:
            self.tray.hide()
