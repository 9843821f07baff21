"""Chest X-ray: image checks only (no finding model ships; findings never invented).

Checks: view from the header (ViewPosition: PA/AP frontal, LL/RL lateral),
photometric interpretation (MONOCHROME1 is shown inverted), exposure (share of
pixels clipped at either end of the stored range, and the contrast between the
5th and 95th percentiles), and lung fields found (two dark regions, one in
each half of the body, in a frontal view).
"""

from __future__ import annotations

import numpy as np

from inference.chest.analysis import BUILTIN

NOTICE = "Image checks only; no finding model installed (not for clinical use)"
FRONTAL, LATERAL = ("PA", "AP"), ("LL", "RL", "LATERAL", "LAT")


def _view(info) -> str:
    try:
        from app.readers.dicom_io import read_dicom

        ds = read_dicom(info.files[0], stop_before_pixels=True)
        return str(ds.get("ViewPosition", "") or "").strip().upper()
    except Exception:  # a header we cannot read again: no view from tags
        return ""


def lung_fields(img: np.ndarray) -> dict:
    """Two dark regions inside the body (the darkest 35%, smoothed), one in each half of
    the image (frontal chest).  A classical check, not a segmentation."""
    from scipy import ndimage

    step = max(1, max(img.shape) // 256)
    a = img[::step, ::step].astype(np.float32)
    lo, hi = np.percentile(a, [1, 99])
    a = (a - lo) / max(hi - lo, 1e-6)
    a = ndimage.gaussian_filter(a, 4)  # ribs and vessels merged into the fields
    body = ndimage.binary_fill_holes(ndimage.binary_closing(a > 0.15, iterations=3))
    inner = ndimage.binary_erosion(body, iterations=6)
    if inner.sum() < 0.2 * a.size:
        return {"found": False, "count": 0}
    dark = (a < np.percentile(a[inner], 35)) & inner
    dark = ndimage.binary_opening(dark, iterations=3)
    lab, n = ndimage.label(dark)
    if n == 0:
        return {"found": False, "count": 0}
    sizes = ndimage.sum_labels(dark, lab, np.arange(1, n + 1))
    big = [i + 1 for i in np.argsort(sizes)[::-1][:2] if sizes[i] > 0.03 * dark.size]
    xs = [ndimage.center_of_mass(lab == i)[1] / a.shape[1] for i in big]
    sides = {x < 0.5 for x in xs}
    return {"found": bool(len(big) == 2 and sides == {True, False}), "count": len(big)}


def analyze_cxr(vol) -> dict:
    img = np.asarray(vol.array[0], np.float32)
    if vol.invert:
        img = img.max() - img  # MONOCHROME1: low values are white
    view = _view(vol.info)
    stored_lo, stored_hi = float(img.min()), float(img.max())
    clipped = float(((img <= stored_lo) | (img >= stored_hi)).mean())
    p5, p95 = np.percentile(img[::4, ::4], [5, 95])
    fields = lung_fields(img)
    kind = "frontal" if view in FRONTAL else ("lateral" if view in LATERAL else "")
    if not kind:
        kind = "frontal (from content)" if fields["found"] else "unknown"
    checks = {
        "view_position": view or "not in header",
        "view": kind,
        "photometric": vol.info.photometric,
        "inverted_for_display": bool(vol.invert),
        "clipped_fraction": round(clipped, 4),
        "contrast_p5_p95": [round(float(p5), 1), round(float(p95), 1)],
        "exposure_ok": bool(clipped < 0.05 and p95 > p5),
        "lung_fields_found": fields["found"],
    }
    return {
        "kind": "cxr",
        "nodules": [],
        "lung_rads": None,
        "urgency": "not_graded",
        "checks": checks,
        "model": {"name": "Huizhen chest X-ray checks", "version": BUILTIN["version"]},
        "notice": NOTICE,
    }
