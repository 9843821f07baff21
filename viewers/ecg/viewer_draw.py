"""Drawing the ECG page for ``EcgViewer``: grid, traces, calibration pulses.

Short records are drawn whole (12 leads x 10 s is ~10^5 samples, stroked
through their per-pixel min/max); records
longer than ``LONG_S`` get one row per lead and ``LongTraces`` (min/max
decimation of the visible window only).

The page is two ``PageLayer`` items (viewers/ecg/page_layer.py): the grid,
rebuilt only when the paper size changes, and the traces with their labels
and calibration pulses, rebuilt only when the signal, layout, lead order,
speed, gain or focused lead change.  The trace layer strokes each trace
through its per-pixel-column min/max samples at the zoom it is painted at
(``TracePath``), so spikes stay visible and zooming in shows every sample;
those paths (in s/mV) are kept for the signal, across gain and layout changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from viewers.ecg import paper
from viewers.ecg.analysed_window import PAGE_S, paged
from viewers.ecg.long_view import LongTraces

MINOR, MAJOR, TRACE = "#f6c9c6", "#e88f8a", "#111111"
GRID_Z, TRACE_Z = -10.0, -5.0  # below the AI overlays and calipers


@dataclass
class PageCache:
    """The kept page: the grid layer and the trace layer, each one ``PageLayer``."""

    grid_key: tuple | None = None
    grid: object = None
    trace_key: tuple | None = None
    signal: object = None  # held, so the key's signal cannot be a recycled object
    layer: object = None
    traces: list = field(default_factory=list)
    picks: dict = field(default_factory=dict)  # the signal's decimation picks (TracePath)

    def drop(self, plot, which: str) -> None:
        item = self.grid if which == "grid" else self.layer
        if item is not None:
            plot.removeItem(item)
        if which == "grid":
            self.grid, self.grid_key = None, None
        else:
            self.layer, self.traces, self.trace_key, self.signal = None, [], None, None


def page_for(v) -> paper.Paper:
    sig = v.signal
    if v.focus_lead:
        return paper.single(v.focus_lead, sig.duration_s, v.speed, v.gain)
    name = "12x1" if v.pyramids is not None else v.layout_box.currentData()
    order, leads = v.order_box.currentData(), list(sig.leads)
    if paged(name, leads, sig.duration_s):  # a 10 s page, as printed (analysed_window)
        start = min(max(0.0, v.page_start_s), max(0.0, sig.duration_s - PAGE_S))
        return paper.layout(name, order, leads, PAGE_S, v.speed, v.gain, start_s=start)
    return paper.layout(name, order, leads, sig.duration_s, v.speed, v.gain)


def _rect(p: paper.Paper):
    from PySide6.QtCore import QRectF

    return QRectF(0.0, -p.height_mm - 1.0, p.width_mm + 1.0, p.height_mm + 2.0)


@lru_cache(maxsize=4)
def _grid_paths(width_mm: float, height_mm: float) -> tuple:
    """The grid's paths for one paper size (kept: a gain toggle goes back and forth)."""
    from viewers.ecg.page_layer import path_of, pen

    paths = []
    for step, colour, width in ((1.0, MINOR, 0.5), (5.0, MAJOR, 1.0)):
        xs, ys = paper.grid_lines(width_mm, height_mm, step)
        paths.append((path_of(xs, ys, "pairs"), pen(colour, width)))
    return tuple(paths)


def _grid(p: paper.Paper):
    from viewers.ecg.page_layer import PageLayer

    layer = PageLayer(_rect(p), _grid_paths(p.width_mm, p.height_mm))
    layer.setZValue(GRID_Z)
    return layer


def _traces(v, p: paper.Paper, picks: dict | None = None):
    from viewers.ecg.page_layer import PageLayer, Trace, TracePath, path_of, pen

    sig = v.signal
    traces, labels, runs = [], [], []
    for cell in p.cells:
        i0, i1 = int(cell.t0 * sig.fs), min(int(cell.t1 * sig.fs), sig.n_samples)
        y = sig.lead(cell.lead)[i0:i1]
        traces.append(
            Trace(cell.x_mm + np.arange(y.size) / sig.fs * v.speed, cell.y_mm + y * v.gain)
        )
        labels.append((cell.x_mm + 1, cell.y_mm + 0.8 * p.row_mm / 2, cell.lead))
        runs.append((cell.x_mm, cell.y_mm, y, (cell.lead, i0, i1)))
    rows_done: set[int] = set()
    pulses = []
    for cell in p.cells:
        if cell.row not in rows_done:
            rows_done.add(cell.row)
            pulses.append(paper.calibration_pulse(cell.y_mm, v.speed, v.gain))
    # the pulses: one page-mm path of separate runs (no line joins them)
    xs, ys = [np.asarray(x, float) for x, _ in pulses], [np.asarray(y, float) for _, y in pulses]
    connect = np.concatenate([np.r_[np.ones(len(x) - 1, bool), False] for x in xs])
    # the traces: through their per-pixel min/max samples at the painted zoom, each
    # path in s/mV kept for the signal (``picks``) and placed by a transform
    path = TracePath(
        runs,
        sig.fs,
        v.speed,
        v.gain,
        path_of(np.concatenate(xs), np.concatenate(ys), connect),
        picks,
    )
    # 1 px: a cosmetic pen of 1.2 px is stroked ~10x slower by the raster engine
    layer = PageLayer(_rect(p), [(path, pen(TRACE, 1.0))], labels, TRACE, antialias=True)
    layer.setZValue(TRACE_Z)
    return layer, traces


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
        cache.grid, cache.grid_key = _grid(p), grid_key
        v.plot.addItem(cache.grid)
    trace_key = (
        v.layout_box.currentData(),
        v.order_box.currentData(),
        v.speed,
        v.gain,
        v.focus_lead,
        p.cells[0].t0 if p.cells else 0.0,  # the page's start (a 10 s page of a longer record)
    )
    if cache.trace_key != trace_key or cache.signal is not sig:
        if cache.signal is not sig:
            cache.picks = {}
        cache.drop(v.plot, "traces")
        cache.layer, cache.traces = _traces(v, p, cache.picks)
        cache.trace_key, cache.signal = trace_key, sig
        v.plot.addItem(cache.layer)
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
