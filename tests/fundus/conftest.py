"""Fundus cases: scikit-image's real photos (CC0) and SYNTHETIC copies built from
them (inference/fundus/synthetic.py); each analysed once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def normal():
    from inference.fundus import synthetic

    return synthetic.normal_photo()


@pytest.fixture(scope="session")
def normal_result(normal):
    from inference.fundus.analysis import analyze_pixels

    return analyze_pixels(normal)


@pytest.fixture(scope="session")
def lesion_results():
    from inference.fundus import synthetic
    from inference.fundus.analysis import analyze_pixels

    return [
        (name, painted, expected, analyze_pixels(img, "OS"))
        for name, img, painted, expected in synthetic.lesion_set()
    ]
