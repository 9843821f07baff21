"""MPR + 3D: axial, coronal and sagittal planes with a linked crosshair, and a
volume rendering, in a 2x2 layout.

The volume (``app.imaging.volume.Volume``) is created from the headers and
filled on the job runner, middle slice first then interleaved; the planes are
redrawn while it fills, so MPR is never blank.  Each plane is the 2D canvas
(``viewers.dicom.canvas.ImageView``): wheel moves the plane, right drag
windows (all three planes), keys 1-9 pick presets, the crosshair tool (the
default here) moves the linked point, and the measurement tools measure on
the plane (mm from the plane's spacing; HU statistics on the slab shown).
Slab thickness (slices) with MIP / MinIP / average.  The rotate tool turns
the planes (oblique MPR, ``app.imaging.oblique``; ``viewers.volume.oblique_view``):
a turned plane is resliced along its own orientation, the crosshair lines are
the other planes' traces, and a click still moves the linked point.  The 3D view
is built lazily (``viewers.volume.render3d``) once the volume is complete.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.imaging import mpr, oblique
from app.imaging.presets import presets_for
from viewers.dicom import texts
from viewers.dicom.canvas import ImageView
from viewers.dicom.measurements import Measurement, MeasurementSet, compute
from viewers.volume import planes
from viewers.volume.oblique_view import RotateDrag, crosshair_path, sweep
from viewers.volume.texts import translate, view_name

CROSS = QColor(0, 200, 255)
SETTLE_MS = 200  # after the last move, turned planes are resampled trilinearly


def create_volume(files, state=None):
    """Worker: headers -> preallocated Volume (no pixels yet)."""
    from app.imaging.series import series_info
    from app.imaging.volume import Volume

    return Volume.create(series_info(files, state))


def fill_volume(volume, state=None, own: bool = True):
    """Worker: decode every slice, then put a gantry-tilted series on an orthogonal grid
    (in place when this viewer made the volume, else on a copy: the 2D pane keeps its own)."""
    from app.imaging.tilt import correct_tilt

    return correct_tilt(volume.load(state), state, in_place=own)


class MprGrid(QWidget):
    """The three planes and the 3D panel; the toolbar lives in ``volume_viewer``."""

    loaded = Signal()  # the whole volume is in memory
    point_changed = Signal(tuple)  # (z, y, x)
    rotated = Signal()  # the planes' orientation changed (oblique MPR)
    progress = Signal(float)

    def __init__(self, ctx, parent=None, marks: MeasurementSet | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volume = None
        self.point = (0, 0, 0)
        self.frame: oblique.Frame | None = None  # the point in mm and the planes' normals
        self.shown: dict[str, tuple] = {}  # view -> (geometry, values, spacing, index) shown
        self._turned: dict[str, bool] = {}  # view -> shown turned (oblique) last time
        self._fill = 0.0
        self.slab, self.mode = 1, "mip"
        self.centre, self.width_, self.invert = 40.0, 400.0, False
        self.marks = marks if marks is not None else MeasurementSet(None)  # the case's, saved
        self.job = None
        self.complete = False
        self.views: dict[str, ImageView] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(2)
        for i, view in enumerate(mpr.VIEWS):
            v = ImageView(self)
            v.scroll_slices = True
            v.set_tool("crosshair")
            v.slice_step.connect(lambda d, name=view: self.step(name, d))
            v.window_drag.connect(self._drag_window)
            v.preset_key.connect(self.apply_preset_key)
            v.drawn.connect(lambda tool, pts, name=view: self._drawn(name, tool, pts))
            v.overlay.label = lambda m: texts.label(m, "CT" if self._is_ct() else "")
            self.views[view] = v
            RotateDrag(self, view, v)
            self.grid.addWidget(v, i // 2, i % 2)
        self.panel3d: QWidget = QLabel(self)
        self.grid.addWidget(self.panel3d, 1, 1)
        self._poll = QTimer(self)
        self._poll.setInterval(150)
        self._poll.timeout.connect(self._poll_loading)
        self._seen = -1
        self.moving = False  # turned planes sampled at the nearest voxel while the user moves
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self.overlay_hooks: list = []  # fn(view name, ImageView, plane index): extra marks

    # --- loading --------------------------------------------------------
    def open(self, files, volume=None) -> None:
        """Load the series' volume, or show ``volume`` when it is already in memory."""
        if volume is not None:
            self._created(volume, own=False)
            return
        self.ctx.jobs.submit(
            create_volume,
            list(files),
            name="volume headers",
            on_done=self._created,
            on_error=self._failed,
        )

    def _created(self, volume, own: bool = True) -> None:
        self.volume = volume
        z, y, x = volume.array.shape[:3]
        self.point = (z // 2, y // 2, x // 2)
        self.frame = oblique.Frame(volume, self.point)
        self.centre, self.width_ = (40.0, 400.0) if self._is_ct() else (0.0, 1.0)
        self._poll.start()
        self.job = self.ctx.jobs.submit(
            fill_volume,
            volume,
            own=own,
            name="load volume",
            on_done=self._filled,
            on_error=self._failed,
            on_progress=lambda f, _m: self.progress.emit(f),
        )

    def _poll_loading(self) -> None:
        if self.volume is None:
            return
        n = int(self.volume.loaded.sum())
        if n != self._seen:
            if self._seen <= 0 < n and not self._is_ct():
                self.centre, self.width_ = self.volume.default_window
            self._seen = n
            self.render()

    def _filled(self, volume) -> None:
        self._poll.stop()
        self.complete = True
        if volume is not self.volume or volume.corrections:  # sheared: now on its own grid
            self.volume = volume
            self.frame = oblique.Frame(volume, self.point)
            self.shown = {}
        self._fill = float(self.volume.array.min())  # outside the volume on oblique planes
        if not self._is_ct():
            self.centre, self.width_ = self.volume.default_window
        self.render()
        for v in self.views.values():
            v.fit()
        self.loaded.emit()

    def _failed(self, err) -> None:
        self._poll.stop()
        if isinstance(self.panel3d, QLabel):
            from ui.read_errors import show_error_on

            show_error_on(self.panel3d, "%1", err)
        self.progress.emit(-1.0)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _is_ct(self) -> bool:
        return self.volume is not None and self.volume.info.modality.upper() == "CT"

    # --- display --------------------------------------------------------
    def render(self) -> None:
        vol = self.volume
        if vol is None:
            return
        from PySide6.QtGui import QImage, QPixmap

        for name, view in self.views.items():
            geometry, values, spacing, index = self._plane(name)
            self.shown[name] = (geometry, values, spacing, index)
            data = mpr.window(values, self.centre, self.width_, self.invert)
            h, w = data.shape[:2]
            fmt = QImage.Format.Format_RGB888 if data.ndim == 3 else QImage.Format.Format_Grayscale8
            qimg = QImage(data.data, w, h, data.strides[0], fmt).copy()
            old = view.item.pixmap()
            turned = self.frame.oblique(name)
            # fitted when first shown and when it turns or straightens; a turned plane whose
            # outline grows or shrinks while it turns stays centred at the same scale
            refit = old.isNull() or turned != self._turned.get(name)
            resized = (old.width(), old.height()) != (w, h)
            self._turned[name] = turned
            view.item.setPixmap(QPixmap.fromImage(qimg))
            view.set_pixel_aspect(spacing)
            view.scene().setSceneRect(view.item.sceneBoundingRect())
            if refit:
                view.fit()
            elif resized:
                view.centerOn(view.item.sceneBoundingRect().center())
            ov = view.overlay
            ov.spacing = list(spacing)
            ov.orientation = (
                self.frame.patient_orientation(name) if turned else planes.orientation(vol, name)
            )
            ov.corners = self._corners(name, index)
            key = self.plane_key(name)
            ov.measurements = [m for m in self.marks.on_frame(index) if m.sop_uid == key]
            ov.extra = [(crosshair_path(self.frame, name, geometry), CROSS)]
            ov.extra_labels = []
            for hook in self.overlay_hooks:
                hook(name, view, index)
            view.viewport().update()

    def _plane(self, name: str):
        """(geometry, values, spacing, index) of ``name`` as it is shown now."""
        vol, frame = self.volume, self.frame
        if not frame.oblique(name):
            index = frame.index_on(name)
            plane = mpr.plane(vol, name, index, self.slab, self.mode)
            return frame.geometry(name, index), plane.pixels, plane.spacing, index
        geometry = frame.geometry(name)
        quick = oblique.reslice_quick if self.moving else oblique.reslice
        values = quick(vol, geometry, self.slab, self.mode, self._fill)
        pixel = float(np.linalg.norm(geometry.col))
        return geometry, values, (pixel, pixel), 0

    def _corners(self, name: str, index: int) -> dict[str, list[str]]:
        vol = self.volume
        n = mpr.depth(vol, name)
        tl = [view_name(name)]
        if self.frame.oblique(name):
            tl.append(translate("VolumeViewer", "Oblique"))
        else:
            tl.append(
                texts.translate("ImageViewer", "Image %1 of %2")
                .replace("%1", str(index + 1))
                .replace("%2", str(n))
            )
        if self.slab > 1:
            tl.append(view_name(self.mode) + f" {self.slab}")
        br = [
            texts.translate("ImageViewer", "W %1  L %2")
            .replace("%1", f"{self.width_:.0f}")
            .replace("%2", f"{self.centre:.0f}")
        ]
        loaded = int(vol.loaded.sum())
        if loaded < len(vol.loaded):
            br.append(f"{loaded} / {len(vol.loaded)}")
        return {"top-left": tl, "bottom-right": br}

    def set_point(self, zyx) -> None:
        """Move the linked point to voxel ``zyx`` (fractions kept for oblique planes)."""
        if self.volume is None:
            return
        top = np.array(self.volume.array.shape[:3], float) - 1
        exact = np.clip(np.asarray(zyx, float), 0, top)
        self.frame.point = self.frame.to_mm(exact)
        self.point = planes.clamp(self.volume, exact)
        self._moved()
        self.render()
        self.point_changed.emit(self.point)

    def step(self, name: str, delta: int) -> None:
        frame = self.frame
        if frame is not None and frame.oblique(name):  # along the turned plane's normal
            geometry = self.shown[name][0] if name in self.shown else frame.geometry(name)
            pixel = float(np.linalg.norm(geometry.col))
            q = frame.point + delta * pixel * geometry.normal
            self.set_point(frame.to_index(q))
            return
        z, y, x = self.point
        axis = planes.axis_of(name)
        p = [z, y, x]
        p[axis] += delta
        self.set_point(p)

    def rotate_by(self, name: str, before, after) -> None:
        """Turn the other planes about ``name``'s normal by the angle swept from pixel
        ``before`` to ``after`` around the crosshair centre (the rotate tool's drag)."""
        geometry = self.frame.geometry(name)
        angle = sweep(geometry, self.frame.point, before, after)
        self.rotate(name, angle if geometry.normal @ self.frame.normals[name] > 0 else -angle)

    def rotate(self, name: str, angle: float) -> None:
        """Turn the other two planes by ``angle`` radians about ``name``'s normal."""
        if self.frame is None or not angle:
            return
        self.frame.rotate(name, angle)
        self._moved()
        self.render()
        self.rotated.emit()

    def _moved(self) -> None:
        """Turned planes follow the pointer at the nearest voxel, then settle (trilinear)."""
        if self.frame is not None and self.frame.rotated:
            self.moving = True
            self._settle.start()

    def _settled(self) -> None:
        if self.moving:
            self.moving = False
            self.render()

    def reset_rotation(self) -> None:
        if self.frame is not None and self.frame.rotated:
            self.frame.reset()
            self.render()
            self.rotated.emit()

    def set_slab(self, slices: int, mode: str) -> None:
        self.slab, self.mode = max(1, int(slices)), mode
        self.render()

    def set_window(self, centre: float, width: float) -> None:
        self.centre, self.width_ = float(centre), max(1.0, float(width))
        self.render()

    def _drag_window(self, dx: float, dy: float) -> None:
        step = max(self.width_, 1.0) / 300.0
        self.set_window(self.centre + dy * step, self.width_ + dx * step)

    def presets(self):
        return presets_for(self.volume.info.modality if self.volume else "", [])

    def apply_preset_key(self, n: int) -> None:
        table = self.presets()
        if 1 <= n <= len(table):
            self.set_window(table[n - 1].level, table[n - 1].width)

    def set_tool(self, tool: str) -> None:
        for v in self.views.values():
            v.set_tool(tool)

    def _drawn(self, name: str, tool: str, points: list) -> None:
        vol = self.volume
        if vol is None:
            return
        if self.moving:  # measure on the trilinear plane, not the quick one
            self._settle.stop()
            self._settled()
        geometry, values, spacing, index = self.shown.get(name) or self._plane(name)
        if tool == "crosshair":
            self.set_point(self.frame.to_index(geometry.to_mm(*points[0])))
            return
        m = compute(
            Measurement(tool, index, points, sop_uid=self.plane_key(name)),
            None if values.ndim == 3 else values,
            list(spacing),
        )
        self.marks.add(m)
        self.render()

    def plane_key(self, name: str) -> str:
        """What a measurement on a reformatted plane is attached to (series and plane; a
        turned plane also by its normal and distance from the origin, so its measurements
        show only on that very plane)."""
        if self.volume is None:
            return name
        key = f"mpr:{self.volume.info.uid}:{name}"
        if self.frame is not None and self.frame.oblique(name):
            n = self.frame.normals[name]
            key += ":" + ",".join(f"{v:.4f}" for v in (*n, n @ self.frame.point))
        return key

    def undo(self) -> None:
        if self.marks.undo():
            self.render()

    def set_panel3d(self, widget: QWidget) -> None:
        self.grid.removeWidget(self.panel3d)
        self.panel3d.deleteLater()
        self.panel3d = widget
        self.grid.addWidget(widget, 1, 1)
