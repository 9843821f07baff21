"""Idempotency keys, optimistic concurrency (409) and the changes feed."""

import threading
import uuid

from hzserver_helpers import Api


def test_repeated_idempotency_key_returns_the_first_response(doctor):
    key = str(uuid.uuid4())
    patient = f"IDEM-{key[:8]}"
    body = {"patient": {"id": patient}, "modality": "CR"}
    first = doctor.post("/cases", json=body, headers={"Idempotency-Key": key})
    again = doctor.post("/cases", json=body, headers={"Idempotency-Key": key})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert "Idempotent-Replayed" not in first.headers
    cases = doctor.ok("GET", "/cases")["cases"]
    assert [c["patient"]["id"] for c in cases].count(patient) == 1
    # the same key on another endpoint is a client bug
    r = doctor.post(
        f"/cases/{first.json()['id']}/alerts",
        json={"message": "x"},
        headers={"Idempotency-Key": key},
    )
    assert r.status_code == 422 and r.json()["error"] == "idempotency_key_reused"


def test_concurrent_repeats_of_one_key_create_one_resource(server, doctor):
    key = str(uuid.uuid4())
    patient = f"RACE-{key[:8]}"
    results = []

    def send():
        api = Api(server.url, "doctor")
        body = {"patient": {"id": patient}, "modality": "CR"}
        r = api.post("/cases", json=body, headers={"Idempotency-Key": key})
        results.append((r.status_code, r.json()["id"]))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {code for code, _ in results} == {201}
    assert len({cid for _, cid in results}) == 1
    cases = doctor.ok("GET", "/cases")["cases"]
    assert [c["patient"]["id"] for c in cases].count(patient) == 1


def test_stale_version_gets_409_with_the_current_version(doctor):
    case = doctor.new_case("CR")
    cid, v1 = case["id"], case["version"]
    missing = doctor.patch(f"/cases/{cid}", json={"priority": 1})
    assert missing.status_code == 428 and missing.json()["current_version"] == v1
    ok = doctor.patch(f"/cases/{cid}", json={"priority": 1}, headers={"If-Match": f'"{v1}"'})
    assert ok.status_code == 200 and ok.json()["version"] == v1 + 1
    assert ok.headers["ETag"] == f'"{v1 + 1}"'
    stale = doctor.patch(f"/cases/{cid}", json={"priority": 0, "version": v1})
    assert stale.status_code == 409
    body = stale.json()
    assert body["error"] == "version_conflict"
    assert body["current_version"] == v1 + 1
    assert body["current"]["priority"] == 1  # the write that won
    assert doctor.ok("GET", f"/cases/{cid}")["priority"] == 1


def test_status_lifecycle_is_enforced(doctor):
    case = doctor.new_case("CR")
    r = doctor.patch(f"/cases/{case['id']}", json={"status": "signed", "version": 1})
    assert r.status_code == 403  # only specialists and pathologists sign (tests/security)
    r = doctor.patch(f"/cases/{case['id']}", json={"status": "in_consult", "version": 1})
    assert r.status_code == 200
    r = doctor.patch(f"/cases/{case['id']}", json={"status": "new", "version": 2})
    assert r.status_code == 422 and r.json()["error"] == "bad_transition"
    r = doctor.patch(f"/cases/{case['id']}", json={"status": "awaiting_review", "version": 2})
    assert r.status_code == 200 and r.json()["status"] == "awaiting_review"


def test_annotations_are_versioned_json(doctor):
    case = doctor.new_case("SM")
    path = f"/cases/{case['id']}/annotations"
    assert doctor.ok("GET", path)["version"] == 0
    doc = {"type": "FeatureCollection", "features": [{"id": "a1", "properties": {}}]}
    first = doctor.ok("PUT", path, json={"data": doc})
    assert first["version"] == 1
    assert doctor.put(path, json={"data": {}}).status_code == 428
    assert doctor.put(path, json={"data": {}, "version": 0}).status_code == 409
    second = doctor.ok("PUT", path, json={"data": {"features": []}, "version": 1})
    assert second["version"] == 2 and doctor.ok("GET", path)["data"] == {"features": []}


def test_changes_feed_pages_in_sequence_order(doctor):
    start = doctor.sequence()
    made = [doctor.new_case("US", patient_id=f"FEED-{i}")["id"] for i in range(5)]
    seen, since, pages = [], start, 0
    while True:
        page = doctor.ok("GET", "/changes", params={"since": since, "limit": 2})
        seqs = [ch["seq"] for ch in page["changes"]]
        assert seqs == sorted(seqs) and all(s > since for s in seqs)
        seen += page["changes"]
        since, pages = page["next"], pages + 1
        if not page["more"]:
            break
    created = [int(ch["id"]) for ch in seen if ch["kind"] == "case" and ch["op"] == "created"]
    assert created == made
    assert pages >= 3
    assert len({ch["seq"] for ch in seen}) == len(seen)
    again = doctor.ok("GET", "/changes", params={"since": since})
    assert again["changes"] == [] and again["next"] == since
