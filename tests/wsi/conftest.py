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


@pytest.fixture(autouse=True)
def _collect_between_tests():
    """Python's cyclic GC never runs inside Qt internals during a slide test.

    Seen once here: a queued job callback emitted a signal whose pytest-qt slot disconnected;
    PySide ran Python inside ``QObject::disconnect``, the GC collected an unparented QObject
    whose destructor took the signal-slot mutex that very thread held: a deadlock. Garbage is
    collected between tests instead, outside any Qt call.
    """
    import gc

    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
