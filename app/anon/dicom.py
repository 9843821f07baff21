"""DICOM PS3.15 Annex E Basic Application Level Confidentiality Profile.

Actions (Table E.1-1): D replace with a dummy, Z zero length (or dummy),
X remove, U replace UIDs consistently.  Beyond the listed attributes, every
Person Name anywhere, every date and time that names a moment of the patient's
care, every private element, overlays and curves are removed, and every UID
except the ones that name a standard (SOP classes, transfer syntaxes, coding
schemes) is replaced.  Sequences are handled recursively.  The result carries
PatientIdentityRemoved = YES and the DeidentificationMethodCodeSequence of the
basic profile (DCM 113100).  With ``shift_days`` (Retain Longitudinal Temporal
Information with Modified Dates option, DCM 113107) dates are shifted by that
many days instead of emptied, and times are kept, so intervals stay true.
Pixel data are kept: burned-in annotation is
flagged by ``BurnedInAnnotation`` and such images are refused (``ValueError``)
unless ``allow_burned_in`` is set.
"""

from __future__ import annotations

from pathlib import Path

from app.anon.pseudonyms import Pseudonyms

DUMMY = {
    "PatientName": "ANONYMOUS",
    "PatientSex": "",
}
# D/Z: kept as an attribute, emptied or given a dummy (type 1/2 attributes)
EMPTY = {
    "AccessionNumber", "PatientBirthDate", "PatientSex", "ReferringPhysicianName", "StudyDate",
    "StudyTime", "StudyID", "ContentDate", "ContentTime", "SeriesDate", "SeriesTime",
    "AcquisitionDate", "AcquisitionTime", "AcquisitionDateTime", "InstanceCreationDate",
    "InstanceCreationTime", "PatientOrientation",
}  # fmt: skip
# X: removed (Table E.1-1, the attributes that occur in practice)
REMOVE = {
    "InstitutionName", "InstitutionAddress", "InstitutionalDepartmentName", "StationName",
    "ReferringPhysicianAddress", "ReferringPhysicianTelephoneNumbers", "PhysiciansOfRecord",
    "PerformingPhysicianName", "NameOfPhysiciansReadingStudy", "OperatorsName",
    "AdmittingDiagnosesDescription", "DerivationDescription", "OtherPatientIDs",
    "OtherPatientNames", "OtherPatientIDsSequence", "PatientBirthName", "PatientBirthTime",
    "PatientAge", "PatientSize", "PatientWeight", "PatientAddress", "PatientMotherBirthName",
    "MilitaryRank", "BranchOfService", "MedicalRecordLocator", "EthnicGroup", "Occupation",
    "AdditionalPatientHistory", "PatientComments", "PatientTelephoneNumbers",
    "PatientReligiousPreference", "CountryOfResidence", "RegionOfResidence",
    "IssuerOfPatientID", "PatientInsurancePlanCodeSequence", "MedicalAlerts", "Allergies",
    "PregnancyStatus", "SmokingStatus", "LastMenstrualDate", "DeviceSerialNumber",
    "PlateID", "ProtocolName", "StudyDescription", "SeriesDescription",
    "RequestAttributesSequence", "RequestedProcedureDescription", "RequestedProcedureID",
    "ScheduledProcedureStepID", "PerformedProcedureStepID", "PerformedProcedureStepDescription",
    "PerformedProcedureStepStartDate", "PerformedProcedureStepStartTime", "ImageComments",
    "TextString", "TextComments", "AdmissionID", "ServiceEpisodeID", "VisitComments",
    "CurrentPatientLocation", "PatientState", "ResultsInterpreterName",
    "InterpretationRecorder", "InterpretationAuthor", "RequestingPhysician",
    "ScheduledPerformingPhysicianName", "PersonName", "ContentCreatorName",
    "VerifyingObserverName", "VerifyingOrganization", "AuthorObserverSequence",
    "ParticipantSequence", "ReferencedPatientSequence", "ReferencedStudySequence",
    "ReferencedPerformedProcedureStepSequence", "DetectorID", "GantryID",
    "AcquisitionComments", "FrameComments", "InstitutionCodeSequence",
    "ReferringPhysicianIdentificationSequence", "PhysiciansOfRecordIdentificationSequence",
    "PerformingPhysicianIdentificationSequence", "OperatorIdentificationSequence",
    "OriginalAttributesSequence", "ModifiedAttributesSequence", "DigitalSignaturesSequence",
    "MACParametersSequence", "DataSetTrailingPadding", "TimezoneOffsetFromUTC",
    "PatientBirthDateInAlternativeCalendar", "ResponsibleOrganization", "ResponsiblePerson",
    "PatientTransportArrangements", "PatientPrimaryLanguageCodeSequence",
    "ConsultingPhysicianName", "IrradiationEventUID", "StorageMediaFileSetUID",
}  # fmt: skip
# UIDs that name a standard thing, never a patient's object
KEEP_UIDS = {
    "SOPClassUID", "ReferencedSOPClassUID", "MediaStorageSOPClassUID", "TransferSyntaxUID",
    "ImplementationClassUID", "CodingSchemeUID", "ContextGroupExtensionCreatorUID",
    "MappingResourceUID", "AffectedSOPClassUID", "RequestedSOPClassUID",
    "ReferencedTransferSyntaxUIDInFile", "ContextUID", "PrivateInformationCreatorUID",
}  # fmt: skip
DATE_VRS = {"DA", "DT", "TM"}


def anonymise_dataset(
    ds,
    pseudo: Pseudonyms | None = None,
    allow_burned_in: bool = False,
    shift_days: int | None = None,
):
    """De-identify ``ds`` in place by the basic profile; returns it."""
    import pydicom
    from pydicom.dataset import Dataset
    from pydicom.sequence import Sequence

    pseudo = pseudo or Pseudonyms()
    if str(ds.get("BurnedInAnnotation", "")).upper() == "YES" and not allow_burned_in:
        raise ValueError("the image has identifying text burned into its pixels")
    for keyword in ("PatientName", "PatientID", "PatientBirthDate"):
        if keyword in ds:
            pseudo.remember(str(ds.data_element(keyword).value), "")
    pid = str(ds.get("PatientID", ""))
    _clean(ds, pseudo, shift_days)
    ds.PatientName = DUMMY["PatientName"]
    ds.PatientID = pseudo.patient_id(pid) if pid else "ANONYMOUS"
    ds.PatientBirthDate = ""
    ds.PatientIdentityRemoved = "YES"
    ds.DeidentificationMethod = "DICOM PS3.15 E.1 Basic Application Level Confidentiality Profile"
    code = Dataset()
    code.CodeValue, code.CodingSchemeDesignator = "113100", "DCM"
    code.CodeMeaning = "Basic Application Confidentiality Profile"
    codes = [code]
    if shift_days is not None:
        shifted = Dataset()
        shifted.CodeValue, shifted.CodingSchemeDesignator = "113107", "DCM"
        shifted.CodeMeaning = "Retain Longitudinal Temporal Information Modified Dates Option"
        codes.append(shifted)
    ds.DeidentificationMethodCodeSequence = Sequence(codes)
    meta = getattr(ds, "file_meta", None)
    if meta is not None and "MediaStorageSOPInstanceUID" in meta:
        meta.MediaStorageSOPInstanceUID = ds.get("SOPInstanceUID", pydicom.uid.generate_uid())
    return ds


def _clean(ds, pseudo: Pseudonyms, shift_days: int | None = None) -> None:
    ds.remove_private_tags()
    for elem in list(ds):
        keyword, vr = elem.keyword, elem.VR
        group = elem.tag.group
        if keyword in REMOVE or 0x6000 <= group <= 0x60FF or 0x5000 <= group <= 0x50FF:
            del ds[elem.tag]  # overlays (60xx) and curves (50xx) too
        elif shift_days is not None and vr in ("DA", "DT") and keyword != "PatientBirthDate":
            elem.value = _shift(elem.value, shift_days)
        elif shift_days is not None and vr == "TM":
            pass  # the modified-dates option keeps times
        elif keyword in EMPTY or (vr in DATE_VRS and keyword not in _TECHNICAL_TIMES):
            elem.value = DUMMY.get(keyword, "")
        elif vr == "PN":
            del ds[elem.tag]
        elif vr == "UI" and keyword not in KEEP_UIDS:
            elem.value = _map_uids(elem.value, pseudo)
        elif vr == "SQ":
            for item in elem.value:
                _clean(item, pseudo, shift_days)


_TECHNICAL_TIMES = {"FrameTime", "ActualFrameDuration", "FrameReferenceTime"}


def _shift(value, days: int):
    """A DA/DT value (or several) moved by ``days``; a value that is no date becomes empty."""
    from datetime import date, timedelta

    def one(text: str) -> str:
        text = str(text or "").strip()
        try:
            day = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        except ValueError:
            return ""
        return (day + timedelta(days=days)).strftime("%Y%m%d") + text[8:]

    if isinstance(value, str) or not hasattr(value, "__iter__"):
        return one(value) if value else value
    return [one(v) for v in value]


def _map_uids(value, pseudo: Pseudonyms):
    if isinstance(value, str):
        return pseudo.uid(value) if value else value
    return [pseudo.uid(str(v)) for v in value]  # a multi-valued UI element


def anonymise_file(src: Path, dest: Path, pseudo: Pseudonyms | None = None, **kw) -> Path:
    """Read ``src``, de-identify it and write ``dest`` atomically."""
    import pydicom

    from app.fileio import atomic_write

    ds = pydicom.dcmread(src)
    anonymise_dataset(ds, pseudo, **kw)
    atomic_write(Path(dest), lambda f: ds.save_as(f, enforce_file_format=True))
    return Path(dest)
