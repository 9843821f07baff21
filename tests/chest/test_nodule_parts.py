"""Nodule segmentation details on small SYNTHETIC volumes: spicules given back after the
vessel-cutting opening, and one lesion found in two parts measured as one."""

from __future__ import annotations

import numpy as np

from inference.chest import detect as det
from inference.chest import measure as ms

SP = (1.5, 1.4, 1.4)
LUNG, SOLID = -860.0, 40.0


def _grid(shape):
    z, y, x = np.indices(shape)
    return z * SP[0], y * SP[1], x * SP[2]


def _spiculated():
    """A 7 mm solid ball with a 1-voxel spicule 3 mm long (+x) and a 2 mm vessel
    running from it to the edge of the box (-y)."""
    shape = (21, 31, 31)
    z, y, x = _grid(shape)
    c = (10 * SP[0], 15 * SP[1], 15 * SP[2])
    hu = np.full(shape, LUNG, np.float32)
    nodule = (z - c[0]) ** 2 + (y - c[1]) ** 2 + (x - c[2]) ** 2 <= 3.5**2
    nodule[10, 15, 18:21] = True  # the spicule: x from 4.2 to 7 mm off the centre
    hu[nodule] = SOLID
    tube = ((z - c[0]) ** 2 + (x - c[2]) ** 2 <= 1.0**2) & (y < c[1])
    hu[tube] = SOLID
    return hu, nodule, (10, 15, 15)


def test_a_short_spicule_is_given_back_and_a_vessel_is_not():
    hu, nodule, seed = _spiculated()
    inside = np.ones(hu.shape, bool)
    thr = (LUNG + SOLID) / 2
    plain = ms._seg(hu, inside, thr, seed, 1.75, SP)
    spic = ms._seg(hu, inside, thr, seed, 1.75, SP, spicules=True)
    assert not plain[10, 15, 20]  # the opening shaved the spicule off
    assert spic[10, 15, 20]  # ... and it is given back
    assert not spic[10, 3, 15] and not plain[10, 3, 15]  # the vessel stays cut off
    assert not (spic & ~plain & ~nodule).any()  # what came back is the nodule's own


def _nodule(hu, mask, box):
    return ms.describe(hu[box], mask[box], box, SP, "ground-glass", 0.0, 1.0)


def _two_lobes(neck_hu):
    """Two ground-glass lobes (-600 HU) 2.8 mm apart, joined by a neck of ``neck_hu``."""
    shape = (21, 31, 51)
    z, y, x = _grid(shape)
    hu = np.full(shape, LUNG, np.float32)
    a = (z - 15) ** 2 + (y - 21.7) ** 2 + (x - 21) ** 2 <= 5.0**2
    b = (z - 15) ** 2 + (y - 21.7) ** 2 + (x - 33.6) ** 2 <= 5.0**2
    hu[a | b] = -600.0
    hu[8:12, 14:17, 19:21] = neck_hu  # x 26.6-28 mm: the gap of two voxels
    box_a = (slice(0, 21), slice(0, 31), slice(0, 20))
    box_b = (slice(0, 21), slice(0, 31), slice(20, 51))
    return hu, _nodule(hu, a, box_a), _nodule(hu, b, box_b)


def test_two_lobes_joined_by_an_opaque_neck_are_one_nodule():
    hu, a, b = _two_lobes(-600.0)
    assert det._touch(hu, SP, a, b)
    one = det._merge(hu, SP, a, b)
    assert one.long_mm > a.long_mm + 8 and one.long_mm > b.long_mm + 8
    assert one.volume_mm3 == a.volume_mm3 + b.volume_mm3
    assert one.kind == "ground-glass"


def test_two_nodules_with_aerated_lung_between_stay_two():
    hu, a, b = _two_lobes(LUNG)
    assert not det._touch(hu, SP, a, b)


def test_a_part_touching_two_found_parts_joins_them_all():
    hu, a, b = _two_lobes(-600.0)
    neck = np.zeros(hu.shape, bool)
    neck[8:12, 14:17, 19:21] = True
    box = (slice(0, 21), slice(0, 31), slice(0, 51))
    middle = _nodule(hu, neck, box)
    found = [a, b]  # two parts kept apart (found before the part that joins them)
    one = det._add(hu, SP, found, middle)
    assert len(one) == 1
    assert one[0].volume_mm3 == a.volume_mm3 + b.volume_mm3 + middle.volume_mm3
