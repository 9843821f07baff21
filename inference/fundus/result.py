"""Per-eye fundus results -> the one ``AiResult`` (stored, synced, drafted into the report)."""

from __future__ import annotations

from app.ai.result import AiResult, Finding, ModelInfo, Urgency
from inference.fundus import grading
from inference.fundus.analysis import BUILTIN, NOTICE

ANALYZER = "fundus"


def grade_code(eye: dict) -> str:
    """The report template's grade code (app/report_templates.GRADES)."""
    if not eye.get("gradable"):
        return "ungradable"
    g = eye.get("icdr_grade")
    return f"icdr{g}" if g is not None else ""


def _findings(eye: dict) -> list[Finding]:
    side = eye.get("eye") or ""
    ev = {"eye": side, "quality_score": eye["quality"]["score"]}
    if not eye["gradable"]:
        return [
            Finding(
                "FUNDUS_UNGRADABLE",
                f"Ungradable image {side}: retake or refer",
                "urgent",
                side,
                reasons=list(eye["quality"]["reasons"]),
                evidence=ev,
            )
        ]
    g = eye["icdr_grade"]
    sev = "urgent" if eye["referable"] else "routine"
    out = [
        Finding(
            f"FUNDUS_ICDR{g}",
            f"ICDR {g} ({grading.GRADE_NAMES[g]}) {side}",
            sev,
            side,
            reasons=list(eye["reasons"]),
            evidence={**ev, "counts": eye.get("counts", {})},
        )
    ]
    if eye.get("dme_suspected"):
        out.append(
            Finding(
                "FUNDUS_DME",
                f"Diabetic macular oedema suspected {side}",
                "urgent",
                side,
                evidence=ev,
            )
        )
    return out


def to_ai_result(eyes: list[dict], model=None) -> AiResult:
    visit = grading.visit_summary(eyes)
    if any(not e["gradable"] for e in eyes) and not any(
        e["gradable"] and e["referable"] for e in eyes
    ):
        urgency = Urgency.NOT_GRADED
    elif visit["referable"]:
        urgency = Urgency.URGENT
    else:
        urgency = Urgency.ROUTINE
    info = ModelInfo(BUILTIN["id"], BUILTIN["name"], BUILTIN["version"], True)
    rules = ""
    if model is not None:
        info = ModelInfo(
            model.manifest.id,
            model.manifest.name,
            model.manifest.version,
            model.manifest.not_for_clinical_use,
        )
        rules = f"{BUILTIN['name']} {BUILTIN['version']}"
    findings = [f for e in eyes for f in _findings(e)]
    overlays = []
    for e in eyes:
        for les in e.get("lesions", []):
            overlays.append({"kind": "fundus_lesion", "eye": e.get("eye", ""), **les})
        if e.get("disc"):
            overlays.append({"kind": "optic_disc", "eye": e.get("eye", ""), **e["disc"]})
        if e.get("fovea"):
            overlays.append({"kind": "fovea", "eye": e.get("eye", ""), "centre": e["fovea"]})
    grades = {}
    for e in eyes:
        key = {"OD": "od", "OS": "os"}.get(e.get("eye", ""), "")
        if key:
            grades[key] = grade_code(e)
    measurements: dict[str, float | None] = {}
    for e in eyes:
        key = {"OD": "od", "OS": "os"}.get(e.get("eye", ""), "eye")
        measurements[f"{key}_quality_score"] = e["quality"]["score"]
        if e.get("disc"):
            measurements[f"{key}_disc_diameter_px"] = e["disc"]["diameter_px"]
            if e["disc"].get("diameter_mm"):
                measurements[f"{key}_disc_diameter_mm"] = e["disc"]["diameter_mm"]
        if (e.get("cup") or {}).get("measured"):
            measurements[f"{key}_vertical_cdr"] = e["cup"]["vcdr"]
    worse = visit.get("worse_eye") or "-"
    summary = (
        f"Fundus: {'referable' if visit['referable'] else 'not referable'}"
        f" (worse eye {worse}, ICDR {visit.get('icdr_grade')})"
        + ("; ungradable image" if visit.get("ungradable") else "")
    )
    return AiResult(
        model=info,
        analyzer=ANALYZER,
        modality="OP",
        urgency=urgency,
        summary=summary,
        findings=findings,
        measurements=measurements,
        units={k: k.rsplit("_", 1)[-1] if k.endswith(("_px", "_mm")) else "" for k in measurements},
        overlays=overlays,
        rules=rules,
        details={"eyes": eyes, "visit": visit, "grades": grades, "notice": NOTICE},
    )
