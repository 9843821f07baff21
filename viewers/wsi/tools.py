"""Annotation tools of the slide canvas.

A tool receives mouse events in level-0 slide coordinates and turns them
into undoable edits of the ``AnnotationLayer``.  Tolerances and the brush
radius are in screen pixels, so they feel the same at every zoom.  Drawing
tools: rectangle, ellipse, polygon (click vertices, double-click or Enter to
close), freehand, brush (paints a union of discs; Alt erases; strokes merge
into the selected area), points, line/ruler.  The select tool
(``select_tool``) picks one or many, moves them together, drags vertices of
the selected shape, and pans on empty space.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from viewers.wsi import geometry as geo

HIT_PX = 6
MIN_DRAG_PX = 3


class Tool:
    name = ""
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas) -> None:
        self.canvas = canvas

    @property
    def layer(self):
        return self.canvas.annotations

    @property
    def ds(self) -> float:
        return self.canvas.vp.downsample

    def press(self, x: float, y: float, mods) -> bool:
        return False

    def move(self, x: float, y: float, pressed: bool) -> bool:
        return False

    def release(self, x: float, y: float) -> bool:
        return False

    def double_click(self, x: float, y: float) -> bool:
        return False

    def key(self, key: int) -> bool:
        return False

    def cancel(self) -> None:
        pass

    def paint(self, p: QPainter, vp) -> None:
        pass

    def _pen(self) -> QPen:
        pen = QPen(QColor(255, 255, 0), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        return pen


class DragShapeTool(Tool):
    """Press, drag, release: rectangle, ellipse, line."""

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.p0: tuple[float, float] | None = None
        self.p1: tuple[float, float] | None = None

    def shape(self, p0, p1) -> dict:
        raise NotImplementedError

    def extra(self) -> dict:
        return {}

    def press(self, x, y, mods) -> bool:
        self.p0 = self.p1 = (x, y)
        return True

    def move(self, x, y, pressed) -> bool:
        if self.p0 is None:
            return False
        self.p1 = (x, y)
        self.canvas.update()
        return True

    def release(self, x, y) -> bool:
        if self.p0 is None:
            return False
        p0, self.p0 = self.p0, None
        if math.hypot(x - p0[0], y - p0[1]) >= MIN_DRAG_PX * self.ds:
            f = self.layer.new_feature(self.shape(p0, (x, y)), **self.extra())
            self.layer.add([f])
            self.layer.select([f["id"]])
        self.canvas.update()
        return True

    def cancel(self) -> None:
        self.p0 = None

    def paint(self, p, vp) -> None:
        if self.p0 is None or self.p1 is None:
            return
        geom = self.shape(self.p0, self.p1)
        p.setPen(self._pen())
        p.setBrush(Qt.BrushStyle.NoBrush)
        for r in geo.rings(geom):
            p.drawPolyline([QPointF(*vp.to_screen(px, py)) for px, py in r])
        text = self.layer.label_text({"geometry": geom}, geom)
        if text:
            sx, sy = vp.to_screen(*self.p1)
            p.setPen(QColor(255, 255, 0))
            p.drawText(QPointF(sx + 10, sy + 16), text)


class RectangleTool(DragShapeTool):
    name = "rectangle"

    def shape(self, p0, p1):
        return geo.rectangle(p0, p1)


class EllipseTool(DragShapeTool):
    name = "ellipse"

    def shape(self, p0, p1):
        return geo.ellipse(p0, p1)

    def extra(self):
        return {"isEllipse": True}


class LineTool(DragShapeTool):
    name = "line"

    def shape(self, p0, p1):
        return geo.line([p0, p1])


class PolygonTool(Tool):
    name = "polygon"

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.points: list[tuple[float, float]] = []
        self.hover: tuple[float, float] | None = None

    def press(self, x, y, mods) -> bool:
        if len(self.points) >= 3:
            sx, sy = self.points[0]
            if math.hypot(x - sx, y - sy) <= HIT_PX * self.ds:  # click on the first vertex
                return self.finish()
        self.points.append((x, y))
        self.canvas.update()
        return True

    def move(self, x, y, pressed) -> bool:
        self.hover = (x, y)
        if self.points:
            self.canvas.update()
        return bool(self.points)

    def release(self, x, y) -> bool:
        return bool(self.points)

    def double_click(self, x, y) -> bool:
        # Qt delivers the second press of a double-click as this event
        if not self.points or math.hypot(x - self.points[-1][0], y - self.points[-1][1]) > 0:
            self.points.append((x, y))
        return self.finish()

    def finish(self) -> bool:
        pts = list(dict.fromkeys(self.points))
        self.points = []
        if len(pts) >= 3:
            f = self.layer.new_feature(geo.polygon(pts))
            self.layer.add([f])
            self.layer.select([f["id"]])
        self.canvas.update()
        return True

    def key(self, key) -> bool:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.points:
            return self.finish()
        if key == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self.canvas.update()
            return True
        return False

    def cancel(self) -> None:
        self.points = []

    def paint(self, p, vp) -> None:
        if not self.points:
            return
        pts = self.points + ([self.hover] if self.hover else [])
        p.setPen(self._pen())
        p.drawPolyline([QPointF(*vp.to_screen(px, py)) for px, py in pts])


class FreehandTool(Tool):
    name = "freehand"

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.points: list[tuple[float, float]] = []

    def press(self, x, y, mods) -> bool:
        self.points = [(x, y)]
        return True

    def move(self, x, y, pressed) -> bool:
        if not self.points:
            return False
        lx, ly = self.points[-1]
        if math.hypot(x - lx, y - ly) >= 2 * self.ds:  # one vertex per 2 screen px
            self.points.append((x, y))
            self.canvas.update()
        return True

    def release(self, x, y) -> bool:
        if not self.points:
            return False
        pts, self.points = self.points + [(x, y)], []
        pts = list(dict.fromkeys(pts))
        if len(pts) >= 3:
            f = self.layer.new_feature(geo.polygon(pts))
            self.layer.add([f])
            self.layer.select([f["id"]])
        self.canvas.update()
        return True

    def cancel(self) -> None:
        self.points = []

    def paint(self, p, vp) -> None:
        if len(self.points) > 1:
            p.setPen(self._pen())
            p.drawPolyline([QPointF(*vp.to_screen(px, py)) for px, py in self.points])


class PointsTool(Tool):
    """Each click adds a point to the selected point set of the current class, or starts one."""

    name = "points"

    def press(self, x, y, mods) -> bool:
        layer = self.layer
        target = None
        for fid in layer.selected:
            f = layer.features[fid]
            cls = (f["properties"].get("classification") or {}).get("name")
            if f["geometry"]["type"] == "MultiPoint" and cls == layer.current_class:
                target = f
        if target is None:
            f = layer.new_feature(geo.multipoint([(x, y)]))
            layer.add([f], layer.undo_text("points"))
            layer.select([f["id"]])
        else:
            pts = [tuple(p[:2]) for p in target["geometry"]["coordinates"]] + [(x, y)]
            layer.set_geometry(target["id"], geo.multipoint(pts), layer.undo_text("point"))
        self.canvas.update()
        return True

    def release(self, x, y) -> bool:
        return True


def tool_types() -> dict[str, type[Tool]]:
    """Tool name -> class, in toolbar order."""
    from viewers.wsi.brush import BrushTool
    from viewers.wsi.select_tool import SelectTool

    order = (SelectTool, RectangleTool, EllipseTool, PolygonTool, FreehandTool, BrushTool)
    return {t.name: t for t in (*order, PointsTool, LineTool)}
