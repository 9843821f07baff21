"""Which detections lie inside an annotation (holes included), vectorised.

Even-odd ray casting over every ring of a GeoJSON Polygon/MultiPolygon, so a
nucleus inside a hole is outside the annotation, as QuPath counts it.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def geometry_rings(geom: dict[str, Any]) -> list[np.ndarray]:
    kind = geom.get("type")
    coords = geom.get("coordinates") or []
    polys = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    return [np.asarray(r, float).reshape(-1, 2) for poly in polys for r in poly if len(r) >= 3]


def points_inside(points: np.ndarray, geom: dict[str, Any]) -> np.ndarray:
    """Bool per (x, y) point: inside the polygon's area (even-odd over all rings)."""
    pts = np.asarray(points, float).reshape(-1, 2)
    inside = np.zeros(len(pts), bool)
    x, y = pts[:, 0], pts[:, 1]
    for ring in geometry_rings(geom):
        a, b = ring, np.roll(ring, -1, axis=0)
        for (x0, y0), (x1, y1) in zip(a, b, strict=True):
            if y0 == y1:
                continue
            cross = (y0 > y) != (y1 > y)
            xi = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
            inside ^= cross & (x < xi)
    return inside


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
