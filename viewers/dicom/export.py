"""The 2D viewer's DICOM exports, through the imaging exporters (Qt-free, on the job runner).

The viewer's measurements become ``app.imaging.export_sr.Roi`` regions for the
TID 1500 SR (lengths as lines, ellipse and polygon ROIs with their HU
statistics and area, angles as polylines named with their angle), marked key
images a KOS, and the series goes through ``app.imaging.anonymise``.
Coordinates go from pixel centres at integers to DICOM image coordinates
(0,0 at the top-left corner of the first pixel).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np


def sop_frames(sources) -> dict[str, list[tuple[Path, int | None, int]]]:
    """SOP Instance UID -> [(file, frame in file, displayed index)] for ``sources``."""
    from viewers.dicom.header import frame_header

    out: dict[str, list] = {}
    for source in sources:
        for i in range(len(source)):
            h = frame_header(source, i)
            if h.sop_uid and h.path is not None:
                _path, k = source.frames[i]
                out.setdefault(h.sop_uid, []).append((h.path, k, i))
    return out


def _where(m, frames: dict) -> tuple[Path, int | None] | None:
    places = frames.get(m.sop_uid) or []
    for path, k, index in places:
        if index == m.frame:
            return path, k
    return (places[0][0], places[0][1]) if places else None


def to_roi(m, path: Path, frame: int | None, ct: bool):
    from app.imaging.export_sr import Roi

    pts = np.asarray(m.points, float) + 0.5
    v, mm = m.values, bool(m.values.get("mm"))
    values: dict[str, float] = {}
    label = f"{m.kind} {m.uid[:6]}"
    if m.kind == "length":
        graphic = "line"
        if mm and "length" in v:
            values["length"] = v["length"]
    elif m.kind == "angle":
        graphic = "polyline"
        if "angle" in v:
            label = f"angle {v['angle']:.1f} deg"
    elif m.kind in ("ellipse", "polygon"):
        graphic = m.kind
        if m.kind == "ellipse":
            (x0, y0), (x1, y1) = np.sort(pts, axis=0)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            pts = np.array([[x0, cy], [x1, cy], [cx, y0], [cx, y1]])  # major, minor axis ends
        if ct:
            values.update({k: v[k] for k in ("mean", "sd", "min", "max") if k in v})
        if mm and "area" in v:
            values["area"] = v["area"]
    else:
        return None  # probe, arrow, text: no region measurement to report
    return Roi(label, graphic, [tuple(p) for p in pts], path, frame, values)


def measurements_sr(measurements, sources, out: Path, state=None) -> Path:
    """Write the measurements on DICOM images of ``sources`` as a TID 1500 SR."""
    from app.imaging.export_sr import write_sr
    from viewers.dicom.header import frame_header

    frames = sop_frames(sources)
    rois = []
    for m in measurements:
        where = _where(m, frames)
        if where is None:
            continue
        ct = frame_header(sources[0], 0).modality == "CT" if sources else False
        roi = to_roi(m, where[0], where[1], ct)
        if roi is not None:
            rois.append(roi)
    return write_sr(rois, Path(out))


def key_images_kos(uids: list[str], sources, out: Path, state=None) -> Path:
    from app.imaging.export_sr import write_kos

    frames = sop_frames(sources)
    return write_kos([frames[u][0][0] for u in uids if u in frames], Path(out))


def export_series(files: list[Path], folder: Path, anonymise: bool, state=None) -> dict:
    """Copy or anonymise (PS3.15 basic profile) the series' files into ``folder``."""
    from app.imaging.anonymise import export_series as export

    result = export(list(files), Path(folder), anonymise=anonymise)
    return {"written": result.written, "refused": result.skipped}
