"""The brush tool: paints a union of discs (Alt erases), merged into the selected area.

The stroke is rasterised at screen resolution, combined with the selected
polygon, and traced back with marching squares; the cursor is a circle of
the brush size (``[`` and ``]`` change it).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

from viewers.wsi import geometry as geo
from viewers.wsi.tools import Tool


class BrushTool(Tool):
    name = "brush"
    cursor = Qt.CursorShape.BlankCursor  # the brush circle is the cursor

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.radius_px = 20.0
        self.stroke: list[tuple[float, float]] = []
        self.erase = False
        self.hover: tuple[float, float] | None = None

    def press(self, x, y, mods) -> bool:
        self.stroke = [(x, y)]
        self.erase = bool(mods & Qt.KeyboardModifier.AltModifier)
        self.canvas.update()
        return True

    def move(self, x, y, pressed) -> bool:
        self.hover = (x, y)
        if self.stroke:
            self.stroke.append((x, y))
        self.canvas.update()
        return True

    def release(self, x, y) -> bool:
        if not self.stroke:
            return False
        stroke, self.stroke = self.stroke + [(x, y)], []
        layer = self.layer
        target = None
        if layer.selected:
            f = layer.features[layer.selected[0]]
            if f["geometry"]["type"] in ("Polygon", "MultiPolygon"):
                target = f
        geom = brush_geometry(
            stroke,
            self.radius_px * self.ds,
            self.ds,
            target["geometry"] if target else None,
            self.erase,
        )
        if target is not None:
            if geom is None:
                layer.remove([target["id"]])
            else:
                layer.set_geometry(target["id"], geom, layer.undo_text("brush"))
        elif geom is not None and not self.erase:
            f = layer.new_feature(geom)
            layer.add([f], layer.undo_text("brush"))
            layer.select([f["id"]])
        self.canvas.update()
        return True

    def key(self, key) -> bool:
        if key in (Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight):
            f = 1 / 1.25 if key == Qt.Key.Key_BracketLeft else 1.25
            self.radius_px = min(max(self.radius_px * f, 2.0), 200.0)
            self.canvas.update()
            return True
        return False

    def cancel(self) -> None:
        self.stroke = []

    def paint(self, p, vp) -> None:
        pen = QPen(QColor(255, 255, 255), 1.5)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if len(self.stroke) > 1:
            trail = QPen(QColor(255, 255, 0, 120), 2 * self.radius_px)
            trail.setCapStyle(Qt.PenCapStyle.RoundCap)
            trail.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(trail)
            p.drawPolyline([QPointF(*vp.to_screen(px, py)) for px, py in self.stroke])
        if self.hover is not None:  # the cursor circle
            sx, sy = vp.to_screen(*self.hover)
            r = self.radius_px
            for colour, width in ((QColor(0, 0, 0), 3.0), (QColor(255, 255, 255), 1.5)):
                pen = QPen(colour, width)
                p.setPen(pen)
                p.drawEllipse(QRectF(sx - r, sy - r, 2 * r, 2 * r))


def brush_geometry(stroke, radius: float, res: float, base=None, erase: bool = False):
    """Union (or, erasing, difference) of discs along ``stroke`` with ``base``, as polygons.

    Rasterised at ``res`` level-0 px per mask px, traced back with marching
    squares; holes are filled.  None when nothing is left.
    """
    from scipy import ndimage as ndi
    from skimage.draw import disk
    from skimage.draw import polygon as fill_polygon
    from skimage.measure import approximate_polygon, find_contours, label

    pts = np.asarray(stroke, float)
    boxes = [pts.min(0) - radius, pts.max(0) + radius]
    if base is not None:
        b = geo.bounds(base)
        boxes += [np.array(b[:2]), np.array(b[2:])]
    lo, hi = np.min(boxes, 0) - 2 * res, np.max(boxes, 0) + 2 * res
    res = max(res, float(max(hi - lo)) / 4096)  # cap the mask size
    shape = tuple(int(v) + 3 for v in ((hi - lo) / res)[::-1])
    mask = np.zeros(shape, bool)
    if base is not None:
        for poly in geo.polygons(base):
            ring = (poly[0] - lo) / res
            rr, cc = fill_polygon(ring[:, 1], ring[:, 0], shape)
            mask[rr, cc] = True
    stamp = np.zeros(shape, bool)
    r = radius / res
    dense = [pts[0]]
    for a, b in zip(pts[:-1], pts[1:], strict=False):
        n = max(1, int(np.hypot(*(b - a)) / max(r / 2, 0.5)))
        dense += [a + (b - a) * t for t in np.linspace(0, 1, n + 1)[1:]]
    for cx, cy in (np.asarray(dense) - lo) / res:
        rr, cc = disk((cy, cx), max(r, 0.5), shape=shape)
        stamp[rr, cc] = True
    mask = mask & ~stamp if erase else mask | stamp
    mask = ndi.binary_fill_holes(mask)
    lab = label(mask)
    polys = []
    for i in range(1, lab.max() + 1):
        contours = find_contours(np.pad(lab == i, 1).astype(np.uint8), 0.5)
        if not contours:
            continue
        c = approximate_polygon(max(contours, key=len), tolerance=0.5)
        xy = (c[:, ::-1] - 1) * res + lo
        if len(xy) >= 4:
            ring = [[float(x), float(y)] for x, y in xy]
            ring[-1] = list(ring[0])
            polys.append([ring])
    if not polys:
        return None
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}
