"""Lesion candidates: red (microaneurysms, haemorrhages) and bright (hard exudates,
cotton-wool spots, drusen) by morphological top-hats on the green channel."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inference.fundus.anatomy import Anatomy
from inference.fundus.image import Prepared

RED_TYPES = ("microaneurysm", "haemorrhage")
BRIGHT_TYPES = ("hard_exudate", "cotton_wool_spot", "drusen")
TYPES = RED_TYPES + BRIGHT_TYPES
RED_MIN = 0.2  # dark top-hat, fraction of the local background
BRIGHT_MIN = 0.2
VESSEL_FILL = 11
MIN_CONFIDENCE = 0.6
MIN_CONFIDENCE_BRIGHT = 0.65  # vessel light reflexes reach 0.6
CORE_DEPTH = 4.5  # working pixels: wider than the vessels away from the disc  # weaker candidates are texture, not reported  # closing that removes vessels before the bright top-hat


@dataclass
class Lesion:
    type: str
    x: float  # working pixels
    y: float
    radius: float
    confidence: float

    def dd_from(self, point: tuple[float, float] | None, dd: float) -> float | None:
        if point is None:
            return None
        return float(np.hypot(self.x - point[0], self.y - point[1]) / dd)


def _background(p: Prepared) -> np.ndarray:
    med = float(np.median(p.green[p.fov])) if p.fov.any() else 0.0
    return np.where(p.fov, p.green, med).astype(np.float32)


def _components(mask, strength, min_px):
    from scipy import ndimage as ndi

    labels, n = ndi.label(mask)
    if n == 0:
        return []
    ys, xs = np.nonzero(labels)  # labelled pixels are few: bincounts, not sorts
    lab = labels[ys, xs]
    areas = np.bincount(lab, minlength=n + 1)[1:].astype(float)
    cys = np.bincount(lab, weights=ys, minlength=n + 1)[1:] / np.maximum(areas, 1)
    cxs = np.bincount(lab, weights=xs, minlength=n + 1)[1:] / np.maximum(areas, 1)
    peaks = np.full(n + 1, -np.inf)
    np.maximum.at(peaks, lab, strength[ys, xs])
    peaks = peaks[1:]
    centres = list(zip(cys, cxs, strict=True))
    boxes = ndi.find_objects(labels)
    out = []
    for i, (area, peak, (cy, cx), box) in enumerate(
        zip(areas, peaks, centres, boxes, strict=True), start=1
    ):
        if area < min_px:
            continue
        hgt, wid = box[0].stop - box[0].start, box[1].stop - box[1].start
        elong = max(hgt, wid) / max(1, min(hgt, wid))
        fill = area / max(1, hgt * wid)
        out.append((i, float(area), float(peak), float(cx), float(cy), elong, fill, box))
    return out, labels


def find_lesions(p: Prepared, a: Anatomy) -> list[Lesion]:
    from scipy import ndimage as ndi

    if not p.fov.any():
        return []
    dd = a.disc_diameter
    g = _background(p)
    smooth = ndi.gaussian_filter(g, 0.7)
    k = max(9, int(dd * 0.3) | 1)
    inner = ndi.binary_erosion(p.fov, iterations=max(3, int(dd * 0.15)))
    level = max(float(np.median(g[inner])) if inner.any() else 0.3, 0.05)
    closed = ndi.grey_closing(smooth, size=(k, k))
    dark = (closed - smooth) / np.maximum(closed, level * 0.5)
    no_vessels = ndi.grey_closing(smooth, size=(VESSEL_FILL, VESSEL_FILL))
    opened = ndi.grey_opening(no_vessels, size=(k, k))
    bright = (no_vessels - opened) / np.maximum(opened, level * 0.5)
    vessels = ndi.binary_dilation(a.vessels, iterations=1)
    h, w = g.shape
    yy, xx = np.mgrid[0:h, 0:w]
    near_disc = np.zeros_like(inner)
    if a.disc is not None:
        near_disc = np.hypot(xx - a.disc[0], yy - a.disc[1]) < 0.9 * dd
    out: list[Lesion] = []
    red_mask = (dark > RED_MIN) & inner & ~near_disc
    if a.fovea is not None:  # the foveola's own darkness is not a lesion
        red_mask &= np.hypot(xx - a.fovea[0], yy - a.fovea[1]) > 0.3 * dd
    # blobs wider than the small vessels, cut free from the vessels they touch
    blobs = ndi.binary_opening(red_mask, structure=_disk(3))
    # cores of blobs wider than any vessel here (a haemorrhage lying on a vessel)
    depth = ndi.distance_transform_edt(red_mask)
    cores = depth > CORE_DEPTH
    vessel_dark = (
        float(np.percentile(dark[a.vessels & inner], 95)) if (a.vessels & inner).any() else 0
    )
    for mask in (red_mask, blobs, cores):
        found = _components(mask, dark, 1 if mask is cores else 3)
        if not found:
            continue
        comps, labels = found
        for i, area, peak, cx, cy, elong, fill, box in comps:
            on_vessel = float(a.vessels[box][labels[box] == i].mean())
            if mask is cores:  # the blob around its core: radius from the depth
                r_core = float(depth[box][labels[box] == i].max())
                area, on_vessel = np.pi * r_core**2, 0.0
                if elong > 2.0 or peak < 1.1 * vessel_dark:  # darker than the vessels
                    continue
            if elong > 2.5 or fill < 0.3 or on_vessel > 0.5 or area > (0.6 * dd) ** 2:
                continue
            if any(np.hypot(cx - o.x, cy - o.y) <= o.radius + 2 for o in out):
                continue
            radius = float(np.sqrt(area / np.pi))
            kind = "microaneurysm" if radius * 2 < dd / 12 else "haemorrhage"
            conf = _confidence(peak, RED_MIN, fill, on_vessel)
            if conf >= MIN_CONFIDENCE:
                out.append(Lesion(kind, cx, cy, radius, conf))
    found = _components((bright > BRIGHT_MIN) & inner & ~near_disc & ~vessels, bright, 3)
    if found:
        comps, labels = found
        for _i, area, peak, cx, cy, elong, fill, _box in comps:
            if elong > 3.0 or fill < 0.25 or area > (0.8 * dd) ** 2:
                continue
            radius = float(np.sqrt(area / np.pi))
            kind = _bright_kind(p, cx, cy, radius, peak, dd, a.fovea)
            conf = _confidence(peak, BRIGHT_MIN, fill, 0.0)
            if conf >= MIN_CONFIDENCE_BRIGHT:
                out.append(Lesion(kind, cx, cy, radius, conf))
    return out


def _bright_kind(p, cx, cy, radius, peak, dd, fovea) -> str:
    """Cotton-wool spots are large, soft and white; drusen small, soft and yellow
    around the macula; hard exudates sharp and yellow."""
    r, g, b = (float(v) for v in p.rgb[int(cy), int(cx)])
    whiteness = b / max(r, 1e-3)
    if radius * 2 >= dd / 5 and whiteness > 0.45:
        return "cotton_wool_spot"
    if fovea is not None and np.hypot(cx - fovea[0], cy - fovea[1]) < 1.5 * dd and peak < 0.3:
        return "drusen"
    return "hard_exudate"


def _disk(r: int) -> np.ndarray:
    yy, xx = np.mgrid[-r : r + 1, -r : r + 1]
    return xx * xx + yy * yy <= r * r


def _confidence(peak: float, level: float, fill: float, on_vessel: float) -> float:
    contrast = 1.0 / (1.0 + np.exp(-(peak - 2 * level) / level))
    return round(float(np.clip(contrast * (0.5 + 0.5 * fill) * (1 - on_vessel), 0.05, 0.99)), 2)
