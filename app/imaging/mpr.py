"""Reslicing a ``Volume`` for MPR and windowing for display (numpy, Qt-free).

``plane(volume, view, index, slab, mode)`` returns the 2D image of an axial,
coronal or sagittal plane (a slab of ``slab`` slices projected as MIP, MinIP
or average) oriented for display (head up, patient's right on the left for
the usual orientations) with its pixel size in mm.  ``window(values, centre,
width, invert)`` maps values to 8-bit grey.
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


CHUNK = 32  # rows of axis 0 projected together: the strided block stays in cache


def _project(block: np.ndarray, axis: int, mode: str) -> np.ndarray:
    if mode not in MODES:
        raise ValueError(f"unknown slab mode {mode!r} (one of {', '.join(MODES)})")
    if block.shape[axis] == 1:
        return np.take(block, 0, axis=axis)
    if axis == 0:
        return _project_chunk(block, 0, mode)
    # one plane at a time (a short reduction axis is slow in numpy), a chunk of axis 0 at a time
    parts = [_project_chunk(block[z : z + CHUNK], axis, mode) for z in range(0, len(block), CHUNK)]
    return np.concatenate(parts)


def _project_chunk(block: np.ndarray, axis: int, mode: str) -> np.ndarray:
    index = [slice(None)] * block.ndim
    index[axis] = 0
    if mode == "average":
        out = block[tuple(index)].astype(np.float32)
        for k in range(1, block.shape[axis]):
            index[axis] = k
            out += block[tuple(index)]
        return out / np.float32(block.shape[axis])
    op = np.maximum if mode == "mip" else np.minimum
    out = block[tuple(index)].copy()
    for k in range(1, block.shape[axis]):
        index[axis] = k
        op(out, block[tuple(index)], out=out)
    return out


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


def window(values: np.ndarray, centre: float, width: float, invert: bool = False) -> np.ndarray:
    """Values -> uint8 grey (linear window, PS3.3 C.11.2.1.2 without the 0.5 offsets).

    float32 in place: faster at 512² than a 64k-entry lookup table (whose indices numpy
    widens to 64 bits) and than float64.
    """
    if values.ndim == 3:  # colour: shown as it is
        return values.astype(np.uint8, copy=False)
    width = max(float(width), 1e-6)
    x = values.astype(np.float32)
    x -= np.float32(centre - width / 2)
    x *= np.float32(255.0 / width)
    np.clip(x, 0, 255, out=x)
    out = x.astype(np.uint8)
    if invert:
        np.subtract(255, out, out=out)
    return out
