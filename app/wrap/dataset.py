"""What every wrapped object shares: patient, study, SOP identity, and the Part-10 file."""

from __future__ import annotations

import io


def case_of_study(study):
    """The ``app.wrap.op.Case`` of a stored study (its patient and study)."""
    from app.wrap.op import Case

    patient = study.patient
    return Case(
        patient_id=patient.patient_id,
        patient_name=patient.name or "",
        sex=patient.sex or "",
        birth_date=patient.birth_date or "",
        study_uid=study.uid,
        study_time=study.study_time or study.created_at,
        description=study.description or "",
    )


def base_dataset(case, when, study_uid: str, sop_class: str, sop_uid: str, modality: str):
    """A dataset with the case's patient and study (``app.wrap.op.Case``) and its identity."""
    from pydicom.dataset import Dataset

    ds = Dataset()
    ds.SOPClassUID, ds.SOPInstanceUID = sop_class, sop_uid
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.PatientID = case.patient_id
    ds.PatientName = case.patient_name
    ds.PatientSex = case.sex if case.sex in ("M", "F", "O") else ""
    ds.PatientBirthDate = case.birth_date
    ds.StudyInstanceUID = study_uid
    ds.StudyDate, ds.StudyTime = when.strftime("%Y%m%d"), when.strftime("%H%M%S")
    ds.StudyID, ds.AccessionNumber = "", case.accession[:16]
    ds.StudyDescription = (case.description or "")[:64]
    ds.ReferringPhysicianName = ""
    ds.Modality = modality
    ds.InstitutionName = case.institution[:64]
    ds.ContentDate, ds.ContentTime = ds.StudyDate, ds.StudyTime
    ds.AcquisitionDateTime = when.strftime("%Y%m%d%H%M%S")
    return ds


def file_bytes(ds) -> bytes:
    """The Part-10 file of ``ds`` (explicit VR little endian)."""
    from pydicom.dataset import FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta = meta
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()
