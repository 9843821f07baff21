"""Enhancement presets for reading fundus photos (Qt-free, numpy)."""

from __future__ import annotations

import numpy as np

PRESETS = ("colour", "red_free", "clahe", "clahe_green")


def enhance(rgb: np.ndarray, preset: str = "colour", gamma: float = 1.0, brightness: float = 0.0):
    """uint8 RGB -> uint8 RGB. ``red_free``: the green channel as grey (vessels and red
    lesions stand out); ``clahe``: contrast-limited adaptive equalisation of the
    lightness; ``gamma`` > 1 brightens the mid-tones; ``brightness`` in -1..1."""
    img = rgb.astype(np.float32) / 255.0
    if preset == "red_free":
        img = np.repeat(img[..., 1:2], 3, axis=2)
    elif preset in ("clahe", "clahe_green"):
        from skimage.exposure import equalize_adapthist

        if preset == "clahe_green":
            g = equalize_adapthist(img[..., 1], clip_limit=0.01)
            img = np.repeat(g[..., None].astype(np.float32), 3, axis=2)
        else:
            lum = img.max(axis=2)
            eq = equalize_adapthist(lum, clip_limit=0.01).astype(np.float32)
            img = img * (eq / np.maximum(lum, 1e-3))[..., None]
    if gamma != 1.0:
        img = np.power(np.clip(img, 0, 1), 1.0 / max(gamma, 0.05))
    if brightness:
        img = img + float(brightness)
    return (np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8)
