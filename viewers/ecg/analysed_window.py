"""The 10 s the AI analysed, on the viewer's paper.

A record longer than 10 s is analysed on its cleanest 10 s (``analysis.window``);
the printed report prints that window (``pdf_report._analysed_part``), and the
viewer opens there too, so the doctor reads the beats that were measured:

* the standard page (3x4+II, 6x2 of a 12-lead record) is a 10 s page, as on
  paper, starting at the analysed window; the "from … s" box moves it;
* one-row-per-lead views (12x1, a record that is not 12-lead, one lead enlarged,
  the long view of a record over a minute) show the whole record, scrolled to
  the window, which is marked by a band across the rows.

The "Analysed 10 s" button brings the page or the view back to the window.
Times here are record seconds, as the beats of the analysis are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QToolButton, QWidget

from app.ecg.warning_codes import code_of

PAGE_S = 10.0  # one page of the standard layouts, as printed
SLACK_S = 0.5  # a record up to 10.5 s is one page (inference/ecg/window.py analyses it whole)
BAND = (26, 115, 232, 22)  # the analysed window's band: a light blue wash
BAND_EDGE = "#1a73e8"

translate = QCoreApplication.translate


def cut_s(analysis, signal) -> float:
    """Where a server pre-read's cut starts in the record (seconds; 0 for any other
    analysis): the server analyses a long recording's last N s (``preread_window``
    note, ``server.preread.analysis_window``) and counts its times from there."""
    note = next((w for w in analysis.warnings if code_of(w) == "preread_window"), None)
    if note is None or "cut_s" in (analysis.window or {}):
        return 0.0
    n = int(round(float(note.params.get("seconds") or 0) * signal.fs))
    return max(0, signal.n_samples - n) / signal.fs if 0 < n < signal.n_samples else 0.0


def in_record_time(analysis, signal):
    """``analysis`` with its beats, window and pacer spikes in the record's seconds
    (a server pre-read of the last N s counts from its cut): the overlays, the band,
    the median beats and the printed strip then sit on the beats it measured."""
    import dataclasses

    off = cut_s(analysis, signal)
    if not off:
        return analysis
    k = int(round(off * analysis.fs))
    names = ("qrs_on", "qrs_off", "p_on", "p_off", "t_on", "t_end")
    beats = [
        dataclasses.replace(b, **{n: getattr(b, n) + k for n in names if getattr(b, n) is not None})
        for b in analysis.beats
    ]
    w = dict(analysis.window or {})
    w.update(start_s=off + float(w.get("start_s", 0.0)), end_s=off + float(w.get("end_s", 0.0)))
    w.update(record_s=signal.duration_s, chosen=True, cut_s=off)
    spikes = [round(t + off, 4) for t in analysis.pacer_spikes]
    return dataclasses.replace(analysis, beats=beats, window=w, pacer_spikes=spikes)


def analysed_span(analysis, duration_s: float) -> tuple[float, float] | None:
    """(start, end) record seconds the AI chose among a longer record, else None (it
    analysed the whole record, or a server pre-read's last seconds not yet put in
    record time by ``in_record_time``)."""
    if analysis is None:
        return None
    w = analysis.window or {}
    cut = any(code_of(x) == "preread_window" for x in analysis.warnings)
    if not w.get("chosen") or (cut and "cut_s" not in w):
        return None
    start, end = float(w.get("start_s", 0.0)), float(w.get("end_s", 0.0))
    if end <= start or start >= duration_s:
        return None
    return start, min(end, duration_s)


def paged(layout_name: str, leads: list[str], duration_s: float) -> bool:
    """Whether the view is a 10 s page: a standard multi-column layout of a 12-lead
    record longer than one page (columns split time; more would stretch them)."""
    from viewers.ecg import paper

    if layout_name == "12x1" or duration_s <= PAGE_S + SLACK_S:
        return False
    cols, _rhythm = paper._grid(layout_name, "standard", leads)
    return len(cols) > 1


def band_items(span: tuple[float, float], p, speed: float, caption: str) -> list:
    """A band over ``span`` across every row of a one-column paper ``p``, captioned,
    with each row's lead name at its start."""
    import pyqtgraph as pg
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QGraphicsRectItem

    if not p.cells or len({c.col for c in p.cells}) > 1:
        return []
    cell = p.cells[0]
    x0, x1 = p.x_of(cell, span[0], speed), p.x_of(cell, span[1], speed)
    rect = QGraphicsRectItem(x0, -p.height_mm, x1 - x0, p.height_mm)
    rect.setBrush(QColor(*BAND))
    rect.setPen(pg.mkPen(BAND_EDGE, width=1, cosmetic=True))
    rect.setZValue(-8)  # over the grid, under the traces
    label = pg.TextItem(caption, color=BAND_EDGE, anchor=(0, 1))
    label.setPos(x0, 0.0)
    out = [rect, label]
    for c in p.cells:  # the lead names again where the view opens, far from the left edge
        name = pg.TextItem(c.lead.lstrip("-"), color=BAND_EDGE, anchor=(0, 1))
        name.setPos(x0 + 1, c.y_mm + 0.8 * p.row_mm / 2)
        out.append(name)
    return out


def band_caption(span: tuple[float, float], duration_s: float) -> str:
    text = translate("EcgAnalysedWindow", "AI analysed %1–%2 s of %3 s")
    text = text.replace("%1", f"{span[0]:.1f}").replace("%2", f"{span[1]:.1f}")
    return text.replace("%3", f"{duration_s:.1f}")


class PageBar(QWidget):
    """ "Page from [x] s of N s" (paged views) and "Analysed 10 s" (when the AI chose
    a window): the doctor moves freely and can always come back to the window."""

    start_changed = Signal(float)
    to_window = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption, self.of = QLabel(), QLabel()
        self.start = QDoubleSpinBox()
        self.start.setDecimals(1)
        self.start.setSingleStep(2.5)  # one column of the 3x4 page
        self.start.setKeyboardTracking(False)
        self.start.valueChanged.connect(self.start_changed.emit)
        self.window_btn = QToolButton()
        self.window_btn.clicked.connect(self.to_window.emit)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.caption, self.start, self.of, self.window_btn):
            lay.addWidget(w)
        self.duration_s = 0.0
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.caption.setText(translate("EcgAnalysedWindow", "Page from"))
        self.start.setSuffix(translate("EcgAnalysedWindow", " s"))
        self.of.setText(
            translate("EcgAnalysedWindow", "of %1 s").replace("%1", f"{self.duration_s:.1f}")
        )
        self.window_btn.setText(translate("EcgAnalysedWindow", "Analysed 10 s"))
        self.window_btn.setToolTip(
            translate("EcgAnalysedWindow", "Show the 10 s the AI analysed and measured")
        )

    def set_state(self, paged: bool, duration_s: float, start_s: float, has_window: bool) -> None:
        """Show the page box for a paged view, the button when the AI chose a window."""
        self.duration_s = duration_s
        for w in (self.caption, self.start, self.of):
            w.setVisible(paged)
        self.window_btn.setVisible(has_window)
        self.start.blockSignals(True)
        self.start.setRange(0.0, max(0.0, duration_s - PAGE_S))
        self.start.setValue(start_s)
        self.start.blockSignals(False)
        self.retranslate()
        self.setVisible(paged or has_window)
