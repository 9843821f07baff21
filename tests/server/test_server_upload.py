"""Uploads: chunked with checksum, resume after a dropped connection, and the
AI pre-read hook driven by the test analyzer plugin."""

import hashlib
import json
import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hzserver_helpers import wait_until

MiB = 1 << 20


def _drop_mid_chunk(api, upload_id: str, offset: int, chunk: bytes) -> None:
    """Send the headers and half the body of a PUT, then hang up."""
    u = urlsplit(api.base)
    head = (
        f"PUT /api/v1/uploads/{upload_id}?offset={offset} HTTP/1.1\r\n"
        f"Host: {u.hostname}\r\nAuthorization: Bearer {api.token}\r\n"
        f"Content-Type: application/octet-stream\r\nContent-Length: {len(chunk)}\r\n\r\n"
    )
    with socket.create_connection((u.hostname, u.port)) as s:
        s.sendall(head.encode() + chunk[: len(chunk) // 2])


def test_chunked_upload_resumes_after_a_dropped_connection(doctor):
    case = doctor.new_case("CR")
    data = os.urandom(3 * MiB + 12345)
    digest = hashlib.sha256(data).hexdigest()
    up = doctor.ok(
        "POST",
        f"/cases/{case['id']}/uploads",
        201,
        json={"filename": "chest.dcm", "size": len(data), "sha256": digest},
    )
    uid = up["id"]
    put = lambda off, chunk: doctor.put(  # noqa: E731
        f"/uploads/{uid}",
        params={"offset": off},
        content=chunk,
        headers={"Content-Type": "application/octet-stream"},
    )
    assert put(0, data[:MiB]).json()["offset"] == MiB
    _drop_mid_chunk(doctor, uid, MiB, data[MiB : 2 * MiB])

    state = doctor.ok("GET", f"/uploads/{uid}")
    assert state["offset"] == MiB and not state["complete"]
    wrong = put(0, data[:MiB])  # a client that lost track gets told where to go on
    assert wrong.status_code == 409 and wrong.json()["offset"] == MiB
    early = doctor.post(f"/uploads/{uid}/complete")
    assert early.status_code == 409 and early.json()["offset"] == MiB

    off = state["offset"]
    while off < len(data):
        off = put(off, data[off : off + MiB]).json()["offset"]
    obj = doctor.ok("POST", f"/uploads/{uid}/complete", 201)
    assert obj["sha256"] == digest and obj["size"] == len(data)
    again = doctor.ok("POST", f"/uploads/{uid}/complete", 201)
    assert again["id"] == obj["id"]
    body = doctor.get(f"/objects/{obj['id']}/content")
    assert body.status_code == 200 and hashlib.sha256(body.content).hexdigest() == digest
    listed = doctor.ok("GET", f"/cases/{case['id']}/objects")["objects"]
    assert [o["id"] for o in listed] == [obj["id"]]


def test_checksum_mismatch_is_rejected_and_restarts_the_upload(doctor):
    case = doctor.new_case("CR")
    data = os.urandom(100_000)
    up = doctor.ok(
        "POST",
        f"/cases/{case['id']}/uploads",
        201,
        json={
            "filename": "x.bin",
            "size": len(data),
            "sha256": hashlib.sha256(b"other").hexdigest(),
        },
    )
    doctor.ok("PUT", f"/uploads/{up['id']}", params={"offset": 0}, content=data)
    r = doctor.post(f"/uploads/{up['id']}/complete")
    assert r.status_code == 422 and r.json()["error"] == "checksum_mismatch"
    assert r.json()["received_sha256"] == hashlib.sha256(data).hexdigest()
    assert doctor.ok("GET", f"/uploads/{up['id']}")["offset"] == 0
    too_long = doctor.put(f"/uploads/{up['id']}", params={"offset": 0}, content=data + b"x")
    assert too_long.status_code == 422


def test_single_request_upload_checks_the_checksum(doctor):
    case = doctor.new_case("US")
    data = b"small file"
    bad = doctor.post(
        f"/cases/{case['id']}/objects",
        params={"filename": "a.txt", "sha256": "0" * 64},
        content=data,
    )
    assert bad.status_code == 422
    good = doctor.ok(
        "POST",
        f"/cases/{case['id']}/objects",
        201,
        params={"filename": "a.txt", "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
    )
    assert good["preread_state"] == "none"  # no analyzer for US


def _upload_json(api, case_id: int, payload: dict) -> dict:
    data = json.dumps(payload).encode()
    return api.ok(
        "POST",
        f"/cases/{case_id}/objects",
        201,
        params={"filename": "grade.json", "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
    )


def _preread_done(api, case_id: int, object_id: int):
    def check():
        case = api.ok("GET", f"/cases/{case_id}")
        obj = next(o for o in case["objects"] if o["id"] == object_id)
        return case if obj["preread_state"] not in ("pending",) else None

    return wait_until(check)


def test_preread_hook_critical_result_sets_priority_and_raises_alert(doctor):
    case = doctor.new_case("OT")
    obj = _upload_json(
        doctor, case["id"], {"urgency": "critical", "summary": "test: critical", "findings": ["f1"]}
    )
    assert obj["preread_state"] == "pending"
    done = _preread_done(doctor, case["id"], obj["id"])
    assert done["objects"][0]["preread_state"] == "done"
    (ai,) = done["ai_results"]
    assert ai["urgency"] == "critical" and [f["text"] for f in ai["findings"]] == ["f1"]
    assert (ai["model"]["name"], ai["model"]["version"]) == ("test-json-grader", "1")
    assert ai["source"] == "server" and len(ai["uid"]) == 32
    assert done["priority"] == 0 and done["status"] == "awaiting_review"
    (alert,) = done["alerts"]
    assert alert["source"] == "ai" and alert["severity"] == "critical"
    assert "test: critical" in alert["message"]


def test_preread_hook_routine_result_raises_no_alert(doctor):
    case = doctor.new_case("OT")
    obj = _upload_json(doctor, case["id"], {"urgency": "routine", "summary": "normal"})
    done = _preread_done(doctor, case["id"], obj["id"])
    assert done["ai_results"][0]["urgency"] == "routine"
    assert done["priority"] == 2 and done["alerts"] == []


def test_preread_hook_records_a_failing_analyzer(doctor):
    case = doctor.new_case("OT")
    obj = _upload_json(doctor, case["id"], {"raise": True})
    done = _preread_done(doctor, case["id"], obj["id"])
    assert done["objects"][0]["preread_state"] == "failed"
    assert done["ai_results"] == [] and done["status"] == "awaiting_review"


def test_real_ecg_preread_when_the_analyzer_is_installed(doctor):
    """Runs the built-in ECG hook on the real pydicom 12-lead record when the
    ECG reader and analyzer (issue 4, other half) are installed."""
    pytest.importorskip("inference.ecg")
    pytest.importorskip("app.ecg")
    from pydicom.data import get_testdata_file

    path = Path(get_testdata_file("waveform_ecg.dcm"))
    data = path.read_bytes()
    case = doctor.new_case("ECG")
    obj = doctor.ok(
        "POST",
        f"/cases/{case['id']}/objects",
        201,
        params={"filename": path.name, "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
    )
    done = _preread_done(doctor, case["id"], obj["id"])
    assert done["objects"][0]["preread_state"] == "done"
    (ai,) = done["ai_results"]
    assert ai["model"]["name"] and ai["model"]["version"]
    assert 30 < ai["measurements"]["hr_bpm"] < 150  # the same shape as the workstation's
    assert ai["units"]["hr_bpm"] == "bpm" and ai["model"]["id"] == "openecg-codec"
    expected_priority = {"critical": 0, "urgent": 1, "routine": 2}[ai["urgency"]]
    assert done["priority"] == expected_priority
    assert bool(done["alerts"]) == (ai["urgency"] == "critical")


def test_a_ct_slice_is_not_pre_read_alone(doctor):
    """A CT analysis needs the whole series: the server, which stores a series file by file,
    leaves it to the clinic (whose result travels with the case) instead of grading each
    slice 'not a chest study'."""
    from pydicom.data import get_testdata_file

    data = Path(get_testdata_file("CT_small.dcm")).read_bytes()
    case = doctor.new_case("CT")
    obj = doctor.ok(
        "POST",
        f"/cases/{case['id']}/objects",
        201,
        params={"filename": "CT_small.dcm", "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
    )
    assert obj["preread_state"] == "none"
    assert doctor.ok("GET", f"/cases/{case['id']}")["ai_results"] == []
