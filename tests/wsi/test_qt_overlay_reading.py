"""Overlays a pathologist can read through: outlines, per-layer opacity, legend, H, navigator."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

ANALYZER = "test-analyzer 9.9"
CENTRE = (2048.0, 1536.0)
HALF = 150.0  # a 300-px square detection (level 0), 150 screen px at DS 2


def square_layer(viewer):
    from viewers.wsi.detections import DetectionSet

    cx, cy = CENTRE
    ring = np.array(
        [
            [cx - HALF, cy - HALF],
            [cx + HALF, cy - HALF],
            [cx + HALF, cy + HALF],
            [cx - HALF, cy + HALF],
            [cx - HALF, cy - HALF],
        ],
        np.float32,
    )
    data = DetectionSet.from_rings([ring], classes=[("Tumor", (220, 0, 0))])
    viewer.show_nuclei(data, ANALYZER)
    return viewer.canvas.overlays.layer("nuclei")


def grab(canvas):
    canvas.repaint()
    return canvas.grab().toImage()


def rgb(img, x, y):
    return np.array(img.pixelColor(int(x), int(y)).getRgb()[:3], int)


def test_detections_are_thin_outlines_in_class_colour_fill_off(qtbot, viewer):
    canvas, panel = viewer.canvas, viewer.panel
    inside = canvas.vp.to_screen(CENTRE[0] + 40, CENTRE[1] + 40)
    edge = canvas.vp.to_screen(CENTRE[0] - HALF, CENTRE[1])
    bare = grab(canvas)
    layer = square_layer(viewer)
    assert layer.fill is False
    img = grab(canvas)
    assert np.abs(rgb(img, *inside) - rgb(bare, *inside)).max() <= 2  # H&E untouched inside
    hit = [rgb(img, edge[0] + dx, edge[1]) for dx in (-1, 0, 1)]
    assert any(c[0] > 180 and c[1] < 60 and c[2] < 60 for c in hit)  # red outline
    off = rgb(img, edge[0] + 4, edge[1])
    assert np.abs(off - rgb(bare, edge[0] + 4, edge[1])).max() <= 2  # one pixel wide
    panel.pick_layer("nuclei")
    assert panel.fill.isEnabled()
    panel.fill.setChecked(True)
    assert layer.fill is True
    tinted = rgb(grab(canvas), *inside)
    assert tinted[0] - rgb(bare, *inside)[0] >= 0 and np.abs(tinted - rgb(bare, *inside)).max() > 10
    # per-layer opacity: the picked layer only
    panel.fill.setChecked(False)
    panel.opacity.setValue(0)
    assert layer.opacity == 0 and viewer.layer.opacity == 1.0
    gone = [rgb(grab(canvas), edge[0] + dx, edge[1]) for dx in (-1, 0, 1)]
    assert not any(c[0] > 180 and c[1] < 60 and c[2] < 60 for c in gone)


def test_legend_names_classes_and_heatmap_scale_with_units(qtbot, viewer):
    from viewers.wsi.legend import legend_items

    square_layer(viewer)
    values = np.zeros((30, 40), np.float32)
    values[10:20, 10:30] = 2500.0
    heat = viewer.show_density(values, 4096 / 40, ANALYZER)
    items = legend_items(viewer.canvas.overlays)
    swatches = [it for it in items if it[0] == "swatch"]
    assert swatches == [("swatch", (220, 0, 0), "Tumor: 1 (outline)")]
    assert not [it for it in items if it[0] == "scale"]  # heatmap hidden: no scale
    heat.visible = True
    (scale,) = [it for it in legend_items(viewer.canvas.overlays) if it[0] == "scale"]
    assert scale[1] is heat and heat.unit == "nuclei/mm²" and heat.top() == pytest.approx(2500)
    ai = [it[1] for it in legend_items(viewer.canvas.overlays) if it[0] == "ai"]
    assert len(ai) == 2 and all("not for clinical use" in t for t in ai)
    grab(viewer.canvas)  # paints without error


def test_h_hides_every_overlay_and_annotation(qtbot, viewer):
    from viewers.wsi.legend import legend_items

    canvas = viewer.canvas
    square_layer(viewer)
    ann = viewer.layer.new_feature(
        {
            "type": "Polygon",
            "coordinates": [[[1500, 1200], [1700, 1200], [1700, 1400], [1500, 1200]]],
        }
    )
    viewer.layer.add([ann])
    edge = canvas.vp.to_screen(CENTRE[0] - HALF, CENTRE[1])
    bare_edge = canvas.vp.to_screen(1700, 1300)
    shown = grab(canvas)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: canvas.overlays.hidden, timeout=60_000)
    hidden = grab(canvas)
    assert legend_items(canvas.overlays)[0][0] == "text"
    for x, y in (edge, bare_edge):
        assert np.abs(rgb(shown, x, y) - rgb(hidden, x, y)).max() > 30
    qtbot.keyClick(canvas, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: not canvas.overlays.hidden, timeout=60_000)
    again = grab(canvas)
    assert np.abs(rgb(again, *edge) - rgb(shown, *edge)).max() <= 2
    qtbot.keyClick(canvas, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: not canvas.overlays.layer("nuclei").visible, timeout=60_000)


def test_navigator_keeps_its_thumbnail_while_an_annotation_is_selected(qtbot, viewer):
    canvas, layer = viewer.canvas, viewer.layer
    nav = canvas.navigator_rect()
    probe = (nav.x() + nav.width() * 0.5, nav.y() + nav.height() * 0.5)
    before = grab(canvas)
    ann = layer.new_feature(
        {
            "type": "Polygon",
            "coordinates": [[[1900, 1400], [2200, 1400], [2200, 1700], [1900, 1400]]],
        }
    )
    layer.add([ann])
    layer.select([ann["id"]])
    after = grab(canvas)
    # the navigator's centre shows the overview (tissue, not white) in both states
    assert np.abs(rgb(after, *probe) - rgb(before, *probe)).max() <= 3
    assert rgb(after, *probe).min() < 235
