"""Findings dock: what the current case's viewer reports (AI output labelled as such)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import Priority
from ui import icons

SEVERITY_PRIORITY = {"critical": Priority.CRITICAL, "urgent": Priority.URGENT}


class FindingsDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsDock")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#5f6368")
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.hint)
        self.setWidget(body)
        self.findings: list[dict] = []
        self.retranslate()

    def set_findings(self, findings: list[dict]) -> None:
        self.findings = list(findings)
        self.list.clear()
        for f in self.findings:
            item = QListWidgetItem(f.get("text", ""))
            source = f.get("source", "")
            item.setToolTip(source)
            if source and source != "user":
                ai = self.tr("AI")
                label = source if source.startswith("AI") else f"{ai}: {source}"
                item.setText(f"{f.get('text', '')}\n[{label}]")
            sev = f.get("severity", "info")
            item.setIcon(icons.priority_icon(SEVERITY_PRIORITY.get(sev, Priority.ROUTINE)))
            if sev == "critical":
                item.setForeground(QColor("#b3261e"))
            self.list.addItem(item)
        self._update_hint()

    def _update_hint(self) -> None:
        if not self.findings:
            self.hint.setText(self.tr("No findings for the current case."))
        else:
            self.hint.setText(
                self.tr(
                    "AI findings are suggestions; they become part of a report only when a doctor "
                    "confirms them."
                )
            )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Findings"))
        self._update_hint()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
