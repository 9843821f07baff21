"""Where a volume point lies on each MPR plane, and back (Qt-free).

``app.imaging.mpr.plane`` shows axial as (y, x), coronal as (z, x) and
sagittal as (z, y), with z reversed when the slice normal points to the head
(head up).  These helpers map a (z, y, x) index to the plane's (column, row)
and index, and give each plane's row/column patient directions for the
orientation markers.
"""

from __future__ import annotations

import numpy as np

from app.imaging.mpr import AXIS


def _flipped(volume) -> bool:
    return bool(volume.direction[2, 2] > 0)


def _row_of_z(volume, z: float) -> float:
    nz = volume.array.shape[0]
    return (nz - 1 - z) if _flipped(volume) else z


def to_plane(volume, view: str, zyx) -> tuple[float, float, int]:
    """(column, row, plane index) of voxel ``zyx`` on ``view``."""
    z, y, x = (float(v) for v in zyx)
    if view == "axial":
        return x, y, int(round(z))
    if view == "coronal":
        return x, _row_of_z(volume, z), int(round(y))
    return y, _row_of_z(volume, z), int(round(x))


def from_plane(volume, view: str, col: float, row: float, index: int) -> tuple[float, float, float]:
    """The (z, y, x) voxel under (column, row) of plane ``index`` of ``view``."""
    if view == "axial":
        return float(index), row, col
    z = _row_of_z(volume, row)  # the mapping is its own inverse
    if view == "coronal":
        return z, float(index), col
    return z, col, float(index)


def orientation(volume, view: str) -> list[float]:
    """Row then column patient directions of the displayed plane (like ImageOrientationPatient)."""
    d = np.asarray(volume.direction, float)  # columns: x, y, z index directions
    down_z = -d[:, 2] if _flipped(volume) else d[:, 2]
    row, col = {
        "axial": (d[:, 0], d[:, 1]),
        "coronal": (d[:, 0], down_z),
        "sagittal": (d[:, 1], down_z),
    }[view]
    return [float(v) for v in (*row, *col)]


def clamp(volume, zyx) -> tuple[int, int, int]:
    shape = volume.array.shape[:3]
    return tuple(int(min(max(round(v), 0), n - 1)) for v, n in zip(zyx, shape, strict=True))


def axis_of(view: str) -> int:
    return AXIS[view]
