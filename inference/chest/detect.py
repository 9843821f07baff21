"""CT volume -> lung mask -> candidates -> measured nodules (a background job).

``detect(hu, spacing, state)`` is Qt-free and reports progress and honours
cancel through ``state`` (``app.jobs.TaskState``).  Filters after measuring:
mean diameter >= 4 mm (smaller ones are not reported), a nodule's shape (a sphere,
a disc or a plate, not a tube: ``shape``), compact, not a vessel piece (running on
at both ends), and one nodule per place (the most confident).
A nodule whose region touches an already found one is the same lesion found in
parts (the lobes of a lobulated nodule): the two regions are measured as one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from inference.chest.measure import Nodule

MIN_REPORT_MM = 4.0
MAX_TUBE = 2.2  # longest / middle principal axis: a tube (vessel) beyond
MAX_PLATE = 2.5  # middle / shortest: a thinner sheet is no nodule (a band, a fissure)
MIN_FILL = 0.75  # of the ellipsoid of its own axes: a strand, a fork, a ragged sheet below
MAX_EXITS = 0.25  # vessel exits at both ends / cross-section: a vessel piece beyond
MIN_CONFIDENCE = 0.75
BRIDGE_MM = 3.0  # longest opaque neck between two parts of one lesion
MIN_LUNG_ML_CHEST = 400.0  # less aerated lung than this: not a chest study


@dataclass
class Detection:
    chest: bool
    lung_volume_ml: float
    lungs: int
    nodules: list[Nodule] = field(default_factory=list)
    candidates: int = 0
    reason: str = ""
    lung_place: tuple | None = None  # LungMask.place(): centre, lowest, highest index


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
        if n is None or not is_nodule(hu, spacing, lungs, n):
            continue
        if any(_inside(m, np.round(n.centre_voxel).astype(int)) for m in found):
            continue
        found = _add(hu, spacing, found, n)
    found.sort(key=lambda n: -n.mean_mm)
    return Detection(True, lungs.volume_ml, lungs.lungs, found, len(cands),
                     lung_place=lungs.place())  # fmt: skip


def is_nodule(hu, spacing, lungs, n: Nodule) -> bool:
    """A measured region is reported: large enough, a nodule's shape, confident, and
    not a piece of a vessel."""
    if n.mean_mm < MIN_REPORT_MM or not _nodule_shape(n) or n.confidence < MIN_CONFIDENCE:
        return False
    return not _vessel_piece(hu, spacing, lungs, n)


def _nodule_shape(n: Nodule) -> bool:
    """A sphere, a disc or a plate that fills most of the ellipsoid of its own axes (on
    more than one slice: a region on one slice has no measurable depth); not a tube, a
    thin sheet, a fork or a ragged strand."""
    if n.slices[1] <= n.slices[0]:
        return False
    s = n.shape
    return s.tube <= MAX_TUBE and s.plate <= MAX_PLATE and s.fill >= MIN_FILL


def _vessel_piece(hu, spacing, lungs, n: Nodule) -> bool:
    """The region runs on at both ends of its long axis into vessel-density tissue
    about as wide as itself: a piece of a vessel (``shape.region_shape``'s exits)."""
    from inference.chest.shape import region_shape, shell_box

    box = shell_box(n.box, hu.shape, spacing)
    inside = lungs.at(*(np.arange(b.start, b.stop) for b in box))
    mask = _place(n, box)
    n.shape = region_shape(mask, spacing, hu[box], inside)
    return n.shape.exits >= MAX_EXITS


def _inside(n: Nodule, zyx) -> bool:
    local = [int(zyx[i]) - n.box[i].start for i in range(3)]
    if any(v < 0 or v >= s for v, s in zip(local, n.mask.shape, strict=True)):
        return False
    return bool(n.mask[tuple(local)])


def _add(hu, spacing, found: list[Nodule], n: Nodule) -> list[Nodule]:
    """``found`` with ``n`` added; every found nodule that ``n`` touches is the same lesion
    found in parts (a lobulated nodule, possibly in more than two): measured whole."""
    touching = [m for m in found if _touch(hu, spacing, m, n)]
    for m in touching:
        n = _merge(hu, spacing, m, n)
    return [m for m in found if not any(m is t for t in touching)] + [n]


def _union_box(a: Nodule, b: Nodule):
    return tuple(
        slice(min(a.box[i].start, b.box[i].start), max(a.box[i].stop, b.box[i].stop))
        for i in range(3)
    )


def _place(n: Nodule, box) -> np.ndarray:
    out = np.zeros([b.stop - b.start for b in box], bool)
    out[tuple(slice(n.box[i].start - box[i].start, n.box[i].stop - box[i].start)
              for i in range(3))] = n.mask  # fmt: skip
    return out


def _touch(hu, spacing, a: Nodule, b: Nodule) -> bool:
    """The two regions overlap, or are joined by a bridge of opacity (above the
    ground-glass threshold) no longer than ``BRIDGE_MM`` (the neck between two lobes
    that the vessel-cutting opening removed); aerated lung between them: two nodules."""
    from scipy import ndimage

    from inference.chest.measure import GG_THRESHOLD

    pad = [int(np.ceil(BRIDGE_MM / s)) for s in spacing]
    if any(a.box[i].stop + pad[i] < b.box[i].start or b.box[i].stop + pad[i] < a.box[i].start
           for i in range(3)):  # fmt: skip
        return False
    box = _union_box(a, b)
    ma, mb = _place(a, box), _place(b, box)
    if (ma & mb).any():
        return True
    near_a = ndimage.distance_transform_edt(~ma, sampling=spacing) <= BRIDGE_MM
    near_b = ndimage.distance_transform_edt(~mb, sampling=spacing) <= BRIDGE_MM
    bridge = near_a & near_b & (hu[box] > GG_THRESHOLD)
    labels, _ = ndimage.label(ma | mb | bridge, np.ones((3, 3, 3), bool))
    return bool(np.intersect1d(labels[ma], labels[mb]).size)


def _merge(hu, spacing, a: Nodule, b: Nodule) -> Nodule:
    """One nodule from two touching regions: type and solid core of the larger part."""
    from inference.chest.measure import describe

    box = _union_box(a, b)
    mask = _place(a, box) | _place(b, box)
    big = a if a.volume_mm3 >= b.volume_mm3 else b
    n = describe(hu[box].astype(np.float32), mask, box, spacing, big.kind, big.solid_mm, 1.0)
    n.confidence = max(a.confidence, b.confidence)
    return n
