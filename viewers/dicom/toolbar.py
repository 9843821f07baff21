"""The 2D viewer's toolbar: view, window, tools, layout, cine, export (texts in retranslate)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QSlider, QSpinBox, QToolBar, QToolButton

from viewers.dicom import export_actions, texts

LAYOUTS = ((1, 1), (1, 2), (2, 2))


def _menu_button(bar: QToolBar, menu: QMenu) -> QToolButton:
    b = QToolButton(bar)
    b.setMenu(menu)
    b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    bar.addWidget(b)
    return b


def build(v) -> QToolBar:
    """Create the actions on viewer ``v`` (attributes a_*, b_*) and return the toolbar."""
    bar = QToolBar(v)
    v.view_menu = QMenu(bar)
    v.a_fit = v.view_menu.addAction("", lambda: v.pane.view.fit())
    v.a_one = v.view_menu.addAction("", lambda: v.pane.view.one_to_one())
    v.a_rot_r = v.view_menu.addAction("", lambda: v.pane.view.rotate_by(90))
    v.a_rot_l = v.view_menu.addAction("", lambda: v.pane.view.rotate_by(-90))
    v.a_flip_h = v.view_menu.addAction("", lambda: v.pane.view.flip(True))
    v.a_flip_v = v.view_menu.addAction("", lambda: v.pane.view.flip(False))
    v.a_reset_view = v.view_menu.addAction("", lambda: v.pane.view.reset_view())
    v.b_view = _menu_button(bar, v.view_menu)
    v.a_invert = bar.addAction("", v.toggle_invert)
    v.a_invert.setShortcut(QKeySequence("I"))
    v.preset_menu = QMenu(bar)
    v.preset_menu.aboutToShow.connect(v.fill_presets)
    v.b_presets = _menu_button(bar, v.preset_menu)
    v.a_reset = bar.addAction("", v.reset_window)
    v.tool_menu = QMenu(bar)
    v.tool_group = QActionGroup(bar)
    v.tool_actions = {}
    for key in texts.tool_names():
        a = v.tool_menu.addAction("")
        a.setCheckable(True)
        a.setData(key)
        v.tool_group.addAction(a)
        v.tool_actions[key] = a
    v.tool_actions["pan"].setChecked(True)
    v.tool_group.triggered.connect(lambda a: v.set_tool(a.data()))
    v.b_tools = _menu_button(bar, v.tool_menu)
    v.a_undo = bar.addAction("", v.undo)
    v.a_undo.setShortcut(QKeySequence.StandardKey.Undo)
    v.a_redo = bar.addAction("", v.redo)
    v.a_redo.setShortcut(QKeySequence.StandardKey.Redo)
    v.a_overlay = bar.addAction("")
    v.a_overlay.setCheckable(True)
    v.a_overlay.toggled.connect(v.toggle_overlay)
    v.a_overlay.setChecked(True)
    v.layout_menu = QMenu(bar)
    v.layout_actions = []
    for rows, cols in LAYOUTS:
        a = v.layout_menu.addAction(f"{rows}×{cols}", lambda r=rows, c=cols: v.set_layout(r, c))
        v.layout_actions.append(a)
    v.a_link = v.layout_menu.addAction("")
    v.a_link.setCheckable(True)
    v.a_link.setChecked(True)
    v.b_layout = _menu_button(bar, v.layout_menu)
    v.a_cine = bar.addAction("")
    v.a_cine.setCheckable(True)
    v.a_cine.toggled.connect(v.toggle_cine)
    v.fps = QSpinBox(bar)
    v.fps.setRange(1, 60)
    v.fps.setValue(10)
    v.fps.setSuffix(" fps")
    v.fps.valueChanged.connect(v.cine.set_fps)
    v.a_fps = bar.addWidget(v.fps)
    v.slider = QSlider(Qt.Orientation.Horizontal, bar)
    v.slider.setMaximumWidth(200)
    v.slider.valueChanged.connect(v.show_frame)
    v.a_slider = bar.addWidget(v.slider)
    v.a_mpr = bar.addAction("")
    v.a_mpr.setCheckable(True)
    v.a_mpr.toggled.connect(v.toggle_mpr)
    v.a_mpr.setEnabled(False)
    v.more_menu = QMenu(bar)
    v.a_tags = v.more_menu.addAction("", v.show_tags)
    v.a_key = v.more_menu.addAction("", v.toggle_key_image)
    v.a_png = v.more_menu.addAction("", v.export_png)
    v.a_objects = v.more_menu.addAction("", v.open_objects)
    v.more_menu.addSeparator()
    v.a_sr = v.more_menu.addAction("", lambda: export_actions.export_sr(v))
    v.a_kos = v.more_menu.addAction("", lambda: export_actions.export_kos(v))
    v.a_series = v.more_menu.addAction("", lambda: export_actions.export_dicom(v))
    v.b_more = _menu_button(bar, v.more_menu)
    return bar


def retranslate(v) -> None:
    translate = texts.translate
    v.b_view.setText(translate("ImageViewer", "View"))
    v.a_fit.setText(translate("ImageViewer", "Fit"))
    v.a_one.setText(translate("ImageViewer", "1:1"))
    v.a_rot_r.setText(translate("ImageViewer", "Rotate right"))
    v.a_rot_l.setText(translate("ImageViewer", "Rotate left"))
    v.a_flip_h.setText(translate("ImageViewer", "Flip horizontal"))
    v.a_flip_v.setText(translate("ImageViewer", "Flip vertical"))
    v.a_reset_view.setText(translate("ImageViewer", "Reset view"))
    v.a_invert.setText(translate("ImageViewer", "Invert"))
    v.b_presets.setText(translate("ImageViewer", "Window"))
    v.a_reset.setText(translate("ImageViewer", "Reset window"))
    for key, name in texts.tool_names().items():
        v.tool_actions[key].setText(name)
    v.b_tools.setText(texts.tool_names().get(v.pane.view.tool, ""))
    v.a_undo.setText(translate("ImageViewer", "Undo"))
    v.a_redo.setText(translate("ImageViewer", "Redo"))
    v.a_overlay.setText(translate("ImageViewer", "Overlay"))
    v.b_layout.setText(translate("ImageViewer", "Layout"))
    v.a_link.setText(translate("ImageViewer", "Link scrolling"))
    v.a_cine.setText(translate("ImageViewer", "Cine"))
    v.b_more.setText(translate("ImageViewer", "More"))
    v.a_mpr.setText(translate("ImageViewer", "MPR / 3D"))
    v.a_tags.setText(translate("ImageViewer", "DICOM tags…"))
    v.a_key.setText(translate("ImageViewer", "Key image"))
    v.a_png.setText(translate("ImageViewer", "Export view as PNG…"))
    v.a_sr.setText(translate("ImageViewer", "Export measurements as DICOM SR…"))
    v.a_kos.setText(translate("ImageViewer", "Save key images as DICOM KOS…"))
    v.a_series.setText(translate("ImageViewer", "Export series as DICOM…"))
    v.a_objects.setText(translate("ImageViewer", "Show SEG / SR / GSPS / KOS file…"))
