"""The MPR + 3D viewer of a CT/MR series: toolbar, the 2x2 grid, loading status.

Opened from the 2D viewer ("MPR / 3D") with the series' files.  The 3D panel
is created when the volume is complete, only where VTK can render; where it
cannot, the panel says why and MPR keeps working.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.imaging import mpr, tilt
from app.imaging.problems import code_of
from ui.series_problems import joined
from viewers.dicom import texts as dicom_texts
from viewers.volume.mpr_view import MprGrid
from viewers.volume.texts import preset_3d_name, translate, view_name

TOOLS = ("crosshair", "rotate", "length", "angle", "ellipse", "polygon", "probe")


def _volume_presets():
    from app.imaging.volume_presets import VOLUME_PRESETS

    return VOLUME_PRESETS


class VolumeViewer(QWidget):
    loaded = Signal()
    rendered3d = Signal()

    def __init__(
        self, ctx, files, parent=None, with_3d: bool = True, marks=None, volume=None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.with_3d = with_3d
        self.render3d = None
        self.markers: list = []  # (centre x, y, z mm, radius mm, (r, g, b)) shown in 3D
        self.mpr = MprGrid(ctx, self, marks)
        self.mpr.loaded.connect(self._loaded)
        self.mpr.progress.connect(self._progress)
        bar = QToolBar(self)
        self.tool_box = QComboBox(bar)
        for key in TOOLS:
            self.tool_box.addItem("", key)
        self.tool_box.currentIndexChanged.connect(
            lambda _i: self.mpr.set_tool(self.tool_box.currentData())
        )
        bar.addWidget(self.tool_box)
        self.slab_label = QLabel(bar)
        bar.addWidget(self.slab_label)
        self.slab = QSpinBox(bar)
        self.slab.setRange(1, 99)
        self.slab.setSingleStep(2)
        bar.addWidget(self.slab)
        self.mode = QComboBox(bar)
        for key in mpr.MODES:
            self.mode.addItem("", key)
        bar.addWidget(self.mode)
        self.slab.valueChanged.connect(self._slab)
        self.mode.currentIndexChanged.connect(self._slab)
        self.preset3d = QComboBox(bar)
        for p in _volume_presets():
            self.preset3d.addItem("", p.key)
        self.preset3d.currentIndexChanged.connect(self._preset3d)
        bar.addWidget(self.preset3d)
        self.a_reset_rotation = bar.addAction("", self.mpr.reset_rotation)
        self.a_undo = bar.addAction("", self.mpr.undo)
        self.bar = bar
        self.status = QLabel(self)
        self.bar_progress = QProgressBar(self)
        self.bar_progress.setMaximumWidth(200)
        self.cancel = QPushButton(self)
        self.cancel.clicked.connect(self.mpr.cancel)
        row = QToolBar(self)
        row.addWidget(self.status)
        self.a_progress = row.addWidget(self.bar_progress)
        self.a_cancel = row.addWidget(self.cancel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(bar)
        lay.addWidget(self.mpr, 1)
        lay.addWidget(row)
        self.retranslate()
        self.mpr.open(files, volume)

    def _slab(self, *_a) -> None:
        self.mpr.set_slab(self.slab.value(), self.mode.currentData())

    def _preset3d(self, *_a) -> None:
        if self.render3d is not None:
            self.render3d.set_preset(self.preset3d.currentData())

    def _progress(self, fraction: float) -> None:
        if fraction < 0:
            self.status.setText(translate("VolumeViewer", "The volume could not be loaded."))
            self.a_progress.setVisible(False)
            self.a_cancel.setVisible(False)
            return
        self.bar_progress.setValue(int(fraction * 100))

    def _loaded(self) -> None:
        self.a_progress.setVisible(False)
        self.a_cancel.setVisible(False)
        vol = self.mpr.volume
        z, y, x = vol.array.shape[:3]
        sz, sy, sx = vol.spacing
        text = f"{x}×{y}×{z}   {sx:.2f}×{sy:.2f}×{sz:.2f} mm"
        tilted = any(c.startswith("gantry tilt") for c in vol.corrections)
        notes = joined(
            list(vol.skipped)
            + [p for p in vol.info.problems if not (tilted and code_of(p) == "gantry_tilt")]
        )
        if tilted:
            text += "   " + translate(
                "VolumeViewer",
                "Gantry tilt of %1° corrected: slices shifted onto an orthogonal grid "
                "(MPR and 3D are resampled).",
            ).replace("%1", f"{tilt.shear_angle(vol):.1f}")
        if notes:
            text += "   " + translate("VolumeViewer", "Note: %1").replace("%1", notes)
        self.status.setText(text)
        self.loaded.emit()
        if self.with_3d:
            self._start_3d()

    def _start_3d(self) -> None:
        try:
            from viewers.volume.render3d import SnapshotRender, VolumeRender, native_windows

            panel = VolumeRender if native_windows() else SnapshotRender
            self.render3d = panel(self.ctx, self)
        except (ImportError, RuntimeError) as err:  # no VTK / no OpenGL here
            self.mpr.panel3d.setText(
                translate("VolumeViewer", "3D rendering is not available: %1").replace(
                    "%1", str(err)
                )
            )
            return
        self.render3d.rendered.connect(self.rendered3d)
        self.render3d.markers = list(self.markers)
        self.mpr.set_panel3d(self.render3d)
        self.render3d.set_volume(self.mpr.volume, self.preset3d.currentData())

    def set_markers(self, markers: list) -> None:
        """Spheres drawn in the 3D view (e.g. AI nodules): (centre mm, radius mm, rgb 0-1)."""
        self.markers = list(markers)
        if self.render3d is not None:
            self.render3d.set_markers(self.markers)

    def retranslate(self) -> None:
        names = {
            **dicom_texts.tool_names(),
            "crosshair": translate("VolumeViewer", "Crosshair"),
            "rotate": translate("VolumeViewer", "Rotate planes"),
        }
        for i, key in enumerate(TOOLS):
            self.tool_box.setItemText(i, names[key])
        self.tool_box.setItemData(
            TOOLS.index("rotate"),
            translate(
                "VolumeViewer",
                "Drag in a plane to turn the other two planes about it (oblique MPR).",
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.a_reset_rotation.setText(translate("VolumeViewer", "Straighten planes"))
        self.slab_label.setText(translate("VolumeViewer", "Slab"))
        self.slab.setSuffix(" " + translate("VolumeViewer", "slices"))
        for i, key in enumerate(mpr.MODES):
            self.mode.setItemText(i, view_name(key))
        for i, p in enumerate(_volume_presets()):
            self.preset3d.setItemText(
                i, translate("VolumeViewer", "3D: %1").replace("%1", preset_3d_name(p.key, p.name))
            )
        self.a_undo.setText(dicom_texts.translate("ImageViewer", "Undo"))
        self.cancel.setText(translate("VolumeViewer", "Cancel"))
        if self.mpr.volume is None:
            self.status.setText(translate("VolumeViewer", "Loading volume…"))
        self.mpr.render()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shutdown(self) -> None:
        """Stop loading and close the 3D widget (before its window is finalised)."""
        self.mpr.cancel()
        if self.render3d is not None:
            self.render3d.close_vtk()


def for_pane(pane, marks, parent=None) -> VolumeViewer:
    """MPR + 3D of the series a 2D pane shows (reusing its volume when fully loaded)."""
    backing = pane.backing
    volume = backing.volume if backing is not None and backing.complete else None
    return VolumeViewer(pane.ctx, list(pane.source.files), parent, marks=marks, volume=volume)
