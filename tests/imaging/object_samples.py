"""Small SEG, SR TID 1500 and GSPS objects written with highdicom over the real CT
slices of tests.samples.ct_series (the objects are synthetic: labelled so)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def _common():
    import highdicom as hd

    return dict(
        series_instance_uid=hd.UID(),
        sop_instance_uid=hd.UID(),
        instance_number=1,
        manufacturer="Huizhen tests (synthetic object)",
    )


def write_seg(ct_files: list[Path], out: Path) -> Path:
    import highdicom as hd
    import pydicom
    from pydicom.sr.codedict import codes

    sources = [pydicom.dcmread(p) for p in ct_files]
    mask = np.zeros((len(sources), sources[0].Rows, sources[0].Columns), np.uint8)
    mask[:, 100:200, 150:300] = 1  # a box on every slice
    desc = hd.seg.SegmentDescription(
        segment_number=1,
        segment_label="Box (synthetic)",
        segmented_property_category=codes.SCT.Tissue,
        segmented_property_type=codes.SCT.Tissue,
        algorithm_type=hd.seg.SegmentAlgorithmTypeValues.MANUAL,
    )
    seg = hd.seg.Segmentation(
        source_images=sources,
        pixel_array=mask,
        segmentation_type=hd.seg.SegmentationTypeValues.BINARY,
        segment_descriptions=[desc],
        series_number=90,
        manufacturer_model_name="tests",
        software_versions="1",
        device_serial_number="1",
        **_common(),
    )
    seg.save_as(out)
    return out


def write_sr(ct_file: Path, out: Path) -> Path:
    import highdicom as hd
    import pydicom
    from pydicom.sr.codedict import codes

    src = pydicom.dcmread(ct_file)
    region = hd.sr.ImageRegion(
        graphic_type=hd.sr.GraphicTypeValues.POLYLINE,
        graphic_data=np.array([[100.5, 100.5], [150.5, 100.5], [150.5, 140.5], [100.5, 100.5]]),
        source_image=hd.sr.SourceImageForRegion.from_source_image(src),
    )
    group = hd.sr.PlanarROIMeasurementsAndQualitativeEvaluations(
        tracking_identifier=hd.sr.TrackingIdentifier(uid=hd.UID(), identifier="Nodule 1"),
        referenced_region=region,
        finding_type=codes.SCT.Nodule,
        measurements=[
            hd.sr.Measurement(name=codes.SCT.Diameter, value=12.5, unit=codes.UCUM.Millimeter)
        ],
    )
    report = hd.sr.MeasurementReport(
        observation_context=hd.sr.ObservationContext(),
        procedure_reported=codes.LN.CTUnspecifiedBodyRegion,
        imaging_measurements=[group],
    )
    sr = hd.sr.Comprehensive3DSR(evidence=[src], content=report, series_number=91, **_common())
    sr.save_as(out)
    return out


def write_gsps(ct_file: Path, out: Path) -> Path:
    import highdicom as hd
    import pydicom

    src = pydicom.dcmread(ct_file)
    line = hd.pr.GraphicObject(
        graphic_type=hd.pr.GraphicTypeValues.POLYLINE,
        graphic_data=np.array([[10.0, 10.0], [60.0, 60.0]]),
        units=hd.pr.AnnotationUnitsValues.PIXEL,
    )
    text = hd.pr.TextObject(
        text_value="see here",
        units=hd.pr.AnnotationUnitsValues.PIXEL,
        anchor_point=(60.0, 60.0),
    )
    ann = hd.pr.GraphicAnnotation(
        referenced_images=[src],
        graphic_layer=hd.pr.GraphicLayer(layer_name="L1", order=1),
        graphic_objects=[line],
        text_objects=[text],
    )
    gsps = hd.pr.GrayscaleSoftcopyPresentationState(
        referenced_images=[src],
        series_number=92,
        manufacturer_model_name="tests",
        software_versions="1",
        device_serial_number="1",
        content_label="NOTE",
        graphic_layers=[hd.pr.GraphicLayer(layer_name="L1", order=1)],
        graphic_annotations=[ann],
        voi_lut_transformations=[
            hd.pr.SoftcopyVOILUTTransformation(window_center=300.0, window_width=1500.0)
        ],
        **_common(),
    )
    gsps.save_as(out)
    return out


def write_objects(ct_files: list[Path], folder: Path) -> list[Path]:
    """SEG (every slice), SR (first slice), GSPS and KOS (second slice) in ``folder``."""
    from app.imaging.export_sr import write_kos

    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_seg(ct_files, folder / "seg.dcm"),
        write_sr(ct_files[0], folder / "sr.dcm"),
        write_gsps(ct_files[1], folder / "pr.dcm"),
        write_kos([ct_files[1]], folder / "kos.dcm"),
    ]
