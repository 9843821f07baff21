"""Crash safety: kill -9 the server mid-batch, restart it, retry -> exactly once."""

import hashlib
import os
import threading
import uuid

import httpx
import pytest
from hzserver_helpers import Api, ServerProcess, wait_until

N_WRITES = 120
N_THREADS = 4


@pytest.fixture
def fresh_server(tmp_path):
    srv = ServerProcess(tmp_path / "srv")
    srv.cli("init-demo")
    srv.start()
    yield srv
    srv.stop()


def _batch(url: str, keys: list[str], acked: dict) -> None:
    try:
        api = Api(url, "doctor")
    except httpx.TransportError:
        return  # killed before this client logged in
    for key in keys:
        body = {"patient": {"id": key, "name": "DEMO"}, "modality": "ECG"}
        try:
            r = api.post("/cases", json=body, headers={"Idempotency-Key": key})
        except httpx.TransportError:
            return  # the server died under us
        if r.status_code == 201:
            acked[key] = r.json()["id"]


def test_kill9_during_idempotent_writes_loses_and_duplicates_nothing(fresh_server):
    srv = fresh_server
    keys = [f"fault-{i:03d}-{uuid.uuid4().hex[:8]}" for i in range(N_WRITES)]
    acked: dict[str, int] = {}
    parts = [keys[i::N_THREADS] for i in range(N_THREADS)]
    threads = [threading.Thread(target=_batch, args=(srv.url, p, acked)) for p in parts]
    for t in threads:
        t.start()
    wait_until(lambda: len(acked) >= N_WRITES // 6, every=0.002)
    srv.kill9()
    for t in threads:
        t.join(timeout=60)
    before_restart = dict(acked)
    assert 0 < len(before_restart) < N_WRITES, "the kill must land inside the batch"

    srv.start()
    api = Api(srv.url, "doctor")
    for key in keys:  # the client retries everything it is not sure about
        body = {"patient": {"id": key, "name": "DEMO"}, "modality": "ECG"}
        r = api.post("/cases", json=body, headers={"Idempotency-Key": key})
        assert r.status_code == 201, r.text
        if key in before_restart:
            assert r.json()["id"] == before_restart[key], "an acknowledged write changed"
            assert r.headers.get("Idempotent-Replayed") == "true"
    stored = [c["patient"]["id"] for c in api.ok("GET", "/cases", params={"limit": 1000})["cases"]]
    assert sorted(stored) == sorted(keys)  # nothing lost, nothing duplicated


def test_upload_resumes_after_a_server_crash(fresh_server):
    srv = fresh_server
    api = Api(srv.url, "doctor")
    case = api.new_case("CR")
    chunk = 256 * 1024
    data = os.urandom(6 * chunk + 99)
    digest = hashlib.sha256(data).hexdigest()
    up = api.ok(
        "POST",
        f"/cases/{case['id']}/uploads",
        201,
        json={"filename": "big.dcm", "size": len(data), "sha256": digest},
    )
    for off in (0, chunk):
        api.ok(
            "PUT", f"/uploads/{up['id']}", params={"offset": off}, content=data[off : off + chunk]
        )
    srv.kill9()
    srv.start()
    api.client = httpx.Client(base_url=f"{srv.url}/api/v1", timeout=30)  # same token
    off = api.ok("GET", f"/uploads/{up['id']}")["offset"]
    assert off == 2 * chunk
    while off < len(data):
        off = api.ok(
            "PUT", f"/uploads/{up['id']}", params={"offset": off}, content=data[off : off + chunk]
        )["offset"]
    obj = api.ok("POST", f"/uploads/{up['id']}/complete", 201)
    assert obj["sha256"] == digest
    assert hashlib.sha256(api.get(f"/objects/{obj['id']}/content").content).hexdigest() == digest
