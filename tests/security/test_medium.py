"""Medium findings of issue 13 against a real server: 404 for what one may not
see, audited denials with the real peer address, Idempotency-Key reuse, failed
checksums, upload names, private data folders, retention, defaults."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from attack import REPO, second_clinic
from hzserver_helpers import Api, ServerProcess, wait_until
from pydicom.data import get_testdata_file

ECG = Path(get_testdata_file("waveform_ecg.dcm", download=False))  # real 12-lead (pydicom)


def upload(api: Api, case_id: int, data: bytes, name: str, digest: str | None = None):
    params = {"filename": name, "sha256": digest or hashlib.sha256(data).hexdigest()}
    return api.post(f"/cases/{case_id}/objects", params=params, content=data)


def audit(admin: Api, **params) -> list[dict]:
    return admin.ok("GET", "/admin/audit", params={"limit": 1000, **params})["entries"]


def test_what_the_caller_may_not_see_answers_404_like_what_does_not_exist(hz):
    a, admin = Api(hz.url, "doctor"), Api(hz.url, "admin")
    b = second_clinic(hz.url, admin, "demo-probe-b", "probe_b")
    case = a.new_case("ECG", patient_id="HIDDEN-1")
    obj = upload(a, case["id"], ECG.read_bytes(), "ecg.dcm").json()
    consult = a.ok(
        "POST",
        f"/cases/{case['id']}/consults",
        201,
        json={"question": "ST?", "target_department": "cardiology"},
    )
    alert = a.ok("POST", f"/cases/{case['id']}/alerts", 201, json={"message": "chest pain"})
    up = a.ok(
        "POST",
        f"/cases/{case['id']}/uploads",
        201,
        json={"filename": "x.bin", "size": 10, "sha256": "0" * 64},
    )
    missing = 10**9
    probes = [
        ("GET", "/cases/{}", case["id"]),
        ("PATCH", "/cases/{}", case["id"]),
        ("GET", "/cases/{}/objects", case["id"]),
        ("GET", "/objects/{}/content", obj["id"]),
        ("GET", "/objects/{}/pacs", obj["id"]),
        ("GET", "/consults/{}", consult["id"]),
        ("POST", "/alerts/{}/ack", alert["id"]),
        ("GET", "/uploads/{}", up["id"]),
    ]
    for method, path, ident in probes:
        hidden = b.request(method, path.format(ident), json={"version": 1})
        absent = b.request(method, path.format(missing), json={"version": 1})
        assert hidden.status_code == absent.status_code == 404, (path, hidden.text)
        assert hidden.json()["error"] == absent.json()["error"] == "not_found"
        same = hidden.json()["detail"].replace(str(ident), "N")
        assert same == absent.json()["detail"].replace(str(missing), "N")
    denied = [e for e in audit(admin, action="denied") if e["username"] == "probe_b"]
    assert len(denied) >= len(probes)
    assert all(e["ip"] == "127.0.0.1" for e in denied)


def test_every_denial_is_audited_with_the_real_peer_address(hz):
    admin = Api(hz.url, "admin")
    spoof = {"X-Forwarded-For": "203.0.113.66"}
    base = f"{hz.url}/api/v1"
    assert httpx.get(f"{base}/cases", headers=spoof, timeout=30).status_code == 401
    bad = {"Authorization": "Bearer not-a-token", **spoof}
    assert httpx.get(f"{base}/cases/1", headers=bad, timeout=30).status_code == 401
    assert (
        httpx.get(
            f"{base}/events", params={"ticket": "forged"}, headers=spoof, timeout=30
        ).status_code
        == 401
    )
    rows = [e for e in audit(admin, action="denied") if e["user_id"] is None][:3]
    assert len(rows) == 3
    assert {e["resource"] for e in rows} == {"/api/v1/cases", "/api/v1/cases/1", "/api/v1/events"}
    assert all(e["ip"] == "127.0.0.1" for e in rows)  # the socket peer, not the header
    r = httpx.post(
        f"{base}/auth/login",
        json={"username": "doctor", "password": "x"},
        headers=spoof,
        timeout=30,
    )
    assert r.status_code == 401
    failed = audit(admin, action="login_failed")[0]
    assert failed["ip"] == "127.0.0.1"


def test_x_forwarded_for_is_believed_only_from_a_configured_proxy(tmp_path):
    srv = ServerProcess(tmp_path / "hz", "--trusted-proxy", "127.0.0.1")
    srv.cli("init-demo")
    srv.start()
    try:
        hops = {"X-Forwarded-For": "198.51.100.9, 203.0.113.5"}  # client, then an untrusted hop
        r = httpx.get(f"{srv.url}/api/v1/cases", headers=hops, timeout=30)
        assert r.status_code == 401
        [row] = [e for e in audit(Api(srv.url, "admin"), action="denied")][:1]
        assert row["ip"] == "203.0.113.5"  # the nearest address that is not a trusted proxy
    finally:
        srv.stop()


def test_the_same_idempotency_key_with_another_body_is_422(hz):
    doctor = Api(hz.url, "doctor")
    key = {"Idempotency-Key": "case-create-1"}
    body = {"patient": {"id": "IDEM-1", "name": "A"}, "modality": "ECG"}
    first = doctor.ok("POST", "/cases", 201, json=body, headers=key)
    replay = doctor.post("/cases", json=body, headers=key)
    assert replay.status_code == 201 and replay.json()["id"] == first["id"]
    other = doctor.post("/cases", json=body | {"patient": {"id": "IDEM-2"}}, headers=key)
    assert other.status_code == 422 and other.json()["error"] == "idempotency_key_reused"
    data = b"first bytes"
    ukey = {"Idempotency-Key": "upload-1"}
    params = {"filename": "a.txt", "sha256": hashlib.sha256(data).hexdigest()}
    path = f"/cases/{first['id']}/objects"
    assert doctor.post(path, params=params, content=data, headers=ukey).status_code == 201
    data2 = b"other bytes"
    params2 = {"filename": "a.txt", "sha256": hashlib.sha256(data2).hexdigest()}
    assert doctor.post(path, params=params2, content=data2, headers=ukey).status_code == 422


def test_a_failed_checksum_upload_writes_no_blob(hz):
    doctor = Api(hz.url, "doctor")
    case = doctor.new_case("ECG", patient_id="CHK-1")
    data = os.urandom(4096)
    r = upload(doctor, case["id"], data, "x.bin", digest="0" * 64)
    assert r.status_code == 422 and r.json()["error"] == "checksum_mismatch"
    digest = hashlib.sha256(data).hexdigest()
    assert not (hz.data_dir / "objects" / digest[:2] / digest[2:]).exists()
    assert doctor.ok("GET", f"/cases/{case['id']}/objects")["objects"] == []


@pytest.mark.parametrize("name", ["..", ".", "ecg\x00.dcm", "../../ecg.dcm", "C:\\x\\ecg.dcm"])
def test_hostile_upload_names_are_sanitised_and_the_preread_still_runs(hz, name):
    doctor = Api(hz.url, "doctor")
    case = doctor.new_case("ECG", patient_id="NAME-1")
    body = {
        "filename": name,
        "size": ECG.stat().st_size,
        "sha256": hashlib.sha256(ECG.read_bytes()).hexdigest(),
    }
    up = doctor.ok("POST", f"/cases/{case['id']}/uploads", 201, json=body)
    assert up["filename"] not in ("", ".", "..") and "\x00" not in up["filename"]
    assert "/" not in up["filename"] and "\\" not in up["filename"]
    doctor.ok("PUT", f"/uploads/{up['id']}", params={"offset": 0}, content=ECG.read_bytes())
    obj = doctor.ok("POST", f"/uploads/{up['id']}/complete", 201)
    assert obj["filename"] == up["filename"]

    def finished():
        [o] = [o for o in doctor.ok("GET", f"/cases/{case['id']}/objects")["objects"]]
        return o if o["preread_state"] != "pending" else None

    assert wait_until(finished, 60)["preread_state"] == "done"
    assert doctor.ok("GET", f"/cases/{case['id']}/ai-results")["ai_results"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: ACLs, see README)")
def test_data_folders_are_owner_only(hz, tmp_path):
    doctor = Api(hz.url, "doctor")
    case = doctor.new_case("ECG", patient_id="PERM-1")
    obj = upload(doctor, case["id"], b"patient bytes", "p.txt").json()

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    assert mode(hz.data_dir) == 0o700
    assert mode(hz.data_dir / "server.db") == 0o600
    blob = hz.data_dir / "objects" / obj["sha256"][:2] / obj["sha256"][2:]
    assert mode(blob) == 0o600 and mode(blob.parent) == 0o700
    # the workstation's store, in a fresh process under the default umask
    code = (
        "import sys; from app.store import Store; "
        "d = sys.argv[1]; Store(f'sqlite:///{d}/huizhen.db', d)"
    )
    data = tmp_path / "ws"
    subprocess.run([sys.executable, "-c", code, str(data)], cwd=REPO, check=True)
    assert mode(data) == 0o700 and mode(data / "huizhen.db") == 0o600


def test_retention_prunes_abandoned_uploads_keys_preread_folders_and_old_audit(tmp_path):
    import tempfile

    srv = ServerProcess(tmp_path / "hz", "--upload-keep", "1", "--audit-keep-days", "30")
    srv.cli("init-demo")
    srv.start()
    stale = Path(tempfile.gettempdir()) / f"preread-sectest-{os.getpid()}"
    try:
        doctor = Api(srv.url, "doctor")
        case = doctor.new_case("ECG", patient_id="RET-1")
        body = {"filename": "x.bin", "size": 100, "sha256": "0" * 64}
        up = doctor.ok("POST", f"/cases/{case['id']}/uploads", 201, json=body)
        doctor.ok("PUT", f"/uploads/{up['id']}", params={"offset": 0}, content=b"x" * 10)
        doctor.ok("POST", "/cases", 201, json={"patient": {"id": "R"}, "modality": "ECG"},
                  headers={"Idempotency-Key": "old-key"})  # fmt: skip
        orphan = srv.data_dir / "uploads" / "deadbeef.part"
        orphan.write_bytes(b"left over")
        stale.mkdir(exist_ok=True)
        old = time.time() - 7 * 3600
        for p in (orphan, stale):
            os.utime(p, (old, old))
        db = sqlite3.connect(srv.data_dir / "server.db")
        db.execute("INSERT INTO audit_log (at, username, action, resource, resource_id, detail, ip)"
                   " VALUES ('2001-01-01 00:00:00', 'old', 'view', '', '', '{}', '')")  # fmt: skip
        db.commit()
        db.close()
        time.sleep(1.5)
        srv.stop()
        srv.start()  # the janitor prunes at start
        doctor = Api(srv.url, "doctor")

        def pruned():
            return (
                not orphan.exists()
                and not stale.exists()
                and not (srv.data_dir / "uploads" / f"{up['id']}.part").exists()
            )

        wait_until(pruned, 60)
        assert doctor.get(f"/uploads/{up['id']}").status_code == 404
        db = sqlite3.connect(srv.data_dir / "server.db")
        assert db.execute("SELECT count(*) FROM idempotency_keys").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM audit_log WHERE username='old'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 0  # recent kept
        db.close()
    finally:
        srv.stop()
        if stale.exists():
            stale.rmdir()


def test_default_port_matches_the_workstation_and_plain_http_stays_on_loopback(tmp_path):
    from urllib.parse import urlsplit

    from app.settings import Settings as WorkstationSettings
    from server.cli import build_parser, is_loopback

    default = build_parser().parse_args(["serve"]).port
    assert urlsplit(WorkstationSettings().server_url).port == default
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    cmd = [sys.executable, "-m", "server", "serve", "--host", "0.0.0.0", "--port", "0"]
    cmd += ["--data-dir", str(tmp_path)]
    out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "--insecure" in out.stderr
