"""Series export as DICOM, anonymised (PS3.15 Annex E basic profile; Qt-free).

- identifying attributes of the basic profile removed, emptied or replaced
  (names, IDs, addresses, institution, operators, free-text comments...),
  also inside sequences;
- dates shifted by one offset per export (Retain Longitudinal Temporal
  Information with Modified Dates option): intervals between studies stay true;
- UIDs remapped consistently: the same original UID gives the same new UID
  in every file of the export (and in references between them);
- private tags removed;
- burned-in annotation respected: an image whose BurnedInAnnotation is YES
  (or that is a secondary capture without the attribute) is not exported, and
  the result says so.
"""

from __future__ import annotations

import hashlib
import io
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from app.readers.base import ReadError

# X: remove, Z: empty, D: replace with a dummy value (PS3.15 Table E.1-1, the common subset)
REMOVE = {
    "OtherPatientIDs", "OtherPatientNames", "OtherPatientIDsSequence", "PatientAddress",
    "PatientTelephoneNumbers", "PatientMotherBirthName", "MilitaryRank", "BranchOfService",
    "MedicalRecordLocator", "EthnicGroup", "Occupation", "AdditionalPatientHistory",
    "PatientComments", "PatientBirthTime", "PatientBirthName", "PatientInsurancePlanCodeSequence",
    "InstitutionAddress", "InstitutionalDepartmentName", "ReferringPhysicianAddress",
    "ReferringPhysicianTelephoneNumbers", "PhysiciansOfRecord", "PerformingPhysicianName",
    "NameOfPhysiciansReadingStudy", "OperatorsName", "AdmittingDiagnosesDescription",
    "DerivationDescription", "ImageComments", "RequestAttributesSequence", "StationName",
    "DeviceSerialNumber", "ProtocolName", "PerformedProcedureStepDescription", "StudyComments",
    "RequestingPhysician", "ScheduledPerformingPhysicianName", "PatientAge", "PatientSize",
    "PatientWeight", "IssuerOfPatientID", "CurrentPatientLocation", "PatientState",
    "PersonName", "InstitutionName", "ReferencedPatientSequence", "AccessionNumber",
}  # fmt: skip
EMPTY = {"PatientBirthDate", "PatientSex", "ReferringPhysicianName", "StudyID"}
METHOD = "PS3.15 basic profile; dates shifted; UIDs remapped; private tags removed (Huizhen)"


@dataclass
class Anonymiser:
    """One export: the same instance remaps UIDs and shifts dates the same way for every file."""

    patient_name: str = "ANONYMOUS"
    patient_id: str = ""
    date_shift_days: int = field(default_factory=lambda: -secrets.randbelow(3650) - 1)
    salt: bytes = field(default_factory=lambda: secrets.token_bytes(16))

    def __post_init__(self) -> None:
        if not self.patient_id:
            self.patient_id = "ANON-" + secrets.token_hex(4).upper()

    def uid(self, original: str) -> str:
        """A new UID for ``original``: the same one every time within this export
        (well-known DICOM UIDs, 1.2.840.10008.*, are kept)."""
        if str(original).startswith("1.2.840.10008."):
            return str(original)
        digest = hashlib.sha256(self.salt + str(original).encode()).digest()
        return "2.25." + str(int.from_bytes(digest[:16], "big"))

    def shift_date(self, value: str) -> str:
        text = str(value or "").strip()
        if len(text) < 8 or not text[:8].isdigit():
            return ""
        try:
            day = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        except ValueError:
            return ""
        return (day + timedelta(days=self.date_shift_days)).strftime("%Y%m%d") + text[8:]

    def apply(self, ds) -> None:
        """Anonymise ``ds`` in place (sequences too)."""
        ds.remove_private_tags()
        stack = [ds]
        while stack:
            current = stack.pop()
            for elem in list(current):
                keyword = elem.keyword
                if keyword in REMOVE:
                    del current[elem.tag]
                elif keyword in EMPTY:
                    elem.value = ""
                elif elem.VR == "UI" and keyword not in ("SOPClassUID", "TransferSyntaxUID"):
                    if keyword.endswith("ClassUID") or not elem.value:
                        continue
                    if isinstance(elem.value, str):
                        elem.value = self.uid(elem.value)
                    else:
                        elem.value = [self.uid(v) for v in elem.value]
                elif elem.VR in ("DA", "DT") and elem.value:
                    elem.value = self.shift_date(elem.value)
                elif elem.VR == "SQ":
                    stack.extend(elem.value)
        ds.PatientName = self.patient_name
        ds.PatientID = self.patient_id
        ds.PatientIdentityRemoved = "YES"
        ds.DeidentificationMethod = METHOD
        meta = getattr(ds, "file_meta", None)
        if meta is not None and "MediaStorageSOPInstanceUID" in meta:
            meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        _method_codes(ds)


def _method_codes(ds) -> None:
    from pydicom.dataset import Dataset

    items = []
    for value, meaning in (
        ("113100", "Basic Application Confidentiality Profile"),
        ("113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
    ):
        item = Dataset()
        item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, "DCM", meaning
        items.append(item)
    ds.DeidentificationMethodCodeSequence = items


def burned_in(ds) -> bool:
    """Text may be burned into the pixels: YES, or a secondary capture that does not say."""
    flag = str(ds.get("BurnedInAnnotation", "") or "").strip().upper()
    if flag:
        return flag == "YES"
    return str(ds.get("SOPClassUID", "")).startswith("1.2.840.10008.5.1.4.1.1.7")


@dataclass
class ExportResult:
    written: list[Path]
    skipped: list[tuple[str, str]]  # (file, reason)


def export_series(files: list[Path], out_dir: Path, anonymise: bool = True,
                  anonymiser: Anonymiser | None = None) -> ExportResult:  # fmt: skip
    """Copy the series' files to ``out_dir`` as DICOM, anonymised unless told otherwise."""
    from app.fileio import atomic_write_bytes
    from app.readers.dicom_io import read_dicom

    anonymiser = anonymiser or Anonymiser()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, skipped = [], []
    for n, path in enumerate(map(Path, files), start=1):
        try:
            ds = read_dicom(path)
        except ReadError as err:
            skipped.append((path.name, str(err)))
            continue
        if anonymise and burned_in(ds):
            skipped.append((path.name, "burned-in annotation: text in the pixels may identify "
                            "the patient; not exported anonymised"))  # fmt: skip
            continue
        if anonymise:
            anonymiser.apply(ds)
        target = out_dir / f"IM{n:05d}.dcm"
        buf = io.BytesIO()
        ds.save_as(buf, enforce_file_format=True)
        atomic_write_bytes(target, buf.getvalue())
        written.append(target)
    return ExportResult(written, skipped)
