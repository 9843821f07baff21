"""Annotation geometry, Qt-free: shapes, measurements, hit tests, edits.

All coordinates are level-0 slide pixels (QuPath GeoJSON convention).
Measurements use the slide's microns per pixel; without it they are in
pixels.  Names follow QuPath ("Area µm^2", "Perimeter µm", "Length µm").
"""

from __future__ import annotations

import copy
import math
from typing import Any

import numpy as np

ELLIPSE_POINTS = 72

Point = tuple[float, float]


def rectangle(p0: Point, p1: Point) -> dict[str, Any]:
    x0, x1 = sorted((p0[0], p1[0]))
    y0, y1 = sorted((p0[1], p1[1]))
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    return {"type": "Polygon", "coordinates": [ring]}


def ellipse(p0: Point, p1: Point, n: int = ELLIPSE_POINTS) -> dict[str, Any]:
    """Ellipse inscribed in the box p0-p1, as a closed polygon."""
    cx, cy = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2
    rx, ry = abs(p1[0] - p0[0]) / 2, abs(p1[1] - p0[1]) / 2
    t = np.linspace(0, 2 * math.pi, n, endpoint=False)
    ring = [[cx + rx * math.cos(a), cy + ry * math.sin(a)] for a in t]
    ring.append(list(ring[0]))
    return {"type": "Polygon", "coordinates": [ring]}


def polygon(points: list[Point]) -> dict[str, Any]:
    ring = [[float(x), float(y)] for x, y in points]
    if ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return {"type": "Polygon", "coordinates": [ring]}


def line(points: list[Point]) -> dict[str, Any]:
    return {"type": "LineString", "coordinates": [[float(x), float(y)] for x, y in points]}


def multipoint(points: list[Point]) -> dict[str, Any]:
    return {"type": "MultiPoint", "coordinates": [[float(x), float(y)] for x, y in points]}


def rings(geom: dict[str, Any]) -> list[np.ndarray]:
    """Every ring / line of a geometry as (n, 2) float arrays."""
    kind, c = geom.get("type"), geom.get("coordinates")
    if kind == "Point":
        return [np.asarray([c[:2]], float)]
    if kind in ("MultiPoint", "LineString"):
        return [np.asarray([p[:2] for p in c], float)]
    if kind in ("Polygon", "MultiLineString"):
        return [np.asarray([p[:2] for p in r], float) for r in c]
    if kind == "MultiPolygon":
        return [np.asarray([p[:2] for p in r], float) for poly in c for r in poly]
    if kind == "GeometryCollection":
        return [r for g in geom.get("geometries", []) for r in rings(g)]
    return []


def polygons(geom: dict[str, Any]) -> list[list[np.ndarray]]:
    """Polygons as [outer, *holes] lists of arrays."""
    kind, c = geom.get("type"), geom.get("coordinates")
    if kind == "Polygon":
        return [[np.asarray([p[:2] for p in r], float) for r in c]]
    if kind == "MultiPolygon":
        return [[np.asarray([p[:2] for p in r], float) for r in poly] for poly in c]
    if kind == "GeometryCollection":
        return [p for g in geom.get("geometries", []) for p in polygons(g)]
    return []


def bounds(geom: dict[str, Any]) -> tuple[float, float, float, float]:
    pts = [r for r in rings(geom) if len(r)]
    if not pts:
        return (0.0, 0.0, 0.0, 0.0)
    a = np.vstack(pts)
    return float(a[:, 0].min()), float(a[:, 1].min()), float(a[:, 0].max()), float(a[:, 1].max())


def _shoelace(r: np.ndarray, sx: float, sy: float) -> float:
    x, y = r[:, 0] * sx, r[:, 1] * sy
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def _length(r: np.ndarray, sx: float, sy: float) -> float:
    d = np.diff(r, axis=0) * (sx, sy)
    return float(np.hypot(d[:, 0], d[:, 1]).sum())


def measure(geom: dict[str, Any], mpp: tuple[float, float] | None) -> dict[str, float]:
    """QuPath-style measurements: area + perimeter for areas, length for lines."""
    sx, sy = mpp or (1.0, 1.0)
    unit = "µm" if mpp else "px"
    kind = geom.get("type")
    out: dict[str, float] = {}
    polys = polygons(geom)
    if polys:
        area = sum(
            _shoelace(p[0], sx, sy) - sum(_shoelace(h, sx, sy) for h in p[1:]) for p in polys
        )
        perim = sum(_length(r, sx, sy) for p in polys for r in p)
        out[f"Area {unit}^2"] = round(area, 3)
        out[f"Perimeter {unit}"] = round(perim, 3)
    elif kind in ("LineString", "MultiLineString"):
        out[f"Length {unit}"] = round(sum(_length(r, sx, sy) for r in rings(geom)), 3)
    elif kind == "MultiPoint":
        out["Num points"] = len(geom.get("coordinates") or [])
    return out


def point_in_ring(x: float, y: float, ring: np.ndarray) -> bool:
    xs, ys = ring[:, 0], ring[:, 1]
    xj, yj = np.roll(xs, 1), np.roll(ys, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        cross = ((ys > y) != (yj > y)) & (x < (xj - xs) * (y - ys) / (yj - ys) + xs)
    return bool(np.count_nonzero(cross) % 2)


def distance_to_polyline(x: float, y: float, pts: np.ndarray) -> float:
    if len(pts) == 1:
        return float(math.hypot(pts[0, 0] - x, pts[0, 1] - y))
    a, b = pts[:-1], pts[1:]
    ab = b - a
    denom = (ab**2).sum(axis=1)
    denom[denom == 0] = 1.0
    t = np.clip(((x - a[:, 0]) * ab[:, 0] + (y - a[:, 1]) * ab[:, 1]) / denom, 0, 1)
    px, py = a[:, 0] + t * ab[:, 0], a[:, 1] + t * ab[:, 1]
    return float(np.hypot(px - x, py - y).min())


def hit(geom: dict[str, Any], x: float, y: float, tol: float) -> bool:
    """True when (x, y) is inside an area or within ``tol`` of a line or point."""
    for poly in polygons(geom):
        if point_in_ring(x, y, poly[0]) and not any(point_in_ring(x, y, h) for h in poly[1:]):
            return True
    kind = geom.get("type")
    for r in rings(geom):
        if kind in ("Point", "MultiPoint"):
            if len(r) and np.hypot(r[:, 0] - x, r[:, 1] - y).min() <= tol:
                return True
        elif distance_to_polyline(x, y, r) <= tol:
            return True
    return False


def area_of(geom: dict[str, Any]) -> float:
    """Area in level-0 px², holes subtracted."""
    return sum(
        _shoelace(p[0], 1, 1) - sum(_shoelace(h, 1, 1) for h in p[1:]) for p in polygons(geom)
    )


def _map(coords: Any, fn) -> Any:
    if coords and isinstance(coords[0], int | float):
        return fn(coords)
    return [_map(c, fn) for c in coords]


def translate(geom: dict[str, Any], dx: float, dy: float) -> dict[str, Any]:
    out = copy.deepcopy(geom)
    if out.get("type") == "GeometryCollection":
        out["geometries"] = [translate(g, dx, dy) for g in out["geometries"]]
        return out
    out["coordinates"] = _map(out["coordinates"], lambda p: [p[0] + dx, p[1] + dy, *p[2:]])
    return out


def vertices(geom: dict[str, Any]) -> list[tuple[int, int, float, float]]:
    """Editable vertices as (ring index, vertex index, x, y); closing duplicates left out."""
    out = []
    closed = geom.get("type") in ("Polygon", "MultiPolygon")
    for ri, r in enumerate(rings(geom)):
        n = len(r) - 1 if closed and len(r) > 1 else len(r)
        out.extend((ri, vi, float(r[vi, 0]), float(r[vi, 1])) for vi in range(n))
    return out


def nearest_vertex(geom: dict[str, Any], x: float, y: float, tol: float) -> tuple[int, int] | None:
    best, best_d = None, tol
    for ri, vi, vx, vy in vertices(geom):
        d = math.hypot(vx - x, vy - y)
        if d <= best_d:
            best, best_d = (ri, vi), d
    return best


def move_vertex(geom: dict[str, Any], ring: int, index: int, x: float, y: float) -> dict[str, Any]:
    """A copy of ``geom`` with one vertex moved (a polygon's closing point follows)."""
    out = copy.deepcopy(geom)
    kind = out["type"]
    if kind == "Point":
        out["coordinates"] = [x, y]
        return out
    if kind in ("MultiPoint", "LineString"):
        target = [out["coordinates"]]
    elif kind in ("Polygon", "MultiLineString"):
        target = out["coordinates"]
    elif kind == "MultiPolygon":
        target = [r for poly in out["coordinates"] for r in poly]
    else:
        return out
    r = target[ring]
    r[index] = [x, y]
    if kind in ("Polygon", "MultiPolygon"):
        if index == 0:
            r[-1] = [x, y]
        elif index == len(r) - 1:
            r[0] = [x, y]
    return out
