"""Headless pictures of a series: 2D planes in numpy/Pillow, 3D through the VTK renderer.

The 3D renderer lives outside the Qt-free core (VTK is a display library);
it is named here as a ``"module:function"`` string, like the modality
descriptor names viewers.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np

from app.imaging import mpr
from app.imaging.volume import Volume

RENDER_3D = "viewers.vtk_volume:render_png"
VIEWS = ("axial", "coronal", "sagittal", "mip", "3d")


def window_for(volume: Volume, preset: str | None) -> tuple[float, float]:
    """(centre, width) of a W/L preset key, else the header's window, else the data's range."""
    if preset:
        from app.imaging.presets import CT_PRESETS

        for p in CT_PRESETS:
            if p.key == preset:
                return float(p.level), float(p.width)
        keys = ", ".join(p.key for p in CT_PRESETS)
        raise ValueError(f"no window preset {preset!r} (one of {keys})")
    return volume.default_window


def voi_lut_grey(values: np.ndarray, head, invert: bool) -> np.ndarray:
    """The header's VOI LUT (PS3.3 C.11.2) applied, scaled to 8 bits over the LUT's output."""
    from pydicom.pixels import apply_voi_lut

    from app.imaging.headers import read_header

    ds = read_header(head.path, stop_before_pixels=True)[0]
    descriptor = ds.VOILUTSequence[0].LUTDescriptor
    out = apply_voi_lut(np.round(values).astype(np.int32), ds).astype(np.float32)
    top = float(2 ** int(descriptor[2]) - 1) if int(descriptor[2]) in range(8, 17) else out.max()
    grey = np.clip(out * (255.0 / max(top, 1.0)), 0, 255).astype(np.uint8)
    return 255 - grey if invert else grey


def square_pixels(img: np.ndarray, spacing: tuple[float, float]):
    """A Pillow image resampled so one pixel is the same size in mm both ways."""
    from PIL import Image

    pic = Image.fromarray(img)
    sy, sx = spacing
    if abs(sy - sx) < 1e-3 * max(sy, sx):
        return pic
    step = min(sy, sx)
    size = (max(1, round(img.shape[1] * sx / step)), max(1, round(img.shape[0] * sy / step)))
    return pic.resize(size, Image.BILINEAR)


def render_2d(
    volume: Volume,
    view: str,
    index: int | None = None,
    preset: str | None = None,
    slab: int = 1,
    mode: str = "mip",
):
    """A Pillow image of ``view`` ("mip": coronal maximum intensity through the whole volume)."""
    if view == "mip":
        view, index, slab, mode = "coronal", None, mpr.depth(volume, "coronal"), "mip"
    plane = mpr.plane(volume, view, index, slab, mode)
    head = volume.frames[0].head if volume.frames else None
    if not preset and head is not None and head.voi_lut and plane.pixels.ndim == 2:
        return square_pixels(voi_lut_grey(plane.pixels, head, volume.invert), plane.spacing)
    if preset or slab == 1 or plane.pixels.ndim == 3:
        centre, width = window_for(volume, preset)
    else:  # a projection: the header's window is for one slice; use the projection's range
        lo, hi = np.percentile(plane.pixels[::2, ::2], [1, 99.9])
        centre, width = float(lo + hi) / 2, float(max(hi - lo, 1.0))
    grey = mpr.window(plane.pixels, centre, width, invert=volume.invert)
    return square_pixels(grey, plane.spacing)


def render_png(
    volume: Volume,
    view: str,
    out: Path,
    index: int | None = None,
    preset: str | None = None,
    size: int = 512,
) -> Path:
    """Write ``view`` of ``volume`` to ``out`` (PNG)."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r} (one of {', '.join(VIEWS)})")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if view == "3d":
        module, name = RENDER_3D.split(":")
        renderer = getattr(importlib.import_module(module), name)
        return renderer(volume, out, preset=preset or "ct-bone", size=size)
    render_2d(volume, view, index, preset).save(out)
    return out
