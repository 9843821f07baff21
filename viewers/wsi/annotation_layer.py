"""The user's annotations on a slide: edits through a QUndoStack, autosaved.

Every edit is one ``_Edit`` command (features before -> after, by id); its
``redo``/``undo`` write through ``AnnotationDocument`` (journal line, then
atomic snapshots), so a crash loses at most the edit being written.
Annotations are painted with cosmetic pens (constant width on screen), the
selected one with vertex handles, each with its measurements (from the
slide's microns per pixel) beside it.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QUndoCommand, QUndoStack

from app.annotations import make_feature
from viewers.wsi import geometry as geo
from viewers.wsi.annotation_store import UNCLASSIFIED_COLOR
from viewers.wsi.label_place import label_place

HANDLE = 4  # screen px half-size of a vertex handle


class _Edit(QUndoCommand):
    def __init__(self, layer: AnnotationLayer, before: list, after: list, text: str) -> None:
        super().__init__(text)
        self.layer, self.before, self.after = layer, before, after

    def redo(self) -> None:
        self.layer._swap(self.before, self.after)

    def undo(self) -> None:
        self.layer._swap(self.after, self.before)


class AnnotationLayer(QObject):
    changed = Signal()
    selection_changed = Signal()

    def __init__(self, doc=None, mpp=None, classes=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc  # AnnotationDocument or None (kept in memory only)
        self.mpp = mpp
        self.features: dict[str, dict[str, Any]] = dict(doc.features) if doc is not None else {}
        self.classes: list[tuple[str, tuple[int, int, int]]] = list(classes or [])
        self.current_class: str | None = self.classes[0][0] if self.classes else None
        self.undo = QUndoStack(self)
        self.selected: list[str] = []
        self.preview: dict[str, dict] = {}  # id -> geometry shown while dragging
        self.visible = True
        self.opacity = 1.0
        self.fill = False
        self.show_measurements = True
        self._paths: dict[str, QPainterPath] = {}

    # -- model --------------------------------------------------------------
    def annotations(self) -> list[dict[str, Any]]:
        return [f for f in self.features.values() if _kind(f) == "annotation"]

    def detections(self) -> list[dict[str, Any]]:
        return [f for f in self.features.values() if _kind(f) != "annotation"]

    def class_colour(self, name: str | None) -> tuple[int, int, int] | None:
        for n, c in self.classes:
            if n == name:
                return c
        return None

    def colour_of(self, f: dict[str, Any]) -> QColor:
        props = f.get("properties") or {}
        cls = props.get("classification") or {}
        rgb = self.class_colour(cls.get("name")) or cls.get("color") or props.get("color")
        return QColor(*(rgb or UNCLASSIFIED_COLOR)[:3])

    def measure(self, f: dict[str, Any]) -> dict[str, float]:
        return geo.measure(f["geometry"], self.mpp)

    def _finish(self, f: dict[str, Any]) -> dict[str, Any]:
        f = copy.deepcopy(f)
        f["properties"]["measurements"] = {
            **(f["properties"].get("measurements") or {}),
            **self.measure(f),
        }
        return f

    def new_feature(self, geom: dict[str, Any], **props: Any) -> dict[str, Any]:
        name = self.current_class
        colour = self.class_colour(name)
        return self._finish(make_feature(geom, "annotation", name, colour, **props))

    # -- edits (undoable) ---------------------------------------------------
    def _swap(self, old: list, new: list) -> None:
        gone = {f["id"] for f in old} - {f["id"] for f in new}
        if gone:
            for i in gone:
                self.features.pop(i, None)
            if self.doc is not None:
                self.doc.remove(gone)
        if new:
            for f in new:
                self.features[f["id"]] = f
            if self.doc is not None:
                self.doc.put(new)
        self.selected = [i for i in self.selected if i in self.features]
        self._paths.clear()
        self.preview.clear()
        self.changed.emit()

    def undo_text(self, key: str) -> str:
        """Undo-stack labels for the tools' edits (translated here, in this context)."""
        return {
            "move": self.tr("Move annotation"),
            "vertex": self.tr("Move vertex"),
            "brush": self.tr("Brush"),
            "points": self.tr("Add points"),
            "point": self.tr("Add point"),
        }[key]

    def add(self, features: list[dict[str, Any]], text: str | None = None) -> None:
        if features:
            self.undo.push(_Edit(self, [], list(features), text or self.tr("Add annotation")))

    def remove(self, ids: list[str], text: str | None = None) -> None:
        before = [
            self.features[i] for i in ids if i in self.features and not _locked(self.features[i])
        ]
        if before:
            self.undo.push(_Edit(self, before, [], text or self.tr("Delete annotation")))

    def replace(self, new: list[dict[str, Any]], text: str | None = None) -> None:
        before = [self.features[f["id"]] for f in new if f["id"] in self.features]
        new = [self._finish(f) if _kind(f) == "annotation" else f for f in new]
        self.undo.push(_Edit(self, before, new, text or self.tr("Edit annotation")))

    def set_geometry(self, fid: str, geom: dict[str, Any], text: str | None = None) -> None:
        self.set_geometries({fid: geom}, text)

    def set_geometries(self, geoms: dict[str, dict[str, Any]], text: str | None = None) -> None:
        """New geometry for several annotations at once: one undo step (group move)."""
        out = []
        for fid, geom in geoms.items():
            if fid in self.features and not _locked(self.features[fid]):
                f = copy.deepcopy(self.features[fid])
                f["geometry"] = geom
                out.append(f)
        if out:
            self.replace(out, text)

    def _areas(self, ids: list[str]) -> list[dict[str, Any]]:
        return [
            self.features[i]
            for i in ids
            if i in self.features
            and not _locked(self.features[i])
            and self.features[i]["geometry"].get("type") in ("Polygon", "MultiPolygon")
        ]

    def merge_selected(self) -> str | None:
        """One area from the selected areas (the first keeps its id and class); one undo step."""
        from app.annotations.shapes import union

        areas = self._areas(self.selected)
        if len(areas) < 2:
            return None
        geom = union([f["geometry"] for f in areas])
        if geom is None:
            return None
        keep = copy.deepcopy(areas[0])
        keep["geometry"] = geom
        self.undo.push(_Edit(self, areas, [self._finish(keep)], self.tr("Merge annotations")))
        self.select([keep["id"]])
        return keep["id"]

    def subtract_selected(self) -> str | None:
        """The first selected area minus the others (they are removed); one undo step."""
        from app.annotations.shapes import difference

        areas = self._areas(self.selected)
        if len(areas) < 2:
            return None
        first, cutters = areas[0], areas[1:]
        geom = difference(first["geometry"], [f["geometry"] for f in cutters])
        after = []
        if geom is not None:
            keep = copy.deepcopy(first)
            keep["geometry"] = geom
            after = [self._finish(keep)]
        self.undo.push(_Edit(self, areas, after, self.tr("Subtract annotations")))
        self.select([first["id"]] if after else [])
        return first["id"] if after else None

    def set_locked(self, ids: list[str], on: bool) -> None:
        """Lock (QuPath ``isLocked``) or unlock annotations: locked ones are never edited."""
        out = []
        for i in ids:
            if i in self.features and _locked(self.features[i]) != on:
                f = copy.deepcopy(self.features[i])
                if on:
                    f["properties"]["isLocked"] = True
                else:
                    f["properties"].pop("isLocked", None)
                out.append(f)
        if out:
            self.replace(out, self.tr("Lock") if on else self.tr("Unlock"))

    def set_class(self, ids: list[str], name: str | None) -> None:
        out = []
        for i in ids:
            f = copy.deepcopy(self.features[i])
            if name:
                cls = {"name": name}
                if self.class_colour(name):
                    cls["color"] = list(self.class_colour(name))
                f["properties"]["classification"] = cls
            else:
                f["properties"].pop("classification", None)
            out.append(f)
        if out:
            self.replace(out, self.tr("Set class"))

    def recolour_class(self, name: str, colour: tuple[int, int, int]) -> None:
        self.classes = [(n, colour if n == name else c) for n, c in self.classes]
        members = [
            f["id"]
            for f in self.annotations()
            if (f["properties"].get("classification") or {}).get("name") == name
        ]
        if members:
            self.set_class(members, name)
        else:
            self.changed.emit()

    def delete_selected(self) -> None:
        self.remove(list(self.selected))

    def select(self, ids: list[str]) -> None:
        ids = [i for i in ids if i in self.features]
        if ids != self.selected:
            self.selected = ids
            self.selection_changed.emit()

    # -- hit testing --------------------------------------------------------
    def hit(self, x: float, y: float, tol: float) -> str | None:
        """The annotation under (x, y): selected first, then the smallest area."""
        hits = [f for f in self.annotations() if geo.hit(f["geometry"], x, y, tol)]
        if not hits:
            return None
        for f in hits:
            if f["id"] in self.selected:
                return f["id"]
        return min(hits, key=lambda f: geo.area_of(f["geometry"]))["id"]

    # -- painting -----------------------------------------------------------
    def _path(self, fid: str, geom: dict[str, Any]) -> QPainterPath:
        if fid in self.preview:
            return _build_path(geom)
        path = self._paths.get(fid)
        if path is None:
            path = self._paths[fid] = _build_path(geom)
        return path

    def paint(self, p: QPainter, vp, keep_clear=()) -> None:
        """``keep_clear``: screen boxes (legend, scale bar) the labels stay out of."""
        self.keep_clear = list(keep_clear)
        if not self.visible:
            return
        p.save()  # pens and brushes set here never leak into what is painted next
        p.setOpacity(max(0.0, min(1.0, self.opacity)))
        try:
            self._paint_all(p, vp)
        finally:
            p.restore()

    def _paint_all(self, p: QPainter, vp) -> None:
        ds = vp.downsample
        ox, oy = vp.to_screen(0, 0)
        x, y, w, h = vp.visible()
        for f in self.annotations():
            geom = self.preview.get(f["id"], f["geometry"])
            bx0, by0, bx1, by1 = geo.bounds(geom)
            if bx1 < x or by1 < y or bx0 > x + w or by0 > y + h:
                continue
            sel = f["id"] in self.selected
            colour = self.colour_of(f)
            p.save()
            p.translate(ox, oy)
            p.scale(1 / ds, 1 / ds)
            pen = QPen(QColor(255, 255, 0) if sel else colour, 3 if sel else 2)
            pen.setCosmetic(True)  # line width constant on screen
            p.setPen(pen)
            fill = QColor(colour)  # outlines only unless asked: the stain stays true
            fill.setAlpha(
                30 if self.fill and geom.get("type") in ("Polygon", "MultiPolygon") else 0
            )
            p.setBrush(QBrush(fill))
            p.drawPath(self._path(f["id"], geom))
            p.restore()
            if geom.get("type") in ("Point", "MultiPoint"):
                p.setPen(QPen(QColor(0, 0, 0), 1))
                p.setBrush(QBrush(QColor(255, 255, 0) if sel else colour))
                for r in geo.rings(geom):
                    for px, py in r:
                        p.drawEllipse(QPointF(*vp.to_screen(px, py)), 4, 4)
            if sel:
                self._paint_handles(p, vp, geom)
            if self.show_measurements:
                self._paint_label(p, vp, f, geom)

    def _paint_handles(self, p: QPainter, vp, geom: dict[str, Any]) -> None:
        p.setPen(QPen(QColor(0, 0, 0), 1))
        p.setBrush(QBrush(QColor(255, 255, 255)))
        verts = geo.vertices(geom)
        if len(verts) > 400:  # freehand shapes: handles would hide the outline
            return
        for _r, _i, vx, vy in verts:
            sx, sy = vp.to_screen(vx, vy)
            p.drawRect(QRectF(sx - HANDLE, sy - HANDLE, 2 * HANDLE, 2 * HANDLE))

    def _paint_label(self, p: QPainter, vp, f: dict[str, Any], geom: dict[str, Any]) -> None:
        text = self.label_text(f, geom)
        if not text:
            return
        bx0, by0, _bx1, by1 = geo.bounds(geom)
        sx, sy = vp.to_screen(bx0, by1)
        fm = p.fontMetrics()
        rect = QRectF(sx, sy + 4, fm.horizontalAdvance(text) + 8, fm.height() + 2)
        rect = label_place(rect, vp.to_screen(bx0, by0)[1], self.keep_clear, QRectF(p.viewport()))
        p.fillRect(rect, QColor(0, 0, 0, 150))
        p.setPen(QColor(255, 255, 255))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def label_text(self, f: dict[str, Any], geom: dict[str, Any] | None = None) -> str:
        m = geo.measure(geom or f["geometry"], self.mpp)
        unit = self.tr("µm") if self.mpp else self.tr("px")
        parts = []
        for key, value in m.items():
            if key.startswith("Area"):
                parts.append(self.tr("%1 %2²").replace("%1", _num(value)).replace("%2", unit))
            elif key.startswith("Perimeter"):
                parts.append(
                    self.tr("perimeter %1 %2").replace("%1", _num(value)).replace("%2", unit)
                )
            elif key.startswith("Length"):
                parts.append(self.tr("%1 %2").replace("%1", _num(value)).replace("%2", unit))
        return ", ".join(parts)


def _build_path(geom: dict[str, Any]) -> QPainterPath:
    path = QPainterPath()
    if geom.get("type") in ("Point", "MultiPoint"):
        return path
    closed = geom.get("type") in ("Polygon", "MultiPolygon")
    for r in geo.rings(geom):
        if len(r) < 2:
            continue
        path.moveTo(QPointF(*r[0]))
        for x, y in r[1:]:
            path.lineTo(QPointF(x, y))
        if closed:
            path.closeSubpath()
    return path


def _locked(f: dict[str, Any]) -> bool:
    return bool((f.get("properties") or {}).get("isLocked"))


def _kind(f: dict[str, Any]) -> str:
    return (f.get("properties") or {}).get("objectType", "annotation")


def _num(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3g}"
