"""Where each AI nodule is drawn: circles with its size on 2D slices and MPR planes,
spheres in 3D.  A nodule is a sphere of half its long axis around its centre (patient
mm): a plane through it shows the circle of that sphere's section, so a mark grows
and shrinks as the doctor scrolls through the nodule, and its label (number, mean
diameter, Lung-RADS) is written where the section is largest."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainterPath

COLOURS = {
    "": QColor(255, 150, 0),  # undecided: orange
    "accepted": QColor(60, 220, 90),
    "modified": QColor(60, 220, 90),
    "rejected": QColor(150, 150, 150),
}
SELECTED = QColor(255, 255, 0)


def radius_mm(n: dict) -> float:
    return max(float(n.get("long_axis_mm") or n.get("mean_diameter_mm") or 4.0) / 2.0, 2.0)


def section(n: dict, distance_mm: float) -> float | None:
    """Radius of the nodule's sphere on a plane ``distance_mm`` from its centre."""
    r = radius_mm(n) + 1.5  # a little outside the nodule, so the mark does not hide its edge
    return math.sqrt(r * r - distance_mm * distance_mm) if abs(distance_mm) < r else None


def circle(col: float, row: float, r_mm: float, col_mm: float, row_mm: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(col + 0.5, row + 0.5), r_mm / col_mm, r_mm / row_mm)
    return path


def label(n: dict, size_text: str) -> str:
    return f"{n['id']}  {size_text}  LR {n['lung_rads']}"


def marks_on_plane(nodules, place, plane_mm, width: float = 0.0):
    """(paths, labels) for one plane.  ``nodules``: (nodule, colour, text);
    ``place(n) -> (column, row, distance mm from the plane)`` or None;
    ``plane_mm``: (mm per row, mm per column) of the plane's pixels; ``width``: its
    columns (a label near the right edge is written left of its circle)."""
    paths, labels = [], []
    for n, colour, text in nodules:
        where = place(n)
        if where is None:
            continue
        col, row, d = where
        r = section(n, d)
        if r is None:
            continue
        paths.append((circle(col, row, r, plane_mm[1], plane_mm[0]), colour))
        if abs(d) < 0.5 * radius_mm(n):  # the label where the section is largest
            if width and col > 0.6 * width:
                labels.append((col - r / plane_mm[1], row - r / plane_mm[0], text, "left"))
            else:
                labels.append((col + r / plane_mm[1], row - r / plane_mm[0], text))
    return paths, labels


def pane_place(zyx_of, z: float, slice_mm: float):
    """``place`` on a 2D slice ``z`` of the volume ``zyx_of`` indexes."""

    def place(n):
        zyx = zyx_of(n)
        if zyx is None:
            return None
        return float(zyx[2]), float(zyx[1]), (float(zyx[0]) - z) * slice_mm

    return place


def geometry_place(frame, geometry, zyx_of):
    """``place`` on an MPR plane (``app.imaging.oblique`` frame and plane geometry: the
    usual planes and turned ones alike)."""

    def place(n):
        zyx = zyx_of(n)
        if zyx is None:
            return None
        q = frame.to_mm(zyx)
        col, row = geometry.to_pixel(q)
        return col, row, float((q - geometry.origin) @ geometry.normal)

    return place


def volume_index(volume, n: dict):
    """The nodule's (z, y, x) index in ``volume`` from its patient position."""
    if volume is None or not n.get("centre_mm"):
        return None
    return np.asarray(volume.patient_to_index(np.asarray(n["centre_mm"], float)), float)


def markers_3d(nodules) -> list:
    """(centre mm, radius mm, rgb 0-1) of each nodule for the 3D view."""
    out = []
    for n, colour, _text in nodules:
        rgb = (colour.redF(), colour.greenF(), colour.blueF())
        out.append((tuple(n["centre_mm"]), radius_mm(n), rgb))
    return out
