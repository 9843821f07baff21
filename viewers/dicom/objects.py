"""DICOM objects made elsewhere, shown over the images they reference (Qt-free).

SEG (segment masks per referenced image), SR TID 1500 (measurements with
their image regions), GSPS (graphics, text and the presentation's window)
and KOS (key images).  Everything is keyed by the referenced SOP Instance
UID, so the viewer finds what belongs on the frame it shows.  A file that is
none of these gives None; one that cannot be read raises ``ReadError``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

SEG = "1.2.840.10008.5.1.4.1.1.66.4"
GSPS = "1.2.840.10008.5.1.4.1.1.11.1"
KOS = "1.2.840.10008.5.1.4.1.1.88.59"
SR_PREFIX = "1.2.840.10008.5.1.4.1.1.88."


@dataclass
class Graphic:
    sop_uid: str
    kind: str  # POINT, POLYLINE, POLYGON, CIRCLE, ELLIPSE, MULTIPOINT, INTERPOLATED, TEXT
    points: list[tuple[float, float]]  # image pixels (column, row), pixel centres at integers
    text: str = ""


@dataclass
class SrMeasurement:
    name: str  # finding / tracking identifier
    values: list[tuple[str, float, str]]  # (concept, value, unit)
    graphic: Graphic | None = None


@dataclass
class Segment:
    number: int
    label: str
    colour: tuple[int, int, int]


@dataclass
class DicomObject:
    kind: str  # "SEG", "SR", "GSPS", "KOS"
    path: Path
    description: str = ""
    segments: list[Segment] = field(default_factory=list)
    masks: dict[str, list[tuple[int, np.ndarray]]] = field(
        default_factory=dict
    )  # sop -> (segment, mask)
    measurements: list[SrMeasurement] = field(default_factory=list)
    graphics: list[Graphic] = field(default_factory=list)
    window: tuple[float, float] | None = None  # GSPS (centre, width)
    key_images: list[str] = field(default_factory=list)


PALETTE = [
    (230, 25, 75),
    (60, 180, 75),
    (255, 225, 25),
    (0, 130, 200),
    (245, 130, 48),
    (145, 30, 180),
]


def _pts(data) -> list[tuple[float, float]]:
    """DICOM 2D graphic data (column\\row, 0,0 at the top-left corner of the first pixel,
    PS3.3 C.10.5.1.2 and C.18.6.1.2) -> our coordinates (pixel centres at integers)."""
    vals = [float(v) for v in data]
    return [(vals[i] - 0.5, vals[i + 1] - 0.5) for i in range(0, len(vals) - 1, 2)]


def _ref_uid(item) -> str:
    for name in ("ReferencedSOPSequence", "ReferencedImageSequence"):
        seq = item.get(name)
        if seq:
            return str(seq[0].get("ReferencedSOPInstanceUID", ""))
    return ""


def read_object(path: Path) -> DicomObject | None:
    from app.readers.dicom_io import read_dicom

    ds = read_dicom(Path(path), stop_before_pixels=False)
    sop_class = str(ds.get("SOPClassUID", ""))
    desc = str(ds.get("SeriesDescription", "") or ds.get("ContentLabel", "") or "")
    if sop_class == SEG:
        return _seg(ds, Path(path), desc)
    if sop_class == GSPS:
        return _gsps(ds, Path(path), desc)
    if sop_class == KOS:
        obj = DicomObject("KOS", Path(path), desc)
        obj.key_images = [u for u in _walk_refs(ds.get("ContentSequence", [])) if u]
        return obj
    if sop_class.startswith(SR_PREFIX):
        return _sr(ds, Path(path), desc)
    return None


def _lab_to_rgb(lab) -> tuple[int, int, int] | None:
    try:
        from skimage.color import lab2rgb
    except ImportError:
        return None
    L, a, b = (float(v) for v in lab)
    rgb = lab2rgb(np.array([[[L * 100 / 65535, a * 255 / 65535 - 128, b * 255 / 65535 - 128]]]))[
        0, 0
    ]
    return tuple(int(round(c * 255)) for c in rgb)


def _seg(ds, path: Path, desc: str) -> DicomObject:
    obj = DicomObject("SEG", path, desc)
    for i, s in enumerate(ds.get("SegmentSequence", [])):
        lab = s.get("RecommendedDisplayCIELabValue")
        colour = (_lab_to_rgb(lab) if lab is not None else None) or PALETTE[i % len(PALETTE)]
        obj.segments.append(Segment(int(s.SegmentNumber), str(s.get("SegmentLabel", "")), colour))
    frames = ds.pixel_array
    if frames.ndim == 2:
        frames = frames[None]
    shared = (ds.get("SharedFunctionalGroupsSequence") or [None])[0]
    for k, fg in enumerate(ds.get("PerFrameFunctionalGroupsSequence", [])):
        ident = fg if "SegmentIdentificationSequence" in fg else shared
        try:
            number = int(ident.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
            src = fg.DerivationImageSequence[0].SourceImageSequence[0]
            uid = str(src.ReferencedSOPInstanceUID)
        except (AttributeError, IndexError):
            continue
        mask = frames[k] > 0 if ds.get("SegmentationType") != "FRACTIONAL" else frames[k] > 127
        if mask.any():
            obj.masks.setdefault(uid, []).append((number, mask))
    return obj


def _walk_refs(items):
    for item in items:
        if item.get("ValueType") == "IMAGE":
            yield _ref_uid(item)
        yield from _walk_refs(item.get("ContentSequence", []))


def _concept(item) -> str:
    seq = item.get("ConceptNameCodeSequence")
    return str(seq[0].CodeMeaning) if seq else ""


def _sr(ds, path: Path, desc: str) -> DicomObject:
    obj = DicomObject("SR", path, desc)

    def visit(items, name: str) -> None:
        values, graphic = [], None
        for item in items:
            vt = item.get("ValueType")
            if vt == "NUM" and item.get("MeasuredValueSequence"):
                mv = item.MeasuredValueSequence[0]
                unit = (
                    mv.MeasurementUnitsCodeSequence[0].CodeValue
                    if mv.get("MeasurementUnitsCodeSequence")
                    else ""
                )
                values.append((_concept(item), float(mv.NumericValue), str(unit)))
            elif vt == "SCOORD":
                uid = next((u for u in _walk_refs(item.get("ContentSequence", [])) if u), "")
                graphic = Graphic(uid, str(item.GraphicType), _pts(item.GraphicData))
            elif vt == "TEXT" and _concept(item) == "Tracking Identifier":
                name = str(item.get("TextValue", name))
        if values or graphic is not None:
            obj.measurements.append(SrMeasurement(name or desc, values, graphic))
        for item in items:
            if item.get("ValueType") == "CONTAINER":
                visit(item.get("ContentSequence", []), _concept(item))

    visit(ds.get("ContentSequence", []), _concept(ds) if ds.get("ConceptNameCodeSequence") else "")
    obj.measurements = [m for m in obj.measurements if m.values or m.graphic is not None]
    return obj


def _gsps(ds, path: Path, desc: str) -> DicomObject:
    obj = DicomObject("GSPS", path, desc)
    for ann in ds.get("GraphicAnnotationSequence", []):
        uids = [
            str(r.ReferencedSOPInstanceUID) for r in ann.get("ReferencedImageSequence", [])
        ] or [""]
        for uid in uids:
            for g in ann.get("GraphicObjectSequence", []):
                if str(g.get("GraphicAnnotationUnits", "PIXEL")) != "PIXEL":
                    continue
                obj.graphics.append(Graphic(uid, str(g.GraphicType), _pts(g.GraphicData)))
            for t in ann.get("TextObjectSequence", []):
                anchor = t.get("AnchorPoint") or t.get("BoundingBoxTopLeftHandCorner")
                if anchor is not None:
                    obj.graphics.append(
                        Graphic(uid, "TEXT", _pts(anchor), str(t.get("UnformattedTextValue", "")))
                    )
    voi = ds.get("SoftcopyVOILUTSequence")
    if voi and voi[0].get("WindowCenter") is not None and voi[0].get("WindowWidth") is not None:
        c, w = voi[0].WindowCenter, voi[0].WindowWidth
        c = float(c[0] if hasattr(c, "__len__") and not isinstance(c, str) else c)
        w = float(w[0] if hasattr(w, "__len__") and not isinstance(w, str) else w)
        obj.window = (c, w)
    return obj


def find_objects(paths, state=None) -> list[DicomObject]:
    """Worker: the SEG/SR/GSPS/KOS objects among ``paths`` (others and unreadable files skipped)."""
    from app.readers.base import ReadError
    from app.readers.dicom_io import read_dicom

    out = []
    for p in paths:
        try:
            head = read_dicom(Path(p), stop_before_pixels=True)
            sop_class = str(head.get("SOPClassUID", ""))
            if sop_class in (SEG, GSPS, KOS) or sop_class.startswith(SR_PREFIX):
                obj = read_object(Path(p))
                if obj is not None:
                    out.append(obj)
        except (ReadError, ValueError, AttributeError, KeyError, TypeError):
            continue
        if state is not None:
            state.check()
    return out
