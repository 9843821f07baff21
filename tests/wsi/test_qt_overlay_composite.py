"""The overlay drawn as one composite image while panning, the same pixels as its tiles."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")


def settle(qtbot, canvas, composite=True):
    """Repaint until the frame is final: every slide and overlay tile drawn, nothing queued,
    and (``composite``) the overlay drawn as one composite of the view merged with the slide."""
    overlays = canvas.overlays

    def final():
        canvas.repaint()
        done = overlays.pending == 0 and not canvas.loader.pending and overlays.missing == 0
        return done and (overlays.with_slide or not composite)

    qtbot.waitUntil(final, timeout=60_000)


def pixels(canvas) -> np.ndarray:
    from PySide6.QtGui import QImage

    img = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.width(), 4)
    return arr[..., :3].copy()


def composite_and_tiles(canvas) -> tuple[np.ndarray, np.ndarray]:
    """The frame drawn from the composite, then from the overlay's tiles one by one."""
    overlays = canvas.overlays
    composite = pixels(canvas)
    assert overlays.from_composite and overlays.with_slide
    overlays.use_composite = False  # no composite can be rebuilt and drawn meanwhile
    try:
        tiles = pixels(canvas)
        assert not overlays.from_composite and overlays.missing == 0
    finally:
        overlays.use_composite = True
    return composite, tiles


@pytest.mark.parametrize(
    "downsample", [0.5, 2.0, 5.3, 6.0, 12.0]
)  # vector tiles, outlines, outlines scaled, dots
def test_pan_blits_one_composite_with_the_tiles_pixels(qtbot, viewer, downsample):
    from viewers.wsi.detections import synthetic

    canvas = viewer.canvas
    dets = synthetic(200_000, (0, 0, 4096, 3072), radius=4.0, seed=3)
    viewer.show_nuclei(dets, "test-analyzer 1.0")
    canvas.vp.downsample = downsample
    canvas.vp.center_on(2048, 1536)
    settle(qtbot, canvas)
    overlays = canvas.overlays
    assert overlays.from_composite
    composite, tiles = composite_and_tiles(canvas)
    assert (composite == tiles).all()  # the same edges, so the same nearest-neighbour pixels
    blue = (tiles[..., 2] > 150) & (tiles[..., 0] < 110)
    assert blue.mean() > 0.01  # the frame does show outlines or dots
    # a short pan (here by a fraction of a pixel too) stays on the composite, still the same
    canvas.vp.pan(40.5, 25.25)
    canvas.repaint()
    assert overlays.from_composite
    composite, tiles = composite_and_tiles(canvas)
    assert (composite == tiles).all()
    # a far jump paints per tile until a new one is built
    if downsample < 1:  # zoomed in, the composite covers a small part of this small slide
        canvas.vp.center_on(300, 300)
        canvas.repaint()
        assert not overlays.from_composite
        settle(qtbot, canvas)
        assert overlays.from_composite


def test_layer_opacity_change_is_not_drawn_from_a_stale_composite(qtbot, viewer):
    from viewers.wsi.detections import synthetic

    canvas = viewer.canvas
    viewer.show_nuclei(synthetic(50_000, (0, 0, 4096, 3072), seed=4), "test-analyzer 1.0")
    canvas.vp.downsample = 2.0
    settle(qtbot, canvas)
    assert canvas.overlays.from_composite
    canvas.overlays.layer("nuclei").opacity = 0.3
    canvas.repaint()
    assert not canvas.overlays.from_composite
    settle(qtbot, canvas)
    assert canvas.overlays.from_composite


def test_legend_counts_follow_a_new_classification():
    from viewers.wsi.detections import synthetic

    dets = synthetic(1000, (0, 0, 100, 100), seed=5)
    first = dets.class_counts().tolist()
    assert sum(first) == 1000
    dets.cls = np.ones(1000, np.int16)
    assert dets.class_counts().tolist() == [0, 1000]
