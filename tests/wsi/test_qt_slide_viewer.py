"""The Qt slide viewer, offscreen."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from app.domain import Modality  # noqa: E402
from viewers.wsi.viewport import Viewport, scale_bar  # noqa: E402


def test_viewport_zoom_keeps_point_under_cursor():
    vp = Viewport(40960, 40960, 1000, 800)
    vp.fit()
    before = vp.to_slide(250, 600)
    vp.zoom_at(4.0, 250, 600)
    assert vp.to_slide(250, 600) == pytest.approx(before)
    vp.pan(100, -50)
    assert vp.to_slide(350, 550) == pytest.approx(before)
    vp.zoom_at(1e9, 10, 10)
    assert vp.downsample == vp.min_downsample


def test_scale_bar_is_round():
    length, value, unit = scale_bar(0.25, 4.0, target_px=120)  # 1 px = 1 um
    assert (value, unit) == ("100", "µm") and length == pytest.approx(100)
    length, value, unit = scale_bar(0.25, 64.0)
    assert unit == "mm" and float(value) in (1, 2, 5) and 50 <= length <= 130


def make_viewer(qtbot, jobs, paths):
    from viewers.wsi.qt_slide_viewer import SlideViewer

    ctx = SimpleNamespace(files=[(None, Path(p)) for p in paths], jobs=jobs, modality=Modality.SM)
    viewer = SlideViewer(ctx)
    qtbot.addWidget(viewer)
    viewer.resize(900, 700)
    viewer.show()
    return viewer


def test_viewer_shows_tissue_and_zooms(qtbot, jobs, small_slide):
    viewer = make_viewer(qtbot, jobs, [small_slide])
    with qtbot.waitSignal(viewer.loaded, timeout=60_000):
        pass
    canvas = viewer.canvas
    qtbot.waitUntil(lambda: canvas.width() > 800, timeout=60_000)
    canvas.zoom_at(8.0)  # into the middle of the core, level 0
    assert canvas.level() == 0
    qtbot.waitUntil(
        lambda: canvas.loader.pending == 0 and not canvas._repaint.isActive(), timeout=60_000
    )
    img = canvas.grab().toImage()
    w, h = img.width(), img.height()
    c = img.pixelColor(w // 2, h // 2)
    assert (c.red(), c.green(), c.blue()) != (236, 236, 236)
    # no background shows through at tile seams
    x_seam = round(canvas.vp.to_screen(2048, 0)[0])  # a tile border at level 0
    column = [img.pixelColor(x_seam, yy).getRgb()[:3] for yy in range(0, h - 200, 7)]
    assert (236, 236, 236) not in column
    # the canvas shows the same pixels as the slide at that point
    x, y = (int(v) for v in canvas.vp.to_slide(w // 2, h // 2))
    ref = viewer.source.read_region(0, x, y, 1, 1)[0, 0]
    assert np.abs(np.array([c.red(), c.green(), c.blue()]) - ref).max() <= 40
    assert canvas.scale_text.endswith("µm")
    assert "level 0" in viewer.status.text()
    viewer.close()
    assert not any(
        t.name.startswith("slide-tiles") and t.is_alive()
        for t in __import__("threading").enumerate()
    )


def test_viewer_paints_coarse_tiles_while_loading(qtbot, jobs, small_slide):
    viewer = make_viewer(qtbot, jobs, [small_slide])
    with qtbot.waitSignal(viewer.loaded, timeout=60_000):
        pass
    canvas = viewer.canvas
    canvas.loader.close()  # no tile ever arrives
    viewer.source.cache.clear()
    canvas._qimages.clear()
    canvas.zoom_at(8.0)
    img = canvas.grab().toImage()
    c = img.pixelColor(img.width() // 2, img.height() // 2)
    assert (c.red(), c.green(), c.blue()) not in ((236, 236, 236), (255, 255, 255))  # overview used
    viewer.close()


def test_viewer_drag_pans(qtbot, jobs, small_slide):
    from PySide6.QtCore import QPoint, Qt

    viewer = make_viewer(qtbot, jobs, [small_slide])
    with qtbot.waitSignal(viewer.loaded, timeout=60_000):
        pass
    canvas = viewer.canvas
    canvas.zoom_at(4.0)
    cx = canvas.vp.cx
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseMove(canvas, QPoint(340, 300))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(340, 300))
    assert canvas.vp.cx == pytest.approx(cx - 40 * canvas.vp.downsample)
    viewer.close()


def test_viewer_reports_a_bad_file(qtbot, jobs, tmp_path):
    bad = tmp_path / "bad.svs"
    bad.write_bytes(os.urandom(4096))
    viewer = make_viewer(qtbot, jobs, [bad])
    with qtbot.waitSignal(viewer.failed, timeout=60_000):
        pass
    assert "could not be opened" in viewer.error and viewer.canvas is None
    viewer.close()
