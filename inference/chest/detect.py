"""CT volume -> lung mask -> candidates -> measured nodules (a background job).

``detect(hu, spacing, state)`` is Qt-free and reports progress and honours
cancel through ``state`` (``app.jobs.TaskState``).  Filters after measuring:
mean diameter >= 4 mm (smaller ones are not reported), elongation (3D) <= 2.2
(vessels), a compact shape, and one nodule per place (the most confident).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from inference.chest.measure import Nodule

MIN_REPORT_MM = 4.0
MAX_ELONGATION = 2.2
MIN_CONFIDENCE = 0.75
MIN_LUNG_ML_CHEST = 400.0  # less aerated lung than this: not a chest study


@dataclass
class Detection:
    chest: bool
    lung_volume_ml: float
    lungs: int
    nodules: list[Nodule] = field(default_factory=list)
    candidates: int = 0
    reason: str = ""


def detect(hu: np.ndarray, spacing, state=None) -> Detection:
    from inference.chest.candidates import find_candidates
    from inference.chest.lungmask import lung_mask
    from inference.chest.measure import measure

    hu = np.asarray(hu)
    if hu.ndim != 3 or hu.shape[0] < 10:
        return Detection(False, 0.0, 0, reason="not a CT volume (fewer than 10 slices)")
    if state is not None:
        state.progress(0.0, "lung mask")
    lungs = lung_mask(hu, spacing, state)
    if lungs.volume_ml < MIN_LUNG_ML_CHEST:
        return Detection(
            False, lungs.volume_ml, lungs.lungs,
            reason=f"no lungs found ({lungs.volume_ml:.0f} ml of aerated lung)",
        )  # fmt: skip
    cands = find_candidates(hu, spacing, lungs, state)
    cands.sort(key=lambda c: -c.response)
    found: list[Nodule] = []
    for i, c in enumerate(cands):
        if state is not None and i % 8 == 0:
            state.check()
            state.progress(0.7 + 0.28 * i / max(len(cands), 1), "measuring nodules")
        if any(_inside(n, c.zyx) for n in found):
            continue
        n = measure(hu, spacing, lungs, c)
        if n is None or n.mean_mm < MIN_REPORT_MM or n.elongation > MAX_ELONGATION:
            continue
        if n.confidence < MIN_CONFIDENCE:
            continue
        if any(_inside(m, np.round(n.centre_voxel).astype(int)) for m in found):
            continue
        found.append(n)
    found.sort(key=lambda n: -n.mean_mm)
    return Detection(True, lungs.volume_ml, lungs.lungs, found, len(cands))


def _inside(n: Nodule, zyx) -> bool:
    local = [int(zyx[i]) - n.box[i].start for i in range(3)]
    if any(v < 0 or v >= s for v, s in zip(local, n.mask.shape, strict=True)):
        return False
    return bool(n.mask[tuple(local)])
