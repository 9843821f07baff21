"""Alert banner: unmissable, one click to open the case, acknowledge button.  Critical
alerts are red and come first; urgent ones (a Lung-RADS 4B/4X chest CT) are amber.

It follows the store, which follows the server: an alert acknowledged here, on
another workstation or at the server turns the red banner into a calm line that
says who acknowledged it and when, until the user dismisses it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ui.ai_text import ai_line
from ui.finding_text import finding_text
from ui.labels import display_name

RED = (
    "#alertBanner { background:#b3261e; border-radius:4px; }"
    "#alertBanner QLabel { color:white; font-weight:bold; font-size:11pt; }"
    "#alertBanner QPushButton { background:white; color:#b3261e; font-weight:bold;"
    " padding:4px 12px; border-radius:3px; }"
)
AMBER = (
    "#alertBanner { background:#8a4b00; border-radius:4px; }"
    "#alertBanner QLabel { color:white; font-weight:bold; font-size:11pt; }"
    "#alertBanner QPushButton { background:white; color:#8a4b00; font-weight:bold;"
    " padding:4px 12px; border-radius:3px; }"
)
CALM = (
    "#alertBanner { background:#e6f4ea; border:1px solid #34a853; border-radius:4px; }"
    "#alertBanner QLabel { color:#137333; font-size:10pt; }"
    "#alertBanner QPushButton { padding:3px 10px; }"
)


def local_hm(when) -> str:
    """Naive UTC -> the local clock time: HH:MM today, else with its date as the worklist
    writes it (YYYY-MM-DD HH:MM), so an older time is not read as today's."""
    if not when:
        return ""
    local = when.replace(tzinfo=UTC).astimezone()
    today = datetime.now(UTC).astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


def alert_title(a) -> str:
    """What an alert is about, short: the finding's text when it needs no leads, else its code."""
    if not a.finding_code:
        return a.message
    from app.modalities import finding_template

    found = finding_template(a.finding_code)
    if found is None or "%1" in found[1] or "%2" in found[1]:
        return a.finding_code
    return finding_text(a.finding_code, a.message)


def _critical(a) -> bool:
    return getattr(a, "level", "critical") != "urgent"


class AlertBanner(QFrame):
    open_requested = Signal(int)  # study pk
    acknowledged = Signal(int)  # alert id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.setStyleSheet(RED)
        # one line, elided, the whole text in the tooltip: a wrapped label would make the
        # main window's height depend on its width and push it past a 768-px screen
        self.text = QLabel()
        self.text.setMinimumWidth(120)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""
        self.open_btn = QPushButton()
        self.ack_btn = QPushButton()
        self.dismiss_btn = QPushButton()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addWidget(self.text, 1)
        for b in (self.open_btn, self.ack_btn, self.dismiss_btn):
            lay.addWidget(b)
        self.alerts: list = []
        self.acked: list = []  # app.ai.store.AckedAlert, newest first
        self.dismissed: set[int] = set()
        self.open_btn.clicked.connect(self._open)
        self.ack_btn.clicked.connect(self._ack)
        self.dismiss_btn.clicked.connect(self._dismiss)
        self.retranslate()
        self.hide()

    def set_alerts(self, alerts: list, sound: bool = False, acked=()) -> None:
        new = {a.alert_id for a in alerts} - {a.alert_id for a in self.alerts}
        self.alerts = sorted(alerts, key=lambda a: not _critical(a))  # critical first
        self.acked = [a for a in acked if a.alert_id not in self.dismissed]
        self._update()
        if new and sound:
            QApplication.beep()

    def _update(self) -> None:
        if self.alerts:
            self._show_open(self.alerts[0], len(self.alerts) - 1)
        elif self.acked:
            self._show_acked(self.acked[0])
        else:
            self.hide()

    def _show_open(self, a, more: int) -> None:
        self.setStyleSheet(RED if _critical(a) else AMBER)
        text = (
            self.tr("CRITICAL — %1 (%2): %3") if _critical(a) else self.tr("URGENT — %1 (%2): %3")
        )
        text = text.replace("%1", display_name(a.patient_name))
        what = a.message
        if a.ai_findings:  # the AI's findings in the user's language, with its model
            what = "AI (" + a.ai_model + "): " + ai_line(a.ai_findings, None)
        text = text.replace("%2", a.patient_id).replace("%3", what)
        if more:
            text += "  " + self.tr("(+%1 more)").replace("%1", str(more))
        self._set_text("⚠ " + text)
        self.ack_btn.show()
        self.dismiss_btn.hide()
        self.show()

    def _show_acked(self, a) -> None:
        self.setStyleSheet(CALM)
        if _critical(a):
            text = self.tr("Critical alert (%5) for %1 (%2) acknowledged by %3 at %4")
        else:
            text = self.tr("Urgent alert (%5) for %1 (%2) acknowledged by %3 at %4")
        who = a.acknowledged_by or self.tr("another user")
        text = text.replace("%1", display_name(a.patient_name)).replace("%2", a.patient_id)
        text = text.replace("%3", who).replace("%4", local_hm(a.acknowledged_at))
        self._set_text("✓ " + text.replace("%5", alert_title(a)))
        self.ack_btn.hide()
        self.dismiss_btn.show()
        self.show()

    def _set_text(self, text: str) -> None:
        self.full_text = text
        self.text.setToolTip(text)
        self._elide()

    def _elide(self) -> None:
        width = max(self.text.width(), 120)
        elided = self.text.fontMetrics().elidedText(
            self.full_text, Qt.TextElideMode.ElideRight, width
        )
        self.text.setText(elided)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _current_study(self) -> int | None:
        if self.alerts:
            return self.alerts[0].study_pk
        return self.acked[0].study_pk if self.acked else None

    def _open(self) -> None:
        pk = self._current_study()
        if pk is not None:
            self.open_requested.emit(pk)

    def _ack(self) -> None:
        if self.alerts:
            self.acknowledged.emit(self.alerts[0].alert_id)

    def _dismiss(self) -> None:
        if self.acked:
            self.dismissed.add(self.acked.pop(0).alert_id)
        self._update()

    def retranslate(self) -> None:
        self.open_btn.setText(self.tr("Open case"))
        self.ack_btn.setText(self.tr("Acknowledge"))
        self.dismiss_btn.setText(self.tr("Dismiss"))
        self._update()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
