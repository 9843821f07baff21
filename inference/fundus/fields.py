"""The two screening fields of an eye: disc-centred and macula-centred.

A photo's field is told by its anatomy (which of disc and fovea sits at the
centre of the camera's circle), or given with the photo (``field`` in the import
sidecar / DICOM-free metadata).  An eye photographed in both fields is judged
on both, as two-field screening does:

- gradable when either field is; an ungradable field is listed, not hidden;
- ICDR grade: the worse of the gradable fields (lesions are not merged across
  fields, so the 4-2-1 counts stay per field);
- DME from the macula-centred field when it shows the fovea (else another field
  that does): a fovea "found" near the edge of a disc field is less sure;
- cup-to-disc ratio from the disc-centred field first (the disc is seen face on);
- referable: grade >= 2, DME, or DME not assessable in any field, or ungradable
  in every field.
"""

from __future__ import annotations

import math

from inference.fundus import grading

CENTRED_DD = 1.25  # within this many disc diameters of the field centre


def classify(eye: dict) -> str:
    """ "disc" | "macula" | "other" | "" (not told: no anatomy)."""
    given = str(eye.get("field_given") or "").lower()
    if given in ("disc", "macula"):
        return given
    f = eye.get("field") or {}
    disc = eye.get("disc") or {}
    if not f.get("centre") or not disc.get("centre") or not disc.get("diameter_px"):
        return ""
    dd, (cx, cy) = float(disc["diameter_px"]), f["centre"]
    d_disc = math.hypot(disc["centre"][0] - cx, disc["centre"][1] - cy) / dd
    fovea = eye.get("fovea")
    d_fov = math.hypot(fovea[0] - cx, fovea[1] - cy) / dd if fovea else math.inf
    if d_disc <= CENTRED_DD and d_disc < d_fov:
        return "disc"
    if d_fov <= CENTRED_DD:
        return "macula"
    return "other"


def combine(photos: list[dict]) -> dict:
    """One eye's result from its photos of one visit (each the analysis' per-photo
    dict); a single photo is returned as it is, with its field named."""
    for p in photos:
        p.setdefault("field_centred_on", classify(p))
    if len(photos) <= 1:
        return photos[0] if photos else {}
    order = {"macula": 0, "other": 1, "": 2, "disc": 3}
    by_macula = sorted(photos, key=lambda p: order.get(p["field_centred_on"], 2))
    gradable = [p for p in by_macula if p.get("gradable")]
    base = dict(gradable[0] if gradable else by_macula[0])
    base["fields"] = [_field_line(p) for p in by_macula]
    if not gradable:
        base.update(gradable=False, icdr_grade=None, dme_suspected=None, referable=True, lesions=[])
        base["reasons"] = ["ungradable in every field: retake or refer"]
        base["categories"] = grading.builtin_categories(base)
        return base
    worst = max(gradable, key=lambda p: p.get("icdr_grade") or 0)
    with_fovea = [p for p in gradable if p.get("dme_suspected") is not None]
    dme = with_fovea[0]["dme_suspected"] if with_fovea else None  # macula field first
    cups = [p for p in reversed(by_macula) if (p.get("cup") or {}).get("measured")]
    counts = dict(worst.get("counts") or {})
    grade = worst.get("icdr_grade") or 0
    reasons = [
        f"{p['field_centred_on'] or 'unclassified'} field: "
        + (f"ICDR {p.get('icdr_grade')}" if p.get("gradable") else "ungradable")
        for p in by_macula
    ]
    reasons.append(f"eye graded on the worse field (ICDR {grade})")
    if dme is None:
        reasons.append("fovea not located in any field: DME could not be assessed")
    elif dme:
        reasons.append("exudate(s) within 1 disc diameter of the fovea: DME suspected")
    base.update(
        icdr_grade=grade,
        dme_suspected=dme,
        referable=grade >= grading.REFERABLE_GRADE or bool(dme) or dme is None,
        counts=counts,
        reasons=reasons,
        lesions=worst.get("lesions", []),
        cup=(cups[0]["cup"] if cups else base.get("cup")),
        gradable=True,
    )
    base["categories"] = grading.builtin_categories(base)
    return base


def _field_line(p: dict) -> dict:
    return {
        "field": p.get("field_centred_on", ""),
        "gradable": bool(p.get("gradable")),
        "icdr_grade": p.get("icdr_grade"),
        "dme_suspected": p.get("dme_suspected"),
        "quality_codes": list((p.get("quality") or {}).get("codes") or []),
        "study_pk": p.get("study_pk"),
    }


def combine_visit(photos: list[dict]) -> dict[str, dict]:
    """ "OD"/"OS" -> the eye's combined result, from every photo of the visit."""
    out: dict[str, list[dict]] = {}
    for p in photos:
        if p.get("eye"):
            out.setdefault(p["eye"], []).append(p)
    return {eye: combine(ps) for eye, ps in out.items()}
