"""Slide annotations: QuPath GeoJSON (native), ASAP XML, DICOM bulk annotations, autosave."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.annotations.asap import dumps_asap, load_asap, parse_asap, save_asap
from app.annotations.geojson import (
    OBJECT_TYPES,
    AnnotationError,
    ImportResult,
    load_geojson,
    make_feature,
    normalize_feature,
    parse_geojson,
    save_geojson,
)
from app.annotations.journal import AnnotationDocument

GEOJSON_SUFFIXES = (".geojson", ".json")
ASAP_SUFFIXES = (".xml",)
DICOM_SUFFIXES = (".dcm",)


def load_dicom_annotations(path: Path) -> ImportResult:
    """DICOM Microscopy Bulk Simple Annotations (holes back in their polygons)."""
    from app.annotations.dicom_ann import load_bulk_annotations

    try:
        return ImportResult(features=load_bulk_annotations(path))
    except Exception as err:  # noqa: BLE001 - highdicom/pydicom raise many kinds; all mean "cannot"
        raise AnnotationError(
            f"{path.name} is not a readable DICOM annotation file: {err}"
        ) from err


def load_annotations(path: str | os.PathLike) -> ImportResult:
    """Read GeoJSON, ASAP XML or DICOM annotations, chosen by extension (then by content)."""
    path = Path(path)
    if path.suffix.lower() in DICOM_SUFFIXES:
        return load_dicom_annotations(path)
    if path.suffix.lower() in ASAP_SUFFIXES:
        return load_asap(path)
    if path.suffix.lower() in GEOJSON_SUFFIXES:
        return load_geojson(path)
    head = path.read_bytes()[:256].lstrip()
    return load_asap(path) if head.startswith(b"<") else load_geojson(path)


def save_annotations(path: str | os.PathLike, features: list[dict[str, Any]]) -> None:
    path = Path(path)
    if path.suffix.lower() in ASAP_SUFFIXES:
        save_asap(path, features)
    elif path.suffix.lower() in GEOJSON_SUFFIXES:
        save_geojson(path, features)
    else:
        raise AnnotationError(f"unknown annotation format for {path.name} (use .geojson or .xml)")


__all__ = [
    "OBJECT_TYPES",
    "AnnotationDocument",
    "AnnotationError",
    "ImportResult",
    "dumps_asap",
    "load_annotations",
    "load_asap",
    "load_geojson",
    "make_feature",
    "normalize_feature",
    "parse_asap",
    "parse_geojson",
    "save_annotations",
    "save_asap",
    "save_geojson",
]
