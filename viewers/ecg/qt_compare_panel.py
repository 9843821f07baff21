"""Serial comparison panel: the prior ECG of the same patient, median beats
stacked or side by side, and the per-lead ST change at J (current - prior).

The prior is looked up, read and pre-read on a worker (``ctx.jobs``); the
comparison itself is ``inference.ecg.compare.compare`` (Qt-free).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

SPEED, GAIN, ROW = 50.0, 10.0, 24.0  # mm/s, mm/mV, mm per lead row
CURRENT, PRIOR = "#111111", "#1a73e8"


def load_prior(store, study_pk: int, state=None):
    """(PriorStudy, signal, analysis, median beats) or None: runs on a worker."""
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze
    from inference.ecg.compare import find_prior
    from viewers.ecg.beats import compute

    prior = find_prior(store, study_pk)
    if prior is None:
        return None
    sig = read_ecg(prior.path)
    a = analyze(sig, state=state)
    return prior, sig, a, compute(sig, a)


class ComparePanel(QWidget):
    compared = Signal(object)  # SerialComparison or None

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self.ctx = ctx
        self.current = None  # (analysis, median beats)
        self.prior = None
        self.comparison = None
        self.ai_failed = False  # the pre-read failed: no comparison is coming
        self.mode_box = QComboBox()
        self.mode_box.addItem("", "stacked")
        self.mode_box.addItem("", "side")
        self.mode_box.currentIndexChanged.connect(self.redraw)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.plot = pg.PlotWidget(background="#ffffff")
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setAspectLocked(True, 1.0)
        self.plot.setMenuEnabled(False)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        top = QHBoxLayout()
        top.addWidget(self.mode_box)
        top.addWidget(self.caption, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.plot, 2)
        lay.addWidget(self.table, 1)
        self.trace_items: list = []
        self.retranslate()

    def set_current(self, analysis, beats) -> None:
        """Start looking for the prior once the current ECG's pre-read is there."""
        self.current = (analysis, beats)
        self.ai_failed = False
        if self.ctx.store is None:
            return
        self.caption.setText(self.tr("Looking for a prior ECG of this patient…"))
        self.ctx.jobs.submit(
            load_prior,
            self.ctx.store,
            self.ctx.study_pk,
            name="prior ECG",
            on_done=self._prior_loaded,
            on_error=self._prior_failed,
        )

    def set_failed(self) -> None:
        """The AI pre-read failed: say so instead of waiting for it."""
        self.ai_failed = True
        self.retranslate()

    def _prior_failed(self, err: BaseException) -> None:
        from ui.read_errors import show_error_on

        show_error_on(self.caption, self.tr("The prior ECG could not be read: %1"), err)

    def _prior_loaded(self, result) -> None:
        from inference.ecg.compare import compare

        self.prior = result
        if result is None or self.current is None:
            self.comparison = None
        else:
            self.comparison = compare(self.current[0], result[2], result[0].study_time)
        self.retranslate()
        self._fill()
        self.redraw()
        self.compared.emit(self.comparison)

    def _fill(self) -> None:
        c = self.comparison
        rows = list(c.leads.values()) if c else []
        self.table.setRowCount(len(rows))
        for i, ch in enumerate(rows):
            cells = (ch.lead, f"{ch.current_mv:+.2f}", f"{ch.prior_mv:+.2f}", f"{ch.delta_mv:+.2f}")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if ch.changed:
                    item.setBackground(QColor("#fde7e5"))
                self.table.setItem(i, j, item)

    def redraw(self) -> None:
        import numpy as np
        import pyqtgraph as pg

        self.plot.clear()
        self.trace_items = []
        if self.current is None or self.prior is None or self.current[1] is None:
            return
        cur, pri = self.current[1], self.prior[3]
        if pri is None:
            return
        side = self.mode_box.currentData() == "side"
        w = cur.data.shape[1] / cur.fs * SPEED
        leads = [n for n in cur.leads if n in pri.leads]
        for i, lead in enumerate(leads):
            for k, (beats, colour) in enumerate(((cur, CURRENT), (pri, PRIOR))):
                x0 = (w + 8.0) * k if side else 0.0
                y0 = -(i + 0.5) * ROW * (1 if side else 2) - (ROW * k if not side else 0.0)
                y = beats.lead(lead)
                y = y - np.median(y[: max(1, y.size // 10)])
                x = x0 + np.arange(y.size) / beats.fs * SPEED
                item = pg.PlotCurveItem(
                    x, y0 + y * GAIN, pen=pg.mkPen(colour, width=1.2, cosmetic=True)
                )
                self.plot.addItem(item)
                self.trace_items.append(item)
            label = pg.TextItem(lead, color=CURRENT, anchor=(1, 0.5))
            label.setPos(-1.0, -(i + 0.5) * ROW * (1 if side else 2))
            self.plot.addItem(label)
        self.plot.autoRange()

    def retranslate(self) -> None:
        self.mode_box.setItemText(0, self.tr("Stacked"))
        self.mode_box.setItemText(1, self.tr("Side by side"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Lead"), self.tr("ST now (mV)"), self.tr("ST prior (mV)"), self.tr("Change")]
        )
        if self.prior is None and self.current is not None and self.ctx.store is not None:
            self.caption.setText(self.tr("No prior ECG of this patient in the store."))
        elif self.prior is None and self.ai_failed:
            self.caption.setText(self.tr("No comparison: the AI pre-read failed."))
        elif self.prior is None:
            self.caption.setText(self.tr("The comparison appears after the AI pre-read."))
        else:
            when = self.prior[0].study_time
            text = self.tr("Black: this ECG · blue: prior of %1 · ST changes ≥ 0.1 mV highlighted")
            self.caption.setText(text.replace("%1", when.strftime("%Y-%m-%d") if when else "?"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
