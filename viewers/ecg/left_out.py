"""The channels a recording holds that were not analysed as ECG (bedside records
carry blood pressure, pleth, respiration...): listed above the status line so
the clinician sees what the AI and the paper left out, and why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.ecg.channels import left_out_warning
from app.ecg.warning_codes import code_of
from viewers.ecg.warning_text import warning_text


def channel_lines(left_out: list[str]) -> list[str]:
    """Each channel left out and why, in the user's language: ``"ABP (mmHg) — <reason>"``
    (an entry stored as plain text is shown as it is)."""
    return [warning_text(item).strip() for item in left_out]


class LeftOutLabel(QLabel):
    """Hidden when every channel was analysed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left_out: list[str] = []
        self.setWordWrap(True)
        self.setStyleSheet("padding:3px 6px;background:#fef7e0;color:#5f4400")
        self.hide()

    def set_left_out(self, left_out: list[str]) -> None:
        self.left_out = list(left_out or [])
        self.retranslate()

    def retranslate(self) -> None:
        if not self.left_out:
            self.hide()
            return
        head = QCoreApplication.translate(
            "EcgLeftOut", "Not analysed (not ECG leads, %1 channels):"
        )
        head = head.replace("%1", str(len(self.left_out)))
        self.setText(head + " " + "; ".join(channel_lines(self.left_out)))
        self.show()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def status_warnings(warnings: list[str], left_out: list[str]) -> list[str]:
    """The reader's warnings without the one this label already shows."""
    if not left_out:
        return list(warnings)
    skip = left_out_warning(left_out)  # also when stored as plain text
    return [w for w in warnings if code_of(w) != "channels_left_out" and w != skip]
