"""ECG viewer: paper view in true millimetres, standard layouts, AI overlays, tools.

The signal is read on a worker thread (``ctx.jobs``), then the AI pre-read
runs on another; overlays (wave shading, J/J+60 markers, leads meeting a
criterion) are labelled with the model name and version.  Tools: calipers,
display filters (state always shown, non-diagnostic ones warned), single-lead
view (click a lead, Esc back), measurement table, median beats, report and
serial comparison panels.  Records longer than a minute are shown one row per
lead with min/max decimation of the visible window.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ecg.filters import LOWPASS_CHOICES, NOTCH_CHOICES, FilterSpec, assess
from ui.report.panel import ReportPanel
from viewers.ecg import paper
from viewers.ecg.analysed_window import (
    PAGE_S,
    SLACK_S,
    PageBar,
    analysed_span,
    band_caption,
    band_items,
    in_record_time,
    paged,
)
from viewers.ecg.analysis_notes import notes_finding
from viewers.ecg.calipers import MODES, Calipers, format_reading
from viewers.ecg.finding_text import finding_text
from viewers.ecg.left_out import LeftOutLabel, status_warnings
from viewers.ecg.long_view import LONG_S, build_pyramids
from viewers.ecg.model_line import model_line, model_tooltip
from viewers.ecg.overlays import device_spike_items, make_view_box, overlay_items
from viewers.ecg.pdf_report import ecg_pdf_writer
from viewers.ecg.qt_compare_panel import ComparePanel
from viewers.ecg.qt_panels import MeasurementTable, MedianPanel
from viewers.ecg.viewer_text import filter_text, retranslate_toolbar
from viewers.ecg.warning_text import warning_text

PAPER_BG = "#fff6f5"
MINOR, MAJOR, TRACE = "#f6c9c6", "#e88f8a", "#111111"
SEVERITY = {"critical": "critical", "urgent": "urgent", "routine": "info", "info": "info"}


def _read(ctx, state=None):
    from viewers.registry import open_source

    sig = open_source(ctx, state)  # the reader that recognised the record opens it
    return sig, (build_pyramids(sig, state) if sig.duration_s > LONG_S else None)


def stored_analysis(store, study_pk: int, with_model: bool = False):
    """The case's stored ECG AI result as a full analysis (None when it holds none);
    ``with_model``: (analysis, the result's ModelInfo — where it ran) or None."""
    if store is None:
        return None
    from app.ai.store import latest_result
    from inference.ecg.preread import analysis_of

    found = latest_result(store, study_pk)
    try:
        analysis = analysis_of(found[1]) if found is not None else None
    except (KeyError, TypeError, ValueError):  # a result stored before the one shape
        return None
    if not with_model or analysis is None:
        return analysis
    return analysis, found[1].model


def _analyse(signal, store=None, study_pk=0, rerun=False, state=None):
    """(analysis, where it ran): the stored AI result; the model runs only when there
    is none or when asked."""
    stored = None if rerun else stored_analysis(store, study_pk, with_model=True)
    if stored is not None:
        return stored
    from inference.ecg import analyze
    from inference.placement import collect, summarise

    # the whole record, as the pre-read does: "Run AI again" gives the pre-read's answer
    with collect() as placements:
        analysis = analyze(signal, state=state)
    return analysis, summarise(placements)


def _filter(raw, spec: FilterSpec, state=None):
    from app.ecg.filters import apply_filters

    sig = dataclasses.replace(raw, data=apply_filters(raw.data, raw.fs, spec, state))
    return sig, (build_pyramids(sig, state) if sig.duration_s > LONG_S else None)


def _medians(path, signal, analysis, state=None):
    from viewers.ecg.beats import median_beats

    return median_beats(path, signal, analysis)


class EcgViewer(QWidget):
    findings_changed = Signal(list)
    loaded = Signal()
    analysed = Signal()
    filtered = Signal()
    medians_ready = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self.ctx = ctx
        self.raw_signal = self.signal = self.analysis = self.medians = None
        self.ran_at = None  # where the shown AI result's model ran (ModelInfo / Placement)
        self.pyramids = self.long = self.paper_layout = self.focus_lead = None
        self.findings: list[dict] = []
        self.trace_items: list = []
        self._overlay_items: list = []
        self._device_items: list = []  # marks the recording device stored (pacer spikes)
        self.filter_spec = FilterSpec()
        self.page_start_s = 0.0  # a 10 s page of a longer record starts here (record s)
        self.view_t0: float | None = None  # a one-column view opens at this record time
        self.page_bar = PageBar()  # "Page from … s" and "Analysed 10 s"
        self.page_bar.start_changed.connect(self.page_to)
        self.page_bar.to_window.connect(self.show_window)
        self.px_per_mm = self._px_per_mm()

        self.layout_box, self.order_box = QComboBox(), QComboBox()
        self.speed_box, self.gain_box = QComboBox(), QComboBox()
        for v in paper.SPEEDS:
            self.speed_box.addItem("", v)
        for v in paper.GAINS:
            self.gain_box.addItem("", v)
        for name in paper.LAYOUTS:
            self.layout_box.addItem(name, name)
        self.order_box.addItem("", "standard")
        self.order_box.addItem("", "cabrera")
        self.gain_box.setCurrentIndex(1)
        self.ai_box = QCheckBox()
        self.ai_box.setChecked(True)
        self.caliper_box = QComboBox()
        for m in MODES:
            self.caliper_box.addItem("", m)
        self.baseline_box = QCheckBox()
        self.notch_box, self.lowpass_box = QComboBox(), QComboBox()
        for v in NOTCH_CHOICES:
            self.notch_box.addItem("", v)
        for v in LOWPASS_CHOICES:
            self.lowpass_box.addItem("", v)
        self.filter_label, self.caliper_label = QLabel(), QLabel()
        self.model_label, self.status = QLabel(), QLabel()
        self.left_out = LeftOutLabel()  # channels not analysed as ECG (ABP, Pleth, Resp...)
        self.status.setStyleSheet("padding:2px 6px;color:#3c4043")
        self._captions = [QLabel() for _ in range(7)]
        bar, tools = QHBoxLayout(), QHBoxLayout()
        boxes = (self.layout_box, self.order_box, self.speed_box, self.gain_box)
        boxes += (self.caliper_box, self.notch_box, self.lowpass_box)
        for i, (cap, box) in enumerate(zip(self._captions, boxes, strict=True)):
            target = bar if i < 4 else tools
            target.setContentsMargins(4, 2, 4, 2)
            target.addWidget(cap)
            target.addWidget(box)
        for box in (self.layout_box, self.order_box, self.speed_box, self.gain_box):
            box.currentIndexChanged.connect(self.redraw)
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        bar.addWidget(self.ai_box)
        self.rerun_btn = QToolButton()  # the stored result is shown; this runs the model again
        self.rerun_btn.clicked.connect(lambda: self.run_ai(rerun=True))
        bar.addWidget(self.rerun_btn)
        bar.addStretch(1)
        bar.addWidget(self.caliper_label)
        tools.insertWidget(2, self.baseline_box)
        tools.addWidget(self.page_bar)
        tools.addWidget(self.filter_label, 1)
        self.ai_box.toggled.connect(self._draw_overlays)
        self.caliper_box.currentIndexChanged.connect(self._caliper_mode)
        for w in (self.baseline_box, self.notch_box, self.lowpass_box):
            sig = w.toggled if w is self.baseline_box else w.currentIndexChanged
            sig.connect(self._filters_changed)

        self.plot = pg.PlotWidget(
            background=PAPER_BG, viewBox=make_view_box(self._drag, self._click)
        )
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setAspectLocked(True, 1.0)
        self.plot.setMenuEnabled(False)
        self.view = self.plot.getPlotItem().getViewBox()
        self.view.sigXRangeChanged.connect(self._range_changed)
        self.calipers = Calipers(self.plot, lambda: self.speed, lambda: self.gain, self)
        self.calipers.changed.connect(lambda r: self.caliper_label.setText(format_reading(r)))
        self.measurements = MeasurementTable()
        self.median_panel = MedianPanel()
        self.report_panel = ReportPanel(ctx)
        self.report_panel.title_for = self._report_title
        self.compare_panel = ComparePanel(ctx)
        self.tabs = QTabWidget()
        for w in (self.measurements, self.median_panel, self.report_panel, self.compare_panel):
            self.tabs.addTab(w, "")
        # the side panel starts hidden when it would cover part of the true-size page
        self.panel_btn = QToolButton(checkable=True, checked=True)
        self.panel_btn.toggled.connect(self.tabs.setVisible)
        self.panel_btn.toggled.connect(lambda _on: QTimer.singleShot(0, self.fit_true_size))
        bar.addWidget(self.panel_btn)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.plot)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addLayout(tools)
        lay.addWidget(split, 1)
        lay.addWidget(self.model_label)
        lay.addWidget(self.left_out)
        lay.addWidget(self.status)
        self.retranslate()
        self.status.setText(self.tr("Loading ECG…"))
        if not ctx.files:
            self.status.setText(self.tr("This case has no ECG file."))
            return
        self.path = ctx.files[0][1]
        ctx.jobs.submit(_read, ctx, name="read ECG", on_done=self._show, on_error=self._failed)

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
        self.panel_btn.setText(self.tr("Measurements && report"))
        self.page_bar.retranslate()
        retranslate_toolbar(self)
        self._update_labels()
        if getattr(self, "_signal_status", False) and self.raw_signal is not None:
            self.status.setText(self.signal_status(self.raw_signal))  # warnings by code

    def changeEvent(self, event) -> None:
        # a language change can arrive while the viewer is still being built
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "panel_btn"):
            self.retranslate()
            if self.analysis is not None:
                self.findings = self._findings(self.analysis)
                self.findings_changed.emit(self.findings)
                self._draw_overlays()  # the analysed window's caption
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.key() == Qt.Key.Key_Escape and self.focus_lead:
            self.focus(None)  # back from the single-lead view
            return
        super().keyPressEvent(event)

    def _update_labels(self) -> None:
        if self.signal is not None:
            text, warn = filter_text(self, self.signal.filters, self.filter_spec)
            self.filter_label.setText(text)
            self.filter_label.setStyleSheet("color:#d93025;font-weight:bold" if warn else "")
        if self.analysis is not None:
            self.model_label.setText(model_line(self.analysis, self.ran_at))
            self.model_label.setToolTip(model_tooltip(self.ran_at))

    def filter_state(self):
        return assess(self.filter_spec, self.signal.filters if self.signal else {})

    # ---- loading ------------------------------------------------------
    def _report_title(self) -> str:
        from ui.report.texts import template_title
        from viewers.ecg.report_title import ecg_report_title

        if self.report_panel.template.id != "ecg" or self.raw_signal is None:
            return template_title(self.report_panel.template.id)
        return ecg_report_title(self.raw_signal.leads)

    def signal_status(self, signal) -> str:
        """The status line of a loaded ECG: size, rate, length, the reader's warnings."""
        msg = self.tr("%1 leads, %2 Hz, %3 s").replace("%1", str(len(signal.leads)))
        msg = msg.replace("%2", f"{signal.fs:g}").replace("%3", f"{signal.duration_s:.1f}")
        if signal.device_pacer_spikes_s:
            msg += " · " + self.tr("%1 pacer spikes listed by the device").replace(
                "%1", str(len(signal.device_pacer_spikes_s))
            )
        warnings = status_warnings(signal.warnings, signal.left_out)
        if warnings:
            msg += " — " + "; ".join(warning_text(w) for w in warnings)
        return msg

    def _failed(self, err: BaseException) -> None:
        self._signal_status = False
        from ui.read_errors import show_error_on

        show_error_on(self.status, self.tr("The ECG could not be shown: %1"), err)

    def _ai_failed(self, err: BaseException) -> None:
        self._signal_status = False
        self.status.setText(self.tr("AI pre-read failed: %1").replace("%1", str(err)))

    def _show(self, result) -> None:
        signal, self.pyramids = result
        self.raw_signal = self.signal = signal
        self.redraw()
        if self.paper_layout is not None and self.long is None:
            page_px = self.paper_layout.width_mm * self.px_per_mm + 24
            self.panel_btn.setChecked(self.width() - page_px >= 280)
        self.fit_true_size()
        QTimer.singleShot(0, self.fit_true_size)  # again once the layout has settled
        self.left_out.set_left_out(signal.left_out)
        self.report_panel.title.setText(self.report_panel.title_text())  # by the record
        self._signal_status = True
        self.status.setText(self.signal_status(signal))
        self._update_labels()
        self.loaded.emit()
        self.run_ai(rerun=False)

    def run_ai(self, rerun: bool = True):
        """Show the case's stored AI result; ``rerun``: run the model again (on request)."""
        if self.raw_signal is None:
            return None
        return self.ctx.jobs.submit(
            _analyse, self.raw_signal, self.ctx.store, self.ctx.study_pk, rerun,
            name="ECG AI", on_done=self._show_ai, on_error=self._ai_failed,
        )  # fmt: skip

    def _show_ai(self, found) -> None:
        analysis, self.ran_at = found
        analysis = in_record_time(analysis, self.raw_signal)  # a server pre-read's cut
        self.analysis = analysis
        self._update_labels()
        if analysed_span(analysis, self.raw_signal.duration_s) is not None:
            self.show_window()  # open where the AI measured, as the printed report does
        else:
            self._draw_overlays()
        self.measurements.set_analysis(analysis)
        self.report_panel.set_analysis(analysis, self.raw_signal)
        self.report_panel.pdf_writer = ecg_pdf_writer(self.raw_signal, analysis.summary())
        self.findings = self._findings(analysis)
        self.findings_changed.emit(self.findings)
        self.analysed.emit()
        self.ctx.jobs.submit(
            _medians, getattr(self, "path", None), self.raw_signal, analysis,
            name="median beats", on_done=self._show_medians, on_error=lambda e: None,
        )  # fmt: skip

    def _show_medians(self, beats) -> None:
        self.medians = beats
        self.median_panel.set_beats(beats)
        self.compare_panel.set_current(self.analysis, beats)
        self.medians_ready.emit()

    def _findings(self, a) -> list[dict]:
        src = self.tr("AI %1 %2 (not for clinical use)")
        src = src.replace("%1", a.model.name).replace("%2", a.model.version)
        decided = self.tr("(decided at %1)")
        out = [
            {
                "text": finding_text(f.code, f.text, f.leads, f.territory)
                + (" " + decided.replace("%1", f.decided_at) if f.decided_at else ""),
                "source": src,
                "severity": SEVERITY[f.severity],
                "code": f.code,
            }
            for f in a.findings
        ]
        m = a.measurements
        text = self.tr("HR %1 bpm, PR %2 ms, QRS %3 ms, QT/QTc %4/%5 ms")
        for i, v in enumerate((m.hr_bpm, m.pr_ms, m.qrs_ms, m.qt_ms, m.qtc_ms), start=1):
            text = text.replace(f"%{i}", "—" if v is None else f"{v:.0f}")
        out.append({"text": text, "source": src, "severity": "info", "code": "MEASUREMENTS"})
        notes = notes_finding(a, src)  # what the analysis could not do or did differently
        return out + ([notes] if notes else [])

    # ---- filters and tools --------------------------------------------
    def set_filters(self, spec: FilterSpec):
        """Apply display filters on a worker; ``filtered`` when the view shows them."""
        self.filter_spec = spec
        self._update_labels()
        if self.raw_signal is None:
            return None
        return self.ctx.jobs.submit(
            _filter, self.raw_signal, spec, name="ECG filters", on_done=self._show_filtered
        )

    def _filters_changed(self, *_a) -> None:
        self.set_filters(
            FilterSpec(
                self.baseline_box.isChecked(),
                float(self.notch_box.currentData()),
                float(self.lowpass_box.currentData()),
            )
        )

    def _show_filtered(self, result) -> None:
        self.signal, self.pyramids = result
        self.redraw()
        self._update_labels()
        self.filtered.emit()

    def _caliper_mode(self, *_a) -> None:
        self.calipers.set_mode(self.caliper_box.currentData())
        if self.calipers.mode == "off":
            self.calipers.clear()

    def _drag(self, start, now) -> bool:
        if self.calipers.mode == "off":
            return False
        self.calipers.drag(start, now)
        return True

    def _click(self, xy) -> None:
        if self.calipers.mode != "off" or self.paper_layout is None or self.focus_lead:
            return
        cell = paper.cell_at(self.paper_layout, xy[0], xy[1], self.speed)
        if cell is not None and self.long is None:
            self.focus(cell.lead)

    def focus(self, lead: str | None) -> None:
        """Show one lead enlarged (None: back to the layout)."""
        if lead == self.focus_lead:
            return
        self.focus_lead = lead
        self.redraw()
        self.fit_true_size()

    # ---- drawing ------------------------------------------------------
    @property
    def speed(self) -> float:
        return float(self.speed_box.currentData())

    @property
    def gain(self) -> float:
        return float(self.gain_box.currentData())

    def fit_true_size(self) -> None:
        """Show the paper at 1 mm on paper = 1 mm on screen, from the top left (a
        one-column view of a longer record: from just before ``view_t0``)."""
        p = self.paper_layout
        if p is None:
            return
        vw = max(self.view.width(), 1.0)
        vh = max(self.view.height(), 1.0)
        w_mm, h_mm = vw / self.px_per_mm, vh / self.px_per_mm
        top = 8.0  # room for the AI model tag above the paper
        x0 = 0.0
        if self.view_t0 is not None and p.cells and len({c.col for c in p.cells}) == 1:
            lead_in = 2 * paper.MARGIN_MM  # a little of what comes before the window
            x0 = max(0.0, min(p.x_of(p.cells[0], self.view_t0, self.speed) - lead_in,
                              p.width_mm - w_mm))  # fmt: skip
        if self.long is not None:  # all rows, true millimetres along time
            self.view.setRange(xRange=(x0, x0 + w_mm), yRange=(-p.height_mm, top), padding=0)
            return
        self.view.setRange(xRange=(x0, x0 + w_mm), yRange=(top - h_mm, top), padding=0)

    def page_to(self, start_s: float) -> None:
        """Show the 10 s page from ``start_s`` (record seconds); one lead enlarged from
        there opens at the same time."""
        self.page_start_s = self.view_t0 = float(start_s)
        self.redraw()

    def show_window(self) -> None:
        """Bring the page (or a one-column view) to the 10 s the AI analysed."""
        span = analysed_span(self.analysis, self.raw_signal.duration_s) if self.analysis else None
        if span is None:
            return
        self.page_start_s, self.view_t0 = span[0], span[0]
        self.redraw()
        self.fit_true_size()

    def _layout_changed(self, *_a) -> None:
        """A record longer than a page: the new layout opens where the page was (a
        10 s page <-> one row per lead over the whole record)."""
        if self.signal is not None and self.signal.duration_s > PAGE_S + SLACK_S:
            self.fit_true_size()

    def redraw(self) -> None:
        from viewers.ecg.viewer_draw import draw_page

        if self.signal is None:
            return
        self.calipers.clear()
        draw_page(self)
        sig, layout_name = self.signal, self.layout_box.currentData()
        is_paged = not self.focus_lead and self.pyramids is None
        is_paged = is_paged and paged(layout_name, list(sig.leads), sig.duration_s)
        span = analysed_span(self.analysis, sig.duration_s)
        start = self.paper_layout.cells[0].t0 if self.paper_layout.cells else 0.0
        self.page_bar.set_state(is_paged, sig.duration_s, start, span is not None)
        for item in self._device_items:
            self.plot.removeItem(item)
        self._device_items = device_spike_items(self.signal, self.paper_layout, self.speed)
        for item in self._device_items:
            self.plot.addItem(item)
        self._draw_overlays()

    def _range_changed(self, *_a) -> None:
        if self.long is not None:
            (x0, x1), _ = self.view.viewRange()
            self.long.update(x0, x1, int(self.view.width()))

    def _draw_overlays(self) -> None:
        for item in self._overlay_items:
            self.plot.removeItem(item)
        self._overlay_items = []
        a, p = self.analysis, self.paper_layout
        if a is None or p is None or self.signal is None or not self.ai_box.isChecked():
            return
        listed = self.signal.device_pacer_spikes_s
        items = overlay_items(a, p, self.speed, listed)
        span = analysed_span(a, self.signal.duration_s)
        if span is not None:  # where the analysed 10 s is in a one-column view
            items += band_items(span, p, self.speed, band_caption(span, self.signal.duration_s))
        for item in items:
            self.plot.addItem(item)
            self._overlay_items.append(item)

    def flagged_leads(self) -> set[str]:
        if self.analysis is None:
            return set()
        return {lead for f in self.analysis.findings for lead in f.leads}
