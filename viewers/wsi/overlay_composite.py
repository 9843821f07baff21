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

import threading
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter

MARGIN = 2  # tiles built around the view on every side
KEEP = 1  # rebuild once the view is within this many tiles of the edge
MAX_PIXELS = 24_000_000  # a larger view (a 4K screen zoomed far in) stays per tile


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
        x, y = vp.to_screen(comp.span.c0 * self.tile * z, comp.span.r0 * self.tile * z)
        p.save()
        p.setOpacity(1.0)
        p.drawImage(QPointF(round(x), round(y)), comp.image)
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
        """Assemble ``layers``' tiles (``tile_image(layer, col, row)``) into one image."""
        key, span, z, ds = req
        cols, rows = span.size
        t = self.tile
        img = QImage(cols * t, rows * t, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        q = QPainter(img)
        try:
            for d in layers:  # tiles are cached by now: this only copies them
                q.setOpacity(max(0.0, min(1.0, d.opacity)))
                for row in range(span.r0, span.r1 + 1):
                    for col in range(span.c0, span.c1 + 1):
                        if stop() or not self.wanted(key):
                            return None
                        tile = tile_image(d, col, row)
                        q.drawImage(QPointF((col - span.c0) * t, (row - span.r0) * t), tile)
        finally:
            q.end()
        if abs(z / ds - 1.0) > 1e-6:  # tiles of a coarser zoom: scale once, not every frame
            w, h = round(cols * t * z / ds), round(rows * t * z / ds)
            img = img.scaled(
                w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
            )
        comp = Composite(key, span, z, img)
        with self._lock:
            self.current = comp
        return comp

    def done(self) -> None:
        with self._lock:
            self.building = None
