"""Nodule or vessel by the shape of the segmented region, on small SYNTHETIC volumes
(lung -860 HU, solid +40 HU, scanner blur, no noise): a flat nodule (a plate or a
disc, depth about half the width, as real LIDC-IDRI outlines often are) is kept; a
piece of a vessel and a bifurcation are not; a nodule with a vessel running into it,
or crossed by a small one, is kept.  And a juxta-pleural nodule is segmented up to
the pleura."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from inference.chest import detect as det
from inference.chest import measure as ms
from inference.chest.candidates import Candidate, _patch_hessian
from inference.chest.lungmask import LungMask
from inference.chest.shape import region_shape

SP = (1.5, 1.4, 1.4)
SHAPE = (31, 45, 45)
LUNG, SOLID = -860.0, 40.0
CENTRE = (15, 22, 22)


def _grid():
    z, y, x = np.indices(SHAPE).astype(float)
    c = np.multiply(CENTRE, SP)
    return z * SP[0] - c[0], y * SP[1] - c[1], x * SP[2] - c[2]


def _segment(p0, p1, r):
    """A cylinder of radius ``r`` mm from ``p0`` to ``p1`` (mm from the centre, z y x)."""
    z, y, x = _grid()
    p0, p1 = np.asarray(p0, float), np.asarray(p1, float)
    d = (p1 - p0) / np.linalg.norm(p1 - p0)
    rel = np.stack([z - p0[0], y - p0[1], x - p0[2]], -1)
    t = np.clip(rel @ d, 0, np.linalg.norm(p1 - p0))
    return np.linalg.norm(rel - t[..., None] * d, axis=-1) <= r


def _ellipsoid(cz, cy, cx):
    z, y, x = _grid()
    return (z / cz) ** 2 + (y / cy) ** 2 + (x / cx) ** 2 <= 1


def _measured(obj, radius_mm, hu_obj=SOLID):
    """(hu, lungs, nodule) for ``obj`` measured from a candidate at the centre with the
    Hessian dot of its own scale, as the detector does."""
    hu = np.full(SHAPE, LUNG, np.float32)
    hu[obj] = hu_obj
    hu = ndimage.gaussian_filter(hu, (0.5 / SP[0], 0.6 / SP[1], 0.6 / SP[2]))
    lungs = LungMask(np.ones(SHAPE, bool), 1, 1000.0, 1)
    dot, _ = _patch_hessian(hu, CENTRE, SP, radius_mm / np.sqrt(3))
    n = ms.measure(hu, SP, lungs, Candidate(CENTRE, radius_mm, 100.0, dot))
    assert n is not None and n != "edge"
    return hu, lungs, n


@pytest.mark.parametrize("axes", [(2.5, 4.5, 5.5), (2.2, 5.5, 5.5)], ids=["plate", "disc"])
def test_a_flat_nodule_is_kept(axes):
    hu, lungs, n = _measured(_ellipsoid(*axes), 3.5)
    assert n.shape.plate > 1.7 and n.shape.tube < 1.3 and n.shape.fill > 0.9
    # compactness against a sphere of its long axis (the old test) would drop it
    assert n.volume_mm3 / (np.pi / 6 * n.long_mm**3) < 0.45
    assert det.is_nodule(hu, lungs=lungs, spacing=SP, n=n)
    assert n.shape.exits < 0.05


def test_a_piece_of_a_vessel_is_not_a_nodule():
    """A thicker stretch of a vessel that runs on at both ends to the box edges."""
    vessel = _segment((0, 0, -30), (0, 0, 30), 1.8) | _segment((-2, 0, -6), (2, 0, 6), 2.4)
    hu, lungs, n = _measured(vessel, 2.5)
    assert det._vessel_piece(hu, SP, lungs, n)
    assert n.shape.exits >= det.MAX_EXITS
    assert not det.is_nodule(hu, SP, lungs, n)


def test_a_bifurcation_is_not_a_nodule():
    """A parent vessel splitting in two: a tube by its axes and running on at both ends."""
    fork = (_segment((0, 0, 0), (0, 0, 30), 2.2) | _segment((0, 0, 0), (5, 25, -20), 1.7)
            | _segment((0, 0, 0), (-5, -25, -20), 1.7))  # fmt: skip
    hu, lungs, n = _measured(fork, 2.5)
    assert n.shape.tube > det.MAX_TUBE
    assert det._vessel_piece(hu, SP, lungs, n)
    assert not det.is_nodule(hu, SP, lungs, n)


def test_a_nodule_with_a_vessel_running_into_it_or_crossing_it_is_kept():
    ball = _ellipsoid(4.5, 4.5, 4.5)
    into = ball | _segment((0, 0, 0), (0, 30, 0), 1.0)
    hu, lungs, n = _measured(into, 4.0)
    assert n.shape.exits < 0.05 and det.is_nodule(hu, SP, lungs, n)
    ggo = _ellipsoid(7.0, 8.0, 10.0)  # a large ground glass, longest along x
    hu = np.full(SHAPE, LUNG, np.float32)
    hu[ggo] = -600.0
    hu[_segment((0, 0, -40), (0, 0, 40), 1.0)] = SOLID  # a small vessel right through it
    shape = region_shape(ggo, SP, hu, np.ones(SHAPE, bool))
    assert 0 < shape.exits < det.MAX_EXITS  # two exits, each much narrower than the nodule


def test_a_juxta_pleural_nodule_is_segmented_up_to_the_pleura():
    """The lung mask leaves out the partial-volume voxels where the nodule meets the
    chest wall (a notch one voxel deep); the pleural notches are filled back."""
    inside = np.zeros((1, 13, 17), bool)
    inside[0, :, :12] = True
    inside[0, 5:8, 11] = False  # the nodule fills the last lung column here
    filled = ms.pleural_notches(inside)
    assert filled[0, 5:8, 11].all()
    assert not (filled & ~inside)[0, :, 12:].any()  # the chest wall stays out
    assert not (filled & ~inside)[0, :, :11].any()
