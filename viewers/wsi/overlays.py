"""Overlay layers on the slide canvas: detections, heatmap, tissue mask.

Detections are drawn as vectors when zoomed in (one QPainterPath per class,
built from the grid index without a Python loop, reused while panning) and
as cached raster tiles when zoomed out: outlines at mid zoom, constant-size
dots beyond, so a million objects stay smooth and dots never vanish.  Raster
tiles are rendered on a worker thread, newest request first; while one is
missing the next coarser cached tile is scaled in.  While panning, the view
and a margin are one composite image, merged with the slide tiles under it
(``overlay_frames``).  Every AI layer carries its analyzer name and version
and is labelled "not for clinical use".

Pathologists read the H&E through the overlays: detections are thin outlines
in their class colour (fill off unless asked for), each layer has its own
opacity, a heatmap never exceeds ``HEATMAP_MAX_OPACITY`` and ``hidden``
removes every overlay at once (the viewer's H key, as QuPath's toggle).
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QRegion, QTransform

from viewers.wsi.detections import DetectionSet
from viewers.wsi.overlay_composite import Composer, edges
from viewers.wsi.overlay_frames import TILE, CompositeFrames, bucket
from viewers.wsi.raster_layer import (  # noqa: F401 (the overlay API in one place)
    COLORMAPS,
    HEATMAP_MAX_OPACITY,
    RasterLayer,
    binary_alpha_qimage,
    colormap_lut,
    path_from_bytes,
    rgba_qimage,
)

REACH = 0.25  # vector paths cover the view plus this fraction each side, reused while panning
OUTLINE_MAX_Z = 8  # raster tiles with outlines up to this bucket, dots beyond
TILE_CACHE = 512
PATH_CHUNK = 400  # outlines per drawPath on the worker (~0.5 ms each)
FILL_ALPHA = 70
_ids = itertools.count(1)


@dataclass
class DetectionLayer:
    data: DetectionSet
    name: str  # key: "nuclei", "imported"...
    title: str = ""  # shown to the user (translated by the viewer)
    analyzer: str = ""  # "name version" for AI layers
    visible: bool = True
    opacity: float = 1.0
    fill: bool = False  # outlines only unless the user asks for filled objects
    partial: bool = False  # still streaming in from a running detection
    id: int = field(default_factory=lambda: next(_ids))
    gen: int = 0
    max_opacity: float = 1.0


class OverlayRenderer(CompositeFrames, QObject):
    tile_ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.detections: list[DetectionLayer] = []
        self.rasters: list[RasterLayer] = []
        self.last_path = ""  # "vector" | "raster" | "" — what the last paint used
        self.missing = 0  # visible raster tiles the last paint had to fake from coarser ones
        self.from_composite = False  # the last paint was one blit of the view's composite
        self.with_slide = False  # ... merged with the slide tiles under it (one opaque blit)
        self.hidden = False  # every overlay off at once (H)
        self.use_composite = True  # False: always per tile (what the composite must equal)
        self.base = None  # view_image.SlideBase: the slide, merged under the composite
        self.slide_wanted: list[tuple] = []  # slide tiles the merged image still needs
        self._plan_cache: tuple | None = None
        self._tiles: OrderedDict[tuple, QImage] = OrderedDict()
        self._vector: dict[int, tuple] = {}
        self._cond = threading.Condition()
        self._queue: list[tuple] = []
        self._stop = False
        self._busy: tuple | None = None
        self._composer = Composer(TILE)  # one image for the view while panning
        self._thread = threading.Thread(target=self._work, name="overlay-tiles", daemon=True)
        self._thread.start()

    # -- layers -------------------------------------------------------------
    def add_detections(self, layer: DetectionLayer) -> DetectionLayer:
        self.detections = [d for d in self.detections if d.name != layer.name] + [layer]
        self.invalidate()
        return layer

    def set_raster(self, layer: RasterLayer) -> RasterLayer:
        self.rasters = [r for r in self.rasters if r.name != layer.name] + [layer]
        return layer

    def set_fill(self, name: str, on: bool) -> None:
        lay = self.layer(name)
        if isinstance(lay, DetectionLayer) and lay.fill != on:
            lay.fill = on
            self.invalidate()  # raster tiles were drawn without (or with) the fill

    def layer(self, name: str):
        for lay in self.detections + self.rasters:
            if lay.name == name:
                return lay
        return None

    def invalidate(self) -> None:
        for lay in self.detections:
            lay.gen += 1
        with self._cond:
            self._tiles.clear()
            self._queue.clear()
        self._vector.clear()
        self._composer.clear()

    @property
    def pending(self) -> int:
        with self._cond:
            c = self._composer
            asked = (c.request is not None) + (c.merge_request is not None)
            return len(self._queue) + (1 if self._busy else 0) + asked

    # -- painting -----------------------------------------------------------
    def paint(self, p: QPainter, vp, merged: bool = False) -> None:
        """Draw the overlays; ``merged``: the view's composite is on screen already (``merged``).

        Heatmaps go under the detections; a mask's thin outline (the tissue)
        over them, so it never has to go inside the merged image.
        """
        self.from_composite = self.with_slide = False
        self.missing = 0
        if self.hidden:
            self.last_path = ""
            return
        for r in self.rasters:
            if r.visible and r.values.dtype != bool:
                self._paint_raster(p, vp, r)
        self._paint_detections(p, vp, merged)
        for r in self.rasters:
            if r.visible and r.values.dtype == bool:
                self._paint_mask(p, vp, r)

    def _paint_detections(self, p: QPainter, vp, merged: bool) -> None:
        plan = self._plan(vp)
        if plan is None:
            self.last_path = ""
            return
        layers, vector, z = plan[:3]
        self.last_path = "vector" if vector else "raster"
        drawn, around = False, []
        if self.use_composite:
            drawn, around = self._paint_composite(p, vp, plan, blit=not merged)
        self.from_composite = drawn
        self.with_slide = drawn and merged
        if drawn:
            self.missing = 0
            self._want(around)  # the next composite's tiles, nearest first
            return
        want: list[tuple] = []
        for d in layers:
            want += self._paint_tiles(p, vp, d, z if vector else None)
        # a missing tile is painted from the vectors (zoomed in) or a coarser tile (out)
        self.missing = 0 if vector else len(want)
        self._want(want + around)

    def _paint_raster(self, p: QPainter, vp, r: RasterLayer) -> None:
        img = r.render()
        x0, y0 = vp.to_screen(0, 0)
        x1, y1 = vp.to_screen(img.width() * r.downsample, img.height() * r.downsample)
        p.save()
        p.setOpacity(max(0.0, min(r.max_opacity, r.opacity)))
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, r.values.dtype != bool)
        p.drawImage(QRectF(x0, y0, x1 - x0, y1 - y0), img)
        p.restore()

    def _paint_mask(self, p: QPainter, vp, r: RasterLayer) -> None:
        p.save()
        ds = vp.downsample
        cx, cy = vp.to_screen(0, 0)
        p.setOpacity(max(0.0, min(r.max_opacity, r.opacity)))
        p.setTransform(QTransform(1 / ds, 0, 0, 1 / ds, cx, cy))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(QColor(*r.colour), 2)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(r.outline_path())
        p.restore()

    def _paint_vector(self, p: QPainter, vp, d: DetectionLayer) -> None:
        x, y, w, h = vp.visible()
        cached = self._vector.get(d.id)
        if cached is None or cached[0] != d.gen or not _inside((x, y, w, h), cached[1]):
            box = (x - REACH * w, y - REACH * h, (1 + 2 * REACH) * w, (1 + 2 * REACH) * h)
            idx = d.data.query(box[0], box[1], box[0] + box[2], box[1] + box[3])
            paths = []
            for ci, (_name, colour) in enumerate(d.data.classes):
                sel = idx[d.data.cls[idx] == ci]
                if len(sel):
                    paths.append((QColor(*colour), path_from_bytes(d.data.path_bytes(sel))))
            cached = (d.gen, box, paths)
            self._vector[d.id] = cached
        p.save()
        ds = vp.downsample
        cx, cy = vp.to_screen(0, 0)
        p.setOpacity(max(0.0, min(1.0, d.opacity)))
        p.setTransform(QTransform(1 / ds, 0, 0, 1 / ds, cx, cy))
        # 1-px cosmetic, aliased outlines: Qt's fast line rasteriser (wider or antialiased
        # pens are ~10x slower with thousands of subpaths); constant width on screen
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for colour, path in cached[2]:
            _outline(p, colour, d.fill)
            p.drawPath(path)
        p.restore()

    def _paint_tiles(self, p: QPainter, vp, d: DetectionLayer, exact=None) -> list:
        z = exact if exact is not None else bucket(vp.downsample)
        x, y, w, h = vp.visible()
        span = TILE * z
        bx0, by0, bx1, by1 = d.data.extent()
        c0, c1 = int(max(x, bx0, 0) // span), int(max(min(x + w, bx1), 0) // span)
        r0, r1 = int(max(y, by0, 0) // span), int(max(min(y + h, by1), 0) // span)
        missing, vector_misses = [], []
        # whole-pixel edges (tiles meet without seams), the same as in the composite
        ox, oy = vp.to_screen(0, 0)
        step = span / vp.downsample
        xs, ys = edges(ox, c0, c1, step), edges(oy, r0, r1, step)
        base = (d.id, d.gen, z)
        with self._cond:  # one lock for the whole frame's lookups
            found = {}
            for row in range(r0, r1 + 1):
                for col in range(c0, c1 + 1):
                    key = (*base, col, row)
                    img = self._tiles.get(key)
                    if img is not None:
                        self._tiles.move_to_end(key)
                    found[col, row] = img
        p.save()
        p.setOpacity(max(0.0, min(1.0, d.opacity)))
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        for (col, row), img in found.items():
            i, j = col - c0, row - r0
            target = QRectF(xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j])
            if img is not None:
                p.drawImage(target, img)
                continue
            missing.append(((*base, col, row), d))
            if exact is None:
                self._fallback(p, d, z, col, row, target)
            else:
                vector_misses.append(target)
        p.restore()
        if vector_misses:
            p.save()
            clip = QRegion()
            for r in vector_misses:
                clip = clip.united(r.toRect())
            p.setClipRegion(clip)
            self._paint_vector(p, vp, d)
            p.restore()
        return missing

    def _fallback(self, p: QPainter, d, z: int, col: int, row: int, target: QRectF) -> None:
        for k in range(1, 4):
            f = 2**k
            cz = z * f
            key = (d.id, d.gen, cz, col // f, row // f)
            img = self._tile(key)
            if img is not None:
                s = TILE / f
                src = QRectF((col % f) * s, (row % f) * s, s, s)
                p.drawImage(target, img, src)
                return

    def _tile(self, key) -> QImage | None:
        with self._cond:
            img = self._tiles.get(key)
            if img is not None:
                self._tiles.move_to_end(key)
            return img

    # -- worker -------------------------------------------------------------
    def _want(self, items: list[tuple]) -> None:
        with self._cond:
            self._queue = [
                it for it in dict(items).items() if it[0] not in self._tiles and it[0] != self._busy
            ]
            self._cond.notify_all()

    def render_tile(self, key: tuple, layer: DetectionLayer) -> QImage:
        _id, _gen, z, col, row = key
        data = layer.data
        ox, oy, span = col * TILE * z, row * TILE * z, TILE * z
        idx = data.query(ox, oy, ox + span, oy + span)
        if z > OUTLINE_MAX_Z:
            return binary_alpha_qimage(data.dots(idx, ox, oy, z, TILE, TILE))
        img = QImage(TILE, TILE, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        q = QPainter(img)
        q.setTransform(QTransform(1 / z, 0, 0, 1 / z, -ox / z, -oy / z))
        for ci, (_name, colour) in enumerate(data.classes):
            sel = idx[data.cls[idx] == ci]
            _outline(q, QColor(*colour), layer.fill)
            # Qt keeps Python's lock through a whole drawPath: small paths let the UI paint
            for i in range(0, len(sel), PATH_CHUNK):
                q.drawPath(path_from_bytes(data.path_bytes(sel[i : i + PATH_CHUNK])))
        q.end()
        return img

    def _cached_tile(self, layer: DetectionLayer, z, col: int, row: int) -> QImage:
        key = (layer.id, layer.gen, z, col, row)
        img = self._tile(key)
        if img is None:
            img = self.render_tile(key, layer)
            with self._cond:
                if key[1] == layer.gen:
                    self._tiles[key] = img
                    while len(self._tiles) > TILE_CACHE:
                        self._tiles.popitem(last=False)
        return img

    def _work(self) -> None:
        while True:
            with self._cond:
                while not (self._queue or self._composer.asked or self._stop):
                    self._cond.wait()
                if self._stop:
                    return
                if self._composer.asked:  # its tiles are drawn: it goes before more tiles
                    self._busy = ("composite",)
                    composite = True
                else:
                    key, layer = self._queue.pop(0)
                    self._busy = key
                    composite = False
            if composite:
                try:
                    self._build_composite()
                except Exception:  # the view stays on per-tile painting
                    pass
                with self._cond:
                    self._busy = None
                if not self._stop:
                    try:
                        self.tile_ready.emit()
                    except RuntimeError:
                        return
                continue
            try:
                img = self.render_tile(key, layer)
            except Exception:  # a tile that cannot be drawn stays on its fallback
                img = QImage(TILE, TILE, QImage.Format.Format_ARGB32_Premultiplied)
                img.fill(Qt.GlobalColor.transparent)
            with self._cond:
                self._busy = None
                if key[1] == layer.gen:
                    self._tiles[key] = img
                    while len(self._tiles) > TILE_CACHE:
                        self._tiles.popitem(last=False)
            if not self._stop:
                try:
                    self.tile_ready.emit()
                except RuntimeError:
                    return

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._queue.clear()
            self._cond.notify_all()
        self._thread.join(5)

    # -- legend -------------------------------------------------------------
    def legend_lines(self) -> list[str]:
        out = []
        if self.hidden:
            return out
        for lay in self.rasters + self.detections:
            if lay.visible and lay.analyzer:
                out.append(
                    self.tr("AI — %1 (%2) — not for clinical use")
                    .replace("%1", lay.title or lay.name)
                    .replace("%2", lay.analyzer)
                )
        return out

    def paint_legend(self, p: QPainter, x: float, y: float) -> None:
        from viewers.wsi.legend import paint_legend

        paint_legend(p, self, x, y)


def _outline(p: QPainter, colour: QColor, fill: bool) -> None:
    """Thin cosmetic outline in the class colour; a light fill only when asked for."""
    pen = QPen(colour, 1)
    pen.setCosmetic(True)
    p.setPen(pen)
    if fill:
        tint = QColor(colour)
        tint.setAlpha(FILL_ALPHA)
        p.setBrush(tint)
    else:
        p.setBrush(Qt.BrushStyle.NoBrush)


def _inside(view, box) -> bool:
    x, y, w, h = view
    bx, by, bw, bh = box
    return x >= bx and y >= by and x + w <= bx + bw and y + h <= by + bh
