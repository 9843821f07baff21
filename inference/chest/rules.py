"""Lung-RADS v2022 (baseline screening) and Fleischner 2017 (incidental), as tables.

Lung-RADS v2022 (ACR, November 2022), baseline round, sizes as the MEAN diameter
(long axis + perpendicular short axis) / 2 on the same image, to one decimal
(v1.1 rounded to whole mm; v2022 to 0.1 mm).  Rows are (type, measure, lower
bound inclusive, upper bound exclusive, category).  Checked against the ACR
v2022 summary table as recalled here (no network to re-read it): solid
<6 / 6-<8 / 8-<15 / >=15; part-solid total <6 -> 2, solid component <6 -> 3,
6-<8 -> 4A, >=8 -> 4B; ground glass <30 -> 2, >=30 -> 3.  Not covered (needs
priors or reader judgement): new/growing nodules at follow-up, the v2022
juxtapleural/perifissural <10 mm benign rule (shape and margin), atypical
cysts, airway nodules, and 4X (suspicious features): a reader may raise a
category to 4X; ``exam_category`` honours it.

Fleischner 2017: adults >= 35, incidental, not screening, not immunocompromised,
no known cancer; mean diameter rounded to the nearest whole mm; <6, 6-8, >8 mm.
"""

from __future__ import annotations

SOLID, PART_SOLID, GROUND_GLASS = "solid", "part-solid", "ground-glass"
TYPES = (SOLID, PART_SOLID, GROUND_GLASS)
INF = float("inf")

# (type, measure, from mm (>=), to mm (<), category)
LUNG_RADS_BASELINE = (
    (SOLID, "mean", 0.0, 6.0, "2"),
    (SOLID, "mean", 6.0, 8.0, "3"),
    (SOLID, "mean", 8.0, 15.0, "4A"),
    (SOLID, "mean", 15.0, INF, "4B"),
    (PART_SOLID, "mean", 0.0, 6.0, "2"),  # total mean diameter < 6
    (PART_SOLID, "solid", 0.0, 6.0, "3"),  # total >= 6, solid component < 6
    (PART_SOLID, "solid", 6.0, 8.0, "4A"),
    (PART_SOLID, "solid", 8.0, INF, "4B"),
    (GROUND_GLASS, "mean", 0.0, 30.0, "2"),
    (GROUND_GLASS, "mean", 30.0, INF, "3"),
)
ORDER = ("0", "1", "2", "3", "4A", "4B", "4X")
MANAGEMENT = {
    "1": "Continue annual screening with LDCT in 12 months",
    "2": "Continue annual screening with LDCT in 12 months",
    "3": "LDCT in 6 months",
    "4A": "LDCT in 3 months; PET/CT may be considered if a solid component >= 8 mm",
    "4B": "Diagnostic chest CT with or without contrast; PET/CT if a solid component >= 8 mm;"
    " tissue sampling; referral for further clinical evaluation",
    "4X": "As 4B: diagnostic chest CT, PET/CT, tissue sampling; referral",
}
URGENT_CATEGORIES = ("4B", "4X")


def tenth(mm: float) -> float:
    """Lung-RADS v2022 precision: to the nearest 0.1 mm (half up)."""
    return int(float(mm) * 10 + 0.5) / 10


def lung_rads(kind: str, mean_mm: float, solid_mm: float = 0.0) -> str:
    """Baseline category of one nodule (``solid_mm``: mean diameter of the solid
    component of a part-solid nodule)."""
    if kind not in TYPES:
        raise ValueError(f"unknown nodule type {kind!r} (one of {', '.join(TYPES)})")
    mean, solid = tenth(mean_mm), tenth(solid_mm)
    if kind == PART_SOLID and mean >= 6.0:
        rows = [r for r in LUNG_RADS_BASELINE if r[0] == kind and r[1] == "solid"]
        value = solid
    else:
        rows = [r for r in LUNG_RADS_BASELINE if r[0] == kind and r[1] == "mean"]
        value = mean
    for _, _, lo, hi, cat in rows:
        if lo <= value < hi:
            return cat
    raise AssertionError("the table covers every size")  # pragma: no cover


def exam_category(categories: list[str]) -> str:
    """The exam's category is its most suspicious nodule's; no nodule -> 1."""
    return max(categories, key=ORDER.index) if categories else "1"


def urgent(category: str) -> bool:
    return category in URGENT_CATEGORIES


# Fleischner 2017: (type, single/multiple, size band) -> advice (low risk, high risk)
FLEISCHNER = {
    (SOLID, "single", "<6"): (
        "No routine follow-up",
        "Optional CT at 12 months",
    ),
    (SOLID, "single", "6-8"): (
        "CT at 6-12 months, then consider CT at 18-24 months",
        "CT at 6-12 months, then CT at 18-24 months",
    ),
    (SOLID, "single", ">8"): (
        "Consider CT at 3 months, PET/CT, or tissue sampling",
        "Consider CT at 3 months, PET/CT, or tissue sampling",
    ),
    (SOLID, "multiple", "<6"): (
        "No routine follow-up",
        "Optional CT at 12 months",
    ),
    (SOLID, "multiple", "6-8"): (
        "CT at 3-6 months, then consider CT at 18-24 months",
        "CT at 3-6 months, then CT at 18-24 months",
    ),
    (SOLID, "multiple", ">8"): (
        "CT at 3-6 months, then consider CT at 18-24 months",
        "CT at 3-6 months, then CT at 18-24 months",
    ),
    (GROUND_GLASS, "single", "<6"): ("No routine follow-up",) * 2,
    (GROUND_GLASS, "single", ">=6"): (
        "CT at 6-12 months to confirm persistence, then CT every 2 years until 5 years",
    )
    * 2,
    (PART_SOLID, "single", "<6"): ("No routine follow-up",) * 2,
    (PART_SOLID, "single", ">=6"): (
        "CT at 3-6 months to confirm persistence; if unchanged and solid component < 6 mm,"
        " annual CT for 5 years",
    )
    * 2,
    ("subsolid", "multiple", "<6"): ("CT at 3-6 months; if stable, consider CT at 2 and 4 years",)
    * 2,
    ("subsolid", "multiple", ">=6"): (
        "CT at 3-6 months; subsequent management based on the most suspicious nodule(s)",
    )
    * 2,
}
FLEISCHNER_SCOPE = (
    "Fleischner 2017: incidental nodules in adults >= 35 years; not for lung cancer"
    " screening, immunocompromised patients or patients with known cancer"
)


def fleischner_band(kind: str, mean_mm: float) -> str:
    mm = int(float(mean_mm) + 0.5)  # Fleischner rounds to the nearest whole mm
    if kind == SOLID:
        return "<6" if mm < 6 else ("6-8" if mm <= 8 else ">8")
    return "<6" if mm < 6 else ">=6"


def fleischner(kind: str, mean_mm: float, multiple: bool = False) -> dict:
    """Advice for one incidental nodule: ``{"band", "low_risk", "high_risk"}``."""
    if kind not in TYPES:
        raise ValueError(f"unknown nodule type {kind!r}")
    band = fleischner_band(kind, mean_mm)
    key_kind = "subsolid" if multiple and kind != SOLID else kind
    low, high = FLEISCHNER[(key_kind, "multiple" if multiple else "single", band)]
    return {"band": band, "low_risk": low, "high_risk": high, "scope": FLEISCHNER_SCOPE}
