"""Slide tiles and overlay merged into one image while panning: always the per-tile pixels.

Each case waits for the final state (every tile drawn, the merged image built),
grabs the frame, then grabs it again painted tile by tile with no composite,
and asks for the same pixels.  Slide: the small generated pyramid; detections:
synthetic octagons.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.wsi.test_qt_overlay_composite import composite_and_tiles, pixels, settle

pytest.importorskip("pytestqt")


def same_frame(canvas, tolerance: int = 0) -> np.ndarray:
    composite, tiles = composite_and_tiles(canvas)
    diff = np.abs(composite.astype(int) - tiles.astype(int)).max()
    assert diff <= tolerance, f"merged frame differs from the tiles by {diff} levels"
    return composite


def show(viewer, n=60_000, seed=11):
    from viewers.wsi.detections import synthetic

    viewer.show_nuclei(synthetic(n, (0, 0, 4096, 3072), radius=6.0, seed=seed), "test 1.0")


@pytest.mark.parametrize("ds", [1.0, 2.7, 4.0])  # level 0, level 0 smoothly scaled, level 1
def test_merged_frame_after_pans(qtbot, viewer, ds):
    canvas = viewer.canvas
    show(viewer)
    # Qt's smooth scaling starts its sampling where the tile is clipped (the widget's edge,
    # the merged image's edge): a level or so apart, as any pan of the plain slide already is
    tol = 0 if canvas.source.level_downsamples[canvas.level()] == ds else 1
    canvas.vp.downsample = ds
    canvas.vp.center_on(1500, 1200)
    settle(qtbot, canvas)
    first = same_frame(canvas, tol)
    canvas.vp.pan(-333.5, -187.25)  # past the composite's spare tiles: a new one is built
    settle(qtbot, canvas)
    assert (same_frame(canvas, tol) != first).any()
    canvas.vp.pan(333.5, 187.25)
    settle(qtbot, canvas)
    back = same_frame(canvas, tol)  # back where it was, the same pixels
    assert np.abs(back.astype(int) - first.astype(int)).max() <= tol


def test_merged_frame_follows_added_and_removed_detections(qtbot, viewer):
    from viewers.wsi.detections import synthetic
    from viewers.wsi.overlays import DetectionLayer

    canvas = viewer.canvas
    show(viewer)
    canvas.vp.downsample = 2.0
    canvas.vp.center_on(2048, 1536)
    settle(qtbot, canvas)
    before = same_frame(canvas)
    extra = synthetic(5000, (1000, 800, 2000, 1500), radius=10.0, seed=12)
    canvas.overlays.add_detections(DetectionLayer(extra, "imported"))
    settle(qtbot, canvas)
    added = same_frame(canvas)
    assert (added != before).any(axis=2).mean() > 0.01  # the new outlines are on screen
    canvas.overlays.detections = [d for d in canvas.overlays.detections if d.name != "imported"]
    canvas.overlays.invalidate()
    settle(qtbot, canvas)
    assert (same_frame(canvas) == before).all()


def test_merged_frame_follows_visibility_opacity_and_the_heatmap(qtbot, viewer):
    canvas = viewer.canvas
    show(viewer)
    canvas.vp.downsample = 2.0
    canvas.vp.center_on(2048, 1536)
    settle(qtbot, canvas)
    shown = same_frame(canvas)
    overlays, nuclei = canvas.overlays, canvas.overlays.layer("nuclei")
    nuclei.visible = False  # nothing to merge: the plain slide, as without detections
    settle(qtbot, canvas, composite=False)
    assert not overlays.with_slide
    hidden = pixels(canvas)
    assert (hidden != shown).any(axis=2).mean() > 0.01
    nuclei.visible = True
    settle(qtbot, canvas)
    assert (same_frame(canvas) == shown).all()
    nuclei.opacity = 0.4  # a new composite; blended once, as the tiles are on screen (+-1)
    settle(qtbot, canvas)
    faint = same_frame(canvas, tolerance=1)
    assert np.abs(faint.astype(int) - shown.astype(int)).max() > 20
    overlays.hidden = True  # H: every overlay off, the slide alone
    settle(qtbot, canvas, composite=False)
    assert not overlays.from_composite and not overlays.with_slide
    assert (pixels(canvas) != shown).any(axis=2).mean() > 0.01
    overlays.hidden = False
    mask = np.zeros((12, 16), bool)
    mask[3:9, 4:12] = True
    viewer.show_tissue(mask, 256.0)  # the tissue outline goes over the merged image
    settle(qtbot, canvas)
    outlined = same_frame(canvas, tolerance=1)
    assert (outlined != faint).any(axis=2).mean() > 0.001
    values = np.linspace(0, 1, 12 * 16, dtype=np.float32).reshape(12, 16)
    viewer.show_density(values, 256.0, "test 1.0", visible=True)
    # a heatmap goes between the slide and the detections: composite only, not merged
    qtbot.waitUntil(lambda: (canvas.repaint(), overlays.from_composite)[1], timeout=60_000)
    settle(qtbot, canvas, composite=False)
    assert overlays.from_composite and not overlays.with_slide
    composite = pixels(canvas)
    overlays.use_composite = False
    try:
        tiles = pixels(canvas)
    finally:
        overlays.use_composite = True
    assert (composite == tiles).all()


def test_the_view_is_one_image_before_the_tiles_around_it_are_drawn(qtbot, viewer, monkeypatch):
    """Right after a zoom or a new layer, a composite of the drawn tiles in view goes up first."""
    from viewers.wsi.overlay_composite import MARGIN

    canvas = viewer.canvas
    overlays = canvas.overlays
    show(viewer)
    canvas.vp.downsample = 1.0
    canvas.vp.center_on(2048, 1536)
    need, limit = overlays._plan(canvas.vp)[4:]
    want = overlays._want

    def view_only(items):  # the tiles around the view are never drawn meanwhile
        want([it for it in items if need.contains(_span_of(it[0]))])

    monkeypatch.setattr(overlays, "_want", view_only)
    settle(qtbot, canvas)
    comp = overlays._composer.current
    assert comp.span == need  # the view alone: its margin is not drawn
    same_frame(canvas)
    monkeypatch.setattr(overlays, "_want", want)
    qtbot.waitUntil(
        lambda: (canvas.repaint(), overlays._composer.current.span != need)[1], timeout=60_000
    )
    settle(qtbot, canvas)
    assert overlays._composer.current.span == need.grown(MARGIN, limit)  # then the margin too
    same_frame(canvas)


def _span_of(key):
    from viewers.wsi.overlay_composite import Span

    _id, _gen, _z, col, row = key
    return Span(col, row, col, row)
