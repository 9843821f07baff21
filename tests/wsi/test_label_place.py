"""An annotation's measurement label stays out of the legend, scale bar and navigator."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QRectF  # noqa: E402

from viewers.wsi.label_place import label_place  # noqa: E402


def test_a_free_label_stays_under_its_shape():
    rect = QRectF(300, 300, 200, 18)
    assert label_place(rect, 200, [QRectF(8, 8, 380, 140)]) == rect


def test_a_label_under_the_legend_goes_to_the_nearest_clear_place():
    legend = QRectF(8, 8, 380, 140)
    rect = QRectF(150, 120, 200, 18)  # a small shape under the legend: label inside it
    placed = label_place(rect, 90, [legend], QRectF(0, 0, 730, 720))
    assert not placed.intersects(legend)
    assert placed.left() == rect.left() and placed.top() == legend.bottom() + 4  # just under


def test_a_label_across_the_scale_bar_moves_beside_or_above():
    bar = QRectF(12, 670, 120, 50)
    rect = QRectF(60, 672, 200, 18)  # the shape ends just above the scale bar
    placed = label_place(rect, 400, [bar], QRectF(0, 0, 730, 720))
    assert not placed.intersects(bar)
    assert placed.left() == bar.right() + 4 and placed.top() == rect.top()


def test_the_canvas_keeps_its_scale_bar_navigator_and_legend_clear(qtbot, jobs, small_slide):
    from tests.wsi.test_qt_annotation_tools import open_viewer

    viewer = open_viewer(qtbot, jobs, small_slide)
    canvas = viewer.canvas
    boxes = canvas.furniture(canvas.fontMetrics())
    assert canvas.navigator_rect() in boxes
    bar = next(b for b in boxes if b.left() < 20 and b.bottom() >= canvas.height() - 1)
    assert bar.top() < canvas.height() - 18 - canvas.fontMetrics().height()  # its text too
