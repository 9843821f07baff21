"""Gradability first: reasons a clinic can act on (retake or refer), never a grade."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from inference.fundus.image import Prepared

# code -> (English reason, what the clinic does)
REASONS = {
    "insufficient_field": "insufficient field: the retina does not fill the camera's field",
    "too_dark": "too dark: under-exposed (small pupil or flash too weak)",
    "too_bright": "too bright: over-exposed or flare",
    "uneven_illumination": "uneven illumination: part of the field is dark (eyelash, eyelid, pupil)",
    "poor_focus": "poor focus: the image is blurred",
    "vessels_not_visible": "vessels not visible around the macula (focus, media opacity)",
    "artefact": "artefact: reflection or dust over the retina",
}
ACTION = "retake the photo (dilate the pupil if needed) or refer"


@dataclass
class Quality:
    gradable: bool
    score: float
    reasons: list[str] = field(default_factory=list)  # codes of REASONS
    metrics: dict[str, float] = field(default_factory=dict)

    def texts(self) -> list[str]:
        return [REASONS[r] for r in self.reasons]


def exposure_and_field(p: Prepared) -> Quality:
    """Checks that need no anatomy: field, exposure, illumination per sector, sharpness."""
    from scipy import ndimage as ndi

    h, w = p.fov.shape
    m: dict[str, float] = {}
    reasons: list[str] = []
    border = np.concatenate([p.fov[0], p.fov[-1], p.fov[:, 0], p.fov[:, -1]])
    m["field_fraction"] = float(p.fov.mean())
    m["border_in_field"] = float(border.mean())
    m["field_radius_px"] = p.to_original(p.radius)
    p99 = float(np.percentile(p.rgb.max(axis=2), 99))
    if m["field_fraction"] < 0.02 or p99 < 0.16:
        return Quality(False, 0.0, ["too_dark"] if p99 < 0.16 else ["insufficient_field"], m)
    if m["field_fraction"] < 0.25 or m["border_in_field"] > 0.6 or m["field_radius_px"] < 150:
        reasons.append("insufficient_field")
    lum = p.lum[p.fov]
    m["median_lum"] = float(np.median(lum))
    m["under_fraction"] = float((lum < 0.06).mean())
    m["over_fraction"] = float((p.rgb[p.fov][:, 1] >= 0.97).mean())  # green rarely saturates
    sectors = _sector_means(p)
    m["sector_max_lum"] = float(max(sectors)) if sectors else 0.0
    dark = m["median_lum"] < 0.12 or m["under_fraction"] > 0.3
    if dark and m["sector_max_lum"] < 0.2:  # dark everywhere, not only in part of the field
        reasons.append("too_dark")
    if m["over_fraction"] > 0.15 or m["median_lum"] > 0.7:
        reasons.append("too_bright")
    elif m["over_fraction"] > 0.03:
        reasons.append("artefact")
    m["sector_min_ratio"] = float(min(sectors) / max(max(sectors), 1e-6)) if sectors else 0.0
    if sectors and m["sector_min_ratio"] < 0.35 and "too_dark" not in reasons:
        reasons.append("uneven_illumination")
    inner = ndi.binary_erosion(p.fov, iterations=8) if p.fov.any() else p.fov
    g = np.where(p.fov, p.green, float(np.median(p.green[p.fov])))
    hp = g - ndi.gaussian_filter(g, 2.0)
    m["sharpness"] = (
        float(hp[inner].std() / max(float(g[inner].mean()), 1e-3)) if inner.any() else 0
    )
    if m["sharpness"] < SHARPNESS_MIN:
        reasons.append("poor_focus")
    return Quality(not reasons, _score(m, reasons), reasons, m)


SHARPNESS_MIN = 0.012
VESSEL_MIN = 0.03


def vessel_visibility(q: Quality, p: Prepared, vessels: np.ndarray, centre, dd: float) -> None:
    """Vessel fraction within 2.5 disc diameters of the fovea (or the field centre)."""
    cx, cy = centre if centre is not None else p.centre
    h, w = vessels.shape
    yy, xx = np.mgrid[0:h, 0:w]
    ring = (np.hypot(xx - cx, yy - cy) < 2.5 * dd) & p.fov
    frac = float(vessels[ring].mean()) if ring.any() else 0.0
    q.metrics["macula_vessel_fraction"] = frac
    if frac < VESSEL_MIN and "poor_focus" not in q.reasons and q.gradable:
        q.reasons.append("vessels_not_visible")
    q.gradable = not q.reasons
    q.score = _score(q.metrics, q.reasons)


def _sector_means(p: Prepared) -> list[float]:
    h, w = p.fov.shape
    yy, xx = np.mgrid[0:h, 0:w]
    dx, dy = xx - p.centre[0], yy - p.centre[1]
    r = np.hypot(dx, dy) / max(p.radius, 1.0)
    ang = ((np.arctan2(dy, dx) + np.pi) / (2 * np.pi) * 8).astype(int) % 8
    ring = p.fov & (r > 0.25) & (r < 0.85)
    out = []
    for s in range(8):
        sel = ring & (ang == s)
        if sel.sum() > 50:
            out.append(float(p.lum[sel].mean()))
    return out


def _score(m: dict[str, float], reasons: list[str]) -> float:
    """0..1, 1 = best; a simple mean of the checks' margins, capped when ungradable."""
    parts = [
        min(1.0, m.get("sharpness", 0.0) / (2 * SHARPNESS_MIN)),
        min(1.0, m.get("median_lum", 0.0) / 0.25),
        1.0 - min(1.0, m.get("over_fraction", 0.0) / 0.15),
        min(1.0, m.get("sector_min_ratio", 0.0) / 0.6),
        min(1.0, m.get("macula_vessel_fraction", 2 * VESSEL_MIN) / (2 * VESSEL_MIN)),
        1.0 if "insufficient_field" not in reasons else 0.2,
    ]
    score = float(np.mean(parts))
    return round(min(score, 0.49) if reasons else max(score, 0.5), 2)
