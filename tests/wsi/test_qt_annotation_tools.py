"""Annotation tools on the slide canvas, driven by simulated mouse events."""

from __future__ import annotations

import math

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402

from app.domain import Modality  # noqa: E402

MPP = 0.25
DS = 2.0  # level-0 px per screen px in these tests: 1 screen px = 0.5 µm


def new_study(store, uid: str = "2.25.4242") -> int:
    from app.models import Patient, Study

    with store.session() as s:
        p = Patient(patient_id=f"DEMO-{uid[-4:]}", name="DEMO^Slide", is_demo=True)
        s.add(p)
        s.flush()
        st = Study(uid=uid, patient_pk=p.id, modality="SM")
        s.add(st)
        s.flush()
        return st.id


def open_viewer(qtbot, jobs, slide, store=None, study_pk=None, width=1300):
    from viewers.registry import ViewerContext
    from viewers.wsi.qt_slide_viewer import SlideViewer

    ctx = ViewerContext(
        store=store, study_pk=study_pk, modality=Modality.SM, files=[(None, slide)], jobs=jobs
    )
    viewer = SlideViewer(ctx)
    qtbot.addWidget(viewer)
    viewer.resize(width, 800)
    viewer.show()
    with qtbot.waitSignal(viewer.loaded, timeout=60_000):
        pass
    canvas = viewer.canvas
    canvas.vp.resize(canvas.width(), canvas.height())
    canvas.vp.downsample = DS
    canvas.vp.center_on(2048, 1536)
    canvas._changed()
    return viewer


def drag(qtbot, canvas, points, button=Qt.MouseButton.LeftButton, mods=None):
    mods = mods or Qt.KeyboardModifier.NoModifier
    pts = [QPoint(*p) for p in points]
    qtbot.mousePress(canvas, button, mods, pos=pts[0])
    for p in pts[1:]:
        qtbot.mouseMove(canvas, p)
    qtbot.mouseRelease(canvas, button, mods, pos=pts[-1])


def click(qtbot, canvas, p):
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*p))


def only(viewer):
    anns = viewer.layer.annotations()
    assert len(anns) == 1
    return anns[0]


def test_rectangle_area_and_perimeter_in_microns(qtbot, viewer):
    viewer.set_tool("rectangle")
    drag(qtbot, viewer.canvas, [(100, 100), (200, 150), (300, 200)])
    f = only(viewer)
    m = f["properties"]["measurements"]
    # 200 x 100 screen px = 100 x 50 µm
    assert m["Area µm^2"] == pytest.approx(5000, rel=1e-3)
    assert m["Perimeter µm"] == pytest.approx(300, rel=1e-3)
    assert f["properties"]["objectType"] == "annotation"
    x0, y0 = viewer.canvas.vp.to_slide(100, 100)
    assert f["geometry"]["coordinates"][0][0] == pytest.approx([x0, y0])
    assert "5,000 µm²" in viewer.layer.label_text(f)


def test_ellipse_is_flagged_and_measured(qtbot, viewer):
    viewer.set_tool("ellipse")
    drag(qtbot, viewer.canvas, [(100, 100), (300, 200)])
    f = only(viewer)
    assert f["properties"]["isEllipse"] is True
    assert f["properties"]["measurements"]["Area µm^2"] == pytest.approx(
        math.pi * 50 * 25, rel=0.01
    )


def test_polygon_clicks_then_double_click(qtbot, viewer):
    canvas = viewer.canvas
    viewer.set_tool("polygon")
    for p in [(100, 100), (300, 100), (300, 300)]:
        click(qtbot, canvas, p)
    assert viewer.layer.annotations() == []  # not closed yet
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 300))
    f = only(viewer)
    assert f["geometry"]["type"] == "Polygon"
    assert len(f["geometry"]["coordinates"][0]) == 5
    assert f["properties"]["measurements"]["Area µm^2"] == pytest.approx(10000, rel=1e-3)


def test_polygon_enter_closes_and_escape_cancels(qtbot, viewer):
    canvas = viewer.canvas
    viewer.set_tool("polygon")
    for p in [(100, 100), (200, 100), (200, 200)]:
        click(qtbot, canvas, p)
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert viewer.layer.annotations() == [] and canvas.tool.points == []
    for p in [(100, 100), (200, 100), (200, 200)]:
        click(qtbot, canvas, p)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert only(viewer)["properties"]["measurements"]["Area µm^2"] == pytest.approx(1250, rel=1e-3)


def test_freehand_traces_the_path(qtbot, viewer):
    viewer.set_tool("freehand")
    path = [(100 + i, 100) for i in range(0, 201, 5)]
    path += [(300, 100 + i) for i in range(0, 201, 5)]
    path += [(300 - i, 300) for i in range(0, 201, 5)]
    path += [(100, 300 - i) for i in range(0, 196, 5)]
    drag(qtbot, viewer.canvas, path)
    f = only(viewer)
    assert len(f["geometry"]["coordinates"][0]) > 40
    assert f["properties"]["measurements"]["Area µm^2"] == pytest.approx(10000, rel=0.03)


def test_brush_paints_a_stadium_and_shows_a_cursor_circle(qtbot, viewer):
    canvas = viewer.canvas
    viewer.set_tool("brush")
    tool = canvas.tool
    assert tool.radius_px == 20 and canvas.cursor().shape() == Qt.CursorShape.BlankCursor
    drag(qtbot, canvas, [(200, 200)] + [(200 + i, 200) for i in range(10, 101, 10)])
    f = only(viewer)
    r, length = 20, 100  # screen px; 1 screen px² = 0.25 µm²
    expected = (2 * r * length + math.pi * r * r) * 0.25
    assert f["properties"]["measurements"]["Area µm^2"] == pytest.approx(expected, rel=0.05)
    # a second stroke over the selected area grows it; Alt erases
    drag(qtbot, canvas, [(300, 200), (300, 260)])
    grown = only(viewer)["properties"]["measurements"]["Area µm^2"]
    assert grown > expected * 1.1
    drag(qtbot, canvas, [(200, 200), (230, 200)], mods=Qt.KeyboardModifier.AltModifier)
    assert only(viewer)["properties"]["measurements"]["Area µm^2"] < grown * 0.95
    # the cursor circle follows the mouse
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    viewer.layer.select([])
    before = canvas.grab().toImage()
    qtbot.mouseMove(canvas, QPoint(500, 400))
    assert tool.hover == pytest.approx(canvas.vp.to_slide(500, 400))
    img = canvas.grab().toImage()
    edge = img.pixelColor(500 + 20, 400)
    assert edge.lightness() > 200 and edge != before.pixelColor(520, 400)
    qtbot.keyClick(canvas, Qt.Key.Key_BracketRight)
    assert tool.radius_px == pytest.approx(25)


def test_points_accumulate_in_one_set(qtbot, viewer):
    viewer.set_tool("points")
    for p in [(100, 100), (150, 120), (200, 140)]:
        click(qtbot, viewer.canvas, p)
    f = only(viewer)
    assert f["geometry"]["type"] == "MultiPoint" and len(f["geometry"]["coordinates"]) == 3
    assert f["properties"]["measurements"]["Num points"] == 3


def test_line_ruler_length(qtbot, viewer):
    viewer.set_tool("line")
    drag(qtbot, viewer.canvas, [(100, 100), (250, 300), (400, 500)])
    f = only(viewer)
    assert f["geometry"]["type"] == "LineString"
    assert f["properties"]["measurements"]["Length µm"] == pytest.approx(250, rel=1e-3)
    assert viewer.layer.label_text(f) == "250 µm"


def test_select_move_undo_redo_delete(qtbot, viewer):
    canvas, layer = viewer.canvas, viewer.layer
    viewer.set_tool("rectangle")
    drag(qtbot, canvas, [(100, 100), (300, 200)])
    fid = only(viewer)["id"]
    start = only(viewer)["geometry"]["coordinates"][0][0]
    viewer.set_tool("select")
    layer.select([])
    click(qtbot, canvas, (600, 500))  # empty space: nothing selected
    assert layer.selected == []
    drag(qtbot, canvas, [(200, 150), (230, 150), (250, 170)])
    assert layer.selected == [fid]
    moved = only(viewer)["geometry"]["coordinates"][0][0]
    assert moved == pytest.approx([start[0] + 50 * DS, start[1] + 20 * DS])
    viewer.a_undo.trigger()
    assert only(viewer)["geometry"]["coordinates"][0][0] == pytest.approx(start)
    viewer.a_redo.trigger()
    assert only(viewer)["geometry"]["coordinates"][0][0] == pytest.approx(moved)
    layer.select([fid])
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert layer.annotations() == []
    viewer.a_undo.trigger()
    assert only(viewer)["id"] == fid
    assert layer.undo.count() == 3


def test_edit_vertex_of_selected(qtbot, viewer):
    canvas, layer = viewer.canvas, viewer.layer
    viewer.set_tool("rectangle")
    drag(qtbot, canvas, [(100, 100), (300, 200)])
    viewer.set_tool("select")
    assert layer.selected  # the new shape stays selected
    drag(qtbot, canvas, [(300, 200), (340, 230), (350, 250)])  # drag the bottom-right corner
    f = only(viewer)
    ring = f["geometry"]["coordinates"][0]
    assert ring[2] == pytest.approx(list(canvas.vp.to_slide(350, 250)))
    assert ring[0] == ring[-1]
    assert f["properties"]["measurements"]["Area µm^2"] > 5000


def test_class_colours(qtbot, viewer):
    from viewers.wsi.qt_annotation_panel import AnnotationPanel

    canvas, layer, panel = viewer.canvas, viewer.layer, viewer.panel
    assert isinstance(panel, AnnotationPanel) and panel.isVisible()
    panel.add_class("Mitosis", (0, 200, 0))
    assert layer.current_class == "Mitosis"
    viewer.set_tool("rectangle")
    drag(qtbot, canvas, [(100, 100), (300, 200)])
    f = only(viewer)
    assert f["properties"]["classification"] == {"name": "Mitosis", "color": [0, 200, 0]}
    layer.select([])
    canvas.repaint()
    c = canvas.grab().toImage().pixelColor(200, 100)  # on the top edge
    assert c.green() > 150 and c.red() < 80
    panel.set_class_colour("Mitosis", (0, 0, 255))
    f = only(viewer)
    assert f["properties"]["classification"]["color"] == [0, 0, 255]
    c = canvas.grab().toImage().pixelColor(200, 100)
    assert c.blue() > 150 and c.green() < 80
    layer.select([f["id"]])
    layer.current_class = "Tumor"
    panel.apply_class()
    assert only(viewer)["properties"]["classification"]["name"] == "Tumor"
    assert panel.tree.topLevelItem(0).text(1) == "Tumor"


def test_line_width_is_constant_on_screen(qtbot, viewer):
    canvas, layer = viewer.canvas, viewer.layer
    layer.current_class = "Tumor"  # (200, 0, 0)
    viewer.set_tool("rectangle")
    drag(qtbot, canvas, [(200, 200), (260, 240)])
    layer.select([])
    viewer.set_tool("select")
    ring = only(viewer)["geometry"]["coordinates"][0]
    (x0, y0), (x1, y1) = ring[0], ring[2]

    def edge_width(ds):
        canvas.vp.downsample = ds
        canvas.vp.center_on((x0 + x1) / 2, (y0 + y1) / 2)
        img = canvas.grab().toImage()
        sx, sy = canvas.vp.to_screen(x0, (y0 + y1) / 2)
        row = [img.pixelColor(int(sx) + dx, int(sy)) for dx in range(-8, 9)]
        return sum(1 for c in row if c.red() > 150 and c.green() < 90 and c.blue() < 90)

    near, far = edge_width(0.5), edge_width(3.0)
    assert 1 <= near <= 4 and near == far


def test_tool_shortcuts(qtbot, viewer):
    canvas = viewer.canvas
    viewer.activateWindow()
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus, timeout=60_000)
    for key, name in [
        (Qt.Key.Key_R, "rectangle"),
        (Qt.Key.Key_B, "brush"),
        (Qt.Key.Key_V, "select"),
    ]:
        qtbot.keyClick(canvas, key)
        assert canvas.tool.name == name
    assert viewer.tool_actions["polygon"].shortcut().toString() == "P"
    viewer.set_tool("line")
    drag(qtbot, canvas, [(100, 100), (200, 100)])
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert viewer.layer.annotations() == []
    qtbot.keyClick(canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(viewer.layer.annotations()) == 1
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(canvas, Qt.Key.Key_Z, shift_ctrl)
    assert len(viewer.layer.annotations()) == 1
