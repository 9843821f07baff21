"""Gantry-tilt shear correction: a tilted series resampled onto an orthogonal grid (Qt-free).

A CT acquired with the gantry tilted has slices whose positions step along the
table, not along the slice normal: stacked as they are, every slice sits a little
further along its own plane than the one before, and MPR / 3D show the anatomy
sheared.  ``correct_tilt`` shifts each slice within its plane (linear
interpolation, sub-pixel) by its position's in-plane offset from the first slice,
so that the slices stack along the normal: the grid is then orthogonal (rows,
columns, normal), its origin the first slice's position and its slice spacing the
distance between slices along the normal.  What was done is recorded in
``Volume.corrections`` for the viewer to say; pixels shifted in from outside the
slice take the volume's lowest value.  Like dcm2niix and 3D Slicer, nothing is
rotated: the image planes stay the acquired ones.
"""

from __future__ import annotations

import copy

import numpy as np

MIN_SHIFT = 0.05  # pixels: below this the series is treated as not sheared


def slice_shifts(volume) -> np.ndarray | None:
    """(rows, columns) shift of each slice onto the orthogonal grid, or None when a
    position is missing or the series is not sheared."""
    positions = [f.position for f in volume.frames]
    if len(positions) < 2 or any(p is None for p in positions):
        return None
    d = np.asarray(volume.direction, float)
    col_dir, row_dir, normal = d[:, 0], d[:, 1], d[:, 2]
    offsets = np.asarray(positions, float) - np.asarray(positions[0], float)
    in_plane = offsets - np.outer(offsets @ normal, normal)
    _sz, sy, sx = volume.spacing
    shifts = np.column_stack([in_plane @ row_dir / sy, in_plane @ col_dir / sx])
    return shifts if np.abs(shifts).max() >= MIN_SHIFT else None


def shear_angle(volume) -> float:
    """Degrees between the slice normal and the line through the slice positions."""
    first, last = volume.frames[0].position, volume.frames[-1].position
    step = np.asarray(last, float) - np.asarray(first, float)
    if np.linalg.norm(step) == 0:
        return 0.0
    cos = abs(float(step @ np.asarray(volume.direction, float)[:, 2])) / np.linalg.norm(step)
    return float(np.degrees(np.arccos(min(cos, 1.0))))


def _moved(a: np.ndarray, offset: int, axis: int, fill: float) -> np.ndarray:
    """``b[i] = a[i - offset]`` along ``axis``; ``fill`` where that falls outside."""
    out = np.full_like(a, fill)
    n = a.shape[axis]
    if abs(offset) >= n:
        return out
    dst = [slice(None)] * a.ndim
    src = [slice(None)] * a.ndim
    dst[axis] = slice(max(offset, 0), n + min(offset, 0))
    src[axis] = slice(max(-offset, 0), n - max(offset, 0))
    out[tuple(dst)] = a[tuple(src)]
    return out


def shift_linear(a: np.ndarray, dy: float, dx: float, fill: float) -> np.ndarray:
    """``a`` moved by (dy, dx) pixels, linear interpolation (float32; ``fill`` outside):
    ``scipy.ndimage.shift(order=1, mode="constant")`` done as two blends, several times
    faster on a 512² slice."""
    out = a.astype(np.float32)
    for axis, s in ((0, dy), (1, dx)):
        if abs(s) < 1e-6:
            continue
        k = int(np.floor(s))
        f = np.float32(s - k)
        out = _moved(out, k, axis, fill) * (1 - f) + _moved(out, k + 1, axis, fill) * f
    return out


def correct_tilt(volume, state=None, in_place: bool = False):
    """The volume on an orthogonal grid: ``volume`` itself when it is not sheared (or
    when ``in_place``), else a corrected copy (the original stays as it was)."""
    shifts = slice_shifts(volume)
    if shifts is None or volume.rgb:
        return volume
    out = volume if in_place else _copy(volume)
    positions = np.asarray([f.position for f in volume.frames], float)
    normal = np.asarray(volume.direction, float)[:, 2]
    along = (positions - positions[0]) @ normal
    fill = float(volume.array.min())
    n = len(volume.array)
    for z in range(n):
        if state is not None:
            state.check()
            if z % 8 == 0:
                state.progress(z / n, "gantry tilt correction")
        dy, dx = shifts[z]
        if abs(dy) < 1e-6 and abs(dx) < 1e-6:
            continue
        moved = shift_linear(volume.array[z], dy, dx, fill)
        out.array[z] = np.rint(moved) if out.array.dtype.kind in "iu" else moved
    spacing_z = float(np.median(np.diff(along))) if n > 1 else volume.spacing[0]
    out.spacing = (spacing_z, *volume.spacing[1:])
    out.origin = positions[0].copy()
    out.corrections = [*volume.corrections, f"gantry tilt {shear_angle(volume):.1f}"]
    return out


def _copy(volume):
    """A shallow copy with its own voxel array, so the original can stay on screen."""
    out = copy.copy(volume)
    out.array = volume.array.copy()
    out.loaded = volume.loaded.copy()
    out.corrections = list(volume.corrections)
    return out
