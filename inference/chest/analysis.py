"""Chest CT -> the nodule report (the CLI's JSON shape) and the shared ``AiResult``.

``analyze_volume`` runs the classical pipeline (``detect``) and grades each
nodule with Lung-RADS v2022 (baseline) and Fleischner 2017; ``analyze_ct`` is
the CT analyzer of the modality descriptor, ``fn(source, state) -> AiResult``.
A CT without lungs (a head CT) is "not a chest study": no nodule, not graded.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from app.ai.result import AiResult, Finding, ModelInfo, Urgency
from inference.chest import rules

BUILTIN = {"id": "huizhen-chest-ct-classic", "name": "Huizhen chest CT classic", "version": "0.1"}
KEPT_MASKS = "masks"  # inference.chest.masks.KEY: each nodule's mask, kept for the SEG
NOTICE = (
    "Built-in classical nodule detection (the default; no trained model installed):"
    " not for clinical use"
)


def _round(v, nd=1):
    return [round(float(x), nd) for x in v]


def analyze_volume(
    hu, spacing, index_to_patient=None, state=None, masks=None, model=None
) -> dict[str, Any]:
    """``hu`` (z, y, x) in HU, ``spacing`` (z, y, x) mm; ``index_to_patient`` maps a
    (z, y, x) index to patient x, y, z mm (identity scaled by spacing when None).
    ``masks``: a list that receives each reported nodule's (box, mask) (SEG export).
    ``model``: an installed ``ChestModel`` (the ONNX slot) re-scoring the nodules."""
    from inference.chest.detect import detect

    det = detect(hu, spacing, state)
    if model is not None and det.nodules:
        det.nodules = model.rescore(hu, spacing, det.nodules)
    to_mm = index_to_patient or (lambda zyx: (np.asarray(zyx, float) * spacing)[::-1])
    out: dict[str, Any] = {
        "kind": "ct",
        "chest": det.chest,
        "nodules": [],
        "lung_rads": None,
        "urgency": Urgency.NOT_GRADED.value,
        "checks": {
            "chest": det.chest,
            "lung_volume_ml": round(det.lung_volume_ml, 1),
            "lungs_found": det.lungs,
            "candidates": det.candidates,
            "slices": int(np.asarray(hu).shape[0]) if np.asarray(hu).ndim == 3 else 1,
        },
        "model": {k: BUILTIN[k] for k in ("name", "version")},
        "detector": {k: BUILTIN[k] for k in ("name", "version")},
        "rules": "Lung-RADS v2022 (baseline); Fleischner 2017",
        "notice": NOTICE,
    }
    if model is not None:
        m = model.manifest
        out["model"] = {"name": m.name, "version": m.version}
        out["notice"] = f"{m.name} {m.version} re-scores the built-in classical candidates" + (
            ": not for clinical use" if m.not_for_clinical_use else ""
        )
    if not det.chest:
        out["checks"]["reason"] = f"not a chest study: {det.reason}"
        return out
    if det.lung_place is not None:
        out["lungs"] = _lungs_mm(det.lung_place, to_mm)
    many = len(det.nodules) > 1
    if masks is not None:
        masks.extend((n.box, n.mask) for n in det.nodules)
    for i, n in enumerate(det.nodules):
        mean = rules.tenth(n.mean_mm)
        cat = rules.lung_rads(n.kind, mean, n.solid_mm)
        centre_mm = np.asarray(to_mm(np.asarray(n.centre_voxel)), float)
        out["nodules"].append(
            {
                "id": i + 1,
                "centre_mm": _round(centre_mm),
                "centre_voxel": _round(n.centre_voxel[::-1]),  # i, j, k = x, y, z index
                "mean_diameter_mm": mean,
                "long_axis_mm": round(n.long_mm, 1),
                "short_axis_mm": round(n.short_mm, 1),
                "solid_component_mm": round(n.solid_mm, 1),
                "volume_mm3": round(n.volume_mm3, 1),
                "mean_hu": round(n.mean_hu, 1),
                "type": n.kind,
                "lung_rads": cat,
                "management": rules.MANAGEMENT[cat],
                "fleischner": rules.fleischner(n.kind, mean, multiple=many),
                "confidence": n.confidence,
                "slices": list(n.slices),
            }
        )
    cats = [n["lung_rads"] for n in out["nodules"]]
    exam = rules.exam_category(cats)
    out["lung_rads"] = exam
    out["management"] = rules.MANAGEMENT[exam]
    out["urgency"] = (Urgency.URGENT if rules.urgent(exam) else Urgency.ROUTINE).value
    return out


def _lungs_mm(place, to_mm) -> dict:
    """The lungs' centre and extent (lowest, highest corner) in patient mm: what a
    follow-up needs to align this exam with the patient's next or prior one."""
    centre, lo, hi = place
    corners = np.array([to_mm(np.array([a, b, c], float)) for a in (lo[0], hi[0])
                        for b in (lo[1], hi[1]) for c in (lo[2], hi[2])])  # fmt: skip
    return {"centre_mm": _round(to_mm(centre)),
            "extent_mm": [_round(corners.min(0)), _round(corners.max(0))]}  # fmt: skip


def _finding(n: dict) -> Finding:
    text = (
        f"{n['type']} nodule {n['mean_diameter_mm']:.1f} mm (mean diameter), "
        f"Lung-RADS {n['lung_rads']}"
    )
    return Finding(
        code="LUNG_NODULE",
        text=text,
        severity="urgent" if rules.urgent(n["lung_rads"]) else "routine",
        evidence={
            k: n[k]
            for k in (
                "id",
                "centre_mm",
                "centre_voxel",
                "mean_diameter_mm",
                "long_axis_mm",
                "short_axis_mm",
                "volume_mm3",
                "type",
                "lung_rads",
                "confidence",
            )
        },  # fmt: skip
    )


def as_result(report: dict[str, Any]) -> AiResult:
    """The report as the shared ``AiResult`` (findings, measurements, overlays)."""
    named = report["model"]
    builtin = named["name"] == BUILTIN["name"]
    model = ModelInfo(
        BUILTIN["id"] if builtin else str(report.get("model_id", named["name"])),
        named["name"],
        named["version"],
        True if builtin else "not for clinical use" in report["notice"],
    )
    nodules = report["nodules"]
    if not report["chest"]:
        findings = [Finding("CHEST_NOT_CHEST", "Not a chest study: no nodule analysis")]
        summary = "Not a chest study: no nodule analysis"
    elif not nodules:
        findings = [Finding("CHEST_NO_NODULE", "No lung nodule of 4 mm or more found")]
        summary = "No lung nodule >= 4 mm; Lung-RADS 1"
    else:
        findings = [_finding(n) for n in nodules]
        summary = f"{len(nodules)} nodule(s); Lung-RADS {report['lung_rads']}"
    largest = max((n["mean_diameter_mm"] for n in nodules), default=None)
    result = AiResult(
        model=model,
        analyzer="chest-ct",
        modality="CT",
        urgency=Urgency(report["urgency"]),
        summary=summary,
        findings=findings,
        measurements={"nodules": float(len(nodules)), "largest_mean_diameter_mm": largest},
        units={"largest_mean_diameter_mm": "mm"},
        missing={} if largest is not None else {"largest_mean_diameter_mm": "no nodule"},
        overlays=[
            {
                "kind": "nodule",
                "id": n["id"],
                "centre_mm": n["centre_mm"],
                "centre_voxel": n["centre_voxel"],
                "radius_mm": n["long_axis_mm"] / 2,
                "label": f"{n['id']}: {n['mean_diameter_mm']:.1f} mm LR {n['lung_rads']}",
            }
            for n in nodules
        ],  # fmt: skip
        rules=report["rules"],
        details={
            k: report[k] for k in ("kind", "chest", "nodules", "lung_rads", "checks", "notice")
        },  # fmt: skip
    )
    if "lungs" in report:
        result.details["lungs"] = report["lungs"]
    if KEPT_MASKS in report:
        result.details[KEPT_MASKS] = report[KEPT_MASKS]
    return result


def _installed():
    """The installed CT model of the ONNX slot, or None (no weights, no runtime)."""
    try:
        from inference.chest.model import installed_model

        return installed_model()
    except ImportError:
        return None


def analyze_ct(source, state=None) -> AiResult:
    """The CT analyzer: ``source`` is what the DICOM reader opened (a ``DicomSource``
    with ``volume()``) or an ``app.imaging.volume.Volume``."""
    vol = source.volume(state) if hasattr(source, "volume") else source
    if getattr(vol, "rgb", False):
        report = analyze_volume(np.zeros((1, 1, 1), np.int16), (1.0, 1.0, 1.0))
    else:
        model = _installed()
        masks: list = []
        report = analyze_volume(
            vol.array, vol.spacing, vol.index_to_patient, state, masks=masks, model=model
        )
        if model is not None:
            report["model_id"] = model.manifest.id
        if masks:
            report[KEPT_MASKS] = _kept(vol.array.shape, report, masks)
    return as_result(report)


def _kept(shape, report: dict, masks: list) -> dict:
    """The nodules' masks kept with the result (the SEG is built from them)."""
    from inference.chest.masks import encode_all

    return encode_all(shape, [n["id"] for n in report["nodules"]], masks)
