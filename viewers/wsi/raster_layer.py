"""Raster overlays (heatmap, tissue mask) and the image helpers the overlay tiles share."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream
from PySide6.QtGui import QImage, QPainterPath

HEATMAP_MAX_OPACITY = 0.4  # the tissue stays readable under a heatmap

COLORMAPS = {
    "viridis": [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)],
    "inferno": [(0, 0, 4), (87, 16, 110), (188, 55, 84), (249, 142, 9), (252, 255, 164)],
    "jet": [(0, 0, 143), (0, 128, 255), (128, 255, 128), (255, 128, 0), (128, 0, 0)],
}


def colormap_lut(name: str) -> np.ndarray:
    anchors = np.asarray(COLORMAPS.get(name, COLORMAPS["viridis"]), float)
    x = np.linspace(0, 1, len(anchors))
    t = np.linspace(0, 1, 256)
    return np.stack([np.interp(t, x, anchors[:, i]) for i in range(3)], 1).astype(np.uint8)


def rgba_qimage(rgba: np.ndarray) -> QImage:
    h, w, _ = rgba.shape
    data = np.ascontiguousarray(rgba)
    return QImage(data.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def binary_alpha_qimage(pixels: np.ndarray) -> QImage:
    """An RGBA tile whose alpha is 0 or 255 as premultiplied ARGB.

    Premultiplied ARGB is what the painter blends without converting; with a
    binary alpha the straight colours already are premultiplied.
    """
    import sys

    bgra = np.ascontiguousarray(pixels[..., [2, 1, 0, 3]])
    h, w = bgra.shape[:2]
    if sys.byteorder != "little":  # ARGB32 is B, G, R, A in memory only on little-endian
        rgba = np.ascontiguousarray(bgra[..., [2, 1, 0, 3]])
        fmt = QImage.Format.Format_RGBA8888_Premultiplied
        return QImage(rgba.data, w, h, 4 * w, fmt).copy()
    fmt = QImage.Format.Format_ARGB32_Premultiplied
    return QImage(bgra.data, w, h, 4 * w, fmt).copy()


def path_from_bytes(raw: bytes) -> QPainterPath:
    path = QPainterPath()
    stream = QDataStream(QByteArray(raw))
    stream >> path
    return path


@dataclass
class RasterLayer:
    """A raster over the slide (heatmap, tissue mask) at ``downsample`` vs level 0."""

    values: np.ndarray  # float (heatmap) or bool (mask)
    downsample: float
    name: str
    title: str = ""
    analyzer: str = ""
    visible: bool = True
    opacity: float = 0.5
    colormap: str = "viridis"
    colour: tuple[int, int, int] = (0, 170, 80)  # masks
    vmax: float | None = None
    image: QImage | None = None
    max_opacity: float = 1.0
    unit: str = ""  # of the values, shown on the legend's colour scale
    outline: QPainterPath | None = None  # masks: the boundary, level-0 px

    def outline_path(self) -> QPainterPath:
        """A mask's boundary (marching squares), so the stain under it keeps its colour."""
        if self.outline is None:
            from skimage.measure import find_contours

            from viewers.wsi.detections import path_bytes

            rings = find_contours(np.pad(self.values, 1).astype(np.uint8), 0.5)
            rings = [(np.asarray(r)[:, ::-1] - 0.5) * self.downsample for r in rings if len(r) > 2]
            if rings:
                coords = np.concatenate(rings).astype(np.float32)
                offsets = np.zeros(len(rings) + 1, np.int64)
                offsets[1:] = np.cumsum([len(r) for r in rings])
                self.outline = path_from_bytes(path_bytes(coords, offsets, np.arange(len(rings))))
            else:
                self.outline = QPainterPath()
        return self.outline

    def top(self) -> float:
        """The value drawn with the top colour (the 99th percentile unless ``vmax``)."""
        if self.vmax:
            return float(self.vmax)
        v = self.values
        return float(np.percentile(v[v > 0], 99)) if (v > 0).any() else 1.0

    def render(self) -> QImage:
        if self.image is None:
            v = self.values
            if v.dtype == bool:
                rgba = np.zeros((*v.shape, 4), np.uint8)
                rgba[v, :3] = self.colour
                rgba[v, 3] = 255
            else:
                t = np.clip(v / max(self.top(), 1e-9), 0, 1)
                rgba = np.zeros((*v.shape, 4), np.uint8)
                rgba[..., :3] = colormap_lut(self.colormap)[(t * 255).astype(np.uint8)]
                rgba[..., 3] = np.where(v > 0, 255, 0)
            self.image = rgba_qimage(rgba)
        return self.image
