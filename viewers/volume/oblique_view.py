"""Oblique MPR on the MPR grid: the "rotate planes" tool and the crosshair traces.

With the rotate tool, a left drag in a plane turns the other two planes about
that plane's normal (``app.imaging.oblique.Frame.rotate``) by the angle the
pointer sweeps around the crosshair centre; the plane dragged in stays as it
is and its crosshair lines turn.  The mouse is read through an event filter, so
the 2D canvas is unchanged.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainterPath


def crosshair_path(frame, view: str, geometry) -> QPainterPath:
    """The other two planes' traces through the point (image pixel coordinates)."""
    rows, cols = geometry.shape
    reach = float(rows + cols)
    path = QPainterPath()
    for (c, r), (dc, dr), _other in frame.lines(view, geometry):
        path.moveTo(c + 0.5 - dc * reach, r + 0.5 - dr * reach)
        path.lineTo(c + 0.5 + dc * reach, r + 0.5 + dr * reach)
    return path


def sweep(geometry, centre_mm, before, after) -> float:
    """Angle (radians, about the plane's normal col x row) swept from pixel ``before``
    to pixel ``after`` around ``centre_mm``, measured in mm (non-square pixels too)."""
    col = geometry.col / np.linalg.norm(geometry.col)
    row = geometry.row / np.linalg.norm(geometry.row)

    def angle(p) -> float:
        v = geometry.to_mm(*p) - centre_mm
        return math.atan2(float(v @ row), float(v @ col))

    d = angle(after) - angle(before)
    return (d + math.pi) % (2 * math.pi) - math.pi


class RotateDrag(QObject):
    """Event filter on one plane's viewport: left drag with the rotate tool turns the frame."""

    def __init__(self, grid, name: str, view) -> None:
        super().__init__(view)
        self.grid, self.name, self.view = grid, name, view
        self.last = None
        view.viewport().installEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:
        if self.view.tool != "rotate" or self.grid.volume is None:
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self.view.activated.emit()
            self.last = self.view.image_point(event.position())
            return True
        if kind == QEvent.Type.MouseMove and self.last is not None:
            now = self.view.image_point(event.position())
            self.grid.rotate_by(self.name, self.last, now)
            self.last = now
            return True
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self.last = None
            return True
        return False
