"""Tissue detection on a low-resolution view: HSV saturation + Otsu.

Glass is bright and grey (low saturation); stained tissue is saturated.
Very dark pixels (pen, dirt, out-of-scan areas) are excluded.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_SAT_SPREAD = 0.04  # below this the view is uniform: all glass or all tissue
TISSUE_SAT = 0.12


@dataclass
class TissueMask:
    mask: np.ndarray  # bool (rows, cols) at ``downsample`` relative to level 0
    downsample: float

    @property
    def fraction(self) -> float:
        return float(self.mask.mean()) if self.mask.size else 0.0

    def fraction_in(self, x: float, y: float, w: float, h: float) -> float:
        """Tissue fraction of a level-0 rectangle."""
        d = self.downsample
        r0, r1 = int(y // d), int(np.ceil((y + h) / d))
        c0, c1 = int(x // d), int(np.ceil((x + w) / d))
        part = self.mask[max(r0, 0) : max(r1, 0), max(c0, 0) : max(c1, 0)]
        return float(part.mean()) if part.size else 0.0


def tissue_mask_rgb(rgb: np.ndarray, min_area_px: int = 16) -> np.ndarray:
    """Boolean tissue mask of an RGB image."""
    from scipy import ndimage as ndi
    from skimage.filters import threshold_otsu
    from skimage.morphology import remove_small_objects

    f = rgb.astype(np.float32)
    mx, mn = f.max(axis=2), f.min(axis=2)
    sat = np.where(mx > 0, (mx - mn) / np.maximum(mx, 1), 0)
    valid = mx > 40
    values = sat[valid]
    if values.size == 0:
        return np.zeros(rgb.shape[:2], bool)
    if np.percentile(values, 99) - np.percentile(values, 1) < MIN_SAT_SPREAD:
        return (
            valid & (sat > TISSUE_SAT)
            if values.mean() > TISSUE_SAT
            else np.zeros(rgb.shape[:2], bool)
        )
    thr = max(float(threshold_otsu(values)), 0.05)
    mask = valid & (sat > thr)
    mask = ndi.binary_closing(mask, iterations=2)
    mask = ndi.binary_fill_holes(mask)
    return remove_small_objects(mask, max_size=min_area_px)


def detect_tissue(source, max_side: int = 2048, state=None) -> TissueMask:
    """Tissue mask of a ``SlideSource`` from its smallest level at least ``max_side/2`` wide."""
    w0, h0 = source.dimensions
    want = max(w0, h0) / max_side
    level = source.best_level(max(want, 1.0))
    w, h = source.level_dimensions[level]
    if state is not None:
        state.progress(0.0, "finding tissue")
    rgb = source.read_region(level, 0, 0, w, h, cached=False)
    if max(w, h) > 2 * max_side:  # no small level: subsample
        step = int(max(w, h) // max_side)
        rgb = rgb[::step, ::step]
        ds = source.level_downsamples[level] * step
    else:
        ds = source.level_downsamples[level]
    mask = tissue_mask_rgb(rgb)
    if state is not None:
        state.progress(1.0, "tissue found")
    return TissueMask(mask, float(ds))
