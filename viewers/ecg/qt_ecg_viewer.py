"""ECG viewer: paper view in true millimetres, standard layouts, AI overlays, tools.

The signal is read on a worker thread (``ctx.jobs``), then the AI pre-read
runs on another; overlays (wave shading, J/J+60 markers, leads meeting a
criterion) are labelled with the model name and version.  Tools: calipers,
display filters (state always shown, non-diagnostic ones warned), single-lead
view (click a lead, Esc back), measurement table, median beats, report and
serial comparison panels.  Records longer than a minute are shown one row per
lead with min/max decimation of the visible window.

The toolbars, filters and calipers are in ``qt_toolbar``, paging and the
analysed window in ``qt_navigation``, the AI pre-read and its findings in
``qt_ai_actions``; the worker jobs in ``viewer_jobs``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget

from app.ecg.filters import FilterSpec
from ui.report.panel import ReportPanel
from viewers.ecg.analysed_window import PageBar, analysed_span, band_caption, band_items, paged
from viewers.ecg.calipers import Calipers, format_reading
from viewers.ecg.left_out import LeftOutLabel, status_warnings
from viewers.ecg.model_line import model_line, model_tooltip
from viewers.ecg.overlays import device_spike_items, make_view_box, overlay_items
from viewers.ecg.qt_ai_actions import EcgAiActions
from viewers.ecg.qt_compare_panel import ComparePanel
from viewers.ecg.qt_navigation import EcgNavigation
from viewers.ecg.qt_panels import MeasurementTable, MedianPanel
from viewers.ecg.qt_toolbar import EcgToolbar
from viewers.ecg.viewer_jobs import read_job, stored_analysis
from viewers.ecg.viewer_text import filter_text, retranslate_toolbar
from viewers.ecg.warning_text import warning_text

__all__ = ["EcgViewer", "stored_analysis"]

PAPER_BG = "#fff6f5"


class EcgViewer(EcgAiActions, EcgNavigation, EcgToolbar, QWidget):
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
        self.ai_error: str | None = None  # why the last AI run failed
        self._signal_status = False  # the status line shows the loaded record
        self.pyramids = self.long = self.paper_layout = self.focus_lead = None
        self.findings: list[dict] = []
        self.trace_items: list = []
        self._overlay_items: list = []
        self._device_items: list = []  # marks the recording device stored (pacer spikes)
        self.filter_spec = FilterSpec()  # the display filters chosen
        self.shown_spec = FilterSpec()  # the display filters of the trace on screen
        self.page_start_s = 0.0  # a 10 s page of a longer record starts here (record s)
        self.view_t0: float | None = None  # a one-column view opens at this record time
        self.page_bar = PageBar()  # "Page from … s" and "Analysed 10 s"
        self.page_bar.start_changed.connect(self.page_to)
        self.page_bar.to_window.connect(self.show_window)
        self.px_per_mm = self._px_per_mm()

        bar, tools = self._build_toolbars()
        self.model_label, self.status = QLabel(), QLabel()
        self.left_out = LeftOutLabel()  # channels not analysed as ECG (ABP, Pleth, Resp...)
        self.status.setStyleSheet("padding:2px 6px;color:#3c4043")
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
        ctx.jobs.submit(read_job, ctx, name="read ECG", on_done=self._show, on_error=self._failed)

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
        if self._signal_status and self.raw_signal is not None:
            self.status.setText(self.status_line())  # warnings by code

    def changeEvent(self, event) -> None:
        # a language change can arrive while the viewer is still being built
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "panel_btn"):
            self.retranslate()
            if self.analysis is not None:
                self.findings = self._findings(self.analysis)
                self.findings_changed.emit(self.findings)
                self._draw_overlays()  # the analysed window's caption
        super().changeEvent(event)

    def _update_labels(self) -> None:
        if self.signal is not None:
            text, warn = filter_text(self, self.signal.filters, self.shown_spec)
            self.filter_label.setText(text)
            self.filter_label.setStyleSheet("color:#d93025;font-weight:bold" if warn else "")
        if self.analysis is not None:
            self.model_label.setText(model_line(self.analysis, self.ran_at))
            self.model_label.setToolTip(model_tooltip(self.ran_at))

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

    def status_line(self) -> str:
        """The status line of the loaded record: the AI's failure first, if any."""
        line = self.signal_status(self.raw_signal)
        failed = self.ai_status()
        return f"{failed} · {line}" if failed else line

    def _failed(self, err: BaseException) -> None:
        self._signal_status = False
        from ui.read_errors import show_error_on

        show_error_on(self.status, self.tr("The ECG could not be shown: %1"), err)

    def _show(self, result) -> None:
        signal, self.pyramids = result
        self.raw_signal = self.signal = signal
        self.shown_spec = FilterSpec()  # the recording as stored
        self.redraw()
        if self.paper_layout is not None and self.long is None:
            page_px = self.paper_layout.width_mm * self.px_per_mm + 24
            self.panel_btn.setChecked(self.width() - page_px >= 280)
        self.fit_true_size()
        QTimer.singleShot(0, self.fit_true_size)  # again once the layout has settled
        self.left_out.set_left_out(signal.left_out)
        self.report_panel.title.setText(self.report_panel.title_text())  # by the record
        self._signal_status = True
        self.status.setText(self.status_line())
        self._update_labels()
        self.loaded.emit()
        if self.filter_spec != self.shown_spec:  # filters chosen while the record loaded
            self.set_filters(self.filter_spec)
        self.run_ai(rerun=False)

    # ---- drawing ------------------------------------------------------
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
