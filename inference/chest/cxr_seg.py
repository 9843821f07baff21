"""The chest X-ray model's heatmaps as a DICOM SEG (highdicom), referencing the film.

A FRACTIONAL segmentation: one segment per positive label, its heatmap
(kept with the AI result, 0..1) resized (bilinear) to the film's rows and
columns; segment label "<Finding> (AI p=0.87)", algorithm type AUTOMATIC with
the model's name and version (family Artificial Intelligence), tracking id the
label.  A film without pixel spacing (a CR's PixelSpacing may be 0) gets the
imager spacing, else 1 mm, in the SEG's pixel measures; the heatmap is an
image-space map, not a measurement.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.imaging.export_sr import MANUFACTURER, _save

DESCRIPTION = "AI chest X-ray heatmaps (not for clinical use)"
CATEGORY = ("49755003", "SCT", "Morphologically abnormal structure")
FINDING = ("404684003", "SCT", "Clinical finding")


def _spacing(ds) -> tuple[float, float]:
    for key in ("PixelSpacing", "ImagerPixelSpacing"):
        v = ds.get(key)
        if v is not None and len(v) == 2 and float(v[0]) > 0 and float(v[1]) > 0:
            return float(v[0]), float(v[1])
    return 1.0, 1.0


def resized(hm: np.ndarray, rows: int, cols: int) -> np.ndarray:
    from PIL import Image

    img = Image.fromarray(np.asarray(hm, np.float32), mode="F")
    out = np.asarray(img.resize((cols, rows), Image.Resampling.BILINEAR), np.float32)
    return np.clip(out, 0, 1)


def write_heatmap_seg(details: dict, model: dict, film_path: Path, out: Path,
                      series_number: int = 905) -> Path:  # fmt: skip
    """SEG of the AI result's heatmaps (``details`` as the model result keeps them,
    ``model`` its {"name", "version"}) over the film at ``film_path``."""
    import highdicom as hd
    from pydicom.sr.codedict import codes

    from app.fileio import atomic_write_bytes
    from app.readers.dicom_io import read_dicom
    from inference.chest.cxr_model import decode_map, text_of

    heatmaps = details.get("heatmaps") or {}
    if not heatmaps:
        raise ValueError("no positive finding: no heatmap to export")
    ds = read_dicom(film_path, stop_before_pixels=True)
    rows, cols = int(ds.Rows), int(ds.Columns)
    probs = details.get("probabilities") or {}
    algorithm = hd.AlgorithmIdentificationSequence(
        name=str(model["name"]), version=str(model["version"]),
        family=codes.cid7162.ArtificialIntelligence,
    )  # fmt: skip
    descriptions, planes = [], []
    for i, (label, enc) in enumerate(heatmaps.items()):
        p = probs.get(label)
        text = text_of(label) + (f" (AI p={float(p):.2f})" if p is not None else " (AI)")
        descriptions.append(
            hd.seg.SegmentDescription(
                segment_number=i + 1,
                segment_label=text[:64],
                segmented_property_category=hd.sr.CodedConcept(*CATEGORY),
                segmented_property_type=hd.sr.CodedConcept(*FINDING),
                algorithm_type=hd.seg.SegmentAlgorithmTypeValues.AUTOMATIC,
                algorithm_identification=algorithm,
                tracking_uid=hd.UID(),
                tracking_id=label,
            )
        )
        planes.append(resized(decode_map(enc), rows, cols))
    pixels = np.stack(planes, axis=-1)[None]  # (1 frame, rows, cols, segments)
    seg = hd.seg.Segmentation(
        source_images=[ds],
        pixel_array=pixels,
        segmentation_type=hd.seg.SegmentationTypeValues.FRACTIONAL,
        segment_descriptions=descriptions,
        series_instance_uid=hd.UID(),
        series_number=series_number,
        sop_instance_uid=hd.UID(),
        instance_number=1,
        manufacturer=MANUFACTURER,
        manufacturer_model_name=str(model["name"])[:64],
        software_versions=str(model["version"]),
        device_serial_number="0",
        series_description=DESCRIPTION,
        pixel_measures=hd.PixelMeasuresSequence(pixel_spacing=_spacing(ds), slice_thickness=1.0),
    )
    return _save(seg, out, atomic_write_bytes)
