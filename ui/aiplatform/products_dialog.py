"""The clinic's subscribed AI products: vendor, version, where it runs, intended use,
and "not for clinical use" in red; a line on top says where the list came from."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.ai.products import BUILTIN, Product
from app.ai.subscriptions import SubscriptionState

RED = QColor("#b3261e")


def local_time(iso: str) -> str:
    """The fetch time (stored in UTC) as this computer's local time, to the minute."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso or "-"


def shown_texts(p: Product) -> tuple[str, str, str]:
    """Name, vendor and intended use in the user's language (built-in products are
    translated; a vendor's product shows the vendor's own words)."""
    if not p.builtin:
        return p.name, p.vendor, p.intended_use
    ctx = "AiProducts"  # the context app/ai/products.py marks them in
    return tuple(QCoreApplication.translate(ctx, t) for t in (p.name, p.vendor, p.intended_use))


class AiProductsDialog(QDialog):
    refresh_requested = Signal()

    def __init__(self, state: SubscriptionState, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("AI products of this clinic"))
        self.resize(1200, 520)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("AI product"),
                self.tr("Modality"),
                self.tr("Vendor"),
                self.tr("Version"),
                self.tr("Runs"),
                self.tr("Intended use"),
                self.tr("Clinical use"),
            ]
        )
        head = self.table.horizontalHeader()
        for col in (0, 1, 2, 3, 4, 6):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.refresh_btn = QPushButton(self.tr("Ask the server again"))
        self.refresh_btn.clicked.connect(self.refresh_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.refresh_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.state_label)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.set_state(state)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self.table.resizeRowsToContents()  # wrapped intended use: rows as tall as their text

    def state_text(self, st: SubscriptionState) -> tuple[str, bool]:
        """(the line above the table, whether it is a warning)."""
        when = local_time(st.fetched_at)
        if not st.known:
            text = self.tr(
                "No subscription list from the regional server yet: the built-in analyzers "
                "of this workstation are in use."
            )
            return text, bool(st.error)
        if not st.for_clinic:
            text = self.tr(
                "This workstation belongs to the regional hospital: every built-in analyzer is "
                "in use here; subscriptions are managed for the clinics."
            )
            return text, False
        if st.online:
            return self.tr("Subscriptions of this clinic, from %1 at %2.").replace(
                "%1", st.server
            ).replace("%2", when), False
        text = self.tr(
            "Offline: the regional server could not be reached; the list fetched at %1 is "
            "shown. Built-in analyzers stay usable in this workstation; remote products run "
            "locally where they have a local model, otherwise they are not run."
        )
        return text.replace("%1", when), True

    def products(self, st: SubscriptionState) -> list[Product]:
        if st.known and st.for_clinic:
            return list(st.products)
        return list(BUILTIN)

    def runs_text(self, p: Product) -> str:
        if not p.remote:
            return self.tr("in this workstation")
        text = self.tr("remote: %1 (%2)").replace("%1", p.endpoint_url)
        text = text.replace("%2", f"{p.remote_model} {p.remote_version}".strip())
        if p.fallback == "local":
            text += "\n" + self.tr("if unreachable: runs locally")
        else:
            text += "\n" + self.tr("if unreachable: not run")
        return text

    def set_state(self, st: SubscriptionState) -> None:
        text, warn = self.state_text(st)
        self.state_label.setText(text)
        self.state_label.setToolTip(st.error)  # the technical reason, as the client got it
        self.state_label.setStyleSheet("color:#b3261e;font-weight:bold" if warn else "")
        rows = self.products(st)
        self.table.setRowCount(len(rows))
        for r, p in enumerate(rows):
            use = (
                self.tr("Not for clinical use")
                if p.not_for_clinical_use
                else self.tr("Clinical use as licensed")
            )
            name, vendor, intended = shown_texts(p)
            kind = _modality_text(p.modality)
            cells = [name, kind, vendor, p.version, self.runs_text(p), intended, use]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if c == 6 and p.not_for_clinical_use:
                    item.setForeground(RED)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)


def _modality_text(code: str) -> str:
    """The kind of examination in the worklist's words (心电图, 眼底照相), not the code."""
    from ui.labels import modality_label

    try:
        return modality_label(code)
    except ValueError:  # a code this workstation has no name for: as the server sends it
        return code
