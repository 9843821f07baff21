"""Generic DICOM image reader (CR/DX, CT, US, OP, SM single files...).

DICOM waveform objects are left to the ECG registry (it returns a higher
confidence for them).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.domain import Modality
from app.readers.base import Reader, ReadError, StudyMeta, register
from app.readers.dicom_io import DEFLATED, header_int, read_dicom
from app.readers.reasons import ReadReason

WAVEFORM_SOP_PREFIX = "1.2.840.10008.5.1.4.1.1.9."


def is_dicom_head(head: bytes) -> bool:
    return len(head) >= 132 and head[128:132] == b"DICM"


def dicom_datetime(date: str, time: str) -> datetime | None:
    date = str(date or "").strip()  # str(): a damaged file may hold several values
    if len(date) != 8 or not date.isdigit():
        return None
    time = str(time or "").strip().split(".")[0].ljust(6, "0")[:6]
    try:
        return datetime.strptime(date + (time if time.isdigit() else "000000"), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def read_dataset(path: Path, stop_before_pixels: bool = True):
    return read_dicom(path, stop_before_pixels=stop_before_pixels)


def check_complete(path: Path) -> None:
    """Raise ReadError when the file ends before its pixel data does.

    The header is read with large values deferred, so this costs no pixel I/O.
    """
    import warnings

    size = path.stat().st_size
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds = read_dicom(path, defer_size=1024)
    if any("End of file reached" in str(w.message) for w in caught):
        raise ReadError(
            "DICOM file is truncated: it ends inside the pixel data",
            "truncated",
            ReadReason("pixels_truncated"),
        )
    meta = getattr(ds, "file_meta", None) or {}
    if str(meta.get("TransferSyntaxUID", "")) == DEFLATED:
        return  # positions are in the inflated stream, not the file; a cut stream fails to inflate
    for tag in ("PixelData", "WaveformSequence"):
        if tag not in ds:
            continue
        raw = ds.get_item(tag, keep_deferred=True)
        length = getattr(raw, "length", 0xFFFFFFFF)
        tell = getattr(raw, "value_tell", None)
        if tell is not None and length != 0xFFFFFFFF and tell + length > size:
            raise ReadError(
                f"DICOM file is truncated: {tag} needs {tell + length} bytes, file has {size}",
                "truncated",
                ReadReason("truncated_bytes", need=tell + length, size=size),
            )


def person_name(value) -> str:
    return str(value or "").strip()


def meta_from_dataset(ds, modality: Modality) -> StudyMeta:
    return StudyMeta(
        modality=modality,
        patient_id=str(ds.get("PatientID", "") or "").strip(),
        patient_name=person_name(ds.get("PatientName", "")),
        sex=str(ds.get("PatientSex", "") or "").strip().upper()[:1],
        birth_date=str(ds.get("PatientBirthDate", "") or "").strip(),
        study_uid=str(ds.get("StudyInstanceUID", "") or "").strip(),
        study_time=dicom_datetime(ds.get("StudyDate", ""), ds.get("StudyTime", ""))
        or dicom_datetime(ds.get("AcquisitionDate", ""), ds.get("AcquisitionTime", ""))
        or dicom_datetime(ds.get("ContentDate", ""), ds.get("ContentTime", "")),
        description=str(ds.get("StudyDescription", "") or ds.get("SeriesDescription", "") or ""),
        extra={
            "sop_class_uid": str(ds.get("SOPClassUID", "")),
            "sop_instance_uid": str(ds.get("SOPInstanceUID", "")),
            "series_uid": str(ds.get("SeriesInstanceUID", "")),
            "series_description": str(ds.get("SeriesDescription", "") or ""),
            "rows": max(header_int(ds, "Rows", 0), 0),
            "columns": max(header_int(ds, "Columns", 0), 0),
            "frames": max(header_int(ds, "NumberOfFrames", 1), 1),
            "laterality": str(ds.get("ImageLaterality", "") or ds.get("Laterality", "") or ""),
        },
    )


@register
class DicomImageReader(Reader):
    name = "dicom-image"
    modality = Modality.CR  # registry slot; the real modality comes from the file
    extensions = (".dcm", ".dicom", "")

    def examine(self, path: Path, head: bytes) -> float:
        if is_dicom_head(head):
            # waveforms (ECG) belong to the ECG registry
            return 0.5 if WAVEFORM_SOP_PREFIX.encode() in head else 0.9
        if path.suffix.lower() in (".dcm", ".dicom"):
            return 0.3  # might be a DICOM file without preamble; read_meta decides
        return 0.0

    def read_meta(self, path: Path) -> StudyMeta:
        ds = read_dataset(path)
        if "SOPClassUID" not in ds and "PixelData" not in ds:
            raise ReadError(
                "DICOM file has no SOP class: not an image or waveform object",
                "corrupt",
                ReadReason("not_image_object"),
            )
        sop = str(ds.get("SOPClassUID", ""))
        if sop.startswith(WAVEFORM_SOP_PREFIX):
            modality = Modality.ECG
        else:
            modality = Modality.from_dicom(str(ds.get("Modality", "")))
        if modality is Modality.OTHER:
            raise ReadError(
                f"DICOM modality {ds.get('Modality', '?')!r} is not supported",
                "unsupported",
                ReadReason("modality_unsupported", modality=str(ds.get("Modality", "?"))),
            )
        check_complete(path)
        return meta_from_dataset(ds, modality)

    def open(self, files: list[Path], state=None, **options):
        """The series' images in anatomical order (``ImageSource``); ``state`` follows
        the header pass (progress, cancel)."""
        from app.readers.images import DicomSource

        return DicomSource(files, state)
