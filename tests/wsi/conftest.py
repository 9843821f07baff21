"""Fixtures for whole-slide tests: a small generated pyramid and the real H&E tile."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest


@pytest.fixture(scope="session")
def he_rgb() -> np.ndarray:
    from app.demo.slide import he_image

    try:
        return he_image()
    except FileNotFoundError:
        pytest.skip("tiatoolbox data/target_image.png is not installed")


@pytest.fixture(scope="session")
def small_slide(tmp_path_factory, he_rgb) -> Path:
    from app.demo.slide import build_small_slide

    return build_small_slide(tmp_path_factory.mktemp("slide") / "small.tiff")


@pytest.fixture
def source(small_slide):
    from app.slide import SlideSource, TileCache

    src = SlideSource(small_slide, cache=TileCache(64 * 2**20))
    yield src
    src.close()


@pytest.fixture
def viewer(qtbot, jobs, small_slide):
    """The slide viewer open on the small slide, closed after the test."""
    from tests.wsi.test_qt_annotation_tools import open_viewer

    v = open_viewer(qtbot, jobs, small_slide)
    yield v
    v.close()
