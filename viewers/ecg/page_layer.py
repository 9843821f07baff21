"""One graphics item that paints a whole layer of the ECG page (grid or traces).

pyqtgraph spends about a millisecond per item on adding it to a view and
draws wide cosmetic pens segment by segment; a page of 13 traces, 13 labels
and 4 calibration pulses then costs tens of milliseconds to rebuild.  A
``PageLayer`` holds one ``QPainterPath`` per pen (built from numpy arrays in
one call each) and the lead labels, paints them with QPainter directly, and
keeps the result in Qt's device-coordinate pixmap cache.  ``Trace`` keeps
each trace's data for the viewer's tools and tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject


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


class PageLayer(QGraphicsObject):
    """Paths (each with its pen) and labels (text at a page position, drawn unscaled)."""

    def __init__(self, rect_mm: QRectF, paths, labels=(), label_colour="#111111", antialias=False):
        super().__init__()
        self._antialias = antialias
        self._rect = QRectF(rect_mm)
        self._paths = list(paths)  # [(QPainterPath, QPen)]
        self._labels = list(labels)  # [(x_mm, y_mm, text)]
        self._colour = QColor(label_colour)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        from PySide6.QtGui import QPainter

        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self._antialias)
        for path, p in self._paths:
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
