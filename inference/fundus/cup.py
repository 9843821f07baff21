"""Cup-to-disc ratio (glaucoma suspect), classical: the optic cup is the palest part
of the optic disc.

Within the disc found by ``anatomy`` (its measured bright outline, not the
field-size estimate), the green channel is closed to remove the vessels crossing
the disc, smoothed, and thresholded at 70 % of the way from the rim level (25th
percentile inside the disc) to the brightest pallor (99th percentile); the pale
region holding the brightest point is the cup.  Its vertical diameter is taken
from the region's second moment (4 sigma, so a thin spur along a vessel does not
stretch it) and divided by the disc diameter: the vertical cup-to-disc ratio
(VCDR).  A VCDR of 0.6 or more is a glaucoma suspect (screening practice; so is
an asymmetry of 0.2 or more between the eyes, judged per visit).

This is a coarse pallor estimate, not a contour of the cup by its vessel bends:
it is given to one decimal's worth of confidence and says when it cannot be
measured, with the reason.
"""

from __future__ import annotations

import numpy as np

SUSPECT_VCDR = 0.6
ASYMMETRY = 0.2
MIN_DISC_PX = 24  # working pixels across the disc; fewer cannot show a cup
MIN_PALLOR = 0.04  # brightest pallor over the rim, green 0..1
METHOD = "pallor threshold in the green channel within the measured disc (classical)"
REASONS = {
    "no_disc": "optic disc not found",
    "disc_estimated": "disc outline not measured (its size was estimated from the field)",
    "disc_small": "optic disc too small in this photo to show a cup",
    "disc_at_edge": "optic disc at the edge of the field",
    "no_pallor": "no pale cup visible within the disc",
    "cup_fills_disc": "pale region fills the disc: cup not separable from the rim",
}


def not_measured(code: str) -> dict:
    return {"measured": False, "code": code, "reason": REASONS[code], "vcdr": None}


def cup_to_disc(p, a) -> dict:
    """``p``: ``Prepared``; ``a``: ``Anatomy``.  Sizes returned in working pixels
    (the caller scales them to the photo's own pixels)."""
    from scipy import ndimage as ndi

    if a.disc is None:
        return not_measured("no_disc")
    if not a.disc_measured:
        return not_measured("disc_estimated")
    r = a.disc_diameter / 2.0
    if a.disc_diameter < MIN_DISC_PX:
        return not_measured("disc_small")
    x, y = a.disc
    big = int(np.ceil(r * 1.3))
    x0, y0 = int(round(x)) - big, int(round(y)) - big
    x1, y1 = x0 + 2 * big + 1, y0 + 2 * big + 1
    h, w = p.green.shape
    if x0 < 0 or y0 < 0 or x1 > w or y1 > h:
        return not_measured("disc_at_edge")
    yy, xx = np.mgrid[y0:y1, x0:x1]
    inside = np.hypot(xx - x, yy - y) <= r
    if not p.fov[y0:y1, x0:x1][inside].all():
        return not_measured("disc_at_edge")
    size = max(3, int(r * 0.25)) | 1  # wider than the vessels on the disc
    g = ndi.grey_closing(p.green[y0:y1, x0:x1], size=(size, size))
    g = ndi.gaussian_filter(g, 1.5)
    vals = g[inside]
    rim, top = float(np.percentile(vals, 25)), float(np.percentile(vals, 99))
    if top - rim < MIN_PALLOR:
        return not_measured("no_pallor")
    pale = (g > rim + 0.7 * (top - rim)) & inside
    labels, _n = ndi.label(pale)
    iy, ix = np.unravel_index(int(np.argmax(np.where(inside, g, -1.0))), g.shape)
    cup = labels == labels[iy, ix]
    fraction = float(cup.sum()) / float(inside.sum())
    if fraction > 0.8:
        return not_measured("cup_fills_disc")
    ys, xs = np.nonzero(cup)
    v_diam = 4.0 * float(ys.std()) if ys.size > 1 else 1.0
    h_diam = 4.0 * float(xs.std()) if xs.size > 1 else 1.0
    vcdr = min(v_diam / a.disc_diameter, 0.95)
    return {
        "measured": True,
        "code": "",
        "reason": "",
        "vcdr": round(vcdr, 2),
        "hcdr": round(min(h_diam / a.disc_diameter, 0.95), 2),
        "cup_centre": [float(xs.mean() + x0), float(ys.mean() + y0)],
        "cup_vertical_px": v_diam,
        "cup_horizontal_px": h_diam,
        "pallor_contrast": round(top - rim, 3),
        "suspect": vcdr >= SUSPECT_VCDR,
        "method": METHOD,
    }


def category(cup: dict | None) -> str:
    """The 12-category table's glaucoma value (English; the UI translates)."""
    if not cup:
        return "not assessed"
    if not cup.get("measured"):
        return "cannot be measured"
    word = "suspected" if cup.get("suspect") else "not suspected"
    return f"{word} (CDR {cup['vcdr']:.2f})"


def asymmetry(eyes: list[dict]) -> float | None:
    """|VCDR OD - VCDR OS| when both eyes were measured."""
    vals = {
        e.get("eye"): (e.get("cup") or {}).get("vcdr")
        for e in eyes
        if (e.get("cup") or {}).get("measured")
    }
    if vals.get("OD") is None or vals.get("OS") is None:
        return None
    return round(abs(vals["OD"] - vals["OS"]), 2)
