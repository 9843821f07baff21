"""Anatomy: vessel map (Frangi on the green channel), optic disc, fovea."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inference.fundus.image import Prepared


@dataclass
class Anatomy:
    vessels: np.ndarray  # bool (h, w), working scale
    disc: tuple[float, float] | None  # centre (x, y), working pixels
    disc_diameter: float  # working pixels (an estimate from the field when not measured)
    disc_measured: bool
    fovea: tuple[float, float] | None
    notes: list[str]


def vessel_map(p: Prepared) -> np.ndarray:
    """Dark ridges of the green channel (Frangi at half scale), inside the field."""
    from scipy import ndimage as ndi
    from skimage.filters import frangi

    g = np.where(p.fov, p.green, float(np.median(p.green[p.fov])) if p.fov.any() else 0.0)
    half = g[::2, ::2]
    v = frangi(half, sigmas=(1.0, 2.0, 3.0), black_ridges=True)
    inner = ndi.binary_erosion(p.fov[::2, ::2], iterations=4)
    v = np.where(inner, v, 0.0)
    vals = v[inner]
    if vals.size == 0 or float(vals.max()) <= 0:
        return np.zeros_like(p.fov)
    level = max(float(np.percentile(vals, 88)), 1e-6)
    mask = v > level
    mask = ndi.binary_opening(mask, iterations=1) | (v > 3 * level)
    mask = _drop_blobs(mask, (p.radius / 7.0) ** 2 * 0.15 / 4.0)  # half scale
    full = np.repeat(np.repeat(mask, 2, axis=0), 2, axis=1)[: p.fov.shape[0], : p.fov.shape[1]]
    pad_y = p.fov.shape[0] - full.shape[0]
    pad_x = p.fov.shape[1] - full.shape[1]
    if pad_y or pad_x:
        full = np.pad(full, ((0, pad_y), (0, pad_x)))
    return full & p.fov


def find_disc(p: Prepared, vessels: np.ndarray) -> tuple[tuple[float, float] | None, float, bool]:
    """The optic disc: the brightest large region where vessels converge."""
    from scipy import ndimage as ndi

    nominal = max(p.radius * 2.0 / 7.0, 4.0)  # a 45-degree field is about 7 disc diameters
    if not p.fov.any():
        return None, nominal, False
    inner = ndi.binary_erosion(p.fov, iterations=max(2, int(nominal * 0.25)))
    if not inner.any():
        return None, nominal, False
    f = QUARTER
    sigma = nominal / 4.0 / f
    lum_q, fov_q = _shrink(np.where(p.fov, p.lum, 0.0)), _shrink(p.fov.astype(np.float32))
    inner_q = _shrink(inner.astype(np.float32)) > 0.99
    if not inner_q.any():
        return None, nominal, False
    bright = ndi.gaussian_filter(lum_q, sigma) / (ndi.gaussian_filter(fov_q, sigma) + 1e-6)
    density = ndi.gaussian_filter(_shrink(vessels.astype(np.float32)), nominal / 2.0 / f)
    score = np.where(inner_q, _unit(bright, inner_q) + 0.6 * _unit(density, inner_q), -np.inf)
    yq, xq = np.unravel_index(int(np.argmax(score)), score.shape)
    contrast = float(bright[yq, xq] - np.median(bright[inner_q]))
    y, x = yq * f + f // 2, xq * f + f // 2
    if contrast < 0.03:
        return None, nominal, False
    # diameter: the bright blob around the peak
    r = int(nominal * 1.2)
    y0, y1, x0, x1 = max(0, y - r), y + r + 1, max(0, x - r), x + r + 1
    win = ndi.gaussian_filter(p.lum[y0:y1, x0:x1], 2.0)
    base = float(np.median(p.lum[inner]))
    level = base + 0.5 * (float(win.max()) - base)
    blob, _n = ndi.label(win > level)
    here = blob[min(y - y0, blob.shape[0] - 1), min(x - x0, blob.shape[1] - 1)]
    measured = False
    diameter = nominal
    if here:
        area = float((blob == here).sum())
        est = 2.0 * np.sqrt(area / np.pi)
        if 0.6 * nominal <= est <= 1.6 * nominal:
            diameter, measured = est, True
        ys, xs = np.nonzero(blob == here)
        y, x = int(ys.mean()) + y0, int(xs.mean()) + x0
    return (float(x), float(y)), float(diameter), measured


def find_fovea(
    p: Prepared, vessels: np.ndarray, disc: tuple[float, float] | None, dd: float
) -> tuple[float, float] | None:
    """The darkest avascular spot 2-3.8 disc diameters from the disc, toward the field centre."""
    from scipy import ndimage as ndi

    if disc is None or not p.fov.any():
        return None
    f = QUARTER
    fov_q = _shrink(p.fov.astype(np.float32)) > 0.99
    # a full disc diameter inside the field: a dark edge of a narrow (disc) field is no fovea
    fov_q = ndi.binary_erosion(fov_q, iterations=max(1, int(dd * 1.0 / f)))
    h, w = fov_q.shape
    yy, xx = np.mgrid[0:h, 0:w] * f + f // 2
    dist = np.hypot(xx - disc[0], yy - disc[1]) / dd
    ring = (dist >= 2.0) & (dist <= 3.8) & fov_q
    cx, cy = p.centre
    to_centre = np.array([cx - disc[0], cy - disc[1]])
    if np.hypot(*to_centre) > dd:  # disc off centre: the fovea lies toward the field centre
        cos = ((xx - disc[0]) * to_centre[0] + (yy - disc[1]) * to_centre[1]) / (
            np.hypot(xx - disc[0], yy - disc[1]) * np.hypot(*to_centre) + 1e-6
        )
        ring &= cos > 0.5
    if not ring.any():
        return None
    green = _shrink(np.where(p.fov, p.green, np.median(p.green[p.fov])))
    dark = ndi.gaussian_filter(green, dd / 5.0 / f)
    vess = ndi.gaussian_filter(_shrink(vessels.astype(np.float32)), dd / 3.0 / f)
    score = _unit(dark, ring) + 1.5 * _unit(vess, ring)
    score = np.where(ring, score, np.inf)
    y, x = np.unravel_index(int(np.argmin(score)), score.shape)
    return float(x * f + f // 2), float(y * f + f // 2)


def anatomy(p: Prepared) -> Anatomy:
    notes: list[str] = []
    vessels = vessel_map(p)
    disc, dd, measured = find_disc(p, vessels)
    if disc is None:
        notes.append("optic disc not found")
    elif not measured:
        notes.append("disc diameter estimated from the field size")
    fovea = find_fovea(p, vessels, disc, dd)
    if fovea is None:
        notes.append("fovea not located")
    return Anatomy(vessels, disc, dd, measured, fovea, notes)


QUARTER = 4


def _drop_blobs(mask: np.ndarray, max_area: float) -> np.ndarray:
    """Vessels are long and branching: compact small pieces (lesions) are not vessels."""
    from scipy import ndimage as ndi

    labels, n = ndi.label(mask)
    if n == 0:
        return mask
    boxes = ndi.find_objects(labels)
    areas = np.bincount(labels.ravel(), minlength=n + 1)
    keep = np.ones(n + 1, bool)
    keep[0] = False
    for i, box in enumerate(boxes, start=1):
        hgt, wid = box[0].stop - box[0].start, box[1].stop - box[1].start
        elong = max(hgt, wid) / max(1, min(hgt, wid))
        fill = areas[i] / max(1, hgt * wid)
        if areas[i] < max_area and elong < 2.5 and fill > 0.3:
            keep[i] = False
    return keep[labels]


def _shrink(a: np.ndarray, f: int = QUARTER) -> np.ndarray:
    """Block mean by ``f`` (edges cropped): large smoothing at a quarter of the cost."""
    h, w = (a.shape[0] // f) * f, (a.shape[1] // f) * f
    return a[:h, :w].reshape(h // f, f, w // f, f).mean(axis=(1, 3)).astype(np.float32)


def _unit(a: np.ndarray, where: np.ndarray) -> np.ndarray:
    vals = a[where]
    if vals.size == 0:
        return np.zeros_like(a)
    lo, hi = float(vals.min()), float(vals.max())
    return (a - lo) / max(hi - lo, 1e-9)
