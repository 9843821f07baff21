"""Findings dock: what the current case's viewer reports (AI output labelled as such).

Findings of one AI model come under one header row naming it once ("AI output",
model and version — from the finding's ``model`` ``{"name", "version"}`` when it
has one, else its ``source`` — and "not for clinical use" when the finding says so
with ``not_for_clinical_use``) instead of repeating the model on every row.  A finding
may carry ``notes``: further lines shown under its text (e.g. another doctor's
decision on it); an entry with ``kind`` "notes" is the analysis' own notes (what
it could not do), shown in grey without a grade icon.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
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
        # a long hint (English) must not widen the dock and squeeze the case beside it
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setStyleSheet("color:#5f6368")
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.hint)
        self.setWidget(body)
        self.findings: list[dict] = []
        self.wanted = True  # the user's choice (View menu, the dock's close button)
        self.toggleViewAction().triggered.connect(self._choose)
        self.retranslate()

    def _choose(self, on: bool) -> None:
        self.wanted = on

    def closeEvent(self, event) -> None:
        self.wanted = False
        super().closeEvent(event)

    def follow_case(self, is_case: bool) -> None:
        """Shown beside a case (as the user wants it); hidden on the worklist, where
        there is no case to have findings and the table needs the width."""
        self.setVisible(self.wanted and is_case)

    def set_findings(self, findings: list[dict]) -> None:
        self.findings = list(findings)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        header = None
        for f in self.findings:
            source = str(f.get("source", "") or "")
            ai = bool(source) and source != "user"
            if ai and source != header:
                self.list.addItem(self._header(f, source))
            header = source if ai else None
            lines = [str(f.get("text", ""))] + [str(n) for n in f.get("notes") or []]
            item = QListWidgetItem("\n".join(lines))
            item.setToolTip(source)
            sev = f.get("severity", "info")
            if f.get("kind") == "notes":  # what the analysis could not do: no grade, no icon
                item.setForeground(QColor("#5f6368"))
                blank = QPixmap(16, 16)  # aligned with the findings' text
                blank.fill(Qt.GlobalColor.transparent)
                item.setIcon(QIcon(blank))
                self.list.addItem(item)
                continue
            item.setIcon(icons.priority_icon(SEVERITY_PRIORITY.get(sev, Priority.ROUTINE)))
            if sev == "critical":
                item.setForeground(QColor("#b3261e"))
            self.list.addItem(item)
        self._update_hint()

    def _header(self, f: dict, source: str) -> QListWidgetItem:
        """One row naming the model of the findings below it."""
        model = dict(f.get("model") or {})
        not_clinical = bool(f.get("not_for_clinical_use"))
        if model.get("name") and model.get("version"):
            text = (
                self.tr("AI output — %1, version %2")
                .replace("%1", str(model["name"]))
                .replace("%2", str(model["version"]))
            )
        else:
            text = self.tr("AI output — %1").replace("%1", source.removeprefix("AI ").strip())
        if not_clinical:
            text += "\n" + self.tr("Not for clinical use")
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a label, not a finding to select
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QColor("#b06000") if not_clinical else QColor("#3c4043"))
        item.setData(Qt.ItemDataRole.UserRole, "header")
        return item

    def _update_hint(self) -> None:
        if not self.findings:
            self.hint.setText(
                self.tr(
                    "No AI findings for this case yet: they appear here once an AI analysis "
                    "has run (the pre-read, or the viewer's AI tools)."
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "AI findings are suggestions; they become part of a report only when a doctor "
                    "confirms them."
                )
            )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Findings"))
        self._fill()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
