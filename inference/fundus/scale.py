"""Millimetres on the retina from the camera's field angle.

A fundus camera images a known angle of the retina across its circular field
(45 degrees for most desk-top screening cameras).  On the schematic eye one
degree of visual angle is about 0.288 mm of retina near the posterior pole
(Gullstrand; the figure fundus photo-grading uses), so

    mm per pixel = field angle x 0.288 / field diameter in pixels.

The angle comes, in this order, from the DICOM OP tag Horizontal Field of View
(0022,000C), or from the camera manifest (``cameras.json`` shipped here plus the
clinic's ``<home>/fundus_cameras.json``) matched on the camera's make and model
(DICOM Manufacturer + Manufacturer's Model Name, JPEG EXIF Make + Model).  A
file's own Pixel Spacing is used as it is.  Without any of these, no size is
given in mm: the analysis says so and sizes stay in disc diameters.  Eyes of
unusual length (high myopia) change the true scale by up to ~20 %; that is why
it is an estimate.
"""

from __future__ import annotations

import json
from pathlib import Path

MM_PER_DEGREE = 0.288
UNKNOWN = "camera field angle unknown: sizes in disc diameters only"
_BUILTIN = Path(__file__).with_name("cameras.json")


def _entries(extra: Path | None = None) -> list[dict]:
    out = []
    paths = [p for p in (extra, _clinic_file(), _BUILTIN) if p is not None]
    for p in paths:
        try:
            data = json.loads(Path(p).read_text("utf-8"))
            out += [c for c in data.get("cameras", []) if isinstance(c, dict) and c.get("match")]
        except (OSError, ValueError, AttributeError):
            continue  # an unreadable clinic file leaves the built-in list
    return out


def _clinic_file() -> Path | None:
    try:
        from app.settings import home_dir

        return home_dir() / "fundus_cameras.json"
    except Exception:  # no settings (the server, a bare CLI): built-in list only
        return None


def field_angle(camera: str, manifest: Path | None = None) -> float | None:
    """The field angle of a camera named ``camera`` (make and model), or None."""
    name = " ".join(str(camera or "").lower().split())
    if not name:
        return None
    for c in _entries(manifest):
        if str(c["match"]).lower() in name:
            try:
                deg = float(c["field_deg"])
            except (KeyError, TypeError, ValueError):
                continue
            if 5.0 <= deg <= 200.0:
                return deg
    return None


def scale(info: dict, field_px: float, manifest: Path | None = None) -> dict:
    """``info``: the frame's info (``spacing``, ``field_of_view_deg``, ``camera``);
    ``field_px``: the camera field's diameter in the photo's pixels."""
    spacing = info.get("spacing") or []
    try:
        sp = float(spacing[0]) if spacing else 0.0
    except (TypeError, ValueError):
        sp = 0.0
    if sp > 0:
        return {"mm_per_px": sp, "source": "pixel spacing in the file"}
    camera = str(info.get("camera") or "").strip()
    deg, source = info.get("field_of_view_deg"), ""
    if deg:
        source = f"DICOM horizontal field of view {float(deg):g} degrees"
    else:
        deg = field_angle(camera, manifest)
        if deg:
            source = f"camera manifest: {camera} ({deg:g} degree field)"
    if not deg or field_px <= 0:
        why = UNKNOWN if not deg else "camera field not found in the photo"
        return {"mm_per_px": None, "reason": why, "camera": camera}
    return {
        "mm_per_px": round(float(deg) * MM_PER_DEGREE / field_px, 6),
        "field_deg": float(deg),
        "source": source,
        "camera": camera,
    }
