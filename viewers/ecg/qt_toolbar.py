"""ECG viewer toolbars (mixed into ``EcgViewer``): paper settings, calipers, filters.

Two rows: layout, lead order, speed, gain, AI overlays, "Run AI again" and the
caliper reading; then calipers, display filters (baseline, notch, low-pass),
the page bar and the filter state.  Their texts come from
``viewer_text.retranslate_toolbar``.  Display filters run on a worker; the
filter state under the toolbar always describes the trace on screen, so a
filter still being applied (or chosen while the record loads) is not claimed
before it is shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QToolButton

from app.ecg.filters import LOWPASS_CHOICES, NOTCH_CHOICES, FilterSpec, assess
from viewers.ecg import paper
from viewers.ecg.calipers import MODES
from viewers.ecg.viewer_jobs import filter_job


class EcgToolbar:
    """Needs: ctx, raw_signal, signal, calipers, page_bar, filter_spec, shown_spec,
    the ``filtered`` signal, ``redraw``, ``run_ai``, ``_layout_changed``,
    ``_draw_overlays`` and ``_update_labels``."""

    def _build_toolbars(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The two toolbar rows, their controls made and connected."""
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
        self.rerun_btn.setEnabled(False)  # until the record's first AI result is in
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
        return bar, tools

    @property
    def speed(self) -> float:
        return float(self.speed_box.currentData())

    @property
    def gain(self) -> float:
        return float(self.gain_box.currentData())

    # ---- display filters ----------------------------------------------
    def filter_state(self):
        """Is the trace on screen diagnostic (its display filters and the recording's)?"""
        return assess(self.shown_spec, self.signal.filters if self.signal else {})

    def set_filters(self, spec: FilterSpec):
        """Apply display filters on a worker; ``filtered`` when the view shows them."""
        self.filter_spec = spec
        self._update_labels()
        if self.raw_signal is None:
            return None  # applied once the record is loaded
        return self.ctx.jobs.submit(
            filter_job, self.raw_signal, spec,
            name="ECG filters", on_done=lambda result: self._show_filtered(result, spec),
        )  # fmt: skip

    def _filters_changed(self, *_a) -> None:
        self.set_filters(
            FilterSpec(
                self.baseline_box.isChecked(),
                float(self.notch_box.currentData()),
                float(self.lowpass_box.currentData()),
            )
        )

    def _show_filtered(self, result, spec: FilterSpec) -> None:
        if spec != self.filter_spec:
            return  # an earlier choice finishing late: the current one is on its way
        self.signal, self.pyramids = result
        self.shown_spec = spec
        self.redraw()
        self._update_labels()
        self.filtered.emit()

    # ---- calipers -----------------------------------------------------
    def _caliper_mode(self, *_a) -> None:
        self.calipers.set_mode(self.caliper_box.currentData())
        if self.calipers.mode == "off":
            self.calipers.clear()

    def _drag(self, start, now) -> bool:
        if self.calipers.mode == "off":
            return False
        self.calipers.drag(start, now)
        return True
