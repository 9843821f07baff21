"""Chest X-ray: image checks only (no finding model ships; findings never invented).

Checks: view from the header (ViewPosition: PA/AP frontal, LL/RL lateral),
else from the content (two lung fields side by side: frontal; one: lateral);
photometric interpretation (MONOCHROME1 is shown inverted), exposure (share of
pixels clipped at either end of the stored range, and the contrast between the
5th and 95th percentiles), lung fields found (two dark regions, one in each
half of the body, in a frontal view) and rotation (frontal: the two fields'
areas differ by more than a third, or the line through their centres tilts
more than 10 degrees).  ``analyze_cr`` is the CR/DX analyzer of the modality
descriptor: an ``AiResult`` that is not graded and holds no clinical finding,
only the checks that failed.
"""

from __future__ import annotations

import numpy as np

from inference.chest.analysis import BUILTIN

NOTICE = "Image checks only; no finding model installed (not for clinical use)"
ROTATION_ASYMMETRY = 0.33  # |area left - area right| / sum above this: rotated
ROTATION_TILT_DEG = 10.0
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
    centres = [ndimage.center_of_mass(lab == i) for i in big]
    sides = {c[1] / a.shape[1] < 0.5 for c in centres}
    out = {"found": bool(len(big) == 2 and sides == {True, False}), "count": len(big)}
    if out["found"]:
        areas = [float(sizes[i - 1]) for i in big]
        (y0, x0), (y1, x1) = sorted(centres, key=lambda c: c[1])
        out["area_asymmetry"] = round(abs(areas[0] - areas[1]) / sum(areas), 3)
        out["tilt_deg"] = round(float(np.degrees(np.arctan2(y1 - y0, x1 - x0))), 1)
    return out


def rotation(fields: dict) -> dict:
    """Rotation check of a frontal film from its two lung fields (None: not checked)."""
    if not fields.get("found"):
        return {"checked": False, "ok": None}
    asym, tilt = fields["area_asymmetry"], fields["tilt_deg"]
    return {
        "checked": True,
        "ok": bool(asym <= ROTATION_ASYMMETRY and abs(tilt) <= ROTATION_TILT_DEG),
        "area_asymmetry": asym,
        "tilt_deg": tilt,
    }


def film(vol) -> np.ndarray:
    """The film as displayed, float32 (MONOCHROME1 inverted: dense is bright)."""
    img = np.asarray(vol.array[0], np.float32)
    if vol.invert:
        img = img.max() - img  # MONOCHROME1: low values are white
    return img


def analyze_cxr(vol) -> dict:
    img = film(vol)
    view = _view(vol.info)
    stored_lo, stored_hi = float(img.min()), float(img.max())
    clipped = float(((img <= stored_lo) | (img >= stored_hi)).mean())
    p5, p95 = np.percentile(img[::4, ::4], [5, 95])
    fields = lung_fields(img)
    kind = "frontal" if view in FRONTAL else ("lateral" if view in LATERAL else "")
    if not kind:
        kind = "frontal (from content)" if fields["found"] else "unknown"
        if fields["count"] == 1:
            kind = "lateral (from content)"
    checks = {
        "view_position": view or "not in header",
        "view": kind,
        "photometric": vol.info.photometric,
        "inverted_for_display": bool(vol.invert),
        "clipped_fraction": round(clipped, 4),
        "contrast_p5_p95": [round(float(p5), 1), round(float(p95), 1)],
        # the 5th-95th percentile span as a share of the image's whole range
        "contrast_fraction": round(float(p95 - p5) / max(stored_hi - stored_lo, 1e-6), 3),
        "exposure_ok": bool(clipped < 0.05 and p95 > p5),
        "lung_fields_found": fields["found"],
        "rotation": rotation(fields) if kind.startswith("frontal") else {"checked": False},
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


CHECK_FINDINGS = {  # code -> English text (app/modalities.py translates them)
    "CXR_CHECKS_ONLY": "Image checks only; no finding model installed",
    "CXR_LATERAL": "Lateral view: the checks below are for a frontal film",
    "CXR_VIEW_UNKNOWN": "View not known (no ViewPosition, lung fields not found)",
    "CXR_EXPOSURE": "Exposure may be inadequate (clipped pixels or low contrast)",
    "CXR_ROTATION": "Possible rotation or tilt (the lung fields are not symmetric)",
    "CXR_NO_LUNG_FIELDS": "Lung fields not found: check that this is a chest film",
    "CXR_MODEL_FRONTAL_ONLY": "Image checks only: the finding model reads frontal films only",
}


def failed_checks(checks: dict) -> list[str]:
    codes = ["CXR_CHECKS_ONLY"]
    if checks["view"].startswith("lateral"):
        codes.append("CXR_LATERAL")
    elif checks["view"] == "unknown":
        codes.append("CXR_VIEW_UNKNOWN")
    if not checks["exposure_ok"]:
        codes.append("CXR_EXPOSURE")
    if checks["rotation"].get("ok") is False:
        codes.append("CXR_ROTATION")
    if not checks["lung_fields_found"] and not checks["view"].startswith("lateral"):
        codes.append("CXR_NO_LUNG_FIELDS")
    return codes


CHECKS_ID = "huizhen-chest-cxr-checks"


def identity() -> tuple[str, str]:
    """(model id, version) of the result (a re-run of the pre-read is skipped): the
    installed finding model's, else the checks'."""
    m = _installed_manifest()
    return (m.id, m.version) if m is not None else (CHECKS_ID, BUILTIN["version"])


def _installed_manifest():
    try:
        from inference.chest.cxr_model import installed_manifest

        return installed_manifest()
    except ImportError:
        return None


def _installed_model():
    """The installed chest X-ray finding model, or None (the empty slot: checks only)."""
    if _installed_manifest() is None:
        return None
    from inference.chest.cxr_model import installed_model

    return installed_model()


def analyze_cr(source, state=None, model=None):
    """The CR/DX analyzer: image checks, and findings only from an installed model
    (``model``, else the slot's); without one, never a clinical finding."""
    from app.ai.result import Finding

    vol = source.volume(state) if hasattr(source, "volume") else source
    if getattr(vol, "rgb", False):
        raise ValueError("a colour image is not a chest X-ray")
    report = analyze_cxr(vol)
    checks = report["checks"]
    model = model if model is not None else _installed_model()
    if model is not None and checks["view"].startswith("frontal"):
        from inference.chest.cxr_findings import model_result

        return model_result(model.read(film(vol)), checks, failed_checks(checks)[1:])
    codes = failed_checks(checks)
    if model is not None:  # installed, but this is not a frontal film: say so, not "none"
        codes[0] = "CXR_MODEL_FRONTAL_ONLY"
    findings = [Finding(code, CHECK_FINDINGS[code]) for code in codes]
    result = _checks_result(report, findings)
    if model is not None:
        m = model.manifest
        result.summary = f"{CHECK_FINDINGS[codes[0]]} ({m.name} {m.version}; not for clinical use)"
        result.details["notice"] = result.summary
    return result


def _checks_result(report: dict, findings: list):
    from app.ai.result import AiResult, ModelInfo, Urgency

    checks = report["checks"]
    return AiResult(
        model=ModelInfo(
            "huizhen-chest-cxr-checks", report["model"]["name"], report["model"]["version"], True
        ),  # fmt: skip
        analyzer="chest-cxr",
        modality="CR",
        urgency=Urgency.NOT_GRADED,
        summary=NOTICE,
        findings=findings,
        details={"kind": "cxr", "checks": checks, "notice": NOTICE},
    )
