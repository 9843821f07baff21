"""Reslicing a ``Volume`` for MPR and windowing for display (numpy, Qt-free).

``plane(volume, view, index, slab, mode)`` returns the 2D image of an axial,
coronal or sagittal plane (a slab of ``slab`` slices projected as MIP, MinIP
or average) oriented for display (head up, patient's right on the left for
the usual orientations) with its pixel size in mm.  ``window(values, centre,
width, invert)`` maps values to 8-bit grey through a lookup table for int16
volumes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

VIEWS = ("axial", "coronal", "sagittal")
MODES = ("mip", "minip", "average")
AXIS = {"axial": 0, "coronal": 1, "sagittal": 2}


@dataclass
class Plane:
    pixels: np.ndarray  # (rows, cols) values, or (rows, cols, 3) uint8
    spacing: tuple[float, float]  # mm between rows, between columns
    view: str
    index: int


def depth(volume, view: str) -> int:
    return volume.array.shape[AXIS[view]]


def _project(block: np.ndarray, axis: int, mode: str) -> np.ndarray:
    if block.shape[axis] == 1:
        return np.take(block, 0, axis=axis)
    if mode == "mip":
        return block.max(axis=axis)
    if mode == "minip":
        return block.min(axis=axis)
    if mode == "average":
        return block.mean(axis=axis, dtype=np.float32)
    raise ValueError(f"unknown slab mode {mode!r} (one of {', '.join(MODES)})")


def plane(volume, view: str, index: int | None = None, slab: int = 1, mode: str = "mip") -> Plane:
    """The ``view`` plane through ``index`` (default: the middle), ``slab`` slices thick."""
    if view not in AXIS:
        raise ValueError(f"unknown view {view!r} (one of {', '.join(VIEWS)})")
    axis = AXIS[view]
    n = volume.array.shape[axis]
    index = n // 2 if index is None else min(max(int(index), 0), n - 1)
    half = max(int(slab), 1) // 2
    lo, hi = max(index - half, 0), min(index + half + 1, n)
    sl = [slice(None)] * volume.array.ndim
    sl[axis] = slice(lo, hi)
    img = _project(volume.array[tuple(sl)], axis, mode)
    sz, sy, sx = volume.spacing
    if view == "axial":
        return Plane(img, (sy, sx), view, index)
    # coronal (z, x) / sagittal (z, y): head at the top when the slice normal points to the head
    if volume.direction[2, 2] > 0:
        img = img[::-1]
    return Plane(np.ascontiguousarray(img), (sz, sx if view == "coronal" else sy), view, index)


_LUT_CACHE: dict[tuple, np.ndarray] = {}


def _lut(centre: float, width: float, invert: bool) -> np.ndarray:
    key = (round(centre, 3), round(width, 3), invert)
    lut = _LUT_CACHE.get(key)
    if lut is None:
        # indexed by the int16 value's bits read as uint16: 0..32767, then -32768..-1
        values = np.concatenate([np.arange(0, 32768), np.arange(-32768, 0)]).astype(np.float32)
        lut = _ramp(values, centre, width, invert)
        if len(_LUT_CACHE) > 32:
            _LUT_CACHE.clear()
        _LUT_CACHE[key] = lut
    return lut


def _ramp(values: np.ndarray, centre: float, width: float, invert: bool) -> np.ndarray:
    width = max(float(width), 1e-6)
    lo = centre - width / 2
    out = np.clip((values - lo) * (255.0 / width), 0, 255).astype(np.uint8)
    return 255 - out if invert else out


def window(values: np.ndarray, centre: float, width: float, invert: bool = False) -> np.ndarray:
    """Values -> uint8 grey (linear window, PS3.3 C.11.2.1.2 without the 0.5 offsets)."""
    if values.ndim == 3:  # colour: shown as it is
        return values.astype(np.uint8, copy=False)
    if values.dtype == np.int16:
        return np.take(_lut(centre, width, invert), values.view(np.uint16))
    return _ramp(values.astype(np.float32, copy=False), centre, width, invert)
