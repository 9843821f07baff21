"""Nodules as standard DICOM objects with highdicom: SEG and SR TID 1500.

SEG: one segment per nodule (label "Nodule N"; category Morphologically
abnormal structure, type Nodule), algorithm type AUTOMATIC with the built-in
model's name and version (family Artificial Intelligence), frames only where a
nodule is, referencing only the slices a nodule is on (reading all headers of a
long series cost most of the SEG's time).  SR: a Comprehensive 3D SR measurement report (TID 1500) with one
planar ROI group per nodule: finding Nodule, tracking identifier and UID, a
POINT at the nodule centre on its centre slice, mean diameter / long axis /
short axis (mm), volume (mm3), mean attenuation (HU), and as qualitative
evaluations the nodule type and the Lung-RADS v2022 category (private coding
scheme 99HUIZHEN: no standard code for a Lung-RADS category is known here).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.imaging.export_sr import MANUFACTURER, _header, _observer, _save
from inference.chest.analysis import BUILTIN

SCHEME = "99HUIZHEN"


def _sources(vol, slices):
    """The headers of the source images ``slices`` (the SEG needs their attributes,
    not their pixels)."""
    from app.readers.dicom_io import read_dicom

    return [read_dicom(vol.frames[k].path, stop_before_pixels=True) for k in slices]


def label_map(vol, masks) -> np.ndarray:
    """(z, y, x) uint8: 0 background, i + 1 inside nodule i (``masks``: (box, mask))."""
    out = np.zeros(vol.shape[:3], np.uint8)
    for i, (box, mask) in enumerate(masks):
        sub = out[box]
        sub[mask & (sub == 0)] = i + 1
    return out


DESCRIPTION = "AI lung nodules (not for clinical use)"


def segment_label(n: dict) -> str:
    """ "Nodule N (AI)"; a nodule whose size or type the doctor edited keeps the AI's
    contour (no one drew another) and says so with the doctor's values, which the SR
    carries as its measurements."""
    if n.get("decision") != "modified":
        return f"Nodule {n['id']} (AI)"
    return f"Nodule {n['id']} (AI contour; doctor: {n['mean_diameter_mm']:.1f} mm {n['type']})"[:64]


def write_nodule_seg(
    report: dict, vol, masks, out: Path, series_number: int = 903, description: str = DESCRIPTION
) -> Path:
    import highdicom as hd
    from pydicom.sr.codedict import codes

    from app.fileio import atomic_write_bytes

    if not masks:
        raise ValueError("no nodule to export")
    algorithm = hd.AlgorithmIdentificationSequence(
        name=BUILTIN["name"],
        version=BUILTIN["version"],
        family=codes.cid7162.ArtificialIntelligence,
    )
    descriptions = [
        hd.seg.SegmentDescription(
            segment_number=i + 1,
            segment_label=segment_label(n),
            segmented_property_category=codes.SCT.MorphologicallyAbnormalStructure,
            segmented_property_type=codes.SCT.Nodule,
            algorithm_type=hd.seg.SegmentAlgorithmTypeValues.AUTOMATIC,
            algorithm_identification=algorithm,
            tracking_uid=hd.UID(),
            tracking_id=f"Nodule {n['id']}",
        )
        for i, n in enumerate(report["nodules"][: len(masks)])
    ]
    labels = label_map(vol, masks)
    slices = np.flatnonzero(labels.any(axis=(1, 2)))  # only the slices a nodule is on
    seg = hd.seg.Segmentation(
        source_images=_sources(vol, slices),
        pixel_array=labels[slices],
        segmentation_type=hd.seg.SegmentationTypeValues.BINARY,
        segment_descriptions=descriptions,
        series_instance_uid=hd.UID(),
        series_number=series_number,
        sop_instance_uid=hd.UID(),
        instance_number=1,
        manufacturer=MANUFACTURER,
        manufacturer_model_name=BUILTIN["name"],
        software_versions=BUILTIN["version"],
        device_serial_number="0",
        series_description=description,
    )
    return _save(seg, out, atomic_write_bytes)


def _group(n: dict, ds, vol):
    import highdicom as hd
    from pydicom.sr.codedict import codes

    i, j, _ = n["centre_voxel"]
    region = hd.sr.ImageRegion(
        hd.sr.GraphicTypeValues.POINT,
        np.array([[float(i), float(j)]]),
        hd.sr.SourceImageForRegion.from_source_image(ds),
    )
    mm, hu = codes.UCUM.Millimeter, codes.UCUM.HounsfieldUnit
    short = hd.sr.CodedConcept("103340004", "SCT", "Short axis")
    measurements = [
        hd.sr.Measurement(codes.SCT.Diameter, n["mean_diameter_mm"], mm,
                          derivation=codes.SCT.Mean),
        hd.sr.Measurement(codes.SCT.LongAxis, n["long_axis_mm"], mm),
        hd.sr.Measurement(short, n["short_axis_mm"], mm),
        hd.sr.Measurement(codes.SCT.Volume, n["volume_mm3"], codes.UCUM.CubicMillimeter),
        hd.sr.Measurement(codes.DCM.MeanAttenuationCoefficient, n["mean_hu"], hu),
    ]  # fmt: skip
    cat = n["lung_rads"]
    evaluations = [
        hd.sr.QualitativeEvaluation(
            hd.sr.CodedConcept("NODULE-TYPE", SCHEME, "Nodule type"),
            hd.sr.CodedConcept(n["type"].upper(), SCHEME, n["type"]),
        ),
        hd.sr.QualitativeEvaluation(
            hd.sr.CodedConcept("LUNG-RADS", SCHEME, "Lung-RADS v2022 category"),
            hd.sr.CodedConcept(f"LR-{cat}", SCHEME, f"Lung-RADS {cat}"),
        ),
    ]
    return hd.sr.PlanarROIMeasurementsAndQualitativeEvaluations(
        tracking_identifier=hd.sr.TrackingIdentifier(uid=hd.UID(), identifier=f"Nodule {n['id']}"),
        referenced_region=region,
        finding_type=codes.SCT.Nodule,
        finding_sites=[hd.sr.FindingSite(codes.SCT.Lung)],
        measurements=measurements,
        qualitative_evaluations=evaluations,
        algorithm_id=hd.sr.AlgorithmIdentification(BUILTIN["name"], BUILTIN["version"]),
    )


def write_nodule_sr(
    report: dict, vol, out: Path, series_number: int = 904, description: str = DESCRIPTION
) -> Path:
    import highdicom as hd
    from pydicom.sr.codedict import codes

    from app.fileio import atomic_write_bytes

    if not report["nodules"]:
        raise ValueError("no nodule to export")
    headers, groups = {}, []
    for n in report["nodules"]:
        k = int(round(n["centre_voxel"][2]))
        path = vol.frames[min(max(k, 0), len(vol.frames) - 1)].path
        ds = headers.setdefault(path, _header(path))
        groups.append(_group(n, ds, vol))
    doc = hd.sr.MeasurementReport(
        observation_context=_observer(),
        procedure_reported=codes.LN.CTUnspecifiedBodyRegion,
        imaging_measurements=groups,
    )
    sr = hd.sr.Comprehensive3DSR(
        evidence=list(headers.values()),
        content=doc,
        series_instance_uid=hd.UID(),
        series_number=series_number,
        sop_instance_uid=hd.UID(),
        instance_number=1,
        manufacturer=MANUFACTURER,
        series_description=description,
    )
    return _save(sr, out, atomic_write_bytes)
