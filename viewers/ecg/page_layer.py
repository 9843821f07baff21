"""One graphics item that paints a whole layer of the ECG page (grid or traces).

pyqtgraph spends about a millisecond per item on adding it to a view and
draws wide cosmetic pens segment by segment; a page of 13 traces, 13 labels
and 4 calibration pulses then costs tens of milliseconds to rebuild.  A
``PageLayer`` holds one ``QPainterPath`` per pen (built from numpy arrays in
one call each) and the lead labels, and paints them with QPainter directly.
It is not kept in Qt's device-coordinate pixmap cache: filling that cache
after a change (a new page, a zoom) cost several times more than stroking
the decimated paths, which a repaint of an unchanged page does in ~1.5 ms
(bench/ecg_render.py).  ``Trace`` keeps each trace's data for the viewer's
tools and tests.

The traces are a ``TracePath``: at paint time each is drawn through its
per-block min/max samples, blocks of about one device pixel column
(viewers/ecg/decimate.py), so a 10 s page at 1000 Hz is stroked through
~8,000 points, not 40,000, and zooming in brings back every sample.  Each
trace's path is built in s/mV, kept per block size for the signal and placed
by a transform, so neither an unchanged page nor a gain change rebuilds it.
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
    """Traces drawn at a zoom-dependent number of points.

    ``runs``: (x0_mm, y0_mm, values in mV, key), drawn at page x = x0 + t * speed,
    y = y0 + value * gain, t = sample / fs.  Each run's path is built in its own
    units (s, mV) through its per-block min/max samples (blocks of about one
    device pixel column) and kept in ``cache`` by (key, block); the cache may be
    shared by the pages of one signal, so a gain or layout change that keeps a
    cell's samples draws the same path under another transform.  ``extra``: a
    page-mm path drawn as is (the calibration pulses)."""

    LIMIT = 512  # cached run paths (many zoom levels visited: start again)

    def __init__(self, runs, fs, speed, gain, extra=None, cache: dict | None = None) -> None:
        self.runs = [(float(x0), float(y0), np.asarray(v, float), key) for x0, y0, v, key in runs]
        self.fs, self.speed, self.gain = float(fs), float(speed), float(gain)
        self.extra = extra
        self.cache = {} if cache is None else cache
        self.blocks: list[int] = []  # block sizes painted, last one last

    def block(self, px_per_mm: float) -> int:
        from viewers.ecg.decimate import block_for

        return block_for(self.fs / self.speed / px_per_mm if px_per_mm > 0 else 1.0)

    def _run(self, i: int, block: int) -> tuple[np.ndarray, QPainterPath]:
        """(kept sample indices, path in s/mV) of run ``i`` at ``block``."""
        from viewers.ecg.decimate import extreme_indices

        _x0, _y0, v, key = self.runs[i]
        found = self.cache.get((key, block))
        if found is None:
            if len(self.cache) > self.LIMIT:
                self.cache.clear()
            keep = extreme_indices(v, block) if block > 1 else np.arange(v.size)
            found = self.cache[(key, block)] = (keep, path_of(keep / self.fs, v[keep]))
        return found

    def points(self, block: int) -> tuple[np.ndarray, np.ndarray]:
        """Page-mm (x, y) of every point the traces are drawn through at ``block``."""
        xs, ys = [], []
        for i, (x0, y0, v, _key) in enumerate(self.runs):
            keep, _path = self._run(i, block)
            xs.append(x0 + keep / self.fs * self.speed)
            ys.append(y0 + v[keep] * self.gain)
        if not xs:
            return np.empty(0), np.empty(0)
        return np.concatenate(xs), np.concatenate(ys)

    def draw(self, painter, px_per_mm: float) -> None:
        """Draw with ``painter`` (its transform maps page mm to the device)."""
        from PySide6.QtGui import QTransform

        block = self.block(px_per_mm)
        if block not in self.blocks[-1:]:
            self.blocks.append(block)
        base = painter.transform()
        for i, (x0, y0, _v, _key) in enumerate(self.runs):
            painter.setTransform(QTransform(self.speed, 0, 0, self.gain, x0, y0) * base)
            painter.drawPath(self._run(i, block)[1])
        painter.setTransform(base)
        if self.extra is not None:
            painter.drawPath(self.extra)


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
            painter.setPen(p)
            if isinstance(path, TracePath):  # device pixels per page mm, this paint
                t = painter.transform()
                dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
                path.draw(painter, float(np.hypot(t.m11(), t.m12())) * dpr)
            else:
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
