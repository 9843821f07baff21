"""Area operations on GeoJSON geometries, holes kept: union, difference, brush strokes,
and which points lie inside an area (even-odd over every ring, so not in its holes).

Built on shapely (GEOS), as QuPath builds on JTS: a polygon's interior rings
(holes) survive every operation; results are Polygon or MultiPolygon, or
None when nothing is left.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _shape(geom: dict[str, Any]):
    from shapely.geometry import shape

    g = shape(geom)
    return g if g.is_valid else g.buffer(0)  # self-touching freehand rings


def _geojson(g, tolerance: float = 0.0) -> dict[str, Any] | None:
    from shapely.geometry import mapping

    if tolerance > 0:
        g = g.simplify(tolerance, preserve_topology=True)
    polys = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and not p.is_empty]
    if not polys:
        return None
    out = [mapping(p)["coordinates"] for p in polys]
    rings = [[[[float(x), float(y)] for x, y in ring] for ring in poly] for poly in out]
    if len(rings) == 1:
        return {"type": "Polygon", "coordinates": rings[0]}
    return {"type": "MultiPolygon", "coordinates": rings}


def union(geoms: list[dict[str, Any]]) -> dict[str, Any] | None:
    from shapely import union_all

    return _geojson(union_all([_shape(g) for g in geoms]))


def difference(geom: dict[str, Any], cutters: list[dict[str, Any]]) -> dict[str, Any] | None:
    from shapely import union_all

    return _geojson(_shape(geom).difference(union_all([_shape(g) for g in cutters])))


def stroke(
    points,
    radius: float,
    base: dict[str, Any] | None = None,
    erase: bool = False,
    tolerance: float = 0.0,
) -> dict[str, Any] | None:
    """A brush stroke (discs of ``radius`` along ``points``) added to or cut from ``base``."""
    from shapely.geometry import LineString, Point

    pts = [(float(x), float(y)) for x, y in points]
    line = Point(pts[0]) if len(set(pts)) == 1 else LineString(pts)
    disc = line.buffer(radius, quad_segs=8)
    if base is None:
        return None if erase else _geojson(disc, tolerance)
    b = _shape(base)
    return _geojson(b.difference(disc) if erase else b.union(disc), tolerance)


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
