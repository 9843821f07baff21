"""A crash after an upload's bytes reached the blob store but before the upload
was recorded: the upload reports its full size and completes on the restarted
server (real process; the crash is a real exit at that point, via the
``HUIZHEN_SERVER_FAILPOINT`` switch of server/files.py)."""

import hashlib
import os

import httpx
import pytest
from hzserver_helpers import Api, ServerProcess

from server.files import FAILPOINT

SIZE = 300_000
CHUNK = 100_000


@pytest.fixture
def crashed_upload(tmp_path, monkeypatch):
    """A chunked upload whose completion crashed the server; the server restarted."""
    srv = ServerProcess(tmp_path / "srv")
    srv.cli("init-demo")
    monkeypatch.setenv(FAILPOINT, "blob_stored")
    srv.start()
    try:
        api = Api(srv.url, "doctor")
        case = api.new_case("CR", patient_id="DEMO-RESUME")
        data = os.urandom(SIZE)
        digest = hashlib.sha256(data).hexdigest()
        body = {"filename": "chest.dcm", "size": SIZE, "sha256": digest}
        up = api.ok("POST", f"/cases/{case['id']}/uploads", 201, json=body)
        for offset in range(0, SIZE, CHUNK):
            part = data[offset : offset + CHUNK]
            api.ok("PUT", f"/uploads/{up['id']}", params={"offset": offset}, content=part)
        with pytest.raises(httpx.TransportError):
            api.post(f"/uploads/{up['id']}/complete")
        assert srv.proc.wait(timeout=30) == 75  # died between storing and recording
        api.client.close()
        monkeypatch.delenv(FAILPOINT)
        srv.start()
        api = Api(srv.url, "doctor")
        assert api.ok("GET", f"/cases/{case['id']}/objects")["objects"] == []  # not recorded
        yield srv, api, case, up, data
        api.client.close()
    finally:
        srv.stop()


def _complete_and_check(api, case, up, data) -> None:
    obj = api.ok("POST", f"/uploads/{up['id']}/complete", 201)
    assert obj["sha256"] == hashlib.sha256(data).hexdigest() and obj["size"] == SIZE
    [listed] = api.ok("GET", f"/cases/{case['id']}/objects")["objects"]
    assert listed["id"] == obj["id"]
    got = api.get(f"/objects/{obj['id']}/content")
    assert got.status_code == 200 and got.content == data
    state = api.ok("GET", f"/uploads/{up['id']}")
    assert state["complete"] and state["object_id"] == obj["id"]


def test_upload_stored_before_a_crash_reports_full_size_and_completes(crashed_upload):
    srv, api, case, up, data = crashed_upload
    state = api.ok("GET", f"/uploads/{up['id']}")
    assert (state["offset"], state["complete"]) == (SIZE, False)
    # a client resuming from its own idea of the offset is told where the upload is
    r = api.put(f"/uploads/{up['id']}", params={"offset": 0}, content=data[:CHUNK])
    assert r.status_code == 409, r.text
    assert r.json()["offset"] == SIZE
    _complete_and_check(api, case, up, data)


def test_upload_without_a_note_can_be_sent_again_from_offset_zero(crashed_upload):
    """A crash under a server version that wrote no note: the part is gone, the offset
    is 0, and writing from 0 again works (it used to fail with a 500)."""
    srv, api, case, up, data = crashed_upload
    (srv.data_dir / "uploads" / f"{up['id']}.done").unlink()
    assert api.ok("GET", f"/uploads/{up['id']}")["offset"] == 0
    for offset in range(0, SIZE, CHUNK):
        part = data[offset : offset + CHUNK]
        out = api.ok("PUT", f"/uploads/{up['id']}", params={"offset": offset}, content=part)
        assert out["offset"] == offset + len(part)
    _complete_and_check(api, case, up, data)
