"""DICOM Microscopy Bulk Simple Annotations export (highdicom ``ann``).

QuPath GeoJSON features become annotation groups, one per (manual or
automatic, class, graphic type): polygons -> POLYGON (open ring, as the
standard asks), ellipses flagged ``isEllipse`` -> ELLIPSE (axis end points),
lines -> POLYLINE, points -> POINT.  Detections made by an analyzer become
AUTOMATIC groups carrying its name and version; user annotations are
MANUAL.  Coordinates are 2D, in pixels of the total pixel matrix (level 0).
Polygon groups carry their area in µm² when the pixel size is known.

The instance references a source image.  For a DICOM-WSI slide that is the
slide's own dataset; for other formats ``source_descriptor`` builds a stand-in
with the study's identifiers (the slide itself is not DICOM).
"""

from __future__ import annotations

import io
import os
from collections import defaultdict
from typing import Any

import numpy as np

from app.annotations.geojson import AnnotationError
from app.fileio import atomic_write_bytes

VL_WSI = "1.2.840.10008.5.1.4.1.1.77.1.6"
SOFTWARE = "Huizhen"


def available() -> bool:
    try:
        import highdicom  # noqa: F401
    except ImportError:
        return False
    return True


def source_descriptor(
    study_uid: str | None = None,
    patient_id: str = "",
    patient_name: str = "",
    accession: str = "",
    study_date: str = "",
    size: tuple[int, int] | None = None,
):
    """A minimal VL Whole Slide Microscopy Image dataset to reference (non-DICOM slides)."""
    from pydicom.dataset import Dataset
    from pydicom.uid import generate_uid

    ds = Dataset()
    ds.SOPClassUID = VL_WSI
    ds.SOPInstanceUID = generate_uid()
    ds.StudyInstanceUID = study_uid or generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.FrameOfReferenceUID = generate_uid()
    ds.Modality = "SM"
    ds.PatientID = patient_id
    ds.PatientName = patient_name
    ds.PatientBirthDate = ""
    ds.PatientSex = ""
    ds.AccessionNumber = accession
    ds.StudyID = ""
    ds.StudyDate = study_date
    ds.StudyTime = ""
    ds.ReferringPhysicianName = ""
    ds.ContainerIdentifier = "UNKNOWN"
    ds.SpecimenDescriptionSequence = []
    if size:
        ds.TotalPixelMatrixColumns, ds.TotalPixelMatrixRows = int(size[0]), int(size[1])
    return ds


def _codes(class_name: str):
    from pydicom.sr.codedict import codes

    name = class_name.lower()
    if "nucle" in name:
        return codes.SCT.AnatomicalStructure, codes.SCT.Nucleus
    if "tumo" in name or "neoplas" in name:
        return codes.SCT.MorphologicallyAbnormalStructure, codes.SCT.Neoplasm
    return codes.SCT.Tissue, codes.SCT.Tissue


def _ellipse_axes(ring: np.ndarray) -> np.ndarray:
    x0, y0 = ring.min(0)
    x1, y1 = ring.max(0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if x1 - x0 >= y1 - y0:
        return np.array([[x0, cy], [x1, cy], [cx, y0], [cx, y1]], np.float64)
    return np.array([[cx, y0], [cx, y1], [x0, cy], [x1, cy]], np.float64)


def _open_ring(ring: np.ndarray) -> np.ndarray:
    return ring[:-1] if len(ring) > 1 and np.array_equal(ring[0], ring[-1]) else ring


def _graphics(feature: dict[str, Any]) -> list[tuple[str, np.ndarray]]:
    geom = feature.get("geometry") or {}
    kind, c = geom.get("type"), geom.get("coordinates")
    props = feature.get("properties") or {}
    if kind == "Point":
        return [("POINT", np.asarray([c[:2]], np.float64))]
    if kind == "MultiPoint":
        return [("POINT", np.asarray([p[:2]], np.float64)) for p in c]
    if kind == "LineString":
        return [("POLYLINE", np.asarray([p[:2] for p in c], np.float64))]
    if kind == "MultiLineString":
        return [("POLYLINE", np.asarray([p[:2] for p in r], np.float64)) for r in c]
    polys = [c] if kind == "Polygon" else c if kind == "MultiPolygon" else []
    out = []
    for poly in polys:
        ring = _open_ring(np.asarray([p[:2] for p in poly[0]], np.float64))
        if props.get("isEllipse"):
            out.append(("ELLIPSE", _ellipse_axes(ring)))
        elif len(ring) >= 3:
            out.append(("POLYGON", ring))
            for hole in poly[1:]:  # no holes in the standard: a group of hole polygons
                h = _open_ring(np.asarray([p[:2] for p in hole], np.float64))
                if len(h) >= 3:
                    out.append((HOLE, h))
    return out


HOLE = "POLYGON HOLE"


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def build_bulk_annotations(
    features: list[dict[str, Any]], source, mpp: tuple[float, float] | None = None
):
    """A highdicom ``MicroscopyBulkSimpleAnnotations`` dataset for the features."""
    import highdicom as hd
    from highdicom.ann import AnnotationGroup, MicroscopyBulkSimpleAnnotations
    from pydicom.sr.codedict import codes
    from pydicom.uid import generate_uid

    groups: dict[tuple, list[np.ndarray]] = defaultdict(list)
    for f in features:
        props = f.get("properties") or {}
        meta = props.get("metadata") or {}
        automatic = props.get("objectType") in ("detection", "cell") and bool(meta.get("analyzer"))
        algo = (meta.get("analyzer", ""), meta.get("analyzer_version", "")) if automatic else None
        cls = (props.get("classification") or {}).get("name") or "Unclassified"
        for gtype, pts in _graphics(f):
            groups[(algo, cls, gtype)].append(pts)
    if not groups:
        raise AnnotationError("nothing to export: no annotation has a supported geometry")
    out = []
    for n, ((algo, cls, kind), data) in enumerate(sorted(groups.items(), key=str), start=1):
        gtype = "POLYGON" if kind == HOLE else kind
        category, prop_type = _codes(cls)
        kw: dict[str, Any] = {}
        if algo is not None:
            kw["algorithm_identification"] = hd.AlgorithmIdentificationSequence(
                name=algo[0] or "unknown",
                family=codes.DCM.ArtificialIntelligence,
                version=algo[1] or "0",
            )
        if kind == "POLYGON" and mpp:
            areas = np.array([_area(d) * mpp[0] * mpp[1] for d in data], np.float32)
            kw["measurements"] = [
                hd.ann.Measurements(
                    name=codes.SCT.Area, values=areas, unit=codes.UCUM.SquareMicrometer
                )
            ]
        out.append(
            AnnotationGroup(
                number=n,
                uid=generate_uid(),
                label=(f"{cls} polygon hole" if kind == HOLE else f"{cls} {gtype.lower()}")[:64],
                annotated_property_category=category,
                annotated_property_type=prop_type,
                graphic_type=gtype,
                graphic_data=data,
                algorithm_type="AUTOMATIC" if algo is not None else "MANUAL",
                description=(f"AI {algo[0]} {algo[1]} - not for clinical use" if algo else None),
                **kw,
            )
        )
    return MicroscopyBulkSimpleAnnotations(
        source_images=[source],
        annotation_coordinate_type="2D",
        annotation_groups=out,
        series_instance_uid=generate_uid(),
        series_number=900,
        sop_instance_uid=generate_uid(),
        instance_number=1,
        manufacturer=SOFTWARE,
        manufacturer_model_name="Huizhen slide viewer",
        software_versions="1",
        device_serial_number="0",
        content_description="Slide annotations",
    )


def save_bulk_annotations(
    path: str | os.PathLike, features: list[dict[str, Any]], source, mpp=None
) -> int:
    """Write the DICOM file atomically; returns the number of annotation groups."""
    ds = build_bulk_annotations(features, source, mpp)
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    atomic_write_bytes(path, buf.getvalue())
    return len(ds.AnnotationGroupSequence)


def read_bulk_annotations(path: str | os.PathLike) -> list[tuple[str, str, int]]:
    """(label, graphic type, count) of each group of a saved file (checks and tests)."""
    from highdicom.ann import annread

    ann = annread(str(path))
    return [
        (g.label, g.graphic_type.value, len(g.get_graphic_data("2D")))
        for g in ann.get_annotation_groups()
    ]


def load_bulk_annotations(path: str | os.PathLike) -> list[dict[str, Any]]:
    """Features (QuPath GeoJSON) from a bulk annotations file; hole groups go back into polygons."""
    from highdicom.ann import annread

    from app.annotations.geojson import make_feature
    from app.annotations.holes import attach_holes, closed

    ann = annread(str(path))
    features, holes = [], []
    for g in ann.get_annotation_groups():
        label, gtype = str(g.label), g.graphic_type.value
        data = g.get_graphic_data("2D")
        if label.endswith(" polygon hole"):
            holes += [[list(map(float, p)) for p in d] for d in data]
            continue
        cls = label.rsplit(" ", 1)[0] if " " in label else label
        kind = "detection" if g.algorithm_type.value == "AUTOMATIC" else "annotation"
        for d in data:
            pts = [[float(x), float(y)] for x, y in np.asarray(d)[:, :2]]
            if gtype == "POLYGON":
                geom = {"type": "Polygon", "coordinates": [closed(pts)]}
            elif gtype == "POLYLINE":
                geom = {"type": "LineString", "coordinates": pts}
            elif gtype == "POINT":
                geom = {"type": "Point", "coordinates": pts[0]}
            else:  # ELLIPSE / RECTANGLE: their defining points as a polygon
                geom = {"type": "Polygon", "coordinates": [closed(pts)]}
            f = make_feature(geom, kind, None if cls == "Unclassified" else cls)
            features.append(f)
    attach_holes(features, holes)
    return features
