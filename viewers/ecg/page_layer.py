"""One graphics item that paints a whole layer of the ECG page (grid or traces).

pyqtgraph spends about a millisecond per item on adding it to a view and
draws wide cosmetic pens segment by segment; a page of 13 traces, 13 labels
and 4 calibration pulses then costs tens of milliseconds to rebuild.  A
``PageLayer`` holds one ``QPainterPath`` per pen (built from numpy arrays in
one call each) and the lead labels, and paints them with QPainter directly.
It is not kept in Qt's device-coordinate pixmap cache: filling that cache
after a change (a new page, a zoom) cost about twice as much as stroking the
decimated paths, which a repaint of an unchanged page now does in ~2 ms
(bench/ecg_render.py).  ``Trace`` keeps
each trace's data for the viewer's tools and tests.

The traces are a ``TracePath``: at paint time it is drawn through the per-block min/max samples of each
trace, blocks of about one device pixel (viewers/ecg/decimate.py), so a
10 s page at 1000 Hz is stroked through a few thousand points, not 40,000,
and zooming in brings back every sample (a path per block size is kept, so
an unchanged page does not rebuild it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsObject


@dataclass
class Trace:
    """One drawn trace in page millimetres (what the layer paints)."""

    xData: np.ndarray  # noqa: N815 (the same names as pyqtgraph's PlotCurveItem)
    yData: np.ndarray  # noqa: N815


def path_of(x: np.ndarray, y: np.ndarray, connect: str = "all") -> QPainterPath:
    import pyqtgraph as pg

    return pg.arrayToQPath(np.asarray(x, float), np.asarray(y, float), connect=connect)


def pen(colour: str, width: float) -> QPen:
    p = QPen(QColor(colour))
    p.setWidthF(width)
    p.setCosmetic(True)
    return p


class TracePath:
    """Runs of samples in page mm, drawn at a zoom-dependent number of points.

    ``runs``: (x, y, key); a run with a key is a trace sampled at ``samples_per_mm``
    and is drawn through its per-block min/max samples, one with key None (a
    calibration pulse) whole.  ``picks`` maps (key, block) to the kept sample
    indices; it may be shared by the pages of one signal (a gain or layout change
    keeps the same extremes, since y is the lead scaled by a positive gain).  One
    path per block size is kept."""

    KEEP = 3  # block sizes kept (zooming back and forth reuses them)

    def __init__(self, runs, samples_per_mm: float, picks: dict | None = None) -> None:
        self.runs = [(np.asarray(x, float), np.asarray(y, float), key) for x, y, key in runs]
        self.samples_per_mm = float(samples_per_mm)
        self.picks = {} if picks is None else picks
        self._paths: dict[int, QPainterPath] = {}

    def points(self, block: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x, y, connect) of every run at ``block`` samples per min/max block."""
        from viewers.ecg.decimate import extreme_indices

        if len(self.picks) > 512:  # many zoom levels visited: start again
            self.picks.clear()
        xs, ys, conn = [], [], []
        for x, y, key in self.runs:
            if key is not None and block > 1:
                keep = self.picks.get((key, block))
                if keep is None:
                    keep = self.picks[(key, block)] = extreme_indices(y, block)
                x, y = x[keep], y[keep]
            xs.append(x)
            ys.append(y)
            run = np.ones(len(x), bool)
            run[-1:] = False  # no line to the next run
            conn.append(run)
        if not xs:
            return np.empty(0), np.empty(0), np.empty(0, bool)
        return np.concatenate(xs), np.concatenate(ys), np.concatenate(conn)

    def at(self, px_per_mm: float) -> QPainterPath:
        from viewers.ecg.decimate import block_for

        block = block_for(self.samples_per_mm / px_per_mm if px_per_mm > 0 else 1.0)
        path = self._paths.get(block)
        if path is None:
            while len(self._paths) >= self.KEEP:
                self._paths.pop(next(iter(self._paths)))
            path = self._paths[block] = path_of(*self.points(block))
        return path


class PageLayer(QGraphicsObject):
    """Paths (each a ``QPainterPath`` or a ``TracePath``, with its pen) and labels
    (text at a page position, drawn unscaled)."""

    def __init__(self, rect_mm: QRectF, paths, labels=(), label_colour="#111111", antialias=False):
        super().__init__()
        self._antialias = antialias
        self._rect = QRectF(rect_mm)
        self._paths = list(paths)  # [(QPainterPath, QPen)]
        self._labels = list(labels)  # [(x_mm, y_mm, text)]
        self._colour = QColor(label_colour)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        from PySide6.QtGui import QPainter

        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self._antialias)
        for path, p in self._paths:
            if isinstance(path, TracePath):  # device pixels per page mm, this paint
                t = painter.transform()
                dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
                path = path.at(float(np.hypot(t.m11(), t.m12())) * dpr)
            painter.setPen(p)
            painter.drawPath(path)
        if not self._labels:
            return
        to_device = painter.transform()
        painter.save()
        painter.setTransform(QTransform())  # text in pixels, upright, at its page position
        painter.setPen(self._colour)
        font = QFont(painter.font())
        font.setPointSizeF(9.0)
        painter.setFont(font)
        for x, y, text in self._labels:
            at = to_device.map(QPointF(x, y))
            painter.drawText(at - QPointF(0, painter.fontMetrics().descent()), text)  # bottom-left
        painter.restore()
