"""The slide's tiles under the overlay composite, merged with it into one opaque image.

With a million detections shown, a pan frame drew the slide's ~40 tiles and
then blended the overlay composite over them: about twice the frame without
detections.  The overlay worker now also paints the slide tiles under the
composite into one opaque image (``SlideBase.merge``), so such a frame is one
copy.  Each slide tile goes to the whole-pixel rectangle the canvas gives it
(``tile_rect``: edges from ``screen_edge``, which do not depend on where the
view is), so the merged image and the canvas' own painting are the same
pixels after any pan.  It is built only when every slide tile under it is
cached (the canvas loads the missing ones first), and drawn only while no
raster layer (heatmap, tissue outline) has to go between slide and detections.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from viewers.wsi.viewport import screen_edge

BACKGROUND = (236, 236, 236)  # the canvas around the slide


def to_qimage(rgb: np.ndarray) -> QImage:
    h, w, _ = rgb.shape
    data = np.ascontiguousarray(rgb)
    return QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def tile_rect(origin, ds_view: float, source, level: int, col: int, row: int, w, h) -> QRectF:
    """Screen rectangle (whole pixels) of a ``w`` x ``h`` slide tile.

    ``origin`` is where level-0 (0, 0) falls on screen, ``ds_view`` the
    view's level-0 px per screen px.
    """
    ds, t = source.level_downsamples[level], source.tile_size
    k = ds / ds_view
    x0, y0 = screen_edge(origin[0], col * t * k), screen_edge(origin[1], row * t * k)
    x1, y1 = screen_edge(origin[0], (col * t + w) * k), screen_edge(origin[1], (row * t + h) * k)
    return QRectF(x0, y0, x1 - x0, y1 - y0)


class SlideBase:
    """What the canvas paints under the overlays, for the overlay worker to merge."""

    def __init__(self, source, background=BACKGROUND) -> None:
        self.source = source
        self.background = QColor(*background)

    def level(self, ds_view: float) -> int:
        return self.source.best_level(max(ds_view, 1.0))  # as SlideCanvas.level

    def tiles(self, ds_view: float, box) -> list[tuple[int, int, int]]:
        """(level, col, row) of every slide tile the canvas paints in the level-0 ``box``."""
        level = self.level(ds_view)
        lds = self.source.level_downsamples[level]
        x0, y0 = max(box[0], 0.0), max(box[1], 0.0)
        lx, ly = int(x0 // lds), int(y0 // lds)
        lw, lh = int(box[2] // lds) - lx + 1, int(box[3] // lds) - ly + 1
        if lw <= 0 or lh <= 0:
            return []
        return [(level, c, r) for c, r in self.source.tiles_in(level, lx, ly, lw, lh)]

    def missing(self, ds_view: float, box) -> list[tuple[int, int, int]]:
        cache, key = self.source.cache, self.source.tile_key
        return [t for t in self.tiles(ds_view, box) if key(*t) not in cache]

    def merge(self, overlay: QImage, origin: tuple[int, int], ds_view: float, box):
        """Slide tiles, then ``overlay`` on top, in one opaque image of its size.

        ``origin``: the overlay's top left relative to level-0 (0, 0), in
        whole screen pixels (``screen_edge(0, ...)``).  None while a slide
        tile is not cached.
        """
        img = QImage(overlay.size(), QImage.Format.Format_RGB32)
        img.fill(self.background)
        q = QPainter(img)
        try:
            q.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, ds_view > 1)
            for key in self.tiles(ds_view, box):
                arr = self.source.cache.peek(self.source.tile_key(*key))
                if arr is None:
                    return None
                tile = to_qimage(arr)
                rect = tile_rect(
                    (0.0, 0.0), ds_view, self.source, *key, tile.width(), tile.height()
                )
                q.drawImage(rect.translated(-origin[0], -origin[1]), tile)
            q.drawImage(QPointF(0, 0), overlay)
        finally:
            q.end()
        return img
