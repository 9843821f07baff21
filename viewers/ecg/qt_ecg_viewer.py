"""ECG viewer: paper view in true millimetres, standard layouts, AI overlays.

The signal is read on a worker thread (``ctx.jobs``), then the AI pre-read
runs on another; overlays (wave shading, J/J+60 markers, leads meeting a
criterion) are labelled with the model name and version.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from viewers.ecg import paper

PAPER_BG = "#fff6f5"
MINOR, MAJOR, TRACE = "#f6c9c6", "#e88f8a", "#111111"
WAVE_COLOURS = {"P": (66, 133, 244, 40), "QRS": (234, 67, 53, 32), "T": (52, 168, 83, 32)}
SEVERITY = {"critical": "critical", "urgent": "urgent", "routine": "info"}


def _read(path, state=None):
    from app.ecg.readers import read_ecg

    return read_ecg(path)


def _analyse(signal, state=None):
    from inference.ecg import analyze

    return analyze(signal, state=state)


class EcgViewer(QWidget):
    findings_changed = Signal(list)
    loaded = Signal()
    analysed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self.ctx = ctx
        self.signal = None
        self.analysis = None
        self.findings: list[dict] = []
        self.paper_layout: paper.Paper | None = None
        self._overlay_items: list = []
        self.px_per_mm = self._px_per_mm()

        self.layout_box = QComboBox()
        self.order_box = QComboBox()
        self.speed_box = QComboBox()
        self.gain_box = QComboBox()
        for v in paper.SPEEDS:
            self.speed_box.addItem("", v)
        for v in paper.GAINS:
            self.gain_box.addItem("", v)
        for name in paper.LAYOUTS:
            self.layout_box.addItem(name, name)
        self.order_box.addItem("", "standard")
        self.order_box.addItem("", "cabrera")
        self.speed_box.setCurrentIndex(0)
        self.gain_box.setCurrentIndex(1)
        self.ai_box = QCheckBox()
        self.ai_box.setChecked(True)
        self.filter_label = QLabel()
        self.model_label = QLabel()
        self.status = QLabel()
        self.status.setStyleSheet("padding:2px 6px;color:#3c4043")
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self._captions = [QLabel() for _ in range(4)]
        for cap, box in zip(
            self._captions,
            (self.layout_box, self.order_box, self.speed_box, self.gain_box),
            strict=True,
        ):
            bar.addWidget(cap)
            bar.addWidget(box)
            box.currentIndexChanged.connect(self.redraw)
        bar.addWidget(self.ai_box)
        bar.addStretch(1)
        bar.addWidget(self.filter_label)
        self.ai_box.toggled.connect(self._draw_overlays)

        self.plot = pg.PlotWidget(background=PAPER_BG)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setAspectLocked(True, 1.0)
        self.plot.setMenuEnabled(False)
        self.view = self.plot.getPlotItem().getViewBox()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.model_label)
        lay.addWidget(self.status)
        self.retranslate()
        self.status.setText(self.tr("Loading ECG…"))
        if not ctx.files:
            self.status.setText(self.tr("This case has no ECG file."))
            return
        _obj, path = ctx.files[0]
        ctx.jobs.submit(_read, path, name="read ECG", on_done=self._show, on_error=self._failed)

    # ---- settings and text -------------------------------------------
    def _px_per_mm(self) -> float:
        value = float(self.ctx.extra.get("px_per_mm", 0) or 0) if self.ctx.extra else 0.0
        if not value:
            try:
                from app.settings import load_settings

                value = float(load_settings().ecg_px_per_mm or 0)
            except Exception:
                value = 0.0
        if not value:
            screen = self.screen()
            dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
            value = (dpi or 96.0) / 25.4
        return value

    def retranslate(self) -> None:
        names = (self.tr("Layout"), self.tr("Order"), self.tr("Speed"), self.tr("Gain"))
        for cap, text in zip(self._captions, names, strict=True):
            cap.setText(text)
        self.order_box.setItemText(0, self.tr("Standard"))
        self.order_box.setItemText(1, self.tr("Cabrera"))
        for i, v in enumerate(paper.SPEEDS):
            self.speed_box.setItemText(i, self.tr("%1 mm/s").replace("%1", f"{v:g}"))
        for i, v in enumerate(paper.GAINS):
            self.gain_box.setItemText(i, self.tr("%1 mm/mV").replace("%1", f"{v:g}"))
        self.ai_box.setText(self.tr("AI overlays"))
        self._update_labels()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_labels(self) -> None:
        sig = self.signal
        if sig is not None and not sig.filters:
            self.filter_label.setText(self.tr("Filter: not stated in the file"))
        elif sig is not None:
            f = sig.filters
            band = self.tr("Filter: %1–%2 Hz").replace("%1", f"{f.get('highpass', 0):g}")
            band = band.replace("%2", f"{f['lowpass']:g}" if "lowpass" in f else "?")
            if "notch" in f:
                band += self.tr(", notch %1 Hz").replace("%1", f"{f['notch']:g}")
            if f.get("lowpass", 1000) <= 40 or f.get("highpass", 0) > 0.05:
                band += " " + self.tr("(non-diagnostic: ST segments may be distorted)")
            self.filter_label.setText(band)
        if self.analysis is not None:
            m = self.analysis.model
            text = self.tr("AI: %1 %2, %3 — not for clinical use")
            self.model_label.setText(
                text.replace("%1", m.name)
                .replace("%2", m.version)
                .replace("%3", self.analysis.rules)
            )

    # ---- loading ------------------------------------------------------
    def _failed(self, err: BaseException) -> None:
        self.status.setText(self.tr("The ECG could not be shown: %1").replace("%1", str(err)))

    def _ai_failed(self, err: BaseException) -> None:
        self.status.setText(self.tr("AI pre-read failed: %1").replace("%1", str(err)))

    def _show(self, signal) -> None:
        self.signal = signal
        self.redraw()
        self.fit_true_size()
        msg = self.tr("%1 leads, %2 Hz, %3 s").replace("%1", str(len(signal.leads)))
        msg = msg.replace("%2", f"{signal.fs:g}").replace("%3", f"{signal.duration_s:.1f}")
        if signal.warnings:
            msg += " — " + "; ".join(signal.warnings)
        self.status.setText(msg)
        self._update_labels()
        self.loaded.emit()
        self.ctx.jobs.submit(
            _analyse, signal, name="ECG AI", on_done=self._show_ai, on_error=self._ai_failed
        )

    def _show_ai(self, analysis) -> None:
        self.analysis = analysis
        self._update_labels()
        self._draw_overlays()
        self.findings = self._findings(analysis)
        self.findings_changed.emit(self.findings)
        self.analysed.emit()

    def _findings(self, a) -> list[dict]:
        src = self.tr("AI %1 %2 (not for clinical use)")
        src = src.replace("%1", a.model.name).replace("%2", a.model.version)
        out = [
            {"text": f.text, "source": src, "severity": SEVERITY[f.severity], "code": f.code}
            for f in a.findings
        ]
        m = a.measurements
        text = self.tr("HR %1 bpm, PR %2 ms, QRS %3 ms, QT/QTc %4/%5 ms")
        for i, v in enumerate((m.hr_bpm, m.pr_ms, m.qrs_ms, m.qt_ms, m.qtc_ms), start=1):
            text = text.replace(f"%{i}", "—" if v is None else f"{v:.0f}")
        out.append({"text": text, "source": src, "severity": "info", "code": "MEASUREMENTS"})
        return out

    # ---- drawing ------------------------------------------------------
    @property
    def speed(self) -> float:
        return float(self.speed_box.currentData())

    @property
    def gain(self) -> float:
        return float(self.gain_box.currentData())

    def fit_true_size(self) -> None:
        """Show the paper at 1 mm on paper = 1 mm on screen, from the top left."""
        if self.paper_layout is None:
            return
        vw = max(self.view.width(), 1.0)
        vh = max(self.view.height(), 1.0)
        w_mm, h_mm = vw / self.px_per_mm, vh / self.px_per_mm
        top = 8.0  # room for the AI model tag above the paper
        self.view.setRange(xRange=(0, w_mm), yRange=(top - h_mm, top), padding=0)

    def redraw(self) -> None:
        import numpy as np
        import pyqtgraph as pg

        sig = self.signal
        if sig is None:
            return
        self.plot.clear()
        self._overlay_items = []
        p = paper.layout(
            self.layout_box.currentData(),
            self.order_box.currentData(),
            list(sig.leads),
            sig.duration_s,
            self.speed,
            self.gain,
        )
        self.paper_layout = p
        for step, colour, width in ((1.0, MINOR, 0.5), (5.0, MAJOR, 1.0)):
            xs, ys = paper.grid_lines(p.width_mm, p.height_mm, step)
            pen = pg.mkPen(colour, width=width, cosmetic=True)
            self.plot.addItem(
                pg.PlotCurveItem(np.array(xs), np.array(ys), pen=pen, connect="pairs")
            )
        trace_pen = pg.mkPen(TRACE, width=1.2, cosmetic=True)
        self.trace_items = []
        rows_done = set()
        for cell in p.cells:
            i0, i1 = int(cell.t0 * sig.fs), min(int(cell.t1 * sig.fs), sig.n_samples)
            y = sig.lead(cell.lead)[i0:i1]
            x = cell.x_mm + np.arange(y.size) / sig.fs * self.speed
            item = pg.PlotCurveItem(x, cell.y_mm + y * self.gain, pen=trace_pen)
            self.plot.addItem(item)
            self.trace_items.append(item)
            label = pg.TextItem(cell.lead, color=TRACE, anchor=(0, 1))
            label.setPos(cell.x_mm + 1, cell.y_mm + 0.8 * p.row_mm / 2)
            self.plot.addItem(label)
            if cell.row not in rows_done:
                rows_done.add(cell.row)
                xs, ys = paper.calibration_pulse(cell.y_mm, self.speed, self.gain)
                self.plot.addItem(pg.PlotCurveItem(np.array(xs), np.array(ys), pen=trace_pen))
        self._draw_overlays()

    def _draw_overlays(self) -> None:
        for item in self._overlay_items:
            self.plot.removeItem(item)
        self._overlay_items = []
        a, p, sig = self.analysis, self.paper_layout, self.signal
        if a is None or p is None or sig is None or not self.ai_box.isChecked():
            return
        import pyqtgraph as pg
        from PySide6.QtWidgets import QGraphicsRectItem

        flagged = {lead for f in a.findings for lead in f.leads}
        half = p.row_mm * 0.4
        for cell in p.cells:
            for b in a.beats:
                spans = [("QRS", b.qrs_on, b.qrs_off)]
                if b.p_on is not None:
                    spans.append(("P", b.p_on, b.p_off))
                if b.t_end is not None:
                    spans.append(("T", b.t_on if b.t_on is not None else b.qrs_off, b.t_end))
                for wave, s, e in spans:
                    t_s, t_e = max(s / a.fs, cell.t0), min(e / a.fs, cell.t1)
                    if t_e <= t_s:
                        continue
                    x0, x1 = p.x_of(cell, t_s, self.speed), p.x_of(cell, t_e, self.speed)
                    rect = QGraphicsRectItem(x0, cell.y_mm - half, x1 - x0, 2 * half)
                    rect.setBrush(QColor(*WAVE_COLOURS[wave]))
                    rect.setPen(QColor(0, 0, 0, 0))
                    self._add(rect)
                j = b.qrs_off / a.fs
                for t, colour in ((j, "#d93025"), (j + 0.06, "#f29900")):
                    if cell.t0 <= t < cell.t1:
                        x = p.x_of(cell, t, self.speed)
                        pen = pg.mkPen(colour, width=1, cosmetic=True)
                        self._add(
                            pg.PlotCurveItem([x, x], [cell.y_mm - half, cell.y_mm + half], pen=pen)
                        )
            if cell.lead.lstrip("-") in flagged:
                x0 = cell.x_mm
                x1 = p.x_of(cell, cell.t1, self.speed)
                box = QGraphicsRectItem(x0, cell.y_mm - half, x1 - x0, 2 * half)
                box.setPen(pg.mkPen("#d93025", width=2, cosmetic=True))
                self._add(box)
        tag = pg.TextItem(self.model_label.text(), color="#5f6368", anchor=(0, 1))
        tag.setPos(paper.MARGIN_MM, 1.0)
        self._add(tag)

    def _add(self, item) -> None:
        self.plot.addItem(item)
        self._overlay_items.append(item)

    def flagged_leads(self) -> set[str]:
        if self.analysis is None:
            return set()
        return {lead for f in self.analysis.findings for lead in f.leads}
