"""Worklist table model: plain rows, filtering and sorting in Python lists.

Filtering and sorting are done on the row list (a key sort over 10,000 rows
takes a few ms) instead of a QSortFilterProxyModel whose per-pair Python
callbacks would be far slower.  Critical cases stay on top, urgent ones right
under them, whatever the sort; the chosen sort orders each group.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain import Priority
from app.search import matcher
from app.store import WorklistRow
from ui import icons
from ui.ai_text import ai_line
from ui.description_text import description_text
from ui.labels import (
    display_name,
    modality_label,
    priority_label,
    sex_label,
    status_with_consult,
)

COLUMNS = (
    "priority",
    "patient_name",
    "patient_id",
    "sex_age",
    "modality",
    "study_time",
    "status",
    "ai_summary",
    "description",
)
CRITICAL_BG = QColor("#fde2e1")
CRITICAL_FG = QColor("#b3261e")
URGENT_BG = QColor("#fff4d6")


@dataclass
class WorklistFilter:
    text: str = ""
    status: str = ""  # "" = any
    modality: str = ""
    priority: int | None = None
    days: int | None = None  # studies from the last N days

    def accepts(self, row: WorklistRow, now: datetime) -> bool:
        if self.status and row.status != self.status:
            return False
        if self.modality and row.modality != self.modality:
            return False
        if self.priority is not None and row.priority != self.priority:
            return False
        if self.days is not None:
            when = row.study_time or row.updated_at
            if when is None or when < now - timedelta(days=self.days):
                return False
        return not self.text or self._match(row.patient_name, row.patient_id)

    @functools.cached_property
    def _match(self):
        return matcher(self.text)


def age_years(birth_date: str, at: datetime | None) -> int | None:
    if len(birth_date) != 8 or not birth_date.isdigit():
        return None
    at = at or datetime.now()
    y, m, d = int(birth_date[:4]), int(birth_date[4:6]), int(birth_date[6:])
    return at.year - y - ((at.month, at.day) < (m, d))


def sort_key(column: str):
    if column == "priority":
        return lambda r: r.priority
    if column == "study_time":
        return lambda r: r.study_time or datetime.min
    if column == "sex_age":
        return lambda r: (r.sex, r.birth_date)
    return lambda r: (
        (getattr(r, column) or "").casefold()
        if isinstance(getattr(r, column), str)
        else getattr(r, column)
    )


PINNED = (Priority.CRITICAL, Priority.URGENT)


def pin_group(row: WorklistRow) -> int:
    """0 for critical, 1 for urgent, 2 for the rest (routine, not graded, unknown)."""
    return PINNED.index(row.priority) if row.priority in PINNED else len(PINNED)


class WorklistModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[WorklistRow] = []
        self._rows: list[WorklistRow] = []
        self.filter = WorklistFilter()
        self.sort_column = COLUMNS.index("study_time")
        self.sort_order = Qt.SortOrder.DescendingOrder
        self.now = datetime.now

    # -- data in -----------------------------------------------------------
    def set_rows(self, rows: list[WorklistRow]) -> None:
        self._all = list(rows)
        self._refresh()

    def set_filter(self, flt: WorklistFilter) -> None:
        self.filter = flt
        self._refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self._refresh()

    def _refresh(self) -> None:
        now = self.now()
        rows = [r for r in self._all if self.filter.accepts(r, now)]
        key = sort_key(COLUMNS[self.sort_column])
        rows.sort(key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        # stable partition: critical, then urgent, then the rest, each in the chosen sort
        rows.sort(key=pin_group)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # -- access ------------------------------------------------------------
    def row_at(self, row: int) -> WorklistRow:
        return self._rows[row]

    def find(self, study_pk: int) -> int:
        for i, r in enumerate(self._rows):
            if r.study_pk == study_pk:
                return i
        return -1

    @property
    def total(self) -> int:
        return len(self._all)

    # -- Qt model API ------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Priority"),
            self.tr("Patient"),
            self.tr("Patient ID"),
            self.tr("Sex/Age"),
            self.tr("Modality"),
            self.tr("Study time"),
            self.tr("Status"),
            self.tr("AI pre-read"),
            self.tr("Description"),
        ][section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.DecorationRole and col == "priority":
            return icons.priority_icon(r.priority)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.priority == Priority.CRITICAL:
                return QBrush(CRITICAL_BG)
            if r.priority == Priority.URGENT:
                return QBrush(URGENT_BG)
        if role == Qt.ItemDataRole.ForegroundRole and r.priority == Priority.CRITICAL:
            return QBrush(CRITICAL_FG)
        if role == Qt.ItemDataRole.FontRole and r.priority == Priority.CRITICAL:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole and col == "ai_summary" and r.ai_summary:
            text = ai_line(r.ai_findings, r.ai_hr, r.ai_summary, r.ai_limited)
            return self.tr("AI output, not a diagnosis: %1").replace("%1", text)
        if role == Qt.ItemDataRole.ToolTipRole and col in ("patient_name", "description"):
            return self._text(r, col) or None  # whole where the column cuts it
        if role == Qt.ItemDataRole.UserRole:
            return r.study_pk
        return None

    def _text(self, r: WorklistRow, col: str) -> str:
        if col == "priority":
            return priority_label(r.priority)
        if col == "patient_name":
            if getattr(r, "unassigned", False):
                return self.tr("Patient to be assigned")
            return display_name(r.patient_name) or self.tr("(no name)")
        if col == "sex_age":
            age = age_years(r.birth_date, r.study_time)
            return sex_label(r.sex) + (f" / {age}" if age is not None else "")
        if col == "modality":
            return modality_label(r.modality)
        if col == "study_time":
            return r.study_time.strftime("%Y-%m-%d %H:%M") if r.study_time else ""
        if col == "status":
            return status_with_consult(r.status, getattr(r, "consult", ""))
        if col == "ai_summary":
            return ai_line(r.ai_findings, r.ai_hr, r.ai_summary, r.ai_limited)
        if col == "description":
            return description_text(r.description)
        value = getattr(r, col)
        return "" if value is None else str(value)
