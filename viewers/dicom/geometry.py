"""Measurement and orientation arithmetic of the 2D viewer (Qt-free).

Points are image pixel coordinates ``(x, y)`` = (column, row), pixel centres at
integer values; ``spacing`` is the DICOM PixelSpacing ``(row mm, column mm)``,
empty when the image has none (lengths are then in pixels).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# patient axis -> letter for its positive direction (DICOM LPS: +x left, +y posterior, +z head)
_LETTERS = (("L", "R"), ("P", "A"), ("H", "F"))


def direction_letters(vec, threshold: float = 0.25) -> str:
    """Letters of a patient direction, strongest first ("L", "LP", "HA"...), "" when unknown."""
    v = np.asarray(vec, float)
    if v.shape != (3,) or not np.all(np.isfinite(v)) or not v.any():
        return ""
    v = v / np.linalg.norm(v)
    order = np.argsort(-np.abs(v))
    return "".join(_LETTERS[i][0 if v[i] > 0 else 1] for i in order[:2] if abs(v[i]) > threshold)


def screen_letters(orientation, right_px, down_px) -> dict[str, str]:
    """Markers for the four screen edges.

    ``orientation`` is ImageOrientationPatient (row cosines, column cosines);
    ``right_px`` / ``down_px`` are the image-pixel vectors (dx, dy) that point to
    the right of the screen and down the screen after the view's rotation/flip.
    """
    if orientation is None or len(orientation) != 6:
        return {}
    row, col = np.asarray(orientation[:3], float), np.asarray(orientation[3:], float)
    right = right_px[0] * row + right_px[1] * col
    down = down_px[0] * row + down_px[1] * col
    return {
        "right": direction_letters(right),
        "left": direction_letters(-right),
        "bottom": direction_letters(down),
        "top": direction_letters(-down),
    }


def nice_length(max_mm: float) -> float:
    """The largest 1/2/5 x 10^n length (mm) not longer than ``max_mm``."""
    if not max_mm > 0:
        return 0.0
    exp = 10 ** math.floor(math.log10(max_mm))
    for m in (5, 2, 1):
        if m * exp <= max_mm:
            return m * exp
    return exp


def _mm(spacing) -> tuple[float, float]:
    """(x mm per pixel, y mm per pixel); (1, 1) without a spacing."""
    if spacing and len(spacing) == 2:
        return float(spacing[1]), float(spacing[0])
    return 1.0, 1.0


def length(p, q, spacing) -> float:
    sx, sy = _mm(spacing)
    return math.hypot((q[0] - p[0]) * sx, (q[1] - p[1]) * sy)


def angle(a, vertex, b, spacing) -> float:
    """Angle at ``vertex`` in degrees, in patient (mm) space."""
    sx, sy = _mm(spacing)
    u = np.array([(a[0] - vertex[0]) * sx, (a[1] - vertex[1]) * sy])
    w = np.array([(b[0] - vertex[0]) * sx, (b[1] - vertex[1]) * sy])
    nu, nw = np.linalg.norm(u), np.linalg.norm(w)
    if nu == 0 or nw == 0:
        return 0.0
    return math.degrees(math.acos(float(np.clip(np.dot(u, w) / (nu * nw), -1.0, 1.0))))


def ellipse_mask(shape, p, q) -> np.ndarray:
    """Pixels whose centres lie inside the ellipse inscribed in the box p-q."""
    (x0, x1), (y0, y1) = sorted((p[0], q[0])), sorted((p[1], q[1]))
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    mask = np.zeros(shape[:2], bool)
    if rx <= 0 or ry <= 0:
        return mask
    ys, xs = _box(shape, x0, x1, y0, y1)
    inside = ((xs[None, :] - cx) / rx) ** 2 + ((ys[:, None] - cy) / ry) ** 2 <= 1.0
    if inside.size:
        mask[ys[0] : ys[-1] + 1, xs[0] : xs[-1] + 1] = inside
    return mask


def polygon_mask(shape, points) -> np.ndarray:
    """Pixels whose centres lie inside the polygon (even-odd rule)."""
    mask = np.zeros(shape[:2], bool)
    pts = np.asarray(points, float)
    if len(pts) < 3:
        return mask
    ys, xs = _box(shape, pts[:, 0].min(), pts[:, 0].max(), pts[:, 1].min(), pts[:, 1].max())
    if not len(xs) or not len(ys):
        return mask
    gx, gy = np.meshgrid(xs, ys)
    inside = np.zeros(gx.shape, bool)
    for (xa, ya), (xb, yb) in zip(pts, np.roll(pts, -1, axis=0), strict=True):
        crosses = (ya > gy) != (yb > gy)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_at = xa + (gy - ya) * (xb - xa) / (yb - ya)
        inside ^= crosses & (gx < x_at)
    mask[ys[0] : ys[-1] + 1, xs[0] : xs[-1] + 1] = inside
    return mask


def _box(shape, x0, x1, y0, y1):
    h, w = shape[:2]
    xs = np.arange(max(0, math.ceil(x0)), min(w - 1, math.floor(x1)) + 1)
    ys = np.arange(max(0, math.ceil(y0)), min(h - 1, math.floor(y1)) + 1)
    return ys, xs


@dataclass
class RoiStats:
    mean: float
    sd: float
    minimum: float
    maximum: float
    area: float  # mm² (pixels² without a spacing)
    pixels: int


def roi_stats(values: np.ndarray, mask: np.ndarray, spacing) -> RoiStats | None:
    """Statistics of the modality values (HU for CT) inside ``mask``; None when empty."""
    inside = values[mask]
    if inside.size == 0:
        return None
    sx, sy = _mm(spacing)
    return RoiStats(
        float(inside.mean()),
        float(inside.std()),
        float(inside.min()),
        float(inside.max()),
        float(inside.size * sx * sy),
        int(inside.size),
    )


def probe(values: np.ndarray, x: float, y: float) -> float | None:
    """The value of the pixel under (x, y), None outside the image."""
    col, row = int(math.floor(x + 0.5)), int(math.floor(y + 0.5))
    if 0 <= row < values.shape[0] and 0 <= col < values.shape[1]:
        return float(values[row, col])
    return None
