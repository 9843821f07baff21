"""Holes for formats that have none (ASAP XML, DICOM bulk annotations).

On export a polygon's interior rings are written as separate polygons marked
as holes (ASAP group ``Exclusion``, as CAMELYON's ``_2`` exclusion group;
DICOM group labelled ``... hole``).  On import ``attach_holes`` puts each hole
ring back into the smallest polygon that contains it; a hole that lies in no
polygon stays an annotation of its own, so nothing is lost.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from app.annotations.shapes import points_inside

EXCLUSION_GROUPS = ("Exclusion", "_2")


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def closed(ring: list) -> list:
    ring = [[float(p[0]), float(p[1])] for p in ring]
    return ring if ring and ring[0] == ring[-1] else ring + [list(ring[0])]


def attach_holes(features: list[dict[str, Any]], holes: list[list]) -> list[list]:
    """Add each hole ring to the smallest containing polygon; return the rings left over."""
    polys = []  # (area, feature, polygon index, outer ring)
    for f in features:
        geom = f.get("geometry") or {}
        kind, c = geom.get("type"), geom.get("coordinates")
        parts = [c] if kind == "Polygon" else c if kind == "MultiPolygon" else []
        for k, poly in enumerate(parts):
            outer = np.asarray([p[:2] for p in poly[0]], float)
            polys.append((_area(outer), f, k, outer))
    polys.sort(key=lambda t: t[0])
    left = []
    for hole in holes:
        ring = np.asarray([p[:2] for p in hole], float)
        if len(ring) < 3:
            continue
        owner = next(
            (
                t
                for t in polys
                if t[0] > _area(ring)
                and points_inside(ring, {"type": "Polygon", "coordinates": [t[3]]}).all()
            ),
            None,
        )
        if owner is None:
            left.append(hole)
            continue
        _, f, k, _ = owner
        geom = f["geometry"]
        target = geom["coordinates"] if geom["type"] == "Polygon" else geom["coordinates"][k]
        target.append(closed(hole))
    return left
