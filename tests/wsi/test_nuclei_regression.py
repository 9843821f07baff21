"""The nuclei found on fixed real tiles stay those recorded before the speed-up.

``data/nuclei_expected.npz`` holds the output of the previous implementation
(see ``nuclei_cases``): same nuclei in the same order, centroids and
measurements equal within float rounding, every outline within 1 px.
"""

from __future__ import annotations

import numpy as np
import pytest

from inference.wsi.nuclei import detect_nuclei
from tests.wsi.nuclei_cases import as_arrays, cases, expected

NAMES = ("full", "half_core", "cells", "mosaic")


def simplify(ring: np.ndarray) -> np.ndarray:
    """The previous per-contour simplification (nuclei 0.2.0), kept as the reference."""
    pts = ring[:-1] if len(ring) > 1 and np.array_equal(ring[0], ring[-1]) else ring
    if len(pts) < 4:
        return np.vstack([pts, pts[:1]])
    prev = np.empty_like(pts)  # np.roll, without its per-call overhead
    prev[0], prev[1:] = pts[-1], pts[:-1]
    nxt = np.empty_like(pts)
    nxt[-1], nxt[:-1] = pts[0], pts[1:]
    a = pts - prev
    b = nxt - pts
    keep = np.abs(a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]) > 1e-9
    pts = pts[keep] if keep.sum() >= 3 else pts
    return np.vstack([pts, pts[:1]])


def ring_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Largest distance from a vertex of one ring to the nearest vertex of the other."""
    d = np.hypot(*(a[:, None, :] - b[None, :, :]).transpose(2, 0, 1))
    return float(max(d.min(1).max(), d.min(0).max()))


@pytest.fixture(scope="module")
def all_cases(he_rgb):
    return cases(he_rgb)


@pytest.mark.parametrize("name", NAMES)
def test_same_nuclei_as_recorded(all_cases, name):
    want = expected(name)
    got = as_arrays(detect_nuclei(**all_cases[name]))
    assert len(got["centroids"]) == len(want["centroids"]) > 200
    np.testing.assert_allclose(got["centroids"], want["centroids"], rtol=0, atol=1e-6)
    np.testing.assert_allclose(got["measures"], want["measures"], rtol=1e-5, atol=1e-6)
    coords = np.cumsum(got["steps2"], axis=0) / 2.0
    for i in range(len(got["centroids"])):
        a = coords[got["offsets"][i] : got["offsets"][i + 1]]
        b = want["coords"][want["offsets"][i] : want["offsets"][i + 1]]
        assert ring_distance(a, b) <= 1.0, f"outline {i} moved"


def test_outlines_in_one_pass_are_find_contours_per_label():
    """Synthetic labels (noise blobs with holes, saddles, touching labels) vs scikit-image per label."""
    from scipy import ndimage as ndi
    from skimage.measure import find_contours, label

    from inference.wsi.outlines import label_outlines

    rng = np.random.default_rng(7)
    noise = ndi.gaussian_filter(rng.random((160, 200)), 1.5)
    labels = label(noise > np.percentile(noise, 55), connectivity=1)
    labels[rng.random(labels.shape) < 0.03] = 0  # pinholes and diagonal-only contacts
    labels[:, 100:] = np.where(labels[:, 100:] > 0, labels[:, 100:] + 1000, 0)  # touching labels
    wanted = np.zeros(labels.max() + 1, bool)
    present = np.unique(labels)[1:]
    wanted[present[::2]] = True
    ids, offsets, rings, perims, s_offsets, simple = label_outlines(labels, wanted)
    assert list(ids) == list(present[::2])
    objects = ndi.find_objects(labels)
    for i, lab in enumerate(ids):
        rs, cs = objects[lab - 1]
        padded = np.zeros((rs.stop - rs.start + 2, cs.stop - cs.start + 2), np.uint8)
        padded[1:-1, 1:-1] = labels[rs, cs] == lab
        ring = max(find_contours(padded, 0.5), key=len) + (rs.start - 1, cs.start - 1)
        np.testing.assert_array_equal(rings[offsets[i] : offsets[i + 1]], ring)
        assert perims[i] == pytest.approx(np.hypot(*np.diff(ring, axis=0).T).sum(), rel=1e-12)
        np.testing.assert_array_equal(simple[s_offsets[i] : s_offsets[i + 1]], simplify(ring))


def test_fill_holes_is_binary_fill_holes():
    from scipy import ndimage as ndi

    from inference.wsi.segment import fill_holes

    rng = np.random.default_rng(3)
    for k in range(12):  # synthetic masks: smoothed noise at several levels
        mask = ndi.gaussian_filter(rng.random((90, 120)), 2) > 0.46 + 0.01 * k
        np.testing.assert_array_equal(fill_holes(mask), ndi.binary_fill_holes(mask))
    assert not fill_holes(np.zeros((4, 4), bool)).any()
    assert fill_holes(np.ones((4, 4), bool)).all()
