"""Lung mask from a CT volume (HU), classical: threshold, components, airways, holes, closing.

Worked on a grid of about 1.5 mm in-plane (every f-th row and column):
1. air-like voxels (< -400 HU);
2. 3D connected components that do not touch the image border (the air outside
   the body does);
3. airways removed: very low density (< -950 HU after a 3x3 in-plane mean) regions of
   0.3 ml or more (trachea, main bronchi), then the two largest components kept as lungs;
4. per axial slice and per lung: holes filled (vessels, nodules inside) and a
   closing of radius 10 mm, so that nodules touching the pleura (juxta-pleural)
   lie inside the mask; the closing adds nothing within 12 mm of the airways
   (it would bridge the mediastinum at the carina).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_LUNG_ML = 150.0  # a component smaller than this is not a lung
CLOSING_MM = 10.0
AIRWAY_MARGIN_MM = 12.0  # the closing adds nothing this close to the trachea and bronchi


@dataclass
class LungMask:
    mask: np.ndarray  # bool (z, y//f, x//f)
    step: int  # in-plane subsampling of the mask grid
    volume_ml: float
    lungs: int  # how many lung components were found

    def at(self, zz, yy, xx) -> np.ndarray:
        """The mask at full-grid indices (1-D arrays per axis), as a (z, y, x) block."""
        yy = np.minimum(np.asarray(yy) // self.step, self.mask.shape[1] - 1)
        xx = np.minimum(np.asarray(xx) // self.step, self.mask.shape[2] - 1)
        return self.mask[np.ix_(np.asarray(zz), yy, xx)]

    def place(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(centre, lowest, highest) full-grid (z, y, x) index of the lungs; None: none.
        Kept with the AI result, so a follow-up finds the lungs without the volume."""
        zz, yy, xx = np.nonzero(self.mask)
        if zz.size == 0:
            return None
        f = self.step
        centre = np.array([zz.mean(), yy.mean() * f, xx.mean() * f])
        lo = np.array([zz.min(), yy.min() * f, xx.min() * f], float)
        hi = np.array([zz.max(), yy.max() * f + f - 1, xx.max() * f + f - 1], float)
        return centre, lo, hi


def _near(region: np.ndarray, mm: float, sp) -> np.ndarray:
    """Voxels within ``mm`` of ``region`` (distance transform on its bounding box only)."""
    from scipy import ndimage

    out = np.zeros_like(region)
    idx = np.argwhere(region)
    if not len(idx):
        return out
    pad = [int(np.ceil(mm / s)) + 1 for s in sp]
    lo = np.maximum(idx.min(0) - pad, 0)
    hi = np.minimum(idx.max(0) + pad + 1, region.shape)
    box = tuple(slice(a, b) for a, b in zip(lo, hi, strict=True))
    out[box] = ndimage.distance_transform_edt(~region[box], sampling=sp) <= mm
    return out


def _check(state, fraction, what):
    if state is not None:
        state.check()
        state.progress(fraction, what)


def lung_mask(hu: np.ndarray, spacing, state=None) -> LungMask:
    from scipy import ndimage

    sz, sy, sx = spacing
    f = max(1, int(round(1.5 / max(min(sy, sx), 1e-3))))
    small = hu[:, ::f, ::f]
    vox_ml = sz * sy * f * sx * f / 1000.0
    air = small < -400
    if air.shape[0] < 3 or not air.any():
        return LungMask(np.zeros_like(air), f, 0.0, 0)
    labels, n = ndimage.label(air)
    border = np.unique(
        np.concatenate(
            [labels[:, 0, :].ravel(), labels[:, -1, :].ravel(),
             labels[:, :, 0].ravel(), labels[:, :, -1].ravel()]
        )
    )  # fmt: skip
    inside = air & ~np.isin(labels, border)
    del labels
    _check(state, 0.05, "lung mask: airways")
    very_low = (
        ndimage.uniform_filter(np.where(inside, small, 0).astype(np.float32), (1, 3, 3)) < -950
    )
    airway, na = ndimage.label(very_low & inside)
    airways = np.zeros_like(inside)
    if na:
        sizes = np.bincount(airway.ravel(), minlength=na + 1)[1:] * vox_ml
        # trachea and bronchi (and large bullae: those inside a lung come back with the
        # hole filling below; airways beside the mediastinum do not)
        drop = [i + 1 for i, ml in enumerate(sizes) if ml >= 0.3]
        # and the rim the 3-voxel mean left around them (so the trachea is not a hole to fill)
        airways = ndimage.binary_dilation(np.isin(airway, drop), iterations=3)
        inside &= ~airways
    del airway, very_low
    labels, n = ndimage.label(inside)
    if n == 0:
        return LungMask(np.zeros_like(air), f, 0.0, 0)
    sizes = np.bincount(labels.ravel(), minlength=n + 1)[1:] * vox_ml
    order = np.argsort(sizes)[::-1][:2]
    keep = [int(i) + 1 for i in order if sizes[i] >= MIN_LUNG_ML]
    mask = np.zeros_like(air)
    r_px = CLOSING_MM / (sy * f)
    near_airways = _near(airways, AIRWAY_MARGIN_MM, (sz, sy * f, sx * f)) if na else None
    for j, lab in enumerate(keep):
        _check(state, 0.1 + 0.1 * j, "lung mask: closing")
        lung = labels == lab
        zs = np.flatnonzero(lung.any(axis=(1, 2)))
        for k in zs:
            sl = ndimage.binary_fill_holes(lung[k])
            # closing by a disc of r_px through distance transforms (fast, exact disc)
            grown = ndimage.distance_transform_edt(~sl) <= r_px
            closed = (
                ndimage.distance_transform_edt(np.pad(grown, 1, constant_values=0))[1:-1, 1:-1]
                > r_px
            )
            added = ndimage.binary_fill_holes(sl | closed) & ~sl
            if near_airways is not None:  # no closing across the mediastinum by the airways
                added &= ~near_airways[k]
            mask[k] |= sl | added
    if na:  # the closing must not take the trachea and main bronchi back
        mask &= ~airways
    return LungMask(mask, f, float(mask.sum() * vox_ml), len(keep))
