"""The select tool: click, shift-click, rubber band; move the selection as a group.

Click picks one annotation; Shift+click adds or removes it; Shift+drag on
empty space draws a rubber band that selects every annotation wholly inside
it (QuPath's selection mode); a plain drag on empty space pans.  Dragging a
selected annotation moves every selected, unlocked one together, as one undo
step; dragging a vertex of a single selected shape moves that vertex.
Locked annotations (QuPath's ``isLocked``) are selected and classified but
never moved, reshaped or deleted.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from viewers.wsi import geometry as geo
from viewers.wsi.tools import HIT_PX, MIN_DRAG_PX, Tool


def is_locked(f: dict) -> bool:
    return bool((f.get("properties") or {}).get("isLocked"))


class SelectTool(Tool):
    name = "select"
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self._drag: tuple | None = None  # (ids, vertex or None, x0, y0)
        self._band: tuple[float, float, float, float] | None = None  # x0, y0, x1, y1
        self._toggle: str | None = None  # shift-click target, decided on release

    def press(self, x, y, mods) -> bool:
        layer, tol = self.layer, HIT_PX * self.ds
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if not shift and len(layer.selected) == 1:
            fid = layer.selected[0]
            f = layer.features.get(fid)
            if f is not None and not is_locked(f):
                v = geo.nearest_vertex(f["geometry"], x, y, tol)
                if v is not None:
                    self._drag = ([fid], v, x, y)
                    return True
        fid = layer.hit(x, y, tol)
        if shift:
            if fid is None:
                self._band = (x, y, x, y)
            else:
                self._toggle = fid
            return True
        if fid is None:
            layer.select([])
            return False  # the canvas pans
        if fid not in layer.selected:
            layer.select([fid])
        movable = [i for i in layer.selected if not is_locked(layer.features[i])]
        self._drag = (movable, None, x, y) if movable else None
        return True

    def _moved(self, x, y) -> dict[str, dict] | None:
        ids, vertex, x0, y0 = self._drag
        feats = self.layer.features
        if vertex is not None:
            fid = ids[0]
            return {fid: geo.move_vertex(feats[fid]["geometry"], vertex[0], vertex[1], x, y)}
        if math.hypot(x - x0, y - y0) < MIN_DRAG_PX * self.ds:
            return None
        return {i: geo.translate(feats[i]["geometry"], x - x0, y - y0) for i in ids if i in feats}

    def move(self, x, y, pressed) -> bool:
        if self._band is not None:
            self._band = (*self._band[:2], x, y)
            self.canvas.update()
            return True
        if self._drag is None:
            return self._toggle is not None
        moved = self._moved(x, y)
        if moved is not None:
            self.layer.preview = moved
        self.canvas.update()
        return True

    def release(self, x, y) -> bool:
        layer = self.layer
        if self._band is not None:
            x0, y0 = self._band[:2]
            self._band = None
            bx0, bx1 = sorted((x0, x))
            by0, by1 = sorted((y0, y))
            inside = [
                f["id"]
                for f in layer.annotations()
                if _within(geo.bounds(f["geometry"]), bx0, by0, bx1, by1)
            ]
            layer.select(list(dict.fromkeys(layer.selected + inside)))
            self.canvas.update()
            return True
        if self._toggle is not None:
            fid, self._toggle = self._toggle, None
            sel = list(layer.selected)
            layer.select([i for i in sel if i != fid] if fid in sel else sel + [fid])
            return True
        if self._drag is None:
            return False
        vertex = self._drag[1]
        moved = self._moved(x, y)
        self._drag = None
        layer.preview = {}
        if moved:
            layer.set_geometries(moved, layer.undo_text("vertex" if vertex else "move"))
        self.canvas.update()
        return True

    def key(self, key) -> bool:
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.layer.selected:
            self.layer.delete_selected()
            return True
        return False

    def cancel(self) -> None:
        self._drag = self._band = self._toggle = None
        self.layer.preview = {}

    def paint(self, p: QPainter, vp) -> None:
        if self._band is None:
            return
        x0, y0 = vp.to_screen(*self._band[:2])
        x1, y1 = vp.to_screen(*self._band[2:])
        p.save()
        pen = QPen(QColor(255, 255, 0), 1, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(QColor(255, 255, 0, 30))
        p.drawRect(QRectF(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)))
        p.restore()


def _within(b, x0, y0, x1, y1) -> bool:
    return b[0] >= x0 and b[1] >= y0 and b[2] <= x1 and b[3] <= y1
