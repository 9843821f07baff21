"""The "anonymise" export option (issue 13): DICOM by the PS3.15 basic profile,
FHIR bundles, annotation documents and report text.  Each test writes the
export, reads it back, and looks for every identifier of the source."""

from __future__ import annotations

import json
from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file

from app.anon import (
    Pseudonyms,
    anonymise_annotations,
    anonymise_bundle,
    anonymise_file,
    report_header,
    scrub,
)
from app.anon.dicom import KEEP_UIDS

# real files from pydicom's test data: CT, MR, 12-lead ECG, SR, RGB secondary capture
SAMPLES = ["CT_small.dcm", "MR_small.dcm", "waveform_ecg.dcm", "test-SR.dcm", "SC_rgb.dcm"]


def identifiers(ds) -> set[str]:
    """Every name, id, birth date and instance UID in a dataset, nested ones too."""
    found = set()
    for elem in ds.iterall():
        if elem.VR == "PN" and elem.value:
            found.add(str(elem.value))
        elif elem.VR == "UI" and elem.keyword not in KEEP_UIDS and elem.value:
            values = elem.value if isinstance(elem.value, list) else [elem.value]
            found |= {str(v) for v in values}
    for keyword in ("PatientID", "PatientBirthDate", "OtherPatientIDs"):
        if ds.get(keyword):
            found.add(str(ds.get(keyword)))
    return {v for v in found if len(v) >= 3}


def is_short_number(value: str) -> bool:
    return value.isdigit() and len(value) < 8


def text_values(ds) -> str:
    """Every non-UID, non-binary value of a dataset, nested ones too, one per line."""
    binary = {"OB", "OW", "OF", "OD", "OL", "OV", "UN", "UI", "SQ"}
    return "\n".join(str(e.value) for e in ds.iterall() if e.VR not in binary)


@pytest.mark.parametrize("name", SAMPLES)
def test_a_dicom_export_keeps_no_name_id_birth_date_or_uid(name, tmp_path):
    src = Path(get_testdata_file(name, download=False))
    before = pydicom.dcmread(src)
    software = str(before.file_meta.get("ImplementationClassUID", ""))  # names a program
    secrets = identifiers(before) - {software}
    assert secrets  # the source has something to hide
    out = anonymise_file(src, tmp_path / "anon.dcm")
    raw = out.read_bytes()
    after = pydicom.dcmread(out)
    for value in secrets:
        if is_short_number(value):  # new random UIDs may hold its digits: look per element
            assert value not in text_values(after), f"{value!r} left in {name}"
        else:
            assert value.encode() not in raw, f"{value!r} left in {name}"
    assert str(after.PatientName) == "ANONYMOUS"
    assert after.PatientID.startswith("ANON-") or not before.get("PatientID")
    assert after.PatientBirthDate == "" and after.PatientIdentityRemoved == "YES"
    assert after.DeidentificationMethodCodeSequence[0].CodeValue == "113100"
    names = [e for e in after.iterall() if e.VR == "PN" and e.keyword != "PatientName"]
    assert all(not e.value for e in names)  # only emptied type 2 names (action Z)
    assert not any(e.tag.is_private for e in after.iterall())
    assert after.SOPClassUID == before.SOPClassUID  # what it is stays known
    assert after.file_meta.MediaStorageSOPInstanceUID == after.SOPInstanceUID
    if "PixelData" in before:
        assert (after.pixel_array == before.pixel_array).all()


def test_one_export_maps_uids_consistently_and_another_differently(tmp_path):
    src = Path(get_testdata_file("CT_small.dcm", download=False))
    pseudo = Pseudonyms()
    a = pydicom.dcmread(anonymise_file(src, tmp_path / "a.dcm", pseudo))
    b = pydicom.dcmread(anonymise_file(src, tmp_path / "b.dcm", pseudo))
    c = pydicom.dcmread(anonymise_file(src, tmp_path / "c.dcm"))
    assert a.SeriesInstanceUID == b.SeriesInstanceUID and a.PatientID == b.PatientID
    assert a.SeriesInstanceUID != c.SeriesInstanceUID and a.PatientID != c.PatientID
    assert a.StudyInstanceUID.startswith("2.25.") and len(a.StudyInstanceUID) <= 64


def test_burned_in_annotation_is_refused_unless_allowed(tmp_path):
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm", download=False))
    ds.BurnedInAnnotation = "YES"
    path = tmp_path / "burned.dcm"
    ds.save_as(path, enforce_file_format=True)
    with pytest.raises(ValueError, match="burned"):
        anonymise_file(path, tmp_path / "out.dcm")
    assert anonymise_file(path, tmp_path / "out.dcm", allow_burned_in=True).exists()


def consult_bundle_of_a_real_case() -> dict:
    """The server's own FHIR export of a consult (server.fhir), built from model rows."""
    from server.fhir import consult_bundle
    from server.models import Case, Consult, Organisation, Report, User, utcnow

    org = Organisation(id=1, code="demo-qingshan", name="青山村卫生室", kind="clinic")
    doc = User(id=5, username="wangli", display_name="王丽", role="community_doctor", org_id=1)
    case = Case(
        id=7, org_id=1, created_by=5, patient_id="P-330102", patient_name="ZHANG^WEI",
        patient_sex="M", patient_birth_date="19580214", study_uid="1.2.826.0.1.3680043.8.498.1",
        modality="ECG", status="signed", priority=1,
    )  # fmt: skip
    consult = Consult(
        id=3, case_id=7, requester_id=5, question="ZHANG^WEI, born 1958-02-14: ST elevation?",
        urgency="critical", target_org_id=1, target_department="cardiology", status="reported",
        created_at=utcnow(), updated_at=utcnow(),
    )  # fmt: skip
    report = Report(
        id=9, case_id=7, consult_id=3, author_id=5, text="Patient ZHANG^WEI (P-330102): STEMI.",
        conclusion="inferior STEMI", state="signed", signed_by=5, signed_at=utcnow(),
        created_at=utcnow(), updated_at=utcnow(),
    )  # fmt: skip
    return consult_bundle(consult, case, [], report, {5: doc}, {1: org})


def test_a_fhir_bundle_export_keeps_no_name_id_birth_date_or_uid():
    bundle = consult_bundle_of_a_real_case()
    plain = json.dumps(bundle, ensure_ascii=False)
    assert "ZHANG^WEI" in plain and "P-330102" in plain  # the source names the patient
    out = json.dumps(anonymise_bundle(bundle), ensure_ascii=False)
    for value in ("ZHANG^WEI", "P-330102", "1958-02-14", "19580214", "王丽", "1.2.826.0.1.3680043"):
        assert value not in out, value
    patient = next(
        e["resource"]
        for e in json.loads(out)["entry"]
        if e["resource"]["resourceType"] == "Patient"
    )
    assert set(patient) == {"resourceType", "id", "gender"}
    assert "STEMI" in out  # the clinical content stays


def test_annotation_and_report_exports_keep_no_identifiers():
    pseudo = Pseudonyms()
    header = report_header(
        {"name": "李娜", "id": "MRN-0042", "birth_date": "19700101", "sex": "F"}, pseudo
    )
    assert (
        header["name"] == "ANONYMOUS"
        and header["birth_date"] == ""
        and "MRN-0042" not in header["id"]
    )
    doc = {
        "type": "FeatureCollection",
        "metadata": {"patient": "李娜"},
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [10, 20]},
                "properties": {
                    "objectType": "annotation",
                    "name": "李娜 tumour MRN-0042",
                    "patientId": "MRN-0042",
                    "classification": {"name": "Tumor"},
                },
            }  # fmt: skip
        ],
    }
    out = json.dumps(anonymise_annotations(doc, pseudo), ensure_ascii=False)
    assert "李娜" not in out and "MRN-0042" not in out and "Tumor" in out and "tumour" in out
    text = scrub("李娜, MRN-0042, born 1970-01-01 / 19700101: no change since last visit.", pseudo)
    assert "李娜" not in text and "MRN-0042" not in text and "1970-01-01" not in text
    assert "19700101" not in text and "no change since last visit" in text
