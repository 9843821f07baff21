"""3D volume rendering presets shared by the viewer and the headless renderer (Qt-free).

3D Slicer's (``Modules/Loadable/VolumeRendering/Resources/presets.xml``,
BSD-style licence): scalar opacity, colour and gradient opacity point lists
plus shading, which map 1:1 onto vtkPiecewiseFunction,
vtkColorTransferFunction and vtkVolumeProperty.  Window/level presets are in
``app.imaging.presets``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VolumePreset:
    key: str
    name: str
    opacity: tuple[tuple[float, float], ...]  # (value, opacity)
    colour: tuple[tuple[float, float, float, float], ...]  # (value, r, g, b)
    gradient: tuple[tuple[float, float], ...]  # (gradient magnitude, opacity)
    shade: bool
    ambient: float
    diffuse: float
    specular: float
    specular_power: float
    mip: bool = False  # maximum intensity projection instead of compositing


def _pairs(text: str, width: int) -> tuple:
    """Slicer's "N v1 a1 v2 a2 ..." lists -> tuples of ``width`` numbers."""
    values = [float(v) for v in text.split()]
    n, values = int(values[0]), values[1:]
    if n != len(values) or n % width:
        raise ValueError(f"malformed preset list: {text}")
    return tuple(tuple(values[i : i + width]) for i in range(0, n, width))


def _slicer(key, name, opacity, colour, gradient, shade, amb, diff, spec, power, mip=False):
    return VolumePreset(
        key,
        name,
        _pairs(opacity, 2),
        _pairs(colour, 4),
        _pairs(gradient, 2),
        shade,
        amb,
        diff,
        spec,
        power,
        mip,
    )


VOLUME_PRESETS: tuple[VolumePreset, ...] = (
    _slicer(
        "ct-bone",
        "CT bone",
        "8 -3024 0 -16.4458 0 641.385 0.715686 3071 0.705882",
        "16 -3024 0 0 0 -16.4458 0.729412 0.254902 0.301961 641.385 0.905882 0.815686 "
        "0.552941 3071 1 1 1",
        "4 0 1 255 1",
        True,
        0.1,
        0.9,
        0.2,
        10,
    ),
    _slicer(
        "ct-lung",
        "CT lung",
        "12 -1000 0 -600 0 -599 0.15 -400 0.15 -399 0 2952 0",
        "24 -1000 0.3 0.3 1 -600 0 0 1 -530 0.134704 0.781726 0.0724558 -460 0.929244 1 "
        "0.109473 -400 0.888889 0.254949 0.0240258 2952 1 0.3 0.3",
        "6 0 1 985.12 1 988 1",
        True,
        0.2,
        1.0,
        0.0,
        1,
    ),
    _slicer(
        "ct-soft-tissue",
        "CT soft tissue",
        "10 -2048 0 -167.01 0 -160 1 240 1 3661 1",
        "20 -2048 0 0 0 -167.01 0 0 0 -160 0.0556356 0.0556356 0.0556356 240 1 1 1 3661 1 1 1",
        "4 0 1 255 1",
        False,
        0.2,
        1.0,
        0.0,
        1,
    ),
    _slicer(
        "ct-muscle",
        "CT muscle",
        "10 -3024 0 -155.407 0 217.641 0.676471 419.736 0.833333 3071 0.803922",
        "20 -3024 0 0 0 -155.407 0.54902 0.25098 0.14902 217.641 0.882353 0.603922 "
        "0.290196 419.736 1 0.937033 0.954531 3071 0.827451 0.658824 1",
        "4 0 1 255 1",
        True,
        0.1,
        0.9,
        0.2,
        10,
    ),
    _slicer(
        "ct-mip",
        "MIP",
        "8 -3024 0 -637.62 0 700 1 3071 1",
        "16 -3024 0 0 0 -637.62 1 1 1 700 1 1 1 3071 1 1 1",
        "4 0 1 255 1",
        False,
        0.1,
        0.9,
        0.2,
        10,
        mip=True,
    ),
)


def volume_preset(key: str) -> VolumePreset:
    for p in VOLUME_PRESETS:
        if p.key == key:
            return p
    keys = ", ".join(p.key for p in VOLUME_PRESETS)
    raise KeyError(f"no volume rendering preset {key!r} (one of {keys})")
