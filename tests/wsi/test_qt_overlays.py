"""Overlay layers: a million detections (raster when zoomed out, vectors when in), heatmap, mask."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")


ANALYZER = "test-analyzer 9.9"


@pytest.fixture(scope="module")
def million():
    from viewers.wsi.detections import synthetic

    return synthetic(1_000_000, (0, 0, 4096, 3072), radius=3.0, seed=1)


def settle(qtbot, canvas):
    canvas.repaint()
    qtbot.waitUntil(lambda: canvas.overlays.pending == 0, timeout=60_000)
    canvas.repaint()


def test_grid_index_finds_what_a_brute_force_scan_finds(million):
    box = (1000.0, 700.0, 1300.0, 900.0)
    got = set(million.query(*box).tolist())
    for b in (box, (0, 0, 4096, 3072), (-50, -50, 10, 10), (5000, 5000, 6000, 6000)):
        assert million.count_in(*b) == len(million.query(*b))
    b = million.boxes
    touching = (b[:, 2] >= box[0]) & (b[:, 0] <= box[2]) & (b[:, 3] >= box[1]) & (b[:, 1] <= box[3])
    assert set(np.nonzero(touching)[0].tolist()) <= got
    assert len(got) < 3 * touching.sum()  # the index does not return the whole slide


def test_million_detections_raster_when_out_vectors_when_in(qtbot, viewer, million):
    canvas = viewer.canvas
    viewer.show_nuclei(million, ANALYZER)
    assert len(canvas.overlays.layer("nuclei").data) == 1_000_000
    canvas.fit()
    settle(qtbot, canvas)
    assert canvas.overlays.last_path == "raster"
    assert len(canvas.overlays._tiles) > 0  # cached raster tiles painted the frame
    img = canvas.grab().toImage()
    sx, sy = (int(v) for v in canvas.vp.to_screen(2048, 1536))

    def overlay_colour(c):
        return (c.red() > 150 and c.green() < 60) or (c.blue() > 150 and c.red() < 110)

    hits = sum(
        overlay_colour(img.pixelColor(sx + dx, sy + dy))
        for dx in range(-40, 41, 4)
        for dy in range(-40, 41, 4)
    )
    assert hits > 200  # of 441: the dense field is covered by nucleus outlines
    canvas.vp.downsample = 0.25
    canvas.vp.center_on(2048, 1536)
    canvas.repaint()
    assert canvas.overlays.last_path == "vector"  # first frame: outlines drawn as vectors
    first = canvas.grab().toImage()
    settle(qtbot, canvas)
    # then cached as tiles at the exact zoom (drawn off the UI thread), so a pan only blits
    assert any(k[2] == 0.25 for k in canvas.overlays._tiles)
    tiled = canvas.grab().toImage()
    cx, cy = (int(v) for v in canvas.vp.to_screen(2048, 1536))

    def coverage(img):
        return sum(
            overlay_colour(img.pixelColor(cx + dx, cy + dy))
            for dx in range(-60, 61, 3)
            for dy in range(-60, 61, 3)
        )

    # the same outlines (tiles sit on whole screen pixels: a sub-pixel shift at most)
    assert coverage(first) > 100
    assert abs(coverage(tiled) - coverage(first)) <= 0.1 * coverage(first)
    canvas.vp.pan(30, 0)
    canvas.repaint()
    assert canvas.overlays.last_path == "vector"
    viewer.canvas.overlays.layer("nuclei").visible = False
    canvas.repaint()
    assert canvas.overlays.last_path == ""


def test_zoomed_out_tiles_draw_constant_size_dots(million):
    from viewers.wsi.overlays import TILE, DetectionLayer, OverlayRenderer

    r = OverlayRenderer()
    try:
        layer = DetectionLayer(million, "nuclei")
        img = r.render_tile((layer.id, layer.gen, 16, 0, 0), layer)
        alpha = np.frombuffer(img.constBits(), np.uint8).reshape(TILE, TILE, 4)[..., 3]
        assert 0.2 < (alpha > 0).mean() <= 1.0  # 3 px dots, though a nucleus is < 1 px here
        sparse = DetectionLayer(
            type(million).from_rings([million.coords[:9]], classes=million.classes), "one"
        )
        img = r.render_tile((sparse.id, sparse.gen, 64, 0, 0), sparse)
        alpha = np.frombuffer(img.constBits(), np.uint8).reshape(TILE, TILE, 4)[..., 3]
        assert (alpha > 0).sum() == 9  # one 3 x 3 dot
    finally:
        r.close()


def test_heatmap_off_by_default_and_at_most_40_percent(qtbot, viewer):
    canvas, panel = viewer.canvas, viewer.panel
    values = np.full((30, 40), 100.0, np.float32)  # uniform density over the whole slide
    layer = viewer.show_density(values, 4096 / 40, ANALYZER)
    assert layer is canvas.overlays.layer("density")
    assert layer.visible is False  # the H&E stays readable until the user asks for it
    sx, sy = 100, 300  # in view, clear of the legend

    def pixel():
        canvas.repaint()
        return np.array(canvas.grab().toImage().pixelColor(sx, sy).getRgb()[:3], float)

    bare = pixel()
    layer.visible = True
    panel.pick_layer("density")
    assert panel.opacity.isEnabled() and panel.opacity.maximum() == 40
    panel.opacity.setValue(100)  # clamped by the slider
    assert layer.opacity == pytest.approx(0.4)
    top = np.array(layer.render().pixelColor(0, 0).getRgb()[:3], float)
    at40 = pixel()
    assert np.abs(at40 - (0.6 * bare + 0.4 * top)).max() <= 8
    layer.opacity = 1.0  # even set directly, the heatmap is drawn at 40% at most
    assert np.abs(pixel() - at40).max() <= 2
    panel.opacity.setValue(0)
    assert np.abs(pixel() - bare).max() <= 2
    panel.opacity.setValue(40)
    panel.cmap.setCurrentIndex(panel.cmap.findData("jet"))
    assert layer.colormap == "jet"
    assert np.abs(pixel() - at40).max() > 10


def test_tissue_mask_and_ai_labels(qtbot, viewer):
    canvas, panel = viewer.canvas, viewer.panel
    mask = np.zeros((30, 40), bool)
    mask[10:20, 10:30] = True
    viewer.show_tissue(mask, 4096 / 40)
    lines = canvas.overlays.legend_lines()
    assert lines == ["AI — Tissue (huizhen-tissue-otsu 0.1.0) — not for clinical use"]
    texts = [panel.layer_list.item(i).text() for i in range(panel.layer_list.count())]
    entry = "Tissue — AI huizhen-tissue-otsu 0.1.0, not for clinical use"
    assert entry in texts
    # drawn as its boundary: the stain inside keeps its colour
    canvas.fit()
    edge_x = 10 * 4096 / 40  # mask column 10 starts here (level 0)
    points = [
        canvas.vp.to_screen(2048, 1536),
        canvas.vp.to_screen(2048, 2300),
        canvas.vp.to_screen(edge_x, 1536),
    ]

    def colours():
        canvas.repaint()
        img = canvas.grab().toImage()
        out = [np.array(img.pixelColor(int(x), int(y)).getRgb()[:3], int) for x, y in points]
        x, y = points[2]
        near = [
            np.array(img.pixelColor(int(x) + d, int(y)).getRgb()[:3], int)
            for d in (-2, -1, 0, 1, 2)
        ]
        return out[:2], near

    (inside, outside), edge = colours()
    canvas.overlays.layer("tissue").visible = False
    (inside0, outside0), edge0 = colours()
    canvas.overlays.layer("tissue").visible = True
    assert np.abs(inside - inside0).max() <= 2  # no tint over the tissue
    assert np.abs(outside - outside0).max() <= 2  # untouched elsewhere
    assert max(int(e[1]) - int(e0[1]) for e, e0 in zip(edge, edge0, strict=True)) > 40  # green line
    # hiding the layer from the panel removes outline and label
    item = panel.layer_list.item(texts.index(entry))
    from PySide6.QtCore import Qt

    item.setCheckState(Qt.CheckState.Unchecked)
    assert canvas.overlays.layer("tissue").visible is False
    assert canvas.overlays.legend_lines() == []
