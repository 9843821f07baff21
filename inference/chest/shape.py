"""Nodule or vessel: the shape of a segmented candidate region, by its principal axes
and what its boundary touches.

A sphere-only test ("elongation", compactness against a sphere of the long axis)
drops flat nodules: real nodules are often plates or discs, depth about half the
width (LIDC-IDRI outlines).  What a vessel piece has and a nodule has not:

- one long axis and two small ones (a tube): ``tube`` = longest / middle principal
  axis; a plate or disc has two large axes and one small (``plate`` = middle /
  shortest), a nodule-like shape;
- it runs on at both ends: in the boundary shell (the lung just outside the region),
  vessel-density tissue at both ends of the long axis, with about the region's own
  cross-section (``exits``: the smaller of the two end exits' areas over the
  region's cross-section perpendicular to its long axis).  A nodule with a vessel
  running into it, or a large ground glass crossed by a small vessel, has small
  exits or one; a vessel piece has two of its own width (~0.3-1).

``fill``: the region's volume over the ellipsoid of its own principal axes (a
compact lesion ~0.9-1, whatever its flatness; a bifurcation or an irregular strand
is lower).  All of it is per candidate, on a small box around the region.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

VESSEL_HU = -500.0  # vessel / solid tissue in the boundary shell (above ground glass)
SHELL_MM = 2.5  # thickness of the boundary shell
END = 0.6  # the ends: beyond this fraction of the half-length along the long axis


@dataclass
class RegionShape:
    semi_axes_mm: tuple[float, float, float]  # principal semi-axes, longest first
    tube: float  # longest / middle axis (a vessel: large)
    plate: float  # middle / shortest axis (a plate or disc: large)
    fill: float  # volume / ellipsoid of the principal axes
    exits: float  # vessel exits at both ends / cross-section (0 when not measured)


def principal(mask: np.ndarray, spacing):
    """(semi-axes mm longest first, unit axes as columns longest first, centroid mm) of a
    region: the ellipsoid with the region's second moments (semi-axis = sqrt(5 var))."""
    pts = np.argwhere(mask) * np.asarray(spacing, float)
    centre = pts.mean(axis=0)
    if len(pts) < 4:
        return np.full(3, max(spacing) / 2), np.eye(3), centre
    var, vec = np.linalg.eigh(np.cov(pts.T))
    semi = np.sqrt(5 * np.maximum(var[::-1], (min(spacing) / 2) ** 2 / 5))
    return semi, vec[:, ::-1], centre


def region_shape(mask: np.ndarray, spacing, hu=None, inside=None) -> RegionShape:
    """The shape of ``mask``; ``hu`` / ``inside`` (same box, lung mask) give ``exits``:
    the box must reach ``SHELL_MM`` beyond the region (see ``shell_box``)."""
    semi, axes, centre = principal(mask, spacing)
    volume = float(mask.sum() * np.prod(spacing))
    fill = volume / (4 / 3 * np.pi * float(np.prod(semi)))
    exits = 0.0
    if hu is not None:
        exits = _exits(mask, spacing, hu, inside, semi, axes[:, 0], centre)
    return RegionShape(
        tuple(float(s) for s in semi),
        float(semi[0] / semi[1]),
        float(semi[1] / semi[2]),
        float(fill),
        float(exits),
    )


def _exits(mask, spacing, hu, inside, semi, long_axis, centre) -> float:
    from scipy import ndimage

    sp = np.asarray(spacing, float)
    dist = ndimage.distance_transform_edt(~mask, sampling=sp)
    shell = (dist > 0) & (dist <= SHELL_MM)
    if inside is not None:
        shell &= inside
    pts = np.argwhere(shell) * sp
    if not len(pts):
        return 0.0
    half = float(np.abs((np.argwhere(mask) * sp - centre) @ long_axis).max())
    t = (pts - centre) @ long_axis / max(half, 1e-6)
    opaque = hu[shell] > VESSEL_HU
    vox = float(np.prod(sp))
    areas = [float(opaque[t > END].sum()) * vox / SHELL_MM,
             float(opaque[t < -END].sum()) * vox / SHELL_MM]  # fmt: skip
    cross = np.pi * semi[1] * semi[2]
    return min(areas) / cross


def shell_box(box, shape, spacing):
    """``box`` grown by the shell thickness (clipped to the volume ``shape``)."""
    pad = [int(np.ceil(SHELL_MM / s)) + 1 for s in spacing]
    return tuple(
        slice(max(0, b.start - p), min(n, b.stop + p))
        for b, p, n in zip(box, pad, shape, strict=True)
    )
