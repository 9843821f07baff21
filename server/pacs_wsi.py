"""Slides into the PACS as DICOM-WSI (Debian ``orthanc-wsi``'s OrthancWSIDicomizer).

A slide uploaded to a case (TIFF, SVS, ...) stays in the embedded store as
uploaded; with a DICOMweb PACS configured, its ``pacs_objects`` row starts as
``wsi_pending``.  The PACS worker converts it: the dicomizer writes the
pyramid as DICOM VL Whole Slide Microscopy instances (the source's JPEG tiles
copied, not re-encoded; 512 px tiles; at most ``MAX_INSTANCE_MB`` per
instance, so Orthanc's parsed-file cache keeps the instance a frame comes
from), with the case's patient, the slide's pixel size and a fresh series;
each instance is sent by STOW-RS, and the row becomes ``converted`` with the
study and series UIDs (``wsi_failed`` with the reason otherwise, retried like
a failed STOW).  Viewers then stream its tiles through the server
(``server/routes/dicomweb_wsi.py``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger("huizhen.server.pacs")

PENDING, FAILED, CONVERTED = "wsi_pending", "wsi_failed", "converted"
MAX_INSTANCE_MB = 10
TIMEOUT_S = 3600
UID = re.compile(r"^[0-9]+(\.[0-9]+)*$")
OPENSLIDE_LIBS = (
    "/usr/lib/x86_64-linux-gnu/libopenslide.so.0",
    "/usr/lib/aarch64-linux-gnu/libopenslide.so.0",
)
TIFF_SUFFIXES = (".tif", ".tiff")


def dicomizer() -> str | None:
    """The OrthancWSIDicomizer executable ($HUIZHEN_DICOMIZER or PATH), or None."""
    env = os.environ.get("HUIZHEN_DICOMIZER")
    if env:
        return env if os.access(env, os.X_OK) else None
    return shutil.which("OrthancWSIDicomizer")


def slide_geometry(path: Path) -> tuple[tuple[int, int], tuple[float, float] | None]:
    """(width, height) at level 0 and (mpp x, mpp y) when the slide says, via OpenSlide."""
    import openslide

    with openslide.OpenSlide(str(path)) as s:
        size = s.dimensions
        try:
            mpp = (float(s.properties["openslide.mpp-x"]), float(s.properties["openslide.mpp-y"]))
        except (KeyError, ValueError):
            mpp = None
    return size, mpp if mpp and min(mpp) > 0 else None


def patient_of(case) -> str:
    return (case.patient_id or f"CASE-{case.id}")[:64]


def dataset_for(case, study_uid: str, series_uid: str) -> dict:
    """The DICOM attributes the dicomizer puts in every instance (its --dataset JSON)."""
    return {
        "PatientID": patient_of(case),
        "PatientName": case.patient_name or "",
        "PatientSex": case.patient_sex or "",
        "PatientBirthDate": case.patient_birth_date or "",
        "StudyInstanceUID": study_uid,
        "SeriesInstanceUID": series_uid,
        "StudyDescription": (case.study_description or "")[:64],
        "SeriesDescription": "Whole slide (converted from the uploaded file)",
        "AccessionNumber": f"HZ{case.id}"[:16],
        "ImageType": "ORIGINAL\\PRIMARY\\VOLUME\\NONE",
    }


def study_uid_of(case) -> str:
    """The case's Study Instance UID when it is a valid DICOM UID, else a new one."""
    from pydicom.uid import generate_uid

    uid = (case.study_uid or "").strip()
    return uid if UID.match(uid) and len(uid) <= 64 else generate_uid()


def dicomize(source: Path, out: Path, dataset: dict, threads: int = 2) -> list[Path]:
    """Run the dicomizer: ``source`` -> DICOM-WSI files in ``out`` (sorted)."""
    exe = dicomizer()
    if exe is None:
        raise RuntimeError("OrthancWSIDicomizer is not installed (apt install orthanc-wsi)")
    (width, height), mpp = slide_geometry(source)
    out.mkdir(parents=True, exist_ok=True)
    spec = out / "dataset.json"
    spec.write_text(json.dumps(dataset))
    args = [
        exe,
        f"--dataset={spec}",
        f"--folder={out}",
        f"--max-size={MAX_INSTANCE_MB}",
        f"--threads={threads}",
        "--tile-width=512",
        "--tile-height=512",
    ]
    if mpp is not None:  # the imaged area in mm gives the DICOM pixel spacing
        # orthanc-wsi 1.1 divides --imaged-height by the width for the column spacing and
        # --imaged-width by the height for the row spacing (measured): pass them crossed
        args += [f"--imaged-height={width * mpp[0] / 1000:.6f}"]
        args += [f"--imaged-width={height * mpp[1] / 1000:.6f}"]
    if source.suffix.lower() not in TIFF_SUFFIXES:  # other formats through OpenSlide
        lib = next((p for p in OPENSLIDE_LIBS if os.path.exists(p)), None)
        if lib is not None:
            args.append(f"--openslide={lib}")
    args.append(str(source))  # the dicomizer picks its reader by the file's extension
    done = subprocess.run(args, capture_output=True, timeout=TIMEOUT_S, cwd=out)
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise RuntimeError(f"the dicomizer failed ({done.returncode}): {' | '.join(tail)}")
    files = sorted(out.glob("wsi-*.dcm"))
    if not files:
        raise RuntimeError("the dicomizer wrote no DICOM instance")
    return files


def layout_path(files, object_id: int) -> Path:
    """Where the server keeps a converted slide's tile layout (a cache: rebuilt when lost)."""
    return files.blob_dir.parent / "wsi" / f"{int(object_id)}.json"


def save_layout(files, object_id: int, layout: dict) -> None:
    write_json(layout_path(files, object_id), layout)


def write_json(path: Path, value) -> None:
    """Write ``value`` as compact JSON, atomically (a cache file is whole or absent)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".json.", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as f:
            json.dump(value, f, separators=(",", ":"))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def layout_bytes(files, object_id: int) -> bytes | None:
    """The kept layout as JSON bytes (an object), or None when it is not here."""
    try:
        raw = layout_path(files, object_id).read_bytes()
    except OSError:
        return None
    return raw if raw.lstrip().startswith(b"{") and len(raw) > 2 else None


def convert(backend, source: Path, case, filename: str) -> tuple[str, str, dict]:
    """Convert ``source`` and STOW every instance; (study UID, series UID, tile layout)."""
    from pydicom.uid import generate_uid

    from app.slide.wsi_layout import layout_of_files
    from server.dicominfo import read_dicom_info

    study, series = study_uid_of(case), generate_uid()
    with tempfile.TemporaryDirectory(prefix="hz-wsi-") as tmp:
        work = Path(tmp)
        blob = work / ("in" + (Path(filename).suffix.lower() or ".tiff"))
        try:  # the dicomizer and OpenSlide read by extension: the blob under its suffix
            os.link(source, blob)
        except OSError:
            shutil.copyfile(source, blob)
        files = dicomize(blob, work / "out", dataset_for(case, study, series))
        for f in files:
            info = read_dicom_info(f)
            if info is None:
                raise RuntimeError(f"{f.name}: the dicomizer wrote no readable DICOM")
            backend.store(f, info)
        layout = layout_of_files(files)
    log.info("slide %s: %d DICOM-WSI instances in the PACS", filename, len(files))
    return study, series, layout


def index_slide(sync, s, obj):
    """In the upload's transaction: a slide for a DICOMweb PACS gets a ``wsi_pending`` row
    (the worker converts it); None without a PACS, a dicomizer, or for other files."""
    if obj.modality != "SM" or not sync.remote or dicomizer() is None:
        return None
    return sync.placeholder(s, obj, PENDING, "SM")


def convert_slide(sync, object_id: int) -> str:
    """Worker: the slide as DICOM-WSI in the PACS; the row becomes ``converted`` (or
    ``wsi_failed`` with the reason, retried with the failed STOWs)."""
    from server.models import Case, StoredObject
    from server.pacs import PacsError

    with sync.sessions() as s:
        obj = s.get(StoredObject, object_id)
        case = s.get(Case, obj.case_id)
        s.expunge(case)
        path, name = sync.files.blob_path(obj.sha256), obj.filename
    uids, error = ("", "", {}), ""
    try:
        uids = convert(sync.backend, path, case, name)
    except PacsError as err:
        error = str(err)
    except Exception as err:  # noqa: BLE001 - OpenSlide, the dicomizer, a disk: all "failed"
        error = f"{type(err).__name__}: {err}"
        log.warning("slide %s: conversion to DICOM-WSI failed: %s", object_id, error)
    if not error:
        from server.wsi_first import keep_first

        save_layout(sync.files, object_id, uids[2])
        keep_first(sync, object_id, uids[0], uids[1], patient_of(case), uids[2])
    fields = {"study_uid": uids[0], "series_uid": uids[1], "patient_id": patient_of(case)}
    return sync.settle(object_id, error, FAILED, CONVERTED, fields)
