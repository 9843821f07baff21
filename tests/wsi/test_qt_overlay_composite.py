"""The overlay drawn as one composite image while panning, the same pixels as its tiles."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")


def settle(qtbot, canvas):
    for _ in range(3):  # tiles first, then the composite assembled from them
        canvas.repaint()
        qtbot.waitUntil(
            lambda: canvas.overlays.pending == 0 and not canvas.loader.pending, timeout=30000
        )
    canvas.repaint()


def pixels(canvas) -> np.ndarray:
    from PySide6.QtGui import QImage

    img = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.width(), 4)
    return arr[..., :3].copy()


@pytest.mark.xfail(
    strict=False,
    reason="KNOWN DEFECT, open in issue 15: in the whole suite (not alone) the composite differed "
    "from the tile-by-tile frame on 1-11% of pixels at 6x or 12x: a composite assembled before every "
    "tile was redrawn, or a tile evicted before the second frame; root cause not yet known",
)
@pytest.mark.parametrize(
    "downsample", [0.5, 2.0, 6.0, 12.0]
)  # vector tiles, outlines, scaled, dots
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
    composite = pixels(canvas)
    overlays._composer.clear()  # the same frame from the cached tiles, one by one
    canvas.repaint()
    assert not overlays.from_composite
    tiles = pixels(canvas)
    assert (composite != tiles).any(axis=2).mean() < 0.002
    blue = (tiles[..., 2] > 150) & (tiles[..., 0] < 110)
    assert blue.mean() > 0.01  # the frame does show outlines or dots
    settle(qtbot, canvas)
    assert overlays.from_composite
    # a short pan stays on the composite; a far jump paints per tile until a new one is built
    canvas.vp.pan(40, 25)
    canvas.repaint()
    assert overlays.from_composite
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
