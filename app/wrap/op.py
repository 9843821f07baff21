"""A fundus camera's JPEG/PNG/TIFF photo wrapped as DICOM Ophthalmic Photography
8 Bit Image (1.2.840.10008.5.1.4.1.1.77.1.5.1) for the server and the PACS.

- Baseline 8-bit JPEG (SOF0) is kept as it is, encapsulated (JPEG Baseline
  transfer syntax): no re-encoding, no loss added, no size blow-up.  Any other
  photo (PNG, TIFF, progressive or 12-bit JPEG) is decoded and stored as native
  8-bit RGB or MONOCHROME2; a 16-bit grey photo is scaled to 8 bits (said in
  Derivation Description).
- Ocular Region Imaged: Image Laterality (0020,0062), type 1, is R or L; a photo
  whose eye is not known is refused (``WrapError``), never sent as the wrong eye.
- Patient and study come from the case (``Case``), so the PACS files it with the
  case's other images.  The UIDs are derived from the case and the photo's
  content (sha256), so wrapping the same photo again gives the same object, byte
  for byte: a resent upload is recognised as the same file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

OP_8BIT = "1.2.840.10008.5.1.4.1.1.77.1.5.1"
RETINA = ("5665001", "SCT", "Retina")
EYE = {"R": "R", "L": "L", "OD": "R", "OS": "L", "RIGHT": "R", "LEFT": "L"}
_SOF = {0xC0: "baseline", 0xC1: "extended", 0xC2: "progressive", 0xC3: "lossless"}


class WrapError(ValueError):
    """The photo cannot be wrapped (eye unknown, not an image); the message says why."""


@dataclass
class Case:
    patient_id: str
    patient_name: str = ""
    sex: str = ""
    birth_date: str = ""  # YYYYMMDD
    study_uid: str = ""
    study_time: datetime | None = None
    accession: str = ""
    description: str = ""
    institution: str = ""


def _uid(*parts: str) -> str:
    """A UUID-derived UID (PS3.5 B.2, "2.25."), a name-based UUID so the same parts
    always give the same UID."""
    import uuid

    return f"2.25.{uuid.uuid5(uuid.NAMESPACE_OID, '|'.join(map(str, parts))).int}"


def _study_uid(case: Case) -> str:
    import re

    u = case.study_uid or ""
    if len(u) <= 64 and re.fullmatch(r"(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+", u):
        return u
    return _uid("huizhen-study", u or case.patient_id)


def jpeg_frame(data: bytes) -> tuple[str, int, int, int, list[tuple[int, int]]] | None:
    """(kind, precision, rows, columns, sampling factors per component) of a JPEG's
    first frame header, or None when ``data`` is not a JPEG (or is damaged)."""
    if not data.startswith(b"\xff\xd8"):
        return None
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if marker in _SOF or marker in (0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            seg = data[i + 4 : i + 2 + length]
            if len(seg) < 6:
                return None
            prec, rows, cols, n = (
                seg[0],
                int.from_bytes(seg[1:3], "big"),
                int.from_bytes(seg[3:5], "big"),
                seg[5],
            )
            factors = [(seg[7 + 3 * k] >> 4, seg[7 + 3 * k] & 15) for k in range(n)]
            return _SOF.get(marker, "other"), prec, rows, cols, factors
        if marker == 0xDA:
            return None
        i += 2 + length
    return None


def _adobe_rgb(data: bytes) -> bool:
    """An Adobe APP14 marker saying the components are RGB, not YCbCr."""
    at = data.find(b"\xff\xeeAdobe")
    return at >= 0 and at + 16 <= len(data) and data[at + 15] == 0


def _pixels(data: bytes):
    """(pixel data bytes, photometric, rows, columns, samples, lossy source, note)."""
    import numpy as np
    from PIL import Image

    from app.readers.photo import open_photo

    fd, note = io.BytesIO(data), ""
    with open_photo(fd) as im:
        lossy = im.format == "JPEG"
        if im.mode in ("I;16", "I;16B", "I;16L", "I"):
            a = np.asarray(im, dtype=np.float64)
            hi = float(a.max()) or 1.0
            a = np.clip(a / hi * 255.0 + 0.5, 0, 255).astype(np.uint8)
            note = "16-bit grey photo scaled to 8 bits for OP 8 Bit Image Storage"
            im = Image.fromarray(a)
        if im.mode in ("L", "1", "P") and im.mode != "P":
            a = np.asarray(im.convert("L"), dtype=np.uint8)
            return a.tobytes(), "MONOCHROME2", a.shape[0], a.shape[1], 1, lossy, note
        a = np.asarray(im.convert("RGB"), dtype=np.uint8)
    return np.ascontiguousarray(a).tobytes(), "RGB", a.shape[0], a.shape[1], 3, lossy, note


def wrap_photo(
    data: bytes,
    eye: str,
    case: Case,
    *,
    camera: tuple[str, str] = ("", ""),
    field_deg: float | None = None,
) -> bytes:
    """The DICOM OP file (bytes) of the photo ``data`` of ``eye`` (R/L/OD/OS);
    ``field_deg``: the camera's field angle when known (Horizontal Field of View)."""
    import hashlib

    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.encaps import encapsulate
    from pydicom.sequence import Sequence
    from pydicom.uid import ExplicitVRLittleEndian, JPEGBaseline8Bit

    from app.wrap.dataset import base_dataset

    side = EYE.get(str(eye or "").strip().upper())
    if side is None:
        raise WrapError("the eye of this photo is not known (R or L): it cannot be sent as DICOM")
    if not case.patient_id:
        raise WrapError("the case has no patient ID")
    digest = hashlib.sha256(data).hexdigest()
    study_uid = _study_uid(case)
    head = jpeg_frame(data)
    if head and head[0] == "baseline" and head[1] == 8 and len(head[4]) in (1, 3):
        _kind, _prec, rows, cols, factors = head
        if len(factors) == 1:
            photometric, samples = "MONOCHROME2", 1
        elif _adobe_rgb(data):
            photometric, samples = "RGB", 3
        else:
            subsampled = any(f != factors[0] for f in factors[1:])
            photometric, samples = ("YBR_FULL_422" if subsampled else "YBR_FULL"), 3
        syntax, pixel_data, lossy = JPEGBaseline8Bit, encapsulate([data]), True
        note = ""
    else:
        try:
            pixel_data, photometric, rows, cols, samples, lossy, note = _pixels(data)
        except Exception as err:  # ReadError and anything PIL raises on a damaged file
            raise WrapError(f"not a photo that can be wrapped: {err}") from err
        syntax = ExplicitVRLittleEndian
    when = case.study_time or datetime(1900, 1, 1)
    sop_uid = _uid("huizhen-op", study_uid, digest, side)  # another eye: another object
    ds = base_dataset(case, when, study_uid, OP_8BIT, sop_uid, "OP")
    # the case's values as DICOM allows them (lengths, a date of digits, a sex code)
    ds.PatientName = case.patient_name[:64]
    ds.PatientID = case.patient_id[:64]
    ds.PatientBirthDate = case.birth_date[:8] if case.birth_date.isdigit() else ""
    ds.PatientSex = case.sex[:1].upper() if case.sex[:1].upper() in ("M", "F", "O") else ""
    ds.StudyDescription = case.description[:64]
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = OP_8BIT
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = syntax  # JPEG Baseline when the camera's JPEG is kept
    ds.file_meta = meta
    # series and equipment
    ds.Modality = "OP"
    ds.SeriesInstanceUID = _uid("huizhen-op-series", study_uid, side)
    ds.SeriesNumber = 1 if side == "R" else 2
    ds.SeriesDescription = "Fundus photo " + ("right eye" if side == "R" else "left eye")
    ds.Manufacturer, ds.ManufacturerModelName = camera[0][:64], camera[1][:64]
    # image
    ds.InstanceNumber = 1
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.ImageLaterality = side
    ds.PatientOrientation = ""
    ds.BurnedInAnnotation = "NO"
    ds.ConversionType = "DI"  # digital interface: the camera's own file
    ds.SamplesPerPixel, ds.PhotometricInterpretation = samples, photometric
    if samples == 3:
        ds.PlanarConfiguration = 0
    ds.Rows, ds.Columns = rows, cols
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit, ds.PixelRepresentation = 7, 0
    ds.NumberOfFrames = 1
    ds.FrameIncrementPointer = (0x0018, 0x1063)  # Frame Time (one frame)
    ds.FrameTime = 0
    if lossy:
        ds.LossyImageCompression = "01"
        ds.LossyImageCompressionMethod = "ISO_10918_1"
    else:
        ds.LossyImageCompression = "00"
    if note:
        ds.DerivationDescription = note
    if photometric.startswith("MONOCHROME"):
        ds.PresentationLUTShape = "IDENTITY"
    region = Dataset()
    region.CodeValue, region.CodingSchemeDesignator, region.CodeMeaning = RETINA
    ds.AnatomicRegionSequence = Sequence([region])
    ds.AcquisitionContextSequence = Sequence([])
    # Ophthalmic Photography Acquisition Parameters (type 2: present, may be empty)
    ds.PatientEyeMovementCommanded = ""
    ds.HorizontalFieldOfView = float(field_deg) if field_deg else None
    ds.RefractiveStateSequence = Sequence([])
    ds.EmmetropicMagnification = None
    ds.IntraOcularPressure = None
    ds.PupilDilated = ""
    ds.PixelData = pixel_data
    if syntax == JPEGBaseline8Bit:
        ds["PixelData"].VR = "OB"
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    return out.getvalue()


PHOTO_READERS = ("fundus-photo",)


def exif_camera(data: bytes) -> tuple[str, str]:
    """(make, model) from a photo's EXIF, empty strings when it has none."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            exif = im.getexif()
            return tuple(str(exif.get(t) or "").strip("\x00 ")[:64] for t in (0x010F, 0x0110))
    except Exception:  # no EXIF, or a damaged one: the camera is simply not named
        return "", ""


def for_upload(store, object_pk: int) -> tuple[Path, str, str] | None:
    """(file, name, sha256) to send for a stored camera photo: the photo wrapped as
    DICOM OP with its eye and the case's patient and study, written once under the
    data folder (``wrapped/``).  None when the object is not a camera photo (it is
    sent as it is) or its eye is unknown (sent as it is; the server's analysis then
    finds the eye from the anatomy, and says so)."""
    import hashlib
    import logging

    from app.models import StoredObject
    from app.wrap.dataset import case_of_study

    with store.read_session() as s:
        obj = s.get(StoredObject, object_pk)
        if obj is None or obj.reader not in PHOTO_READERS:
            return None
        eye = str((obj.meta or {}).get("laterality") or "")
        case = case_of_study(obj.study)
        path, name = store.object_file(obj), obj.filename
    target = store.data_dir / "wrapped" / f"{object_pk}_{Path(name).stem}.dcm"
    try:
        data = path.read_bytes()
        make, model = exif_camera(data)
        fov = _field_angle(f"{make} {model}")
        wrapped = wrap_photo(data, eye, case, camera=(make, model), field_deg=fov)
    except WrapError as err:
        logging.getLogger(__name__).warning("%s sent as it is: %s", name, err)
        return None
    if not target.exists() or target.read_bytes() != wrapped:
        from app.fileio import atomic_write_bytes

        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, wrapped)
    return target, f"{Path(name).stem}.dcm", hashlib.sha256(wrapped).hexdigest()


def eye_of(store, object_pk: int) -> str:
    """ "R", "L" or "" : the eye recorded for a stored photo."""
    from app.models import StoredObject

    with store.read_session() as s:
        obj = s.get(StoredObject, object_pk)
        eye = str(((obj.meta or {}) if obj is not None else {}).get("laterality") or "")
    return EYE.get(eye.strip().upper(), "")


def sent_sha256(store, study_pk: int, sha256: str) -> str:
    """The digest the server knows a stored file by: its wrapped DICOM's when the
    file is a camera photo sent wrapped, else its own (an AI result names the
    object it read by this digest)."""
    from sqlalchemy import select

    from app.models import StoredObject

    with store.read_session() as s:
        q = select(StoredObject.id).where(
            StoredObject.study_pk == study_pk, StoredObject.sha256 == sha256
        )
        pk = s.scalar(q.limit(1))
    wrapped = for_upload(store, pk) if pk is not None else None
    return wrapped[2] if wrapped is not None else sha256


def _field_angle(camera: str) -> float | None:
    try:
        from inference.fundus.scale import field_angle

        return field_angle(camera)
    except ImportError:  # a build without the fundus analysis: the tag stays empty
        return None
