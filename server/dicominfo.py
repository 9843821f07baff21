"""DICOM identity of an upload: its UIDs (read before the write transaction)
and who owns them (the first organisation to upload a UID owns it)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server.models import Case, PacsObject, StoredObject

log = logging.getLogger("huizhen.server.pacs")


@dataclass(frozen=True)
class DicomInfo:
    study_uid: str
    series_uid: str
    sop_uid: str
    sop_class_uid: str = ""
    patient_id: str = ""
    patient_name: str = ""
    study_date: str = ""
    modality: str = ""


def read_dicom_info(source: Path | bytes) -> DicomInfo | None:
    """The UIDs of a DICOM Part 10 file (a path or its bytes), or None for anything else."""
    import io

    if isinstance(source, bytes | bytearray):
        head, name, opened = bytes(source[:132]), "upload", io.BytesIO(source)
    else:
        try:
            with open(source, "rb") as f:
                head = f.read(132)
        except OSError:
            return None
        name, opened = Path(source).name, source
    if len(head) < 132 or head[128:132] != b"DICM":
        return None
    import pydicom

    try:
        ds = pydicom.dcmread(opened, stop_before_pixels=True)
        info = DicomInfo(
            study_uid=str(ds.get("StudyInstanceUID", "")),
            series_uid=str(ds.get("SeriesInstanceUID", "")),
            sop_uid=str(ds.get("SOPInstanceUID", "")),
            sop_class_uid=str(ds.get("SOPClassUID", ""))[:64],
            patient_id=str(ds.get("PatientID", ""))[:64],
            patient_name=str(ds.get("PatientName", ""))[:200],
            study_date=str(ds.get("StudyDate", ""))[:8],
            modality=str(ds.get("Modality", ""))[:16],
        )
    except Exception as err:  # a damaged header is stored, not archived
        log.warning("%s has a DICOM preamble but no readable header: %s", name, err)
        return None
    uids = (info.study_uid, info.series_uid, info.sop_uid)
    return info if all(uids) and max(map(len, uids)) <= 64 else None


def uid_conflict(s: Session, info: DicomInfo, org_id: int, sha256: str) -> str:
    """Why these UIDs may not go to the PACS ('' when they may).

    A UID belongs to the organisation that uploaded it first; a SOP Instance
    UID reused with other bytes would overwrite (or be shadowed by) the
    archived instance.
    """
    q = (
        select(PacsObject.sop_uid, PacsObject.study_uid, Case.org_id, StoredObject.sha256)
        .join(Case, Case.id == PacsObject.case_id)
        .join(StoredObject, StoredObject.id == PacsObject.object_id)
        .where(
            PacsObject.state != "conflict",
            or_(
                PacsObject.study_uid == info.study_uid,
                PacsObject.series_uid == info.series_uid,
                PacsObject.sop_uid == info.sop_uid,
            ),
        )
    )
    for sop_uid, _study, owner, digest in s.execute(q):
        if owner != org_id:
            return (
                "UID conflict: its Study/Series/SOP Instance UID belongs to another "
                "organisation's object; kept in this server only, not sent to the PACS"
            )
        if sop_uid == info.sop_uid and digest != sha256:
            return (
                "UID conflict: another object with this SOP Instance UID and different "
                "content exists; kept in this server only, not sent to the PACS"
            )
    return ""


def info_of(row: PacsObject) -> DicomInfo:
    return DicomInfo(**{k: getattr(row, k) for k in DicomInfo.__dataclass_fields__})
