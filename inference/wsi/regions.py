"""Which detections lie inside an annotation (holes excluded, as QuPath counts them).

The point test itself (even-odd over every ring) is ``app.annotations.shapes``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from app.annotations.shapes import geometry_rings, points_inside

__all__ = ["bounds", "geometry_rings", "keep_inside", "points_inside"]


def bounds(geom: dict[str, Any]) -> tuple[int, int, int, int]:
    """Level-0 (x, y, w, h) box around the geometry's rings."""
    rings = geometry_rings(geom)
    if not rings:
        raise ValueError("the annotation has no area")
    allp = np.concatenate(rings)
    x0, y0 = np.floor(allp.min(0)).astype(int)
    x1, y1 = np.ceil(allp.max(0)).astype(int)
    return int(x0), int(y0), max(1, int(x1 - x0)), max(1, int(y1 - y0))


def keep_inside(batch, geom: dict[str, Any]):
    """The part of a ``NucleiBatch`` whose centroids lie inside ``geom``."""
    from inference.wsi.parallel import NucleiBatch

    keep = np.nonzero(points_inside(batch.centroids, geom))[0]
    if len(keep) == len(batch):
        return batch
    starts, ends = batch.offsets[keep], batch.offsets[keep + 1]
    lens = ends - starts
    offsets = np.zeros(len(keep) + 1, np.int64)
    offsets[1:] = np.cumsum(lens)
    take = (
        np.concatenate([np.arange(a, b) for a, b in zip(starts, ends, strict=True)])
        if len(keep)
        else np.zeros(0, np.int64)
    )
    return NucleiBatch(
        batch.coords[take],
        offsets,
        batch.centroids[keep],
        {k: v[keep] for k, v in batch.measurements.items()},
    )
