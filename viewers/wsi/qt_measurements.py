"""Measurement table of a detection layer: sort, histogram, CSV, threshold classification.

The table shows one row per detected nucleus (class and every measurement),
sorted by any column without copying the data (an index order over numpy
columns, fine for a million rows).  Below it the histogram of the chosen
measurement with the threshold line; "Classify" makes objects at or above the
threshold positive and the rest negative, recolours the layer and lists the
counts and the percentage positive per annotation and over all objects.
Results stay labelled as AI output.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewers.wsi.class_names import class_label

BINS = 40
NO_PARENT = QModelIndex()


class MeasurementModel(QAbstractTableModel):
    def __init__(self, data, parent=None) -> None:
        super().__init__(parent)
        self.set_data(data)

    def set_data(self, data) -> None:
        self.beginResetModel()
        self.data_set = data
        self.names = list(data.measurements)
        self.order = np.arange(len(data))
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent=NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2 + len(self.names)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Object")
        if section == 1:
            return self.tr("Class")
        return self.display_name(self.names[section - 2])

    def display_name(self, name: str) -> str:
        """Measurement names in the user's language (files keep QuPath's names)."""
        return {
            "Nucleus: Area µm^2": self.tr("Nucleus area (µm²)"),
            "Nucleus: Perimeter µm": self.tr("Nucleus perimeter (µm)"),
            "Nucleus: Circularity": self.tr("Nucleus circularity"),
            "Nucleus: Hematoxylin OD mean": self.tr("Nucleus haematoxylin OD mean"),
            "Nucleus: Eosin OD mean": self.tr("Nucleus eosin OD mean"),
            "Cell: Area µm^2": self.tr("Cell area (µm²)"),
            "Nucleus/Cell area ratio": self.tr("Nucleus/cell area ratio"),
        }.get(name, name)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        i = int(self.order[index.row()])
        col = index.column()
        if col == 0:
            return str(i + 1)
        if col == 1:
            return class_label(self.data_set.classes[int(self.data_set.cls[i])][0])
        v = float(self.data_set.measurements[self.names[col - 2]][i])
        return f"{v:.4g}"

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        if column == 0:
            keys = np.arange(len(self.data_set))
        elif column == 1:
            keys = self.data_set.cls
        else:
            keys = self.data_set.measurements[self.names[column - 2]]
        self.order = np.argsort(keys, kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            self.order = self.order[::-1]
        self.layoutChanged.emit()


class Histogram(QWidget):
    """Bars of one measurement with the threshold as a red line."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.counts, self.edges, self.threshold = np.zeros(0), np.zeros(1), None
        self.setMinimumHeight(110)

    def set_values(self, values: np.ndarray, threshold: float | None) -> None:
        v = np.asarray(values, float)
        v = v[np.isfinite(v)]
        if len(v):
            self.counts, self.edges = np.histogram(v, BINS)
        else:
            self.counts, self.edges = np.zeros(0), np.zeros(1)
        self.threshold = threshold
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(255, 255, 255))
        if not len(self.counts):
            p.end()
            return
        w, h = self.width() - 8, self.height() - 18
        top = max(int(self.counts.max()), 1)
        bw = w / len(self.counts)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(90, 110, 160))
        for i, c in enumerate(self.counts):
            bh = h * c / top
            p.drawRect(QRectF(4 + i * bw, 4 + h - bh, max(bw - 1, 1), bh))
        lo, hi = float(self.edges[0]), float(self.edges[-1])
        p.setPen(QColor(40, 40, 40))
        p.drawText(QPointF(4, self.height() - 3), f"{lo:.3g}")
        text = f"{hi:.3g}"
        p.drawText(
            QPointF(self.width() - 4 - p.fontMetrics().horizontalAdvance(text), self.height() - 3),
            text,
        )
        if self.threshold is not None and hi > lo:
            x = 4 + w * (self.threshold - lo) / (hi - lo)
            p.setPen(QPen(QColor(200, 0, 0), 2))
            p.drawLine(QPointF(x, 2), QPointF(x, 4 + h))
        p.end()


class MeasurementDialog(QDialog):
    classified = Signal(object)  # the class index array

    def __init__(self, data, regions, parent=None) -> None:
        super().__init__(parent)
        self.data, self.regions = data, regions  # regions: [(name, geometry)]
        self.setWindowTitle(self.tr("Measurements — AI nuclei (not for clinical use)"))
        self.resize(760, 620)
        lay = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#8a4b00")
        lay.addWidget(self.note)
        self.model = MeasurementModel(data, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        header, fm = self.table.horizontalHeader(), self.table.fontMetrics()
        for col in range(self.model.columnCount()):
            text = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, fm.horizontalAdvance(text) + 28)
        lay.addWidget(self.table, 2)
        row = QHBoxLayout()
        self.measure = QComboBox(self)
        for name in data.measurements:
            self.measure.addItem(self.model.display_name(name), name)
        self.measure.currentIndexChanged.connect(self._measure_changed)
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setDecimals(3)
        self.threshold.setRange(-1e9, 1e9)
        self.threshold.valueChanged.connect(lambda _v: self._update_histogram())
        self.b_classify = QPushButton(self)
        self.b_classify.clicked.connect(self.classify)
        self.b_csv = QPushButton(self)
        self.b_csv.clicked.connect(lambda: self.export_csv())
        self.l_threshold = QLabel(self)
        for w in (self.measure, self.l_threshold, self.threshold, self.b_classify, self.b_csv):
            row.addWidget(w)
        lay.addLayout(row)
        self.histogram = Histogram(self)
        lay.addWidget(self.histogram, 1)
        self.counts = QTreeWidget(self)
        self.counts.setRootIsDecorated(False)
        self.counts.setColumnCount(5)
        lay.addWidget(self.counts, 1)
        self.retranslate()
        pick = self.measure.findData("Nucleus: Hematoxylin OD mean")
        self.measure.setCurrentIndex(max(pick, 0))
        self._measure_changed()

    def retranslate(self) -> None:
        self.note.setText(
            self.tr("Computed by %1 — AI output, not for clinical use.").replace(
                "%1", self.data.label or "?"
            )
        )
        self.l_threshold.setText(self.tr("Positive at or above"))
        self.b_classify.setText(self.tr("Classify"))
        self.b_csv.setText(self.tr("Export CSV…"))
        self.counts.setHeaderLabels(
            [
                self.tr("Region"),
                self.tr("Negative"),
                self.tr("Positive"),
                self.tr("% positive"),
                self.tr("Total"),
            ]
        )

    def values(self) -> np.ndarray:
        name = self.measure.currentData()
        return self.data.measurements[name] if name else np.zeros(len(self.data))

    def _measure_changed(self, _index: int = 0) -> None:
        v = self.values()
        finite = v[np.isfinite(v)]
        self.threshold.blockSignals(True)
        self.threshold.setValue(float(np.median(finite)) if len(finite) else 0.0)
        self.threshold.blockSignals(False)
        self._update_histogram()

    def _update_histogram(self) -> None:
        self.histogram.set_values(self.values(), self.threshold.value())

    def classify(self) -> list:
        from inference.wsi.classify import CLASSES, region_counts, threshold_classes

        cls = threshold_classes(self.values(), self.threshold.value())
        self.data.cls = cls
        self.data.classes = [
            (self.tr("Negative"), CLASSES[0][1]),
            (self.tr("Positive"), CLASSES[1][1]),
        ]
        self.model.set_data(self.data)
        rows = region_counts(self.data.centroids, cls, self.regions, self.tr("All detections"))
        self.counts.clear()
        for r in rows:
            self.counts.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        r.name,
                        f"{r.negative:,}",
                        f"{r.positive:,}",
                        f"{r.percent_positive:.1f}%",
                        f"{r.total:,}",
                    ]
                )
            )
        self.rows = rows
        self.classified.emit(cls)
        return rows

    def export_csv(self, path: str | Path | None = None) -> Path | None:
        from inference.wsi.classify import write_csv

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export measurements"), "measurements.csv", self.tr("CSV (*.csv)")
            )
            if not path:
                return None
        names = [self.data.classes[int(c)][0] for c in self.data.cls]
        write_csv(path, self.data.measurements, names, self.data.centroids)
        return Path(path)
