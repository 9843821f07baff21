"""The channels a recording holds that were not analysed as ECG (bedside records
carry blood pressure, pleth, respiration...): listed above the status line so
the clinician sees what the AI and the paper left out, and why."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.ecg.channels import left_out_warning

_UNIT = re.compile(r"^unit (.+) is not a voltage$")


def reason_text(reason: str) -> str:
    """One reason from ``app.ecg.channels`` in the user's language."""
    translate = QCoreApplication.translate
    reason = reason.strip()
    if reason == "not an ECG signal by its name":
        return translate("EcgLeftOut", "not an ECG signal (by its name)")
    m = _UNIT.match(reason)
    if m:
        return translate("EcgLeftOut", "unit %1 is not a voltage").replace("%1", m.group(1))
    if reason.startswith("no voltage unit"):
        return translate("EcgLeftOut", "no voltage unit and no zero baseline (not an ECG)")
    return reason


def channel_lines(left_out: list[str]) -> list[str]:
    """``"ABP (mmHg): not an ECG signal by its name"`` -> ``"ABP (mmHg) — <reason>"``."""
    out = []
    for item in left_out:
        name, _, reason = item.partition(":")
        out.append(f"{name.strip()} — {reason_text(reason)}" if reason else name.strip())
    return out


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
    skip = left_out_warning(left_out) if left_out else None
    return [w for w in warnings if w != skip]
