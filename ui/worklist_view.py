"""Worklist panel: filter bar + table view over ``WorklistModel``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import Modality, Priority, Status
from ui.labels import modality_label, priority_label, status_label
from ui.worklist_model import COLUMNS, WorklistFilter, WorklistModel

DATE_RANGES = (None, 1, 7, 30, 365)


class WorklistPanel(QWidget):
    open_requested = Signal(int)  # study pk

    def __init__(self, model: WorklistModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model or WorklistModel(self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.modality = QComboBox()
        self.priority = QComboBox()
        self.dates = QComboBox()
        self.count = QLabel()
        self.table = QTableView()
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.apply_filter)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for w in (self.status, self.modality, self.priority, self.dates):
            bar.addWidget(w, 1)
        bar.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.table)

        t = self.table
        t.setModel(self.model)
        # enabling sorting sorts by the header's indicator (column 0, descending: routine
        # above urgent): keep the model's own default, newest first
        column, order = self.model.sort_column, self.model.sort_order
        t.setSortingEnabled(True)
        t.sortByColumn(column, order)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setDefaultSectionSize(26)
        t.horizontalHeader().setStretchLastSection(True)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in zip(COLUMNS, (90, 160, 110, 80, 110, 130, 150, 220), strict=False):
            t.setColumnWidth(COLUMNS.index(col), width)
        t.doubleClicked.connect(
            lambda idx: self.open_requested.emit(self.model.row_at(idx.row()).study_pk)
        )
        t.activated.connect(
            lambda idx: self.open_requested.emit(self.model.row_at(idx.row()).study_pk)
        )

        self.search.textChanged.connect(lambda _: self._debounce.start())
        for combo in (self.status, self.modality, self.priority, self.dates):
            combo.currentIndexChanged.connect(lambda _: self.apply_filter())
        self.model.modelReset.connect(self._update_count)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search patient name or ID…"))
        self._fill(
            self.status, self.tr("All statuses"), [(s.value, status_label(s)) for s in Status]
        )
        self._fill(
            self.modality,
            self.tr("All modalities"),
            [(m.value, modality_label(m)) for m in Modality if m is not Modality.OTHER],
        )
        self._fill(
            self.priority,
            self.tr("All priorities"),
            [(int(p), priority_label(p)) for p in Priority],
        )
        self._fill(
            self.dates,
            self.tr("Any date"),
            [
                (1, self.tr("Today")),
                (7, self.tr("Last 7 days")),
                (30, self.tr("Last 30 days")),
                (365, self.tr("Last year")),
            ],
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._update_count()

    @staticmethod
    def _fill(combo: QComboBox, any_label: str, items) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_label, None)
        for value, label in items:
            combo.addItem(label, value)
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)

    def current_filter(self) -> WorklistFilter:
        return WorklistFilter(
            text=self.search.text().strip(),
            status=self.status.currentData() or "",
            modality=self.modality.currentData() or "",
            priority=self.priority.currentData(),
            days=self.dates.currentData(),
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("%1 of %2 cases")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(self.model.total))
        )

    def selected_study(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).study_pk if rows else None

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
