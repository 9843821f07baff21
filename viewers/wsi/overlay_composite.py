"""One overlay image for the view and a margin around it, so a pan is one blit.

Drawing a million detections as ~35 cached 256-px tiles costs ~35 blends per
frame (tiles in another pixel format are converted each time, tiles at a
coarser zoom are scaled each time).  The overlay worker instead assembles the
visible layers' tiles, plus ``MARGIN`` tiles on every side, into one
premultiplied image at the exact screen scale; each frame then draws that one
image at a whole-pixel offset.  When the view comes within ``KEEP`` tiles of
its edge a new one is built around the view while the old one is still drawn;
until one fits (a zoom step, a changed layer), the renderer paints per tile.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

MARGIN = 2  # tiles built around the view on every side
KEEP = 1  # rebuild once the view is within this many tiles of the edge
MAX_PIXELS = 24_000_000  # a larger view (a 4K screen zoomed far in) stays per tile


def edges(origin: float, first: int, last: int, step: float) -> list[int]:
    """Whole-pixel screen edges of tiles ``first``..``last`` (``last + 2 - first`` values).

    The grid's origin is rounded once and each edge is rounded from it, so
    tiles painted one by one and the same tiles assembled into a composite
    (drawn at a whole-pixel offset) get the same edges, hence the same
    nearest-neighbour pixels, wherever the view is.
    """
    o = math.floor(origin + 0.5)
    return [o + math.floor(c * step + 0.5) for c in range(first, last + 2)]


@dataclass(frozen=True)
class Span:
    """Inclusive tile range (col0, row0, col1, row1) of a tile grid at one zoom."""

    c0: int
    r0: int
    c1: int
    r1: int

    def contains(self, other: Span) -> bool:
        return (
            self.c0 <= other.c0
            and self.r0 <= other.r0
            and self.c1 >= other.c1
            and self.r1 >= other.r1
        )

    def grown(self, n: int, limit: Span) -> Span:
        return Span(
            max(self.c0 - n, limit.c0),
            max(self.r0 - n, limit.r0),
            min(self.c1 + n, limit.c1),
            min(self.r1 + n, limit.r1),
        )

    @property
    def size(self) -> tuple[int, int]:
        return self.c1 - self.c0 + 1, self.r1 - self.r0 + 1


@dataclass
class Composite:
    key: tuple  # layers (id, gen, opacity) + tile zoom + screen downsample
    span: Span
    z: float  # level-0 px per tile pixel
    image: QImage  # premultiplied, at the screen scale


class Composer:
    """Holds the current composite and the one asked for; the worker builds it."""

    def __init__(self, tile: int) -> None:
        self.tile = tile
        self._lock = threading.Lock()
        self.current: Composite | None = None
        self.request: tuple | None = None  # (key, span, z, ds)
        self.building: tuple | None = None  # (key, span) being assembled

    @staticmethod
    def key(layers, z: float, ds: float) -> tuple:
        return (tuple((d.id, d.gen, round(d.opacity, 3)) for d in layers), z, round(ds, 6))

    def clear(self) -> None:
        with self._lock:
            self.current = None
            self.request = None
            self.building = None

    def paint(self, p: QPainter, vp, key: tuple, need: Span, limit: Span, z: float):
        """Draw the composite if it covers ``need``.

        Returns (drawn, span): ``span`` is the range the next composite should
        cover (the view and ``MARGIN`` tiles around it), or None while the one
        drawn still has ``KEEP`` tiles to spare.
        """
        with self._lock:
            comp = self.current if self.current is not None and self.current.key == key else None
        target = need.grown(MARGIN, limit)
        cols, rows = target.size
        if cols * rows * self.tile * self.tile * (z / vp.downsample) ** 2 > MAX_PIXELS:
            return False, None
        if comp is None or not comp.span.contains(need):
            return False, target
        ox, oy = vp.to_screen(0, 0)
        step = self.tile * z / vp.downsample
        x = edges(ox, comp.span.c0, comp.span.c0, step)[0]
        y = edges(oy, comp.span.r0, comp.span.r0, step)[0]
        p.save()
        p.setOpacity(1.0)
        p.drawImage(QPointF(x, y), comp.image)
        p.restore()
        if comp.span.contains(need.grown(KEEP, limit)):
            return True, None
        return True, target

    def ask(self, key: tuple, span: Span, z: float, ds: float) -> None:
        """Build a composite of ``span`` (every tile of it is cached)."""
        with self._lock:
            cur = self.current
            if cur is not None and cur.key == key and cur.span == span:
                return
            if self.building == (key, span):
                return
            self.request = (key, span, z, ds)

    def take(self) -> tuple | None:
        with self._lock:
            req, self.request = self.request, None
            self.building = req[:2] if req is not None else None
            return req

    def wanted(self, key: tuple) -> bool:
        """Is ``key`` still what the view asks for (a zoom step makes a build moot)?"""
        with self._lock:
            return self.request is None or self.request[0] == key

    def build(self, req: tuple, layers, tile_image, stop) -> Composite | None:
        """Assemble ``layers``' tiles (``tile_image(layer, col, row)``) into one image.

        Each tile goes into the whole-pixel rectangle the per-tile painter
        gives it (``edges``), scaled there once when the tiles are of a
        coarser zoom, so switching between the two never moves a pixel.
        """
        key, span, z, ds = req
        step = self.tile * z / ds
        xs = edges(0.0, span.c0, span.c1, step)
        ys = edges(0.0, span.r0, span.r1, step)
        xs, ys = [x - xs[0] for x in xs], [y - ys[0] for y in ys]
        img = QImage(xs[-1], ys[-1], QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        q = QPainter(img)
        q.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        try:
            for d in layers:  # tiles are cached by now: this only copies (or scales) them
                q.setOpacity(max(0.0, min(1.0, d.opacity)))
                for j, row in enumerate(range(span.r0, span.r1 + 1)):
                    for i, col in enumerate(range(span.c0, span.c1 + 1)):
                        if stop() or not self.wanted(key):
                            return None
                        tile = tile_image(d, col, row)
                        rect = QRectF(xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j])
                        q.drawImage(rect, tile)
        finally:
            q.end()
        comp = Composite(key, span, z, img)
        with self._lock:
            self.current = comp
        return comp

    def done(self) -> None:
        with self._lock:
            self.building = None
