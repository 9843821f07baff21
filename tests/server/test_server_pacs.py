"""DICOM objects archived in a real PACS (Debian's Orthanc + DICOMweb plugin).

A Huizhen server started with ``--pacs-url`` STOWs DICOM uploads to Orthanc,
serves their downloads by WADO-RS, answers QIDO-RS searches limited to the
caller's cases, and keeps working (local copy, retry) while Orthanc is down.
The embedded default (no PACS) indexes DICOM objects and keeps them itself.
Without Orthanc the PACS tests skip, except under CI, where they fail.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pydicom
import pytest
from hzserver_helpers import Api, ServerProcess, wait_until
from orthanc import OrthancProcess, dicomweb_plugin, orthanc_binary
from pydicom.data import get_testdata_file

MiB = 1 << 20
HAVE_ORTHANC = bool(orthanc_binary() and dicomweb_plugin())
needs_orthanc = pytest.mark.skipif(
    not HAVE_ORTHANC and not os.environ.get("CI"),
    reason="Orthanc with its DICOMweb plugin is not installed (apt install orthanc orthanc-dicomweb)",
)


def sample(name: str) -> Path:
    path = get_testdata_file(name, download=False)
    assert path is not None, f"{name} is missing (pydicom / pydicom-data not installed?)"
    return Path(path)


def uids(path: Path) -> dict:
    ds = pydicom.dcmread(path, stop_before_pixels=True)
    return {
        "patient_id": ds.PatientID,
        "study_uid": ds.StudyInstanceUID,
        "series_uid": ds.SeriesInstanceUID,
        "sop_uid": ds.SOPInstanceUID,
    }


def own_copy(name: str, folder: Path) -> Path:
    """pydicom's real sample under its own patient and UIDs: the shared test server keeps
    other tests' uploads of the same file, in whatever order the tests ran."""
    import uuid

    from pydicom.uid import generate_uid

    ds = pydicom.dcmread(sample(name))
    ds.PatientID = f"PACS-{uuid.uuid4().hex[:12]}"
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    out = folder / name
    ds.save_as(out)
    return out


def upload_single(api: Api, case_id: int, path: Path, filename: str | None = None) -> dict:
    data = path.read_bytes()
    return api.ok(
        "POST",
        f"/cases/{case_id}/objects",
        201,
        params={"filename": filename or path.name, "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )


def upload_chunked(api: Api, case_id: int, path: Path) -> dict:
    data = path.read_bytes()
    body = {"filename": path.name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    up = api.ok("POST", f"/cases/{case_id}/uploads", 201, json=body)
    off = 0
    while off < len(data):
        r = api.put(
            f"/uploads/{up['id']}",
            params={"offset": off},
            content=data[off : off + MiB],
            headers={"Content-Type": "application/octet-stream"},
        )
        assert r.status_code == 200, r.text
        off = r.json()["offset"]
    return api.ok("POST", f"/uploads/{up['id']}/complete", 201)


def pacs_state(api: Api, object_id: int, *states: str):
    """The object's PACS record once it is in one of ``states`` (else None)."""
    row = api.ok("GET", f"/objects/{object_id}/pacs")
    return row if row["state"] in states else None


def study_uids(api: Api, **params) -> list[str]:
    return [s["study_uid"] for s in api.ok("GET", "/pacs/studies", params=params)["studies"]]


def orthanc_study_uids(orthanc: OrthancProcess, **params) -> list[str]:
    """QIDO straight to Orthanc (wildcards sent literally: it does not decode %-escapes)."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    with orthanc.http() as http:
        r = http.get(f"/dicom-web/studies?{query}")
    assert r.status_code == 200, r.text
    return [s["0020000D"]["Value"][0] for s in r.json()]


# -- the embedded default (the shared test server has no PACS) ------------------------------


def test_embedded_store_indexes_dicom_and_keeps_it(doctor, other_doctor, tmp_path):
    # its own study: the same file uploaded by a test that ran earlier on this shared server
    # was listed too (case_ids [12, 13]; seen with tests/server files in another order)
    path = own_copy("CT_small.dcm", tmp_path)
    want = uids(path)
    case = doctor.new_case("CT", patient_id=want["patient_id"])
    obj = upload_single(doctor, case["id"], path)
    row = doctor.ok("GET", f"/objects/{obj['id']}/pacs")
    assert (row["backend"], row["state"]) == ("embedded", "local")
    assert {k: row[k] for k in want} == want
    found = doctor.ok("GET", "/pacs/studies", params={"PatientID": want["patient_id"]})
    assert found["source"] == "embedded"
    assert [(s["study_uid"], s["case_ids"]) for s in found["studies"]] == [
        (want["study_uid"], [case["id"]])
    ]
    assert want["study_uid"] not in study_uids(other_doctor, PatientID="*")
    assert doctor.post(f"/objects/{obj['id']}/pacs/retry").json()["error"] == "no_pacs"
    body = doctor.get(f"/objects/{obj['id']}/content")
    assert body.headers["x-huizhen-source"] == "local" and body.content == path.read_bytes()
    other = upload_single(doctor, case["id"], Path(__file__), "notes.txt")
    assert doctor.get(f"/objects/{other['id']}/pacs").json()["error"] == "not_dicom"


# -- a real Orthanc ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def orthanc(tmp_path_factory):
    pacs = OrthancProcess(tmp_path_factory.mktemp("orthanc")).start()
    yield pacs
    pacs.stop()


def pacs_args(orthanc: OrthancProcess, retry_s: str) -> list[str]:
    return [
        "--pacs-url",
        orthanc.dicomweb_url,
        "--pacs-user",
        orthanc.user,
        "--pacs-password",
        orthanc.password,
        "--pacs-attempts",
        "2",
        "--pacs-timeout",
        "20",
        "--pacs-retry-interval",
        retry_s,
    ]


@pytest.fixture(scope="module")
def hz(orthanc, tmp_path_factory):
    """A Huizhen server archiving in ``orthanc``; failed STOWs retry only on request."""
    srv = ServerProcess(tmp_path_factory.mktemp("hz-pacs"), *pacs_args(orthanc, "0"))
    srv.cli("init-demo")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def users(hz):
    admin = Api(hz.url, "admin")
    org = admin.ok(
        "POST",
        "/admin/organisations",
        201,
        json={"code": "demo-pacs-2", "name": "DEMO 第二卫生室", "kind": "clinic", "is_demo": True},
    )
    admin.ok(
        "POST",
        "/admin/users",
        201,
        json={
            "username": "doc2",
            "password": "demo-2-password",
            "role": "community_doctor",
            "org_id": org["id"],
        },
    )
    return {
        "doctor": Api(hz.url, "doctor"),
        "other": Api(hz.url, "doc2", "demo-2-password"),
        "specialist": Api(hz.url, "specialist"),
        "pathologist": Api(hz.url, "pathologist"),
        "admin": admin,
    }


@pytest.fixture(scope="module")
def archived(users):
    """The ECG waveform (single request) and the CR image (chunked) uploaded by the doctor."""
    doctor = users["doctor"]
    out = {}
    for name, modality, send in (
        ("waveform_ecg.dcm", "ECG", upload_single),
        ("RG1_UNCR.dcm", "CR", upload_chunked),
    ):
        path = sample(name)
        case = doctor.new_case(modality, patient_id=uids(path)["patient_id"])
        obj = send(doctor, case["id"], path)
        row = wait_until(lambda o=obj: pacs_state(doctor, o["id"], "stored", "failed"), 60)
        out[name] = {"path": path, "case": case, "object": obj, "pacs": row}
    return out


@needs_orthanc
def test_uploads_are_stowed_to_orthanc_and_found_by_qido(orthanc, users, archived):
    doctor = users["doctor"]
    for name, item in archived.items():
        want, row = uids(item["path"]), item["pacs"]
        assert (row["backend"], row["state"], row["error"]) == ("dicomweb", "stored", ""), name
        assert {k: row[k] for k in want} == want
        # Orthanc itself has the study, under the right PatientID
        assert orthanc_study_uids(orthanc, PatientID=want["patient_id"]) == [want["study_uid"]]
        found = doctor.ok("GET", "/pacs/studies", params={"PatientID": want["patient_id"]})
        assert found["source"] == "dicomweb"
        [study] = found["studies"]
        assert (study["study_uid"], study["patient_id"]) == (want["study_uid"], want["patient_id"])
        assert study["case_ids"] == [item["case"]["id"]]
        listed = doctor.ok("GET", f"/cases/{item['case']['id']}/pacs")["objects"]
        assert [o["object_id"] for o in listed] == [item["object"]["id"]]
    ecg = uids(archived["waveform_ecg.dcm"]["path"])
    # a wildcard reaches Orthanc literally (it does not decode %2A)
    assert study_uids(doctor, PatientID=ecg["patient_id"][:4] + "*") == [ecg["study_uid"]]
    assert study_uids(doctor, PatientID="no-such-patient") == []


@needs_orthanc
def test_downloads_are_wado_retrieves_identical_to_the_upload(users, archived):
    for item in archived.values():
        r = users["doctor"].get(f"/objects/{item['object']['id']}/content")
        assert r.status_code == 200
        assert r.headers["x-huizhen-source"] == "pacs"
        assert r.content == item["path"].read_bytes()
        assert r.headers["x-content-sha256"] == item["object"]["sha256"]
        assert (
            pydicom.dcmread(pydicom.filebase.DicomBytesIO(r.content)).SOPInstanceUID
            == (uids(item["path"])["sop_uid"])
        )


@needs_orthanc
def test_qido_lists_only_studies_of_cases_the_caller_may_see(orthanc, users, archived):
    doctor, other, specialist = users["doctor"], users["other"], users["specialist"]
    ecg, cr = archived["waveform_ecg.dcm"], archived["RG1_UNCR.dcm"]
    ecg_uid, cr_uid = (uids(i["path"])["study_uid"] for i in (ecg, cr))
    # a study that reached Orthanc by another route is never listed
    foreign = sample("SC_rgb.dcm")
    foreign_uid = uids(foreign)["study_uid"]
    with orthanc.http() as http:
        assert http.post("/instances", content=foreign.read_bytes()).status_code == 200
    assert {ecg_uid, cr_uid, foreign_uid} <= set(orthanc_study_uids(orthanc, PatientID="*"))
    for api in (doctor, users["admin"]):
        seen = study_uids(api, PatientID="*")
        assert {ecg_uid, cr_uid} <= set(seen) and foreign_uid not in seen
    assert study_uids(other, PatientID="*") == []
    assert study_uids(other, StudyInstanceUID=ecg_uid) == []
    assert other.get(f"/objects/{ecg['object']['id']}/pacs").status_code == 404
    assert other.get(f"/objects/{ecg['object']['id']}/content").status_code == 404
    assert study_uids(specialist) == []
    doctor.ok(
        "POST",
        f"/cases/{ecg['case']['id']}/consults",
        201,
        json={"question": "Rhythm?", "target_department": "cardiology"},
    )
    assert study_uids(specialist) == [ecg_uid]  # only the consulted case
    assert study_uids(users["pathologist"]) == []


@needs_orthanc
def test_orthanc_down_upload_is_kept_and_a_retry_stores_it(orthanc, hz, users, archived):
    doctor = users["doctor"]
    path = sample("MR_small.dcm")
    want = uids(path)
    case = doctor.new_case("CT", patient_id=want["patient_id"])
    stored = archived["waveform_ecg.dcm"]
    orthanc.stop()
    try:
        obj = upload_single(doctor, case["id"], path)
        first = doctor.ok("GET", f"/objects/{obj['id']}/pacs")
        assert first["state"] in ("pending", "failed")
        row = wait_until(lambda: pacs_state(doctor, obj["id"], "failed"), 60)
        assert row["error"].startswith("STOW-RS") and row["attempts"] >= 1
        # a stored object is served from the local copy while the PACS is down
        r = doctor.get(f"/objects/{stored['object']['id']}/content")
        assert r.headers["x-huizhen-source"] == "local"
        assert r.content == stored["path"].read_bytes()
        assert "serving the local copy" in hz.log.read_text()
        local = doctor.get(f"/objects/{obj['id']}/content")
        assert local.status_code == 200 and local.content == path.read_bytes()
        failed_search = doctor.get("/pacs/studies", params={"PatientID": want["patient_id"]})
        assert failed_search.status_code == 502
        # neither the answers nor the object's PACS state name the PACS's address
        port = str(orthanc.http_port)
        for said in (failed_search.text, str(row)):
            assert f"127.0.0.1:{port}" not in said and f"port={port}" not in said
        assert f"port={port}" in hz.log.read_text()  # the admin finds it in the log
    finally:
        orthanc.start()
    assert orthanc_study_uids(orthanc, StudyInstanceUID=want["study_uid"]) == []
    retry = doctor.ok("POST", f"/objects/{obj['id']}/pacs/retry", 202)
    assert retry["queued"] is True
    row = wait_until(lambda: pacs_state(doctor, obj["id"], "stored"), 60)
    assert row["error"] == "" and row["attempts"] >= 2
    assert orthanc_study_uids(orthanc, StudyInstanceUID=want["study_uid"]) == [want["study_uid"]]
    again = doctor.get(f"/objects/{obj['id']}/content")
    assert again.headers["x-huizhen-source"] == "pacs" and again.content == path.read_bytes()
    assert doctor.ok("POST", f"/objects/{obj['id']}/pacs/retry", 200)["queued"] is False


@needs_orthanc
def test_failed_stows_are_retried_automatically(orthanc, tmp_path):
    srv = ServerProcess(tmp_path / "hz", *pacs_args(orthanc, "0.5"))
    srv.cli("init-demo")
    srv.start()
    try:
        doctor = Api(srv.url, "doctor")
        path = sample("CT_small.dcm")
        case = doctor.new_case("CT", patient_id="RETRY-1")
        orthanc.stop()
        try:
            obj = upload_single(doctor, case["id"], path)
            wait_until(lambda: pacs_state(doctor, obj["id"], "failed"), 60)
        finally:
            orthanc.start()
        row = wait_until(lambda: pacs_state(doctor, obj["id"], "stored"), 60)
        study = uids(path)["study_uid"]
        assert row["study_uid"] == study
        assert orthanc_study_uids(orthanc, StudyInstanceUID=study) == [study]
    finally:
        srv.stop()
