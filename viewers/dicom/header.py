"""What the 2D viewer shows around an image, read from its DICOM header (Qt-free).

``frame_header(source, index)`` gives the overlay fields (patient, study,
series, slice position, orientation) and the header's window presets for one
displayed frame.  Photos and files without these tags give empty fields.
Headers are read without pixels and cached per file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from app.imaging.presets import WindowPreset, header_presets
from app.readers.base import ReadError


@dataclass
class FrameHeader:
    patient: str = ""
    patient_id: str = ""
    sex_age: str = ""
    study: str = ""  # description
    study_date: str = ""
    series: str = ""
    modality: str = ""
    institution: str = ""
    position: list[float] | None = None  # ImagePositionPatient (mm)
    orientation: list[float] | None = None  # ImageOrientationPatient
    thickness: float | None = None
    windows: list[WindowPreset] = field(default_factory=list)
    sop_uid: str = ""
    path: Path | None = None


def _floats(value, n: int) -> list[float] | None:
    try:
        out = [float(v) for v in value]
    except (TypeError, ValueError):
        return None
    return out if len(out) == n else None


def _date(value) -> str:
    s = str(value or "")
    return f"{s[:4]}-{s[4:6]}-{s[6:8]}" if len(s) == 8 and s.isdigit() else s


_AXES = {
    "L": (1, 0, 0),
    "R": (-1, 0, 0),
    "P": (0, 1, 0),
    "A": (0, -1, 0),
    "H": (0, 0, 1),
    "F": (0, 0, -1),
}


def _from_patient_orientation(value) -> list[float] | None:
    """Row/column cosines from PatientOrientation ("L\\F" on a PA chest film), dominant letter only."""
    try:
        row, col = (str(v).strip().upper()[:1] for v in value)
    except (TypeError, ValueError):
        return None
    if row in _AXES and col in _AXES:
        return [float(c) for c in (*_AXES[row], *_AXES[col])]
    return None


@lru_cache(maxsize=512)
def _read(path: str, frame: int | None) -> FrameHeader:
    from app.readers.dicom_io import read_dicom

    try:
        ds = read_dicom(Path(path), stop_before_pixels=True)
    except ReadError:
        return FrameHeader(path=Path(path))
    pos, orient, thick = ds.get("ImagePositionPatient"), ds.get("ImageOrientationPatient"), None
    if frame is not None:  # enhanced multi-frame: per-frame functional groups
        per = ds.get("PerFrameFunctionalGroupsSequence")
        shared = ds.get("SharedFunctionalGroupsSequence")
        try:
            item = per[frame]
            pos = item.PlanePositionSequence[0].ImagePositionPatient
        except (AttributeError, IndexError, TypeError):
            pass
        for groups in ([per[frame]] if per and frame < len(per) else []) + list(shared or []):
            try:
                orient = groups.PlaneOrientationSequence[0].ImageOrientationPatient
                break
            except (AttributeError, IndexError):
                continue
    if orient is None:
        orient = _from_patient_orientation(ds.get("PatientOrientation"))
    try:
        thick = float(ds.get("SliceThickness")) if ds.get("SliceThickness") else None
    except (TypeError, ValueError):
        thick = None
    sex_age = " ".join(str(ds.get(t, "") or "") for t in ("PatientSex", "PatientAge")).strip()
    return FrameHeader(
        patient=str(ds.get("PatientName", "") or "").replace("^", " ").strip(),
        patient_id=str(ds.get("PatientID", "") or ""),
        sex_age=sex_age,
        study=str(ds.get("StudyDescription", "") or ""),
        study_date=_date(ds.get("StudyDate")),
        series=str(ds.get("SeriesDescription", "") or ""),
        modality=str(ds.get("Modality", "") or ""),
        institution=str(ds.get("InstitutionName", "") or ""),
        position=_floats(pos, 3) if pos is not None else None,
        orientation=_floats(orient, 6) if orient is not None else None,
        thickness=thick,
        windows=header_presets(ds),
        sop_uid=str(ds.get("SOPInstanceUID", "") or ""),
        path=Path(path),
    )


def frame_header(source, index: int) -> FrameHeader:
    """The header fields of displayed frame ``index`` of ``source`` (any ImageSource)."""
    frames = getattr(source, "frames", None)
    if not frames:
        return FrameHeader()
    path, k = frames[min(max(int(index), 0), len(frames) - 1)]
    return _read(str(path), k)


def dataset(source, index: int):
    """The full header (no pixels) of the file showing frame ``index``; None for photos."""
    from app.readers.dicom_io import read_dicom

    frames = getattr(source, "frames", None)
    if not frames:
        return None
    path, _k = frames[min(max(int(index), 0), len(frames) - 1)]
    return read_dicom(Path(path), stop_before_pixels=True)
