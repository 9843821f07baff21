"""View geometry of the slide viewer, Qt-free so it is easy to test.

The view is a centre in level-0 pixels and a ``downsample`` (level-0 pixels
per screen pixel).  Zooming at a screen point keeps the slide point under it
fixed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

NICE = (1, 2, 5)


def screen_edge(origin: float, offset: float) -> int:
    """Whole screen pixel of a tile edge ``offset`` screen px from the slide's origin.

    The origin (where level-0 (0, 0) falls on screen) and the offset are
    rounded apart, so an edge's place relative to any other edge never
    depends on where the view is: the slide tiles, the overlay tiles and an
    image assembled from them (drawn at a whole-pixel offset) always meet
    pixel for pixel, whatever the pan.
    """
    return math.floor(origin + 0.5) + math.floor(offset + 0.5)


@dataclass
class Viewport:
    slide_w: int
    slide_h: int
    view_w: int = 800
    view_h: int = 600
    cx: float = 0.0
    cy: float = 0.0
    downsample: float = 1.0
    min_downsample: float = 0.25

    @property
    def max_downsample(self) -> float:
        return max(self.fit_downsample() * 2, self.min_downsample)

    def fit_downsample(self) -> float:
        return max(self.slide_w / max(self.view_w, 1), self.slide_h / max(self.view_h, 1), 1e-6)

    def fit(self) -> None:
        self.downsample = self.fit_downsample()
        self.cx, self.cy = self.slide_w / 2, self.slide_h / 2

    def resize(self, w: int, h: int) -> None:
        self.view_w, self.view_h = max(1, w), max(1, h)

    def to_slide(self, sx: float, sy: float) -> tuple[float, float]:
        return (
            self.cx + (sx - self.view_w / 2) * self.downsample,
            self.cy + (sy - self.view_h / 2) * self.downsample,
        )

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        return (
            (x - self.cx) / self.downsample + self.view_w / 2,
            (y - self.cy) / self.downsample + self.view_h / 2,
        )

    def visible(self) -> tuple[float, float, float, float]:
        """Visible level-0 rectangle (x, y, w, h), possibly beyond the slide."""
        x0, y0 = self.to_slide(0, 0)
        return x0, y0, self.view_w * self.downsample, self.view_h * self.downsample

    def zoom_at(self, factor: float, sx: float, sy: float) -> None:
        """Zoom by ``factor`` (>1 zooms in) keeping the slide point under (sx, sy)."""
        px, py = self.to_slide(sx, sy)
        new = min(max(self.downsample / factor, self.min_downsample), self.max_downsample)
        self.downsample = new
        self.cx = px - (sx - self.view_w / 2) * new
        self.cy = py - (sy - self.view_h / 2) * new
        self.clamp()

    def pan(self, dx: float, dy: float) -> None:
        """Move the image by (dx, dy) screen pixels (drag direction)."""
        self.cx -= dx * self.downsample
        self.cy -= dy * self.downsample
        self.clamp()

    def center_on(self, x: float, y: float) -> None:
        self.cx, self.cy = x, y
        self.clamp()

    def clamp(self) -> None:
        self.cx = min(max(self.cx, 0.0), float(self.slide_w))
        self.cy = min(max(self.cy, 0.0), float(self.slide_h))


def scale_bar(
    mpp: float | None, downsample: float, target_px: float = 120
) -> tuple[float, str, str]:
    """(length on screen in px, label value, unit) of a round scale bar near ``target_px``.

    Returns the value in microns when ``mpp`` is known, else in slide pixels.
    """
    per_px = (mpp or 1.0) * downsample  # microns (or slide px) per screen px
    raw = target_px * per_px
    exp = math.floor(math.log10(raw)) if raw > 0 else 0
    best = 10.0**exp
    for n in NICE:
        if n * 10.0**exp <= raw:
            best = n * 10.0**exp
    unit = "µm" if mpp else "px"
    if unit == "µm" and best >= 1000:
        return best / per_px, f"{best / 1000:g}", "mm"
    return best / per_px, f"{best:g}", unit
