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
