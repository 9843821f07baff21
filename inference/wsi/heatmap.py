"""Nuclear density heatmap: a raster of nuclei per mm², stored as a raster (not vectors)."""

from __future__ import annotations

import io
import math
import os

import numpy as np

from app.fileio import atomic_write_bytes


def density_heatmap(
    centroids: np.ndarray, dimensions: tuple[int, int], mpp: float, cell_um: float = 50.0
) -> tuple[np.ndarray, float]:
    """(raster of nuclei/mm² as float32, downsample of one raster pixel vs level 0)."""
    ds = max(1.0, cell_um / mpp)
    w, h = dimensions
    cols, rows = max(1, math.ceil(w / ds)), max(1, math.ceil(h / ds))
    pts = np.asarray(centroids, float).reshape(-1, 2)
    counts = np.zeros((rows, cols), np.float32)
    if len(pts):
        c = np.clip((pts[:, 0] // ds).astype(int), 0, cols - 1)
        r = np.clip((pts[:, 1] // ds).astype(int), 0, rows - 1)
        np.add.at(counts, (r, c), 1)
    cell_mm2 = (ds * mpp / 1000.0) ** 2
    return counts / cell_mm2, ds


def save_heatmap(
    path: str | os.PathLike, raster: np.ndarray, downsample: float, mpp: float
) -> None:
    """Float32 TIFF with its pixel size in the resolution tags (atomic)."""
    import tifffile

    res = 1e4 / (mpp * downsample)
    buf = io.BytesIO()
    tifffile.imwrite(
        buf,
        raster.astype(np.float32),
        resolution=(res, res),
        resolutionunit="CENTIMETER",
        description="Huizhen nuclear density, nuclei per mm^2",
        metadata=None,
    )
    atomic_write_bytes(path, buf.getvalue())
