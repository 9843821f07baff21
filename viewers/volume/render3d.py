"""3D volume rendering of a ``Volume`` in a QVTK widget, with named presets.

Everything but OpenGL is prepared on the job runner with progress and Cancel
(the panel's bar): the vtkImageData over the voxels (shared, not copied, when
they are one grey array), their value range, the mapper and the transfer
functions (3D Slicer presets, ``app.imaging.volume_presets`` through
``viewers.vtk_volume``).  The UI thread only adds the prepared actor, sets the
camera and renders.
Software OpenGL works (Mesa llvmpipe under Xvfb).  VTK is imported here, in
functions, never at module level.  ``close_vtk()`` closes the widget before
``Finalize()`` as VTK requires.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from viewers.volume.texts import translate

FIRST_RENDER_DELAY_MS = 30  # the "Rendering 3D…" line is painted before the UI blocks


# With software OpenGL (Mesa llvmpipe: no graphics driver) every 3D frame of a 540 x 512²
# CT takes seconds; above this many voxels such a computer renders block means instead.
SOFTWARE_MAX_VOXELS = 32 * 2**20
SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "swrast", "software rasterizer")


def software_opengl(window) -> bool:
    """Whether ``window``'s OpenGL renderer is a software one."""
    caps = window.ReportCapabilities() or ""
    line = next((x for x in caps.splitlines() if "renderer string" in x.lower()), "")
    return any(name in line.lower() for name in SOFTWARE_RENDERERS)


def prepare_actor(volume, preset: str, state=None, max_voxels: int | None = None):
    """Worker: the vtkVolume (image data, value range, mapper, transfer functions)."""
    from viewers.vtk_volume import volume_actor

    return volume_actor(volume, preset, state, max_voxels)


class PrepareBar(QWidget):
    """'Preparing 3D…' with progress and Cancel, under the 3D view while a worker works."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.cancel = QPushButton(self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel)
        self.cancel.setText(translate("VolumeViewer", "Cancel"))

    def start(self) -> None:
        self.label.setText(translate("VolumeViewer", "Preparing 3D…"))
        self.bar.setValue(0)
        self.bar.show()
        self.cancel.show()
        self.show()

    def progress(self, fraction: float) -> None:
        self.bar.setValue(int(fraction * 100))

    def note(self, text: str) -> None:
        """A lasting line under the 3D view (e.g. it is shown at a reduced resolution)."""
        self.label.setText(text)
        self.bar.hide()
        self.cancel.hide()
        self.show()

    def rendering(self) -> None:
        self.label.setText(translate("VolumeViewer", "Rendering 3D…"))
        self.bar.hide()
        self.cancel.hide()

    def stopped(self) -> None:
        self.label.setText(
            translate("VolumeViewer", "3D was stopped. Choose a 3D preset to prepare it again.")
        )
        self.bar.hide()
        self.cancel.hide()


class VolumeRender(QWidget):
    rendered = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        import vtkmodules.vtkInteractionStyle  # noqa: F401  (interactor styles)
        import vtkmodules.vtkRenderingOpenGL2  # noqa: F401  (OpenGL factories)
        import vtkmodules.vtkRenderingVolumeOpenGL2  # noqa: F401
        from vtkmodules.qt.QVTKRenderWindowInteractor import QVTKRenderWindowInteractor
        from vtkmodules.vtkInteractionStyle import vtkInteractorStyleTrackballCamera
        from vtkmodules.vtkRenderingCore import vtkRenderer

        self.ctx = ctx
        self.volume = None
        self.actor = None
        self.job = None
        self.preset = "ct-bone"
        self.vtk = QVTKRenderWindowInteractor(self)
        self.renderer = vtkRenderer()
        self.renderer.SetBackground(0.0, 0.0, 0.0)
        self.vtk.GetRenderWindow().AddRenderer(self.renderer)
        self.vtk.SetInteractorStyle(vtkInteractorStyleTrackballCamera())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.vtk, 1)
        self.prepare_bar = PrepareBar(self)
        self.prepare_bar.cancel.clicked.connect(self.cancel)
        self.prepare_bar.hide()
        lay.addWidget(self.prepare_bar)
        self.vtk.Initialize()
        self.software_gl = software_opengl(self.vtk.GetRenderWindow())
        self.reduced = 1  # block size of the voxels rendered (1: all of them)
        self._closed = False
        self.markers: list = []
        self._marker_actors: list = []

    def set_volume(self, volume, preset: str | None = None) -> None:
        """Prepare the rendering of ``volume`` on a worker; the UI attaches it when ready."""
        self.volume = volume
        if preset:
            self.preset = preset
        from viewers.vtk_volume import reduction

        self.prepare_bar.start()
        self._prepared_with = self.preset
        limit = SOFTWARE_MAX_VOXELS if self.software_gl else None
        self.reduced = reduction(volume.array.shape, limit)
        self.job = self.ctx.jobs.submit(
            prepare_actor,
            volume,
            self.preset,
            max_voxels=limit,
            name="3D setup",
            on_done=self._prepared,
            on_error=self._failed,
            on_cancel=self._stopped,
            on_progress=lambda f, _m: self.prepare_bar.progress(f),
        )

    @property
    def preparing(self) -> bool:
        return self.job is not None and not self.job.done

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _prepared(self, actor) -> None:
        self.job = None
        if self._closed:
            return
        from viewers.vtk_volume import apply_preset, front_camera

        self.actor = actor
        if self.preset != self._prepared_with:
            apply_preset(actor, self.preset)  # a preset chosen while it was being prepared
        self.renderer.AddVolume(actor)
        self.set_markers(self.markers, render=False)
        front_camera(self.renderer, self.volume)
        # the first render uploads the voxels to OpenGL and must run here (seconds with
        # software OpenGL): say so first, and let the panel paint that before it starts
        self.prepare_bar.rendering()
        QTimer.singleShot(FIRST_RENDER_DELAY_MS, self._first_render)

    def _first_render(self) -> None:
        if self.reduced > 1:
            self.prepare_bar.note(
                translate(
                    "VolumeViewer",
                    "3D at 1/%1 resolution: this computer draws OpenGL in software "
                    "(no graphics driver), full resolution would take seconds per frame.",
                ).replace("%1", str(self.reduced))
            )
        else:
            self.prepare_bar.hide()
        self.render()

    def set_markers(self, markers: list, render: bool = True) -> None:
        """Spheres (centre mm, radius mm, rgb) over the volume (e.g. AI nodules)."""
        from viewers.vtk_volume import marker_actors

        self.markers = list(markers)
        if self._closed or self.actor is None:
            return
        for a in self._marker_actors:
            self.renderer.RemoveActor(a)
        self._marker_actors = marker_actors(self.markers)
        for a in self._marker_actors:
            self.renderer.AddActor(a)
        if render:
            self.render()

    def _stopped(self) -> None:
        self.job = None
        if not self._closed:
            self.prepare_bar.stopped()

    def _failed(self, err) -> None:
        self.job = None
        if self._closed:
            return
        self.prepare_bar.label.setText(
            translate("VolumeViewer", "3D rendering is not available: %1").replace("%1", str(err))
        )
        self.prepare_bar.bar.hide()
        self.prepare_bar.cancel.hide()

    def set_preset(self, key: str, render: bool = True) -> None:
        from viewers.vtk_volume import apply_preset

        self.preset = key
        if self.actor is None:
            if self.volume is not None and not self.preparing:
                self.set_volume(self.volume, key)  # stopped before: prepare again
            return
        apply_preset(self.actor, key)
        if render:
            self.render()

    def render(self) -> None:
        if self._closed:
            return
        self.vtk.GetRenderWindow().Render()
        self.rendered.emit()

    def grab_array(self) -> np.ndarray:
        """What the window shows, read back with vtkWindowToImageFilter (rows top-down, RGB)."""
        from viewers.vtk_volume import window_pixels

        return window_pixels(self.vtk.GetRenderWindow())

    def close_vtk(self) -> None:
        """Close the QVTK widget, then Finalize() its window (in that order)."""
        if self._closed:
            return
        self._closed = True
        self.cancel()
        self.vtk.close()
        self.vtk.GetRenderWindow().Finalize()

    def closeEvent(self, event) -> None:
        self.close_vtk()
        super().closeEvent(event)


def render_snapshot(volume, preset: str, size: int, state=None, markers=()) -> np.ndarray:
    """Worker: an offscreen rendering (no window), RGB uint8."""
    from viewers.vtk_volume import render_array

    return render_array(volume, preset, size, markers)


class SnapshotRender(QWidget):
    """The 3D panel where Qt has no native windows (offscreen platform: screenshots,
    headless checks): the same presets rendered offscreen on a worker, shown as an image."""

    rendered = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QLabel

        self.ctx = ctx
        self.volume = None
        self.preset = "ct-bone"
        self.array: np.ndarray | None = None
        self.markers: list = []
        self.label = QLabel(self)
        self.label.setStyleSheet("background:black")
        self.label.setMinimumSize(64, 64)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)

    def set_volume(self, volume, preset: str | None = None) -> None:
        self.volume = volume
        self.set_preset(preset or self.preset)

    def set_preset(self, key: str, render: bool = True) -> None:
        self.preset = key
        if self.volume is None:
            return
        size = max(256, min(self.width(), self.height(), 512))
        self.ctx.jobs.submit(
            render_snapshot, self.volume, key, size, markers=list(self.markers),
            name="3D rendering", on_done=self._done,
        )  # fmt: skip

    def set_markers(self, markers: list) -> None:
        self.markers = list(markers)
        self.set_preset(self.preset)

    def _done(self, array: np.ndarray) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage, QPixmap

        self.array = np.ascontiguousarray(array)
        h, w, _ = self.array.shape
        img = QImage(self.array.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        pix = QPixmap.fromImage(img)
        side = max(64, min(self.label.width(), self.label.height()))
        self.label.setPixmap(
            pix.scaled(
                side,
                side,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rendered.emit()

    def grab_array(self) -> np.ndarray | None:
        return self.array

    def close_vtk(self) -> None:
        pass


def native_windows() -> bool:
    """Whether Qt gives native windows the QVTK widget can render into."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() not in ("offscreen", "minimal", "vnc")
