"""3D volume rendering of a ``Volume`` in a QVTK widget, with named presets.

The vtkImageData (a copy of the voxels) is built on the job runner; the
actor, its transfer functions (3D Slicer presets, ``app.imaging.volume_presets``
through ``viewers.vtk_volume``) and the camera are set on the UI thread.
Software OpenGL works (Mesa llvmpipe under Xvfb).  VTK is imported here, in
functions, never at module level.  ``close_vtk()`` closes the widget before
``Finalize()`` as VTK requires.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


def build_image_data(volume, state=None):
    """Worker: the voxels as vtkImageData."""
    from viewers.vtk_volume import image_data

    return image_data(volume)


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
        self.preset = "ct-bone"
        self.vtk = QVTKRenderWindowInteractor(self)
        self.renderer = vtkRenderer()
        self.renderer.SetBackground(0.0, 0.0, 0.0)
        self.vtk.GetRenderWindow().AddRenderer(self.renderer)
        self.vtk.SetInteractorStyle(vtkInteractorStyleTrackballCamera())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.vtk)
        self.vtk.Initialize()
        self._closed = False

    def set_volume(self, volume, preset: str | None = None) -> None:
        """Build the rendering of ``volume`` (voxels copied on a worker)."""
        self.volume = volume
        if preset:
            self.preset = preset
        self.ctx.jobs.submit(build_image_data, volume, name="3D setup", on_done=self._built)

    def _built(self, image) -> None:
        if self._closed:
            return
        from vtkmodules.vtkRenderingCore import vtkVolume
        from vtkmodules.vtkRenderingVolumeOpenGL2 import vtkSmartVolumeMapper

        from viewers.vtk_volume import front_camera

        mapper = vtkSmartVolumeMapper()
        mapper.SetInputData(image)
        self.actor = vtkVolume()
        self.actor.SetMapper(mapper)
        self.renderer.AddVolume(self.actor)
        self.set_preset(self.preset, render=False)
        front_camera(self.renderer, self.volume)
        self.render()

    def set_preset(self, key: str, render: bool = True) -> None:
        from app.imaging.volume_presets import volume_preset
        from viewers.vtk_volume import volume_property

        self.preset = key
        if self.actor is None:
            return
        preset = volume_preset(key)
        mapper = self.actor.GetMapper()
        if preset.mip:
            mapper.SetBlendModeToMaximumIntensity()
        else:
            mapper.SetBlendModeToComposite()
        self.actor.SetProperty(volume_property(preset))
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
        self.vtk.close()
        self.vtk.GetRenderWindow().Finalize()

    def closeEvent(self, event) -> None:
        self.close_vtk()
        super().closeEvent(event)


def render_snapshot(volume, preset: str, size: int, state=None) -> np.ndarray:
    """Worker: an offscreen rendering (no window), RGB uint8."""
    from viewers.vtk_volume import render_array

    return render_array(volume, preset, size)


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
            render_snapshot, self.volume, key, size, name="3D rendering", on_done=self._done
        )

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
