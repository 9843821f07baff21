"""Long recordings on the paper: min/max-decimated traces of the visible window.

Each trace keeps a ``MinMaxPyramid``; on every view change only the visible
samples are decimated to about two points per screen pixel, so a pan or zoom
costs the same for a 10 s strip and a 24 h Holter lead.  The mm grid is drawn
for the visible window only, and only when zoomed in enough to be legible.
"""

from __future__ import annotations

import numpy as np

from viewers.ecg import paper
from viewers.ecg.decimate import MinMaxPyramid

LONG_S = 60.0  # records longer than this are shown in long mode
GRID_MAX_MM = 1500.0  # draw the grid only when at most this much paper is visible


def build_pyramids(signal, state=None) -> dict[str, MinMaxPyramid]:
    """One pyramid per lead (off the UI thread for long records)."""
    out = {}
    for i, name in enumerate(signal.leads):
        if state is not None:
            state.check()
            state.progress(i / max(1, len(signal.leads)), "decimation")
        out[name] = MinMaxPyramid(signal.data[i])
    return out


class LongTraces:
    def __init__(self, plot, p: paper.Paper, pyramids, fs: float, speed: float, gain: float):
        import pyqtgraph as pg

        self.plot, self.p, self.pyr = plot, p, pyramids
        self.fs, self.speed, self.gain = fs, speed, gain
        self.items = []
        pen = pg.mkPen("#111111", width=1.0, cosmetic=True)
        for _cell in p.cells:
            item = pg.PlotCurveItem(pen=pen, skipFiniteCheck=True)
            plot.addItem(item)
            self.items.append(item)
        self.grid = [
            pg.PlotCurveItem(pen=pg.mkPen(colour, width=w, cosmetic=True), connect="pairs")
            for colour, w in (("#f6c9c6", 0.5), ("#e88f8a", 1.0))
        ]
        for g in self.grid:
            plot.addItem(g)
            g.setZValue(-10)

    def update(self, x0_mm: float, x1_mm: float, width_px: int) -> int:
        """Redraw the window ``x0..x1`` (paper mm); returns the points drawn."""
        total = 0
        for cell, item in zip(self.p.cells, self.items, strict=True):
            pyr = self.pyr[cell.lead.lstrip("-")]
            t0 = max(cell.t0, (x0_mm - cell.x_mm) / self.speed)
            t1 = min(cell.t1, (x1_mm - cell.x_mm) / self.speed)
            i0, i1 = int(t0 * self.fs), int(np.ceil(t1 * self.fs)) + 1
            xs, ys = pyr.window(i0, i1, max(width_px, 1))
            sign = -1.0 if cell.lead.startswith("-") else 1.0
            item.setData(cell.x_mm + xs / self.fs * self.speed, cell.y_mm + sign * ys * self.gain)
            total += xs.size
        self._grid(x0_mm, x1_mm)
        return total

    def _grid(self, x0: float, x1: float) -> None:
        if x1 - x0 > GRID_MAX_MM:
            for g in self.grid:
                g.setData([], [])
            return
        h = self.p.height_mm
        for g, step in zip(self.grid, (1.0, 5.0), strict=True):
            xs = np.arange(np.floor(max(x0, 0) / step) * step, x1 + step, step)
            ys = np.arange(0.0, h + step, step)
            vx = np.repeat(xs, 2)
            vy = np.tile([0.0, -h], xs.size)
            hx = np.tile([max(x0, 0.0), x1], ys.size)
            hy = np.repeat(-ys, 2)
            g.setData(np.concatenate([vx, hx]), np.concatenate([vy, hy]))
