"""Segment and measure one nodule candidate on the full grid.

In a box around the candidate: the parenchyma level (median of low voxels in the
lung mask), a first region at -730 HU (half way between parenchyma and ground
glass) connected to the centre, cut off from vessels by an opening with a ball
of half the candidate's radius.  Its solid part (> -350 HU) decides the type:
none -> ground glass; nearly all of it -> solid (re-segmented half way between
parenchyma and the solid level, so the edge sits where the blurred step is
half way); otherwise part-solid (solid component segmented half way between the
ground-glass and solid levels).  Long axis and perpendicular short axis on the
axial slice of largest area, edge to edge, as Lung-RADS measures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from inference.chest.rules import GROUND_GLASS, PART_SOLID, SOLID
from inference.chest.shape import RegionShape

GG_THRESHOLD = -730.0
SOLID_THRESHOLD = -350.0
FULL_FILL = 0.8  # fill of the principal-axes ellipsoid that counts as fully compact
MAX_NODULE_MM = 30.0  # the largest nodule graded (Lung-RADS: a mass beyond)
NOTCH_PX = 3  # pleural notches up to 2 x this + 1 voxels wide are filled
RESTORE = 2.0  # shaved-off pieces ending within this x the opening ball are given back


@dataclass
class Nodule:
    centre_voxel: tuple[float, float, float]  # z, y, x (fractional)
    long_mm: float
    short_mm: float
    volume_mm3: float
    mean_hu: float
    kind: str
    solid_mm: float  # mean diameter of the solid component (part-solid)
    slices: tuple[int, int]  # first, last slice spanned
    confidence: float
    shape: RegionShape
    box: tuple[slice, slice, slice] = field(repr=False, default=None)
    mask: np.ndarray | None = field(repr=False, default=None)  # in ``box``

    @property
    def mean_mm(self) -> float:
        return (self.long_mm + self.short_mm) / 2


def _ball(radius_mm, sp):
    r = [max(1, int(np.floor(radius_mm / s))) for s in sp]
    z, y, x = np.ogrid[-r[0] : r[0] + 1, -r[1] : r[1] + 1, -r[2] : r[2] + 1]
    return (z * sp[0]) ** 2 + (y * sp[1]) ** 2 + (x * sp[2]) ** 2 <= radius_mm**2


def _opening(mask, radius_mm, sp):
    """``ndimage.binary_opening`` of ``mask`` by ``_ball(radius_mm)`` (outside the box is
    background), through two distance transforms: a large ball costs no more than a
    small one."""
    from scipy import ndimage

    padded = np.pad(mask, 1)
    eroded = ndimage.distance_transform_edt(padded, sampling=sp) > radius_mm
    if not eroded.any():
        return np.zeros_like(mask)
    opened = ndimage.distance_transform_edt(~eroded, sampling=sp) <= radius_mm
    return opened[1:-1, 1:-1, 1:-1]


def _component(region, seed):
    from scipy import ndimage

    if not region[seed]:
        near = np.argwhere(region)
        if not len(near):
            return None
        d = ((near - np.array(seed)) ** 2).sum(axis=1)
        if d.min() > 9:
            return None
        seed = tuple(near[int(np.argmin(d))])
    labels, _ = ndimage.label(region)
    return labels == labels[seed]


def axes_mm(mask2d: np.ndarray, sy: float, sx: float) -> tuple[float, float]:
    """(long, short) axes of a 2D region: the longest chord and the region's width
    perpendicular to it."""
    from scipy import ndimage

    edge = mask2d & ~ndimage.binary_erosion(mask2d)
    pts = np.argwhere(edge) * np.array([sy, sx])
    if len(pts) < 2:
        return sy, sx
    if len(pts) > 600:
        pts = pts[:: len(pts) // 600 + 1]
    d = ((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1)
    i, j = np.unravel_index(np.argmax(d), d.shape)
    u = (pts[j] - pts[i]) / max(np.sqrt(d[i, j]), 1e-9)
    perp = np.array([-u[1], u[0]])
    px_u = np.hypot(u[0] * sy, u[1] * sx)
    px_p = np.hypot(perp[0] * sy, perp[1] * sx)
    all_pts = np.argwhere(mask2d) * np.array([sy, sx])
    proj = all_pts @ perp
    # centre-to-centre plus half a pixel: the longest chord is the maximum over many
    # directions, so a whole pixel over-measures (checked on discs of 5-20 mm)
    return float(np.sqrt(d[i, j]) + px_u / 2), float(proj.max() - proj.min() + px_p / 2)


def _seg(box_hu, inside, thr, seed, open_mm, sp, spicules=False):
    """The region above ``thr`` connected to ``seed``; ``open_mm`` > 0: vessels cut off by
    an opening with a ball of that radius, or of 0.7 x the inscribed radius near the
    seed when larger (a thick vessel on a large nodule)."""
    from scipy import ndimage

    region = (box_hu > thr) & inside
    comp = _component(region, seed)
    if comp is None:
        return None
    if open_mm > 0:
        dist = ndimage.distance_transform_edt(comp, sampling=sp)
        z, y, x = np.ogrid[tuple(slice(0, n) for n in comp.shape)]
        near = ((z - seed[0]) * sp[0]) ** 2 + ((y - seed[1]) * sp[1]) ** 2 + (
            (x - seed[2]) * sp[2]
        ) ** 2 <= (2 * open_mm) ** 2
        r_in = float(dist[near].max()) if near.any() else 0.0
        ball = max(open_mm, 0.7 * r_in)
        opened = _opening(comp, ball, sp)
        comp2 = _component(opened, seed)
        if comp2 is not None:
            # give back the edge voxels the opening shaved off the nodule itself
            core = ndimage.binary_dilation(comp2, _ball(min(sp) * 1.01, sp)) & comp
            # a solid nodule's spicules: the pieces shaved off that end near it
            extra = _short_pieces(comp & ~core, core, RESTORE * ball, sp) if spicules else False
            comp = core | extra
    return ndimage.binary_fill_holes(comp)


def pleural_notches(inside: np.ndarray, reach: int = NOTCH_PX) -> np.ndarray:
    """``inside`` with the shallow notches of its edge filled, slice by slice: a voxel
    with the mask within ``reach`` voxels on both sides along a row, a column or a
    diagonal.  Where a nodule touches the pleura it fills the partial-volume layer
    that the lung mask (air-like voxels) has everywhere else along the pleura, so the
    nodule is segmented up to the pleura, as it is drawn and measured; a closing does
    not fill a notch one voxel deep in a straight or convex edge."""
    out = inside.copy()
    ny, nx = inside.shape[1:]
    for dy, dx in ((1, 0), (0, 1), (1, 1), (1, -1)):
        sides = []
        for sign in (1, -1):
            hit = np.zeros_like(inside)
            for d in range(1, reach + 1):
                oy, ox = sign * d * dy, sign * d * dx
                if abs(oy) >= ny or abs(ox) >= nx:
                    break
                # hit[y, x] |= inside[y + oy, x + ox]
                hit[:, max(0, -oy) : ny - max(0, oy), max(0, -ox) : nx - max(0, ox)] |= inside[
                    :, max(0, oy) : ny - max(0, -oy), max(0, ox) : nx - max(0, -ox)
                ]
            sides.append(hit)
        out |= sides[0] & sides[1]
    return out


def _short_pieces(rest, core, reach_mm, sp):
    """The pieces of ``rest`` that end within ``reach_mm`` of ``core``: spicules and
    lobulations the opening shaved off the nodule.  A vessel runs on past them (to
    the box edge) and is left out."""
    from scipy import ndimage

    if not rest.any():
        return rest
    far = ndimage.distance_transform_edt(~core, sampling=sp)
    labels, n = ndimage.label(rest, np.ones((3, 3, 3), bool))
    reach = ndimage.maximum(far, labels, np.arange(1, n + 1))
    keep = np.zeros(n + 1, bool)
    keep[1:] = np.asarray(reach) <= reach_mm
    return keep[labels]


def measure(hu, spacing, lungs, cand) -> Nodule | None:
    """Segment and measure; a region that runs out of its box is tried in larger boxes
    (a small-scale candidate on a larger nodule's core or lobe), up to one that holds
    the largest nodule graded (30 mm)."""
    for grow in (1.0, 2.2, 4.8):
        if grow == 4.8 and cand.radius_mm * 2.2 >= MAX_NODULE_MM / 2:
            break  # the box already held the largest nodule
        got = _measure(hu, spacing, lungs, cand, cand.radius_mm * grow)
        if got != "edge":
            return got
    return None


def _measure(hu, spacing, lungs, cand, radius):
    sp = spacing
    half = [int(np.ceil((1.7 * radius + 4) / s)) for s in sp]
    c = cand.zyx
    box = tuple(
        slice(max(0, c[i] - half[i]), min(hu.shape[i], c[i] + half[i] + 1)) for i in range(3)
    )
    bh = hu[box].astype(np.float32)
    inside = pleural_notches(lungs.at(*(np.arange(b.start, b.stop) for b in box)))
    seed = tuple(c[i] - box[i].start for i in range(3))
    low = bh[inside & (bh < -700)]
    bg = float(np.median(low)) if low.size > 20 else -860.0
    open_mm = 0.5 * radius
    total = _seg(bh, inside, GG_THRESHOLD, seed, open_mm, sp)
    if total is None or total.sum() < 4:
        return None
    vox = float(np.prod(sp))
    solid = total & (bh > SOLID_THRESHOLD)
    v_total, v_solid = total.sum() * vox, solid.sum() * vox
    d_total = 2 * (3 * v_total / (4 * np.pi)) ** (1 / 3)
    d_solid = 2 * (3 * v_solid / (4 * np.pi)) ** (1 / 3) if v_solid else 0.0
    solid_mm = 0.0
    if v_solid < 0.03 * v_total:
        kind = GROUND_GLASS
        gg_level = float(np.median(bh[total]))
        mask = _seg(bh, inside, (bg + gg_level) / 2, seed, open_mm, sp)
    elif d_solid >= d_total - 2.5:
        kind = SOLID
        s_level = float(np.percentile(bh[solid], 75))
        mask = _seg(bh, inside, (bg + s_level) / 2, seed, open_mm, sp, spicules=True)
    else:
        kind = PART_SOLID
        mask = total
        gg = bh[total & ~solid]
        gg_level = float(np.median(gg)) if gg.size else GG_THRESHOLD
        s_level = float(np.percentile(bh[solid], 75))
        core = _seg(bh, inside & total, (gg_level + s_level) / 2, seed, 0, sp)
        if core is not None and core.any():
            k = int(np.argmax(core.sum(axis=(1, 2))))
            sl, ss = axes_mm(core[k], sp[1], sp[2])
            area = core[k].sum() * sp[1] * sp[2]
            # a solid core is compact; vessels crossing a ground-glass nodule are not
            solid_mm = (sl + ss) / 2 if area >= 0.45 * np.pi / 4 * sl * sl else 0.0
    if kind == PART_SOLID and solid_mm < 1.0:  # solid voxels but no solid core (a vessel)
        kind = GROUND_GLASS
    if mask is None or mask.sum() < 4:
        return None
    edges = [mask[0].any(), mask[-1].any(), mask[:, 0].any(), mask[:, -1].any(),
             mask[:, :, 0].any(), mask[:, :, -1].any()]  # fmt: skip
    if sum(edges) >= 2:  # runs out of the box
        return "edge"
    return describe(bh, mask, box, sp, kind, solid_mm, cand.dot)


def describe(bh, mask, box, sp, kind, solid_mm, dot) -> Nodule:
    """Measure a segmented nodule ``mask`` (in ``box``; ``bh`` the HU of the box)."""
    areas = mask.sum(axis=(1, 2))
    k = int(np.argmax(areas))
    long_mm, short_mm = axes_mm(mask[k], sp[1], sp[2])
    from inference.chest.shape import region_shape

    centre = np.argwhere(mask).mean(axis=0) + [b.start for b in box]
    volume = float(mask.sum() * np.prod(sp))
    shape = region_shape(mask, sp)
    zs = np.flatnonzero(areas)
    # a dot at the candidate's scale, and a compact region (a sphere, a disc or a plate
    # alike: filled against the ellipsoid of its own axes; tubes are judged in detect)
    conf = 0.5 * min(1.0, dot / 0.6) + 0.5 * min(1.0, shape.fill / FULL_FILL)
    return Nodule(
        centre_voxel=tuple(float(v) for v in centre),
        long_mm=long_mm,
        short_mm=short_mm,
        volume_mm3=volume,
        mean_hu=float(bh[mask].mean()),
        kind=kind,
        solid_mm=solid_mm,
        slices=(int(zs[0] + box[0].start), int(zs[-1] + box[0].start)),
        confidence=round(float(conf), 2),
        shape=shape,
        box=box,
        mask=mask,
    )
