"""ASAP XML annotations (import and export).

``<ASAP_Annotations><Annotations><Annotation Name Type PartOfGroup Color>
<Coordinates><Coordinate Order X Y/>...`` plus ``<AnnotationGroups><Group
Name Color/>``.  Types: Polygon, Rectangle, Spline -> Polygon; Dot -> Point;
PointSet -> MultiPoint; Polyline -> LineString.  The group becomes the
QuPath classification.  ASAP has no holes: a polygon's holes are written as
polygons of the ``Exclusion`` group and put back into their polygon on
import (``holes``), as CAMELYON's exclusion group ``_2`` is read.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from app.annotations.geojson import AnnotationError, ImportResult, check_geometry, make_feature
from app.annotations.holes import EXCLUSION_GROUPS, attach_holes, closed
from app.fileio import atomic_write_bytes

CLOSED = ("polygon", "rectangle", "spline")


def _hex_to_rgb(text: str | None) -> list[int] | None:
    if not text or not text.startswith("#") or len(text) != 7:
        return None
    try:
        return [int(text[i : i + 2], 16) for i in (1, 3, 5)]
    except ValueError:
        return None


def _rgb_to_hex(rgb: Any) -> str | None:
    try:
        r, g, b = (max(0, min(255, int(v))) for v in rgb[:3])
    except (TypeError, ValueError):
        return None
    return f"#{r:02x}{g:02x}{b:02x}"


def _coordinates(node: ET.Element) -> list[list[float]]:
    points = []
    for c in node.iter("Coordinate"):
        try:
            order = int(c.get("Order", len(points)))
            x, y = float(c.get("X", "nan")), float(c.get("Y", "nan"))
        except ValueError as err:
            raise ValueError(f"bad coordinate: {err}") from err
        points.append((order, x, y))
    points.sort(key=lambda p: p[0])
    return [[x, y] for _, x, y in points]


def _geometry(kind: str, pts: list[list[float]]) -> dict[str, Any]:
    kind_l = kind.lower()
    if not pts:
        raise ValueError("annotation has no coordinates")
    if kind_l == "dot":
        return {"type": "Point", "coordinates": pts[0]}
    if kind_l == "pointset":
        return {"type": "MultiPoint", "coordinates": pts}
    if kind_l == "polyline":
        return {"type": "LineString", "coordinates": pts}
    if kind_l in CLOSED:
        ring = pts + [pts[0]] if pts[0] != pts[-1] else pts
        return {"type": "Polygon", "coordinates": [ring]}
    raise ValueError(f"unknown ASAP annotation type {kind!r}")


def parse_asap(text: str | bytes) -> ImportResult:
    from app.readers.base import ReadError
    from app.readers.xmlsafe import parse_bytes

    try:  # entities, deep nesting and odd encodings are refused there
        root = parse_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    except ReadError as err:
        raise AnnotationError(f"not valid XML: {err}") from err
    if root.tag != "ASAP_Annotations":
        raise AnnotationError(f"not an ASAP annotation file (root is <{root.tag}>)")
    groups = {}
    for g in root.iter("Group"):
        groups[g.get("Name", "")] = _hex_to_rgb(g.get("Color"))
    result = ImportResult()
    holes: list[list] = []
    for i, node in enumerate(root.iter("Annotation")):
        try:
            geom = _geometry(node.get("Type", ""), _coordinates(node))
            check_geometry(geom)
        except ValueError as err:
            result.skipped.append((i, f"{node.get('Name', 'annotation')}: {err}"))
            continue
        group = node.get("PartOfGroup") or ""
        if group in EXCLUSION_GROUPS and geom["type"] == "Polygon":
            holes.append(geom["coordinates"][0])
            continue
        props: dict[str, Any] = {}
        if node.get("Name"):
            props["name"] = node.get("Name")
        color = _hex_to_rgb(node.get("Color"))
        if color:
            props["color"] = color
        feature = make_feature(geom, "annotation")
        feature["properties"].update(props)
        if group and group != "None":
            feature["properties"]["classification"] = {"name": group}
            if groups.get(group):
                feature["properties"]["classification"]["color"] = groups[group]
        result.features.append(feature)
    for ring in attach_holes(result.features, holes):  # a hole in no polygon stays itself
        feature = make_feature({"type": "Polygon", "coordinates": [closed(ring)]}, "annotation")
        feature["properties"]["classification"] = {"name": EXCLUSION_GROUPS[0]}
        result.features.append(feature)
    return result


def load_asap(path: str | os.PathLike) -> ImportResult:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise AnnotationError(f"{path.name} cannot be read: {err}") from err
    return parse_asap(data)


def _asap_parts(geom: dict[str, Any]) -> list[tuple[str, list]]:
    kind, coords = geom.get("type"), geom.get("coordinates")
    if kind == "Point":
        return [("Dot", [coords])]
    if kind == "MultiPoint":
        return [("PointSet", coords)]
    if kind == "LineString":
        return [("Polyline", coords)]
    if kind == "MultiLineString":
        return [("Polyline", line) for line in coords]
    if kind == "Polygon":  # rings open; holes go to the exclusion group
        return [("Polygon", coords[0][:-1])] + [("Hole", h[:-1]) for h in coords[1:]]
    if kind == "MultiPolygon":
        return [p for poly in coords for p in _asap_parts({"type": "Polygon", "coordinates": poly})]
    if kind == "GeometryCollection":
        return [p for g in geom.get("geometries", []) for p in _asap_parts(g)]
    return []


def dumps_asap(features: list[dict[str, Any]]) -> bytes:
    """ASAP XML for the features (holes as ``Exclusion`` polygons; unsupported geometry dropped)."""
    root = ET.Element("ASAP_Annotations")
    anns = ET.SubElement(root, "Annotations")
    groups: dict[str, str] = {}
    n = 0
    for f in features:
        props = f.get("properties") or {}
        cls = props.get("classification") or {}
        group = cls.get("name") or "None"
        if group != "None":
            groups.setdefault(group, _rgb_to_hex(cls.get("color")) or "#64fe2e")
        color = _rgb_to_hex(props.get("color")) or _rgb_to_hex(cls.get("color")) or "#f4fa58"
        for kind, pts in _asap_parts(f.get("geometry") or {}):
            n += 1
            hole = kind == "Hole"
            if hole:
                groups.setdefault(EXCLUSION_GROUPS[0], "#000000")
            a = ET.SubElement(
                anns,
                "Annotation",
                Name=str(props.get("name") or f"Annotation {n}") + (" (hole)" if hole else ""),
                Type="Polygon" if hole else kind,
                PartOfGroup=EXCLUSION_GROUPS[0] if hole else group,
                Color="#000000" if hole else color,
            )
            cs = ET.SubElement(a, "Coordinates")
            for order, p in enumerate(pts):
                ET.SubElement(
                    cs, "Coordinate", Order=str(order), X=repr(float(p[0])), Y=repr(float(p[1]))
                )
    ag = ET.SubElement(root, "AnnotationGroups")
    for name, color in groups.items():
        g = ET.SubElement(ag, "Group", Name=name, PartOfGroup="None", Color=color)
        ET.SubElement(g, "Attributes")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def save_asap(path: str | os.PathLike, features: list[dict[str, Any]]) -> None:
    atomic_write_bytes(path, dumps_asap(features))
