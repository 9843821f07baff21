"""Windowing of 2D images for display (Qt-free).

The pixels come from the series' source (``Store.open_source``:
``app.readers.images``); ``load_image`` decodes one DICOM file for callers
that hold a path only.
"""

from __future__ import annotations

import numpy as np

from app.readers.dicom_pixels import decode_frame, default_window
from app.readers.images import LoadedImage

__all__ = ["LoadedImage", "default_window", "load_image", "to_display"]


def load_image(path, state=None) -> LoadedImage:
    return decode_frame(path, None, state)


def to_display(img: LoadedImage, centre: float, width: float, invert: bool) -> np.ndarray:
    """Grey values -> uint8 through a linear window (DICOM PS3.3 C.11.2.1.2 simplified)."""
    lo = centre - width / 2.0
    out = (img.pixels - lo) * (255.0 / max(width, 1e-6))
    np.clip(out, 0, 255, out=out)
    out = out.astype(np.uint8)
    if invert:
        np.subtract(255, out, out=out)
    return out
