"""One overlay image for the view and a margin around it, so a pan is one blit.

Drawing a million detections as ~35 cached 256-px tiles costs ~35 blends per
frame (tiles in another pixel format are converted each time, tiles at a
coarser zoom are scaled each time).  The overlay worker instead assembles the
visible layers' tiles, plus ``MARGIN`` tiles on every side, into one
premultiplied image at the exact screen scale; each frame then draws that one
image at a whole-pixel offset.  When the view comes within ``KEEP`` tiles of
its edge a new one is built around the view while the old one is still drawn;
until one fits (a zoom step, a changed layer), the renderer paints per tile.
Tiles go into the whole-pixel rectangles the per-tile painter gives them
(``edges``), so both paint the same pixels.  The worker also paints the slide
tiles under it into ``merged`` (``view_image``): then a frame is one opaque blit.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from viewers.wsi.viewport import screen_edge

MARGIN = 2  # tiles built around the view on every side
KEEP = 1  # rebuild once the view is within this many tiles of the edge
MAX_PIXELS = 24_000_000  # a larger view (a 4K screen zoomed far in) stays per tile


def edges(origin: float, first: int, last: int, step: float) -> list[int]:
    """Whole-pixel screen edges of tiles ``first``..``last`` (``last + 2 - first`` values)."""
    return [screen_edge(origin, c * step) for c in range(first, last + 2)]


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


@dataclass(eq=False)  # compared by identity (never pixel by pixel)
class Composite:
    key: tuple  # layers (id, gen, opacity) + tile zoom + screen downsample
    span: Span
    z: float  # level-0 px per tile pixel
    image: QImage  # premultiplied, at the screen scale
    origin: tuple[int, int] = (0, 0)  # top left, whole screen px from level-0 (0, 0)
    ds: float = 1.0  # level-0 px per screen px
    merged: QImage | None = None  # the slide's tiles with ``image`` over them (view_image)
    tile: int = 256  # tile pixels

    @property
    def box(self) -> tuple[float, float, float, float]:
        """The level-0 rectangle it covers."""
        s = self.tile * self.z
        return (self.span.c0 * s, self.span.r0 * s, (self.span.c1 + 1) * s, (self.span.r1 + 1) * s)


class Composer:
    """Holds the current composite and the one asked for; the worker builds it."""

    def __init__(self, tile: int) -> None:
        self.tile = tile
        self._lock = threading.Lock()
        self.current: Composite | None = None
        self.request: tuple | None = None  # (key, span, z, ds)
        self.building: tuple | None = None  # (key, span) being assembled
        self.merge_request: Composite | None = None  # a built one still to merge with the slide

    @staticmethod
    def key(layers, z: float, ds: float) -> tuple:
        return (tuple((d.id, d.gen, round(d.opacity, 3)) for d in layers), z, round(ds, 6))

    def clear(self) -> None:
        with self._lock:
            self.current = None
            self.request = None
            self.building = None
            self.merge_request = None

    def covering(self, key: tuple, need: Span) -> Composite | None:
        with self._lock:
            comp = self.current
        if comp is None or comp.key != key or not comp.span.contains(need):
            return None
        return comp

    def paint(self, p: QPainter, vp, key, need: Span, limit: Span, z: float, blit=True):
        """Draw the composite if it covers ``need`` (``blit`` False: it is on screen already).

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
        if blit:
            p.save()
            p.setOpacity(1.0)
            p.drawImage(self.top_left(comp, vp), comp.image)
            p.restore()
        if comp.span.contains(need.grown(KEEP, limit)):
            return True, None
        return True, target

    @staticmethod
    def top_left(comp: Composite, vp) -> QPointF:
        ox, oy = vp.to_screen(0, 0)
        return QPointF(math.floor(ox + 0.5) + comp.origin[0], math.floor(oy + 0.5) + comp.origin[1])

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

    @property
    def asked(self) -> bool:
        """Is a build or a merge waiting for the worker?"""
        return self.request is not None or self.merge_request is not None

    def ask_merge(self, comp: Composite) -> None:
        with self._lock:
            merging = self.building is not None and self.building[-1] is comp
            if self.current is comp and comp.merged is None and not merging:
                self.merge_request = comp

    def take_merge(self) -> Composite | None:
        with self._lock:
            comp, self.merge_request = self.merge_request, None
            self.building = ("merge", comp) if comp is not None else None
            return comp

    def merge(self, comp: Composite, base) -> None:
        """Paint the slide (``view_image.SlideBase``) under ``comp`` into ``comp.merged``."""
        merged = base.merge(comp.image, comp.origin, comp.ds, comp.box)
        with self._lock:
            comp.merged = merged

    def build(self, req: tuple, layers, tile_image, stop, base=None) -> Composite | None:
        """Assemble ``layers``' tiles (``tile_image(layer, col, row)``) into one image.

        Each tile goes into the whole-pixel rectangle the per-tile painter
        gives it (``edges``), scaled there once when the tiles are of a
        coarser zoom, so switching between the two never moves a pixel.
        """
        key, span, z, ds = req
        step = self.tile * z / ds
        xs = edges(0.0, span.c0, span.c1, step)
        ys = edges(0.0, span.r0, span.r1, step)
        xs0, ys0 = xs[0], ys[0]
        xs, ys = [x - xs0 for x in xs], [y - ys0 for y in ys]
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
        comp = Composite(key, span, z, img, (xs0, ys0), ds, tile=self.tile)
        if base is not None:  # with the slide under it when its tiles are cached
            comp.merged = base.merge(img, comp.origin, ds, comp.box)
        with self._lock:
            self.current = comp
        return comp

    def done(self) -> None:
        with self._lock:
            self.building = None
