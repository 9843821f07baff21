"""The slide canvas: tiles of the best level, coarser tiles while loading.

Paints the level whose downsample best matches the zoom; a tile not yet in
the cache is painted from the most detailed coarser cached tile, down to the
overview image, so the view is never blank (QuPath does the same).  Wheel
zooms at the cursor, left drag pans, the navigator (bottom right) shows and
moves the view, and a scale bar sits bottom left.  Overlays (AI layers,
``overlays.OverlayRenderer``), the user's annotations (``AnnotationLayer``) and
the active tool (``tools``) paint on top; mouse events go to the tool first,
and the middle button always pans.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from viewers.wsi.overlays import OverlayRenderer
from viewers.wsi.tile_loader import TileLoader
from viewers.wsi.view_image import BACKGROUND, SlideBase, tile_rect, to_qimage
from viewers.wsi.viewport import Viewport, scale_bar

NAV_MAX = 180
QIMAGE_CACHE = 400


class SlideCanvas(QWidget):
    view_changed = Signal()

    def __init__(self, source, overview: np.ndarray, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.vp = Viewport(*source.dimensions)
        self.overview = to_qimage(overview)
        self._qimages: OrderedDict[tuple, QImage] = OrderedDict()
        self.loader = TileLoader(source, parent=self)
        self.loader.tile_ready.connect(self._tile_arrived)
        self._repaint = QTimer(self, singleShot=True, interval=15)
        self._repaint.timeout.connect(self.update)
        self.overlays = OverlayRenderer(self)
        self.overlays.tile_ready.connect(self._tile_arrived)
        self.overlays.base = SlideBase(source)  # merged with the overlay while panning
        self.annotations = None  # AnnotationLayer, set by the viewer
        self.tool = None  # tools.Tool
        self._drag: QPointF | None = None
        self._nav_drag = False
        self._fitted = True
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
        self.setMinimumSize(200, 150)
        self.fit()

    # -- view ---------------------------------------------------------------
    def fit(self) -> None:
        self.vp.resize(self.width(), self.height())
        self.vp.fit()
        self._changed(user=False)
        self._fitted = True

    def zoom_at(self, factor: float, pos: QPointF | None = None) -> None:
        pos = pos or QPointF(self.width() / 2, self.height() / 2)
        self.vp.zoom_at(factor, pos.x(), pos.y())
        self._changed()

    def one_to_one(self) -> None:
        self.vp.downsample = 1.0
        self.vp.clamp()
        self._changed()

    def _changed(self, user: bool = True) -> None:
        if user:
            self._fitted = False
        self.update()
        self.view_changed.emit()

    def level(self) -> int:
        return self.source.best_level(max(self.vp.downsample, 1.0))

    def visible_tiles(self, level: int) -> list[tuple[int, int, int]]:
        x, y, w, h = self.vp.visible()
        ds = self.source.level_downsamples[level]
        lx, ly = int(max(x, 0) // ds), int(max(y, 0) // ds)
        lw, lh = int((x + w) // ds) - lx + 1, int((y + h) // ds) - ly + 1
        if lw <= 0 or lh <= 0:
            return []
        cx, cy = (x + w / 2) / ds / self.source.tile_size, (y + h / 2) / ds / self.source.tile_size
        tiles = [(level, c, r) for c, r in self.source.tiles_in(level, lx, ly, lw, lh)]
        tiles.sort(key=lambda t: (t[1] + 0.5 - cx) ** 2 + (t[2] + 0.5 - cy) ** 2)  # centre first
        return tiles

    def _prefetch(self, level: int) -> list[tuple[int, int, int]]:
        """One ring of tiles around the view, and the view one level coarser."""
        tiles = self.visible_tiles(level)
        if not tiles:
            return []
        cols, rows = self.source.tile_grid(level)
        c0, c1 = min(t[1] for t in tiles) - 1, max(t[1] for t in tiles) + 1
        r0, r1 = min(t[2] for t in tiles) - 1, max(t[2] for t in tiles) + 1
        ring = [
            (level, c, r)
            for r in range(max(r0, 0), min(r1, rows - 1) + 1)
            for c in range(max(c0, 0), min(c1, cols - 1) + 1)
            if c in (c0, c1) or r in (r0, r1)
        ]
        coarser = self.visible_tiles(level + 1) if level + 1 < self.source.level_count else []
        return coarser + ring

    # -- painting -----------------------------------------------------------
    def _qimage(self, key: tuple) -> QImage | None:
        img = self._qimages.get(key)
        if img is not None:
            self._qimages.move_to_end(key)
            return img
        arr = self.source.cache.peek(self.source.tile_key(*key))
        if arr is None:
            return None
        img = to_qimage(arr)
        self._qimages[key] = img
        while len(self._qimages) > QIMAGE_CACHE:
            self._qimages.popitem(last=False)
        return img

    def _tile_rect(self, level: int, col: int, row: int, w: int, h: int) -> QRectF:
        # edges snapped to whole screen pixels so neighbouring tiles meet without seams
        return tile_rect(
            self.vp.to_screen(0, 0), self.vp.downsample, self.source, level, col, row, w, h
        )

    def _paint_fallback(self, p: QPainter, level: int, col: int, row: int) -> None:
        t = self.source.tile_size
        ds = self.source.level_downsamples[level]
        x0, y0 = col * t * ds, row * t * ds  # level-0 box of the missing tile
        lw, lh = self.source.level_dimensions[level]
        bw, bh = min(t, lw - col * t) * ds, min(t, lh - row * t) * ds
        target = self._tile_rect(level, col, row, bw / ds, bh / ds)
        for coarse in range(level + 1, self.source.level_count):
            cds = self.source.level_downsamples[coarse]
            cc, cr = int(x0 / cds // t), int(y0 / cds // t)
            img = self._qimage((coarse, cc, cr))
            if img is None:
                continue
            sx, sy = x0 / cds - cc * t, y0 / cds - cr * t
            src = QRectF(sx, sy, bw / cds, bh / cds)
            if src.right() <= img.width() + 0.5 and src.bottom() <= img.height() + 0.5:
                p.drawImage(target, img, src)
                return
        sw, sh = self.source.dimensions
        ox, oy = self.overview.width() / sw, self.overview.height() / sh
        p.drawImage(target, self.overview, QRectF(x0 * ox, y0 * oy, bw * ox, bh * oy))

    def paintEvent(self, event) -> None:
        self.vp.resize(self.width(), self.height())
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(*BACKGROUND))
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.vp.downsample > 1)
        level = self.level()
        tiles = self.visible_tiles(level)
        merged = self.overlays.merged(self.vp)  # (image, top left): slide and overlay in one
        inside = None if merged is None else QRectF(merged[1], merged[0].size().toSizeF())
        missing = []
        t = self.source.tile_size
        for key in tiles:
            if inside is not None:  # a tile wholly under the merged image is in it
                lw, lh = self.source.level_dimensions[key[0]]
                w, h = min(t, lw - key[1] * t), min(t, lh - key[2] * t)
                if inside.contains(self._tile_rect(*key, w, h)):
                    continue
            img = self._qimage(key)
            if img is None:
                missing.append(key)
                self._paint_fallback(p, *key)
            else:
                p.drawImage(self._tile_rect(*key, img.width(), img.height()), img)
        if merged is not None:
            p.drawImage(merged[1], merged[0])
        self.source.cache.set_pinned(self.source.tile_key(*k) for k in tiles)
        self.overlays.paint(p, self.vp, merged=merged is not None)
        self.loader.want(missing + self._prefetch(level) + self.overlays.slide_wanted)
        if self.annotations is not None and not self.overlays.hidden:
            self.annotations.paint(p, self.vp, self.furniture(p.fontMetrics()))
        if self.tool is not None and self.annotations is not None:
            self.tool.paint(p, self.vp)
        self._paint_scale_bar(p)
        self._paint_navigator(p)
        self.overlays.paint_legend(p, 8, 8)
        p.end()

    def furniture(self, fm) -> list[QRectF]:
        """Screen boxes of the legend, scale bar and navigator: annotation labels keep
        out of them (a measurement under the legend or across the scale bar is unread)."""
        from viewers.wsi.legend import legend_rect

        mpp = self.source.mpp[0] if self.source.mpp else None
        length = scale_bar(mpp, self.vp.downsample)[0]
        text_w = fm.horizontalAdvance(getattr(self, "scale_text", "") or "0000 µm")
        top = self.height() - 18 - 8 - fm.height()
        out = [QRectF(12, top, max(length, text_w) + 8, self.height() - top), self.navigator_rect()]
        legend = legend_rect(fm, self.overlays, 8, 8)
        return out + ([legend] if legend is not None else [])

    def _paint_scale_bar(self, p: QPainter) -> None:
        mpp = self.source.mpp[0] if self.source.mpp else None
        length, value, unit = scale_bar(mpp, self.vp.downsample)
        x, y = 16, self.height() - 18
        p.setPen(QPen(QColor(0, 0, 0), 4))
        p.drawLine(QPointF(x, y), QPointF(x + length, y))
        p.setPen(QColor(0, 0, 0))
        unit_text = {"µm": self.tr("µm"), "mm": self.tr("mm")}.get(unit, self.tr("px"))
        self.scale_text = f"{value} {unit_text}"
        p.drawText(QPointF(x, y - 8), self.scale_text)

    def navigator_rect(self) -> QRectF:
        ow, oh = self.overview.width(), self.overview.height()
        s = NAV_MAX / max(ow, oh)
        w, h = ow * s, oh * s
        return QRectF(self.width() - w - 10, self.height() - h - 10, w, h)

    def _paint_navigator(self, p: QPainter) -> None:
        nav = self.navigator_rect()
        if nav.width() * 2 > self.width() or nav.height() * 2 > self.height():
            return
        p.save()  # whatever the layers above left set (a white handle brush) stays out
        p.setOpacity(0.9)
        p.drawImage(nav, self.overview)
        p.setOpacity(1.0)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(90, 90, 90), 1))
        p.drawRect(nav)
        sw, sh = self.source.dimensions
        x, y, w, h = self.vp.visible()
        k = nav.width() / sw
        view = QRectF(
            nav.x() + x * k, nav.y() + y * (nav.height() / sh), w * k, h * nav.height() / sh
        )
        p.setPen(QPen(QColor(220, 30, 30), 2))
        p.drawRect(view.intersected(nav.adjusted(-1, -1, 1, 1)))
        p.restore()

    def _tile_arrived(self, key=None) -> None:
        if not self._repaint.isActive():
            self._repaint.start()

    # -- input --------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_at(1.25**steps, event.position())

    def _nav_jump(self, pos: QPointF) -> None:
        nav = self.navigator_rect()
        sw, sh = self.source.dimensions
        self.vp.center_on(
            (pos.x() - nav.x()) / nav.width() * sw, (pos.y() - nav.y()) / nav.height() * sh
        )
        self._changed()

    def set_tool(self, tool) -> None:
        if self.tool is not None:
            self.tool.cancel()
        self.tool = tool
        if tool is None:
            self.unsetCursor()
        else:
            self.setCursor(tool.cursor)
        self.update()

    def slide_pos(self, event) -> tuple[float, float]:
        pos = event.position()
        return self.vp.to_slide(pos.x(), pos.y())

    def _tool_active(self) -> bool:
        return self.tool is not None and self.annotations is not None

    def mousePressEvent(self, event) -> None:
        button = event.button()
        if button == Qt.MouseButton.MiddleButton:
            self._drag = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if button != Qt.MouseButton.LeftButton:
            return
        if self.navigator_rect().contains(event.position()):
            self._nav_drag = True
            self._nav_jump(event.position())
            return
        if self._tool_active() and self.tool.press(*self.slide_pos(event), event.modifiers()):
            self.update()
            return
        self._drag = event.position()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event) -> None:
        if self._nav_drag:
            self._nav_jump(event.position())
        elif self._drag is not None:
            d = event.position() - self._drag
            self._drag = event.position()
            self.vp.pan(d.x(), d.y())
            self._changed()
        elif self._tool_active():
            pressed = bool(event.buttons() & Qt.MouseButton.LeftButton)
            self.tool.move(*self.slide_pos(event), pressed)

    def mouseReleaseEvent(self, event) -> None:
        dragging = self._drag is not None or self._nav_drag
        self._drag = None
        self._nav_drag = False
        if not dragging and self._tool_active() and event.button() == Qt.MouseButton.LeftButton:
            self.tool.release(*self.slide_pos(event))
        if self.tool is not None:
            self.setCursor(self.tool.cursor)
        else:
            self.unsetCursor()

    def mouseDoubleClickEvent(self, event) -> None:
        left = event.button() == Qt.MouseButton.LeftButton
        if left and self._tool_active() and self.tool.double_click(*self.slide_pos(event)):
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.tool is not None:
            self.tool.cancel()
            self.update()
            return
        if self._tool_active() and self.tool.key(event.key()):
            self.update()
            return
        if event.key() == Qt.Key.Key_Delete and self.annotations is not None:
            self.annotations.delete_selected()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        self.vp.resize(self.width(), self.height())
        if self._fitted:  # keep the whole slide in view until the user zooms or pans
            self.vp.fit()
        super().resizeEvent(event)

    def shutdown(self) -> None:
        self.loader.close()
        self.overlays.close()
