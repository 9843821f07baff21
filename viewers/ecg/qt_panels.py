"""Side panels of the ECG viewer: measurement table and median beats."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from viewers.ecg import paper
from viewers.ecg.missing_text import missing_reason

MEDIAN_SPEED, MEDIAN_GAIN = 50.0, 10.0  # mm/s, mm/mV


class MeasurementTable(QWidget):
    """HR, PR, QRS, QT, QTc (Bazett, Fridericia), axes and ST per lead, from the analysis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis = None
        self.ai_failed = False  # the pre-read failed: no measurements are coming
        self.tips: dict[str, str] = {}
        self.table = QTableWidget(0, 2)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.source = QLabel()
        self.source.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.source)
        self.retranslate()

    def rows(self) -> list[tuple[str, str]]:
        a = self.analysis
        if a is None:
            return []
        m = a.measurements

        self.tips = {}  # a missing value's whole reason, by the row's value text

        def v(key: str, unit: str) -> str:
            x = getattr(m, key)
            if x is not None:
                return f"{x:.0f} {unit}"
            short, whole = missing_reason(key, a)  # "—" alone would not say why
            text = self.tr("— (%1)").replace("%1", short)
            self.tips[text] = whole
            return text

        out = [
            (self.tr("Heart rate"), v("hr_bpm", self.tr("bpm"))),
            (self.tr("RR interval"), v("rr_ms", "ms")),
            (self.tr("PR interval"), v("pr_ms", "ms")),
            (self.tr("QRS duration"), v("qrs_ms", "ms")),
            (self.tr("QT interval"), v("qt_ms", "ms")),
            (self.tr("QTc (Bazett)"), v("qtc_ms", "ms")),
            (self.tr("QTc (Fridericia)"), v("qtc_fridericia_ms", "ms")),
            (self.tr("P axis"), v("p_axis_deg", "°")),
            (self.tr("QRS axis"), v("qrs_axis_deg", "°")),
            (self.tr("T axis"), v("t_axis_deg", "°")),
        ]
        w = a.window or {}
        if w:
            span = self.tr("%1–%2 s of %3 s")
            span = span.replace("%1", f"{w['start_s']:.1f}").replace("%2", f"{w['end_s']:.1f}")
            span = span.replace("%3", f"{w['record_s']:.1f}")
            if w.get("chosen"):
                span += " " + self.tr("(the cleanest 10 s)")
            out.append((self.tr("Analysed"), span))
        out.append((self.tr("Pacer spikes"), str(len(a.pacer_spikes))))
        for lead, st in a.st.items():
            label = self.tr("ST %1 at J / J+60").replace("%1", lead)
            out.append((label, f"{st.st_j_mv:+.2f} / {st.st_j60_mv:+.2f} mV"))
        return out

    def set_analysis(self, analysis) -> None:
        self.analysis = analysis
        self.ai_failed = False
        self._fill()

    def set_failed(self) -> None:
        """The AI pre-read failed: say so instead of waiting for it."""
        self.ai_failed = True
        self.retranslate()

    def _fill(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for i, (name, value) in enumerate(rows):
            for col, text in enumerate((name, value)):
                item = QTableWidgetItem(text)
                # the whole text where the column is too narrow; why a value is missing
                item.setToolTip(self.tips.get(text, text) if col else text)
                self.table.setItem(i, col, item)
        self.table.resizeColumnToContents(0)  # names whole ("QTc (Fridericia)")
        if self.analysis is not None:
            m = self.analysis.model
            text = self.tr("Measured by AI %1 %2 and %3 — not for clinical use")
            self.source.setText(
                text.replace("%1", m.name)
                .replace("%2", m.version)
                .replace("%3", self.analysis.rules)
            )

    def value(self, row_name: str) -> str:
        return dict(self.rows()).get(row_name, "")

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Measurement"), self.tr("Value")])
        if self.analysis is None and self.ai_failed:
            self.source.setText(self.tr("No measurements: the AI pre-read failed."))
        elif self.analysis is None:
            self.source.setText(self.tr("Waiting for the AI pre-read…"))
        else:
            self._fill()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MedianPanel(QWidget):
    """Median beats on mm paper (50 mm/s, 10 mm/mV), limb leads left, chest leads right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self.beats = None
        self.missing = "waiting"  # why there are none: waiting, no_beats, ai_failed, failed
        self.plot = pg.PlotWidget(background="#fff6f5")
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setAspectLocked(True, 1.0)
        self.plot.setMenuEnabled(False)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.trace_items: list = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.caption)
        self.retranslate()

    def set_beats(self, beats, missing: str = "no_beats") -> None:
        """Draw ``beats``; None: none, ``missing`` says why (``no_beats``: the AI found no
        whole beat to align; ``ai_failed``: no pre-read; ``failed``: building them failed)."""
        import numpy as np
        import pyqtgraph as pg

        self.beats = beats
        self.missing = missing
        self.plot.clear()
        self.trace_items = []
        self.retranslate()
        if beats is None:
            return
        dur = beats.data.shape[1] / beats.fs
        w = dur * MEDIAN_SPEED
        row = 30.0
        names = [n for n in beats.leads]
        half = (len(names) + 1) // 2
        cols = [names[:half], names[half:]]
        width, height = 2 * (w + 5.0), half * row
        for step, colour in ((1.0, "#f6c9c6"), (5.0, "#e88f8a")):
            xs, ys = paper.grid_lines(width, height, step)
            pen = pg.mkPen(colour, width=0.5 if step == 1 else 1.0, cosmetic=True)
            self.plot.addItem(
                pg.PlotCurveItem(np.array(xs), np.array(ys), pen=pen, connect="pairs")
            )
        pen = pg.mkPen("#111111", width=1.3, cosmetic=True)
        jpen = pg.mkPen("#d93025", width=1, cosmetic=True)
        for ci, col in enumerate(cols):
            x0 = ci * (w + 5.0)
            for ri, name in enumerate(col):
                y0 = -(ri + 0.5) * row
                y = beats.lead(name)
                x = x0 + np.arange(y.size) / beats.fs * MEDIAN_SPEED
                item = pg.PlotCurveItem(
                    x, y0 + (y - np.median(y[: max(1, y.size // 10)])) * MEDIAN_GAIN, pen=pen
                )
                self.plot.addItem(item)
                self.trace_items.append(item)
                label = pg.TextItem(name, color="#111111", anchor=(0, 1))
                label.setPos(x0 + 1, y0 + row * 0.4)
                self.plot.addItem(label)
                if beats.qrs_off_s is not None:
                    xj = x0 + beats.qrs_off_s * MEDIAN_SPEED
                    self.plot.addItem(pg.PlotCurveItem([xj, xj], [y0 - 8, y0 + 8], pen=jpen))
        self.plot.setRange(xRange=(0, width), yRange=(-height, 0), padding=0.02)

    def retranslate(self) -> None:
        b = self.beats
        if b is None:
            texts = {
                "no_beats": self.tr("No median beats: the AI found no whole beat to align."),
                "ai_failed": self.tr("No median beats: the AI pre-read failed."),
                "failed": self.tr("The median beats could not be built."),
            }
            waiting = self.tr("Median beats appear after the AI pre-read.")
            self.caption.setText(texts.get(self.missing, waiting))
        elif b.source == "file":
            self.caption.setText(self.tr("Median beats stored by the recording device"))
        else:
            text = self.tr("Median of %1 beats aligned on the AI's QRS onset (red: J point)")
            self.caption.setText(text.replace("%1", str(b.n_beats)))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
