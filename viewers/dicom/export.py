"""DICOM exports of the 2D viewer (Qt-free, run on the job runner).

- ``measurements_sr``: the user's measurements as a Comprehensive 3D SR with
  the TID 1500 Measurement Report (highdicom): one planar ROI group per
  length / angle / ellipse / polygon, its image region on the referenced
  image and its values (mm, degrees, HU mean/SD/min/max, mm²), so other
  viewers read them.
- ``key_images_kos``: the marked key images as a Key Object Selection.
- ``export_series``: the series' files copied, or anonymised with the DICOM
  PS3.15 basic profile (``app.anon.dicom``: one pseudonym table for the whole
  series, so UIDs stay consistent; images flagged as carrying burned-in
  annotation are refused and listed).
Files are written atomically.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.fileio import atomic_write

MANUFACTURER = "Huizhen"


def _write(ds, path: Path) -> Path:
    atomic_write(path, lambda f: ds.save_as(f, enforce_file_format=True))
    return Path(path)


def sop_paths(sources) -> dict[str, Path]:
    """SOP Instance UID -> file for the images of ``sources`` (ImageSource objects)."""
    from viewers.dicom.header import frame_header

    out: dict[str, Path] = {}
    for source in sources:
        for i in range(len(source)):
            h = frame_header(source, i)
            if h.sop_uid and h.path is not None:
                out.setdefault(h.sop_uid, h.path)
    return out


def _heads(sop_paths: dict[str, Path]) -> dict[str, object]:
    from app.readers.dicom_io import read_dicom

    return {uid: read_dicom(Path(p), stop_before_pixels=True) for uid, p in sop_paths.items()}


def _region(m, head):
    import highdicom as hd

    pts = np.asarray(m.points, float) + 0.5  # pixel centres -> DICOM image coordinates
    if m.kind == "ellipse":
        (x0, y0), (x1, y1) = np.sort(pts, axis=0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        pts = np.array([[x0, cy], [x1, cy], [cx, y0], [cx, y1]])
        kind = hd.sr.GraphicTypeValues.ELLIPSE
    elif m.kind == "polygon":
        pts = np.vstack([pts, pts[:1]])
        kind = hd.sr.GraphicTypeValues.POLYGON
    else:
        kind = hd.sr.GraphicTypeValues.POLYLINE
    source = hd.sr.SourceImageForRegion(
        referenced_sop_class_uid=head.SOPClassUID,
        referenced_sop_instance_uid=head.SOPInstanceUID,
    )
    return hd.sr.ImageRegion(graphic_type=kind, graphic_data=pts, source_image=source)


def _values(m, ct: bool):
    import highdicom as hd
    from pydicom.sr.codedict import codes

    v = m.values
    mm = bool(v.get("mm"))
    if not mm and m.kind != "angle":
        return []  # no pixel spacing: no calibrated value to report
    hu = codes.UCUM.HounsfieldUnit if ct else hd.sr.CodedConcept("1", "UCUM", "no units")
    table = {
        "length": [(codes.SCT.Length, "length", codes.UCUM.Millimeter)],
        "angle": [(hd.sr.CodedConcept("1483009", "SCT", "Angle"), "angle", codes.UCUM.Degree)],
        "ellipse": [
            (codes.SCT.Mean, "mean", hu),
            (codes.SCT.StandardDeviation, "sd", hu),
            (codes.SCT.Minimum, "min", hu),
            (codes.SCT.Maximum, "max", hu),
            (codes.SCT.Area, "area", codes.UCUM.SquareMillimeter),
        ],
    }
    table["polygon"] = table["ellipse"]
    return [
        hd.sr.Measurement(name=name, value=float(v[key]), unit=unit)
        for name, key, unit in table.get(m.kind, [])
        if key in v
    ]


def measurements_sr(measurements, sources, out: Path, state=None) -> Path:
    """Write ``measurements`` (those on DICOM images of ``sources``) as TID 1500 SR."""
    import highdicom as hd
    from pydicom.sr.codedict import codes

    paths = sop_paths(sources)
    heads = _heads({m.sop_uid: paths[m.sop_uid] for m in measurements if m.sop_uid in paths})
    groups = []
    for i, m in enumerate(measurements):
        head = heads.get(m.sop_uid)
        if head is None or m.kind not in ("length", "angle", "ellipse", "polygon"):
            continue
        ct = str(head.get("Modality", "")) == "CT"
        groups.append(
            hd.sr.PlanarROIMeasurementsAndQualitativeEvaluations(
                tracking_identifier=hd.sr.TrackingIdentifier(
                    uid=hd.UID(), identifier=f"{m.kind} {i + 1}"
                ),
                referenced_region=_region(m, head),
                measurements=_values(m, ct),
            )
        )
    if not groups:
        raise ValueError("no measurement on a DICOM image to export")
    report = hd.sr.MeasurementReport(
        observation_context=hd.sr.ObservationContext(),
        procedure_reported=codes.LN.CTUnspecifiedBodyRegion,
        imaging_measurements=groups,
    )
    sr = hd.sr.Comprehensive3DSR(
        evidence=list(heads.values()),
        content=report,
        series_instance_uid=hd.UID(),
        series_number=901,
        sop_instance_uid=hd.UID(),
        instance_number=1,
        manufacturer=MANUFACTURER,
        series_description="Measurements (Huizhen)",
    )
    return _write(sr, out)


def key_images_kos(uids: list[str], sources, out: Path, state=None) -> Path:
    """Write the key images ``uids`` (found in ``sources``) as a Key Object Selection document."""
    import highdicom as hd
    from pydicom.sr.codedict import codes

    paths = sop_paths(sources)
    keys = {u: paths[u] for u in uids if u in paths}
    if not keys:
        raise ValueError("no key image marked")
    heads = list(_heads(keys).values())
    kos = hd.ko.KeyObjectSelectionDocument(
        evidence=heads,
        content=hd.ko.KeyObjectSelection(
            document_title=codes.DCM.OfInterest, referenced_objects=heads
        ),
        series_instance_uid=hd.UID(),
        series_number=902,
        sop_instance_uid=hd.UID(),
        instance_number=1,
        manufacturer=MANUFACTURER,
    )
    return _write(kos, out)


def export_series(files: list[Path], folder: Path, anonymise: bool, state=None) -> dict:
    """Copy (or anonymise) ``files`` into ``folder``; returns written files and refusals."""
    from app.anon.dicom import anonymise_file
    from app.anon.pseudonyms import Pseudonyms
    from app.fileio import atomic_copy

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pseudo = Pseudonyms() if anonymise else None
    written, refused = [], []
    for i, src in enumerate(files):
        dest = folder / (f"IM{i + 1:05d}.dcm" if anonymise else Path(src).name)
        try:
            if anonymise:
                anonymise_file(Path(src), dest, pseudo)
            else:
                atomic_copy(src, dest)
            written.append(dest)
        except ValueError as err:  # burned-in annotation
            refused.append((Path(src).name, str(err)))
        if state is not None:
            state.progress((i + 1) / len(files))
            state.check()
    return {"written": written, "refused": refused}
