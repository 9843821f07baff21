"""Import report: every file with what happened to it and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.importer import ImportReport, Outcome
from ui.labels import modality_label, outcome_label
from ui.read_errors import detail_line, failure_line, reason_text

COLOURS = {Outcome.FAILED: "#b3261e", Outcome.UNSUPPORTED: "#a56300"}


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Import report"))
        self.resize(960, 440)  # fits a clinic PC's 1366x768 screen
        n_ok = report.count(Outcome.IMPORTED)
        n_dup = report.count(Outcome.DUPLICATE)
        n_bad = len(report.problems)
        text = self.tr("%1 imported, %2 already in the store, %3 could not be imported.")
        text = text.replace("%1", str(n_ok)).replace("%2", str(n_dup)).replace("%3", str(n_bad))
        if report.cancelled:
            text += " " + self.tr("Import was cancelled; files already imported are kept.")
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(report.entries), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Result"), self.tr("Modality"), self.tr("Reason")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 240)
        self.table.setWordWrap(True)  # a reason in full, on two lines where it must
        # problems first: they are what the user has to act on
        entries = sorted(
            report.entries, key=lambda e: e.outcome not in (Outcome.FAILED, Outcome.UNSUPPORTED)
        )
        for row, e in enumerate(entries):
            cells = [
                Path(e.path).name,
                outcome_label(e.outcome),
                modality_label(e.modality) if e.modality else "",
                self.reason(e),
            ]
            detail = self.detail(e)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                # the full path on the file; the technical detail, when there is one, on the row
                tip = e.path if col == 0 else ""
                item.setToolTip("\n".join(x for x in (tip, detail_line(detail)) if x))
                item.setData(Qt.ItemDataRole.UserRole, detail)
                if e.outcome in COLOURS:
                    item.setForeground(QColor(COLOURS[e.outcome]))
                self.table.setItem(row, col, item)
        # the reader's English message: technical detail, smaller, under the table
        self.detail_label = QLabel()
        self.detail_label.setObjectName("technicalDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setStyleSheet("color: #666; font-size: small")
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setVisible(False)  # shown for a row that has a technical detail
        self.table.currentCellChanged.connect(self._show_detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.detail_label)
        lay.addWidget(buttons)
        failed = [r for r, e in enumerate(entries) if self.detail(e)]
        if failed:  # the first failure's technical detail shown below the table
            self.table.setCurrentCell(failed[0], 3)

    def reason(self, e) -> str:
        text = self._reason(e)
        if getattr(e, "files", 1) > 1 and e.outcome is not Outcome.IMPORTED:
            text = self.tr("%1 files: %2").replace("%1", str(e.files)).replace("%2", text)
        return text

    def _reason(self, e) -> str:
        if e.outcome is Outcome.UNSUPPORTED:
            return self.tr("Not a format Huizhen can read")
        if e.outcome is Outcome.DUPLICATE:
            return self.tr("Already in the store (nothing changed)")
        if e.outcome is Outcome.FAILED:
            return failure_line(e.kind, getattr(e, "why", None))
        if getattr(e, "files", 1) > 1:  # a WFDB record, a DICOM series, a slide's files
            return self.tr("%1 files, kept together as one record").replace("%1", str(e.files))
        return ""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        # row heights follow the reason column's width, once the table is laid out
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    @staticmethod
    def detail(e) -> str:
        """The reader's English message of a failed line when no coded reason already says
        it in the user's language (technical detail), or ""."""
        if e.outcome is not Outcome.FAILED or reason_text(getattr(e, "why", None)):
            return ""
        return e.reason

    def _show_detail(self, row: int, _col: int = 0, *_prev) -> None:
        item = self.table.item(row, 3) if row >= 0 else None
        detail = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        self.detail_label.setText(detail_line(detail or ""))
        self.detail_label.setVisible(bool(detail))
