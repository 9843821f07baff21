"""Drawing the ECG page for ``EcgViewer``: grid, traces, calibration pulses.

Short records are drawn in full (12 leads x 10 s is ~10^5 points); records
longer than ``LONG_S`` get one row per lead and ``LongTraces`` (min/max
decimation of the visible window only).
"""

from __future__ import annotations

import numpy as np

from viewers.ecg import paper
from viewers.ecg.long_view import LongTraces

MINOR, MAJOR, TRACE = "#f6c9c6", "#e88f8a", "#111111"


def page_for(v) -> paper.Paper:
    sig = v.signal
    if v.focus_lead:
        return paper.single(v.focus_lead, sig.duration_s, v.speed, v.gain)
    name = "12x1" if v.pyramids is not None else v.layout_box.currentData()
    return paper.layout(
        name, v.order_box.currentData(), list(sig.leads), sig.duration_s, v.speed, v.gain
    )


def draw_page(v) -> None:
    import pyqtgraph as pg

    sig = v.signal
    v.plot.clear()
    v._overlay_items = []
    v.trace_items = []
    p = page_for(v)
    v.paper_layout = p
    trace_pen = pg.mkPen(TRACE, width=1.2, cosmetic=True)
    long_mode = v.pyramids is not None and not v.focus_lead
    v.plot.setAspectLocked(not long_mode, 1.0)
    v.view.setMouseEnabled(x=True, y=not long_mode)
    if long_mode:
        v.long = LongTraces(v.plot, p, v.pyramids, sig.fs, v.speed, v.gain)
        v.trace_items = list(v.long.items)
    else:
        v.long = None
        for step, colour, width in ((1.0, MINOR, 0.5), (5.0, MAJOR, 1.0)):
            xs, ys = paper.grid_lines(p.width_mm, p.height_mm, step)
            pen = pg.mkPen(colour, width=width, cosmetic=True)
            v.plot.addItem(pg.PlotCurveItem(np.array(xs), np.array(ys), pen=pen, connect="pairs"))
        for cell in p.cells:
            i0, i1 = int(cell.t0 * sig.fs), min(int(cell.t1 * sig.fs), sig.n_samples)
            y = sig.lead(cell.lead)[i0:i1]
            x = cell.x_mm + np.arange(y.size) / sig.fs * v.speed
            item = pg.PlotCurveItem(x, cell.y_mm + y * v.gain, pen=trace_pen)
            v.plot.addItem(item)
            v.trace_items.append(item)
    rows_done = set()
    for cell in p.cells:
        label = pg.TextItem(cell.lead, color=TRACE, anchor=(0, 1))
        label.setPos(cell.x_mm + 1, cell.y_mm + 0.8 * p.row_mm / 2)
        v.plot.addItem(label)
        if cell.row not in rows_done:
            rows_done.add(cell.row)
            xs, ys = paper.calibration_pulse(cell.y_mm, v.speed, v.gain)
            v.plot.addItem(pg.PlotCurveItem(np.array(xs), np.array(ys), pen=trace_pen))
    if v.long is not None:
        (x0, x1), _ = v.view.viewRange()
        v.long.update(x0, x1, int(v.view.width()))
