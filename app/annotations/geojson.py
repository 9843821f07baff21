"""QuPath GeoJSON, the native annotation format.

A file is a FeatureCollection or a bare array of Features.  Geometry is in
full-resolution pixels, origin top-left.  ``properties.objectType`` is one of
annotation / detection / cell / tile (older QuPath files say ``object_type``
or ``type``, or mark the kind in the feature's ``id``).  Everything else in
``properties`` (classification, name, color, isLocked, measurements,
metadata, nucleusGeometry, isEllipse and keys we do not know) is kept
verbatim.  Malformed features are skipped with a reason; the rest import.
"""

from __future__ import annotations

import json
import math
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.fileio import atomic_write_bytes

OBJECT_TYPES = ("annotation", "detection", "cell", "tile")
LEGACY_IDS = {
    "PathAnnotationObject": "annotation",
    "PathDetectionObject": "detection",
    "PathCellObject": "cell",
    "PathTileObject": "tile",
}
MIN_POINTS = {"LineString": 2}
MAX_DEPTH = 100  # a feature's own nesting (documents: app.readers.limits max_nesting)


class AnnotationError(Exception):
    """A whole file that cannot be read; the message is shown to the user."""


@dataclass
class ImportResult:
    features: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (index, reason)

    def summary(self) -> str:
        text = f"{len(self.features)} objects imported"
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        return text


def _check_position(p: Any) -> None:
    if not isinstance(p, list | tuple) or len(p) < 2:
        raise ValueError("a position must be [x, y]")
    for v in p[:2]:
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise ValueError(f"coordinate {v!r} is not a finite number")
        try:
            finite = math.isfinite(v)
        except OverflowError:  # an integer too large for a float
            finite = False
        if not finite:
            raise ValueError("a coordinate is not a finite number")


def _check_ring(ring: Any, closed: bool) -> None:
    if not isinstance(ring, list):
        raise ValueError("a ring must be a list of positions")
    for p in ring:
        _check_position(p)
    if closed:
        if len(ring) < 4:
            raise ValueError("a polygon ring needs at least 4 positions")
        if list(ring[0][:2]) != list(ring[-1][:2]):
            raise ValueError("a polygon ring must end where it starts")
    elif len(ring) < 2:
        raise ValueError("a line needs at least 2 positions")


def check_geometry(geom: Any) -> None:
    """Raise ValueError with a reason when ``geom`` is not valid GeoJSON geometry."""
    if not isinstance(geom, dict):
        raise ValueError("geometry missing")
    kind = geom.get("type")
    if kind == "GeometryCollection":
        parts = geom.get("geometries")
        if not isinstance(parts, list) or not parts:
            raise ValueError("empty GeometryCollection")
        for g in parts:
            check_geometry(g)
        return
    coords = geom.get("coordinates")
    if coords is None:
        raise ValueError(f"{kind} geometry has no coordinates")
    if kind == "Point":
        _check_position(coords)
    elif kind in ("MultiPoint", "LineString"):
        if not isinstance(coords, list) or not coords:
            raise ValueError(f"empty {kind}")
        if kind == "LineString":
            _check_ring(coords, closed=False)
        else:
            for p in coords:
                _check_position(p)
    elif kind in ("Polygon", "MultiLineString"):
        if not isinstance(coords, list) or not coords:
            raise ValueError(f"empty {kind}")
        for ring in coords:
            _check_ring(ring, closed=kind == "Polygon")
    elif kind == "MultiPolygon":
        if not isinstance(coords, list) or not coords:
            raise ValueError("empty MultiPolygon")
        for poly in coords:
            if not isinstance(poly, list) or not poly:
                raise ValueError("empty polygon in MultiPolygon")
            for ring in poly:
                _check_ring(ring, closed=True)
    else:
        raise ValueError(f"unknown geometry type {kind!r}")


def _finite(value: Any, depth: int, skip: tuple[str, ...] = ()) -> Any:
    """``value`` with every non-finite number replaced by None (JSON null)."""
    if depth > MAX_DEPTH:
        raise ValueError("properties are nested too deeply")
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: v if k in skip else _finite(v, depth + 1, skip) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v, depth + 1) for v in value]
    return value


def object_type(feature: dict[str, Any]) -> str:
    props = feature.get("properties") or {}
    for key in ("objectType", "object_type", "type"):
        value = props.get(key)
        if isinstance(value, str) and value.lower() in OBJECT_TYPES:
            return value.lower()
    return LEGACY_IDS.get(str(feature.get("id")), "annotation")


def normalize_feature(feature: Any) -> dict[str, Any]:
    """A clean QuPath feature (new ``objectType`` key, an id) or ValueError."""
    if not isinstance(feature, dict):
        raise ValueError("not a JSON object")
    if feature.get("type") not in ("Feature", None):
        raise ValueError(f"type is {feature.get('type')!r}, expected 'Feature'")
    check_geometry(feature.get("geometry"))
    props = feature.get("properties")
    if props is None:
        props = {}
    if not isinstance(props, dict):
        raise ValueError("properties must be an object")
    kind = object_type(feature)
    props = dict(props)
    props.pop("object_type", None)
    if isinstance(props.get("type"), str) and props["type"].lower() in OBJECT_TYPES:
        props.pop("type")
    props["objectType"] = kind
    cls = props.get("classification")
    if isinstance(cls, str):
        props["classification"] = {"name": cls}
    elif cls is not None and not (isinstance(cls, dict) and isinstance(cls.get("name"), str)):
        raise ValueError("classification must be {name, color}")
    meas = props.get("measurements")
    if isinstance(meas, list):  # QuPath 0.2 wrote [{"name": ..., "value": ...}]
        try:
            props["measurements"] = {m["name"]: m["value"] for m in meas}
        except (KeyError, TypeError) as err:
            raise ValueError("measurements list has entries without name/value") from err
    elif meas is not None and not isinstance(meas, dict):
        raise ValueError("measurements must be a name -> number map")
    if "nucleusGeometry" in props:
        check_geometry(props["nucleusGeometry"])
    out = dict(feature)
    out["type"] = "Feature"
    fid = out.get("id")
    if not isinstance(fid, str) or not fid or fid in LEGACY_IDS:
        out["id"] = str(uuid.uuid4())
    out["properties"] = props
    # NaN/Infinity (QuPath writes NaN measurements) would stop every later autosave;
    # geometries were checked finite above and are not copied again
    return _finite(out, 0, skip=("geometry", "nucleusGeometry"))


def parse_geojson(data: Any) -> ImportResult:
    """Features from a decoded GeoJSON document (FeatureCollection, array, or one Feature)."""
    from app.readers.limits import nesting_depth, reader_limits

    # geometry checks and the autosave recurse: bound the depth before either runs
    limit = reader_limits().max_nesting
    if nesting_depth(data, limit) > limit:
        raise AnnotationError(f"the document is nested deeper than {limit} levels")
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        items = data.get("features")
        if not isinstance(items, list):
            raise AnnotationError("FeatureCollection has no features list")
    elif isinstance(data, dict) and data.get("type") == "Feature":
        items = [data]
    elif isinstance(data, list):
        items = data
    else:
        raise AnnotationError("not GeoJSON: expected a FeatureCollection or a list of Features")
    result = ImportResult()
    seen: set[str] = set()
    for i, item in enumerate(items):
        try:
            feature = normalize_feature(item)
        except (ValueError, TypeError) as err:
            result.skipped.append((i, str(err)))
            continue
        if feature["id"] in seen:  # duplicate ids would make edits ambiguous
            feature["id"] = str(uuid.uuid4())
        seen.add(feature["id"])
        result.features.append(feature)
    return result


def load_geojson(path: str | os.PathLike) -> ImportResult:
    from app.readers.limits import reader_limits

    path = Path(path)
    limits = reader_limits()
    try:
        size = path.stat().st_size
        if size > limits.max_text_bytes:
            raise AnnotationError(
                f"{path.name} is too large ({size // 2**20} MB; reader limit max_text_bytes "
                f"is {limits.max_text_bytes // 2**20} MB)"
            )
        data = json.loads(path.read_text("utf-8"))
    except OSError as err:
        raise AnnotationError(f"{path.name} cannot be read: {err}") from err
    except ValueError as err:  # includes UnicodeDecodeError
        raise AnnotationError(f"{path.name} is not valid JSON: {err}") from err
    except RecursionError as err:  # the decoder's own depth guard
        raise AnnotationError(f"{path.name} is nested too deeply") from err
    return parse_geojson(data)


def to_feature_collection(features: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features), **extra}


def dumps_geojson(features: list[dict[str, Any]], **extra: Any) -> bytes:
    text = json.dumps(to_feature_collection(features, **extra), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def save_geojson(path: str | os.PathLike, features: list[dict[str, Any]], **extra: Any) -> None:
    """Atomic write of a FeatureCollection (extra keys become foreign members)."""
    atomic_write_bytes(path, dumps_geojson(features, **extra))


def make_feature(
    geometry: dict[str, Any],
    object_type: str = "annotation",
    classification: str | None = None,
    color: tuple[int, int, int] | None = None,
    **props: Any,
) -> dict[str, Any]:
    if object_type not in OBJECT_TYPES:
        raise ValueError(f"unknown object type {object_type!r}")
    properties: dict[str, Any] = {"objectType": object_type, **props}
    if classification:
        properties["classification"] = {"name": classification}
        if color:
            properties["classification"]["color"] = list(color)
    return {
        "type": "Feature",
        "id": str(uuid.uuid4()),
        "geometry": geometry,
        "properties": properties,
    }
