"""Critical finding: PACS cross-clinic leak (issue 13), against a real Orthanc.

The attack: clinic B uploads a DICOM file reusing clinic A's PatientID and
Study/Series/SOP Instance UIDs.  Before the fix B then downloaded A's file (the
PACS resolved B's object by UID to A's instance), and a QIDO search by study
UID answered B with A's patient name.  Now the first organisation owns the
UIDs: B's file is kept (its own bytes, served to B) but never sent to the
PACS, the answer says so, A's archived instance is untouched, searches are
answered from the caller's own objects, and bytes a PACS returns are served
only when they hash to what was uploaded.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pydicom
import pytest
from attack import second_clinic
from hzserver_helpers import Api, ServerProcess, wait_until
from orthanc import OrthancProcess, dicomweb_plugin, orthanc_binary
from pydicom.data import get_testdata_file

HAVE_ORTHANC = bool(orthanc_binary() and dicomweb_plugin())
pytestmark = pytest.mark.skipif(
    not HAVE_ORTHANC and not os.environ.get("CI"),
    reason="Orthanc with its DICOMweb plugin is not installed (apt install orthanc orthanc-dicomweb)",
)


def original() -> Path:
    path = get_testdata_file("CT_small.dcm", download=False)  # real CT slice from pydicom
    assert path is not None
    return Path(path)


def planted(name: str) -> bytes:
    """A's file with only the patient name changed: same PatientID and UIDs."""
    ds = pydicom.dcmread(original())
    ds.PatientName = name
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


def upload(api: Api, case_id: int, data: bytes, name: str) -> dict:
    return api.ok(
        "POST",
        f"/cases/{case_id}/objects",
        201,
        params={"filename": name, "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )


@pytest.fixture(scope="module")
def orthanc(tmp_path_factory):
    pacs = OrthancProcess(tmp_path_factory.mktemp("orthanc")).start()
    yield pacs
    pacs.stop()


@pytest.fixture(scope="module")
def hz_pacs(orthanc, tmp_path_factory):
    srv = ServerProcess(
        tmp_path_factory.mktemp("hz-pacs-sec"),
        *("--pacs-url", orthanc.dicomweb_url, "--pacs-user", orthanc.user),
        *("--pacs-password", orthanc.password, "--pacs-retry-interval", "0"),
    )
    srv.cli("init-demo")
    srv.start()
    yield srv
    srv.stop()


def state_of(api: Api, object_id: int, *states: str):
    row = api.ok("GET", f"/objects/{object_id}/pacs")
    return row if row["state"] in states else None


def test_a_clinic_reusing_another_clinics_uids_never_reaches_its_patient(orthanc, hz_pacs):
    a = Api(hz_pacs.url, "doctor")
    b = second_clinic(hz_pacs.url, Api(hz_pacs.url, "admin"), "demo-leak-b", "leak_b")
    a_bytes = original().read_bytes()
    ds = pydicom.dcmread(original(), stop_before_pixels=True)
    study_uid, a_name = ds.StudyInstanceUID, str(ds.PatientName)
    case_a = a.new_case("CT", patient_id=ds.PatientID)
    obj_a = upload(a, case_a["id"], a_bytes, "a.dcm")
    wait_until(lambda: state_of(a, obj_a["id"], "stored", "failed"), 60)
    assert a.ok("GET", f"/objects/{obj_a['id']}/pacs")["state"] == "stored"

    # the attack: B plants a file under A's PatientID and UIDs
    b_bytes = planted("PLANTED^BY^B")
    case_b = b.new_case("CT", patient_id=ds.PatientID)
    obj_b = upload(b, case_b["id"], b_bytes, "b.dcm")
    assert obj_b["pacs"]["state"] == "conflict", obj_b  # said at once
    assert "another organisation" in obj_b["pacs"]["error"]
    row_b = b.ok("GET", f"/objects/{obj_b['id']}/pacs")
    assert row_b["state"] == "conflict"  # never queued for STOW

    # B downloads its object: its own bytes, never A's
    got_b = b.get(f"/objects/{obj_b['id']}/content")
    assert got_b.status_code == 200 and got_b.content == b_bytes
    assert got_b.content != a_bytes
    # A's case still serves A's file, from the PACS, unchanged
    got_a = a.get(f"/objects/{obj_a['id']}/content")
    assert got_a.content == a_bytes and got_a.headers["x-huizhen-source"] == "pacs"
    with orthanc.http() as http:
        names = [
            s["00100010"]["Value"][0]["Alphabetic"]
            for s in http.get(f"/dicom-web/studies?StudyInstanceUID={study_uid}").json()
        ]
    assert names == [a_name]  # the PACS still holds A's patient only

    # QIDO by the shared study UID: B sees only its own patient name
    for params in ({"StudyInstanceUID": study_uid}, {"PatientID": ds.PatientID}, {}):
        found = b.ok("GET", "/pacs/studies", params=params)["studies"]
        assert [s["case_ids"] for s in found] == [[case_b["id"]]], params
        assert a_name not in repr(found) and "PLANTED^BY^B" in repr(found)
        mine = a.ok("GET", "/pacs/studies", params=params)["studies"]
        assert "PLANTED" not in repr(mine) and case_b["id"] not in mine[0]["case_ids"]


def test_bytes_from_the_pacs_that_differ_from_the_upload_are_not_served(orthanc, hz_pacs):
    a = Api(hz_pacs.url, "doctor")
    ds_full = pydicom.dcmread(io.BytesIO(planted("SHA^CHECK")))  # new UIDs, A's own study
    for tag in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"):
        setattr(ds_full, tag, pydicom.uid.generate_uid())
    ds_full.file_meta.MediaStorageSOPInstanceUID = ds_full.SOPInstanceUID
    buf = io.BytesIO()
    ds_full.save_as(buf, enforce_file_format=True)
    data = buf.getvalue()
    ds = pydicom.dcmread(io.BytesIO(data), stop_before_pixels=True)
    case = a.new_case("CT", patient_id=ds.PatientID)
    obj = upload(a, case["id"], data, "own.dcm")
    wait_until(lambda: state_of(a, obj["id"], "stored"), 60)
    # someone replaces the archived instance behind the server's back
    ds_full.PatientName = "SWAPPED^IN^PACS"
    buf = io.BytesIO()
    ds_full.save_as(buf, enforce_file_format=True)
    with orthanc.http() as http:
        [hit] = http.post("/tools/lookup", content=ds.SOPInstanceUID).json()
        assert http.delete(f"/instances/{hit['ID']}").status_code == 200
        assert http.post("/instances", content=buf.getvalue()).status_code == 200
    got = a.get(f"/objects/{obj['id']}/content")
    assert got.status_code == 200
    assert got.content == data and b"SWAPPED" not in got.content
    assert got.headers["x-huizhen-source"] == "local"
    assert "differs from the upload" in hz_pacs.log.read_text()
