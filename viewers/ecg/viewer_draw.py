"""Drawing the ECG page for ``EcgViewer``: grid, traces, calibration pulses.

Short records are drawn in full (12 leads x 10 s is ~10^5 points); records
longer than ``LONG_S`` get one row per lead and ``LongTraces`` (min/max
decimation of the visible window only).

The page is cached in two layers: the grid is rebuilt only when the paper
size changes, the traces (with their labels and calibration pulses) only
when the signal, layout, lead order, speed, gain or focused lead change.
Each kept item paints from Qt's device-coordinate pixmap cache, which Qt
itself drops when the view is zoomed or resized, so a repaint of an
unchanged page is a blit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from viewers.ecg import paper
from viewers.ecg.long_view import LongTraces

MINOR, MAJOR, TRACE = "#f6c9c6", "#e88f8a", "#111111"
GRID_Z, TRACE_Z = -10.0, -5.0  # below the AI overlays and calipers


@dataclass
class PageCache:
    """The kept page: each layer is one group item in the plot (one ``addItem``
    instead of one per trace, which costs ~1 ms each in pyqtgraph)."""

    grid_key: tuple | None = None
    grid: list = field(default_factory=list)
    grid_group: object = None
    trace_key: tuple | None = None
    signal: object = None  # held, so the key's signal cannot be a recycled object
    traces: list = field(default_factory=list)
    decor: list = field(default_factory=list)  # lead labels and calibration pulses
    trace_group: object = None

    def drop(self, plot, which: str) -> None:
        group = self.grid_group if which == "grid" else self.trace_group
        if group is not None:
            plot.removeItem(group)
        if which == "grid":
            self.grid, self.grid_key, self.grid_group = [], None, None
        else:
            self.traces, self.decor, self.trace_key, self.signal = [], [], None, None
            self.trace_group = None


def _group(plot, items: list, z: float):
    import pyqtgraph as pg

    group = pg.ItemGroup()
    group.setZValue(z)
    for item in items:
        item.setParentItem(group)
    plot.addItem(group)
    return group


def page_for(v) -> paper.Paper:
    sig = v.signal
    if v.focus_lead:
        return paper.single(v.focus_lead, sig.duration_s, v.speed, v.gain)
    name = "12x1" if v.pyramids is not None else v.layout_box.currentData()
    return paper.layout(
        name, v.order_box.currentData(), list(sig.leads), sig.duration_s, v.speed, v.gain
    )


def _cached(item, z: float):
    from PySide6.QtWidgets import QGraphicsItem

    item.setZValue(z)
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return item


def _grid(v, p: paper.Paper) -> list:
    import pyqtgraph as pg

    out = []
    for step, colour, width in ((1.0, MINOR, 0.5), (5.0, MAJOR, 1.0)):
        xs, ys = paper.grid_lines(p.width_mm, p.height_mm, step)
        pen = pg.mkPen(colour, width=width, cosmetic=True)
        item = pg.PlotCurveItem(np.array(xs), np.array(ys), pen=pen, connect="pairs")
        out.append(_cached(item, GRID_Z))
    return out


def _traces(v, p: paper.Paper) -> tuple[list, list]:
    import pyqtgraph as pg

    sig = v.signal
    trace_pen = pg.mkPen(TRACE, width=1.2, cosmetic=True)
    traces, decor = [], []
    for cell in p.cells:
        i0, i1 = int(cell.t0 * sig.fs), min(int(cell.t1 * sig.fs), sig.n_samples)
        y = sig.lead(cell.lead)[i0:i1]
        x = cell.x_mm + np.arange(y.size) / sig.fs * v.speed
        traces.append(_cached(pg.PlotCurveItem(x, cell.y_mm + y * v.gain, pen=trace_pen), TRACE_Z))
    rows_done = set()
    for cell in p.cells:
        label = pg.TextItem(cell.lead, color=TRACE, anchor=(0, 1))
        label.setPos(cell.x_mm + 1, cell.y_mm + 0.8 * p.row_mm / 2)
        decor.append(label)
        if cell.row not in rows_done:
            rows_done.add(cell.row)
            xs, ys = paper.calibration_pulse(cell.y_mm, v.speed, v.gain)
            pulse = pg.PlotCurveItem(np.array(xs), np.array(ys), pen=trace_pen)
            decor.append(_cached(pulse, TRACE_Z))
    return traces, decor


def draw_page(v) -> None:
    sig = v.signal
    p = page_for(v)
    v.paper_layout = p
    long_mode = v.pyramids is not None and not v.focus_lead
    cache = getattr(v, "page_cache", None)
    v.plot.setAspectLocked(not long_mode, 1.0)
    v.view.setMouseEnabled(x=True, y=not long_mode)
    if long_mode or cache is None or v.long is not None:
        v.plot.clear()  # long view, first page, or back from the long view: start clean
        v._overlay_items = []
        cache = v.page_cache = PageCache()
    if long_mode:
        v.long = LongTraces(v.plot, p, v.pyramids, sig.fs, v.speed, v.gain)
        v.trace_items = list(v.long.items)
        _decorate_long(v, p)
        (x0, x1), _ = v.view.viewRange()
        v.long.update(x0, x1, int(v.view.width()))
        return
    v.long = None
    grid_key = (p.width_mm, p.height_mm)
    if cache.grid_key != grid_key:
        cache.drop(v.plot, "grid")
        cache.grid, cache.grid_key = _grid(v, p), grid_key
        cache.grid_group = _group(v.plot, cache.grid, GRID_Z)
    trace_key = (
        v.layout_box.currentData(),
        v.order_box.currentData(),
        v.speed,
        v.gain,
        v.focus_lead,
    )
    if cache.trace_key != trace_key or cache.signal is not sig:
        cache.drop(v.plot, "traces")
        cache.traces, cache.decor = _traces(v, p)
        cache.trace_key, cache.signal = trace_key, sig
        cache.trace_group = _group(v.plot, cache.traces + cache.decor, TRACE_Z)
    v.trace_items = list(cache.traces)


def _decorate_long(v, p: paper.Paper) -> None:
    """Lead labels and calibration pulses of the long view (not cached: it redraws)."""
    import pyqtgraph as pg

    trace_pen = pg.mkPen(TRACE, width=1.2, cosmetic=True)
    for cell in p.cells:
        label = pg.TextItem(cell.lead, color=TRACE, anchor=(0, 1))
        label.setPos(cell.x_mm + 1, cell.y_mm + 0.8 * p.row_mm / 2)
        v.plot.addItem(label)
        xs, ys = paper.calibration_pulse(cell.y_mm, v.speed, v.gain)
        v.plot.addItem(pg.PlotCurveItem(np.array(xs), np.array(ys), pen=trace_pen))
