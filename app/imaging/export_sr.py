"""Measurements as DICOM SR (TID 1500) and key images as KOS, with highdicom (Qt-free).

Other viewers read these: each region of interest becomes one planar ROI
measurement group (TID 1410) whose graphic (SCOORD in image pixel
coordinates) points at its source image, with its measurements (length, area,
mean, standard deviation, min, max) in UCUM units.  Key images become a Key
Object Selection document titled "Of Interest".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.readers.base import ReadError

MANUFACTURER = "Huizhen"
GRAPHICS = {"line": "POLYLINE", "polyline": "POLYLINE", "ellipse": "ELLIPSE",
            "polygon": "POLYGON", "point": "POINT"}  # fmt: skip

TYPE2 = ("AccessionNumber", "ReferringPhysicianName", "StudyID", "StudyDate", "StudyTime",
         "PatientName", "PatientID", "PatientBirthDate", "PatientSex")  # fmt: skip


@dataclass
class Roi:
    """One measured region: ``points`` are (column, row) pixel coordinates in ``image``."""

    label: str
    graphic: str  # line | polyline | ellipse | polygon | point
    points: list[tuple[float, float]]
    image: Path
    frame: int | None = None  # 0-based frame of a multi-frame file
    measurements: dict[str, float] = field(default_factory=dict)  # kind -> value


def _concepts():
    from pydicom.sr.codedict import codes

    ucum_mm = codes.UCUM.Millimeter
    return {
        "length": (codes.SCT.Length, ucum_mm),
        "diameter": (codes.SCT.Diameter, ucum_mm),
        "area": (codes.SCT.Area, codes.UCUM.SquareMillimeter),
        "mean": (codes.SCT.Mean, codes.UCUM.HounsfieldUnit),
        "sd": (codes.SCT.StandardDeviation, codes.UCUM.HounsfieldUnit),
        "min": (codes.SCT.Minimum, codes.UCUM.HounsfieldUnit),
        "max": (codes.SCT.Maximum, codes.UCUM.HounsfieldUnit),
    }


def _header(path: Path):
    from app.readers.dicom_io import read_dicom

    try:
        ds = read_dicom(path, stop_before_pixels=True)
    except ReadError as err:
        raise ReadError(f"{Path(path).name}: {err}", err.kind, err.reason) from err
    for keyword in TYPE2:  # required (may be empty) in the document; older files omit them
        if keyword not in ds:
            setattr(ds, keyword, "")
    return ds


def _observer():
    import highdicom as hd

    return hd.sr.ObservationContext(
        observer_device_context=hd.sr.ObserverContext(
            observer_type=hd.sr.CodedConcept("121007", "DCM", "Device"),
            observer_identifying_attributes=hd.sr.DeviceObserverIdentifyingAttributes(
                uid=hd.UID(), name=MANUFACTURER
            ),
        )
    )


def _roi_group(roi: Roi, ds, index: int):
    import highdicom as hd

    if roi.graphic not in GRAPHICS:
        raise ValueError(f"unknown graphic {roi.graphic!r} (one of {', '.join(GRAPHICS)})")
    points = np.asarray(roi.points, dtype=float)
    if roi.graphic == "polygon" and not np.array_equal(points[0], points[-1]):
        points = np.vstack([points, points[:1]])  # DICOM polygons are closed explicitly
    frames = [roi.frame + 1] if roi.frame is not None else None
    source = hd.sr.SourceImageForRegion.from_source_image(ds, referenced_frame_numbers=frames)
    region = hd.sr.ImageRegion(GRAPHICS[roi.graphic], points, source)
    concepts = _concepts()
    measurements = []
    for kind, value in roi.measurements.items():
        if kind not in concepts:
            raise ValueError(f"unknown measurement {kind!r} (one of {', '.join(concepts)})")
        name, unit = concepts[kind]
        measurements.append(hd.sr.Measurement(name=name, value=float(value), unit=unit))
    return hd.sr.PlanarROIMeasurementsAndQualitativeEvaluations(
        tracking_identifier=hd.sr.TrackingIdentifier(
            uid=hd.UID(), identifier=roi.label or f"ROI {index + 1}"
        ),
        referenced_region=region,
        measurements=measurements,
    )


def write_sr(rois: list[Roi], out: Path, series_number: int = 901) -> Path:
    """A Comprehensive 3D SR (TID 1500 measurement report) of ``rois``; returns ``out``."""
    import highdicom as hd
    from pydicom.sr.codedict import codes

    from app.fileio import atomic_write_bytes

    if not rois:
        raise ValueError("no measurement to export")
    headers = {}
    for roi in rois:
        headers.setdefault(Path(roi.image), _header(Path(roi.image)))
    groups = [_roi_group(r, headers[Path(r.image)], i) for i, r in enumerate(rois)]
    first = next(iter(headers.values()))
    procedure = (
        codes.LN.CTUnspecifiedBodyRegion
        if str(first.get("Modality", "")) == "CT"
        else hd.sr.CodedConcept("363679005", "SCT", "Imaging")
    )
    report = hd.sr.MeasurementReport(
        observation_context=_observer(),
        procedure_reported=procedure,
        imaging_measurements=groups,
    )
    sr = hd.sr.Comprehensive3DSR(
        evidence=list(headers.values()),
        content=report,
        series_instance_uid=hd.UID(),
        series_number=series_number,
        sop_instance_uid=hd.UID(),
        instance_number=1,
        manufacturer=MANUFACTURER,
    )
    return _save(sr, out, atomic_write_bytes)


def write_kos(images: list[Path], out: Path, description: str = "", series_number: int = 902):
    """A Key Object Selection document ("Of Interest") naming ``images``; returns ``out``."""
    import highdicom as hd
    from pydicom.sr.codedict import codes

    from app.fileio import atomic_write_bytes

    if not images:
        raise ValueError("no key image to export")
    evidence = [_header(Path(p)) for p in images]
    content = hd.ko.KeyObjectSelection(
        document_title=codes.DCM.OfInterest,
        referenced_objects=evidence,
        description=description or None,
    )
    kos = hd.ko.KeyObjectSelectionDocument(
        evidence=evidence,
        content=content,
        series_instance_uid=hd.UID(),
        series_number=series_number,
        sop_instance_uid=hd.UID(),
        instance_number=1,
        manufacturer=MANUFACTURER,
    )
    return _save(kos, out, atomic_write_bytes)


def _save(ds, out: Path, write) -> Path:
    import io

    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write(out, buf.getvalue())
    return out
