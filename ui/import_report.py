"""Import report: every file with what happened to it and why."""

from __future__ import annotations

from pathlib import Path

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

COLOURS = {Outcome.FAILED: "#b3261e", Outcome.UNSUPPORTED: "#a56300"}


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Import report"))
        self.resize(820, 420)
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
        self.table.setColumnWidth(0, 260)
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
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(e.path if col == 0 else value)
                if e.outcome in COLOURS:
                    item.setForeground(QColor(COLOURS[e.outcome]))
                self.table.setItem(row, col, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)

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
            text = {
                "truncated": self.tr("The file is incomplete (cut off, e.g. during copying)"),
                "corrupt": self.tr("The file is damaged"),
                "unsupported": self.tr("This kind of study is not supported yet"),
                "empty": self.tr("The file is empty"),
                "missing": self.tr("The file no longer exists"),
                "metadata": self.tr("The patient details file beside it is damaged"),
            }.get(e.kind, self.tr("The file could not be read"))
            return f"{text} — {e.reason}" if e.reason else text
        if getattr(e, "files", 1) > 1:  # a WFDB record, a DICOM series, a slide's files
            return self.tr("%1 files, kept together as one record").replace("%1", str(e.files))
        return ""
