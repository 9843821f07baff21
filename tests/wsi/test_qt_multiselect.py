"""Multi-select (shift-click, rubber band), group move/delete/classify, lock, merge/subtract, undo."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402

from tests.wsi.test_qt_annotation_tools import drag, open_viewer  # noqa: E402
from viewers.wsi import geometry as geo  # noqa: E402

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def viewer(qtbot, jobs, small_slide):
    v = open_viewer(qtbot, jobs, small_slide)
    v.set_tool("select")
    yield v
    v.close()


def square(viewer, sx, sy, side=60):
    """An annotation drawn as a square at screen (sx, sy)..(sx+side, sy+side)."""
    vp = viewer.canvas.vp
    p0, p1 = vp.to_slide(sx, sy), vp.to_slide(sx + side, sy + side)
    f = viewer.layer.new_feature(geo.rectangle(p0, p1))
    viewer.layer.add([f])
    return f["id"]


def shift_click(qtbot, canvas, p):
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, SHIFT, QPoint(*p))


def centre(viewer, fid):
    b = geo.bounds(viewer.layer.features[fid]["geometry"])
    return viewer.canvas.vp.to_screen((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)


def test_shift_click_then_group_move_is_one_undo_step(qtbot, viewer):
    canvas, layer = viewer.canvas, viewer.layer
    a, b, c = square(viewer, 100, 100), square(viewer, 300, 100), square(viewer, 500, 100)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(130, 130))
    shift_click(qtbot, canvas, (330, 130))
    assert layer.selected == [a, b]
    shift_click(qtbot, canvas, (530, 130))
    shift_click(qtbot, canvas, (330, 130))  # shift-click again removes it
    assert layer.selected == [a, c]
    before = {i: geo.bounds(layer.features[i]["geometry"]) for i in (a, b, c)}
    drag(qtbot, canvas, [(130, 130), (160, 170), (180, 200)])  # 50 x 70 screen px
    ds = canvas.vp.downsample
    for i in (a, c):
        got = geo.bounds(layer.features[i]["geometry"])
        assert got[0] == pytest.approx(before[i][0] + 50 * ds)
        assert got[1] == pytest.approx(before[i][1] + 70 * ds)
    assert geo.bounds(layer.features[b]["geometry"]) == before[b]
    layer.undo.undo()  # one step restores both
    assert all(geo.bounds(layer.features[i]["geometry"]) == before[i] for i in (a, b, c))
    layer.undo.redo()
    assert geo.bounds(layer.features[c]["geometry"])[0] == pytest.approx(before[c][0] + 50 * ds)


def test_rubber_band_group_delete_and_classify_with_undo(qtbot, viewer):
    canvas, layer, panel = viewer.canvas, viewer.layer, viewer.panel
    a, b = square(viewer, 100, 100), square(viewer, 200, 150)
    c = square(viewer, 500, 400)
    drag(qtbot, canvas, [(80, 80), (200, 200), (290, 240)], mods=SHIFT)  # band around a and b
    assert sorted(layer.selected) == sorted([a, b])
    assert canvas.vp.to_slide(0, 0) == pytest.approx(canvas.vp.to_slide(0, 0))  # no pan
    panel.class_list.setCurrentRow(1)
    name = layer.classes[1][0]
    panel.apply_class()
    assert {layer.features[i]["properties"]["classification"]["name"] for i in (a, b)} == {name}
    assert "classification" not in layer.features[c]["properties"] or (
        layer.features[c]["properties"]["classification"]["name"] != name
    )
    layer.undo.undo()
    assert all(
        (layer.features[i]["properties"].get("classification") or {}).get("name") != name
        for i in (a, b)
    )
    layer.undo.redo()
    layer.select([a, b])
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert set(layer.features) == {c}
    layer.undo.undo()
    assert set(layer.features) == {a, b, c}
    # the panel lists and selects several at once
    assert panel.tree.selectionMode() == panel.tree.SelectionMode.ExtendedSelection


def test_locked_annotations_are_not_moved_or_deleted(qtbot, viewer):
    canvas, layer = viewer.canvas, viewer.layer
    a, b = square(viewer, 100, 100), square(viewer, 300, 100)
    layer.select([a])
    viewer.panel.toggle_lock()
    assert layer.features[a]["properties"]["isLocked"] is True
    assert "locked" in viewer.panel.tree.topLevelItem(0).text(0)
    before = geo.bounds(layer.features[a]["geometry"])
    drag(qtbot, canvas, [(130, 130), (200, 200)])
    assert geo.bounds(layer.features[a]["geometry"]) == before
    layer.select([a, b])
    layer.delete_selected()
    assert set(layer.features) == {a}  # only the unlocked one went
    layer.select([a])
    viewer.panel.toggle_lock()
    assert "isLocked" not in layer.features[a]["properties"]


def test_merge_and_subtract_keep_holes_with_undo(qtbot, viewer):
    layer = viewer.layer
    big = square(viewer, 100, 100, side=300)
    inner = square(viewer, 200, 200, side=60)
    layer.select([big, inner])
    assert layer.subtract_selected() == big
    geom = layer.features[big]["geometry"]
    assert geom["type"] == "Polygon" and len(geom["coordinates"]) == 2  # outer + hole
    assert inner not in layer.features
    ds = viewer.canvas.vp.downsample
    area_px = (300 * ds) ** 2 - (60 * ds) ** 2
    assert geo.area_of(geom) == pytest.approx(area_px, rel=1e-6)
    layer.undo.undo()
    assert inner in layer.features and len(layer.features[big]["geometry"]["coordinates"]) == 1
    right = square(viewer, 390, 100, side=100)  # overlaps big's right edge
    layer.select([big, right])
    merged = layer.merge_selected()
    assert merged == big and right not in layer.features
    assert geo.area_of(layer.features[big]["geometry"]) == pytest.approx(
        (300 * ds) ** 2 + (100 * 100 - 10 * 100) * ds**2, rel=1e-6
    )
    layer.undo.undo()
    assert right in layer.features


def test_brush_erase_inside_an_area_leaves_a_hole(qtbot, viewer):
    canvas, layer = viewer.canvas, viewer.layer
    fid = square(viewer, 100, 100, side=300)
    layer.select([fid])
    viewer.set_tool("brush")
    drag(qtbot, canvas, [(240, 250), (250, 250), (260, 250)], mods=Qt.KeyboardModifier.AltModifier)
    geom = layer.features[fid]["geometry"]
    assert geom["type"] == "Polygon" and len(geom["coordinates"]) == 2  # the hole is kept
