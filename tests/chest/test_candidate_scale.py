"""Blob candidates at the finest scale, on small SYNTHETIC volumes (lung -860 HU, scanner
blur, noise 18 HU): a ground glass with a small solid core, whose blob response peaks
below the smallest candidate scale, is still a candidate."""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from inference.chest import candidates as ca
from inference.chest.lungmask import LungMask

SP = (1.5, 1.4, 1.4)
SHAPE = (31, 45, 45)
CENTRE = (15, 22, 22)


def _volume(parts, rng):
    z, y, x = np.indices(SHAPE).astype(float)
    z, y, x = ((a - c) * s for a, c, s in zip((z, y, x), CENTRE, SP, strict=True))
    hu = np.full(SHAPE, -860.0, np.float32)
    for shape_fn, value in parts:
        hu[shape_fn(z, y, x)] = value
    hu = ndimage.gaussian_filter(hu, (0.5 / SP[0], 0.6 / SP[1], 0.6 / SP[2]))
    return hu + rng.normal(0, 18, hu.shape).astype(np.float32)


def _found(parts, draws=10):
    lungs = LungMask(np.ones(SHAPE, bool), 1, 1000.0, 1)
    rng = np.random.default_rng(0)
    hits = 0
    for _ in range(draws):
        out = ca.find_candidates(_volume(parts, rng), SP, lungs)
        hits += any(np.linalg.norm(np.subtract(c.zyx, CENTRE) * SP) < 4 for c in out)
    return hits


def test_a_ground_glass_with_a_small_solid_core_is_a_candidate(monkeypatch):
    parts = [
        (lambda z, y, x: (z / 3.5) ** 2 + (y / 4.3) ** 2 + (x / 4.6) ** 2 <= 1, -600.0),
        (lambda z, y, x: z**2 + y**2 + x**2 <= 2.0**2, 40.0),  # a 4 mm solid core
    ]
    assert _found(parts) == 10
    monkeypatch.setattr(ca, "RISE_KEPT", 1e9)  # a maximum over every level only
    assert _found(parts) <= 7


def test_a_small_scale_candidate_on_a_large_ground_glass_measures_it_whole():
    """A 26 x 22 mm ground glass seen first by a 4.5 mm blob candidate (a lobe): the
    box grows until the nodule fits (it ran out of the box twice as large)."""
    from inference.chest.candidates import Candidate
    from inference.chest.measure import measure

    shape = (27, 61, 61)
    centre = (13, 30, 30)
    z, y, x = (
        (a - c) * s for a, c, s in zip(np.indices(shape).astype(float), centre, SP, strict=True)
    )
    hu = np.full(shape, -860.0, np.float32)
    hu[(z / 8.0) ** 2 + (y / 11.0) ** 2 + (x / 13.0) ** 2 <= 1] = -600.0
    hu = ndimage.gaussian_filter(hu, (0.5 / SP[0], 0.6 / SP[1], 0.6 / SP[2]))
    lungs = LungMask(np.ones(shape, bool), 1, 1000.0, 1)
    n = measure(hu, SP, lungs, Candidate(centre, 2.25, 100.0, 0.5))
    assert n is not None and n.kind == "ground-glass"
    assert abs(n.long_mm - 26.0) < 1.5 and abs(n.short_mm - 22.0) < 1.5
