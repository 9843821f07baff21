"""VTK volume rendering of an ``app.imaging.volume.Volume`` (no Qt).

``volume_actor(volume, preset)`` builds the vtkVolume (image data, mapper,
transfer functions from ``app.imaging.volume_presets``) that the Qt viewer
puts in its QVTK widget; ``render_png`` renders it offscreen (no window:
EGL/OSMesa, or Xvfb) and writes a PNG read back with vtkWindowToImageFilter.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

CHUNK = 16  # slices converted between progress reports / cancel checks
LUMA = np.array([0.299, 0.587, 0.114], np.float32)


def _scalars(volume, state=None) -> np.ndarray:
    """The voxels as one C-contiguous grey array: the volume's own memory when it already
    is one (no copy), else converted a chunk of slices at a time (colour -> luminance)."""
    arr = volume.array
    if arr.ndim == 3 and arr.flags.c_contiguous:
        return arr
    out = np.empty(arr.shape[:3], np.float32 if arr.ndim == 4 else arr.dtype)
    for z in range(0, len(arr), CHUNK):
        if state is not None:
            state.check()
            state.progress(0.6 * z / len(arr))
        block = arr[z : z + CHUNK]
        out[z : z + CHUNK] = block[..., :3] @ LUMA if arr.ndim == 4 else block
    return out


def reduction(shape, max_voxels: int | None) -> int:
    """The block size (1: none) that brings ``shape``'s voxels under ``max_voxels``."""
    voxels = int(np.prod(shape[:3]))
    if not max_voxels or voxels <= max_voxels:
        return 1
    return int(np.ceil((voxels / max_voxels) ** (1 / 3) - 1e-9))


def _reduced(arr: np.ndarray, f: int, state=None) -> np.ndarray:
    """Means of f x f x f blocks (float32), one output slice at a time."""
    nz, ny, nx = (n // f for n in arr.shape)
    out = np.empty((nz, ny, nx), np.float32)
    for z in range(nz):
        if state is not None and z % 8 == 0:
            state.check()
            state.progress(0.6 * z / nz)
        acc = out[z]
        acc[...] = 0
        for dz in range(f):  # strided sums: far faster than a mean over reshaped axes
            plane = arr[z * f + dz]
            for dy in range(f):
                for dx in range(f):
                    acc += plane[dy : ny * f : f, dx : nx * f : f]
        acc *= np.float32(1.0 / f**3)
    return out


def image_data(volume, state=None, max_voxels: int | None = None):
    """The volume as vtkImageData (x fastest, spacing and origin in mm, direction set).

    The scalars share the volume's memory when they can (VTK keeps a reference to the
    numpy array), and their value range is computed here, so that a worker does this work
    and the first render on the UI thread does not.  Above ``max_voxels`` (software
    OpenGL), means of f x f x f blocks are rendered instead (``reduction``)."""
    from vtkmodules.util import numpy_support
    from vtkmodules.vtkCommonDataModel import vtkImageData

    arr = _scalars(volume, state)
    f = reduction(arr.shape, max_voxels)
    spacing = np.asarray(volume.spacing[::-1], float)  # x, y, z
    origin = np.asarray(volume.origin, float)
    if f > 1:
        arr = _reduced(arr, f, state)
        origin = origin + np.asarray(volume.direction, float) @ ((f - 1) / 2 * spacing)
        spacing = spacing * f
    if state is not None:
        state.check()
        state.progress(0.6)
    img = vtkImageData()
    z, y, x = arr.shape
    img.SetDimensions(x, y, z)
    img.SetSpacing(*map(float, spacing))
    img.SetOrigin(*map(float, origin))
    img.SetDirectionMatrix(*map(float, np.asarray(volume.direction).ravel()))
    scalars = numpy_support.numpy_to_vtk(arr.reshape(-1), deep=False)
    scalars.SetName("values")
    img.GetPointData().SetScalars(scalars)
    scalars.GetRange()  # cached by VTK: the mapper asks for it on the first render
    if state is not None:
        state.progress(0.8)
    return img


def volume_property(preset):
    from vtkmodules.vtkCommonDataModel import vtkPiecewiseFunction
    from vtkmodules.vtkRenderingCore import vtkColorTransferFunction, vtkVolumeProperty

    opacity, colour, gradient = vtkPiecewiseFunction(), vtkColorTransferFunction(), None
    for v, a in preset.opacity:
        opacity.AddPoint(v, a)
    for v, r, g, b in preset.colour:
        colour.AddRGBPoint(v, r, g, b)
    prop = vtkVolumeProperty()
    prop.SetScalarOpacity(opacity)
    prop.SetColor(colour)
    if not preset.mip:
        gradient = vtkPiecewiseFunction()
        for v, a in preset.gradient:
            gradient.AddPoint(v, a)
        prop.SetGradientOpacity(gradient)
    prop.SetInterpolationTypeToLinear()
    if preset.shade and not preset.mip:
        prop.ShadeOn()
    prop.SetAmbient(preset.ambient)
    prop.SetDiffuse(preset.diffuse)
    prop.SetSpecular(preset.specular)
    prop.SetSpecularPower(preset.specular_power)
    return prop


def volume_actor(volume, preset_key: str = "ct-bone", state=None, max_voxels: int | None = None):
    """The vtkVolume of ``volume`` (image data, mapper, transfer functions of the preset).
    No OpenGL call: a worker may build it and the UI thread only add it to a renderer."""
    from vtkmodules.vtkRenderingCore import vtkVolume
    from vtkmodules.vtkRenderingVolumeOpenGL2 import vtkSmartVolumeMapper

    mapper = vtkSmartVolumeMapper()
    mapper.SetInputData(image_data(volume, state, max_voxels))
    actor = vtkVolume()
    actor.SetMapper(mapper)
    apply_preset(actor, preset_key)
    if state is not None:
        state.progress(1.0)
    return actor


def apply_preset(actor, preset_key: str) -> None:
    """Blend mode and transfer functions (3D Slicer's points) of a named preset."""
    from app.imaging.volume_presets import volume_preset

    preset = volume_preset(preset_key)
    mapper = actor.GetMapper()
    if preset.mip:
        mapper.SetBlendModeToMaximumIntensity()
    else:
        mapper.SetBlendModeToComposite()
    actor.SetProperty(volume_property(preset))


def marker_actors(markers) -> list:
    """Spheres at patient positions: ``markers`` of (centre x, y, z mm, radius mm, rgb 0-1)."""
    from vtkmodules.vtkFiltersSources import vtkSphereSource
    from vtkmodules.vtkRenderingCore import vtkActor, vtkPolyDataMapper

    out = []
    for centre, radius, rgb in markers:
        src = vtkSphereSource()
        src.SetCenter(*map(float, centre))
        src.SetRadius(max(float(radius), 1.0))
        src.SetThetaResolution(24)
        src.SetPhiResolution(16)
        mapper = vtkPolyDataMapper()
        mapper.SetInputConnection(src.GetOutputPort())
        actor = vtkActor()
        actor.SetMapper(mapper)
        actor.GetProperty().SetColor(*map(float, rgb))
        out.append(actor)
    return out


def front_camera(renderer, volume) -> None:
    """Look at the patient's face (from anterior), head up, the whole volume in view."""
    renderer.ResetCamera()
    cam = renderer.GetActiveCamera()
    focal = np.array(cam.GetFocalPoint())
    distance = cam.GetDistance()
    cam.SetPosition(*(focal + np.array([0.0, -distance, 0.0])))  # LPS: anterior is -y
    cam.SetViewUp(0.0, 0.0, 1.0)
    renderer.ResetCamera()
    cam.Zoom(1.2)


def render_array(volume, preset: str = "ct-bone", size: int = 512, markers=()) -> np.ndarray:
    """An offscreen RGB rendering (size x size x 3 uint8), with ``markers`` as spheres."""
    import vtkmodules.vtkRenderingOpenGL2  # noqa: F401  (registers the OpenGL factories)
    from vtkmodules.vtkRenderingCore import vtkRenderer, vtkRenderWindow

    renderer = vtkRenderer()
    renderer.SetBackground(0.0, 0.0, 0.0)
    renderer.AddVolume(volume_actor(volume, preset))
    for actor in marker_actors(markers):
        renderer.AddActor(actor)
    front_camera(renderer, volume)
    window = vtkRenderWindow()
    window.SetOffScreenRendering(1)
    window.SetSize(size, size)
    window.AddRenderer(renderer)
    try:
        return window_pixels(window)
    finally:
        window.Finalize()


def window_pixels(window) -> np.ndarray:
    """Render ``window`` and read it back with vtkWindowToImageFilter: RGB rows top-down."""
    from vtkmodules.util import numpy_support
    from vtkmodules.vtkRenderingCore import vtkWindowToImageFilter

    window.Render()
    grab = vtkWindowToImageFilter()
    grab.SetInput(window)
    grab.SetInputBufferTypeToRGB()
    grab.ReadFrontBufferOff()
    grab.Update()
    out = grab.GetOutput()
    w, h, _ = out.GetDimensions()
    pixels = numpy_support.vtk_to_numpy(out.GetPointData().GetScalars())
    return pixels.reshape(h, w, -1)[::-1, :, :3].copy()  # VTK rows run bottom-up


def render_png(volume, out: Path, preset: str = "ct-bone", size: int = 512) -> Path:
    from PIL import Image

    Image.fromarray(render_array(volume, preset, size)).save(out)
    return Path(out)
