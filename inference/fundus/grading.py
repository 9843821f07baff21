"""Per-eye ICDR grade, DME suspicion and referral from lesion candidates; the visit
takes the worse eye.  Rules (REFERENCE.md section 3, ICDR):

0 no lesions; 1 microaneurysms only; 2 more than microaneurysms (haemorrhages,
exudates, cotton-wool spots) short of severe; 3 severe by the 4-2-1 rule's first
arm (> 20 haemorrhages in each of 4 quadrants); 4 (new vessels, vitreous
haemorrhage) is not detected by the built-in analysis and never given by it.
"""

from __future__ import annotations

from collections import Counter

from inference.fundus.cup import ASYMMETRY, asymmetry
from inference.fundus.cup import category as cup_category
from inference.fundus.lesions import Lesion

REFERABLE_GRADE = 2
GRADE_NAMES = {
    0: "no apparent retinopathy",
    1: "mild NPDR",
    2: "moderate NPDR",
    3: "severe NPDR",
    4: "proliferative DR",
}
# the 12 screening categories; built-in support (the rest need a model)
CATEGORIES = (
    "referable_dr",
    "dme",
    "glaucoma_suspect",
    "amd_drusen",
    "rvo",
    "pathological_myopia",
    "hypertensive_retinopathy",
    "epiretinal_membrane",
    "macular_hole",
    "retinal_detachment",
    "optic_disc_abnormality",
    "other",
)
BUILTIN_SUPPORTED = ("referable_dr", "dme", "glaucoma_suspect", "amd_drusen")
NOT_SUPPORTED = "not supported"


def quadrant_counts(lesions: list[Lesion], fovea) -> dict[str, int] | None:
    if fovea is None:
        return None
    q = Counter()
    for les in lesions:
        if les.type in ("haemorrhage", "microaneurysm"):
            up = les.y < fovea[1]
            left = les.x < fovea[0]
            q[("superior" if up else "inferior") + ("_left" if left else "_right")] += 1
    return {
        k: q.get(k, 0)
        for k in ("superior_left", "superior_right", "inferior_left", "inferior_right")
    }


def grade_eye(lesions: list[Lesion], fovea, dd: float) -> dict:
    counts = Counter(les.type for les in lesions)
    reasons: list[str] = []
    other = counts["haemorrhage"] + counts["hard_exudate"] + counts["cotton_wool_spot"]
    quads = quadrant_counts(lesions, fovea)
    if quads is None:
        rule421 = "4-2-1 rule not applied: fovea not located, so no quadrants"
    else:
        rule421 = (
            "4-2-1 rule applied to haemorrhage counts per quadrant around the fovea in this "
            "field only; venous beading and IRMA are not detected"
        )
    if quads is not None and all(v > 20 for v in quads.values()):
        grade = 3
        reasons.append("more than 20 haemorrhages in each of 4 quadrants (4-2-1 rule)")
    elif other:
        grade = 2
        parts = [
            f"{counts[t]} {t.replace('_', ' ')}"
            for t in ("haemorrhage", "hard_exudate", "cotton_wool_spot")
            if counts[t]
        ]
        reasons.append("more than microaneurysms: " + ", ".join(parts))
    elif counts["microaneurysm"]:
        grade = 1
        reasons.append(f"microaneurysms only ({counts['microaneurysm']})")
    else:
        grade = 0
        reasons.append("no DR lesion candidates found")
    near = [
        les
        for les in lesions
        if les.type == "hard_exudate" and (d := les.dd_from(fovea, dd)) is not None and d <= 1.0
    ]
    dme = None if fovea is None else bool(near)
    if dme:
        reasons.append(f"{len(near)} exudate(s) within 1 disc diameter of the fovea: DME suspected")
    elif dme is None:
        reasons.append("fovea not located: DME could not be assessed")
    referable = grade >= REFERABLE_GRADE or bool(dme) or dme is None
    if grade >= REFERABLE_GRADE:
        reasons.append(f"ICDR {grade} ({GRADE_NAMES[grade]}): referable")
    reasons.append("proliferative signs (new vessels) are not assessed by the built-in analysis")
    return {
        "icdr_grade": grade,
        "dme_suspected": dme,
        "referable": referable,
        "reasons": reasons,
        "rule_421": rule421,
        "quadrants": quads,
        "counts": dict(counts),
    }


def builtin_categories(eye: dict) -> dict[str, str]:
    """Built-in results for the categories it supports; "not supported" for the rest."""
    out = dict.fromkeys(CATEGORIES, NOT_SUPPORTED)
    if not eye.get("gradable"):
        for c in BUILTIN_SUPPORTED:
            out[c] = "ungradable"
        return out
    out["referable_dr"] = "referable" if eye["icdr_grade"] >= REFERABLE_GRADE else "not referable"
    dme = eye.get("dme_suspected")
    out["dme"] = "not assessed" if dme is None else ("suspected" if dme else "not suspected")
    drusen = eye.get("counts", {}).get("drusen", 0)
    out["amd_drusen"] = f"drusen candidates ({drusen})" if drusen else "no drusen seen"
    out["glaucoma_suspect"] = cup_category(eye.get("cup"))
    return out


def visit_summary(eyes: list[dict]) -> dict:
    """The worse eye decides: ungradable or referable anywhere refers the visit."""
    if not eyes:
        return {"referable": False, "worse_eye": "", "reasons": ["no image"]}

    def badness(e):
        return (
            not e["gradable"],
            e["referable"],
            e.get("icdr_grade") or 0,
            bool(e.get("dme_suspected")),
        )

    worst = max(eyes, key=badness)
    reasons = []
    for e in eyes:
        label = e.get("eye") or "eye ?"
        if not e["gradable"]:
            reasons.append(f"{label}: ungradable, retake or refer")
        elif e["referable"]:
            reasons.append(f"{label}: referable (ICDR {e['icdr_grade']}, DME {e['dme_suspected']})")
    glaucoma = [e.get("eye") or "eye ?" for e in eyes if (e.get("cup") or {}).get("suspect")]
    for e in eyes:
        cup = e.get("cup") or {}
        if cup.get("suspect"):
            reasons.append(
                f"{e.get('eye') or 'eye ?'}: glaucoma suspect (vertical CDR {cup['vcdr']:.2f})"
            )
    asym = asymmetry(eyes)
    if asym is not None and asym >= ASYMMETRY:
        reasons.append(f"cup-to-disc asymmetry {asym:.2f} between the eyes: glaucoma suspect")
        glaucoma = glaucoma or ["OD", "OS"]
    grades = [e["icdr_grade"] for e in eyes if e.get("icdr_grade") is not None]
    return {
        "referable": any(e["referable"] for e in eyes),
        "ungradable": any(not e["gradable"] for e in eyes),
        "worse_eye": worst.get("eye", ""),
        "icdr_grade": max(grades) if grades else None,
        "dme_suspected": any(bool(e.get("dme_suspected")) for e in eyes),
        "reasons": reasons or ["no referable finding in either eye"],
        "glaucoma_suspect": glaucoma,
        "cdr_asymmetry": asym,
        "follow_up": follow_up(eyes, bool(glaucoma)),
    }


def follow_up(eyes: list[dict], glaucoma: bool = False) -> str:
    """Advice code: refer_urgent | refer | retake | refer_glaucoma | rescreen_6m |
    rescreen_12m (a glaucoma suspect without referable DR: a routine glaucoma visit)."""
    if any(e["gradable"] and (e.get("icdr_grade") or 0) >= 3 for e in eyes):
        return "refer_urgent"
    if any(e["gradable"] and e["referable"] for e in eyes):
        return "refer"
    if any(not e["gradable"] for e in eyes):
        return "retake"
    if glaucoma:
        return "refer_glaucoma"
    if any((e.get("icdr_grade") or 0) == 1 for e in eyes):
        return "rescreen_6m"
    return "rescreen_12m"
