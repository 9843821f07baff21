"""Nodule candidates in the lung mask: multi-scale blob ("dot") enhancement.

On a working grid of about 1.5 mm, with everything outside the lung mask set to
the parenchyma level (so the chest wall and mediastinum give no edges), a
difference-of-Gaussians scale space (scale-normalised Laplacian) gives bright
blobs; each space-scale maximum is then tested with the Hessian of its scale:
a dot has three strongly negative eigenvalues, a vessel (tube) only two, a
wall one (Li, Sone, Doi 2003).  A candidate keeps its scale (radius ~ sigma * sqrt(3)).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SIGMAS_MM = (0.9, 1.3, 1.9, 2.8, 4.2, 6.3, 9.4)  # blobs of about 4.5 to 33 mm diameter
MIN_RESPONSE_HU = 28.0  # DoG response of a faint ground-glass blob
RISE_KEPT = 0.6  # see ``_maxima``
RESOLVED_MM = 1.5  # a working grid this fine resolves the finest level (0.6 voxel)
MIN_DOT = 0.28  # |smallest| / |largest| Hessian eigenvalue: tubes are ~0


@dataclass
class Candidate:
    zyx: tuple[int, int, int]  # full-grid voxel
    radius_mm: float
    response: float
    dot: float  # eigenvalue ratio (1 = perfect sphere)


def _grid(spacing):
    sz, sy, sx = spacing
    fy = max(1, int(round(1.5 / sy)))
    fz = max(1, int(round(1.5 / sz)))
    return fz, fy


def _hessian_ratio(g: np.ndarray, p, sp) -> tuple[float, bool]:
    """(|l_min| / |l_max|, all negative) of the Hessian of ``g`` at voxel ``p``."""
    z, y, x = p
    h = np.zeros((3, 3))
    idx = np.array([z, y, x])
    shape = np.array(g.shape)
    if np.any(idx < 1) or np.any(idx > shape - 2):
        return 0.0, False
    c = g[z, y, x]
    for i in range(3):
        e = np.eye(3, dtype=int)[i]
        h[i, i] = (g[tuple(idx + e)] - 2 * c + g[tuple(idx - e)]) / sp[i] ** 2
        for j in range(i + 1, 3):
            f = np.eye(3, dtype=int)[j]
            v = (g[tuple(idx + e + f)] - g[tuple(idx + e - f)] - g[tuple(idx - e + f)]
                 + g[tuple(idx - e - f)]) / (4 * sp[i] * sp[j])  # fmt: skip
            h[i, j] = h[j, i] = v
    lam = np.linalg.eigvalsh(h)
    mags = np.abs(lam)
    return float(mags.min() / max(mags.max(), 1e-9)), bool(np.all(lam < 0))


def _patch_hessian(w, p, sp, sigma):
    """``_hessian_ratio`` at ``p`` of ``w`` smoothed at ``sigma`` mm, on a patch only
    (no whole smoothed volume kept per scale)."""
    from scipy import ndimage

    r = [int(np.ceil(4 * sigma / s)) + 2 for s in sp]
    lo = [max(0, p[i] - r[i]) for i in range(3)]
    hi = [min(w.shape[i], p[i] + r[i] + 1) for i in range(3)]
    patch = w[lo[0] : hi[0], lo[1] : hi[1], lo[2] : hi[2]]
    g = ndimage.gaussian_filter(patch, [sigma / s for s in sp], mode="nearest")
    return _hessian_ratio(g, tuple(p[i] - lo[i] for i in range(3)), sp)


def find_candidates(hu, spacing, lungs, state=None) -> list[Candidate]:
    """Blob candidates inside ``lungs`` (a ``LungMask``)."""
    from scipy import ndimage

    fz, fy = _grid(spacing)
    m = lungs.mask
    zs, ys, xs = (np.flatnonzero(m.any(axis=a)) for a in ((1, 2), (0, 2), (0, 1)))
    if not len(zs):
        return []
    pad = 12  # mm of margin around the lungs (juxta-pleural nodules, large blobs)
    st = lungs.step
    z0 = max(0, zs[0] - int(pad / spacing[0]))
    z1 = min(hu.shape[0], zs[-1] + 1 + int(pad / spacing[0]))
    y0, y1 = max(0, (ys[0] - 8) * st), min(hu.shape[1], (ys[-1] + 9) * st)
    x0, x1 = max(0, (xs[0] - 8) * st), min(hu.shape[2], (xs[-1] + 9) * st)
    # working grid: block means (noise down) of fz x fy x fy voxels
    nz, ny, nx = (z1 - z0) // fz, (y1 - y0) // fy, (x1 - x0) // fy
    box = hu[z0 : z0 + nz * fz, y0 : y0 + ny * fy, x0 : x0 + nx * fy]
    w = np.zeros((nz, ny, nx), np.float32)  # summed block by block: no full-size temporary
    for a in range(fz):
        for b in range(fy):
            for c in range(fy):
                w += box[a::fz, b::fy, c::fy]
    w /= fz * fy * fy
    wm = lungs.at(
        np.arange(nz) * fz + z0 + fz // 2,
        np.arange(ny) * fy + y0 + fy // 2,
        np.arange(nx) * fy + x0 + fy // 2,
    )
    level = float(np.median(w[wm])) if wm.any() else -860.0
    w[~wm] = level
    sp = (spacing[0] * fz, spacing[1] * fy, spacing[2] * fy)
    out: list[Candidate] = []
    prev_g = ndimage.gaussian_filter(w, [SIGMAS_MM[0] / s for s in sp])
    dogs: list[np.ndarray] = []
    ratio = SIGMAS_MM[-1] / SIGMAS_MM[-2]
    for i in range(1, len(SIGMAS_MM) + 1):
        if state is not None:
            state.check()
            state.progress(0.25 + 0.4 * i / len(SIGMAS_MM), "nodule candidates")
        s_next = SIGMAS_MM[i] if i < len(SIGMAS_MM) else SIGMAS_MM[-1] * ratio
        g = ndimage.gaussian_filter(w, [s_next / s for s in sp])
        dogs.append((prev_g - g) / (s_next / SIGMAS_MM[i - 1] - 1))
        prev_g = g
        if len(dogs) == 3 or (i == len(SIGMAS_MM) and len(dogs) >= 2):
            k = 1 if len(dogs) == 3 else len(dogs) - 1
            finest = i == 3 and max(sp) <= RESOLVED_MM  # the finest level resolved
            _maxima(dogs, w, k, finest, wm, sp, SIGMAS_MM[i - len(dogs) + k], out,
                    (z0, y0, x0), (fz, fy))  # fmt: skip
            if len(dogs) == 3:
                dogs.pop(0)
    return out


def _maxima(dogs, w, k, finest, wm, sp, sigma, out, origin, factors):
    """Space-scale maxima of ``dogs[k]``.  ``finest``: ``dogs[0]`` is the finest level
    (blobs under ~4.5 mm), never a candidate scale; a blob whose response still rises
    toward it but stays strong two levels up (``RISE_KEPT``: it extends beyond the
    finest scale, e.g. a flat nodule, whose thickness sets its scale, or a ground glass
    with a small solid core) is taken here; a small vessel's cross-section falls off.
    Only where the working grid resolves the finest level (sigma >= 0.6 voxel: slices
    of 1.5 mm or thinner); on a coarser grid that level is partial volume and noise."""
    from scipy import ndimage

    d = dogs[k]
    peak = (d == ndimage.maximum_filter(d, size=3)) & (d > MIN_RESPONSE_HU) & wm
    for j in range(len(dogs)):  # a maximum over scale too
        if j != k and not (finest and j == 0):
            peak &= d >= dogs[j]
    if finest:
        peak &= (d >= dogs[0]) | (dogs[2] >= RISE_KEPT * dogs[0])
    fz, fy = factors
    for p in np.argwhere(peak):
        dot, negative = _patch_hessian(w, tuple(p), sp, sigma)
        if not negative or dot < MIN_DOT:
            continue
        full = (origin[0] + p[0] * fz + fz // 2, origin[1] + p[1] * fy + fy // 2,
                origin[2] + p[2] * fy + fy // 2)  # fmt: skip
        out.append(Candidate(full, sigma * np.sqrt(3), float(d[tuple(p)]), dot))
