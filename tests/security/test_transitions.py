"""Medium finding: state changes were checked against the status graph only
(issue 13).  A community doctor PATCHed a case to "signed" with no signed report
(awaiting_review -> reported -> signed), and a specialist set a consult
"reported" with no report.  Also: the anonymised FHIR and DICOM exports."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pydicom
from hzserver_helpers import Api
from pydicom.data import get_testdata_file


def patch_status(api: Api, case_id: int, status: str):
    version = api.ok("GET", f"/cases/{case_id}")["version"]
    return api.patch(f"/cases/{case_id}", json={"status": status, "version": version})


def test_a_case_is_signed_only_with_a_signed_report_and_by_a_signer(hz):
    doctor, specialist = Api(hz.url, "doctor"), Api(hz.url, "specialist")
    case = doctor.new_case("ECG", patient_id="STATE-1")
    assert patch_status(doctor, case["id"], "awaiting_review").status_code == 200
    r = patch_status(doctor, case["id"], "reported")  # the attack's first step
    assert r.status_code == 422 and "no report" in r.json()["detail"]
    r = patch_status(doctor, case["id"], "signed")
    assert r.status_code in (403, 422)
    consult = doctor.ok(
        "POST",
        f"/cases/{case['id']}/consults",
        201,
        json={"question": "ST?", "target_department": "cardiology"},
    )
    report = specialist.ok(
        "POST",
        f"/cases/{case['id']}/reports",
        201,
        json={"text": "draft", "conclusion": "", "consult_id": consult["id"]},
    )
    # the consult cannot be "reported" while its report is a draft
    v = specialist.ok("GET", f"/consults/{consult['id']}")["version"]
    r = specialist.post(
        f"/consults/{consult['id']}/status", json={"status": "reported", "version": v}
    )
    assert r.status_code == 422 and "no report" in r.json()["detail"]
    # the doctor cannot sign at all; the specialist not without a signed report
    r = patch_status(doctor, case["id"], "signed")
    assert r.status_code == 403
    r = patch_status(specialist, case["id"], "signed")
    assert r.status_code == 422
    assert doctor.ok("GET", f"/cases/{case['id']}")["status"] != "signed"
    # signing the report is the way: the consult and the case follow
    specialist.ok("POST", f"/reports/{report['id']}/sign", json={"version": report["version"]})
    assert doctor.ok("GET", f"/consults/{consult['id']}")["status"] == "reported"
    assert doctor.ok("GET", f"/cases/{case['id']}")["status"] == "signed"
    # amending (signed -> reported) is a signer's step too
    assert patch_status(doctor, case["id"], "reported").status_code == 403


def test_anonymised_exports_over_the_api(hz):
    doctor = Api(hz.url, "doctor")
    src = Path(get_testdata_file("CT_small.dcm", download=False))  # real CT (pydicom)
    before = pydicom.dcmread(src)
    case = doctor.new_case("CT", patient_id=before.PatientID)
    data = src.read_bytes()
    params = {"filename": "ct.dcm", "sha256": hashlib.sha256(data).hexdigest()}
    obj = doctor.ok("POST", f"/cases/{case['id']}/objects", 201, params=params, content=data)
    r = doctor.get(f"/objects/{obj['id']}/content", params={"anonymise": "true"})
    assert r.status_code == 200
    after = pydicom.dcmread(io.BytesIO(r.content))
    assert str(after.PatientName) == "ANONYMOUS" and after.PatientID != before.PatientID
    for value in (
        str(before.PatientName),
        before.PatientID,
        before.StudyInstanceUID,
        before.SOPInstanceUID,
    ):
        assert value.encode() not in r.content
    consult = doctor.ok(
        "POST",
        f"/cases/{case['id']}/consults",
        201,
        json={"question": "Nodule?", "target_department": "radiology"},
    )
    plain = doctor.ok("GET", f"/consults/{consult['id']}/fhir")
    assert "DEMO Patient" in json.dumps(plain, ensure_ascii=False)
    anon = json.dumps(
        doctor.ok("GET", f"/consults/{consult['id']}/fhir", params={"anonymise": "true"}),
        ensure_ascii=False,
    )
    assert "DEMO Patient" not in anon and before.PatientID not in anon and "Nodule?" in anon
