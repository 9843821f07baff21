"""Critical-alert banner: unmissable, one click to open the case, acknowledge button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.ai_text import ai_line
from ui.labels import display_name


class AlertBanner(QFrame):
    open_requested = Signal(int)  # study pk
    acknowledged = Signal(int)  # alert id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.setStyleSheet(
            "#alertBanner { background:#b3261e; border-radius:4px; }"
            "#alertBanner QLabel { color:white; font-weight:bold; font-size:11pt; }"
            "#alertBanner QPushButton { background:white; color:#b3261e; font-weight:bold;"
            " padding:4px 12px; border-radius:3px; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_btn = QPushButton()
        self.ack_btn = QPushButton()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.open_btn)
        lay.addWidget(self.ack_btn)
        self.alerts: list = []
        self.open_btn.clicked.connect(self._open)
        self.ack_btn.clicked.connect(self._ack)
        self.retranslate()
        self.hide()

    def set_alerts(self, alerts: list, sound: bool = False) -> None:
        new = {a.alert_id for a in alerts} - {a.alert_id for a in self.alerts}
        self.alerts = list(alerts)
        self._update()
        if new and sound:
            QApplication.beep()

    def _update(self) -> None:
        if not self.alerts:
            self.hide()
            return
        a = self.alerts[0]
        more = len(self.alerts) - 1
        text = self.tr("CRITICAL — %1 (%2): %3").replace("%1", display_name(a.patient_name))
        what = a.message
        if a.ai_findings:  # the AI's findings in the user's language, with its model
            what = "AI (" + a.ai_model + "): " + ai_line(a.ai_findings, None)
        text = text.replace("%2", a.patient_id).replace("%3", what)
        if more:
            text += "  " + self.tr("(+%1 more)").replace("%1", str(more))
        self.text.setText("⚠ " + text)
        self.show()

    def _open(self) -> None:
        if self.alerts:
            self.open_requested.emit(self.alerts[0].study_pk)

    def _ack(self) -> None:
        if self.alerts:
            self.acknowledged.emit(self.alerts[0].alert_id)

    def retranslate(self) -> None:
        self.open_btn.setText(self.tr("Open case"))
        self.ack_btn.setText(self.tr("Acknowledge"))
        self._update()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
