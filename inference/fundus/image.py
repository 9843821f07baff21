"""A fundus photo prepared for analysis: working scale, channels, field-of-view mask."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_SIDE = 64  # smaller is not a fundus photo (reported as insufficient field)
WORK_SIDE = 1024  # longest side analysed (larger photos are reduced; smaller kept)


@dataclass
class Prepared:
    rgb: np.ndarray  # float32 (h, w, 3) in 0..1 at working scale
    green: np.ndarray  # float32 (h, w)
    lum: np.ndarray  # float32 (h, w)
    fov: np.ndarray  # bool (h, w) field of view
    scale: float  # working pixels per original pixel
    original_shape: tuple[int, int]
    centre: tuple[float, float]  # FOV centre (x, y), working pixels
    radius: float  # FOV radius (equivalent circle), working pixels

    def to_original(self, value: float) -> float:
        return float(value) / self.scale


def as_rgb8(pixels: np.ndarray) -> np.ndarray:
    """A decoded frame (uint8 RGB, or grey of any type) as uint8 RGB."""
    a = np.asarray(pixels)
    if a.ndim == 3 and a.shape[2] >= 3:
        a = a[..., :3]
        if a.dtype == np.uint8:
            return a
    if a.ndim == 2:
        a = np.repeat(a[..., None], 3, axis=2)  # monochrome (red-free) photo
    if a.ndim != 3 or a.shape[2] != 3:
        raise ValueError(f"not a photo: pixel array of shape {a.shape}")
    a = np.nan_to_num(a.astype(np.float32), nan=0.0, posinf=0.0, neginf=0.0)
    # scale, do not stretch: an offset removed would raise every lesion's relative contrast
    lo, hi = min(0.0, float(a.min())), float(np.percentile(a, 99.9))
    a = np.clip((a - lo) / max(hi - lo, 1e-6) * 255.0, 0, 255)
    return a.astype(np.uint8)


def prepare(pixels: np.ndarray) -> Prepared:
    from PIL import Image

    rgb8 = as_rgb8(pixels)
    h, w = rgb8.shape[:2]
    if min(h, w) < MIN_SIDE:
        raise ValueError(f"image too small to analyse ({w} x {h})")
    scale = min(1.0, WORK_SIDE / max(h, w))
    if scale < 1.0:
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        rgb8 = np.asarray(Image.fromarray(rgb8).resize(size, Image.Resampling.BOX))
    rgb = rgb8.astype(np.float32) / 255.0
    lum = rgb @ np.array([0.299, 0.587, 0.114], np.float32)
    fov = field_of_view(rgb)
    ys, xs = np.nonzero(fov)
    if xs.size:
        centre = (float(xs.mean()), float(ys.mean()))
        radius = float(np.sqrt(xs.size / np.pi))
    else:
        centre, radius = (rgb.shape[1] / 2.0, rgb.shape[0] / 2.0), 0.0
    return Prepared(rgb, rgb[..., 1].copy(), lum, fov, scale, (h, w), centre, radius)


def field_of_view(rgb: np.ndarray) -> np.ndarray:
    """The camera's circular field: pixels brighter than the black surround, largest
    component, holes filled.  A photo with no surround is all field."""
    from scipy import ndimage as ndi

    bright = rgb.max(axis=2)
    level = max(0.035, 0.06 * float(np.percentile(bright, 99)))
    mask = bright > level
    mask = ndi.binary_opening(mask, iterations=2)
    labels, n = ndi.label(mask)
    if n == 0:
        return mask
    sizes = np.bincount(labels.ravel())
    sizes[0] = 0
    mask = labels == int(sizes.argmax())
    return ndi.binary_fill_holes(mask)
