"""The brush tool: paints a union of discs (Alt erases), merged into the selected area.

The stroke is rasterised at screen resolution, combined with the selected
polygon, and traced back with marching squares; the cursor is a circle of
the brush size (``[`` and ``]`` change it).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

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
    """Union (or, erasing, difference) of discs along ``stroke`` with ``base``.

    Exact polygon operations (``app.annotations.shapes``): erasing inside an
    area cuts a hole and the hole is kept; outlines are simplified to half a
    screen pixel (``res`` level-0 px per screen px).  None when nothing is left.
    """
    from app.annotations.shapes import stroke as brush_stroke

    if not len(stroke):
        return None
    return brush_stroke(stroke, radius, base, erase, tolerance=res * 0.5)
